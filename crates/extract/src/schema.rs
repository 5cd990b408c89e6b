//! The exchange format "diplomap/1" (docs/schema.md): what the CLI prints, the app
//! exports and imports. Offsets are Unicode code points, converted from the core's byte
//! offsets in one pass over the text.

use serde::{Deserialize, Serialize};

use crate::model::{Analysis, Entity, Relation, Span, Value};

pub const SCHEMA: &str = "diplomap/1";

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub schema: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<serde_json::Value>,
    pub entities: Vec<EntityRecord>,
    pub sentences: Vec<SpanRecord>,
    pub relations: Vec<RelationRecord>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SpanRecord {
    pub start: usize,
    pub end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct EntityRecord {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub canonical: Option<String>,
    /// MONEY and PERCENT: the number; MONEY also carries `currency`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<f64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub currency: Option<String>,
    /// DATE: an ISO 8601 form where the text determines one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub iso: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AmountRecord {
    pub text: String,
    pub value: f64,
    pub currency: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RelationRecord {
    pub a: String,
    pub b: String,
    pub types: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    #[serde(default)]
    pub weight: f64,
    pub evidence: Vec<SpanRecord>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub amounts: Vec<AmountRecord>,
}

impl Document {
    /// Converts an analysis of `text` to the exchange format.
    pub fn new(text: &str, analysis: &Analysis, id: Option<serde_json::Value>) -> Document {
        let offsets = CodePoints::new(text, analysis);
        Document {
            schema: SCHEMA.to_string(),
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

fn entity_record(text: &str, offsets: &CodePoints<'_>, entity: &Entity) -> EntityRecord {
    let span = offsets.record(entity.span);
    let (value, currency, iso) = match &entity.value {
        Some(Value::Money(money)) => (Some(money.value), Some(money.currency.to_string()), None),
        Some(Value::Percent(value)) => (Some(*value), None, None),
        Some(Value::Date(iso)) => (None, None, Some(iso.clone())),
        None => (None, None, None),
    };
    EntityRecord {
        start: span.start,
        end: span.end,
        text: text[entity.span.start..entity.span.end].to_string(),
        label: entity.label.as_str().to_string(),
        country: entity.country.map(|code| code.to_string()),
        canonical: entity.canonical.clone(),
        value,
        currency,
        iso,
    }
}

fn relation_record(text: &str, offsets: &CodePoints<'_>, relation: &Relation) -> RelationRecord {
    RelationRecord {
        a: relation.a.to_string(),
        b: relation.b.to_string(),
        types: relation.types.iter().map(|t| t.as_str().to_string()).collect(),
        source: relation.direction.map(|(source, _)| source.to_string()),
        target: relation.direction.map(|(_, target)| target.to_string()),
        weight: relation.weight,
        evidence: relation.evidence.iter().map(|span| offsets.record(*span)).collect(),
        amounts: relation
            .amounts
            .iter()
            .map(|amount| AmountRecord {
                text: text[amount.span.start..amount.span.end].to_string(),
                value: amount.money.value,
                currency: amount.money.currency.to_string(),
            })
            .collect(),
    }
}

/// Byte offset -> code point offset, for every offset the analysis mentions.
struct CodePoints<'t> {
    text: &'t str,
    /// Sorted byte offsets and their code point offsets.
    table: Vec<(usize, usize)>,
}

impl<'t> CodePoints<'t> {
    fn new(text: &'t str, analysis: &Analysis) -> CodePoints<'t> {
        let mut wanted: Vec<usize> = analysis
            .entities
            .iter()
            .map(|e| e.span)
            .chain(analysis.sentences.iter().copied())
            .chain(analysis.relations.iter().flat_map(|r| {
                r.evidence.iter().copied().chain(r.amounts.iter().map(|a| a.span))
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
        CodePoints { text, table }
    }

    fn get(&self, byte: usize) -> usize {
        match self.table.binary_search_by_key(&byte, |&(b, _)| b) {
            Ok(index) => self.table[index].1,
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
