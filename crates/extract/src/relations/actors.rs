//! Who acts in a clause, and which of them relate to each other.

use rustc_hash::FxHashSet;

use super::cues::{starts_with_any, DIRECTED};
use super::{ordered, Layout};
use crate::gazetteer::EntryKind;
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::steps::tick;
use crate::tokens::Tokens;

/// One country acting in a clause, at the tokens that name it.
pub(super) struct Actor {
    pub country: CountryCode,
    pub first: usize,
    pub last: usize,
    /// Named as a state ("Armenia", "Yerevan"), not through a person or a demonym.
    pub state: bool,
}

/// Mentions that can act for a country: not mere cities, regions or landmarks, nor
/// capitals named as venues, nor countries in brackets, which only locate.
pub(super) fn actors(
    tokens: &Tokens<'_>,
    mentions: &[Mention],
    in_clause: &[usize],
    layout: &Layout,
) -> Vec<Actor> {
    in_clause
        .iter()
        .filter(|&&m| !is_place_within(&mentions[m]))
        .filter(|&&m| !layout.bracketed[mentions[m].first])
        .filter(|&&m| !is_venue(tokens, &mentions[m]))
        .filter(|&&m| {
            !matches!(
                mentions[m].label,
                Label::Date | Label::Money | Label::Percent
            )
        })
        .filter_map(|&m| {
            let mention = &mentions[m];
            mention.country.map(|country| Actor {
                country,
                first: mention.first,
                last: mention.last,
                state: mention.label == Label::Gpe,
            })
        })
        .collect()
}

/// A town, a province or a landmark ("the Eiffel Tower") only locates; seats of power
/// ("the Elysee") are institutions and act.
fn is_place_within(mention: &Mention) -> bool {
    match mention.kind {
        Some(EntryKind::City | EntryKind::Region) => true,
        Some(EntryKind::Area) => mention.label == Label::Fac,
        _ => false,
    }
}

/// A capital after "in" or "at" is where something happens, not who acts: "a summit in
/// Minsk". (A capital that acts is a subject or an object: "Minsk signed", "flew to Minsk".)
fn is_venue(tokens: &Tokens<'_>, mention: &Mention) -> bool {
    mention.kind == Some(EntryKind::Capital)
        && mention.first > 0
        && matches!(tokens.folded(mention.first - 1), "in" | "at")
}

/// The index pairs of actors that relate, one per pair of countries. The clause's
/// first actor (with the list it heads: "Kazakhstan and Uzbekistan received ...") is
/// its agent and relates to every other country; other countries relate to each other
/// only when named close together ("a Chinese base in Tajikistan"). Members of one list
/// never relate to each other; in a reciprocal clause only lists of three or more count.
pub(super) fn related_pairs(
    tokens: &Tokens<'_>,
    actors: &[Actor],
    reciprocal: bool,
) -> Vec<(usize, usize)> {
    let list_of = list_membership(tokens, actors, if reciprocal { 3 } else { 2 });
    let same_list = |x: usize, y: usize| list_of[x].is_some() && list_of[x] == list_of[y];
    let is_agent = |x: usize| x == 0 || same_list(0, x);
    let close = |x: usize, y: usize| actors[y].first <= actors[x].last + 8;
    let mut seen: FxHashSet<(CountryCode, CountryCode)> = FxHashSet::default();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    let mut add = |x: usize, y: usize| {
        let key = ordered(actors[x].country, actors[y].country);
        if actors[x].country != actors[y].country && !same_list(x, y) && seen.insert(key) {
            pairs.push((x, y));
        }
    };
    // One actor per country and role is enough to find every pair: a hostile clause
    // may name the same countries thousands of times. (The agents are one list, and no
    // other actor is in it, so an agent and another never stand in the same list.)
    let mut agents: Vec<usize> = Vec::new();
    let mut others: Vec<usize> = Vec::new();
    let mut known: FxHashSet<(bool, CountryCode)> = FxHashSet::default();
    for (x, actor) in actors.iter().enumerate() {
        tick(1);
        let agent = is_agent(x);
        if known.insert((agent, actor.country)) {
            if agent {
                agents.push(x)
            } else {
                others.push(x)
            }
        }
    }
    for &x in &agents {
        for &y in &others {
            tick(1);
            add(x, y);
        }
    }
    for x in 1..actors.len() {
        if close(x - 1, x) {
            add(x - 1, x);
        }
    }
    pairs
}

/// For each actor, the id of the list of at least `min_members` it stands in, if any.
/// A list is a run of actor mentions separated only by commas, "and", "or", "the", or
/// a short aside between commas (", to a lesser extent,").
fn list_membership(
    tokens: &Tokens<'_>,
    actors: &[Actor],
    min_members: usize,
) -> Vec<Option<usize>> {
    let mut lists = vec![None; actors.len()];
    let mut start = 0;
    for i in 1..=actors.len() {
        let continues = i < actors.len() && {
            let (prev, next) = (&actors[i - 1], &actors[i]);
            let gap = prev.last + 1..next.first;
            let plain = gap
                .clone()
                .all(|j| matches!(tokens.folded(j), "," | "and" | "or" | "the"));
            let aside = gap.len() <= 7
                && tokens.is_punct(gap.start, ',')
                && gap.clone().filter(|&j| tokens.is_punct(j, ',')).count() >= 2;
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

/// The positions of the directed verbs among `actors` (in text order), for [`direction`].
pub(super) fn directed_verbs(tokens: &Tokens<'_>, actors: &[Actor]) -> Vec<usize> {
    let (Some(first), Some(last)) = (actors.first(), actors.last()) else {
        return Vec::new();
    };
    (first.first..last.first)
        .filter(|&i| starts_with_any(tokens.folded(i), DIRECTED))
        .collect()
}

/// The direction stated by a directed verb between the two actors. `verbs` are the
/// clause's [`directed_verbs`]: a clause relating many countries is read once, not once
/// per pair.
pub(super) fn direction(
    verbs: &[usize],
    left: &Actor,
    right: &Actor,
) -> Option<(CountryCode, CountryCode)> {
    let after_left = verbs.partition_point(|&i| i <= left.last);
    let directed = verbs.get(after_left).is_some_and(|&i| i < right.first);
    directed.then_some((left.country, right.country))
}
