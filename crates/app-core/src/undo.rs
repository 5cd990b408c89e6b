//! What the reader can take back: the documents as they were before a Clear, a
//! replacing load or a delete. The log is saved with the documents, in the same
//! transaction as the change it undoes (the app writes [`UndoLog::take_save`] beside
//! the save's documents), so an undo survives a reload and no change is ever saved
//! without its way back.

use crate::doc::{DocRecord, Limits};
use crate::documents::{Documents, Refusal, Removed};

/// What was done to a document.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Undone {
    /// Its text was cleared.
    Cleared,
    /// Its text was replaced (by the sample, or a loaded text).
    Replaced,
    /// It was deleted.
    Deleted,
}

impl Undone {
    fn as_str(self) -> &'static str {
        match self {
            Undone::Cleared => "cleared",
            Undone::Replaced => "replaced",
            Undone::Deleted => "deleted",
        }
    }

    fn parse(name: &str) -> Option<Undone> {
        [Undone::Cleared, Undone::Replaced, Undone::Deleted]
            .into_iter()
            .find(|what| what.as_str() == name)
    }

    /// The past tense the page shows: `Cleared “Talks in Minsk”.`
    pub fn verb(self) -> &'static str {
        match self {
            Undone::Cleared => "Cleared",
            Undone::Replaced => "Replaced",
            Undone::Deleted => "Deleted",
        }
    }
}

/// One change to take back: the document as it was, and where it was in the list.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub what: Undone,
    pub index: usize,
    pub doc: DocRecord,
}

/// The most recent changes that can be taken back, newest last.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct UndoLog {
    steps: Vec<Step>,
    /// Changed since the last save took it.
    unsaved: bool,
}

impl UndoLog {
    /// The most steps kept.
    pub const MAX_STEPS: usize = 10;
    /// The most text kept, in bytes, over all steps but the newest (which is always
    /// kept, whatever its size): old steps give way to a big one.
    pub const MAX_BYTES: usize = 16 * 1024 * 1024;

    /// Notes a change; the oldest steps go beyond the limits.
    pub fn push(&mut self, step: Step) {
        self.steps.push(step);
        let mut bytes = 0;
        let mut keep = 0;
        for step in self.steps.iter().rev() {
            bytes += step.doc.text.len() + step.doc.title.len();
            if keep > 0 && (keep == Self::MAX_STEPS || bytes > Self::MAX_BYTES) {
                break;
            }
            keep += 1;
        }
        self.steps.drain(..self.steps.len() - keep);
        self.unsaved = true;
    }

    /// The change an undo would take back.
    pub fn last(&self) -> Option<&Step> {
        self.steps.last()
    }

    /// Takes back the newest change: the document comes back as it was (in place of
    /// what it holds now, or where it was if it is gone). Returns its id; a refusal
    /// (the workspace is full) keeps the step.
    pub fn undo(&mut self, docs: &mut Documents) -> Option<Result<u64, Refusal>> {
        let step = self.steps.pop()?;
        let undone = match docs.get(step.doc.id) {
            Some(_) if step.what != Undone::Deleted => {
                docs.set_text(step.doc.id, step.doc.text.clone()).map(|_| {
                    docs.rename(step.doc.id, &step.doc.title);
                    step.doc.id
                })
            }
            _ => docs.undo_remove(Removed {
                index: step.index,
                doc: step.doc.clone(),
            }),
        };
        if undone.is_err() {
            self.steps.push(step);
        } else {
            self.unsaved = true;
        }
        Some(undone)
    }

    /// Document `from` is document `to` now (its id was taken in the store).
    pub fn renumber(&mut self, from: u64, to: u64) {
        for step in self.steps.iter_mut().filter(|step| step.doc.id == from) {
            step.doc.id = to;
        }
    }

    /// The log to save, if it changed since the last save took it.
    pub fn take_save(&mut self) -> Option<String> {
        std::mem::take(&mut self.unsaved).then(|| self.encode())
    }

    /// A save that took the log failed: it is to be saved again.
    pub fn save_failed(&mut self) {
        self.unsaved = true;
    }

    /// Whether the log changed since the last save took it.
    pub fn is_unsaved(&self) -> bool {
        self.unsaved
    }

    /// JSON: `[{"what", "index", "id", "title", "text"}]`, oldest first. Written by hand:
    /// a derived serializer would grow the app's download for five fields.
    pub fn encode(&self) -> String {
        let quoted = |text: &str| serde_json::to_string(text).unwrap_or_default();
        let steps: Vec<String> = self
            .steps
            .iter()
            .map(|step| {
                format!(
                    "{{\"what\":\"{}\",\"index\":{},\"id\":{},\"title\":{},\"text\":{}}}",
                    step.what.as_str(),
                    step.index,
                    step.doc.id,
                    quoted(&step.doc.title),
                    quoted(&step.doc.text)
                )
            })
            .collect();
        format!("[{}]", steps.join(","))
    }

    /// The log saved as `json`. A step that cannot be read, or breaks `limits`, is left
    /// out: an undo is a convenience, and a damaged one never stops a restore.
    pub fn decode(json: &str, limits: Limits) -> UndoLog {
        let Ok(serde_json::Value::Array(items)) = serde_json::from_str(json) else {
            return UndoLog::default();
        };
        let step = |item: &serde_json::Value| {
            let id = item.get("id")?.as_u64()?;
            let text = item.get("text")?.as_str()?;
            let title = item.get("title")?.as_str()?;
            let fits = (1..=crate::doc::MAX_ID).contains(&id)
                && text.len() <= limits.text_bytes
                && title.chars().count() <= limits.title_chars;
            if !fits {
                return None;
            }
            Some(Step {
                what: Undone::parse(item.get("what")?.as_str()?)?,
                index: usize::try_from(item.get("index")?.as_u64()?).ok()?,
                doc: DocRecord {
                    id,
                    title: title.to_string(),
                    text: text.to_string(),
                },
            })
        };
        let mut log = UndoLog::default();
        for step in items.iter().filter_map(step) {
            log.push(step);
        }
        log.unsaved = false;
        log
    }
}
