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

use rustc_hash::FxHashMap;

use crate::gazetteer::{Division, Entry, EntryKind, Gazetteer, Match};
use crate::model::CountryCode;

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
}

/// How often each country is named unambiguously in the document.
#[derive(Default)]
pub struct Context {
    votes: FxHashMap<CountryCode, u32>,
    /// The votes of towns and states alone (no capitals, no countries): how local the
    /// story is to each country.
    local_votes: FxHashMap<CountryCode, u32>,
    /// Place names (by their gazetteer readings) settled by the text.
    towns: FxHashMap<Vec<u32>, CountryCode>,
    /// The states and provinces the story is set in, with the evidence (see
    /// `LocalEvidence`).
    local_divisions: FxHashMap<(CountryCode, Division), DivisionEvidence>,
}

impl Context {
    /// `settled[i]` says what the text says about match `i`. A name settled anywhere in
    /// the document gives no vote to its gazetteer readings.
    pub fn of(gazetteer: &Gazetteer, matches: &[Match], settled: &[Option<Settled>]) -> Context {
        let settled: FxHashMap<&[u32], Settled> = matches
            .iter()
            .zip(settled)
            .filter_map(|(found, settled)| Some((found.entries.as_slice(), (*settled)?)))
            .collect();
        let unsettled: Vec<&Match> = matches
            .iter()
            .filter(|found| settled.is_empty() || !settled.contains_key(found.entries.as_slice()))
            .collect();
        let mut local = LocalEvidence::default();
        for found in &unsettled {
            local.add_name(gazetteer, found);
        }
        for (entries, settled) in &settled {
            if let (Settled::InState(state), Some(&name)) = (settled, entries.first()) {
                local.add_settled_town(*state, name);
            }
        }
        let mut context = Context {
            local_divisions: local.divisions_set_in(),
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
            if is_town_or_state(gazetteer, found) {
                *context.local_votes.entry(country).or_default() += 1;
            }
        }
        let most_named = context.most_named();
        for (entries, settled) in settled {
            let country = match settled {
                Settled::InState(state) => Some(state.country),
                Settled::LocalTown => most_named,
            };
            if let Some(country) = country {
                context.towns.insert(entries.to_vec(), country);
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
                entry.country != Some(country) && self.is_local(entry, readings(gazetteer, found))
            })
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

    /// The country of the town a place name was settled as in this document.
    pub fn town_country(&self, found: &Match) -> Option<CountryCode> {
        self.towns.get(&found.entries).copied()
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
        let local = |entry: &Entry| {
            self.is_local(entry, entries.iter().copied()) && self.uncontested(entry, &entries)
        };
        entries
            .iter()
            .copied()
            .filter(|entry| {
                qualifier.is_some_and(|q| entry.country == Some(q))
                    || local(entry)
                    || self.supports(entry, largest)
            })
            .min_by_key(|entry| {
                // Countries, demonyms and institutions outrank places of the same name;
                // among places, the qualifier, then the state the story is set in, then
                // the document's countries decide, then size.
                let place = matches!(
                    entry.kind,
                    EntryKind::Capital | EntryKind::City | EntryKind::Region
                );
                let rank = if self.is_local_state(entry, &entries) {
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
            })
    }

    /// Is the entry, one of `readings`, a place in a state or province the story is set
    /// in? A namesake thirty times smaller than the famous place needs the story set
    /// there firmly, and the namesake of a national capital needs the text to place a
    /// town there: an Ohio story naming Columbus and Dayton keeps Athens in Greece.
    fn is_local<'a>(
        &self,
        entry: &Entry,
        mut readings: impl Iterator<Item = &'a Entry> + Clone,
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
        let capital_elsewhere = readings
            .any(|other| other.kind == EntryKind::Capital && other.country != entry.country);
        if capital_elsewhere {
            evidence.settled
        } else {
            evidence.firm()
        }
    }

    /// Does the document name no country of the other readings? A Kentucky story names
    /// Paris, Kentucky, unless it says it is about France.
    fn uncontested(&self, entry: &Entry, readings: &[&Entry]) -> bool {
        readings
            .iter()
            .all(|other| other.country == entry.country || self.votes(other.country) == 0)
    }

    /// A state named like a country ("Georgia") is the state, ahead of the country, in
    /// a story set among its neighbours: two or more towns or states of its country
    /// named, and nothing of the country of the same name.
    fn is_local_state(&self, entry: &Entry, readings: &[&Entry]) -> bool {
        entry.kind == EntryKind::Region
            && entry.context_only
            && entry
                .country
                .and_then(|c| self.local_votes.get(&c))
                .is_some_and(|&votes| votes >= 2)
            && readings
                .iter()
                .all(|other| other.kind != EntryKind::Country || self.votes(other.country) == 0)
    }

    /// A context-only reading needs the document to name its country, and a namesake
    /// thirty times smaller than the famous place needs an explicit qualifier: nobody
    /// means Paris, Texas by "Paris" alone.
    fn supports(&self, entry: &Entry, largest_ordinary: u64) -> bool {
        !entry.context_only || (self.votes(entry.country) > 0 && contends(entry, largest_ordinary))
    }
}

/// What the names of a document say of the states and provinces it is set in. A state
/// is where the story is set when one of its towns is named unambiguously (Cairns) and
/// at least one other name has a reading there (Edmonton): a story naming famous
/// cities alone ("Paris and London", both with namesakes in Ontario and in Kentucky) is
/// set in none. It is set there firmly when the text places a town there ("Glasgow,
/// Ky.", "Edmonton, south of Cairns") or three names have readings there.
#[derive(Default)]
struct LocalEvidence {
    divisions: FxHashMap<(CountryCode, Division), DivisionEvidence>,
}

#[derive(Default)]
struct DivisionEvidence {
    /// The first distinct names with a reading there (by their first reading), up to
    /// the three that make the evidence firm.
    names: [u32; 3],
    named: usize,
    /// Is one of them a town found nowhere else?
    anchored: bool,
    /// Does the text say a town is there?
    settled: bool,
}

impl DivisionEvidence {
    /// Counts the name whose first reading is `name`, once however often it comes.
    fn add(&mut self, name: u32) {
        if self.named < self.names.len() && !self.names[..self.named].contains(&name) {
            self.names[self.named] = name;
            self.named += 1;
        }
    }

    fn set_in(&self) -> bool {
        self.settled || (self.anchored && self.named >= 2)
    }

    fn firm(&self) -> bool {
        self.settled || (self.anchored && self.named >= 3)
    }
}

impl LocalEvidence {
    fn add_name(&mut self, gazetteer: &Gazetteer, found: &Match) {
        let Some(&name) = found.entries.first() else {
            return;
        };
        let mut in_a_division = false;
        for entry in readings(gazetteer, found) {
            if let (Some(country), Some(division)) = (entry.country, entry.division) {
                in_a_division = true;
                self.divisions
                    .entry((country, division))
                    .or_default()
                    .add(name);
            }
        }
        if !in_a_division {
            return;
        }
        if let Some(division) = town_division(gazetteer, found) {
            self.divisions.entry(division).or_default().anchored = true;
        }
    }

    fn add_settled_town(&mut self, state: State, name: u32) {
        if let Some(division) = state.division {
            let evidence = self.divisions.entry((state.country, division)).or_default();
            evidence.add(name);
            evidence.settled = true;
        }
    }

    fn divisions_set_in(mut self) -> FxHashMap<(CountryCode, Division), DivisionEvidence> {
        self.divisions.retain(|_, evidence| evidence.set_in());
        self.divisions
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

/// The division of a town whose readings are all towns, of one state or province when
/// they contend, and small enough that naming it says the story is local: Cairns, "St.
/// Thomas", not Toronto.
fn town_division(gazetteer: &Gazetteer, found: &Match) -> Option<(CountryCode, Division)> {
    const LARGEST_LOCAL_TOWN: u64 = 300_000;
    if largest_ordinary(readings(gazetteer, found)) >= LARGEST_LOCAL_TOWN {
        return None;
    }
    let state = where_town_is(gazetteer, found)?;
    Some((state.country, state.division?))
}

/// [`where_is`] for a name whose readings are all towns: Townsville, not Queensland.
pub fn where_town_is(gazetteer: &Gazetteer, found: &Match) -> Option<State> {
    readings(gazetteer, found)
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
fn contenders<'a>(gazetteer: &'a Gazetteer, found: &'a Match) -> impl Iterator<Item = &'a Entry> {
    let largest = largest_ordinary(readings(gazetteer, found));
    readings(gazetteer, found).filter(move |entry| contends(entry, largest))
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
mod tests {
    use crate::analyze_with;
    use crate::gazetteer::{Gazetteer, Tables};

    fn empty_tables() -> Tables<'static> {
        Tables {
            countries: "",
            places: "",
            accent_folds: "",
            organizations: "",
            institutions: "",
            companies: "",
            people: "",
            regions: "",
            groups: "",
            given_names: "",
        }
    }

    fn gazetteer() -> Gazetteer {
        Gazetteer::from_tables(&Tables {
            countries: "code\tname\tnames\tdemonyms\tcapital\n\
                GB\tUnited Kingdom\t\tBritish\tLondon\n\
                CA\tCanada\t\tCanadian\tOttawa\n\
                AU\tAustralia\t\tAustralian\tCanberra\n\
                FR\tFrance\t\tFrench\tParis\n\
                US\tUnited States\t\tAmerican\tWashington\n",
            // Populations in quarter decades: 28 is 10 million, 23 is 560,000.
            places: "name\taliases\tcode\tkind\tpopulation\tcontext\tarea\n\
                London\t\tGB\tcity\t28\t\tENG\n\
                London\t\tCA\tcity\t23\t1\t08\n\
                London\t\tUS\tcity\t16\t1\tKY\n\
                Paris\t\tFR\tcity\t25\t\t\n\
                Paris\t\tUS\tcity\t18\t1\tTX\n\
                Paris\t\tUS\tcity\t16\t1\tKY\n\
                Paris\t\tCA\tcity\t16\t1\t08\n\
                Edmonton\t\tCA\tcity\t24\t\t01\n\
                Edmonton\t\tAU\tcity\t16\t1\t04\n\
                Edmonton\t\tUS\tcity\t13\t1\tKY\n\
                Cairns\t\tAU\tcity\t21\t1\t04\n\
                Queensland\t\tAU\tregion\t\t\t04\n\
                Brisbane\t\tAU\tcity\t25\t\t04\n\
                Georgetown\t\tUS\tcity\t18\t1\tKY\n\
                St. Thomas\t\tCA\tcity\t18\t1\t08\n\
                Glasgow\t\tGB\tcity\t23\t\tSCT\n\
                Ontario\tOnt.\tCA\tregion\t29\t\t08\n\
                Texas\tTex.\tUS\tregion\t30\t\tTX\n\
                Kentucky\tKy.\tUS\tregion\t27\t\tKY\n",
            accent_folds: "",
            organizations: "canonical\taliases\tmembers\tkind\n",
            institutions: "phrase\tcode\tlabel\tcanonical\n",
            companies: "phrase\tcode\tlabel\tcanonical\n",
            people: "canonical\tvariants\tcode\n",
            regions: "name\taliases\tlabel\tcode\n",
            groups: "name\taliases\tcode\n",
            given_names: "",
        })
    }

    fn country_of(text: &str, place: &str) -> Option<String> {
        let gazetteer = gazetteer();
        let start = text.rfind(place).unwrap();
        analyze_with(&gazetteer, text)
            .entities
            .into_iter()
            .find(|e| e.span.start == start)
            .and_then(|e| e.country.map(|c| c.to_string()))
    }

    #[test]
    fn a_place_alone_is_the_famous_one() {
        assert_eq!(
            country_of("The talks were held in London.", "London").as_deref(),
            Some("GB")
        );
    }

    #[test]
    fn the_document_can_point_to_a_namesake() {
        let text = "Ontario has new rules. Clinics in London are full.";
        assert_eq!(country_of(text, "London").as_deref(), Some("CA"));
    }

    #[test]
    fn a_context_only_place_does_not_support_itself() {
        let gazetteer = Gazetteer::from_tables(&Tables {
            places:
                "name\taliases\tcode\tkind\tpopulation\tcontext\nRussellville\t\tUS\tcity\t18\t1\n",
            ..empty_tables()
        });
        let found = analyze_with(&gazetteer, "Russellville was quiet.").entities;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_much_smaller_namesake_needs_a_qualifier() {
        assert_eq!(
            country_of("Texas farmers met. They flew to Paris.", "Paris").as_deref(),
            Some("FR")
        );
        assert_eq!(
            country_of("He grows beans in Paris, Tex. these days.", "Paris").as_deref(),
            Some("US")
        );
    }

    #[test]
    fn a_state_after_a_place_settles_the_town_for_the_whole_document() {
        let text = "LONDON, Ky. (AP) - A barn burned. Firefighters in London said it was empty.";
        assert_eq!(country_of(text, "London").as_deref(), Some("US"));
        let text = "A fair opens in Paris, Texas, today. Hotels in Paris are full.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
    }

    #[test]
    fn a_country_or_a_list_of_states_after_a_place_settles_nothing() {
        assert_eq!(
            country_of("He flew to Paris, Canada and France.", "Paris").as_deref(),
            Some("FR")
        );
        assert_eq!(
            country_of("Offices in London, Texas and Kentucky.", "London").as_deref(),
            Some("GB")
        );
    }

    #[test]
    fn a_town_named_unambiguously_sets_the_story_in_its_state() {
        let text = "Queensland police in Cairns said a car was stolen in Edmonton.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("AU"));
        assert_eq!(country_of(text, "Cairns").as_deref(), Some("AU"));
        let text = "Police said a car was stolen in Edmonton.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
        // Two names are too little for a namesake a hundred times smaller than the
        // famous city: a Chicago story does not move Paris to Illinois.
        let text = "Police in Cairns said a car was stolen in Edmonton.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
        // They are enough for one within thirty times its size.
        let text = "Police in St. Thomas said a car was stolen in London.";
        assert_eq!(country_of(text, "London").as_deref(), Some("CA"));
    }

    #[test]
    fn a_town_settled_by_its_state_sets_the_story_there() {
        let text = "GLASGOW, Ky. (AP) - A man from Edmonton was hurt near London.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("US"));
        assert_eq!(country_of(text, "London").as_deref(), Some("US"));
    }

    #[test]
    fn famous_cities_alone_set_no_story_in_a_state_they_share() {
        // Paris and London both have namesakes in Ontario and in Kentucky.
        let text = "The envoy flew from Paris to London.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
        assert_eq!(country_of(text, "London").as_deref(), Some("GB"));
        let text = "Officials in Ontario said the premier flew to Paris.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
    }

    #[test]
    fn a_country_the_story_names_outweighs_its_state() {
        let text = "GLASGOW, Ky. (AP) - A doctor from Glasgow is in France. \
                    She saw the attack in Paris.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
    }

    #[test]
    fn a_big_city_says_no_story_is_local() {
        // Brisbane is too big to set a story in Queensland: only Cairns-sized towns do.
        let text = "Queensland police in Brisbane said a car was stolen in Edmonton.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
    }

    #[test]
    fn a_capitals_namesake_needs_the_text_to_place_a_town_in_its_state() {
        // Three names of Kentucky, but none placed there by the text: Paris is French.
        let text = "Kentucky police in Georgetown said the fair in Paris opened.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
        let text = "GEORGETOWN, Ky. (AP) - The fair in Paris opened.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
    }
}
