//! The relations map as plain data: each country in play (mentioned, related, or both)
//! and each relation as drawn, with its sentences; where each country sits on the map
//! or in the circle graph; how strongly each is drawn; where labels go. The component
//! (`src/components/relation_map/`) only turns these into SVG.

use std::collections::{BTreeMap, BTreeSet};

use diplomap_extract::{country_name, CountryCode, RelationType, Span};

use crate::analysed::Analysed;
use crate::map::{self, Point};
use crate::present::amount;
use crate::summary::country_summaries;

/// Geography, or the same relations as a node-link diagram.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Mode {
    Map,
    Graph,
}

/// What the evidence panel is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    Edge(CountryCode, CountryCode),
    Country(CountryCode),
}

impl Target {
    /// The `data-target` attribute of the element that stands for it: `E:KG-RU`, `C:RU`.
    pub fn key(&self) -> String {
        match self {
            Target::Edge(a, b) => format!("E:{a}-{b}"),
            Target::Country(code) => format!("C:{code}"),
        }
    }

    pub fn parse(key: &str) -> Option<Target> {
        match key.split_once(':')? {
            ("E", pair) => {
                let (a, b) = pair.split_once('-')?;
                Some(Target::Edge(CountryCode::parse(a)?, CountryCode::parse(b)?))
            }
            ("C", code) => Some(Target::Country(CountryCode::parse(code)?)),
            _ => None,
        }
    }
}

/// Relation types from strongest to weakest: a pair with several types is drawn in the
/// colour of the strongest one shown.
pub const STRENGTH: [RelationType; 7] = [
    RelationType::Conflict,
    RelationType::Tension,
    RelationType::Security,
    RelationType::Economy,
    RelationType::Agreement,
    RelationType::Integration,
    RelationType::Diplomacy,
];

pub fn type_name(kind: RelationType) -> &'static str {
    match kind {
        RelationType::Diplomacy => "Diplomacy",
        RelationType::Agreement => "Agreement",
        RelationType::Economy => "Economy",
        RelationType::Security => "Security",
        RelationType::Integration => "Integration",
        RelationType::Tension => "Tension",
        RelationType::Conflict => "Conflict",
    }
}

/// The strongest of `types` not in `hidden`.
pub fn strongest(types: &[RelationType], hidden: &BTreeSet<RelationType>) -> Option<RelationType> {
    STRENGTH
        .into_iter()
        .find(|kind| types.contains(kind) && !hidden.contains(kind))
}

/// A country on the map: mentioned, related to another, or both.
#[derive(Clone, Debug, PartialEq)]
pub struct Node {
    pub code: CountryCode,
    pub name: String,
    pub count: usize,
    pub related: bool,
}

/// A relation as drawn: the pair, its types, who acts on whom, and its sentences.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub a: CountryCode,
    pub b: CountryCode,
    pub types: Vec<RelationType>,
    pub direction: Option<(CountryCode, CountryCode)>,
    pub weight: f64,
    /// Each evidence sentence's span and text (white space collapsed).
    pub evidence: Vec<(Span, String)>,
    /// Money stated for the pair, e.g. `30 million USD`.
    pub amounts: Vec<String>,
    /// How likely the text states it, in [0, 1].
    pub confidence: f64,
    /// Each evidence sentence (in `evidence`'s order) as runs of text, each run a cue
    /// word with the type it signals or the text between cues.
    pub marked: Vec<Vec<(String, Option<RelationType>)>>,
}

impl Edge {
    pub fn target(&self) -> Target {
        Target::Edge(self.a, self.b)
    }

    /// `Russia → Kyrgyzstan`, or `Kazakhstan – Russia` without a direction.
    pub fn title(&self) -> String {
        match self.direction {
            Some((source, target)) => {
                format!("{} \u{2192} {}", display_name(source), display_name(target))
            }
            None => format!("{} \u{2013} {}", display_name(self.a), display_name(self.b)),
        }
    }

    pub fn involves(&self, code: CountryCode) -> bool {
        self.a == code || self.b == code
    }
}

/// Everything the map draws for one article.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct MapData {
    /// Most mentioned first; countries only in relations come last.
    pub nodes: Vec<Node>,
    pub edges: Vec<Edge>,
}

impl MapData {
    pub fn node(&self, code: CountryCode) -> Option<&Node> {
        self.nodes.iter().find(|node| node.code == code)
    }

    pub fn most_mentions(&self) -> usize {
        self.nodes
            .iter()
            .map(|node| node.count)
            .max()
            .unwrap_or(0)
            .max(1)
    }

    /// The countries the map's view is fitted to: every country in a relation, and
    /// those mentioned often (at least a third as often as the most mentioned one);
    /// every mentioned country when that leaves none.
    pub fn fit_codes(&self) -> Vec<CountryCode> {
        let most = self.most_mentions();
        let codes: Vec<CountryCode> = self
            .nodes
            .iter()
            .filter(|node| node.related || (node.count >= 2 && node.count * 3 >= most))
            .map(|node| node.code)
            .collect();
        if codes.is_empty() {
            self.nodes.iter().map(|node| node.code).collect()
        } else {
            codes
        }
    }

    /// How many relations `code` has.
    pub fn relations_of(&self, code: CountryCode) -> usize {
        self.edges.iter().filter(|edge| edge.involves(code)).count()
    }

    /// The relation types present, in the legend's order.
    pub fn types(&self) -> Vec<(RelationType, usize)> {
        RelationType::ALL
            .into_iter()
            .map(|kind| {
                (
                    kind,
                    self.edges
                        .iter()
                        .filter(|edge| edge.types.contains(&kind))
                        .count(),
                )
            })
            .filter(|&(_, count)| count > 0)
            .collect()
    }
}

pub fn display_name(code: CountryCode) -> String {
    country_name(code)
        .or_else(|| map::country(code).map(|country| country.name))
        .unwrap_or(code.as_str())
        .to_string()
}

/// The map's nodes and edges for an analysed article.
pub fn map_data(analysed: &Analysed) -> MapData {
    let text = analysed.text.as_str();
    let mut nodes: Vec<Node> = country_summaries(analysed)
        .into_iter()
        .map(|summary| Node {
            code: summary.code,
            name: summary.name,
            count: summary.count,
            related: false,
        })
        .collect();
    let mut edges = Vec::new();
    for relation in &analysed.analysis.relations {
        for code in [relation.a, relation.b] {
            match nodes.iter_mut().find(|node| node.code == code) {
                Some(node) => node.related = true,
                None => nodes.push(Node {
                    code,
                    name: display_name(code),
                    count: 0,
                    related: true,
                }),
            }
        }
        let sentences: Vec<(Span, &str)> = relation
            .evidence
            .iter()
            .filter_map(|&span| Some((span, text.get(span.start..span.end)?)))
            .collect();
        let evidence = sentences
            .iter()
            .map(|&(span, sentence)| (span, collapse_spaces(sentence)))
            .collect();
        let cues: Vec<(RelationType, Span)> = relation
            .cues
            .iter()
            .map(|cue| (cue.kind, cue.span))
            .collect();
        let marked = sentences
            .iter()
            .map(|&(span, sentence)| cue_runs(span, sentence, &cues))
            .collect();
        let amounts = relation
            .amounts
            .iter()
            .map(|found| format!("{} {}", amount(found.money.value), found.money.currency))
            .collect();
        edges.push(Edge {
            a: relation.a,
            b: relation.b,
            types: relation.types.clone(),
            direction: relation.direction,
            weight: relation.weight,
            evidence,
            amounts,
            confidence: relation.confidence,
            marked,
        });
    }
    MapData { nodes, edges }
}

/// Where each country sits in `mode`: its label point on the map; in the graph, the
/// related countries (or, without relations, the mentioned ones) on a circle, west to
/// east.
pub fn positions(data: &MapData, mode: Mode) -> BTreeMap<CountryCode, Point> {
    match mode {
        Mode::Map => data
            .nodes
            .iter()
            .filter_map(|node| Some((node.code, map::country(node.code)?.anchor)))
            .collect(),
        Mode::Graph => {
            let any_related = data.nodes.iter().any(|node| node.related);
            let mut codes: Vec<(f64, CountryCode)> = data
                .nodes
                .iter()
                .filter(|node| node.related || !any_related)
                .map(|node| {
                    let lon = map::country(node.code).map_or(0.0, |country| country.label.0);
                    (lon, node.code)
                })
                .collect();
            codes.sort_by(|x, y| x.0.total_cmp(&y.0).then(x.1.cmp(&y.1)));
            let layout = map::circle_layout(codes.len());
            codes
                .into_iter()
                .map(|(_, code)| code)
                .zip(layout)
                .collect()
        }
    }
}

/// The confidence levels the reader can ask for, and the one shown at first: 0.6, as on
/// the cross-validated folds the pairs the model gives 0.5–0.6 are right 3 times in 4
/// and those from 0.6 up more than 8 times in 10 (README, the reliability table). Below
/// the default, lines are drawn faint.
pub const CONFIDENCE_STEPS: [f64; 5] = [0.5, 0.6, 0.7, 0.8, 0.9];
pub const DEFAULT_CONFIDENCE: f64 = 0.6;

/// Whether an edge is drawn at `threshold`: its confidence as the reader sees it (two
/// decimals: a line shown at 0.90 is kept at 0.9) reaches it. A relation without a
/// confidence (NaN, from an earlier version) always is.
pub fn passes(edge: &Edge, threshold: f64) -> bool {
    edge.confidence.is_nan() || shown_confidence(edge) >= threshold
}

/// Whether an edge drawn is less sure than the default: drawn faint.
pub fn unsure(edge: &Edge) -> bool {
    shown_confidence(edge) < DEFAULT_CONFIDENCE
}

/// An edge's confidence to two decimals, as the page writes it.
fn shown_confidence(edge: &Edge) -> f64 {
    (edge.confidence * 100.0).round() / 100.0
}

/// White space runs as one space, none at the ends: how sentences are shown.
fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `text` (the sentence at `text_span` of the analysed text) cut into runs, each with
/// the type of the cue word it is, or `None` between cues: what the evidence panel
/// marks. White space is collapsed as in [`Edge::evidence`], so the runs joined are
/// that sentence.
pub fn cue_runs(
    text_span: Span,
    text: &str,
    cues: &[(RelationType, Span)],
) -> Vec<(String, Option<RelationType>)> {
    let mut runs = Vec::new();
    let mut at = 0;
    let inside: Vec<(usize, usize, RelationType)> = cues
        .iter()
        .filter(|(_, span)| span.start >= text_span.start && span.end <= text_span.end)
        .map(|(kind, span)| {
            (
                span.start - text_span.start,
                span.end - text_span.start,
                *kind,
            )
        })
        .filter(|&(start, end, _)| {
            start < end && text.is_char_boundary(start) && text.is_char_boundary(end)
        })
        .collect();
    // The next cue after the last one marked, by position (a few dozen at most: no
    // sort needed); one overlapping a cue already marked is skipped.
    while let Some(&(start, end, kind)) = inside
        .iter()
        .filter(|&&(start, _, _)| start >= at)
        .min_by_key(|&&(start, end, _)| (start, end))
    {
        if start > at {
            runs.push((text[at..start].to_string(), None));
        }
        runs.push((text[start..end].to_string(), Some(kind)));
        at = end;
    }
    if at < text.len() {
        runs.push((text[at..].to_string(), None));
    }
    let last = runs.len().saturating_sub(1);
    for (i, (run, _)) in runs.iter_mut().enumerate() {
        let words = collapse_spaces(run);
        let before = i > 0 && run.starts_with(char::is_whitespace);
        let after = i < last && run.ends_with(char::is_whitespace);
        *run = match (words.is_empty(), before || after) {
            (true, true) => " ".to_string(),
            (true, false) => words,
            (false, _) => format!(
                "{}{words}{}",
                if before { " " } else { "" },
                if after { " " } else { "" }
            ),
        };
    }
    runs.retain(|(run, _)| !run.is_empty());
    runs
}

/// How much a country's name matters on the map: its relations count most, then its
/// mentions. Placed first, it keeps its full name beside its dot.
pub fn label_salience(node: &Node, data: &MapData) -> f64 {
    let relations = data.relations_of(node.code);
    (relations * 4 + node.count) as f64
}

/// Salience class 1–4 of a mentioned country (0 when not mentioned).
pub fn salience(count: usize, most: usize) -> usize {
    if count == 0 {
        0
    } else {
        (count * 4).div_ceil(most.max(1)).clamp(1, 4)
    }
}

/// Stroke width of an edge in screen pixels, by weight.
pub fn stroke_width(weight: f64) -> f64 {
    (1.25 + 1.25 * weight).clamp(1.5, 7.0)
}

/// The graph's disc radius in pixels, by mentions.
pub fn graph_radius(data: &MapData, code: CountryCode) -> f64 {
    let most = data.most_mentions() as f64;
    let count = data.node(code).map_or(0, |node| node.count) as f64;
    5.0 + 9.0 * (count / most).sqrt()
}

/// What a country's dot or shape says to a screen reader: `Russia: 3 mentions, 1 relation`.
pub fn country_label(node: &Node, data: &MapData) -> String {
    let relations = data.relations_of(node.code);
    format!(
        "{}: {} mention{}, {} relation{}",
        node.name,
        node.count,
        if node.count == 1 { "" } else { "s" },
        relations,
        if relations == 1 { "" } else { "s" }
    )
}
