//! Texts and analyses of our own, shared by the app-core tests and the app's browser
//! tests (`tests/app/main.rs` includes this file too). Each test file uses some.
#![allow(dead_code)]

use diplomap_app_core::Analysed;
use diplomap_extract::{Analysis, CountryCode, Entity, Label, Span};

pub const MAP_ARTICLE: &str =
    "Moscow granted $30 million to Bishkek for a new hydropower plant.\n\n\
Kazakhstan and China signed a trade agreement in Astana on Monday. \
Tashkent accused Dushanbe of blocking water supplies.";

pub const KYIV: &str = "Berlin has granted $40 million to Kyiv for power stations.";
pub const GRAIN: &str = "German and Ukrainian ministers signed a deal on grain in Kyiv.";

/// A mention of `needle`, the first in `text`.
pub fn entity(text: &str, needle: &str, label: Label, country: Option<&str>) -> Entity {
    let start = text.find(needle).expect("needle in text");
    Entity {
        span: Span::new(start, start + needle.len()),
        label,
        country: country.and_then(CountryCode::parse),
        canonical: None,
        value: None,
    }
}

/// `text` with these mentions and nothing else.
pub fn analysed(text: &str, entities: Vec<Entity>) -> Analysed {
    Analysed {
        text: text.to_string(),
        analysis: Analysis {
            entities,
            ..Analysis::default()
        },
    }
}

pub fn code(text: &str) -> CountryCode {
    CountryCode::parse(text).unwrap()
}

/// An article of our own, repeated to `bytes`: paragraphs of several sentences.
pub fn long_article(bytes: usize) -> String {
    let paragraph =
        "Kazakh President Kassym-Jomart Tokayev met Chinese leader Xi Jinping in Astana on \
        June 4. Beijing pledged $2 billion for a rail line to the Caspian, and officials said \
        trade grew 12% last year. Moscow watched closely.";
    let mut text = String::from("Long read on Central Asian trade\n\n");
    while text.len() < bytes {
        text.push_str(paragraph);
        text.push_str("\n\n");
    }
    text
}
