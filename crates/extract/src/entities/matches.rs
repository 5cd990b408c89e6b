//! Where the gazetteer's matches are: the match at a token, the matches inside a span,
//! which of them name a place or a known name. Matches are sorted and disjoint, so each
//! look-up is a binary search.

use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::model::Label;

/// The kinds of entry a town's name reads as.
pub(super) const TOWN: &[EntryKind] = &[EntryKind::City, EntryKind::Capital];
/// [`TOWN`] and the states and provinces.
pub(super) const TOWN_OR_REGION: &[EntryKind] =
    &[EntryKind::City, EntryKind::Region, EntryKind::Capital];

/// The kinds of entry an organisation's name reads as.
pub(super) const ORGANIZATION: &[EntryKind] = &[EntryKind::Organization, EntryKind::Institution];

/// Can the match be read as an entry of one of these kinds?
pub(super) fn reads_as(gazetteer: &Gazetteer, found: &Match, kinds: &[EntryKind]) -> bool {
    found
        .entries
        .iter()
        .any(|&id| kinds.contains(&gazetteer.entry(id).kind))
}

/// Is token `k` part of a known name other than a person's (a place that needs the
/// document's support does not count)?
pub(super) fn in_known_name(gazetteer: &Gazetteer, matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| {
        m.first <= k
            && m.entries.iter().any(|&id| {
                let entry = gazetteer.entry(id);
                entry.kind != EntryKind::Person && !entry.context_only
            })
    })
}

/// Is exactly one gazetteer match all of tokens `start..=end`?
pub(super) fn is_one_match(matches: &[Match], start: usize, end: usize) -> bool {
    matches!(matches_within(matches, start, end), [only] if only.first == start && only.last == end)
}

/// Is token `k` inside a gazetteer match that can be a place or its people?
pub(super) fn is_place(gazetteer: &Gazetteer, matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| {
        m.first <= k
            && m.entries.iter().any(|&id| {
                matches!(
                    gazetteer.entry(id).label,
                    Label::Gpe | Label::Loc | Label::Norp
                )
            })
    })
}

/// Is token `k` inside a gazetteer match?
/// The match that starts at token `first`, if one does.
pub(super) fn match_at(matches: &[Match], first: usize) -> Option<&Match> {
    let at = matches.partition_point(|m| m.first < first);
    matches.get(at).filter(|m| m.first == first)
}

pub(super) fn in_match(matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| m.first <= k)
}

/// The matches inside tokens `first..=last` (matches are sorted and disjoint).
pub(super) fn matches_within(matches: &[Match], first: usize, last: usize) -> &[Match] {
    let start = matches.partition_point(|m| m.first < first);
    let end = matches.partition_point(|m| m.last <= last);
    &matches[start..end.max(start)]
}

#[cfg(test)]
mod tests {
    use super::{in_match, match_at, matches_within};
    use crate::gazetteer::Match;

    fn matches() -> Vec<Match> {
        [(1, 2), (4, 4), (6, 8)]
            .into_iter()
            .map(|(first, last)| Match {
                first,
                last,
                entries: vec![0],
                name: 0,
            })
            .collect()
    }

    #[test]
    fn matches_are_found_by_their_tokens() {
        let matches = matches();
        assert_eq!(match_at(&matches, 4).map(|m| m.last), Some(4));
        assert!(match_at(&matches, 2).is_none(), "inside, not at the start");
        assert!(in_match(&matches, 2) && in_match(&matches, 7));
        assert!(!in_match(&matches, 3) && !in_match(&matches, 9));
        let within: Vec<usize> = matches_within(&matches, 1, 6)
            .iter()
            .map(|m| m.first)
            .collect();
        assert_eq!(within, [1, 4], "the match from 6 to 8 reaches out");
    }
}
