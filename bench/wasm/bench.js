// The extraction core compiled to wasm (bench/wasm-bench), timed in the page.
// bench/browser.mjs serves this directory with the wasm-bindgen output under pkg-NAME/
// and the corpus texts as texts.json, then calls window.runBench(NAME, minBytes).

window.runBench = async (name, minBytes) => {
  const started = performance.now();
  const core = await import(`./pkg-${name}/diplomap_wasm_bench.js`);
  await core.default({ module_or_path: `./pkg-${name}/diplomap_wasm_bench_bg.wasm` });
  const loadMs = performance.now() - started;
  const texts = await (await fetch("./texts.json")).json();

  let mark = performance.now();
  core.warm_up();
  const gazetteerMs = performance.now() - mark;

  // One untimed pass, so the timed ones run on optimised code (V8 tiers wasm up lazily).
  mark = performance.now();
  core.analyze_all(texts);
  const firstPassMs = performance.now() - mark;

  let bytes = 0;
  let entities = 0;
  mark = performance.now();
  while (bytes < minBytes) {
    const [found, , analysed] = core.analyze_all(texts);
    entities += found;
    bytes += analysed;
  }
  const seconds = (performance.now() - mark) / 1000;
  return { bytes, seconds, mb_per_s: bytes / 1e6 / seconds, load_ms: loadMs, gazetteer_ms: gazetteerMs, first_pass_ms: firstPassMs, entities };
};
window.benchReady = true;
