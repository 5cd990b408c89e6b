//! The annotated documents that train and evaluate the relation model: JSON Lines of
//! `{"id", "text", "pairs": [{"a", "b", "types", "why"}]}` (the format of
//! relations-dev.jsonl and seeds.jsonl).

use std::collections::BTreeMap;

use diplomap_extract::stages::read_relations;
use diplomap_extract::stages::relation_model::Example;
use diplomap_extract::{CountryCode, RelationType};

/// Where the annotated documents are, unless given on the command line: the shared
/// development material's `dev/relations-dev.jsonl`, in the `shared` folder that sits
/// beside a clone of the repository (`../shared` from its root).
pub const DEFAULT_GOLD: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../shared/dev/relations-dev.jsonl"
);

/// One annotated document. (`train_relations` reads only its example; `eval_relations`
/// all of it.)
#[allow(dead_code)]
pub struct Document {
    pub id: String,
    pub text: String,
    pub example: Example,
}

/// Reads and analyses every document of a gold file; a bad line stops with a message.
pub fn load(path: &str) -> Result<Vec<Document>, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut documents = Vec::new();
    for (number, line) in content
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let at = |message: &str| format!("{path}: line {}: {message}", number + 1);
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| at(&e.to_string()))?;
        let id = match &value["id"] {
            serde_json::Value::String(id) => id.clone(),
            other => other.to_string(),
        };
        let text = value["text"]
            .as_str()
            .ok_or_else(|| at("no text"))?
            .to_string();
        let mut gold = BTreeMap::new();
        for pair in value["pairs"].as_array().ok_or_else(|| at("no pairs"))? {
            let code = |field: &str| {
                pair[field]
                    .as_str()
                    .and_then(CountryCode::parse)
                    .ok_or_else(|| at(&format!("pair without a country code {field:?}")))
            };
            let (a, b) = (code("a")?, code("b")?);
            let types: Vec<RelationType> = pair["types"]
                .as_array()
                .ok_or_else(|| at("pair without types"))?
                .iter()
                .map(|t| {
                    t.as_str()
                        .and_then(RelationType::parse)
                        .ok_or_else(|| at(&format!("unknown type {t}")))
                })
                .collect::<Result<_, _>>()?;
            gold.insert(if a < b { (a, b) } else { (b, a) }, types);
        }
        let reading = read_relations(&text);
        documents.push(Document {
            id,
            text,
            example: Example { reading, gold },
        });
    }
    Ok(documents)
}
