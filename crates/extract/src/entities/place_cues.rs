//! Words around a name that say it is a place, though not which one: "in Rogersville",
//! "near downtown Decatur", "Hanover police", a dateline "ARLINGTON —", a person's home
//! "Norb Mages of Lindsay", a legislator's "DFL-Cook", and names listed before
//! "counties". A second-tier town named like a common word or a person ("Marion",
//! "Logan") is taken only where the text says so ([`crate::context`]); elsewhere the
//! word is left to the other rules.

use super::words::{is, starts_line, Words};
use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClass::{
    BaseKind, CompassPoint, CountiesNoun, Direction, PlacePreposition, PlaceQualifier,
    TownFollower, TownNoun,
};
use crate::tokens::TokenKind;

/// Party letters before a legislator's home town or county: "Sen. Tom Bakk, DFL-Cook".
const PARTY_LETTERS: &[&str] = &["D", "R", "I", "DFL"];

/// Does the text around the name at tokens `first..=last` say it is a place?
pub(super) fn is_placed(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    first: usize,
    last: usize,
) -> bool {
    is_dateline(tokens, first, last)
        || after_preposition(tokens, first, last)
        || is_home(tokens, gazetteer, first, last)
        || after_party_letter(tokens, first)
        || is(tokens, last + 1, TownFollower)
        || (first >= 2 && tokens.folded(first - 1) == "of" && is(tokens, first - 2, TownNoun))
        || base_after(tokens, last).is_some()
}

/// The last token of a base named after the place ending at token `last`: "Kant
/// military base", "Manas airbase".
pub(super) fn base_after(tokens: &Words<'_, '_>, last: usize) -> Option<usize> {
    let next = last + 1;
    if tokens.is_capitalized(next) {
        return None;
    }
    if matches!(tokens.folded(next), "airbase" | "airfield") {
        return Some(next);
    }
    (is(tokens, next, BaseKind) && tokens.folded(next + 1) == "base").then_some(next + 1)
}

/// A name in capitals opening a line or a sentence, before a dash or a comma:
/// "ARLINGTON — The City Council voted", "Headline. PATASKALA -- City officials".
fn is_dateline(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let opens = starts_line(tokens, first) || tokens.is_punct(first - 1, '.');
    let in_capitals =
        (first..=last).all(|i| tokens.kind(i) != TokenKind::Word || tokens.is_all_caps(i));
    let next = last + 1;
    let dash = next < tokens.len()
        && tokens.kind(next) == TokenKind::Punct
        && matches!(
            tokens.folded(next),
            "-" | "--" | "," | "\u{2013}" | "\u{2014}"
        );
    opens && in_capitals && dash
}

/// "in Rogersville", "near downtown Decatur": a preposition of place before the name
/// (perhaps with a direction between), and no other name word or possessive after it.
fn after_preposition(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let Some(mut before) = first.checked_sub(1) else {
        return false;
    };
    if is(tokens, before, CompassPoint | Direction | PlaceQualifier) {
        let Some(earlier) = before.checked_sub(1) else {
            return false;
        };
        before = earlier;
    }
    let next = last + 1;
    let name_goes_on = next < tokens.len()
        && (tokens.is_capitalized(next) || matches!(tokens.folded(next), "'" | "'s"));
    is(tokens, before, PlacePreposition) && !name_goes_on
}

/// A person's home, as local news gives it: "Norb Mages of Lindsay", "Jane Doe, 43, of
/// McKee", "John Roe, 41, Grapeland, was charged".
fn is_home(tokens: &Words<'_, '_>, gazetteer: &Gazetteer, first: usize, last: usize) -> bool {
    // ", 43," ending at token `comma`.
    let age_before = |comma: usize| {
        comma >= 3
            && tokens.is_punct(comma, ',')
            && tokens.kind(comma - 1) == TokenKind::Number
            && tokens.is_punct(comma - 2, ',')
    };
    if tokens.is_capitalized(last + 1) || first == 0 {
        return false;
    }
    if tokens.folded(first - 1) != "of" {
        return age_before(first - 1);
    }
    let named_person = first >= 3
        && tokens.is_capitalized(first - 2)
        && tokens.is_capitalized(first - 3)
        && gazetteer.is_given_name(tokens.folded(first - 3));
    named_person || (first >= 2 && age_before(first - 2))
}

/// "DFL-Cook", "R-Marshall": a legislator's party and home.
fn after_party_letter(tokens: &Words<'_, '_>, first: usize) -> bool {
    first >= 2
        && tokens.is_punct(first - 1, '-')
        && !tokens.list[first - 1].space_before
        && PARTY_LETTERS.contains(&tokens.raw(first - 2))
}

/// Is the name ending at token `last` one of a list that ends in "counties": "Cooke,
/// Grayson and Love counties", "Walton and Oconee counties"?
pub(super) fn in_county_list(tokens: &Words<'_, '_>, last: usize) -> bool {
    // A list of at most a dozen names of up to three words each.
    const REACH: usize = 48;
    let mut name_words = 0;
    for i in last + 1..tokens.len().min(last + 1 + REACH) {
        if is(tokens, i, CountiesNoun) {
            return true;
        }
        let joins = matches!(tokens.folded(i), "," | "and" | "or" | "to");
        if joins && (name_words == 0 || tokens.is_capitalized(i + 1)) {
            name_words = 0;
        } else if tokens.is_capitalized(i) && name_words < 3 {
            name_words += 1;
        } else {
            return false;
        }
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::testing::gazetteer;
    use crate::tokens::Tokens;

    /// Is `name`, in `text`, placed by the words around it?
    fn placed(text: &str, name: &str) -> bool {
        let gazetteer = gazetteer();
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, gazetteer);
        let (first, last) = span_of(&tokens, text, name);
        is_placed(&words, gazetteer, first, last)
    }

    fn span_of(tokens: &Tokens<'_>, text: &str, name: &str) -> (usize, usize) {
        let start = text.find(name).unwrap();
        let end = start + name.len();
        let first = (0..tokens.len())
            .find(|&i| tokens.span(i, i).start == start)
            .unwrap();
        let last = (first..tokens.len())
            .find(|&i| tokens.span(i, i).end == end)
            .unwrap();
        (first, last)
    }

    #[test]
    fn prepositions_datelines_and_town_words_place_a_name() {
        assert!(placed("The fair opened in Marion on Friday.", "Marion"));
        assert!(placed("A main broke in north Decatur.", "Decatur"));
        assert!(placed("ARLINGTON — The council voted.", "ARLINGTON"));
        assert!(placed(
            "Tax credits. ROCKY HILL -- Residents may apply.",
            "ROCKY HILL"
        ));
        assert!(placed("Logan residents complained.", "Logan"));
        assert!(placed(
            "Police in the English city of Marion said so.",
            "Marion"
        ));
        assert!(placed("Moscow expanded the Kant military base.", "Kant"));
        assert!(!placed("Marion said the fair opened.", "Marion"));
        // Part of a longer name, or a possessive: no place.
        assert!(!placed("She works at Marion Stone Inc.", "Marion"));
        assert!(!placed("A stake in Drexel's bank.", "Drexel"));
        assert!(!placed("Arlington — a small town.", "Arlington"));
    }

    #[test]
    fn a_person_s_home_and_a_legislator_s_place_are_places() {
        assert!(placed("Machinist John Mages of Lindsay came.", "Lindsay"));
        assert!(placed("Jane Doe, 43, of Marion, was hurt.", "Marion"));
        assert!(placed("John Roe, 41, Grapeland, was charged.", "Grapeland"));
        assert!(placed("Sen. Tom Bakk, DFL-Cook, said so.", "Cook"));
        // Not after a person's name: "the Bank of Marion".
        assert!(!placed("The Bank of Marion lent it.", "Marion"));
    }

    #[test]
    fn names_listed_before_counties_are_counties() {
        let gazetteer = gazetteer();
        let text = "Girls from Cooke, Grayson and Love counties may enter.";
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, gazetteer);
        for county in ["Cooke", "Grayson", "Love", "Girls"] {
            let (_, last) = span_of(&tokens, text, county);
            assert_eq!(in_county_list(&words, last), county != "Girls", "{county}");
        }
        let text = "Love and Grayson voted for new counties.";
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, gazetteer);
        assert!(!in_county_list(&words, 0));
    }
}
