//! The workspace's views and exports, as plain data: the "All documents" combination
//! and the export and import formats. No signals and no DOM here. The documents
//! themselves, their limits and how they are kept are `diplomap_app_core`'s.

use std::collections::BTreeMap;

use diplomap_extract::{Analysis, Document, Relation, Span};

use crate::app::Analysed;

pub use diplomap_app_core::doc::{derive_title, DocRecord};

/// Between two documents in the "All documents" text.
pub const SEPARATOR: &str = "\n\n";

/// What the page shows: one document, or the relations of all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Doc(u64),
    All,
}

/// Where one document sits in the "All documents" text (byte offsets).
#[derive(Clone, Debug, PartialEq)]
pub struct DocRange {
    pub id: u64,
    pub title: String,
    pub start: usize,
    pub end: usize,
}

/// The document a span of the combined text comes from.
pub fn range_of(ranges: &[DocRange], span: Span) -> Option<&DocRange> {
    ranges
        .iter()
        .find(|range| range.start <= span.start && span.start < range.end.max(range.start + 1))
}

/// Every document's text one after another, with their analyses shifted to match and
/// the relations of the same pair merged (types joined, weights added, evidence, amounts
/// and cue words kept, a direction only where all agree, the surest document's
/// confidence).
pub fn combine(parts: &[(u64, String, &Analysed)]) -> (Analysed, Vec<DocRange>) {
    let mut text = String::new();
    let mut analysis = Analysis::default();
    let mut ranges = Vec::new();
    let mut pairs: BTreeMap<(String, String), Relation> = BTreeMap::new();
    for (id, title, part) in parts {
        if !text.is_empty() {
            text.push_str(SEPARATOR);
        }
        let offset = text.len();
        text.push_str(&part.text);
        ranges.push(DocRange {
            id: *id,
            title: title.clone(),
            start: offset,
            end: text.len(),
        });
        let shift = |span: Span| Span::new(span.start + offset, span.end + offset);
        for entity in &part.analysis.entities {
            let mut entity = entity.clone();
            entity.span = shift(entity.span);
            analysis.entities.push(entity);
        }
        analysis
            .sentences
            .extend(part.analysis.sentences.iter().map(|span| shift(*span)));
        for relation in &part.analysis.relations {
            let mut relation = relation.clone();
            relation.evidence = relation.evidence.iter().map(|span| shift(*span)).collect();
            for amount in &mut relation.amounts {
                amount.span = shift(amount.span);
            }
            for cue in &mut relation.cues {
                cue.span = shift(cue.span);
            }
            let key = (relation.a.to_string(), relation.b.to_string());
            match pairs.get_mut(&key) {
                None => {
                    pairs.insert(key, relation);
                }
                Some(merged) => {
                    for kind in relation.types {
                        if !merged.types.contains(&kind) {
                            merged.types.push(kind);
                        }
                    }
                    merged.types.sort();
                    if merged.direction != relation.direction {
                        merged.direction = None;
                    }
                    merged.weight += relation.weight;
                    merged.confidence = merged.confidence.max(relation.confidence);
                    merged.evidence.extend(relation.evidence);
                    merged.amounts.extend(relation.amounts);
                    merged.cues.extend(relation.cues);
                }
            }
        }
    }
    analysis.relations = pairs.into_values().collect();
    (Analysed { text, analysis }, ranges)
}

// ---------- Export ----------

/// The exchange format (schema diplomap/1) of a document, with its `title` and `text`
/// so it can be imported again.
pub fn export_json(title: &str, text: &str, analysis: &Analysis) -> String {
    let mut value = serde_json::to_value(Document::new(text, analysis, None))
        .unwrap_or(serde_json::Value::Null);
    if let Some(object) = value.as_object_mut() {
        object.insert("title".to_string(), title.into());
        object.insert("text".to_string(), text.into());
    }
    serde_json::to_string_pretty(&value).unwrap_or_default()
}

/// The relations as an edge table for Gephi: `Source,Target,Type,Weight`, one row per
/// pair and type, countries as ISO codes; directed pairs from source to target.
pub fn relations_csv(analysis: &Analysis) -> String {
    let mut csv = String::from("Source,Target,Type,Weight\n");
    for relation in &analysis.relations {
        let (source, target) = relation.direction.unwrap_or((relation.a, relation.b));
        for kind in &relation.types {
            csv.push_str(&format!(
                "{source},{target},{},{}\n",
                kind.as_str(),
                relation.weight
            ));
        }
    }
    csv
}

/// The entities in displaCy's manual format: `{"text", "ents": [{"start", "end",
/// "label"}], "title": null}`, offsets in code points.
pub fn displacy_json(text: &str, analysis: &Analysis) -> String {
    let document = Document::new(text, analysis, None);
    let ents: Vec<serde_json::Value> = document
        .entities
        .iter()
        .map(|entity| {
            serde_json::json!({"start": entity.start, "end": entity.end, "label": entity.label})
        })
        .collect();
    serde_json::to_string_pretty(&serde_json::json!({
        "text": text,
        "ents": ents,
        "title": serde_json::Value::Null,
    }))
    .unwrap_or_default()
}

/// The documents in a file exported earlier (one diplomap/1 result with its text, or a
/// list of them): `(title, text)` each. Limits (title length, how many documents) are
/// applied by the workspace that takes them in.
pub fn import_json(name: &str, content: &str) -> Result<Vec<(Option<String>, String)>, String> {
    let refused = || {
        format!(
            "\u{201c}{name}\u{201d} is not a Diplomap export: a .json file must be a result of schema diplomap/1 that includes its \u{201c}text\u{201d}."
        )
    };
    let value: serde_json::Value = serde_json::from_str(content).map_err(|_| refused())?;
    let entries = match value {
        serde_json::Value::Array(entries) => entries,
        single => vec![single],
    };
    let mut documents = Vec::with_capacity(entries.len());
    for mut entry in entries {
        let schema_ok =
            entry.get("schema").and_then(|s| s.as_str()) == Some(diplomap_extract::schema::SCHEMA);
        match (
            schema_ok,
            entry.get_mut("text").map(serde_json::Value::take),
        ) {
            (true, Some(serde_json::Value::String(text))) if !text.trim().is_empty() => {
                let title = match entry.get_mut("title").map(serde_json::Value::take) {
                    Some(serde_json::Value::String(title)) => Some(title),
                    _ => None,
                };
                documents.push((title, text));
            }
            _ => return Err(refused()),
        }
    }
    if documents.is_empty() {
        return Err(refused());
    }
    Ok(documents)
}

/// A file name part from a title: `Lavrov in Astana!` -> `lavrov-in-astana`.
pub fn slug(title: &str) -> String {
    let mut slug = String::new();
    for c in title.chars().flat_map(char::to_lowercase) {
        if c.is_alphanumeric() {
            slug.push(c);
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
        if slug.chars().count() >= 40 {
            break;
        }
    }
    let slug = slug.trim_end_matches('-').to_string();
    if slug.is_empty() {
        "document".to_string()
    } else {
        slug
    }
}
