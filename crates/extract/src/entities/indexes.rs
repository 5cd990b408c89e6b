//! Stock indexes, which OntoNotes does not mark ("the Dow Jones Industrial Average",
//! "S&P 500 futures"), and "the Dow", an organisation.

use super::claims::Claims;
use super::words::{is, Words};
use super::Recognition;
use crate::lexicon::WordClass::NotName;
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::TokenKind;

/// Pass: stock indexes are no entities, though named after a firm or a paper: their
/// tokens are reserved ([`Claims::reserve`]).
pub(super) fn reserve_stock_indexes(r: &mut Recognition<'_, '_>) {
    for (first, last) in stock_indexes(&r.words) {
        r.claims.reserve(first, last);
    }
}

/// Names of stock indexes, which OntoNotes does not mark: "the Dow Jones Industrial
/// Average", "the Nikkei index", "S&P 500 futures", "the FT-SE 100". A capitalised run
/// that ends in "Average" or "Index", or is followed by a lower-case "index" or
/// "average", or an acronym followed by a figure of two or more digits ("S&P 500", not
/// "Kentucky 192" or "Boeing 747"). Found from the word or figure that ends them.
fn stock_indexes(tokens: &Words<'_, '_>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for j in 1..tokens.len() {
        let last = match tokens.folded(j) {
            "average" | "averages" | "index" if tokens.is_capitalized(j) => j,
            "average" | "averages" | "index" => j - 1,
            _ if tokens.kind(j) == TokenKind::Number
                && tokens.raw(j).len() >= 2
                && !tokens.is_punct(j + 1, '.') =>
            {
                j - 1
            }
            _ => continue,
        };
        let first = index_run_start(tokens, last);
        let acronym = (first..=last).all(|k| {
            tokens.is_all_caps(k) || tokens.raw(k).len() == 1 || tokens.kind(k) == TokenKind::Punct
        });
        let named = last == j && first < last;
        let described = last + 1 == j && tokens.kind(j) == TokenKind::Word;
        let numbered = last + 1 == j && tokens.kind(j) == TokenKind::Number && acronym;
        if tokens.is_capitalized(first) && (named || described || numbered) {
            found.push((first, last));
        }
    }
    found
}

/// The first token of a run of up to eight capitalised words and acronyms, joined by
/// "&" or "-", that ends at token `last`.
fn index_run_start(tokens: &Words<'_, '_>, last: usize) -> usize {
    let mut first = last;
    let name = |k: usize| tokens.is_capitalized(k) && !is(tokens, k, NotName);
    while last - first < 8 && first > 0 && name(first) && !tokens.list[first].newline_before {
        if name(first - 1) {
            first -= 1;
        } else if first >= 2
            && (tokens.is_punct(first - 1, '&') || tokens.is_punct(first - 1, '-'))
            && name(first - 2)
        {
            first -= 2;
        } else {
            break;
        }
    }
    first
}

/// "the Dow": the Dow Jones Industrial Average, an organisation in OntoNotes.
pub(super) fn the_dow(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<Mention> {
    tokens
        .capitals
        .iter()
        .copied()
        .filter(|&i| {
            i >= 1
                && tokens.raw(i) == "Dow"
                && !claims.is_taken(i)
                && tokens.folded(i - 1) == "the"
                && !tokens.is_capitalized(i + 1)
        })
        .map(|i| {
            let mut dow = Mention::new(i, i, Label::Org);
            dow.canonical = Some("Dow Jones Industrial Average".to_string());
            dow
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::stock_indexes;
    use crate::entities::testing::{expected, gazetteer, recognized};
    use crate::entities::words::Words;
    use crate::model::Label::Org;
    use crate::tokens::Tokens;

    fn indexes(text: &str) -> Vec<String> {
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, gazetteer());
        stock_indexes(&words)
            .into_iter()
            .map(|(first, last)| {
                let span = tokens.span(first, last);
                text[span.start..span.end].to_string()
            })
            .collect()
    }

    #[test]
    fn stock_indexes_are_found_by_the_word_or_figure_that_ends_them() {
        assert_eq!(
            indexes("The Dow Jones Industrial Average rose."),
            ["Dow Jones Industrial Average"]
        );
        assert_eq!(indexes("The Nikkei index fell."), ["Nikkei"]);
        assert_eq!(indexes("S&P 500 futures fell."), ["S&P"]);
        assert!(indexes("A Boeing 747 landed on Kentucky 192.").is_empty());
    }

    #[test]
    fn an_index_is_no_entity_but_the_dow_is_an_organisation() {
        // Named after a paper, which the rules would otherwise find.
        assert!(recognized("The Financial Times index fell.").is_empty());
        assert_eq!(recognized("Then the Dow fell."), expected(&[("Dow", Org)]));
    }
}
