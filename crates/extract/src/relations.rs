//! Relations between countries, sentence by sentence: the countries acting in a
//! sentence (through names, capitals, leaders, demonyms, institutions), typed by cue
//! words, merged per pair with their evidence.
//!
//! A sentence yields a pair only when it also holds a cue word: co-mention alone is
//! not a relation. Three or more countries in one list ("visited A, B and C") do not
//! relate to each other, only to the actor outside the list. Hedged or negated
//! sentences count half.

use std::collections::BTreeMap;

use crate::entities::Mention;
use crate::gazetteer::EntryKind;
use crate::model::{Amount, CountryCode, Label, Relation, RelationType, Span, Value};
use crate::tokens::Tokens;

/// Word stems that signal each relation type (matched as prefixes of folded words).
const CUES: &[(RelationType, &[&str])] = &[
    (RelationType::Diplomacy, &[
        "visit", "talks", "met", "meet", "summit", "discuss", "invit", "ambassador", "envoy",
        "host", "diplomat", "negotiat", "call", "recogni", "mediat", "minister", "trip",
    ]),
    (RelationType::Agreement, &[
        "agreement", "treaty", "memorand", "deal", "contract", "declaration", "signed", "sign",
        "accord", "pact",
    ]),
    (RelationType::Economy, &[
        "trade", "invest", "aid", "grant", "loan", "debt", "remittanc", "migrant",
        "gas", "oil", "energy", "export", "import", "money", "financ", "assistance", "budget",
        "market", "fund", "pipeline", "tariff",
    ]),
    (RelationType::Security, &[
        "militar", "base", "troop", "defen", "arms", "weapon", "exercise", "terror", "security",
        "army", "soldier", "nuclear",
    ]),
    (RelationType::Integration, &[
        "membership", "member", "accession", "integration", "bloc", "join", "union", "alliance",
    ]),
    (RelationType::Tension, &[
        "disput", "accus", "sanction", "embargo", "ban", "expel", "rival", "compet", "pressur",
        "worsen", "condemn", "challeng", "tension", "protest", "threat", "orbit",
    ]),
    (RelationType::Conflict, &[
        "war", "attack", "strik", "struck", "airstrike", "bomb", "invad", "invasion", "kill", "fight",
        "clash", "shell", "missile",
    ]),
];

/// Verbs whose subject acts on their object: "Moscow granted $30 million to Bishkek".
const DIRECTED: &[&str] = &[
    "visit", "grant", "gave", "give", "provid", "lend", "lent", "sanction", "accus", "attack",
    "strik", "struck", "invad", "bomb", "expel", "pressur", "support", "host",
];

const HEDGES: &[&str] = &[
    "could", "might", "may", "possible", "possibly", "potential", "no", "not", "never",
    "would", "if", "hypothetical",
];

/// One country acting in a sentence, at the mention that names it.
struct Actor {
    country: CountryCode,
    mention: usize,
}

pub fn extract(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Vec<Relation> {
    let mut pairs: BTreeMap<(CountryCode, CountryCode), Relation> = BTreeMap::new();
    let mut next_mention = 0;
    for (sentence_first, sentence_last, span) in token_ranges(tokens, sentences) {
        while next_mention < mentions.len() && mentions[next_mention].last < sentence_first {
            next_mention += 1;
        }
        let in_sentence: Vec<usize> = (next_mention..mentions.len())
            .take_while(|&m| mentions[m].first <= sentence_last)
            .collect();
        let actors = actors(mentions, &in_sentence);
        if actors.iter().all(|actor| actor.country == actors[0].country) {
            continue;
        }
        let types = cue_types(tokens, sentence_first, sentence_last);
        if types.is_empty() {
            continue;
        }
        let weight = if hedged(tokens, sentence_first, sentence_last) { 0.5 } else { 1.0 };
        let amounts = amounts(tokens, mentions, &in_sentence);
        for (left, right) in related_pairs(tokens, mentions, &actors) {
            let direction = direction(tokens, mentions, &actors[left], &actors[right]);
            let (a, b) = ordered(actors[left].country, actors[right].country);
            let relation = pairs.entry((a, b)).or_insert_with(|| Relation {
                a,
                b,
                types: Vec::new(),
                direction: None,
                weight: 0.0,
                evidence: Vec::new(),
                amounts: Vec::new(),
            });
            merge(relation, &types, direction, weight, span, &amounts);
        }
    }
    pairs.into_values().collect()
}

fn merge(
    relation: &mut Relation,
    types: &[RelationType],
    direction: Option<(CountryCode, CountryCode)>,
    weight: f64,
    sentence: Span,
    amounts: &[Amount],
) {
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

fn ordered(x: CountryCode, y: CountryCode) -> (CountryCode, CountryCode) {
    if x < y { (x, y) } else { (y, x) }
}

/// Each sentence as (first token, last token, span).
fn token_ranges(tokens: &Tokens<'_>, sentences: &[Span]) -> Vec<(usize, usize, Span)> {
    let mut ranges = Vec::with_capacity(sentences.len());
    let mut token = 0;
    for span in sentences {
        while token < tokens.len() && tokens.list[token].span.start < span.start {
            token += 1;
        }
        let first = token;
        while token < tokens.len() && tokens.list[token].span.end <= span.end {
            token += 1;
        }
        if token > first {
            ranges.push((first, token - 1, *span));
        }
    }
    ranges
}

fn cue_types(tokens: &Tokens<'_>, first: usize, last: usize) -> Vec<RelationType> {
    let mut types: Vec<RelationType> = CUES
        .iter()
        .filter(|(_, stems)| (first..=last).any(|i| starts_with_any(tokens.folded(i), stems)))
        .map(|(kind, _)| *kind)
        .collect();
    types.sort();
    types
}

fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| word.starts_with(stem))
}

fn hedged(tokens: &Tokens<'_>, first: usize, last: usize) -> bool {
    (first..=last).any(|i| HEDGES.contains(&tokens.folded(i)))
}

/// Mentions that can act for a country: not mere cities or regions (venues).
fn actors(mentions: &[Mention], in_sentence: &[usize]) -> Vec<Actor> {
    in_sentence
        .iter()
        .filter(|&&m| !matches!(mentions[m].kind, Some(EntryKind::City | EntryKind::Region)))
        .filter(|&&m| !matches!(mentions[m].label, Label::Date | Label::Money | Label::Percent))
        .filter_map(|&m| mentions[m].country.map(|country| Actor { country, mention: m }))
        .collect()
}

/// The index pairs of actors that relate, one per pair of countries (the first mention
/// of each). Countries that appear only inside one list of three or more do not relate
/// to each other. Work is bounded by the number of distinct countries, not mentions.
fn related_pairs(tokens: &Tokens<'_>, mentions: &[Mention], actors: &[Actor]) -> Vec<(usize, usize)> {
    let list_of = list_membership(tokens, mentions, actors);
    // Per country: its first actor, and the one list holding all its mentions, if any.
    let mut countries: Vec<(CountryCode, usize, Option<usize>)> = Vec::new();
    for (index, actor) in actors.iter().enumerate() {
        match countries.iter_mut().find(|(code, ..)| *code == actor.country) {
            Some((_, _, list)) => {
                if *list != list_of[index] {
                    *list = None;
                }
            }
            None => countries.push((actor.country, index, list_of[index])),
        }
    }
    let mut pairs = Vec::new();
    for (i, &(_, left, left_list)) in countries.iter().enumerate() {
        for &(_, right, right_list) in &countries[i + 1..] {
            if left_list.is_none() || left_list != right_list {
                pairs.push((left, right));
            }
        }
    }
    pairs
}

/// For each actor, the id of the list of three or more it stands in, if any. A list is
/// a run of actor mentions separated only by commas, "and" or "or".
fn list_membership(tokens: &Tokens<'_>, mentions: &[Mention], actors: &[Actor]) -> Vec<Option<usize>> {
    let mut lists = vec![None; actors.len()];
    let mut start = 0;
    for i in 1..=actors.len() {
        let continues = i < actors.len() && {
            let (prev, next) = (&mentions[actors[i - 1].mention], &mentions[actors[i].mention]);
            (prev.last + 1..next.first).all(|j| matches!(tokens.folded(j), "," | "and" | "or" | "the"))
                && next.first > prev.last + 1
        };
        if !continues {
            if i - start >= 3 {
                lists[start..i].iter_mut().for_each(|l| *l = Some(start));
            }
            start = i;
        }
    }
    lists
}

/// The direction stated by a directed verb between the two mentions.
fn direction(
    tokens: &Tokens<'_>,
    mentions: &[Mention],
    left: &Actor,
    right: &Actor,
) -> Option<(CountryCode, CountryCode)> {
    let (before, after) = (&mentions[left.mention], &mentions[right.mention]);
    let directed = (before.last + 1..after.first).any(|i| starts_with_any(tokens.folded(i), DIRECTED));
    directed.then_some((left.country, right.country))
}

/// Money stated in the sentence.
fn amounts(tokens: &Tokens<'_>, mentions: &[Mention], in_sentence: &[usize]) -> Vec<Amount> {
    in_sentence
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
