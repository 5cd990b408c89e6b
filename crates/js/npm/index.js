// The entry point for browsers and bundlers. The wasm binary is found beside this file
// through `new URL(..., import.meta.url)`, which bundlers (webpack 5, Vite, Parcel,
// Rollup with its URL plugin) recognise and copy as an asset.
import { api } from "./core.js";

export const { init, analyze, aggregate } = api(() => new URL("./diplomap_bg.wasm", import.meta.url));
