//! Calendar dates: "March 2, 2020", "the 3-4th of June", "9-05-2018", "the 1990s",
//! years and weekdays, with their ISO values where the text gives them.

use super::percent::percent;
use super::Found;
use crate::entities::words::{is, Words};
use crate::lexicon::WordClass::{RelativeDay, Season, Weekday};
use crate::lexicon::MONTHS;
use crate::model::{Label, Value};
use crate::tokens::TokenKind;

/// The month a token names, 1-12: full names and the usual abbreviations.
pub(super) fn month(tokens: &Words<'_, '_>, i: usize) -> Option<u32> {
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
fn month_end(tokens: &Words<'_, '_>, i: usize) -> usize {
    let abbreviation = !MONTHS.contains(&tokens.folded(i));
    if abbreviation && tokens.is_punct(i + 1, '.') {
        i + 1
    } else {
        i
    }
}

/// A number token usable as a day of the month, with an optional ordinal suffix token.
fn day(tokens: &Words<'_, '_>, i: usize) -> Option<(u32, usize)> {
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
fn days(tokens: &Words<'_, '_>, i: usize) -> Option<(u32, usize)> {
    let (first_day, last) = day(tokens, i)?;
    if tokens.is_punct(last + 1, '-') {
        if let Some((_, range_last)) = day(tokens, last + 2) {
            return Some((first_day, range_last));
        }
    }
    Some((first_day, last))
}

pub(super) fn year(tokens: &Words<'_, '_>, i: usize) -> Option<u32> {
    if i >= tokens.len() || tokens.kind(i) != TokenKind::Number || tokens.raw(i).len() != 4 {
        return None;
    }
    tokens
        .raw(i)
        .parse()
        .ok()
        .filter(|y| (1000..=2199).contains(y))
}

pub(super) fn date_found(first: usize, last: usize, iso: Option<String>) -> Found {
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

pub(super) fn calendar_date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    // Each form opens with a figure, an apostrophe ("'80s"), a capitalised month or
    // weekday, or a day like "today": a word in lower case but these, as most words
    // that reach here are ("the", "last"), opens none.
    let lower_case_word = tokens.kind(i) == TokenKind::Word && !tokens.is_capitalized(i);
    if lower_case_word && !is(tokens, i, RelativeDay) {
        return None;
    }
    month_first_date(tokens, i)
        .or_else(|| day_first_date(tokens, i))
        .or_else(|| numeric_date(tokens, i))
        .or_else(|| decade(tokens, i))
        .or_else(|| standalone_year(tokens, i))
        .or_else(|| weekday(tokens, i))
}

/// A day by its name or as the day before or after today: "Monday", "yesterday".
pub(super) fn is_day_name(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Weekday | RelativeDay)
}

/// "Monday" ... "Sunday", capitalised, but not in the name of an event: "Black Monday".
fn weekday(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    let day = is(tokens, i, Weekday) && tokens.is_capitalized(i) && !names_an_event(tokens, i);
    let relative = is(tokens, i, RelativeDay);
    (day || relative).then(|| date_found(i, i, None))
}

/// A day named for what happened on it: "Black Monday", "Terrible Tuesday", "Super
/// Tuesday". OntoNotes marks these as events, not dates.
fn names_an_event(tokens: &Words<'_, '_>, day: usize) -> bool {
    day > 0
        && tokens.is_capitalized(day - 1)
        && matches!(
            tokens.folded(day - 1),
            "black" | "gray" | "grey" | "terrible" | "bloody" | "super" | "cyber"
        )
}

/// Takes in a leading "the": "the 17-18th of April", "the 1990s".
fn with_the(tokens: &Words<'_, '_>, i: usize) -> usize {
    if i > 0 && tokens.folded(i - 1) == "the" {
        i - 1
    } else {
        i
    }
}

/// "the 1990s", "1960s", "the '80s".
fn decade(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
fn standalone_year(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
        _ if is(tokens, i + 1, Season) => Some(i + 1),
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
fn month_first_date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
fn day_first_date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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
fn numeric_date(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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

    use super::super::testing::{date, spans};
    use crate::model::Label;

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
}
