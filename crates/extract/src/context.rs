//! Ambiguity settled by the document: "London" is the British capital, unless the rest
//! of the text is about Ontario. The countries named unambiguously in a document vote;
//! an ambiguous place takes the reading in the country with most votes, and readings
//! marked context-only ("Paris", Texas) need at least one vote to be taken at all.

use rustc_hash::FxHashMap;

use crate::gazetteer::{Entry, EntryKind, Gazetteer, Match};
use crate::model::CountryCode;

/// How often each country is named unambiguously in the document.
#[derive(Default)]
pub struct Context {
    votes: FxHashMap<CountryCode, u32>,
}

impl Context {
    pub fn of(gazetteer: &Gazetteer, matches: &[Match]) -> Context {
        let mut votes: FxHashMap<CountryCode, u32> = FxHashMap::default();
        for found in matches {
            if let Some(country) = unambiguous_country(gazetteer, found) {
                *votes.entry(country).or_default() += 1;
            }
        }
        Context { votes }
    }

    pub fn votes(&self, country: Option<CountryCode>) -> u32 {
        country.and_then(|c| self.votes.get(&c).copied()).unwrap_or(0)
    }

    /// The country named most often, if any.
    pub fn leading(&self, among: &[CountryCode]) -> Option<CountryCode> {
        among
            .iter()
            .copied()
            .filter(|c| self.votes(Some(*c)) > 0)
            .max_by_key(|c| (self.votes(Some(*c)), std::cmp::Reverse(*c)))
    }

    /// The most likely reading of a gazetteer match, or none when every reading needs
    /// support the document does not give.
    pub fn best<'g>(&self, gazetteer: &'g Gazetteer, found: &Match) -> Option<&'g Entry> {
        found
            .entries
            .iter()
            .map(|&id| gazetteer.entry(id))
            .filter(|entry| !entry.context_only || self.votes(entry.country) > 0)
            .min_by_key(|entry| {
                // Countries, demonyms and institutions outrank places of the same name;
                // among places, the document's countries decide, then size.
                let place = matches!(entry.kind, EntryKind::Capital | EntryKind::City | EntryKind::Region);
                let rank = if place { EntryKind::Capital } else { entry.kind };
                let support = if place { self.votes(entry.country) } else { 0 };
                (rank, std::cmp::Reverse(support), entry.context_only, std::cmp::Reverse(entry.population))
            })
    }
}

/// The country of a match whose ordinary readings all agree on one country.
fn unambiguous_country(gazetteer: &Gazetteer, found: &Match) -> Option<CountryCode> {
    let mut countries = found
        .entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| !entry.context_only)
        .map(|entry| entry.country);
    let first = countries.next()??;
    countries.all(|c| c == Some(first)).then_some(first)
}
