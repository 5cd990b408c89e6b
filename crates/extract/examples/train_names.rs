//! Trains the learned name classifier (`src/entities/names.rs`) and writes its weights.
//!
//!     cargo run --release -p diplomap-extract --example train_names -- \
//!         --corpus target/ner-corpus/train.jsonl [--out crates/extract/data/names.bin]
//!         [--bits 16] [--epochs 4] [--min-count 1] [--folds 5] [--held-out gum-interview]
//!         [--labels agree|gold|silver] [--min-margin 8] [--score OTHER.jsonl [--show-errors]]
//!
//! The corpus is `scripts/ner/corpus.py`'s output (`make ner-corpus` says where to get
//! the sources): one document a line, `{"id", "source", "text", "entities"}` with
//! code-point offsets and labels PERSON, ORG, PLACE, and `silver.py`'s "silver" labels
//! from an openly licensed model. Each document goes through the shipped rules; every
//! candidate stretch they leave is an example, labelled with the name it spells exactly,
//! else "other": by default where gold and silver agree (a document with one kind of
//! labels trains with those). Same corpus, same bytes out.
//!
//! `--folds K` first reports K-fold cross-validated precision and recall of the
//! classifier on the corpus's candidates (documents dealt to folds in turn);
//! `--held-out SOURCE` reports training on every other source and scoring that one;
//! `--score FILE` scores the model trained on the whole corpus on the candidates of
//! another annotated file (OntoNotes labels: GPE and LOC are places, NORP and the rest
//! "other"), and `--show-errors` lists what it got wrong. Scoring never trains.

use std::collections::HashMap;
use std::process::ExitCode;

use diplomap_extract::stages::perceptron::{self, Class, Example, Settings};
use diplomap_extract::stages::{agree, choose, training_candidates, Scored};
use diplomap_extract::{Gazetteer, Tables};

struct Document {
    id: String,
    text: String,
    source: String,
    /// Each candidate's byte span and features, with its gold class.
    candidates: Vec<((usize, usize), Example)>,
    /// Each candidate's key (its words, see `agree`).
    keys: Vec<u64>,
    /// Gold names as (start, end, class), byte offsets.
    gold: Vec<(usize, usize, Class)>,
}

/// The class of a gold label (PLACE) or a silver one (OntoNotes' GPE and LOC); other
/// names (NORP, FAC, WORK_OF_ART...) are "other" to the model.
fn class_of(label: &str) -> Class {
    match label {
        "PERSON" => Class::Person,
        "ORG" => Class::Org,
        "PLACE" | "GPE" | "LOC" => Class::Place,
        _ => Class::Other,
    }
}

/// Which labels train: the gold ones, the model's ("silver"), or where both agree.
#[derive(Clone, Copy, PartialEq)]
enum Labels {
    Gold,
    Silver,
    Agree,
}

/// Byte spans of a document's entities under `key`, with their classes; `None` if the
/// document has none of that kind.
fn spans_of(
    value: &serde_json::Value,
    key: &str,
    bytes: &[usize],
) -> Option<HashMap<(usize, usize), Class>> {
    let entities = value[key].as_array()?;
    Some(
        entities
            .iter()
            .filter_map(|e| {
                let start = *bytes.get(e["start"].as_u64()? as usize)?;
                let end = *bytes.get(e["end"].as_u64()? as usize)?;
                Some(((start, end), class_of(e["label"].as_str()?)))
            })
            .collect(),
    )
}

/// The gazetteer the command line and the app read, both tiers of places: the
/// features read its readings, so the model trains on the ones it will see.
fn both_tiers() -> &'static Gazetteer {
    static BOTH: std::sync::OnceLock<Gazetteer> = std::sync::OnceLock::new();
    BOTH.get_or_init(|| {
        let second_tier: &'static [u8] = include_bytes!("../data/places2.bin");
        Gazetteer::with_second_tier(&Tables::builtin(), second_tier)
            .expect("the second tier in data/ is checked by the tests")
    })
}

/// Byte offsets of code-point offsets.
fn byte_offsets(text: &str) -> Vec<usize> {
    let mut offsets: Vec<usize> = text.char_indices().map(|(at, _)| at).collect();
    offsets.push(text.len());
    offsets
}

fn read_corpus(path: &str, labels: Labels) -> Result<Vec<Document>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let gazetteer = both_tiers();
    let mut documents = Vec::new();
    for (n, line) in text
        .lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
    {
        let value: serde_json::Value =
            serde_json::from_str(line).map_err(|e| format!("{path}:{}: {e}", n + 1))?;
        let doc_text = value["text"].as_str().unwrap_or_default();
        let bytes = byte_offsets(doc_text);
        let gold_spans = spans_of(&value, "entities", &bytes);
        let silver_spans = spans_of(&value, "silver", &bytes);
        let gold: Vec<(usize, usize, Class)> = gold_spans
            .iter()
            .flatten()
            .filter(|(_, &c)| c != Class::Other)
            .map(|(&(s, e), &c)| (s, e, c))
            .collect();
        // The class a span is trained with, or None to leave it out.
        let class = |span: &(usize, usize)| {
            let of = |spans: &HashMap<(usize, usize), Class>| {
                spans.get(span).copied().unwrap_or(Class::Other)
            };
            let gold = gold_spans.as_ref().map(of);
            let silver = silver_spans.as_ref().map(of);
            match (labels, gold, silver) {
                (Labels::Gold, Some(g), _) | (Labels::Silver, _, Some(g)) => Some(g),
                (Labels::Agree, Some(g), Some(s)) => (g == s).then_some(g),
                // A document with one kind of labels only trains with those.
                (_, Some(g), None) | (_, None, Some(g)) => Some(g),
                _ => None,
            }
        };
        let (keys, candidates) = training_candidates(doc_text, gazetteer)
            .into_iter()
            .filter_map(|candidate| {
                let span = (candidate.span.start, candidate.span.end);
                let class = class(&span)?;
                Some((
                    candidate.key,
                    (
                        span,
                        Example {
                            features: candidate.features,
                            class,
                        },
                    ),
                ))
            })
            .unzip();
        documents.push(Document {
            id: value["id"].as_str().unwrap_or_default().to_string(),
            text: doc_text.to_string(),
            source: value["source"].as_str().unwrap_or_default().to_string(),
            candidates,
            keys,
            gold,
        });
    }
    Ok(documents)
}

fn train(documents: &[&Document], settings: Settings) -> perceptron::Weights {
    let examples: Vec<Example> = documents
        .iter()
        .flat_map(|d| &d.candidates)
        .map(|(_, e)| Example {
            features: e.features.clone(),
            class: e.class,
        })
        .collect();
    perceptron::train(&examples, settings)
}

/// Counts of a scoring: true positives, false positives, and gold names among the
/// candidates that were missed.
#[derive(Default)]
struct Tally {
    correct: usize,
    wrong: usize,
    missed: usize,
}

impl Tally {
    fn add(&mut self, weights: &perceptron::Weights, document: &Document, show: bool) {
        // Byte spans as inclusive pairs, as `choose` reads stretches.
        let mut scored: Vec<Scored> = document
            .candidates
            .iter()
            .zip(&document.keys)
            .map(|(((s, e), example), &key)| (key, (*s, e - 1), weights.scores(&example.features)))
            .collect();
        agree(&mut scored);
        let chosen = choose(
            scored.into_iter().map(|(_, span, scores)| (span, scores)),
            weights.min_margin,
        );
        let gold: HashMap<(usize, usize), Class> = document
            .candidates
            .iter()
            .filter(|(_, e)| e.class != Class::Other)
            .map(|((s, e), example)| ((*s, e - 1), example.class))
            .collect();
        let mut found = 0;
        let text = |(s, e): (usize, usize)| document.text.get(s..=e).unwrap_or("?").to_string();
        for &(span, class) in &chosen {
            if gold.get(&span) == Some(&class) {
                self.correct += 1;
                found += 1;
            } else {
                self.wrong += 1;
                if show {
                    let truth = gold.get(&span).copied().unwrap_or(Class::Other);
                    println!(
                        "wrong\t{}\t{:?}\t{:?}\t{}",
                        document.id,
                        class,
                        truth,
                        text(span)
                    );
                }
            }
        }
        if show {
            for (&span, &class) in &gold {
                if !chosen.contains(&(span, class)) {
                    println!("missed\t{}\t{:?}\t\t{}", document.id, class, text(span));
                }
            }
        }
        self.missed += gold.len() - found;
    }

    fn report(&self, what: &str) {
        let p = self.correct as f64 / (self.correct + self.wrong).max(1) as f64;
        let r = self.correct as f64 / (self.correct + self.missed).max(1) as f64;
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        eprintln!(
            "{what}: P {p:.3} R {r:.3} F1 {f:.3} ({} gold names among the candidates)",
            self.correct + self.missed
        );
    }
}

struct Arguments {
    corpus: String,
    out: Option<String>,
    settings: Settings,
    folds: usize,
    held_out: Vec<String>,
    labels: Labels,
    /// Corpora to score the model on, after training on all of `corpus`.
    score: Vec<String>,
    show_errors: bool,
}

fn arguments() -> Result<Arguments, String> {
    let mut args = Arguments {
        corpus: String::new(),
        out: None,
        settings: Settings {
            bits: 16,
            epochs: 4,
            min_margin: 8,
            min_count: 1,
        },
        folds: 0,
        held_out: Vec::new(),
        labels: Labels::Agree,
        score: Vec::new(),
        show_errors: false,
    };
    let mut it = std::env::args().skip(1);
    while let Some(flag) = it.next() {
        let mut value = || it.next().ok_or(format!("{flag} needs a value"));
        let number = |v: String| {
            v.parse::<u32>()
                .map_err(|_| format!("{flag}: not a number: {v}"))
        };
        match flag.as_str() {
            "--corpus" => args.corpus = value()?,
            "--out" => args.out = Some(value()?),
            "--bits" => args.settings.bits = number(value()?)?.clamp(8, 22),
            "--epochs" => args.settings.epochs = number(value()?)?,
            "--min-count" => args.settings.min_count = number(value()?)?,
            "--min-margin" => {
                let v = value()?;
                args.settings.min_margin = v
                    .parse()
                    .map_err(|_| format!("{flag}: not a number: {v}"))?
            }
            "--folds" => args.folds = number(value()?)? as usize,
            "--held-out" => args.held_out.push(value()?),
            "--score" => args.score.push(value()?),
            "--show-errors" => args.show_errors = true,
            "--labels" => {
                args.labels = match value()?.as_str() {
                    "gold" => Labels::Gold,
                    "silver" => Labels::Silver,
                    "agree" => Labels::Agree,
                    other => return Err(format!("--labels: gold, silver or agree, not {other}")),
                }
            }
            _ => return Err(format!("unknown argument {flag}")),
        }
    }
    if args.corpus.is_empty() {
        return Err("--corpus PATH is required".into());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match arguments() {
        Ok(args) => args,
        Err(message) => {
            eprintln!("train_names: {message}");
            return ExitCode::from(2);
        }
    };
    let documents = match read_corpus(&args.corpus, args.labels) {
        Ok(documents) => documents,
        Err(message) => {
            eprintln!("train_names: {message}");
            return ExitCode::FAILURE;
        }
    };
    let candidates: usize = documents.iter().map(|d| d.candidates.len()).sum();
    let gold: usize = documents.iter().map(|d| d.gold.len()).sum();
    let reachable: usize = documents
        .iter()
        .map(|d| {
            d.candidates
                .iter()
                .filter(|(_, e)| e.class != Class::Other)
                .count()
        })
        .sum();
    eprintln!(
        "{} documents, {gold} gold names, {candidates} candidates, {reachable} of them gold names",
        documents.len()
    );
    if args.folds > 1 {
        let mut tally = Tally::default();
        for fold in 0..args.folds {
            let (test, train_docs): (Vec<_>, Vec<_>) = documents
                .iter()
                .enumerate()
                .partition(|(i, _)| i % args.folds == fold);
            let weights = train(
                &train_docs.into_iter().map(|(_, d)| d).collect::<Vec<_>>(),
                args.settings,
            );
            for (_, document) in test {
                tally.add(&weights, document, false);
            }
        }
        tally.report(&format!("{}-fold cross-validation", args.folds));
    }
    for source in &args.held_out {
        let (test, train_docs): (Vec<&Document>, Vec<&Document>) = documents
            .iter()
            .partition(|d| d.source.starts_with(source.as_str()));
        let weights = train(&train_docs, args.settings);
        let mut tally = Tally::default();
        for document in test {
            tally.add(&weights, document, false);
        }
        tally.report(&format!("trained without {source}, scored on it"));
    }
    let weights = train(&documents.iter().collect::<Vec<_>>(), args.settings);
    for path in &args.score {
        let scored = match read_corpus(path, Labels::Gold) {
            Ok(documents) => documents,
            Err(message) => {
                eprintln!("train_names: {message}");
                return ExitCode::FAILURE;
            }
        };
        let mut tally = Tally::default();
        for document in &scored {
            tally.add(&weights, document, args.show_errors);
        }
        tally.report(&format!("trained on the corpus, scored on {path}"));
    }
    if let Some(out) = &args.out {
        if let Err(e) = std::fs::write(out, weights.to_bytes()) {
            eprintln!("train_names: {out}: {e}");
            return ExitCode::FAILURE;
        }
        eprintln!("wrote {out}");
    }
    ExitCode::SUCCESS
}
