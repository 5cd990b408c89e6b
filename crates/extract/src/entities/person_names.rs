//! People named by the form of their names: led by a given name ("David Dinkins"), with
//! an initial inside ("Deryck C. Maughan"), in pinyin ("Zhao Leji"); and names that
//! outrank the places that share their words ("President Salinas", "says Kent Calder").

use rustc_hash::FxHashSet;

use super::chinese_names::is_chinese_name;
use super::claims::Claims;

use super::matches::{in_known_name, in_match, match_at, reads_as, TOWN_OR_REGION};
use super::people::honorific_people;
use super::people::{introduces_person, name_end};
use super::places::without_town_before_state;
use super::words::{is, is_abbreviated_title, is_name_word, is_title, tight, Words};
use super::Recognition;
use crate::context::Context;
use crate::gazetteer::{Gazetteer, Match};
use crate::lexicon::WordClass::{GivenNameInside, OrgHead, SpeechVerb, TradeHead};
use crate::mention::Mention;
use crate::model::Label;

/// Pass: people named by the form of their names, gathered before the gazetteer's
/// matches are claimed so that the places inside them can yield, and claimed after them.
/// A name led by a given name outranks a place or a surname-only person inside it
/// ("Victor Stanley Fishman", "Edward Kennedy"), but not a full known name, an
/// organisation or a country, nor a place that is the whole name ("Beverly Hills",
/// "Carson City") or ends it after a hyphen ("Logan-Rogersville"). So do names after an honorific ("Mr. van Dover") and Chinese names in
/// pinyin ("Xianglong Dai"), even when a place or a surname of the list is the whole name.
pub(super) fn gather_people(r: &mut Recognition<'_, '_>) {
    let (tokens, gazetteer, matches, claims) = (&r.words, r.gazetteer, &r.matches[..], &r.claims);
    let mut named = given_name_people(tokens, gazetteer, claims);
    let initialled = initialled_people(tokens, gazetteer, matches, claims);
    if !initialled.is_empty() {
        // "W.R. Grace" after "W.R. Grace & Co." is the firm again.
        let firm_words: FxHashSet<&str> = r
            .organizations
            .iter()
            .flat_map(|&(first, last)| (first..=last).map(|k| tokens.folded(k)))
            .collect();
        let in_named = held_by(&named, tokens.len());
        named.extend(initialled.into_iter().filter(|person| {
            !firm_words.contains(tokens.folded(person.last))
                && !in_named.any_taken(person.first, person.last)
        }));
        crate::mention::sort_by_first(&mut named);
    }
    named.retain(|person| {
        match_at(matches, person.first).is_none_or(|m| m.last != person.last)
            && !joins_a_place(tokens, &r.context, matches, person)
    });
    let mut in_named = held_by(&named, tokens.len());
    for person in honorific_people(tokens, claims)
        .into_iter()
        .chain(chinese_people(tokens, claims))
        .chain(titled_towns(tokens, gazetteer, matches, claims))
        .chain(speakers_named_like_towns(
            tokens, gazetteer, matches, claims,
        ))
    {
        if in_named.claim(person.first, person.last) {
            named.push(person);
        }
    }
    crate::mention::sort_by_first(&mut named);
    for person in &mut named {
        person.last = without_town_before_state(tokens, gazetteer, matches, person);
    }
    r.people = named;
}

/// Does a hyphen join the name to a place the text says is one ("Logan-Rogersville", a
/// school district, where the story is "in Rogersville")?
fn joins_a_place(
    tokens: &Words<'_, '_>,
    context: &Context,
    matches: &[Match],
    person: &Mention,
) -> bool {
    (person.first..person.last).any(|k| {
        tokens.is_punct(k, '-')
            && !tokens.list[k].space_before
            && match_at(matches, k + 1)
                .is_some_and(|place| place.last == person.last && context.is_placed(place))
    })
}

/// The tokens of these names, held.
fn held_by(names: &[Mention], len: usize) -> Claims {
    let mut claims = Claims::new(len);
    for (index, name) in names.iter().enumerate() {
        claims.hold(name.first, name.last, index);
    }
    claims
}

/// Two capitalised words that make a Chinese name in pinyin: "Zhao Leji".
fn chinese_people(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let pair = !claims.is_taken(i)
            && !claims.is_taken(i + 1)
            && tokens.is_capitalized(i)
            && tokens.is_capitalized(i + 1)
            && !tokens.is_all_caps(i)
            && !tokens.is_all_caps(i + 1)
            && tokens.list[i + 1].space_before
            && !tokens.list[i + 1].newline_before
            && !tokens.is_capitalized(i + 2)
            && is_chinese_name(tokens.folded(i), tokens.folded(i + 1));
        if pair {
            found.push(Mention::new(i, i + 1, Label::Person));
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

/// Names that start with a given name and go on with at least one more name word:
/// "David Dinkins", "Carla A. Hills", "Jean-Claude Juncker".
fn given_name_people(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    claims: &Claims,
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for &i in &tokens.capitals {
        if found.last().is_some_and(|person| person.last >= i) {
            continue;
        }
        let given = !tokens.is_all_caps(i)
            && (gazetteer.is_given_name(tokens.folded(i)) || is_given_name_inside(tokens, i));
        // "Robert Wood Johnson Foundation" is named after a person but is none.
        let person_end = given.then(|| name_end(tokens, i, claims, 4)).flatten();
        match person_end.filter(|&last| last > i && !is(tokens, last, OrgHead | TradeHead)) {
            Some(last) => {
                // "E. Robert Wallach": an initial before the given name.
                let initial = i >= 2
                    && tokens.is_punct(i - 1, '.')
                    && tight(tokens, i - 2)
                    && tokens.raw(i - 2).chars().count() == 1
                    && tokens.is_capitalized(i - 2)
                    && !claims.is_taken(i - 2);
                let first = if initial { i - 2 } else { i };
                found.push(Mention::new(first, last, Label::Person));
            }
            None => continue,
        }
    }
    found
}

/// A given name that is also a common word ("Mark", "Bill", "Will") is one inside a
/// sentence, after a lower-case word, a comma or a title: "says Mark Rozell", "Mayor Bill
/// Baine". Not where it opens a sentence, a quotation or a bracket, nor after a
/// capitalised word ("Where Will Our Children...", "the Deutsche Mark").
fn is_given_name_inside(tokens: &Words<'_, '_>, i: usize) -> bool {
    if i == 0 || tokens.list[i].newline_before || !is(tokens, i, GivenNameInside) {
        return false;
    }
    let before = i - 1;
    let opens = matches!(
        tokens.folded(before),
        "." | "!" | "?" | ":" | "\"" | "'" | "("
    );
    is_title(tokens, before) || !(opens || tokens.is_capitalized(before))
}

/// Pass: a person named by one word ("Bush", "Abbas", a surname a list or the text made
/// one) takes in the capitalised word right before it that no rule took: a given name no
/// list holds ("Jeb Bush", "Abu Abbas", "Mark McCormick"), and so another person than the
/// one the list meant. Not a title ("President Bush", which is no rule's to take), nor a
/// word that opens the sentence ("Yesterday Bush ...").
pub(super) fn with_unlisted_given_names(r: &mut Recognition<'_, '_>) {
    for index in 0..r.mentions.len() {
        let person = &r.mentions[index];
        if person.label == Label::Person
            && person.first == person.last
            && unlisted_given_name_before(&r.words, &r.claims, person.first)
        {
            r.mentions[index] = Mention::new(person.first - 1, person.last, Label::Person);
        }
    }
}

/// Is the word before token `surname` a given name of the same person: a free
/// capitalised name word, written apart, not in capitals and not opening a sentence?
fn unlisted_given_name_before(tokens: &Words<'_, '_>, claims: &Claims, surname: usize) -> bool {
    let Some(given) = surname.checked_sub(1) else {
        return false;
    };
    // Punctuation tokens are one character each.
    let opens_sentence = given == 0
        || tokens.list[given].newline_before
        || matches!(tokens.folded(given - 1), "." | "?" | "!" | ":" | "\"");
    !opens_sentence
        && !tokens.list[surname].newline_before
        && tokens.list[surname].space_before
        && !claims.is_taken(given)
        && is_name_word(tokens, given)
        && !tokens.is_all_caps(given)
}

/// Pass: a person's name goes on over a hyphen written apart, as text converted from
/// tokenised sources writes hyphenated names ("Shlomo Ben - Ami", "Marie - Louise
/// Giraud"): one free capitalised name word on the other side, on the same line, and
/// after it no other capitalised word ("John Smith - Getty Images" is a credit line).
pub(super) fn over_spaced_hyphens(r: &mut Recognition<'_, '_>) {
    for index in 0..r.mentions.len() {
        let person = &r.mentions[index];
        if person.label != Label::Person {
            continue;
        }
        let (first, last) = (person.first, person.last);
        if first >= 2 && name_word_across_hyphen(&r.words, &r.claims, first - 2, first - 1) {
            r.mentions[index].first = first - 2;
        }
        if name_word_across_hyphen(&r.words, &r.claims, last + 2, last + 1) {
            r.mentions[index].last = last + 2;
        }
    }
}

/// Is token `word` a free name word joined to a name by the spaced hyphen at `hyphen`,
/// with no other capitalised word beyond it?
fn name_word_across_hyphen(
    tokens: &Words<'_, '_>,
    claims: &Claims,
    word: usize,
    hyphen: usize,
) -> bool {
    let spaced = |k: usize| tokens.list[k].space_before && !tokens.list[k].newline_before;
    let beyond = if word > hyphen {
        word + 1
    } else {
        word.wrapping_sub(1)
    };
    // The later of the two tokens says whether a space parts them.
    let capital_beyond =
        beyond < tokens.len() && tokens.is_capitalized(beyond) && spaced(beyond.max(word));
    word < tokens.len()
        && tokens.is_punct(hyphen, '-')
        && spaced(hyphen)
        && spaced(hyphen + 1)
        && is_name_word(tokens, word)
        && !tokens.is_all_caps(word)
        && !claims.is_taken(word)
        && !capital_beyond
}

/// People whose surname is a town's name, after their title: "President Salinas",
/// "Mayor Austin". A title outranks the place as an honorific does.
fn titled_towns(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    claims: &Claims,
) -> Vec<Mention> {
    let town = |m: &Match| reads_as(gazetteer, m, TOWN_OR_REGION);
    // "Sen." is a title and its full stop; "President" a title alone.
    let after_title = |first: usize| {
        (first >= 1 && is_title(tokens, first - 1))
            || (first >= 2 && is_abbreviated_title(tokens, first - 2))
    };
    matches
        .iter()
        .filter(|m| {
            after_title(m.first) && town(m) && name_end(tokens, m.first, claims, 4) == Some(m.last)
        })
        .map(|m| Mention::new(m.first, m.last, Label::Person))
        .collect()
}

/// Two-word names of which one word is a town's or a region's, when the context makes a
/// person of them: after a speech verb or before an apposition about a person ("says
/// Kent Calder, a specialist", "Masato Murakami, chief manager"). The context rule for
/// speakers comes too late: the place would have taken its word.
fn speakers_named_like_towns(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    claims: &Claims,
) -> Vec<Mention> {
    let town = |m: &Match| m.first == m.last && reads_as(gazetteer, m, TOWN_OR_REGION);
    let free_name_word = |k: usize| {
        is_name_word(tokens, k)
            && !claims.is_taken(k)
            && !tokens.is_all_caps(k)
            && !in_match(matches, k)
    };
    let mut found: Vec<Mention> = Vec::new();
    for m in matches {
        // Rarely true, so tested first and without a branch: a capitalised word beside
        // (before the first token, the index wraps past the end: not capitalised).
        let beside =
            tokens.is_capitalized(m.first.wrapping_sub(1)) | tokens.is_capitalized(m.last + 1);
        if !beside || !town(m) || claims.is_taken(m.first) {
            continue;
        }
        // The town's word first ("Kent Calder") or last ("Masato Murakami").
        let surname = (m.first + 1, (m.first, m.first + 1));
        let given_name = m.first.checked_sub(1).map(|k| (k, (k, m.first)));
        let person = std::iter::once(surname)
            .chain(given_name)
            .find(|&(other, (first, last))| {
                free_name_word(other) && is_person_by_context(tokens, first, last)
            })
            .map(|(_, name)| name);
        if let Some((first, last)) = person {
            if found.last().is_none_or(|before| before.last < first) {
                found.push(Mention::new(first, last, Label::Person));
            }
        }
    }
    found
}

/// Is the name at `first..=last` a whole one said to be a person's by its context: after
/// a speech verb, or before an apposition about a person?
fn is_person_by_context(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let whole = (first == 0 || !is_name_word(tokens, first - 1)) && !is_name_word(tokens, last + 1);
    let after_speech = first > 0 && is(tokens, first - 1, SpeechVerb);
    let before_apposition = tokens.is_punct(last + 1, ',') && introduces_person(tokens, last + 2);
    whole && (after_speech || before_apposition)
}

/// Names with an initial inside them, whatever the given name: "Deryck C. Maughan",
/// "T. Marshall Hahn Jr.", "J.P. Bolduc". No word of them may be read as a country, a
/// place or an organisation ("U.S. Steel" is no person).
fn initialled_people(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    claims: &Claims,
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    // Names are looked for only around initials, which are rare: from the name word
    // before the first initial of a row ("Deryck C."), else from the initial itself.
    for &k in &tokens.capitals {
        let first_initial = is_initial(tokens, k) && !(k >= 2 && is_initial(tokens, k - 2));
        if !first_initial || found.last().is_some_and(|person| person.last >= k) {
            continue;
        }
        let word_before = k > 0 && is_name_word(tokens, k - 1) && !claims.is_taken(k - 1);
        let starts = if word_before { [k - 1, k] } else { [k, k] };
        let person = starts.into_iter().find_map(|first| {
            let last = (!claims.is_taken(first))
                .then(|| name_end(tokens, first, claims, 4))
                .flatten()?;
            let named = last > first
                && has_inner_initial(tokens, first, last)
                && !is(tokens, last, OrgHead | TradeHead)
                && !(first..=last).any(|j| in_known_name(gazetteer, matches, j));
            named.then(|| Mention::new(first, last, Label::Person))
        });
        found.extend(person);
    }
    found
}

/// A capital letter alone before a full stop: "C." in "Deryck C. Maughan".
fn is_initial(tokens: &Words<'_, '_>, k: usize) -> bool {
    tokens.is_capitalized(k) && tokens.raw(k).len() == 1 && tokens.is_punct(k + 1, '.')
}

/// An initial ("C.") with a name word after it, within tokens `first..=last`.
fn has_inner_initial(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    (first..last.saturating_sub(1)).any(|k| is_initial(tokens, k))
        && is_name_word(tokens, last)
        && tokens.raw(last).len() > 1
}

#[cfg(test)]
mod tests {
    use crate::entities::testing::{expected, recognized};
    use crate::model::Label::{Date, Gpe, Person};

    #[test]
    fn names_led_by_a_given_name_with_an_initial_or_in_pinyin() {
        assert_eq!(
            recognized("David Dinkins met Deryck C. Maughan and Zhao Leji."),
            expected(&[
                ("David Dinkins", Person),
                ("Deryck C. Maughan", Person),
                ("Zhao Leji", Person),
            ])
        );
    }

    #[test]
    fn a_given_name_that_is_a_common_word_leads_a_name_only_inside_a_sentence() {
        assert_eq!(
            recognized("The ruling angered Mark Oberholt and Mayor Bill Tennard."),
            expected(&[("Mark Oberholt", Person), ("Bill Tennard", Person)])
        );
        // Opening a sentence, or after a capitalised word, it is the common word.
        assert_eq!(
            recognized("Will Tennard agree? Where Will Oberholt Go."),
            []
        );
    }

    #[test]
    fn a_name_goes_on_over_a_hyphen_written_apart_but_not_into_a_credit_line() {
        assert_eq!(
            recognized("The envoy Dana Ben - Orel met Marie - Anna Kessler on Monday."),
            expected(&[
                ("Dana Ben - Orel", Person),
                ("Marie - Anna Kessler", Person),
                ("Monday", Date),
            ])
        );
        assert_eq!(
            recognized("The photo is by John Kessler - Getty Images."),
            expected(&[("John Kessler", Person)])
        );
    }

    #[test]
    fn a_title_or_a_speech_verb_makes_a_person_of_a_town_s_name() {
        assert_eq!(
            recognized("President Salinas, says Kent Calder, a specialist, agreed."),
            expected(&[("Salinas", Person), ("Kent Calder", Person)])
        );
        assert_eq!(
            recognized("Salinas and Kent agreed."),
            expected(&[("Salinas", Gpe), ("Kent", Gpe)])
        );
    }

    #[test]
    fn a_place_that_is_the_whole_name_stays_a_place() {
        // "Robert" is a given name, and "Robert Iowa" no town: the place is only a part.
        assert_eq!(
            recognized("Edward Kent spoke."),
            expected(&[("Edward Kent", Person)])
        );
    }
}
