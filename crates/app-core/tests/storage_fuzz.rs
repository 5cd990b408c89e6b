//! The storage fault injection of `make fuzz-storage` (see `tests/support/damage.rs`),
//! over a few thousand seeds on every `cargo test`.

#[path = "support/damage.rs"]
mod damage;

#[test]
fn damaged_saves_give_back_every_document_the_damage_spared() {
    let mut totals = damage::Totals::default();
    for seed in 0..3000 {
        if let Err(failure) = damage::case(seed, &mut totals) {
            panic!("seed {seed}: {failure}");
        }
    }
    eprintln!("{totals:?}");
    assert!(totals.intact > 0 && totals.kept_aside > 0, "{totals:?}");
}
