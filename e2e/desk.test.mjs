// The reading desk (issue 17): the highlighted article beside its map on a wide screen,
// one tap from the text on a phone; the mention popover on hover, focus and tap; Clear
// undone, also after a reload. Run with `node --test e2e/` after `make build`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { RESTORED, SHOTS, startApp } from "./chromium.mjs";

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** The box of the first element matching `selector` that is laid out, or null. */
function box(page, selector) {
  return page.evaluate((selector) => {
    for (const element of document.querySelectorAll(selector)) {
      const rect = element.getBoundingClientRect();
      if (rect.width > 0 && rect.height > 0) return { top: rect.top, bottom: rect.bottom, left: rect.left, right: rect.right };
    }
    return null;
  }, selector);
}

describe("the reading desk", () => {
  test("at 1400×900 the highlighted article and the whole map are above the fold", async () => {
    const { context, page } = await app.open({ viewport: { width: 1400, height: 900 } });
    try {
      await page.waitForSelector("svg.map-svg g.edge");
      const mark = await box(page, "article.reading mark.ent");
      const map = await box(page, "svg.map-svg");
      assert.ok(mark && mark.top >= 0 && mark.bottom <= 900, `a highlighted mention above the fold: ${JSON.stringify(mark)}`);
      assert.ok(map && map.top >= 0 && map.bottom <= 900, `the map above the fold: ${JSON.stringify(map)}`);
      assert.ok(map.left >= mark.right - 1, "the map beside the text, not under it");
      // The map stays in view while the text scrolls.
      await page.mouse.wheel(0, 600);
      await page.waitForFunction(() => window.scrollY > 300);
      const scrolled = await box(page, "svg.map-svg");
      assert.ok(scrolled.top >= 0 && scrolled.bottom <= 900, `the map still in view: ${JSON.stringify(scrolled)}`);
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.screenshot({ path: path.join(SHOTS, "desk-1400x900.png") });
    } finally {
      await context.close();
    }
  });

  test("at 375×800 the highlighted text comes first, and is one tap away from the map", async () => {
    const { context, page } = await app.open({ viewport: { width: 375, height: 800 }, hasTouch: true, isMobile: true });
    try {
      const first = await box(page, "article.reading mark.ent");
      assert.ok(first && first.bottom <= 800, `highlighted text on the first screen: ${JSON.stringify(first)}`);
      await page.tap('.desk-tab[data-pane="Map"]');
      await page.waitForSelector("svg.map-svg", { state: "visible" });
      assert.equal(await box(page, "article.reading mark.ent"), null, "the map in place of the text");
      await page.tap('.desk-tab[data-pane="Text"]');
      const back = await box(page, "article.reading mark.ent");
      assert.ok(back && back.top >= 0 && back.bottom <= 800, `one tap brings the text back: ${JSON.stringify(back)}`);
      await page.screenshot({ path: path.join(SHOTS, "desk-375x800.png") });
    } finally {
      await context.close();
    }
  });

  test("a mention's popover names its country on hover, focus and tap", async () => {
    const { context, page } = await app.open({ viewport: { width: 1400, height: 900 }, hasTouch: true });
    const note = page.locator("#mention-note");
    const astana = page.locator('article.reading mark.ent[data-country="KZ"]', { hasText: "Astana" }).first();
    const expectNote = async (how) => {
      await note.waitFor({ state: "visible", timeout: 3000 });
      const text = await note.innerText();
      assert.match(text, /Astana/i, how);
      assert.match(text, /country or city/, how);
      assert.match(text, /Stands for\s+Kazakhstan/, how);
      assert.match(text, /Also named here: .*Kazakh/, how);
      assert.doesNotMatch(text, /\bGPE\b|\(KZ\)/, `${how}: no jargon`);
    };
    try {
      assert.equal(await astana.getAttribute("title"), null, "no browser tooltip beside it");
      // Hover.
      await astana.hover();
      await expectNote("hover");
      await page.mouse.move(5, 5);
      await note.waitFor({ state: "hidden" });
      // Focus, from the article's single tab stop with the arrow keys; Escape dismisses.
      await page.focus("article.reading");
      await page.keyboard.press("ArrowRight");
      await note.waitFor({ state: "visible" });
      for (let i = 0; i < 200 && !(await astana.evaluate((mark) => mark === document.activeElement)); i++) {
        await page.keyboard.press("ArrowRight");
      }
      await expectNote("focus");
      assert.equal(await astana.getAttribute("aria-describedby"), "mention-note", "screen readers read the same");
      await page.keyboard.press("Escape");
      await note.waitFor({ state: "hidden" });
      assert.ok(await astana.evaluate((mark) => mark === document.activeElement), "focus stays on the mention");
      // Tap.
      await page.mouse.move(5, 5);
      await astana.tap();
      await expectNote("tap");
      await page.click("#mention-note .note-mark");
      assert.ok((await page.locator("article.reading mark.same").count()) >= 2, "every mention of Astana marked");
    } finally {
      await context.close();
    }
  });

  test("the keyboard: a skip link, focus kept through Rename, New and delete", async () => {
    const { context, page } = await app.open();
    const focused = () => page.evaluate(() => {
      const active = document.activeElement;
      return `${active.tagName.toLowerCase()}${active.id ? `#${active.id}` : ""}.${[...active.classList].join(".")}`;
    });
    try {
      await page.keyboard.press("Tab");
      assert.match(await focused(), /^a\.skip-link/);
      await page.keyboard.press("Enter");
      assert.match(await focused(), /^article#reading/, "the skip link leads to the article");
      // One tab stop for the whole article: Tab leaves it at once.
      await page.keyboard.press("Tab");
      assert.doesNotMatch(await focused(), /^mark/);

      await page.click(".doc-rename-button");
      await page.locator(".doc-rename-input").waitFor();
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => document.activeElement?.classList.contains("doc-rename-button"));
      await page.click(".doc-rename-button");
      await page.locator(".doc-rename-input").fill("Astana talks");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.classList.contains("doc-rename-button"));
      assert.equal(await page.locator(".doc-current .doc-tab").innerText(), "Astana talks");

      await page.click(".doc-new");
      await page.waitForFunction(() => document.activeElement?.id === "article-text");
      await page.click(".doc-current .doc-delete");
      await page.waitForFunction(() => document.activeElement?.classList.contains("doc-undo-button"));
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => document.activeElement?.classList.contains("doc-tab"));
      assert.equal(await page.locator(RESTORED).count(), 2, "the deleted document is back");
    } finally {
      await context.close();
    }
  });

  test("Clear is undone by the Undo notice and by Ctrl+Z, also after a reload", async () => {
    const { context, page } = await app.open();
    const text = () => page.locator("#article-text").inputValue();
    try {
      const original = await text();
      assert.ok(original.length > 100);
      await page.click(".article-clear");
      assert.equal(await text(), "");
      await page.locator(".doc-undo").waitFor();
      assert.match(await page.locator(".doc-undo").innerText(), /Cleared/);
      await page.click(".doc-undo-button");
      await page.waitForFunction((original) => document.querySelector("#article-text").value === original, original);
      await page.waitForSelector("article.reading mark.ent");

      // Cleared, then the tab reloaded: Ctrl+Z still brings it back.
      await page.click(".article-clear");
      assert.equal(await text(), "");
      await page.waitForFunction(async () => {
        const stored = await new Promise((resolve) => {
          const open = indexedDB.open("diplomap");
          open.onsuccess = () => {
            const get = open.result.transaction("documents").objectStore("documents").getAll();
            get.onsuccess = () => resolve(get.result);
          };
        });
        return stored.some((record) => JSON.parse(record).text === "");
      });
      await page.reload();
      await page.waitForSelector(".doc-tabs .doc-item:not(.doc-item-all)");
      await page.waitForFunction(() => !/Restoring|Waiting/.test(document.querySelector(".store-status")?.textContent ?? ""));
      assert.equal(await text(), "");
      await page.locator("body").click({ position: { x: 2, y: 2 } });
      await page.keyboard.press("Control+z");
      await page.waitForFunction((original) => document.querySelector("#article-text").value === original, original);
      await page.waitForSelector("article.reading mark.ent");
    } finally {
      await context.close();
    }
  });
});
