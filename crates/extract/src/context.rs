//! Ambiguity settled by the document: "London" is the British capital, unless the rest
//! of the text is about Ontario. The countries named unambiguously in a document vote;
//! an ambiguous place takes the reading in the country with most votes, and readings
//! marked context-only ("Paris", Texas) need at least one vote to be taken at all.
//! A place named once with its state ("Edmonton, Ky.") keeps that state's country for
//! the rest of the document, even where the gazetteer knows no such namesake: one
//! sense per discourse. And a local story names its towns: where one town of a state
//! or province is named unambiguously and another name has a reading there, that state
//! is where the story is set, and its readings win ("Edmonton, south of Cairns" is in
//! Queensland, however small that Edmonton is beside the Canadian city).

use rustc_hash::{FxHashMap, FxHashSet};

use crate::gazetteer::{Division, Entry, EntryKind, Gazetteer, Match};
use crate::model::CountryCode;
use crate::second_tier::{Reading, ReadingKind};

mod local;

use local::{DivisionEvidence, LocalEvidence, LARGEST_LOCAL_TOWN};

/// A state or province: its country, and which division where the tables say.
#[derive(Clone, Copy, Debug)]
pub struct State {
    pub country: CountryCode,
    pub division: Option<Division>,
}

/// How the text itself says which place a name is.
#[derive(Clone, Copy, Debug)]
pub enum Settled {
    /// Named with its state: "Edmonton, Ky.".
    InState(State),
    /// Called a town, though named like a country: "the city of Turkey" (in Texas). It
    /// is in the country the document names most.
    LocalTown,
    /// Said to be a place, though not which: "in Marion", "Logan residents"
    /// (`place_cues.rs`). A town named like a common word is read only where it is.
    Placed,
    /// Listed before "counties": "Cooke, Grayson and Love counties". A county.
    County,
}

/// How often each country is named unambiguously in the document.
#[derive(Default)]
pub struct Context {
    votes: FxHashMap<CountryCode, u32>,
    /// The votes of towns and states alone (no capitals, no countries): how local the
    /// story is to each country.
    local_votes: FxHashMap<CountryCode, u32>,
    /// The names that vote for each country: the first, and whether another does.
    voters: FxHashMap<CountryCode, Voters>,
    /// Place names (by `Match::name`) settled by the text.
    towns: FxHashMap<u32, CountryCode>,
    /// The states and provinces the story is set in, with the evidence (see
    /// `LocalEvidence`).
    local_divisions: FxHashMap<(CountryCode, Division), DivisionEvidence>,
    /// The states and provinces the text names outright ("Missouri", "Tenn.", a county
    /// of one state): where a name only the second tier knows is read.
    named_divisions: FxHashSet<(CountryCode, Division)>,
    /// Names (by their readings) the text says are places: their readings named like
    /// common words are taken too.
    placed: FxHashSet<u32>,
    /// Names listed as counties: their county readings are taken.
    counties: FxHashSet<u32>,
}

impl Context {
    /// `settled[i]` says what the text says about match `i`. A name settled anywhere in
    /// the document gives no vote to its gazetteer readings.
    pub fn of(gazetteer: &Gazetteer, matches: &[Match], settled: &[Option<Settled>]) -> Context {
        // One sense per discourse: a name said to be a place once is one everywhere.
        let mut placed = FxHashSet::default();
        let mut counties = FxHashSet::default();
        for (found, settled) in matches.iter().zip(settled) {
            // "Kanawha County": the word says it is a place.
            if named_as_county(gazetteer, found) {
                placed.insert(found.name);
            }
            match settled {
                Some(Settled::County) => {
                    counties.insert(found.name);
                    placed.insert(found.name);
                }
                Some(Settled::Placed) => {
                    placed.insert(found.name);
                }
                _ => {}
            }
        }
        let settled: FxHashMap<u32, Settled> = matches
            .iter()
            .zip(settled)
            .filter(|(_, settled)| !matches!(settled, Some(Settled::Placed | Settled::County)))
            .filter_map(|(found, settled)| Some((found.name, (*settled)?)))
            .collect();
        let unsettled: Vec<&Match> = matches
            .iter()
            .filter(|found| settled.is_empty() || !settled.contains_key(&found.name))
            .collect();
        let mut local = LocalEvidence::default();
        let mut seen = FxHashSet::default();
        // Each name once: its readings are counted once however often it comes.
        for found in matches.iter().filter(|found| seen.insert(found.name)) {
            let placed = placed.contains(&found.name);
            match settled.get(&found.name) {
                None => local.add_name(gazetteer, found, placed, None),
                Some(Settled::InState(state)) if state.division.is_none() => {
                    local.add_name(gazetteer, found, placed, Some(state.country))
                }
                Some(Settled::InState(state)) => local.add_settled_town(*state, found.name),
                Some(_) => {}
            }
        }
        let local_divisions = local.divisions_set_in();
        let mut context = Context {
            local_divisions,
            named_divisions: unsettled
                .iter()
                .filter_map(|found| named_division(gazetteer, found))
                .collect(),
            placed,
            counties,
            ..Context::default()
        };
        for found in unsettled {
            // A name with a namesake in the state the story is set in says nothing of
            // its famous reading's country.
            let Some(country) = unambiguous_country(gazetteer, found)
                .filter(|&country| !context.has_local_namesake(gazetteer, found, country))
            else {
                continue;
            };
            *context.votes.entry(country).or_default() += 1;
            context
                .voters
                .entry(country)
                .or_insert(Voters {
                    first: found.name,
                    others: false,
                })
                .add(found.name);
            if is_town_or_state(gazetteer, found) {
                *context.local_votes.entry(country).or_default() += 1;
            }
        }
        let most_named = context.most_named();
        for (name, settled) in settled {
            let country = match settled {
                Settled::InState(state) => Some(state.country),
                Settled::LocalTown => most_named,
                Settled::Placed | Settled::County => None,
            };
            if let Some(country) = country {
                context.towns.insert(name, country);
            }
        }
        context
    }

    /// Has the match a reading outside `country` in a state the story is set in?
    fn has_local_namesake(
        &self,
        gazetteer: &Gazetteer,
        found: &Match,
        country: CountryCode,
    ) -> bool {
        !self.local_divisions.is_empty()
            && readings(gazetteer, found).any(|entry| {
                entry.country != Some(country)
                    && self.is_local(entry, readings(gazetteer, found), found.name)
            })
    }

    /// Does a name other than `name` vote for `country`? A story about Paris, Illinois
    /// names France only by that "Paris".
    fn supported_without(&self, country: Option<CountryCode>, name: u32) -> bool {
        country
            .and_then(|country| self.voters.get(&country))
            .is_some_and(|voters| voters.others || voters.first != name)
    }

    /// The country named most often, if one is.
    pub fn most_named(&self) -> Option<CountryCode> {
        self.votes
            .iter()
            .max_by_key(|&(country, votes)| (*votes, std::cmp::Reverse(*country)))
            .map(|(country, _)| *country)
    }

    /// The country a local story is set in: named at least twice, and more often than
    /// all the others together.
    pub fn home(&self) -> Option<CountryCode> {
        let total: u32 = self.votes.values().sum();
        let country = self.most_named()?;
        let votes = self.votes(Some(country));
        (votes >= 2 && votes * 2 > total).then_some(country)
    }

    /// The country a local story is set in: [`Context::home`], or else the country of
    /// the states it is set in, when they are all of one.
    pub fn story_country(&self) -> Option<CountryCode> {
        self.home().or_else(|| {
            let mut countries = self.local_divisions.keys().map(|(country, _)| *country);
            let first = countries.next()?;
            countries.all(|country| country == first).then_some(first)
        })
    }

    /// The country of the town a place name was settled as in this document.
    pub fn town_country(&self, found: &Match) -> Option<CountryCode> {
        self.towns.get(&found.name).copied()
    }

    /// The country a match stands for in this document.
    pub fn country_of(&self, gazetteer: &Gazetteer, found: &Match) -> Option<CountryCode> {
        self.town_country(found)
            .or_else(|| self.best(gazetteer, found, None)?.country)
    }

    pub fn votes(&self, country: Option<CountryCode>) -> u32 {
        country
            .and_then(|c| self.votes.get(&c).copied())
            .unwrap_or(0)
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
    /// support the document does not give. `qualifier` is the country named right after
    /// the place ("London, Ont.", "Paris, Texas"): it decides outright.
    pub fn best<'g>(
        &self,
        gazetteer: &'g Gazetteer,
        found: &Match,
        qualifier: Option<CountryCode>,
    ) -> Option<&'g Entry> {
        let entries: Vec<&Entry> = found
            .entries
            .iter()
            .map(|&id| gazetteer.entry(id))
            .collect();
        let largest = largest_ordinary(entries.iter().copied());
        let capital_elsewhere = |entry: &Entry| {
            entries
                .iter()
                .any(|other| other.kind == EntryKind::Capital && other.country != entry.country)
        };
        let local = |entry: &Entry| {
            self.is_local(entry, entries.iter().copied(), found.name)
                && self.uncontested(entry, &entries, found.name)
        };
        // Listed as a county: its county reading, whatever else the name may be.
        if self.counties.contains(&found.name) {
            if let Some(county) = self.placed_reading(found, &entries) {
                return Some(county);
            }
        }
        let supported = entries
            .iter()
            .copied()
            .filter(|entry| {
                qualifier.is_some_and(|q| entry.country == Some(q))
                    || local(entry)
                    || self.supports(entry, largest, capital_elsewhere(entry))
                    || self.takes_second_tier(found, entry, &entries)
            })
            .min_by_key(|entry| {
                // Countries, demonyms and institutions outrank places of the same name;
                // among places, the qualifier, then the state the story is set in, then
                // the document's countries decide, then size.
                let place = matches!(
                    entry.kind,
                    EntryKind::Capital | EntryKind::City | EntryKind::Region
                );
                let rank = if self.is_local_state(entry, &entries)
                    || (place && local(entry) && self.outranks_country(entry, &entries, found.name))
                {
                    EntryKind::Country
                } else if place {
                    EntryKind::Capital
                } else {
                    entry.kind
                };
                let qualified = qualifier.is_some() && entry.country == qualifier;
                let support = if place { self.votes(entry.country) } else { 0 };
                (
                    rank,
                    !qualified,
                    !local(entry),
                    std::cmp::Reverse(support),
                    entry.context_only,
                    std::cmp::Reverse(entry.population),
                )
            });
        supported.or_else(|| self.placed_reading(found, &entries))
    }

    /// A name the text says is a place, though nothing else supports a reading of it:
    /// its reading in a state the story is set in, else in the country the document
    /// names most ("in Maryville", in a story about Fort Worth, Texas), else its largest
    /// ("ARLINGTON — The council voted").
    fn placed_reading<'g>(&self, found: &Match, readings: &[&'g Entry]) -> Option<&'g Entry> {
        // Not a name the first tier knows as something else: Ford the company.
        let places_only = readings.iter().all(|entry| {
            entry.second_tier
                || matches!(
                    entry.kind,
                    EntryKind::City | EntryKind::Capital | EntryKind::Region
                )
        });
        if !places_only || !self.placed.contains(&found.name) {
            return None;
        }
        let county = self.counties.contains(&found.name);
        readings
            .iter()
            .copied()
            .filter(|entry| {
                if county {
                    entry.second_tier && entry.kind == EntryKind::Region
                } else {
                    matches!(
                        entry.kind,
                        EntryKind::City | EntryKind::Capital | EntryKind::Region
                    )
                }
            })
            .max_by_key(|entry| {
                let local = entry
                    .country
                    .zip(entry.division)
                    .is_some_and(|division| self.local_divisions.contains_key(&division));
                (
                    local,
                    self.votes(entry.country),
                    entry.population,
                    std::cmp::Reverse(entry.country),
                )
            })
    }

    /// Does the text say this name is a place?
    pub fn is_placed(&self, found: &Match) -> bool {
        self.placed.contains(&found.name)
    }

    /// Is the entry, one of `readings`, a place in a state or province the story is set
    /// in? A namesake thirty times smaller than the famous place needs the story set
    /// there firmly, and the namesake of a national capital needs the text to place a
    /// town there: an Ohio story naming Columbus and Dayton keeps Athens in Greece.
    fn is_local<'a>(
        &self,
        entry: &Entry,
        readings: impl Iterator<Item = &'a Entry> + Clone,
        name: u32,
    ) -> bool {
        let (Some(country), Some(division)) = (entry.country, entry.division) else {
            return false;
        };
        if self.local_divisions.is_empty() {
            return false;
        }
        let Some(evidence) = self.local_divisions.get(&(country, division)) else {
            return false;
        };
        if contends(entry, largest_ordinary(readings.clone())) {
            return true;
        }
        // A capital elsewhere yields only where the text places a town in the state, or
        // names a county of it and nothing else of the capital's country (Paris beside
        // Edgar County, Illinois).
        let capital = readings
            .clone()
            .find(|other| other.kind == EntryKind::Capital && other.country != entry.country);
        match capital {
            Some(capital) => {
                evidence.settled
                    || (evidence.county && !self.supported_without(capital.country, name))
            }
            None => evidence.firm(),
        }
    }

    /// The second-tier readings of a match the document supports: towns of a state the
    /// story is set in, or towns only the second tier knows in a state the text names.
    /// A reading named like a common word needs the text to say the name is a place.
    pub fn supported_second_tier(&self, gazetteer: &Gazetteer, found: &Match) -> Vec<u32> {
        if self.local_divisions.is_empty() && self.named_divisions.is_empty() {
            return Vec::new();
        }
        let readings: Vec<&Entry> = readings(gazetteer, found).collect();
        found
            .entries
            .iter()
            .zip(&readings)
            .filter(|(_, entry)| {
                entry.second_tier && self.takes_second_tier(found, entry, &readings)
            })
            .map(|(&id, _)| id)
            .collect()
    }

    /// Whether the document supports a second-tier reading (see
    /// [`Context::supported_second_tier`]).
    fn takes_second_tier(&self, found: &Match, entry: &Entry, readings: &[&Entry]) -> bool {
        // Most readings lie in no state the text names or the story is set in: they
        // are turned away before anything looks at the other readings.
        let Some(division) = entry.country.zip(entry.division) else {
            return false;
        };
        let local_or_named = self.local_divisions.contains_key(&division)
            || self.named_divisions.contains(&division);
        let placed = !entry.common_name || self.placed.contains(&found.name);
        if !(entry.second_tier && placed && local_or_named) {
            return false;
        }
        let local = self.is_local(entry, readings.iter().copied(), found.name)
            && self.uncontested(entry, readings, found.name);
        local || self.in_named_division(entry, readings)
    }

    /// A town only the second tier knows, in a state or province the text names: the
    /// Rogersville of a story about Missouri. Not a common word or name ("Marion").
    fn in_named_division(&self, entry: &Entry, readings: &[&Entry]) -> bool {
        entry.second_tier
            && readings.iter().all(|reading| reading.second_tier)
            && entry
                .country
                .zip(entry.division)
                .is_some_and(|division| self.named_divisions.contains(&division))
    }

    /// Does the document name no country of the other readings? A Kentucky story names
    /// Paris, Kentucky, unless it says it is about France.
    fn uncontested(&self, entry: &Entry, readings: &[&Entry], name: u32) -> bool {
        // Small towns elsewhere contest nothing: a story about Fargo that names the
        // Salvation Army (British) keeps Alexandria in Minnesota, not Scotland.
        readings.iter().all(|other| {
            other.country == entry.country
                || other.is_minor()
                || !self.supported_without(other.country, name)
        })
    }

    /// A state named like a country ("Georgia") is the state, ahead of the country, in
    /// a story set among its neighbours: two or more towns or states of its country
    /// named, and nothing of the country of the same name.
    fn is_local_state(&self, entry: &Entry, readings: &[&Entry]) -> bool {
        let set_there = entry
            .country
            .zip(entry.division)
            .and_then(|division| self.local_divisions.get(&division))
            .is_some_and(DivisionEvidence::firm);
        let local_votes = entry
            .country
            .and_then(|c| self.local_votes.get(&c))
            .is_some_and(|&votes| votes >= 2);
        entry.kind == EntryKind::Region
            && entry.context_only
            && !entry.second_tier
            && (local_votes || set_there)
            && readings
                .iter()
                .all(|other| other.kind != EntryKind::Country || self.votes(other.country) == 0)
    }

    /// A town (or state) named like a country is the town, ahead of the country, in a
    /// story set firmly in its state that names that country by this name alone:
    /// Lebanon beside Boone County and Zionsville, Indiana.
    fn outranks_country(&self, entry: &Entry, readings: &[&Entry], name: u32) -> bool {
        let firm = entry
            .country
            .zip(entry.division)
            .and_then(|division| self.local_divisions.get(&division))
            .is_some_and(DivisionEvidence::firm);
        firm && readings.iter().all(|other| {
            other.kind != EntryKind::Country
                || other.country == entry.country
                || !self.supported_without(other.country, name)
        })
    }

    /// A context-only reading needs the document to name its country, and a namesake
    /// thirty times smaller than the famous place needs an explicit qualifier: nobody
    /// means Paris, Texas by "Paris" alone.
    ///
    /// The namesake of a national capital elsewhere needs its country named by a town or
    /// state of it, not only by the country or its people: "London" in a story about
    /// Ontario is London, Ontario, but "Washington" in a British story is the American
    /// capital, not Washington, Tyne and Wear.
    fn supports(&self, entry: &Entry, largest_ordinary: u64, capital_elsewhere: bool) -> bool {
        let named = if capital_elsewhere {
            entry
                .country
                .and_then(|country| self.local_votes.get(&country))
                .is_some_and(|&votes| votes > 0)
        } else {
            self.votes(entry.country) > 0
        };
        !entry.context_only || (!entry.is_minor() && named && contends(entry, largest_ordinary))
    }
}

/// The names that vote for a country.
#[derive(Clone, Copy)]
struct Voters {
    first: u32,
    /// Does a name other than the first vote too?
    others: bool,
}

impl Voters {
    fn add(&mut self, name: u32) {
        self.others |= name != self.first;
    }
}

/// The state (or only the country) a place name stands for on its own, when its
/// contending readings agree: Cairns is in Queensland, Mosul in Iraq; London is
/// ambiguous.
pub fn where_is(gazetteer: &Gazetteer, found: &Match) -> Option<State> {
    let mut contenders = contenders(gazetteer, found);
    let first = contenders.next()?;
    let mut state = State {
        country: first.country?,
        division: first.division,
    };
    for other in contenders {
        if other.country != Some(state.country) {
            return None;
        }
        if other.division != state.division {
            state.division = None;
        }
    }
    Some(state)
}

/// Is the match a town or county too small to be known beyond its state: no state, and
/// no reading of a city of 300,000 (Brisbane says a story is about Queensland, not
/// where in it)?
fn is_small_place(gazetteer: &Gazetteer, found: &Match) -> bool {
    readings(gazetteer, found).all(|entry| {
        let state = entry.kind == EntryKind::Region && !entry.second_tier;
        !state && entry.population < LARGEST_LOCAL_TOWN
    })
}

/// The division of a town whose readings are all towns, of one state or province when
/// they contend, and small enough that naming it says the story is local: Cairns, "St.
/// Thomas", not Toronto.
fn town_division(gazetteer: &Gazetteer, found: &Match) -> Option<(CountryCode, Division)> {
    if largest_ordinary(readings(gazetteer, found)) >= LARGEST_LOCAL_TOWN {
        return None;
    }
    let state = where_town_is(gazetteer, found)?;
    Some((state.country, state.division?))
}

/// Is the match a county named with its word ("Kanawha County", "County Mayo"), not by
/// its name alone ("Norfolk")?
fn named_as_county(gazetteer: &Gazetteer, found: &Match) -> bool {
    found.last > found.first
        && found.entries.iter().any(|&id| {
            gazetteer
                .second_tier_reading(id)
                .is_some_and(|reading| reading.kind == ReadingKind::County)
        })
}

/// The state of a county named as a county, when the name has no reading elsewhere:
/// "Kanawha County" (West Virginia), not "Madison County" nor "Middlesex" (a county in
/// England and in Ontario, and towns in the United States).
fn county_division(gazetteer: &Gazetteer, found: &Match) -> Option<(CountryCode, Division)> {
    let readings: Vec<&Reading> = found
        .entries
        .iter()
        .map(|&id| gazetteer.second_tier_reading(id))
        .collect::<Option<_>>()?;
    let first = readings.first()?;
    let division = (first.country, first.division?);
    let one_place = readings
        .iter()
        .all(|reading| (reading.country, reading.division) == (division.0, Some(division.1)));
    let county = readings
        .iter()
        .any(|reading| reading.kind == ReadingKind::County);
    (one_place && county).then_some(division)
}

/// The state a match names outright: a state ("Missouri", "Tenn.") or a county of one.
fn named_division(gazetteer: &Gazetteer, found: &Match) -> Option<(CountryCode, Division)> {
    let mut states = readings(gazetteer, found)
        .filter(|entry| !entry.second_tier)
        .map(|entry| {
            let state = entry.kind == EntryKind::Region && !entry.context_only;
            state.then_some((entry.country?, entry.division?))
        });
    let first = states.next()??;
    if states.all(|state| state == Some(first)) {
        return Some(first);
    }
    county_division(gazetteer, found)
}

/// [`where_is`] for a name whose readings are all towns: Townsville, not Queensland.
pub fn where_town_is(gazetteer: &Gazetteer, found: &Match) -> Option<State> {
    readings(gazetteer, found)
        .filter(|entry| !entry.is_minor())
        .all(|entry| matches!(entry.kind, EntryKind::City | EntryKind::Capital))
        .then(|| where_is(gazetteer, found))
        .flatten()
}

/// The gazetteer's readings of a match.
fn readings<'a>(
    gazetteer: &'a Gazetteer,
    found: &'a Match,
) -> impl Iterator<Item = &'a Entry> + Clone {
    found.entries.iter().map(|&id| gazetteer.entry(id))
}

/// The readings of a match that can compete with its largest (see `contends`).
/// Minor second-tier readings never contend: the towns they name are too small to stand
/// for a name on their own.
fn contenders<'a>(gazetteer: &'a Gazetteer, found: &'a Match) -> impl Iterator<Item = &'a Entry> {
    let largest = largest_ordinary(readings(gazetteer, found));
    readings(gazetteer, found).filter(move |entry| !entry.is_minor() && contends(entry, largest))
}

/// The population of the largest reading that needs no support (the famous place), or,
/// when every reading needs support, of the largest one.
fn largest_ordinary<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> u64 {
    let largest = |ordinary_only: bool| {
        entries
            .clone()
            .filter(|e| !(ordinary_only && e.context_only))
            .map(|e| e.population)
            .max()
            .unwrap_or(0)
    };
    match largest(true) {
        0 => largest(false),
        population => population,
    }
}

/// Can a reading compete with the largest of its name on the document's countries
/// alone? A namesake thirty times smaller cannot: nobody means Paris, Texas by "Paris"
/// in a story that merely names the United States.
fn contends(entry: &Entry, largest_ordinary: u64) -> bool {
    !entry.context_only || entry.population.saturating_mul(30) >= largest_ordinary
}

/// Is every reading of the match a town or a state (no capital, no country)?
fn is_town_or_state(gazetteer: &Gazetteer, found: &Match) -> bool {
    found.entries.iter().all(|&id| {
        matches!(
            gazetteer.entry(id).kind,
            EntryKind::City | EntryKind::Region
        )
    })
}

/// The country of a match whose contending readings all agree on one country. A
/// context-only reading needs support itself, so it gives none.
fn unambiguous_country(gazetteer: &Gazetteer, found: &Match) -> Option<CountryCode> {
    if contenders(gazetteer, found).any(|entry| entry.context_only) {
        return None;
    }
    let mut countries = contenders(gazetteer, found).map(|entry| entry.country);
    let first = countries.next()??;
    countries.all(|c| c == Some(first)).then_some(first)
}

#[cfg(test)]
mod tests;
