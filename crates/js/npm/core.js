// The package's API over the wasm-bindgen module (`diplomap.js`, made by `make pkg`):
// results as plain objects of the schema in schema.d.ts. `index.js` (browsers and
// bundlers) and `node.js` differ only in where they find the wasm binary by default.
import startWasm, { aggregateToJson, analyzeToJson } from "./diplomap.js";

/** The API of one entry point, whose wasm binary comes from `defaultWasm()` unless `init` is given one. */
export function api(defaultWasm) {
  let started = null;

  /** Compiles and starts the core, once; later calls return the same promise. */
  function init(wasm) {
    started ??= startWasm({ module_or_path: wasm ?? defaultWasm() }).then(() => undefined);
    return started;
  }

  /** The analysis of `text`: a `diplomap/1` document, with `options.id` as its `id`. */
  async function analyze(text, options = {}) {
    if (typeof text !== "string") throw new TypeError("analyze takes the text as a string");
    await init();
    const id = options.id === undefined ? undefined : JSON.stringify(options.id);
    return JSON.parse(analyzeToJson(text, id));
  }

  /**
   * The relations of `results` (of `analyze`, and corpora of earlier calls, which merge
   * exactly) in one `diplomap/1-corpus`.
   */
  async function aggregate(results) {
    if (!Array.isArray(results)) throw new TypeError("aggregate takes an array of results");
    await init();
    return JSON.parse(aggregateToJson(results.map((result) => JSON.stringify(result))));
  }

  return { init, analyze, aggregate };
}
