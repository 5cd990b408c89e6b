//! Coreference, after the entity rules: gives people their country from the words before
//! their title ("Kyrgyz President Almazbek Atambaev" -> KG), and carries names met once
//! to their later short forms: "Mendkovich" -> "Nikita Mendkovich", "Sony" after
//! "Sony Corp.", "EAEU" after "Eurasian Economic Union (EAEU)", and "the Russian
//! leader" to the one Russian named before.
//!
//! A company's short form that must outrank a town or a surname of that name ("Furukawa
//! Co. ... Furukawa said") is claimed earlier, by the entity pass
//! `entities::short_forms`, while the tokens' claims are still known; here it takes the
//! full name as its canonical one.

use rustc_hash::FxHashMap;

use crate::entities::company_stem;
use crate::gazetteer::EntryKind;
use crate::lexicon::WordClass::{
    CompanyDescription, CompanyRole, LeaderTitle, NotName, PersonRole, SpeechVerb, Title,
};
use crate::lexicon::{Lexicon, WordClasses};
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::tokens::{TokenKind, Tokens};

/// Gives the mentions their countries and full names, and marks the short forms that no
/// rule found.
pub fn resolve(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    country_before_title(tokens, mentions);
    define_acronyms(tokens, mentions);
    propagate_names(tokens, mentions);
    leaders_by_title(tokens, mentions);
}

/// A person whose title follows a country or demonym belongs to that country ("Kyrgyz
/// President Almazbek Atambaev"), and so does an organisation described by one
/// ("the Russian state company Rosatom", "Chinese carmaker Geely").
fn country_before_title(tokens: &Tokens<'_>, mentions: &mut [Mention]) {
    for index in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(index);
        let (previous, named) = (&before[index - 1], &mut rest[0]);
        if named.country.is_some() || !matches!(previous.label, Label::Norp | Label::Gpe) {
            continue;
        }
        let between = previous.last + 1..named.first;
        let described = match named.label {
            // A title between them ("President", "Pres."), not a sentence's full stop:
            // "... from Afghanistan. Fabio Indeo, a fellow in Trieste".
            Label::Person => {
                tokens.is_capitalized(previous.last + 1)
                    && between.clone().all(|j| {
                        tokens.is_capitalized(j)
                            || tokens.is_punct(j, '.')
                            || tokens.folded(j) == "-"
                    })
            }
            Label::Org => between
                .clone()
                .all(|j| is_company_description(tokens.folded(j))),
            _ => false,
        };
        if described && !between.is_empty() && between.len() <= 5 {
            named.country = previous.country;
        }
    }
}

/// "Eurasian Economic Union (EAEU)": the acronym takes the name's label, canonical
/// name and country.
fn define_acronyms(tokens: &Tokens<'_>, mentions: &mut [Mention]) {
    for index in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(index);
        let (name, acronym) = (&before[index - 1], &mut rest[0]);
        let in_brackets = acronym.first == acronym.last
            && acronym.first == name.last + 2
            && tokens.is_punct(name.last + 1, '(')
            && tokens.is_punct(acronym.last + 1, ')')
            && tokens.is_all_caps(acronym.first);
        if in_brackets && name.label == Label::Org && name.last > name.first {
            acronym.label = Label::Org;
            acronym.canonical = Some(canonical_or_text(tokens, name));
            acronym.country = acronym.country.or(name.country);
        }
    }
}

fn canonical_or_text(tokens: &Tokens<'_>, mention: &Mention) -> String {
    mention.canonical.clone().unwrap_or_else(|| {
        let span = tokens.span(mention.first, mention.last);
        tokens.text[span.start..span.end].to_string()
    })
}

/// What a short form found later stands for.
#[derive(Clone)]
struct Alias {
    /// Folded tokens of the short form.
    words: Vec<String>,
    label: Label,
    canonical: String,
    country: Option<CountryCode>,
    /// The first token of the name in full it stands for.
    named_at: usize,
}

/// Short forms longer than this are never looked for: a capitalised run of a million
/// words ending in "Corp." would otherwise be compared at each of its words.
const MAX_ALIAS_WORDS: usize = 10;

/// How many of the people named in full have each given name (their first word, if
/// a word of two letters or more).
fn given_names<'t>(tokens: &'t Tokens<'_>, mentions: &[Mention]) -> FxHashMap<&'t str, u32> {
    let mut counts: FxHashMap<&str, u32> = FxHashMap::default();
    for person in mentions
        .iter()
        .filter(|m| m.label == Label::Person && m.last > m.first)
    {
        let given = tokens.folded(person.first);
        if tokens.is_capitalized(person.first) && given.chars().nth(1).is_some() {
            *counts.entry(given).or_default() += 1;
        }
    }
    counts
}

/// The first token of the surname ending at `last`: "O'Riordan" and "Gates-Warren" are
/// one surname over several tokens, joined tight by an apostrophe or a hyphen (a hyphen
/// may be written apart, as the person's name then is: "Ben - Ami").
fn surname_start(tokens: &Tokens<'_>, first: usize, last: usize) -> usize {
    let tight = |k: usize| !tokens.list[k].space_before;
    let joined = |k: usize| match tokens.folded(k) {
        "'" => tight(k) && tight(k + 1),
        "-" => tight(k) == tight(k + 1),
        _ => false,
    };
    let mut start = last;
    while start >= first + 3 && joined(start - 1) && tokens.is_capitalized(start - 2) {
        start -= 2;
    }
    start
}

/// Short forms that later mentions may use, from people and organisations named in
/// full: the surname, the given name if only one person has it, the company name
/// without its legal suffix, an acronym.
fn aliases(tokens: &Tokens<'_>, mentions: &mut [Mention]) -> Vec<Alias> {
    let lexicon = Lexicon::shared();
    let classes = |k: usize| match tokens.kind(k) {
        TokenKind::Word | TokenKind::Punct => lexicon.classes(tokens.folded(k)),
        TokenKind::Number => WordClasses::NONE,
    };
    let given_names = given_names(tokens, mentions);
    let mut aliases = Vec::new();
    for mention in mentions.iter_mut() {
        let canonical = canonical_or_text(tokens, mention);
        if mention.label == Label::Person && mention.canonical.is_none() {
            mention.canonical = Some(canonical.clone());
        }
        let alias = |range: std::ops::RangeInclusive<usize>| Alias {
            words: range.map(|j| tokens.folded(j).to_string()).collect(),
            label: mention.label,
            canonical: canonical.clone(),
            country: mention.country,
            named_at: mention.first,
        };
        match mention.label {
            Label::Person if mention.last > mention.first => {
                // The whole name first: where it comes back where no rule reads it ("I
                // am Jeb Sharp"), it is the person, not a given name and a surname.
                aliases.push(alias(mention.first..=mention.last));
                let mut surname = mention.last;
                if matches!(tokens.folded(surname), "." | "jr" | "sr")
                    && surname > mention.first + 1
                {
                    surname -= if tokens.folded(surname) == "." { 2 } else { 1 };
                }
                let start = surname_start(tokens, mention.first, surname);
                aliases.push(alias(start..=surname));
                // "Hillary" after "Hillary Clinton", when no one else named is Hillary.
                let given = tokens.folded(mention.first);
                if start > mention.first && given_names.get(given) == Some(&1) {
                    aliases.push(alias(mention.first..=mention.first));
                }
            }
            // A surname met alone after a title or an honorific ("Mr. Coleman",
            // "President Salinas") names the same person when it comes back.
            Label::Person => aliases.push(alias(mention.first..=mention.first)),
            Label::Org => {
                if let Some(name_end) = company_stem(tokens, &classes, mention.first, mention.last)
                {
                    aliases.push(alias(mention.first..=name_end));
                    // "Shearson" for "Shearson Lehman Hutton Inc.", not "McGraw" for "McGraw-Hill".
                    if name_end > mention.first && tokens.list[mention.first + 1].space_before {
                        aliases.push(alias(mention.first..=mention.first));
                    }
                }
                if mention.first == mention.last && tokens.is_all_caps(mention.first) {
                    aliases.push(alias(mention.first..=mention.first));
                }
            }
            _ => {}
        }
    }
    aliases
}

/// Resolves short mentions to the full names met in the document, and marks
/// unlabelled occurrences of those short forms as mentions too.
fn propagate_names(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    let aliases = aliases(tokens, mentions);
    if aliases.is_empty() {
        return;
    }
    // The first full name to claim a short form keeps it.
    let mut by_first_word: FxHashMap<&str, Vec<&Alias>> = FxHashMap::default();
    for alias in &aliases {
        let slot = by_first_word.entry(alias.words[0].as_str()).or_default();
        if alias.words.len() <= MAX_ALIAS_WORDS
            && !slot.iter().any(|a| a.words == alias.words)
            && slot.len() < 8
        {
            slot.push(alias);
        }
    }
    let alias_at = |i: usize| -> Option<&Alias> {
        let candidates = by_first_word.get(tokens.folded(i))?;
        candidates.iter().copied().find(|alias| {
            alias
                .words
                .iter()
                .enumerate()
                .all(|(k, word)| i + k < tokens.len() && tokens.folded(i + k) == word)
        })
    };
    // Existing short mentions take the full name's canonical form and country; a town,
    // a country, or a name nothing else vouches for, that is also the surname of someone
    // named in full is that person ("Mr. Cranston ... Cranston said", "Michael Jordan
    // ... Jordan said", "Tim Eustachy ... Eustachy admitted").
    for mention in mentions.iter_mut() {
        if let Some(alias) = alias_at(mention.first) {
            let same_extent = mention.first + alias.words.len() - 1 == mention.last;
            let town = matches!(
                mention.kind,
                Some(EntryKind::City | EntryKind::Region | EntryKind::Country)
            );
            let person_again = alias.label == Label::Person
                && (town || alias.named_at < mention.first && reads_as_person(tokens, mention));
            if same_extent && (mention.label == alias.label || person_again) {
                // A name read as something else takes the person's country, not its own.
                let relabelled = mention.label != alias.label;
                mention.label = alias.label;
                mention.kind = None;
                mention.canonical = Some(alias.canonical.clone());
                mention.country = if town || relabelled {
                    alias.country
                } else {
                    mention.country.or(alias.country)
                };
            }
        } else if reads_as_person(tokens, mention) {
            // "the Plesseys" guessed an organisation: the family of a person named.
            if let Some(person) = family_of(tokens, mention.first, &by_first_word) {
                *mention = Mention {
                    country: person.country,
                    ..Mention::new(mention.first, mention.last, Label::Person)
                };
            }
        }
    }
    let mut covered = vec![false; tokens.len()];
    for mention in mentions.iter() {
        covered[mention.first..=mention.last]
            .iter_mut()
            .for_each(|c| *c = true);
    }
    let mut i = 0;
    while i < tokens.len() {
        let alias = tokens
            .is_capitalized(i)
            .then(|| alias_at(i))
            .flatten()
            .filter(|alias| {
                let last = i + alias.words.len() - 1;
                !covered[i..=last].iter().any(|&c| c)
                    && !continues_name(tokens, last)
                    && !follows_name(tokens, i)
            });
        match alias {
            Some(alias) => {
                let last = i + alias.words.len() - 1;
                mentions.push(Mention {
                    first: i,
                    last,
                    label: alias.label,
                    country: alias.country,
                    canonical: Some(alias.canonical.clone()),
                    value: None,
                    kind: None,
                });
                i = last + 1;
            }
            None => {
                // Tested in this order since it runs at every token: most are lower-case.
                let family =
                    (tokens.is_capitalized(i) && !covered[i] && !continues_name(tokens, i))
                        .then(|| family_of(tokens, i, &by_first_word))
                        .flatten();
                if let Some(person) = family {
                    // The family, not one of them: the country, no canonical name.
                    mentions.push(Mention {
                        country: person.country,
                        ..Mention::new(i, i, Label::Person)
                    });
                }
                i += 1;
            }
        }
    }
    crate::mention::sort_by_first(mentions);
}

/// "the Clintons", "the Bushes": after "the", a capitalised plural of the surname of a
/// person named in the document names that family. `by_first_word` holds the short
/// forms by their first word.
fn family_of<'a>(
    tokens: &Tokens<'_>,
    i: usize,
    by_first_word: &FxHashMap<&str, Vec<&'a Alias>>,
) -> Option<&'a Alias> {
    if i == 0 || !tokens.is_capitalized(i) || tokens.folded(i - 1) != "the" {
        return None;
    }
    let plural = tokens.folded(i);
    [plural.strip_suffix("es"), plural.strip_suffix('s')]
        .into_iter()
        .flatten()
        .filter(|surname| surname.chars().nth(1).is_some())
        .find_map(|surname| {
            by_first_word
                .get(surname)?
                .iter()
                .copied()
                .find(|alias| alias.label == Label::Person && alias.words.len() == 1)
        })
}

/// Can this mention, which spells the surname of a person named before it, be that
/// person? Yes for a one-word organisation or place that no table or full name vouches
/// for (no country, no canonical name: mostly the learned pass's guesses), and for a
/// demonym that speaks ("French said": a people never speaks without "the"). Longer
/// names are left alone: a person's whole name met again is already a mention of them.
fn reads_as_person(tokens: &Tokens<'_>, mention: &Mention) -> bool {
    let after = mention.last + 1;
    if mention.first != mention.last {
        return false;
    }
    match mention.label {
        Label::Org | Label::Gpe | Label::Loc => {
            mention.country.is_none() && mention.canonical.is_none()
        }
        Label::Norp => {
            after < tokens.len()
                && Lexicon::shared()
                    .classes(tokens.folded(after))
                    .has_any(SpeechVerb)
                && (mention.first == 0 || tokens.folded(mention.first - 1) != "the")
        }
        _ => false,
    }
}

/// A capitalised word right after: "Bush" in "Bush Industries" is another name.
fn continues_name(tokens: &Tokens<'_>, last: usize) -> bool {
    last + 1 < tokens.len() && tokens.is_capitalized(last + 1) && tokens.list[last + 1].space_before
}

/// A capitalised word right before, on the same line, that is no title or role
/// ("Officer"), does not open the sentence ("Besides Gogiea") and is no word that opens
/// sentences ("When"), also over a hyphen: "Harkins" in "Levy Harkins", "Bear" in "Big
/// Bear" and "McCurdy" in "Nunn-McCurdy" are parts of other names.
fn follows_name(tokens: &Tokens<'_>, first: usize) -> bool {
    if first == 0 || tokens.list[first].newline_before {
        return false;
    }
    let before = if tokens.folded(first - 1) == "-" && first >= 2 {
        first - 2
    } else {
        first - 1
    };
    // A capital after an opening quotation mark is the quotation's, too.
    let opens_sentence = before == 0
        || tokens.list[before].newline_before
        || matches!(tokens.folded(before - 1), "." | "!" | "?" | "\"" | ":");
    tokens.is_capitalized(before)
        && tokens.kind(before) == TokenKind::Word
        && !tokens.list[before + 1].newline_before
        && !opens_sentence
        && !Lexicon::shared()
            .classes(tokens.folded(before))
            .has_any(Title | CompanyRole | PersonRole | NotName)
}

/// "the Russian leader", "the Kazakh president", "the Turkish foreign minister": after
/// the text has named one person of that country, the demonym resolves to that person
/// (its canonical name becomes theirs), so the phrase is read, and marked, as them. With
/// two people of the country named, it could be either, and stays the country.
fn leaders_by_title(tokens: &Tokens<'_>, mentions: &mut [Mention]) {
    // Per country: the one person named so far, or `None` once there were two.
    let mut named: FxHashMap<CountryCode, Option<String>> = FxHashMap::default();
    for mention in mentions.iter_mut() {
        let Some(code) = mention.country else {
            continue;
        };
        match mention.label {
            Label::Person => {
                let person = canonical_or_text(tokens, mention);
                named
                    .entry(code)
                    .and_modify(|known| {
                        if known.as_deref() != Some(person.as_str()) {
                            *known = None;
                        }
                    })
                    .or_insert(Some(person));
            }
            Label::Norp if is_leader_phrase(tokens, mention) => {
                if let Some(Some(person)) = named.get(&code) {
                    mention.canonical = Some(person.clone());
                }
            }
            _ => {}
        }
    }
}

/// "the" + demonym + a leader's title, not followed by a name (a title before a name
/// belongs to that name).
fn is_leader_phrase(tokens: &Tokens<'_>, demonym: &Mention) -> bool {
    if demonym.first == 0 || tokens.folded(demonym.first - 1) != "the" {
        return false;
    }
    let start = demonym.last + 1;
    let lexicon = Lexicon::shared();
    let no_name_after = |words: usize| !tokens.is_capitalized(start + words);
    let one_word = lexicon.classes(tokens.folded(start)).has_any(LeaderTitle) && no_name_after(1);
    one_word
        || lexicon
            .phrases()
            .filter(|(_, classes)| classes.has_any(LeaderTitle))
            .any(|(title, _)| {
                title
                    .iter()
                    .enumerate()
                    .all(|(k, word)| tokens.folded(start + k) == &**word)
                    && no_name_after(title.len())
            })
}

/// Words that describe an organisation by its trade or owner: "state", "oil", "company".
fn is_company_description(word: &str) -> bool {
    Lexicon::shared().classes(word).has_any(CompanyDescription)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-word mentions `propagate_names` adds to a text that names `person` (the
    /// first tokens) in full, as their text.
    fn surnames_marked(text: &str, person_tokens: usize) -> Vec<usize> {
        let tokens = Tokens::new(text);
        let mut mentions = vec![Mention::new(0, person_tokens - 1, Label::Person)];
        propagate_names(&tokens, &mut mentions);
        mentions
            .iter()
            .filter(|m| m.first == m.last && m.label == Label::Person)
            .map(|m| tokens.span(m.first, m.last).start)
            .collect()
    }

    #[test]
    fn a_surname_inside_another_name_is_not_that_person() {
        // After a capitalised word (not a title, not a sentence's first word) or over a
        // hyphen, the surname is part of another name: a bill, a gallery.
        let text = "Nora Harkins spoke. She backed the Nunn-Harkins bill at the Glenmoor \
                    Harkins gallery. Later Harkins said no, and Senator Harkins agreed.";
        let alone = text.find("Harkins said").unwrap();
        let titled = text.rfind("Harkins").unwrap();
        assert_eq!(surnames_marked(text, 2), [alone, titled]);
    }
}
