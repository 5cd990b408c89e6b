// The browser half of the benchmark (`bench/run` calls this): headless Debian Chromium
// driven by playwright-core, pages served from a small static server on 127.0.0.1.
//
//   node bench/browser.mjs --texts FILE --paste FILE --dist DIR [--wasm NAME=DIR ...]
//                          [--min-wasm-bytes N] [--runs N] [--only tier]
//
// Measures, and prints as one JSON object:
//   wasm.NAME   the core compiled to wasm (bench/wasm-bench, wasm-bindgen output in DIR)
//               analysing the texts of FILE (a JSON array of strings) in rounds until at
//               least N bytes (default 10 MB) were analysed, after one untimed pass;
//   download    the files a first visit fetches, raw and gzipped (-9): the page's, and
//               those its service worker fetches that the page did not (its own script,
//               the files it keeps for offline use), counted once per URL; but the
//               second tier, which comes after the first highlight (its own row, `tier`);
//   first       time from navigation to the first frame with the sample highlighted,
//               each run in a fresh browser context (empty cache and storage);
//   tier        the second tier's file (dist/tier-*.bin), raw and gzipped, and when it is
//               loaded on the page after navigation: on a first visit (fetched) and on the
//               next (from the worker's cache), the median of the runs;
//               `--only tier` measures this alone;
//   paste       a paste of the text in --paste into the app: time until its highlights
//               are on screen, and the main-thread long tasks (PerformanceObserver
//               `longtask`) from the paste until then.

import { access, readFile, readdir } from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, serve, serviceWorkerActivated } from "../e2e/chromium.mjs";

const HERE = path.dirname(fileURLToPath(import.meta.url));
// The app is served under a sub-path, as it would be on a real host.
const APP = "/app/";
// The last paragraph of the paste: when it is in the reading view, the paste is shown.
const PASTE_END = "Diplomap benchmark: end of the pasted text, filed from Geneva.";

function parseArgs(argv) {
  const options = { wasm: [], minWasmBytes: 10_000_000, runs: 5, only: null };
  for (let i = 0; i < argv.length; i += 2) {
    const [flag, value] = [argv[i], argv[i + 1]];
    if (flag === "--wasm") options.wasm.push(value.split("="));
    else if (flag === "--texts") options.texts = value;
    else if (flag === "--paste") options.paste = value;
    else if (flag === "--dist") options.dist = path.resolve(value);
    else if (flag === "--min-wasm-bytes") options.minWasmBytes = Number(value);
    else if (flag === "--runs") options.runs = Number(value);
    else if (flag === "--only") options.only = value;
    else throw new Error(`unknown option ${flag}`);
  }
  return options;
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

async function benchWasm(browser, origin, name, minBytes) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.goto(`${origin}/wasm/`);
  await page.waitForFunction(() => window.benchReady === true);
  try {
    return await page.evaluate(([n, b]) => window.runBench(n, b), [name, minBytes]);
  } catch (error) {
    return { error: `${error.message.split("\n")[0]} ${errors.join("; ")}`.trim() };
  } finally {
    await context.close();
  }
}

/// Records when the first entity highlight is in the document, and the next frame.
function watchFirstHighlight() {
  window.__highlighted = null;
  window.__shown = null;
  const observer = new MutationObserver(() => {
    if (window.__highlighted === null && document.querySelector("article.reading mark.ent")) {
      window.__highlighted = performance.now();
      observer.disconnect();
      requestAnimationFrame(() => {
        window.__shown = performance.now();
      });
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function firstVisit(browser, origin, dist, { offlineCopy = false } = {}) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const fetched = new Set();
  page.on("request", (request) => fetched.add(request.url()));
  await page.addInitScript(watchFirstHighlight);
  await page.goto(origin + APP);
  await page.waitForFunction(() => window.__shown !== null, null, { timeout: 30_000 });
  // The service worker installs after the first highlight. Once it is active, its script
  // and the files it keeps (read from its cache) are what it downloaded.
  if (offlineCopy) {
    await serviceWorkerActivated(page);
    const kept = await page.evaluate(async () => {
      const urls = [(await navigator.serviceWorker.ready).active.scriptURL];
      for (const name of await caches.keys()) {
        for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
      }
      return urls;
    });
    for (const url of kept) fetched.add(url);
  }
  const timing = await page.evaluate(() => {
    const nav = performance.getEntriesByType("navigation")[0];
    return {
      highlighted_ms: window.__highlighted,
      shown_ms: window.__shown,
      dom_content_loaded_ms: nav ? nav.domContentLoadedEventEnd : null,
    };
  });
  await context.close();
  return { timing, fetched: [...fetched] };
}

const TIER_FILE = /^tier-[0-9a-f]+\.bin$/;

async function downloadSizes(fetched, origin, dist) {
  const kinds = {};
  const files = [];
  for (const url of fetched) {
    const { pathname, origin: from } = new URL(url);
    if (from !== origin || !pathname.startsWith(APP)) continue;
    const relative = decodeURIComponent(pathname.slice(APP.length)) || "index.html";
    if (TIER_FILE.test(relative)) continue;
    const body = await readFile(path.join(dist, relative));
    const gzip = zlib.gzipSync(body, { level: 9 }).length;
    const ext = path.extname(relative).slice(1);
    const kind = { wasm: "wasm", js: "js", mjs: "js", css: "css", html: "html" }[ext] ?? "data";
    kinds[kind] ??= { files: 0, raw: 0, gzip: 0 };
    kinds[kind].files += 1;
    kinds[kind].raw += body.length;
    kinds[kind].gzip += gzip;
    files.push({ file: relative, raw: body.length, gzip });
  }
  const total = Object.values(kinds).reduce(
    (sum, k) => ({ files: sum.files + k.files, raw: sum.raw + k.raw, gzip: sum.gzip + k.gzip }),
    { files: 0, raw: 0, gzip: 0 },
  );
  return { kinds, total, files };
}

/// Records when the page has loaded the second tier (<html data-tier>, src/analyser).
function watchTier() {
  window.__tier = null;
  new MutationObserver((_, observer) => {
    const state = document.documentElement.dataset.tier;
    if (state && window.__tier === null) {
      window.__tier = { state, ms: performance.now() };
      observer.disconnect();
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ["data-tier"] });
}

/// The second tier: its size, and when it is loaded after navigation, fetched on a first
/// visit and then from the worker's cache on a second visit in the same context.
async function secondTier(browser, origin, dist, runs) {
  const name = (await readdir(dist)).find((file) => TIER_FILE.test(file));
  if (!name) return { error: "no tier file in the build" };
  const body = await readFile(path.join(dist, name));
  const times = { fetched: [], cached: [] };
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      for (const visit of ["fetched", "cached"]) {
        const page = await context.newPage();
        await page.addInitScript(watchTier);
        await page.goto(origin + APP);
        await page.waitForFunction(() => window.__tier !== null, null, { timeout: 60_000 });
        const tier = await page.evaluate(() => window.__tier);
        if (tier.state !== "loaded") return { error: `the tier ${tier.state}` };
        times[visit].push(tier.ms);
        await page.close();
      }
    } finally {
      await context.close();
    }
  }
  return {
    file: name,
    raw: body.length,
    gzip: zlib.gzipSync(body, { level: 9 }).length,
    runs,
    fetched_ms: median(times.fetched),
    cached_ms: median(times.cached),
  };
}

async function paste(browser, origin, text) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (error) => errors.push(String(error)));
  await page.addInitScript(watchFirstHighlight);
  await page.goto(origin + APP);
  await page.waitForFunction(() => window.__shown !== null, null, { timeout: 30_000 });
  await page.waitForTimeout(1000);
  // The text goes to the page first, so only the paste itself is timed.
  await page.evaluate((t) => {
    window.__paste = t;
  }, text);
  const result = await page.evaluate(
    ([end, limitMs]) =>
      new Promise((resolve) => {
        const tasks = [];
        const observer = new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) tasks.push({ start: entry.startTime, duration: entry.duration });
        });
        observer.observe({ type: "longtask" });
        const reading = document.querySelector("article.reading");
        const box = document.querySelector("#article-text");
        let shownAt = null;
        let highlightedAt = null;
        const finish = (timedOut) => {
          // Let the tasks that follow the render (if any) end and be reported.
          setTimeout(() => {
            observer.disconnect();
            const after = tasks.filter((task) => task.start + task.duration >= start);
            resolve({
              highlighted_ms: highlightedAt === null ? null : highlightedAt - start,
              shown_ms: shownAt === null ? null : shownAt - start,
              timed_out: timedOut,
              marks: reading.querySelectorAll("mark.ent").length,
              long_tasks: after.length,
              longest_task_ms: after.reduce((max, task) => Math.max(max, task.duration), 0),
              blocking_ms: after.reduce((sum, task) => sum + Math.max(0, task.duration - 50), 0),
            });
          }, 1000);
        };
        const done = () => {
          const last = reading.lastElementChild;
          return last !== null && last.textContent.includes(end) && reading.querySelector("mark.ent") !== null;
        };
        const watcher = new MutationObserver(() => {
          if (highlightedAt !== null || !done()) return;
          highlightedAt = performance.now();
          watcher.disconnect();
          requestAnimationFrame(() => {
            shownAt = performance.now();
            finish(false);
          });
        });
        watcher.observe(reading, { childList: true });
        setTimeout(() => {
          if (highlightedAt === null) {
            watcher.disconnect();
            finish(true);
          }
        }, limitMs);
        // A paste into the text box: its value changes and it fires `input`.
        const start = performance.now();
        box.value = window.__paste;
        box.dispatchEvent(new Event("input", { bubbles: true }));
      }),
    [PASTE_END, 60_000],
  );
  result.errors = errors;
  await context.close();
  return result;
}

const options = parseArgs(process.argv.slice(2));
const routes = [
  ...(options.texts ? [["/wasm/texts.json", path.resolve(options.texts)]] : []),
  ...options.wasm.map(([name, dir]) => [`/wasm/pkg-${name}/`, path.resolve(dir)]),
  ["/wasm/", path.join(HERE, "wasm")],
];
if (options.dist) routes.push([APP, options.dist]);
const server = await serve(routes);
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
const report = { chromium: browser.version(), wasm: {} };
try {
  if (options.only === "tier") {
    report.tier = await tierOrError(options.runs);
  } else {
    await benchAll();
  }
} finally {
  await browser.close();
  server.close();
}
console.log(JSON.stringify(report));

async function benchAll() {
  for (const [name] of options.wasm) {
    report.wasm[name] = await benchWasm(browser, origin, name, options.minWasmBytes);
  }
  if (options.dist) {
    const runs = [];
    let fetched = [];
    const offlineCopy = await access(path.join(options.dist, "sw.js")).then(() => true, () => false);
    for (let i = 0; i < options.runs; i++) {
      try {
        const visit = await firstVisit(browser, origin, options.dist, { offlineCopy: offlineCopy && i === 0 });
        runs.push(visit.timing);
        if (i === 0) fetched = visit.fetched;
      } catch (error) {
        report.first = { error: error.message.split("\n")[0] };
        break;
      }
    }
    if (runs.length) {
      report.first = {
        runs: runs.length,
        shown_ms: median(runs.map((r) => r.shown_ms)),
        highlighted_ms: median(runs.map((r) => r.highlighted_ms)),
        all_shown_ms: runs.map((r) => Math.round(r.shown_ms)),
      };
      report.download = await downloadSizes(fetched, origin, options.dist);
    }
    if (options.paste) {
      const text = (await readFile(options.paste, "utf8")).trimEnd() + "\n\n" + PASTE_END + "\n";
      try {
        report.paste = { bytes: Buffer.byteLength(text), ...(await paste(browser, origin, text)) };
      } catch (error) {
        report.paste = { error: error.message.split("\n")[0] };
      }
    }
    report.tier = await tierOrError(options.runs);
  }
}

async function tierOrError(runs) {
  try {
    return await secondTier(browser, origin, options.dist, runs);
  } catch (error) {
    return { error: error.message.split("\n")[0] };
  }
}
