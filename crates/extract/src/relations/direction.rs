//! Who acts on whom in a statement, where the text says so: the subject of a verb that
//! acts on its object ("Moscow granted $30 million to Bishkek", "A expelled B's
//! diplomats"), the giver of what another receives ("Bishkek received aid from Moscow"),
//! the agent of a passive ("was struck by"), a country acting in another's territory
//! ("US strikes in Syria", "Kyrgyzstan hosts a Russian base": the guest acts in the
//! host's land). Talks, agreements and lists get no direction.

use super::actors::Actor;
use super::features::Role;
use super::lexicon::{Mark, Words};
use crate::model::CountryCode;

/// The acting and receiving verbs of a clause, by position, read once for all its pairs.
pub(super) struct Verbs {
    acting: Vec<usize>,
    receiving: Vec<usize>,
    /// The acting verbs that host a base or troops: their object acts on their subject.
    hosting: Vec<usize>,
}

/// How far from a verb of hosting a base or troops may be named: "hosts a Russian
/// military base", "the base that Kyrgyzstan hosts".
const HOSTED_REACH: usize = 4;

impl Verbs {
    pub fn of(words: &Words, first: usize, last: usize, actors: &[Actor]) -> Verbs {
        let mut verbs = Verbs {
            acting: Vec::new(),
            receiving: Vec::new(),
            hosting: Vec::new(),
        };
        // Only words between the first and the last name can stand between two names.
        let (Some(start), Some(end)) = (actors.first(), actors.iter().map(|a| a.first).max())
        else {
            return verbs;
        };
        for i in start.first.max(first)..end.min(last + 1) {
            let reading = words.at(i);
            if reading.has(Mark::Receives) {
                verbs.receiving.push(i);
            } else if reading.has(Mark::Acts) {
                verbs.acting.push(i);
                if reading.has(Mark::Hosts) && hosts_forces(words, i, first, last) {
                    verbs.hosting.push(i);
                }
            }
        }
        verbs
    }

    /// The first acting verb between the two names, and whether it hosts a base.
    fn acting_verb_between(&self, first: &Actor, second: &Actor) -> Option<bool> {
        let from = self.acting.partition_point(|&i| i <= first.last);
        let &at = self.acting.get(from).filter(|&&at| at < second.first)?;
        Some(self.hosting.binary_search(&at).is_ok())
    }

    /// Is there an acting verb between the two names?
    pub fn acting_between(&self, first: &Actor, second: &Actor) -> bool {
        any_between(&self.acting, first.last, second.first)
    }

    fn receiving_between(&self, first: &Actor, second: &Actor) -> bool {
        any_between(&self.receiving, first.last, second.first)
    }
}

/// Does a base or armed forces stand near the verb of hosting at `at` (within the
/// clause `first..=last`)?
fn hosts_forces(words: &Words, at: usize, first: usize, last: usize) -> bool {
    let near = at.saturating_sub(HOSTED_REACH).max(first)..=(at + HOSTED_REACH).min(last);
    near.into_iter().any(|i| {
        let reading = words.at(i);
        reading.has(Mark::Base) || reading.has(Mark::Military)
    })
}

fn any_between(positions: &[usize], after: usize, before: usize) -> bool {
    let from = positions.partition_point(|&i| i <= after);
    positions.get(from).is_some_and(|&i| i < before)
}

/// The direction the clause states between two names (`first` named before `second`),
/// as (who acts, on whom). `substantive` tells whether the clause speaks of armed,
/// security or economic matters, where a country acting in another's territory acts on
/// it ("US strikes in Syria", "Chinese investment in Tajikistan").
pub(super) fn direction(
    verbs: &Verbs,
    first: &Actor,
    second: &Actor,
    substantive: bool,
) -> Option<(CountryCode, CountryCode)> {
    let forward = Some((first.country, second.country));
    let backward = Some((second.country, first.country));
    let same_list = first.list.is_some() && first.list == second.list;
    if same_list {
        return None;
    }
    if verbs.receiving_between(first, second) && second.roles.has(Role::Origin) {
        return backward;
    }
    if let Some(hosting) = verbs.acting_verb_between(first, second) {
        // A passive ("was struck by B") or a host of the other's base ("A hosts B's
        // base") is acted on, by the second; both ("hosted by A") is the first acting.
        return if second.roles.has(Role::PassiveAgent) != hosting {
            backward
        } else {
            forward
        };
    }
    if first.roles.has(Role::Agent) && second.roles.has(Role::Goal) {
        return forward;
    }
    if substantive {
        let acts_in = |actor: &Actor, place: &Actor| {
            actor.roles.has(Role::Agent)
                && (place.roles.has(Role::Venue) || place.roles.has(Role::Place))
        };
        if acts_in(first, second) {
            return forward;
        }
        if acts_in(second, first) {
            return backward;
        }
    }
    None
}
