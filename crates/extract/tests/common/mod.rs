//! What several test files share.

use std::sync::OnceLock;

use diplomap_extract::{Gazetteer, Tables};

/// The gazetteer of the command line, and of the app once the second tier is in: both
/// tiers of places.
pub fn both_tiers() -> &'static Gazetteer {
    static BOTH_TIERS: OnceLock<Gazetteer> = OnceLock::new();
    BOTH_TIERS.get_or_init(|| {
        let second_tier: &'static [u8] = include_bytes!("../../data/places2.bin");
        Gazetteer::with_second_tier(&Tables::builtin(), second_tier).unwrap()
    })
}
