// Starts the Diplomap app. A file rather than trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. trunk writes the hashed names of
// the wasm-bindgen module and the wasm binary into this script tag's data attributes.
//
// Inside a frame of another page the app does not start: a page that framed it could
// lay its own buttons over Diplomap's (a meta CSP cannot say frame-ancestors; the
// README gives the headers that also stop framing before this script runs).
if (window.top !== window.self) {
  refuseFrame();
} else {
  await start();
}

function refuseFrame() {
  const note = document.createElement("p");
  note.className = "noscript";
  note.textContent = "Diplomap does not run inside another page. Open it in a tab of its own.";
  document.body.replaceChildren(note);
}

async function start() {
  const tag = document.querySelector("script[data-js][data-wasm]");
  const glue = await import(tag.dataset.js);
  const module = await compile(tag.dataset.wasm);
  // Long texts are analysed off the page, in a worker running this same module
  // (src/analyser, public/worker.js). It starts now, so that all the app ever fetches
  // is fetched while the page loads, and is handed the compiled module, so nothing is
  // downloaded twice. Its handle goes to the app alone (adoptWorker), never to a global.
  const worker = startWorker(new URL(tag.dataset.js, document.baseURI).href, module, tag.dataset.tier);
  await glue.default({ module_or_path: module });
  if (worker) glue.adoptWorker(worker);
}

// `tier`: the second tier's file name (scripts/trunk/tier.py writes it into the page),
// fetched by the worker when the app asks, after its first highlight.
function startWorker(js, module, tier) {
  try {
    const worker = new Worker(new URL("worker.js", import.meta.url), { type: "module" });
    worker.postMessage({ js, module, tier });
    // <html data-worker="ready">: the page has fetched all it ever will.
    const settle = (state) => (document.documentElement.dataset.worker ??= state);
    worker.addEventListener("message", ({ data }) => {
      if (data.ready || data.failed) settle(data.ready ? "ready" : "failed");
    });
    worker.addEventListener("error", () => settle("failed"));
    return worker;
  } catch (error) {
    console.warn("Diplomap: no analysis worker; long texts are analysed on the page.", error);
    return null;
  }
}

// Streaming compilation needs the server to say application/wasm; some do not.
async function compile(url) {
  const response = await fetch(url);
  if (response.headers.get("Content-Type")?.startsWith("application/wasm")) {
    return WebAssembly.compileStreaming(response);
  }
  return WebAssembly.compile(await response.arrayBuffer());
}
