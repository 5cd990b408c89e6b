// What the end-to-end tests and the benchmark share to drive Debian's Chromium headless
// against a local static server (see docs in ../shared/docs/toolchain.md's traps), and
// the helpers the end-to-end tests share to drive the built app.

import assert from "node:assert/strict";
import http from "node:http";
import { mkdir, readFile, stat } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";

// As root, without a sandbox; and without the background networking that would keep
// trying to reach the internet from a machine that has none.
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const DIST = path.join(ROOT, "dist");
export const SHOTS = path.join(ROOT, "target", "screenshots");
// The app must work from any sub-path of any static host.
export const BASE_PATH = "/newsroom/tools/diplomap/";

// Content types for the files a built app and the benchmark pages serve.
export const CONTENT_TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
};

/** Answers a request with a file, uncached, or 404 when it cannot be read. */
export async function sendFile(res, file) {
  try {
    const body = await readFile(file);
    res.writeHead(200, {
      "content-type": CONTENT_TYPES[path.extname(file)] ?? "application/octet-stream",
      "cache-control": "no-store",
    });
    res.end(body);
  } catch {
    res.writeHead(404).end("not found");
  }
}

/**
 * A static server on 127.0.0.1 (a free port) for `routes`, a list of `[prefix, target]`:
 * a prefix ending in `/` serves the directory `target` (`index.html` for the prefix
 * itself, nothing outside it), any other prefix the single file `target`.
 */
export function serve(routes) {
  return new Promise((resolve) => {
    const server = http.createServer(async (req, res) => {
      const url = new URL(req.url, "http://127.0.0.1");
      const route = routes.find(([prefix]) => url.pathname.startsWith(prefix));
      if (!route) return res.writeHead(404).end("not found");
      const [prefix, target] = route;
      const relative = decodeURIComponent(url.pathname.slice(prefix.length)) || "index.html";
      const file = prefix.endsWith("/") ? path.resolve(target, relative) : target;
      if (prefix.endsWith("/") && !file.startsWith(path.resolve(target) + path.sep)) {
        return res.writeHead(403).end("forbidden");
      }
      await sendFile(res, file);
    });
    server.listen(0, "127.0.0.1", () => resolve(server));
  });
}

/** The workspace is restored (its store saves as it changes). */
export const RESTORED = ".doc-tabs .doc-item:not(.doc-item-all)";

/**
 * The built app (`dist/`) served under BASE_PATH, and a headless Chromium to open it in.
 * `open(options, {worker, beforeLoad, ready})` gives a fresh context and page on the app
 * with the analysis worker in state `worker` ("ready" unless a test breaks it in
 * `beforeLoad(context)`) and `ready` on the page (by default the sample analysed; or
 * RESTORED, the workspace back whatever it holds), recording in `seen` every request,
 * dialog (dismissed), console message (as `type: text`), page error, and in
 * `window.__cspViolations` every CSP report. `page(context, {ready, path})` opens another
 * page of the app in a context (or in `page`, a page of it), recorded the same way.
 */
export async function startApp() {
  await stat(path.join(DIST, "index.html")).catch(() => {
    throw new Error("dist/index.html is missing: run `make build` first");
  });
  const server = await serve([[BASE_PATH, DIST]]);
  const origin = `http://127.0.0.1:${server.address().port}`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_ARGS });
  await mkdir(SHOTS, { recursive: true });

  async function open(options = {}, { worker = "ready", beforeLoad, ready } = {}) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
    await beforeLoad?.(context);
    const { page, seen } = await openPage(context, { worker, ready });
    return { context, page, seen };
  }

  async function openPage(context, { worker = "ready", ready = "article.reading mark.ent", page: given } = {}) {
    const page = given ?? (await context.newPage());
    const seen = { requests: [], dialogs: [], console: [], errors: [] };
    page.on("request", (request) => seen.requests.push(request.url()));
    page.on("dialog", async (dialog) => {
      seen.dialogs.push(dialog.message());
      await dialog.dismiss();
    });
    page.on("console", (message) => seen.console.push(`${message.type()}: ${message.text()}`));
    page.on("pageerror", (error) => seen.errors.push(String(error)));
    await page.addInitScript(() => {
      window.__cspViolations = [];
      document.addEventListener("securitypolicyviolation", (event) => {
        window.__cspViolations.push(`${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(origin + BASE_PATH);
    await page.waitForSelector(ready, { timeout: 20000 });
    if (ready === RESTORED) await restored(page);
    // The analysis worker has fetched its files: nothing more is ever requested.
    await page.waitForSelector(`html[data-worker=${worker}]`, { state: "attached", timeout: 20000 });
    return { page, seen };
  }

  async function close() {
    await browser.close();
    await new Promise((resolve) => server.close(resolve));
  }

  return { origin, browser, open, page: openPage, close };
}

/**
 * Waits until the page has loaded the second tier of places (or given up on it): the
 * last file a page fetches by itself, once its restored workspace is shown.
 */
export async function tierSettled(page, timeout = 20000) {
  await page.waitForSelector("html[data-tier]", { state: "attached", timeout });
}

/** Waits until the page's workspace is restored: no line says it is being restored (or waits for another tab). */
export async function restored(page, timeout = 20000) {
  await page.waitForSelector(RESTORED, { timeout });
  await page.waitForFunction(() => !/Restoring|Waiting/.test(document.querySelector(".store-status")?.textContent ?? ""), null, {
    timeout,
  });
}

/**
 * Resolves once the page's service worker is activated: it has kept its files and serves
 * new pages. Rejects after `timeoutMs` (none may ever be registered).
 */
export function serviceWorkerActivated(page, timeoutMs = 30000) {
  return page.evaluate(async (timeoutMs) => {
    const activated = (async () => {
      const { active } = await navigator.serviceWorker.ready;
      if (active.state === "activated") return;
      await new Promise((resolve) => active.addEventListener("statechange", () => active.state === "activated" && resolve()));
    })();
    const late = new Promise((_, reject) =>
      setTimeout(() => reject(new Error(`no service worker became active within ${timeoutMs} ms`)), timeoutMs),
    );
    await Promise.race([activated, late]);
  }, timeoutMs);
}

/** Puts `text` into the text box the way a paste does: its value changes, then `input`. */
export function pasteIntoBox(page, text) {
  return page.evaluate((text) => {
    const box = document.querySelector("#article-text");
    box.value = text;
    box.dispatchEvent(new Event("input", { bubbles: true }));
  }, text);
}

/** Records in `window.__progress` what the progress line says while a worker analyses. */
export function watchProgress(page) {
  return page.evaluate(() => {
    window.__progress = [];
    new MutationObserver(() => {
      const line = document.querySelector(".analysing");
      if (line) window.__progress.push(line.textContent);
    }).observe(document.body, { subtree: true, childList: true, characterData: true });
  });
}

/** Drops `files` (`{name, body, type}`) on the app's drop zone, as a drag from the desktop would. */
export async function dropFiles(page, files) {
  const transfer = await page.evaluateHandle((files) => {
    const transfer = new DataTransfer();
    for (const { name, body, type } of files) transfer.items.add(new File([body], name, { type }));
    return transfer;
  }, files);
  await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: transfer });
}

/** Clicks an export button; the download's suggested name and bytes. */
export async function exported(page, format) {
  const [download] = await Promise.all([
    page.waitForEvent("download", { timeout: 10000 }),
    page.click(`.export-row button[data-export="${format}"]`),
  ]);
  return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
}

/** The article's text box, in Edit mode (the article is read highlighted until Edit is pressed). */
export async function editor(page) {
  const box = page.locator("#article-text");
  if (!(await box.isVisible())) await page.click(".mode-edit");
  return box;
}

/** Waits up to 3 s for the notice line to match `pattern`. */
export async function assertNotice(notice, pattern) {
  await notice.waitFor();
  const deadline = Date.now() + 3000;
  let text = "";
  while (Date.now() < deadline) {
    text = await notice.innerText();
    if (pattern.test(text)) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(text, pattern);
}
