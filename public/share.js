// A share link that sends nothing: the document itself, compressed (the browser's
// CompressionStream, deflate-raw) and base64url-encoded, in the link's fragment, which
// browsers never send to a server. public/boot.js loads it only when a link is made or
// opened, so the first visit never downloads it, and hands it `app`, the wasm module's
// exports: it answers through app.shareAnswer(message, problem, title, text), the last
// two for a link opened (src/share.rs).
//
//   copy(app, title, text)   "Copy link": the link on the clipboard (else in the
//                            address bar), or why not
//   take(app)                the page was opened from a link: its document, added; the
//                            fragment is cleared at once, so a reload adds nothing
//   link(title, text, page)  -> {url} or {refused}
//   read(fragment)           -> {title, text} or {refused}
//
// A link longer than LINK_LIMIT characters is refused: RFC 9110 asks every program that
// handles URLs to keep at least 8,000 octets, and mail and chat programs that cut longer
// ones are common; some 13,000 characters of news text (about 2,000 words) fit.

export const LINK_LIMIT = 8000;
const PREFIX = "#doc=";
// A fragment holds at most LINK_LIMIT characters, whose text no honest link makes larger
// than a few hundred KB: more is a compression bomb, refused before it fills memory.
const MAX_TEXT_BYTES = 2_000_000;

const decline = (refused) => ({ refused });
const quoted = (title) => (title ? `\u201c${title}\u201d` : "The document");

const ABOUT_LINKS =
  "It carries the document itself: whoever opens it gets a copy in their own workspace, and no server ever sees it.";

/** The page's link for the document, on the clipboard (else in the address bar). */
export async function copy(app, title, text) {
  const made = await link(title, text, location.href.split("#")[0]);
  if (made.refused) return app.shareAnswer(made.refused, true);
  const size = `${made.url.length.toLocaleString("en")} characters`;
  try {
    await navigator.clipboard.writeText(made.url);
    app.shareAnswer(`Link copied (${size}). ${ABOUT_LINKS}`, false);
  } catch {
    history.replaceState(history.state, "", made.url);
    app.shareAnswer(
      `The browser would not let Diplomap copy the link, so it is in the address bar: copy it from there (${size}). ${ABOUT_LINKS}`,
      false,
    );
  }
}

/** The document of the link the page was opened from, taken out of its address. */
export async function take(app) {
  const fragment = location.hash;
  if (!isShared(fragment)) return;
  history.replaceState(history.state, "", location.href.split("#")[0]);
  const shared = await read(fragment);
  if (shared.refused) return app.shareAnswer(shared.refused, true);
  const message = `${quoted(shared.title)} was added to your workspace from the link. No server saw it.`;
  app.shareAnswer(message, false, shared.title, shared.text);
}

/** Whether `fragment` (location.hash) holds a shared document. */
export const isShared = (fragment) => fragment.startsWith(PREFIX);

/** The link to `page` (its address without a fragment) that carries the document. */
export async function link(title, text, page) {
  const json = new TextEncoder().encode(JSON.stringify({ title, text }));
  const url = page + PREFIX + toBase64Url(await transform(json, new CompressionStream("deflate-raw")));
  if (url.length > LINK_LIMIT) {
    return decline(
      `This document is too long for a link: it would take ${url.length.toLocaleString("en")} characters, ` +
        `over the ${LINK_LIMIT.toLocaleString("en")} that mail and chat programs keep intact. ` +
        "Export it as JSON to share it instead.",
    );
  }
  return { url };
}

/** The document in a share link's fragment. */
export async function read(fragment) {
  const damaged = decline("This link's document could not be read: the link may have been cut short.");
  if (!isShared(fragment) || fragment.length > LINK_LIMIT) return damaged;
  const packed = fromBase64Url(fragment.slice(PREFIX.length));
  if (!packed) return damaged;
  let json;
  try {
    json = await transform(packed, new DecompressionStream("deflate-raw"), MAX_TEXT_BYTES);
  } catch {
    return damaged;
  }
  if (!json) return decline("This link's document is larger than any link can honestly carry, so it was not opened.");
  let shared;
  try {
    shared = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(json));
  } catch {
    return damaged;
  }
  const { title = null, text } = shared ?? {};
  if (typeof text !== "string" || (title !== null && typeof title !== "string")) return damaged;
  return { title, text };
}

/** `bytes` through a compression stream, in full; null past `limit` bytes out. */
async function transform(bytes, stream, limit = Infinity) {
  const reader = new Blob([bytes]).stream().pipeThrough(stream).getReader();
  const chunks = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function toBase64Url(bytes) {
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

function fromBase64Url(text) {
  if (!/^[A-Za-z0-9_-]*$/.test(text)) return null;
  try {
    return Uint8Array.from(atob(text.replace(/-/g, "+").replace(/_/g, "/")), (char) => char.charCodeAt(0));
  } catch {
    return null;
  }
}
