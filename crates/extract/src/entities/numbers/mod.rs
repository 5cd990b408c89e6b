//! Numeric and temporal entities: MONEY, PERCENT, DATE and TIME, read token by token.
//! Each rule looks at a bounded window of tokens, so the pass is linear.
//!
//! [`find_with`] walks the tokens once and, at each, tries the rules the token can start
//! (its starter classes), first match wins. One file a rule family: [`money`] (with
//! hedges and ranges), [`percent`], [`time`], [`date`] (the words around a date's core:
//! "the end of", "ago"), [`calendar`] (calendar dates, years, weekdays) and [`period`]
//! (counted, recurring and relative periods); [`parse`] reads figures.

mod calendar;
mod date;
mod money;
mod parse;
mod percent;
mod period;
mod time;

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::{Label, Value};
use crate::tokens::{TokenKind, Tokens};
use calendar::MONTHS;
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

/// All MONEY, PERCENT and DATE entities, in text order, never overlapping.
pub fn find(tokens: &Tokens<'_>) -> Vec<Found> {
    find_with(tokens, &|i| word_starts(tokens.folded(i)))
}

/// [`find`], told by `word_starts` which rules the word at a token can start (as
/// [`word_starts`] would say): the entity rules look every word up once for all their
/// lists ([`STARTER_LISTS`] among them), so this pass need not look it up again.
pub(crate) fn find_with(tokens: &Tokens<'_>, word_starts: &dyn Fn(usize) -> u8) -> Vec<Found> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let starts = starts(tokens, i, word_starts);
        // Most tokens start no rule.
        if starts == 0 {
            i += 1;
            continue;
        }
        let try_rule = |class: u8, rule: &dyn Fn() -> Option<Found>| {
            if starts & class != 0 {
                rule()
            } else {
                None
            }
        };
        let hit = try_rule(AMOUNT, &|| {
            approximate_amount(tokens, i).or_else(|| unquantified_money(tokens, i))
        })
        .or_else(|| try_rule(TIME, &|| time(tokens, i)))
        .or_else(|| try_rule(DATE, &|| date(tokens, i)))
        .or_else(|| try_rule(PERIOD_WORD, &|| period_word_date(tokens, i)));
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

/// Which rules can start at a token, as bit flags: a word opens only the expressions
/// listed for it below, punctuation only an amount after a currency sign ("$5") or a
/// decade ("'80s"); a number may open any.
pub(crate) const AMOUNT: u8 = 1;

pub(crate) const TIME: u8 = 1 << 1;

pub(crate) const DATE: u8 = 1 << 2;

/// Common words that open one date form only ("year-end", "each week"): a class of their
/// own, so the general date rules never run on them.
pub(crate) const PERIOD_WORD: u8 = 1 << 3;

/// Words that can open a MONEY or PERCENT expression: hedges, currencies written
/// before the figure, number words, amounts without figures.
const AMOUNT_STARTERS: &[&str] = &[
    "more",
    "less",
    "fewer",
    "higher",
    "lower",
    "at",
    "well",
    "close",
    "another",
    "as",
    "an",
    "a",
    "about",
    "around",
    "roughly",
    "approximately",
    "nearly",
    "almost",
    "some",
    "only",
    "just",
    "over",
    "under",
    "between",
    "estimated",
    "us",
    "c",
    "hk",
    "nz",
    "usd",
    "eur",
    "rub",
    "hundred",
    "hundreds",
    "several",
    "multibillion",
    "multimillion",
    "billion",
    "million",
    "tens",
    "thousands",
    "millions",
    "billions",
];

/// Number words, which open amounts and dates alike ("three million", "three weeks").
/// [`is_count_word`] tests the same words; a unit test keeps the two in step.
const COUNT_WORDS: &[&str] = &[
    "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
    "twelve", "fifteen", "twenty", "thirty",
];

/// Words that can open a TIME expression.
const TIME_STARTERS: &[&str] = &[
    "noon",
    "midnight",
    "tonight",
    "overnight",
    "this",
    "morning",
    "afternoon",
    "evening",
    "night",
];

/// Words that can open a DATE expression (and the months in full, [`MONTHS`]).
const DATE_STARTERS: &[&str] = &[
    "more",
    "less",
    "fewer",
    "up",
    "about",
    "around",
    "roughly",
    "nearly",
    "almost",
    "some",
    "only",
    "just",
    "another",
    "between",
    "as",
    "a",
    "several",
    "few",
    "many",
    "annual",
    "annually",
    "monthly",
    "daily",
    "weekly",
    "quarterly",
    "yearly",
    "biannual",
    "semiannual",
    "semiannually",
    "seasonally",
    "last",
    "next",
    "this",
    "that",
    "these",
    "past",
    "coming",
    "previous",
    "recent",
    "latest",
    "early",
    "late",
    "earlier",
    "later",
    "same",
    "mid",
    "the",
    "half",
    "first",
    "second",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "weeks",
    "months",
    "days",
    "years",
    "decades",
    "fiscal",
    "age",
    "aged",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "yesterday",
    "today",
    "tomorrow",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
];

/// Words that open a date of one form: "year-earlier", "year-end", "each week", "all year",
/// "by spring".
const PERIOD_WORD_STARTERS: &[&str] = &[
    "year", "month", "week", "day", "quarter", "each", "every", "all", "spring", "summer",
    "autumn", "winter",
];

/// The starter lists and the rules their words start.
pub(crate) const STARTER_LISTS: [(&[&str], u8); 6] = [
    (COUNT_WORDS, AMOUNT | DATE),
    (AMOUNT_STARTERS, AMOUNT),
    (TIME_STARTERS, TIME),
    (DATE_STARTERS, DATE),
    (&MONTHS, DATE),
    (PERIOD_WORD_STARTERS, PERIOD_WORD),
];

/// The rules a token can start; `word_starts` answers for words.
fn starts(tokens: &Tokens<'_>, i: usize, word_starts: &dyn Fn(usize) -> u8) -> u8 {
    match tokens.kind(i) {
        TokenKind::Word => word_starts(i),
        TokenKind::Number => AMOUNT | TIME | DATE,
        // Punctuation is a sixth of all tokens in news text: ruled out here, not by each rule.
        TokenKind::Punct if currency_prefix(tokens, i).is_some() => AMOUNT,
        TokenKind::Punct => {
            if tokens.folded(i) == "'" {
                DATE
            } else {
                0
            }
        }
    }
}

/// The rules a (folded) word can start, by the starter lists.
fn word_starts(word: &str) -> u8 {
    static STARTERS: OnceLock<FxHashMap<&'static str, u8>> = OnceLock::new();
    let starters = STARTERS.get_or_init(|| {
        let mut map: FxHashMap<&'static str, u8> = FxHashMap::default();
        for (words, class) in STARTER_LISTS {
            for word in words {
                *map.entry(word).or_default() |= class;
            }
        }
        map
    });
    starters.get(word).copied().unwrap_or(0)
}

#[cfg(test)]
mod testing {
    use super::*;
    use crate::model::Money;

    pub(super) fn spans(text: &str) -> Vec<(String, Label, Option<Value>)> {
        let tokens = Tokens::new(text);
        find(&tokens)
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
