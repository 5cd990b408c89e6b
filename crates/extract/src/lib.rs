//! Diplomap's extraction core: entities, their countries, and the relations between
//! countries, from English news text. Pure Rust with no I/O, shared by the CLI and the
//! browser app.
//!
//! [`analyze`] is the whole of it: text in, an [`Analysis`] out (entities with their
//! countries and values, sentences, relations between countries with their evidence).
//! [`schema`] turns an analysis into the exchange format, [`aggregate`] merges the
//! relations of many documents, and [`country_name`] names a country code.
//!
//! Inside, the stages read top to bottom, one private module each, and each imports only
//! from the ones before it (ARCHITECTURE.md, checked by `tests/architecture.rs`):
//! `normalize` → `tokens` → `lexicon` → `second_tier` → `gazetteer` → `context` →
//! `mention` → `entities` → `coref` → `relations` → `schema`. The tools that time or test the stages one by one
//! reach them through [`stages`], hidden from the documentation: it follows the layout
//! and is no stable API.

pub mod aggregate;
mod context;
mod coref;
mod entities;
mod gazetteer;
mod invariants;
mod lexicon;
mod mention;
mod model;
mod normalize;
mod relations;
pub mod schema;
mod second_tier;
mod steps;
mod table;
mod tokens;
mod vocabulary;

pub use gazetteer::{country_name, Gazetteer, Tables};
pub use model::{
    Amount, Analysis, CountryCode, CueWord, Entity, Label, Money, Relation, RelationType, Span,
    Value,
};
pub use schema::{Document, DocumentView};
pub use second_tier::SecondTierError;
#[cfg(feature = "count-steps")]
pub use steps::count_steps;

/// Analyses `text` with the built-in gazetteer.
pub fn analyze(text: &str) -> Analysis {
    analyze_with(Gazetteer::shared(), text)
}

/// Analyses `text` with the given gazetteer. Never panics; linear in the text's length.
/// A text over 1.6 GiB is analysed up to its first 1.6 GiB: offsets are 32-bit, and the
/// tokens' folded forms, kept after a copy of the text, take up to 1.5 times its size.
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
    let text = within_32_bit_offsets(text);
    let tokens = tokens::Tokens::new(text);
    let sentences = tokens::sentences(&tokens);
    progress(0.17);
    let mut mentions = entities::recognize(&tokens, gazetteer);
    progress(0.67);
    coref::resolve(&tokens, &mut mentions);
    progress(0.75);
    let relations = relations::extract(&tokens, &sentences, &mentions);
    progress(1.0);
    Analysis {
        entities: stages::entities(&tokens, mentions),
        sentences,
        relations,
    }
}

fn within_32_bit_offsets(text: &str) -> &str {
    let mut end = text.len().min(u32::MAX as usize / 5 * 2);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    &text[..end]
}

/// The stages of [`analyze_with`] one by one, for the tools that time or test them: the
/// throughput example times them, the fuzzer and the property tests check every
/// analysis against [`stages::check_invariants`]. Hidden from the documentation and no
/// stable API: it follows the core's layout (ARCHITECTURE.md).
///
/// ```
/// use diplomap_extract::{stages, Gazetteer};
///
/// let text = "Moscow lent Kazakhstan $1 billion.";
/// let tokens = stages::Tokens::new(text);
/// let sentences = stages::sentences(&tokens);
/// let mut mentions = stages::recognize(&tokens, Gazetteer::shared());
/// stages::resolve_coreference(&tokens, &mut mentions);
/// let relations = stages::extract_relations(&tokens, &sentences, &mentions);
/// assert_eq!(relations.len(), 1);
/// let entities = stages::entities(&tokens, mentions);
/// assert_eq!(entities.len(), 3);
/// ```
#[doc(hidden)]
pub mod stages {
    pub use crate::coref::resolve as resolve_coreference;
    #[cfg(feature = "names-deferred")]
    pub use crate::entities::names::install as install_name_model;
    pub use crate::entities::names::{
        agree, choose, perceptron, training_candidates, Candidate, Scored,
    };
    pub use crate::entities::{recognize, recognize_with};
    pub use crate::invariants::check as check_invariants;
    pub use crate::mention::Mention;
    pub use crate::relations::extract as extract_relations;
    pub use crate::tokens::{sentences, Tokens};
    use crate::Entity;

    /// The relation model's statements and its training API, for the tools that train,
    /// cross-validate and explain it (`examples/train_relations.rs`,
    /// `eval_relations.rs`, `explain_relations.rs`).
    pub mod relation_model {
        pub use crate::relations::training::*;
        pub use crate::relations::{Reading, Statement, Weights, THRESHOLD};
    }

    /// What the relation model reads in `text`: its statements about pairs of countries.
    pub fn read_relations(text: &str) -> relation_model::Reading {
        let text = crate::within_32_bit_offsets(text);
        let tokens = Tokens::new(text);
        let sentences = sentences(&tokens);
        let mut mentions = recognize(&tokens, crate::Gazetteer::shared());
        resolve_coreference(&tokens, &mut mentions);
        crate::relations::read(&tokens, &sentences, &mentions)
    }

    /// The second tier's format, for its builder (`examples/second_tier.rs`).
    pub mod second_tier {
        pub use crate::second_tier::{
            fnv1a, SecondTier, CASED_TOKENS, MAGIC, MAX_NAME_TOKENS, TOKEN_SEPARATOR, VERSION,
        };
    }

    /// The mentions as entities: byte spans instead of tokens.
    pub fn entities(tokens: &Tokens<'_>, mentions: Vec<Mention>) -> Vec<Entity> {
        mentions
            .into_iter()
            .map(|mention| Entity {
                span: tokens.span(mention.first, mention.last),
                label: mention.label,
                country: mention.country,
                canonical: mention.canonical,
                value: mention.value,
            })
            .collect()
    }
}
