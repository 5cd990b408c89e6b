//! Deletes noted where a reload finds them at once. A delete reaches the store in an
//! IndexedDB transaction, which the browser aborts when the page is closed or reloaded
//! before it commits: the document would be back on the next visit. So the page also
//! notes the deletes it has not saved yet ([`Documents::unsaved_deletes`]) in
//! `localStorage`, synchronously, as they happen; the next restore deletes each noted
//! document the store still holds as it was deleted ([`Documents::remove_noted`]: never
//! a version changed since) and takes the note. The tabs share the note, and each
//! changes only its own entries.
//!
//! [`Documents::unsaved_deletes`]: crate::Documents::unsaved_deletes
//! [`Documents::remove_noted`]: crate::Documents::remove_noted

/// The entry of the delete of document `id` at revision `rev`: `<id@rev>`.
pub fn entry(id: u64, rev: u64) -> String {
    format!("<{id}@{rev}>")
}

/// `note` once one tab's entries went from `before` to `now`; the other tabs' entries
/// stay. A tab writes its entries together, so they go together. (Another tab's
/// identical entries go with them: that tab deleted the same documents, and at worst
/// one of them comes back after a reload, never the other way round.)
pub fn update(note: &str, before: &str, now: &str) -> String {
    note.replace(before, "") + now
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tab_changes_only_its_own_entries() {
        let note = update("<1@4>", "", "<2@5><3@5>");
        assert_eq!(note, "<1@4><2@5><3@5>");
        // Another tab noted 2 too; this one saved its delete of 2, and put 3 back.
        let note = update(&(note + "<2@5>"), "<2@5><3@5>", "");
        assert_eq!(note, "<1@4><2@5>");
        // Nothing noted before: entries are added.
        assert_eq!(update(&note, "", "<7@1>"), "<1@4><2@5><7@1>");
        assert_eq!(update(&note, "<1@4>", "<6@1>"), "<2@5><6@1>");
    }
}
