//! Upper-case words as organisations: "ANC", "OSCE", "AT&T"; not in headlines in
//! capitals, section labels ("ENERGY:"), words the text also writes in lower case, or
//! short forms the text gives of common words ("genital mutilation (FGM)").

use rustc_hash::FxHashSet;

use super::claims::Claims;
use super::words::{is, tight, Words};
use crate::lexicon::WordClass::{CompanyHead, NotOrganization, OrgHead, TradeHead};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::TokenKind;

/// Letters joined by an ampersand that name no organisation: "R&D", "M&A", "Q&A".
const COMMON_AMPERSAND_TERMS: &[[&str; 2]] = &[
    ["r", "d"],
    ["m", "a"],
    ["q", "a"],
    ["p", "l"],
    ["b", "b"],
    ["s", "l"],
];

/// Upper-case words of two to six letters are, in news, mostly organisations: "ANC",
/// "IRS", "OSCE", also written with an ampersand: "AT&T", "S&P". Not in a headline
/// written all in capitals, nor a word of three letters or more that the text also
/// writes in lower case ("COPPER: Futures ...", "copper prices"), nor one it gives as
/// the short form of common words ([`short_forms_of_common_words`]).
pub(super) fn acronyms(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let letters = |j: usize| {
        // The capital test first: it is a flag, cheaper than reading the text.
        tokens.is_capitalized(j)
            && tokens.kind(j) == TokenKind::Word
            && tokens.raw(j).bytes().all(|b| b.is_ascii_uppercase())
    };
    let shouting = |j: Option<usize>| j.is_some_and(|j| letters(j) && tokens.raw(j).len() > 1);
    let mut found = Vec::new();
    let mut next = 0;
    for &i in &tokens.capitals {
        if i < next || claims.is_taken(i) || !letters(i) {
            continue;
        }
        // "AT&T": letters joined by a tight ampersand.
        let mut last = i;
        while tokens.is_punct(last + 1, '&')
            && tight(tokens, last)
            && tight(tokens, last + 1)
            && letters(last + 2)
            && !claims.is_taken(last + 2)
        {
            last += 2;
        }
        let length: usize = (i..=last).map(|j| tokens.raw(j).len()).sum();
        let common = last == i + 2
            && COMMON_AMPERSAND_TERMS.contains(&[tokens.folded(i), tokens.folded(last)]);
        let is_acronym = (2..=7).contains(&length)
            && (last > i || !is(tokens, i, NotOrganization))
            && !common
            && !shouting(i.checked_sub(1))
            && !shouting(Some(last + 1))
            && !section_label(tokens, i, last)
            && !model_number(tokens, last);
        if is_acronym {
            found.push(Mention::new(i, last, Label::Org));
        }
        next = last + 1;
    }
    let word = |m: &Mention| {
        (m.first == m.last && tokens.raw(m.first).len() >= 3).then(|| tokens.folded(m.first))
    };
    let words: FxHashSet<&str> = found.iter().filter_map(word).collect();
    let written_lower = written_in_lower_case(tokens, &words);
    found.retain(|m| word(m).is_none_or(|w| !written_lower.contains(w)));
    let terms = short_forms_of_common_words(tokens, &found);
    found.retain(|m| !terms.contains(tokens.raw(m.first)));
    found
}

/// The acronyms among `found` that the text defines, in brackets, after words in lower
/// case: "the hormone diethylstilbestrol ( DES )", "female genital mutilation (FGM)".
/// They shorten a term, not a name, wherever they come again; "the union (UAW)", after
/// a word that heads organisations' names, still names one.
fn short_forms_of_common_words<'a>(
    tokens: &'a Words<'_, '_>,
    found: &[Mention],
) -> FxHashSet<&'a str> {
    found
        .iter()
        .filter(|m| {
            let i = m.first;
            m.last == i
                && i >= 2
                && tokens.is_punct(i - 1, '(')
                && tokens.is_punct(i + 1, ')')
                && tokens.kind(i - 2) == TokenKind::Word
                && tokens.raw(i - 2).starts_with(|c: char| c.is_lowercase())
                && !is(tokens, i - 2, OrgHead | CompanyHead | TradeHead)
        })
        .map(|m| tokens.raw(m.first))
        .collect()
}

/// "TRS-80", "STS-135", "MB - 339": letters, a hyphen and a number name a model, a
/// mission or a code, not an organisation.
fn model_number(tokens: &Words<'_, '_>, last: usize) -> bool {
    matches!(tokens.raw(last + 1), "-" | "\u{2010}" | "\u{2011}")
        && tokens
            .raw(last + 2)
            .as_bytes()
            .first()
            .is_some_and(u8::is_ascii_digit)
}

/// "ENERGY: Crude oil rose", "BRIEFS: ...": a word in capitals that opens a sentence and
/// ends at a colon labels the section after it, like a heading (several words in capitals
/// already read as a heading). A name of letters joined by "&" ("AT&T:") stays a name.
fn section_label(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let opens = first == 0
        || tokens.list[first].newline_before
        || matches!(tokens.folded(first - 1), "." | ":" | "!" | "?" | "\"");
    first == last && opens && tokens.raw(first).len() > 3 && tokens.is_punct(last + 1, ':')
}

/// Which of `words` (folded) the text also writes in lower case: one pass, and none
/// when there is nothing to look for.
fn written_in_lower_case<'a>(
    tokens: &'a Words<'_, '_>,
    words: &FxHashSet<&str>,
) -> FxHashSet<&'a str> {
    if words.is_empty() {
        return FxHashSet::default();
    }
    (0..tokens.len())
        .filter(|&j| {
            tokens.kind(j) == TokenKind::Word
                && tokens.raw(j).starts_with(|c: char| c.is_lowercase())
        })
        .map(|j| tokens.folded(j))
        .filter(|w| (3..=7).contains(&w.len()) && words.contains(w))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::acronyms;
    use crate::entities::testing::{expected, proposed};
    use crate::model::Label::{self, Org};

    fn found(text: &str) -> Vec<(String, Label)> {
        proposed(text, |r| acronyms(&r.words, &r.claims))
    }

    #[test]
    fn words_in_capitals_and_letters_joined_by_an_ampersand_are_organisations() {
        assert_eq!(
            found("Officials of the ANC and AT&T met."),
            expected(&[("ANC", Org), ("AT&T", Org)])
        );
    }

    #[test]
    fn abbreviations_headlines_section_labels_and_common_words_are_not() {
        assert!(found("The CEO spoke about R&D spending.").is_empty());
        assert!(found("OIL PRICES RISE AGAIN").is_empty());
        assert!(found("ENERGY: Crude oil rose.").is_empty());
        assert!(found("COPPER futures rose as copper prices climbed.").is_empty());
        assert!(found("The XJ-220 and the RTV - 9 flew.").is_empty());
    }

    #[test]
    fn short_forms_of_common_words_are_not_organisations_anywhere_in_the_text() {
        let text = "Doctors warned of chronic wasting disease (CWD) in deer. CWD spreads \
                    slowly, the WHO said.";
        assert_eq!(found(text), expected(&[("WHO", Org)]));
        assert_eq!(
            found("Workers of the union (UAW) voted. The UAW said no."),
            expected(&[("UAW", Org), ("UAW", Org)])
        );
    }
}
