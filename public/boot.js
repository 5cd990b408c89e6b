// Starts the Diplomap app. A file rather than trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. This script tag's data attributes
// name the wasm-bindgen module, the wasm binary, the analysis worker, the share links'
// module and the service worker: trunk writes them (Trunk.toml); the single file (make
// single) gives blob: URLs for all but the last, a classic worker (data-worker-type)
// and no service worker.
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
  const worker = startWorker(tag, module);
  await glue.default({ module_or_path: module });
  if (worker) glue.adoptWorker(worker);
  shareLinks(glue, tag.dataset.share);
  if (tag.dataset.sw) keepOffline(tag.dataset.sw);
}

// Share links (src/share.rs): their code, share.js, is loaded only when one is made,
// or opened (now, or when one is pasted into the address bar of the open page).
function shareLinks(glue, url) {
  const share = (name, ...args) =>
    import(url)
      .then((module) => module[name](glue, ...args))
      .catch((error) => glue.shareAnswer(`Share links do not work here: ${error}`, true));
  glue.adoptShare((title, text) => share("copy", title, text));
  const open = () => location.hash && share("take");
  open();
  addEventListener("hashchange", open);
}

// Offline use: the service worker keeps the app's files (sw.js). Registered once the app
// runs, so it never delays the first highlight; a page it already controls also offers
// new deployments (updates.js).
function keepOffline(serviceWorker) {
  navigator.serviceWorker?.register(serviceWorker).then(
    (registration) => navigator.serviceWorker.controller && import("./updates.js").then(({ watch }) => watch(registration)),
    (error) => console.warn("Diplomap: no offline copy.", error),
  );
}

// `data-tier`: the second tier's file name (scripts/trunk/tier.py writes it into the
// page), fetched by the worker when the app asks, after its first highlight.
function startWorker(tag, module) {
  try {
    const worker = new Worker(tag.dataset.worker, { type: tag.dataset.workerType ?? "module" });
    worker.postMessage({ js: new URL(tag.dataset.js, document.baseURI).href, module, tier: tag.dataset.tier });
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
