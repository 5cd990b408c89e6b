//! Whether the workspace is being restored, saved as it changes, or not saved at all,
//! and when a save may start. While the workspace is restored nothing is written: edits
//! wait as changes of [`crate::Documents`] (what was typed, pasted or dropped meanwhile
//! joins the restored workspace through [`crate::Documents::adopt`]). Then one save at
//! a time; changes made during a save go in the next. Deletes not saved yet are also
//! noted where a reload finds them ([`crate::journal`]).

use crate::journal;

/// Why this tab does not save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Unsaved {
    /// The browser keeps no database for the page (or refused to open it).
    NoDatabase(String),
    /// The store was written by a newer version of Diplomap; it is left as it is.
    Newer,
    /// A newer version of Diplomap opened the store in another tab.
    Superseded,
    /// The store could not be read; it is left as it is.
    Unreadable(String),
    /// The restored workspace could not be written; the saves it came from are left.
    Unwritable(String),
}

/// Where the store stands for this tab.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Phase {
    /// The workspace is being read back: edits wait.
    Restoring,
    /// Edits are saved as they happen.
    Ready,
    /// Edits stay in this tab only.
    Unsaved(Unsaved),
}

/// The phase, whether a save is under way, and this tab's entries in the note of
/// deletes not saved yet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Saver {
    phase: Phase,
    saving: bool,
    noted: String,
}

impl Default for Saver {
    fn default() -> Self {
        Saver {
            phase: Phase::Restoring,
            saving: false,
            noted: String::new(),
        }
    }
}

impl Saver {
    pub fn phase(&self) -> &Phase {
        &self.phase
    }

    /// The restore is done: from now on edits are saved.
    pub fn ready(&mut self) {
        if matches!(self.phase, Phase::Restoring) {
            self.phase = Phase::Ready;
        }
    }

    /// Nothing more is saved (said on screen by the app).
    pub fn stop(&mut self, why: Unsaved) {
        self.phase = Phase::Unsaved(why);
    }

    /// Whether a save should start now (then one is under way until [`Self::ended`]):
    /// only once restored, one at a time, and when there is something to save.
    pub fn start(&mut self, has_changes: bool) -> bool {
        let start = matches!(self.phase, Phase::Ready) && !self.saving && has_changes;
        self.saving |= start;
        start
    }

    /// This tab's deletes not saved yet are `now` ([`crate::Documents::unsaved_deletes`]):
    /// the note to write in place of `note()` when that changes it. None while edits
    /// are not saved: a delete made then is not done later either.
    pub fn note_deletes(&mut self, now: String, note: impl FnOnce() -> String) -> Option<String> {
        if !matches!(self.phase, Phase::Ready) || now == self.noted {
            return None;
        }
        let before = std::mem::replace(&mut self.noted, now);
        Some(journal::update(&note(), &before, &self.noted))
    }

    /// The save under way ended; whether the next should start.
    pub fn ended(&mut self, has_changes: bool) -> bool {
        self.saving = false;
        self.start(has_changes)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn deletes_are_noted_once_restored_and_only_when_they_change() {
        let mut saver = Saver::default();
        let theirs = || "<1@4>".to_string();
        assert_eq!(
            saver.note_deletes("<2@5>".into(), theirs),
            None,
            "restoring"
        );
        saver.ready();
        let noted = saver.note_deletes("<2@5>".into(), theirs);
        assert_eq!(noted.as_deref(), Some("<1@4><2@5>"));
        assert_eq!(saver.note_deletes("<2@5>".into(), theirs), None);
        let noted = saver.note_deletes(String::new(), || "<1@4><2@5>".into());
        assert_eq!(noted.as_deref(), Some("<1@4>"));
        saver.stop(Unsaved::Newer);
        assert_eq!(saver.note_deletes("<3@6>".into(), theirs), None);
    }

    #[test]
    fn nothing_is_saved_until_restored_then_one_save_at_a_time() {
        let mut saver = Saver::default();
        assert!(!saver.start(true), "no save while restoring");
        saver.ready();
        assert!(!saver.start(false), "nothing to save");
        assert!(saver.start(true));
        assert!(!saver.start(true), "one at a time");
        assert!(saver.ended(true), "changes made meanwhile: the next save");
        assert!(!saver.ended(false));
        saver.stop(Unsaved::Newer);
        assert!(!saver.start(true));
        saver.ready();
        assert_eq!(
            saver.phase(),
            &Phase::Unsaved(Unsaved::Newer),
            "stopping is for good"
        );
    }
}
