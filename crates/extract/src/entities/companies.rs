//! Companies: the legal forms that end their names ("Co., Ltd.", "S.A."), names their
//! context shows to be a company's ("a stake in Younkers", "Vantor's shares"), and the
//! stem a company goes by later ([`before_legal_form`]).

use super::claims::Claims;
use super::words::{ends_sentence, is, tight, Words};
use crate::lexicon::WordClass::{
    AbbreviatedTitle, CompanyNoun, CompanyPart, CompanyRole, LegalForm, LegalSuffix, NotName, Title,
};
use crate::lexicon::{Lexicon, WordClasses};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::{TokenKind, Tokens};

/// Does a company's name follow at `i`: "the state company X", "an analyst at X", "a
/// stake in X"?
fn after_company_cue(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i - 1, CompanyNoun)
        || (i > 1
            && matches!(tokens.folded(i - 1), "of" | "at" | "with" | "for" | "in")
            && (is(tokens, i - 2, CompanyRole)
                || is_deal(tokens.folded(i - 2), tokens.folded(i - 1))))
}

/// What is done to or held in a company, before its name: "shares of", "a stake in",
/// "a bid for", "the parent of".
fn is_deal(noun: &str, preposition: &str) -> bool {
    matches!(
        (noun, preposition),
        ("shares" | "stake" | "stakes", "in")
            | (
                "shares" | "shareholders" | "stockholders" | "parent" | "subsidiary",
                "of"
            )
            | ("unit" | "acquisition" | "takeover", "of")
            | ("bid" | "offer", "for")
            | ("merger", "with")
    )
}

/// A name right after a description of a company or a role in one: "the Russian state
/// company Zarubezhneft", "Chinese carmaker Chery Automobile", "president of Harlan Mills".
pub(super) fn described_companies(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut next = 1;
    for &i in &tokens.capitals {
        if i < next || claims.is_taken(i) || !after_company_cue(tokens, i) {
            continue;
        }
        let mut last = i;
        while last - i < 3
            && tokens.is_capitalized(last + 1)
            && !claims.is_taken(last + 1)
            && tokens.list[last + 1].space_before
        {
            last += 1;
        }
        // "Fleet / Norstar", "S&P", "Toys \"R\" Us", "T. Rowe Price": the name goes on past
        // what we can tell. "Lord", "Rep." open a person's name.
        let goes_on =
            matches!(tokens.folded(last + 1), "/" | "&" | "\"") || tokens.raw(last).len() == 1;
        if !goes_on && !is(tokens, i, Title | AbbreviatedTitle) {
            found.push(Mention::new(i, last, Label::Org));
        }
        next = last + 1;
    }
    found
}

/// Unclaimed capitalised names (up to three words) that own a company part: found from
/// the "'s" before the part, so only a few tokens are looked at.
pub(super) fn owners_of_company_parts(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    let name =
        |k: usize| tokens.is_capitalized(k) && !claims.is_taken(k) && !is(tokens, k, NotName);
    let mut found = Vec::new();
    for apostrophe in 1..tokens.len().saturating_sub(2) {
        let owner = apostrophe - 1;
        let owned = tokens.folded(apostrophe) == "'"
            && tight(tokens, owner)
            && tokens.folded(apostrophe + 1) == "s";
        if !owned || !name(owner) || !is(tokens, apostrophe + 2, CompanyPart) {
            continue;
        }
        let mut first = owner;
        while first > 0 && owner - first < 2 && name(first - 1) {
            first -= 1;
        }
        found.push(Mention::new(first, owner, Label::Org));
    }
    found
}

/// The last token of a company's name before its legal forms ("Co., Ltd.", "S.A.") and
/// the "&" or comma before them ("J.L. Henry & Co."), if the name has one and it ends in
/// a name word: the short form a company named in full may go by later. The entity rules
/// claim it even over a town or a surname ([`super::short_forms`]); coreference gives it
/// the full name ([`crate::coref`]). `classes` are the lexicon's classes of each token.
pub(crate) fn company_stem(
    tokens: &Tokens<'_>,
    classes: &dyn Fn(usize) -> WordClasses,
    first: usize,
    last: usize,
) -> Option<usize> {
    if let Some(form) = legal_form_start(tokens, first, last) {
        return (form > first).then(|| form - 1);
    }
    let legal_suffix = |k: usize| classes(k).has_any(LegalSuffix) && tokens.is_capitalized(k);
    let mut end = last;
    let mut legal = false;
    while end > first {
        if legal_suffix(end) {
            legal = true;
        } else if !matches!(tokens.folded(end), "." | "," | "&") {
            break;
        }
        end -= 1;
    }
    let name_word = tokens.is_capitalized(end) && !classes(end).has_any(Title | NotName);
    (legal && name_word).then_some(end)
}

/// "Samsung Heavy Co., Ltd.", "Itoh Energy Co. Ltd.": a second legal suffix after the
/// first one's full stop or comma. The second suffix, if the punctuation at token `j`
/// leads to one.
pub(super) fn chained_legal_suffix(tokens: &Words<'_, '_>, j: usize) -> Option<usize> {
    if j == 0
        || !is_legal_suffix(tokens, j - 1)
        || !(tokens.is_punct(j, '.') || tokens.is_punct(j, ','))
    {
        return None;
    }
    let next = if tokens.is_punct(j + 1, ',') {
        j + 2
    } else {
        j + 1
    };
    // Not "Daewoo Corp., Group chairman ..." nor "Acme Corp. Co-Chairman ...".
    let second = is_legal_suffix(tokens, next)
        && tokens.folded(next) != "group"
        && !tokens.is_punct(next + 1, '-');
    second.then_some(next)
}

/// "Baring Securities (Hong Kong) Ltd.", "United Biscuits (Holdings) PLC": a bracket of
/// capitalised words between a company's name and its legal suffix is part of the name.
/// The closing bracket, if token `open` opens such a bracket.
pub(super) fn bracket_before_legal_form(tokens: &Words<'_, '_>, open: usize) -> Option<usize> {
    if !tokens.is_punct(open, '(') {
        return None;
    }
    // Up to three words, and the full stops of "U.S.A.".
    let close =
        (open + 2..=open + 7).find(|&k| !tokens.is_capitalized(k) && !tokens.is_punct(k, '.'))?;
    (tokens.is_punct(close, ')') && is_legal_suffix(tokens, close + 1)).then_some(close)
}

/// Is token `k` a capitalised legal suffix ("Corp", "Ltd")?
fn is_legal_suffix(tokens: &Words<'_, '_>, k: usize) -> bool {
    is(tokens, k, LegalSuffix) && tokens.is_capitalized(k)
}

/// The final full stop of a dotted legal form starting at token `k`, if one does.
fn dotted_legal_form(tokens: &Tokens<'_>, k: usize) -> Option<usize> {
    let mut letters = String::new();
    let mut j = k;
    while letters.len() < 5
        && tokens.raw(j).len() == 1
        && tokens.kind(j) == TokenKind::Word
        && tokens.is_punct(j + 1, '.')
        && !tokens.list[j + 1].space_before
    {
        letters.push_str(tokens.folded(j));
        j += 2;
    }
    // "U.S.A." ends in letters that spell "S.A." but is one word, no legal form.
    let inside_word = k > 0 && tokens.is_punct(k - 1, '.') && !tokens.list[k].space_before;
    let known = j > k + 2
        && tokens.is_capitalized(k)
        && !inside_word
        && Lexicon::shared().classes(&letters).has_any(LegalForm);
    known.then_some(j - 1)
}

/// Where a dotted legal form ending the name `first..=last` starts (its final full stop
/// may have gone to the sentence): "Gatoil Suisse S.A".
pub fn legal_form_start(tokens: &Tokens<'_>, first: usize, last: usize) -> Option<usize> {
    (first + 1..=last)
        .rev()
        .take(10)
        .find(|&k| dotted_legal_form(tokens, k).is_some_and(|end| end == last || end == last + 1))
}

/// A dotted legal form ends a capitalised run: "Birkel G" goes on to "Birkel
/// G.m.b.H.", and "Tessera S.A. The" stops before "The".
pub(super) fn with_legal_form(tokens: &Words<'_, '_>, first: usize, last: usize) -> usize {
    let form = (first + 1..=last)
        .rev()
        .take(10)
        .filter_map(|k| dotted_legal_form(tokens, k))
        .last();
    match form {
        Some(end) if ends_sentence(tokens, end) => end - 1,
        Some(end) => end,
        None => last,
    }
}

#[cfg(test)]
mod tests {
    use super::owners_of_company_parts;
    use super::{company_stem, described_companies};
    use crate::entities::testing::{expected, gazetteer, proposed};
    use crate::entities::words::Words;
    use crate::model::Label::Org;
    use crate::tokens::Tokens;

    #[test]
    fn a_name_after_a_description_or_a_role_at_a_company_is_one() {
        let found = |text| proposed(text, |r| described_companies(&r.words, &r.claims));
        assert_eq!(
            found("Talks with the state company Zarubezhneft went on."),
            expected(&[("Zarubezhneft", Org)])
        );
        assert_eq!(
            found("He is president of Harlan Mills now."),
            expected(&[("Harlan Mills", Org)])
        );
        assert_eq!(
            found("She bought a stake in Younkers."),
            expected(&[("Younkers", Org)])
        );
    }

    #[test]
    fn a_name_that_owns_a_company_part_is_a_company() {
        let found = |text| proposed(text, |r| owners_of_company_parts(&r.words, &r.claims));
        assert_eq!(found("Vantor's shares fell."), expected(&[("Vantor", Org)]));
        assert!(found("Paula's shoes are red.").is_empty());
    }

    /// The words up to a company's stem, for a name that is the whole text.
    fn stem(text: &str) -> Option<String> {
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, gazetteer());
        let last = company_stem(&words, &|k| words.classes[k], 0, tokens.len() - 1)?;
        let span = tokens.span(0, last);
        Some(text[span.start..span.end].to_string())
    }

    #[test]
    fn the_short_form_of_a_company_is_its_name_before_all_its_legal_forms() {
        assert_eq!(stem("Sony Corp.").as_deref(), Some("Sony"));
        assert_eq!(stem("J.L. Henry & Co.").as_deref(), Some("J.L. Henry"));
        assert_eq!(
            stem("Samsung Heavy Co., Ltd.").as_deref(),
            Some("Samsung Heavy")
        );
        assert_eq!(stem("Birkel G.m.b.H.").as_deref(), Some("Birkel"));
        // Not a title's word: "General" of "Hudson General Corp." is no name of its own.
        assert_eq!(stem("Hudson General Corp."), None);
    }
}
