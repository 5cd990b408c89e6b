//! Towns and natural places in no list, found where the text says what they are: before
//! their state ("Clive, Iowa"), called towns ("the town of Virden", "Fars Province"),
//! counties ("Monroe County"), oil and gas fields; and legislators' party letters ("(D.,
//! Mich.)").

use super::claims::Claims;
use super::gazetteer_mentions::place_country;
use super::matches::{in_match, match_at, reads_as, TOWN};
use super::place_cues::base_after;
use super::settled::{
    called_a_town, country_just_before, is_abbreviated_state, is_direction, state_after,
    state_named, state_of_neighbour, state_of_town_listed_after,
};
use super::words::{is, is_em_dash, is_name_word, starts_line, tight, Words};
use super::Recognition;
use crate::context::{Context, State};
use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::lexicon::WordClass::{CompassPoint, Direction, MayorQualifier, NotName, PlaceHead};
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::tokens::TokenKind;

/// Towns and provinces in no list, said to be so: "the town of Virden", "the towns of
/// Haris and Varzaqan", "Jane Doe, 43, of McKee." (a person's home, as local news gives
/// it), "Virden Mayor Jane Doe", "Fars Province", "the region of Kef". One or two
/// capitalised words that no rule has taken and no list knows (a known place keeps its
/// own country), in the country the document names most.
pub(super) fn towns_called_so(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    claims: &Claims,
    context: &Context,
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for &first in tokens.capitals.iter().filter(|&&first| first >= 2) {
        // The cues are rare: the words around them are looked at only where one may be.
        let cue_before = matches!(tokens.folded(first - 1), "of" | "and" | "near");
        let cue_after = (first + 1..first + 3).any(|k| {
            k < tokens.len()
                && matches!(tokens.folded(k), "mayor" | "province" | "," | "or" | "and")
        });
        if !(cue_before || cue_after)
            || !town_word(tokens, claims, first)
            || in_match(matches, first)
        {
            continue;
        }
        let two_words = town_word(tokens, claims, first + 1)
            && !in_match(matches, first + 1)
            && tokens.folded(first + 1) != "province";
        let last = if two_words { first + 1 } else { first };
        // "the towns of Haris and Varzaqan": the second of two.
        let second = tokens.folded(first - 1) == "and"
            && (found.last().is_some_and(|town| town.last + 2 == first)
                || known_town_called_so_before(tokens, matches, first - 2));
        let placed = state_of_neighbour(tokens, gazetteer, matches, last)
            .or_else(|| state_of_town_listed_after(tokens, gazetteer, matches, first, last));
        if let Some(state) = placed {
            found.push(Mention::place(
                first,
                last,
                EntryKind::City,
                Some(state.country),
            ));
        } else if let Some((last, kind)) = said_to_be_a_town(tokens, first, last, second) {
            // A town "near" another lies in the country of the place named just before.
            let country = (tokens.folded(first - 1) == "near")
                .then(|| country_just_before(gazetteer, matches, first))
                .flatten()
                .or_else(|| context.most_named());
            found.push(Mention::place(first, last, kind, country));
        }
    }
    found
}

/// Words of a dateline's town, at most: "EAST HAMPTON —".
const MAX_DATELINE_WORDS: usize = 3;

/// "HARWINTON — Former Senate nominee Ned Lamont ...": one to three words in capitals
/// that open a line or a sentence before a dash that parts clauses (an em dash, "--")
/// are the dateline's town, though no list holds it; in the country the document names
/// most. Not before a hyphen, which also joins words ("HOME - SALE LOSSES").
pub(super) fn unlisted_datelines(
    tokens: &Words<'_, '_>,
    matches: &[Match],
    claims: &Claims,
    context: &Context,
) -> Vec<Mention> {
    let town_word = |i: usize| {
        i < tokens.len()
            && tokens.is_all_caps(i)
            && tokens.kind(i) == TokenKind::Word
            && claims.is_free(i)
            && !in_match(matches, i)
            && !is(tokens, i, NotName)
    };
    // After a full stop that closes a sentence, not an abbreviation ("5 p.m. EST --").
    let opens = |i: usize| {
        starts_line(tokens, i)
            || tokens.is_punct(i - 1, '.') && i >= 2 && tokens.raw(i - 2).chars().nth(1).is_some()
    };
    let mut found = Vec::new();
    for &first in &tokens.capitals {
        if !town_word(first) || !opens(first) {
            continue;
        }
        let Some(last) = (first..first + MAX_DATELINE_WORDS)
            .take_while(|&i| town_word(i))
            .last()
        else {
            continue;
        };
        let dash = last + 1;
        let double_hyphen = tokens.raw(dash) == "-" && tokens.raw(dash + 1) == "-";
        if is_em_dash(tokens.raw(dash)) || double_hyphen && tight(tokens, dash) {
            found.push(Mention::place(
                first,
                last,
                EntryKind::City,
                context.most_named(),
            ));
        }
    }
    found
}

/// "the villages of Dashtak and": a known place called a town ends at token `last`.
fn known_town_called_so_before(tokens: &Words<'_, '_>, matches: &[Match], last: usize) -> bool {
    let at = matches.partition_point(|m| m.last < last);
    matches
        .get(at)
        .is_some_and(|town| town.last == last && called_a_town(tokens, town.first))
}

/// Whether the words around the name at `first..=last` say it is a town or a
/// province, and where the name then ends.
fn said_to_be_a_town(
    tokens: &Words<'_, '_>,
    first: usize,
    last: usize,
    second_of_two: bool,
) -> Option<(usize, EntryKind)> {
    let next = last + 1;
    if tokens.folded(next) == "province" {
        // "Fars Province" names it with the word; "Fars province" only describes it.
        let last = if tokens.is_capitalized(next) {
            next
        } else {
            last
        };
        return Some((last, EntryKind::Region));
    }
    // "Beaconsfield Mayor Jane Doe", after no other name word.
    let has_mayor = tokens.folded(next) == "mayor"
        && !is_name_word(tokens, first - 1)
        && !is(tokens, first, MayorQualifier);
    let introduced = called_a_town(tokens, first)
        || is_home_of_person(tokens, first)
        || second_of_two
        || tokens.folded(first - 1) == "near";
    let ends = next >= tokens.len()
        || tokens.kind(next) == TokenKind::Punct && tokens.folded(next) != "'"
        || !tokens.is_capitalized(next);
    (has_mayor || introduced && ends).then_some((last, EntryKind::City))
}

/// "Jane Doe, 43, of McKee": the town after a person's age, between commas.
fn is_home_of_person(tokens: &Words<'_, '_>, first: usize) -> bool {
    first >= 4
        && tokens.folded(first - 1) == "of"
        && tokens.is_punct(first - 2, ',')
        && tokens.kind(first - 3) == TokenKind::Number
        && tokens.is_punct(first - 4, ',')
}

/// Oil and gas fields named before a lower-case "field": "the Whiting field", "the
/// South Pars gas field", "the Perch and Dolphin fields". OntoNotes marks the name alone,
/// as a natural place (LOC). Names already taken ("Texas oil fields") stay as they are.
pub(super) fn named_fields(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    for i in 1..tokens.len() {
        // Bit tests first, cheaper than reading every token's text: "field" is a place
        // head, and "fields" ("Surname" Fields is a person) must follow the name itself.
        let may_be_field = is(tokens, i, PlaceHead) || tokens.is_capitalized(i - 1);
        if !may_be_field || !matches!(tokens.raw(i), "field" | "fields") {
            continue;
        }
        let resource = matches!(tokens.raw(i - 1), "oil" | "gas");
        let Some(last) = i.checked_sub(if resource { 2 } else { 1 }) else {
            continue;
        };
        let Some(first) = field_name_start(tokens, claims, last) else {
            continue;
        };
        found.push(Mention::new(first, last, Label::Loc));
        // "the Perch and Dolphin fields": the name before "and" is a field too.
        if tokens.raw(i) == "fields" && first >= 2 && tokens.raw(first - 1) == "and" {
            if let Some(other) = field_name_start(tokens, claims, first - 2) {
                found.push(Mention::new(other, first - 2, Label::Loc));
            }
        }
    }
    found
}

/// Where a name of one to three capitalised words (not in capitals, none claims) that
/// ends at token `last` starts.
fn field_name_start(tokens: &Words<'_, '_>, claims: &Claims, last: usize) -> Option<usize> {
    let is_field_word =
        |k: usize| !claims.is_taken(k) && is_name_word(tokens, k) && !tokens.is_all_caps(k);
    let mut first = last + 1;
    while first > 0 && last + 1 - first < 3 && is_field_word(first - 1) {
        first -= 1;
    }
    (first <= last).then_some(first)
}

/// Countries whose local government units are called counties, most written-about first.
const COUNTY_COUNTRIES: &[&str] = &["US", "GB", "IE", "CA", "NO", "KE", "LR", "HU", "HR", "TW"];

/// The country a "... County" is in: the one the document names most among those with
/// counties, else the United States, where most counties in English news are.
pub(super) fn county_country(context: &Context) -> CountryCode {
    let candidates: Vec<CountryCode> = COUNTY_COUNTRIES
        .iter()
        .filter_map(|c| CountryCode::parse(c))
        .collect();
    context.leading(&candidates).unwrap_or(candidates[0])
}

/// "Monroe County", "County Cork": a GPE in its own country if the gazetteer knows the
/// county ("Kanawha County"), else in the country the document is about.
pub(super) fn counties(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    context: &Context,
) -> Vec<Mention> {
    let mut found = Vec::new();
    for &i in &tokens.capitals {
        if tokens.raw(i) != "County" {
            continue;
        }
        let mut first = i;
        while first > 0
            && i - first < 3
            && tokens.is_capitalized(first - 1)
            && !is(tokens, first - 1, NotName)
            && !tokens.list[first].newline_before
        {
            first -= 1;
        }
        let last = if first == i && i + 1 < tokens.len() && tokens.is_capitalized(i + 1) {
            i + 1
        } else {
            i
        };
        if first < last {
            let country = match_at(matches, first)
                .and_then(|county| place_country(gazetteer, context, county))
                .unwrap_or_else(|| county_country(context));
            found.push(Mention::place(
                first,
                last,
                EntryKind::Region,
                Some(country),
            ));
        }
    }
    found
}

/// Bases named after a town only the second tier knows, by the words after it: "the
/// Kant military base", "the Manas airbase" (FAC, in the town's country). A town the
/// first tier knows keeps its name as a place, as OntoNotes marks "the Guantanamo naval
/// base".
pub(super) fn bases(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    context: &Context,
) -> Vec<Mention> {
    let mut found = Vec::new();
    for town in matches {
        let Some(last) = base_after(tokens, town.last) else {
            continue;
        };
        let known = town
            .entries
            .iter()
            .any(|&id| !gazetteer.entry(id).second_tier);
        if known {
            continue;
        }
        let mut base = Mention::new(town.first, last, Label::Fac);
        base.country = place_country(gazetteer, context, town);
        found.push(base);
    }
    found
}

/// Towns in no list, known by the state or country after them: "Clive, Iowa",
/// "Wayland, Mass.", "Great Torrington, Devon" (GPE, in that state's country). The town
/// is one to three capitalised words after no other name word; the state is followed by
/// punctuation or a lower-case word, so "Jim Wright, Texas Democrat" is no town.
pub(super) fn towns_before_states(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    claims: &Claims,
) -> Vec<Mention> {
    let mut found = Vec::new();
    for (index, state) in matches.iter().enumerate() {
        // The town, a comma, maybe a direction ("northern"), the state.
        let gap = if state.first > 0 && is_direction(tokens, state.first - 1) {
            3
        } else {
            2
        };
        let Some(last) = state.first.checked_sub(gap) else {
            continue;
        };
        let Some(State { country, .. }) = state_after(tokens, gazetteer, &matches[index..], last)
        else {
            continue;
        };
        let mut first = last + 1;
        while first > 0 && last + 1 - first < 3 && town_word_ending(tokens, claims, first - 1, last)
        {
            first -= 1;
        }
        // A dateline in capitals: "SMALLTOWN, Ark. (AP) -".
        if first > last
            && !claims.is_taken(last)
            && tokens.is_all_caps(last)
            && starts_line(tokens, last)
        {
            first = last;
        }
        // Not the end of a longer name: "Randolph K. Pace, New York".
        let after_name = first > 0
            && (is_name_word(tokens, first - 1)
                || tokens.is_punct(first - 1, '.')
                    && first >= 2
                    && tokens.raw(first - 2).chars().count() == 1);
        let whole = first <= last && !after_name;
        let known = matches[..index].last().is_some_and(|m| m.last >= first);
        // "Charles Dallara, U.S. assistant secretary" is a person; before a state's
        // abbreviation, a name is a town even when led by a given name: "Beverly Hills,
        // Calif.", "Benton Harbor, Mich.".
        let led_by_given_name = last > first && gazetteer.is_given_name(tokens.folded(first));
        let abbreviated = is_abbreviated_state(tokens, gazetteer, state);
        // Three words led by a given name sign a letter: "Peter Halloran Princeton,
        // N.J." is a person and a town.
        if led_by_given_name && abbreviated && last >= first + 2 && !known {
            found.push(Mention::place(last, last, EntryKind::City, Some(country)));
            continue;
        }
        let person = led_by_given_name && !abbreviated;
        if whole && !known && !person {
            found.push(Mention::place(first, last, EntryKind::City, Some(country)));
        }
    }
    found
}

/// "Robert S. Jenkins Cambridge, Mass.": a letter's signature runs the writer's name into
/// the town. A known city ending a name, before a comma and a state, is no part of it.
/// The name's last token without the town.
pub(super) fn without_town_before_state(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    person: &Mention,
) -> usize {
    let at = matches.partition_point(|m| m.first < person.first + 2);
    let town = matches[at..]
        .iter()
        .take_while(|m| m.first <= person.last)
        .find(|m| m.last == person.last && reads_as(gazetteer, m, TOWN));
    match town {
        Some(town) if state_after(tokens, gazetteer, matches, person.last).is_some() => {
            town.first - 1
        }
        _ => person.last,
    }
}

/// The party letter of an American legislator, a NORP by OntoNotes' conventions: "Rep.
/// John Dingell (D., Mich.)", "Sen. Bob Dole (R-Kan.)".
pub(super) fn party_letters(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
) -> Vec<Mention> {
    let mut found = Vec::new();
    for state in matches {
        let Some(letter) = state.first.checked_sub(2).filter(|&j| j > 0) else {
            continue;
        };
        let (letter, last) = match (tokens.raw(letter), tokens.folded(letter + 1)) {
            // "(D., Mich.)": the letter, its full stop, a comma.
            (".", ",") if letter > 1 => (letter - 1, letter),
            // "(D-Mich.)".
            (_, "-") => (letter, letter),
            _ => continue,
        };
        let party =
            matches!(tokens.raw(letter), "D" | "R" | "I") && tokens.is_punct(letter - 1, '(');
        if let Some(state) = state_named(gazetteer, state).filter(|_| party) {
            let mut mention = Mention::new(letter, last, Label::Norp);
            mention.country = Some(state.country);
            found.push(mention);
        }
    }
    found
}

/// A word that can be part of a town's name: capitalised, free, no title or function
/// word, no adverb opening a sentence ("Currently, Taiwan ...").
fn town_word(tokens: &Words<'_, '_>, claims: &Claims, i: usize) -> bool {
    town_word_ending(tokens, claims, i, i)
}

/// Can token `i` be a word of a town's name that ends at token `last`? An adverb
/// ("Separately, Ohio") is no town, but only the last word of one is read as an adverb:
/// "Beverly Hills".
fn town_word_ending(tokens: &Words<'_, '_>, claims: &Claims, i: usize, last: usize) -> bool {
    claims.is_free(i)
        && is_name_word(tokens, i)
        && !tokens.is_all_caps(i)
        && !(i == last && tokens.folded(i).ends_with("ly"))
}

/// Pass: a capitalised compass word that no rule took, right before a place, is part of
/// its name: "South Bronx", "East Belfast", "West Samoa" (a part of a place, or a place
/// named after another, with that place's country).
pub(super) fn with_compass_words(r: &mut Recognition<'_, '_>) {
    for index in 0..r.mentions.len() {
        let place = &r.mentions[index];
        let first = place.first;
        let compass = first >= 1
            && matches!(place.label, Label::Gpe | Label::Loc)
            && is_compass_word_before(&r.words, first - 1)
            && !r.claims.is_taken(first - 1);
        if compass {
            r.mentions[index].first = first - 1;
        }
    }
}

/// Is token `k` a capitalised compass word written apart from the next, on its line?
fn is_compass_word_before(tokens: &Words<'_, '_>, k: usize) -> bool {
    tokens.is_capitalized(k)
        && is(tokens, k, CompassPoint | Direction)
        && tokens.list[k + 1].space_before
        && !tokens.list[k + 1].newline_before
}

#[cfg(test)]
mod tests {
    use crate::entities::testing::{country_of, expected, recognized};
    use crate::model::Label::{Gpe, Loc, Norp, Org, Person};

    #[test]
    fn a_town_in_no_list_is_known_by_its_state_after_it() {
        let text = "Clive, Iowa, has a mill.";
        assert_eq!(recognized(text), expected(&[("Clive", Gpe), ("Iowa", Gpe)]));
        assert_eq!(country_of(text, "Clive").as_deref(), Some("US"));
        // A capitalised word after the state makes it a description of a person.
        assert_eq!(
            recognized("Jim Wright, Texas Democrat, spoke."),
            expected(&[("Texas", Gpe)])
        );
    }

    #[test]
    fn a_dateline_in_capitals_before_an_em_dash_is_a_town_and_not_part_of_a_name() {
        // Towns no list holds, in the country the text names most.
        let text = "Lawmakers in Texas met. BRANWICK FALLS \u{2014} The City Council voted.";
        assert_eq!(
            recognized(text),
            expected(&[
                ("Texas", Gpe),
                ("BRANWICK FALLS", Gpe),
                ("City Council", Org)
            ])
        );
        assert_eq!(country_of(text, "BRANWICK FALLS").as_deref(), Some("US"));
        assert_eq!(
            recognized("Hearing ends.\nKELDMOOR -- Police said the road reopened."),
            expected(&[("KELDMOOR", Gpe)])
        );
        assert!(!recognized("Markets closed at 5 p.m. EST -- a record.")
            .contains(&("EST".to_string(), Gpe)));
        // A hyphen also joins words; a dash inside a sentence starts no dateline.
        let hyphen = recognized("Hearing ends. KELDMOOR - Police said the road reopened.");
        assert!(!hyphen.contains(&("KELDMOOR".to_string(), Gpe)));
        assert_eq!(
            recognized("He praised the Smithfield Cooperative \u{2014} DELMAR STORES too."),
            expected(&[("Smithfield Cooperative", Org)])
        );
    }

    #[test]
    fn towns_the_text_calls_towns_and_counties() {
        assert_eq!(
            recognized("Officials in the town of Virden met."),
            expected(&[("Virden", Gpe)])
        );
        assert_eq!(
            recognized("Monroe County grew."),
            expected(&[("Monroe County", Gpe)])
        );
        assert_eq!(
            country_of("Monroe County grew.", "Monroe County").as_deref(),
            Some("US")
        );
    }

    #[test]
    fn oil_and_gas_fields_are_named_places_without_the_word_field() {
        assert_eq!(
            recognized("The Whiting field closed."),
            expected(&[("Whiting", Loc)])
        );
    }

    #[test]
    fn a_legislator_s_party_letter_is_a_nationality_of_the_state() {
        assert_eq!(
            recognized("Rep. John Dingell (D., Mich.) spoke."),
            expected(&[("John Dingell", Person), ("D.", Norp), ("Mich.", Gpe)])
        );
        let text = "Rep. John Dingell (D., Mich.) spoke.";
        assert_eq!(country_of(text, "D.").as_deref(), Some("US"));
    }
}
