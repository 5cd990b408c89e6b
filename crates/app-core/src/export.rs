//! The export formats, as text: the exchange format with the document's title and text
//! (so it can be imported again), an edge table for Gephi, displaCy's entities, and the
//! file names they are saved under. Saving them is the page's (`src/io/export.rs`).

use diplomap_extract::{Analysis, Document};

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
