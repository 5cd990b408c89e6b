//! The documents as the reader works on them: add, import, rename, clear, delete and
//! undo, and which one is shown. The rules (limits, titles, ids, what a save must write) are
//! `diplomap_app_core::Documents`'; saving follows by itself (`persistence`).

use diplomap_app_core::present::{group, human_size};
use diplomap_app_core::undo::{Step, UndoLog, Undone};
use diplomap_app_core::workspace::View;
use diplomap_app_core::{Limits, Refusal};
use leptos::prelude::*;

use super::{Article, Notice, MAX_TEXT_BYTES};
use crate::io::import::Outcome;

impl Article {
    /// The document shown, if one is (not "All documents").
    pub fn current_id(&self) -> Option<u64> {
        match self.workspace.view.get_untracked() {
            View::Doc(id) => Some(id),
            View::All => None,
        }
    }

    /// Shows a document, or all of them; pending typing is kept first.
    pub fn switch(&self, view: View) {
        if self.has_pending_typing() {
            self.analyse_draft();
        }
        self.cancel_pending();
        self.notice.set(None);
        self.workspace.offer_undo.set(false);
        self.workspace.view.set(view);
        self.settings.focus.set(None);
        self.settings.marked.set(None);
        match view {
            View::Doc(id) => {
                let text = self
                    .workspace
                    .docs
                    .with_untracked(|docs| docs.get(id).map(|doc| doc.text.clone()));
                self.workspace.ranges.set(Vec::new());
                let text = text.unwrap_or_default();
                // An empty document is there to be written; one with text, to be read.
                self.settings.editing.set(text.trim().is_empty());
                self.draft.set(text.clone());
                self.show(Some(id), text);
            }
            View::All => self.show_all(),
        }
    }

    /// Adds a document and shows it; `None` (and a notice) if it was refused.
    pub fn add_document(&self, title: Option<String>, text: String) -> Option<u64> {
        let added = self
            .workspace
            .docs
            .try_update(|docs| docs.add(title.as_deref(), text));
        match added {
            Some(Ok(added)) => {
                self.switch(View::Doc(added.id));
                Some(added.id)
            }
            Some(Err(refusal)) => {
                self.refused(refusal);
                None
            }
            None => None,
        }
    }

    /// Adds documents (files dropped together) and shows the first; an empty current
    /// document is replaced by the first of them. Takes as many as the workspace has
    /// room for, and says what became of the others.
    pub fn add_documents(&self, documents: Vec<(Option<String>, String)>) -> Imported {
        let mut imported = Imported::default();
        let mut first = None;
        let empty_current = self.current_id().filter(|id| {
            self.workspace
                .docs
                .with_untracked(|docs| docs.get(*id).is_some_and(|doc| doc.text.trim().is_empty()))
        });
        self.workspace.docs.update(|docs| {
            for (index, (title, text)) in documents.into_iter().enumerate() {
                if let (0, Some(id)) = (index, empty_current) {
                    if docs.admits(&text).is_ok() {
                        let _ = docs.set_text(id, text);
                        if let Some(title) = title {
                            imported.titles_cut +=
                                usize::from(docs.rename(id, &title) == Some(true));
                        }
                        imported.added += 1;
                        first = Some(id);
                        continue;
                    }
                }
                match docs.add(title.as_deref(), text) {
                    Ok(added) => {
                        imported.added += 1;
                        imported.titles_cut += usize::from(added.title_cut);
                        first.get_or_insert(added.id);
                    }
                    Err(_) => imported.left_out += 1,
                }
            }
        });
        if let Some(id) = first {
            self.switch(View::Doc(id));
        }
        imported
    }

    pub fn rename(&self, id: u64, title: &str) {
        self.workspace.docs.update(|docs| {
            docs.rename(id, title);
        });
        if self.workspace.view.get_untracked() == View::All {
            self.switch(View::All);
        }
    }

    /// Deletes a document (an undo brings it back); the last one is replaced by an
    /// empty document.
    pub fn delete(&self, id: u64) {
        let Some(step) = self.undo_step(Undone::Deleted, id) else {
            return;
        };
        let index = step.index;
        self.workspace.docs.update(|docs| {
            docs.remove(id);
            if docs.is_empty() {
                let _ = docs.add(None, String::new());
            }
        });
        let view = self.workspace.view.get_untracked();
        match view {
            View::Doc(current) if current == id => {
                let next = self
                    .workspace
                    .docs
                    .with_untracked(|docs| docs.neighbour(index));
                self.switch(next.map_or(View::All, View::Doc));
            }
            View::All => self.switch(View::All),
            View::Doc(_) => {}
        }
        self.note_undo(step);
    }

    /// Empties the document shown (an undo gives its text back).
    pub fn clear(&self) {
        let Some(id) = self.current_id() else { return };
        if self.has_pending_typing() {
            self.analyse_draft();
        }
        let Some(step) = self.undo_step(Undone::Cleared, id) else {
            return;
        };
        if step.doc.text.is_empty() {
            return;
        }
        self.load(String::new(), None);
        self.settings.editing.set(true);
        self.note_undo(step);
    }

    /// Replaces the text of the document shown (the sample), undoably when it had text.
    pub fn replace_text(&self, text: String, notice: Option<Notice>) {
        if self.has_pending_typing() {
            self.analyse_draft();
        }
        let step = self
            .current_id()
            .and_then(|id| self.undo_step(Undone::Replaced, id))
            .filter(|step| !step.doc.text.trim().is_empty() && step.doc.text != text);
        self.load(text, notice);
        self.settings.editing.set(false);
        if let Some(step) = step {
            self.note_undo(step);
        }
    }

    /// Takes back the newest clear, replacement or delete, and shows that document.
    pub fn undo(&self) {
        if self.has_pending_typing() {
            self.analyse_draft();
        }
        let docs = self.workspace.docs;
        let undone = self
            .workspace
            .undo
            .try_update(|log| docs.try_update(|docs| log.undo(docs)).flatten())
            .flatten();
        match undone {
            Some(Ok(id)) => {
                self.switch(View::Doc(id));
                self.notice.set(Some(Notice::Info("Undone.".to_string())));
            }
            Some(Err(refusal)) => self.refused(refusal),
            None => {}
        }
    }

    /// The document `id` as it is now, to take back what is about to be done to it.
    fn undo_step(&self, what: Undone, id: u64) -> Option<Step> {
        self.workspace.docs.with_untracked(|docs| {
            let index = docs.iter().position(|doc| doc.id == id)?;
            let doc = docs.get(id)?.clone();
            Some(Step { what, index, doc })
        })
    }

    /// Keeps `step` for an undo (saved with the change) and offers it.
    fn note_undo(&self, step: Step) {
        self.workspace.undo.update(|log| log.push(step));
        self.workspace.offer_undo.set(true);
    }

    /// The change an undo would take back, as the Undo notice says it.
    pub fn undo_label(&self) -> Option<String> {
        self.workspace.undo.with(|log: &UndoLog| {
            log.last()
                .map(|step| format!("{} \u{201c}{}\u{201d}.", step.what.verb(), step.doc.title))
        })
    }

    /// Takes in the documents of the files read, in the order given, and says in one
    /// notice what was loaded and why any file was refused. Nothing loaded is lost.
    pub fn take_in_files(&self, names: &[String], outcomes: Vec<Outcome>) {
        let mut documents = Vec::new();
        let mut errors = Vec::new();
        let mut read = Vec::new();
        for (name, outcome) in names.iter().zip(outcomes) {
            match outcome {
                Ok(found) => {
                    documents.extend(found);
                    read.push(format!("\u{201c}{name}\u{201d}"));
                }
                Err(message) => errors.push(message),
            }
        }
        let imported = if documents.is_empty() {
            Imported::default()
        } else {
            self.add_documents(documents)
        };
        let mut loaded = match imported.added {
            0 => String::new(),
            1 => format!("Loaded {} as a new document.", read.join(", ")),
            n => format!("Loaded {} as {} new documents.", read.join(", "), group(n)),
        };
        if imported.left_out > 0 {
            loaded.push_str(&format!(
                " A workspace holds at most {} documents, so {} {} left out.",
                group(Limits::APP.documents),
                group(imported.left_out),
                if imported.left_out == 1 {
                    "was"
                } else {
                    "were"
                }
            ));
        }
        if imported.titles_cut > 0 {
            loaded.push_str(&format!(
                " {} {} cut to {} characters.",
                group(imported.titles_cut),
                if imported.titles_cut == 1 {
                    "title was"
                } else {
                    "titles were"
                },
                Limits::APP.title_chars
            ));
        }
        let loaded = loaded.trim_start().to_string();
        let notice = if errors.is_empty() && imported.left_out == 0 {
            Notice::Info(loaded)
        } else if errors.is_empty() {
            Notice::Error(loaded)
        } else {
            let mut text = errors.join(" ");
            text.push_str(" The documents you have are unchanged.");
            if imported.added > 0 {
                text.push(' ');
                text.push_str(&loaded);
            }
            Notice::Error(text)
        };
        self.notice.set(Some(notice));
    }

    /// Says why the workspace did not take something in.
    fn refused(&self, refusal: Refusal) {
        let text = match refusal {
            Refusal::Full { documents } => format!("The workspace holds {documents} documents, the most it takes: delete one to add another. Nothing was changed."),
            Refusal::TooLong { bytes, .. } => {
                self.admits(bytes, "The text");
                return;
            }
            Refusal::NoIdsLeft => "The workspace has given out every document number it has: nothing more can be added.".to_string(),
        };
        self.notice.set(Some(Notice::Error(text)));
    }

    /// Whether a text of `bytes` can be taken in; if not, the notice says why and
    /// nothing changes.
    pub fn admits(&self, bytes: usize, what: &str) -> bool {
        if bytes <= MAX_TEXT_BYTES {
            return true;
        }
        let size = |bytes: usize| human_size(bytes as f64);
        self.notice.set(Some(Notice::Error(format!(
            "{what} is {}: Diplomap reads up to {} at once. Nothing was changed; split the text into several documents.",
            size(bytes),
            size(MAX_TEXT_BYTES)
        ))));
        false
    }
}

/// What became of the documents of an import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Imported {
    pub added: usize,
    /// Documents the workspace had no room for.
    pub left_out: usize,
    /// Titles cut to the limit.
    pub titles_cut: usize,
}
