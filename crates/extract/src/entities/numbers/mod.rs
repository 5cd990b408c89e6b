//! Numeric and temporal entities: MONEY, PERCENT, DATE and TIME, read token by token.
//! Each rule looks at a bounded window of tokens, so the pass is linear.
//!
//! [`find`] walks the tokens once and, at each, tries the rules the token can start (its
//! starter classes in the lexicon), first match wins. One file a rule family: `money`
//! (with hedges and ranges), `percent`, `time`, `date` (the words around a date's core:
//! "the end of", "ago"), `calendar` (calendar dates, years, weekdays) and `period`
//! (counted, recurring and relative periods); `parse` reads figures.

mod calendar;
mod date;
mod money;
mod parse;
mod percent;
mod period;
mod time;

use crate::entities::words::Words;
use crate::lexicon::WordClass::{AmountStart, DateStart, PeriodStart, TimeStart};
use crate::lexicon::{WordClass, WordClasses};
use crate::mention::Mention;
use crate::model::{Label, Value};
use crate::tokens::TokenKind;
use date::date;
use money::{approximate_amount, currency_prefix, unquantified_money};
use period::period_word_date;
use time::time;

/// A numeric or temporal entity over tokens `first..=last`.
#[derive(Clone, Debug, PartialEq)]
pub struct Found {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub value: Option<Value>,
}

impl From<Found> for Mention {
    fn from(found: Found) -> Mention {
        let mut mention = Mention::new(found.first, found.last, found.label);
        mention.value = found.value;
        mention
    }
}

/// All MONEY, PERCENT, DATE and TIME entities, in text order, never overlapping.
pub(crate) fn find(tokens: &Words<'_, '_>) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = starts(tokens, i);
        // Most tokens start no rule.
        if !starts.has_any(ANY_START) {
            i += 1;
            continue;
        }
        let try_rule = |class: WordClass, rule: &dyn Fn() -> Option<Found>| {
            if starts.has_any(class) {
                rule()
            } else {
                None
            }
        };
        let hit = try_rule(AmountStart, &|| {
            approximate_amount(tokens, i).or_else(|| unquantified_money(tokens, i))
        })
        .or_else(|| try_rule(TimeStart, &|| time(tokens, i)))
        .or_else(|| try_rule(DateStart, &|| date(tokens, i)))
        .or_else(|| try_rule(PeriodStart, &|| period_word_date(tokens, i)));
        match hit {
            Some(hit) => {
                i = hit.last + 1;
                found.push(hit);
            }
            None => i += 1,
        }
    }
    found
}

/// The classes of the words that open a rule: amounts, times, dates, and common words
/// that open one date form only ("year-end", "each week"), a class of their own so that
/// the general date rules never run on them.
const ANY_START: WordClasses = WordClasses::of(&[AmountStart, TimeStart, DateStart, PeriodStart]);

/// The rules that can start at a token, as the classes that open them: a word opens only
/// the expressions its classes in the lexicon say, punctuation only an amount after a
/// currency sign ("$5") or a decade ("'80s"); a number may open any.
fn starts(tokens: &Words<'_, '_>, i: usize) -> WordClasses {
    match tokens.kind(i) {
        TokenKind::Word => tokens.classes[i],
        TokenKind::Number => AmountStart | TimeStart | DateStart,
        // Punctuation is a sixth of all tokens in news text: ruled out here, not by each rule.
        TokenKind::Punct if currency_prefix(tokens, i).is_some() => AmountStart.into(),
        // An apostrophe opens a date only before a figure: "'80s". Quotes are common.
        TokenKind::Punct if tokens.folded(i) == "'" && tokens.kind(i + 1) == TokenKind::Number => {
            DateStart.into()
        }
        TokenKind::Punct => WordClasses::NONE,
    }
}

#[cfg(test)]
mod testing {
    use super::*;
    use crate::model::Money;
    use crate::tokens::Tokens;

    pub(super) fn spans(text: &str) -> Vec<(String, Label, Option<Value>)> {
        let tokens = Tokens::new(text);
        find(&Words::new(&tokens, crate::entities::testing::gazetteer()))
            .into_iter()
            .map(|f| {
                let span = tokens.span(f.first, f.last);
                (text[span.start..span.end].to_string(), f.label, f.value)
            })
            .collect()
    }

    pub(super) fn money(value: f64, currency: &'static str) -> Option<Value> {
        Some(Value::Money(Money { value, currency }))
    }

    pub(super) fn date(iso: &str) -> Option<Value> {
        Some(Value::Date(iso.to_string()))
    }
}
