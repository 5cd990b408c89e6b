//! Storage fault injection at scale: `make fuzz-storage` (or `cargo run --release -p
//! diplomap-app-core --example fuzz_storage -- [CASES] [FIRST_SEED]`). Each case saves a
//! random workspace as the app's store or as an earlier version's save, damages it
//! (truncation, byte flips, wrong types, huge values, bad keys, a damaged meta record)
//! and restores it; see `tests/support/damage.rs` for what is checked. A failure prints
//! its seed and stops. Deterministic for a given first seed.

#[path = "../tests/support/damage.rs"]
mod damage;

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(200_000);
    let first: u64 = args.next().and_then(|n| n.parse().ok()).unwrap_or(0);
    let started = std::time::Instant::now();
    let mut totals = damage::Totals::default();
    for seed in first..first + cases {
        let outcome = std::panic::catch_unwind(|| {
            let mut case_totals = damage::Totals::default();
            damage::case(seed, &mut case_totals).map(|()| case_totals)
        });
        match outcome {
            Ok(Ok(case)) => {
                totals.cases += case.cases;
                totals.documents += case.documents;
                totals.intact += case.intact;
                totals.restored += case.restored;
                totals.kept_aside += case.kept_aside;
            }
            Ok(Err(failure)) => {
                eprintln!("seed {seed}: {failure}");
                std::process::exit(1);
            }
            Err(_) => {
                eprintln!("seed {seed}: the restore panicked");
                std::process::exit(1);
            }
        }
    }
    println!(
        "fuzz-storage: {} cases from seed {first} clean in {:.1} s: {} documents saved, {} left intact by the damage, {} restored (never fewer than intact within the limits), {} copies kept aside",
        totals.cases,
        started.elapsed().as_secs_f64(),
        totals.documents,
        totals.intact,
        totals.restored,
        totals.kept_aside
    );
}
