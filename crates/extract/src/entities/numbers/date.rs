//! DATE expressions: relative words before a calendar date or a period ("the end of",
//! "last"), words after it ("ago", "to October"), frequencies and ages.

use super::calendar::{calendar_date, date_found, is_day_name, month, year};
use super::period::{
    count, is_count_qualifier, is_counted_unit, is_ordinal, is_unit, names_a_period, period,
    period_end, relative_unit, uncounted_period,
};
use super::Found;
use crate::entities::words::{is, Words};
use crate::lexicon::WordClass::Frequency;
use crate::tokens::TokenKind;

/// A date expression: optional relative words before ("last", "early", "the end of"),
/// a core (a calendar date, a weekday, a counted or relative period), and optional
/// words after ("ago", "to October").
pub(super) fn date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    // "the" is a tenth of all words, and opens a date only with the words after it
    // that go on to one ("the past year", "the end of"): no other rule starts at it.
    if tokens.folded(i) == "the" && after_the(tokens, i).is_none() {
        return None;
    }
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
fn closing_comma_end(tokens: &Words<'_, '_>, first: usize, last: usize) -> usize {
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

/// "annual", "monthly", "daily": dates by OntoNotes' conventions.
fn frequency(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
    // Capitalised, it is part of a name: "People's Daily".
    (is(tokens, i, Frequency) && !tokens.is_capitalized(i)).then_some(i)
}

/// Skips relative words before a date core; returns where the core starts. A prefix
/// is a few words ("the end of the first half of"): a run of a million "last" is not
/// walked again from each of them.
fn date_prefix_end(tokens: &Words<'_, '_>, i: usize) -> usize {
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
fn prefix_word_end(tokens: &Words<'_, '_>, i: usize, j: usize) -> Option<usize> {
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
        _ if is_ordinal(tokens, j) => {
            if is_counted_unit(tokens, j + 1) {
                j + 1
            } else if next == "-" && matches!(tokens.folded(j + 2), "quarter" | "half") {
                j + 2
            } else {
                return None;
            }
        }
        // "the sixth consecutive month", "four straight years".
        _ if j > i && is_count_qualifier(tokens, j) && is_unit(tokens, j + 1) => j + 1,
        ("half" | "quarter" | "week" | "weeks" | "months" | "days", "of") if j > i => j + 2,
        ("whole" | "entire", _) if j > i && is_unit(tokens, j + 1) => j + 1,
        // "this crop year".
        ("crop" | "model" | "calendar", "year") if j > i => j + 1,
        ("fiscal", _) => j + 1,
        _ => return None,
    };
    Some(end)
}

/// Where a date prefix goes on after "the" at `j`: "the following day", "the year",
/// "the end of", "the first three months", "the past", "the current crop year".
fn after_the(tokens: &Words<'_, '_>, j: usize) -> Option<usize> {
    let after = tokens.folded(j + 2);
    let end = match tokens.folded(j + 1) {
        // "following Friday's plunge" is no date of its own.
        "following" => j + 2,
        _ if names_a_period(tokens, j + 1) => j + 1,
        "end" | "beginning" | "start" | "middle" | "rest" | "turn" if after == "of" => j + 3,
        first
            if (is_ordinal(tokens, j + 1) || first == "last")
                && (is_counted_unit(tokens, j + 2)
                    || is_count_qualifier(tokens, j + 2)
                    || count(tokens, j + 2)) =>
        {
            j + 2
        }
        "past" | "last" | "next" | "coming" | "previous" | "same" | "fiscal" | "current"
        | "whole" | "entire" => j + 1,
        // "the trading day", "the full year".
        _ if is_count_qualifier(tokens, j + 1) && is_unit(tokens, j + 2) => j + 1,
        "other" if after == "day" => j + 2,
        "crop" | "model" | "calendar" if after == "year" => j + 1,
        _ => return None,
    };
    Some(end)
}

/// "last year", "a year ago" or "a year earlier" right after token `last`.
fn year_before_end(tokens: &Words<'_, '_>, last: usize) -> Option<usize> {
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
fn date_suffix_end(tokens: &Words<'_, '_>, last: usize) -> usize {
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
        "in" if is_unit(tokens, last)
            && tokens.folded(last + 2) == "a"
            && tokens.folded(last + 3) == "row" =>
        {
            last + 3
        }
        // "the month before." (not "the month before the vote").
        "before" if is_unit(tokens, last) && tokens.kind(last + 2) == TokenKind::Punct => last + 1,
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

/// An age, a date in OntoNotes: "age 18", "aged 63", and a person's age set off by
/// commas after the name: "John Smith, 63, was named ...".
fn age(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
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

#[cfg(test)]
mod tests {

    use super::super::testing::{date, spans};
    use crate::model::Label;

    #[test]
    fn quotes_and_articles_open_dates_only_with_what_follows_them() {
        let decade = vec![("the '80s".to_string(), Label::Date, None)];
        assert_eq!(spans("music of the '80s returned"), decade);
        assert_eq!(spans("they said 'the end' was near"), vec![]);
        assert_eq!(spans("the talks ended"), vec![]);
        assert_eq!(
            spans("the end of the year"),
            vec![("the end of the year".to_string(), Label::Date, None)]
        );
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
}
