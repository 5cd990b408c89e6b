//! `diplomap._native`: the extraction core for the Python package. JSON crosses the
//! boundary both ways — a result is the very text `diplomap extract` prints for the
//! document, which `python/diplomap/__init__.py` (the package's API) turns into Python
//! objects — so a Python result is the CLI's, field for field and float for float.
//! The analyses run with the GIL released.

use std::sync::atomic::{AtomicUsize, Ordering};
use std::thread;

use diplomap_extract::aggregate::{Aggregator, Record, CORPUS_SCHEMA};
use diplomap_extract::{analyze_with, DocumentView, Gazetteer};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::PyString;
use serde_json::Value;

/// The result for `text` (schema "diplomap/1") as compact JSON, as the CLI writes it.
fn result_json(text: &str, id: Option<Value>) -> serde_json::Result<String> {
    // Both tiers of places, as the command line reads them: results are the CLI's.
    let analysis = analyze_with(Gazetteer::shared_with_second_tier(), text);
    serde_json::to_string(&DocumentView::of(text, &analysis, id))
}

/// A document's text, or the CLI's message for a record whose text is not a string.
fn text_of<'a, 'py>(
    value: &'a Bound<'py, PyAny>,
    place: &str,
) -> PyResult<&'a Bound<'py, PyString>> {
    value
        .cast::<PyString>()
        .map_err(|_| PyTypeError::new_err(format!("{place}\"text\" is not a string")))
}

/// An id given as JSON text (the package encodes it); `None` for no id.
fn id_of(json: Option<&str>) -> PyResult<Option<Value>> {
    json.map(|json| {
        serde_json::from_str(json)
            .map_err(|error| PyValueError::new_err(format!("the id is not JSON: {error}")))
    })
    .transpose()
}

fn json_error(error: serde_json::Error) -> PyErr {
    PyValueError::new_err(format!("cannot write the result as JSON: {error}"))
}

/// `diplomap.analyze`: one text's result as JSON.
#[pyfunction]
#[pyo3(signature = (text, id=None))]
fn analyze_json(py: Python<'_>, text: &Bound<'_, PyAny>, id: Option<&str>) -> PyResult<String> {
    let text = text_of(text, "")?.to_str()?;
    let id = id_of(id)?;
    py.detach(|| result_json(text, id)).map_err(json_error)
}

/// `diplomap.analyze_many`: the results of `texts` as JSON, in order, on `jobs` threads.
#[pyfunction]
#[pyo3(signature = (texts, ids, jobs))]
fn analyze_many_json(
    py: Python<'_>,
    texts: &Bound<'_, PyAny>,
    ids: Option<Vec<Option<String>>>,
    jobs: usize,
) -> PyResult<Vec<String>> {
    let strings: Vec<Bound<'_, PyString>> = texts
        .try_iter()?
        .enumerate()
        .map(|(index, text)| Ok(text_of(&text?, &format!("texts[{index}]: "))?.clone()))
        .collect::<PyResult<_>>()?;
    let texts: Vec<&str> = strings
        .iter()
        .map(|s| s.to_str())
        .collect::<PyResult<_>>()?;
    let ids: Vec<Option<Value>> = match ids {
        None => vec![None; texts.len()],
        Some(ids) if ids.len() == texts.len() => ids
            .iter()
            .map(|id| id_of(id.as_deref()))
            .collect::<PyResult<_>>()?,
        Some(ids) => {
            return Err(PyValueError::new_err(format!(
                "ids has {} items but texts has {}: one id per text",
                ids.len(),
                texts.len()
            )))
        }
    };
    py.detach(|| analyze_all(&texts, ids, jobs))
        .into_iter()
        .map(|result| result.map_err(json_error))
        .collect()
}

/// Analyses `texts` on `jobs` threads (this one alone for 1); each thread takes the next
/// text not yet taken, so a long text holds up only its own thread.
fn analyze_all(
    texts: &[&str],
    ids: Vec<Option<Value>>,
    jobs: usize,
) -> Vec<serde_json::Result<String>> {
    if jobs <= 1 {
        return texts
            .iter()
            .zip(ids)
            .map(|(text, id)| result_json(text, id))
            .collect();
    }
    let next = AtomicUsize::new(0);
    let worker = || {
        let mut done = Vec::new();
        loop {
            let index = next.fetch_add(1, Ordering::Relaxed);
            let Some(text) = texts.get(index) else {
                return done;
            };
            done.push((index, result_json(text, ids[index].clone())));
        }
    };
    let mut results: Vec<Option<serde_json::Result<String>>> =
        (0..texts.len()).map(|_| None).collect();
    thread::scope(|scope| {
        let threads: Vec<_> = (0..jobs.min(texts.len()))
            .map(|_| scope.spawn(worker))
            .collect();
        for thread in threads {
            // The core never panics; if it did, the panic goes on to Python.
            let done = thread
                .join()
                .unwrap_or_else(|panic| std::panic::resume_unwind(panic));
            for (index, result) in done {
                results[index] = Some(result);
            }
        }
    });
    results.into_iter().flatten().collect()
}

/// `diplomap.aggregate`: one corpus from results (and partial corpora), given as JSON.
/// Also returns the positions and ids of the error records it skipped.
#[pyfunction]
fn aggregate_json(
    py: Python<'_>,
    records: Vec<String>,
) -> PyResult<(String, Vec<(usize, String)>)> {
    py.detach(|| {
        let mut corpus = Aggregator::default();
        let mut skipped = Vec::new();
        for (index, record) in records.iter().enumerate() {
            match Record::from_json(record.as_bytes()) {
                Ok(Record::Document { id, relations }) => {
                    corpus.add_document(id.as_ref(), &relations)
                }
                Ok(Record::Corpus(part)) => corpus.add_corpus(part),
                Ok(Record::Error { id }) => skipped.push((index, id.to_string())),
                Err(problem) => {
                    return Err(PyValueError::new_err(format!(
                        "results[{index}]: {problem}"
                    )))
                }
            }
        }
        let corpus = serde_json::to_string(&corpus.finish()).map_err(json_error)?;
        Ok((corpus, skipped))
    })
}

/// `diplomap.merge`: one corpus from partial corpora, given as JSON.
#[pyfunction]
fn merge_json(py: Python<'_>, corpora: Vec<String>) -> PyResult<String> {
    py.detach(|| {
        let mut merged = Aggregator::default();
        for (index, corpus) in corpora.iter().enumerate() {
            let problem = match Record::from_json(corpus.as_bytes()) {
                Ok(Record::Corpus(part)) => {
                    merged.add_corpus(part);
                    continue;
                }
                Ok(_) => format!(
                    "not a corpus (schema \"{CORPUS_SCHEMA}\"): merge takes what aggregate returns"
                ),
                Err(problem) => problem,
            };
            return Err(PyValueError::new_err(format!(
                "aggregates[{index}]: {problem}"
            )));
        }
        serde_json::to_string(&merged.finish()).map_err(json_error)
    })
}

#[pymodule]
fn _native(module: &Bound<'_, PyModule>) -> PyResult<()> {
    module.add_function(wrap_pyfunction!(analyze_json, module)?)?;
    module.add_function(wrap_pyfunction!(analyze_many_json, module)?)?;
    module.add_function(wrap_pyfunction!(aggregate_json, module)?)?;
    module.add_function(wrap_pyfunction!(merge_json, module)?)?;
    module.add("CORPUS_SCHEMA", CORPUS_SCHEMA)?;
    module.add("SCHEMA", diplomap_extract::schema::SCHEMA)?;
    Ok(())
}
