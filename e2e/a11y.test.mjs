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

  test("a mention reached with the keyboard shows its tooltip", async () => {
    const { context, page } = await open();
    await page.locator("article.reading mark.ent").first().focus();
    await page.keyboard.press("Tab");
    const { title, shown } = await page.evaluate(() => ({
      title: document.activeElement.getAttribute("title"),
      shown: getComputedStyle(document.activeElement, "::before").content,
    }));
    assert.match(title, /^[A-Z]+( · |$)/);
    assert.equal(shown, JSON.stringify(title));
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

  test("dark mode and a phone-sized screen", async () => {
    for (const options of [{ colorScheme: "dark" }, { viewport: { width: 375, height: 740 } }]) {
      const { context, page } = await open(options);
      await page.waitForSelector("svg.map-svg g.edge");
      assert.deepEqual(await audit(page), [], JSON.stringify(options));
      await context.close();
    }
  });
});
