//! Normalisation: the folded form under which text is matched. The analysed text is
//! never rewritten (offsets must point into what the caller gave); each token gets a
//! folded form instead: lower case, typographic quotes and dashes made ASCII, and
//! Latin accents kept (the gazetteer carries both "Élysée" and "Elysee").

/// Appends the folded form of `token` to `out`.
pub fn fold_into(token: &str, out: &mut String) {
    // Most tokens are plain ASCII, where folding only lowers the case (the backquote is
    // the one ASCII character made a quote): one pass, byte by byte, for these short
    // words is cheaper than a copy and a second pass to lower it.
    let start = out.len();
    out.reserve(token.len());
    for b in token.bytes() {
        if !b.is_ascii() || b == b'`' {
            out.truncate(start);
            return fold_unicode_into(token, out);
        }
        out.push(char::from(b.to_ascii_lowercase()));
    }
    crate::steps::tick(token.len());
}

/// [`fold_into`] for a token with a character beyond ASCII (or a backquote).
fn fold_unicode_into(token: &str, out: &mut String) {
    for ch in token.chars() {
        crate::steps::tick(1);
        match ch {
            '\u{2018}' | '\u{2019}' | '\u{02BC}' | '\u{0060}' | '\u{00B4}' => out.push('\''),
            '\u{2010}'..='\u{2015}' | '\u{2212}' => out.push('-'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
}

/// The folded form of `token` as a new string.
pub fn fold(token: &str) -> String {
    let mut out = String::with_capacity(token.len());
    fold_into(token, &mut out);
    out
}

/// True for characters that separate words but are not punctuation tokens.
pub fn is_space(ch: char) -> bool {
    ch.is_whitespace() || ch == '\u{200B}' || ch == '\u{FEFF}'
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_quotes_and_dashes() {
        assert_eq!(fold("Russia\u{2019}s"), "russia's");
        assert_eq!(fold("Nur\u{2013}Sultan"), "nur-sultan");
        assert_eq!(fold("ÉLYSÉE"), "élysée");
        assert_eq!(fold("Russia`s"), "russia's");
    }
}
