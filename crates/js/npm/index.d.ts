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

/** The relations of many documents merged into one `diplomap/1-corpus`; rejects a document that is not a result. */
export function aggregate(documents: readonly Document[]): Promise<Corpus>;
