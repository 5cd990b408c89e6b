// The single file's only inline script (its hash is in the page's policy). The app's
// files are in the page as gzipped base64 data blocks, <script type="application/gzip"
// data-file="..." data-type="...">, which never run: each becomes a blob: URL, and
// public/boot.js starts the app from them as it does from files.
const files = {};
for (const block of document.querySelectorAll('script[type="application/gzip"][data-file]')) {
  const gzipped = Uint8Array.from(atob(block.textContent.trim()), (char) => char.charCodeAt(0));
  const unzipped = new Blob([gzipped]).stream().pipeThrough(new DecompressionStream("gzip"));
  const blob = await new Response(unzipped).blob();
  files[block.dataset.file] = URL.createObjectURL(new Blob([blob], { type: block.dataset.type }));
  block.remove();
}
const boot = document.createElement("script");
boot.type = "module";
Object.assign(boot.dataset, {
  js: files.glue,
  wasm: files.wasm,
  worker: files.worker,
  workerType: "classic",
  share: files.share,
});
boot.src = files.boot;
document.head.append(boot);
