//! The popover of a mention in the reading view: what it is in plain words, the
//! country it stands for and the other names that point there, and "mark all
//! mentions". Shown on hover, focus and tap; Escape dismisses it. The mention it
//! describes points at it with `aria-describedby`, so a screen reader reads the same.

use diplomap_app_core::present::{group, mention_note, MentionNote};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::Article;

/// The popover's element id (the described mention's `aria-describedby`).
pub const NOTE_ID: &str = "mention-note";

/// The most other names listed; the rest are counted.
const NAMES_LISTED: usize = 6;

/// Which mention the popover describes.
#[derive(Clone, Copy)]
pub struct Popover {
    /// The mention's index among the entities, and whether it stays when the pointer
    /// leaves (shown by focus or a tap).
    shown: RwSignal<Option<(usize, bool)>>,
    anchor: StoredValue<Option<web_sys::Element>, LocalStorage>,
}

impl Default for Popover {
    fn default() -> Self {
        Popover {
            shown: RwSignal::new(None),
            anchor: StoredValue::new_local(None),
        }
    }
}

impl Popover {
    /// Describes `mark` (a mention's element); `pinned` when focus or a tap asked.
    pub fn show(&self, mark: &web_sys::Element, pinned: bool) {
        let Some(entity) = mark
            .get_attribute("data-entity")
            .and_then(|index| index.parse().ok())
        else {
            return;
        };
        if self.shown.try_get_untracked().flatten() == Some((entity, true)) && !pinned {
            return;
        }
        self.let_go();
        let _ = mark.set_attribute("aria-describedby", NOTE_ID);
        self.anchor.try_set_value(Some(mark.clone()));
        self.shown.try_set(Some((entity, pinned)));
        let anchor = self.anchor;
        // The view may be gone by the next frame.
        request_animation_frame(move || {
            let _ = anchor.try_with_value(|mark| place(mark.as_ref()));
        });
    }

    /// Hides it. Safe once the view is gone: a focus leaving a removed element
    /// still reports.
    pub fn hide(&self) {
        self.let_go();
        self.shown.try_set(None);
    }

    /// Hides a popover the pointer showed (not one focus or a tap showed).
    pub fn hide_hovered(&self) {
        if matches!(self.shown.try_get_untracked(), Some(Some((_, false)))) {
            self.hide();
        }
    }

    /// The mention described, if the popover is shown.
    pub fn anchor(&self) -> Option<web_sys::Element> {
        self.shown
            .try_with_untracked(Option::is_some)?
            .then(|| self.anchor.try_get_value().flatten())
            .flatten()
    }

    fn let_go(&self) {
        if let Some(mark) = self.anchor.try_get_value().flatten() {
            let _ = mark.remove_attribute("aria-describedby");
        }
        self.anchor.try_set_value(None);
    }
}

/// The popover, placed under the mention it describes (the reading view's keys dismiss
/// it).
#[component]
pub fn MentionPopover(popover: Popover) -> impl IntoView {
    let article = expect_context::<Article>();
    let marked = article.settings.marked;
    let note = move || {
        let (entity, _) = popover.shown.get()?;
        article
            .analysed
            .with(|analysed| mention_note(analysed, entity))
    };
    view! {
        <div
            id=NOTE_ID
            class="mention-note"
            hidden=move || popover.shown.with(Option::is_none)
        >
            {move || note().map(|note| body(note, marked))}
        </div>
    }
}

fn body(note: MentionNote, marked: RwSignal<Option<String>>) -> impl IntoView {
    let MentionNote {
        name,
        stands_for,
        kind,
        value,
        country,
        same_country,
        key,
    } = note;
    let described = [Some(kind.to_string()), stands_for, value]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" \u{00b7} ");
    // Lines left empty are not shown (style/desk.css): plain strings keep the
    // popover's view small.
    let country = country
        .map(|country| format!("Stands for {country}"))
        .unwrap_or_default();
    let mut others = String::new();
    if !same_country.is_empty() {
        let listed = &same_country[..same_country.len().min(NAMES_LISTED)];
        others = format!("Also named here: {}", listed.join(", "));
        if same_country.len() > NAMES_LISTED {
            let more = group(same_country.len() - NAMES_LISTED);
            others.push_str(&format!(" and {more} more"));
        }
    }
    let is_marked = {
        let key = key.clone();
        move || {
            marked
                .with(|marked| marked.as_ref() == Some(&key))
                .to_string()
        }
    };
    view! {
        <p class="note-name">{name}</p>
        <p class="note-kind">{described}</p>
        <p class="note-country">{country}</p>
        <p class="note-others">{others}</p>
        <button
            type="button"
            class="button button-small note-mark"
            aria-pressed=is_marked
            on:click=move |_| {
                marked.update(|marked| {
                    *marked = if marked.as_ref() == Some(&key) { None } else { Some(key.clone()) };
                });
            }
        >
            "Mark all mentions"
        </button>
    }
}

/// Puts the popover under `mark`, within the reading panel's width.
fn place(mark: Option<&web_sys::Element>) {
    let Some(mark) = mark else { return };
    let Some(document) = window().document() else {
        return;
    };
    let Some(note) = document
        .get_element_by_id(NOTE_ID)
        .and_then(|note| note.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    let Some(panel) = note.offset_parent() else {
        return;
    };
    let (origin, at) = (
        panel.get_bounding_client_rect(),
        mark.get_bounding_client_rect(),
    );
    let width = f64::from(note.offset_width());
    let room = origin.width() - width;
    let left = (at.left() - origin.left()).min(room).max(0.0);
    // Through the CSSOM: the Content-Security-Policy forbids style attributes.
    let style = note.style();
    let _ = style.set_property("left", &format!("{left}px"));
    let _ = style.set_property("top", &format!("{}px", at.bottom() - origin.top() + 6.0));
}
