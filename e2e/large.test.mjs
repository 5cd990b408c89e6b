// Long texts end to end: a 5 MB paste is analysed in the worker while the page shows
// progress, then read in sections highlighted as they scroll into view; a 50 MB paste is
// refused with a message and the page stays usable. Run with `node --test e2e/`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { SHOTS, assertNotice, editor, pasteIntoBox, startApp, tierSettled, watchProgress } from "./chromium.mjs";

// Paragraphs of our own, varied so that the analysis has people, places and figures.
const LEADERS = ["Kassym-Jomart Tokayev", "Shavkat Mirziyoyev", "Emomali Rahmon", "Sadyr Japarov"];
const CAPITALS = ["Astana", "Tashkent", "Dushanbe", "Bishkek", "Ankara", "Baku"];
const LAST = "End of the long file, filed from Geneva.";

function longArticle(bytes) {
  const paragraphs = ["Central Asia, week by week"];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const paragraph =
      `President ${LEADERS[i % LEADERS.length]} met Chinese and Russian envoys in ${CAPITALS[i % CAPITALS.length]} ` +
      `on March ${(i % 28) + 1}. Beijing offered $${(i % 9) + 1} billion for roads, and officials said trade ` +
      `rose ${(i % 40) + 2}% as Moscow watched the talks.`;
    paragraphs.push(paragraph);
    size += paragraph.length + 2;
  }
  paragraphs.push(LAST);
  return paragraphs.join("\n\n");
}

/** Waits until the reading view shows a long article (one ending with LAST), analysed. */
function analysed(page) {
  return page.waitForFunction(
    (last) => {
      const reading = document.querySelector("article.reading");
      return reading.getAttribute("aria-busy") === "false" && reading.textContent.endsWith(last);
    },
    LAST,
    { timeout: 60000 },
  );
}

describe("long texts", () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  test("a 5 MB paste is analysed off the page with progress, then read section by section", async () => {
    const { context, page, seen } = await app.open();
    await tierSettled(page);
    const loaded = seen.requests.length;
    const text = longArticle(5_000_000);
    await watchProgress(page);
    await pasteIntoBox(page, text);
    await analysed(page);
    const progress = await page.evaluate(() => window.__progress);
    assert.ok(progress.some((line) => /Analysing the text… \d+%/.test(line)), `progress shown: ${progress.slice(0, 3)}`);

    const state = await page.evaluate(() => ({
      sections: document.querySelectorAll("article.reading .reading-section").length,
      plain: document.querySelectorAll("article.reading .reading-plain").length,
      marks: document.querySelectorAll("article.reading mark.ent").length,
      box: document.querySelector("#article-text").value.length,
      readonly: document.querySelector("#article-text").hasAttribute("readonly"),
      countries: document.querySelectorAll("ol.country-list > li").length,
      summary: document.querySelector(".reading-panel .panel-meta").textContent,
    }));
    assert.ok(state.sections > 250, `${state.sections} sections`);
    assert.ok(state.plain > 200, "far sections are plain text until they are near");
    assert.ok(state.marks > 100 && state.marks < 5000, `${state.marks} highlights in the page, not 100,000`);
    assert.equal(state.box, 0, "the text box does not hold 5 MB");
    assert.ok(state.readonly);
    assert.ok(state.countries >= 6, `${state.countries} countries listed`);
    assert.match(state.summary, /\d{3},\d{3} mentions/);

    // Scrolled to the end, the last section is highlighted too.
    await page.evaluate(() => document.querySelector("article.reading .reading-section:last-child").scrollIntoView());
    await page.waitForSelector("article.reading .reading-section:last-child mark.ent", { timeout: 10000 });
    await page.screenshot({ path: path.join(SHOTS, "long-text.png") });

    assert.deepEqual(seen.requests.slice(loaded), [], "nothing fetched after loading, worker included");
    assert.deepEqual(seen.errors, []);
    assert.deepEqual(seen.console.filter((line) => line.startsWith("error")), []);
    await context.close();
  });

  test("without its worker the page analyses long texts itself", async () => {
    // A host that lacks worker.js: the worker fails to load.
    const { context, page, seen } = await app.open({}, {
      worker: "failed",
      beforeLoad: (context) => context.route("**/worker.js", (route) => route.fulfill({ status: 404, body: "" })),
    });
    await pasteIntoBox(page, longArticle(300_000));
    await analysed(page);
    assert.ok((await page.locator("article.reading mark.ent").count()) > 100);
    assert.deepEqual(seen.errors, []);
    await context.close();
  });

  test("a 50 MB paste is refused with a message and the page stays usable", async () => {
    const { context, page, seen } = await app.open();
    const before = await page.textContent("article.reading");
    // Pasted outside the text box, then into it.
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.setData("text/plain", "Talks in Geneva. ".repeat(3_000_000));
      document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
    });
    const notice = page.locator(".notice");
    await assertNotice(notice, /The pasted text is 48\.6 MB: Diplomap reads up to 10\.0 MB/);
    await page.evaluate(() => {
      const box = document.querySelector("#article-text");
      box.value = "Talks in Geneva. ".repeat(3_000_000);
      box.dispatchEvent(new Event("input", { bubbles: true }));
    });
    await assertNotice(notice, /The text is 48\.6 MB/);
    assert.equal(await page.textContent("article.reading"), before, "the article is kept");
    assert.equal((await page.inputValue("#article-text")).length > 0, true, "the box has its text back");
    assert.equal(await page.locator(".doc-tabs .doc-item:not(.doc-item-all)").count(), 1, "no document was added");
    // Still responsive: typing is analysed as before.
    await (await editor(page)).fill("Turkey and Azerbaijan signed a gas deal in Baku.");
    await page.waitForSelector("article.reading mark.ent[data-country=AZ]", { state: "attached" });
    assert.deepEqual(seen.errors, []);
    await context.close();
  });
});
