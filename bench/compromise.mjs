// compromise 14 with its dates and numbers plugins, timed on the benchmark corpus in Node
// (`bench/run` calls this). Usage:
//   node bench/compromise.mjs CORPUS.jsonl [--min-bytes N] [--max-seconds S]
// Reads {"text": ...} lines and, for each text in order, parses it and asks for what
// Diplomap finds: people, places, organisations, dates, money and percentages. Stops
// after the whole corpus, or once both at least N bytes were analysed and S seconds
// have passed. Prints one JSON object: {"bytes", "seconds", "mb_per_s", "docs",
// "corpus_docs", "load_ms", "entities", "version"}.

import { readFileSync } from "node:fs";
import { performance } from "node:perf_hooks";

const args = process.argv.slice(2);
const corpus = args.find((a) => !a.startsWith("--"));
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 ? Number(args[at + 1]) : fallback;
};
const minBytes = option("--min-bytes", 200_000);
const maxSeconds = option("--max-seconds", 60);
if (!corpus) {
  console.error("usage: node bench/compromise.mjs CORPUS.jsonl [--min-bytes N] [--max-seconds S]");
  process.exit(2);
}

const texts = readFileSync(corpus, "utf8")
  .split("\n")
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line).text)
  .filter((text) => typeof text === "string");

const loadStart = performance.now();
const { default: nlp } = await import("compromise");
const { default: dates } = await import("compromise-dates");
const { default: numbers } = await import("compromise-numbers");
nlp.plugin(dates);
nlp.plugin(numbers);
nlp("Warm-up: Moscow lent Kazakhstan $1 billion on March 3.").dates().out("array");
const loadMs = performance.now() - loadStart;

let bytes = 0;
let docs = 0;
let entities = 0;
const start = performance.now();
for (const text of texts) {
  const doc = nlp(text);
  for (const found of [
    doc.people(),
    doc.places(),
    doc.organizations(),
    doc.dates(),
    doc.money(),
    doc.percentages(),
  ]) {
    entities += found.out("array").length;
  }
  bytes += Buffer.byteLength(text, "utf8");
  docs += 1;
  const seconds = (performance.now() - start) / 1000;
  if (bytes >= minBytes && seconds >= maxSeconds) break;
}
const seconds = (performance.now() - start) / 1000;
console.log(
  JSON.stringify({
    bytes,
    seconds,
    mb_per_s: bytes / 1e6 / seconds,
    docs,
    corpus_docs: texts.length,
    load_ms: loadMs,
    entities,
    version: nlp.version,
  }),
);
