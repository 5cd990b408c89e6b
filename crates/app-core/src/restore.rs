//! The workspace back from what the browser holds: the store's records (one per
//! document, their revisions, the meta record) and the saves of earlier versions (a
//! JSON array in `localStorage`, or in IndexedDB when it was too big for it; the copy
//! of a damaged one the old version kept; the single article of the first version).
//!
//! Every document that can be read comes back, within the [`Limits`]: a title is cut,
//! and a text too long, a document beyond the most a workspace holds, a damaged record
//! or save are kept aside whole ([`Aside`]) rather than dropped. Ids are checked: one
//! that is not a whole number from 1 to [`RENUMBER_ABOVE`] gets a new id. Documents of
//! the earlier saves join after the stored ones (those already there, title and text
//! alike, are not added twice), under new ids.
//!
//! Nothing is removed here: [`Restored`] says which records to delete and which older
//! saves are done with, and the app deletes them only once what replaces them is
//! written and read back.

use crate::commit::{Meta, FORMAT};
use crate::doc::{by_id, derive_title, tidy_title, DocRecord, Limits, MAX_ID};
use crate::documents::{Documents, Refusal};
use crate::salvage::{read_saved, Found};

/// A stored id above this is renumbered on restore, so that ids never run out.
pub const RENUMBER_ABOVE: u64 = MAX_ID / 2;

/// The highest revision kept as it is (revisions are JavaScript numbers in the store).
pub const MAX_REV: u64 = MAX_ID;

/// A value as read from the browser.
#[derive(Clone, Debug, PartialEq)]
pub enum Stored {
    Text(String),
    /// Not a string: the value as JSON (or as the browser describes it).
    Other(String),
}

/// A record's key as read from IndexedDB.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Key {
    Number(f64),
    /// A string, a date, an array...: never a key this code writes.
    Other,
}

/// What the store holds, read in one transaction.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Snapshot {
    pub meta: Option<Stored>,
    pub documents: Vec<(Key, Stored)>,
    /// Each document's revision (a number).
    pub revisions: Vec<(Key, Option<f64>)>,
}

/// What earlier versions left in the browser.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Legacy {
    /// The workspace they saved in IndexedDB when it was too big for `localStorage`.
    pub database: Option<Stored>,
    /// The workspace they saved in `localStorage`.
    pub workspace: Option<String>,
    /// A damaged save they moved aside.
    pub unreadable: Option<String>,
    /// The single article of the first version.
    pub article: Option<String>,
}

impl Legacy {
    pub fn is_empty(&self) -> bool {
        *self == Legacy::default()
    }
}

/// Where a document or save came from, to say so and to name its copy.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Source {
    /// The store's record under this key (`None`: a key that is not a number).
    Record(Option<f64>),
    LegacyDatabase,
    LegacyWorkspace,
    LegacyUnreadable,
    LegacyArticle,
}

/// Why something was kept aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Not (wholly) readable.
    Damaged,
    /// A text over the limit.
    TooLong,
    /// More documents than a workspace holds.
    TooMany,
}

/// Something read that is not in the workspace, kept whole to be downloaded.
#[derive(Clone, Debug, PartialEq)]
pub struct Aside {
    pub from: Source,
    pub why: Why,
    pub raw: String,
}

/// What a restore found, for the notice.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// Documents in the workspace.
    pub restored: usize,
    /// Of them, documents from earlier versions' saves.
    pub migrated: usize,
    /// Damaged records or saves (kept aside).
    pub damaged: usize,
    /// Documents whose text is over the limit (kept aside).
    pub too_long: usize,
    /// Documents beyond the most a workspace holds (kept aside).
    pub too_many: usize,
    /// Titles cut to the limit.
    pub titles_cut: usize,
    /// Documents of earlier saves that the workspace already had.
    pub duplicates: usize,
}

/// The workspace restored, and what the app must do to the store to match it.
#[derive(Clone, Debug, PartialEq)]
pub struct Restored {
    /// The documents, with the ones to write (new, renumbered, repaired) as changes.
    pub documents: Documents,
    /// The meta record the store should have.
    pub meta: Meta,
    /// Whether the store's meta record is missing, damaged or behind its records.
    pub meta_stale: bool,
    /// Copies to keep, each to be written and read back before anything is deleted.
    pub aside: Vec<Aside>,
    /// Records (indices into the snapshot's `documents`) to delete once their content
    /// is written again or kept aside.
    pub drop_documents: Vec<usize>,
    /// Revision records (indices into the snapshot's `revisions`) that are damage.
    pub drop_revisions: Vec<usize>,
    /// Ids of the earlier versions' workspace and the ids they have now.
    pub legacy_ids: Vec<(u64, u64)>,
    pub report: Report,
}

impl Restored {
    /// Whether the store needs a save to match the workspace.
    pub fn needs_save(&self) -> bool {
        self.meta_stale
            || self.documents.has_changes()
            || !self.drop_documents.is_empty()
            || !self.drop_revisions.is_empty()
    }
}

/// The store was written by a newer version of Diplomap: it is left as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Newer {
    pub format: u32,
}

/// The workspace from `snapshot` and `legacy`.
pub fn restore(snapshot: &Snapshot, legacy: &Legacy, limits: Limits) -> Result<Restored, Newer> {
    let read_meta = match &snapshot.meta {
        Some(Stored::Text(json)) => match Meta::decode(json) {
            Some(meta) if meta.format > FORMAT => {
                return Err(Newer {
                    format: meta.format,
                })
            }
            Some(meta) if meta.rev <= MAX_REV && meta.next_id <= RENUMBER_ABOVE + 1 => Some(meta),
            _ => None,
        },
        _ => None,
    };
    let mut restoring = Restoring::new(limits);
    let revisions = restoring.revisions(&snapshot.revisions);
    // The stored documents: each with its revision, whether to write it again, and
    // its index in the snapshot.
    let mut kept: Vec<(DocRecord, Option<u64>, bool, usize)> = Vec::new();
    // Documents of records to write again under a new id, with their source and record.
    let mut renumbered: Vec<(Source, Option<String>, String, String)> = Vec::new();
    for (index, (key, value)) in snapshot.documents.iter().enumerate() {
        let id = valid_id(*key);
        let source = Source::Record(match key {
            Key::Number(number) => Some(*number),
            Key::Other => None,
        });
        let (found, whole) = match value {
            Stored::Text(json) => {
                let read = read_saved(json);
                let whole = read.is_whole() && read.docs.len() == 1;
                (read.docs, whole)
            }
            Stored::Other(_) => (Vec::new(), false),
        };
        let raw = || match value {
            Stored::Text(raw) | Stored::Other(raw) => raw.clone(),
        };
        match (id, found.as_slice()) {
            (Some(id), [doc]) if whole => {
                if doc.text.len() > limits.text_bytes {
                    restoring.set_aside(source, Why::TooLong, raw());
                    restoring.drop_documents.push(index);
                    continue;
                }
                let (title, cut) = restoring.title(doc);
                let doc = DocRecord {
                    id,
                    title,
                    text: doc.text.clone(),
                };
                kept.push((doc, revision_of(&revisions, id), cut, index));
            }
            _ => {
                // Damaged, or under a key that is no id: what it holds comes back under
                // a new id, and the record goes once that is written.
                if !whole || found.is_empty() {
                    restoring.set_aside(source, Why::Damaged, raw());
                }
                for doc in &found {
                    if doc.text.len() > limits.text_bytes {
                        restoring.set_aside(source, Why::TooLong, raw());
                        continue;
                    }
                    renumbered.push((source, doc.title.clone(), doc.text.clone(), raw()));
                }
                restoring.drop_documents.push(index);
            }
        }
    }
    let mut kept = by_id(kept, |(doc, ..)| doc.id);
    if kept.len() > limits.documents {
        for (doc, _, _, index) in kept.drain(limits.documents..) {
            if let Some((_, Stored::Text(raw) | Stored::Other(raw))) = snapshot.documents.get(index)
            {
                restoring.set_aside(
                    Source::Record(Some(doc.id as f64)),
                    Why::TooMany,
                    raw.clone(),
                );
            }
            restoring.drop_documents.push(index);
        }
    }
    let max_rev = revisions.iter().map(|(_, rev)| *rev).max().unwrap_or(0);
    let max_key = kept.iter().map(|(doc, ..)| doc.id).max().unwrap_or(0);
    let meta = Meta {
        format: FORMAT,
        rev: read_meta.map_or(0, |meta| meta.rev).max(max_rev),
        next_id: read_meta.map_or(1, |meta| meta.next_id).max(max_key + 1),
    };
    let meta_stale = read_meta != Some(meta);
    let rewrite: Vec<u64> = kept
        .iter()
        .filter(|(_, _, cut, _)| *cut)
        .map(|(doc, ..)| doc.id)
        .collect();
    let kept = kept.into_iter().map(|(doc, rev, ..)| (doc, rev));
    restoring.documents = Documents::stored(limits, kept, meta.next_id);
    for id in rewrite {
        restoring.documents.set_dirty(id);
    }
    restoring.note_contents(0);
    for (source, title, text, raw) in renumbered {
        restoring.add(source, title.as_deref(), text, None, || raw.clone());
    }
    restoring.legacy(legacy, read_meta.is_none() && snapshot.documents.is_empty());
    restoring.report.restored = restoring.documents.len();
    Ok(Restored {
        documents: restoring.documents,
        meta,
        meta_stale,
        aside: restoring.aside,
        drop_documents: restoring.drop_documents,
        drop_revisions: restoring.drop_revisions,
        legacy_ids: restoring.legacy_ids,
        report: restoring.report,
    })
}

/// The revision of document `id` in `revisions` (sorted by id).
fn revision_of(revisions: &[(u64, u64)], id: u64) -> Option<u64> {
    let index = revisions.binary_search_by_key(&id, |(id, _)| *id).ok()?;
    Some(revisions[index].1)
}

/// FNV-1a of a title and a text, to find documents added twice.
fn content_hash(title: &str, text: &str) -> u64 {
    let mut hash: u64 = 0xcbf2_9ce4_8422_2325;
    for byte in title.bytes().chain([0]).chain(text.bytes()) {
        hash = (hash ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
    }
    hash
}

/// A stored key as a document id, if it is one.
fn valid_id(key: Key) -> Option<u64> {
    match key {
        Key::Number(number)
            if number.fract() == 0.0 && number >= 1.0 && number <= RENUMBER_ABOVE as f64 =>
        {
            Some(number as u64)
        }
        _ => None,
    }
}

/// A restore under way.
struct Restoring {
    limits: Limits,
    documents: Documents,
    aside: Vec<Aside>,
    drop_documents: Vec<usize>,
    drop_revisions: Vec<usize>,
    legacy_ids: Vec<(u64, u64)>,
    report: Report,
    /// A hash of every document's title and text, sorted, to add none twice; with
    /// the document's index, to compare when hashes match.
    contents: Vec<(u64, usize)>,
}

impl Restoring {
    fn new(limits: Limits) -> Self {
        Restoring {
            limits,
            documents: Documents::new(limits),
            aside: Vec::new(),
            drop_documents: Vec::new(),
            drop_revisions: Vec::new(),
            legacy_ids: Vec::new(),
            report: Report::default(),
            contents: Vec::new(),
        }
    }

    /// The valid revisions, sorted by id; the others are to be dropped.
    fn revisions(&mut self, revisions: &[(Key, Option<f64>)]) -> Vec<(u64, u64)> {
        let mut valid = Vec::new();
        for (index, (key, rev)) in revisions.iter().enumerate() {
            let rev = rev.filter(|rev| rev.fract() == 0.0 && *rev >= 0.0 && *rev <= MAX_REV as f64);
            match (valid_id(*key), rev) {
                (Some(id), Some(rev)) => valid.push((id, rev as u64)),
                _ => self.drop_revisions.push(index),
            }
        }
        valid.sort_unstable();
        valid
    }

    /// A found document's title: its own, tidied, else derived from its text; and
    /// whether it was cut.
    fn title(&mut self, doc: &Found) -> (String, bool) {
        let (title, cut) = tidy_title(doc.title.as_deref().unwrap_or(""), self.limits.title_chars);
        if cut {
            self.report.titles_cut += 1;
        }
        if title.is_empty() {
            (derive_title(&doc.text), false)
        } else {
            (title, cut)
        }
    }

    /// Keeps `raw` aside (once: several documents of one damaged save share it).
    fn set_aside(&mut self, from: Source, why: Why, raw: String) {
        match why {
            Why::Damaged => self.report.damaged += 1,
            Why::TooLong => self.report.too_long += 1,
            Why::TooMany => self.report.too_many += 1,
        }
        if !self
            .aside
            .iter()
            .any(|aside| aside.from == from && aside.raw == raw)
        {
            self.aside.push(Aside { from, why, raw });
        }
    }

    /// Whether the workspace has a document of this title and text already.
    fn has(&self, title: &str, text: &str) -> bool {
        let hash = content_hash(title, text);
        let from = self.contents.partition_point(|(other, _)| *other < hash);
        self.contents[from..]
            .iter()
            .take_while(|(other, _)| *other == hash)
            .any(|(_, index)| {
                let doc = &self.documents[*index];
                doc.title == title && doc.text == text
            })
    }

    /// Notes the content of the workspace's documents from `from` on.
    fn note_contents(&mut self, from: usize) {
        for index in from..self.documents.len() {
            let doc = &self.documents[index];
            let hash = content_hash(&doc.title, &doc.text);
            let at = self.contents.partition_point(|(other, _)| *other < hash);
            self.contents.insert(at, (hash, index));
        }
    }

    /// Adds a document found outside the store's records (a renumbered record or an
    /// earlier version's save) under a new id, unless the workspace has it already;
    /// `raw` is the save it came from, kept aside if the document cannot join.
    fn add(
        &mut self,
        from: Source,
        title: Option<&str>,
        text: String,
        old_id: Option<u64>,
        raw: impl Fn() -> String,
    ) -> bool {
        let (tidy, cut) = tidy_title(title.unwrap_or(""), self.limits.title_chars);
        let title = if tidy.is_empty() {
            derive_title(&text)
        } else {
            tidy
        };
        if self.documents.room() > 0 && self.has(&title, &text) {
            self.report.duplicates += 1;
            return true;
        }
        match self.documents.add(Some(&title), text) {
            Ok(added) => {
                self.report.titles_cut += usize::from(cut);
                self.note_contents(self.documents.len() - 1);
                if let Some(old) =
                    old_id.filter(|old| !self.legacy_ids.iter().any(|(id, _)| id == old))
                {
                    self.legacy_ids.push((old, added.id));
                }
                true
            }
            Err(refusal) => {
                let why = match refusal {
                    Refusal::TooLong { .. } => Why::TooLong,
                    Refusal::Full { .. } | Refusal::NoIdsLeft => Why::TooMany,
                };
                self.set_aside(from, why, raw());
                false
            }
        }
    }

    /// The earlier versions' saves, after the store's documents. Their single article
    /// counts only where nothing else was ever saved (as it did for them).
    fn legacy(&mut self, legacy: &Legacy, store_is_new: bool) {
        let before = self.documents.len();
        let database = match &legacy.database {
            Some(Stored::Text(json)) => Some(json.as_str()),
            Some(Stored::Other(raw)) => {
                self.set_aside(Source::LegacyDatabase, Why::Damaged, raw.clone());
                None
            }
            None => None,
        };
        let saves = [
            (Source::LegacyDatabase, database),
            (Source::LegacyWorkspace, legacy.workspace.as_deref()),
            (Source::LegacyUnreadable, legacy.unreadable.as_deref()),
        ];
        for (source, save) in saves {
            let Some(save) = save else { continue };
            let read = read_saved(save);
            // The copy the old version moved aside is kept as it is, whatever it holds.
            if !read.is_whole() || source == Source::LegacyUnreadable {
                self.set_aside(source, Why::Damaged, save.to_string());
            }
            for doc in read.docs {
                let id = doc.id.filter(|_| source != Source::LegacyUnreadable);
                self.add(source, doc.title.as_deref(), doc.text, id, || {
                    save.to_string()
                });
            }
        }
        let no_workspace = database.is_none() && legacy.workspace.is_none();
        if let (Some(article), true) = (&legacy.article, store_is_new && no_workspace) {
            if !article.trim().is_empty() {
                self.add(
                    Source::LegacyArticle,
                    None,
                    article.clone(),
                    Some(1),
                    || article.clone(),
                );
            }
        }
        self.report.migrated = self.documents.len() - before;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(title: &str, text: &str) -> Stored {
        Stored::Text(crate::doc::encode_record(title, text))
    }

    fn meta(rev: u64, next_id: u64) -> Option<Stored> {
        Some(Stored::Text(
            Meta {
                format: FORMAT,
                rev,
                next_id,
            }
            .encode(),
        ))
    }

    fn texts(restored: &Restored) -> Vec<&str> {
        restored
            .documents
            .iter()
            .map(|doc| doc.text.as_str())
            .collect()
    }

    fn legacy_save(docs: &[(u64, &str, &str)]) -> String {
        let docs: Vec<serde_json::Value> = docs
            .iter()
            .map(|(id, title, text)| serde_json::json!({"id": id, "title": title, "text": text}))
            .collect();
        serde_json::to_string(&docs).unwrap()
    }

    #[test]
    fn a_sound_store_comes_back_as_it_is() {
        let snapshot = Snapshot {
            meta: meta(9, 4),
            documents: vec![
                (Key::Number(3.0), record("Three", "three")),
                (Key::Number(1.0), record("One", "one")),
            ],
            revisions: vec![(Key::Number(1.0), Some(2.0)), (Key::Number(3.0), Some(9.0))],
        };
        let restored = restore(&snapshot, &Legacy::default(), Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["one", "three"]);
        assert!(!restored.needs_save(), "{restored:?}");
        assert_eq!(restored.documents.next_id(), 4);
        assert!(restored.aside.is_empty());
    }

    #[test]
    fn a_store_of_a_newer_version_is_left_alone() {
        let snapshot = Snapshot {
            meta: Some(Stored::Text(r#"{"format":3,"rev":1,"next_id":2}"#.into())),
            ..Snapshot::default()
        };
        assert_eq!(
            restore(&snapshot, &Legacy::default(), Limits::APP),
            Err(Newer { format: 3 })
        );
    }

    #[test]
    fn damaged_records_lose_only_themselves_and_are_kept_aside() {
        let snapshot = Snapshot {
            meta: meta(5, 1),
            documents: vec![
                (Key::Number(1.0), record("One", "one")),
                (
                    Key::Number(2.0),
                    Stored::Text("{\"title\":\"Two\",\"te".into()),
                ),
                (Key::Number(3.0), Stored::Other("42".into())),
                (Key::Other, record("Keyed badly", "four")),
                (Key::Number(1e300), record("Huge id", "five")),
                (Key::Number(6.0), record(&"t".repeat(500), "six")),
            ],
            revisions: vec![
                (Key::Number(1.0), Some(1.0)),
                (Key::Number(6.0), Some(2.0)),
                (Key::Other, Some(1.0)),
                (Key::Number(2.0), Some(f64::NAN)),
            ],
        };
        let restored = restore(&snapshot, &Legacy::default(), Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["one", "six", "four", "five"]);
        assert_eq!(restored.drop_documents, [1, 2, 3, 4]);
        assert_eq!(restored.drop_revisions, [2, 3]);
        assert_eq!(restored.report.damaged, 2);
        assert_eq!(restored.report.titles_cut, 1);
        assert_eq!(restored.aside.len(), 2);
        assert_eq!(restored.aside[1].raw, "42");
        // The next id is past every id, whatever the meta record said.
        assert_eq!(restored.documents.next_id(), 9);
        assert!(restored.meta_stale && restored.needs_save());
        let ids: Vec<u64> = restored.documents.iter().map(|doc| doc.id).collect();
        assert_eq!(ids, [1, 6, 7, 8]);
        // The cut title, and the renumbered ones, are written again.
        let mut documents = restored.documents.clone();
        let puts = documents.take_changes().puts;
        assert_eq!(
            puts.iter().map(|put| put.doc.id).collect::<Vec<_>>(),
            [6, 7, 8]
        );
    }

    #[test]
    fn limits_hold_on_restore() {
        let small = Limits {
            title_chars: 10,
            text_bytes: 10,
            documents: 2,
        };
        let snapshot = Snapshot {
            meta: meta(1, 5),
            documents: (1..=4)
                .map(|id| (Key::Number(id as f64), record("T", &format!("text {id}"))))
                .chain([(Key::Number(5.0), record("Long", "a text over ten bytes"))])
                .collect(),
            revisions: Vec::new(),
        };
        let restored = restore(&snapshot, &Legacy::default(), small).unwrap();
        assert_eq!(texts(&restored), ["text 1", "text 2"]);
        assert_eq!((restored.report.too_long, restored.report.too_many), (1, 2));
        assert_eq!(restored.aside.len(), 3);
        assert_eq!(restored.drop_documents, [4, 2, 3]);
    }

    #[test]
    fn earlier_saves_migrate_in_their_order_with_new_ids() {
        let legacy = Legacy {
            workspace: Some(legacy_save(&[
                (18446744073709551615, "Max", "max"),
                (7, "Seven", "seven"),
            ])),
            article: Some("the first version's article".into()),
            ..Legacy::default()
        };
        let restored = restore(&Snapshot::default(), &legacy, Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["max", "seven"]);
        assert_eq!(restored.legacy_ids, [(u64::MAX, 1), (7, 2)]);
        assert_eq!(restored.report.migrated, 2);
        assert!(restored.aside.is_empty());
        let ids: Vec<u64> = restored.documents.iter().map(|doc| doc.id).collect();
        assert_eq!(ids, [1, 2]);
        assert_eq!(restored.documents.next_id(), 3);

        // The first version's article, when nothing else was saved.
        let legacy = Legacy {
            article: Some("Oil rose 4%.".into()),
            ..Legacy::default()
        };
        let restored = restore(&Snapshot::default(), &legacy, Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["Oil rose 4%."]);
    }

    #[test]
    fn every_earlier_save_is_read_and_nothing_is_added_twice() {
        let saved = legacy_save(&[(1, "A", "a"), (2, "B", "b")]);
        let legacy = Legacy {
            database: Some(Stored::Text(saved.clone())),
            workspace: Some(legacy_save(&[(1, "A", "a"), (3, "C", "c")])),
            unreadable: Some(format!("{}garbage", &saved[..saved.len() - 2])),
            article: Some("ignored: a workspace was saved".into()),
        };
        let snapshot = Snapshot {
            meta: meta(1, 2),
            documents: vec![(Key::Number(1.0), record("B", "b"))],
            revisions: vec![(Key::Number(1.0), Some(1.0))],
        };
        let restored = restore(&snapshot, &legacy, Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["b", "a", "c"]);
        assert_eq!(restored.report.duplicates, 3);
        // The damaged copy is kept aside as it was.
        assert_eq!(restored.aside.len(), 1);
        assert_eq!(restored.aside[0].from, Source::LegacyUnreadable);
    }

    #[test]
    fn a_damaged_earlier_save_gives_back_what_it_can_and_is_kept() {
        let save = legacy_save(&[(1, "A", "a"), (2, "B", "b"), (3, "C", "c")]);
        let cut = &save[..save.len() - 12];
        let legacy = Legacy {
            workspace: Some(cut.to_string()),
            ..Legacy::default()
        };
        let restored = restore(&Snapshot::default(), &legacy, Limits::APP).unwrap();
        assert_eq!(texts(&restored), ["a", "b"]);
        assert_eq!(restored.report.damaged, 1);
        assert_eq!(
            restored.aside,
            [Aside {
                from: Source::LegacyWorkspace,
                why: Why::Damaged,
                raw: cut.to_string()
            }]
        );
    }
}
