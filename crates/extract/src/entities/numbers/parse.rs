//! Figures: numbers as news writes them ("5,6", "1,200", "8 3/4") and their scale words.

use crate::entities::words::Words;
use crate::tokens::TokenKind;

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
pub(super) fn quantity(tokens: &Words<'_, '_>, i: usize) -> Option<(f64, usize)> {
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
pub(super) fn number_with_fraction(tokens: &Words<'_, '_>, i: usize) -> Option<(f64, usize)> {
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
pub(super) fn fraction_end(tokens: &Words<'_, '_>, i: usize) -> Option<usize> {
    let is_number = |j: usize| j < tokens.len() && tokens.kind(j) == TokenKind::Number;
    let tight = |j: usize| j < tokens.len() && !tokens.list[j].space_before;
    let fraction = is_number(i + 1)
        && tokens.is_punct(i + 2, '/')
        && is_number(i + 3)
        && tight(i + 2)
        && tight(i + 3);
    fraction.then_some(i + 3)
}

pub(super) fn number_word(word: &str) -> Option<f64> {
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

pub(super) fn scale(word: &str) -> Option<f64> {
    Some(match word {
        "thousand" => 1e3,
        "million" | "mln" | "mn" | "m" => 1e6,
        "billion" | "bln" | "bn" | "b" => 1e9,
        "trillion" | "tn" | "trn" => 1e12,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

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

    #[test]
    fn numbers_with_decimal_commas_and_thousands() {
        assert_eq!(parse_number("5,6"), Some(5.6));
        assert_eq!(parse_number("1,200"), Some(1200.0));
        assert_eq!(parse_number("1,234,567"), Some(1234567.0));
        assert_eq!(parse_number("1.200.000"), Some(1200000.0));
        assert_eq!(parse_number("1,234.5"), Some(1234.5));
        assert_eq!(parse_number("81.2"), Some(81.2));
    }
}
