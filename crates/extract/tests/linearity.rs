//! Linear time on adversarial input, checked by counting work rather than timing it:
//! each hostile pattern is analysed at n and at 4n bytes, and the steps `count_steps`
//! counts (src/steps.rs) must grow at most about fourfold and stay under a ceiling per
//! byte. Deterministic: no clock is read.
//!
//! Built only with the `count-steps` feature; `make test-native` runs it. To see the
//! tables: `cargo test -p diplomap-extract --features count-steps --test linearity --
//! --nocapture`.
//!
//! The counter sees superlinear work: a scratch rule that read every earlier token
//! through `Tokens::folded` at each capitalised word failed this test (ratios near 16
//! wherever capitals repeat) before it was taken out again. Patterns that failed it
//! for real, and were fixed: "the republic" before many states, lists after an agent
//! in one clause, runs of "last", and a long capitalised run ending in "Corp.".

use std::sync::OnceLock;

use diplomap_extract::{analyze_with, count_steps, Analysis, Gazetteer, Tables};

/// Analyses with both tiers of the gazetteer, as the command line does (the first tier
/// alone is a part of it).
fn analyze(text: &str) -> Analysis {
    static BOTH_TIERS: OnceLock<Gazetteer> = OnceLock::new();
    let gazetteer = BOTH_TIERS.get_or_init(|| {
        let second_tier: &'static [u8] = include_bytes!("../data/places2.bin");
        Gazetteer::with_second_tier(&Tables::builtin(), second_tier).unwrap()
    });
    analyze_with(gazetteer, text)
}

/// Bytes of the smaller input; the larger one is four times as long.
const N: usize = 64 * 1024;

/// steps(4n) / steps(n) at most this: 4, with slack for constant terms.
const MAX_RATIO: f64 = 4.6;

/// Steps per byte at most this, on any pattern: over five times the most any takes
/// now (about 55, on runs of punctuation), so only a large constant-factor regression
/// trips it.
const MAX_STEPS_PER_BYTE: f64 = 300.0;

/// A hostile pattern: its name and how to make about `bytes` bytes of it.
type Pattern = (&'static str, Box<dyn Fn(usize) -> String>);

/// `unit` repeated to about `bytes` bytes, in whole units.
fn repeat(unit: &str, bytes: usize) -> String {
    unit.repeat(bytes.div_ceil(unit.len()))
}

fn repeated(name: &'static str, unit: &'static str) -> Pattern {
    (name, Box::new(move |bytes| repeat(unit, bytes)))
}

/// `first` repeated over half the bytes, then `second` over the other half, then `end`.
fn halves(
    name: &'static str,
    first: &'static str,
    second: &'static str,
    end: &'static str,
) -> Pattern {
    (
        name,
        Box::new(move |bytes| repeat(first, bytes / 2) + &repeat(second, bytes / 2) + end),
    )
}

/// `filler` repeated between a fixed beginning and end: one ever longer clause.
fn around(name: &'static str, before: String, filler: &'static str, after: String) -> Pattern {
    (
        name,
        Box::new(move |bytes| format!("{before}{}{after}", repeat(filler, bytes))),
    )
}

const TWENTY: &str =
    "Russia, China, Iran, Turkey, India, Japan, Brazil, Egypt, Kenya, Peru, Mexico, \
    Canada, France, Spain, Italy, Poland, Greece, Norway, Sweden, Finland";

const TWENTY_MORE: &str = "Ireland, Austria, Hungary, Romania, Ukraine, Georgia, Armenia, Mongolia, \
    Vietnam, Thailand, Indonesia, Malaysia, Australia, Argentina, Colombia, Nigeria, Ghana, Morocco, \
    Tunisia, Chile.";

const ARTICLE: &str = "On March 3, the Kazakh President met his Russian counterpart in Astana. \
    Moscow agreed to lend $1.2 billion to the republic, about 4% of its GDP, officials said. \
    The two leaders also discussed security on the border with Afghanistan and trade within \
    the Eurasian Economic Union (EAEU), which Kyrgyzstan joined in August 2015.\n\n";

/// Analyses each pattern at n and 4n bytes; prints a table and fails on any pattern
/// whose steps grow faster than the text or cost too much per byte.
fn check(patterns: Vec<Pattern>) {
    // The gazetteer is built on first use; that must not count against the first input.
    analyze("Warm-up.");
    let mut table = format!(
        "{:30} {:>12} {:>12} {:>6} {:>8}\n",
        "pattern", "steps(n)", "steps(4n)", "ratio", "steps/B"
    );
    let mut failures = Vec::new();
    for (name, make) in patterns {
        let (small, large) = (make(N), make(4 * N));
        let steps_small = count_steps(|| analyze(&small));
        let steps_large = count_steps(|| analyze(&large));
        let ratio = steps_large as f64 / steps_small.max(1) as f64;
        let per_byte = steps_large as f64 / large.len() as f64;
        table += &format!(
            "{name:30} {steps_small:>12} {steps_large:>12} {ratio:>6.2} {per_byte:>8.1}\n"
        );
        if ratio > MAX_RATIO {
            failures.push(format!(
                "{name}: {ratio:.2} times the steps for 4 times the text"
            ));
        }
        if per_byte > MAX_STEPS_PER_BYTE {
            failures.push(format!("{name}: {per_byte:.0} steps per byte"));
        }
    }
    println!("{table}");
    assert!(failures.is_empty(), "superlinear or costly: {failures:#?}");
}

// Several tests rather than one, so the test harness runs them side by side.

#[test]
fn characters_and_scripts() {
    check(vec![
        repeated("one letter", "a"),
        repeated("one capital", "A"),
        repeated("'A. ' repeated", "A. "),
        repeated(
            "emoji",
            "\u{1F1F7}\u{1F1FA} \u{1F468}\u{200D}\u{1F469}\u{200D}\u{1F467} \u{1F600}",
        ),
        repeated("combining marks on a letter", "e\u{301}"),
        repeated("combining marks alone", "\u{301}\u{308}"),
        repeated(
            "Arabic",
            "\u{627}\u{644}\u{633}\u{644}\u{627}\u{645} \u{639}\u{644}\u{64A}\u{643}\u{645} ",
        ),
        repeated("Hebrew with marks", "\u{5E9}\u{5DC}\u{5D5}\u{5DD}\u{200F} "),
        repeated("carriage returns", "\r"),
        repeated("line breaks", "\n"),
        repeated("lines of one word", "Russia\n"),
        repeated(
            "one giant sentence",
            "the talks, which ran long, covered trade, ",
        ),
        repeated("mixed", ARTICLE),
    ]);
}

#[test]
fn punctuation() {
    check(vec![
        repeated("full stops", "."),
        repeated("endless punctuation", "!?.,;:-/*&"),
        repeated("semicolons", "; "),
        repeated("quote marks", "\""),
        repeated("typographic quotes", "\u{201C}\u{201D}\u{AB}\u{BB}"),
        repeated("brackets", "([{"),
        repeated("open brackets", "( ( ( Russia "),
    ]);
}

#[test]
fn names_and_titles() {
    check(vec![
        repeated("capitalised words", "Alpha Beta Gamma Delta "),
        halves(
            "capitalised run and Corp.",
            "Acme ",
            "Acme ",
            "Corp. Acme said.",
        ),
        repeated("capitalised names", "Putin Moscow Russian Kremlin Astana "),
        repeated("names joined by 'and'", "Bank and World Bank and "),
        repeated("'Mr. ' repeated", "Mr. "),
        repeated("surnames after titles", "Mr. Smith said Smith "),
        repeated("titles", "President Prime Minister Foreign "),
        repeated("given names", "John Smith met Jane Doe and "),
        repeated("initials", "John J. "),
        repeated("company short forms", "Sony Corp. Sony "),
        repeated("counties", "Monroe County "),
        repeated("datelines", "EDMONTON, Ky (WBKO) -- Cairns\n"),
        repeated(
            "towns placed by neighbours",
            "Edmonton, south of Cairns, near ",
        ),
        repeated("Chinese names", "Wang Yi Li Qiang "),
    ]);
}

#[test]
fn local_geography() {
    check(vec![
        repeated(
            "towns of many states",
            "Springfield Franklin Clinton Washington Madison Georgetown ",
        ),
        repeated(
            "counties and towns of one state",
            "Lamar County Paris Hanover Decatur Rogersville DeKalb County ",
        ),
        repeated("county lists", "Cooke, Grayson and Love counties, "),
        halves(
            "one long county list",
            "Cooke, Grayson, Love, ",
            "Hardy, Marion, Logan, ",
            "counties",
        ),
        repeated(
            "words of place",
            "in Rogersville near downtown Decatur, Logan residents ",
        ),
        repeated(
            "people's homes",
            "Norb Mages of Lindsay, John Roe, 41, Grapeland, ",
        ),
        repeated("party letters", "Sen. Tom Bakk, DFL-Cook, said "),
        repeated("bases", "the Kant military base and the Manas airbase "),
        repeated(
            "towns called so",
            "the English city of Durham, the Syrian port of Tartus ",
        ),
        repeated(
            "datelines without a state",
            "Headline. PATASKALA -- The council\n",
        ),
    ]);
}

#[test]
fn countries_in_one_clause() {
    check(vec![
        repeated(
            "one long list",
            "Russia, China, Iran, Turkey, India, Japan, ",
        ),
        around(
            "a list, then a deal",
            String::new(),
            "Russia, China, Iran, ",
            "and Japan signed a trade deal".into(),
        ),
        repeated(
            "lists after an agent",
            "Russia traded with China and Iran, then ",
        ),
        repeated(
            "one clause of deals",
            "Russia signed a trade deal with China, ",
        ),
        // No directed verb between the two lists: each pair's direction once read
        // the whole middle of the clause.
        around(
            "twenty sold to twenty",
            format!("{TWENTY} sold "),
            "goods ",
            format!(" to {TWENTY_MORE}"),
        ),
        // Each pair takes every amount of the clause: 400 pairs here.
        around(
            "twenty lent to twenty",
            format!("{TWENTY} lent "),
            "$1 billion, ",
            format!(" to {TWENTY_MORE}"),
        ),
        halves(
            "stand-ins before states",
            "the republic ",
            "Armenia ",
            " signed a deal.",
        ),
        repeated("'both countries'", "both countries the republic "),
        repeated("a bloc's leader", "Moscow-led EAEU membership "),
    ]);
}

#[test]
fn numbers_and_dates() {
    check(vec![
        repeated("digits with separators", "1,"),
        repeated("numbers", "1,000,000.5 "),
        repeated(
            "money, percent runs",
            "$5 billion, 4% and 3 per cent of $2 bn ",
        ),
        repeated("money ranges", "about $5 billion to $6 billion or "),
        repeated("date prefixes", "last "),
        repeated("date ranges", "last year between 1990 and "),
    ]);
}
