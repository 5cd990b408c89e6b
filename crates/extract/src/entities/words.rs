//! The tokens as the entity rules read them: with their classes in the lexicon and the
//! capitalised ones listed, and the tests of a word most rules share (a name word, a
//! title, two tokens written together).

use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClass::{AbbreviatedTitle, NameParticle, NotName, Title};
use crate::lexicon::WordClasses;
use crate::tokens::{TokenKind, Tokens};

/// The tokens with their word classes, looked up once per token. Dereferences to the
/// tokens, so rules read `words.folded(i)` as they would on [`Tokens`].
pub(crate) struct Words<'a, 't> {
    tokens: &'a Tokens<'t>,
    /// Each token's id in the gazetteer's vocabulary.
    pub(super) ids: Vec<Option<u32>>,
    /// Each token's classes in the lexicon.
    pub(super) classes: Vec<WordClasses>,
    /// The capitalised tokens, in order. Most rules start only at one: walking this
    /// list spares them a hard-to-predict test at every token.
    pub(super) capitals: Vec<usize>,
}

impl<'a, 't> Words<'a, 't> {
    pub(super) fn new(tokens: &'a Tokens<'t>, gazetteer: &Gazetteer) -> Self {
        let ids = gazetteer.token_ids(tokens);
        let classes = tokens
            .list
            .iter()
            .zip(&ids)
            .enumerate()
            .map(|(i, (token, id))| match (token.kind, id) {
                (TokenKind::Word, Some(id)) => gazetteer.word_classes(*id),
                (TokenKind::Punct, Some(id)) if !is_em_dash(tokens.raw(i)) => {
                    gazetteer.word_classes(*id)
                }
                _ => WordClasses::NONE,
            })
            .collect();
        let mut capitals = vec![0; tokens.len()];
        let mut count = 0;
        for i in 0..tokens.len() {
            // Branch-free: the slot is overwritten unless the token is capitalised.
            capitals[count] = i;
            count += usize::from(tokens.is_capitalized(i));
        }
        capitals.truncate(count);
        Words {
            tokens,
            ids,
            classes,
            capitals,
        }
    }
}

/// An em dash folds to "-" like a hyphen, for the lists' names, but it parts clauses
/// and never joins the words of a name: "ARLINGTON — The City Council voted".
pub(super) fn is_em_dash(raw: &str) -> bool {
    matches!(raw, "\u{2014}" | "\u{2015}")
}

impl<'t> std::ops::Deref for Words<'_, 't> {
    type Target = Tokens<'t>;

    fn deref(&self) -> &Tokens<'t> {
        self.tokens
    }
}

/// Is token `i` a word of any of the given classes?
pub(super) fn is(words: &Words<'_, '_>, i: usize, classes: impl Into<WordClasses>) -> bool {
    let classes = classes.into();
    words.classes.get(i).is_some_and(|of| of.has_any(classes))
}

/// Is token `i` a capitalised word that can be part of a name?
pub(super) fn is_name_word(tokens: &Words<'_, '_>, i: usize) -> bool {
    i < tokens.len() && tokens.is_capitalized(i) && !is_title(tokens, i) && !is(tokens, i, NotName)
}

/// Particles inside names: "Mr. van Dover", "Ahmad bin Salman".
pub(super) fn is_name_particle(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, NameParticle)
}

/// Tokens `i` and `i + 1` are written together, with no space between.
pub(super) fn tight(tokens: &Words<'_, '_>, i: usize) -> bool {
    i + 1 < tokens.len() && !tokens.list[i + 1].space_before
}

pub(super) fn is_title(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Title)
}

pub(super) fn starts_line(tokens: &Words<'_, '_>, i: usize) -> bool {
    i == 0 || tokens.list[i].newline_before
}

/// "Mr.", "Gen.": a title abbreviation and its full stop.
pub(super) fn is_abbreviated_title(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, AbbreviatedTitle) && tokens.is_punct(i + 1, '.')
}

/// Does the full stop at token `stop` also end the sentence? Not before a title: "Texas
/// Air Corp. Chairman Frank Lorenzo". A quotation that opens a new sentence ends it too:
/// "... of Keller Corp. \"We expect ...".
pub(super) fn ends_sentence(tokens: &Words<'_, '_>, stop: usize) -> bool {
    let next = stop + 1 + usize::from(tokens.is_punct(stop + 1, '"'));
    next >= tokens.len()
        || tokens.list[next].newline_before
        || (tokens.is_capitalized(next) && !is_title(tokens, next))
}

#[cfg(test)]
mod tests {
    use super::{is_name_word, tight, Words};
    use crate::entities::testing::gazetteer;
    use crate::tokens::Tokens;

    #[test]
    fn capitals_are_listed_and_titles_and_function_words_are_no_name_words() {
        let tokens = Tokens::new("The President met Anna in Paris.");
        let words = Words::new(&tokens, gazetteer());
        assert_eq!(words.capitals, [0, 1, 3, 5]);
        let name_words: Vec<usize> = (0..tokens.len())
            .filter(|&i| is_name_word(&words, i))
            .collect();
        assert_eq!(name_words, [3, 5]);
    }

    #[test]
    fn tokens_written_together() {
        let tokens = Tokens::new("O'Brien met him");
        let words = Words::new(&tokens, gazetteer());
        assert!(tight(&words, 0) && tight(&words, 1));
        assert!(!tight(&words, 2) && !tight(&words, 4));
    }
}
