//! What the side panels list: countries, label counts, figures.

use diplomap_app_core::summary::{country_summaries, figures, label_counts};
use diplomap_app_core::Analysed;
use diplomap_extract::{CountryCode, Entity, Label, Span};

#[path = "support/texts.rs"]
mod texts;
use texts::{analysed, entity};

#[test]
fn counts_labels_and_countries() {
    let text = "Moscow said Russia and Russian firms, Putin and Moscow. Astana agreed; Kazakh.";
    let moscow2 = text.rfind("Moscow").unwrap();
    let entities = vec![
        entity(text, "Moscow", Label::Gpe, Some("RU")),
        entity(text, "Russia", Label::Gpe, Some("RU")),
        entity(text, "Russian", Label::Norp, Some("RU")),
        entity(text, "Putin", Label::Person, Some("RU")),
        Entity {
            span: Span::new(moscow2, moscow2 + 6),
            label: Label::Gpe,
            country: CountryCode::parse("RU"),
            canonical: None,
            value: None,
        },
        entity(text, "Astana", Label::Gpe, Some("KZ")),
        entity(text, "Kazakh", Label::Norp, Some("KZ")),
    ];
    let analysed = analysed(text, entities);
    assert_eq!(
        label_counts(&analysed.analysis),
        vec![(Label::Person, 1), (Label::Norp, 2), (Label::Gpe, 4)]
    );
    let countries = country_summaries(&analysed);
    assert_eq!(countries.len(), 2);
    assert_eq!(countries[0].code.as_str(), "RU");
    assert_eq!(countries[0].count, 5);
    let names: Vec<(&str, usize)> = countries[0]
        .names
        .iter()
        .map(|(n, c)| (n.as_str(), *c))
        .collect();
    assert_eq!(
        names,
        [("Moscow", 2), ("Russia", 1), ("Russian", 1), ("Putin", 1)]
    );
    assert_eq!(countries[1].code.as_str(), "KZ");
    assert_eq!(countries[1].count, 2);
}

#[test]
fn figures_come_in_text_order_with_their_words_around() {
    let text = "Moscow has granted $30 million to Bishkek for its budget this year. \
        Remittances from Russia are worth 31% of the economy of Kyrgyzstan, the World Bank says.";
    let analysed = Analysed::new(text.to_string());
    let (shown, total) = figures(&analysed, 10);
    assert_eq!(total, 2);
    assert_eq!(shown[0].value, "30 million USD");
    assert_eq!(shown[0].text, "$30 million");
    assert_eq!(shown[0].before, "Moscow has granted ");
    assert!(shown[0].after.starts_with(" to Bishkek"));
    assert_eq!(shown[1].value, "31%");
    assert!(
        !shown[1].before.contains("Bishkek"),
        "context stays in the sentence"
    );
    // A long sentence is cut at word boundaries, and the list at the limit.
    let long = format!(
        "{} rose by 4%.",
        "The exports of grain and of cotton from the region".repeat(3)
    );
    let (shown, _) = figures(&Analysed::new(long), 10);
    assert!(
        shown[0].before.starts_with('\u{2026}') && shown[0].before.chars().count() <= 50,
        "{}",
        shown[0].before
    );
    let many = "Prices rose 1%. ".repeat(30);
    let (shown, total) = figures(&Analysed::new(many), 5);
    assert_eq!((shown.len(), total), (5, 30));
}
