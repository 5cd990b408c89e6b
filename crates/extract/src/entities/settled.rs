//! What the text says of which place a name is: its state after it ("Edmonton, Ky."), a
//! neighbour ("Edmonton, south of Cairns"), a dateline's state ("EDMONTON, Ky (WBKO)"),
//! or the words that call it a town ("the city of Turkey"). [`crate::context`] weighs
//! this with the rest of the document.

use super::matches::{in_match, match_at};
use super::place_cues::{in_county_list, is_placed};
use super::words::{is, starts_line, Words};
use crate::context::{Settled, State};
use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::lexicon::WordClass::{CompassPoint, Direction, TownNoun};
use crate::model::CountryCode;
use crate::tokens::TokenKind;

/// What the text around match `index` says about which place it is.
pub(super) fn settled_by_text(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<Settled> {
    if let Some(state) = state_of_town(tokens, gazetteer, matches, index)
        .or_else(|| state_of_neighbour(tokens, gazetteer, matches, matches[index].last))
    {
        return Some(Settled::InState(state));
    }
    let found = &matches[index];
    let country_name = found
        .entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| !entry.is_minor())
        .all(|entry| entry.kind == EntryKind::Country);
    if country_name && called_a_town(tokens, found.first) {
        return Some(Settled::LocalTown);
    }
    // Words of place matter only to readings that need support: a name the first tier
    // knows outright is read without them.
    let needs_support = found
        .entries
        .iter()
        .any(|&id| gazetteer.entry(id).context_only);
    if !needs_support {
        return None;
    }
    if in_county_list(tokens, found.last) {
        return Some(Settled::County);
    }
    is_placed(tokens, gazetteer, found.first, found.last).then_some(Settled::Placed)
}

/// Is the name at token `first` introduced as a town or a province: "the town of",
/// "the cities of", "the region of", "the Cincinnati suburb of"?
pub(super) fn called_a_town(tokens: &Words<'_, '_>, first: usize) -> bool {
    first >= 2 && tokens.folded(first - 1) == "of" && is(tokens, first - 2, TownNoun)
}

/// The country of the state named after a known place, when it says which town is
/// meant: "Edmonton, Ky. (AP)", "London, Arkansas, was", "Churchill, Man.". Only a state or province, not
/// a country ("Moscow, Kazakhstan and Kyrgyzstan" is a list), and not a list of states
/// ("offices in London, Texas and Ohio").
fn state_of_town(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<State> {
    let place = &matches[index];
    // A surname alone before a state is a town too: "Churchill, Man.".
    let is_town = place
        .entries
        .iter()
        .any(|&id| match gazetteer.entry(id).kind {
            EntryKind::City | EntryKind::Capital => true,
            EntryKind::Person => place.first == place.last,
            _ => false,
        });
    let state_follows = matches
        .get(index + 1)
        .is_some_and(|state| all_states(gazetteer, &state.entries));
    if !is_town || !state_follows || listed(tokens, matches, index + 1) {
        return None;
    }
    state_after(tokens, gazetteer, &matches[index + 1..], place.last)
}

/// A dateline's state written short without its full stop is that state: the "Ky" of
/// "EDMONTON, Ky (WBKO) --". Only there: elsewhere "Miss", "Ill" and "Pa" are words.
/// The matches of those states are merged into `matches`, in order.
pub(super) fn add_dateline_states(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &mut Vec<Match>,
) {
    let states: Vec<Match> = tokens
        .capitals
        .iter()
        .filter(|&&state| state >= 2 && tokens.is_punct(state + 1, '('))
        .filter_map(|&state| dateline_state(tokens, gazetteer, matches, state))
        .collect();
    if states.is_empty() {
        return;
    }
    let mut merged = Vec::with_capacity(matches.len() + states.len());
    let mut states = states.into_iter().peekable();
    for found in matches.drain(..) {
        while let Some(state) = states.next_if(|state| state.first < found.first) {
            merged.push(state);
        }
        merged.push(found);
    }
    merged.extend(states);
    *matches = merged;
}

/// The state at token `state`, before a bracket, if it ends a dateline's town and no
/// name is matched there.
fn dateline_state(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    state: usize,
) -> Option<Match> {
    // The town: one to three words in capitals opening a line.
    let town_opens_line = (0..3)
        .filter_map(|back| (state - 2).checked_sub(back))
        .take_while(|&i| tokens.is_all_caps(i))
        .any(|i| starts_line(tokens, i));
    let dateline = tokens.is_punct(state - 1, ',')
        && !tokens.is_all_caps(state)
        && town_opens_line
        && !in_match(matches, state);
    let id = tokens.ids[state].filter(|_| dateline)?;
    let entries = gazetteer.abbreviated(id);
    (!entries.is_empty() && all_states(gazetteer, &entries)).then(|| Match {
        first: state,
        last: state,
        name: entries[0],
        entries,
    })
}

/// Where the town ending at token `last` is, said by the place it is near: "Edmonton,
/// south of Cairns", "Yarrabah, near Cairns", "Kirkuk, just outside Mosul". The place
/// named must say its country (and state) unambiguously.
pub(super) fn state_of_neighbour(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    last: usize,
) -> Option<State> {
    if !tokens.is_punct(last + 1, ',') {
        return None;
    }
    let mut i = last + 2;
    if tokens.folded(i) == "just" {
        i += 1;
    }
    let neighbour = match tokens.folded(i) {
        "near" | "outside" => i + 1,
        _ if is(tokens, i, CompassPoint) && tokens.folded(i + 1) == "of" => i + 2,
        _ => return None,
    };
    crate::context::where_is(gazetteer, match_at(matches, neighbour)?)
}

/// "south to Ingham or Townsville", "between Ingham and Townsville": a name in no list,
/// after a preposition and before "or" or "and" and a known town, is a town of that
/// town's country (and state).
pub(super) fn state_of_town_listed_after(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
    last: usize,
) -> Option<State> {
    let after_preposition = matches!(
        tokens.folded(first - 1),
        "to" | "in" | "from" | "near" | "at" | "between" | "toward" | "towards"
    );
    if !after_preposition || !matches!(tokens.folded(last + 1), "or" | "and") {
        return None;
    }
    crate::context::where_town_is(gazetteer, match_at(matches, last + 2)?)
}

/// The country of the closest place named, unambiguously, in the few words before token
/// `first`: Edmonton's, for "a yard in Edmonton, and one was later found near Gordonvale".
pub(super) fn country_just_before(
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
) -> Option<CountryCode> {
    const WORDS: usize = 30;
    let before = matches.partition_point(|m| m.last < first);
    matches[..before]
        .iter()
        .rev()
        .take_while(|m| m.last + WORDS >= first)
        .find_map(|m| crate::context::where_is(gazetteer, m))
        .map(|state| state.country)
}

/// Does another name follow match `index` in a list: "Texas and Ohio", "Canada,
/// France"?
pub(super) fn listed(tokens: &Words<'_, '_>, matches: &[Match], index: usize) -> bool {
    let after = matches[index].last + 1;
    matches!(tokens.folded(after), "and" | "or")
        || (tokens.is_punct(after, ',')
            && matches
                .get(index + 1)
                .is_some_and(|next| next.first == after + 1))
}

/// "Calif.", "N.C.": a state, not a country, written short.
pub(super) fn is_abbreviated_state(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    state: &Match,
) -> bool {
    tokens.is_punct(state.last, '.') && all_states(gazetteer, &state.entries)
}

/// Are all these gazetteer readings states or provinces?
fn all_states(gazetteer: &Gazetteer, entries: &[u32]) -> bool {
    // Minor second-tier towns named like a state (Texas, Queensland) do not count.
    let mut known = entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| !entry.is_minor())
        .peekable();
    known.peek().is_some() && known.all(|entry| entry.kind == EntryKind::Region)
}

/// The country of the state or country named after token `last` and a comma, when it
/// qualifies a town: followed by punctuation or a lower-case word ("Clive, Iowa, has"),
/// not by a capitalised word ("Jim Wright, Texas Democrat") or a possessive ("Wen Lian,
/// China's envoy").
pub(super) fn state_after(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    last: usize,
) -> Option<State> {
    if !tokens.is_punct(last + 1, ',') {
        return None;
    }
    // "Redding, northern California".
    let start = if is_direction(tokens, last + 2) {
        last + 3
    } else {
        last + 2
    };
    let state = match_at(matches, start)?;
    let next = state.last + 1;
    let possessive = tokens.folded(next) == "'";
    let ends_clause = tokens.is_punct(state.last, '.')
        || tokens.kind(next) == TokenKind::Punct
        || !tokens.is_capitalized(next);
    (ends_clause && !possessive)
        .then(|| state_named(gazetteer, state))
        .flatten()
}

/// "northern", "south-western": a part of the state named after it.
pub(super) fn is_direction(tokens: &Words<'_, '_>, i: usize) -> bool {
    !tokens.is_capitalized(i) && is(tokens, i, Direction)
}

/// The state (or country) a match names unambiguously.
pub(super) fn state_named(gazetteer: &Gazetteer, state: &Match) -> Option<State> {
    let mut entries = state.entries.iter().map(|&id| gazetteer.entry(id));
    let first = entries
        .next()
        .filter(|e| matches!(e.kind, EntryKind::Country | EntryKind::Region) && !e.context_only)?;
    let country = first.country?;
    let mut division = first.division;
    for other in entries {
        if other.country != Some(country) {
            return None;
        }
        if other.division != division {
            division = None;
        }
    }
    Some(State { country, division })
}

#[cfg(test)]
mod tests {
    use crate::entities::testing::country_of;

    #[test]
    fn a_state_after_a_town_settles_it_for_the_document() {
        let text = "A barn in Edmonton, Ky., burned. Edmonton firefighters came.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("US"));
        assert_eq!(
            country_of("A barn in Edmonton burned.", "Edmonton").as_deref(),
            Some("CA")
        );
    }

    #[test]
    fn a_dateline_s_state_is_a_state_without_its_full_stop() {
        let text = "EDMONTON, Ky (WBKO) -- A barn burned.";
        assert_eq!(country_of(text, "EDMONTON").as_deref(), Some("US"));
        assert_eq!(country_of(text, "Ky").as_deref(), Some("US"));
    }

    #[test]
    fn a_neighbour_says_where_a_town_is() {
        let text = "Edmonton, south of Cairns, flooded.";
        assert_eq!(country_of(text, "Edmonton").as_deref(), Some("AU"));
    }

    #[test]
    fn a_country_s_name_called_a_town_is_a_town_of_the_country_named_most() {
        let text = "In Texas, a fair opened in the city of Turkey.";
        assert_eq!(country_of(text, "Turkey").as_deref(), Some("US"));
        assert_eq!(
            country_of("Trade with Turkey grew.", "Turkey").as_deref(),
            Some("TR")
        );
    }
}
