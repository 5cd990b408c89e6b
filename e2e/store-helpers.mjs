// What the store tests share: reading the app's IndexedDB store from a page, holding it
// in a transaction as another tab saving would, seeding the saves earlier versions left
// (in their exact formats), and putting input in the page as a reader would.

// A reader of one store, as source for the page to run.
function readStoreSource(name) {
  return `new Promise((resolve, reject) => {
    const open = indexedDB.open("diplomap");
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      if (!db.objectStoreNames.contains(${JSON.stringify(name)})) { db.close(); return resolve([]); }
      const tx = db.transaction(${JSON.stringify(name)});
      const store = tx.objectStore(${JSON.stringify(name)});
      const keys = store.getAllKeys();
      const values = store.getAll();
      tx.oncomplete = () => {
        db.close();
        resolve(keys.result.map((key, i) => ({ key, value: values.result[i] })));
      };
      tx.onerror = () => reject(tx.error);
    };
  })`;
}

/** The records of one store of the app's database: `{key, value}` in key order. */
export function records(page, name) {
  return page.evaluate(readStoreSource(name));
}

/** The documents stored, as `{id, title, text}` (a record that is not JSON gives none). */
export async function documents(page) {
  return (await records(page, "documents")).map(({ key, value }) => ({ id: key, ...lenient(value) }));
}

/** JSON, read as the app reads it: raw control characters (damage) are taken as they are. */
function lenient(value) {
  const escaped = (text) => text.replace(/[\u0000-\u001f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
  for (const attempt of [value, typeof value === "string" ? escaped(value) : value]) {
    try {
      return JSON.parse(attempt);
    } catch {}
  }
  return { title: null, text: null };
}

/** The copies kept aside: their raw contents. */
export async function kept(page) {
  return (await records(page, "aside")).map(({ value }) => value);
}

/**
 * Holds the app's store in a readwrite transaction, as another tab saving would, until
 * `release(page)`: every read of the store waits meanwhile.
 */
export async function hold(page) {
  await page.evaluate(
    () =>
      new Promise((started, failed) => {
        const open = indexedDB.open("diplomap");
        open.onerror = () => failed(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["documents", "revisions", "meta"], "readwrite");
          const meta = tx.objectStore("meta");
          window.__release = false;
          window.__released = new Promise((done) => {
            tx.oncomplete = () => {
              db.close();
              done();
            };
          });
          // A request after each other keeps the transaction open.
          const spin = () => {
            if (!window.__release) meta.get("workspace").onsuccess = spin;
          };
          meta.get("workspace").onsuccess = () => {
            started();
            spin();
          };
        };
      }),
  );
}

export async function release(page) {
  await page.evaluate(() => {
    window.__release = true;
    return window.__released;
  });
}

/** The titles of the document tabs. */
export function tabTitles(page) {
  return page.locator(".doc-tabs .doc-item:not(.doc-item-all) .doc-tab").allInnerTexts();
}

/** Pastes `text` outside any text field, as Ctrl+V on the page does. */
export function pasteOnPage(page, text) {
  return page.evaluate((text) => {
    const data = new DataTransfer();
    data.setData("text/plain", text);
    document.body.dispatchEvent(new ClipboardEvent("paste", { clipboardData: data, bubbles: true, cancelable: true }));
  }, text);
}

/**
 * Seeds what earlier versions left in this origin's storage, in their formats:
 * `workspace` (localStorage "diplomap.workspace.v1": JSON of [{id, title, text}]),
 * `database` (the same JSON in IndexedDB "diplomap" version 1, store "saves", key
 * "diplomap.workspace.v1", with localStorage "…saved-in" = "indexeddb"), `unreadable`,
 * `article` (the first version's "diplomap.article.v1") and `current` (the id shown).
 * Run on a page of the origin that is not the app.
 */
export function seedLegacy(page, { workspace, database, unreadable, article, current }) {
  return page.evaluate(
    async ({ workspace, database, unreadable, article, current }) => {
      const set = (key, value) => value !== undefined && localStorage.setItem(key, value);
      set("diplomap.workspace.v1", workspace);
      set("diplomap.workspace.v1.unreadable", unreadable);
      set("diplomap.article.v1", article);
      set("diplomap.workspace.v1.current", current);
      if (database === undefined) return;
      localStorage.setItem("diplomap.workspace.v1.saved-in", "indexeddb");
      await new Promise((resolve, reject) => {
        const open = indexedDB.open("diplomap", 1);
        open.onupgradeneeded = () => open.result.createObjectStore("saves");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction("saves", "readwrite");
          tx.objectStore("saves").put(database, "diplomap.workspace.v1");
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      });
    },
    { workspace, database, unreadable, article, current },
  );
}

/** A save as earlier versions wrote it (serde_json, compact), and where each entry ends. */
export function legacySave(docs) {
  let json = "[";
  const ends = [];
  docs.forEach((doc, i) => {
    if (i > 0) json += ",";
    json += JSON.stringify({ id: doc.id ?? i + 1, title: doc.title, text: doc.text });
    ends.push(json.length);
  });
  return { json: json + "]", ends };
}

/** What the page's long tasks were (the Long Tasks API, from the page's start). */
export async function longestTask(page) {
  return page.evaluate(() => Math.max(0, ...(window.__longTasks ?? [])));
}

/** Records every long task of the page's main thread in `window.__longTasks`. */
export function recordLongTasks() {
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) window.__longTasks.push(Math.round(entry.duration));
  }).observe({ type: "longtask", buffered: true });
}
