//! Numeric and temporal entities: MONEY, PERCENT and DATE, read token by token.
//! Each rule looks at a bounded window of tokens, so the pass is linear.

use std::sync::OnceLock;

use rustc_hash::FxHashMap;

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

/// Words that hedge an amount and belong to it: "about $2 billion", "more than 20%",
/// "another $5 million". OntoNotes leaves out the words that count or frame the sum
/// rather than hedge it: "a total of", "up to", "a mere", "a further", "an estimated".
fn approximation_end(tokens: &Tokens<'_>, i: usize) -> usize {
    let word = |j: usize| {
        if j < tokens.len() {
            tokens.folded(j)
        } else {
            ""
        }
    };
    match (word(i), word(i + 1)) {
        ("more" | "less" | "fewer" | "higher" | "lower", "than") => i + 2,
        ("at", "least" | "most")
        | ("well", "over" | "under" | "below" | "above")
        | ("close", "to") => i + 2,
        ("as", "much" | "many" | "little" | "high" | "low") if word(i + 2) == "as" => i + 3,
        ("an" | "a", "additional" | "record" | "hefty") => i + 2,
        // "its estimated $4 million", but not "an estimated $4 million".
        ("estimated", _) if i > 0 && matches!(tokens.folded(i - 1), "a" | "an") => i,
        // Not "below" or "above": "a reading below 50%" compares with a threshold.
        (
            "about" | "around" | "roughly" | "approximately" | "nearly" | "almost" | "some"
            | "only" | "just" | "over" | "under" | "between" | "estimated" | "another",
            _,
        ) => i + 1,
        _ => i,
    }
}

/// MONEY or PERCENT with hedges before and a range after: "between 20% and 25%",
/// "$1.5 billion to $2 billion".
fn approximate_amount(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let at = approximation_end(tokens, i);
    let amount = |j: usize| money(tokens, j).or_else(|| percent(tokens, j));
    let mut found = amount(at)?;
    found.first = i;
    let between = i < tokens.len() && tokens.folded(i) == "between";
    // "rose $4 to $367.30": a change and the level it led to, not a range; but "rose
    // between 4% and 9%" is one. "from 30 cents to $25" names its two ends apart.
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    let range_to = !between && before != "from" && !is_change_verb(before);
    if let Some(next) = tokens
        .list
        .get(found.last + 1)
        .map(|_| tokens.folded(found.last + 1))
    {
        let joins = match next {
            "and" => between,
            "to" => range_to,
            "or" | "-" => true,
            _ => false,
        };
        if joins {
            if let Some(end) = amount(found.last + 2).filter(|end| end.label == found.label) {
                found.last = end.last;
            }
        }
    }
    Some(found)
}

/// Verbs of change followed by the amount of the change: "rose", "fell 2%".
fn is_change_verb(word: &str) -> bool {
    matches!(
        word,
        "rose"
            | "fell"
            | "gained"
            | "lost"
            | "advanced"
            | "declined"
            | "jumped"
            | "climbed"
            | "dropped"
            | "slipped"
            | "added"
            | "eased"
            | "increased"
            | "decreased"
            | "surged"
            | "plunged"
            | "tumbled"
            | "slid"
            | "soared"
            | "sank"
            | "grew"
            | "rise"
            | "fall"
            | "gain"
            | "drop"
            | "increase"
            | "decline"
    )
}

/// Parses a number token: `5,6` and `4,8` are decimals with a comma, `1,200` and
/// `1.200.000` have thousands separators, `81.2` is a decimal.
pub fn parse_number(raw: &str) -> Option<f64> {
    let separators: Vec<(usize, char)> = raw
        .char_indices()
        .filter(|(_, c)| !c.is_ascii_digit())
        .collect();
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
    parse_decimal(&cleaned)
}

/// Reads digits with at most one decimal point. The digits are gathered into an
/// integer and divided by a power of ten once: exact for up to 15 significant digits
/// and 22 decimals, like the standard parser, without its 10 KB of tables in the app's
/// download. Longer figures lose their last digits, which no amount in a text needs.
fn parse_decimal(digits: &str) -> Option<f64> {
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.len() + fraction.len() == 0 || !all_digits(whole) || !all_digits(fraction) {
        return None;
    }
    let mantissa = whole
        .bytes()
        .chain(fraction.bytes())
        .fold(0.0_f64, |value, digit| {
            value * 10.0 + f64::from(digit - b'0')
        });
    let scale = (0..fraction.len()).fold(1.0_f64, |scale, _| scale * 10.0);
    Some(mantissa / scale)
}

/// A number, possibly followed by a scale word: `5,6 billion`, `30 million`, `2 bn`.
/// Returns the value and the last token used.
fn quantity(tokens: &Tokens<'_>, i: usize) -> Option<(f64, usize)> {
    let (number, i) = number_with_fraction(tokens, i)?;
    match tokens.list.get(i + 1).map(|_| tokens.folded(i + 1)) {
        Some(word) => match scale(word) {
            Some(factor) => Some((number * factor, i + 1)),
            None => Some((number, i)),
        },
        None => Some((number, i)),
    }
}

/// A number, or a number word, with an optional fraction: `8 3/4`, `one`.
fn number_with_fraction(tokens: &Tokens<'_>, i: usize) -> Option<(f64, usize)> {
    if i >= tokens.len() {
        return None;
    }
    if tokens.kind(i) != TokenKind::Number {
        return number_word(tokens.folded(i)).map(|n| (n, i));
    }
    let whole = parse_number(tokens.raw(i))?;
    if let Some(last) = fraction_end(tokens, i) {
        let numerator = parse_number(tokens.raw(i + 1))?;
        let denominator = parse_number(tokens.raw(i + 3)).filter(|d| *d != 0.0)?;
        return Some((whole + numerator / denominator, last));
    }
    Some((whole, i))
}

/// The last token of a fraction after the whole number at `i`: `8 3/4`.
fn fraction_end(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let is_number = |j: usize| j < tokens.len() && tokens.kind(j) == TokenKind::Number;
    let tight = |j: usize| j < tokens.len() && !tokens.list[j].space_before;
    let fraction = is_number(i + 1)
        && tokens.is_punct(i + 2, '/')
        && is_number(i + 3)
        && tight(i + 2)
        && tight(i + 3);
    fraction.then_some(i + 3)
}

fn number_word(word: &str) -> Option<f64> {
    Some(match word {
        "one" => 1.0,
        "two" => 2.0,
        "three" => 3.0,
        "four" => 4.0,
        "five" => 5.0,
        "six" => 6.0,
        "seven" => 7.0,
        "eight" => 8.0,
        "nine" => 9.0,
        "ten" => 10.0,
        "twelve" => 12.0,
        "twenty" => 20.0,
        "hundred" | "hundreds" => 100.0,
        _ => return None,
    })
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
            // Wire text without "£" writes "#": "#15 billion", but "#1 seller" is a rank.
            "#" if is_scaled_figure(tokens, j + 1) => "GBP",
            "usd" if tokens.is_all_caps(j) => "USD",
            "eur" if tokens.is_all_caps(j) => "EUR",
            "rub" if tokens.is_all_caps(j) => "RUB",
            _ => return None,
        })
    };
    // "US$" and "US $" name the US dollar explicitly.
    if i + 1 < tokens.len() && tokens.folded(i + 1) == "$" {
        let currency = match tokens.raw(i) {
            "US" => "USD",
            "C" => "CAD",
            "A" => "AUD",
            "HK" => "HKD",
            "NZ" => "NZD",
            _ => "",
        };
        // "US $" may take a space; "A$", "C$" must not ("A $5 million fund").
        let tight = !tokens.list[i + 1].space_before;
        if !currency.is_empty() && (tight || currency == "USD") {
            return Some((currency, i + 1));
        }
    }
    symbol(i).map(|currency| (currency, i))
}

/// A figure with a scale word, right after the token before it: "15 billion" in "#15 billion".
fn is_scaled_figure(tokens: &Tokens<'_>, i: usize) -> bool {
    i + 1 < tokens.len()
        && tokens.kind(i) == TokenKind::Number
        && !tokens.list[i].space_before
        && scale(tokens.folded(i + 1)).is_some()
}

/// Currency named after the amount: `dollars`, `euros`, `rubles`, `yuan`, `USD`.
fn currency_suffix(tokens: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    let word = tokens.list.get(i).map(|_| tokens.folded(i))?;
    let (currency, last) = match word {
        "us" | "u" if i + 1 < tokens.len() => {
            return currency_suffix(tokens, i + 1).filter(|(c, _)| *c == "USD")
        }
        "dollar" | "dollars" | "usd" => ("USD", i),
        "cent" | "cents" => ("USD", i),
        "canadian" | "australian" | "hong" | "singapore" | "taiwan" | "new" | "irish"
        | "finnish" | "finland" | "swiss" | "belgian" | "french" => {
            return qualified_currency(tokens, i)
        }
        "mark" | "marks" => ("DEM", i),
        "franc" | "francs" => ("FRF", i),
        "peso" | "pesos" => ("MXN", i),
        "punt" | "punts" => ("IEP", i),
        "drachma" | "drachmas" => ("GRD", i),
        "guilder" | "guilders" => ("NLG", i),
        "peseta" | "pesetas" => ("ESP", i),
        "lire" => ("ITL", i),
        "shekel" | "shekels" => ("ILS", i),
        "baht" => ("THB", i),
        "ringgit" => ("MYR", i),
        "rupiah" => ("IDR", i),
        "won" => ("KRW", i),
        "euro" | "euros" | "eur" => ("EUR", i),
        "pound" | "pounds" => ("GBP", i),
        // Share prices in London: "down 15 pence at 50 pence".
        "pence" => ("GBP", i),
        "ruble" | "rubles" | "rouble" | "roubles" | "rub" => ("RUB", i),
        // "500 million yuan RMB".
        "yuan" if tokens.folded(i + 1) == "rmb" => ("CNY", i + 1),
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

const DOLLARS: &[&str] = &["dollar", "dollars"];
const MARKS: &[&str] = &["mark", "marks", "markka"];
const FRANCS: &[&str] = &["franc", "francs"];

/// Currencies named with their country: the country's words, the unit's, the code.
const QUALIFIED_CURRENCIES: &[(&[&str], &[&str], &str)] = &[
    (&["canadian"], DOLLARS, "CAD"),
    (&["australian"], DOLLARS, "AUD"),
    (&["singapore"], DOLLARS, "SGD"),
    (&["taiwan"], DOLLARS, "TWD"),
    (&["new", "taiwan"], DOLLARS, "TWD"),
    (&["hong", "kong"], DOLLARS, "HKD"),
    (&["new", "zealand"], DOLLARS, "NZD"),
    (&["irish"], &["punt", "punts", "pound", "pounds"], "IEP"),
    (&["finnish"], MARKS, "FIM"),
    (&["finland"], MARKS, "FIM"),
    (&["swiss"], FRANCS, "CHF"),
    (&["belgian"], FRANCS, "BEF"),
    (&["french"], FRANCS, "FRF"),
];

/// A currency named with its country: "Canadian dollars", "Hong Kong dollars", "New
/// Taiwan dollars", "Irish punts", "Swiss francs".
fn qualified_currency(tokens: &Tokens<'_>, i: usize) -> Option<(&'static str, usize)> {
    let word = |j: usize| {
        if j < tokens.len() {
            tokens.folded(j)
        } else {
            ""
        }
    };
    QUALIFIED_CURRENCIES
        .iter()
        .find_map(|&(country, units, currency)| {
            let named = country.iter().enumerate().all(|(k, w)| word(i + k) == *w);
            let unit = i + country.len();
            (named && units.contains(&word(unit))).then_some((currency, unit))
        })
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
    let (value, figure_last) = quantity(tokens, i)?;
    // "a 90-cent fee", "a 100 million-mark loan".
    let hyphen = tokens.is_punct(figure_last + 1, '-');
    let unit_at = figure_last + 1 + usize::from(hyphen);
    let (currency, last) = currency_suffix(tokens, unit_at)?;
    if measures_no_money(tokens, i, figure_last, unit_at, hyphen) {
        return None;
    }
    let in_cents = matches!(tokens.folded(last), "cent" | "cents" | "pence");
    Some(found(
        i,
        last,
        if in_cents { value / 100.0 } else { value },
        currency,
    ))
}

/// "Pound" and "mark" also measure weights and scores: "400,000 pounds of uranium",
/// "weighing 10,000 pounds", "a 13-pound bill", "a 21-9 mark", "the 2,000 mark".
fn measures_no_money(
    tokens: &Tokens<'_>,
    first: usize,
    figure_last: usize,
    unit: usize,
    hyphen: bool,
) -> bool {
    // "a 500 million-pound loan", "a four billion mark issue" are money.
    let scaled = scale(tokens.folded(figure_last)).is_some();
    match tokens.folded(unit) {
        "pound" | "pounds" => {
            let weighed = first > 0 && tokens.folded(first - 1).starts_with("weigh");
            let of_matter = tokens.folded(unit + 1) == "of";
            weighed || of_matter || (hyphen && !scaled)
        }
        // A sum in marks is plural, but in a compound: "a 100 million-mark loan".
        "mark" => !hyphen && !scaled,
        _ => false,
    }
}

/// Amounts of money without a figure: "billions of dollars", "several hundreds of
/// millions of dollars", "several billion dollars", "a multibillion-dollar dam".
fn unquantified_money(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let word = |j: usize| tokens.folded(j);
    let found = |last| {
        Some(Found {
            first: i,
            last,
            label: Label::Money,
            value: None,
        })
    };
    if matches!(
        (word(i), word(i + 1), word(i + 2)),
        (
            "multibillion" | "multimillion" | "billion" | "million",
            "-",
            "dollar"
        )
    ) {
        return found(i + 2);
    }
    let several = word(i) == "several";
    // "several billion dollars", "several hundred million pounds".
    let hundred = usize::from(word(i + 1) == "hundred");
    if several && scale(word(i + 1 + hundred)).is_some() {
        return found(currency_suffix(tokens, i + 2 + hundred)?.1);
    }
    let mut j = if several { i + 1 } else { i };
    let mut scales = 0;
    while scales < 2
        && matches!(
            word(j),
            "tens" | "hundreds" | "thousands" | "millions" | "billions"
        )
        && word(j + 1) == "of"
    {
        j += 2;
        scales += 1;
    }
    if scales == 0 {
        return None;
    }
    found(currency_suffix(tokens, j)?.1)
}

fn percent(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let first = i;
    let (value, i) = number_with_fraction(tokens, i)?;
    let next = |offset: usize| {
        tokens
            .list
            .get(i + offset)
            .map(|_| tokens.folded(i + offset))
    };
    let last = match (next(1), next(2)) {
        (Some("%"), _) | (Some("percent"), _) | (Some("pct"), _) => i + 1,
        (Some("per"), Some("cent")) => i + 2,
        _ => return None,
    };
    Some(Found {
        first,
        last,
        label: Label::Percent,
        value: Some(Value::Percent(value)),
    })
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
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
    let index = MONTHS
        .iter()
        .position(|m| m.starts_with(word) && word.len() >= 3)?;
    (abbreviated || word == "sept").then_some(index as u32 + 1)
}

/// Skips a month abbreviation's full stop: returns the month's last token.
fn month_end(tokens: &Tokens<'_>, i: usize) -> usize {
    let abbreviation = !MONTHS.contains(&tokens.folded(i));
    if abbreviation && tokens.is_punct(i + 1, '.') {
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
    tokens
        .raw(i)
        .parse()
        .ok()
        .filter(|y| (1000..=2199).contains(y))
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

/// A time of day: "10:15", "9 a.m.", "5:30 p.m. Moscow time", "midnight", "this morning",
/// the "afternoon" of "yesterday afternoon".
fn time(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let found = |last| {
        Some(Found {
            first: i,
            last,
            label: Label::Time,
            value: None,
        })
    };
    let part_of_day = |j: usize| {
        matches!(
            tokens.folded(j),
            "morning" | "afternoon" | "evening" | "night"
        )
    };
    match tokens.folded(i) {
        "noon" | "midnight" | "tonight" | "overnight" => return found(i),
        "this" if part_of_day(i + 1) => return found(i + 1),
        // "yesterday afternoon", "Friday night": the day is a date of its own.
        _ if part_of_day(i) && i > 0 && is_day_name(tokens, i - 1) => return found(i),
        _ => {}
    }
    if tokens.kind(i) != TokenKind::Number || tokens.raw(i).len() > 2 {
        return None;
    }
    let tight = |j: usize| j < tokens.len() && !tokens.list[j].space_before;
    let clock = tokens.is_punct(i + 1, ':')
        && tight(i + 1)
        && tight(i + 2)
        && tokens
            .list
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Number)
        && tokens.raw(i + 2).len() == 2;
    let mut last = if clock { i + 2 } else { i };
    // "a.m." and "p.m." are the tokens a . m .
    let meridiem = matches!(tokens.folded(last + 1), "a" | "p")
        && tokens.is_punct(last + 2, '.')
        && tokens.folded(last + 3) == "m";
    if meridiem {
        last += if tokens.is_punct(last + 4, '.') { 4 } else { 3 };
    } else if matches!(tokens.folded(last + 1), "am" | "pm") {
        last += 1;
    }
    (clock || last > i).then_some(())?;
    found(last)
}

/// A date expression: optional relative words before ("last", "early", "the end of"),
/// a core (a calendar date, a weekday, a counted or relative period), and optional
/// words after ("ago", "to October").
fn date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    // "as" is a common word: only "as recently as" and the like open a date.
    if tokens.folded(i) == "as" && !matches!(tokens.folded(i + 1), "recently" | "early" | "late") {
        return None;
    }
    if let Some(word) = frequency(tokens, i) {
        return Some(date_found(i, word, None));
    }
    if let Some(last) = uncounted_period(tokens, i).or_else(|| age(tokens, i)) {
        return Some(date_found(i, last, None));
    }
    // "between 1994 and 2004": a range of two dates.
    let between = tokens.folded(i) == "between";
    let start = if between { i + 1 } else { i };
    let core_at = date_prefix_end(tokens, start);
    let core = calendar_date(tokens, core_at)
        .or_else(|| period(tokens, core_at, core_at > start))
        .or_else(|| {
            (core_at > start)
                .then(|| relative_unit(tokens, core_at))
                .flatten()
        });
    let mut found = core?;
    found.first = found.first.min(start);
    found.last = date_suffix_end(tokens, found.last);
    found.last = closing_comma_end(tokens, found.first, found.last);
    // "the same period last year", "the same week a year ago".
    if (found.first..found.last).any(|j| tokens.folded(j) == "same") {
        found.last = year_before_end(tokens, found.last).unwrap_or(found.last);
    }
    if between {
        let end = (tokens.folded(found.last + 1) == "and")
            .then(|| calendar_date(tokens, found.last + 2))
            .flatten();
        match end {
            Some(end) => {
                found.first = i;
                found.last = end.last;
                found.value = None;
            }
            None => return None,
        }
    }
    Some(found)
}

/// A full date that modifies the noun after it keeps the comma closing its year: "the
/// Sept. 1, 1991, deadline", "a July 4, 1988, game"; OntoNotes marks the two commas as a
/// pair. Elsewhere the comma belongs to the sentence: "until March 8, 1990, the firm".
fn closing_comma_end(tokens: &Tokens<'_>, first: usize, last: usize) -> usize {
    let full_date = last >= 2 && tokens.is_punct(last - 1, ',') && year(tokens, last).is_some();
    let after_article = first > 0 && matches!(tokens.folded(first - 1), "the" | "a" | "an");
    let noun_after = tokens.is_punct(last + 1, ',')
        && tokens.kind(last + 2) == TokenKind::Word
        && !tokens.is_capitalized(last + 2);
    if full_date && after_article && noun_after {
        last + 1
    } else {
        last
    }
}

fn calendar_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    month_first_date(tokens, i)
        .or_else(|| day_first_date(tokens, i))
        .or_else(|| numeric_date(tokens, i))
        .or_else(|| decade(tokens, i))
        .or_else(|| standalone_year(tokens, i))
        .or_else(|| weekday(tokens, i))
}

/// "annual", "monthly", "daily": dates by OntoNotes' conventions.
fn frequency(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    // Capitalised, it is part of a name: "People's Daily".
    let frequency = matches!(
        tokens.folded(i),
        "annual"
            | "annually"
            | "monthly"
            | "daily"
            | "weekly"
            | "quarterly"
            | "yearly"
            | "biannual"
            | "semiannual"
            | "semiannually"
            | "seasonally"
    );
    (frequency && !tokens.is_capitalized(i)).then_some(i)
}

/// Skips relative words before a date core; returns where the core starts. A prefix
/// is a few words ("the end of the first half of"): a run of a million "last" is not
/// walked again from each of them.
fn date_prefix_end(tokens: &Tokens<'_>, i: usize) -> usize {
    let mut j = i;
    while j - i < 8 {
        // "the" is a tenth of all words: its continuations are looked at apart.
        let step = if tokens.folded(j) == "the" {
            after_the(tokens, j)
        } else {
            prefix_word_end(tokens, i, j)
        };
        match step {
            Some(next) => j = next,
            None => return j,
        }
    }
    j
}

/// Where a date prefix goes on after the word at `j` (not "the"), if it is one; `i`
/// is where the date starts.
fn prefix_word_end(tokens: &Tokens<'_>, i: usize, j: usize) -> Option<usize> {
    let word = tokens.folded(j);
    let next = tokens.folded(j + 1);
    let end = match (word, next) {
        (
            "last" | "next" | "this" | "past" | "coming" | "previous" | "recent" | "current"
            | "latest" | "early" | "late" | "earlier" | "later" | "same",
            _,
        ) => j + 1,
        ("mid", "-") => j + 2,
        // "as recently as 1975", "as early as next week".
        ("as", "recently" | "early" | "late") if j == i && tokens.folded(j + 2) == "as" => j + 3,
        // A hedge on a count, "more than 30 years"; not a comparison, "more than last
        // year".
        ("more" | "less" | "fewer", "than") if j == i && count(tokens, j + 2) => j + 2,
        ("up", "to") if j == i => j + 2,
        (
            "about" | "nearly" | "almost" | "some" | "around" | "roughly" | "just" | "only"
            | "another",
            _,
        ) if j == i => j + 1,
        ("that", _) if names_a_period(tokens, j + 1) => j + 1,
        // "third-quarter profit", "his first year".
        (ordinal, _) if is_ordinal(ordinal) => {
            if is_counted_unit(next) {
                j + 1
            } else if next == "-" && matches!(tokens.folded(j + 2), "quarter" | "half") {
                j + 2
            } else {
                return None;
            }
        }
        // "the sixth consecutive month", "four straight years".
        (qualifier, unit) if j > i && is_count_qualifier(qualifier) && is_unit(unit) => j + 1,
        ("half" | "quarter" | "week" | "weeks" | "months" | "days", "of") if j > i => j + 2,
        ("whole" | "entire", unit) if j > i && is_unit(unit) => j + 1,
        // "this crop year".
        ("crop" | "model" | "calendar", "year") if j > i => j + 1,
        ("fiscal", _) => j + 1,
        _ => return None,
    };
    Some(end)
}

/// Where a date prefix goes on after "the" at `j`: "the following day", "the year",
/// "the end of", "the first three months", "the past", "the current crop year".
fn after_the(tokens: &Tokens<'_>, j: usize) -> Option<usize> {
    let after = tokens.folded(j + 2);
    let end = match tokens.folded(j + 1) {
        // "following Friday's plunge" is no date of its own.
        "following" => j + 2,
        _ if names_a_period(tokens, j + 1) => j + 1,
        "end" | "beginning" | "start" | "middle" | "rest" | "turn" if after == "of" => j + 3,
        first
            if (is_ordinal(first) || first == "last")
                && (is_counted_unit(after)
                    || is_count_qualifier(after)
                    || count(tokens, j + 2)) =>
        {
            j + 2
        }
        "past" | "last" | "next" | "coming" | "previous" | "same" | "fiscal" | "current"
        | "whole" | "entire" => j + 1,
        // "the trading day", "the full year".
        qualifier if is_count_qualifier(qualifier) && is_unit(after) => j + 1,
        "other" if after == "day" => j + 2,
        "crop" | "model" | "calendar" if after == "year" => j + 1,
        _ => return None,
    };
    Some(end)
}

/// A word that describes the unit after it: "good year", "given day", "whole day".
fn is_described_unit(tokens: &Tokens<'_>, i: usize) -> bool {
    tokens.kind(i) == TokenKind::Word
        && !tokens.is_capitalized(i)
        && matches!(
            tokens.folded(i + 1),
            "day" | "week" | "month" | "year" | "decade"
        )
}

/// "year", "weekend", "summer" after "the" or "that": OntoNotes marks "the year" and
/// "that summer" as dates, but not "Teacher of the Year", nor "the year-earlier period".
fn names_a_period(tokens: &Tokens<'_>, i: usize) -> bool {
    let word = tokens.folded(i);
    (is_unit(word) || is_season(word))
        && !tokens.is_capitalized(i)
        && unit_comparison(tokens, i).is_none()
}

/// "last year", "a year ago" or "a year earlier" right after token `last`.
fn year_before_end(tokens: &Tokens<'_>, last: usize) -> Option<usize> {
    match (
        tokens.folded(last + 1),
        tokens.folded(last + 2),
        tokens.folded(last + 3),
    ) {
        ("last", "year", _) => Some(last + 2),
        ("a", "year", "ago" | "earlier") => Some(last + 3),
        _ => None,
    }
}

/// "ago", "earlier", "later" after a date; "to"/"through" and another month or year;
/// "of" and the date it belongs to: "the first six months of 1989", "May of this year".
fn date_suffix_end(tokens: &Tokens<'_>, last: usize) -> usize {
    // "the year-end".
    if let Some(end) = period_end(tokens, last) {
        return end;
    }
    // "the past half year".
    if tokens.folded(last) == "half" && tokens.folded(last + 1) == "year" {
        return last + 1;
    }
    match tokens.folded(last + 1) {
        "ago" | "earlier" | "later" => last + 1,
        // An age is a date in OntoNotes: "61 years old", "a 63-year-old".
        "old" if matches!(tokens.folded(last), "years" | "months" | "year" | "month") => last + 1,
        "-" if tokens.folded(last + 2) == "old"
            && matches!(tokens.folded(last), "year" | "month") =>
        {
            last + 2
        }
        "ahead" if matches!(tokens.folded(last), "days" | "weeks" | "months" | "years") => last + 1,
        // "the fourth month in a row", "seven years in a row".
        "in" if is_unit(tokens.folded(last))
            && tokens.folded(last + 2) == "a"
            && tokens.folded(last + 3) == "row" =>
        {
            last + 3
        }
        // "the month before." (not "the month before the vote").
        "before" if is_unit(tokens.folded(last)) && tokens.kind(last + 2) == TokenKind::Punct => {
            last + 1
        }
        // "the year 2000".
        _ if tokens.folded(last) == "year" && year(tokens, last + 1).is_some() => last + 1,
        // "the fiscal year ended Sept. 30", "the 12 months ending in March".
        "ended" | "ending" => {
            let at = last + 2 + usize::from(tokens.folded(last + 2) == "in");
            let at = date_prefix_end(tokens, at);
            calendar_date(tokens, at).map_or(last, |date| date.last)
        }
        // "Monday, October 16, 1989", "today, Thursday".
        "," if is_day_name(tokens, last) => match calendar_date(tokens, last + 2) {
            Some(date) => date.last,
            None => last,
        },
        _ if is_day_name(tokens, last) && month(tokens, last + 1).is_some() => {
            calendar_date(tokens, last + 1).map_or(last, |date| date.last)
        }
        "of" => {
            let at = date_prefix_end(tokens, last + 2);
            let core = calendar_date(tokens, at)
                .or_else(|| (at > last + 2).then(|| relative_unit(tokens, at)).flatten());
            core.map_or(last, |date| date.last)
        }
        // Not "reacting in the day to Friday's plunge": a possessive owns what follows.
        "to" | "through" | "until" => match calendar_date(tokens, last + 2) {
            Some(end) if tokens.folded(end.last + 1) != "'" => end.last,
            _ => last,
        },
        _ => last,
    }
}

/// Units of time: "day", "weeks", "decade".
fn is_unit(word: &str) -> bool {
    matches!(
        word,
        "day"
            | "days"
            | "week"
            | "weeks"
            | "weekend"
            | "weekends"
            | "month"
            | "months"
            | "quarter"
            | "quarters"
            | "year"
            | "years"
            | "decade"
            | "decades"
            | "century"
            | "centuries"
    )
}

/// "first" ... "tenth".
fn is_ordinal(word: &str) -> bool {
    matches!(
        word,
        "first"
            | "second"
            | "third"
            | "fourth"
            | "fifth"
            | "sixth"
            | "seventh"
            | "eighth"
            | "ninth"
            | "tenth"
    )
}

/// Words between a count or an ordinal and its unit: "four straight years", "15 working
/// days", "two more weeks", "the first full year".
fn is_count_qualifier(word: &str) -> bool {
    matches!(
        word,
        "consecutive" | "straight" | "more" | "working" | "business" | "trading" | "full"
    )
}

/// What an ordinal counts in a date: a unit of time or a half year.
fn is_counted_unit(word: &str) -> bool {
    is_unit(word) || word == "half"
}

fn is_season(word: &str) -> bool {
    matches!(word, "spring" | "summer" | "fall" | "autumn" | "winter")
}

/// Where a count ends: "six", "a few", "a couple of".
fn count_end(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    match (tokens.folded(i), tokens.folded(i + 1), tokens.folded(i + 2)) {
        ("a", "few", _) => Some(i + 1),
        ("a", "couple", "of") => Some(i + 2),
        // A range of counts: "three or four", "30 to 44", "10-15".
        (_, "or" | "to" | "-", _) if is_number(tokens, i) && is_number(tokens, i + 2) => {
            Some(i + 2)
        }
        // "2 1/2 years".
        _ if tokens.kind(i) == TokenKind::Number => Some(fraction_end(tokens, i).unwrap_or(i)),
        _ => count(tokens, i).then_some(i),
    }
}

/// A number in digits or a number word: "30", "three".
fn is_number(tokens: &Tokens<'_>, i: usize) -> bool {
    tokens.kind(i) == TokenKind::Number || number_word(tokens.folded(i)).is_some()
}

fn count(tokens: &Tokens<'_>, i: usize) -> bool {
    i < tokens.len()
        && (tokens.kind(i) == TokenKind::Number
            || is_count_word(tokens.folded(i))
            || matches!(tokens.folded(i), "a" | "several" | "few" | "many" | "some"))
}

/// Is the word one of [`COUNT_WORDS`]? A match, which compiles to a few comparisons,
/// where the list would be scanned: this runs on every date candidate.
fn is_count_word(word: &str) -> bool {
    matches!(
        word,
        "one"
            | "two"
            | "three"
            | "four"
            | "five"
            | "six"
            | "seven"
            | "eight"
            | "nine"
            | "ten"
            | "eleven"
            | "twelve"
            | "fifteen"
            | "twenty"
            | "thirty"
    )
}

/// A counted period: "six months", "two years ago", "a year earlier", "30-year"; after
/// a relative word also "the past two years".
fn period(tokens: &Tokens<'_>, i: usize, after_prefix: bool) -> Option<Found> {
    let count_last = count_end(tokens, i)?;
    let hyphen = tokens.is_punct(count_last + 1, '-');
    let unit_at = if hyphen {
        count_last + 2
    } else {
        count_last + 1
    };
    // "16 consecutive quarters", "15 working days", "several more months"; after "a",
    // any word that describes the unit: "a good year", "a given day".
    let described =
        count_last == i && tokens.folded(i) == "a" && is_described_unit(tokens, unit_at);
    let qualified = !hyphen && (is_count_qualifier(tokens.folded(unit_at)) || described);
    let unit_at = unit_at + usize::from(qualified);
    if !is_unit(tokens.folded(unit_at)) {
        return None;
    }
    // "a quarter of the shares", "three-quarters of voters" are shares, not dates; "the
    // first three-quarters of the year" is one.
    let after_ordinal = i > 0 && is_ordinal(tokens.folded(i - 1));
    let share = matches!(tokens.folded(unit_at), "quarter" | "quarters")
        && tokens.folded(unit_at + 1) == "of"
        && !after_ordinal;
    if share {
        return None;
    }
    let article = count_last == i && matches!(tokens.folded(i), "a" | "some" | "many" | "few");
    let relative = matches!(tokens.folded(unit_at + 1), "ago" | "earlier" | "later");
    // "a year" alone is too vague; "a year ago", "the past year", "for a year" or "a good
    // year" is a date.
    let after_preposition = i > 0 && matches!(tokens.folded(i - 1), "for" | "in" | "within");
    if article && !relative && !after_prefix && !after_preposition && !described {
        return None;
    }
    Some(date_found(i, unit_at, None))
}

/// Periods without a count: "these days", and "for years", "after decades of".
fn uncounted_period(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    match (tokens.folded(i), tokens.folded(i + 1)) {
        ("these", "days") => Some(i + 1),
        ("years" | "decades" | "months" | "weeks" | "days", _)
            if matches!(before, "for" | "after" | "in" | "or" | "over") =>
        {
            Some(i)
        }
        _ => None,
    }
}

/// A date opened by a [`PERIOD_WORD_STARTERS`] word.
fn period_word_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let last = unit_comparison(tokens, i)
        .or_else(|| period_end(tokens, i))
        .or_else(|| recurring(tokens, i))
        .or_else(|| season_alone(tokens, i))?;
    Some(date_found(i, last, None))
}

/// A season named on its own is a date in OntoNotes: "by spring", "their winter meeting",
/// "a summer of strikes". Not "fall", as often the verb, nor a capitalised season, which
/// names something ("Spring Festival", "Prague Spring").
fn season_alone(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let season = matches!(tokens.folded(i), "spring" | "summer" | "autumn" | "winter");
    (season && !tokens.is_capitalized(i)).then_some(i)
}

/// A period that recurs or lasts throughout: "each week", "every fall", "all year".
fn recurring(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let unit = tokens.folded(i + 1);
    let recurs = match tokens.folded(i) {
        "each" | "every" => (is_unit(unit) && !unit.ends_with('s')) || is_season(unit),
        "all" => matches!(unit, "day" | "week" | "month" | "year"),
        _ => false,
    };
    recurs.then_some(i + 1)
}

/// The end of a year or month named as one thing: "year-end", "year end", "year's end",
/// "month-end".
fn period_end(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    if !matches!(tokens.folded(i), "year" | "month" | "quarter") {
        return None;
    }
    let end_at = match (tokens.folded(i + 1), tokens.folded(i + 2)) {
        ("-", _) => i + 2,
        ("'", "s") => i + 3,
        _ => i + 1,
    };
    (tokens.folded(end_at) == "end").then_some(end_at)
}

/// A unit made an adjective of comparison: "year-earlier", "year-ago". In "the
/// year-earlier period" OntoNotes marks the adjective alone.
fn unit_comparison(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let adjective = matches!(
        tokens.folded(i),
        "year" | "month" | "week" | "day" | "quarter"
    ) && tokens.is_punct(i + 1, '-')
        && matches!(tokens.folded(i + 2), "earlier" | "ago");
    adjective.then_some(i + 2)
}

/// An age, a date in OntoNotes: "age 18", "aged 63", and a person's age set off by
/// commas after the name: "John Smith, 63, was named ...".
fn age(tokens: &Tokens<'_>, i: usize) -> Option<usize> {
    let years = |j: usize| {
        tokens.kind(j) == TokenKind::Number
            && tokens.raw(j).len() <= 3
            && tokens
                .raw(j)
                .parse::<u32>()
                .is_ok_and(|n| (1..=120).contains(&n))
    };
    if matches!(tokens.folded(i), "age" | "aged") && years(i + 1) {
        return Some(i + 1);
    }
    // The name before: a capitalised word that is no month ("Dec. 8, 9"), or "Jr.".
    let junior =
        i >= 3 && tokens.is_punct(i - 2, '.') && matches!(tokens.folded(i - 3), "jr" | "sr");
    let name = |j: usize| {
        tokens.is_capitalized(j) && month(tokens, j).is_none() && !is_day_name(tokens, j)
    };
    let after_name = i >= 2 && tokens.is_punct(i - 1, ',') && (junior || name(i - 2));
    let apposition =
        after_name && tokens.raw(i).len() == 2 && years(i) && tokens.is_punct(i + 1, ',');
    apposition.then_some(i)
}

/// A unit or season after a relative word: "last year", "this fall", "recent weeks".
fn relative_unit(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let word = tokens.folded(i);
    let same_period = word == "period" && i > 0 && tokens.folded(i - 1) == "same";
    (is_unit(word) || is_season(word) || is_half_year(tokens, i) || same_period)
        .then(|| date_found(i, i, None))
}

/// "the first half", "the past half": a half year, not a share ("about half the
/// stocks") nor a half hour ("the last half-hour").
fn is_half_year(tokens: &Tokens<'_>, i: usize) -> bool {
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    tokens.folded(i) == "half"
        && !tokens.is_punct(i + 1, '-')
        && (is_ordinal(before)
            || matches!(
                before,
                "past" | "last" | "next" | "latest" | "coming" | "previous" | "current" | "this"
            ))
}

fn is_day_name(tokens: &Tokens<'_>, i: usize) -> bool {
    matches!(
        tokens.folded(i),
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "today"
            | "yesterday"
            | "tomorrow"
    )
}

/// "Monday" ... "Sunday", capitalised, but not in the name of an event: "Black Monday".
fn weekday(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let day = matches!(
        tokens.folded(i),
        "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday"
    ) && tokens.is_capitalized(i)
        && !names_an_event(tokens, i);
    let relative = matches!(tokens.folded(i), "yesterday" | "today" | "tomorrow");
    (day || relative).then(|| date_found(i, i, None))
}

/// A day named for what happened on it: "Black Monday", "Terrible Tuesday", "Super
/// Tuesday". OntoNotes marks these as events, not dates.
fn names_an_event(tokens: &Tokens<'_>, day: usize) -> bool {
    day > 0
        && tokens.is_capitalized(day - 1)
        && matches!(
            tokens.folded(day - 1),
            "black" | "gray" | "grey" | "terrible" | "bloody" | "super" | "cyber"
        )
}

/// Takes in a leading "the": "the 17-18th of April", "the 1990s".
fn with_the(tokens: &Tokens<'_>, i: usize) -> usize {
    if i > 0 && tokens.folded(i - 1) == "the" {
        i - 1
    } else {
        i
    }
}

/// "the 1990s", "1960s", "the '80s".
fn decade(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    if tokens.folded(i) == "'" && tokens.list.get(i + 1).is_some_and(|t| !t.space_before) {
        let raw = tokens.raw(i + 1);
        let short = raw.len() == 2
            && raw.ends_with('0')
            && tokens.kind(i + 1) == TokenKind::Number
            && tokens.folded(i + 2) == "s"
            && !tokens.list[i + 2].space_before;
        return short.then(|| date_found(with_the(tokens, i), i + 2, None));
    }
    let raw = tokens.raw(i);
    let is_decade = raw.len() == 4
        && raw.ends_with('0')
        && tokens.kind(i) == TokenKind::Number
        && tokens.folded(i + 1) == "s"
        && !tokens.list[i + 1].space_before;
    is_decade.then(|| date_found(with_the(tokens, i), i + 1, Some(format!("{}X", &raw[..3]))))
}

/// A year on its own, `in 2015`, but not a compound like `1950-strong`; a span of
/// years, `1989-90`, `2003/2007`; a year of a kind, `the 1990 model year`.
fn standalone_year(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let y = year(tokens, i).filter(|y| (1800..=2100).contains(y))?;
    let compound = tokens.is_punct(i + 1, '-')
        && tokens
            .list
            .get(i + 2)
            .is_some_and(|t| t.kind == TokenKind::Word);
    if compound {
        // "a 1987-style crash", "1990-model cars" date the thing; "1950-strong" counts.
        let dated = matches!(
            tokens.folded(i + 2),
            "style" | "model" | "era" | "vintage" | "level"
        );
        return dated.then(|| date_found(i, i, iso(Some(y), None, None)));
    }
    let span_end = (tokens.is_punct(i + 1, '-') || tokens.is_punct(i + 1, '/'))
        && tokens.kind(i + 2) == TokenKind::Number
        && matches!(tokens.raw(i + 2).len(), 2 | 4);
    if span_end {
        return Some(date_found(i, i + 2, None));
    }
    let kind_end = match (tokens.folded(i + 1), tokens.folded(i + 2)) {
        ("model" | "crop" | "fiscal" | "calendar", "year") => Some(i + 2),
        (season, _) if is_season(season) => Some(i + 1),
        _ => None,
    };
    match kind_end {
        Some(last) => Some(date_found(
            with_the(tokens, i),
            last,
            iso(Some(y), None, None),
        )),
        None => Some(date_found(i, i, iso(Some(y), None, None))),
    }
}

/// `Feb. 26-28`, `March 29, 2019`, `April 2019`, `April`.
fn month_first_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let m = month(tokens, i)?;
    // "May" alone is too often the verb or a name to count without a day, a year or a
    // preposition before it.
    let mut last = month_end(tokens, i);
    let mut found_day = None;
    // "the November 9% issue": the figure after the month is a percentage.
    let day = days(tokens, last + 1).filter(|_| percent(tokens, last + 1).is_none());
    if let Some((d, day_last)) = day {
        found_day = Some(d);
        last = day_last;
    }
    let comma = usize::from(tokens.is_punct(last + 1, ','));
    let found_year = year(tokens, last + 1 + comma);
    if found_year.is_some() {
        last += 1 + comma;
    }
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    let after_preposition = matches!(
        before,
        "in" | "since"
            | "until"
            | "by"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "of"
            | "from"
            | "through"
            | "during"
    );
    if m == 5 && found_day.is_none() && found_year.is_none() && !after_preposition {
        return None;
    }
    Some(date_found(i, last, iso(found_year, Some(m), found_day)))
}

/// `17-18th of April`, `3 March 2019`, `29th of March, 2019`.
fn day_first_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let (d, days_last) = days(tokens, i)?;
    let of = usize::from(
        tokens.list.get(days_last + 1).is_some() && tokens.folded(days_last + 1) == "of",
    );
    let month_at = days_last + 1 + of;
    let m = month(tokens, month_at)?;
    let mut last = month_end(tokens, month_at);
    let comma = usize::from(tokens.is_punct(last + 1, ','));
    let found_year = year(tokens, last + 1 + comma);
    if found_year.is_some() {
        last += 1 + comma;
    }
    Some(date_found(
        with_the(tokens, i),
        last,
        iso(found_year, Some(m), Some(d)),
    ))
}

/// `7-03-2017`, `07/03/2017`, `2017-03-07`. Day first with `-` and `.`, month first
/// with `/` (unless a part cannot be a month).
fn numeric_date(tokens: &Tokens<'_>, i: usize) -> Option<Found> {
    let part = |j: usize| -> Option<u32> {
        (j < tokens.len() && tokens.kind(j) == TokenKind::Number)
            .then(|| tokens.raw(j).parse().ok())?
    };
    let separator = tokens.list.get(i + 1).map(|_| tokens.folded(i + 1))?;
    if !matches!(separator, "-" | "/" | ".")
        || tokens.list.get(i + 3).is_none()
        || tokens.folded(i + 3) != separator
    {
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
        if month_first {
            (c, a, b)
        } else {
            (c, b, a)
        }
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
    #[test]
    fn the_count_words_are_the_ones_tested() {
        assert!(super::COUNT_WORDS
            .iter()
            .all(|word| super::is_count_word(word)));
        let listed = |word: &str| super::COUNT_WORDS.contains(&word);
        assert!(["a", "zero", "hundred", "several", "thirteen"]
            .iter()
            .all(|word| !super::is_count_word(word) && !listed(word)));
    }

    #[test]
    fn decimals_read_as_the_standard_parser_reads_them() {
        // A spread of digit strings, 1 to 15 digits, with the point anywhere.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..20_000 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            let digits = (seed % 999_999_999_999_999 + 1).to_string();
            let point = (seed >> 50) as usize % (digits.len() + 1);
            let text = format!("{}.{}", &digits[..point], &digits[point..]);
            assert_eq!(
                super::parse_decimal(&text),
                text.parse::<f64>().ok(),
                "{text}"
            );
        }
        for text in ["", ".", "1.2.3", "1e5", "-4", "12a"] {
            assert_eq!(super::parse_decimal(text), None, "{text}");
        }
    }

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
        assert_eq!(
            spans("A $5 million fund")[0],
            ("$5 million".into(), Label::Money, money(5e6, "USD"))
        );
        assert_eq!(spans("worth C$40 million")[0].2, money(40e6, "CAD"));
    }

    #[test]
    fn a_hash_before_a_scaled_figure_is_the_pound_sign_of_wire_text() {
        assert_eq!(
            spans("a bid worth #15 billion")[0],
            ("#15 billion".into(), Label::Money, money(15e9, "GBP"))
        );
        assert_eq!(
            spans("more than #160 million")[0].0,
            "more than #160 million"
        );
        assert!(spans("the #1 seller").is_empty());
        assert!(spans("issue # 5 million").is_empty());
    }

    #[test]
    fn percentages() {
        assert_eq!(
            spans("rose 12.5 percent")[0],
            (
                "12.5 percent".into(),
                Label::Percent,
                Some(Value::Percent(12.5))
            )
        );
        assert_eq!(spans("about 30%")[0].0, "about 30%");
        assert_eq!(spans("7 per cent")[0].0, "7 per cent");
        assert_eq!(
            spans("yields of 8 3/4%")[0],
            ("8 3/4%".into(), Label::Percent, Some(Value::Percent(8.75)))
        );
        assert_eq!(spans("between 20% and 25% of")[0].0, "between 20% and 25%");
        assert_eq!(
            spans("more than $500 million in aid")[0].0,
            "more than $500 million"
        );
        assert_eq!(
            spans("about 100 million Canadian dollars")[0].2,
            money(100e6, "CAD")
        );
        assert!(spans("about ten people").is_empty());
    }

    #[test]
    fn hedges_belong_to_the_amount_but_words_that_frame_it_do_not() {
        let cases = [
            ("They raised up to $12 million for it.", "$12 million"),
            ("It paid a total of $3.4 billion in fines.", "$3.4 billion"),
            ("Turnout rose a mere 0.4% this time.", "0.4%"),
            ("It bought a further 15% of the bank.", "15%"),
            ("Losses reach an estimated $90 million.", "$90 million"),
            (
                "Its estimated $8 million budget was cut.",
                "estimated $8 million",
            ),
            ("They need another $6 billion soon.", "another $6 billion"),
            ("Sales came close to $3 billion.", "close to $3 billion"),
            (
                "Prices may climb as high as $120 a barrel.",
                "as high as $120",
            ),
            ("It bought an additional 5% stake.", "an additional 5%"),
        ];
        for (text, amount) in cases {
            assert_eq!(spans(text)[0].0, amount, "{text}");
        }
        assert_eq!(spans("paid a total of $5 million")[0].2, money(5e6, "USD"));
    }

    #[test]
    fn a_range_between_two_amounts_follows_a_verb_of_change() {
        let found = spans("Fares would rise between 4% and 9% next year.");
        assert_eq!(found[0].0, "between 4% and 9%");
        assert_eq!(found[0].2, Some(Value::Percent(4.0)));
    }

    #[test]
    fn currencies_named_with_their_country_and_weights_and_scores_that_are_no_money() {
        assert_eq!(
            spans("It raised 12 million Irish punts .")[0],
            (
                "12 million Irish punts".into(),
                Label::Money,
                money(12e6, "IEP")
            )
        );
        assert_eq!(
            spans("a loan of 3 billion New Taiwan dollars")[0].2,
            money(3e9, "TWD")
        );
        assert_eq!(
            spans("worth 40 billion Finnish marks")[0].2,
            money(40e9, "FIM")
        );
        assert_eq!(spans("paid 700 million drachmas")[0].2, money(7e8, "GRD"));
        assert_eq!(
            spans("It cost several billion dollars .")[0],
            ("several billion dollars".into(), Label::Money, None)
        );
        assert!(spans("It ships 500,000 pounds of copper a year.").is_empty());
        assert!(spans("trucks weighing 8,000 pounds or less").is_empty());
        assert!(spans("a 12-pound report").is_empty());
        assert!(spans("the index passed the 3,000 mark").is_empty());
        assert_eq!(spans("a 100 million-pound loan")[0].2, money(1e8, "GBP"));
        assert_eq!(
            spans("the usual five billion mark issue")[0].2,
            money(5e9, "DEM")
        );
    }

    #[test]
    fn dates_in_news_forms() {
        assert_eq!(spans("On Jan. 14-16, leaders met")[0].0, "Jan. 14-16");
        assert_eq!(spans("held on the 3-4th of June")[0].0, "the 3-4th of June");
        assert_eq!(
            spans("posted 9-05-2018, 10:15")[0],
            ("9-05-2018".into(), Label::Date, date("2018-05-09"))
        );
        assert_eq!(
            spans("since October 2016.")[0],
            ("October 2016".into(), Label::Date, date("2016-10"))
        );
        assert_eq!(
            spans("on March 2, 2020")[0],
            ("March 2, 2020".into(), Label::Date, date("2020-03-02"))
        );
        assert_eq!(
            spans("in 2014 it")[0],
            ("2014".into(), Label::Date, date("2014"))
        );
        assert!(spans("They may go").is_empty());
        assert!(spans("a 1950-strong unit").is_empty());
        assert_eq!(
            spans("fears of a 1929-style crash")[0],
            ("1929".into(), Label::Date, date("1929"))
        );
        assert_eq!(spans("rose in July. Then")[0].0, "July");
        assert_eq!(
            spans("the June 8% notes")
                .into_iter()
                .map(|f| f.0)
                .collect::<Vec<_>>(),
            ["June", "8%"]
        );
    }

    #[test]
    fn times_of_day() {
        for text in [
            "10:15",
            "9 a.m.",
            "5:30 p.m.",
            "midnight",
            "this morning",
            "7pm",
        ] {
            let found = spans(&format!("It was {text} there"));
            assert_eq!(
                found.first().map(|f| (f.0.as_str(), f.1)),
                Some((text, Label::Time)),
                "{text}"
            );
        }
        assert!(spans("in 12 cases").is_empty());
    }

    #[test]
    fn relative_and_counted_dates() {
        let texts = [
            "last year",
            "two years ago",
            "the past three months",
            "the end of 1999",
            "mid-March",
            "a year earlier",
            "recent weeks",
            "this fall",
            "late Tuesday",
            "the 1980s",
            "30-year",
            "January to June",
            "yesterday",
            "annually",
            "the first six months of 1999",
            "a few years ago",
            "June of this year",
            "between 1994 and 2004",
            "Monday, October 16, 1989",
            "the fiscal year ended Sept. 30, 1988",
            "61 years old",
            "more than 30 years ago",
        ];
        for text in texts {
            let found = spans(&format!("It was {text} ."));
            assert_eq!(found.first().map(|f| f.0.as_str()), Some(text), "{text}");
        }
        assert!(spans("a year of hope").is_empty());
    }

    #[test]
    fn date_boundaries_by_ontonotes_conventions() {
        let texts = [
            (
                "Rates were that low as recently as 1994 .",
                "as recently as 1994",
            ),
            (
                "A vote may come as early as next month .",
                "as early as next month",
            ),
            (
                "Talks went on as late as June 2003 .",
                "as late as June 2003",
            ),
            ("Sales beat the year-earlier period .", "year-earlier"),
            ("Prices stayed below year-ago levels .", "year-ago"),
            (
                "Prices fell for the sixth consecutive month .",
                "the sixth consecutive month",
            ),
            ("Losses lasted four straight years .", "four straight years"),
            ("Firms have 15 working days to reply .", "15 working days"),
            ("Talks need several more months .", "several more months"),
            ("Output rose in the past half year .", "the past half year"),
            (
                "Sales will rise in the current quarter .",
                "the current quarter",
            ),
            ("Exports fell this crop year .", "this crop year"),
            ("Tourism grew over the whole year .", "the whole year"),
            ("Stocks fell late in the trading day .", "the trading day"),
            ("I met him the other day .", "the other day"),
            ("Farmers had a good year .", "a good year"),
            ("Prices may swing on a given day .", "a given day"),
            (
                "Futures fell in the trading day to Friday's close .",
                "the trading day",
            ),
            (
                "Profit rose for the third month in a row .",
                "the third month in a row",
            ),
            ("She quit in her first year .", "first year"),
            ("It took 3 1/2 years .", "3 1/2 years"),
            // A comparison with a date is no hedge on it.
            ("Output grew more than last year .", "last year"),
            ("New stores open each week .", "each week"),
            ("Prices rise every fall .", "every fall"),
            ("Sales were slow all year .", "all year"),
            ("Debt fell before year-end .", "year-end"),
            ("It will close by the year's end .", "the year's end"),
            ("Toyota reports only at month-end .", "month-end"),
            (
                "Sales fell in the first three-quarters of the year .",
                "the first three-quarters of the year",
            ),
        ];
        for (text, date) in texts {
            let found = spans(text);
            assert_eq!(
                found.first().map(|f| (f.0.as_str(), f.1)),
                Some((date, Label::Date)),
                "{text}"
            );
        }
        assert!(spans("Leave as early as possible .").is_empty());
        // Shares and half hours are no dates.
        for text in [
            "About half the votes were cast .",
            "It sold a quarter of the shares .",
            "Three-quarters of voters agree .",
            "Stocks rose in the last half-hour .",
        ] {
            assert!(spans(text).is_empty(), "{text}: {:?}", spans(text));
        }
    }

    #[test]
    fn events_named_for_a_day_and_times_after_a_day() {
        assert!(spans("Stocks fell on Black Monday .").is_empty());
        assert!(spans("Voters went to the polls on Super Tuesday .").is_empty());
        assert_eq!(spans("Stocks fell on Monday .")[0].0, "Monday");
        let labelled = |text: &str| -> Vec<(String, Label)> {
            spans(text).into_iter().map(|f| (f.0, f.1)).collect()
        };
        assert_eq!(
            labelled("They met yesterday afternoon ."),
            [
                ("yesterday".to_string(), Label::Date),
                ("afternoon".to_string(), Label::Time)
            ]
        );
        assert_eq!(
            labelled("It closed Friday night ."),
            [
                ("Friday".to_string(), Label::Date),
                ("night".to_string(), Label::Time)
            ]
        );
        assert!(labelled("a night shift").is_empty());
    }

    #[test]
    fn amounts_without_figures_and_changes_that_are_no_ranges() {
        assert_eq!(
            spans("It cost billions of dollars .")[0].0,
            "billions of dollars"
        );
        assert_eq!(
            spans("They owe several hundreds of millions of dollars .")[0].0,
            "several hundreds of millions of dollars"
        );
        assert_eq!(
            spans("a multibillion-dollar dam")[0].0,
            "multibillion-dollar"
        );
        assert_eq!(
            spans("a 90-cent fee")[0],
            ("90-cent".into(), Label::Money, money(0.9, "USD"))
        );
        assert_eq!(
            spans("raised 500 million yuan RMB")[0].0,
            "500 million yuan RMB"
        );
        // A change and the level it led to are two amounts, so are the ends after
        // "from"; a range is one.
        let ends: Vec<String> = spans("Calls cost from 30 cents to $25 each.")
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(ends, ["30 cents", "$25"]);
        let change: Vec<String> = spans("Gold rose $4 to $367.30 an ounce.")
            .into_iter()
            .map(|f| f.0)
            .collect();
        assert_eq!(change, ["$4", "$367.30"]);
        assert_eq!(spans("priced at $40 to $125 a bottle")[0].0, "$40 to $125");
        // A threshold is not part of the amount.
        assert_eq!(spans("any reading below 50% signals decline")[0].0, "50%");
        assert!(spans("hundreds of people").is_empty());
    }

    #[test]
    fn dates_by_ontonotes_conventions() {
        let texts = [
            ("Prices fell during the day .", "the day"),
            ("Talks went on over the weekend .", "the weekend"),
            ("It was the best month of the year .", "the year"),
            ("Rates rose over the past two years .", "the past two years"),
            ("Banks have resisted for years .", "years"),
            ("Credit is scarce these days .", "these days"),
            ("Output is adjusted seasonally .", "seasonally"),
            ("Profit rose in the third quarter .", "the third quarter"),
            ("Its third-quarter profit rose .", "third-quarter"),
            ("Sales grew in the first half .", "the first half"),
            ("It happened that summer .", "that summer"),
            ("Inflation was high in the '70s .", "the '70s"),
            ("Sales rose in the 1990 model year .", "the 1990 model year"),
            ("Exports fell in 1988-89 .", "1988-89"),
            ("Bonds due in 30 to 44 days .", "30 to 44 days"),
            ("It may take three or four years .", "three or four years"),
            ("She faces up to 10 years .", "up to 10 years"),
            ("A 63-year-old engineer won .", "63-year-old"),
            ("Workers start at age 16 .", "age 16"),
            ("The law takes effect by the year 2000 .", "the year 2000"),
            (
                "Profit for the year ended June 30 rose .",
                "the year ended June 30",
            ),
            ("They signed it in May .", "May"),
            (
                "Sales rose from the same period last year .",
                "the same period last year",
            ),
            (
                "Orders rose after falling the month before .",
                "the month before",
            ),
            ("Sony hosted him for a year .", "a year"),
        ];
        for (text, date) in texts {
            let found = spans(text);
            assert_eq!(
                found.first().map(|f| (f.0.as_str(), f.1)),
                Some((date, Label::Date)),
                "{text}"
            );
        }
        // A person's age set off by commas is a date; a day after a month is not an age.
        assert_eq!(spans("Ann Lee, 63, was named chairman.")[0].0, "63");
        assert_eq!(spans("John Roe Jr., 58, was named chairman.")[0].0, "58");
        assert_eq!(spans("They met on Dec. 8, 9 and 10.")[0].0, "Dec. 8");
        // "over" is not part of the date, and capitalised "Year" is part of a title.
        assert_eq!(spans("over the next 12 months")[0].0, "the next 12 months");
        assert!(spans("named Teacher of the Year .").is_empty());
        assert!(spans("a year of hope").is_empty());
        assert_eq!(spans("the month before the vote")[0].0, "the month");
        assert!(spans("following Friday's plunge")
            .iter()
            .all(|f| f.0 == "Friday"));
    }

    #[test]
    fn a_full_date_before_its_noun_keeps_the_comma_that_closes_it() {
        assert_eq!(
            spans("since the June 3, 1994, vote")[0],
            ("June 3, 1994,".into(), Label::Date, date("1994-06-03"))
        );
        assert_eq!(
            spans("the Friday, May 5, 2000, sale")[0].0,
            "Friday, May 5, 2000,"
        );
        assert_eq!(spans("until June 3, 1994, the firm")[0].0, "June 3, 1994");
        assert_eq!(
            spans("since the June 3, 1994, Paris vote")[0].0,
            "June 3, 1994"
        );
    }

    #[test]
    fn a_season_named_alone_is_a_date_but_not_in_a_name() {
        assert_eq!(spans("The dam opens by spring .")[0].0, "spring");
        assert_eq!(spans("at our winter meeting in Ohio")[0].0, "winter");
        assert_eq!(spans("after a summer of strikes")[0].0, "summer");
        assert!(spans("the Prague Spring ended").is_empty());
        assert!(spans("prices fall sharply").is_empty());
    }
}
