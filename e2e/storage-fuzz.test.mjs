// Storage fault injection in the browser (the native half, over many more cases, is
// crates/app-core/examples/fuzz_storage.rs; `make fuzz-storage` runs both). Each seed
// saves a random workspace as the app's store (IndexedDB records, revisions, meta record)
// or as an earlier version did (a JSON array in localStorage or in version 1's store),
// damages it (truncation, characters changed, values of the wrong type, huge values, bad
// keys, a damaged meta record), and loads the app over it. Never a page error or a console
// error; every document the damage did not touch comes back; a reload gives the same
// workspace and keeps nothing aside twice. FUZZ_SEEDS seeds (8 by default, as `make test`
// runs it), from FUZZ_FIRST_SEED. Run with `node --test e2e/`.

import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { RESTORED, restored, startApp } from "./chromium.mjs";
import { documents, kept, legacySave, seedLegacy } from "./store-helpers.mjs";

const SEEDS = Number(process.env.FUZZ_SEEDS ?? 8);
const FIRST = Number(process.env.FUZZ_FIRST_SEED ?? 0);

let app;
before(async () => {
  app = await startApp();
});
after(async () => {
  await app?.close();
});

/** mulberry32: a small deterministic generator. */
function generator(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const below = (n) => Math.floor(next() * n);
  return { below, pick: (list) => list[below(list.length)], chance: (oneIn) => below(oneIn) === 0 };
}

const PIECES = ["Talks", " in ", "Astana", '"', "\\", '{"id":1,', '"text":"', "}", "]", "[", ",", "{", "\n", "\t", "é", "—", "🇺🇦", "\ud800", "\\u00e9", "1e400", "null", "$40 million"];

function workspace(random) {
  return Array.from({ length: 1 + random.below(7) }, (_, i) => {
    let text = `doc${i} `;
    for (let k = random.below(10); k > 0; k--) text += random.pick(PIECES);
    const title = random.chance(6) ? "T".repeat(300) : `Title ${i}`;
    return { title, text };
  });
}

/** `text` damaged one way; `hit`: the range of the original it touched (none: untouched). */
function damage(random, text) {
  const at = random.below(text.length + 1);
  switch (random.below(4)) {
    case 0:
      return { damaged: text.slice(0, at), hit: [at, text.length] };
    case 1: {
      const where = Math.min(at, text.length - 1);
      const replacement = random.pick(['"', "\\", "{", "}", "\u0000", "x", "\ud800"]);
      return { damaged: text.slice(0, where) + replacement + text.slice(where + 1), hit: [where, where + 1] };
    }
    case 2:
      return { damaged: `${"[".repeat(50 + random.below(200))}${text}`, hit: [0, 1] };
    default:
      return { damaged: text, hit: null };
  }
}

const touches = (hit, start, end) => hit !== null && hit[0] < end && start < hit[1];

/** Seeds the store of version 2 (the app's own) with `records`: [key, value] pairs. */
function seedStore(page, { documents, revisions, meta }) {
  return page.evaluate(
    ({ documents, revisions, meta }) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("diplomap", 2);
        open.onupgradeneeded = () => {
          for (const name of ["documents", "revisions", "meta", "aside", "saves"]) open.result.createObjectStore(name);
        };
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["documents", "revisions", "meta"], "readwrite");
          for (const [key, value] of documents) tx.objectStore("documents").put(value, key);
          for (const [key, value] of revisions) tx.objectStore("revisions").put(value, key);
          if (meta !== undefined) tx.objectStore("meta").put(meta, "workspace");
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { documents, revisions, meta },
  );
}

/** One seed: what was saved, how it was damaged, and which documents it left intact. */
function scenario(seed) {
  const random = generator(seed);
  const docs = workspace(random);
  if (random.chance(2)) {
    const { json, ends } = legacySave(docs);
    const { damaged, hit } = damage(random, json);
    const intact = docs.filter((_, i) => !touches(hit, i === 0 ? 1 : ends[i - 1] + 1, ends[i]));
    const where = random.chance(2) ? "workspace" : "database";
    return { kind: `earlier version's save (${where})`, seedLegacy: { [where]: damaged }, intact };
  }
  const records = [];
  const revisions = [];
  const intact = [];
  docs.forEach((doc, i) => {
    let key = i + 1;
    let value = JSON.stringify({ title: doc.title, text: doc.text });
    let whole = true;
    switch (random.below(8)) {
      case 0: {
        const { damaged, hit } = damage(random, value);
        whole = hit === null;
        value = damaged;
        break;
      }
      case 1:
        value = random.pick([42, null, { title: "x" }, [1, 2], true]);
        whole = false;
        break;
      case 2:
        // Keys that are no ids (each its own, or the second would replace the first).
        key = random.pick([`key ${i}`, 1e300 * (i + 1), -1 - i, 0.5 + i, [i, 2]]);
        break;
    }
    records.push([key, value]);
    revisions.push([key, random.pick([1, 2, 3, NaN, 1e300, "x"])]);
    if (whole) intact.push(doc);
  });
  const meta = random.pick([
    undefined,
    '{"format":2,"rev":3,"next_id":',
    7,
    '{"format":2,"rev":3,"next_id":1}',
    `{"format":2,"rev":3,"next_id":${docs.length + 1}}`,
    '{"format":2,"rev":3,"next_id":18446744073709551615}',
  ]);
  return { kind: "store records", seedStore: { documents: records, revisions, meta }, intact };
}

test(`damaged saves over ${SEEDS} seeds: no error, every intact document back, stable`, async (t) => {
  let restoredTotal = 0;
  let intactTotal = 0;
  for (let seed = FIRST; seed < FIRST + SEEDS; seed++) {
    const { kind, seedLegacy: legacy, seedStore: store, intact } = scenario(seed);
    const context = await app.browser.newContext();
    try {
      const page = await context.newPage();
      await page.goto(`${app.origin}/seeding`);
      if (legacy) await seedLegacy(page, legacy);
      if (store) await seedStore(page, store);
      const { seen } = await app.page(context, { ready: RESTORED, page });
      // A lone surrogate reads as U+FFFD in the app: strings in Rust are well-formed.
      const back = async () =>
        (await documents(page)).filter((doc) => typeof doc.text === "string").map((doc) => doc.text.toWellFormed());
      const texts = await back();
      for (const doc of intact) {
        assert.ok(texts.includes(doc.text.toWellFormed()), `seed ${seed} (${kind}): an intact document is missing: ${JSON.stringify(doc.text)}`);
      }
      const copies = (await kept(page)).length;
      await page.reload();
      await restored(page);
      assert.deepEqual(await back(), texts, `seed ${seed}: a reload gives the same workspace`);
      assert.equal((await kept(page)).length, copies, `seed ${seed}: nothing is kept aside twice`);
      const noisy = seen.console.filter((line) => /^error/.test(line));
      assert.deepEqual([...seen.errors, ...noisy], [], `seed ${seed} (${kind})`);
      restoredTotal += texts.length;
      intactTotal += intact.length;
    } finally {
      await context.close();
    }
  }
  t.diagnostic(`fuzz-storage (browser): ${SEEDS} seeds from ${FIRST}: ${intactTotal} documents left intact by the damage, ${restoredTotal} restored`);
});
