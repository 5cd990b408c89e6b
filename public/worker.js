// The analysis worker: long texts are analysed here, off the page, by the page's own
// wasm module. Its protocol, in full (src/analyser/mod.rs is the other side):
//
//   page -> worker, once, first:  {js: <URL of the wasm-bindgen glue>, module: <WebAssembly.Module>,
//                                  tier: <file name of the second tier, or absent>}
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
//   page -> worker:  {tier: true}  (once the page is idle after its first highlight)
//     The worker gets the second tier (the towns and counties, and the tables the first
//     download leaves out): from its cache (Cache API, kept for offline visits) or from
//     the page's origin, never another; loads it into its module (the module checks
//     every byte: a corrupt or cut file is refused) and caches it, then answers
//     {tier: <Uint8Array, the file>} for the page to load too, or {tierFailed: <why>}.
//     Without a tier in the build (a single-file build) nothing is fetched and nothing
//     answered: the first tier is all there is.
//
// Only the page that started a dedicated worker can post to it, and that page hands
// its handle to the wasm module and keeps no other (public/boot.js).
let started = false;
let analyse = null;
let loadTier = null;
let tierFile = null;
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
    loadTier = module.loadTier;
    if (typeof data.tier === "string") tierFile = new URL(data.tier, self.location.href);
    self.postMessage({ ready: true });
  } catch (error) {
    failure = String(error);
    self.postMessage({ failed: failure });
  }
  waiting.splice(0).forEach(answer);
}

function answer(data) {
  if (failure) return self.postMessage({ failed: failure });
  if (data?.tier === true) return fetchTier();
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

// The cache of the second tier. Its file name changes with its content, so an entry is
// never stale; entries of other names (earlier builds) are dropped once one loads.
const TIER_CACHE = "diplomap-tier";

let tierAsked = false;

async function fetchTier() {
  if (tierAsked || tierFile === null) return;
  tierAsked = true;
  try {
    if (tierFile.origin !== self.location.origin) {
      throw new Error(`refused to fetch from ${tierFile.origin}: not the page's origin`);
    }
    const cache = await openCache();
    const cached = await cache?.match(tierFile);
    if (cached) {
      const bytes = new Uint8Array(await cached.arrayBuffer());
      if (loaded(bytes)) return self.postMessage({ tier: bytes }, [bytes.buffer]);
      await cache.delete(tierFile);
    }
    const response = await fetch(tierFile, { credentials: "same-origin" });
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const bytes = new Uint8Array(await response.arrayBuffer());
    loadTier(bytes); // Throws if the file is corrupt or cut short.
    await keep(cache, bytes);
    self.postMessage({ tier: bytes }, [bytes.buffer]);
  } catch (error) {
    self.postMessage({ tierFailed: String(error?.message ?? error) });
  }
}

function loaded(bytes) {
  try {
    loadTier(bytes);
    return true;
  } catch {
    return false;
  }
}

// The Cache API needs a secure context (https, or localhost); without it every visit
// fetches the tier again.
async function openCache() {
  try {
    return self.caches ? await self.caches.open(TIER_CACHE) : null;
  } catch {
    return null;
  }
}

async function keep(cache, bytes) {
  if (!cache) return;
  try {
    await cache.put(tierFile, new Response(bytes, { headers: { "Content-Type": "application/octet-stream" } }));
    for (const request of await cache.keys()) {
      if (request.url !== tierFile.href) await cache.delete(request);
    }
  } catch {
    // A full or refused cache: the tier is loaded all the same, and fetched next time.
  }
}
