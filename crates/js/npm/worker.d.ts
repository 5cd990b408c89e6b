import type { AnalyzeOptions } from "./index.js";
import type { Corpus, Document } from "./schema.js";

/** The core running in a Web Worker: the same calls as the package's main module, answered off the page. */
export interface DiplomapWorker {
  analyze(text: string, options?: AnalyzeOptions): Promise<Document>;
  aggregate(results: readonly (Document | Corpus)[]): Promise<Corpus>;
  /** Ends the worker; calls not yet answered are rejected. */
  terminate(): void;
}

/** Starts a module worker running the core; `wasm` says where its binary is (a URL or a compiled WebAssembly.Module). */
export function createWorker(options?: { wasm?: string | URL | WebAssembly.Module }): DiplomapWorker;
