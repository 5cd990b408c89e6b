//! Bodies named by common nouns: a state's ("the House", "the Navy"), papers ("the
//! Herald"), departments in titles ("Labor Secretary"), bodies that speak ("the Merc
//! said"), and the country of a local body ("Enfield Council").

use super::claims::Claims;
use super::gazetteer_mentions::place_country;
use super::matches::match_at;
use super::words::{is, Words};
use super::Recognition;
use crate::lexicon::WordClass::{
    AbbreviatedTitle, Department, LocalBodyHead, NotName, Paper, SpeechVerb, StateBody, Title,
};
use crate::mention::Mention;
use crate::model::Label;

/// Pass: a local body with no country ("the Decatur Public Library", "Cookville
/// Volunteer Fire Department") belongs to the one of the place its name opens with, or
/// to the one a local story is set in; and so does a river or lake found by its head
/// word ("the Kishwaukee River").
pub(super) fn give_local_bodies_their_country(r: &mut Recognition<'_, '_>) {
    let story = r.context.story_country();
    for mention in r.mentions.iter_mut().filter(|m| m.country.is_none()) {
        if is_local_institution(&r.words, mention) || is_natural_feature(mention) {
            mention.country = match_at(&r.matches, mention.first)
                .and_then(|place| place_country(r.gazetteer, &r.context, place))
                .or(story);
        }
    }
}

/// A river, lake or mountain found by its head word, not in the gazetteer.
fn is_natural_feature(mention: &Mention) -> bool {
    mention.label == Label::Loc && mention.kind.is_none()
}

fn is_local_institution(tokens: &Words<'_, '_>, mention: &Mention) -> bool {
    mention.label == Label::Org
        && (mention.first..=mention.last).any(|i| is(tokens, i, LocalBodyHead))
}

/// "The Merc said", "the Courier Union reported": people speak without an article, so an
/// unclaimed name of one or two words between "the" and a speech verb is a body. Titles
/// ("the President said") are no names. Found from the verb, so only a few tokens are
/// looked at.
pub(super) fn speaking_bodies(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let name = |k: usize| {
        tokens.is_capitalized(k)
            && !claims.is_taken(k)
            && !is(tokens, k, NotName | Title | AbbreviatedTitle)
    };
    let mut found = Vec::new();
    for verb in 2..tokens.len() {
        if !is(tokens, verb, SpeechVerb) || !name(verb - 1) {
            continue;
        }
        let first = if name(verb - 2) { verb - 2 } else { verb - 1 };
        if first > 0 && tokens.folded(first - 1) == "the" {
            found.push(Mention::new(first, verb - 1, Label::Org));
        }
    }
    found
}

/// Bodies of a state named by a capitalised common noun: "the House", "Parliament",
/// "the Navy", "the Air Force", and papers named by their last word: "the Herald". Not
/// at the start of a sentence unless after "The".
pub(super) fn state_bodies(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    for &i in &tokens.capitals {
        if claims.is_taken(i) || tokens.is_all_caps(i) {
            continue;
        }
        // A paper is named so only after "the": "the Herald", "the Journal".
        let (last, paper) = match tokens.folded(i) {
            _ if is(tokens, i, StateBody) => (i, false),
            _ if is(tokens, i, Paper) => (i, true),
            "air" if tokens.folded(i + 1) == "force" && tokens.is_capitalized(i + 1) => {
                (i + 1, false)
            }
            _ => continue,
        };
        let after_the = i > 0 && tokens.folded(i - 1) == "the";
        let mid_sentence = i > 0
            && !tokens.list[i].newline_before
            && !matches!(tokens.folded(i - 1), "." | "!" | "?" | "\"");
        // "House of Commons" and "Army Corps" are other names, found elsewhere, and so
        // is "Random House".
        let continues = tokens.is_capitalized(last + 1) || tokens.folded(last + 1) == "of";
        let ends_name = i > 0
            && tokens.is_capitalized(i - 1)
            && !claims.is_taken(i - 1)
            && !is(tokens, i - 1, NotName);
        if (after_the || (mid_sentence && !paper))
            && !continues
            && !ends_name
            && !claims.is_taken(last)
        {
            found.push(Mention::new(i, last, Label::Org));
        }
    }
    found
}

/// Is token `i` a capitalised department's name?
fn is_department(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Department) && tokens.is_capitalized(i)
}

/// The department in "of State", "of the Treasury" at token `of`, if there is one.
pub(super) fn department_after_title(tokens: &Words<'_, '_>, of: usize) -> Option<usize> {
    if tokens.folded(of) != "of" {
        return None;
    }
    let at = if tokens.folded(of + 1) == "the" {
        of + 2
    } else {
        of + 1
    };
    is_department(tokens, at).then_some(at)
}

/// The department of a title, an organisation by OntoNotes' conventions: "Labor" in
/// "Labor Secretary Elizabeth Dole", "State" in "Secretary of State James Baker" (but
/// not "Foreign" in "Foreign Minister", nor "State" in "Minister of State").
pub(super) fn departments_in_titles(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let secretary = |j: usize| {
        tokens.is_capitalized(j)
            && matches!(
                tokens.folded(j),
                "secretary" | "minister" | "undersecretary"
            )
    };
    let mut found = Vec::new();
    // Both forms start at a capitalised word.
    for &i in &tokens.capitals {
        let before_title =
            is_department(tokens, i) && secretary(i + 1) && tokens.folded(i) != "state";
        // "Secretary of State", not "Minister of State", a junior minister's title.
        let after_title = tokens.raw(i) == "Secretary" && tokens.folded(i + 1) == "of";
        let department = if before_title {
            Some(i)
        } else if after_title {
            department_after_title(tokens, i + 1)
        } else {
            None
        };
        if let Some(d) = department.filter(|&d| !claims.is_taken(d)) {
            found.push(Mention::new(d, d, Label::Org));
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::{departments_in_titles, speaking_bodies, state_bodies};
    use crate::entities::testing::{country_of, expected, proposed};
    use crate::model::Label::Org;

    #[test]
    fn capitalised_common_nouns_name_bodies_of_a_state_and_papers() {
        let found = |text| proposed(text, |r| state_bodies(&r.words, &r.claims));
        assert_eq!(
            found("The bill passed the House and went to the Senate, the Herald reported."),
            expected(&[("House", Org), ("Senate", Org), ("Herald", Org)])
        );
        // Longer names that begin or end with those words are other rules'; a paper's
        // word is one only after "the".
        assert!(found("He joined the House of Commons and Random House.").is_empty());
        assert!(found("Times change.").is_empty());
    }

    #[test]
    fn a_name_that_speaks_after_the_is_a_body() {
        let found = |text| proposed(text, |r| speaking_bodies(&r.words, &r.claims));
        assert_eq!(
            found("The Merc said prices rose."),
            expected(&[("Merc", Org)])
        );
        assert!(found("Anna Petrova said prices rose.").is_empty());
        assert!(found("The President said so.").is_empty());
    }

    #[test]
    fn departments_named_in_titles_are_organisations() {
        let found = |text| proposed(text, |r| departments_in_titles(&r.words, &r.claims));
        assert_eq!(
            found("Labor Secretary Elizabeth Dole met Secretary of State James Baker."),
            expected(&[("Labor", Org), ("State", Org)])
        );
        assert!(found("He met the Minister of State.").is_empty());
    }

    #[test]
    fn a_local_body_takes_the_country_a_local_story_is_set_in() {
        let text = "Australian police in Queensland said the Enfield Council met.";
        assert_eq!(country_of(text, "Enfield Council").as_deref(), Some("AU"));
        assert_eq!(
            country_of("The Enfield Council met.", "Enfield Council"),
            None
        );
    }
}
