//! `diplomap aggregate`: one map for many articles. Reads the results of
//! `diplomap extract --jsonl` (one per line) and prints the relations merged across
//! documents, each with what every document said (schema "diplomap/1-corpus").

use std::io::{self, Write};
use std::process::ExitCode;

use diplomap_extract::aggregate::aggregate_relations;
use diplomap_extract::schema::RelationRecord;
use serde::Deserialize;
use serde_json::Value;

use crate::input;

/// The part of an extraction result that aggregation reads.
#[derive(Deserialize)]
struct ExtractionResult {
    #[serde(default)]
    id: Option<Value>,
    #[serde(default)]
    error: Option<Value>,
    #[serde(default)]
    relations: Option<Vec<RelationRecord>>,
}

pub fn run(paths: &[String], pretty: bool) -> ExitCode {
    let mut documents: Vec<(Option<Value>, Vec<RelationRecord>)> = Vec::new();
    let mut failed = false;
    let sources: Vec<&str> = if paths.is_empty() {
        vec!["-"]
    } else {
        paths.iter().map(String::as_str).collect()
    };
    for source in sources {
        let read = input::each_line(source, &mut |line| {
            match serde_json::from_slice::<ExtractionResult>(&line.bytes) {
                Ok(ExtractionResult {
                    error: Some(_), id, ..
                }) => {
                    eprintln!(
                        "diplomap: {source}: line {}: skipped the error record of {}",
                        line.number,
                        id.unwrap_or(Value::Null)
                    );
                }
                Ok(ExtractionResult {
                    id,
                    relations: Some(relations),
                    ..
                }) => documents.push((id, relations)),
                Ok(ExtractionResult {
                    relations: None, ..
                }) => {
                    eprintln!(
                        "diplomap: {source}: line {}: not an extraction result (no \"relations\")",
                        line.number
                    );
                    failed = true;
                }
                Err(error) => {
                    eprintln!(
                        "diplomap: {source}: line {}: not valid JSON: {error}",
                        line.number
                    );
                    failed = true;
                }
            }
            Ok(())
        });
        if let Err(problem) = read {
            eprintln!("diplomap: {problem}");
            failed = true;
        }
    }
    let corpus = aggregate_relations(
        documents
            .iter()
            .map(|(id, relations)| (id.as_ref(), relations.as_slice())),
    );
    let mut out = io::stdout().lock();
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, &corpus)
    } else {
        serde_json::to_writer(&mut out, &corpus)
    };
    if written.is_err() || out.write_all(b"\n").is_err() || out.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::from(if failed { 1 } else { 0 })
}
