//! Properties that hold for any input: no panic, spans sorted, non-overlapping, on
//! character boundaries and inside the text; relations well-formed.

use diplomap_extract::stages::check_invariants;
use diplomap_extract::{analyze, Analysis};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

fn check(text: &str, analysis: &Analysis) {
    if let Err(broken) = check_invariants(text, analysis) {
        panic!("{broken} in {text:?}");
    }
}

/// Text built from pieces that exercise the rules: names, titles, numbers, dates,
/// punctuation, newlines and odd Unicode.
fn newsy_text() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Russia".to_string()),
        Just("President".to_string()),
        Just("Vladimir Putin".to_string()),
        Just("Kyrgyz".to_string()),
        Just("$".to_string()),
        Just("\\$".to_string()),
        Just("5,6 billion".to_string()),
        Just("40%".to_string()),
        Just("Feb.".to_string()),
        Just("17-18th of April".to_string()),
        Just("7-03-2017".to_string()),
        Just("said".to_string()),
        Just("Ministry of".to_string()),
        Just(". ".to_string()),
        Just("\n\n".to_string()),
        Just("’s".to_string()),
        Just("e\u{301}".to_string()),
        Just("🇷🇺".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9.,]{1,6}",
        any::<String>(),
    ];
    prop::collection::vec(piece, 0..40).prop_map(|pieces| pieces.join(" "))
}

proptest! {
    // The same cases every run (a fixed seed; failures found once are also kept in a
    // .proptest-regressions file and run first): a failure is never down to the day.
    #![proptest_config(ProptestConfig {
        cases: 500,
        rng_seed: RngSeed::Fixed(20_261_207),
        ..ProptestConfig::default()
    })]

    #[test]
    fn any_string_upholds_the_invariants(text in any::<String>()) {
        check(&text, &analyze(&text));
    }

    #[test]
    fn news_like_strings_uphold_the_invariants(text in newsy_text()) {
        check(&text, &analyze(&text));
    }
}

#[test]
fn inputs_the_fuzzer_broke_once() {
    // An amount rule looked past the last token after a hedge word at the end.
    let text =
        "7-03-2017 40% said <script> Eurasian Economic Union (EAEU) Air Base both countries \
                1,000 - the Kremlin EAEU Feb. Corp. Russia 40% -";
    check(text, &analyze(text));
    for ending in ["about", "more than", "US", "between", "the", "Feb."] {
        check(ending, &analyze(ending));
    }
}

#[test]
fn pathological_inputs_are_handled() {
    let inputs = [
        "a".repeat(200_000),
        "A. ".repeat(50_000),
        "Putin ".repeat(50_000),
        ".".repeat(100_000),
        "\r".repeat(100_000),
        "e\u{301}".repeat(50_000),
        "שלום ".repeat(20_000),
        "$ 1 % 2 , ".repeat(20_000),
        // Each of these was quadratic once: a run of quote marks walked back at every
        // mark, a bloc's leader paired with every repetition, and one clause naming the
        // same countries thousands of times.
        "\"".repeat(100_000),
        "Moscow-led EAEU membership ".repeat(5_000),
        "Russia, China, ".repeat(10_000)
            + "and Japan signed a trade deal with "
            + &"Korea ".repeat(10_000),
    ];
    for text in &inputs {
        check(text, &analyze(text));
    }
}
