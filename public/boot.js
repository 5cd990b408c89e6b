// Starts the Diplomap app. A file rather than trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. trunk writes the hashed names of
// the wasm-bindgen module and the wasm binary into this script tag's data attributes.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(tag.dataset.js);
const module = await compile(tag.dataset.wasm);

// Long texts are analysed off the page, in a worker running this same module
// (src/analyser). It starts now, so that all the app ever fetches is fetched while the
// page loads; it is handed the compiled module, so nothing is downloaded twice.
try {
  const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
  worker.postMessage({ js: new URL(tag.dataset.js, document.baseURI).href, module });
  globalThis.diplomapWorker = worker;
  // <html data-worker="ready">: the page has fetched all it ever will.
  const settle = (state) => (document.documentElement.dataset.worker ??= state);
  worker.addEventListener("message", ({ data }) => {
    if (data.ready || data.failed) settle(data.ready ? "ready" : "failed");
  });
  worker.addEventListener("error", () => settle("failed"));
} catch (error) {
  console.warn("Diplomap: no analysis worker; long texts are analysed on the page.", error);
}

await init({ module_or_path: module });

// Streaming compilation needs the server to say application/wasm; some do not.
async function compile(url) {
  const response = await fetch(url);
  if (response.headers.get("Content-Type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
