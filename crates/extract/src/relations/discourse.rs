//! References that reach across sentences: "both countries" and "the two presidents"
//! (the last two countries named), "the republic" (the country last named), and blocs a
//! country is said to lead ("the Moscow-led EAEU"), through which it relates to the
//! bloc's members named with it.

use rustc_hash::FxHashMap;

use super::actors::{Actor, Roles};
use super::features::Role;
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::steps::tick;
use crate::tokens::Tokens;

/// How many recently named countries are remembered.
const MEMORY: usize = 8;

#[derive(Default)]
pub(super) struct Discourse {
    /// Countries acting in recent clauses, most recent first, each once.
    recent: Vec<CountryCode>,
    /// The same for countries named as states, which "the republic" can stand for.
    recent_states: Vec<CountryCode>,
    /// Blocs (canonical names) and the country the text says leads each.
    leaders: FxHashMap<String, CountryCode>,
}

impl Discourse {
    /// Learns "Moscow-led EAEU" and "the EAEU, led by Russia" from a clause.
    pub fn learn_leaders(
        &mut self,
        tokens: &Tokens<'_>,
        mentions: &[Mention],
        in_clause: &[usize],
    ) {
        for pair in in_clause.windows(2) {
            let (first, second) = (&mentions[pair[0]], &mentions[pair[1]]);
            let gap = second.first - first.last - 1;
            let word = |k: usize| tokens.folded(first.last + 1 + k);
            let (country, bloc) = match gap {
                2 if word(0) == "-" && matches!(word(1), "led" | "dominated") => (first, second),
                2 if (word(0), word(1)) == ("led", "by") => (second, first),
                3 if (word(0), word(1), word(2)) == (",", "led", "by") => (second, first),
                _ => continue,
            };
            if let (Some(code), Label::Org, Some(name)) =
                (country.country, bloc.label, &bloc.canonical)
            {
                if bloc.country.is_none() {
                    self.leaders.entry(name.clone()).or_insert(code);
                }
            }
        }
    }

    /// "the republic", "the country": the state last named before it, in this clause
    /// or an earlier one. `actors` are in text order, so one pass over them serves every
    /// stand-in (a search back from each would be quadratic in a hostile clause).
    pub fn stand_ins(
        &self,
        tokens: &Tokens<'_>,
        first: usize,
        last: usize,
        actors: &[Actor],
    ) -> Vec<Actor> {
        // No state to stand for: the clause's words need not be read.
        let may_stand = !self.recent_states.is_empty() || actors.iter().any(Actor::is_state);
        let words = if may_stand { first..last } else { first..first };
        let mut earlier = None;
        let mut next = 0;
        words
            .filter(|&i| {
                tokens.folded(i) == "the"
                    && matches!(tokens.folded(i + 1), "republic" | "country" | "kingdom")
            })
            .filter_map(|i| {
                while next < actors.len() && actors[next].last < i {
                    tick(1);
                    if actors[next].is_state() {
                        earlier = Some(actors[next].country);
                    }
                    next += 1;
                }
                let country = earlier.or_else(|| self.recent_states.first().copied())?;
                let roles = Roles::default().with(Role::State).with(Role::StandIn);
                Some(Actor::new(country, i, i + 1, roles))
            })
            .collect()
    }

    /// "both countries", "the two presidents" in a clause that names fewer than two
    /// countries itself: the last two countries named, standing at the words that
    /// refer to them.
    pub fn both(
        &self,
        tokens: &Tokens<'_>,
        first: usize,
        last: usize,
        actors: &[Actor],
    ) -> Option<[Actor; 2]> {
        let named = actors
            .iter()
            .filter(|actor| actors[0].country != actor.country)
            .count();
        if named > 0 || self.recent.len() < 2 {
            return None;
        }
        let at = (first..last).find(|&i| {
            let quantifier = tokens.folded(i) == "both"
                || (tokens.folded(i) == "the" && tokens.folded(i + 1) == "two");
            let noun_at = if tokens.folded(i) == "both" {
                i + 1
            } else {
                i + 2
            };
            quantifier
                && noun_at <= last
                && matches!(
                    tokens.folded(noun_at),
                    "countries"
                        | "nations"
                        | "states"
                        | "presidents"
                        | "leaders"
                        | "governments"
                        | "sides"
                        | "capitals"
                )
        });
        let roles = Roles::default().with(Role::StandIn).with(Role::Listed);
        let both = |country: CountryCode, at: usize| Actor {
            acts: true,
            ..Actor::new(country, at, at + 1, roles)
        };
        match self.recent.as_slice() {
            [x, y, ..] => at.map(|at| [both(*x, at), both(*y, at)]),
            _ => None,
        }
    }

    /// Blocs named in the clause that the text says a country leads, each standing for
    /// its leader: "Armenia froze its membership of the CSTO" names Russia through it.
    pub fn blocs(&self, mentions: &[Mention], in_clause: &[usize]) -> Vec<Actor> {
        if self.leaders.is_empty() {
            return Vec::new();
        }
        let roles = Roles::default().with(Role::Organisation).with(Role::Bloc);
        in_clause
            .iter()
            .filter_map(|&m| {
                let mention = &mentions[m];
                let leader = self.leaders.get(mention.canonical.as_ref()?)?;
                Some(Actor::new(*leader, mention.first, mention.last, roles))
            })
            .collect()
    }

    /// Remembers the countries of a clause, the last named first.
    pub fn remember(&mut self, actors: &[Actor]) {
        for actor in actors.iter().filter(|actor| !actor.roles.has(Role::Bloc)) {
            tick(1);
            push_front(&mut self.recent, actor.country);
            if actor.is_state() {
                push_front(&mut self.recent_states, actor.country);
            }
        }
    }
}

/// Puts `country` first in a bounded most-recent-first list.
fn push_front(recent: &mut Vec<CountryCode>, country: CountryCode) {
    recent.retain(|known| *known != country);
    recent.insert(0, country);
    recent.truncate(MEMORY);
}
