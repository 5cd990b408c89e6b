// The XSS corpus end to end: every payload of e2e/fixtures/xss-corpus.json (script tags,
// event handlers, javascript: and data: URLs, SVG, MathML, CSS, templates, mutation XSS,
// encodings, a polyglot) goes into the built app every way user text can: pasted
// anywhere, typed and pasted into the text box, uploaded and dropped as .html files
// (some with hostile names), imported as an exported .json. After each, the panels that
// show user text are exercised (country list, mentions, map evidence, "All documents",
// rename, exports, reload). Nothing may run: no dialog, no console error or warning
// (a CSP report means markup reached a DOM), no page error, no request after the page
// loaded, no window.__pwned, no element or attribute a payload could have brought; and
// the reading view shows the markup as literal text. Run with `node --test e2e/`.

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { readFile, readdir } from "node:fs/promises";
import path from "node:path";
import { BASE_PATH, DIST, ROOT, SHOTS, assertNotice, dropFiles, editor, exported, startApp } from "./chromium.mjs";

const CORPUS = JSON.parse(await readFile(path.join(ROOT, "e2e", "fixtures", "xss-corpus.json"), "utf8"));
const PAYLOADS = CORPUS.payloads.map((entry) => entry.payload);

// Sentences that relate two countries, so that payloads also land in the map's evidence.
const CARRIERS = [
  "Germany and France signed a trade agreement in Berlin",
  "Russia and China held security talks in Moscow",
  "Japan and India agreed on new investment in Tokyo",
  "Brazil and Argentina signed a grain deal in Brasilia",
  "Turkey and Greece held talks on the border in Ankara",
];

/** An article with one paragraph per payload, each inside a sentence about two countries. */
function hostileArticle(payloads) {
  const paragraphs = payloads.map((payload, i) => `${CARRIERS[i % CARRIERS.length]} after ${payload} was posted.`);
  return ["Diplomats read hostile cables", ...paragraphs].join("\n\n");
}

const escapeHtml = (text) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

// Elements the app never makes (or only has in index.html's head): their number must
// not change. Selectors are case-sensitive for SVG names such as foreignObject.
const DENIED = [
  "script", "iframe", "frame", "frameset", "object", "embed", "base", "meta", "link", "style",
  "img", "image", "video", "audio", "source", "picture", "template", "math", "foreignObject",
  "animate", "animateMotion", "animateTransform", "set", "use", "marquee", "details", "select",
  "xmp", "listing", "noembed", "noframes", "plaintext", "noscript", "a", "area", "[srcdoc]",
  "[formaction]", "[contenteditable]",
];
// Attributes holding URLs: none may hold a script or data URL.
const URL_ATTRIBUTES = [
  "href", "xlink:href", "src", "action", "formaction", "data", "poster", "srcset", "background",
  "ping", "values", "to", "from", "by", "content",
];

/** In the page: what a payload that became markup would have left behind. */
function inspect([denied, urlAttributes]) {
  const counts = Object.fromEntries(denied.map((selector) => [selector, document.querySelectorAll(selector).length]));
  const all = [...document.querySelectorAll("*")];
  counts.mathml = document.getElementsByTagNameNS("http://www.w3.org/1998/Math/MathML", "*").length;
  counts.shadowRoots = all.filter((element) => element.shadowRoot).length;
  const attributes = [];
  for (const element of all) {
    for (const { name, value } of element.attributes) {
      const folded = value.replace(/[\u0000-\u0020]/g, "").toLowerCase();
      const hostile =
        /^on/i.test(name) ||
        (urlAttributes.includes(name.toLowerCase()) && /^(javascript|data|vbscript):/.test(folded)) ||
        (name === "style" && /url\(|expression|import|behavior|binding/.test(folded));
      if (hostile) attributes.push(`<${element.localName} ${name}="${value}">`);
    }
  }
  return {
    counts,
    attributes,
    pwned: window.__pwned === undefined ? "no" : String(window.__pwned),
    csp: window.__cspViolations,
    location: location.href,
    title: document.title,
  };
}

let app;
const snapshot = (page) => page.evaluate(inspect, [DENIED, URL_ATTRIBUTES]);

/**
 * A fresh page on the app, and `problems(note)`: everything a payload that ran or became
 * markup would have caused since the page loaded (empty when all is well). Requests to
 * `blob:` URLs of the page's own origin are the exports' downloads, allowed once
 * `allowBlobs()` was called; `reload()` reloads the page, which may fetch the app's own
 * files again (and nothing else).
 */
async function openGuarded(options) {
  const { context, page, seen } = await app.open(options);
  const clean = await snapshot(page);
  let loaded = seen.requests.length;
  // The app's own files, fetched again by a reload (with updates.js, which a page its
  // service worker controls also loads).
  const files = new Set([...seen.requests, ...(await readdir(DIST)).map((name) => app.origin + BASE_PATH + name)]);
  let reloads = false;
  let blobs = false;
  const ownBlob = `blob:${app.origin}/`;
  // The gazetteer's second tier, which the app's worker fetches after its first highlight.
  const secondTier = (url) => url.startsWith(app.origin + BASE_PATH) && /\/tier-[0-9a-f]+\.bin$/.test(url);
  async function problems() {
    // Handlers such as onerror and ontoggle fire asynchronously.
    await page.waitForTimeout(250);
    const now = await snapshot(page);
    const found = [];
    for (const dialog of seen.dialogs) found.push(`dialog: ${dialog}`);
    for (const error of seen.errors) found.push(`page error: ${error}`);
    for (const line of seen.console) if (/^(error|warning|assert)/.test(line)) found.push(`console ${line}`);
    for (const report of now.csp) found.push(`CSP report: ${report}`);
    for (const url of seen.requests.slice(loaded)) {
      if (!(blobs && url.startsWith(ownBlob)) && !(reloads && files.has(url)) && !secondTier(url)) found.push(`request: ${url}`);
    }
    if (now.pwned !== "no") found.push(`window.__pwned = ${now.pwned}`);
    for (const attribute of now.attributes) found.push(`attribute: ${attribute}`);
    for (const [what, count] of Object.entries(now.counts)) {
      if (count !== clean.counts[what]) found.push(`${count} × ${what} (${clean.counts[what]} at load)`);
    }
    if (now.location !== clean.location) found.push(`navigated to ${now.location}`);
    if (now.title !== clean.title) found.push(`title changed to ${now.title}`);
    return found;
  }
  return {
    context,
    page,
    seen,
    problems,
    assertInert: async (when) => assert.deepEqual(await problems(), [], `after ${when}`),
    allowBlobs: () => (blobs = true),
    reload: async () => {
      reloads = true;
      await page.reload();
      await page.waitForSelector("article.reading mark.ent", { timeout: 20000 });
    },
  };
}

/** Runs `steps` with a fresh guarded page (see openGuarded), closed afterwards. */
async function withGuardedPage(options, steps) {
  const guarded = await openGuarded(options);
  try {
    await steps(guarded);
  } finally {
    await guarded.context.close();
  }
}

/** Every payload is in the reading view as text. */
async function assertLiteral(page, payloads) {
  const text = await page.locator("article.reading").evaluate((article) => article.textContent);
  assert.deepEqual(payloads.filter((payload) => !text.includes(payload)), [], "payloads shown literally");
}

/**
 * The reading view shows `payloads` as text and nothing ran, before and after using
 * every panel (see exercisePanels); returns the evidence sentences the panels showed.
 */
async function assertReadAsText({ page, assertInert }, payloads, when) {
  await assertLiteral(page, payloads);
  await assertInert(when);
  const evidence = await exercisePanels(page);
  await assertInert(`${when}, and using the panels`);
  return evidence;
}

const readingHas = (page, needle) =>
  page.waitForFunction((needle) => document.querySelector("article.reading")?.textContent.includes(needle), needle, {
    timeout: 5000,
  });

const tabs = (page) => page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab");

/**
 * Uses every panel that shows user text (reading the article, not editing it): the
 * country list, a mention (hovered and clicked for its popover), the type chips, a map line (focused and pinned for
 * its evidence, whose first sentence is revealed in the article), a country on the map,
 * and the graph. Returns the evidence sentences shown.
 */
async function exercisePanels(page) {
  if (await page.locator(".input-panel.editing").count()) await page.click(".mode-edit");
  await page.locator("ol.country-list .country-button").first().click();
  const mention = page.locator("article.reading mark.ent").first();
  await mention.hover();
  await mention.click();
  await page.locator(".chip-toggle input").check();
  const edge = page.locator("svg.map-svg g.edge").first();
  await edge.waitFor({ timeout: 5000 });
  await edge.focus();
  await edge.press("Enter");
  await page.waitForSelector(".evidence-panel.evidence-pinned .evidence-list .evidence", { timeout: 3000 });
  const evidence = await page.locator(".evidence-list .evidence").allTextContents();
  // In "All documents" this opens the sentence's document (and closes the panel).
  await page.locator(".evidence-list .evidence").first().click();
  await page.waitForSelector(".flash-layer .flash");
  if (await page.locator(".evidence-close").count()) await page.locator(".evidence-close").click();
  await page.locator("svg.map-svg path.land-mentioned").first().focus();
  await page.waitForSelector(".evidence-title");
  evidence.push(...(await page.locator(".evidence-list .evidence").allTextContents()));
  await page.locator(".segment", { hasText: "Graph" }).click();
  await page.waitForSelector("svg.map-graph g.edge");
  await page.locator("svg.map-svg g.edge").first().hover();
  await page.locator(".segment", { hasText: "Map" }).click();
  await page.locator(".chip-toggle input").uncheck();
  return evidence;
}

before(async () => {
  app = await startApp();
});

after(async () => {
  await app?.close();
});

describe("XSS corpus", () => {
  test("the corpus is broad and every payload calls a sink the test watches", () => {
    const kinds = new Set(CORPUS.payloads.map((entry) => entry.kind));
    for (const kind of ["script", "handler", "url", "svg", "mathml", "css", "template", "mxss", "encoding"]) {
      assert.ok(kinds.has(kind), `payloads of kind ${kind}`);
    }
    assert.ok(PAYLOADS.length >= 50, `${PAYLOADS.length} payloads`);
    assert.equal(new Set(CORPUS.payloads.map((entry) => entry.id)).size, PAYLOADS.length, "ids are unique");
    const sink = /alert|confirm|prompt|fetch\(|__pwned|src=|href=|url\(|import\(/;
    assert.deepEqual(PAYLOADS.filter((payload) => !sink.test(payload)), []);
  });

  test("the detectors see markup that does reach the page", () =>
    withGuardedPage({}, async ({ page, problems }) => {
      assert.deepEqual(await problems(), []);
      // What the app must never do: user text as markup.
      await page.evaluate(() => {
        document.body.insertAdjacentHTML(
          "beforeend",
          `<p><img src="xss-canary.png"><img src=x onerror="alert(1)"><a href="javascript:alert(1)">x</a></p>`,
        );
        window.__pwned = "canary";
      });
      const found = (await problems()).join("\n");
      for (const expected of [
        /request: .*xss-canary\.png/,
        /CSP report: script-src-attr inline/,
        /console error: .*inline event handler/,
        /window\.__pwned = canary/,
        /attribute: <img onerror="alert\(1\)">/,
        /attribute: <a href="javascript:alert\(1\)">/,
        /2 × img \(0 at load\)/,
      ]) {
        assert.match(found, expected);
      }
    }));

  test("pasted anywhere on the page: shown as text, nothing runs", () =>
    withGuardedPage({}, async (guarded) => {
      const { page } = guarded;
      const text = hostileArticle(PAYLOADS);
      await page.evaluate(
        ([text, html]) => {
          const data = new DataTransfer();
          data.setData("text/plain", text);
          // The clipboard's markup flavour must be ignored.
          data.setData("text/html", html);
          document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
        },
        [text, PAYLOADS.join("\n")],
      );
      await assertNotice(page.locator(".notice"), /Pasted as a new document/);
      await readingHas(page, PAYLOADS.at(-1));
      assert.equal(await page.locator("#article-text").inputValue(), text);
      const evidence = await assertReadAsText(guarded, PAYLOADS, "the paste");
      assert.ok(evidence.some((sentence) => PAYLOADS.some((payload) => sentence.includes(payload))), evidence.join("\n"));
    }));

  test("typed and pasted into the text box: shown as text, nothing runs", () =>
    withGuardedPage({}, async (guarded) => {
      const { context, page } = guarded;
      const box = await editor(page);
      await box.fill(hostileArticle(PAYLOADS));
      await box.press("End");
      const typed = "<img src=x onerror=alert('xss:typed')>";
      await box.pressSequentially(`\n\nRussia and China signed a deal after ${typed}`, { delay: 5 });
      // A real paste (Ctrl+V from the system clipboard) goes into the box, not into a new document.
      const pasted = `<svg/onload=alert('xss:pasted')> and <script>alert('xss:pasted')</script>`;
      await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: app.origin });
      await page.evaluate((text) => navigator.clipboard.writeText(text), ` and ${pasted} were posted.`);
      await box.press("Control+V");
      await readingHas(page, `${pasted} were posted.`);
      assert.equal(await tabs(page).count(), 1);
      await assertReadAsText(guarded, [...PAYLOADS, typed, pasted], "typing");
    }));

  test("uploaded and dropped as files, hostile names too: text only, nothing runs", () =>
    withGuardedPage({}, async ({ page, assertInert }) => {
      // One web page per payload, the payload as markup in its body and as text in its title.
      const pages = CORPUS.payloads.map(({ id, payload }, i) => ({
        name: `xss-${id}.html`,
        mimeType: "text/html",
        buffer: Buffer.from(
          `<!doctype html><html><head><meta charset="utf-8"><title>${escapeHtml(payload)}</title></head>` +
            `<body><h1>Cable ${i + 1}</h1><p>${CARRIERS[i % CARRIERS.length]}.</p><p>${payload}</p></body></html>`,
        ),
      }));
      // And one page with every payload as text: it must read back literally.
      const escaped = {
        name: "corpus-as-text.html",
        mimeType: "text/html",
        buffer: Buffer.from(
          `<!doctype html><title>Corpus as text</title><p>${CARRIERS[0]}.</p>` +
            PAYLOADS.map((payload) => `<p>${escapeHtml(payload)}</p>`).join(""),
        ),
      };
      await page.locator('input[type="file"]').setInputFiles([...pages, escaped]);
      await assertNotice(page.locator(".notice"), new RegExp(`as ${pages.length + 1} new documents`));
      const titles = await tabs(page).allTextContents();
      assert.deepEqual(titles.slice(1), [...PAYLOADS, "Corpus as text"], "titles shown literally");
      await assertInert("uploading the web pages");

      await tabs(page).last().click();
      await readingHas(page, PAYLOADS.at(-1));
      await assertLiteral(page, PAYLOADS);
      await page.locator("article.reading").evaluate((article) => article.scrollIntoView());
      await page.screenshot({ path: path.join(SHOTS, "xss.png") });

      // A web page's markup never becomes its text.
      await tabs(page).nth(1).click();
      await readingHas(page, "Cable 1");
      assert.doesNotMatch(await page.locator("#article-text").inputValue(), /alert/);
      await assertInert("switching documents");

      // All documents: the evidence names its documents by their (hostile) titles.
      await page.click(".doc-all");
      await page.locator("svg.map-svg g.edge").first().focus();
      await page.waitForSelector(".evidence-list .evidence-doc");
      const sources = await page.locator(".evidence-list .evidence-doc").allTextContents();
      assert.ok(sources.length > 0 && sources.every((title) => PAYLOADS.includes(title) || title === "Corpus as text"), sources.join("\n"));
      await exercisePanels(page);
      await assertInert("the all-documents view");

      // Dropped files with hostile names: named literally in the message, loaded or refused.
      const body = `${CARRIERS[1]} after <img src=x onerror=alert('xss:dropped')> was posted.`;
      await dropFiles(
        page,
        CORPUS.fileNames.map(({ name }) => ({ name, body, type: name.endsWith(".html") ? "text/html" : "text/plain" })),
      );
      const notice = page.locator(".notice");
      await assertNotice(notice, /Loaded .* as 4 new documents/);
      const message = await notice.textContent();
      for (const { name } of CORPUS.fileNames) assert.ok(message.includes(`\u201c${name}\u201d`), `${name} in ${message}`);
      assert.match(message, /is not a \.txt, \.md, \.html or \.json file/);
      assert.match(message, /is not a Diplomap export/);
      await tabs(page).last().click();
      await readingHas(page, "was posted.");
      await assertLiteral(page, ["<img src=x onerror=alert('xss:dropped')>"]);
      await assertInert("dropping files with hostile names");
    }));

  test("imported .json, renamed, exported, reloaded: text only, nothing runs", () =>
    withGuardedPage({ acceptDownloads: true }, async (guarded) => {
      const { page, assertInert, allowBlobs, reload } = guarded;
      // An export (schema diplomap/1) whose every string field carries payloads.
      const [title, other] = [PAYLOADS[0], PAYLOADS[10]];
      const text = hostileArticle(PAYLOADS.slice(0, 20));
      const start = [...text].length - 20;
      const result = (title, text) => ({
        schema: "diplomap/1",
        title,
        text,
        entities: [{ start, end: start + 10, label: PAYLOADS[13], text: PAYLOADS[11], canonical: PAYLOADS[12], country: PAYLOADS[14] }],
        sentences: [{ start: 0, end: 10 }],
        relations: [{ a: PAYLOADS[15], b: PAYLOADS[16], types: [PAYLOADS[17]], weight: 1, evidence: [{ start: 0, end: 5, text: PAYLOADS[18] }] }],
      });
      await dropFiles(page, [
        {
          name: `"><img src=x onerror=alert('xss:json-name')>.diplomap.json`,
          body: JSON.stringify([result(title, text), result(other, hostileArticle(PAYLOADS.slice(20)))]),
          type: "application/json",
        },
      ]);
      await assertNotice(page.locator(".notice"), /as 2 new documents/);
      assert.deepEqual((await tabs(page).allTextContents()).slice(1), [title, other]);
      await tabs(page).nth(1).click();
      await readingHas(page, PAYLOADS[19]);
      await assertReadAsText(guarded, PAYLOADS.slice(0, 20), "importing the .json");

      // Renamed to a payload: the tab, its tooltip and the delete button's name are text.
      const name = `"><svg onload=alert('xss:rename')> <a href="javascript:alert(1)">`;
      await page.click(".doc-rename-button");
      await page.fill(".doc-rename-input", name);
      await page.press(".doc-rename-input", "Enter");
      await page.waitForFunction((name) => document.querySelector(".doc-current .doc-tab")?.textContent === name, name);
      assert.equal(await page.locator(".doc-current .doc-tab").getAttribute("title"), name);
      await assertInert("renaming");

      // Exports: file names from a slug, the title kept as data, the map without markup of ours.
      allowBlobs();
      const json = await exported(page, "json");
      assert.match(json.name, /^[\p{L}\p{N}-]+\.diplomap\.json$/u);
      assert.equal(JSON.parse(json.body.toString("utf8")).title, name);
      for (const format of ["csv", "displacy"]) assert.match((await exported(page, format)).name, /^[\p{L}\p{N}.-]+$/u);
      const svg = (await exported(page, "svg")).body.toString("utf8");
      assert.ok(svg.startsWith("<svg"), svg.slice(0, 80));
      // The picture's title is the payload as text; nothing of it became markup.
      const picture = await page.evaluate((svg) => {
        const doc = new DOMParser().parseFromString(svg, "image/svg+xml");
        const elements = [...doc.querySelectorAll("*")];
        return {
          broken: doc.querySelector("parsererror") !== null,
          title: doc.documentElement.querySelector(":scope > text")?.textContent,
          elements: [...new Set(elements.map((element) => element.localName))],
          attributes: elements
            .flatMap((element) => [...element.attributes].map((a) => `${a.name}=${a.value}`))
            .filter((attribute) => /^on|javascript:|xss/i.test(attribute)),
        };
      }, svg);
      assert.equal(picture.broken, false);
      // The title as text, fitted to the picture's width (cut with an ellipsis if longer).
      const shown = picture.title.endsWith("…") ? picture.title.slice(0, -1) : picture.title;
      assert.ok(shown.length >= 20 && name.startsWith(shown), picture.title);
      assert.deepEqual(picture.elements.filter((n) => ["script", "foreignObject", "image", "a", "iframe"].includes(n)), []);
      assert.deepEqual(picture.attributes, []);
      const png = await exported(page, "png");
      assert.equal(png.body.subarray(1, 4).toString("latin1"), "PNG");
      await assertInert("the exports");

      // Back from localStorage: still text.
      await reload();
      assert.deepEqual((await tabs(page).allTextContents()).slice(1), [name, other]);
      await readingHas(page, PAYLOADS[19]);
      await assertReadAsText(guarded, PAYLOADS.slice(0, 20), "the reload");
    }));
});
