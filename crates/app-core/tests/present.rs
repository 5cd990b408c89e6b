//! How numbers, sizes and mentions are written.

use diplomap_app_core::present::{amount, group, human_size, tooltip};
use diplomap_extract::{Label, Money, Value};

#[path = "support/texts.rs"]
mod texts;
use texts::entity;

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
fn tooltips_name_label_country_and_value() {
    let text = "Putin pledged $1.2 billion";
    let mut person = entity(text, "Putin", Label::Person, Some("RU"));
    person.canonical = Some("Vladimir Putin".into());
    let tip = tooltip(&person, "Putin");
    assert!(tip.starts_with("PERSON · Vladimir Putin · "), "{tip}");
    assert!(tip.ends_with("(RU)"), "{tip}");
    let mut money = entity(text, "$1.2 billion", Label::Money, None);
    money.value = Some(Value::Money(Money {
        value: 1.2e9,
        currency: "USD",
    }));
    assert_eq!(tooltip(&money, "$1.2 billion"), "MONEY · 1.2 billion USD");
}
