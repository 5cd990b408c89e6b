//! Diplomap's extraction core: entities, their countries, and the relations between
//! countries, from English news text. Pure Rust with no I/O, shared by the CLI and the
//! browser app.
//!
//! The stages read top to bottom, one module each:
//! [`normalize`] → [`tokens`] (sentences and tokens) → [`gazetteer`] matching →
//! [`entities`] rules (with [`numbers`], and [`context`] to settle ambiguous names) →
//! [`linking`] (countries and coreference) → [`relations`]. [`schema`] turns the result into
//! the exchange format; [`aggregate`] merges the relations of many documents.

pub mod aggregate;
pub mod chinese_names;
pub mod context;
pub mod entities;
pub mod gazetteer;
pub mod invariants;
pub mod linking;
pub mod model;
pub mod normalize;
pub mod numbers;
pub mod relations;
pub mod schema;
mod steps;
pub mod tokens;

pub use gazetteer::Gazetteer;
pub use model::{
    Amount, Analysis, CountryCode, CueWord, Entity, Label, Money, Relation, RelationType, Span,
    Value,
};
pub use schema::{Document, DocumentView};
#[cfg(feature = "count-steps")]
pub use steps::count_steps;

/// Analyses `text` with the built-in gazetteer.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(Gazetteer::shared(), text)
}

/// Analyses `text` with the given gazetteer. Never panics; linear in the text's length.
/// A text over 4 GiB is analysed up to its first 4 GiB (token offsets are 32-bit).
pub fn analyze_with(gazetteer: &Gazetteer, text: &str) -> Analysis {
    analyze_with_progress(gazetteer, text, &mut |_| {})
}

/// [`analyze_with`], telling `progress` after each stage the share of the work done,
/// from 0 to 1 (a long text takes a while: this feeds a progress bar). The shares are
/// the stages' typical costs on news text (`examples/throughput.rs`).
pub fn analyze_with_progress(
    gazetteer: &Gazetteer,
    text: &str,
    progress: &mut dyn FnMut(f32),
) -> Analysis {
    let text = within_4_gib(text);
    let tokens = tokens::Tokens::new(text);
    let sentences = tokens::sentences(&tokens);
    progress(0.17);
    let mut mentions = entities::recognize(&tokens, gazetteer);
    progress(0.67);
    linking::link(&tokens, &mut mentions);
    progress(0.75);
    let relations = relations::extract(&tokens, &sentences, &mentions);
    progress(1.0);
    let entities = mentions
        .into_iter()
        .map(|mention| Entity {
            span: tokens.span(mention.first, mention.last),
            label: mention.label,
            country: mention.country,
            canonical: mention.canonical,
            value: mention.value,
        })
        .collect();
    Analysis {
        entities,
        sentences,
        relations,
    }
}

/// What the relation model reads in `text` (its statements about pairs of countries),
/// for training and evaluating it (`relations::training`).
pub fn read_relations(text: &str) -> relations::Reading {
    let text = within_4_gib(text);
    let tokens = tokens::Tokens::new(text);
    let sentences = tokens::sentences(&tokens);
    let mut mentions = entities::recognize(&tokens, Gazetteer::shared());
    linking::link(&tokens, &mut mentions);
    relations::read(&tokens, &sentences, &mentions)
}

fn within_4_gib(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize - 1);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The common English name of a country, e.g. `RU` -> `Russia`.
pub fn country_name(code: CountryCode) -> Option<&'static str> {
    Gazetteer::shared()
        .country(code)
        .map(|info| info.name.as_str())
}
