//! Gazetteer matches made mentions in their most likely reading ([`crate::context`]),
//! with the qualifier after them ("Paris, Texas") and their unit ("Jiangsu Province"),
//! and no acronym read as a place ("the ABA").

use rustc_hash::FxHashMap;

use super::claims::{place_yields_to_person, Claims};
use super::settled::listed;
use super::words::{is, Words};
use super::Recognition;
use crate::context::Context;
use crate::gazetteer::{Entry, EntryKind, Gazetteer, Match};
use crate::lexicon::WordClass::{CapitalizedPlaceUnit, PlaceUnit, PortNoun, TownNoun};
use crate::mention::Mention;
use crate::model::{CountryCode, Label};

/// Pass: each gazetteer match in its most likely reading, unless it is inside the name
/// of a person gathered before ([`place_yields_to_person`]).
pub(super) fn claim_gazetteer_mentions(r: &mut Recognition<'_, '_>) {
    let mut people = Claims::new(r.words.len());
    for (index, person) in r.people.iter().enumerate() {
        people.hold(person.first, person.last, index);
    }
    for index in 0..r.matches.len() {
        let qualifier = qualifier(&r.words, r.gazetteer, &r.matches, index);
        let found = &r.matches[index];
        if let Some(mention) =
            gazetteer_mention(&r.words, r.gazetteer, &r.context, found, qualifier)
        {
            if !place_yields_to_person(&r.words, &mention, &people, &r.people) {
                r.claim(mention);
            }
        }
    }
}

/// `matches` without the second-tier readings that neither the document's geography
/// nor the text around them support, and without the matches left with none: other
/// rules must not see "McGraw" or "Campbell" as places, nor Texas, Queensland in
/// "Paris, Texas". A name the text places keeps all its readings.
pub(super) fn without_unsupported_towns(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    context: &Context,
    mut matches: Vec<Match>,
) -> Vec<Match> {
    // The readings the document supports, once a name.
    let mut supported_of: FxHashMap<u32, Vec<u32>> = FxHashMap::default();
    let kept: Vec<Vec<u32>> = (0..matches.len())
        .map(|index| {
            let found = &matches[index];
            if context.is_placed(found) {
                return found.entries.clone();
            }
            let settled = context
                .town_country(found)
                .or_else(|| qualifier(tokens, gazetteer, &matches, index));
            let supported = supported_of
                .entry(found.name)
                .or_insert_with(|| context.supported_second_tier(gazetteer, found));
            found
                .entries
                .iter()
                .copied()
                .filter(|id| {
                    let entry = gazetteer.entry(*id);
                    !entry.second_tier
                        || settled.is_some_and(|country| entry.country == Some(country))
                        || supported.contains(id)
                })
                .collect()
        })
        .collect();
    for (found, kept) in matches.iter_mut().zip(kept) {
        found.entries = kept;
    }
    matches.retain(|found| !found.entries.is_empty());
    matches
}

/// The country a match stands for in the document, when it is a place: "Madison
/// County Health Department", "Paris Public Library" take the country of the place
/// their name opens with, as the document reads it.
pub(super) fn place_country(
    gazetteer: &Gazetteer,
    context: &Context,
    found: &Match,
) -> Option<CountryCode> {
    let entry = context.best(gazetteer, found, None)?;
    matches!(
        entry.kind,
        EntryKind::City | EntryKind::Capital | EntryKind::Region
    )
    .then_some(entry.country)
    .flatten()
    .or_else(|| context.town_country(found))
}

/// The country of a region or country named right after a place and a comma:
/// "London, Ky.", "Paris, Texas", "Perth, Scotland"; not the first of a list ("Paris,
/// Canada and France").
fn qualifier(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<CountryCode> {
    country_before_town_noun(tokens, gazetteer, matches, index)
        .or_else(|| state_after_comma(tokens, gazetteer, matches, index))
}

/// "the English city of Leicester", "the Syrian port of Tartus": the country of the
/// people or country named before the word that calls the place a town.
fn country_before_town_noun(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<CountryCode> {
    let first = matches[index].first;
    let called = first >= 3
        && tokens.folded(first - 1) == "of"
        && is(tokens, first - 2, TownNoun | PortNoun);
    let people = matches[..index]
        .last()
        .filter(|m| called && m.last + 3 == first)?;
    let mut countries = people.entries.iter().map(|&id| {
        let entry = gazetteer.entry(id);
        matches!(entry.kind, EntryKind::Demonym | EntryKind::Country)
            .then_some(entry.country)
            .flatten()
    });
    let country = countries.next()??;
    countries.all(|c| c == Some(country)).then_some(country)
}

/// "London, Ky.", "Paris, Texas": see [`qualifier`].
fn state_after_comma(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<CountryCode> {
    let place = &matches[index];
    let next = matches.get(index + 1).filter(|next| {
        next.first == place.last + 2
            && tokens.is_punct(place.last + 1, ',')
            && !listed(tokens, matches, index + 1)
    })?;
    let mut countries = next
        .entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| {
            matches!(entry.kind, EntryKind::Country | EntryKind::Region) && !entry.context_only
        });
    let country = countries.next()?.country?;
    countries
        .all(|entry| entry.country == Some(country))
        .then_some(country)
}

/// The mention a gazetteer match stands for, in its most likely reading.
fn gazetteer_mention(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    context: &Context,
    found: &Match,
    qualifier: Option<CountryCode>,
) -> Option<Mention> {
    let town = context.town_country(found);
    let entry = context.best(gazetteer, found, qualifier.or(town));
    // A town the gazetteer does not know, namesake of a place, a person or a country it
    // does ("Edmonton, Ky.", "Churchill, Man.", "the city of Turkey"), or known only as
    // a reading the document would not otherwise support ("Coalville, Utah").
    if let Some(country) =
        town.filter(|&town| entry.is_none_or(|entry| entry.country != Some(town)))
    {
        return Some(Mention::place(
            found.first,
            found.last,
            EntryKind::City,
            Some(country),
        ));
    }
    let entry = entry?;
    if written_as_acronym(tokens, found, &entry.canonical) || names_a_language(tokens, found, entry)
    {
        return None;
    }
    let place = matches!(
        entry.kind,
        EntryKind::City | EntryKind::Region | EntryKind::Capital
    );
    let last = if place {
        with_unit(tokens, found.last)
    } else {
        found.last
    };
    // "Calif." ending a sentence leaves its full stop to the sentence; "U.S." keeps it.
    let last = if entry.kind == EntryKind::Region {
        without_final_stop(tokens, found.first, last)
    } else {
        last
    };
    let mut mention = Mention::new(found.first, last, entry.label);
    mention.country = entry.country;
    mention.canonical = Some(if entry.canonical.is_empty() {
        crate::second_tier::name_as_written(tokens, found.first, found.last)
    } else {
        entry.canonical.clone()
    });
    mention.kind = Some(entry.kind);
    Some(mention)
}

/// A name of one word written in capitals after a lower-case word is an acronym, not
/// the name: "the ABA" (the bar association), not Aba in Nigeria. Datelines ("LONDON
/// (Reuters) -") and headlines come first on their line or among capitals. Aliases that
/// are acronyms ("NSW", "USSR") differ from their canonical name, so they still match.
fn written_as_acronym(tokens: &Words<'_, '_>, found: &Match, canonical: &str) -> bool {
    let i = found.first;
    let after_lower_case = i > 0
        && !tokens.list[i].newline_before
        && tokens.raw(i - 1).starts_with(|c: char| c.is_lowercase());
    found.last == i
        && after_lower_case
        && tokens.is_all_caps(i)
        && tokens.raw(i).len() >= 3
        && !tokens.is_all_caps(i + 1)
        && canonical.chars().any(char::is_lowercase)
        && crate::normalize::fold(canonical) == tokens.folded(i)
}

/// "the Chinese language", "Spanish-language news", "French-speaking": a people's name
/// before these words names a language, no entity of the labels given.
fn names_a_language(tokens: &Words<'_, '_>, found: &Match, entry: &Entry) -> bool {
    let after = found.last + 1;
    let next = if tokens.is_punct(after, '-') {
        after + 1
    } else {
        after
    };
    entry.label == Label::Norp
        && matches!(tokens.folded(next), "language" | "languages" | "speaking")
}

/// "Jiangsu Province", "Batken Region": an administrative unit named after its place
/// belongs to the place's name.
fn with_unit(tokens: &Words<'_, '_>, last: usize) -> usize {
    let unit = is(tokens, last + 1, PlaceUnit)
        || (is(tokens, last + 1, CapitalizedPlaceUnit) && tokens.is_capitalized(last + 1));
    if unit {
        last + 1
    } else {
        last
    }
}

/// "Calif." at the end of a sentence: the full stop ends the sentence, not the name.
fn without_final_stop(tokens: &Words<'_, '_>, first: usize, last: usize) -> usize {
    let sentence_end = last + 1 >= tokens.len()
        || tokens.list[last + 1].newline_before
        || tokens.is_capitalized(last + 1);
    if last > first && tokens.is_punct(last, '.') && sentence_end {
        last - 1
    } else {
        last
    }
}

#[cfg(test)]
mod tests {
    use crate::entities::testing::{country_of, expected, recognized};
    use crate::model::Label::{Gpe, Norp, Org, Person};

    #[test]
    fn a_state_after_a_place_says_which_place_it_is() {
        let text = "The envoy flew from Paris, Texas, to Edmonton.";
        assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
        assert_eq!(
            country_of("The envoy flew to Paris.", "Paris").as_deref(),
            Some("FR")
        );
    }

    #[test]
    fn a_unit_belongs_to_the_name_and_a_final_stop_to_the_sentence() {
        assert_eq!(
            recognized("Jiangsu Province grew."),
            expected(&[("Jiangsu Province", Gpe)])
        );
        assert_eq!(
            recognized("He left Tex. on foot."),
            expected(&[("Tex.", Gpe)])
        );
        assert_eq!(
            recognized("He moved to Tex. He left."),
            expected(&[("Tex", Gpe)])
        );
    }

    #[test]
    fn a_people_named_before_language_is_the_language_no_entity() {
        assert_eq!(
            recognized("She teaches the Chinese language and Spanish-language news."),
            expected(&[])
        );
        assert_eq!(
            recognized("Chinese officials met."),
            expected(&[("Chinese", Norp)])
        );
    }

    #[test]
    fn a_name_in_capitals_after_a_lower_case_word_is_an_acronym_not_a_place() {
        assert_eq!(
            recognized("Members of the ABA met."),
            expected(&[("ABA", Org)])
        );
        assert_eq!(recognized("Aba grew."), expected(&[("Aba", Gpe)]));
    }

    #[test]
    fn a_place_inside_a_person_s_name_yields_to_it() {
        assert_eq!(
            recognized("Victor Stanley Fishman spoke."),
            expected(&[("Victor Stanley Fishman", Person)])
        );
        assert_eq!(recognized("Stanley grew."), expected(&[("Stanley", Gpe)]));
    }
}
