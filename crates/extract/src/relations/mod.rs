//! Relations between countries: the countries acting in each clause (through names,
//! capitals, leaders, demonyms, institutions), typed by the cue words around each pair,
//! merged per pair with their evidence, direction and amounts.
//!
//! Pairs are formed inside a clause (a sentence split at semicolons) and only when the
//! clause holds a cue word outside any entity name ([`cues`]): co-mention alone is not
//! a relation. The clause's agent relates to the other countries in it; countries named
//! in one list ("visited A, B and C") do not relate to each other unless the clause is
//! reciprocal ("A and B signed"); countries in brackets only locate ([`actors`]).
//! References across sentences — "both countries", "the republic", a bloc "led" by a
//! country — come from [`discourse`]. A hedged clause weighs 0.5, a negated one 0.25, an
//! assertion 1; pairs whose evidence weighs less than 0.5 in all are dropped.

mod actors;
mod cues;
mod discourse;

use std::collections::BTreeMap;

use crate::mention::Mention;
use crate::model::{Amount, CountryCode, Relation, RelationType, Span, Value};
use crate::steps::tick;
use crate::tokens::Tokens;

use actors::{actors, directed_verbs, direction, related_pairs};
use cues::{clause_weight, cues, types_of, Cue, RECIPROCAL};
use discourse::Discourse;

/// Below this total evidence weight a pair is not reported.
const MIN_WEIGHT: f64 = 0.5;

/// Per-token facts the clause rules need, computed once per document.
pub(super) struct Layout {
    /// Inside an entity's span.
    pub in_entity: Vec<bool>,
    /// Inside round brackets.
    pub bracketed: Vec<bool>,
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
        let mut bracketed = vec![false; tokens.len()];
        let mut depth = 0u32;
        for (i, inside) in bracketed.iter_mut().enumerate() {
            match tokens.folded(i) {
                "(" | "[" => depth += 1,
                ")" | "]" => depth = depth.saturating_sub(1),
                _ => {}
            }
            // A sentence end closes anything left open.
            if matches!(tokens.folded(i), "." | "!" | "?")
                && tokens.list.get(i + 1).is_some_and(|t| t.newline_before)
            {
                depth = 0;
            }
            *inside = depth > 0;
        }
        Layout {
            in_entity,
            bracketed,
        }
    }
}

/// The relations a document states, one per pair of countries.
#[derive(Default)]
struct Pairs(BTreeMap<(CountryCode, CountryCode), Relation>);

impl Pairs {
    /// Records that `sentence` relates `x` and `y` with these types.
    fn add(&mut self, x: CountryCode, y: CountryCode, evidence: Evidence<'_>) {
        if x == y {
            return;
        }
        let (a, b) = ordered(x, y);
        let relation = self.0.entry((a, b)).or_insert_with(|| Relation {
            a,
            b,
            types: Vec::new(),
            direction: None,
            weight: 0.0,
            evidence: Vec::new(),
            amounts: Vec::new(),
        });
        merge(relation, evidence);
    }

    fn into_relations(self) -> Vec<Relation> {
        self.0
            .into_values()
            .filter(|r| r.weight >= MIN_WEIGHT)
            .collect()
    }
}

/// What one clause says about a pair.
#[derive(Clone, Copy)]
struct Evidence<'a> {
    types: &'a [RelationType],
    direction: Option<(CountryCode, CountryCode)>,
    weight: f64,
    sentence: Span,
    amounts: &'a [Amount],
}

pub fn extract(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Vec<Relation> {
    let layout = Layout::new(tokens, mentions);
    let mut pairs = Pairs::default();
    let mut discourse = Discourse::default();
    let mut next_mention = 0;
    for (sentence_first, sentence_last, sentence) in token_ranges(tokens, sentences) {
        for (first, last) in clauses(tokens, sentence_first, sentence_last) {
            while next_mention < mentions.len() && mentions[next_mention].last < first {
                next_mention += 1;
            }
            let in_clause: Vec<usize> = (next_mention..mentions.len())
                .take_while(|&m| mentions[m].first <= last)
                .collect();
            tick(in_clause.len());
            discourse.learn_leaders(tokens, mentions, &in_clause);
            let mut actors = actors(tokens, mentions, &in_clause, &layout);
            let stand_ins = discourse.stand_ins(tokens, first, last, &actors);
            actors.extend(stand_ins);
            actors.sort_by_key(|actor| actor.first);
            let several = actors
                .iter()
                .any(|actor| actor.country != actors[0].country);
            let both = discourse.both(tokens, first, last, &actors);
            // Typing costs most, so clauses that cannot relate two countries skip it.
            let cues = if several || both.is_some() || discourse.knows_leaders() {
                cues(tokens, &layout, first, last)
            } else {
                Vec::new()
            };
            let types = types_of(&cues, |_| true);
            if !types.is_empty() {
                let amounts = amounts(tokens, mentions, &in_clause);
                let evidence = Evidence {
                    types: &types,
                    direction: None,
                    weight: clause_weight(tokens, first, last),
                    sentence,
                    amounts: &amounts,
                };
                let reciprocal = (first..=last).any(|i| RECIPROCAL.contains(&tokens.folded(i)));
                let verbs = directed_verbs(tokens, &actors);
                for (left, right) in related_pairs(tokens, &actors, reciprocal) {
                    let direction = direction(&verbs, &actors[left], &actors[right]);
                    let later = actors[left].first.max(actors[right].first);
                    let amounts = nearest_amounts(&amounts, tokens.span(later, later).start);
                    let types = pair_types(&cues, &actors[left], &actors[right]);
                    pairs.add(
                        actors[left].country,
                        actors[right].country,
                        Evidence {
                            types: if types.is_empty() {
                                evidence.types
                            } else {
                                &types
                            },
                            direction,
                            amounts,
                            ..evidence
                        },
                    );
                }
                if let Some((x, y)) = both {
                    pairs.add(x, y, evidence);
                }
                discourse.through_blocs(mentions, &in_clause, &actors, &types, |x, y, kinds| {
                    pairs.add(
                        x,
                        y,
                        Evidence {
                            types: kinds,
                            ..evidence
                        },
                    );
                });
            }
            discourse.remember(&actors);
        }
    }
    pairs.into_relations()
}

/// The types of the cues in reach of a pair: between its two names or within a few
/// words of either. A long clause of several pairs gives each pair the cues around it.
fn pair_types(cues: &[Cue], a: &actors::Actor, b: &actors::Actor) -> Vec<RelationType> {
    const REACH: usize = 10;
    let first = a.first.min(b.first).saturating_sub(REACH);
    let last = a.last.max(b.last) + REACH;
    types_of(cues, |at| (first..=last).contains(&at))
}

fn merge(relation: &mut Relation, evidence: Evidence<'_>) {
    let Evidence {
        types,
        direction,
        weight,
        sentence,
        amounts,
    } = evidence;
    tick(types.len() + relation.types.len() + amounts.len());
    for kind in types {
        if !relation.types.contains(kind) {
            relation.types.push(*kind);
        }
    }
    relation.types.sort();
    if relation.evidence.last() != Some(&sentence) {
        relation.evidence.push(sentence);
        relation.weight += weight;
    }
    relation.direction = relation.direction.or(direction);
    relation.amounts.extend(amounts.iter().cloned());
}

pub(super) fn ordered(x: CountryCode, y: CountryCode) -> (CountryCode, CountryCode) {
    if x < y {
        (x, y)
    } else {
        (y, x)
    }
}

/// Each sentence as (first token, last token, span).
fn token_ranges(tokens: &Tokens<'_>, sentences: &[Span]) -> Vec<(usize, usize, Span)> {
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

/// A sentence's clauses: token ranges split at semicolons.
fn clauses(tokens: &Tokens<'_>, first: usize, last: usize) -> Vec<(usize, usize)> {
    let mut clauses = Vec::new();
    let mut start = first;
    for i in first..=last {
        if tokens.is_punct(i, ';') || i == last {
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
fn nearest_amounts(amounts: &[Amount], at: usize) -> &[Amount] {
    if amounts.len() <= AMOUNTS_PER_PAIR {
        return amounts;
    }
    let after = amounts.partition_point(|amount| amount.span.start < at);
    let start = after
        .saturating_sub(AMOUNTS_PER_PAIR - 1)
        .min(amounts.len() - AMOUNTS_PER_PAIR);
    &amounts[start..start + AMOUNTS_PER_PAIR]
}

/// Money stated in the clause.
fn amounts(tokens: &Tokens<'_>, mentions: &[Mention], in_clause: &[usize]) -> Vec<Amount> {
    in_clause
        .iter()
        .filter_map(|&m| match &mentions[m].value {
            Some(Value::Money(money)) => Some(Amount {
                span: tokens.span(mentions[m].first, mentions[m].last),
                money: money.clone(),
            }),
            _ => None,
        })
        .collect()
}
