//! The reading view's paragraphs, passages, sections and blocks.

use diplomap_app_core::layout::{
    blocks, blocks_of, paragraph_ranges, passages, sections, Piece, SECTION_BYTES,
};
use diplomap_app_core::Analysed;
use diplomap_extract::{CountryCode, Entity, Label, Span};

#[path = "support/texts.rs"]
mod texts;
use texts::{analysed, entity, long_article};

#[test]
fn splits_paragraphs_on_blank_lines() {
    let text = "\n Title\n\nFirst line\nsecond line.\n \n\n Last.\n";
    let ranges = paragraph_ranges(text);
    let parts: Vec<&str> = ranges.iter().map(|&(s, e)| &text[s..e]).collect();
    assert_eq!(parts, ["Title", "First line\nsecond line.", "Last."]);
    assert!(paragraph_ranges("").is_empty());
    assert!(paragraph_ranges(" \n\n ").is_empty());
}

#[test]
fn blocks_slice_mentions_by_byte_offsets() {
    let text = "Talks in Zürich\n\nThe Swiss host met Ukraine’s envoy in Zürich on May 2.";
    let last = text.rfind("Zürich").unwrap();
    let entities = vec![
        entity(text, "Zürich", Label::Gpe, Some("CH")),
        entity(text, "Swiss", Label::Norp, Some("CH")),
        entity(text, "Ukraine", Label::Gpe, Some("UA")),
        Entity {
            span: Span::new(last, last + "Zürich".len()),
            label: Label::Gpe,
            country: CountryCode::parse("CH"),
            canonical: None,
            value: None,
        },
        entity(text, "May 2", Label::Date, None),
    ];
    let blocks = blocks(&analysed(text, entities));
    assert_eq!(blocks.len(), 2);
    assert!(blocks[0].headline);
    assert!(!blocks[1].headline);
    let rebuilt: String = blocks[1]
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) => text.clone(),
            Piece::Mention { text, .. } => format!("[{text}]"),
        })
        .collect();
    assert_eq!(
        rebuilt,
        "The [Swiss] host met [Ukraine]’s envoy in [Zürich] on [May 2]."
    );
}

#[test]
fn blocks_ignore_bad_spans() {
    let text = "Paris and Rome.";
    let entities = vec![
        Entity {
            // Splits nothing, but overlaps the next one.
            span: Span::new(0, 9),
            label: Label::Gpe,
            country: None,
            canonical: None,
            value: None,
        },
        entity(text, "Paris", Label::Gpe, Some("FR")),
        Entity {
            span: Span::new(10, 400),
            label: Label::Gpe,
            country: None,
            canonical: None,
            value: None,
        },
    ];
    let blocks = blocks(&analysed(text, entities));
    let text_back: String = blocks[0]
        .pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text(text) | Piece::Mention { text, .. } => text.as_str(),
        })
        .collect();
    assert_eq!(text_back, text, "all text is kept whatever the spans say");
}

#[test]
fn a_very_long_paragraph_is_cut_into_passages_after_sentences() {
    let sentence = "Ministers from Uzbekistan and Tajikistan met again. ";
    let text = sentence.repeat(SECTION_BYTES * 3 / sentence.len());
    let cut = passages(&text);
    assert!(cut.len() >= 3, "{} passages", cut.len());
    assert!(!cut[0].continued && cut[1..].iter().all(|passage| passage.continued));
    let mut rebuilt = String::new();
    for passage in &cut {
        assert!(passage.end - passage.start <= SECTION_BYTES);
        assert_eq!(rebuilt.len(), passage.start, "passages are contiguous");
        rebuilt.push_str(&text[passage.start..passage.end]);
    }
    assert_eq!(rebuilt, text.trim_end());
    assert!(cut[..cut.len() - 1]
        .iter()
        .all(|passage| text[..passage.end].ends_with(". ")));
    // Without any space, the cut still falls on a character boundary.
    let dense = "ü".repeat(SECTION_BYTES);
    assert!(passages(&dense)
        .iter()
        .all(|passage| dense.is_char_boundary(passage.end)));
}

#[test]
fn sections_group_passages_in_order_and_blocks_can_start_anywhere() {
    let text = long_article(5 * SECTION_BYTES);
    let analysed = Analysed::new(text.clone());
    let cut = passages(&text);
    let grouped = sections(&cut);
    assert!(grouped.len() >= 5);
    assert_eq!(grouped[0].passages.start, 0);
    assert_eq!(grouped.last().unwrap().passages.end, cut.len());
    for pair in grouped.windows(2) {
        assert_eq!(pair[0].passages.end, pair[1].passages.start);
        assert!(pair[0].end - pair[0].start <= 2 * SECTION_BYTES);
    }
    // A section's blocks are the same blocks as in the whole article.
    let all = blocks(&analysed);
    let third = &grouped[2];
    let some = blocks_of(&analysed, &cut[third.passages.clone()]);
    assert_eq!(some, all[third.passages.clone()].to_vec());
    assert!(some.iter().any(|block| block
        .pieces
        .iter()
        .any(|piece| matches!(piece, Piece::Mention { .. }))));
}
