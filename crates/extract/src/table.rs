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
