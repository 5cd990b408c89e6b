//! A mention: an entity found over tokens, before it becomes a byte-span
//! [`crate::Entity`]. The entity rules make them, coreference gives them their countries
//! and full names, and the relation stage reads them.

use crate::gazetteer::EntryKind;
use crate::model::{CountryCode, Label, Value};

/// An entity over tokens `first..=last`, before it becomes a byte-span [`crate::Entity`].
#[derive(Clone, Debug)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub country: Option<CountryCode>,
    pub canonical: Option<String>,
    pub value: Option<Value>,
    /// The gazetteer entry it was read as, if any.
    pub kind: Option<EntryKind>,
}

impl Mention {
    /// A town or region found by a rule rather than read from the gazetteer.
    pub(crate) fn place(
        first: usize,
        last: usize,
        kind: EntryKind,
        country: Option<CountryCode>,
    ) -> Mention {
        Mention {
            country,
            kind: Some(kind),
            ..Mention::new(first, last, Label::Gpe)
        }
    }

    pub(crate) fn new(first: usize, last: usize, label: Label) -> Mention {
        Mention {
            first,
            last,
            label,
            country: None,
            canonical: None,
            value: None,
            kind: None,
        }
    }
}

/// Sorts mentions by their first token, keeping the order of those that start together.
/// One function for every such sort: each closure would otherwise make its own copy of
/// the standard library's sort in the app's download.
pub(crate) fn sort_by_first(mentions: &mut [Mention]) {
    mentions.sort_by_key(first_token);
}

fn first_token(mention: &Mention) -> usize {
    mention.first
}
