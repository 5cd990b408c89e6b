// Makes the installed app's icons (public/icon-192.png, icon-512.png and
// icon-maskable-512.png) from public/favicon.svg, drawn by the headless Chromium the
// tests use: `node scripts/icons/build.mjs`. The same Chromium gives the same bytes.
// The maskable icon has the favicon's background to the edges and its drawing inside the
// central 70%, the safe zone of a launcher's round or squircle mask.
import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT } from "../../e2e/chromium.mjs";

const PUBLIC = path.join(ROOT, "public");
const favicon = await readFile(path.join(PUBLIC, "favicon.svg"), "utf8");
const drawing = favicon.replace(/^[\s\S]*?<svg[^>]*>/, "").replace(/<\/svg>\s*$/, "");
const background = favicon.match(/<rect[^>]*fill="([^"]+)"/)[1];
const maskable =
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" fill="${background}"/>` +
  `<g transform="translate(4.8 4.8) scale(0.7)">${drawing}</g></svg>`;

const icons = [
  ["icon-192.png", favicon, 192],
  ["icon-512.png", favicon, 512],
  ["icon-maskable-512.png", maskable, 512],
];

const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
try {
  for (const [name, svg, size] of icons) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    const html = `<style>html,body{margin:0;background:transparent}img{display:block;width:${size}px;height:${size}px}</style>` +
      `<img src="data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}">`;
    await page.setContent(html);
    await page.locator("img").evaluate((img) => img.decode());
    await writeFile(path.join(PUBLIC, name), await page.screenshot({ omitBackground: true }));
    await page.close();
    console.log(`public/${name}: ${size}x${size}`);
  }
} finally {
  await browser.close();
}
