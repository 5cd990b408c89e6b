// Regenerates crates/app-core/src/map/countries.tsv, the country shapes of the relations map, from
// Natural Earth's 1:110m countries (public domain) as packaged by world-atlas (ISC).
//
//   npm ci && node scripts/map/build.mjs
//
// Output, one line per country after the `#` comment lines:
//   CODE <tab> name <tab> label lon <tab> label lat <tab> rings
// CODE is ISO 3166-1 alpha-2 (world-atlas uses ISO numeric ids; i18n-iso-countries, MIT,
// maps them). Coordinates are integers in tenths of a degree. The label point is the
// centroid of the country's largest polygon (a few are set by hand below). Rings are
// separated by `;`; each ring is `x0,y0,dx1,dy1,...`: its first point, then the step to
// each next point (points that round to the same tenth are dropped). Holes are rings
// too: the app fills with the even-odd rule. Countries too small for the 1:110m
// shapes get a line with a label point and no rings, from POINTS below.

import { readFile, writeFile } from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";
import * as topojson from "topojson-client";

const require = createRequire(import.meta.url);
const countries = require("i18n-iso-countries");

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..", "..");
const SOURCE = path.join(ROOT, "node_modules", "world-atlas", "countries-110m.json");
const OUT = path.join(ROOT, "crates", "app-core", "src", "map", "countries.tsv");

// Features without an ISO id in world-atlas: drawn as part of the country named here.
const BY_NAME = { Kosovo: "XK", "N. Cyprus": "CY", Somaliland: "SO" };

// Label points chosen by hand where the centroid misleads: Russia's lies deep in
// Siberia, far from where the country's relations are usually conducted.
const LABEL = { RU: [56, 57] };

// Countries and territories with no shape at 1:110m: an approximate point (lon, lat)
// near the capital or the main island. Written for this project.
const POINTS = {
  AD: ["Andorra", 1.5, 42.5], AG: ["Antigua and Barbuda", -61.8, 17.1],
  AI: ["Anguilla", -63.1, 18.2], AS: ["American Samoa", -170.7, -14.3],
  AW: ["Aruba", -70.0, 12.5], AX: ["Åland Islands", 19.9, 60.2],
  BB: ["Barbados", -59.6, 13.1], BH: ["Bahrain", 50.6, 26.1],
  BL: ["Saint Barthélemy", -62.8, 17.9], BM: ["Bermuda", -64.8, 32.3],
  BQ: ["Caribbean Netherlands", -68.3, 12.2], BV: ["Bouvet Island", 3.4, -54.4],
  CC: ["Cocos (Keeling) Islands", 96.9, -12.2], CK: ["Cook Islands", -159.8, -21.2],
  CV: ["Cape Verde", -23.5, 15.0], CW: ["Curaçao", -68.9, 12.2],
  CX: ["Christmas Island", 105.7, -10.5], DM: ["Dominica", -61.4, 15.4],
  FM: ["Micronesia", 158.2, 6.9], FO: ["Faroe Islands", -6.9, 62.0],
  GD: ["Grenada", -61.7, 12.1], GF: ["French Guiana", -53.1, 4.0],
  GG: ["Guernsey", -2.6, 49.5], GI: ["Gibraltar", -5.35, 36.1],
  GP: ["Guadeloupe", -61.6, 16.2], GS: ["South Georgia", -36.6, -54.4],
  GU: ["Guam", 144.8, 13.4], HK: ["Hong Kong", 114.2, 22.3],
  HM: ["Heard and McDonald Islands", 73.5, -53.1], IM: ["Isle of Man", -4.5, 54.2],
  IO: ["British Indian Ocean Territory", 72.4, -7.3], JE: ["Jersey", -2.1, 49.2],
  KI: ["Kiribati", 173.0, 1.4], KM: ["Comoros", 43.3, -11.7],
  KN: ["Saint Kitts and Nevis", -62.7, 17.3], KY: ["Cayman Islands", -81.3, 19.3],
  LC: ["Saint Lucia", -61.0, 13.9], LI: ["Liechtenstein", 9.55, 47.15],
  MC: ["Monaco", 7.4, 43.7], MF: ["Saint Martin", -63.1, 18.1],
  MH: ["Marshall Islands", 171.2, 7.1], MO: ["Macau", 113.5, 22.2],
  MP: ["Northern Mariana Islands", 145.7, 15.2], MQ: ["Martinique", -61.0, 14.6],
  MS: ["Montserrat", -62.2, 16.7], MT: ["Malta", 14.5, 35.9],
  MU: ["Mauritius", 57.5, -20.2], MV: ["Maldives", 73.5, 4.2],
  NF: ["Norfolk Island", 168.0, -29.0], NR: ["Nauru", 166.9, -0.5],
  NU: ["Niue", -169.9, -19.05], PF: ["French Polynesia", -149.5, -17.6],
  PM: ["Saint Pierre and Miquelon", -56.3, 46.9], PN: ["Pitcairn Islands", -130.1, -25.1],
  PW: ["Palau", 134.5, 7.5], RE: ["Réunion", 55.5, -21.1],
  SC: ["Seychelles", 55.5, -4.6], SG: ["Singapore", 103.8, 1.35],
  SH: ["Saint Helena", -5.7, -15.95], SJ: ["Svalbard and Jan Mayen", 16.0, 78.2],
  SM: ["San Marino", 12.45, 43.94], ST: ["São Tomé and Príncipe", 6.7, 0.3],
  SX: ["Sint Maarten", -63.05, 18.03], TC: ["Turks and Caicos Islands", -71.8, 21.8],
  TK: ["Tokelau", -171.8, -9.2], TO: ["Tonga", -175.2, -21.1],
  TV: ["Tuvalu", 179.2, -8.5], UM: ["U.S. Minor Outlying Islands", -160.0, 5.9],
  VA: ["Vatican City", 12.45, 41.9], VC: ["Saint Vincent and the Grenadines", -61.2, 13.25],
  VG: ["British Virgin Islands", -64.6, 18.4], VI: ["U.S. Virgin Islands", -64.8, 17.75],
  WF: ["Wallis and Futuna", -176.2, -13.3], WS: ["Samoa", -172.1, -13.8],
  YT: ["Mayotte", 45.15, -12.8],
};

const tenth = (value) => Math.round(value * 10);

/// Planar area (signed) and centroid of a ring of [lon, lat] points.
function ringStats(ring) {
  let area = 0, cx = 0, cy = 0;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [x0, y0] = ring[j], [x1, y1] = ring[i];
    const cross = x0 * y1 - x1 * y0;
    area += cross; cx += (x0 + x1) * cross; cy += (y0 + y1) * cross;
  }
  area /= 2;
  return area === 0
    ? { area: 0, centroid: ring[0] }
    : { area, centroid: [cx / (6 * area), cy / (6 * area)] };
}

/// A ring that crosses the antimeridian (eastern Russia, Fiji) continues past 180°
/// instead of jumping across the map. Antarctica's ring runs along the whole bottom
/// edge and stays as it is.
function unwrap(ring, name) {
  let jumps = 0;
  for (let i = 1; i < ring.length; i++) {
    if (Math.abs(ring[i][0] - ring[i - 1][0]) > 180) jumps++;
  }
  if (jumps < 2 || name === "Antarctica") return ring;
  return ring.map(([lon, lat]) => [lon < 0 ? lon + 360 : lon, lat]);
}

/// A ring in tenths of a degree, without repeated points, delta-encoded.
function encodeRing(ring) {
  const points = [];
  for (const [lon, lat] of ring) {
    const point = [tenth(lon), tenth(lat)];
    const last = points[points.length - 1];
    if (!last || last[0] !== point[0] || last[1] !== point[1]) points.push(point);
  }
  // The closing point repeats the first; the app closes rings itself.
  const [first, last] = [points[0], points[points.length - 1]];
  if (points.length > 1 && first[0] === last[0] && first[1] === last[1]) points.pop();
  if (points.length < 3) return null;
  const out = [points[0][0], points[0][1]];
  for (let i = 1; i < points.length; i++) {
    out.push(points[i][0] - points[i - 1][0], points[i][1] - points[i - 1][1]);
  }
  return out.join(",");
}

const topology = JSON.parse(await readFile(SOURCE, "utf8"));
const features = topojson.feature(topology, topology.objects.countries).features;

const byCode = new Map();
for (const feature of features) {
  const name = feature.properties.name;
  const code = feature.id ? countries.numericToAlpha2(feature.id) : BY_NAME[name];
  if (!code) throw new Error(`no ISO code for ${feature.id} ${name}`);
  const polygons = (
    feature.geometry.type === "Polygon" ? [feature.geometry.coordinates] : feature.geometry.coordinates
  ).map((polygon) => polygon.map((ring) => unwrap(ring, name)));
  const entry = byCode.get(code) ?? { name, polygons: [] };
  if (!feature.id) {
    // A part drawn with its country keeps that country's name.
  } else {
    entry.name = name;
  }
  entry.polygons.push(...polygons);
  byCode.set(code, entry);
}

const lines = [];
for (const [code, entry] of [...byCode].sort(([a], [b]) => a.localeCompare(b))) {
  let best = null;
  for (const polygon of entry.polygons) {
    const stats = ringStats(polygon[0]);
    if (!best || Math.abs(stats.area) > Math.abs(best.area)) best = stats;
  }
  const [lon, lat] = LABEL[code] ?? best.centroid;
  const rings = entry.polygons.flat().map(encodeRing).filter(Boolean);
  lines.push([code, entry.name, tenth(lon), tenth(lat), rings.join(";")].join("\t"));
}
for (const [code, [name, lon, lat]] of Object.entries(POINTS)) {
  if (byCode.has(code)) throw new Error(`${code} has a shape and a point`);
  lines.push([code, name, tenth(lon), tenth(lat), ""].join("\t"));
}
lines.sort();

const header = [
  "# Country shapes for the relations map. Generated by scripts/map/build.mjs; do not edit.",
  "# Natural Earth 1:110m countries, public domain, via world-atlas (ISC).",
  "# code, name, label lon and lat, rings (tenths of a degree, delta-encoded; see the script).",
];
await writeFile(OUT, header.concat(lines).join("\n") + "\n");
console.log(`${OUT}: ${lines.length} countries, ${(await readFile(OUT)).length} bytes`);
