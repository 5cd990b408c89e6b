// An accessibility audit of the built app with axe-core (WCAG 2.0/2.1/2.2 A and AA
// rules): the sample with its map, the graph view with evidence open, chips shown, dark
// mode, a phone-sized screen. Any violation fails, with the rule and the elements named.
// Run with `node --test e2e/`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { ROOT, startApp } from "./chromium.mjs";

const AXE = path.join(ROOT, "node_modules", "axe-core", "axe.min.js");
const TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/** The violations axe finds in the page, one line each. */
async function audit(page) {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async (tags) => {
    const result = await window.axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((violation) => ({
      rule: violation.id,
      impact: violation.impact,
      nodes: violation.nodes.slice(0, 4).map((node) => `${node.target.join(" ")}: ${node.failureSummary.split("\n").slice(1).join(" ").trim()}`),
    }));
  }, TAGS);
  return violations.map((v) => `${v.rule} (${v.impact}): ${v.nodes.join(" | ")}`);
}

describe("accessibility", () => {
  let app;
  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  // axe is injected as a script, which the page's CSP rightly refuses: these pages
  // bypass it (the other tests check the CSP).
  const open = (options = {}) => app.open({ bypassCSP: true, ...options });

  test("the sample, its map and its side panel", async () => {
    const { context, page } = await open();
    await page.waitForSelector("svg.map-svg g.edge");
    assert.deepEqual(await audit(page), []);
    await context.close();
  });

  test("a mention reached with the keyboard is described by its popover", async () => {
    const { context, page } = await open();
    await page.focus("article.reading");
    await page.keyboard.press("ArrowRight");
    await page.waitForSelector("#mention-note", { state: "visible" });
    const described = await page.evaluate(() => ({
      by: document.activeElement.getAttribute("aria-describedby"),
      title: document.activeElement.getAttribute("title"),
    }));
    assert.deepEqual(described, { by: "mention-note", title: null });
    assert.deepEqual(await audit(page), []);
    await context.close();
  });

  test("the graph view with evidence pinned, and type names shown", async () => {
    const { context, page } = await open();
    await page.locator(".segment", { hasText: "Graph" }).click();
    await page.waitForSelector("svg.map-graph");
    await page.locator("svg.map-graph g.edge").first().focus();
    await page.keyboard.press("Enter");
    await page.waitForSelector(".evidence-panel.evidence-pinned");
    await page.check(".chip-toggle input");
    assert.deepEqual(await audit(page), []);
    await context.close();
  });

  test("dark mode, editing, and each part of the desk on a phone-sized screen", async () => {
    const dark = await open({ colorScheme: "dark" });
    await dark.page.waitForSelector("svg.map-svg g.edge");
    assert.deepEqual(await audit(dark.page), [], "dark");
    await dark.page.click(".mode-edit");
    assert.deepEqual(await audit(dark.page), [], "dark, editing");
    await dark.context.close();
    const phone = await open({ viewport: { width: 375, height: 740 } });
    for (const pane of ["Text", "Map", "Countries"]) {
      await phone.page.click(`.desk-tab[data-pane="${pane}"]`);
      if (pane === "Map") await phone.page.waitForSelector("svg.map-svg g.edge");
      assert.deepEqual(await audit(phone.page), [], pane);
    }
    await phone.context.close();
  });
});
