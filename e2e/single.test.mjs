// The single file (`make single` → dist-single/diplomap.html) opened from file://, with
// no server: in headless Chromium, and in Firefox (Debian's firefox-esr over WebDriver
// BiDi, e2e/firefox.mjs) when it is installed. It highlights the sample and draws the map
// with no request but for the page's own file and blob:/data: URLs, analyses a long
// text in its worker (started from a blob: URL), keeps its workspace across a reload,
// and its Content-Security-Policy stays strict.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { access, readFile } from "node:fs/promises";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, pasteIntoBox, watchProgress } from "./chromium.mjs";
import { FIREFOX, launchFirefox } from "./firefox.mjs";

const SINGLE = path.join(ROOT, "dist-single", "diplomap.html");
const URL_OF_FILE = pathToFileURL(SINGLE).href;
// Over 128 KB, so the app hands it to its worker.
const LONG = Array.from(
  { length: 2500 },
  (_, i) => `Report ${i}: Kazakh and Russian ministers met in Astana and signed a $${(i % 9) + 1} billion deal.`,
).join("\n\n");
// The sample is highlighted and the worker has started (or failed).
const sampleDone = () => document.querySelector("article.reading mark.ent") && document.documentElement.dataset.worker;

// A share link to the file, made as "Copy link" makes them (public/share.js).
const SHARED = "Grain deal in Astana";
async function shareLink() {
  const source = await readFile(path.join(ROOT, "public", "share.js"), "utf8");
  const { link } = await import(`data:text/javascript,${encodeURIComponent(source)}`);
  return (await link(SHARED, `${SHARED}\n\nKazakh and Russian ministers met in Astana.`, URL_OF_FILE)).url;
}
const sharedShown = (title) =>
  document.querySelector(".doc-current .doc-tab")?.textContent === title &&
  /from the link/.test(document.querySelector(".notice-slot")?.textContent);

/** Requests that would leave the file: anything but itself and the page's blob:/data: URLs. */
const outside = (requests) =>
  requests.filter((url) => url !== URL_OF_FILE && !url.startsWith("blob:") && !url.startsWith("data:"));

before(async () => {
  await access(SINGLE).catch(() => {
    throw new Error("dist-single/diplomap.html is missing: run `make single` first");
  });
});

describe("the single file", () => {
  test("keeps a strict Content-Security-Policy", async () => {
    const html = await readFile(SINGLE, "utf8");
    const policy = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)[1];
    const directives = Object.fromEntries(policy.split(/;\s*/).map((part) => [part.split(" ")[0], part.split(" ").slice(1)]));
    assert.deepEqual(directives["default-src"], ["'none'"]);
    assert.deepEqual(
      directives["script-src"].filter((source) => !source.startsWith("'sha256-")),
      ["blob:", "'wasm-unsafe-eval'"],
    );
    assert.ok(directives["style-src"].every((source) => source.startsWith("'sha256-")));
    assert.doesNotMatch(policy, /'unsafe-inline'|'unsafe-eval'|\*|https?:|file:/);
    // Every script that runs is the one hashed loader; the others are data blocks.
    const scripts = [...html.matchAll(/<script\b([^>]*)>/g)].map(([, attributes]) => attributes);
    assert.equal(scripts.filter((attributes) => !/type="application\/gzip"/.test(attributes)).length, 1);
  });
});

describe("the single file from file:// in Chromium", () => {
  let browser;
  let context;
  let page;
  const requests = [];
  const problems = [];

  before(async () => {
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.on("request", (request) => requests.push(request.url()));
    page = await context.newPage();
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => {
      if (/^(error|warning)$/.test(message.type())) problems.push(`${message.type()}: ${message.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener("securitypolicyviolation", (event) => {
        console.error(`CSP: ${event.violatedDirective} ${event.blockedURI}`);
      });
    });
    await page.goto(URL_OF_FILE);
  });

  after(async () => {
    await browser?.close();
  });

  test("highlights the sample and draws the map with no network request", async () => {
    await page.waitForFunction(sampleDone, null, { timeout: 30000 });
    assert.equal(await page.evaluate(() => document.documentElement.dataset.worker), "ready");
    const money = await page.locator('mark[data-label="MONEY"]').allInnerTexts();
    assert.ok(money.includes("$1.2 billion"), `money: ${money}`);
    assert.ok((await page.locator("svg.map-svg path").count()) > 100, "the world map");
    assert.ok((await page.locator("svg.map-svg g.edge").count()) > 0, "relations on it");
    assert.deepEqual(outside(requests), []);
    assert.deepEqual(problems, []);
  });

  test("analyses a long text in its worker and keeps it across a reload", async () => {
    await watchProgress(page);
    await pasteIntoBox(page, LONG);
    await page.waitForFunction(() => document.querySelector("article.reading")?.textContent.includes("Report 2499"), null, {
      timeout: 60000,
    });
    await page.waitForSelector("article.reading mark.ent");
    assert.ok((await page.evaluate(() => window.__progress)).some((line) => /Analysing/.test(line)), "the worker's progress");
    assert.equal(await page.evaluate(() => document.documentElement.dataset.worker), "ready");

    await page.waitForTimeout(500);
    await page.reload();
    await page.waitForFunction(sampleDone, null, { timeout: 30000 });
    await page.waitForFunction(() => document.querySelector("article.reading")?.textContent.includes("Report 2499"), null, {
      timeout: 30000,
    });
    assert.deepEqual(outside(requests), []);
    assert.deepEqual(problems, []);
  });

  test("opens a share link into its workspace", async () => {
    await page.goto(await shareLink());
    await page.waitForFunction(sharedShown, SHARED, { timeout: 30000 });
    assert.equal(new URL(page.url()).hash, "");
    assert.deepEqual(outside(requests), []);
    assert.deepEqual(problems, []);
  });
});

describe("the single file from file:// in Firefox", async () => {
  const installed = await access(FIREFOX).then(() => true, () => false);
  let firefox;

  before(async () => {
    if (installed) firefox = await launchFirefox();
  });

  after(async () => {
    await firefox?.close();
  });

  test("highlights the sample and draws the map with no network request", { skip: !installed && `no ${FIREFOX}` }, async () => {
    await firefox.goto(URL_OF_FILE);
    await firefox.waitFor(`(${sampleDone})()`);
    assert.equal(await firefox.evaluate("document.documentElement.dataset.worker"), "ready", firefox.version);
    const money = await firefox.evaluate(`[...document.querySelectorAll('mark[data-label="MONEY"]')].map((m) => m.textContent)`);
    assert.ok(money.includes("$1.2 billion"), `money: ${money}`);
    assert.ok((await firefox.evaluate(`document.querySelectorAll("svg.map-svg path").length`)) > 100);
    assert.ok((await firefox.evaluate(`document.querySelectorAll("svg.map-svg g.edge").length`)) > 0);
    assert.deepEqual(outside(firefox.requests), []);
    assert.deepEqual(firefox.console.filter((line) => /^(error|warn)/.test(line)), []);
  });

  test("opens a share link into its workspace", { skip: !installed && `no ${FIREFOX}` }, async () => {
    await firefox.goto(await shareLink());
    await firefox.waitFor(`(${sharedShown})(${JSON.stringify(SHARED)})`);
    assert.equal(await firefox.evaluate("location.hash"), "");
    assert.deepEqual(outside(firefox.requests), []);
    assert.deepEqual(firefox.console.filter((line) => /^(error|warn)/.test(line)), []);
  });
});
