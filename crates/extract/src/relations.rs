//! Relations between countries, sentence by sentence: the countries acting in a
//! sentence (through names, capitals, leaders, demonyms, institutions), typed by cue
//! words, merged per pair with their evidence.
//!
//! Pairs are formed inside a clause (a sentence split at semicolons) and only when the
//! clause holds a cue word outside any entity name: co-mention alone is not a relation,
//! and the "Security" of "Centre for Energy and Security" is no cue. Countries named in
//! one list ("visited A, B and C") relate to the actor outside the list, not to each
//! other, unless the clause is reciprocal ("A and B signed", "talks between A and B").
//! Countries in brackets only locate things. A hedged clause ("could", "possible")
//! weighs 0.5, a negated one ("no", "not") 0.25, an assertion 1; pairs whose evidence
//! weighs less than 0.5 in all are dropped.

use std::collections::BTreeMap;

use crate::entities::Mention;
use crate::gazetteer::EntryKind;
use crate::model::{Amount, CountryCode, Label, Relation, RelationType, Span, Value};
use crate::tokens::{TokenKind, Tokens};

/// Word stems that signal each relation type (matched as prefixes of folded words).
const CUES: &[(RelationType, &[&str])] = &[
    (RelationType::Diplomacy, &[
        "visit", "talks", "met", "meet", "summit", "discuss", "invit", "ambassador", "envoy",
        "host", "diplomat", "negotiat", "call", "recogni", "mediat", "trip", "partner",
        "counterpart", "relations",
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
    "could", "might", "may", "possible", "possibly", "potential", "would", "if",
    "hypothetical", "perhaps", "reportedly",
];

const NEGATIONS: &[&str] = &["no", "not", "never", "neither", "nor", "without"];

/// Negation words that do not negate: "not only ... but also".
fn negates(tokens: &Tokens<'_>, i: usize) -> bool {
    NEGATIONS.contains(&tokens.folded(i)) && !(i + 1 < tokens.len() && tokens.folded(i + 1) == "only")
}

/// Words that make the countries of one list act with each other.
const RECIPROCAL: &[&str] = &[
    "signed", "sign", "agreed", "agree", "met", "meet", "meeting", "talks", "discussed",
    "discuss", "between", "bilateral", "partners", "partner", "relations", "together",
    "mutual", "joint", "negotiated", "negotiations", "clashed", "fought", "war", "dispute",
];

/// Below this total evidence weight a pair is not reported.
const MIN_WEIGHT: f64 = 0.5;

/// One country acting in a clause, at the mention that names it.
struct Actor {
    country: CountryCode,
    mention: usize,
}

/// Per-token facts the clause rules need, computed once per document.
struct Layout {
    /// Inside an entity's span.
    in_entity: Vec<bool>,
    /// Inside round brackets.
    bracketed: Vec<bool>,
}

impl Layout {
    fn new(tokens: &Tokens<'_>, mentions: &[Mention]) -> Layout {
        let mut in_entity = vec![false; tokens.len()];
        for mention in mentions {
            in_entity[mention.first..=mention.last].iter_mut().for_each(|t| *t = true);
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
            if matches!(tokens.folded(i), "." | "!" | "?") && tokens.list.get(i + 1).is_some_and(|t| t.newline_before) {
                depth = 0;
            }
            *inside = depth > 0;
        }
        Layout { in_entity, bracketed }
    }
}

pub fn extract(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Vec<Relation> {
    let layout = Layout::new(tokens, mentions);
    let mut pairs: BTreeMap<(CountryCode, CountryCode), Relation> = BTreeMap::new();
    let mut next_mention = 0;
    for (sentence_first, sentence_last, span) in token_ranges(tokens, sentences) {
        for (first, last) in clauses(tokens, sentence_first, sentence_last) {
            while next_mention < mentions.len() && mentions[next_mention].last < first {
                next_mention += 1;
            }
            let in_clause: Vec<usize> = (next_mention..mentions.len())
                .take_while(|&m| mentions[m].first <= last)
                .collect();
            let actors = actors(mentions, &in_clause, &layout);
            if actors.iter().all(|actor| actor.country == actors[0].country) {
                continue;
            }
            let types = cue_types(tokens, &layout, first, last);
            if types.is_empty() {
                continue;
            }
            let weight = clause_weight(tokens, first, last);
            let amounts = amounts(tokens, mentions, &in_clause);
            let reciprocal = (first..=last).any(|i| RECIPROCAL.contains(&tokens.folded(i)));
            for (left, right) in related_pairs(tokens, mentions, &actors, reciprocal) {
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
    }
    pairs.into_values().filter(|r| r.weight >= MIN_WEIGHT).collect()
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

fn clause_weight(tokens: &Tokens<'_>, first: usize, last: usize) -> f64 {
    if (first..=last).any(|i| negates(tokens, i)) {
        0.25
    } else if (first..=last).any(|i| HEDGES.contains(&tokens.folded(i))) {
        0.5
    } else {
        1.0
    }
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

fn cue_types(tokens: &Tokens<'_>, layout: &Layout, first: usize, last: usize) -> Vec<RelationType> {
    let words: Vec<&str> = (first..=last)
        .filter(|&i| !layout.in_entity[i] && tokens.kind(i) == TokenKind::Word)
        .map(|i| tokens.folded(i))
        .collect();
    let mut types: Vec<RelationType> = CUES
        .iter()
        .filter(|(_, stems)| words.iter().any(|word| starts_with_any(word, stems)))
        .map(|(kind, _)| *kind)
        .collect();
    types.sort();
    types
}

fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| word.starts_with(stem))
}

/// Mentions that can act for a country: not mere cities or regions (venues), nor
/// countries in brackets, which only locate.
fn actors(mentions: &[Mention], in_clause: &[usize], layout: &Layout) -> Vec<Actor> {
    in_clause
        .iter()
        .filter(|&&m| !matches!(mentions[m].kind, Some(EntryKind::City | EntryKind::Region)))
        .filter(|&&m| !layout.bracketed[mentions[m].first])
        .filter(|&&m| !matches!(mentions[m].label, Label::Date | Label::Money | Label::Percent))
        .filter_map(|&m| mentions[m].country.map(|country| Actor { country, mention: m }))
        .collect()
}

/// The index pairs of actors that relate, one per pair of countries. The clause's
/// first actor (with the list it heads: "Kazakhstan and Uzbekistan received ...") is
/// its agent and relates to every other country; other countries relate to each other
/// only when named close together ("a Chinese base in Tajikistan"). Members of one list
/// never relate to each other; in a reciprocal clause only lists of three or more count.
fn related_pairs(tokens: &Tokens<'_>, mentions: &[Mention], actors: &[Actor], reciprocal: bool) -> Vec<(usize, usize)> {
    let list_of = list_membership(tokens, mentions, actors, if reciprocal { 3 } else { 2 });
    let same_list = |x: usize, y: usize| list_of[x].is_some() && list_of[x] == list_of[y];
    let is_agent = |x: usize| x == 0 || same_list(0, x);
    let close = |x: usize, y: usize| mentions[actors[y].mention].first <= mentions[actors[x].mention].last + 8;
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let add = |x: usize, y: usize, pairs: &mut Vec<(usize, usize)>| {
        let key = ordered(actors[x].country, actors[y].country);
        let seen = pairs.iter().any(|&(p, q)| ordered(actors[p].country, actors[q].country) == key);
        if actors[x].country != actors[y].country && !same_list(x, y) && !seen {
            pairs.push((x, y));
        }
    };
    for x in (0..actors.len()).filter(|&x| is_agent(x)) {
        for y in (0..actors.len()).filter(|&y| !is_agent(y)) {
            add(x, y, &mut pairs);
        }
    }
    for x in 1..actors.len() {
        if close(x - 1, x) {
            add(x - 1, x, &mut pairs);
        }
    }
    pairs
}

/// For each actor, the id of the list of at least `min_members` it stands in, if any.
/// A list is a run of actor mentions separated only by commas, "and", "or", "the", or
/// a short aside between commas (", to a lesser extent,").
fn list_membership(tokens: &Tokens<'_>, mentions: &[Mention], actors: &[Actor], min_members: usize) -> Vec<Option<usize>> {
    let mut lists = vec![None; actors.len()];
    let mut start = 0;
    for i in 1..=actors.len() {
        let continues = i < actors.len() && {
            let (prev, next) = (&mentions[actors[i - 1].mention], &mentions[actors[i].mention]);
            let gap = prev.last + 1..next.first;
            let plain = gap.clone().all(|j| matches!(tokens.folded(j), "," | "and" | "or" | "the"));
            let aside = gap.len() <= 7 && tokens.is_punct(gap.start, ',') && gap.clone().filter(|&j| tokens.is_punct(j, ',')).count() >= 2;
            (plain || aside) && !gap.is_empty()
        };
        if !continues {
            if i - start >= min_members {
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
