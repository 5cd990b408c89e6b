//! `diplomap aggregate`: one map for many articles. Reads the results of
//! `diplomap extract --jsonl` and partial corpora of earlier `aggregate` runs (one per
//! line, mixed as they come) and prints the relations merged across all their
//! documents, each with what every document said (schema "diplomap/1-corpus"). Partial
//! corpora merge exactly: aggregating the parts of a split and then their corpora gives
//! what aggregating the whole does (see the core's `aggregate` module).

use std::io::{self, Write};
use std::process::ExitCode;

use diplomap_extract::aggregate::{Aggregator, Record};

use crate::input;

pub fn run(paths: &[String], pretty: bool) -> ExitCode {
    let mut corpus = Aggregator::default();
    let mut failed = false;
    let sources: Vec<&str> = if paths.is_empty() {
        vec!["-"]
    } else {
        paths.iter().map(String::as_str).collect()
    };
    for source in sources {
        let read = input::each_line(source, &mut |line| {
            match Record::from_json(&line.bytes) {
                Ok(Record::Document { id, relations }) => {
                    corpus.add_document(id.as_ref(), &relations)
                }
                Ok(Record::Corpus(part)) => corpus.add_corpus(part),
                Ok(Record::Error { id }) => eprintln!(
                    "diplomap: {source}: line {}: skipped the error record of {id}",
                    line.number
                ),
                Err(problem) => {
                    eprintln!("diplomap: {source}: line {}: {problem}", line.number);
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
    let corpus = corpus.finish();
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
