//! How numbers, sizes and mentions are written.

use diplomap_app_core::present::{amount, group, human_size, kind, mention_note};
use diplomap_extract::{Label, Money, Value};

#[path = "support/texts.rs"]
mod texts;
use texts::{analysed, entity};

#[test]
fn groups_thousands() {
    assert_eq!(group(0), "0");
    assert_eq!(group(999), "999");
    assert_eq!(group(1000), "1,000");
    assert_eq!(group(1234567), "1,234,567");
}

#[test]
fn sizes_read_well() {
    assert_eq!(human_size(512.0), "512 bytes");
    assert_eq!(human_size(2048.0), "2.0 KB");
    assert_eq!(human_size(6.0 * 1024.0 * 1024.0), "6.0 MB");
    assert_eq!(amount(1.2e9), "1.2 billion");
    assert_eq!(amount(300e6), "300 million");
    assert_eq!(amount(45000.0), "45,000");
}

#[test]
fn a_mention_is_described_in_plain_words_with_its_country() {
    let text =
        "Putin met Lavrov in Moscow. Russian officials pledged $1.2 billion. MOSCOW said so.";
    let mut putin = entity(text, "Putin", Label::Person, Some("RU"));
    putin.canonical = Some("Vladimir Putin".into());
    let mut money = entity(text, "$1.2 billion", Label::Money, None);
    money.value = Some(Value::Money(Money {
        value: 1.2e9,
        currency: "USD",
    }));
    let entities = vec![
        putin,
        entity(text, "Moscow", Label::Gpe, Some("RU")),
        entity(text, "Russian", Label::Norp, Some("RU")),
        money,
        entity(text, "MOSCOW", Label::Gpe, Some("RU")),
    ];
    let analysed = analysed(text, entities);

    let note = mention_note(&analysed, 0).unwrap();
    assert_eq!(note.name, "Putin");
    assert_eq!(note.stands_for.as_deref(), Some("Vladimir Putin"));
    assert_eq!(note.kind, "person");
    assert_eq!(
        note.country.as_deref(),
        Some("Russia"),
        "the full name, not a code"
    );
    assert_eq!(
        note.same_country,
        ["Moscow", "Russian"],
        "the other names, in order, one form of each whatever its case"
    );
    assert_eq!(note.key, "Vladimir Putin");

    let note = mention_note(&analysed, 2).unwrap();
    assert_eq!(note.kind, "nationality or group");
    assert_eq!(note.stands_for, None);
    assert_eq!(note.same_country, ["Putin", "Moscow"]);

    let note = mention_note(&analysed, 3).unwrap();
    assert_eq!((note.kind, note.country), ("money", None));
    assert_eq!(note.value.as_deref(), Some("1.2 billion USD"));
    assert!(note.same_country.is_empty());

    let mut shouted = analysed.analysis.entities[4].clone();
    shouted.canonical = Some("Moscow".into());
    let analysed = texts::analysed(text, vec![shouted]);
    assert_eq!(
        mention_note(&analysed, 0).unwrap().stands_for,
        None,
        "only its case differs"
    );
    assert_eq!(mention_note(&analysed, 1), None);
}

#[test]
fn every_label_has_words_of_its_own() {
    let words: std::collections::BTreeSet<_> =
        Label::ALL.iter().map(|label| kind(*label)).collect();
    assert_eq!(words.len(), Label::ALL.len());
    assert!(
        words
            .iter()
            .all(|word| !word.chars().any(char::is_uppercase)),
        "{words:?}"
    );
    assert_eq!(kind(Label::Gpe), "country or city");
    assert_eq!(kind(Label::Percent), "percentage");
}
