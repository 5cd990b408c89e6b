//! Storage fault injection, shared by `tests/storage_fuzz.rs` (a few thousand seeds on
//! every `cargo test`) and `examples/fuzz_storage.rs` (`make fuzz-storage`, many more).
//!
//! Each case makes a random workspace, saves it the way the app does (the store's
//! records, revisions and meta record) or the way earlier versions did (one JSON array),
//! damages the save (truncation, byte flips, values of the wrong type, huge values, bad
//! keys, a damaged meta record) and restores it. It fails if the restore panics, or if
//! a document the damage did not touch is missing, or if what could not be read is not
//! kept aside whole; then it saves the repairs the restore asks for and restores again,
//! which must give the same workspace with nothing left to repair.

use diplomap_app_core::commit::{plan, Meta, FORMAT};
use diplomap_app_core::doc::{derive_title, tidy_title, Limits, MAX_ID};
use diplomap_app_core::restore::{restore, Key, Legacy, Restored, Snapshot, Stored};

/// Small limits, so that cases reach them often.
pub const LIMITS: Limits = Limits {
    title_chars: 100,
    text_bytes: 300,
    documents: 12,
};

/// splitmix64: a small, good, deterministic generator.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Rng(seed ^ 0x5DEE_CE66_D1CE_4E5B)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }

    pub fn chance(&mut self, one_in: usize) -> bool {
        self.below(one_in) == 0
    }
}

/// Pieces of text that are hard on a JSON reader.
const PIECES: &[&str] = &[
    "Talks",
    " in ",
    "Astana",
    "\"",
    "\\",
    "{\"id\":1,",
    "\"text\":\"",
    "}",
    "]",
    "[",
    ",",
    "{",
    "\n",
    "\t",
    "\u{1}",
    "é",
    "\u{2014}",
    "🇺🇦",
    "\u{FFFD}",
    "\\u00e9",
    "1e400",
    "null",
    " ",
    "$40 million",
    "８%",
    "\u{200B}",
];

fn text(rng: &mut Rng, unique: usize) -> String {
    let mut text = format!("doc{unique} ");
    for _ in 0..rng.below(12) {
        text.push_str(PIECES[rng.below(PIECES.len())]);
    }
    if rng.chance(25) {
        // Over the limit.
        text.push_str(&"x".repeat(LIMITS.text_bytes));
    }
    text
}

fn title(rng: &mut Rng) -> Option<String> {
    match rng.below(6) {
        0 => None,
        1 => Some("x".repeat(LIMITS.title_chars * 3)),
        _ => Some(
            (0..1 + rng.below(4))
                .map(|_| PIECES[rng.below(PIECES.len())])
                .collect(),
        ),
    }
}

/// A random workspace: titles (or none) and texts, each text unique.
fn workspace(rng: &mut Rng) -> Vec<(Option<String>, String)> {
    let count = rng.below(LIMITS.documents + 4);
    (0..count).map(|i| (title(rng), text(rng, i))).collect()
}

/// What a document looks like once restored: its title tidied (or its text's own).
fn expected(title: &Option<String>, text: &str) -> (String, String) {
    let tidy = tidy_title(title.as_deref().unwrap_or(""), LIMITS.title_chars).0;
    let title = if tidy.is_empty() {
        derive_title(text)
    } else {
        tidy
    };
    (title, text.to_string())
}

fn contents(restored: &Restored) -> Vec<(String, String)> {
    restored
        .documents
        .iter()
        .map(|doc| (doc.title.clone(), doc.text.clone()))
        .collect()
}

/// Totals over the cases run.
#[derive(Debug, Default)]
pub struct Totals {
    pub cases: usize,
    pub documents: usize,
    pub intact: usize,
    pub restored: usize,
    pub kept_aside: usize,
}

/// One case: a seed gives a workspace, a way of saving it and a damage.
pub fn case(seed: u64, totals: &mut Totals) -> Result<(), String> {
    let mut rng = Rng::new(seed);
    totals.cases += 1;
    if rng.chance(3) {
        legacy_case(&mut rng, totals)
    } else {
        store_case(&mut rng, totals)
    }
}

/// The save of an earlier version (one JSON array), damaged.
fn legacy_case(rng: &mut Rng, totals: &mut Totals) -> Result<(), String> {
    let docs = workspace(rng);
    // Each entry serialised as the old version did, with its byte range.
    let mut save = String::from("[");
    let mut ranges = Vec::new();
    let mut entries = 0;
    for (index, (title, text)) in docs.iter().enumerate() {
        if rng.chance(8) {
            // An entry of the wrong type before it.
            let junk = [
                "7",
                "\"junk\"",
                "{\"title\":\"no text\"}",
                "{\"text\":5}",
                "null",
                "[[[]]]",
            ];
            if entries > 0 {
                save.push(',');
            }
            save.push_str(junk[rng.below(junk.len())]);
            entries += 1;
        }
        let id = match rng.below(8) {
            0 => "18446744073709551615".to_string(),
            1 => "1e400".to_string(),
            2 => "-3".to_string(),
            _ => (index + 1).to_string(),
        };
        let mut object = format!("{{\"id\":{id}");
        if let Some(title) = title {
            object.push_str(&format!(
                ",\"title\":{}",
                serde_json::to_string(title).unwrap()
            ));
        }
        object.push_str(&format!(
            ",\"text\":{}}}",
            serde_json::to_string(text).unwrap()
        ));
        if entries > 0 {
            save.push(',');
        }
        ranges.push(save.len()..save.len() + object.len());
        save.push_str(&object);
        entries += 1;
    }
    save.push(']');
    let (damaged, hit) = damage_text(rng, &save);
    let legacy = Legacy {
        workspace: Some(damaged.clone()),
        ..Legacy::default()
    };
    let restored = restore(&Snapshot::default(), &legacy, LIMITS)
        .map_err(|newer| format!("a legacy save read as a newer store: {newer:?}"))?;
    let got = contents(&restored);
    let intact: Vec<(String, String)> = docs
        .iter()
        .zip(&ranges)
        .filter(|(_, range)| !hit.as_ref().is_some_and(|hit| overlaps(hit, range)))
        .map(|((title, text), _)| expected(title, text))
        .filter(|(_, text)| text.len() <= LIMITS.text_bytes)
        .collect();
    totals.documents += docs.len();
    totals.intact += intact.len();
    totals.restored += got.len();
    totals.kept_aside += restored.aside.len();
    let kept_whole = restored.aside.iter().any(|aside| aside.raw == damaged);
    for doc in &intact {
        // Missing only when beyond the most a workspace holds, and then kept aside.
        let beyond_the_limit = got.len() == LIMITS.documents && kept_whole;
        if !got.contains(doc) && !beyond_the_limit {
            return Err(format!(
                "an intact document is missing: {doc:?}\nsave: {damaged:?}\ngot: {got:?}"
            ));
        }
    }
    // Damage that leaves well-formed JSON (a character changed inside a string) cannot
    // be told from an edit; any other is kept.
    let whole = diplomap_app_core::salvage::read_saved(&damaged).is_whole();
    let over = docs.len() > LIMITS.documents
        || docs.iter().any(|(_, text)| text.len() > LIMITS.text_bytes);
    if (!whole || over) && !restored.aside.iter().any(|aside| aside.raw == damaged) {
        return Err(format!(
            "the damaged save was not kept aside whole: {damaged:?}"
        ));
    }
    check_ids(&restored)?;
    repair_and_restore_again(&Snapshot::default(), restored)
}

fn overlaps(a: &std::ops::Range<usize>, b: &std::ops::Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// `text` damaged one way, and the byte range of the original that the damage touched
/// (none when it touched nothing).
fn damage_text(rng: &mut Rng, text: &str) -> (String, Option<std::ops::Range<usize>>) {
    let bytes = text.as_bytes();
    match rng.below(5) {
        0 => (text.to_string(), None),
        1 => {
            // Truncated.
            let cut = rng.below(bytes.len() + 1);
            let damaged = String::from_utf8_lossy(&bytes[..cut]).into_owned();
            (damaged, Some(cut..bytes.len()))
        }
        2 => {
            // Bytes flipped: each damages the character it falls in.
            let mut damaged = bytes.to_vec();
            let mut hit: Option<std::ops::Range<usize>> = None;
            for _ in 0..1 + rng.below(3) {
                let at = rng.below(bytes.len());
                damaged[at] ^= 1 << rng.below(8);
                let start = (0..=at)
                    .rev()
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(0);
                let end = (at + 1..=bytes.len())
                    .find(|&i| text.is_char_boundary(i))
                    .unwrap_or(bytes.len());
                hit = Some(hit.map_or(start..end, |hit| hit.start.min(start)..hit.end.max(end)));
            }
            (String::from_utf8_lossy(&damaged).into_owned(), hit)
        }
        3 => {
            // A stretch replaced by garbage.
            let at = (0..=rng.below(bytes.len() + 1).min(bytes.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap_or(0);
            let garbage = [
                "\u{0}\u{0}",
                "\"",
                "\\",
                "{\"",
                "}",
                "]]]",
                "\\ud800",
                "1e400",
            ];
            let piece = garbage[rng.below(garbage.len())];
            let mut damaged = text[..at].to_string();
            damaged.push_str(piece);
            damaged.push_str(&text[at..]);
            (damaged, Some(at.saturating_sub(1)..at + 1))
        }
        _ => {
            // Deep nesting in front.
            let depth = 50 + rng.below(300);
            (format!("{}{text}", "[".repeat(depth)), Some(0..1))
        }
    }
}

/// A model of the store: records by key, revisions by key, the meta record.
#[derive(Clone, Debug, Default)]
struct Model {
    documents: Vec<(Key, Stored)>,
    revisions: Vec<(Key, Option<f64>)>,
    meta: Option<Stored>,
}

impl Model {
    fn snapshot(&self) -> Snapshot {
        Snapshot {
            meta: self.meta.clone(),
            documents: self.documents.clone(),
            revisions: self.revisions.clone(),
        }
    }
}

/// The store's records, some damaged.
fn store_case(rng: &mut Rng, totals: &mut Totals) -> Result<(), String> {
    let docs = workspace(rng);
    let mut model = Model::default();
    let mut id = 0u64;
    let mut rev = 1u64;
    // (document, whether its record's content is damaged)
    let mut written = Vec::new();
    for (title, text) in &docs {
        id += 1 + rng.below(3) as u64;
        rev += rng.below(2) as u64;
        let title = title.clone().unwrap_or_else(|| derive_title(text));
        let record = diplomap_app_core::doc::encode_record(&title, text);
        let mut key = Key::Number(id as f64);
        let mut content_damaged = false;
        let value = match rng.below(12) {
            0 => {
                let (damaged, hit) = damage_text(rng, &record);
                content_damaged = hit.is_some();
                Stored::Text(damaged)
            }
            1 => {
                content_damaged = true;
                let wrong = ["42", "null", "{\"title\":\"x\"}", "[1,2]", "true"];
                Stored::Other(wrong[rng.below(wrong.len())].to_string())
            }
            2 => {
                let bad = [f64::NAN, -1.0, 0.0, 0.5, 1e300, (MAX_ID as f64) * 4.0];
                key = if rng.chance(3) {
                    Key::Other
                } else {
                    Key::Number(bad[rng.below(bad.len())])
                };
                Stored::Text(record)
            }
            _ => Stored::Text(record),
        };
        let revision = match rng.below(10) {
            0 => None,
            1 => Some(f64::NAN),
            2 => Some(1e300),
            _ => Some(rev as f64),
        };
        model.documents.push((key, value));
        model.revisions.push((key, revision));
        written.push((expected(&Some(title), text), content_damaged));
    }
    model.meta = match rng.below(8) {
        0 => None,
        1 => Some(Stored::Text("{\"format\":2,\"rev\":".into())),
        2 => Some(Stored::Other("7".into())),
        3 => Some(Stored::Text(
            Meta {
                format: FORMAT,
                rev,
                next_id: 1,
            }
            .encode(),
        )),
        4 => Some(Stored::Text(format!(
            "{{\"format\":2,\"rev\":{rev},\"next_id\":18446744073709551615}}"
        ))),
        _ => Some(Stored::Text(
            Meta {
                format: FORMAT,
                rev,
                next_id: id + 1,
            }
            .encode(),
        )),
    };
    let restored = restore(&model.snapshot(), &Legacy::default(), LIMITS)
        .map_err(|newer| format!("read as a newer store: {newer:?}"))?;
    let got = contents(&restored);
    let intact: Vec<&(String, String)> = written
        .iter()
        .filter(|(doc, damaged)| !damaged && doc.1.len() <= LIMITS.text_bytes)
        .map(|(doc, _)| doc)
        .collect();
    totals.documents += docs.len();
    totals.intact += intact.len();
    totals.restored += got.len();
    totals.kept_aside += restored.aside.len();
    if got.len() < intact.len().min(LIMITS.documents) {
        return Err(format!("fewer documents than the damage left: {got:?}"));
    }
    for ((doc, damaged), (_, value)) in written.iter().zip(&model.documents) {
        let raw = match value {
            Stored::Text(raw) | Stored::Other(raw) => raw,
        };
        // An intact document is back, or (beyond the limits) kept aside; a damaged one
        // is read (as the damage left it, when that is well-formed), or kept aside.
        let read = diplomap_app_core::salvage::read_saved(raw);
        let back = match (damaged, read.docs.as_slice()) {
            (false, _) => got.contains(doc),
            (true, [found]) if read.is_whole() => got.iter().any(|(_, text)| *text == found.text),
            (true, _) => false,
        };
        if !back && !restored.aside.iter().any(|aside| &aside.raw == raw) {
            let what = if *damaged {
                "damaged record"
            } else {
                "intact document"
            };
            return Err(format!(
                "a {what} is neither restored nor kept aside: {raw:?}\ngot: {got:?}"
            ));
        }
    }
    check_ids(&restored)?;
    repair_and_restore_again(&model.snapshot(), restored)
}

fn check_ids(restored: &Restored) -> Result<(), String> {
    let docs = &restored.documents;
    let ids: Vec<u64> = docs.iter().map(|doc| doc.id).collect();
    if ids.windows(2).any(|pair| pair[0] >= pair[1]) {
        return Err(format!("ids not unique and ordered: {ids:?}"));
    }
    if ids
        .iter()
        .any(|&id| id == 0 || id >= docs.next_id() || id > MAX_ID)
    {
        return Err(format!(
            "an id out of range: {ids:?}, next {}",
            docs.next_id()
        ));
    }
    if docs.len() > LIMITS.documents {
        return Err(format!("{} documents, over the limit", docs.len()));
    }
    Ok(())
}

/// Saves what the restore asks for (as the app does: records dropped, changes written,
/// the meta record), restores again: the same documents, nothing more to repair.
fn repair_and_restore_again(snapshot: &Snapshot, mut restored: Restored) -> Result<(), String> {
    let mut model = Model {
        documents: snapshot.documents.clone(),
        revisions: snapshot.revisions.clone(),
        meta: snapshot.meta.clone(),
    };
    let first = contents(&restored);
    let drop_documents = restored.drop_documents.clone();
    let drop_revisions = restored.drop_revisions.clone();
    let keys_of = |entries: &[(Key, Stored)], drop: &[usize]| -> Vec<Key> {
        drop.iter().map(|&i| entries[i].0).collect()
    };
    let dropped = keys_of(&model.documents, &drop_documents);
    let dropped_revisions: Vec<Key> = drop_revisions
        .iter()
        .map(|&i| model.revisions[i].0)
        .collect();
    let same = |a: &Key, b: &Key| match (a, b) {
        (Key::Number(x), Key::Number(y)) => x.to_bits() == y.to_bits(),
        (Key::Other, Key::Other) => true,
        _ => false,
    };
    model
        .documents
        .retain(|(key, _)| !dropped.iter().any(|gone| same(gone, key)));
    model.revisions.retain(|(key, _)| {
        !dropped_revisions.iter().any(|gone| same(gone, key))
            && !dropped.iter().any(|gone| same(gone, key))
    });
    let changes = restored.documents.take_changes();
    let stored: Vec<(u64, u64)> = model
        .revisions
        .iter()
        .filter_map(|(key, rev)| match (key, rev) {
            (Key::Number(id), Some(rev)) if changes.ids().any(|changed| changed as f64 == *id) => {
                Some((*id as u64, *rev as u64))
            }
            _ => None,
        })
        .collect();
    let plan = plan(restored.meta, &stored, &changes, LIMITS.title_chars)
        .map_err(|error| format!("the repair cannot be saved: {error:?}"))?;
    for (id, record) in &plan.writes {
        let key = Key::Number(*id as f64);
        model.documents.retain(|(other, _)| !same(other, &key));
        model.revisions.retain(|(other, _)| !same(other, &key));
        model.documents.push((key, Stored::Text(record.clone())));
        model.revisions.push((key, Some(plan.meta.rev as f64)));
    }
    for id in &plan.deletes {
        let key = Key::Number(*id as f64);
        model.documents.retain(|(other, _)| !same(other, &key));
        model.revisions.retain(|(other, _)| !same(other, &key));
    }
    model.meta = Some(Stored::Text(plan.meta.encode()));
    let again = restore(&model.snapshot(), &Legacy::default(), LIMITS)
        .map_err(|newer| format!("the repaired store reads as newer: {newer:?}"))?;
    if contents(&again) != first {
        return Err(format!(
            "the repaired store restores differently:\nfirst: {first:?}\nagain: {:?}",
            contents(&again)
        ));
    }
    if again.needs_save() || !again.aside.is_empty() {
        return Err(format!("the repaired store needs repairs again: {again:?}"));
    }
    Ok(())
}
