//! The extraction core for JavaScript. `make pkg` compiles this crate to wasm, runs
//! wasm-bindgen (`--target web`) and adds the package's own modules (`npm/`): they call
//! these two functions and hand JavaScript objects of the result schema
//! (docs/schema.md) to the caller.
//!
//! Results cross the boundary as JSON text: one `JSON.parse` on the JavaScript side is
//! faster than building the objects field by field through wasm-bindgen, and needs no
//! extra crate.

use diplomap_extract::aggregate::aggregate;
use diplomap_extract::Document;
use wasm_bindgen::prelude::*;

/// The analysis of `text` as a `diplomap/1` document, in JSON. `id_json`, when given,
/// is the JSON of the document's `id` (any JSON value).
#[wasm_bindgen(js_name = analyzeToJson)]
pub fn analyze_to_json(text: &str, id_json: Option<String>) -> Result<String, JsError> {
    document_json(text, id_json.as_deref()).map_err(|why| JsError::new(&why))
}

/// The relations of `documents_json` (a JSON array of `diplomap/1` documents) merged
/// into one `diplomap/1-corpus`, in JSON.
#[wasm_bindgen(js_name = aggregateToJson)]
pub fn aggregate_to_json(documents_json: &str) -> Result<String, JsError> {
    corpus_json(documents_json).map_err(|why| JsError::new(&why))
}

/// [`analyze_to_json`] with its error as a message.
pub fn document_json(text: &str, id_json: Option<&str>) -> Result<String, String> {
    let id = id_json
        .map(serde_json::from_str)
        .transpose()
        .map_err(|error| format!("the id is not JSON: {error}"))?;
    let analysis = diplomap_extract::analyze(text);
    Ok(to_json(&Document::new(text, &analysis, id)))
}

/// [`aggregate_to_json`] with its error as a message.
pub fn corpus_json(documents_json: &str) -> Result<String, String> {
    Ok(to_json(&aggregate(&parse_documents(documents_json)?)))
}

/// Reads a JSON array of documents; a bad one is named by its position.
pub fn parse_documents(json: &str) -> Result<Vec<Document>, String> {
    let values: Vec<serde_json::Value> = serde_json::from_str(json)
        .map_err(|error| format!("aggregate takes an array of documents: {error}"))?;
    values
        .into_iter()
        .enumerate()
        .map(|(index, value)| {
            serde_json::from_value(value)
                .map_err(|error| format!("document {index} is not a diplomap/1 result: {error}"))
        })
        .collect()
}

fn to_json(value: &impl serde::Serialize) -> String {
    // The schema's types hold only strings, numbers, lists and JSON values: nothing
    // that can fail to serialise.
    serde_json::to_string(value).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_document_and_its_id_come_back_as_json() {
        let json = document_json(
            "Kazakhstan and Russia signed a trade agreement in Moscow.",
            Some(r#"{"n": 7}"#),
        )
        .unwrap();
        let document: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(document["schema"], "diplomap/1");
        assert_eq!(document["id"], serde_json::json!({"n": 7}));
        assert_eq!(document["relations"][0]["a"], "KZ");
    }

    #[test]
    fn aggregate_merges_the_documents_it_is_given() {
        let one = document_json("Hanoi and Seoul signed a trade agreement.", None).unwrap();
        let corpus = corpus_json(&format!("[{one}, {one}]")).unwrap();
        let corpus: serde_json::Value = serde_json::from_str(&corpus).unwrap();
        assert_eq!(corpus["documents"], 2);
        assert_eq!(
            corpus["relations"][0]["sources"].as_array().unwrap().len(),
            2
        );
    }

    #[test]
    fn a_bad_document_is_named_by_its_position() {
        let good = document_json("Hanoi and Seoul met.", None).unwrap();
        let error =
            parse_documents(&format!(r#"[{good}, {{"schema": "diplomap/1"}}]"#)).unwrap_err();
        assert!(error.starts_with("document 1 "), "{error}");
        assert!(parse_documents("{}").is_err());
        assert!(document_json("Hanoi.", Some("{not json")).is_err());
    }
}
