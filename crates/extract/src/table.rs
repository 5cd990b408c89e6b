//! The tab-separated tables in `data/` (formats in `data/README.md`): a header row, one
//! record a row, `|` between the items of a list field, `#` opening a comment line.

/// The data rows of a TSV table (header skipped) with at least `min_fields` fields.
pub(crate) fn rows(table: &str, min_fields: usize) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty() && !line.starts_with('#'))
        .map(|line| line.split('\t').map(str::trim).collect::<Vec<_>>())
        .filter(move |fields| fields.len() >= min_fields && !fields[0].is_empty())
}

/// The items of a `|`-separated list field.
pub(crate) fn list(field: &str) -> impl Iterator<Item = &str> {
    field
        .split('|')
        .map(str::trim)
        .filter(|item| !item.is_empty())
}

/// A table of `data/` compiled in without its comment lines: the comments document the
/// table for its editors, and the app's first download has a budget. The copy is made at
/// compile time ([`strip_comment_lines`]); the bytes it frees are zeros at its end, which
/// the wasm optimiser drops.
macro_rules! table_without_comments {
    ($path:literal) => {{
        const RAW: &[u8] = include_bytes!($path);
        const STRIPPED: ([u8; RAW.len()], usize) = $crate::table::strip_comment_lines(RAW);
        match std::str::from_utf8(STRIPPED.0.split_at(STRIPPED.1).0) {
            Ok(text) => text,
            Err(_) => panic!("a data table is not UTF-8"),
        }
    }};
}
pub(crate) use table_without_comments;

/// `bytes` without the lines that open with `#`, and the length of what is left.
pub(crate) const fn strip_comment_lines<const N: usize>(bytes: &[u8]) -> ([u8; N], usize) {
    let mut out = [0u8; N];
    let (mut read, mut written) = (0, 0);
    while read < bytes.len() && read < N {
        let comment = bytes[read] == b'#';
        while read < bytes.len() {
            let byte = bytes[read];
            read += 1;
            if !comment {
                out[written] = byte;
                written += 1;
            }
            if byte == b'\n' {
                break;
            }
        }
    }
    (out, written)
}

#[cfg(test)]
mod tests {
    use super::strip_comment_lines;

    #[test]
    fn comment_lines_are_left_out_at_compile_time() {
        const TABLE: &[u8] = b"# about\nword\ttype\n# a group\nvisit\tdiplomacy\n#last";
        const STRIPPED: ([u8; TABLE.len()], usize) = strip_comment_lines(TABLE);
        assert_eq!(&STRIPPED.0[..STRIPPED.1], b"word\ttype\nvisit\tdiplomacy\n");
        let shipped = table_without_comments!("../data/relation_lexicon.tsv");
        assert!(shipped.lines().count() > 300 && !shipped.lines().any(|l| l.starts_with('#')));
    }
}
