//! Ambiguity settled by the document: "London" is the British capital, unless the rest
//! of the text is about Ontario. The countries named unambiguously in a document vote;
//! an ambiguous place takes the reading in the country with most votes, and readings
//! marked context-only ("Paris", Texas) need at least one vote to be taken at all.
//! A place named once with its state ("Edmonton, Ky.") keeps that state's country for
//! the rest of the document, even where the gazetteer knows no such namesake: one
//! sense per discourse.

use rustc_hash::FxHashMap;

use crate::gazetteer::{Entry, EntryKind, Gazetteer, Match};
use crate::model::CountryCode;

/// How the text itself says which place a name is.
#[derive(Clone, Copy, Debug)]
pub enum Settled {
    /// Named with its state: "Edmonton, Ky.".
    InCountry(CountryCode),
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
        let mut context = Context::default();
        for found in matches
            .iter()
            .filter(|found| !settled.contains_key(found.entries.as_slice()))
        {
            if let Some(country) = unambiguous_country(gazetteer, found) {
                *context.votes.entry(country).or_default() += 1;
                if is_town_or_state(gazetteer, found) {
                    *context.local_votes.entry(country).or_default() += 1;
                }
            }
        }
        let most_named = context.most_named();
        for (entries, settled) in settled {
            let country = match settled {
                Settled::InCountry(country) => Some(country),
                Settled::LocalTown => most_named,
            };
            if let Some(country) = country {
                context.towns.insert(entries.to_vec(), country);
            }
        }
        context
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
        let largest = entries
            .iter()
            .filter(|e| !e.context_only)
            .map(|e| e.population)
            .max()
            .unwrap_or(0);
        entries
            .iter()
            .copied()
            .filter(|entry| {
                qualifier.is_some_and(|q| entry.country == Some(q)) || self.supports(entry, largest)
            })
            .min_by_key(|entry| {
                // Countries, demonyms and institutions outrank places of the same name;
                // among places, the qualifier, then the document's countries decide,
                // then size.
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
                    std::cmp::Reverse(support),
                    entry.context_only,
                    std::cmp::Reverse(entry.population),
                )
            })
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
        !entry.context_only
            || (self.votes(entry.country) > 0
                && entry.population.saturating_mul(30) >= largest_ordinary)
    }
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

/// The country of a match whose readings all agree on one country. A context-only
/// reading needs support itself, so it gives none.
fn unambiguous_country(gazetteer: &Gazetteer, found: &Match) -> Option<CountryCode> {
    let entries = || found.entries.iter().map(|&id| gazetteer.entry(id));
    if entries().any(|entry| entry.context_only) {
        return None;
    }
    let mut countries = entries().map(|entry| entry.country);
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
                FR\tFrance\t\tFrench\tParis\n\
                US\tUnited States\t\tAmerican\tWashington\n",
            // Populations in quarter decades: 28 is 10 million, 23 is 560,000.
            places: "name\taliases\tcode\tkind\tpopulation\tcontext\n\
                London\t\tGB\tcity\t28\t\n\
                London\t\tCA\tcity\t23\t1\n\
                Paris\t\tFR\tcity\t25\t\n\
                Paris\t\tUS\tcity\t18\t1\n\
                Ontario\tOnt.\tCA\tregion\t29\t\n\
                Texas\tTex.\tUS\tregion\t30\t\n\
                Kentucky\tKy.\tUS\tregion\t27\t\n",
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
}
