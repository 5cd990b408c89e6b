//! Single-threaded throughput of the core: `cargo run --release -p diplomap-extract
//! --example throughput -- [FILE...]`. Files are JSON Lines with a "text" field or plain
//! text; with none, a built-in sample article. The texts are repeated to at least 20 MB
//! and analysed one by one; the figure excludes reading and the gazetteer's one-off
//! build (reported apart). A second pass times each stage, to show what relation
//! extraction adds to the rest, and the entity rules' passes within their stage.

use std::time::{Duration, Instant};

use diplomap_extract::{stages, Gazetteer};

const SAMPLE: &str = "On March 3, the Kazakh President met his Russian counterpart in Astana. \
    Moscow agreed to lend $1.2 billion to the republic, about 4% of its GDP, officials said. \
    The two leaders also discussed security on the border with Afghanistan and trade within \
    the Eurasian Economic Union (EAEU), which Kyrgyzstan joined in August 2015.\n\n";

fn texts(paths: &[String]) -> Vec<String> {
    if paths.is_empty() {
        return vec![SAMPLE.to_string()];
    }
    let mut texts = Vec::new();
    for path in paths {
        let content = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
        let records: Vec<String> = content
            .lines()
            .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
            .filter_map(|record| {
                record
                    .get("text")
                    .and_then(|t| t.as_str())
                    .map(str::to_string)
            })
            .collect();
        if records.is_empty() {
            texts.push(content);
        } else {
            texts.extend(records);
        }
    }
    texts
}

fn main() {
    let paths: Vec<String> = std::env::args().skip(1).collect();
    let texts = texts(&paths);
    let started = Instant::now();
    let gazetteer = diplomap_extract::Gazetteer::shared();
    println!(
        "gazetteer built in {:.1} ms",
        started.elapsed().as_secs_f64() * 1e3
    );

    let corpus_bytes: usize = texts.iter().map(String::len).sum();
    let rounds = (20_000_000 / corpus_bytes.max(1)).max(1);
    let started = Instant::now();
    let mut entities = 0;
    let mut relations = 0;
    for _ in 0..rounds {
        for text in &texts {
            let analysis = diplomap_extract::analyze_with(gazetteer, text);
            entities += analysis.entities.len();
            relations += analysis.relations.len();
        }
    }
    let seconds = started.elapsed().as_secs_f64();
    let megabytes = (corpus_bytes * rounds) as f64 / 1e6;
    println!(
        "{megabytes:.1} MB in {seconds:.2} s: {:.1} MB/s single-threaded ({entities} entities, {relations} relations)",
        megabytes / seconds
    );
    stage_times(gazetteer, &texts, rounds);
}

/// Times the stages apart: tokens and sentences, entities and coreference, relations;
/// and within entities, each pass of the rules.
fn stage_times(gazetteer: &Gazetteer, texts: &[String], rounds: usize) {
    let mut spent = [Duration::ZERO; 3];
    let mut passes: Vec<(&'static str, Duration)> = Vec::new();
    for _ in 0..rounds {
        for text in texts {
            let started = Instant::now();
            let tokens = stages::Tokens::new(text);
            let sentences = stages::sentences(&tokens);
            let tokenized = Instant::now();
            let mut pass_started = tokenized;
            let mut pass = 0;
            let mut mentions = stages::recognize_with(&tokens, gazetteer, &mut |name| {
                let now = Instant::now();
                if passes.len() == pass {
                    passes.push((name, Duration::ZERO));
                }
                passes[pass].1 += now - pass_started;
                pass_started = now;
                pass += 1;
            });
            stages::resolve_coreference(&tokens, &mut mentions);
            let recognized = Instant::now();
            let found = stages::extract_relations(&tokens, &sentences, &mentions);
            std::hint::black_box(found);
            spent[0] += tokenized - started;
            spent[1] += recognized - tokenized;
            spent[2] += recognized.elapsed();
        }
    }
    let [tokenizing, recognizing, relating] = spent.map(|d| d.as_secs_f64());
    println!(
        "stages: tokens and sentences {tokenizing:.2} s, entities and coreference {recognizing:.2} s, \
         relations {relating:.2} s (+{:.0}% on the rest)",
        100.0 * relating / (tokenizing + recognizing)
    );
    passes.sort_by_key(|&(_, time)| std::cmp::Reverse(time));
    println!("entity passes, slowest first:");
    for (name, time) in passes {
        println!("  {:>6.3} s  {name}", time.as_secs_f64());
    }
}
