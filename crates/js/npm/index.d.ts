import type { Corpus, Document, JsonValue } from "./schema.js";

export type * from "./schema.js";

/** What the core's wasm binary may be given as; by default it is found beside the package's modules. */
export type WasmSource =
  | string
  | URL
  | Request
  | Response
  | BufferSource
  | WebAssembly.Module
  | Promise<Response | BufferSource | WebAssembly.Module>;

export interface AnalyzeOptions {
  /** Copied into the result's `id`: any JSON value. */
  id?: JsonValue;
}

/** Compiles and starts the core once. `analyze` and `aggregate` call it themselves; call it first to choose where the wasm binary comes from. */
export function init(wasm?: WasmSource): Promise<void>;

/**
 * The analysis of `text` as a `diplomap/1` document (docs/schema.md). Offsets count Unicode code
 * points: `Array.from(text).slice(entity.start, entity.end).join("")` is the entity's text.
 */
export function analyze(text: string, options?: AnalyzeOptions): Promise<Document>;

/**
 * The relations of many documents in one `diplomap/1-corpus`. Takes results of `analyze` and corpora of earlier
 * calls, mixed: a corpus made in parts and merged is the corpus made at once. Rejects anything else, naming it.
 */
export function aggregate(results: readonly (Document | Corpus)[]): Promise<Corpus>;
