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
    /// support the document does not give. `qualifier` is the country named right after
    /// the place ("London, Ont.", "Paris, Texas"): it decides outright.
    pub fn best<'g>(&self, gazetteer: &'g Gazetteer, found: &Match, qualifier: Option<CountryCode>) -> Option<&'g Entry> {
        let entries: Vec<&Entry> = found.entries.iter().map(|&id| gazetteer.entry(id)).collect();
        let largest = entries.iter().filter(|e| !e.context_only).map(|e| e.population).max().unwrap_or(0);
        entries
            .into_iter()
            .filter(|entry| qualifier.is_some_and(|q| entry.country == Some(q)) || self.supports(entry, largest))
            .min_by_key(|entry| {
                // Countries, demonyms and institutions outrank places of the same name;
                // among places, the qualifier, then the document's countries decide,
                // then size.
                let place = matches!(entry.kind, EntryKind::Capital | EntryKind::City | EntryKind::Region);
                let rank = if place { EntryKind::Capital } else { entry.kind };
                let qualified = qualifier.is_some() && entry.country == qualifier;
                let support = if place { self.votes(entry.country) } else { 0 };
                (rank, !qualified, std::cmp::Reverse(support), entry.context_only, std::cmp::Reverse(entry.population))
            })
    }

    /// A context-only reading needs the document to name its country, and a namesake
    /// thirty times smaller than the famous place needs an explicit qualifier: nobody
    /// means Paris, Texas by "Paris" alone.
    fn supports(&self, entry: &Entry, largest_ordinary: u64) -> bool {
        !entry.context_only
            || (self.votes(entry.country) > 0 && entry.population.saturating_mul(30) >= largest_ordinary)
    }
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
    use crate::gazetteer::{Gazetteer, Tables};
    use crate::analyze_with;

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
            places: "name\taliases\tcode\tkind\tpopulation\tcontext\n\
                London\t\tGB\tcity\t8900000\t\n\
                London\t\tCA\tcity\t400000\t1\n\
                Paris\t\tFR\tcity\t2100000\t\n\
                Paris\t\tUS\tcity\t25000\t1\n\
                Ontario\tOnt.\tCA\tregion\t14000000\t\n\
                Texas\tTex.\tUS\tregion\t29000000\t\n",
            accent_folds: "",
            organizations: "canonical\taliases\tmembers\tkind\n",
            institutions: "phrase\tcode\tlabel\tcanonical\n",
            companies: "phrase\tcode\tlabel\tcanonical\n",
            people: "canonical\tvariants\tcode\trole\tfrom\tto\n",
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
        assert_eq!(country_of("The talks were held in London.", "London").as_deref(), Some("GB"));
    }

    #[test]
    fn the_document_can_point_to_a_namesake() {
        let text = "Ontario has new rules. Clinics in London are full.";
        assert_eq!(country_of(text, "London").as_deref(), Some("CA"));
    }

    #[test]
    fn a_context_only_place_does_not_support_itself() {
        let gazetteer = Gazetteer::from_tables(&Tables {
            places: "name\taliases\tcode\tkind\tpopulation\tcontext\nRussellville\t\tUS\tcity\t28000\t1\n",
            ..empty_tables()
        });
        let found = analyze_with(&gazetteer, "Russellville was quiet.").entities;
        assert!(found.is_empty(), "{found:?}");
    }

    #[test]
    fn a_much_smaller_namesake_needs_a_qualifier() {
        assert_eq!(country_of("Texas farmers met. They flew to Paris.", "Paris").as_deref(), Some("FR"));
        assert_eq!(country_of("He grows beans in Paris, Tex. these days.", "Paris").as_deref(), Some("US"));
    }
}
