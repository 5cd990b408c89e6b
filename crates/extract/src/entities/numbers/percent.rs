//! PERCENT: a figure and "%", "percent", "pct" or "per cent".

use super::parse::number_with_fraction;
use super::Found;
use crate::entities::words::Words;
use crate::model::{Label, Value};

pub(super) fn percent(tokens: &Words<'_, '_>, i: usize) -> Option<Found> {
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

#[cfg(test)]
mod tests {

    use super::super::testing::{money, spans};
    use crate::model::{Label, Value};

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
}
