//! Periods of time: counted ("six months", "30-year"), uncounted ("for years"), recurring
//! ("each week"), and units after a relative word ("last year", "this fall").

use super::calendar::date_found;
use super::parse::{fraction_end, number_word};
use super::Found;
use crate::entities::words::{is, Words};
use crate::lexicon::WordClass::{Count, CountQualifier, Ordinal, Season, TimeUnit};
use crate::tokens::TokenKind;

/// A word that describes the unit after it: "good year", "given day", "whole day".
fn is_described_unit(tokens: &Words<'_, '_>, i: usize) -> bool {
    tokens.kind(i) == TokenKind::Word
        && !tokens.is_capitalized(i)
        && matches!(
            tokens.folded(i + 1),
            "day" | "week" | "month" | "year" | "decade"
        )
}

/// "year", "weekend", "summer" after "the" or "that": OntoNotes marks "the year" and
/// "that summer" as dates, but not "Teacher of the Year", nor "the year-earlier period".
pub(super) fn names_a_period(tokens: &Words<'_, '_>, i: usize) -> bool {
    (is_unit(tokens, i) || is_season(tokens, i))
        && !tokens.is_capitalized(i)
        && unit_comparison(tokens, i).is_none()
}

/// Units of time: "day", "weeks", "decade".
pub(super) fn is_unit(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, TimeUnit)
}

/// "first" ... "tenth".
pub(super) fn is_ordinal(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Ordinal)
}

/// Words between a count or an ordinal and its unit: "four straight years", "15 working
/// days", "two more weeks", "the first full year".
pub(super) fn is_count_qualifier(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, CountQualifier)
}

/// What an ordinal counts in a date: a unit of time or a half year.
pub(super) fn is_counted_unit(tokens: &Words<'_, '_>, i: usize) -> bool {
    is_unit(tokens, i) || tokens.folded(i) == "half"
}

pub(super) fn is_season(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Season)
}

/// Where a count ends: "six", "a few", "a couple of".
fn count_end(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
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
fn is_number(tokens: &Words<'_, '_>, i: usize) -> bool {
    tokens.kind(i) == TokenKind::Number || number_word(tokens.folded(i)).is_some()
}

pub(super) fn count(tokens: &Words<'_, '_>, i: usize) -> bool {
    i < tokens.len()
        && (tokens.kind(i) == TokenKind::Number
            || is(tokens, i, Count)
            || matches!(tokens.folded(i), "a" | "several" | "few" | "many" | "some"))
}

/// A counted period: "six months", "two years ago", "a year earlier", "30-year"; after
/// a relative word also "the past two years".
pub(super) fn period(tokens: &Words<'_, '_>, i: usize, after_prefix: bool) -> Option<Found> {
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
    let qualified = !hyphen && (is_count_qualifier(tokens, unit_at) || described);
    let unit_at = unit_at + usize::from(qualified);
    if !is_unit(tokens, unit_at) {
        return None;
    }
    // "a quarter of the shares", "three-quarters of voters" are shares, not dates; "the
    // first three-quarters of the year" is one.
    let after_ordinal = i > 0 && is_ordinal(tokens, i - 1);
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
pub(super) fn uncounted_period(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
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

/// A date opened by a word of the class `period_start`: "year-end", "each week".
pub(super) fn period_word_date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    let last = unit_comparison(tokens, i)
        .or_else(|| period_end(tokens, i))
        .or_else(|| recurring(tokens, i))
        .or_else(|| season_alone(tokens, i))?;
    Some(date_found(i, last, None))
}

/// A season named on its own is a date in OntoNotes: "by spring", "their winter meeting",
/// "a summer of strikes". Not "fall", as often the verb, nor a capitalised season, which
/// names something ("Spring Festival", "Prague Spring").
fn season_alone(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
    let season = matches!(tokens.folded(i), "spring" | "summer" | "autumn" | "winter");
    (season && !tokens.is_capitalized(i)).then_some(i)
}

/// A period that recurs or lasts throughout: "each week", "every fall", "all year".
fn recurring(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
    let unit = tokens.folded(i + 1);
    let recurs = match tokens.folded(i) {
        "each" | "every" => {
            (is_unit(tokens, i + 1) && !unit.ends_with('s')) || is_season(tokens, i + 1)
        }
        "all" => matches!(unit, "day" | "week" | "month" | "year"),
        _ => false,
    };
    recurs.then_some(i + 1)
}

/// The end of a year or month named as one thing: "year-end", "year end", "year's end",
/// "month-end".
pub(super) fn period_end(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
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
fn unit_comparison(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
    let adjective = matches!(
        tokens.folded(i),
        "year" | "month" | "week" | "day" | "quarter"
    ) && tokens.is_punct(i + 1, '-')
        && matches!(tokens.folded(i + 2), "earlier" | "ago");
    adjective.then_some(i + 2)
}

/// A unit or season after a relative word: "last year", "this fall", "recent weeks".
pub(super) fn relative_unit(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    let word = tokens.folded(i);
    let same_period = word == "period" && i > 0 && tokens.folded(i - 1) == "same";
    (is_unit(tokens, i) || is_season(tokens, i) || is_half_year(tokens, i) || same_period)
        .then(|| date_found(i, i, None))
}

/// "the first half", "the past half": a half year, not a share ("about half the
/// stocks") nor a half hour ("the last half-hour").
fn is_half_year(tokens: &Words<'_, '_>, i: usize) -> bool {
    let before = i.checked_sub(1).map_or("", |j| tokens.folded(j));
    tokens.folded(i) == "half"
        && !tokens.is_punct(i + 1, '-')
        && ((i > 0 && is_ordinal(tokens, i - 1))
            || matches!(
                before,
                "past" | "last" | "next" | "latest" | "coming" | "previous" | "current" | "this"
            ))
}

#[cfg(test)]
mod tests {

    use super::super::testing::spans;
    use crate::model::Label;

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
    fn a_season_named_alone_is_a_date_but_not_in_a_name() {
        assert_eq!(spans("The dam opens by spring .")[0].0, "spring");
        assert_eq!(spans("at our winter meeting in Ohio")[0].0, "winter");
        assert_eq!(spans("after a summer of strikes")[0].0, "summer");
        assert!(spans("the Prague Spring ended").is_empty());
        assert!(spans("prices fall sharply").is_empty());
    }

    #[test]
    fn the_count_words_are_the_ones_tested() {
        // The count words of `count` are the lexicon's class, no list of their own.
        use crate::lexicon::{Lexicon, WordClass};
        let is_count_word = |word: &str| Lexicon::shared().classes(word).has_any(WordClass::Count);
        assert!(["one", "ten", "twelve", "thirty"]
            .iter()
            .all(|word| is_count_word(word)));
        assert!(["a", "zero", "hundred", "several", "thirteen"]
            .iter()
            .all(|word| !is_count_word(word)));
    }
}
