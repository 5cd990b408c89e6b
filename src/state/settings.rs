//! How the reader has set up the page: which highlights are shown, with or without
//! their type names, the country picked and the mention marked. Kept apart from the
//! documents and their analysis: nothing here is saved, and a new text only clears the
//! picks (`Article::switch`).

use std::collections::BTreeSet;

use diplomap_extract::{CountryCode, Label};
use leptos::prelude::*;

/// The reader's settings of the page. `Copy`, part of [`super::Article`].
#[derive(Clone, Copy)]
pub struct Settings {
    /// Labels whose highlights the reader switched off in the legend.
    pub hidden_labels: RwSignal<BTreeSet<Label>>,
    /// Show the label name next to each mention (a cue that needs no colour).
    pub show_chips: RwSignal<bool>,
    /// The country picked in the country list or on the map; its mentions are
    /// emphasised.
    pub focus: RwSignal<Option<CountryCode>>,
    /// The mention picked in the reading view (its canonical name, else its text);
    /// every mention of the same thing is marked.
    pub marked: RwSignal<Option<String>>,
    /// The article is shown as its text box (editing) rather than highlighted.
    pub editing: RwSignal<bool>,
    /// On a narrow screen, which part of the desk is shown.
    pub pane: RwSignal<Pane>,
}

/// The parts of the reading desk a narrow screen shows one at a time.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Pane {
    #[default]
    Text,
    Map,
    Countries,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hidden_labels: RwSignal::new(BTreeSet::new()),
            show_chips: RwSignal::new(false),
            focus: RwSignal::new(None),
            marked: RwSignal::new(None),
            editing: RwSignal::new(false),
            pane: RwSignal::new(Pane::Text),
        }
    }
}

impl Settings {
    /// Shows a label's highlights if hidden, hides them if shown.
    pub fn toggle_label(&self, label: Label) {
        self.hidden_labels.update(|hidden| {
            if !hidden.remove(&label) {
                hidden.insert(label);
            }
        });
    }

    /// Picks a country, or lets go of it if it was the one picked.
    pub fn toggle_focus(&self, code: CountryCode) {
        self.focus.update(|focus| {
            *focus = if *focus == Some(code) {
                None
            } else {
                Some(code)
            };
        });
    }

    /// Marks every mention of `key`, or clears the mark if it was the one marked.
    pub fn toggle_mark(&self, key: &str) {
        self.marked.update(|marked| {
            *marked = if marked.as_deref() == Some(key) {
                None
            } else {
                Some(key.to_string())
            };
        });
    }
}
