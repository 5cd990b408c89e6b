//! What surrounds a clause: whose government or forces it says are backed, the
//! document's own time (a sentence about a year long before it is history), and the
//! countries the document is about.

use super::super::actors::Actor;
use super::super::lexicon::{Mark, Words};
use super::Clause;
use crate::mention::Mention;
use crate::model::{CountryCode, Label, Value};
use crate::steps::tick;
use crate::tokens::Tokens;

/// Words that say one acts in support of, or in coordination with, another's
/// government or army: "coordinated with", "in support of", "at the request of".
pub(super) const BACKING: &[(&str, &str)] = &[
    ("coordinated", "with"),
    ("coordination", "with"),
    ("support", "of"),
    ("request", "of"),
    ("consent", "of"),
    ("alongside", ""),
];

/// Nouns that name a state's government or armed forces.
pub(super) const GOVERNMENT: &[&str] = &["government", "forces", "army", "military", "troops"];

/// The countries whose government or forces a clause says are backed: a backing phrase,
/// then within six words "the government of X", "X's forces" or "the X army".
pub(super) fn backed(
    tokens: &Tokens<'_>,
    first: usize,
    last: usize,
    actors: &[Actor],
) -> Vec<CountryCode> {
    if actors.is_empty() {
        return Vec::new();
    }
    let mut found = Vec::new();
    for i in first..last {
        let word = tokens.folded(i);
        let phrase = BACKING.iter().any(|(first, next)| {
            word == *first && (next.is_empty() || tokens.folded(i + 1) == *next)
        });
        if !phrase {
            continue;
        }
        let reach = i + 1..=(i + 7).min(last);
        let governed = |actor: &&Actor| {
            let near = |at: usize| reach.contains(&at);
            let noun_before = (1..=2).any(|k| {
                actor
                    .first
                    .checked_sub(k)
                    .is_some_and(|at| near(at) && GOVERNMENT.contains(&tokens.folded(at)))
            });
            let noun_after = (1..=2).any(|k| {
                let at = actor.last + k;
                near(at) && GOVERNMENT.contains(&tokens.folded(at))
            });
            near(actor.first) && (noun_before || noun_after)
        };
        // Actors are in text order: those after the phrase, within reach, by search.
        let from = actors.partition_point(|actor| actor.first <= i);
        tick(1);
        found.extend(
            actors[from..]
                .iter()
                .take_while(|actor| actor.first <= i + 7)
                .filter(governed)
                .map(|actor| actor.country),
        );
    }
    found
}

/// The latest year the document's dates name: its own time, roughly.
pub(super) fn document_year(mentions: &[Mention]) -> Option<u32> {
    mentions.iter().filter_map(year_of).max()
}

pub(super) fn year_of(mention: &Mention) -> Option<u32> {
    match &mention.value {
        Some(Value::Date(iso)) => iso
            .get(..4)?
            .parse()
            .ok()
            .filter(|y| (1000..=2100).contains(y)),
        _ => None,
    }
}

/// How long before the document's own time a year is history.
pub(super) const HISTORY_YEARS: u32 = 20;

/// A sentence about the past: it names a year long before the document's latest, or a
/// word of history ("century", "colonial").
pub(super) fn is_historical(
    words: &Words,
    mentions: &[Mention],
    clauses: &[Clause],
    year: Option<u32>,
) -> bool {
    let old_date = |m: &usize| {
        let (Some(then), Some(now)) = (year_of(&mentions[*m]), year) else {
            return false;
        };
        then + HISTORY_YEARS <= now
    };
    clauses.iter().any(|clause| {
        clause.in_clause.iter().any(old_date)
            || (clause.first..=clause.last).any(|i| words.at(i).has(Mark::History))
    })
}

/// The three countries the document names most (any mention but amounts and dates).
pub(super) fn prominent(mentions: &[Mention]) -> Vec<CountryCode> {
    let mut counts: Vec<(CountryCode, usize)> = Vec::new();
    for mention in mentions
        .iter()
        .filter(|m| !matches!(m.label, Label::Date | Label::Money | Label::Percent))
    {
        let Some(country) = mention.country else {
            continue;
        };
        match counts.binary_search_by_key(&country, |(c, _)| *c) {
            Ok(i) => counts[i].1 += 1,
            Err(i) => counts.insert(i, (country, 1)),
        }
    }
    // The three largest counts, by a pass each (counts are in code order, so ties go to
    // the first code).
    let mut most = Vec::new();
    for _ in 0..3 {
        let best = counts
            .iter()
            .enumerate()
            .filter(|(_, (country, _))| !most.contains(country))
            .max_by(|(i, x), (j, y)| x.1.cmp(&y.1).then(j.cmp(i)))
            .map(|(_, (country, _))| *country);
        most.extend(best);
    }
    most
}
