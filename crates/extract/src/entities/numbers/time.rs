//! TIME: times of day ("10:15", "9 a.m.", "this morning").

use super::calendar::is_day_name;
use super::Found;
use crate::entities::words::{is, Words};
use crate::lexicon::WordClass::PartOfDay;
use crate::model::Label;
use crate::tokens::TokenKind;

/// A time of day: "10:15", "9 a.m.", "5:30 p.m. Moscow time", "midnight", "this morning",
/// the "afternoon" of "yesterday afternoon".
pub(super) fn time(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
    let found = |last| {
        Some(Found {
            first: i,
            last,
            label: Label::Time,
            value: None,
        })
    };
    let part_of_day = |j: usize| is(tokens, j, PartOfDay);
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

#[cfg(test)]
mod tests {

    use super::super::testing::spans;
    use crate::model::Label;

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
}
