//! People named by their context: after titles ("President Vladimir Putin") and
//! honorifics ("Mr. Smith"), next to speech verbs ("said Nikita Mendkovich") and before
//! appositions ("John Smith, 63,"); and the grammar of a personal name ([`name_end`]:
//! initials, particles, "Jr.").

use super::bodies::department_after_title;
use super::chinese_names::is_chinese_name;
use super::claims::Claims;
use super::words::{
    is, is_abbreviated_title, is_name_particle, is_name_word, is_title, tight, Words,
};
use crate::lexicon::WordClass::{PersonRole, SpeechVerb, TitleWord};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::TokenKind;

const MAX_INITIALS: usize = 4;

/// The last token of a personal name starting at `first`, if one starts there: name
/// words with initials ("John J. Phelan"), apostrophes and hyphens ("O'Brien",
/// "Marie-Louise"), a particle before a name word ("bin Salman") and suffixes ("Jr.").
pub(super) fn name_end(
    tokens: &Words<'_, '_>,
    first: usize,
    claims: &Claims,
    max_words: usize,
) -> Option<usize> {
    let mut j = first;
    let mut last = None;
    let mut words = 0;
    while j < tokens.len() && !claims.is_taken(j) && words < max_words {
        if j > first && tokens.list[j].newline_before {
            break;
        }
        let initial = tokens.raw(j).chars().count() == 1
            && tokens.is_capitalized(j)
            && tokens.is_punct(j + 1, '.');
        // "A.D. Correll": initials in a row.
        let after_initial = j >= first + 2 && tokens.is_punct(j - 1, '.') && last.is_none();
        // At most a few initials in a row ("C.J.B. Marshall"), so a long run of them
        // costs no more than a name.
        if initial
            && (last.is_some() || j == first || after_initial)
            && j < first + 2 * MAX_INITIALS
        {
            j += 2;
            continue;
        }
        if is_name_particle(tokens, j) && is_name_word(tokens, j + 1) {
            j += 1;
            continue;
        }
        if !is_name_word(tokens, j) {
            break;
        }
        // "O'Brien", "Marie-Louise": one name word written with ' or -.
        while tight(tokens, j)
            && matches!(tokens.folded(j + 1), "'" | "-")
            && tight(tokens, j + 1)
            && j + 2 < tokens.len()
            && tokens.is_capitalized(j + 2)
        {
            j += 2;
        }
        last = Some(j);
        words += 1;
        j += 1;
        // "by reporter Huanqing Zheng According to ...": a Chinese name in pinyin is two
        // words, and wires run the next sentence's first word into it. (Asked only when
        // the name would go on: the test is dear.)
        let goes_on = words == 2 && j == first + 2 && tokens.is_capitalized(j);
        if goes_on && is_chinese_name(tokens.folded(first), tokens.folded(first + 1)) {
            break;
        }
        if matches!(tokens.folded(j.min(tokens.len() - 1)), "jr" | "sr") && j < tokens.len() {
            last = Some(if tokens.is_punct(j + 1, '.') {
                j + 1
            } else {
                j
            });
            break;
        }
    }
    last
}

/// "President Vladimir Putin", "First Deputy Prime Minister Igor Shuvalov": the names
/// after a run of titles.
pub(super) fn titled_people(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_title(tokens, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && (is_title(tokens, j) || is_title_word(tokens, j)) {
            j += if is_abbreviated_title(tokens, j) {
                2
            } else {
                1
            };
        }
        // "Secretary of State James Baker", "Secretary of the Treasury Nicholas Brady".
        let first = department_after_title(tokens, j).map_or(j, |department| department + 1);
        match name_end(tokens, first, claims, 4) {
            Some(last) if !tokens.list[first].newline_before => {
                found.push(Mention::new(first, last, Label::Person));
                i = last + 1;
            }
            _ => i = j.max(i + 1),
        }
    }
    found
}

/// "Mr. Smith", "Sen. Dole": the name after an abbreviated honorific.
pub(super) fn honorific_people(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    (0..tokens.len())
        .filter(|&i| {
            is_abbreviated_title(tokens, i)
                && !tokens.list.get(i + 2).is_some_and(|t| t.newline_before)
        })
        .filter_map(|i| {
            name_end(tokens, i + 2, claims, 4).map(|last| Mention::new(i + 2, last, Label::Person))
        })
        .collect()
}

/// Words inside multi-word titles: "Prime", "Foreign", "First", "Vice".
fn is_title_word(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, TitleWord)
        && i + 1 < tokens.len()
        && (is_title(tokens, i + 1) || is_title_word(tokens, i + 1))
}

/// Names of two or more words next to a speech verb ("said Nikita Mendkovich", "Anna
/// Petrova said") or before an apposition that describes a person ("Nikita Mendkovich,
/// head of ...", "John Smith, 63, ...").
pub(super) fn speakers(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        let speech = tokens.kind(i) == TokenKind::Word && is(tokens, i, SpeechVerb);
        if speech {
            if let Some(last) = name_end(tokens, i + 1, claims, 4).filter(|&last| last > i + 1) {
                found.push(Mention::new(i + 1, last, Label::Person));
            }
        }
        if speech || (tokens.is_punct(i, ',') && introduces_person(tokens, i + 1)) {
            if let Some((first, last)) = name_before(tokens, i, claims) {
                found.push(Mention::new(first, last, Label::Person));
            }
        }
    }
    crate::mention::sort_by_first(&mut found);
    found.dedup_by_key(|m| m.first);
    found
}

/// Does an apposition about a person start at `i`: "head of", "a spokesman", "63,"?
pub(super) fn introduces_person(tokens: &Words<'_, '_>, i: usize) -> bool {
    let at = if i < tokens.len()
        && matches!(tokens.folded(i), "a" | "an" | "the" | "its" | "his" | "her")
    {
        i + 1
    } else {
        i
    };
    let age = at < tokens.len()
        && tokens.kind(at) == TokenKind::Number
        && tokens.raw(at).len() <= 2
        && tokens.is_punct(at + 1, ',');
    age || (at < tokens.len() && is(tokens, at, PersonRole))
}

/// A name of two to four words ending right before token `end`.
fn name_before(tokens: &Words<'_, '_>, end: usize, claims: &Claims) -> Option<(usize, usize)> {
    let mut first = end;
    while first > 0
        && end - first < 6
        && !claims.is_taken(first - 1)
        && (is_name_word(tokens, first - 1)
            || tokens.is_punct(first - 1, '.')
            || is_name_particle(tokens, first - 1))
    {
        first -= 1;
    }
    (first..end.saturating_sub(1)).find_map(|start| {
        let last = name_end(tokens, start, claims, 4)?;
        let words = (start..=last).filter(|&j| is_name_word(tokens, j)).count();
        (last + 1 == end && words >= 2).then_some((start, last))
    })
}

#[cfg(test)]
mod tests {
    use super::{honorific_people, name_end, speakers, titled_people};
    use crate::entities::claims::Claims;
    use crate::entities::testing::{expected, gazetteer, proposed};
    use crate::entities::words::Words;
    use crate::model::Label::Person;
    use crate::tokens::Tokens;

    #[test]
    fn names_after_titles_and_honorifics() {
        let titled = |text| proposed(text, |r| titled_people(&r.words, &r.claims));
        assert_eq!(
            titled("Prime Minister Jan Novak met Secretary of the Treasury Ann Rudd."),
            expected(&[("Jan Novak", Person), ("Ann Rudd", Person)])
        );
        let honorific = |text| proposed(text, |r| honorific_people(&r.words, &r.claims));
        assert_eq!(
            honorific("He met Mr. van Dover."),
            expected(&[("van Dover", Person)])
        );
    }

    #[test]
    fn names_next_to_a_speech_verb_or_before_an_apposition() {
        let found = |text| proposed(text, |r| speakers(&r.words, &r.claims));
        assert_eq!(
            found("Prices rose, said Nikita Mendkovich. Anna Petrova said so."),
            expected(&[("Nikita Mendkovich", Person), ("Anna Petrova", Person)])
        );
        assert_eq!(
            found("Jan Novak, head of the bank, and John Smith, 63, agreed."),
            expected(&[("Jan Novak", Person), ("John Smith", Person)])
        );
        assert!(
            found("Then Paris said no.").is_empty(),
            "one word is too little"
        );
    }

    #[test]
    fn a_name_takes_initials_particles_hyphens_and_suffixes() {
        let name = |text: &str| {
            let tokens = Tokens::new(text);
            let words = Words::new(&tokens, gazetteer());
            let last = name_end(&words, 0, &Claims::new(tokens.len()), 4)?;
            let span = tokens.span(0, last);
            Some(text[span.start..span.end].to_string())
        };
        assert_eq!(
            name("John J. Phelan Jr. spoke").as_deref(),
            Some("John J. Phelan Jr.")
        );
        assert_eq!(
            name("Jean-Claude bin Salman spoke").as_deref(),
            Some("Jean-Claude bin Salman")
        );
        assert_eq!(name("Ann O'Brien spoke").as_deref(), Some("Ann O'Brien"));
        assert_eq!(name("the man"), None);
    }
}
