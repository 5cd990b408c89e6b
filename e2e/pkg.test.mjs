// The npm package (`make pkg` → pkg/): its `analyze` and `aggregate` in Node, imported by
// name as a project would, and in headless Chromium through the example page
// (examples/embed), on the page and in the package's worker; every result is validated
// against the JSON Schema of docs/schema.md (docs/schema.json), whose fields must be
// those of the TypeScript types generated from the core (pkg/schema.d.ts).

import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { mkdir, readFile, rm, stat, symlink, writeFile } from "node:fs/promises";
import path from "node:path";
import { promisify } from "node:util";
import Ajv2020 from "ajv/dist/2020.js";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS, ROOT, serve } from "./chromium.mjs";

const PKG = path.join(ROOT, "pkg");
const SCHEMA = JSON.parse(await readFile(path.join(ROOT, "docs", "schema.json"), "utf8"));

// Every kind of field the schema has: a person, places with countries, money with a
// currency, a percentage, a full date, a relation with direction and an amount; and
// characters outside the BMP and accents before them, so code-point offsets are checked.
const ARTICLE =
  "Zürich 🌍 report: Russian President Vladimir Putin met Kazakh President Kassym-Jomart " +
  "Tokayev in Astana on March 4, 2025. Russia granted Kazakhstan a $1.2 billion loan for " +
  "a pipeline, and Moscow cut rail tariffs by 8%.";
const SECOND = "German and Ukrainian ministers signed a grain agreement in Kyiv.";

const ajv = new Ajv2020({ allErrors: true, strict: true });
ajv.addSchema(SCHEMA, "diplomap");
const validDocument = ajv.getSchema("diplomap#/$defs/document");
const validCorpus = ajv.getSchema("diplomap#/$defs/corpus");

function assertValid(validate, value) {
  assert.ok(validate(value), `not schema-valid: ${ajv.errorsText(validate.errors)}`);
}

/** What a result of ARTICLE must say, besides being schema-valid. */
function assertArticle(result, id) {
  assertValid(validDocument, result);
  assert.deepEqual(result.id, id);
  const chars = Array.from(ARTICLE);
  for (const entity of result.entities) {
    assert.equal(chars.slice(entity.start, entity.end).join(""), entity.text, "offsets count code points");
  }
  const find = (text) => result.entities.find((entity) => entity.text === text);
  assert.equal(find("Vladimir Putin")?.country, "RU");
  assert.equal(find("Astana")?.country, "KZ");
  assert.deepEqual(
    [find("$1.2 billion")?.value, find("$1.2 billion")?.currency],
    [1.2e9, "USD"],
  );
  assert.equal(find("March 4, 2025")?.iso, "2025-03-04");
  const pair = result.relations.find((relation) => relation.a === "KZ" && relation.b === "RU");
  assert.ok(pair, `a KZ-RU relation: ${JSON.stringify(result.relations)}`);
  assert.ok(pair.amounts?.some((amount) => amount.value === 1.2e9));
  assert.ok(pair.confidence >= 0.5 && pair.confidence <= 1, `confidence ${pair.confidence}`);
  assert.ok(pair.cues?.some((cue) => cue.type === "economy"), `cues: ${JSON.stringify(pair.cues)}`);
  for (const cue of pair.cues) assert.equal(chars.slice(cue.start, cue.end).join(""), cue.text, "cue offsets count code points");
}

describe("the documented schema", () => {
  test("fails on a wrong field: renamed, misspelt value, missing, extra, wrong type", () => {
    const document = {
      schema: "diplomap/1",
      entities: [{ start: 0, end: 6, text: "Moscow", label: "GPE", country: "RU" }],
      sentences: [{ start: 0, end: 20 }],
      relations: [{ a: "AM", b: "RU", types: ["economy"], weight: 1, evidence: [{ start: 0, end: 20 }] }],
    };
    assertValid(validDocument, document);
    const broken = (change) => {
      const copy = structuredClone(document);
      change(copy);
      return validDocument(copy);
    };
    assert.equal(broken((d) => { d.entities[0].lable = d.entities[0].label; delete d.entities[0].label; }), false);
    assert.equal(broken((d) => { d.entities[0].label = "COUNTRY"; }), false);
    assert.equal(broken((d) => { d.entities[0].country = "RUS"; }), false);
    assert.equal(broken((d) => { delete d.sentences; }), false);
    assert.equal(broken((d) => { d.relations[0].strength = 2; }), false);
    assert.equal(broken((d) => { d.relations[0].types = ["friendship"]; }), false);
    assert.equal(broken((d) => { d.entities[0].start = "0"; }), false);
    assert.equal(broken((d) => { d.schema = "diplomap/2"; }), false);
  });

  test("names the fields of the TypeScript types generated from the core", async () => {
    const declarations = await readFile(path.join(PKG, "schema.d.ts"), "utf8");
    // ts-rs writes `export type Name = { field: T, other?: U, };`, with JSDoc between fields.
    const types = {};
    for (const [, name, body] of declarations.replace(/\/\*\*[\s\S]*?\*\//g, "").matchAll(/export type (\w+) = ([^;]+);/g)) {
      types[name] = body.trim();
    }
    const fields = (name) =>
      Object.fromEntries(
        [...types[name].matchAll(/(\w+)(\??): /g)].map(([, field, optional]) => [field, optional === "?"]),
      );
    const union = (name) => [...types[name].matchAll(/"([^"]+)"/g)].map(([, value]) => value);
    const pairs = {
      Document: "document", Entity: "entity", Span: "span", Relation: "relation", Amount: "amount", Cue: "cue",
      Corpus: "corpus", CorpusRelation: "corpusRelation", DocumentEvidence: "documentEvidence",
    };
    for (const [typeName, defName] of Object.entries(pairs)) {
      const def = SCHEMA.$defs[defName];
      const expected = Object.fromEntries(
        Object.keys(def.properties).map((field) => [field, !def.required.includes(field)]),
      );
      // `weight` has a default when read, so the types require it; the schema leaves it optional for relations.
      const typed = fields(typeName);
      if (defName === "relation") typed.weight = true;
      assert.deepEqual(typed, expected, `${typeName} (schema.d.ts) and $defs/${defName} (docs/schema.json)`);
    }
    assert.deepEqual(union("Label"), SCHEMA.$defs.label.enum);
    assert.deepEqual(union("RelationType"), SCHEMA.$defs.relationTypes.items.enum);
  });
});

describe("the npm package in Node", () => {
  let core;

  before(async () => {
    await stat(path.join(PKG, "package.json")).catch(() => {
      throw new Error("pkg/ is missing: run `make pkg` first");
    });
    // Installed as a dependency would be, and imported by its name through its exports map.
    const project = path.join(ROOT, "target", "npm-consumer");
    await rm(project, { recursive: true, force: true });
    await mkdir(path.join(project, "node_modules"), { recursive: true });
    await symlink(PKG, path.join(project, "node_modules", "diplomap"), "dir");
    await writeFile(path.join(project, "package.json"), '{"type": "module", "private": true}');
    await writeFile(path.join(project, "load.js"), 'export * from "diplomap";\n');
    core = await import(path.join(project, "load.js"));
  });

  test("analyze returns a schema-valid document", async () => {
    assertArticle(await core.analyze(ARTICLE, { id: { feed: "wire", n: 7 } }), { feed: "wire", n: 7 });
    const plain = await core.analyze("");
    assertValid(validDocument, plain);
    assert.equal("id" in plain, false);
  });

  test("aggregate merges documents into a schema-valid corpus", async () => {
    const documents = [await core.analyze(ARTICLE, { id: "one" }), await core.analyze(SECOND, { id: "two" })];
    const corpus = await core.aggregate(documents);
    assertValid(validCorpus, corpus);
    assert.equal(corpus.documents, 2);
    const pair = corpus.relations.find((relation) => relation.a === "DE" && relation.b === "UA");
    assert.deepEqual(pair?.sources.map((source) => source.document), ["two"]);
    // Made in parts and merged, it is the same corpus.
    assert.deepEqual(await core.aggregate([await core.aggregate([documents[1]]), documents[0]]), corpus);
  });

  test("refuses what is not text or not results, with a message", async () => {
    await assert.rejects(core.analyze(42), TypeError);
    await assert.rejects(core.aggregate("results"), TypeError);
    await assert.rejects(core.aggregate([{ schema: "diplomap/1" }]), /results\[0\]: not an extraction result/);
  });

  test("a plain Node script can use it too", async () => {
    const script = 'import { analyze } from "diplomap"; console.log(JSON.stringify(await analyze(process.argv[1])));';
    const { stdout } = await promisify(execFile)(process.execPath, ["--input-type=module", "-e", script, SECOND], {
      cwd: path.join(ROOT, "target", "npm-consumer"),
    });
    assertValid(validDocument, JSON.parse(stdout));
  });
});

describe("the npm package in Chromium (examples/embed)", () => {
  let server;
  let browser;
  let page;
  const requests = [];
  const problems = [];

  before(async () => {
    // The repository's layout, under a sub-path: the example imports ../../pkg/.
    server = await serve([
      ["/site/examples/embed/", path.join(ROOT, "examples", "embed")],
      ["/site/pkg/", PKG],
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    page = await browser.newPage();
    page.on("request", (request) => requests.push(request.url()));
    page.on("pageerror", (error) => problems.push(String(error)));
    page.on("console", (message) => {
      if (/^(error|warning)$/.test(message.type())) problems.push(`${message.type()}: ${message.text()}`);
    });
    await page.goto(`http://127.0.0.1:${server.address().port}/site/examples/embed/`);
  });

  after(async () => {
    await browser?.close();
    server?.close();
  });

  test("the example page analyses its text in the package's worker", async () => {
    await page.locator("#status").filter({ hasText: /mentions/ }).waitFor({ timeout: 20000 });
    const marks = await page.locator("#highlighted mark").allInnerTexts();
    assert.ok(marks.includes("Astana") && marks.includes("$1.2 billion"), `marks: ${marks}`);
    assert.ok((await page.locator("#relations li").count()) > 0);
    assert.equal(page.workers().length, 1, "the analysis ran in a worker");
    assert.deepEqual(problems, []);
  });

  test("analyze and aggregate, on the page and in the worker, return schema-valid results", async () => {
    const results = await page.evaluate(
      async ([article, second]) => {
        const { analyze, aggregate } = await import("diplomap");
        const { createWorker } = await import("diplomap/worker");
        const worker = createWorker();
        const onPage = await analyze(article, { id: "page" });
        const inWorker = await worker.analyze(article, { id: "worker" });
        const corpus = await worker.aggregate([inWorker, await analyze(second, { id: "two" })]);
        const refused = await worker.aggregate([{}]).catch((error) => error.message);
        worker.terminate();
        return { onPage, inWorker, corpus, refused, pageCorpus: await aggregate([onPage]) };
      },
      [ARTICLE, SECOND],
    );
    assertArticle(results.onPage, "page");
    assertArticle(results.inWorker, "worker");
    assert.deepEqual({ ...results.inWorker, id: "page" }, results.onPage, "the worker gives the page's result");
    assertValid(validCorpus, results.corpus);
    assertValid(validCorpus, results.pageCorpus);
    assert.match(results.refused, /results\[0\]: not an extraction result/);
    const origin = `http://127.0.0.1:${server.address().port}/`;
    assert.deepEqual(requests.filter((url) => !url.startsWith(origin)), [], "nothing goes elsewhere");
    assert.deepEqual(problems, []);
  });
});
