// The entry point for Node.js (18 or later): the wasm binary is read from the package's
// folder, since Node's fetch does not read file: URLs.
import { readFile } from "node:fs/promises";
import { api } from "./core.js";

export const { init, analyze, aggregate } = api(() => readFile(new URL("./diplomap_bg.wasm", import.meta.url)));
