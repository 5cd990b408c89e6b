//! Cross-validates the relation model: `make eval-relations`.
//!
//! `cargo run --release -p diplomap-extract --example eval_relations -- [GOLD]
//! [--directions FILE] [--folds N] [--deals N]`
//!
//! The documents are cut into N folds (5) by document, near-duplicates kept in one
//! fold; each fold is decided by weights trained on the others (written out and read
//! back, so what is scored is what would ship). Prints pair and typed precision,
//! recall and F1 the way `score.py relations` counts them, the same for the shipped
//! weights (trained on every document, so tuned), direction accuracy against the
//! annotated directions, and a reliability table of confidence against correctness.
//! With `--deals N`, the documents are also dealt into folds N - 1 other ways, and the
//! spread of the cross-validated figures over the N deals is printed: how much of a
//! change in them is the luck of the folds.

#[path = "relation_gold/mod.rs"]
mod relation_gold;

use std::collections::{BTreeMap, BTreeSet};

use diplomap_extract::stages::relation_model::{decide_at, fit};
use diplomap_extract::stages::relation_model::{Weights, THRESHOLD};
use diplomap_extract::{CountryCode, Relation, RelationType};
use relation_gold::Document;

/// The weights file `make train-relations` writes (trained on every document).
const WEIGHTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data/relation_weights.tsv");

const DEFAULT_DIRECTIONS: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/data/relation_directions.tsv");

type Pair = (CountryCode, CountryCode);

/// Which documents (by id) a row of figures counts.
type Subset = fn(&str) -> bool;

fn main() {
    let mut gold = relation_gold::DEFAULT_GOLD.to_string();
    let mut directions = DEFAULT_DIRECTIONS.to_string();
    let mut folds = 5usize;
    let mut deals = 1usize;
    let mut dump = None;
    let mut features = None;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--directions" => directions = args.next().unwrap_or_else(|| usage()),
            "--dump" => dump = Some(args.next().unwrap_or_else(|| usage())),
            "--features" => features = Some(args.next().unwrap_or_else(|| usage())),
            "--folds" => folds = at_least(args.next(), 2),
            "--deals" => deals = at_least(args.next(), 1),
            _ if arg.starts_with('-') => usage(),
            _ => gold = arg,
        }
    }
    let documents = relation_gold::load(&gold).unwrap_or_else(|e| fail(&e));
    let directions = load_directions(&directions).unwrap_or_else(|e| fail(&e));
    let groups = near_duplicate_groups(&documents);
    let unseen = cross_validate(&documents, &assign_folds(&groups, folds, 0), folds);
    let shipped = std::fs::read_to_string(WEIGHTS)
        .map_err(|e| format!("{WEIGHTS}: {e}"))
        .and_then(|text| Weights::parse(&text))
        .unwrap_or_else(|e| fail(&e));
    let tuned: Vec<Vec<Relation>> = documents
        .iter()
        .map(|d| decide_at(&d.example.reading, &shipped, 0.0))
        .collect();

    println!(
        "{} documents, {} gold pairs, {folds} folds by document (near-duplicates together)\n",
        documents.len(),
        documents
            .iter()
            .map(|d| d.example.gold.len())
            .sum::<usize>()
    );
    println!("| set | weights | pair P | pair R | pair F1 | typed P | typed R | typed F1 |");
    println!("|---|---|---|---|---|---|---|---|");
    let subsets: [(&str, Subset); 4] = [
        ("all", |_| true),
        ("seeds", |id| id.ends_with(".txt")),
        ("GeoWebNews", |id| id.starts_with("GWN:")),
        ("re3d", |id| id.starts_with("re3d:")),
    ];
    for (name, keep) in subsets {
        for (label, predictions) in [
            ("cross-validated", &unseen),
            ("weights file (trained on all: tuned)", &tuned),
        ] {
            let score = Score::of(&documents, predictions, THRESHOLD, keep);
            println!("| {name} | {label} | {} |", score.row());
        }
    }
    println!("\nCross-validated, by threshold:\n");
    println!("| threshold | pair P | pair R | pair F1 | typed P | typed R | typed F1 |");
    println!("|---|---|---|---|---|---|---|");
    for threshold in [0.3, 0.4, 0.5, 0.6, 0.7, 0.8] {
        let score = Score::of(&documents, &unseen, threshold, |_| true);
        println!("| {threshold:.1} | {} |", score.row());
    }
    if deals > 1 {
        spread_report(&documents, &groups, folds, deals);
    }
    confusion_report(&documents, &unseen);
    direction_report(&documents, &unseen, &directions);
    if let Some(path) = features {
        write_features(&path, &documents).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    }
    if let Some(path) = dump {
        write_dump(&path, &documents, &unseen).unwrap_or_else(|e| fail(&format!("{path}: {e}")));
    }
    reliability(&documents, &unseen);
}

fn clone_example(document: &Document) -> diplomap_extract::stages::relation_model::Example {
    diplomap_extract::stages::relation_model::Example {
        reading: document.example.reading.clone(),
        gold: document.example.gold.clone(),
    }
}

/// Each document decided by weights trained on the documents of the other folds
/// (written out and read back, so what is scored is what would ship).
fn cross_validate(documents: &[Document], fold_of: &[usize], folds: usize) -> Vec<Vec<Relation>> {
    let mut unseen: Vec<Vec<Relation>> = vec![Vec::new(); documents.len()];
    for fold in 0..folds {
        let training: Vec<_> = documents
            .iter()
            .zip(fold_of)
            .filter(|(_, f)| **f != fold)
            .map(|(d, _)| clone_example(d))
            .collect();
        let weights = Weights::parse(&fit(&training).to_text("")).unwrap_or_else(|e| fail(&e));
        for (i, document) in documents.iter().enumerate() {
            if fold_of[i] == fold {
                unseen[i] = decide_at(&document.example.reading, &weights, 0.0);
            }
        }
    }
    unseen
}

/// The cross-validated figures over `deals` ways of dealing the documents into folds
/// (the first as above): their least, mean and greatest values.
fn spread_report(documents: &[Document], groups: &[usize], folds: usize, deals: usize) {
    let figures: Vec<[f64; 4]> = (0..deals)
        .map(|deal| {
            let unseen = cross_validate(documents, &assign_folds(groups, folds, deal), folds);
            let score = Score::of(documents, &unseen, THRESHOLD, |_| true);
            let (p, r, f) = score.pairs.prf();
            [p, r, f, score.typed.prf().2]
        })
        .collect();
    println!("\nCross-validated, over {deals} ways of dealing the documents into folds:\n");
    println!("| figure | least | mean | greatest |");
    println!("|---|---|---|---|");
    for (column, name) in ["pair P", "pair R", "pair F1", "typed F1"]
        .iter()
        .enumerate()
    {
        let values: Vec<f64> = figures.iter().map(|f| f[column]).collect();
        let least = values.iter().copied().fold(f64::INFINITY, f64::min);
        let greatest = values.iter().copied().fold(f64::NEG_INFINITY, f64::max);
        let mean = values.iter().sum::<f64>() / values.len() as f64;
        println!("| {name} | {least:.3} | {mean:.3} | {greatest:.3} |");
    }
}

/// Near-duplicate documents (sharing half their word 5-grams) form one group, named by
/// its first document: the group of each document.
fn near_duplicate_groups(documents: &[Document]) -> Vec<usize> {
    let shingles: Vec<BTreeSet<String>> = documents.iter().map(|d| shingles(&d.text)).collect();
    let mut group: Vec<usize> = (0..documents.len()).collect();
    for i in 0..documents.len() {
        for j in 0..i {
            let smaller = shingles[i].len().min(shingles[j].len());
            let shared = shingles[i].intersection(&shingles[j]).count();
            if smaller > 0 && shared * 2 >= smaller {
                group[i] = group[j];
                break;
            }
        }
    }
    group
}

/// Folds by group of near-duplicates: deal 0 deals the groups out in file order, each
/// later deal in an order shuffled by a fixed generator (the same deal, the same folds).
fn assign_folds(groups: &[usize], folds: usize, deal: usize) -> Vec<usize> {
    let mut order: Vec<usize> = Vec::new();
    for g in groups {
        if !order.contains(g) {
            order.push(*g);
        }
    }
    if deal > 0 {
        // Fisher-Yates with a 64-bit linear congruential generator (Knuth's MMIX).
        let mut state = deal as u64;
        for i in (1..order.len()).rev() {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            order.swap(i, ((state >> 33) % (i as u64 + 1)) as usize);
        }
    }
    let fold_of_group: BTreeMap<usize, usize> = order
        .iter()
        .enumerate()
        .map(|(i, g)| (*g, i % folds))
        .collect();
    groups.iter().map(|g| fold_of_group[g]).collect()
}

fn shingles(text: &str) -> BTreeSet<String> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    words.windows(5).map(|w| w.join(" ")).collect()
}

/// Counts as `score.py relations` does: unordered pairs, then (pair, type).
#[derive(Default)]
struct Score {
    pairs: Counts,
    typed: Counts,
}

#[derive(Default)]
struct Counts {
    right: usize,
    wrong: usize,
    missed: usize,
}

impl Counts {
    fn add<T: Ord>(&mut self, gold: &BTreeSet<T>, found: &BTreeSet<T>) {
        self.right += gold.intersection(found).count();
        self.wrong += found.difference(gold).count();
        self.missed += gold.difference(found).count();
    }

    fn prf(&self) -> (f64, f64, f64) {
        let ratio = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
        let p = ratio(self.right, self.right + self.wrong);
        let r = ratio(self.right, self.right + self.missed);
        let f = if p + r > 0.0 {
            2.0 * p * r / (p + r)
        } else {
            0.0
        };
        (p, r, f)
    }
}

impl Score {
    fn of(
        documents: &[Document],
        predictions: &[Vec<Relation>],
        threshold: f64,
        keep: Subset,
    ) -> Score {
        let mut score = Score::default();
        for (document, relations) in documents.iter().zip(predictions) {
            if !keep(&document.id) {
                continue;
            }
            let found: Vec<&Relation> = relations
                .iter()
                .filter(|r| r.confidence >= threshold)
                .collect();
            let gold_pairs: BTreeSet<Pair> = document.example.gold.keys().copied().collect();
            let found_pairs: BTreeSet<Pair> = found.iter().map(|r| (r.a, r.b)).collect();
            score.pairs.add(&gold_pairs, &found_pairs);
            let gold_typed: BTreeSet<(Pair, RelationType)> = document
                .example
                .gold
                .iter()
                .flat_map(|(pair, types)| types.iter().map(move |t| (*pair, *t)))
                .collect();
            let found_typed: BTreeSet<(Pair, RelationType)> = found
                .iter()
                .flat_map(|r| r.types.iter().map(move |t| ((r.a, r.b), *t)))
                .collect();
            score.typed.add(&gold_typed, &found_typed);
        }
        score
    }

    fn row(&self) -> String {
        let (p, r, f) = self.pairs.prf();
        let (tp, tr, tf) = self.typed.prf();
        format!("{p:.3} | {r:.3} | {f:.3} | {tp:.3} | {tr:.3} | {tf:.3}")
    }
}

/// Rows and columns of the type confusion table beyond the seven types.
const NO_PAIR: &str = "no gold pair";
const EXTRA: &str = "extra (all gold types found)";
const MISSED: &str = "missed (no wrong type)";
const PAIR_MISSED: &str = "pair missed";

/// Which types are predicted for which gold types, cross-validated. On a pair both
/// found and in the gold, a type in both counts on the diagonal; each wrong type counts
/// once against each gold type missed there (in the row "extra" when none is); each
/// missed type with no wrong type beside it counts in the column "missed". A false
/// pair's types count in the row "no gold pair"; a missed pair's gold types in the
/// column "pair missed".
fn confusion_report(documents: &[Document], predictions: &[Vec<Relation>]) {
    let mut cells: BTreeMap<(String, String), usize> = BTreeMap::new();
    let mut add = |row: &str, column: &str| {
        *cells
            .entry((row.to_string(), column.to_string()))
            .or_default() += 1
    };
    for (document, relations) in documents.iter().zip(predictions) {
        let found: BTreeMap<Pair, &[RelationType]> = relations
            .iter()
            .filter(|r| r.confidence >= THRESHOLD)
            .map(|r| ((r.a, r.b), r.types.as_slice()))
            .collect();
        let gold = &document.example.gold;
        for (pair, types) in &found {
            let Some(gold_types) = gold.get(pair) else {
                types.iter().for_each(|t| add(NO_PAIR, t.as_str()));
                continue;
            };
            let wrong: Vec<_> = types.iter().filter(|t| !gold_types.contains(t)).collect();
            let missed: Vec<_> = gold_types.iter().filter(|t| !types.contains(t)).collect();
            for kind in types.iter().filter(|t| gold_types.contains(t)) {
                add(kind.as_str(), kind.as_str());
            }
            for w in &wrong {
                if missed.is_empty() {
                    add(EXTRA, w.as_str());
                }
                missed.iter().for_each(|m| add(m.as_str(), w.as_str()));
            }
            if wrong.is_empty() {
                missed.iter().for_each(|m| add(m.as_str(), MISSED));
            }
        }
        for (pair, gold_types) in gold.iter().filter(|(pair, _)| !found.contains_key(*pair)) {
            let _ = pair;
            gold_types.iter().for_each(|t| add(t.as_str(), PAIR_MISSED));
        }
    }
    let types: Vec<&str> = RelationType::ALL.iter().map(|t| t.as_str()).collect();
    let columns: Vec<&str> = types.iter().copied().chain([MISSED, PAIR_MISSED]).collect();
    let rows: Vec<&str> = types.iter().copied().chain([EXTRA, NO_PAIR]).collect();
    println!("\nTypes, cross-validated: gold (rows) against predicted (columns)\n");
    println!("| gold \\ predicted | {} |", columns.join(" | "));
    println!("|---|{}", "---|".repeat(columns.len()));
    for row in rows {
        let counts: Vec<String> = columns
            .iter()
            .map(|column| {
                let count = cells.get(&(row.to_string(), column.to_string())).copied();
                count.map_or("·".to_string(), |n| n.to_string())
            })
            .collect();
        println!("| {row} | {} |", counts.join(" | "));
    }
}

/// An annotated direction: who acts on whom, or none.
type Directions = BTreeMap<(String, Pair), Option<(CountryCode, CountryCode)>>;

/// Reads `id<TAB>A-B<TAB>A>B or none<TAB>reason` lines (`#` comments).
fn load_directions(path: &str) -> Result<Directions, String> {
    let content = std::fs::read_to_string(path).map_err(|e| format!("{path}: {e}"))?;
    let mut directions = Directions::new();
    for (number, line) in content.lines().enumerate() {
        if line.starts_with('#') || line.trim().is_empty() {
            continue;
        }
        let bad = || {
            format!(
                "{path}: line {}: want id, A-B, A>B or none, reason",
                number + 1
            )
        };
        let fields: Vec<&str> = line.split('\t').collect();
        let [id, pair, direction, _reason] = fields[..] else {
            return Err(bad());
        };
        let codes = |text: &str, separator: char| -> Option<(CountryCode, CountryCode)> {
            let (x, y) = text.split_once(separator)?;
            Some((CountryCode::parse(x)?, CountryCode::parse(y)?))
        };
        let (a, b) = codes(pair, '-').ok_or_else(bad)?;
        let direction = match direction {
            "none" => None,
            arrow => Some(codes(arrow, '>').ok_or_else(bad)?),
        };
        let pair = if a < b { (a, b) } else { (b, a) };
        if direction.is_some_and(|(s, t)| (s, t) != pair && (t, s) != pair) {
            return Err(bad());
        }
        directions.insert((id.to_string(), pair), direction);
    }
    Ok(directions)
}

fn direction_report(
    documents: &[Document],
    predictions: &[Vec<Relation>],
    directions: &Directions,
) {
    let mut found = 0;
    let mut right = 0;
    let mut arrows = 0;
    let mut right_arrows = 0;
    let mut reversed = 0;
    let mut annotated_arrows = 0;
    for ((id, pair), annotated) in directions {
        annotated_arrows += usize::from(annotated.is_some());
        let Some((document, relations)) =
            documents.iter().zip(predictions).find(|(d, _)| d.id == *id)
        else {
            continue;
        };
        let _ = document;
        let Some(relation) = relations
            .iter()
            .find(|r| r.confidence >= THRESHOLD && (r.a, r.b) == *pair)
        else {
            continue;
        };
        found += 1;
        right += usize::from(relation.direction == *annotated);
        if let Some((source, target)) = relation.direction {
            arrows += 1;
            right_arrows += usize::from(*annotated == Some((source, target)));
            reversed += usize::from(*annotated == Some((target, source)));
        }
    }
    let share = |a: usize, b: usize| if b == 0 { 0.0 } else { a as f64 / b as f64 };
    println!(
        "\nDirection, cross-validated ({} annotated pairs, {annotated_arrows} with an arrow; {found} of them found):",
        directions.len()
    );
    println!(
        "  accuracy {:.3} (arrow or none as annotated); arrows drawn {arrows}, right {:.3}, reversed {reversed}",
        share(right, found),
        share(right_arrows, arrows)
    );
}

/// Confidence bins of every candidate pair against the share the gold relates.
fn reliability(documents: &[Document], predictions: &[Vec<Relation>]) {
    let mut bins = [(0usize, 0usize, 0f64); 10];
    for (document, relations) in documents.iter().zip(predictions) {
        for relation in relations {
            let bin = ((relation.confidence * 10.0) as usize).min(9);
            bins[bin].0 += 1;
            bins[bin].1 += usize::from(
                document
                    .example
                    .gold
                    .contains_key(&(relation.a, relation.b)),
            );
            bins[bin].2 += relation.confidence;
        }
    }
    println!("\nReliability, cross-validated (every candidate pair):\n");
    println!("| confidence | pairs | mean confidence | share related in the gold |");
    println!("|---|---|---|---|");
    for (i, (count, right, sum)) in bins.iter().enumerate() {
        if *count > 0 {
            println!(
                "| {:.1}–{:.1} | {count} | {:.2} | {:.2} |",
                i as f64 / 10.0,
                (i + 1) as f64 / 10.0,
                sum / *count as f64,
                *right as f64 / *count as f64
            );
        }
    }
}

/// The cross-validated relations as JSON Lines `{"id", "fold", "relations"}`, every
/// candidate pair with its confidence: `score.py relations --pred` reads those from the
/// threshold on (after `jq`-free filtering by the caller) or all of them.
fn write_dump(
    path: &str,
    documents: &[Document],
    predictions: &[Vec<Relation>],
) -> std::io::Result<()> {
    let mut out = String::new();
    for (document, relations) in documents.iter().zip(predictions) {
        let relations: Vec<serde_json::Value> = relations
            .iter()
            .filter(|r| r.confidence >= THRESHOLD)
            .map(|r| {
                serde_json::json!({
                    "a": r.a.as_str(),
                    "b": r.b.as_str(),
                    "types": r.types.iter().map(|t| t.as_str()).collect::<Vec<_>>(),
                    "confidence": r.confidence,
                    "direction": r.direction.map(|(s, t)| format!("{s}>{t}")),
                    "evidence": r.evidence.iter().map(|e| &document.text[e.start..e.end]).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.push_str(&serde_json::json!({"id": document.id, "relations": relations}).to_string());
        out.push('\n');
    }
    std::fs::write(path, out)
}

/// Every statement's features by name, as JSON Lines `{"id", "statements"}`: to read
/// what the model sees.
fn write_features(path: &str, documents: &[Document]) -> std::io::Result<()> {
    let names = diplomap_extract::stages::relation_model::statement_feature_names();
    let mut out = String::new();
    for document in documents {
        let reading = &document.example.reading;
        let statements: Vec<serde_json::Value> = reading
            .statements()
            .iter()
            .map(|s| {
                serde_json::json!({
                    "pair": format!("{}-{}", s.pair.0, s.pair.1),
                    "gold": document.example.gold.contains_key(&s.pair),
                    "sentence": s.sentence_index,
                    "text": &document.text[s.sentence.start..s.sentence.end],
                    "reach": s.reach.iter().map(|r| r.map(|r| format!("{r:?}"))).collect::<Vec<_>>(),
                    "near": s.near.to_vec(),
                    "types": document.example.gold.get(&s.pair).map(|ts| ts.iter().map(|t| t.as_str()).collect::<Vec<_>>()),
                    "features": reading.features(s).iter().map(|(i, v)| if *v == 1.0 { names[usize::from(*i)].clone() } else { format!("{}={v}", names[usize::from(*i)]) }).collect::<Vec<_>>(),
                })
            })
            .collect();
        out.push_str(&serde_json::json!({"id": document.id, "statements": statements}).to_string());
        out.push('\n');
    }
    std::fs::write(path, out)
}

/// A count given on the command line, at least `least`.
fn at_least(arg: Option<String>, least: usize) -> usize {
    arg.and_then(|n| n.parse().ok())
        .filter(|n| *n >= least)
        .unwrap_or_else(|| usage())
}

fn fail(message: &str) -> ! {
    eprintln!("eval_relations: {message}");
    std::process::exit(1)
}

fn usage() -> ! {
    eprintln!(
        "usage: eval_relations [GOLD.jsonl] [--directions FILE] [--folds N] [--deals N] [--dump OUT.jsonl] [--features OUT.jsonl]"
    );
    std::process::exit(2)
}
