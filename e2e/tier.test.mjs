// End-to-end tests of the gazetteer's second tier in the built app (`dist/`): the
// analysis worker fetches it from the page's origin once the first highlight is shown,
// the open document is analysed again when it lands, the Cache API keeps it for the
// next visit, and a file that cannot be read leaves the first tier working with a quiet
// line, nothing lost.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readdir } from "node:fs/promises";
import { BASE_PATH, DIST, assertNotice, editor, startApp } from "./chromium.mjs";
import { documents } from "./store-helpers.mjs";

/** Types the local story into the article (Edit), then reads it highlighted (Read). */
async function writeStory(page) {
  await (await editor(page)).fill(LOCAL_STORY);
  await page.click(".mode-edit");
}

// A local story of our own: Kanab, a town of some 5,000 in Utah that only the second
// tier knows, and a company of the tables the first download leaves out.
const LOCAL_STORY = [
  "Council approves new water plan",
  "",
  "KANAB — The county commission met in Kanab on Tuesday and approved the plan. " +
    "Engineers from Siemens presented the pumps.",
].join("\n");

let app;
let tierFile;

before(async () => {
  app = await startApp();
  tierFile = (await readdir(DIST)).find((name) => /^tier-[0-9a-f]+\.bin$/.test(name));
  assert.ok(tierFile, "dist/ has the second tier (scripts/trunk/tier.py)");
});

after(async () => {
  await app?.close();
});

const isTier = (url) => new URL(url).pathname === BASE_PATH + tierFile;

/** The country of the first mark whose text is `name`, or null; undefined when none. */
function countryOf(page, name) {
  return page.evaluate((name) => {
    const mark = [...document.querySelectorAll("article.reading mark.ent")].find((m) => m.textContent === name);
    return mark ? (mark.dataset.country ?? null) : undefined;
  }, name);
}

async function waitForCountry(page, name, country) {
  await page.waitForFunction(
    ([name, country]) =>
      [...document.querySelectorAll("article.reading mark.ent")].some(
        (mark) => mark.textContent === name && mark.dataset.country === country,
      ),
    [name, country],
    { timeout: 20000 },
  );
}

/** The stored documents once one of them holds `needle` (saving follows typing). */
async function storedWith(page, needle) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const stored = await documents(page);
    if (stored.some((doc) => doc.text?.includes(needle)) || Date.now() > deadline) return stored;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("the second tier", () => {
  test("the worker fetches it after the first highlight and the open document is analysed again", async () => {
    // The tier is held back until the story is shown with the first tier alone.
    let release;
    const held = new Promise((resolve) => (release = resolve));
    const { context, page, seen } = await app.open(
      {},
      {
        beforeLoad: (context) =>
          context.route(
            (url) => isTier(url.href),
            async (route) => {
              await held;
              await route.continue();
            },
          ),
      },
    );
    try {
      await writeStory(page);
      await page.waitForFunction(() => document.querySelector("article.reading")?.innerText.includes("Kanab"));
      await page.waitForSelector("article.reading mark.ent");
      assert.notEqual(await countryOf(page, "Kanab"), "US", "the first tier does not know Kanab");
      const before = await storedWith(page, "KANAB");
      assert.ok(before.some((doc) => doc.text.includes("KANAB")), "the story is saved");

      release();
      await waitForCountry(page, "Kanab", "US");
      assert.equal(await page.locator("article.reading mark.ent", { hasText: "Siemens" }).count(), 1);
      assert.equal(await page.locator(".places-status").count(), 0, "no notice when the tier loads");

      // Analysed again, not edited: the store holds the same documents, none twice.
      assert.deepEqual(await documents(page), before);
      assert.equal(seen.requests.filter(isTier).length, 1);
      const foreign = seen.requests.filter((url) => !url.startsWith(app.origin + BASE_PATH));
      assert.deepEqual(foreign, [], "only the page's own origin is ever asked");
      assert.deepEqual(seen.errors, []);
    } finally {
      await context.close();
    }
  });

  test("a later visit takes it from the cache, with the network for it cut", async () => {
    const { context, page } = await app.open();
    try {
      await writeStory(page);
      await waitForCountry(page, "Kanab", "US");
      // Offline as far as the tier goes: any request for it fails.
      await context.route((url) => isTier(url.href), (route) => route.abort("internetdisconnected"));
      const { page: again, seen } = await app.page(context);
      await writeStory(again);
      await waitForCountry(again, "Kanab", "US");
      assert.deepEqual(seen.requests.filter(isTier), [], "the tier came from the cache");
      assert.equal(await again.locator(".places-status").count(), 0);
    } finally {
      await context.close();
    }
  });

  for (const [what, answer] of [
    ["corrupt", async (route) => {
      const response = await route.fetch();
      const body = Buffer.from(await response.body());
      body[body.length >> 1] ^= 0x5a;
      await route.fulfill({ response, body });
    }],
    ["missing", (route) => route.fulfill({ status: 404, body: "not found" })],
  ]) {
    test(`a ${what} tier file leaves the first tier working, with a quiet line, nothing lost`, async () => {
      const { context, page, seen } = await app.open(
        {},
        { beforeLoad: (context) => context.route((url) => isTier(url.href), answer) },
      );
      try {
        await writeStory(page);
        const line = page.locator(".places-status");
        await assertNotice(line, /could not be loaded/);
        assert.doesNotMatch(await line.getAttribute("class"), /notice-error/, "a note, not a problem");
        // Still analysed, with the first tier: the story and its highlights are there.
        await page.waitForFunction(() => document.querySelector("article.reading")?.innerText.includes("Kanab"));
        assert.ok((await page.locator("article.reading mark.ent").count()) > 0);
        assert.notEqual(await countryOf(page, "Kanab"), "US");
        const stored = await storedWith(page, "KANAB");
        assert.ok(stored.some((doc) => doc.text.includes("KANAB")), "the story is kept");
        assert.deepEqual(seen.dialogs, []);
        assert.deepEqual(seen.errors, []);
      } finally {
        await context.close();
      }
    });
  }
});
