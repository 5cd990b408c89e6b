//! MONEY: amounts with a currency before or after the figure, hedges ("about $2
//! billion") and ranges, and amounts without figures ("billions of dollars").

use super::parse::{quantity, scale};
use super::percent::percent;
use super::Found;
use crate::entities::words::{is, Words};
use crate::lexicon::WordClass::ChangeVerb;
use crate::lexicon::{Lexicon, Unit};
use crate::model::{Label, Money, Value};
use crate::tokens::TokenKind;

/// Words that hedge an amount and belong to it: "about $2 billion", "more than 20%",
/// "another $5 million". OntoNotes leaves out the words that count or frame the sum
/// rather than hedge it: "a total of", "up to", "a mere", "a further", "an estimated".
fn approximation_end(tokens: &Words<'_, '_>, i: usize) -> usize {
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
pub(super) fn approximate_amount(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    let at = approximation_end(tokens, i);
    let amount = |j: usize| money(tokens, j).or_else(|| percent(tokens, j));
    let mut found = amount(at)?;
    found.first = i;
    let between = i < tokens.len() && tokens.folded(i) == "between";
    // "rose $4 to $367.30": a change and the level it led to, not a range; but "rose
    // between 4% and 9%" is one. "from 30 cents to $25" names its two ends apart.
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    let change = i > 0 && is(tokens, i - 1, ChangeVerb);
    let range_to = !between && before != "from" && !change;
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

/// Currency written before the amount: `$`, `US$`, `€`, `£`, `¥`, `₽`, `USD` (the forms of
/// `data/currencies.tsv`).
// Inlined: every punctuation token is asked.
#[inline]
pub(super) fn currency_prefix(tokens: &Words<'_, '_>, i: usize) -> Option<(&'static str, usize)> {
    // Wire text without "£" writes "#": "#15 billion", but "#1 seller" is a rank.
    if tokens.folded(i) == "#" {
        return is_scaled_figure(tokens, i + 1).then_some(("GBP", i));
    }
    Lexicon::shared().currencies().before(tokens, i)
}

/// A figure with a scale word, right after the token before it: "15 billion" in "#15 billion".
fn is_scaled_figure(tokens: &Words<'_, '_>, i: usize) -> bool {
    i + 1 < tokens.len()
        && tokens.kind(i) == TokenKind::Number
        && !tokens.list[i].space_before
        && scale(tokens.folded(i + 1)).is_some()
}

/// Currency named after the amount: `dollars`, `euros`, `Hong Kong dollars`, `cents`
/// (the forms of `data/currencies.tsv`).
fn currency_suffix(tokens: &Words<'_, '_>, i: usize) -> Option<Unit> {
    Lexicon::shared().currencies().after(tokens, i)
}

fn money(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
    let unit = currency_suffix(tokens, unit_at)?;
    if measures_no_money(tokens, i, figure_last, unit_at, hyphen) {
        return None;
    }
    let value = if unit.hundredths {
        value / 100.0
    } else {
        value
    };
    Some(found(i, unit.last, value, unit.code))
}

/// "Pound" and "mark" also measure weights and scores: "400,000 pounds of uranium",
/// "weighing 10,000 pounds", "a 13-pound bill", "a 21-9 mark", "the 2,000 mark".
fn measures_no_money(
    tokens: &Words<'_, '_>,
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
pub(super) fn unquantified_money(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
        return found(currency_suffix(tokens, i + 2 + hundred)?.last);
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
    found(currency_suffix(tokens, j)?.last)
}

#[cfg(test)]
mod tests {

    use super::super::testing::{money, spans};
    use crate::model::{Label, Value};

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
}
