//! Sentences and tokens. One pass over the text, linear in its length.
//!
//! A token is a run of letters (with inner apostrophes left out: "Russia's" gives
//! `Russia`, `'`, `s`), a run of digits (with inner `.`/`,` kept: `5,6`, `81.2`), or a
//! single other character. Gazetteer phrases are tokenised the same way, so "U.S."
//! and "Nur-Sultan" match token by token.

use crate::model::Span;
use crate::normalize::{fold_into, is_space};
use crate::steps::tick;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TokenKind {
    Word,
    Number,
    Punct,
}

/// One token, in 24 bytes: a long text has millions of them. Offsets are `u32`, also
/// those of the folded forms, which follow a copy of the text (lower case takes up to
/// 1.5 times the bytes): a text is analysed up to its first 1.6 GiB
/// ([`crate::analyze_with`] cuts it there).
#[derive(Clone, Copy, Debug)]
pub struct Token {
    start: u32,
    end: u32,
    pub kind: TokenKind,
    /// Range of the folded form in [`Tokens::folded`].
    folded: (u32, u32),
    /// Whitespace (or the start of the text) comes right before this token.
    pub space_before: bool,
    /// A line break comes between the previous token and this one.
    pub newline_before: bool,
    /// A word starting with an upper-case letter.
    capitalized: bool,
    /// A word of two or more letters, all upper case.
    all_caps: bool,
}

/// The tokens of a text, with their folded forms in one shared buffer.
pub struct Tokens<'t> {
    pub text: &'t str,
    pub list: Vec<Token>,
    /// The text, then the folded forms that differ from it: most tokens (lower-case
    /// ASCII) are their own folded form, read in the copy of the text at their offsets,
    /// so they are not copied one by one and reading a folded form needs no test.
    folded: String,
}

impl Token {
    pub fn span(&self) -> Span {
        tick(1);
        Span::new(self.start as usize, self.end as usize)
    }
}

impl<'t> Tokens<'t> {
    pub fn new(text: &'t str) -> Tokens<'t> {
        let mut tokens = Tokens {
            text,
            list: Vec::with_capacity(text.len() / 4),
            folded: String::with_capacity(text.len() + text.len() / 2),
        };
        tokens.folded.push_str(text);
        tokens.scan();
        tokens
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    // Rules look a few tokens ahead and behind; past the end there is no token, which
    // reads as an empty string of punctuation rather than a panic. Every read counts a
    // step (crate::steps): the rules' loops all read tokens through these.

    /// The token's text as written; empty past the end.
    pub fn raw(&self, index: usize) -> &'t str {
        tick(1);
        self.list.get(index).map_or("", |token| {
            let span = token.span();
            &self.text[span.start..span.end]
        })
    }

    /// The token's folded form (lower case, ASCII quotes and dashes); empty past the end.
    pub fn folded(&self, index: usize) -> &str {
        tick(1);
        self.list.get(index).map_or("", |token| {
            &self.folded[token.folded.0 as usize..token.folded.1 as usize]
        })
    }

    /// The token's kind; punctuation past the end.
    pub fn kind(&self, index: usize) -> TokenKind {
        tick(1);
        self.list
            .get(index)
            .map_or(TokenKind::Punct, |token| token.kind)
    }

    /// Starts with an upper-case letter. False past the end.
    pub fn is_capitalized(&self, index: usize) -> bool {
        tick(1);
        self.list.get(index).is_some_and(|token| token.capitalized)
    }

    /// Two or more letters, all upper case. False past the end.
    pub fn is_all_caps(&self, index: usize) -> bool {
        tick(1);
        self.list.get(index).is_some_and(|token| token.all_caps)
    }

    /// The byte span from the start of token `first` to the end of token `last`.
    pub fn span(&self, first: usize, last: usize) -> Span {
        Span::new(self.list[first].span().start, self.list[last].span().end)
    }

    /// Is token `index` the punctuation character `ch`?
    // Inlined natively: the rules ask it of nearly every token, most often of words,
    // which fail at the first test. Not in wasm, where the copies cost 1 KB gzipped of
    // the download for little speed.
    #[cfg_attr(not(target_arch = "wasm32"), inline)]
    pub fn is_punct(&self, index: usize, ch: char) -> bool {
        index < self.list.len()
            && self.list[index].kind == TokenKind::Punct
            && self.folded(index).starts_with(ch)
    }

    fn scan(&mut self) {
        let text = self.text;
        let mut at = 0;
        let mut space_before = true;
        let mut newline_before = false;
        while let Some(ch) = char_at(text, at) {
            tick(1);
            if is_space(ch) {
                space_before = true;
                newline_before |= ch == '\n';
                at += ch.len_utf8();
                continue;
            }
            let scanned = scan_token(text, at, ch);
            self.push(at, &scanned, space_before, newline_before);
            at = scanned.end;
            space_before = false;
            newline_before = false;
        }
    }

    fn push(&mut self, start: usize, scanned: &Scanned, space_before: bool, newline_before: bool) {
        let end = scanned.end;
        let folded = if scanned.verbatim {
            (start as u32, end as u32)
        } else {
            let folded_start = self.folded.len() as u32;
            fold_into(&self.text[start..end], &mut self.folded);
            (folded_start, self.folded.len() as u32)
        };
        self.list.push(Token {
            start: start as u32,
            end: end as u32,
            kind: scanned.kind,
            folded,
            space_before,
            newline_before,
            capitalized: scanned.capitalized,
            all_caps: scanned.all_caps,
        });
    }
}

/// A token as one scan of its characters finds it: where it ends, whether it is its own
/// folded form (lower-case ASCII words and numbers; punctuation but the backquote) and
/// the case of its letters, learnt on the way rather than by reading it again.
struct Scanned {
    kind: TokenKind,
    end: usize,
    verbatim: bool,
    capitalized: bool,
    all_caps: bool,
}

/// The token that starts with character `ch` at byte `start`.
fn scan_token(text: &str, start: usize, ch: char) -> Scanned {
    let at = start + ch.len_utf8();
    if ch.is_alphabetic() {
        let rest = word_end(text, at);
        Scanned {
            kind: TokenKind::Word,
            end: rest.end,
            verbatim: rest.lower_ascii && ch.is_ascii_lowercase(),
            capitalized: ch.is_uppercase(),
            // Two letters or more, none lower case.
            all_caps: !ch.is_lowercase() && !rest.has_lower && rest.end > at,
        }
    } else if ch.is_ascii_digit() {
        Scanned {
            kind: TokenKind::Number,
            end: number_end(text, at),
            verbatim: true,
            capitalized: false,
            all_caps: false,
        }
    } else {
        Scanned {
            kind: TokenKind::Punct,
            end: at,
            verbatim: ch.is_ascii() && ch != '`',
            capitalized: false,
            all_caps: false,
        }
    }
}

/// The rest of a word: where it ends, whether it is all lower-case ASCII letters and
/// digits, and whether it has a lower-case letter.
struct WordRest {
    end: usize,
    lower_ascii: bool,
    has_lower: bool,
}

/// Where a word that goes on at byte `at` ends (letters, digits and combining marks),
/// and what [`WordRest`] tells of those.
fn word_end(text: &str, mut at: usize) -> WordRest {
    let bytes = text.as_bytes();
    let mut lower_ascii = true;
    let mut has_lower = false;
    loop {
        // ASCII letters and digits, most of English text, need no decoding.
        while let Some(&b) = bytes.get(at).filter(|b| b.is_ascii_alphanumeric()) {
            tick(1);
            lower_ascii &= !b.is_ascii_uppercase();
            has_lower |= b.is_ascii_lowercase();
            at += 1;
        }
        match char_at(text, at) {
            Some(c) if !c.is_ascii() && (c.is_alphanumeric() || is_combining(c)) => {
                tick(1);
                lower_ascii = false;
                has_lower |= c.is_lowercase();
                at += c.len_utf8();
            }
            _ => {
                return WordRest {
                    end: at,
                    lower_ascii,
                    has_lower,
                }
            }
        }
    }
}

/// The character at byte `at` (a character boundary); ASCII, most of it, needs no decoding.
fn char_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at) {
        Some(&b) if b.is_ascii() => Some(char::from(b)),
        _ => text.get(at..)?.chars().next(),
    }
}

/// Where a number that goes on at byte `at` ends: digits, with `.` or `,` between two.
fn number_end(text: &str, mut at: usize) -> usize {
    let bytes = text.as_bytes();
    while let Some(&b) = bytes.get(at) {
        tick(1);
        let inner_separator =
            matches!(b, b'.' | b',') && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        if !(b.is_ascii_digit() || inner_separator) {
            break;
        }
        at += 1;
    }
    at
}

fn is_combining(c: char) -> bool {
    matches!(c, '\u{0300}'..='\u{036F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{20D0}'..='\u{20FF}')
}

/// Abbreviations after which a full stop does not end a sentence, in order: they are
/// searched by halves at every full stop.
const ABBREVIATIONS: &[&str] = &[
    "adm", "amb", "approx", "apr", "aug", "capt", "col", "dec", "dept", "dr", "est", "etc", "feb",
    "fig", "ft", "gen", "gov", "hon", "jan", "jr", "lt", "maj", "mar", "mr", "mrs", "ms", "mt",
    "no", "nov", "oct", "pres", "prof", "rep", "rev", "sen", "sep", "sept", "sgt", "sr", "st",
    "vs",
];

/// Splits the text into sentences: at `.`, `!` or `?` followed by a space and a likely
/// sentence start, and at blank lines or line breaks after a short line (headings).
pub fn sentences(tokens: &Tokens<'_>) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut first = 0;
    for i in 0..tokens.len() {
        if i + 1 == tokens.len() || ends_sentence(tokens, i) {
            spans.push(tokens.span(first, i));
            first = i + 1;
        }
    }
    spans
}

/// Does a sentence end after token `i` (which is not the last)?
fn ends_sentence(tokens: &Tokens<'_>, i: usize) -> bool {
    let next = &tokens.list[i + 1];
    if next.newline_before && line_break_ends_sentence(tokens, i) {
        return true;
    }
    // Only punctuation ends a sentence within a line: a full stop, or a closer after one.
    if tokens.list[i].kind != TokenKind::Punct {
        return false;
    }
    let mut end = i;
    // Closing quotes and brackets stay with the sentence they close (a few at most: a
    // run of a million quote marks must not be walked back a million times).
    while end > 0 && i - end < 3 && is_closer(tokens.folded(end)) {
        end -= 1;
    }
    let terminal = matches!(tokens.folded(end), "." | "!" | "?" | "…");
    if !terminal || !next.space_before || !starts_sentence(tokens, i + 1) {
        return false;
    }
    // "the U.S. Treasury" goes on; "sanctions by the U.S. The Kremlin ..." ends.
    !(tokens.folded(end) == "."
        && end > 0
        && is_abbreviation(tokens, end - 1)
        && !SENTENCE_STARTERS.contains(&tokens.folded(i + 1)))
}

/// Words that begin sentences and almost never follow an abbreviation inside one: after
/// "U.S." or "Jan." they start a new sentence.
const SENTENCE_STARTERS: &[&str] = &[
    "the",
    "a",
    "an",
    "it",
    "he",
    "she",
    "they",
    "we",
    "i",
    "in",
    "on",
    "but",
    "this",
    "that",
    "these",
    "those",
    "there",
    "its",
    "his",
    "her",
    "their",
    "our",
    "however",
    "meanwhile",
    "after",
    "when",
    "while",
];

/// Marks that close a sentence they follow: quotes, brackets, footnote stars
/// ("said.** Then").
fn is_closer(folded: &str) -> bool {
    matches!(folded, "\"" | "'" | "\u{201D}" | ")" | "]" | "»" | "*")
}

fn starts_sentence(tokens: &Tokens<'_>, index: usize) -> bool {
    let first = tokens.raw(index).chars().next().unwrap_or(' ');
    first.is_uppercase()
        || first.is_ascii_digit()
        || matches!(
            first,
            '"' | '\u{201C}' | '\'' | '\u{2018}' | '(' | '[' | '«' | '*' | '<'
        )
}

/// Is token `index` a single letter or a word abbreviated with a full stop ("Gen", "Mt")?
pub(crate) fn is_abbreviation(tokens: &Tokens<'_>, index: usize) -> bool {
    let word = tokens.folded(index);
    let single_letter = tokens.kind(index) == TokenKind::Word && word.chars().count() == 1;
    single_letter || ABBREVIATIONS.binary_search(&word).is_ok()
}

/// A line break ends a sentence after terminal punctuation, at a blank line, or after a
/// short line (a heading, a byline). A long line that runs on is hard-wrapped prose.
fn line_break_ends_sentence(tokens: &Tokens<'_>, i: usize) -> bool {
    let gap = &tokens.text[tokens.list[i].span().end..tokens.list[i + 1].span().start];
    tick(gap.len());
    if gap.matches('\n').count() >= 2 {
        return true;
    }
    if matches!(tokens.folded(i), "." | "!" | "?" | ":" | "\"" | "\u{201D}") {
        return true;
    }
    let line_end = tokens.list[i].span().end;
    let line_start = tokens.text[..line_end]
        .rfind('\n')
        .map_or(0, |newline| newline + 1);
    tick(line_end - line_start);
    line_end - line_start < 60
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn abbreviations_are_in_order_for_their_search() {
        assert!(ABBREVIATIONS.windows(2).all(|pair| pair[0] < pair[1]));
    }

    fn words(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text);
        (0..tokens.len()).map(|i| tokens.raw(i)).collect()
    }

    fn sentence_texts(text: &str) -> Vec<&str> {
        let tokens = Tokens::new(text);
        sentences(&tokens)
            .iter()
            .map(|s| &text[s.start..s.end])
            .collect()
    }

    #[test]
    fn splits_possessives_hyphens_and_keeps_decimals() {
        assert_eq!(
            words("Russia's $5,6 bn"),
            ["Russia", "'", "s", "$", "5,6", "bn"]
        );
        assert_eq!(
            words("Moscow-led 81.2%."),
            ["Moscow", "-", "led", "81.2", "%", "."]
        );
        assert_eq!(words("U.S."), ["U", ".", "S", "."]);
    }

    #[test]
    fn the_case_of_a_word_is_read_from_all_its_letters() {
        // "5G" is a number and a one-letter word.
        let tokens = Tokens::new("ÉLYSÉE Élysée NATO A Ab aB 5G çA NAÏVE");
        let case: Vec<(bool, bool)> = (0..tokens.len())
            .map(|i| (tokens.is_capitalized(i), tokens.is_all_caps(i)))
            .collect();
        assert_eq!(
            case,
            [
                (true, true),
                (true, false),
                (true, true),
                (true, false),
                (true, false),
                (false, false),
                (false, false),
                (true, false),
                (false, false),
                (true, true),
            ]
        );
    }

    #[test]
    fn folded_forms_are_lower_case_ascii_quotes() {
        let tokens = Tokens::new("Côte d\u{2019}Ivoire");
        let folded: Vec<&str> = (0..tokens.len()).map(|i| tokens.folded(i)).collect();
        assert_eq!(folded, ["côte", "d", "'", "ivoire"]);
    }

    #[test]
    fn sentences_respect_abbreviations_and_headings() {
        let text =
            "A Heading\nOn Feb. 3 the U.S. envoy met Mr. Smith. He left! Then \"Why?\" she asked.";
        assert_eq!(
            sentence_texts(text),
            [
                "A Heading",
                "On Feb. 3 the U.S. envoy met Mr. Smith.",
                "He left!",
                "Then \"Why?\" she asked."
            ]
        );
    }

    #[test]
    fn an_abbreviation_ends_a_sentence_before_a_sentence_starter() {
        assert_eq!(
            sentence_texts("Sanctions came from the U.S. The Kremlin protested."),
            ["Sanctions came from the U.S.", "The Kremlin protested."]
        );
        assert_eq!(
            sentence_texts("Officials of the U.S. Treasury met them."),
            ["Officials of the U.S. Treasury met them."]
        );
    }

    #[test]
    fn footnote_stars_close_the_sentence_they_follow() {
        assert_eq!(
            sentence_texts("Moscow condemned the move.** Beijing stayed silent."),
            ["Moscow condemned the move.**", "Beijing stayed silent."]
        );
    }

    #[test]
    fn hard_wrapped_lines_stay_one_sentence() {
        let text = "The minister said that the talks between the two governments would go on\nuntil the end of the week.";
        assert_eq!(sentence_texts(text).len(), 1);
    }
}
