//! Numeric and temporal entities: MONEY, PERCENT and DATE, read token by token.
//! Each rule looks at a bounded window of tokens, so the pass is linear.

use crate::model::{Label, Money, Value};
use crate::tokens::{TokenKind, Tokens};

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
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        let hit = money(tokens, i)
            .or_else(|| percent(tokens, i))
            .or_else(|| date(tokens, i));
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

/// Parses a number token: `5,6` and `4,8` are decimals with a comma, `1,200` and
/// `1.200.000` have thousands separators, `81.2` is a decimal.
pub fn parse_number(raw: &str) -> Option<f64> {
    let separators: Vec<(usize, char)> = raw.char_indices().filter(|(_, c)| !c.is_ascii_digit()).collect();
    let groups_of_three = |sep: char| {
        raw.split(sep).skip(1).all(|group| group.len() == 3)
            && separators.iter().all(|&(_, c)| c == sep)
    };
    let cleaned: String = match separators.as_slice() {
        [] => raw.to_string(),
        [(_, ',')] if !groups_of_three(',') => raw.replace(',', "."),
        [(_, '.')] => raw.to_string(),
        _ if groups_of_three(',') => raw.replace(',', ""),
        _ if groups_of_three('.') => raw.replace('.', ""),
        // "1,234.5": commas group thousands, the one dot is the decimal point.
        _ => {
            let last_dot = raw.rfind('.')?;
            let (whole, fraction) = raw.split_at(last_dot);
            format!("{}{}", whole.replace(',', ""), fraction)
        }
    };
    cleaned.parse().ok()
}

/// A number, possibly followed by a scale word: `5,6 billion`, `30 million`, `2 bn`.
/// Returns the value and the last token used.
fn quantity(tokens: &Tokens<'_>, i: usize) -> Option<(f64, usize)> {
    if i >= tokens.len() || tokens.kind(i) != TokenKind::Number {
        return None;
    }
    let number = parse_number(tokens.raw(i))?;
    match tokens.list.get(i + 1).map(|_| tokens.folded(i + 1)) {
        Some(word) => match scale(word) {
            Some(factor) => Some((number * factor, i + 1)),
            None => Some((number, i)),
        },
        None => Some((number, i)),
    }
}

fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mln" | "mn" | "m" => 1e6,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

/// Currency written before the amount: `$`, `US$`, `€`, `£`, `¥`, `₽`, `USD`.
fn currency_prefix(tokens: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    let symbol = |j: usize| -> Option<&'static str> {
        Some(match tokens.folded(j) {
            "$" => "USD",
            "€" => "EUR",
            "£" => "GBP",
            "¥" => "CNY",
            "₽" => "RUB",
            "₹" => "INR",
            "usd" if tokens.is_all_caps(j) => "USD",
            "eur" if tokens.is_all_caps(j) => "EUR",
            "rub" if tokens.is_all_caps(j) => "RUB",
            _ => return None,
        })
    };
    // "US$" and "US $" name the US dollar explicitly.
    if tokens.raw(i) == "US" && i + 1 < tokens.len() && tokens.folded(i + 1) == "$" {
        return Some(("USD", i + 1));
    }
    symbol(i).map(|currency| (currency, i))
}

/// Currency named after the amount: `dollars`, `euros`, `rubles`, `yuan`, `USD`.
fn currency_suffix(tokens: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    let word = tokens.list.get(i).map(|_| tokens.folded(i))?;
    let (currency, last) = match word {
        "us" | "u" if i + 1 < tokens.len() => return currency_suffix(tokens, i + 1).filter(|(c, _)| *c == "USD"),
        "dollar" | "dollars" | "usd" => ("USD", i),
        "euro" | "euros" | "eur" => ("EUR", i),
        "pound" | "pounds" => ("GBP", i),
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => ("RUB", i),
        "yuan" | "renminbi" | "rmb" => ("CNY", i),
        "yen" => ("JPY", i),
        "rupee" | "rupees" => ("INR", i),
        "tenge" => ("KZT", i),
        "somoni" => ("TJS", i),
        "som" | "soms" => ("KGS", i),
        "lira" | "liras" => ("TRY", i),
        "hryvnia" | "hryvnias" => ("UAH", i),
        _ => return None,
    };
    Some((currency, last))
}

fn money(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let found = |first, last, value, currency| Found {
        first,
        last,
        label: Label::Money,
        value: Some(Value::Money(Money { value, currency })),
    };
    if let Some((currency, symbol_last)) = currency_prefix(tokens, i) {
        let (value, last) = quantity(tokens, symbol_last + 1)?;
        return Some(found(i, last, value, currency));
    }
    let (value, last) = quantity(tokens, i)?;
    let (currency, last) = currency_suffix(tokens, last + 1)?;
    Some(found(i, last, value, currency))
}

fn percent(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    if tokens.kind(i) != TokenKind::Number {
        return None;
    }
    let value = parse_number(tokens.raw(i))?;
    let next = |offset: usize| tokens.list.get(i + offset).map(|_| tokens.folded(i + offset));
    let last = match (next(1), next(2)) {
        (Some("%"), _) | (Some("percent"), _) | (Some("pct"), _) => i + 1,
        (Some("per"), Some("cent")) => i + 2,
        _ => return None,
    };
    Some(Found {
        first: i,
        last,
        label: Label::Percent,
        value: Some(Value::Percent(value)),
    })
}

const MONTHS: [&str; 12] = [
    "january", "february", "march", "april", "may", "june", "july", "august", "september",
    "october", "november", "december",
];

/// The month a token names, 1-12: full names and the usual abbreviations.
fn month(tokens: &Tokens<'_>, i: usize) -> Option<u32> {
    if i >= tokens.len() || !tokens.is_capitalized(i) {
        return None;
    }
    let word = tokens.folded(i);
    if let Some(index) = MONTHS.iter().position(|m| *m == word) {
        return Some(index as u32 + 1);
    }
    let abbreviated = matches!(word.len(), 3 | 4) && tokens.is_punct(i + 1, '.');
    let index = MONTHS.iter().position(|m| m.starts_with(word) && word.len() >= 3)?;
    (abbreviated || word == "sept").then_some(index as u32 + 1)
}

/// Skips a month abbreviation's full stop: returns the month's last token.
fn month_end(tokens: &Tokens<'_>, i: usize) -> usize {
    if tokens.is_punct(i + 1, '.') && tokens.folded(i).len() <= 4 {
        i + 1
    } else {
        i
    }
}

/// A number token usable as a day of the month, with an optional ordinal suffix token.
fn day(tokens: &Tokens<'_>, i: usize) -> Option<(u32, usize)> {
    if i >= tokens.len() || tokens.kind(i) != TokenKind::Number || tokens.raw(i).len() > 2 {
        return None;
    }
    let value: u32 = tokens.raw(i).parse().ok()?;
    if !(1..=31).contains(&value) {
        return None;
    }
    let suffixed = i + 1 < tokens.len()
        && !tokens.list[i + 1].space_before
        && matches!(tokens.folded(i + 1), "st" | "nd" | "rd" | "th");
    Some((value, if suffixed { i + 1 } else { i }))
}

/// A day or a range of days: `26`, `26-28`, `17-18th`. Returns the first day.
fn days(tokens: &Tokens<'_>, i: usize) -> Option<(u32, usize)> {
    let (first_day, last) = day(tokens, i)?;
    if tokens.is_punct(last + 1, '-') {
        if let Some((_, range_last)) = day(tokens, last + 2) {
            return Some((first_day, range_last));
        }
    }
    Some((first_day, last))
}

fn year(tokens: &Tokens<'_>, i: usize) -> Option<u32> {
    if i >= tokens.len() || tokens.kind(i) != TokenKind::Number || tokens.raw(i).len() != 4 {
        return None;
    }
    tokens.raw(i).parse().ok().filter(|y| (1000..=2199).contains(y))
}

fn date_found(first: usize, last: usize, iso: Option<String>) -> Found {
    Found {
        first,
        last,
        label: Label::Date,
        value: iso.map(Value::Date),
    }
}

fn iso(year: Option<u32>, month: Option<u32>, day: Option<u32>) -> Option<String> {
    match (year?, month, day) {
        (y, Some(m), Some(d)) => Some(format!("{y:04}-{m:02}-{d:02}")),
        (y, Some(m), None) => Some(format!("{y:04}-{m:02}")),
        (y, None, _) => Some(format!("{y:04}")),
    }
}

fn date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    month_first_date(tokens, i)
        .or_else(|| day_first_date(tokens, i))
        .or_else(|| numeric_date(tokens, i))
        .or_else(|| standalone_year(tokens, i))
}

/// A year on its own, `in 2015`, but not a compound like `1950-strong`.
fn standalone_year(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let y = year(tokens, i).filter(|y| (1800..=2100).contains(y))?;
    let compound = tokens.is_punct(i + 1, '-')
        && tokens.list.get(i + 2).is_some_and(|t| t.kind == TokenKind::Word);
    (!compound).then(|| date_found(i, i, iso(Some(y), None, None)))
}

/// `Feb. 26-28`, `March 29, 2019`, `April 2019`, `April`.
fn month_first_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let m = month(tokens, i)?;
    // "May" alone is too often the verb or a name to count without a day or year.
    let mut last = month_end(tokens, i);
    let mut found_day = None;
    if let Some((d, day_last)) = days(tokens, last + 1) {
        found_day = Some(d);
        last = day_last;
    }
    let comma = usize::from(tokens.is_punct(last + 1, ','));
    let found_year = year(tokens, last + 1 + comma);
    if found_year.is_some() {
        last += 1 + comma;
    }
    if m == 5 && found_day.is_none() && found_year.is_none() {
        return None;
    }
    Some(date_found(i, last, iso(found_year, Some(m), found_day)))
}

/// `17-18th of April`, `3 March 2019`, `29th of March, 2019`.
fn day_first_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let (d, days_last) = days(tokens, i)?;
    let of = usize::from(tokens.list.get(days_last + 1).is_some() && tokens.folded(days_last + 1) == "of");
    let month_at = days_last + 1 + of;
    let m = month(tokens, month_at)?;
    let mut last = month_end(tokens, month_at);
    let comma = usize::from(tokens.is_punct(last + 1, ','));
    let found_year = year(tokens, last + 1 + comma);
    if found_year.is_some() {
        last += 1 + comma;
    }
    // Take in a leading "the": "the 17-18th of April".
    let first = if i > 0 && tokens.folded(i - 1) == "the" { i - 1 } else { i };
    Some(date_found(first, last, iso(found_year, Some(m), Some(d))))
}

/// `7-03-2017`, `07/03/2017`, `2017-03-07`. Day first with `-` and `.`, month first
/// with `/` (unless a part cannot be a month).
fn numeric_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let part = |j: usize| -> Option<u32> {
        (j < tokens.len() && tokens.kind(j) == TokenKind::Number).then(|| tokens.raw(j).parse().ok())?
    };
    let separator = tokens.list.get(i + 1).map(|_| tokens.folded(i + 1))?;
    if !matches!(separator, "-" | "/" | ".") || tokens.list.get(i + 3).is_none() || tokens.folded(i + 3) != separator {
        return None;
    }
    let adjacent = (i + 1..=i + 4).all(|j| j < tokens.len() && !tokens.list[j].space_before);
    let (a, b, c) = (part(i)?, part(i + 2)?, part(i + 4)?);
    if !adjacent {
        return None;
    }
    let (y, m, d) = if tokens.raw(i).len() == 4 {
        (a, b, c)
    } else if tokens.raw(i + 4).len() == 4 {
        let month_first = separator == "/" && a <= 12 || b > 12;
        if month_first { (c, a, b) } else { (c, b, a) }
    } else {
        return None;
    };
    if !(1..=12).contains(&m) || !(1..=31).contains(&d) || !(1000..=2199).contains(&y) {
        return None;
    }
    Some(date_found(i, i + 4, iso(Some(y), Some(m), Some(d))))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<(String, Label, Option<Value>)> {
        let tokens = Tokens::new(text);
        find(&tokens)
            .into_iter()
            .map(|f| {
                let span = tokens.span(f.first, f.last);
                (text[span.start..span.end].to_string(), f.label, f.value)
            })
            .collect()
    }

    fn money(value: f64, currency: &'static str) -> Option<Value> {
        Some(Value::Money(Money { value, currency }))
    }

    fn date(iso: &str) -> Option<Value> {
        Some(Value::Date(iso.to_string()))
    }

    #[test]
    fn numbers_with_decimal_commas_and_thousands() {
        assert_eq!(parse_number("5,6"), Some(5.6));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("1,234,567"), Some(1234567.0));
        assert_eq!(parse_number("1.200.000"), Some(1200000.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("81.2"), Some(81.2));
    }

    #[test]
    fn money_with_symbols_scales_and_currency_words() {
        assert_eq!(
            spans(r"deals worth \$7,3 billion and a grant of $15 million"),
            [
                ("$7,3 billion".into(), Label::Money, money(7.3e9, "USD")),
                ("$15 million".into(), Label::Money, money(15e6, "USD")),
            ]
        );
        assert_eq!(spans("paid 400 million rubles")[0].2, money(400e6, "RUB"));
        assert_eq!(spans("US$ 2 bn")[0].0, "US$ 2 bn");
        assert_eq!(spans("cost €12m")[0].2, money(12e6, "EUR"));
    }

    #[test]
    fn percentages() {
        assert_eq!(spans("rose 12.5 percent")[0], ("12.5 percent".into(), Label::Percent, Some(Value::Percent(12.5))));
        assert_eq!(spans("about 30%")[0].0, "30%");
        assert_eq!(spans("7 per cent")[0].0, "7 per cent");
    }

    #[test]
    fn dates_in_news_forms() {
        assert_eq!(spans("On Jan. 14-16, leaders met")[0].0, "Jan. 14-16");
        assert_eq!(spans("held on the 3-4th of June")[0].0, "the 3-4th of June");
        assert_eq!(spans("posted 9-05-2018, 10:15")[0], ("9-05-2018".into(), Label::Date, date("2018-05-09")));
        assert_eq!(spans("since October 2016.")[0], ("October 2016".into(), Label::Date, date("2016-10")));
        assert_eq!(spans("on March 2, 2020")[0], ("March 2, 2020".into(), Label::Date, date("2020-03-02")));
        assert_eq!(spans("in 2014 it")[0], ("2014".into(), Label::Date, date("2014")));
        assert!(spans("They may go").is_empty());
        assert!(spans("a 1950-strong unit").is_empty());
    }
}
