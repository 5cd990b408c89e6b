//! The workspace of several documents, as plain data: adding, renaming, deleting,
//! saving and restoring (with recovery of a damaged save), the "All documents"
//! combination, and the export formats. No signals and no DOM here, so all of it is
//! tested as pure functions; `app.rs` wires it to the page.

use std::collections::BTreeMap;

use diplomap_extract::{Analysis, Document, Relation, Span};
use serde::{Deserialize, Serialize};

use crate::app::Analysed;

/// Where the workspace is kept between visits: JSON of `[{id, title, text}]`.
pub const WORKSPACE_KEY: &str = "diplomap.workspace.v1";
/// The id of the document shown last (or `all`).
pub const CURRENT_KEY: &str = "diplomap.workspace.v1.current";
/// Set to [`IN_DATABASE`] while the workspace is saved in IndexedDB (under
/// [`WORKSPACE_KEY`] there), being too big for `localStorage`.
pub const SAVED_IN_KEY: &str = "diplomap.workspace.v1.saved-in";
pub const IN_DATABASE: &str = "indexeddb";
/// A saved workspace that could not be read is moved here rather than overwritten.
pub const UNREADABLE_KEY: &str = "diplomap.workspace.v1.unreadable";

/// Between two documents in the "All documents" text.
pub const SEPARATOR: &str = "\n\n";

/// Longest automatic title, in characters.
const TITLE_CHARS: usize = 80;

/// One document of the workspace.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DocRecord {
    pub id: u64,
    pub title: String,
    pub text: String,
}

/// What the page shows: one document, or the relations of all of them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Doc(u64),
    All,
}

/// The title a text gets by itself: its first non-blank line (Markdown `#` dropped),
/// shortened; `Untitled` for an empty text.
pub fn derive_title(text: &str) -> String {
    let line = text
        .lines()
        .map(|line| line.trim().trim_start_matches('#').trim())
        .find(|line| !line.is_empty())
        .unwrap_or("");
    if line.is_empty() {
        return "Untitled".to_string();
    }
    let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
    if line.chars().count() > TITLE_CHARS {
        let mut short: String = line.chars().take(TITLE_CHARS - 1).collect();
        short = short.trim_end().to_string();
        short.push('\u{2026}');
        short
    } else {
        line
    }
}

pub fn next_id(docs: &[DocRecord]) -> u64 {
    docs.iter().map(|doc| doc.id).max().unwrap_or(0) + 1
}

/// Appends a document; its title is `title` or the text's own. Returns its id.
pub fn add(docs: &mut Vec<DocRecord>, title: Option<String>, text: String) -> u64 {
    let id = next_id(docs);
    let title = title
        .map(|title| title.trim().to_string())
        .filter(|title| !title.is_empty())
        .unwrap_or_else(|| derive_title(&text));
    docs.push(DocRecord { id, title, text });
    id
}

/// Renames a document; a blank name gives it back its automatic title.
pub fn rename(docs: &mut [DocRecord], id: u64, title: &str) -> bool {
    let Some(doc) = docs.iter_mut().find(|doc| doc.id == id) else {
        return false;
    };
    let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
    doc.title = if title.is_empty() {
        derive_title(&doc.text)
    } else {
        title
    };
    true
}

/// New text for a document. A title that was the automatic one follows the text; one
/// the reader chose stays.
pub fn set_text(docs: &mut [DocRecord], id: u64, text: String) -> bool {
    let Some(doc) = docs.iter_mut().find(|doc| doc.id == id) else {
        return false;
    };
    if doc.title == derive_title(&doc.text) {
        doc.title = derive_title(&text);
    }
    doc.text = text;
    true
}

/// Removes a document; returns where it was and what it was, for an undo.
pub fn remove(docs: &mut Vec<DocRecord>, id: u64) -> Option<(usize, DocRecord)> {
    let index = docs.iter().position(|doc| doc.id == id)?;
    Some((index, docs.remove(index)))
}

/// Puts a removed document back where it was (its id is kept unless taken since).
pub fn undo_remove(docs: &mut Vec<DocRecord>, index: usize, mut doc: DocRecord) -> u64 {
    if docs.iter().any(|other| other.id == doc.id) {
        doc.id = next_id(docs);
    }
    let id = doc.id;
    docs.insert(index.min(docs.len()), doc);
    id
}

/// The document to show after the one at `index` was removed: the next, else the previous.
pub fn neighbour(docs: &[DocRecord], index: usize) -> Option<u64> {
    docs.get(index)
        .or_else(|| index.checked_sub(1).and_then(|i| docs.get(i)))
        .map(|doc| doc.id)
}

pub fn serialize(docs: &[DocRecord]) -> String {
    serde_json::to_string(docs).unwrap_or_else(|_| "[]".to_string())
}

/// A saved workspace as read back.
#[derive(Debug, Default, PartialEq)]
pub struct Restored {
    pub docs: Vec<DocRecord>,
    /// Entries that were not documents and were left out.
    pub dropped: usize,
    /// The save was not a JSON list at all.
    pub unreadable: bool,
}

/// Reads a saved workspace, keeping every entry that is a document (an object with a
/// string `text`); a missing or repeated id or title is made up.
pub fn parse_saved(json: &str) -> Restored {
    let Ok(serde_json::Value::Array(entries)) = serde_json::from_str::<serde_json::Value>(json)
    else {
        return Restored {
            unreadable: true,
            ..Restored::default()
        };
    };
    let mut restored = Restored::default();
    for entry in entries {
        let Some(text) = entry.get("text").and_then(|text| text.as_str()) else {
            restored.dropped += 1;
            continue;
        };
        let title = entry
            .get("title")
            .and_then(|title| title.as_str())
            .map(str::to_string);
        let id = entry
            .get("id")
            .and_then(|id| id.as_u64())
            .filter(|id| *id > 0 && !restored.docs.iter().any(|doc: &DocRecord| doc.id == *id));
        let new_id = add(&mut restored.docs, title, text.to_string());
        if let Some(id) = id {
            if let Some(doc) = restored.docs.iter_mut().find(|doc| doc.id == new_id) {
                doc.id = id;
            }
        }
    }
    restored
}

/// The workspace made from the single article of earlier versions.
pub fn migrate(article: &str) -> Vec<DocRecord> {
    let mut docs = Vec::new();
    add(&mut docs, None, article.to_string());
    docs
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
/// list of them): `(title, text)` each.
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
    let mut documents = Vec::new();
    for entry in &entries {
        let schema_ok =
            entry.get("schema").and_then(|s| s.as_str()) == Some(diplomap_extract::schema::SCHEMA);
        let text = entry.get("text").and_then(|text| text.as_str());
        match (schema_ok, text) {
            (true, Some(text)) if !text.trim().is_empty() => {
                let title = entry
                    .get("title")
                    .and_then(|title| title.as_str())
                    .map(str::to_string);
                documents.push((title, text.to_string()));
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
