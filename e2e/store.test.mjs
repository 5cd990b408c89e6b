// The workspace's store end to end (issue 20): input while the workspace is still being
// restored, damaged saves, two tabs at once, the saves of earlier versions. Each test
// reproduces a way the workspace used to be lost and checks that nothing is: every
// saved document and every new one is there after reloads, in the tabs and in the
// store. Run with `node --test e2e/`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { BASE_PATH, RESTORED, SHOTS, assertNotice, dropFiles, restored, startApp, editor } from "./chromium.mjs";
import {
  documents,
  hold,
  kept,
  legacySave,
  pasteOnPage,
  release,
  seedLegacy,
  tabTitles,
} from "./store-helpers.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** A paragraph of our own, `bytes` long or so. */
function article(topic, bytes) {
  const sentence = `${topic}: ministers of Kazakhstan and Uzbekistan met in Tashkent on May 3 and signed a $2 billion rail deal. `;
  return `${topic}\n\n${sentence.repeat(Math.ceil(bytes / sentence.length))}`;
}

/**
 * A fresh context whose storage is first seeded by `seed(page)` on a page of the origin
 * that is not the app; the same page then opens the app (a page of another renderer
 * may not see localStorage written a moment before).
 */
async function seeded(seed) {
  const context = await app.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${app.origin}/seeding`);
  await seed(page);
  const open = () => app.page(context, { ready: RESTORED, page });
  return { context, open };
}

/** `(title, text)` of each document, for comparing sets. */
const contents = (docs) => docs.map((doc) => `${doc.title}\u0000${doc.text}`).sort();

describe("The workspace store", () => {
  test("a paste, a typed word and a dropped file during a slowed restore are kept, and so is every saved document", async () => {
    const { context, page, seen } = await app.open();
    try {
      // A workspace of 8 documents besides the sample (1.6 MB).
      const files = Array.from({ length: 8 }, (_, i) => ({
        name: `cable-${i + 1}.txt`,
        body: article(`Cable ${i + 1}`, 200_000),
        type: "text/plain",
      }));
      await dropFiles(page, files);
      await assertNotice(page.locator(".notice"), /as 8 new documents/);
      let saved = [];
      for (let i = 0; i < 100 && saved.length < 9; i++) {
        saved = await documents(page);
        await page.waitForTimeout(100);
      }
      assert.equal(saved.length, 9, "the sample and 8 cables are stored");

      const inputs = [
        ["paste", async () => pasteOnPage(page, "Pasted during the restore: Turkey and Greece met in Ankara."), "Pasted during the restore: Turkey and Greece met in Ankara."],
        [
          "typed word",
          async () => {
            await (await editor(page)).click();
            await page.keyboard.type("Bishkek", { delay: 20 });
          },
          "Bishkek",
        ],
        [
          "dropped file",
          async () => dropFiles(page, [{ name: "dropped.txt", body: "Dropped during the restore: Japan and India agreed on a port.", type: "text/plain" }]),
          "Dropped during the restore: Japan and India agreed on a port.",
        ],
      ];
      for (const [what, input, text] of inputs) {
        // Another page of the app holds the store, as a tab saving would.
        const other = await app.page(context, { ready: RESTORED });
        await hold(other.page);
        await page.reload({ waitUntil: "domcontentloaded" });
        const status = page.locator(".store-status");
        await assertNotice(status, /Restoring the workspace/);
        if (what === "paste") await page.screenshot({ path: path.join(SHOTS, "store-restoring.png") });
        await input();
        // The input was taken while the workspace was still being restored.
        assert.match(await status.innerText(), /Restoring the workspace/, what);
        await release(other.page);
        await restored(page);
        const expected = contents([...saved, { title: text.split("\n")[0].slice(0, 80), text }]);
        for (let reload = 0; reload <= 2; reload++) {
          if (reload > 0) {
            await page.reload();
            await restored(page);
          }
          // Saved: every document before, and the new one.
          let stored = [];
          for (let i = 0; i < 100 && stored.length < saved.length + 1; i++) {
            stored = await documents(page);
            await page.waitForTimeout(50);
          }
          assert.deepEqual(contents(stored), expected, `${what}, reload ${reload}`);
          assert.deepEqual((await tabTitles(page)).sort(), stored.map((doc) => doc.title).sort());
        }
        saved = await documents(page);
        await other.page.close();
        assert.deepEqual(other.seen.errors, []);
      }
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a delete is kept through a reload or a closed tab that comes before its save; an undone one and the others stay", async () => {
    const { context, page, seen } = await app.open({}, { ready: RESTORED });
    try {
      const kept = "Kept through the reload: Chile and Peru met in Lima.";
      const gone = ["Deleted before the reload: Kenya and Ethiopia met in Nairobi.", "Deleted before the tab closed: Laos and Vietnam met in Hanoi."];
      const undone = "Deleted and undone before the reload: Ghana and Togo met in Accra.";
      for (const text of [kept, ...gone, undone]) await pasteOnPage(page, text);
      const sample = (await tabTitles(page))[0];
      const stored = async (page) => (await documents(page)).map((doc) => doc.title).sort();
      /** Waits until the store holds exactly `titles`. */
      const storedAre = async (page, titles) => {
        let now = [];
        for (let i = 0; i < 100 && JSON.stringify(now) !== JSON.stringify([...titles].sort()); i++) {
          now = await stored(page);
          await page.waitForTimeout(50);
        }
        assert.deepEqual(now, [...titles].sort());
      };
      await storedAre(page, [sample, kept, ...gone, undone]);
      const tab = (page, title) => page.locator(".doc-tabs .doc-item:not(.doc-item-all)", { hasText: title });
      const remove = async (page, title) => {
        await tab(page, title).locator(".doc-delete").click();
        await tab(page, title).waitFor({ state: "detached" });
      };

      // Another page of the app holds the store, as a tab saving would: the delete (and
      // the undo) cannot reach it before the page goes.
      const other = await app.page(context, { ready: RESTORED });
      await hold(other.page);
      await remove(page, gone[0]);
      await remove(page, undone);
      await page.click(".doc-undo-button");
      await tab(page, undone).waitFor();
      await page.reload({ waitUntil: "domcontentloaded" });
      await release(other.page);
      await restored(page);
      const left = [sample, kept, gone[1], undone];
      assert.deepEqual((await tabTitles(page)).sort(), [...left].sort());
      await storedAre(page, left);

      // The same with the tab closed: the next page opened has the delete.
      await hold(other.page);
      await remove(page, gone[1]);
      await page.close();
      await release(other.page);
      const { page: next, seen: nextSeen } = await app.page(context, { ready: RESTORED });
      const last = [sample, kept, undone];
      assert.deepEqual((await tabTitles(next)).sort(), [...last].sort());
      await storedAre(next, last);
      // Saved since, with its way back: another reload has the same, and the undo brings
      // the document back.
      await next.reload();
      await restored(next);
      assert.deepEqual((await tabTitles(next)).sort(), [...last].sort());
      await next.keyboard.press("Control+z");
      await tab(next, gone[1]).waitFor();
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(nextSeen.errors, []);
      assert.deepEqual(other.seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a small save truncated at every 50th byte gives back every document complete before the cut", async () => {
    const docs = [
      { title: "Talks in Astana", text: "Lavrov met his \"Kazakh\" counterpart in Astana on June 4.\n\nGrain deal: $640 million." },
      { title: "Kyiv — aid", text: "Berlin granted €40 million to Kyiv for power stations. Ünited \\ escaped." },
      { title: "Ports", text: "Japan and India agreed on a port in Chennai 🇮🇳." },
      { title: "Bases", text: "Russia keeps a base in Tajikistan, officials said." },
    ];
    const { json, ends } = legacySave(docs);
    for (let cut = 0; cut < json.length; cut += 50) {
      const damaged = json.slice(0, cut);
      const { context, open } = await seeded((page) => seedLegacy(page, { workspace: damaged }));
      try {
        const { page, seen } = await open();
        const complete = docs.filter((_, i) => ends[i] <= cut);
        // (With nothing left, the workspace has its one empty document.)
        const stored = (await documents(page)).filter((doc) => doc.text !== "");
        assert.deepEqual(contents(stored), contents(complete), `cut at ${cut}`);
        assert.deepEqual(await kept(page), [damaged], `the damaged save is kept, cut at ${cut}`);
        await assertNotice(page.locator(".notice").first(), /The saved workspace was damaged/);
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test("a 3 MB damaged save keeps its raw copy, says where, and offers it as a download", async () => {
    const docs = Array.from({ length: 6 }, (_, i) => ({ title: `Report ${i + 1}`, text: article(`Report ${i + 1}`, 500_000) }));
    const { json } = legacySave(docs);
    // Damage inside the third document: its text runs into the fourth.
    const at = json.indexOf("Report 3", json.indexOf("Report 3") + 10) + 100;
    const damaged = `${json.slice(0, at)}"\u0000${json.slice(at)}`;
    assert.ok(damaged.length > 3_000_000);
    const { context, open } = await seeded((page) => seedLegacy(page, { workspace: damaged }));
    try {
      const { page, seen } = await open();
      const notice = page.locator(".notice:not(.store-status):not(.kept-copy)");
      await assertNotice(notice, /damaged: 5 documents recovered.*kept whole in this browser’s database for the page \(IndexedDB “diplomap”, store “aside”\)/);
      const stored = await documents(page);
      assert.deepEqual(contents(stored), contents(docs.filter((_, i) => i !== 2)));
      assert.deepEqual(await kept(page), [damaged]);
      // The earlier version's save goes once its copy and documents were read back.
      assert.equal(await page.evaluate(() => localStorage.getItem("diplomap.workspace.v1")), null);
      const line = page.locator(".kept-copy");
      assert.match(await line.innerText(), /damaged/);
      await page.screenshot({ path: path.join(SHOTS, "store-damaged.png") });
      const [download] = await Promise.all([page.waitForEvent("download"), line.locator(".kept-download").click()]);
      assert.equal(await readFile(await download.path(), "utf8"), damaged);
      // Still offered after a reload, until deleted (two clicks).
      await page.reload();
      await restored(page);
      await line.waitFor();
      await line.locator(".kept-delete").click();
      assert.equal(await kept(page).then((copies) => copies.length), 1, "one click does not delete");
      await line.locator(".kept-delete").click();
      await line.waitFor({ state: "detached" });
      assert.deepEqual(await kept(page), []);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("two pages editing at once lose nothing", async () => {
    const { context, page: a, seen } = await app.open({}, { ready: RESTORED });
    try {
      const { page: b } = await app.page(context, { ready: RESTORED });
      // Both add a document at the same moment, then both type into the sample at once.
      await Promise.all([pasteOnPage(a, "Added in tab A: Chile and Peru met in Lima."), pasteOnPage(b, "Added in tab B: Kenya and Ethiopia met in Nairobi.")]);
      const boxes = await Promise.all(
        [a, b].map(async (page) => {
          await page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab").first().click();
          return editor(page);
        }),
      );
      // The store held meanwhile, as a third tab saving would: both edits are made before
      // either is saved, whatever the timing of the two pages.
      await hold(a);
      await Promise.all(
        boxes.map(async (box, i) => {
          await box.press("End");
          await box.pressSequentially(` Edited in tab ${"AB"[i]}.`, { delay: 10 });
        }),
      );
      await Promise.all(
        [a, b].map((page, i) =>
          page.waitForFunction((edit) => document.querySelector("article.reading")?.textContent.includes(edit), ` Edited in tab ${"AB"[i]}.`),
        ),
      );
      await release(a);
      const wanted = ["Added in tab A", "Added in tab B", "Edited in tab A.", "Edited in tab B."];
      const holds = (docs) => wanted.every((text) => docs.some((doc) => doc.text.includes(text)));
      let stored = [];
      for (let i = 0; i < 100 && !holds(stored); i++) {
        await a.waitForTimeout(100);
        stored = await documents(a);
      }
      assert.ok(holds(stored), JSON.stringify(stored.map((doc) => doc.text.slice(-60))));
      // A third page sees it all; each of the two has the other's work too.
      const { page: c } = await app.page(context, { ready: RESTORED });
      const texts = async (page) => page.evaluate(() => [...document.querySelectorAll(".doc-tab")].map((tab) => tab.textContent));
      assert.equal((await tabTitles(c)).length, stored.length);
      for (const page of [a, b]) {
        await page.waitForFunction((n) => document.querySelectorAll(".doc-tabs .doc-item:not(.doc-item-all)").length === n, stored.length);
      }
      assert.ok((await texts(c)).some((title) => title.includes("(copy)")), "the edit made at once is kept as a copy");
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("every earlier version's save survives the upgrade, and goes only once read back", async () => {
    const docs = [
      { id: 3, title: "Old one", text: "Moscow and Beijing held talks on gas." },
      { id: 7, title: "Old two", text: "Ankara and Baku signed a pipeline deal." },
    ];
    const cases = [
      ["localStorage", { workspace: legacySave(docs).json, current: "7" }],
      ["the database", { database: legacySave(docs).json, current: "7" }],
      ["the first version's article", { article: docs[0].text }],
    ];
    for (const [where, seed] of cases) {
      const { context, open } = await seeded((page) => seedLegacy(page, seed));
      try {
        const { page, seen } = await open();
        const expected = seed.article ? [{ title: docs[0].text, text: docs[0].text }] : docs;
        for (let reload = 0; reload < 3; reload++) {
          if (reload > 0) {
            await page.reload();
            await restored(page);
          }
          assert.deepEqual(contents(await documents(page)), contents(expected), `${where}, reload ${reload}`);
          assert.deepEqual(await tabTitles(page), expected.map((doc) => doc.title));
        }
        if (seed.current) {
          assert.equal(await page.locator(".doc-current .doc-tab").innerText(), "Old two", "the document shown last is shown");
        }
        const left = await page.evaluate(() => Object.keys(localStorage).filter((key) => key !== "diplomap.workspace.v1.current"));
        assert.deepEqual(left, [], `${where}: the old save is gone once migrated`);
        const saves = await page.evaluate(
          () =>
            new Promise((resolve) => {
              const open = indexedDB.open("diplomap");
              open.onsuccess = () => {
                const tx = open.result.transaction("saves");
                const keys = tx.objectStore("saves").getAllKeys();
                tx.oncomplete = () => resolve(keys.result);
              };
            }),
        );
        assert.deepEqual(saves, []);
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test("while an old tab holds the database, the upgrade waits and says so; then nothing is lost", async () => {
    const docs = [{ title: "Kept", text: "Berlin and Paris agreed on a summit." }];
    const { context, open } = await seeded((page) => seedLegacy(page, { database: legacySave(docs).json }));
    try {
      // An old tab of the app, its connection to version 1 still open.
      const old = await context.newPage();
      await old.goto(`${app.origin}/old-tab`);
      await old.evaluate(
        () =>
          new Promise((resolve) => {
            const request = indexedDB.open("diplomap", 1);
            request.onsuccess = () => {
              window.__db = request.result;
              resolve();
            };
          }),
      );
      const opened = open();
      const page = context.pages()[0];
      await page.waitForSelector(".store-status");
      await assertNotice(page.locator(".store-status"), /Waiting for another Diplomap tab to let go of the workspace/);
      await (await editor(page)).fill("Typed while waiting.");
      await old.evaluate(() => window.__db.close());
      const { seen } = await opened;
      let stored = [];
      for (let i = 0; i < 100 && stored.length < 2; i++) {
        stored = await documents(page);
        await page.waitForTimeout(50);
      }
      assert.deepEqual(contents(stored), contents([...docs, { title: "Typed while waiting.", text: "Typed while waiting." }]));
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("when the migrated workspace cannot be written, it is shown and the earlier save is left", async () => {
    const docs = [{ title: "Old one", text: "Moscow and Beijing held talks on gas." }];
    const { context, open } = await seeded(async (page) => {
      await seedLegacy(page, { workspace: legacySave(docs).json });
      // The browser's database is full: every write of a document fails.
      await page.context().addInitScript(() => {
        const put = IDBObjectStore.prototype.put;
        IDBObjectStore.prototype.put = function (...args) {
          if (this.name === "documents") throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
          return put.apply(this, args);
        };
      });
    });
    try {
      const { page, seen } = await open();
      await assertNotice(page.locator(".store-status"), /could not be written to this browser’s database \(QuotaExceededError.*It is shown, and the saves it came from are left as they are/);
      assert.deepEqual(await tabTitles(page), ["Old one"]);
      assert.equal(await page.evaluate(() => localStorage.getItem("diplomap.workspace.v1")), legacySave(docs).json);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("without IndexedDB the earlier saves are shown, nothing is removed, and the page says nothing is saved", async () => {
    const docs = [{ title: "Old one", text: "Moscow and Beijing held talks on gas." }];
    const { context, open } = await seeded(async (page) => {
      await seedLegacy(page, { workspace: legacySave(docs).json });
      await page.context().addInitScript(() => Object.defineProperty(window, "indexedDB", { value: undefined }));
    });
    try {
      const { page, seen } = await open();
      await assertNotice(page.locator(".store-status"), /This browser keeps no database for the page .*changes are not kept/);
      assert.deepEqual(await tabTitles(page), ["Old one"]);
      await (await editor(page)).fill("Edited, but not kept.");
      await page.waitForTimeout(300);
      assert.equal(await page.evaluate(() => localStorage.getItem("diplomap.workspace.v1")), legacySave(docs).json);
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a database of a newer version is left untouched, and the page says so", async () => {
    const { context, open } = await seeded((page) =>
      page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open("diplomap", 9);
            open.onupgradeneeded = () => open.result.createObjectStore("future").put("precious", "data");
            open.onsuccess = () => {
              open.result.close();
              resolve();
            };
          }),
      ),
    );
    try {
      const { page, seen } = await open();
      await assertNotice(page.locator(".store-status"), /saved by a newer version of Diplomap\. It is left as it is/);
      await (await editor(page)).fill("Typed in the old version.");
      await page.waitForTimeout(300);
      const future = await page.evaluate(
        () =>
          new Promise((resolve) => {
            const open = indexedDB.open("diplomap");
            open.onsuccess = () => {
              const db = open.result;
              const tx = db.transaction("future");
              const value = tx.objectStore("future").get("data");
              tx.oncomplete = () => resolve({ version: db.version, stores: [...db.objectStoreNames], value: value.result });
            };
          }),
      );
      assert.deepEqual(future, { version: 9, stores: ["future"], value: "precious" });
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });
});
