//! What the side panels list, as plain data: the countries mentioned with the names
//! that pointed at them, how many mentions of each type, the figures (money and
//! percentages) in their context.

use diplomap_extract::{country_name, Analysis, CountryCode, Entity, Label, Span, Value};

use crate::analysed::Analysed;
use crate::present::amount;

/// A country the article mentions, with the names that pointed at it.
#[derive(Clone, Debug, PartialEq)]
pub struct CountrySummary {
    pub code: CountryCode,
    pub name: String,
    pub count: usize,
    /// Distinct names as written (`Moscow`, `Putin`, `Russian`) and how often each
    /// occurs, most frequent first, then in order of first appearance.
    pub names: Vec<(String, usize)>,
}

/// Every country some mention points at, most mentioned first (ties by name).
pub fn country_summaries(analysed: &Analysed) -> Vec<CountrySummary> {
    let mut summaries: Vec<CountrySummary> = Vec::new();
    for entity in &analysed.analysis.entities {
        let Some(code) = entity.country else { continue };
        let Some(surface) = analysed.text.get(entity.span.start..entity.span.end) else {
            continue;
        };
        let surface = surface.split_whitespace().collect::<Vec<_>>().join(" ");
        let index = match summaries.iter().position(|summary| summary.code == code) {
            Some(index) => index,
            None => {
                summaries.push(CountrySummary {
                    code,
                    name: country_name(code).unwrap_or(code.as_str()).to_string(),
                    count: 0,
                    names: Vec::new(),
                });
                summaries.len() - 1
            }
        };
        let summary = &mut summaries[index];
        summary.count += 1;
        match summary.names.iter_mut().find(|(name, _)| *name == surface) {
            Some((_, count)) => *count += 1,
            None => summary.names.push((surface, 1)),
        }
    }
    for summary in &mut summaries {
        // Stable: equal counts keep the order of first appearance.
        summary
            .names
            .sort_by_key(|(_, count)| std::cmp::Reverse(*count));
    }
    summaries.sort_by(|a, b| b.count.cmp(&a.count).then_with(|| a.name.cmp(&b.name)));
    summaries
}

/// How many mentions of each label, in the legend's fixed order, leaving out absent ones.
pub fn label_counts(analysis: &Analysis) -> Vec<(Label, usize)> {
    Label::ALL
        .into_iter()
        .map(|label| {
            (
                label,
                analysis
                    .entities
                    .iter()
                    .filter(|entity| entity.label == label)
                    .count(),
            )
        })
        .filter(|&(_, count)| count > 0)
        .collect()
}

/// Words of context kept on each side of a figure, in characters.
const CONTEXT_CHARS: usize = 48;

/// A sum of money or a percentage found in the article.
pub struct Figure {
    pub span: Span,
    /// The normalised value: `30 million USD`, `40%`.
    pub value: String,
    /// The text before and after it in its sentence, shortened at word boundaries.
    pub before: String,
    pub text: String,
    pub after: String,
}

/// The first `limit` figures (MONEY and PERCENT mentions) in text order, and how many
/// there are in all.
pub fn figures(analysed: &Analysed, limit: usize) -> (Vec<Figure>, usize) {
    let text = analysed.text.as_str();
    let analysis = &analysed.analysis;
    let shown = figure_mentions(analysed)
        .take(limit)
        .filter_map(|entity| {
            let span = entity.span;
            let sentence = analysis
                .sentences
                .get(
                    analysis
                        .sentences
                        .partition_point(|sentence| sentence.end <= span.start),
                )
                .filter(|sentence| sentence.contains(span))
                .copied()
                .unwrap_or(span);
            let value = match &entity.value {
                Some(Value::Money(money)) => format!("{} {}", amount(money.value), money.currency),
                Some(Value::Percent(percent)) => format!("{}%", amount(*percent)),
                _ => text.get(span.start..span.end)?.to_string(),
            };
            Some(Figure {
                span,
                value,
                before: tail(text.get(sentence.start..span.start)?),
                text: text.get(span.start..span.end)?.to_string(),
                after: head(text.get(span.end..sentence.end)?),
            })
        })
        .collect();
    (shown, figure_count(analysed))
}

fn figure_mentions(analysed: &Analysed) -> impl Iterator<Item = &Entity> {
    analysed
        .analysis
        .entities
        .iter()
        .filter(|entity| matches!(entity.label, Label::Money | Label::Percent))
}

pub fn figure_count(analysed: &Analysed) -> usize {
    figure_mentions(analysed).count()
}

/// The last words of `text`, at most [`CONTEXT_CHARS`], with an ellipsis if cut.
fn tail(text: &str) -> String {
    let text = text.trim_start();
    let count = text.chars().count();
    if count <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().skip(count - CONTEXT_CHARS).collect();
    let words = cut
        .split_once(char::is_whitespace)
        .map_or(cut.as_str(), |(_, rest)| rest);
    format!("\u{2026}{words}")
}

/// The first words of `text`, at most [`CONTEXT_CHARS`], with an ellipsis if cut.
fn head(text: &str) -> String {
    let text = text.trim_end();
    if text.chars().count() <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(CONTEXT_CHARS).collect();
    let words = cut
        .rsplit_once(char::is_whitespace)
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{words}\u{2026}")
}
