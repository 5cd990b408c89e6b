//! The export formats, as text: the exchange format with the document's title and text
//! (so it can be imported again), the relations as a table, displaCy's entities, the
//! map framed for publishing (`picture`), and the file names they are saved under.
//! Saving them is the page's (`src/io/export.rs`).

mod picture;

pub use picture::{framed_svg, Frame, LegendEntry};

use diplomap_extract::{Analysis, Document};

use crate::graph::{display_name, MapData};
use crate::workspace::{range_of, DocRange};

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

/// The relations as a table, one row per pair (RFC 4180: every field quoted, lines
/// ended by CRLF), readable by spreadsheets and by Gephi (`Source`, `Target`, `Type`
/// directed or undirected, `Weight`): the countries' codes and names, the relation
/// types joined by `; `, the confidence, the first evidence sentence, and the document
/// it comes from (`ranges`: one for a single document) with every document behind the
/// pair. A directed pair goes from source to target.
pub fn relations_csv(data: &MapData, ranges: &[DocRange]) -> String {
    let mut csv = String::new();
    push_row(
        &mut csv,
        [
            "Source",
            "Target",
            "Source name",
            "Target name",
            "Type",
            "Relation types",
            "Weight",
            "Confidence",
            "Evidence",
            "Document id",
            "Document title",
            "Documents",
        ]
        .map(String::from),
    );
    for edge in &data.edges {
        let (source, target) = edge.direction.unwrap_or((edge.a, edge.b));
        let first = edge.evidence.first();
        let document = first.and_then(|(span, _)| range_of(ranges, *span));
        let mut documents: Vec<u64> = Vec::new();
        for (span, _) in &edge.evidence {
            if let Some(range) = range_of(ranges, *span) {
                if !documents.contains(&range.id) {
                    documents.push(range.id);
                }
            }
        }
        push_row(
            &mut csv,
            [
                source.to_string(),
                target.to_string(),
                display_name(source),
                display_name(target),
                if edge.direction.is_some() {
                    "Directed"
                } else {
                    "Undirected"
                }
                .to_string(),
                edge.types
                    .iter()
                    .map(|kind| kind.as_str())
                    .collect::<Vec<_>>()
                    .join("; "),
                edge.weight.to_string(),
                if edge.confidence.is_finite() {
                    format!("{:.3}", edge.confidence)
                } else {
                    String::new()
                },
                first.map(|(_, text)| text.clone()).unwrap_or_default(),
                document
                    .map(|range| range.id.to_string())
                    .unwrap_or_default(),
                document
                    .map(|range| range.title.clone())
                    .unwrap_or_default(),
                documents
                    .iter()
                    .map(u64::to_string)
                    .collect::<Vec<_>>()
                    .join("; "),
            ],
        );
    }
    csv
}

/// One CSV row, every field quoted (a quote inside doubled), ended by CRLF.
fn push_row<const N: usize>(csv: &mut String, fields: [String; N]) {
    let quoted: Vec<String> = fields
        .iter()
        .map(|field| format!("\"{}\"", field.replace('"', "\"\"")))
        .collect();
    csv.push_str(&quoted.join(","));
    csv.push_str("\r\n");
}

/// The entities in displaCy's manual format: `{"text", "ents": [{"start", "end",
/// "label"}], "title": null}`, offsets in code points.
pub fn displacy_json(text: &str, analysis: &Analysis) -> String {
    serde_json::to_string_pretty(&displacy_value(text, analysis, None)).unwrap_or_default()
}

/// Every document in displaCy's format, as a list (displaCy renders a list of
/// documents one after another), each with its title.
pub fn displacy_all(documents: &[(&str, &str, &Analysis)]) -> String {
    let values: Vec<serde_json::Value> = documents
        .iter()
        .map(|(title, text, analysis)| displacy_value(text, analysis, Some(title)))
        .collect();
    serde_json::to_string_pretty(&values).unwrap_or_default()
}

fn displacy_value(text: &str, analysis: &Analysis, title: Option<&str>) -> serde_json::Value {
    let document = Document::new(text, analysis, None);
    let ents: Vec<serde_json::Value> = document
        .entities
        .iter()
        .map(|entity| {
            serde_json::json!({"start": entity.start, "end": entity.end, "label": entity.label})
        })
        .collect();
    serde_json::json!({"text": text, "ents": ents, "title": title})
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
