//! A save as a transaction. The store holds one record per document, each with the
//! revision of the save that wrote it, and a meta record with the last revision and
//! the next free id. A save reads the meta record and the revisions of the documents
//! it touches, and [`plan`] decides, in the same transaction, what to write:
//!
//! - a document changed here whose stored revision is still the one this tab read is
//!   written over it; one deleted elsewhere meanwhile is written back;
//! - one changed in another tab meanwhile is not written over: this tab's version is
//!   kept as a new document (a copy), and the other one stays;
//! - a new document whose id another tab took meanwhile gets a new id;
//! - a stored document deleted here is deleted only if nobody changed it meanwhile.
//!
//! So no save ever writes over a change it has not seen, and nothing is lost.

use crate::doc::{copy_title, encode_record, MAX_ID};
use crate::documents::Changes;

/// The version of the store's layout that this code writes. A store of a higher one
/// was written by a newer Diplomap, and is left alone.
pub const FORMAT: u32 = 2;

/// The store's meta record, stored as the JSON `{"format", "rev", "next_id"}`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Meta {
    pub format: u32,
    /// The revision of the last save.
    pub rev: u64,
    /// No document has this id or a higher one.
    pub next_id: u64,
}

impl Meta {
    /// The meta record of an empty store.
    pub const EMPTY: Meta = Meta {
        format: FORMAT,
        rev: 0,
        next_id: 1,
    };

    pub fn encode(&self) -> String {
        format!(
            "{{\"format\":{},\"rev\":{},\"next_id\":{}}}",
            self.format, self.rev, self.next_id
        )
    }

    /// The meta record in `json`, if it is one (its numbers whole and in range).
    pub fn decode(json: &str) -> Option<Meta> {
        let value: serde_json::Value = serde_json::from_str(json).ok()?;
        let number = |key: &str| value.get(key)?.as_u64();
        Some(Meta {
            format: u32::try_from(number("format")?).ok()?,
            rev: number("rev")?,
            next_id: number("next_id")?,
        })
    }
}

/// What a save does in the store.
#[derive(Clone, Debug, PartialEq)]
pub struct Plan {
    /// The meta record to write.
    pub meta: Meta,
    /// Records to write: id and record (JSON), all at revision `meta.rev`.
    pub writes: Vec<(u64, String)>,
    /// Records to delete.
    pub deletes: Vec<u64>,
    /// What became of each change, for the tab that made them.
    pub outcome: Outcome,
}

/// What a save did with each change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Outcome {
    pub rev: u64,
    pub next_id: u64,
    pub puts: Vec<PutOutcome>,
    pub deletes: Vec<DeleteOutcome>,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PutOutcome {
    /// Written under its id.
    Written { id: u64 },
    /// Written under another id: the one it had was taken by another tab's new
    /// document (`title` none), or the document was changed in another tab meanwhile
    /// and this version is kept beside it, as a copy named `title`.
    Moved {
        from: u64,
        to: u64,
        title: Option<String>,
    },
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DeleteOutcome {
    /// Deleted (or already gone).
    Deleted(u64),
    /// Not deleted: another tab changed it meanwhile.
    Kept(u64),
}

/// Why a save cannot be planned.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PlanError {
    /// The revision counter or the ids ran out (only a crafted store comes near).
    Exhausted,
}

/// The save of `changes` against a store whose meta record is `meta` and whose
/// documents touched by the changes are at the revisions in `stored` (`(id, rev)`;
/// absent: no such record). `title_chars` bounds the titles of copies.
pub fn plan(
    meta: Meta,
    stored: &[(u64, u64)],
    changes: &Changes,
    title_chars: usize,
) -> Result<Plan, PlanError> {
    let rev = meta.rev.checked_add(1).ok_or(PlanError::Exhausted)?;
    let mut next_id = meta.next_id.max(1);
    for put in &changes.puts {
        next_id = next_id.max(put.doc.id.checked_add(1).ok_or(PlanError::Exhausted)?);
    }
    let mut fresh = || {
        let id = next_id;
        if id > MAX_ID {
            return Err(PlanError::Exhausted);
        }
        next_id += 1;
        Ok(id)
    };
    let revision = |id: u64| {
        stored
            .iter()
            .find(|(stored, _)| *stored == id)
            .map(|(_, rev)| *rev)
    };
    let mut writes = Vec::new();
    let mut puts = Vec::new();
    for put in &changes.puts {
        let doc = &put.doc;
        let now = revision(doc.id);
        let outcome = match (put.expect, now) {
            // New, or deleted elsewhere meanwhile (then written back: nothing is lost),
            // or unchanged since this tab read it.
            (_, None) => PutOutcome::Written { id: doc.id },
            (Some(expected), Some(now)) if expected == now => PutOutcome::Written { id: doc.id },
            // A new document; another tab's new one took its id.
            (None, Some(_)) => PutOutcome::Moved {
                from: doc.id,
                to: fresh()?,
                title: None,
            },
            // Changed in another tab since this tab read it: both versions stay.
            (Some(_), Some(_)) => PutOutcome::Moved {
                from: doc.id,
                to: fresh()?,
                title: Some(copy_title(&doc.title, title_chars)),
            },
        };
        let (id, title) = match &outcome {
            PutOutcome::Written { id } => (*id, doc.title.as_str()),
            PutOutcome::Moved { to, title, .. } => {
                (*to, title.as_deref().unwrap_or(doc.title.as_str()))
            }
        };
        writes.push((id, encode_record(title, &doc.text)));
        puts.push(outcome);
    }
    let mut deletes = Vec::new();
    let mut delete_outcomes = Vec::new();
    for delete in &changes.deletes {
        match revision(delete.id) {
            Some(now) if now != delete.rev => {
                delete_outcomes.push(DeleteOutcome::Kept(delete.id));
            }
            Some(_) => {
                deletes.push(delete.id);
                delete_outcomes.push(DeleteOutcome::Deleted(delete.id));
            }
            None => delete_outcomes.push(DeleteOutcome::Deleted(delete.id)),
        }
    }
    let meta = Meta {
        format: FORMAT,
        rev,
        next_id,
    };
    Ok(Plan {
        meta,
        writes,
        deletes,
        outcome: Outcome {
            rev,
            next_id,
            puts,
            deletes: delete_outcomes,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::doc::{DocRecord, Limits};
    use crate::documents::{Delete, Documents, Effect, Put};

    fn put(id: u64, text: &str, expect: Option<u64>) -> Put {
        Put {
            doc: DocRecord {
                id,
                title: text.to_string(),
                text: text.to_string(),
            },
            expect,
        }
    }

    fn meta(rev: u64, next_id: u64) -> Meta {
        Meta {
            format: FORMAT,
            rev,
            next_id,
        }
    }

    #[test]
    fn unchanged_documents_are_written_and_new_ids_checked() {
        let stored = [(1, 3)];
        let changes = Changes {
            puts: vec![put(1, "one", Some(3)), put(5, "five", None)],
            deletes: vec![],
        };
        let plan = plan(meta(3, 5), &stored, &changes, 200).unwrap();
        assert_eq!(plan.meta, meta(4, 6));
        assert_eq!(plan.writes.len(), 2);
        assert_eq!(
            plan.outcome.puts,
            [PutOutcome::Written { id: 1 }, PutOutcome::Written { id: 5 }]
        );
    }

    #[test]
    fn a_taken_id_moves_and_a_conflict_keeps_both() {
        let stored = [(1, 7), (5, 6)];
        let changes = Changes {
            puts: vec![put(1, "mine", Some(3)), put(5, "new", None)],
            deletes: vec![],
        };
        let plan = plan(meta(7, 6), &stored, &changes, 200).unwrap();
        assert_eq!(
            plan.outcome.puts,
            [
                PutOutcome::Moved {
                    from: 1,
                    to: 6,
                    title: Some("mine (copy)".to_string())
                },
                PutOutcome::Moved {
                    from: 5,
                    to: 7,
                    title: None
                }
            ]
        );
        assert_eq!(plan.writes[0].0, 6);
        assert!(plan.writes[0].1.contains("mine (copy)"));
        assert_eq!(plan.meta.next_id, 8);
        assert!(plan.deletes.is_empty());
    }

    #[test]
    fn deletes_only_what_nobody_changed() {
        let stored = [(1, 2), (2, 9)];
        let changes = Changes {
            puts: vec![],
            deletes: vec![
                Delete { id: 1, rev: 2 },
                Delete { id: 2, rev: 3 },
                Delete { id: 3, rev: 1 },
            ],
        };
        let plan = plan(meta(9, 4), &stored, &changes, 200).unwrap();
        assert_eq!(plan.deletes, [1]);
        assert_eq!(
            plan.outcome.deletes,
            [
                DeleteOutcome::Deleted(1),
                DeleteOutcome::Kept(2),
                DeleteOutcome::Deleted(3)
            ]
        );
    }

    #[test]
    fn counters_never_wrap() {
        let changes = Changes {
            puts: vec![put(1, "x", None)],
            deletes: vec![],
        };
        assert_eq!(
            plan(meta(u64::MAX, 2), &[], &changes, 200),
            Err(PlanError::Exhausted)
        );
        let stored = [(1, 1)];
        assert_eq!(
            plan(meta(1, MAX_ID + 1), &stored, &changes, 200),
            Err(PlanError::Exhausted)
        );
    }

    #[test]
    fn a_tab_settles_what_its_save_did() {
        let mut docs = Documents::stored(
            Limits::APP,
            [(
                DocRecord {
                    id: 1,
                    title: "one".into(),
                    text: "one".into(),
                },
                Some(3),
            )],
            2,
        );
        docs.set_text(1, "mine".into()).unwrap();
        let new = docs.add(None, "new".into()).unwrap().id;
        let changes = docs.take_changes();
        // Meanwhile another tab changed 1 and added its own document 2.
        let stored = [(1, 4), (2, 4)];
        let plan = plan(meta(4, 3), &stored, &changes, 200).unwrap();
        let effects = docs.settle(&plan.outcome);
        assert_eq!(
            effects,
            [
                Effect::Copied { from: 1, to: 3 },
                Effect::Refresh(1),
                Effect::Renumbered { from: new, to: 4 }
            ]
        );
        assert_eq!(docs.get(3).unwrap().title, "mine (copy)");
        assert_eq!(docs.get(4).unwrap().text, "new");
        assert!(docs.get(1).is_none() && !docs.has_changes());
    }
}
