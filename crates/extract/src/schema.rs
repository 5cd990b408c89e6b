//! The exchange format "diplomap/1" (docs/schema.md): what the CLI prints, the app
//! exports and imports. Offsets are Unicode code points, converted from the core's byte
//! offsets in one pass over the text.
//!
//! The records hold their strings as `S`: owned `String`s (the default) to keep or read
//! back, or `&str` borrowed from the text and the analysis ([`DocumentView`]) to write
//! out at once, without a copy of every string (the CLI).
//!
//! With the `typescript` feature the records also derive ts-rs's `TS`: the npm
//! package's TypeScript types (crates/js) are generated from them.

use serde::{Deserialize, Serialize};

use crate::model::{Analysis, Entity, Relation, Span, Value};

pub const SCHEMA: &str = "diplomap/1";

// The bound is spelled out on each record: serde would also ask `S: Default`, for the
// fields with a default, which are `Option`s and `Vec`s with defaults of their own.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(concrete(S = String)))]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct Document<S = String> {
    #[cfg_attr(feature = "typescript", ts(type = "\"diplomap/1\""))]
    pub schema: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub entities: Vec<EntityRecord<S>>,
    pub sentences: Vec<SpanRecord>,
    pub relations: Vec<RelationRecord<S>>,
}

/// A [`Document`] whose strings are borrowed from the text and its analysis.
pub type DocumentView<'a> = Document<&'a str>;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "Span"))]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "Entity", concrete(S = String)))]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct EntityRecord<S = String> {
    pub start: usize,
    pub end: usize,
    pub text: S,
    #[cfg_attr(feature = "typescript", ts(as = "crate::model::Label"))]
    pub label: S,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<S>,
    /// MONEY and PERCENT: the number; MONEY also carries `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<S>,
    /// DATE: an ISO 8601 form where the text determines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<S>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "Amount", concrete(S = String)))]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct AmountRecord<S = String> {
    pub text: S,
    pub value: f64,
    pub currency: S,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "Relation", concrete(S = String)))]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct RelationRecord<S = String> {
    pub a: S,
    pub b: S,
    #[cfg_attr(feature = "typescript", ts(as = "Vec<crate::model::RelationType>"))]
    pub types: Vec<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<S>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<S>,
    #[serde(default)]
    pub weight: f64,
    pub evidence: Vec<SpanRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<AmountRecord<S>>,
    /// In [0, 1]; absent from results of versions before it existed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub confidence: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub cues: Vec<CueRecord<S>>,
}

/// A word that typed a relation: its type and where it stands.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "typescript", derive(ts_rs::TS), ts(rename = "Cue", concrete(S = String)))]
#[serde(bound(deserialize = "S: Deserialize<'de>"))]
pub struct CueRecord<S = String> {
    #[serde(rename = "type")]
    #[cfg_attr(feature = "typescript", ts(as = "crate::model::RelationType"))]
    pub kind: S,
    pub start: usize,
    pub end: usize,
    pub text: S,
}

impl Document {
    /// Converts an analysis of `text` to the exchange format.
    pub fn new(text: &str, analysis: &Analysis, id: Option<serde_json::Value>) -> Document {
        Document::of(text, analysis, id)
    }
}

impl<'a, S: From<&'a str>> Document<S> {
    /// Converts an analysis of `text` to the exchange format, with strings of type `S`:
    /// `Document::<&str>::of` borrows them all.
    pub fn of(text: &'a str, analysis: &'a Analysis, id: Option<serde_json::Value>) -> Document<S> {
        let offsets = CodePoints::new(text, analysis);
        Document {
            schema: SCHEMA.into(),
            id,
            entities: analysis
                .entities
                .iter()
                .map(|entity| entity_record(text, &offsets, entity))
                .collect(),
            sentences: analysis
                .sentences
                .iter()
                .map(|span| offsets.record(*span))
                .collect(),
            relations: analysis
                .relations
                .iter()
                .map(|relation| relation_record(text, &offsets, relation))
                .collect(),
        }
    }
}

fn entity_record<'a, S: From<&'a str>>(
    text: &'a str,
    offsets: &CodePoints<'_>,
    entity: &'a Entity,
) -> EntityRecord<S> {
    let span = offsets.record(entity.span);
    let (value, currency, iso) = match &entity.value {
        Some(Value::Money(money)) => (Some(money.value), Some(money.currency.into()), None),
        Some(Value::Percent(value)) => (Some(*value), None, None),
        Some(Value::Date(iso)) => (None, None, Some(iso.as_str().into())),
        None => (None, None, None),
    };
    EntityRecord {
        start: span.start,
        end: span.end,
        text: text[entity.span.start..entity.span.end].into(),
        label: entity.label.as_str().into(),
        country: entity.country.as_ref().map(|code| code.as_str().into()),
        canonical: entity.canonical.as_deref().map(S::from),
        value,
        currency,
        iso,
    }
}

fn relation_record<'a, S: From<&'a str>>(
    text: &'a str,
    offsets: &CodePoints<'_>,
    relation: &'a Relation,
) -> RelationRecord<S> {
    RelationRecord {
        a: relation.a.as_str().into(),
        b: relation.b.as_str().into(),
        types: relation.types.iter().map(|t| t.as_str().into()).collect(),
        source: relation
            .direction
            .as_ref()
            .map(|(source, _)| source.as_str().into()),
        target: relation
            .direction
            .as_ref()
            .map(|(_, target)| target.as_str().into()),
        weight: relation.weight,
        evidence: relation
            .evidence
            .iter()
            .map(|span| offsets.record(*span))
            .collect(),
        amounts: relation
            .amounts
            .iter()
            .map(|amount| AmountRecord {
                text: text[amount.span.start..amount.span.end].into(),
                value: amount.money.value,
                currency: amount.money.currency.into(),
            })
            .collect(),
        confidence: Some(relation.confidence),
        cues: relation
            .cues
            .iter()
            .map(|cue| {
                let span = offsets.record(cue.span);
                CueRecord {
                    kind: cue.kind.as_str().into(),
                    start: span.start,
                    end: span.end,
                    text: text[cue.span.start..cue.span.end].into(),
                }
            })
            .collect(),
    }
}

/// Byte offset -> code point offset, for every offset the analysis mentions.
struct CodePoints<'t> {
    text: &'t str,
    /// Sorted byte offsets and their code point offsets; none for ASCII text, where
    /// every byte is a code point (most news in English: no table to build and search).
    table: Option<Vec<(usize, usize)>>,
}

impl<'t> CodePoints<'t> {
    fn new(text: &'t str, analysis: &Analysis) -> CodePoints<'t> {
        if text.is_ascii() {
            return CodePoints { text, table: None };
        }
        let mut wanted: Vec<usize> = analysis
            .entities
            .iter()
            .map(|e| e.span)
            .chain(analysis.sentences.iter().copied())
            .chain(analysis.relations.iter().flat_map(|r| {
                r.evidence
                    .iter()
                    .copied()
                    .chain(r.amounts.iter().map(|a| a.span))
                    .chain(r.cues.iter().map(|c| c.span))
            }))
            .flat_map(|span| [span.start, span.end])
            .collect();
        wanted.sort_unstable();
        wanted.dedup();
        let mut table = Vec::with_capacity(wanted.len());
        let mut chars = 0;
        let mut byte = 0;
        for offset in wanted {
            chars += text[byte..offset].chars().count();
            byte = offset;
            table.push((offset, chars));
        }
        CodePoints {
            text,
            table: Some(table),
        }
    }

    fn get(&self, byte: usize) -> usize {
        let Some(table) = &self.table else {
            return self.text.get(..byte).map_or(0, str::len);
        };
        match table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(index) => table[index].1,
            // Every offset was registered in `new`; counting again keeps this total.
            Err(_) => self.text.get(..byte).map_or(0, |head| head.chars().count()),
        }
    }

    fn record(&self, span: Span) -> SpanRecord {
        SpanRecord {
            start: self.get(span.start),
            end: self.get(span.end),
        }
    }
}
