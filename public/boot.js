// Starts the Diplomap app. A file rather than trunk's inline loader, so the page's
// Content-Security-Policy can forbid inline scripts. trunk writes the hashed names of
// the wasm-bindgen module and the wasm binary into this script tag's data attributes.
const tag = document.querySelector("script[data-js][data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
