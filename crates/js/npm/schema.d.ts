// The result schema of docs/schema.md (diplomap/1 and diplomap/1-corpus), generated
// from the core's types by crates/js/tests/typescript.rs. Do not edit: run
// `DIPLOMAP_WRITE_TYPES=1 cargo test -p diplomap-js --test typescript`.

export type Document = { schema: "diplomap/1", id?: JsonValue, entities: Array<Entity>, sentences: Array<Span>, relations: Array<Relation>, };

export type Entity = { start: number, end: number, text: string, label: Label, country?: string, canonical?: string, 
/**
 * MONEY and PERCENT: the number; MONEY also carries `currency`.
 */
value?: number, currency?: string, 
/**
 * DATE: an ISO 8601 form where the text determines one.
 */
iso?: string, };

export type Span = { start: number, end: number, };

export type Relation = { a: string, b: string, types: Array<RelationType>, source?: string, target?: string, weight: number, evidence: Array<Span>, amounts?: Array<Amount>, 
/**
 * In [0, 1]; absent from results of versions before it existed.
 */
confidence?: number, cues?: Array<Cue>, };

export type Amount = { text: string, value: number, currency: string, };

/**
 * A word that typed a relation: its type and where it stands.
 */
export type Cue = { type: RelationType, start: number, end: number, text: string, };

/**
 * Entity labels, named as in OntoNotes (and therefore spaCy).
 */
export type Label = "PERSON" | "NORP" | "ORG" | "GPE" | "LOC" | "FAC" | "EVENT" | "LAW" | "DATE" | "TIME" | "MONEY" | "PERCENT" | "QUANTITY" | "CARDINAL" | "ORDINAL";

/**
 * The kinds of relation between two countries (see docs/relations.md).
 */
export type RelationType = "diplomacy" | "agreement" | "economy" | "security" | "integration" | "tension" | "conflict";

/**
 * The relations of a set of documents.
 */
export type Corpus = { schema: "diplomap/1-corpus", 
/**
 * How many documents were merged.
 */
documents: number, 
/**
 * One per unordered pair, sorted by `(a, b)`.
 */
relations: Array<CorpusRelation>, };

/**
 * A pair of countries across documents.
 */
export type CorpusRelation = { a: string, b: string, 
/**
 * Every type the sources give the pair, in the order they first appear in
 * `sources`.
 */
types: Array<RelationType>, 
/**
 * The sum of the sources' weights, added in the order of `sources`.
 */
weight: number, 
/**
 * What each document says, sorted by document id ([`source_order`]).
 */
sources: Array<DocumentEvidence>, };

/**
 * One document's part in a corpus relation.
 */
export type DocumentEvidence = { 
/**
 * The document's `id`, or its position in the input when it has none.
 */
document: JsonValue, types: Array<RelationType>, source?: string, target?: string, weight: number, 
/**
 * That document's confidence in the relation (absent from older results).
 */
confidence?: number, 
/**
 * Sentence spans in that document (code points).
 */
evidence: Array<Span>, amounts?: Array<Amount>, };

export type JsonValue = number | string | boolean | Array<JsonValue> | { [key in string]: JsonValue } | null;
