//! Relations between countries: the rules read every clause that names two countries
//! (or refers to two: "both countries", a bloc a country leads) into a *statement* with
//! features — each name's role in the clause, the cue words of each type and how near
//! they stand, hedges, negations, history ([`statements`], [`actors`], [`cues`],
//! [`discourse`]) — and a small learned model decides which pairs the document relates,
//! with which types and how surely ([`classifier`], trained by [`learn`]).
//!
//! The weights are data (`data/relation_weights.tsv`), made by `make train-relations`
//! from annotated documents; `make eval-relations` cross-validates them.

mod actors;
mod classifier;
mod cues;
mod direction;
mod discourse;
mod features;
mod learn;
mod lexicon;
mod statements;

use crate::mention::Mention;
use crate::model::{Amount, CountryCode, Relation, Span};
use crate::steps::tick;
use crate::tokens::{TokenKind, Tokens};

pub use classifier::{Weights, THRESHOLD};
pub use statements::{Reading, Statement};

/// Training and evaluation (`examples/train_relations.rs`, `examples/eval_relations.rs`).
pub mod training {
    pub use crate::relations::classifier::{decide, decide_at};
    pub use crate::relations::features::statement::names as statement_feature_names;
    pub use crate::relations::learn::{fit, Example};
}

/// Per-token facts the clause rules need, computed once per document.
pub(super) struct Layout {
    /// Inside an entity's span.
    pub in_entity: Vec<bool>,
    /// Inside round brackets.
    pub bracketed: Vec<bool>,
    /// In a dateline: "SEOUL, South Korea (CNN) -".
    pub dateline: Vec<bool>,
    /// The first token of an armed group's name ("ISIL", "al-Qaeda"): fighting or
    /// countering one is a security matter between the states involved. Marked only in
    /// the sentences that relate two countries ([`Layout::mark_armed_groups`]).
    pub armed_group: Vec<bool>,
}

impl Layout {
    fn new(tokens: &Tokens<'_>, mentions: &[Mention]) -> Layout {
        let mut in_entity = vec![false; tokens.len()];
        for mention in mentions {
            tick(mention.last + 1 - mention.first);
            in_entity[mention.first..=mention.last]
                .iter_mut()
                .for_each(|t| *t = true);
        }
        Layout {
            in_entity,
            bracketed: bracketed(tokens),
            dateline: datelines(tokens),
            armed_group: vec![false; tokens.len()],
        }
    }

    /// Marks the armed groups whose names open in tokens `first..=last`. Only the
    /// sentences that relate two countries read them, and testing a name costs: the
    /// others are not marked. `mentions` are sorted by their first token.
    fn mark_armed_groups(&mut self, mentions: &[Mention], first: usize, last: usize) {
        let from = mentions.partition_point(|mention| mention.first < first);
        for mention in mentions[from..].iter().take_while(|m| m.first <= last) {
            self.armed_group[mention.first] = cues::is_armed_group(mention);
        }
    }
}

/// The tokens inside round or square brackets.
fn bracketed(tokens: &Tokens<'_>) -> Vec<bool> {
    let mut bracketed = vec![false; tokens.len()];
    let mut depth = 0u32;
    for (i, inside) in bracketed.iter_mut().enumerate() {
        // Only punctuation changes the depth: words are not read (most tokens).
        if tokens.list[i].kind == TokenKind::Punct {
            depth = depth_after(tokens, i, depth);
        }
        *inside = depth > 0;
    }
    bracketed
}

/// The bracket depth after punctuation token `i`, `depth` before it.
fn depth_after(tokens: &Tokens<'_>, i: usize, depth: u32) -> u32 {
    match tokens.folded(i) {
        "(" | "[" => depth + 1,
        ")" | "]" => depth.saturating_sub(1),
        // A sentence end closes anything left open.
        "." | "!" | "?" if tokens.list.get(i + 1).is_some_and(|t| t.newline_before) => 0,
        _ => depth,
    }
}

/// The longest dateline read, in tokens: "COLUMBUS, Ohio (AP) -" has eight.
const DATELINE_TOKENS: usize = 12;

/// The tokens of datelines: a line that starts with a word in capitals and reaches a
/// dash (or another mark that is no comma, bracket or full stop) before any word in
/// lower case: "CAIRO -", "SEOUL, South Korea (CNN) -".
fn datelines(tokens: &Tokens<'_>) -> Vec<bool> {
    let mut dateline = vec![false; tokens.len()];
    for start in 0..tokens.len() {
        let line_start = start == 0 || tokens.list[start].newline_before;
        if !line_start || !tokens.is_all_caps(start) {
            continue;
        }
        let ends_dateline = |i: usize| {
            tokens.kind(i) == TokenKind::Punct
                && !matches!(tokens.folded(i), "," | "(" | ")" | "." | "'")
        };
        let end = (start + 1..tokens.len().min(start + DATELINE_TOKENS))
            .find(|&i| ends_dateline(i) || tokens.raw(i).starts_with(|c: char| c.is_lowercase()));
        if let Some(end) = end.filter(|&i| ends_dateline(i)) {
            dateline[start..end].iter_mut().for_each(|t| *t = true);
        }
    }
    dateline
}

/// The relations a document states, one per pair of countries, decided by the shipped
/// weights.
pub fn extract(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Vec<Relation> {
    // Every party a clause can have is a mention's country (stand-ins and blocs' leaders
    // too are countries named before): a text naming fewer than two states none, and
    // its clauses need not be read (over a third of the newswire dev set's text).
    if !names_two_countries(mentions) {
        return Vec::new();
    }
    match Weights::shipped() {
        Some(weights) => {
            classifier::decide(&statements::read(tokens, sentences, mentions), weights)
        }
        None => Vec::new(),
    }
}

/// Do the mentions name at least two different countries?
fn names_two_countries(mentions: &[Mention]) -> bool {
    let mut countries = mentions.iter().filter_map(|mention| mention.country);
    countries
        .next()
        .is_some_and(|first| countries.any(|country| country != first))
}

/// What the model reads of a document: its statements (for training and evaluation).
pub fn read(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Reading {
    statements::read(tokens, sentences, mentions)
}

pub(super) fn ordered(x: CountryCode, y: CountryCode) -> (CountryCode, CountryCode) {
    if x < y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Each sentence as (first token, last token, span).
pub(super) fn token_ranges(tokens: &Tokens<'_>, sentences: &[Span]) -> Vec<(usize, usize, Span)> {
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut token = 0;
    for span in sentences {
        while token < tokens.len() && tokens.list[token].span().start < span.start {
            token += 1;
        }
        let first = token;
        while token < tokens.len() && tokens.list[token].span().end <= span.end {
            token += 1;
        }
        if token > first {
            ranges.push((first, token - 1, *span));
        }
    }
    ranges
}

/// A sentence's clauses: token ranges split at semicolons and before a contrast.
pub(super) fn clauses(tokens: &Tokens<'_>, first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut clauses = Vec::new();
    let mut start = first;
    for i in first..=last {
        // A comma before "while" or "whereas" joins two clauses with subjects of their
        // own: "A and B clashed, while C and D signed a deal".
        let contrast = tokens.is_punct(i, ',')
            && matches!(tokens.folded(i + 1), "while" | "whereas")
            && i < last;
        if tokens.is_punct(i, ';') || contrast || i == last {
            if i > start || i == last {
                clauses.push((start, i));
            }
            start = i + 1;
        }
    }
    clauses
}

/// The most amounts one pair takes from one clause.
const AMOUNTS_PER_PAIR: usize = 2;

/// The amounts of a clause (in text order) nearest to byte `at`, where the later
/// country of a pair is named: in "granted $30 million to Bishkek and $10 million to
/// Dushanbe" each capital gets the figures around it. A clause listing many pairs and
/// many figures thus does not give every pair every figure (a table of twenty lenders
/// and twenty borrowers would otherwise multiply them), and the search is a binary one.
pub(super) fn nearest_amounts(amounts: &[Amount], at: usize) -> &[Amount] {
    if amounts.len() <= AMOUNTS_PER_PAIR {
        return amounts;
    }
    let after = amounts.partition_point(|amount| amount.span.start < at);
    let start = after
        .saturating_sub(AMOUNTS_PER_PAIR - 1)
        .min(amounts.len() - AMOUNTS_PER_PAIR);
    &amounts[start..start + AMOUNTS_PER_PAIR]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Label;

    fn mention_of(country: Option<&str>) -> Mention {
        Mention {
            country: country.and_then(CountryCode::parse),
            ..Mention::new(0, 0, Label::Gpe)
        }
    }

    #[test]
    fn only_two_different_countries_can_make_a_pair() {
        let named = |countries: &[Option<&str>]| {
            let mentions: Vec<Mention> = countries.iter().map(|c| mention_of(*c)).collect();
            names_two_countries(&mentions)
        };
        assert!(!named(&[]));
        assert!(!named(&[None, Some("RU"), None, Some("RU")]));
        assert!(named(&[Some("RU"), None, Some("RU"), Some("KZ")]));
        assert!(named(&[None, Some("KZ"), Some("RU")]));
    }
}
