// The relations map of several articles, end to end: the "All documents" map of four
// articles of our own keeps every country name apart and inside the map (on a desktop
// and on a phone), the keyboard pans and zooms it, the confidence control filters its
// lines and the evidence marks the cue words, and its exports are fit to publish and to
// analyse: the CSV read by a real CSV parser, the SVG's text nodes, the PNG's pixels.
// Run with `node --test e2e/` after `make build`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import path from "node:path";
import { SHOTS, dropFiles, exported, startApp } from "./chromium.mjs";
import { MAP_ARTICLES } from "./fixtures/map-articles.mjs";

let app;

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

/** A page whose workspace holds the four articles, showing "All documents". */
async function openAllDocuments(options = {}) {
  const { context, page, seen } = await app.open({ acceptDownloads: true, ...options });
  await page.click(".doc-item:not(.doc-item-all) .doc-delete");
  await page.waitForFunction(() => document.querySelector("#article-text").value === "");
  await dropFiles(
    page,
    MAP_ARTICLES.map(({ name, body }) => ({ name, body, type: "text/plain" })),
  );
  await page.waitForFunction(() => document.querySelectorAll(".doc-tabs .doc-item:not(.doc-item-all)").length === 4);
  await page.click(".doc-all");
  // On a phone the map is one of the reading desk's three panes.
  const mapPane = page.locator('.desk-tab[data-pane="Map"]');
  if (await mapPane.isVisible()) await mapPane.click();
  // The second tier lands after the first highlight and the documents are read again:
  // what is measured is what stays.
  await page.waitForFunction(() => document.documentElement.dataset.tier === "loaded", null, { timeout: 30000 });
  await page.waitForFunction(() => document.querySelectorAll("svg.map-svg g.edge").length >= 10, null, { timeout: 20000 });
  // Labels are placed from measured widths once the map has its size.
  await page.waitForTimeout(300);
  return { context, page, seen };
}

/** Every country name's box on screen, and the map's. */
async function labelBoxes(page) {
  return page.locator("svg.map-svg").evaluate((svg) => ({
    map: svg.getBoundingClientRect().toJSON(),
    labels: [...svg.querySelectorAll("text.map-label:not(.map-label-full)")].map((text) => ({
      text: text.textContent,
      ...text.getBoundingClientRect().toJSON(),
    })),
  }));
}

/** Pairs of boxes that share more than half a pixel each way. */
function overlapping(boxes) {
  const found = [];
  for (let i = 0; i < boxes.length; i++) {
    for (let j = i + 1; j < boxes.length; j++) {
      const [a, b] = [boxes[i], boxes[j]];
      const w = Math.min(a.right, b.right) - Math.max(a.left, b.left);
      const h = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
      if (w > 0.5 && h > 0.5) found.push(`"${a.text}" and "${b.text}"`);
    }
  }
  return found;
}

function assertLegible({ map, labels }, where) {
  assert.ok(labels.length >= 10, `${where}: ${labels.length} labels: ${labels.map((l) => l.text)}`);
  assert.deepEqual(overlapping(labels), [], `${where}: overlapping labels`);
  const cut = labels.filter((l) => l.left < map.left - 0.5 || l.right > map.right + 0.5 || l.top < map.top - 0.5 || l.bottom > map.bottom + 0.5);
  assert.deepEqual(cut.map((l) => l.text), [], `${where}: labels cut at the map's edge`);
}

/** Rows of a CSV, read by Python's csv module (a real RFC 4180 reader). */
function parseCsv(text) {
  const script = "import csv, json, sys; print(json.dumps(list(csv.reader(sys.stdin, strict=True))))";
  return JSON.parse(execFileSync("python3", ["-c", script], { input: text, encoding: "utf8" }));
}

describe("the map of four articles", () => {
  test("no two country names overlap or leave the map, on a desktop and a phone", async () => {
    for (const [viewport, name] of [
      [{ width: 1400, height: 900 }, "desktop"],
      [{ width: 375, height: 800 }, "phone"],
    ]) {
      const { context, page, seen } = await openAllDocuments({ viewport });
      try {
        const boxes = await labelBoxes(page);
        assertLegible(boxes, name);
        // Crowded names give way to short forms or leader lines, never to overlaps.
        const texts = boxes.labels.map((label) => label.text);
        assert.ok(texts.some((text) => ["Serbia", "Hungary", "Croatia"].includes(text)), texts.join(", "));
        await page.locator(".map-panel").screenshot({ path: path.join(SHOTS, `map-all-${name}.png`) });
        // Zoomed in, the names are placed again, still apart.
        await page.getByRole("button", { name: "Zoom in" }).click();
        await page.waitForTimeout(200);
        assertLegible(await labelBoxes(page), `${name}, zoomed in`);
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    }
  });

  test("arrow keys pan and + and − zoom the focused map", async () => {
    const { context, page } = await openAllDocuments();
    try {
      const viewBox = async () => (await page.locator("svg.map-svg").getAttribute("viewBox")).split(" ").map(Number);
      await page.getByRole("button", { name: "Zoom in" }).click();
      await page.locator("svg.map-svg").focus();
      const start = await viewBox();
      await page.keyboard.press("ArrowRight");
      const right = await viewBox();
      assert.ok(right[0] > start[0] && right[2] === start[2], `${start} -> ${right}`);
      await page.keyboard.press("ArrowUp");
      assert.ok((await viewBox())[1] < right[1]);
      await page.keyboard.press("+");
      assert.ok((await viewBox())[2] < start[2]);
      await page.keyboard.press("-");
      await page.keyboard.press("-");
      assert.ok((await viewBox())[2] > start[2]);
      // The page itself did not scroll.
      assert.equal(await page.evaluate(() => document.activeElement.classList.contains("map-svg")), true);
    } finally {
      await context.close();
    }
  });

  test("the confidence control changes the lines drawn and the count; evidence marks its cue words", async () => {
    const { context, page } = await openAllDocuments();
    try {
      const edges = page.locator("svg.map-svg g.edge");
      const confidences = await edges.evaluateAll((gs) => gs.map((g) => Number(g.dataset.confidence)));
      const atDefault = confidences.length;
      assert.ok(confidences.every((c) => c >= 0.6), `${confidences}`);
      const summary = () => page.locator(".map-panel .panel-meta").innerText();
      const total = Number((await summary()).match(/(\d+) relations/)[1]);

      // Lowered to 0.5: every relation, the less sure ones faint.
      await page.locator("#confidence-threshold").fill("0.5");
      await page.waitForFunction((n) => document.querySelectorAll("svg.map-svg g.edge").length >= n, atDefault);
      const all = await edges.count();
      assert.equal(all, total, await summary());
      const faint = await page.locator("svg.map-svg g.edge.edge-unsure").evaluateAll((gs) => gs.map((g) => Number(g.dataset.confidence)));
      assert.ok(faint.every((c) => c < 0.6));
      assert.equal(faint.length, all - atDefault);

      // Raised to 0.9: only the surest, and the count says how many of all.
      await page.locator("#confidence-threshold").fill("0.9");
      await page.waitForFunction((n) => document.querySelectorAll("svg.map-svg g.edge").length < n, all);
      const sure = await edges.count();
      const high = confidences.filter((c) => c >= 0.9).length;
      assert.equal(sure, high);
      assert.match(await summary(), new RegExp(`^${sure} of ${total} relations`));
      assert.match(await page.locator(".confidence-note").innerText(), /hidden/);

      // The evidence of a line marks the words that typed it, as text.
      await page.locator("#confidence-threshold").fill("0.5");
      const edge = page.locator('svg.map-svg g.edge[data-types~="economy"]').first();
      await edge.focus();
      const cue = page.locator(".evidence-list mark.cue").first();
      await cue.waitFor({ timeout: 3000 });
      const cueText = await cue.innerText();
      const sentence = await page.locator(".evidence-list .evidence-text").first().innerText();
      assert.ok(cueText.length > 1 && sentence.includes(cueText), `${cueText} in ${sentence}`);
      assert.match(await page.locator(".evidence-amounts").first().innerText(), /Confidence 0\.\d\d/);
      await page.locator(".map-panel").screenshot({ path: path.join(SHOTS, "map-all-cues.png") });
    } finally {
      await context.close();
    }
  });

  test("exports: the CSV for analysis, the SVG and PNG with title, legend and source", async () => {
    const { context, page } = await openAllDocuments();
    const browser = app.browser;
    try {
      // CSV: one row per pair, with names, direction, evidence and its document.
      const csv = (await exported(page, "csv")).body.toString("utf8");
      const [header, ...rows] = parseCsv(csv);
      assert.deepEqual(header.slice(0, 9), ["Source", "Target", "Source name", "Target name", "Type", "Relation types", "Weight", "Confidence", "Evidence"]);
      const column = (name) => header.indexOf(name);
      assert.ok(rows.length >= 10, `${rows.length} rows`);
      const pairs = rows.map((row) => [row[0], row[1]].sort().join("-"));
      assert.equal(new Set(pairs).size, pairs.length, "one row per pair");
      for (const row of rows) {
        assert.equal(row.length, header.length);
        assert.ok(/^[A-Z]{2}$/.test(row[0]) && /^[A-Z]{2}$/.test(row[1]), row.join(","));
        assert.ok(row[column("Source name")].length > 2 && row[column("Evidence")].length > 10, row.join(","));
        assert.ok(["Directed", "Undirected"].includes(row[column("Type")]));
        assert.ok(Number(row[column("Confidence")]) >= 0.5);
        assert.ok(MAP_ARTICLES.some((a) => a.body.includes(row[column("Evidence")])), `evidence from an article: ${row}`);
        assert.ok(row[column("Document id")] !== "" && row[column("Document title")] !== "", `document of ${row}`);
      }
      const kyrgyz = rows.find((row) => row.includes("KG") && row.includes("RU"));
      assert.ok(kyrgyz, "KG-RU row");
      assert.deepEqual([kyrgyz[column("Source name")], kyrgyz[column("Target name")], kyrgyz[column("Type")]], ["Russia", "Kyrgyzstan", "Directed"]);

      // displaCy: one object per document, each its own text.
      const displacy = JSON.parse((await exported(page, "displacy")).body.toString("utf8"));
      assert.equal(displacy.length, 4);
      assert.deepEqual(displacy.map((doc) => doc.text), MAP_ARTICLES.map((a) => a.body));

      // SVG: the title, every type drawn in the legend, the source line with the date.
      const svg = (await exported(page, "svg")).body.toString("utf8");
      const drawnTypes = await page.locator(".type-filter .type-name").allInnerTexts();
      const { texts, width, height } = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        const root = doc.documentElement;
        return {
          texts: [...root.children].filter((e) => e.localName === "text").map((e) => e.textContent),
          width: Number(root.getAttribute("width")),
          height: Number(root.getAttribute("height")),
          error: doc.querySelector("parsererror")?.textContent ?? null,
        };
      }, svg);
      assert.equal(texts[0], "All documents");
      for (const type of drawnTypes) assert.ok(texts.includes(type), `legend has ${type}: ${texts}`);
      const today = new Date().toISOString().slice(0, 10);
      assert.ok(texts.includes(`Diplomap — 4 documents · ${today}`), texts.join(" | "));
      const map = await page.locator("svg.map-svg").boundingBox();
      assert.ok(width > map.width && height > map.height + 50, `${width}x${height} around a ${map.width}x${map.height} map`);

      // PNG: twice the SVG's size, and the title band holds dark text pixels.
      const png = (await exported(page, "png")).body;
      assert.deepEqual([...png.subarray(1, 4)], [0x50, 0x4e, 0x47]);
      const [pngWidth, pngHeight] = [png.readUInt32BE(16), png.readUInt32BE(20)];
      assert.deepEqual([pngWidth, pngHeight], [Math.round(width * 2), Math.round(height * 2)]);
      const blank = await browser.newPage();
      try {
        const inked = await blank.evaluate(async (base64) => {
          const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
          const image = await createImageBitmap(new Blob([bytes], { type: "image/png" }));
          const canvas = new OffscreenCanvas(image.width, image.height);
          const context = canvas.getContext("2d");
          context.drawImage(image, 0, 0);
          // The title's band: 32 px from the top (at twice the size, 64 rows).
          const { data } = context.getImageData(0, 0, image.width, 64);
          let dark = 0;
          for (let i = 0; i < data.length; i += 4) if (data[i] + data[i + 1] + data[i + 2] < 200) dark++;
          return dark;
        }, png.toString("base64"));
        assert.ok(inked > 200, `dark pixels of the title: ${inked}`);
      } finally {
        await blank.close();
      }
    } finally {
      await context.close();
    }
  });
});
