//! Fuzzing at scale without extra tools: `make fuzz` (or `cargo run --release -p
//! diplomap-extract --example fuzz -- [CASES] [SEED]`). Each case is random bytes decoded
//! lossily, or random pieces of news-like text (names, titles, numbers, dates, odd
//! Unicode, markup, local news); every analysis, with the first tier of the gazetteer
//! and with both, must keep the guarantees `diplomap_extract::stages::check_invariants`
//! checks. A panic or a broken guarantee prints the input and fails. Deterministic for
//! a given seed.

use std::panic;

use diplomap_extract::stages::check_invariants;
use diplomap_extract::{analyze_with, Gazetteer, Tables};

/// Pieces that exercise the rules.
const PIECES: &[&str] = &[
    "Russia",
    "President",
    "Vladimir Putin",
    "Kyrgyz",
    "Moscow",
    "the Kremlin",
    "$",
    "\\$",
    "5,6 billion",
    "40%",
    "Feb.",
    "17-18th of April",
    "7-03-2017",
    "said",
    "Ministry of",
    "Corp.",
    ". ",
    "\n\n",
    "\n",
    "’s",
    "'s",
    "e\u{301}",
    "🇷🇺",
    "(",
    ")",
    ";",
    "&",
    "-",
    "U.S.",
    "EAEU",
    "Eurasian Economic Union (EAEU)",
    "both countries",
    "the republic",
    "Moscow-led",
    "<script>",
    "</a>",
    "\r",
    "\u{200B}",
    "שלום",
    "Кремль",
    "北京",
    "A.",
    "Mr.",
    "Jr.",
    "between 1990 and",
    "Paris, Texas",
    "County",
    "Air Base",
    "military base",
    "Treaty on",
    "Rogersville",
    "DeKalb County",
    "Kanawha Co.",
    "counties",
    "in",
    "of",
    "residents",
    "DFL-",
    "ARLINGTON —",
    "St. Cloud",
    "Logan-",
    "Springfield",
    "0",
    "1,000",
];

/// xorshift64*: small, fast and deterministic.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn case(random: &mut Random) -> String {
    if random.below(3) == 0 {
        let bytes: Vec<u8> = (0..random.below(200))
            .map(|_| random.next() as u8)
            .collect();
        return String::from_utf8_lossy(&bytes).into_owned();
    }
    (0..random.below(40))
        .map(|_| PIECES[random.below(PIECES.len())])
        .collect::<Vec<_>>()
        .join(if random.below(4) == 0 { "" } else { " " })
}

fn main() {
    let mut args = std::env::args().skip(1);
    let cases: u64 = args
        .next()
        .and_then(|a| a.parse().ok())
        .unwrap_or(1_000_000);
    let seed: u64 = args.next().and_then(|a| a.parse().ok()).unwrap_or(0x5EED);
    let mut random = Random(seed | 1);
    let second_tier: &'static [u8] = include_bytes!("../data/places2.bin");
    let both_tiers = Gazetteer::with_second_tier(&Tables::builtin(), second_tier)
        .expect("the shipped second tier opens");
    panic::set_hook(Box::new(|_| {}));
    for done in 0..cases {
        let text = case(&mut random);
        for gazetteer in [Gazetteer::shared(), &both_tiers] {
            let analysis = panic::catch_unwind(|| analyze_with(gazetteer, &text));
            match analysis.map(|analysis| check_invariants(&text, &analysis)) {
                Ok(Ok(())) => {}
                Ok(Err(broken)) => fail(done, &text, &broken),
                Err(_) => fail(done, &text, "panic"),
            }
        }
    }
    println!("fuzz: {cases} cases (seed {seed}) ran clean");
}

fn fail(done: u64, text: &str, what: &str) -> ! {
    eprintln!("fuzz: case {done} failed ({what}) on {text:?}");
    std::process::exit(1);
}
