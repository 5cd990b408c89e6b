//! How an analysed article is cut up for the reading view, as plain data: paragraphs,
//! passages (a very long paragraph is cut into several), sections (the units the page
//! highlights as they scroll into view) and blocks (a passage as plain text and
//! mentions). Offsets are byte offsets into the article.

use std::ops::Range;

use diplomap_extract::{CountryCode, Label};

use crate::analysed::Analysed;

/// The most text one passage holds, and about what one section holds. A section of
/// this size has a few hundred mentions: it is highlighted within a frame.
pub const SECTION_BYTES: usize = 16 * 1024;

/// One run of article text: plain, or an entity mention.
#[derive(Clone, Debug, PartialEq)]
pub enum Piece {
    Text(String),
    Mention {
        text: String,
        label: Label,
        country: Option<CountryCode>,
        /// Its index in the analysis' entities (what its popover describes).
        entity: usize,
        /// What the mention stands for: its canonical name, else its text. Mentions
        /// with the same key are marked together.
        key: String,
    },
}

/// A passage ready to render: where it starts, and its pieces.
#[derive(Clone, Debug, PartialEq)]
pub struct Block {
    pub start: usize,
    /// The article's first paragraph, when it reads as a headline.
    pub headline: bool,
    /// Carries on the paragraph of the block before it.
    pub continued: bool,
    pub pieces: Vec<Piece>,
}

/// A paragraph, or part of a paragraph too long to be one passage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Passage {
    pub start: usize,
    pub end: usize,
    pub continued: bool,
}

/// Consecutive passages highlighted together.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Section {
    pub start: usize,
    pub end: usize,
    pub passages: Range<usize>,
}

/// Byte ranges of the paragraphs: text separated by lines that are blank, trimmed of
/// the blank lines themselves. Single line breaks stay inside a paragraph.
pub fn paragraph_ranges(text: &str) -> Vec<(usize, usize)> {
    let bytes = text.as_bytes();
    let mut ranges = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] != b'\n' {
            i += 1;
            continue;
        }
        let mut j = i;
        let mut newlines = 0;
        while j < bytes.len() && matches!(bytes[j], b'\n' | b' ' | b'\t' | b'\r') {
            newlines += usize::from(bytes[j] == b'\n');
            j += 1;
        }
        if newlines >= 2 {
            ranges.push((start, i));
            start = j;
        }
        i = j;
    }
    ranges.push((start, bytes.len()));
    ranges.retain(|&(start, end)| !text[start..end].trim().is_empty());
    // Leading blank space is not part of the paragraph.
    for range in &mut ranges {
        let paragraph = &text[range.0..range.1];
        range.0 += paragraph.len() - paragraph.trim_start().len();
        let paragraph = &text[range.0..range.1];
        range.1 = range.0 + paragraph.trim_end().len();
    }
    ranges
}

/// The paragraphs as passages of at most [`SECTION_BYTES`] (a longer paragraph is cut
/// after a line or a sentence where it can be).
pub fn passages(text: &str) -> Vec<Passage> {
    let mut out = Vec::new();
    for (start, end) in paragraph_ranges(text) {
        let mut from = start;
        while end - from > SECTION_BYTES {
            let cut = cut_point(text, from, from + SECTION_BYTES);
            out.push(Passage {
                start: from,
                end: cut,
                continued: from > start,
            });
            from = cut;
        }
        out.push(Passage {
            start: from,
            end,
            continued: from > start,
        });
    }
    out
}

/// Where to end a passage that starts at `from` and may not run past `limit`: after
/// the last line break, else the last sentence, else the last space, else the last
/// whole character before `limit`. Always past `from`.
fn cut_point(text: &str, from: usize, limit: usize) -> usize {
    let mut limit = limit.min(text.len());
    while !text.is_char_boundary(limit) {
        limit -= 1;
    }
    let window = &text[from..limit];
    let after = |needle: &str| window.rfind(needle).map(|at| from + at + needle.len());
    after("\n")
        .or_else(|| after(". "))
        .or_else(|| after(" "))
        .filter(|&cut| cut > from)
        .unwrap_or(if limit > from { limit } else { text.len() })
}

/// Groups passages into sections of about [`SECTION_BYTES`].
pub fn sections(passages: &[Passage]) -> Vec<Section> {
    let mut out: Vec<Section> = Vec::new();
    for (index, passage) in passages.iter().enumerate() {
        match out.last_mut() {
            Some(section) if section.end - section.start < SECTION_BYTES => {
                section.end = passage.end;
                section.passages.end = index + 1;
            }
            _ => out.push(Section {
                start: passage.start,
                end: passage.end,
                passages: index..index + 1,
            }),
        }
    }
    out
}

/// Every passage of the article as a block.
pub fn blocks(analysed: &Analysed) -> Vec<Block> {
    blocks_of(analysed, &passages(&analysed.text))
}

/// The given passages (in text order) as blocks of plain text and mentions. A mention
/// that is out of range, overlaps the previous one or splits a character is left as
/// plain text rather than trusted.
pub fn blocks_of(analysed: &Analysed, passages: &[Passage]) -> Vec<Block> {
    let text = analysed.text.as_str();
    let entities = &analysed.analysis.entities;
    // Entities are sorted: skip those that end before the first passage at once.
    let first_start = passages.first().map_or(0, |passage| passage.start);
    let mut next_entity = entities.partition_point(|entity| entity.span.end <= first_start);
    let mut out = Vec::with_capacity(passages.len());
    for passage in passages {
        let (start, end) = (passage.start, passage.end);
        let mut pieces = Vec::new();
        let mut cursor = start;
        while next_entity < entities.len() && entities[next_entity].span.end <= start {
            next_entity += 1;
        }
        let mut i = next_entity;
        while i < entities.len() && entities[i].span.start < end {
            let entity = &entities[i];
            i += 1;
            let from = entity.span.start.max(cursor);
            let to = entity.span.end.min(end);
            if from >= to || entity.span.start < cursor {
                continue;
            }
            let (Some(before), Some(inside)) = (text.get(cursor..from), text.get(from..to)) else {
                continue;
            };
            if !before.is_empty() {
                pieces.push(Piece::Text(before.to_string()));
            }
            pieces.push(Piece::Mention {
                text: inside.to_string(),
                label: entity.label,
                country: entity.country,
                entity: i - 1,
                key: entity
                    .canonical
                    .clone()
                    .unwrap_or_else(|| inside.to_string()),
            });
            cursor = to;
        }
        if let Some(rest) = text.get(cursor..end) {
            if !rest.is_empty() {
                pieces.push(Piece::Text(rest.to_string()));
            }
        }
        let headline = is_first_paragraph(text, start) && looks_like_headline(&text[start..end]);
        out.push(Block {
            start,
            headline,
            continued: passage.continued,
            pieces,
        });
    }
    out
}

fn is_first_paragraph(text: &str, start: usize) -> bool {
    text[..start].trim().is_empty()
}

/// A first paragraph that is one short line without a full stop reads as a headline.
fn looks_like_headline(paragraph: &str) -> bool {
    let line = paragraph.trim();
    !line.contains('\n')
        && line.chars().count() <= 140
        && !line.ends_with(['.', '"', '\u{201d}', ':'])
}
