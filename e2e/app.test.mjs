// End-to-end test of the built app (`dist/`, from `trunk build --release`).
// Run with `node --test e2e/`. Serves dist/ under a sub-path from a tiny static server on
// 127.0.0.1, drives Debian's /usr/bin/chromium headless through playwright-core, and
// saves screenshots to target/screenshots/.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { BASE_PATH, SHOTS, assertNotice, dropFiles, exported, startApp, editor, tierSettled } from "./chromium.mjs";
import { documents } from "./store-helpers.mjs";

const NEW_ARTICLE = [
  "Lavrov and Kazakh minister sign grain deal",
  "",
  "Russian Foreign Minister Sergei Lavrov met his Kazakh counterpart in Astana on June 4 " +
    "and signed an agreement worth $640 million on grain transit to China. Moscow will cut " +
    "rail tariffs by 8% for shipments crossing Kazakhstan, Russian officials said.",
  "",
  "Kazakhstan and Russia also agreed to hold talks in Moscow in September 2025.",
].join("\n");

const HOSTILE_ARTICLE =
  "Breaking: <script>alert(1)</script> was found in a cable from Moscow, " +
  'next to <img src=x onerror=alert(1)> and <b onclick="alert(1)">bold</b> text.';

let app;
let origin;
const openApp = (options) => app.open(options);

async function replaceArticle(page, text) {
  await (await editor(page)).fill(text);
}

async function readingText(page) {
  return page.locator("article.reading").innerText();
}

before(async () => {
  app = await startApp();
  origin = app.origin;
});

after(async () => {
  await app?.close();
});

describe("Diplomap in the browser", () => {
  test("loads the sample on the first visit, under the CSP, without errors", async () => {
    const { context, page, seen } = await openApp();
    try {
      assert.equal(await page.locator("h1").innerText(), "Diplomap");
      const draft = await page.locator("#article-text").inputValue();
      assert.match(draft, /Central Asia/);
      const reading = await readingText(page);
      assert.match(reading, /Kassym-Jomart Tokayev/);
      const money = await page.locator('mark[data-label="MONEY"]').allInnerTexts();
      assert.ok(money.includes("$1.2 billion"), `money mentions: ${money}`);
      const percents = await page.locator('mark[data-label="PERCENT"]').allInnerTexts();
      assert.ok(percents.includes("12%"), `percent mentions: ${percents}`);
      assert.ok((await page.locator('mark[data-label="DATE"]').count()) > 0);
      // No browser tooltip in jargon: the popover describes a mention (desk.test.mjs).
      const title = await page.locator('mark[data-label="MONEY"]').first().getAttribute("title");
      assert.equal(title, null);
      // The legend has one entry per label present, with counts that add up.
      const legend = page.locator('ul[aria-label^="Legend"] .legend-entry');
      const labels = await legend.evaluateAll((entries) => entries.map((e) => e.dataset.label));
      const present = await page
        .locator("article.reading mark.ent")
        .evaluateAll((marks) => [...new Set(marks.map((m) => m.dataset.label))]);
      assert.deepEqual([...labels].sort(), [...present].sort());
      const counts = await legend.locator(".count").allInnerTexts();
      const total = counts.reduce((sum, count) => sum + Number(count.replace(/,/g, "")), 0);
      assert.equal(total, await page.locator("article.reading mark.ent").count());

      // Keyboard focus is visible.
      await page.locator("body").focus();
      await page.keyboard.press("Tab");
      const focusRing = await page.evaluate(() => {
        const style = getComputedStyle(document.activeElement);
        return { tag: document.activeElement.tagName, outline: style.outlineStyle, width: style.outlineWidth };
      });
      assert.equal(focusRing.outline, "solid", JSON.stringify(focusRing));
      assert.notEqual(focusRing.width, "0px");

      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
      const refused = seen.console.filter((line) => /Content Security Policy|Refused to/i.test(line));
      assert.deepEqual(refused, []);
      assert.deepEqual(seen.errors, []);
      const noisy = seen.console.filter((line) => /^(error|warning)/.test(line));
      assert.deepEqual(noisy, [], "no console errors or warnings");
      // The page works without anything but the local server.
      const foreign = seen.requests.filter((url) => !url.startsWith(origin + BASE_PATH));
      assert.deepEqual(foreign, []);
    } finally {
      await context.close();
    }
  });

  test("analyses a typed article: highlights with labels and the country list", async () => {
    const { context, page, seen } = await openApp();
    try {
      await tierSettled(page);
      const loaded = seen.requests.length;
      await replaceArticle(page, NEW_ARTICLE.slice(0, -10));
      // Finish the article by typing, as a reader would.
      await (await editor(page)).press("End");
      await (await editor(page)).pressSequentially(NEW_ARTICLE.slice(-10), { delay: 20 });
      await page.waitForFunction(
        () => document.querySelector("article.reading")?.textContent.includes("September 2025."),
        null,
        { timeout: 5000 },
      );
      const marks = await page.locator("article.reading mark.ent").evaluateAll((marks) =>
        marks.map((m) => ({
          text: m.textContent,
          label: m.dataset.label,
          country: m.dataset.country ?? null,
          tag: m.tagName,
        })),
      );
      const find = (text) => marks.find((mark) => mark.text === text);
      assert.equal(find("$640 million")?.label, "MONEY");
      assert.equal(find("8%")?.label, "PERCENT");
      assert.equal(find("June 4")?.label, "DATE");
      assert.equal(find("September 2025")?.label, "DATE");

      // Places and people need the gazetteer (crates/extract/data).
      assert.equal(find("Astana")?.label, "GPE", JSON.stringify(marks));
      assert.equal(find("Astana")?.country, "KZ");
      assert.equal(find("Moscow")?.label, "GPE");
      assert.equal(find("Moscow")?.country, "RU");
      assert.equal(find("Sergei Lavrov")?.label, "PERSON");

      const countries = await page.locator("ol.country-list > li").evaluateAll((items) =>
        items.map((item) => ({
          code: item.dataset.country,
          name: item.querySelector(".country-name").textContent,
          count: parseInt(item.querySelector(".count").textContent, 10),
          names: item.querySelector(".country-names").textContent,
        })),
      );
      const russia = countries.find((country) => country.code === "RU");
      const kazakhstan = countries.find((country) => country.code === "KZ");
      assert.equal(russia?.name, "Russia", JSON.stringify(countries));
      assert.equal(kazakhstan?.name, "Kazakhstan");
      const countIn = (code) => marks.filter((mark) => mark.country === code).length;
      assert.equal(russia.count, countIn("RU"));
      assert.equal(kazakhstan.count, countIn("KZ"));
      assert.ok(russia.count >= 3, `Russia: ${russia.count}`);
      assert.match(russia.names, /Moscow/);
      // Sorted by mention count.
      const sorted = [...countries].sort((a, b) => b.count - a.count);
      assert.deepEqual(countries.map((c) => c.count), sorted.map((c) => c.count));

      // Selecting a country emphasises its mentions.
      await page.locator('li[data-country="KZ"] button').click();
      const focused = await page.locator("mark.ent-focus").allInnerTexts();
      assert.ok(focused.includes("Astana"), `focused: ${focused}`);

      // Read: a mention's popover marks every mention of the same thing; again clears.
      await page.click(".mode-edit");
      const texts = await page.locator("article.reading mark.ent").allInnerTexts();
      const twice = texts.findIndex((text, i) => texts.indexOf(text) !== i);
      assert.ok(twice >= 0, `a repeated mention: ${texts}`);
      await page.locator("article.reading mark.ent").nth(twice).click();
      await page.click("#mention-note .note-mark");
      assert.ok((await page.locator("mark.same").count()) >= 2);
      await page.click("#mention-note .note-mark");
      assert.equal(await page.locator("mark.same").count(), 0);

      // Typing and analysing fetched nothing.
      assert.deepEqual(seen.requests.slice(loaded), []);
    } finally {
      await context.close();
    }
  });

  test("markup in an article stays inert text", async () => {
    const { context, page, seen } = await openApp();
    try {
      await replaceArticle(page, HOSTILE_ARTICLE);
      await page.waitForFunction(
        () => document.querySelector("article.reading")?.textContent.includes("bold</b> text."),
        null,
        { timeout: 5000 },
      );
      const reading = await page.locator("article.reading").evaluate((article) => ({
        text: article.textContent,
        scripts: article.querySelectorAll("script").length,
        images: article.querySelectorAll("img").length,
        bold: article.querySelectorAll("b").length,
        handlers: [...article.querySelectorAll("*")].filter((el) => el.hasAttribute("onerror")).length,
      }));
      assert.ok(reading.text.includes("<script>alert(1)</script>"));
      assert.ok(reading.text.includes("<img src=x onerror=alert(1)>"));
      assert.equal(reading.scripts, 0);
      assert.equal(reading.images, 0);
      assert.equal(reading.bold, 0);
      assert.equal(reading.handlers, 0);
      await page.waitForTimeout(300);
      assert.deepEqual(seen.dialogs, []);
      assert.equal(await page.locator("img").count(), 0);
      const foreign = seen.requests.filter((url) => !url.startsWith(origin + BASE_PATH));
      assert.deepEqual(foreign, []);
      assert.ok(!seen.requests.some((url) => url.endsWith("/x")), "the <img> was not fetched");
    } finally {
      await context.close();
    }
  });

  test("refuses bad files with a message and keeps the article; loads good ones", async () => {
    const { context, page } = await openApp();
    try {
      const picker = page.locator('input[type="file"]');
      const notice = page.locator(".notice");
      const before = await page.locator("#article-text").inputValue();

      await picker.setInputFiles({
        name: "cable.txt",
        mimeType: "text/plain",
        buffer: Buffer.from([0x52, 0x55, 0x00, 0x01, 0x02, 0x4b, 0x5a]),
      });
      await assertNotice(notice, /Problem.*“cable\.txt”.*binary.*NUL/is);
      assert.equal(await page.locator("#article-text").inputValue(), before);

      await picker.setInputFiles({
        name: "archive.txt",
        mimeType: "text/plain",
        buffer: Buffer.alloc(6 * 1024 * 1024, 0x61),
      });
      await assertNotice(notice, /“archive\.txt” is 6\.0 MB; the limit is 5 MB/);
      assert.equal(await page.locator("#article-text").inputValue(), before);

      await picker.setInputFiles({
        name: "briefing.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("%PDF-1.7"),
      });
      await assertNotice(notice, /“briefing\.pdf” is not a \.txt, \.md, \.html or \.json file/);
      assert.equal(await page.locator("#article-text").inputValue(), before);
      assert.match(await readingText(page), /Kassym-Jomart Tokayev/);

      // A good Markdown file, dropped on the drop zone.
      const transfer = await page.evaluateHandle(() => {
        const data = new DataTransfer();
        const text = "# Talks in Minsk\n\nThe talks in Minsk on May 9 ended with a $2 billion loan.";
        data.items.add(new File([text], "minsk.md", { type: "text/markdown" }));
        return data;
      });
      await page.dispatchEvent(".drop-zone", "drop", { dataTransfer: transfer });
      await assertNotice(notice, /Loaded “minsk\.md”/);
      assert.match(await page.locator("#article-text").inputValue(), /Talks in Minsk/);
      await page.waitForFunction(() =>
        document.querySelector("article.reading")?.textContent.includes("$2 billion loan"),
      );
      const money = await page.locator('mark[data-label="MONEY"]').allInnerTexts();
      assert.deepEqual(money, ["$2 billion"]);

      // Files may be dropped anywhere, e.g. on the text box.
      const second = await page.evaluateHandle(() => {
        const data = new DataTransfer();
        data.items.add(new File(["Kyiv said exports rose 9% in 2022."], "kyiv.txt", { type: "text/plain" }));
        return data;
      });
      await page.dispatchEvent("#article-text", "drop", { dataTransfer: second });
      await assertNotice(notice, /Loaded “kyiv\.txt”/);
      assert.equal(await page.locator("#article-text").inputValue(), "Kyiv said exports rose 9% in 2022.");
    } finally {
      await context.close();
    }
  });

  test("the relations map: edges, evidence, filters, graph, zoom", async () => {
    const { context, page, seen } = await openApp();
    try {
      await page.waitForSelector("svg.map-svg g.edge", { timeout: 10000 });
      await tierSettled(page);
      const loaded = seen.requests.length;
      const edges = page.locator("svg.map-svg g.edge");
      const count = await edges.count();
      assert.ok(count >= 3, `edges: ${count}`);
      const pairs = await edges.evaluateAll((gs) => gs.map((g) => `${g.dataset.a}-${g.dataset.b}`));
      assert.ok(pairs.includes("KZ-RU"), pairs.join(" "));
      // Zoomed to the region: Central Asia, Russia and China, not the world.
      const box = (await page.locator("svg.map-svg").getAttribute("viewBox")).split(" ").map(Number);
      assert.ok(box[2] < 160, `viewBox ${box}`);

      // Hovering a line shows its sentences.
      const hovered = await hoverEdge(page);
      const title = await page.locator(".evidence-title").innerText();
      assert.ok(title.includes(hovered.a) && title.includes(hovered.b), `${title} for ${JSON.stringify(hovered)}`);
      const sentences = await page.locator(".evidence-list .evidence").allInnerTexts();
      assert.ok(sentences.length >= 1, sentences.join("\n"));
      const text = await page.locator("article.reading").innerText();
      for (const sentence of sentences) {
        assert.ok(text.replace(/\s+/g, " ").includes(sentence), sentence);
      }
      // Clicking keeps the line's sentences in the panel.
      await page.mouse.click(hovered.x, hovered.y);
      await page.waitForSelector(".evidence-panel.evidence-pinned", { timeout: 3000 });
      assert.equal(await page.locator('g.edge[aria-pressed="true"]').count(), 1);
      await page.locator(".map-panel").screenshot({ path: path.join(SHOTS, "map.png") });

      // A sentence's button scrolls the article to it and marks it.
      await page.locator(".evidence-list .evidence").first().click();
      await page.waitForSelector(".flash-layer .flash");
      await page.waitForFunction(
        () => {
          const flash = document.querySelector(".flash-layer .flash")?.getBoundingClientRect();
          return flash && flash.top >= 0 && flash.bottom <= window.innerHeight;
        },
        null,
        { timeout: 3000 },
      );
      await page.waitForTimeout(400);
      await page.screenshot({ path: path.join(SHOTS, "map-flash.png") });
      await page.locator(".evidence-close").click();
      assert.equal(await page.locator('g.edge[aria-pressed="true"]').count(), 0);

      // Keyboard: lines are focusable and show their evidence too.
      await page.locator('g.edge[data-a="CN"]').first().focus();
      await page.waitForFunction(() => document.querySelector(".evidence-title")?.textContent.includes("China"));

      // Type filters hide and show lines.
      const types = await page.locator(".type-filter").evaluateAll((labels) => labels.map((l) => l.dataset.type));
      for (const type of types) await page.locator(`.type-filter[data-type="${type}"] input`).uncheck();
      assert.equal(await edges.count(), 0);
      for (const type of types) await page.locator(`.type-filter[data-type="${type}"] input`).check();
      assert.equal(await edges.count(), count);

      // The wheel zooms the map without scrolling the page.
      await page.locator("svg.map-svg").scrollIntoViewIfNeeded();
      const y = await page.evaluate(() => window.scrollY);
      const map = await page.locator("svg.map-svg").boundingBox();
      await page.mouse.move(map.x + map.width / 2, map.y + map.height / 2);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction(
        (width) => Number(document.querySelector("svg.map-svg").getAttribute("viewBox").split(" ")[2]) < width,
        box[2],
      );
      assert.equal(await page.evaluate(() => window.scrollY), y);
      await page.getByRole("button", { name: "Reset the view" }).click();
      assert.deepEqual((await page.locator("svg.map-svg").getAttribute("viewBox")).split(" ").map(Number), box);

      // The same relations as a graph.
      await page.locator(".segment", { hasText: "Graph" }).click();
      await page.waitForSelector("svg.map-graph");
      assert.equal(await page.locator("path.land").count(), 0);
      assert.equal(await edges.count(), count);
      await page.locator(".map-panel").screenshot({ path: path.join(SHOTS, "map-graph.png") });

      // Everything above ran in the page: no request at all after loading.
      assert.deepEqual(seen.requests.slice(loaded), []);
      const foreign = seen.requests.filter((url) => !url.startsWith(origin + BASE_PATH));
      assert.deepEqual(foreign, []);
      assert.deepEqual(seen.errors, []);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
    } finally {
      await context.close();
    }
    const dark = await openApp({ colorScheme: "dark" });
    try {
      await dark.page.waitForSelector("svg.map-svg g.edge");
      await dark.page.locator(".map-panel").screenshot({ path: path.join(SHOTS, "map-dark.png") });
    } finally {
      await dark.context.close();
    }
    const phone = await openApp({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    try {
      await phone.page.click('.desk-tab[data-pane="Map"]');
      await phone.page.waitForSelector("svg.map-svg g.edge");
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (scroll width ${width})`);
      const map = await phone.page.locator("svg.map-svg").boundingBox();
      assert.ok(map.width >= 330, `map width at 375 px: ${map.width}`);
      await hoverEdge(phone.page);
      await phone.page.locator(".map-panel").screenshot({ path: path.join(SHOTS, "map-375.png") });
    } finally {
      await phone.context.close();
    }
  });

  test("screenshots: desktop, dark mode and 375 px", async () => {
    const desktop = await openApp();
    try {
      await desktop.page.screenshot({ path: path.join(SHOTS, "app.png"), fullPage: true });
      // The colour-independent cue: type names beside each mention.
      await desktop.page.locator(".chip-toggle input").check();
      await desktop.page
        .locator("article.reading")
        .screenshot({ path: path.join(SHOTS, "app-chips.png") });
    } finally {
      await desktop.context.close();
    }
    const dark = await openApp({ colorScheme: "dark" });
    try {
      await dark.page.screenshot({ path: path.join(SHOTS, "app-dark.png"), fullPage: false });
    } finally {
      await dark.context.close();
    }
    const phone = await openApp({ viewport: { width: 375, height: 812 }, deviceScaleFactor: 2 });
    try {
      const width = await phone.page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(width <= 375, `no sideways scrolling at 375 px (scroll width ${width})`);
      await phone.page.screenshot({ path: path.join(SHOTS, "app-375.png"), fullPage: true });
      await phone.page.screenshot({ path: path.join(SHOTS, "app-375-top.png") });
      await phone.page.click('.desk-tab[data-pane="Countries"]');
      await phone.page.locator(".side-panel").screenshot({ path: path.join(SHOTS, "app-375-panel.png") });
    } finally {
      await phone.context.close();
    }
  });
});

describe("The workspace", () => {
  const KYIV = "Berlin has granted $40 million to Kyiv for power stations.";
  const GRAIN = "German and Ukrainian ministers signed a deal on grain in Kyiv.";

  const tabs = (page) => page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab");

  test("several documents: drop, switch, rename, delete, all-documents map, exports, reload", async () => {
    const { context, page, seen } = await openApp({ acceptDownloads: true });
    try {
      // An export of the sample, to import again.
      const sample = await exported(page, "json");
      const sampleJson = JSON.parse(sample.body.toString("utf8"));
      assert.equal(sampleJson.schema, "diplomap/1");
      assert.ok(sampleJson.text.includes("Tokayev") && sampleJson.entities.length > 10);

      // Start from an empty workspace: deleting the last document leaves an empty one.
      await page.click(".doc-item:not(.doc-item-all) .doc-delete");
      await page.waitForFunction(() => document.querySelector("#article-text").value === "");

      await dropFiles(page, [
        { name: "aid.txt", body: KYIV, type: "text/plain" },
        {
          name: "grain.html",
          body: `<html><head><title>Grain talks</title><script>alert(1)</script></head><body><h1>Grain</h1><script>alert(1)</script><p>${GRAIN}</p><img src=x onerror=alert(1)></body></html>`,
          type: "text/html",
        },
        { name: "sample.diplomap.json", body: sample.body.toString("utf8"), type: "application/json" },
      ]);
      await assertNotice(page.locator(".notice"), /Loaded “aid\.txt”, “grain\.html”, “sample\.diplomap\.json” as 3 new documents/);
      assert.equal(await tabs(page).count(), 3);
      assert.deepEqual(await tabs(page).allInnerTexts(), [KYIV, "Grain talks", sampleJson.title]);

      // Switch: the web page is its text only.
      await tabs(page).nth(1).click();
      await page.waitForFunction((grain) => document.querySelector("#article-text").value.includes(grain), GRAIN);
      const html = await page.locator("#article-text").inputValue();
      assert.equal(html, `Grain\n\n${GRAIN}`);
      assert.equal(await page.locator("article.reading script, article.reading img").count(), 0);

      // Rename the first.
      await tabs(page).nth(0).click();
      await page.click(".doc-rename-button");
      await page.fill(".doc-rename-input", "Aid to Kyiv");
      await page.press(".doc-rename-input", "Enter");
      await page.waitForFunction(() => document.querySelector(".doc-current .doc-tab")?.textContent === "Aid to Kyiv");

      // All documents: the German–Ukrainian line has evidence from two documents.
      await page.click(".doc-all");
      const edge = page.locator('svg.map-svg g.edge[data-target="E:DE-UA"]');
      await edge.waitFor({ timeout: 5000 });
      await edge.focus();
      await page.waitForFunction(() => new Set([...document.querySelectorAll(".evidence-list .evidence[data-doc]")].map((e) => e.dataset.doc)).size >= 2);
      const sources = await page.locator(".evidence-list .evidence .evidence-doc").allTextContents();
      assert.ok(sources.includes("Aid to Kyiv") && sources.includes("Grain talks"), sources.join(" | "));
      await page.screenshot({ path: path.join(SHOTS, "workspace.png") });

      // Exports of the all-documents view.
      // (The formats in detail: e2e/map.test.mjs.)
      const csv = (await exported(page, "csv")).body.toString("utf8");
      assert.match(csv, /^"Source","Target","Source name","Target name","Type",/);
      assert.match(csv, /\r\n"DE","UA","Germany","Ukraine",/);
      const displacy = JSON.parse((await exported(page, "displacy")).body.toString("utf8"));
      assert.deepEqual(displacy.map((doc) => doc.title), ["Aid to Kyiv", "Grain talks", sampleJson.title]);
      const aid = displacy[0];
      const chars = [...aid.text];
      assert.ok(aid.ents.some((e) => chars.slice(e.start, e.end).join("") === "Berlin" && e.label === "GPE"));
      const all = JSON.parse((await exported(page, "json")).body.toString("utf8"));
      assert.equal(all.length, 3);
      assert.ok(all.every((doc) => doc.schema === "diplomap/1" && typeof doc.text === "string"));
      const svg = (await exported(page, "svg")).body.toString("utf8");
      assert.ok(svg.startsWith("<svg"), svg.slice(0, 80));
      assert.ok(svg.includes("stroke") && !svg.includes("<script"));
      const png = (await exported(page, "png")).body;
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      assert.ok(png.length > 5000, `PNG of ${png.length} bytes`);

      // Delete the imported sample, then reload: the workspace is intact.
      await page.click(".doc-item:nth-child(4) .doc-delete");
      await page.waitForFunction(() => document.querySelectorAll(".doc-tabs .doc-item:not(.doc-item-all)").length === 2);
      // The reload comes once the delete is saved (a reload racing the save in flight
      // is not what this test is about).
      for (let i = 0; i < 100 && (await documents(page)).length !== 2; i++) await page.waitForTimeout(50);
      await page.reload();
      await page.waitForSelector(".doc-tabs .doc-item");
      assert.deepEqual(await tabs(page).allInnerTexts(), ["Aid to Kyiv", "Grain talks"]);
      await page.locator('svg.map-svg g.edge[data-target="E:DE-UA"]').waitFor({ timeout: 5000 });
      await page.screenshot({ path: path.join(SHOTS, "workspace-reloaded.png"), fullPage: false });

      const foreign = seen.requests.filter((url) => !url.startsWith(origin + BASE_PATH) && !url.startsWith("blob:"));
      assert.deepEqual(foreign, []);
      assert.deepEqual(seen.dialogs, []);
      assert.deepEqual(seen.errors, []);
      // grain.html's `<img onerror>` is parsed without its attributes: no CSP report either.
      const refused = seen.console.filter((line) => /Content Security Policy|Refused to/i.test(line));
      assert.deepEqual(refused, []);
    } finally {
      await context.close();
    }
  });
});

/// Moves the mouse onto the middle of the first edge whose middle no other edge covers
/// (an edge's bounding box's centre is usually off the line), waits for the evidence
/// panel to name it, and returns the names of its countries.
async function hoverEdge(page) {
  await page.locator("svg.map-svg").scrollIntoViewIfNeeded();
  const found = await page.locator("svg.map-svg").evaluate((svg) => {
    for (const edge of svg.querySelectorAll("g.edge")) {
      const path = edge.querySelector(".edge-line");
      const middle = path.getPointAtLength(path.getTotalLength() / 2);
      const matrix = path.getScreenCTM();
      const x = matrix.a * middle.x + matrix.c * middle.y + matrix.e;
      const y = matrix.b * middle.x + matrix.d * middle.y + matrix.f;
      if (edge.contains(document.elementFromPoint(x, y))) {
        const [a, b] = edge.getAttribute("aria-label").split(":")[0].split(/ [→–] /);
        return { x, y, a, b };
      }
    }
    return null;
  });
  assert.ok(found, "some edge can be pointed at");
  await page.mouse.move(found.x, found.y);
  await page.waitForFunction(
    ({ a, b }) => {
      const title = document.querySelector(".evidence-title")?.textContent ?? "";
      return title.includes(a) && title.includes(b);
    },
    found,
    { timeout: 3000 },
  );
  return found;
}
