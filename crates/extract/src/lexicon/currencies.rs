//! The currencies and how news writes them, read from `data/currencies.tsv`: before a
//! figure ("$", "US$", "€", "USD"), after it ("dollars", "Hong Kong dollars", "yuan
//! RMB"), and the hundredths named after it ("90 cents", "50 pence"). A new currency or
//! a new way of writing one is a row or an item of that table.

use rustc_hash::FxHashMap;

use crate::table::{list, rows};
use crate::tokens::Tokens;

/// A currency named after a figure.
#[derive(Clone, Copy, Debug, PartialEq)]
pub(crate) struct Unit {
    /// ISO 4217 code.
    pub(crate) code: &'static str,
    /// The unit's last token.
    pub(crate) last: usize,
    /// It counts hundredths of the currency: "cents", "pence".
    pub(crate) hundredths: bool,
}

/// How a token of a form written before a figure must look in the text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Case {
    Any,
    Capitalized,
    AllCaps,
}

/// One way of writing a currency: its folded tokens, and for a form written before a
/// figure, the case of each token and whether a space comes before it.
struct Form {
    words: Box<[Box<str>]>,
    case: Box<[Case]>,
    spaced: Box<[bool]>,
    code: &'static str,
    hundredths: bool,
}

/// The forms of every currency, by their first folded token, longest first.
pub(crate) struct Currencies {
    before: FxHashMap<Box<str>, Vec<Form>>,
    after: FxHashMap<Box<str>, Vec<Form>>,
    /// The first bytes of the forms written before a figure: most tokens, punctuation
    /// above all, are ruled out by this test alone (every punctuation token is asked).
    first_bytes_before: [bool; 256],
}

impl Currencies {
    /// Reads a currency table (`code before after hundredths`, forms separated by `|`).
    pub(crate) fn from_table(table: &'static str) -> Currencies {
        let mut currencies = Currencies {
            before: FxHashMap::default(),
            after: FxHashMap::default(),
            first_bytes_before: [false; 256],
        };
        for row in rows(table, 3) {
            let code = row[0];
            for form in list(row[1]) {
                add(&mut currencies.before, form, code, false);
            }
            for form in list(row[2]) {
                add(&mut currencies.after, form, code, false);
            }
            for form in list(row.get(3).copied().unwrap_or_default()) {
                add(&mut currencies.after, form, code, true);
            }
        }
        for word in currencies.before.keys() {
            currencies.first_bytes_before[usize::from(word.as_bytes()[0])] = true;
        }
        for forms in currencies
            .before
            .values_mut()
            .chain(currencies.after.values_mut())
        {
            forms.sort_by_key(|form| std::cmp::Reverse(form.words.len()));
        }
        currencies
    }

    /// The currency written before a figure at token `i` ("$", "US$", "US $", "USD"),
    /// matched as written, and its last token.
    // Inlined: every punctuation token is asked, and the first test rules out nearly all.
    #[inline]
    pub(crate) fn before(&self, tokens: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
        let word = tokens.folded(i);
        let first_byte = *word.as_bytes().first()?;
        if !self.first_bytes_before[usize::from(first_byte)] {
            return None;
        }
        self.before_word(tokens, i, word)
    }

    fn before_word(
        &self,
        tokens: &Tokens<'_>,
        i: usize,
        word: &str,
    ) -> Option<(&'static str, usize)> {
        let forms = self.before.get(word)?;
        forms
            .iter()
            .find(|form| matches_as_written(tokens, i, form))
            .map(|form| (form.code, i + form.words.len() - 1))
    }

    /// The currency named after a figure at token `i`, in any case: "dollars", "Hong
    /// Kong dollars", "cents".
    pub(crate) fn after(&self, tokens: &Tokens<'_>, i: usize) -> Option<Unit> {
        let forms = self.after.get(tokens.folded(i))?;
        forms
            .iter()
            .find(|form| {
                let last = i + form.words.len() - 1;
                last < tokens.len()
                    && (1..form.words.len()).all(|k| tokens.folded(i + k) == &*form.words[k])
            })
            .map(|form| Unit {
                code: form.code,
                last: i + form.words.len() - 1,
                hundredths: form.hundredths,
            })
    }

    /// The first words of the forms written before a figure: they can open an amount.
    pub(crate) fn words_before(&self) -> impl Iterator<Item = &str> {
        self.before
            .keys()
            .map(|word| &**word)
            .filter(|word| word.starts_with(char::is_alphabetic))
    }
}

/// Adds `form`, tokenised like the text, to the forms by first token.
fn add(
    forms: &mut FxHashMap<Box<str>, Vec<Form>>,
    form: &str,
    code: &'static str,
    hundredths: bool,
) {
    let tokens = Tokens::new(form);
    if tokens.is_empty() {
        return;
    }
    let case = (0..tokens.len())
        .map(|k| {
            if tokens.is_all_caps(k) {
                Case::AllCaps
            } else if tokens.is_capitalized(k) {
                Case::Capitalized
            } else {
                Case::Any
            }
        })
        .collect();
    let spaced = tokens.list.iter().map(|token| token.space_before).collect();
    let words: Box<[Box<str>]> = (0..tokens.len()).map(|k| tokens.folded(k).into()).collect();
    forms.entry(words[0].clone()).or_default().push(Form {
        words,
        case,
        spaced,
        code,
        hundredths,
    });
}

/// Does `form` match at token `i` as written: the same tokens, a capital where it has
/// one, a space where it has one (the first token's is not compared)?
fn matches_as_written(tokens: &Tokens<'_>, i: usize, form: &Form) -> bool {
    let last = i + form.words.len() - 1;
    last < tokens.len()
        && form.words.iter().enumerate().all(|(k, word)| {
            let at = i + k;
            let case = match form.case[k] {
                Case::Any => true,
                Case::Capitalized => tokens.is_capitalized(at),
                Case::AllCaps => tokens.is_all_caps(at),
            };
            let spacing = k == 0 || tokens.list[at].space_before == form.spaced[k];
            tokens.folded(at) == &**word && case && spacing
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    const TABLE: &str = "code\tbefore\tafter\thundredths\n\
        USD\t$ | US$ | US $ | USD\tdollar | dollars\tcent | cents\n\
        CAD\tC$\tCanadian dollars\t\n\
        CNY\t¥\tyuan | yuan RMB\t\n";

    fn before(text: &str) -> Option<(&'static str, usize)> {
        Currencies::from_table(TABLE).before(&Tokens::new(text), 0)
    }

    fn after(text: &str) -> Option<Unit> {
        Currencies::from_table(TABLE).after(&Tokens::new(text), 0)
    }

    #[test]
    fn a_form_before_the_figure_matches_as_written() {
        assert_eq!(before("$5"), Some(("USD", 0)));
        assert_eq!(before("US$ 5"), Some(("USD", 1)));
        assert_eq!(before("US $5"), Some(("USD", 1)));
        assert_eq!(before("USD 5"), Some(("USD", 0)));
        assert_eq!(before("usd 5"), None);
        assert_eq!(before("C$5"), Some(("CAD", 1)));
        assert_eq!(before("C $5"), None, "C$ takes no space");
        assert_eq!(before("c$5"), None);
    }

    #[test]
    fn a_form_after_the_figure_matches_in_any_case_longest_first() {
        let unit = |code, last, hundredths| {
            Some(Unit {
                code,
                last,
                hundredths,
            })
        };
        assert_eq!(after("dollars"), unit("USD", 0, false));
        assert_eq!(after("canadian dollars"), unit("CAD", 1, false));
        assert_eq!(after("Canadian"), None);
        assert_eq!(after("yuan RMB"), unit("CNY", 1, false));
        assert_eq!(after("yuan"), unit("CNY", 0, false));
        assert_eq!(after("cents"), unit("USD", 0, true));
    }

    #[test]
    fn the_words_before_a_figure_open_amounts() {
        let currencies = Currencies::from_table(TABLE);
        let mut words: Vec<&str> = currencies.words_before().collect();
        words.sort_unstable();
        assert_eq!(words, ["c", "us", "usd"]);
    }
}
