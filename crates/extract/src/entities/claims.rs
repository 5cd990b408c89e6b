//! Who holds each token: the entity rules' overlap policy, in one place.
//!
//! Entities never overlap. The passes run in order, and by default a mention takes its
//! tokens only if no mention holds any of them yet ([`Claims::claim`]): first come, first
//! served, so an earlier pass outranks a later one (spaCy's span ruler calls this
//! `prioritize_existing_ents_filter`). The exceptions are named policies:
//! - [`Claims::reserve`]: tokens no mention may take, such as a stock index's ("the Dow
//!   Jones Industrial Average" is no entity, though named after a paper);
//! - [`place_yields_to_person`]: a place or a known person inside a person's name gives
//!   way to the name ("Victor Stanley Fishman", "Michael Jordan");
//! - [`parts_yielding_to_company`]: a company named again by its short form outranks
//!   the town or the surname of that name ("Furukawa Co. ... Furukawa said").
//!
//! People's names are gathered before they are claimed, so that the places inside them
//! can yield: [`Claims::hold`] records where each one is, overlapping or not.

use super::words::Words;
use crate::gazetteer::EntryKind;
use crate::lexicon::WordClasses;
use crate::mention::Mention;
use crate::model::Label;

/// Each token's holder: free, held by a mention, or reserved.
pub(crate) struct Claims {
    holders: Vec<u32>,
}

/// A token no one holds.
const FREE: u32 = u32::MAX;
/// A token held by a mention of no particular index, or reserved.
const HELD: u32 = u32::MAX - 1;

impl Claims {
    /// Claims over `len` tokens, none held.
    pub(crate) fn new(len: usize) -> Claims {
        Claims {
            holders: vec![FREE; len],
        }
    }

    /// Is token `i` held? (Like indexing, it must be a token of the text.)
    #[inline]
    pub(crate) fn is_taken(&self, i: usize) -> bool {
        self.holders[i] != FREE
    }

    /// Is `i` a token of the text that no one holds?
    #[inline]
    pub(crate) fn is_free(&self, i: usize) -> bool {
        self.holders.get(i) == Some(&FREE)
    }

    /// Is any token of `first..=last` held?
    pub(crate) fn any_taken(&self, first: usize, last: usize) -> bool {
        self.holders[first..=last]
            .iter()
            .any(|&holder| holder != FREE)
    }

    /// How many tokens of `first..=last` are held.
    pub(crate) fn taken_count(&self, first: usize, last: usize) -> usize {
        self.holders[first..=last]
            .iter()
            .filter(|&&holder| holder != FREE)
            .count()
    }

    /// First come, first served: tokens `first..=last` become held if they are tokens of
    /// the text and none of them is held yet. Says whether they did.
    pub(crate) fn claim(&mut self, first: usize, last: usize) -> bool {
        if last >= self.holders.len() || self.any_taken(first, last) {
            return false;
        }
        self.holders[first..=last].fill(HELD);
        true
    }

    /// Tokens `first..=last` are held by no mention, whoever comes later.
    pub(crate) fn reserve(&mut self, first: usize, last: usize) {
        self.holders[first..=last].fill(HELD);
    }

    /// Records that the name with index `holder` covers `first..=last`, over any name
    /// recorded there before.
    pub(crate) fn hold(&mut self, first: usize, last: usize, holder: usize) {
        self.holders[first..=last].fill(holder as u32);
    }

    /// The index of the name recorded at token `i` ([`Claims::hold`]), if one is.
    pub(crate) fn holder(&self, i: usize) -> Option<usize> {
        let holder = self.holders[i];
        (holder < HELD).then_some(holder as usize)
    }
}

/// Policy: does a gazetteer mention give way to the person whose name it is inside?
/// `people` holds the names of `named` ([`Claims::hold`]). A town, a region, a capital or
/// a known person inside one name yields to it ("Victor Stanley Fishman", "Edward
/// Kennedy"), and so does a country, nationality or group of one word that ends a name,
/// a surname ("Michael Jordan", "John Tory"), but not in a compound ("German-Iraqi"), or
/// that is the given name of a two-word name ("Chad Myers").
pub(super) fn place_yields_to_person(
    tokens: &Words<'_, '_>,
    mention: &Mention,
    people: &Claims,
    named: &[Mention],
) -> bool {
    let yields = matches!(
        mention.kind,
        Some(EntryKind::City | EntryKind::Region | EntryKind::Capital | EntryKind::Person)
    );
    let person = people.holder(mention.first);
    let inside = person.is_some() && person == people.holder(mention.last);
    let one_word_country = matches!(
        mention.kind,
        Some(EntryKind::Country | EntryKind::Demonym | EntryKind::Group)
    ) && mention.first == mention.last;
    let surname = one_word_country
        && tokens.list[mention.first].space_before
        && person.is_some_and(|person| named[person].last == mention.last);
    // "Chad Myers", "Israel Silverman": a country that is a given name before a surname,
    // a word of no class of the lexicon, with no capitalised word after it.
    let given_name = one_word_country
        && person.is_some_and(|person| {
            let name = &named[person];
            let after = name.last + 1;
            name.first == mention.first
                && name.last == name.first + 1
                && tokens.classes[name.last] == WordClasses::NONE
                && !(after < tokens.len() && tokens.is_capitalized(after))
        });
    (yields || surname || given_name) && inside
}

/// Policy: the mentions (by index, `mentions` sorted) that a company named again by its
/// short form over `first..=last` replaces, if they are all that holds tokens there and
/// all yield to it: a person or a town of that name, and for a name of two or more words
/// also a place or an organisation inside it ("Georgia-Pacific Corp. ...
/// Georgia-Pacific").
pub(super) fn parts_yielding_to_company(
    mentions: &[Mention],
    claims: &Claims,
    first: usize,
    last: usize,
) -> Option<Vec<usize>> {
    let start = mentions.partition_point(|m| m.last < first);
    let parts: Vec<usize> = (start..mentions.len())
        .take_while(|&k| mentions[k].first <= last)
        .collect();
    let inside = parts
        .iter()
        .all(|&k| mentions[k].first >= first && mentions[k].last <= last);
    let covered: usize = parts
        .iter()
        .map(|&k| mentions[k].last - mentions[k].first + 1)
        .sum();
    if !inside || parts.is_empty() || covered != claims.taken_count(first, last) {
        return None;
    }
    let yields = |m: &Mention| {
        m.label == Label::Person
            || matches!(m.kind, Some(EntryKind::City | EntryKind::Capital))
            || (last > first && (m.kind.is_some() || m.label == Label::Org))
    };
    parts.iter().all(|&k| yields(&mentions[k])).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_first_claim_keeps_its_tokens() {
        let mut claims = Claims::new(6);
        assert!(claims.claim(1, 2));
        assert!(!claims.claim(2, 3), "overlaps a held token");
        assert!(claims.claim(3, 3));
        assert!(!claims.claim(5, 6), "past the text");
        assert!(claims.is_taken(2) && !claims.is_taken(0));
        assert_eq!(claims.taken_count(0, 5), 3);
        assert!(claims.is_free(4) && !claims.is_free(3) && !claims.is_free(6));
    }

    #[test]
    fn reserved_tokens_are_held_by_no_mention() {
        let mut claims = Claims::new(4);
        claims.reserve(0, 1);
        assert!(!claims.claim(1, 2));
        assert_eq!(claims.holder(0), None);
        assert!(claims.any_taken(0, 3));
    }

    #[test]
    fn a_later_name_recorded_over_another_holds_the_tokens_they_share() {
        let mut people = Claims::new(5);
        people.hold(0, 2, 0);
        people.hold(2, 3, 1);
        assert_eq!(people.holder(1), Some(0));
        assert_eq!(people.holder(2), Some(1));
        assert_eq!(people.holder(4), None);
    }
}
