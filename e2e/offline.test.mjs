// The installed app: its service worker (dist/sw.js, written by
// scripts/trunk/post_build.py) keeps it working with the network cut, and a new
// deployment is offered with a notice, never switched to silently. Each test serves its
// own copy of dist/ under a sub-path, so it can cut the server or deploy a new build.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { cp, readFile, rm, stat, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import { chromium } from "playwright-core";
import { BASE_PATH, CHROMIUM, CHROMIUM_ARGS, DIST, ROOT, dropFiles, serve, serviceWorkerActivated } from "./chromium.mjs";

const SITES = path.join(ROOT, "target", "e2e-offline");
const KYIV = "Berlin has granted $40 million to Kyiv for power stations.";
const tabs = (page) => page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab");

let browser;

before(async () => {
  await stat(path.join(DIST, "sw.js")).catch(() => {
    throw new Error("dist/sw.js is missing: run `make build` first");
  });
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
});

after(async () => {
  await browser?.close();
});

/** A copy of dist/ named `name`, served under BASE_PATH; `url` is the app's address. */
async function site(name) {
  const folder = path.join(SITES, name);
  await rm(folder, { recursive: true, force: true });
  await cp(DIST, folder, { recursive: true });
  const server = await serve([[BASE_PATH, folder]]);
  const url = `http://127.0.0.1:${server.address().port}${BASE_PATH}`;
  return { folder, server, url };
}

/** A page on the app with the sample highlighted; `seen` collects its errors. */
async function open(context, url) {
  const page = await context.newPage();
  const seen = { errors: [], failed: [] };
  page.on("pageerror", (error) => seen.errors.push(String(error)));
  page.on("console", (message) => message.type() === "error" && seen.errors.push(message.text()));
  page.on("requestfailed", (request) => seen.failed.push(request.url()));
  await page.goto(url);
  await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
  return { page, seen };
}

/** A page on the app with a document added (KYIV) and the service worker installed. */
async function installedWithDocument(context, url) {
  const opened = await open(context, url);
  await dropFiles(opened.page, [{ name: "aid.txt", body: KYIV, type: "text/plain" }]);
  await opened.page.waitForFunction((kyiv) => document.querySelector(".doc-current .doc-tab")?.textContent === kyiv, KYIV);
  await serviceWorkerActivated(opened.page);
  // Installed in full: the second tier of places is in its cache too.
  await opened.page.waitForSelector("html[data-tier=loaded]", { state: "attached", timeout: 20000 });
  return opened;
}


describe("the installed app", () => {
  test("has a manifest with its icons, under the sub-path", async () => {
    const { server, url } = await site("manifest");
    const context = await browser.newContext();
    try {
      const { page } = await open(context, url);
      const href = await page.locator('link[rel="manifest"]').evaluate((link) => link.href);
      assert.equal(href, `${url}manifest.webmanifest`);
      const manifest = await (await context.request.get(href)).json();
      assert.equal(new URL(manifest.start_url, href).href, url);
      assert.equal(new URL(manifest.scope, href).href, url);
      for (const icon of manifest.icons) {
        const response = await context.request.get(new URL(icon.src, href).href);
        assert.equal(response.headers()["content-type"], "image/png");
        const body = await response.body();
        // A PNG's width and height are at bytes 16-23.
        assert.equal(`${body.readUInt32BE(16)}x${body.readUInt32BE(20)}`, icon.sizes, icon.src);
      }
    } finally {
      await context.close();
      server.close();
    }
  });

  test("reloads with the network cut, its workspace intact", async () => {
    const { server, url } = await site("offline");
    const context = await browser.newContext();
    try {
      const { page, seen } = await installedWithDocument(context, url);

      // The network goes: the browser is offline and the server is gone.
      await context.setOffline(true);
      await new Promise((resolve) => server.close(resolve));
      server.closeAllConnections();
      await page.reload();
      await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
      await page.waitForSelector("html[data-worker=ready]", { state: "attached", timeout: 20000 });
      assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "served by the service worker");
      assert.equal(await page.locator(".doc-current .doc-tab").innerText(), KYIV);
      assert.ok((await tabs(page).allInnerTexts()).length >= 2, "the sample and the new document");
      const marks = await page.locator("article.reading mark.ent").allInnerTexts();
      assert.ok(marks.includes("Kyiv") && marks.includes("$40 million"), `highlights: ${marks}`);
      // The map is drawn too, and nothing the page asked for failed.
      assert.ok((await page.locator("svg.map-svg path").count()) > 0);
      assert.deepEqual(seen.failed, []);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
      server.close();
    }
  });

  test("a new deployment is offered with a notice and taken only on Reload", async () => {
    const { folder, server, url } = await site("deploy");
    const context = await browser.newContext();
    try {
      const { page, seen } = await installedWithDocument(context, url);
      // The second visit runs under the service worker, which watches for deployments.
      await page.reload();
      await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
      assert.equal(await page.locator(".update-notice").count(), 0, "no notice without a new build");

      // A new build is deployed: its page differs, so post_build gives it a new sw.js.
      const index = path.join(folder, "index.html");
      await writeFile(index, (await readFile(index, "utf8")).replace("<html", '<html data-build="2"'));
      await promisify(execFile)("python3", [path.join(ROOT, "scripts", "trunk", "post_build.py"), folder]);
      // The page's hourly check, now.
      await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => r.update()));
      const notice = page.locator(".update-notice");
      await notice.waitFor({ timeout: 20000 });
      assert.match(await notice.innerText(), /new version of Diplomap is ready/);
      assert.equal(await page.evaluate(() => document.documentElement.dataset.build), undefined, "still the running version");

      // Reloading without the button keeps the running version too: it is still in use.
      await page.reload();
      await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.build), undefined);
      await notice.waitFor({ timeout: 20000 });

      await Promise.all([page.waitForEvent("load"), notice.locator("button").click()]);
      await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
      assert.equal(await page.evaluate(() => document.documentElement.dataset.build), "2", "the new version runs");
      assert.equal(await page.locator(".update-notice").count(), 0);
      assert.equal(await page.locator(".doc-current .doc-tab").innerText(), KYIV, "the workspace is intact");
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
      server.close();
    }
  });
});
