// The analysis worker: long texts are analysed here, off the page, by the page's own
// wasm module. Its protocol, in full (src/analyser/mod.rs is the other side):
//
//   page -> worker, once, first:  {js: <URL of the wasm-bindgen glue>, module: <WebAssembly.Module>}
//     The worker imports the glue and instantiates the module (compiled by the page, so
//     nothing is downloaded twice), then answers {ready: true}, or {failed: <why>}.
//     The glue must come from the worker's own origin (a blob: URL made by the page
//     counts as its origin): the worker never runs a script from elsewhere, whatever
//     the host's headers. Any later start message is ignored.
//   page -> worker:  {id: <integer 0..2^32-1>, text: <string>}
//     Answered with {id, progress: <0..1>} after each stage of the analysis, then
//     {id, bytes: <Uint8Array, the encoded analysis>} or {id, error: <why>}.
//     A message of any other shape is refused, {id, error} when it has a usable id,
//     and never reaches the wasm module. Texts that arrive while the module starts
//     wait for it; if it could not start, each is answered {failed: <why>}.
//
// Only the page that started a dedicated worker can post to it, and that page hands
// its handle to the wasm module and keeps no other (public/boot.js).
let started = false;
let analyse = null;
let failure = null;
const waiting = [];

self.onmessage = ({ data }) => {
  if (!started) {
    started = true;
    return start(data);
  }
  if (isStart(data)) return; // Started once; never again.
  if (analyse || failure) answer(data);
  else waiting.push(data);
};

function isStart(data) {
  return typeof data === "object" && data !== null && "module" in data;
}

async function start(data) {
  try {
    if (!isStart(data) || !(data.module instanceof WebAssembly.Module) || typeof data.js !== "string") {
      throw new Error("the first message was not a start message");
    }
    const glue = new URL(data.js, self.location.href);
    if (glue.origin !== self.location.origin) {
      throw new Error(`refused to load ${glue.origin}: not the page's origin`);
    }
    // The single file (make single) runs this as a classic script with the glue in
    // front of it as `self.diplomapGlue`: Chromium lets no worker started from a
    // file:// page import a module.
    const module = self.diplomapGlue ?? (await import(glue.href));
    await module.default({ module_or_path: data.module });
    analyse = module.analyseEncoded;
    self.postMessage({ ready: true });
  } catch (error) {
    failure = String(error);
    self.postMessage({ failed: failure });
  }
  waiting.splice(0).forEach(answer);
}

function answer(data) {
  if (failure) return self.postMessage({ failed: failure });
  const id = data?.id;
  if (!Number.isInteger(id) || id < 0 || id > 0xffffffff) return;
  if (typeof data.text !== "string") {
    return self.postMessage({ id, error: "the worker was sent a text that is not a string" });
  }
  try {
    const bytes = analyse(data.text, (share) => self.postMessage({ id, progress: share }));
    self.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ id, error: String(error) });
  }
}
