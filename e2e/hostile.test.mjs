// Crafted input end to end (issue 20): files made to freeze or corrupt the workspace,
// saves with ids and documents beyond every limit, messages to the analysis worker, and
// a page that frames the app. Each is refused or cut with a message, nothing else is
// lost, and the page stays responsive: the longest task of the page's main thread is
// measured (Long Tasks API, from the page's start) and reported, not asserted.
// Run with `node --test e2e/`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { BASE_PATH, RESTORED, assertNotice, dropFiles, restored, startApp, editor } from "./chromium.mjs";
import { documents, kept, longestTask, recordLongTasks, seedLegacy, tabTitles } from "./store-helpers.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The app in a fresh context, recording long tasks from the start. */
async function openRecorded(options = {}) {
  return app.open(options, { ready: RESTORED, beforeLoad: (context) => context.addInitScript(recordLongTasks) });
}

const tabs = ".doc-tabs .doc-item:not(.doc-item-all)";

describe("Crafted input", () => {
  test("a 100 KB unbreakable title word, in an export or a web page, is cut with a message", async (t) => {
    const { context, page, seen } = await openRecorded();
    try {
      const word = "W".repeat(100_000);
      const json = JSON.stringify({ schema: "diplomap/1", title: word, text: "Kazakhstan and China met in Astana.", entities: [] });
      const html = `<html><head><title>${word}</title></head><body><p>Japan and India agreed on a port.</p></body></html>`;
      await dropFiles(page, [
        { name: "title.json", body: json, type: "application/json" },
        { name: "title.html", body: html, type: "text/html" },
      ]);
      await assertNotice(page.locator(".notice"), /as 2 new documents\. 2 titles were cut to 200 characters/);
      const titles = (await documents(page)).map((doc) => doc.title);
      assert.deepEqual(titles.slice(1).map((title) => title.length), [200, 200]);
      await page.reload();
      await restored(page);
      assert.equal((await tabTitles(page)).length, 3);
      t.diagnostic(`100 KB title word: longest task ${await longestTask(page)} ms (after the reload)`);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("140,000 tiny documents in 4.9 MB: the workspace takes 1,000, says so, and stays responsive", async (t) => {
    const { context, page, seen } = await openRecorded();
    try {
      const entries = Array.from({ length: 140_000 }, (_, i) => `{"schema":"diplomap/1","text":"${i % 10}"}`);
      const body = `[${entries.join(",")}]`;
      assert.ok(body.length > 4_500_000 && body.length < 5 * 1024 * 1024, `${body.length} bytes`);
      await dropFiles(page, [{ name: "many.json", body, type: "application/json" }]);
      await assertNotice(page.locator(".notice"), /as 999 new documents\. A workspace holds at most 1,000 documents, so 139,001 were left out/);
      await page.waitForFunction((n) => document.querySelectorAll(".doc-tabs .doc-item:not(.doc-item-all)").length === n, 1000);
      t.diagnostic(`importing 140,000 documents: longest task ${await longestTask(page)} ms`);
      // Saved, one record each.
      let stored = [];
      for (let i = 0; i < 100 && stored.length < 1000; i++) {
        stored = await documents(page);
        await page.waitForTimeout(100);
      }
      assert.equal(stored.length, 1000);
      // A delete is one record.
      await page.locator(`${tabs} .doc-delete`).nth(500).click();
      await page.waitForFunction((n) => document.querySelectorAll(".doc-tabs .doc-item:not(.doc-item-all)").length === n, 999);
      // Full: a paste is refused with a message, nothing is lost.
      await page.locator(`${tabs} .doc-tab`).first().click();
      await page.locator(".doc-new").click();
      await page.locator(".doc-new").click();
      await assertNotice(page.locator(".notice"), /The workspace holds 1000 documents, the most it takes/);
      await page.reload();
      await restored(page);
      assert.equal(await page.locator(tabs).count(), 1000);
      t.diagnostic(`reloading 1,000 documents: longest task ${await longestTask(page)} ms`);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a saved id of 2^64-1 is renumbered: new ids never repeat", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.origin}/seeding`);
      // As earlier versions wrote it (serde_json writes u64 exactly).
      const save = '[{"id":18446744073709551615,"title":"Max","text":"Oil rose 4% in May."},{"id":1,"title":"One","text":"Gas fell."}]';
      await seedLegacy(page, { workspace: save });
      const { seen } = await app.page(context, { ready: RESTORED, page });
      for (const text of ["First new one.", "Second new one."]) {
        await page.locator(".doc-new").click();
        await (await editor(page)).fill(text);
      }
      let stored = [];
      for (let i = 0; i < 100 && stored[3]?.text !== "Second new one."; i++) {
        stored = await documents(page);
        await page.waitForTimeout(50);
      }
      const ids = stored.map((doc) => doc.id);
      assert.deepEqual(ids, [1, 2, 3, 4]);
      assert.equal(await page.locator(".doc-current").count(), 1, "one tab is current");
      assert.deepEqual(stored.map((doc) => doc.text), ["Oil rose 4% in May.", "Gas fell.", "First new one.", "Second new one."]);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a save holding a 12 MB document opens the rest, keeps it aside and says so", async () => {
    const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      await page.goto(`${app.origin}/seeding`);
      const huge = "Talks in Geneva went on. ".repeat(500_000);
      const save = JSON.stringify([
        { id: 1, title: "Small", text: "Turkey and Greece held talks in Ankara." },
        { id: 2, title: "Huge", text: huge },
      ]);
      await seedLegacy(page, { database: save });
      const { seen } = await app.page(context, { ready: RESTORED, page });
      await assertNotice(page.locator(".notice:not(.kept-copy)"), /1 document over the 10\.0 MB limit was not opened\. What could not be opened is kept whole/);
      assert.deepEqual(await tabTitles(page), ["Small"]);
      assert.deepEqual(await kept(page), [save]);
      assert.match(await page.locator(".kept-copy").innerText(), /a text over the limit/);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });
});

describe("The analysis worker", () => {
  test("takes its start message once, and refuses malformed messages before the wasm module", async () => {
    const { context, page, seen } = await app.open();
    try {
      assert.equal(await page.evaluate(() => typeof window.diplomapWorker), "undefined", "its handle is not a global");
      const [worker] = page.workers();
      assert.ok(worker, "the analysis worker runs");
      const evil = "http://127.0.0.1:9/evil.js";
      const sent = await worker.evaluate(async (evil) => {
        const sent = [];
        const post = self.postMessage.bind(self);
        self.postMessage = (message, transfer) => {
          sent.push(message);
          post(message, transfer);
        };
        const module = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        const message = (data) => self.dispatchEvent(new MessageEvent("message", { data }));
        message({ js: evil, module }); // a second start message
        message({ id: 7, text: 42 }); // not a string
        message({ id: 8, text: { length: 1e9 } });
        message({ id: "x", text: "Russia" }); // no usable id
        message(null);
        message({ id: 9, text: "Russia and China signed a trade deal in Moscow." });
        await new Promise((resolve) => setTimeout(resolve, 300));
        self.postMessage = post;
        // The answers to texts (the second tier's may come meanwhile, and progress).
        return sent
          .filter((message) => "id" in message && message.progress === undefined)
          .map((message) => ({ id: message.id, error: message.error, bytes: message.bytes instanceof Uint8Array }));
      }, evil);
      assert.deepEqual(sent, [
        { id: 7, error: "the worker was sent a text that is not a string", bytes: false },
        { id: 8, error: "the worker was sent a text that is not a string", bytes: false },
        { id: 9, error: undefined, bytes: true },
      ]);
      assert.ok(!seen.requests.some((url) => url.startsWith("http://127.0.0.1:9/")), "nothing was imported");
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("imports its module from its own origin only", async () => {
    const { context, page, seen } = await app.open();
    try {
      const answers = await page.evaluate(async () => {
        const module = new WebAssembly.Module(new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0]));
        const first = (message) =>
          new Promise((resolve) => {
            const worker = new Worker(new URL("worker.js", document.baseURI), { type: "module" });
            worker.onmessage = ({ data }) => {
              resolve(data);
              worker.terminate();
            };
            worker.postMessage(message);
          });
        return [await first({ js: "http://127.0.0.1:9/evil.js", module }), await first({ id: 1, text: "Russia" })];
      });
      assert.match(answers[0].failed, /refused to load http:\/\/127\.0\.0\.1:9: not the page's origin/);
      assert.match(answers[1].failed, /the first message was not a start message/);
      assert.ok(!seen.requests.some((url) => url.startsWith("http://127.0.0.1:9/")));
    } finally {
      await context.close();
    }
  });
});

describe("Framing", () => {
  test("inside another page's frame the app does not start, and says so", async () => {
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      const errors = [];
      page.on("pageerror", (error) => errors.push(String(error)));
      await page.setContent(`<iframe src="${app.origin}${BASE_PATH}" width="800" height="600"></iframe>`);
      const frame = page.frames().find((frame) => frame.url().startsWith(app.origin));
      await frame.waitForFunction(() => document.body.textContent.includes("does not run inside another page"));
      assert.equal(await frame.locator(".doc-tabs").count(), 0);
      assert.deepEqual(errors, []);
    } finally {
      await context.close();
    }
  });
});
