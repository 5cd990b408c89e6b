//! The workspace's documents as this tab holds them, with the bookkeeping that makes
//! saving a transaction rather than a snapshot: which stored revision each document
//! was read at, which documents changed here since, and which stored ones were deleted
//! here. Every edit goes through [`Documents`], which applies the [`Limits`] and notes
//! the change; [`Documents::take_changes`] hands the changes to a save, and
//! [`Documents::settle`] takes back what the save did with them.

use std::ops::Deref;

use crate::commit::{DeleteOutcome, Outcome, PutOutcome};
use crate::doc::{by_id, derive_title, tidy_title, DocRecord, Limits, MAX_ID};
use crate::journal;

/// The documents of the workspace, in the order of their ids (the order they were
/// added in), with what this tab has not saved yet.
#[derive(Clone, Debug, PartialEq)]
pub struct Documents {
    docs: Vec<DocRecord>,
    /// Beside each document (same index), what this tab knows of its stored copy.
    marks: Vec<Mark>,
    /// The id the next document gets (no document has it or a higher one).
    next_id: u64,
    limits: Limits,
    /// Stored documents deleted here and not yet in the store, with their revisions.
    deleted: Vec<Delete>,
    /// The documents of the save under way: what another tab did to them meanwhile
    /// is read again once the save is settled ([`Self::recheck`]).
    saving: Vec<u64>,
    /// The deletes of the save under way.
    deleting: Vec<Delete>,
    /// Documents another tab changed during the save under way.
    recheck: Vec<u64>,
}

/// What this tab knows of a document's stored copy.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
struct Mark {
    /// The stored copy's revision, as this tab last saw it (none: not stored yet).
    stored: Option<u64>,
    /// Changed or added here and not saved yet.
    dirty: bool,
}

impl Deref for Documents {
    type Target = [DocRecord];

    fn deref(&self) -> &[DocRecord] {
        &self.docs
    }
}

/// Why something was not taken in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Refusal {
    /// The workspace holds the most documents it takes.
    Full { documents: usize },
    /// The text is over the limit.
    TooLong { bytes: usize, limit: usize },
    /// Every id up to [`MAX_ID`] was given out (only a crafted save comes near).
    NoIdsLeft,
}

/// A document added: its id, and whether its title was cut to the limit.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Added {
    pub id: u64,
    pub title_cut: bool,
}

/// A document deleted here: where it was and what it was, for an undo.
#[derive(Clone, Debug, PartialEq)]
pub struct Removed {
    pub index: usize,
    pub doc: DocRecord,
}

/// What a save should do: write these documents, delete these stored ones.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Changes {
    pub puts: Vec<Put>,
    pub deletes: Vec<Delete>,
}

impl Changes {
    pub fn is_empty(&self) -> bool {
        self.puts.is_empty() && self.deletes.is_empty()
    }

    /// Every id the changes touch.
    pub fn ids(&self) -> impl Iterator<Item = u64> + '_ {
        let puts = self.puts.iter().map(|put| put.doc.id);
        puts.chain(self.deletes.iter().map(|delete| delete.id))
    }
}

/// A document to write, and the stored revision it replaces (none for a new one).
#[derive(Clone, Debug, PartialEq)]
pub struct Put {
    pub doc: DocRecord,
    pub expect: Option<u64>,
}

/// A stored document to delete, at the revision this tab saw.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Delete {
    pub id: u64,
    pub rev: u64,
}

/// What a save or another tab's change did to the documents of this tab, for the page.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// A document has another id now (the one it had was taken in the store).
    Renumbered { from: u64, to: u64 },
    /// This tab's version of a document was kept as a new document (another tab changed
    /// it meanwhile); the original comes back from the store.
    Copied { from: u64, to: u64 },
    /// Read this document from the store again: another tab changed it.
    Refresh(u64),
    /// A document came from another tab, or changed there.
    Updated(u64),
    /// A document was deleted in another tab.
    Deleted(u64),
}

impl Documents {
    /// No documents.
    pub fn new(limits: Limits) -> Self {
        Documents {
            docs: Vec::new(),
            marks: Vec::new(),
            next_id: 1,
            limits,
            deleted: Vec::new(),
            saving: Vec::new(),
            deleting: Vec::new(),
            recheck: Vec::new(),
        }
    }

    /// Documents read from the store: `(document, its revision)` in any order; the next
    /// id comes after `next_id` and every id given. Ids must be in `1..=MAX_ID`
    /// ([`crate::restore`] sees to it).
    pub fn stored(
        limits: Limits,
        docs: impl IntoIterator<Item = (DocRecord, Option<u64>)>,
        next_id: u64,
    ) -> Self {
        let mut documents = Documents::new(limits);
        documents.next_id = next_id.max(1);
        let docs: Vec<(DocRecord, Mark)> = docs
            .into_iter()
            .map(|(doc, rev)| {
                let mark = Mark {
                    stored: rev,
                    dirty: rev.is_none(),
                };
                (doc, mark)
            })
            .collect();
        for (doc, mark) in by_id(docs, |(doc, _)| doc.id) {
            documents.next_id = documents.next_id.max(doc.id.saturating_add(1));
            documents.docs.push(doc);
            documents.marks.push(mark);
        }
        documents
    }

    pub fn limits(&self) -> Limits {
        self.limits
    }

    pub fn next_id(&self) -> u64 {
        self.next_id
    }

    /// The document `id`.
    pub fn get(&self, id: u64) -> Option<&DocRecord> {
        self.position(id).ok().map(|index| &self.docs[index])
    }

    /// How many more documents the workspace takes.
    pub fn room(&self) -> usize {
        self.limits.documents.saturating_sub(self.docs.len())
    }

    /// Whether `text` may be a document's text.
    pub fn admits(&self, text: &str) -> Result<(), Refusal> {
        if text.len() > self.limits.text_bytes {
            return Err(Refusal::TooLong {
                bytes: text.len(),
                limit: self.limits.text_bytes,
            });
        }
        Ok(())
    }

    /// Adds a document; its title is `title` (tidied, cut to the limit) or the text's own.
    pub fn add(&mut self, title: Option<&str>, text: String) -> Result<Added, Refusal> {
        if self.room() == 0 {
            return Err(Refusal::Full {
                documents: self.limits.documents,
            });
        }
        self.admits(&text)?;
        let id = self.take_id()?;
        let (title, title_cut) = self.title_or_derived(title, &text);
        self.insert(DocRecord { id, title, text }, Mark::default());
        self.set_dirty(id);
        Ok(Added { id, title_cut })
    }

    /// Renames a document (a blank name gives it back its automatic title); `Some(cut)`
    /// if there is such a document, `cut` when the name was cut to the limit.
    pub fn rename(&mut self, id: u64, title: &str) -> Option<bool> {
        let (title, cut) = tidy_title(title, self.limits.title_chars);
        let index = self.position(id).ok()?;
        let doc = &mut self.docs[index];
        doc.title = if title.is_empty() {
            derive_title(&doc.text)
        } else {
            title
        };
        self.marks[index].dirty = true;
        Some(cut)
    }

    /// New text for a document; `Ok(false)` if there is no such document. A title that
    /// was the automatic one follows the text; one the reader chose stays.
    pub fn set_text(&mut self, id: u64, text: String) -> Result<bool, Refusal> {
        self.admits(&text)?;
        let Ok(index) = self.position(id) else {
            return Ok(false);
        };
        let doc = &mut self.docs[index];
        if doc.text == text {
            return Ok(true);
        }
        if doc.title == derive_title(&doc.text) {
            doc.title = derive_title(&text);
        }
        doc.text = text;
        self.marks[index].dirty = true;
        Ok(true)
    }

    /// Deletes a document; returns where it was and what it was, for an undo.
    pub fn remove(&mut self, id: u64) -> Option<Removed> {
        let index = self.position(id).ok()?;
        let (doc, mark) = self.remove_at(index);
        if let Some(rev) = mark.stored {
            self.note_deleted(id, rev);
        }
        Some(Removed { index, doc })
    }

    /// Puts a deleted document back (under its id unless that was taken since).
    pub fn undo_remove(&mut self, removed: Removed) -> Result<u64, Refusal> {
        let mut doc = removed.doc;
        if self.room() == 0 {
            return Err(Refusal::Full {
                documents: self.limits.documents,
            });
        }
        let mut mark = Mark {
            stored: None,
            dirty: true,
        };
        match self.position(doc.id) {
            Ok(_) => doc.id = self.take_id()?,
            // Not deleted in the store yet: it is still there, at that revision.
            Err(_) => mark.stored = self.take_deleted(doc.id),
        }
        let id = doc.id;
        self.insert(doc, mark);
        Ok(id)
    }

    /// The document to show after the one at `index` was removed: the next, else the
    /// previous.
    pub fn neighbour(&self, index: usize) -> Option<u64> {
        self.docs
            .get(index)
            .or_else(|| index.checked_sub(1).and_then(|i| self.docs.get(i)))
            .map(|doc| doc.id)
    }

    /// Whether anything is waiting to be saved.
    pub fn has_changes(&self) -> bool {
        self.marks.iter().any(|mark| mark.dirty) || !self.deleted.is_empty()
    }

    /// Notes document `id` as changed (one restored with a repair to write).
    pub(crate) fn set_dirty(&mut self, id: u64) {
        if let Some(mark) = self.mark_mut(id) {
            mark.dirty = true;
        }
    }

    /// Whether document `id` has changes here that are not saved.
    pub fn is_dirty(&self, id: u64) -> bool {
        self.mark(id).is_some_and(|mark| mark.dirty)
    }

    /// The changes to save; they count as saved unless handed back to [`Self::requeue`].
    /// Until the save is settled ([`Self::settle`]) its documents count as changed here.
    pub fn take_changes(&mut self) -> Changes {
        let mut puts = Vec::new();
        for (doc, mark) in self.docs.iter().zip(&mut self.marks) {
            if std::mem::take(&mut mark.dirty) {
                puts.push(Put {
                    doc: doc.clone(),
                    expect: mark.stored,
                });
            }
        }
        let deletes = std::mem::take(&mut self.deleted);
        let changes = Changes { puts, deletes };
        self.saving = changes.ids().collect();
        self.deleting.clone_from(&changes.deletes);
        changes
    }

    /// The stored documents deleted here that may still be in the store (their deletes
    /// wait, or are in the save under way), but for any put back since: what must
    /// still be deleted if the page is gone before the save is done, as the entries of
    /// [`crate::journal`].
    pub fn unsaved_deletes(&self) -> String {
        let mut note = String::new();
        for delete in self.deleted.iter().chain(&self.deleting) {
            if self.get(delete.id).is_none() {
                note += &journal::entry(delete.id, delete.rev);
            }
        }
        note
    }

    /// Deletes each document that `note` ([`crate::journal`]) says was deleted as it
    /// is stored, unchanged here: never a version the reader did not delete. Returns
    /// what was deleted, for the undo.
    pub fn remove_noted(&mut self, note: &str) -> Vec<Removed> {
        let mut removed = Vec::new();
        let mut index = 0;
        while let (Some(doc), Some(mark)) = (self.docs.get(index), self.marks.get(index)) {
            match mark.stored {
                Some(rev) if !mark.dirty && note.contains(&journal::entry(doc.id, rev)) => {
                    removed.extend(self.remove(doc.id));
                }
                _ => index += 1,
            }
        }
        removed
    }

    /// Changes that could not be saved are changes again (unless superseded meanwhile).
    /// Returns the documents to read again (another tab changed them meanwhile).
    pub fn requeue(&mut self, changes: Changes) -> Vec<Effect> {
        self.saving.clear();
        self.deleting.clear();
        for put in changes.puts {
            self.set_dirty(put.doc.id);
        }
        for delete in changes.deletes {
            let known = self.deleted.iter().any(|other| other.id == delete.id);
            if self.get(delete.id).is_none() && !known {
                self.deleted.push(delete);
            }
        }
        self.recheck.drain(..).map(Effect::Refresh).collect()
    }

    /// Takes in what a save did (this tab may have changed more meanwhile).
    pub fn settle(&mut self, outcome: &Outcome) -> Vec<Effect> {
        self.next_id = self.next_id.max(outcome.next_id);
        let mut effects = Vec::new();
        for put in &outcome.puts {
            match put {
                PutOutcome::Written { id } => self.written(*id, outcome.rev),
                PutOutcome::Moved { from, to, title } => {
                    let copy = title.is_some();
                    self.make_room(*to, &mut effects);
                    match self.position(*from) {
                        Ok(index) => {
                            // This tab may have read `to` already, as another tab said it
                            // changed, before this save settled: then its reader deleted
                            // the save's own copy, and what moves there now (perhaps
                            // typed into since) must not go with it.
                            self.take_deleted(*to);
                            let (mut doc, mut mark) = self.remove_at(index);
                            doc.id = *to;
                            if let Some(title) = title {
                                doc.title = title.clone();
                            }
                            mark.stored = Some(outcome.rev);
                            self.insert(doc, mark);
                            effects.push(match copy {
                                true => Effect::Copied {
                                    from: *from,
                                    to: *to,
                                },
                                false => Effect::Renumbered {
                                    from: *from,
                                    to: *to,
                                },
                            });
                        }
                        // Deleted here while it was saved: delete what was saved.
                        Err(_) => self.note_deleted(*to, outcome.rev),
                    }
                    if copy {
                        // The stored `from` is another tab's version: read it again.
                        effects.push(Effect::Refresh(*from));
                    }
                }
            }
        }
        for delete in &outcome.deletes {
            if let DeleteOutcome::Kept(id) = delete {
                effects.push(Effect::Refresh(*id));
            }
        }
        self.saving.clear();
        self.deleting.clear();
        for id in std::mem::take(&mut self.recheck) {
            if !effects.contains(&Effect::Refresh(id)) {
                effects.push(Effect::Refresh(id));
            }
        }
        effects
    }

    /// Document `id` was written at `rev`.
    fn written(&mut self, id: u64, rev: u64) {
        self.next_id = self.next_id.max(id.saturating_add(1));
        match self.mark_mut(id) {
            Some(mark) => mark.stored = Some(rev),
            // Deleted here while it was saved: delete what was saved.
            None => self.note_deleted(id, rev),
        }
    }

    /// Takes in document `id` as the store has it now (`None`: deleted there), read
    /// after another tab said it changed it. Changes of this tab not saved yet win: the
    /// save sorts them out.
    pub fn apply_stored(&mut self, id: u64, stored: Option<(u64, DocRecord)>) -> Vec<Effect> {
        let mut effects = Vec::new();
        if self.saving.contains(&id) {
            // What the save under way does to it is not known yet: read it after.
            if !self.recheck.contains(&id) {
                self.recheck.push(id);
            }
            return effects;
        }
        if self.deleted.iter().any(|deleted| deleted.id == id) {
            return effects;
        }
        let here = self.mark(id).copied();
        let is_new_here = here.is_some_and(|mark| mark.stored.is_none());
        let dirty = here.is_some_and(|mark| mark.dirty);
        match stored {
            Some((rev, mut doc)) => {
                self.next_id = self.next_id.max(id.saturating_add(1));
                if is_new_here {
                    // Two tabs gave out the same id: this tab's document takes another.
                    self.make_room(id, &mut effects);
                } else if dirty || here.is_some_and(|mark| mark.stored == Some(rev)) {
                    return effects;
                }
                if self.admits(&doc.text).is_err() {
                    return effects;
                }
                doc.id = id;
                doc.title = self.title_or_derived(Some(&doc.title), &doc.text).0;
                let mark = Mark {
                    stored: Some(rev),
                    dirty: false,
                };
                match self.position(id) {
                    Ok(index) => {
                        self.docs[index] = doc;
                        self.marks[index] = mark;
                    }
                    Err(_) => self.insert(doc, mark),
                }
                effects.push(Effect::Updated(id));
            }
            None => {
                if let (
                    Some(Mark {
                        stored: Some(_),
                        dirty: false,
                    }),
                    Ok(index),
                ) = (here, self.position(id))
                {
                    self.remove_at(index);
                    effects.push(Effect::Deleted(id));
                }
            }
        }
        effects
    }

    /// Makes `id` free here: a document of this tab not saved yet that has it takes the
    /// next free id.
    fn make_room(&mut self, id: u64, effects: &mut Vec<Effect>) {
        self.next_id = self.next_id.max(id.saturating_add(1));
        let Ok(index) = self.position(id) else {
            return;
        };
        let Ok(to) = self.take_id() else {
            return;
        };
        let (mut doc, _) = self.remove_at(index);
        doc.id = to;
        let mark = Mark {
            stored: None,
            dirty: true,
        };
        self.insert(doc, mark);
        effects.push(Effect::Renumbered { from: id, to });
    }

    /// Adds the documents made while the workspace was being restored (those with any
    /// text; a blank one was only the placeholder) after the restored ones, under new
    /// ids. Returns each one's old and new id.
    pub fn adopt(&mut self, made_meanwhile: Documents) -> Vec<(u64, u64)> {
        let mut moved = Vec::new();
        for doc in made_meanwhile.docs {
            if doc.text.trim().is_empty() {
                continue;
            }
            let title = (doc.title != derive_title(&doc.text)).then_some(doc.title.as_str());
            if let Ok(added) = self.add(title, doc.text.clone()) {
                moved.push((doc.id, added.id));
            }
        }
        moved
    }

    /// The next free id, or none when every id up to [`MAX_ID`] was given out.
    fn take_id(&mut self) -> Result<u64, Refusal> {
        let id = self.next_id;
        if id > MAX_ID {
            return Err(Refusal::NoIdsLeft);
        }
        self.next_id = id.checked_add(1).ok_or(Refusal::NoIdsLeft)?;
        Ok(id)
    }

    fn title_or_derived(&self, title: Option<&str>, text: &str) -> (String, bool) {
        let (title, cut) = tidy_title(title.unwrap_or(""), self.limits.title_chars);
        if title.is_empty() {
            (derive_title(text), false)
        } else {
            (title, cut)
        }
    }

    fn position(&self, id: u64) -> Result<usize, usize> {
        self.docs.binary_search_by_key(&id, |doc| doc.id)
    }

    fn insert(&mut self, doc: DocRecord, mark: Mark) {
        let index = self.position(doc.id).unwrap_or_else(|index| index);
        self.docs.insert(index, doc);
        self.marks.insert(index, mark);
    }

    fn remove_at(&mut self, index: usize) -> (DocRecord, Mark) {
        (self.docs.remove(index), self.marks.remove(index))
    }

    fn mark(&self, id: u64) -> Option<&Mark> {
        self.position(id).ok().map(|index| &self.marks[index])
    }

    fn mark_mut(&mut self, id: u64) -> Option<&mut Mark> {
        self.position(id).ok().map(|index| &mut self.marks[index])
    }

    /// Stored document `id` is to be deleted, at revision `rev`.
    fn note_deleted(&mut self, id: u64, rev: u64) {
        self.take_deleted(id);
        self.deleted.push(Delete { id, rev });
    }

    /// The revision of stored document `id`, if it was to be deleted (now it is not).
    fn take_deleted(&mut self, id: u64) -> Option<u64> {
        let index = self.deleted.iter().position(|deleted| deleted.id == id)?;
        Some(self.deleted.swap_remove(index).rev)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const SMALL: Limits = Limits {
        title_chars: 20,
        text_bytes: 100,
        documents: 3,
    };

    #[test]
    fn adds_renames_deletes_and_undoes() {
        let mut docs = Documents::new(Limits::APP);
        let first = docs
            .add(None, "# Talks in Astana\n\nBody.".into())
            .unwrap()
            .id;
        let second = docs.add(Some("  Mine "), "Text".into()).unwrap().id;
        let third = docs.add(None, String::new()).unwrap().id;
        assert_eq!((first, second, third), (1, 2, 3));
        let titles: Vec<&str> = docs.iter().map(|doc| doc.title.as_str()).collect();
        assert_eq!(titles, ["Talks in Astana", "Mine", "Untitled"]);
        // An automatic title follows the text; a chosen one stays.
        docs.set_text(third, "Fresh news\nmore".into()).unwrap();
        assert_eq!(docs[2].title, "Fresh news");
        assert_eq!(docs.rename(third, "  Chosen   name "), Some(false));
        docs.set_text(third, "Other".into()).unwrap();
        assert_eq!(docs[2].title, "Chosen name");
        docs.rename(third, "   ");
        assert_eq!(docs[2].title, "Other");
        assert_eq!(docs.rename(99, "x"), None);

        let removed = docs.remove(second).unwrap();
        assert_eq!((removed.index, removed.doc.title.as_str()), (1, "Mine"));
        assert_eq!(docs.neighbour(removed.index), Some(third));
        assert_eq!(docs.undo_remove(removed).unwrap(), second);
        assert_eq!(docs.iter().map(|d| d.id).collect::<Vec<_>>(), [1, 2, 3]);
        assert!(docs.remove(42).is_none());
    }

    #[test]
    fn limits_hold_for_every_way_in() {
        let mut docs = Documents::new(SMALL);
        let added = docs.add(Some(&"t".repeat(100_000)), "a".into()).unwrap();
        assert!(added.title_cut);
        assert_eq!(docs[0].title.chars().count(), 20);
        assert_eq!(
            docs.add(None, "x".repeat(101)),
            Err(Refusal::TooLong {
                bytes: 101,
                limit: 100
            })
        );
        assert_eq!(
            docs.set_text(added.id, "x".repeat(101)),
            Err(Refusal::TooLong {
                bytes: 101,
                limit: 100
            })
        );
        assert_eq!(docs.rename(added.id, &"n ".repeat(50)), Some(true));
        docs.add(None, "b".into()).unwrap();
        docs.add(None, "c".into()).unwrap();
        assert_eq!(docs.room(), 0);
        assert_eq!(
            docs.add(None, "d".into()),
            Err(Refusal::Full { documents: 3 })
        );
    }

    #[test]
    fn ids_never_wrap() {
        let mut docs = Documents::stored(Limits::APP, [(doc(MAX_ID, "last"), Some(1))], 0);
        assert_eq!(docs.add(None, "more".into()), Err(Refusal::NoIdsLeft));
        let mut docs = Documents::stored(Limits::APP, [], u64::MAX);
        assert_eq!(docs.add(None, "more".into()), Err(Refusal::NoIdsLeft));
    }

    fn doc(id: u64, text: &str) -> DocRecord {
        DocRecord {
            id,
            title: derive_title(text),
            text: text.to_string(),
        }
    }

    #[test]
    fn changes_name_the_revisions_they_replace() {
        let mut docs = Documents::stored(
            Limits::APP,
            [(doc(1, "one"), Some(4)), (doc(2, "two"), Some(5))],
            3,
        );
        assert!(!docs.has_changes());
        docs.set_text(1, "one more".into()).unwrap();
        docs.remove(2).unwrap();
        let added = docs.add(None, "three".into()).unwrap().id;
        let changes = docs.take_changes();
        assert_eq!(
            changes
                .puts
                .iter()
                .map(|put| (put.doc.id, put.expect))
                .collect::<Vec<_>>(),
            [(1, Some(4)), (added, None)]
        );
        assert_eq!(changes.deletes, [Delete { id: 2, rev: 5 }]);
        assert!(!docs.has_changes());
        docs.requeue(changes);
        assert!(docs.is_dirty(1) && docs.is_dirty(added));
        assert_eq!(docs.take_changes().deletes.len(), 1);
    }

    #[test]
    fn an_undo_before_the_delete_is_saved_keeps_the_stored_revision() {
        let mut docs = Documents::stored(Limits::APP, [(doc(1, "one"), Some(4))], 2);
        let removed = docs.remove(1).unwrap();
        docs.undo_remove(removed).unwrap();
        let changes = docs.take_changes();
        assert_eq!(changes.deletes, []);
        assert_eq!(changes.puts[0].expect, Some(4));
    }

    #[test]
    fn unsaved_deletes_are_those_waiting_or_under_way_and_not_undone() {
        let mut docs = Documents::stored(
            Limits::APP,
            [(doc(1, "one"), Some(4)), (doc(2, "two"), Some(5))],
            3,
        );
        docs.remove(1).unwrap();
        let changes = docs.take_changes();
        let removed = docs.remove(2).unwrap();
        assert_eq!(
            docs.unsaved_deletes(),
            "<2@5><1@4>",
            "waiting, then under way"
        );
        docs.undo_remove(removed).unwrap();
        assert_eq!(docs.unsaved_deletes(), "<1@4>");
        let meta = crate::Meta {
            format: 2,
            rev: 5,
            next_id: 3,
        };
        let plan = crate::commit::plan(meta, &[(1, 4)], &changes, 200).unwrap();
        docs.settle(&plan.outcome);
        assert_eq!(docs.unsaved_deletes(), "");
    }

    #[test]
    fn a_noted_delete_removes_only_the_version_deleted() {
        let stored = [
            (doc(1, "one"), Some(4)),
            (doc(2, "two"), Some(5)),
            (doc(3, "three"), Some(5)),
        ];
        let mut docs = Documents::stored(Limits::APP, stored, 4);
        docs.set_text(2, "two, edited".into()).unwrap();
        let removed = docs.remove_noted("<1@3><2@5><9@5><3@5><13@5><1@44><11@4>");
        let three = Removed {
            index: 2,
            doc: doc(3, "three"),
        };
        assert_eq!(removed, [three]);
        assert_eq!(docs.take_changes().deletes, [Delete { id: 3, rev: 5 }]);
    }

    #[test]
    fn other_tabs_changes_come_in_unless_this_tab_changed_the_same() {
        let mut docs = Documents::stored(
            Limits::APP,
            [(doc(1, "one"), Some(4)), (doc(2, "two"), Some(5))],
            3,
        );
        assert_eq!(
            docs.apply_stored(1, Some((6, doc(1, "one, edited")))),
            [Effect::Updated(1)]
        );
        assert_eq!(docs[0].text, "one, edited");
        // The same revision again: nothing.
        assert_eq!(docs.apply_stored(1, Some((6, doc(1, "x")))), []);
        // Edited here: this tab's version stays until its save.
        docs.set_text(2, "two, mine".into()).unwrap();
        assert_eq!(docs.apply_stored(2, Some((7, doc(2, "two, theirs")))), []);
        assert_eq!(docs[1].text, "two, mine");
        // A new document there that has the id of a new one here.
        let mine = docs.add(None, "mine".into()).unwrap().id;
        let effects = docs.apply_stored(mine, Some((8, doc(mine, "theirs"))));
        assert_eq!(
            effects,
            [
                Effect::Renumbered {
                    from: mine,
                    to: mine + 1
                },
                Effect::Updated(mine)
            ]
        );
        assert_eq!(docs.get(mine).unwrap().text, "theirs");
        assert_eq!(docs.get(mine + 1).unwrap().text, "mine");
        // Deleted there.
        assert_eq!(docs.apply_stored(1, None), [Effect::Deleted(1)]);
        assert!(docs.get(1).is_none());
        // Over the limit: left to the next restore.
        let mut small = Documents::stored(SMALL, [], 1);
        assert_eq!(
            small.apply_stored(1, Some((1, doc(1, &"x".repeat(101))))),
            []
        );
    }

    #[test]
    fn a_change_from_another_tab_during_a_save_is_read_again_after_it() {
        let mut docs = Documents::stored(Limits::APP, [(doc(1, "one"), Some(4))], 2);
        docs.set_text(1, "mine".into()).unwrap();
        let changes = docs.take_changes();
        // Not applied over the version being saved...
        assert_eq!(docs.apply_stored(1, Some((5, doc(1, "theirs")))), []);
        assert_eq!(docs[0].text, "mine");
        // ...but read again once the save is settled.
        let plan = crate::commit::plan(
            crate::Meta {
                format: 2,
                rev: 5,
                next_id: 2,
            },
            &[(1, 5)],
            &changes,
            200,
        )
        .unwrap();
        let effects = docs.settle(&plan.outcome);
        assert!(effects.contains(&Effect::Refresh(1)), "{effects:?}");
        // A save that failed hands the recheck back too.
        docs.set_text(2, "x".into()).unwrap();
        let changes = docs.take_changes();
        docs.apply_stored(3, None);
        assert_eq!(docs.requeue(changes), []);
    }

    #[test]
    fn documents_made_while_restoring_follow_the_restored_ones() {
        let mut restored = Documents::stored(Limits::APP, [(doc(7, "seven"), Some(1))], 8);
        let mut meanwhile = Documents::new(Limits::APP);
        let placeholder = meanwhile.add(None, String::new()).unwrap().id;
        let typed = meanwhile.add(Some("Typed"), "a word".into()).unwrap().id;
        let moved = restored.adopt(meanwhile);
        assert_eq!(moved, [(typed, 8)]);
        assert!(moved.iter().all(|(from, _)| *from != placeholder));
        assert_eq!(restored.get(8).unwrap().title, "Typed");
        assert_eq!(restored.take_changes().puts.len(), 1);
    }
}
