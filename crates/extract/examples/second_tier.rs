//! The gazetteer's second tier (`src/second_tier.rs`): compiles it, and compares it with
//! the first tier's phrase trie.
//!
//!   second_tier build ROWS.tsv OUT.bin   the readings written by
//!                                        scripts/gazetteer/second_tier.py, compiled
//!   second_tier compare ROWS.tsv OUT.bin TEXTS.jsonl
//!                                        sizes, load time and look-up speed of the
//!                                        compiled tier against the same rows loaded
//!                                        into the phrase trie (Gazetteer::from_tables)
//!
//! Names are tokenised and folded exactly as the core reads text, so a name's key is
//! what a look-up walks. The output is deterministic: the same rows give the same bytes.

use std::alloc::{GlobalAlloc, Layout, System};
use std::collections::BTreeMap;
use std::error::Error;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use diplomap_extract::stages::second_tier::{
    fnv1a, SecondTier, CASED_TOKENS, MAGIC, MAX_NAME_TOKENS, TOKEN_SEPARATOR, VERSION,
};
use diplomap_extract::stages::{recognize, Tokens};
use diplomap_extract::{Gazetteer, Tables};

/// Counts the bytes allocated and not yet freed, for the memory figures.
struct Counting;

static ALLOCATED: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        ALLOCATED.fetch_add(layout.size(), Ordering::Relaxed);
        System.alloc(layout)
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        ALLOCATED.fetch_sub(layout.size(), Ordering::Relaxed);
        System.dealloc(ptr, layout)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

fn allocated() -> usize {
    ALLOCATED.load(Ordering::Relaxed)
}

type Result<T> = std::result::Result<T, Box<dyn Error>>;

fn main() -> Result<()> {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args
        .iter()
        .map(String::as_str)
        .collect::<Vec<_>>()
        .as_slice()
    {
        ["build", rows, out] => build(rows, out),
        ["compare", rows, compiled, texts] => compare(rows, compiled, texts),
        _ => Err(
            "usage: second_tier build ROWS.tsv OUT.bin | compare ROWS.tsv OUT.bin TEXTS.jsonl"
                .into(),
        ),
    }
}

/// One row of the readings table: name, code, area, population, kind, common, place.
struct Row<'a> {
    name: &'a str,
    /// Which place it is: the forms of one place share their readings.
    place: &'a str,
    code: &'a str,
    area: &'a str,
    quarter_decades: u8,
    kind: u8,
    common: bool,
}

fn rows(table: &str) -> Result<Vec<Row<'_>>> {
    let mut rows = Vec::new();
    for (number, line) in table.lines().enumerate().skip(1) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [name, code, area, population, kind, common, place] = fields[..] else {
            return Err(format!("line {}: expected 7 fields", number + 1).into());
        };
        rows.push(Row {
            name,
            place,
            code,
            area,
            quarter_decades: if population.is_empty() {
                0
            } else {
                population.parse()?
            },
            kind: match kind {
                "town" => 0,
                "county" => 1,
                "county-name" => 2,
                other => return Err(format!("line {}: kind {other:?}", number + 1).into()),
            },
            common: common == "1",
        });
    }
    Ok(rows)
}

/// A name's key (its folded tokens joined by the separator) and which of its first
/// tokens are capitalised; none for a name the walk could not reach.
fn key(name: &str) -> Option<(Vec<u8>, u8)> {
    let tokens = Tokens::new(name);
    if tokens.is_empty() || tokens.len() > MAX_NAME_TOKENS {
        return None;
    }
    let mut key = Vec::new();
    let mut capitalised = 0u8;
    for i in 0..tokens.len() {
        let folded = tokens.folded(i);
        if folded.bytes().any(|b| b == TOKEN_SEPARATOR) {
            return None;
        }
        if i > 0 {
            key.push(TOKEN_SEPARATOR);
        }
        key.extend_from_slice(folded.as_bytes());
        if i < CASED_TOKENS && tokens.is_capitalized(i) {
            capitalised |= 1 << i;
        }
    }
    // The core looks second-tier names up at capitalised words only.
    tokens.is_capitalized(0).then_some((key, capitalised))
}

/// A reading as the file stores it: area index, population, flags.
type Record = [u8; 4];

fn build(rows_path: &str, out: &str) -> Result<()> {
    let table = std::fs::read_to_string(rows_path)?;
    let rows = rows(&table)?;
    let mut areas: BTreeMap<(&str, &str), u16> = BTreeMap::new();
    for row in &rows {
        areas.insert((row.code, row.area), 0);
    }
    for (index, area) in areas.values_mut().enumerate() {
        *area = u16::try_from(index)?;
    }
    // Readings per key, most populous first, each with its place.
    let mut by_key: BTreeMap<Vec<u8>, Vec<(u8, Record, &str)>> = BTreeMap::new();
    let mut skipped = 0;
    for row in &rows {
        let Some((key, capitalised)) = key(row.name) else {
            skipped += 1;
            continue;
        };
        let area = areas[&(row.code, row.area)].to_le_bytes();
        let flags = row.kind | (u8::from(row.common) << 2) | (capitalised << 3);
        by_key.entry(key).or_default().push((
            row.quarter_decades,
            [area[0], area[1], row.quarter_decades, flags],
            row.place,
        ));
    }
    // The forms of one place ("Saint Cloud", "St. Cloud") share its readings: a reading
    // is the same entry in the core, whichever form names it.
    let mut records: Vec<Record> = Vec::new();
    let mut shared: BTreeMap<Vec<(Record, &str)>, u64> = BTreeMap::new();
    let mut names = fst::MapBuilder::memory();
    for (key, mut readings) in by_key {
        readings.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(b.2)));
        readings.dedup();
        readings.truncate(255);
        let readings: Vec<(Record, &str)> = readings
            .into_iter()
            .map(|(_, record, place)| (record, place))
            .collect();
        let count = readings.len() as u64;
        let first = *shared.entry(readings).or_insert_with_key(|readings| {
            records.extend(readings.iter().map(|(record, _)| record));
            (records.len() - readings.len()) as u64
        });
        names.insert(&key, first << 8 | count)?;
    }
    let names = names.into_inner()?;

    let mut body = Vec::new();
    body.extend(u32::try_from(areas.len())?.to_le_bytes());
    for (code, area) in areas.keys() {
        let mut bytes = [0u8; 5];
        bytes[..2].copy_from_slice(code.as_bytes());
        bytes[2..2 + area.len()].copy_from_slice(area.as_bytes());
        body.extend(bytes);
    }
    body.extend(u32::try_from(records.len())?.to_le_bytes());
    records.iter().for_each(|record| body.extend(record));
    body.extend(&names);
    let mut file = Vec::with_capacity(16 + body.len());
    file.extend(MAGIC);
    file.extend(VERSION.to_le_bytes());
    file.extend(fnv1a(&body).to_le_bytes());
    file.extend(body);
    std::fs::write(out, &file)?;
    eprintln!(
        "{out}: {} bytes; {} rows ({skipped} skipped), {} records, {} areas, names {} bytes",
        file.len(),
        rows.len(),
        records.len(),
        areas.len(),
        names.len()
    );
    Ok(())
}

/// The same rows as places.tsv text (name, aliases, code, kind, population, context,
/// area), for the phrase trie.
fn as_places_table(rows: &[Row<'_>]) -> String {
    let mut table = String::from("name\taliases\tcode\tkind\tpopulation\tcontext\tarea\n");
    for row in rows {
        let kind = if row.kind == 0 { "" } else { "region" };
        // "0": no characters shared with the name before (places.tsv is front-coded).
        table.push_str(&format!(
            "0{}\t\t{}\t{kind}\t{}\t1\t{}\n",
            row.name, row.code, row.quarter_decades, row.area
        ));
    }
    table
}

fn compare(rows_path: &str, compiled: &str, texts: &str) -> Result<()> {
    let table = std::fs::read_to_string(rows_path)?;
    let rows = rows(&table)?;
    let places = as_places_table(&rows);
    let bytes = std::fs::read(compiled)?;
    println!("compiled tier: {} bytes", bytes.len());
    println!("as places.tsv text: {} bytes", places.len());

    let start = Instant::now();
    let first_tier = Gazetteer::from_tables(&Tables::builtin());
    println!("first tier built in {:?}", start.elapsed());
    let bytes: &'static [u8] = bytes.leak();
    let start = Instant::now();
    let tier = SecondTier::from_bytes(bytes)?;
    println!("compiled tier opened (checked) in {:?}", start.elapsed());
    let memory = allocated();
    let start = Instant::now();
    let compiled = Gazetteer::with_second_tier(&Tables::builtin(), bytes)?;
    println!(
        "first tier and compiled second tier built in {:?}, {} MB of memory beside the bytes",
        start.elapsed(),
        (allocated() - memory) / 1_000_000
    );
    drop(tier);
    let memory = allocated();
    let start = Instant::now();
    // Both tiers' rows in one places table (the second's rows are not front-coded).
    let both = format!(
        "{}{}",
        Tables::builtin().places,
        places.split_once('\n').map_or("", |(_, rows)| rows)
    );
    let trie = Gazetteer::from_tables(&Tables {
        places: &both,
        ..Tables::builtin()
    });
    println!(
        "both tiers in the trie built in {:?}, {} MB of memory",
        start.elapsed(),
        (allocated() - memory) / 1_000_000
    );

    let texts: Vec<String> = std::fs::read_to_string(texts)?
        .lines()
        .filter_map(|line| serde_json::from_str::<serde_json::Value>(line).ok())
        .filter_map(|doc| doc.get("text")?.as_str().map(str::to_string))
        .collect();
    let tokens: Vec<Tokens<'_>> = texts.iter().map(|text| Tokens::new(text)).collect();
    let words: usize = tokens.iter().map(Tokens::len).sum();
    // The entity rules over every text, which look every word up in the gazetteer.
    let recognize = |gazetteer: &Gazetteer| {
        let start = Instant::now();
        let mentions: usize = tokens
            .iter()
            .map(|tokens| recognize(tokens, gazetteer).len())
            .sum();
        (start.elapsed(), mentions)
    };
    for round in 0..3 {
        let (first_time, first_found) = recognize(&first_tier);
        let (trie_time, trie_found) = recognize(&trie);
        let (compiled_time, compiled_found) = recognize(&compiled);
        println!(
            "round {round}: {words} tokens recognised with the first tier {first_time:?} \
             ({first_found} mentions); both tiers in the trie {trie_time:?} ({trie_found}); \
             the first tier and the compiled second {compiled_time:?} ({compiled_found})"
        );
    }
    Ok(())
}
