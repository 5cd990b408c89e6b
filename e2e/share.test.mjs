// Share links (public/share.js, src/share.rs): the document in the link's fragment,
// compressed. In Node, which has the browser's CompressionStream: round trips, the length
// limit, and links that are cut short, tampered with or built to explode. In the app:
// "Copy link", then the link opened in another browser profile and in a workspace that
// already has documents, and the refusals, said on the page.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import path from "node:path";
import { deflateRawSync } from "node:zlib";
import { BASE_PATH, ROOT, assertNotice, dropFiles, pasteIntoBox, restored, startApp } from "./chromium.mjs";

// Imported as the ES module it is (the project's package.json, a CommonJS one, would
// make Node guess and warn).
const source = await readFile(path.join(ROOT, "public", "share.js"), "utf8");
const { LINK_LIMIT, isShared, link, read } = await import(`data:text/javascript,${encodeURIComponent(source)}`);

const PAGE = "https://example.org/newsroom/tools/diplomap/";
const ARTICLE = "Kazakh and Russian ministers met in Astana on March 4 and signed a $1.2 billion deal.";
const fragment = (url) => url.slice(url.indexOf("#"));
const packed = (value) => "#doc=" + deflateRawSync(Buffer.from(value)).toString("base64url");

describe("share links in Node", () => {
  test("round-trip a document, its title and any text", async () => {
    const text = `${ARTICLE}\n\nZürich — 🌍 «quotes», Ελληνικά, עברית, 中文, and a lone \r carriage return.`;
    const made = await link("Grain talks", text, PAGE);
    assert.ok(made.url.startsWith(`${PAGE}#doc=`), made.url);
    assert.ok(isShared(fragment(made.url)));
    assert.deepEqual(await read(fragment(made.url)), { title: "Grain talks", text });
    const untitled = await link(null, ARTICLE, PAGE);
    assert.deepEqual(await read(fragment(untitled.url)), { title: null, text: ARTICLE });
  });

  test("refuse a document too long for a link, saying the limit", async () => {
    // Sentences varied enough not to compress to nothing.
    const sentences = Array.from({ length: 4000 }, (_, i) => `Report ${(i * 7919) % 10007}: talks in Astana.`);
    const made = await link("Long", sentences.join(" "), PAGE);
    assert.equal(made.url, undefined);
    assert.match(made.refused, /too long for a link: it would take [\d,]+ characters, over the 8,000/);
    assert.equal(LINK_LIMIT, 8000);
    // The longest text that fits makes a link of at most the limit, and one sentence more is refused.
    let [fits, refused] = [0, sentences.length];
    while (refused - fits > 1) {
      const middle = (fits + refused) >> 1;
      if ((await link("Long", sentences.slice(0, middle).join(" "), PAGE)).url) fits = middle;
      else refused = middle;
    }
    const longest = await link("Long", sentences.slice(0, fits).join(" "), PAGE);
    assert.ok(longest.url.length <= LINK_LIMIT && longest.url.length > LINK_LIMIT - 100, `${longest.url.length}`);
    assert.ok((await link("Long", sentences.slice(0, fits + 1).join(" "), PAGE)).refused);
  });

  test("refuse links cut short, tampered with, or not documents", async () => {
    const { url } = await link("Grain talks", ARTICLE, PAGE);
    const damaged = /could not be read/;
    assert.match((await read(fragment(url).slice(0, -10))).refused, damaged);
    assert.match((await read("#doc=not*base64")).refused, damaged);
    assert.match((await read("#doc=")).refused, damaged);
    assert.match((await read("#elsewhere")).refused, damaged);
    assert.match((await read(packed("not json"))).refused, damaged);
    assert.match((await read(packed('{"text": 42}'))).refused, damaged);
    assert.match((await read(packed('{"title": {}, "text": "x"}'))).refused, damaged);
    assert.match((await read(packed("null"))).refused, damaged);
    assert.match((await read(packed(Buffer.from([0xff, 0xfe, 0x22])))).refused, damaged);
    assert.match((await read("#doc=" + "A".repeat(LINK_LIMIT))).refused, damaged);
  });

  test("refuse a compression bomb without inflating it all", async () => {
    const bomb = packed(`{"text": "${"A".repeat(6_000_000)}"}`);
    assert.ok(bomb.length < LINK_LIMIT, `${bomb.length} characters`);
    assert.match((await read(bomb)).refused, /larger than any link can honestly carry/);
  });
});

describe("share links in the app", () => {
  const TITLE = "Grain deal in Astana";
  const DOCUMENT = `${TITLE}\n\n${ARTICLE}`;
  let app;
  let url;
  const tabs = (page) => page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab");
  const notice = (page, pattern) => page.locator(".notice", { hasText: pattern });
  const reading = (page) => page.locator("article.reading").innerText();

  before(async () => {
    app = await startApp();
    url = app.origin + BASE_PATH;
  });

  after(async () => {
    await app?.close();
  });

  /** A page of a fresh profile that may use the clipboard, with DOCUMENT dropped in. */
  async function withDocument() {
    const opened = await app.open({ permissions: ["clipboard-read", "clipboard-write"] });
    await restored(opened.page);
    await dropFiles(opened.page, [{ name: "shared.txt", body: DOCUMENT, type: "text/plain" }]);
    await opened.page.waitForFunction((title) => document.querySelector(".doc-current .doc-tab")?.textContent === title, TITLE);
    // The second tier lands after the first highlight and what is shown is read again:
    // the links are followed after that, not across it.
    await opened.page.waitForFunction(() => document.documentElement.dataset.tier === "loaded", null, { timeout: 30000 });
    return opened;
  }

  /** "Copy link": the notice, and the link from the clipboard. */
  async function copyLink(page) {
    await page.click('button.share-link');
    await notice(page, /Link copied/).waitFor();
    return page.evaluate(() => navigator.clipboard.readText());
  }

  test("a link carries a document to another profile's workspace, and nothing to a server", async () => {
    const sender = await withDocument();
    const link = await copyLink(sender.page);
    assert.ok(link.startsWith(`${url}#doc=`), link);
    assert.match(await notice(sender.page, /Link copied/).innerText(), /Link copied \([\d,]+ characters\)\. It carries the document itself/);

    const receiver = await app.open();
    const seen = [];
    receiver.page.on("request", (request) => seen.push(request.url()));
    await receiver.page.goto(link);
    await assertNotice(notice(receiver.page, /from the link/), /was added to your workspace from the link\. No server saw it\./);
    assert.equal(await receiver.page.locator(".doc-current .doc-tab").innerText(), TITLE);
    await receiver.page.waitForFunction((text) => document.querySelector("article.reading")?.textContent.includes(text), "$1.2 billion");
    assert.ok((await receiver.page.locator('article.reading mark[data-label="MONEY"]').allInnerTexts()).includes("$1.2 billion"));
    // The fragment is gone from the address, and no request carried it.
    assert.equal(new URL(receiver.page.url()).hash, "");
    assert.deepEqual(seen.filter((request) => request.includes("#") || request.includes("doc=")), []);
    // Saved like any document: there after a reload, once.
    await receiver.page.reload();
    await restored(receiver.page);
    const titles = await tabs(receiver.page).allInnerTexts();
    assert.equal(titles.filter((title) => title === TITLE).length, 1, titles.join(" | "));
    await sender.context.close();
    await receiver.context.close();
  });

  test("a link opened in a workspace adds a document and changes none", async () => {
    const { context, page } = await withDocument();
    const link = await copyLink(page);
    const before = await tabs(page).allInnerTexts();
    await tabs(page).first().click();
    const firstText = await reading(page);
    // The link pasted into the address bar of the open page: only its fragment changes.
    await page.evaluate((link) => (location.href = link), link);
    await assertNotice(notice(page, /from the link/), /was added to your workspace from the link/);
    const titles = await tabs(page).allInnerTexts();
    assert.deepEqual(titles.slice(0, before.length), before);
    assert.equal(titles.length, before.length + 1);
    assert.equal(titles.at(-1), TITLE);
    assert.match(await reading(page), /Kazakh and Russian ministers met in Astana/);
    // The document shown when the link came is untouched.
    await tabs(page).first().click();
    assert.equal(await reading(page), firstText);
    // Opened as a new page, the link's document arrives while the workspace is being
    // restored: it joins the restored workspace, which keeps every document.
    await page.close();
    const opened = await context.newPage();
    await opened.goto(link);
    await assertNotice(notice(opened, /from the link/), /was added to your workspace from the link/);
    await restored(opened);
    const reopened = await tabs(opened).allInnerTexts();
    assert.deepEqual(reopened.slice(0, titles.length), titles);
    assert.deepEqual(reopened.slice(titles.length), [TITLE]);
    assert.equal(await opened.locator(".doc-current .doc-tab").innerText(), TITLE);
    await context.close();
  });

  test("a text too long for a link is refused, with the limit and why", async () => {
    const sentences = Array.from({ length: 3000 }, (_, i) => `Report ${(i * 7919) % 10007}: ministers met in Astana.`);
    const { context, page } = await withDocument();
    await pasteIntoBox(page, sentences.join(" "));
    await page.waitForFunction(() => document.querySelector("article.reading")?.textContent.includes("Report 2"));
    await page.click('button.share-link');
    await assertNotice(
      notice(page, /too long/),
      /too long for a link: it would take [\d,]+ characters, over the 8,000 that mail and chat programs keep intact/,
    );
    assert.match(await notice(page, /too long/).getAttribute("class"), /notice-error/);
    await context.close();
  });

  test("a damaged link is refused with a message, and nothing changes", async () => {
    const { context, page } = await app.open();
    await restored(page);
    const before = await tabs(page).allInnerTexts();
    await page.goto(`${url}#doc=${"A".repeat(40)}`);
    await assertNotice(notice(page, /could not be read/), /This link's document could not be read: the link may have been cut short\./);
    await restored(page);
    assert.deepEqual(await tabs(page).allInnerTexts(), before);
    await context.close();
  });
});
