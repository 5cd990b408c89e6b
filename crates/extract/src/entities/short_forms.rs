//! A company named in full is the same company where its short name comes back alone:
//! "Furukawa Co. ... Furukawa said", even over a town or a surname of that name.

use rustc_hash::FxHashMap;

use super::claims::{parts_yielding_to_company, Claims};
use super::companies::company_stem;
use super::matches::matches_within;
use super::words::{is, is_abbreviated_title, is_name_word, Words};
use super::Recognition;
use crate::gazetteer::Match;
use crate::lexicon::WordClass::{CompanyHead, OrgHead, StateBody, TradeHead};
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::tokens::TokenKind;

/// The name an organisation found once goes by later on its own: "Lancaster Colony" for
/// "Lancaster Colony Corp.", "Triton" for "Triton Securities", "Younkers" for "a stake in
/// Younkers".
struct ShortForm {
    /// Its tokens, in the full name.
    first: usize,
    last: usize,
    /// It is the name before a legal form, so it names the firm even where a list reads
    /// it as a town or a surname ("Furukawa Co. ... Furukawa said"). A name before a
    /// head may be a common word ("General" of "General Motors").
    legal: bool,
    country: Option<CountryCode>,
}

/// The short forms of the organisations found: the name before its legal form, and the
/// name before a company head when no known name is in it ("Moscow Times" must not make
/// every "Moscow" a paper). The first word alone ("Lancaster" of "Lancaster Colony
/// Corp.") is left to [`crate::coref`], which marks it where nothing else did.
fn short_forms(tokens: &Words<'_, '_>, matches: &[Match], mentions: &[Mention]) -> Vec<ShortForm> {
    let mut forms = Vec::new();
    for org in mentions.iter().filter(|m| m.label == Label::Org) {
        let form = |last: usize, legal: bool| ShortForm {
            first: org.first,
            last,
            legal,
            country: org.country,
        };
        if let Some(stem) = company_stem(tokens, &|k| tokens.classes[k], org.first, org.last) {
            forms.push(form(stem, true));
        } else if org.last > org.first
            && is(tokens, org.last, CompanyHead)
            && matches_within(matches, org.first, org.last - 1).is_empty()
        {
            forms.push(form(org.last - 1, false));
        } else if known_by_context(tokens, matches, org) {
            forms.push(form(org.last, false));
        }
    }
    forms
}

/// A name that only its context showed to be a company ("a stake in Younkers", "Dalby's
/// shares"): where it comes again without that context, it is the company still. Names
/// with a head word, in capitals or in a list are found again by their own rules.
fn known_by_context(tokens: &Words<'_, '_>, matches: &[Match], org: &Mention) -> bool {
    org.kind.is_none()
        && !is(tokens, org.last, OrgHead | TradeHead)
        && !is(tokens, org.first, StateBody)
        && (org.first..=org.last).all(|k| tokens.is_capitalized(k) && !tokens.is_all_caps(k))
        && matches_within(matches, org.first, org.last).is_empty()
}

/// Pass: companies named again by their short forms, over towns and surnames of that
/// name ([`parts_yielding_to_company`]).
pub(super) fn claim_short_forms(r: &mut Recognition<'_, '_>) {
    company_short_forms(&r.words, &r.matches, &mut r.mentions, &mut r.claims);
}

/// A company named in full and later by a short form: the short form is the company too,
/// though no rule found it or a list read it as a town or a person ("Furukawa Co. ...
/// Furukawa said").
fn company_short_forms(
    tokens: &Words<'_, '_>,
    matches: &[Match],
    mentions: &mut Vec<Mention>,
    claims: &mut Claims,
) {
    let forms = short_forms(tokens, matches, mentions);
    let mut by_first_word: FxHashMap<&str, Vec<&ShortForm>> = FxHashMap::default();
    for form in &forms {
        let usable = is_name_word(tokens, form.first)
            && tokens.raw(form.first).chars().count() > 1
            && form.last - form.first < 8;
        let slot = by_first_word.entry(tokens.folded(form.first)).or_default();
        if usable && slot.len() < 8 {
            slot.push(form);
        }
    }
    if by_first_word.values().all(Vec::is_empty) {
        return;
    }
    let (found, written_lower) = short_form_uses(tokens, &by_first_word);
    crate::mention::sort_by_first(mentions);
    let mut dropped = vec![false; mentions.len()];
    let mut companies = Vec::new();
    for (i, form) in found {
        let last = i + form.last - form.first;
        if may_be_common(form) && written_lower.contains(&tokens.folded(i)) {
            continue;
        }
        if claims.claim(i, last) {
            let mut company = Mention::new(i, last, Label::Org);
            company.country = form.country;
            companies.push(company);
        } else if form.legal {
            if let Some(parts) = parts_yielding_to_company(mentions, claims, i, last) {
                let company = &mut mentions[parts[0]];
                *company = Mention::new(i, last, Label::Org);
                company.country = form.country;
                parts[1..].iter().for_each(|&k| dropped[k] = true);
            }
        }
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
    mentions.extend(companies);
}

/// A short form of one word from a name before a head may be a common word, which the
/// text then also writes in lower case ("General" of "General Motors").
fn may_be_common(form: &ShortForm) -> bool {
    form.first == form.last && !form.legal
}

/// In one pass over the text: where the short forms are written on their own, and which
/// of those that may be common words are also written in lower case.
fn short_form_uses<'f, 'w>(
    tokens: &'w Words<'_, '_>,
    by_first_word: &FxHashMap<&str, Vec<&'f ShortForm>>,
) -> (Vec<(usize, &'f ShortForm)>, Vec<&'w str>) {
    let first_words = by_first_word
        .keys()
        .fold(0, |bits, word| bits | word_bit(word));
    let mut found: Vec<(usize, &ShortForm)> = Vec::new();
    let mut one_word = FewWords::default();
    let mut written_lower = Vec::new();
    let mut note_lower_case = |word: &'w str, one_word: &FewWords<'w>| {
        if one_word.contains(word) && !written_lower.contains(&word) {
            written_lower.push(word);
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if tokens.is_capitalized(i) {
            let word = tokens.folded(i);
            let form = (first_words & word_bit(word) != 0)
                .then(|| short_form_at(tokens, by_first_word, i))
                .flatten();
            if let Some(form) = form {
                if may_be_common(form) {
                    one_word.insert(word);
                }
                found.push((i, form));
                i += form.last - form.first + 1;
                continue;
            }
        } else if !one_word.is_empty() && tokens.kind(i) == TokenKind::Word {
            note_lower_case(tokens.folded(i), &one_word);
        }
        i += 1;
    }
    // The lower-case uses before a short form's first use count too.
    let first_use = found.first().map_or(0, |&(i, _)| i);
    for j in (0..first_use).filter(|_| !one_word.is_empty()) {
        if !tokens.is_capitalized(j) {
            note_lower_case(tokens.folded(j), &one_word);
        }
    }
    (found, written_lower)
}

/// One bit of 64 for a word, from its length and first and last bytes: a set of words'
/// bits answers "surely not" for most other words without comparing them, as the rule's
/// passes over every word of the text need.
fn word_bit(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let mix =
        bytes.len() * 7 + usize::from(first.unwrap_or(0)) * 3 + usize::from(last.unwrap_or(0));
    1 << (mix % 64)
}

/// At most [`FewWords::MAX`] words, with their bits: looking one up costs a bit test for
/// most words and a few comparisons for the rest, whatever the text's length.
#[derive(Default)]
struct FewWords<'a> {
    bits: u64,
    words: Vec<&'a str>,
}

impl<'a> FewWords<'a> {
    const MAX: usize = 16;

    /// Adds `word` if there is room.
    fn insert(&mut self, word: &'a str) {
        if self.words.len() < Self::MAX && !self.contains(word) {
            self.bits |= word_bit(word);
            self.words.push(word);
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.bits & word_bit(word) != 0 && self.words.contains(&word)
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The short form written at token `i` on its own: not inside a longer name ("Bush
/// Industries", "Rex Lancaster") nor after an honorific ("Mr. Lancaster").
fn short_form_at<'f>(
    tokens: &Words<'_, '_>,
    by_first_word: &FxHashMap<&str, Vec<&'f ShortForm>>,
    i: usize,
) -> Option<&'f ShortForm> {
    let candidates = by_first_word.get(tokens.folded(i))?;
    let after_name = i > 0
        && !tokens.list[i].newline_before
        && (is_name_word(tokens, i - 1) || (i > 1 && is_abbreviated_title(tokens, i - 2)));
    if after_name {
        return None;
    }
    candidates.iter().copied().find(|form| {
        let last = i + form.last - form.first;
        last < tokens.len()
            && form.first != i
            && (1..=form.last - form.first)
                .all(|k| tokens.folded(i + k) == tokens.folded(form.first + k))
            && !(tokens.is_capitalized(last + 1) && tokens.list[last + 1].space_before)
    })
}

#[cfg(test)]
mod tests {
    use crate::entities::testing::{expected, recognized};
    use crate::model::Label::{Gpe, Org};

    #[test]
    fn a_company_named_in_full_is_the_same_company_by_its_short_name() {
        assert_eq!(
            recognized("Furukawa Co. said profit rose. Furukawa said sales fell."),
            expected(&[("Furukawa Co.", Org), ("Furukawa", Org)])
        );
        // A town of that name, with no company named.
        assert_eq!(
            recognized("Furukawa said sales fell."),
            expected(&[("Furukawa", Gpe)])
        );
    }

    #[test]
    fn a_name_its_context_showed_a_company_is_the_company_again() {
        assert_eq!(
            recognized("She bought a stake in Younkers. Younkers rose."),
            expected(&[("Younkers", Org), ("Younkers", Org)])
        );
    }
}
