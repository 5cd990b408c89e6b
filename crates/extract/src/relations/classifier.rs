//! The learned decision: which pairs a document relates, with which types, how surely.
//!
//! Three logistic regressions, trained by [`super::learn`] from annotated documents and
//! shipped as `data/relation_weights.tsv`:
//! 1. each *statement* (a clause naming two countries) gets a score from its features;
//! 2. each *pair* gets a probability from its statements' scores, pooled (the best, the
//!    second best, how many); this model is fitted on scores the statement model gave
//!    documents it was not trained on, so its probability is calibrated: it is the
//!    relation's `confidence`, and a pair is reported from [`THRESHOLD`] on;
//! 3. each *type* of a reported pair gets a probability from the cue words of that type
//!    around the pair's statements, and from the types the rules give the pair besides
//!    (words of support beside a fight weigh less for diplomacy); types from
//!    [`TYPE_THRESHOLD`] on are kept (the likeliest one at least).
//!
//! Evidence is the statements the decision rests on: those scoring above even, or the
//! best one.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use super::features::{pair, statement, typed, PairFeature, Reach, TypeFeature};
use super::statements::{Reading, Statement};
use crate::model::{Amount, CountryCode, CueWord, Relation, RelationType, Span};
use crate::steps::tick;

/// From this probability a pair is reported.
pub const THRESHOLD: f64 = 0.5;

/// From this probability a type of a reported pair is kept. Types are judged by F1, and
/// for calibrated probabilities the threshold that maximises F1 is half the F1 reached
/// (Lipton, Elkan and Naryanaswamy, 2014): about 0.7 / 2. Cross-validated on
/// relations-dev, typed F1 averaged over 20 deals of the folds is 0.702 from 0.3, 0.702
/// from 0.35, 0.700 from 0.4 and 0.686 from 0.5 (a plateau, not a peak picked out);
/// from 0.35 rather than 0.5, precision 0.737 -> 0.717 and recall 0.649 -> 0.698 in the
/// file-order deal. Thresholds of their own for each type gained nothing: at best
/// 0.001 each, picked on the same figures.
const TYPE_THRESHOLD: f64 = 0.35;

/// The most cue words a relation shows per type.
const CUES_PER_TYPE: usize = 6;

/// The weights of the three models.
#[derive(Clone, Debug, PartialEq)]
pub struct Weights {
    pub statement: Vec<f64>,
    pub pair: Vec<f64>,
    pub typed: Vec<f64>,
}

/// The sections of the weights file, with the names of their features.
fn sections() -> [(&'static str, Vec<String>); 3] {
    [
        ("statement", statement::names()),
        ("pair", pair::names()),
        ("typed", typed::names()),
    ]
}

impl Weights {
    /// The weights compiled in, trained on the project's annotated documents. `None`
    /// only if the file does not match the features (a test guards against that).
    pub fn shipped() -> Option<&'static Weights> {
        static SHIPPED: OnceLock<Option<Weights>> = OnceLock::new();
        SHIPPED
            .get_or_init(|| Weights::parse(include_str!("../../data/relation_weights.tsv")).ok())
            .as_ref()
    }

    /// Reads the weights file: `section<TAB>feature<TAB>weight` lines, `#` comments.
    /// Every feature must have exactly one weight.
    pub fn parse(text: &str) -> Result<Weights, String> {
        let sections = sections();
        let mut parts = sections
            .each_ref()
            .map(|(_, names)| vec![None::<f64>; names.len()]);
        for (number, line) in text.lines().enumerate() {
            if line.starts_with('#') || line.trim().is_empty() {
                continue;
            }
            let fields: Vec<&str> = line.split('\t').collect();
            let [section, name, value] = fields[..] else {
                return Err(format!("line {}: not section, feature, weight", number + 1));
            };
            let part = sections
                .iter()
                .position(|(known, _)| *known == section)
                .ok_or_else(|| format!("line {}: unknown section {section:?}", number + 1))?;
            let index = sections[part]
                .1
                .iter()
                .position(|known| known == name)
                .ok_or_else(|| format!("line {}: unknown feature {name:?}", number + 1))?;
            let value = decimal(value)
                .ok_or_else(|| format!("line {}: bad weight {value:?}", number + 1))?;
            if parts[part][index].replace(value).is_some() {
                return Err(format!("line {}: {section} {name} given twice", number + 1));
            }
        }
        let mut complete = parts
            .into_iter()
            .zip(&sections)
            .map(|(part, (section, names))| {
                part.into_iter()
                    .zip(names)
                    .map(|(value, name)| {
                        value.ok_or_else(|| format!("no weight for {section} {name}"))
                    })
                    .collect::<Result<Vec<f64>, String>>()
            });
        let mut next = || complete.next().unwrap_or_else(|| Ok(Vec::new()));
        Ok(Weights {
            statement: next()?,
            pair: next()?,
            typed: next()?,
        })
    }

    /// The weights file, `header` lines first as comments. The same weights always give
    /// the same bytes.
    pub fn to_text(&self, header: &str) -> String {
        let mut text = String::new();
        for line in header.lines() {
            text.push_str("# ");
            text.push_str(line);
            text.push('\n');
        }
        let values = [&self.statement, &self.pair, &self.typed];
        for ((section, names), values) in sections().iter().zip(values) {
            for (name, value) in names.iter().zip(values.iter()) {
                // Four decimals are plenty for a logistic model: a logit moves by at most
                // 0.00005 a feature, and the file is part of the app's first download.
                text.push_str(&format!("{section}\t{name}\t{value:.4}\n"));
            }
        }
        text
    }

    /// A statement's score (a logit): how surely it states a relation of its pair.
    pub fn statement_score(&self, reading: &Reading, statement: &Statement) -> f64 {
        dot(&self.statement, reading.features(statement))
    }

    /// The probability of each type for a pair of the document, as the decision reads
    /// it (to explain a decision).
    pub fn type_probabilities(
        &self,
        reading: &Reading,
        pair: (CountryCode, CountryCode),
    ) -> Vec<(RelationType, f64)> {
        let probabilities: Vec<f64> = reading
            .statements()
            .iter()
            .map(|s| sigmoid(self.statement_score(reading, s)))
            .collect();
        let statements = by_pair(reading).remove(&pair).unwrap_or_default();
        if statements.is_empty() {
            return Vec::new();
        }
        type_probabilities(self, reading, pair, &statements, &probabilities)
    }
}

/// The probability of each type for a pair's statements.
fn type_probabilities(
    weights: &Weights,
    reading: &Reading,
    pair: (CountryCode, CountryCode),
    statements: &[usize],
    probabilities: &[f64],
) -> Vec<(RelationType, f64)> {
    let evidence = type_evidence(reading, pair, statements, probabilities);
    RelationType::ALL
        .into_iter()
        .map(|kind| {
            (
                kind,
                sigmoid(dot(&weights.typed, &type_features(&evidence, kind))),
            )
        })
        .collect()
}

/// A weight as the file writes it: an optional minus, digits, a point and up to nine
/// decimals ("-0.698495"). Read by hand: the standard float parser would add some
/// kilobytes to the app's download for a format this plain.
fn decimal(text: &str) -> Option<f64> {
    let (negative, digits) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |part: &str| part.bytes().all(|b| b.is_ascii_digit());
    if whole.is_empty()
        || whole.len() > 9
        || fraction.len() > 9
        || !all_digits(whole)
        || !all_digits(fraction)
    {
        return None;
    }
    let number = |part: &str| part.bytes().fold(0u64, |n, b| n * 10 + u64::from(b - b'0'));
    let value = number(whole) as f64 + number(fraction) as f64 / 10f64.powi(fraction.len() as i32);
    Some(if negative { -value } else { value })
}

pub fn sigmoid(x: f64) -> f64 {
    1.0 / (1.0 + (-x).exp())
}

/// A weighted sum of sparse features.
pub fn dot(weights: &[f64], features: &[(u16, f32)]) -> f64 {
    features
        .iter()
        .map(|&(index, value)| {
            weights.get(usize::from(index)).copied().unwrap_or(0.0) * f64::from(value)
        })
        .sum()
}

/// The statements of each pair, in text order, by pair.
pub fn by_pair(reading: &Reading) -> BTreeMap<(CountryCode, CountryCode), Vec<usize>> {
    let mut pairs: BTreeMap<(CountryCode, CountryCode), Vec<usize>> = BTreeMap::new();
    for (i, statement) in reading.statements().iter().enumerate() {
        tick(1);
        pairs.entry(statement.pair).or_default().push(i);
    }
    pairs
}

/// Scores no statement model can give: a bound on a logit, so one statement read as
/// certain cannot dominate the pooled features.
const SCORE_BOUND: f64 = 8.0;

/// The pooled features of a pair, from its statements' scores.
pub fn pair_features(
    reading: &Reading,
    pair: (CountryCode, CountryCode),
    statements: &[usize],
    scores: &[f64],
) -> Vec<(u16, f32)> {
    let mut best = -SCORE_BOUND;
    let mut second = -SCORE_BOUND;
    let mut supporting = 0usize;
    let mut hedged = 0usize;
    for &s in statements {
        let score = scores[s].clamp(-SCORE_BOUND, SCORE_BOUND);
        if score > best {
            second = best;
            best = score;
        } else if score > second {
            second = score;
        }
        supporting += usize::from(score > 0.0);
        hedged += usize::from(reading.statements()[s].weight < 1.0);
    }
    let prominent = reading.prominent();
    let main = prominent
        .first()
        .is_some_and(|c| *c == pair.0 || *c == pair.1);
    let both = prominent.contains(&pair.0) && prominent.contains(&pair.1);
    let values = [
        (PairFeature::Bias, 1.0),
        (PairFeature::BestScore, best),
        (
            PairFeature::SecondScore,
            if statements.len() > 1 { second } else { 0.0 },
        ),
        (PairFeature::Single, f64::from(statements.len() == 1)),
        (PairFeature::Statements, (statements.len() as f64).ln_1p()),
        (PairFeature::Supporting, (supporting as f64).ln_1p()),
        (PairFeature::MainCountry, f64::from(main)),
        (PairFeature::BothProminent, f64::from(both)),
        (
            PairFeature::AllHedged,
            f64::from(hedged == statements.len()),
        ),
    ];
    values
        .into_iter()
        .filter(|(_, value)| *value != 0.0)
        .map(|(feature, value)| (feature as u16, value as f32))
        .collect()
}

/// What a pair's statements show of each type (in `RelationType::ALL` order), pooled:
/// each fact weighs as the likeliest statement that shows it (its probability), except
/// the count.
pub struct TypeEvidence {
    facts: [[f64; TypeFeature::COUNT]; RelationType::ALL.len()],
    /// How surely the rules type the pair so (`Statement::typed_by_rules`), weighed so.
    rules: [f64; RelationType::ALL.len()],
}

/// The pooled type facts of a pair, from its statements (each weighed by its
/// probability).
pub fn type_evidence(
    reading: &Reading,
    (a, b): (CountryCode, CountryCode),
    statements: &[usize],
    probabilities: &[f64],
) -> TypeEvidence {
    let backed = reading.is_backed(a) || reading.is_backed(b);
    let mut evidence = TypeEvidence {
        facts: [[0f64; TypeFeature::COUNT]; RelationType::ALL.len()],
        rules: [0f64; RelationType::ALL.len()],
    };
    for kind in RelationType::ALL {
        let k = kind as usize;
        evidence.facts[k] = pooled_facts(reading, statements, probabilities, kind);
        evidence.facts[k][TypeFeature::Backed as usize] = f64::from(backed);
        evidence.rules[k] = statements
            .iter()
            .filter(|&&s| reading.statements()[s].typed_by_rules(kind))
            .map(|&s| probabilities[s])
            .fold(0.0, f64::max);
    }
    evidence
}

/// The pooled facts of one type.
fn pooled_facts(
    reading: &Reading,
    statements: &[usize],
    probabilities: &[f64],
    kind: RelationType,
) -> [f64; TypeFeature::COUNT] {
    let mut pooled = [0f64; TypeFeature::COUNT];
    let mut count = 0u32;
    let k = kind as usize;
    for &s in statements {
        let statement: &Statement = &reading.statements()[s];
        let p = probabilities[s];
        let reach = statement.reach[k];
        let within = |limit: Reach| reach == Some(limit);
        let only = statement.near[k] > 0
            && statement
                .near
                .iter()
                .enumerate()
                .all(|(t, n)| t == k || *n == 0);
        let verb = statement.verbs & 1 << k != 0;
        for (feature, holds) in [
            (TypeFeature::Verb, verb),
            (TypeFeature::Between, within(Reach::Between)),
            (TypeFeature::Around, within(Reach::Around)),
            (TypeFeature::Clause, within(Reach::Clause)),
            (TypeFeature::Sentence, within(Reach::Sentence)),
            (TypeFeature::Nearest, statement.nearest == Some(kind)),
            (TypeFeature::Only, only),
            (TypeFeature::Money, !reading.amounts(statement).is_empty()),
        ] {
            if holds {
                let slot = &mut pooled[feature as usize];
                *slot = slot.max(p);
            }
        }
        count += u32::from(statement.near[k]);
    }
    pooled[TypeFeature::Count as usize] = f64::from(count).ln_1p();
    pooled
}

/// The features of a pair for one type: its own pooled facts, and how surely the
/// rules type the pair otherwise (as each other type).
pub fn type_features(evidence: &TypeEvidence, kind: RelationType) -> Vec<(u16, f32)> {
    let pooled = &evidence.facts[kind as usize];
    let mut features = vec![(typed::bias(kind) as u16, 1.0)];
    for feature in TypeFeature::ALL {
        let value = pooled[*feature as usize];
        if value != 0.0 {
            features.push((typed::shared(*feature) as u16, value as f32));
            features.push((typed::own(kind, *feature) as u16, value as f32));
        }
    }
    for other in RelationType::ALL.into_iter().filter(|other| *other != kind) {
        let value = evidence.rules[other as usize];
        if value != 0.0 {
            features.push((typed::beside(kind, other) as u16, value as f32));
        }
    }
    features
}

/// The relations a document states, decided by `weights`.
pub fn decide(reading: &Reading, weights: &Weights) -> Vec<Relation> {
    decide_at(reading, weights, THRESHOLD)
}

/// The pairs whose confidence reaches `threshold`, typed (at 0: every candidate pair,
/// to see how confidence and correctness go together).
pub fn decide_at(reading: &Reading, weights: &Weights, threshold: f64) -> Vec<Relation> {
    let scores: Vec<f64> = reading
        .statements()
        .iter()
        .map(|s| dot(&weights.statement, reading.features(s)))
        .collect();
    let probabilities: Vec<f64> = scores.iter().map(|s| sigmoid(*s)).collect();
    let mut relations = Vec::new();
    for (pair, statements) in by_pair(reading) {
        let confidence = sigmoid(dot(
            &weights.pair,
            &pair_features(reading, pair, &statements, &scores),
        ));
        if confidence < threshold {
            continue;
        }
        let typing = type_probabilities(weights, reading, pair, &statements, &probabilities);
        let evidence = evidence(&statements, &probabilities);
        let mut types = chosen_types(&typing, linking_verbs(reading, &evidence));
        settled_types(reading, pair, &evidence, &mut types);
        relations.push(relation(
            reading,
            pair,
            &evidence,
            &probabilities,
            types,
            confidence,
        ));
    }
    relations
}

/// The annotation guide's settled calls that the annotated documents hold too few
/// examples of for the type model to learn, applied to the types of a pair whose
/// evidence shows them: an arms sale is security and agreement, not economy (call 14);
/// membership of a bloc the other leads is integration (the type's definition); an
/// either/or attribution of armed action is tension (call 18); armed action in support
/// of, or coordinated with, the government of the country where it happens is security
/// too (call 12).
fn settled_types(
    reading: &Reading,
    (a, b): (CountryCode, CountryCode),
    evidence: &[usize],
    types: &mut Vec<RelationType>,
) {
    let shows =
        |holds: fn(&Statement) -> bool| evidence.iter().any(|&s| holds(&reading.statements()[s]));
    if shows(|s| s.arms_deal) {
        types.retain(|kind| *kind != RelationType::Economy);
        types.extend([RelationType::Agreement, RelationType::Security]);
    }
    if shows(|s| s.bloc_membership) {
        types.push(RelationType::Integration);
    }
    if shows(|s| s.accusation) {
        types.push(RelationType::Tension);
    }
    if types.contains(&RelationType::Conflict) && (reading.is_backed(a) || reading.is_backed(b)) {
        types.push(RelationType::Security);
    }
    types.sort();
    types.dedup();
}

/// The types of the verbs that link the names in the evidence, as bits.
fn linking_verbs(reading: &Reading, evidence: &[usize]) -> u8 {
    evidence
        .iter()
        .fold(0, |bits, &s| bits | reading.statements()[s].linking_verbs)
}

/// The types from [`TYPE_THRESHOLD`] on, and those of the verbs linking the names in the
/// evidence (`verbs`, as bits: what the text says the two did, which the type model
/// learned from too few sentences to always see), or the likeliest one.
fn chosen_types(typing: &[(RelationType, f64)], verbs: u8) -> Vec<RelationType> {
    let likely: Vec<RelationType> = typing
        .iter()
        .filter(|(kind, p)| *p >= TYPE_THRESHOLD || verbs & 1 << *kind as u8 != 0)
        .map(|(kind, _)| *kind)
        .collect();
    if !likely.is_empty() {
        return likely;
    }
    let best = typing
        .iter()
        .fold(None::<(RelationType, f64)>, |best, &(kind, p)| match best {
            Some((_, q)) if q >= p => best,
            _ => Some((kind, p)),
        });
    best.map(|(kind, _)| vec![kind]).unwrap_or_default()
}

/// The statements a pair's decision rests on: those above even, or the best one.
fn evidence(statements: &[usize], probabilities: &[f64]) -> Vec<usize> {
    let best = statements.iter().copied().fold(statements[0], |best, s| {
        if probabilities[s] > probabilities[best] {
            s
        } else {
            best
        }
    });
    statements
        .iter()
        .copied()
        .filter(|&s| probabilities[s] >= THRESHOLD || s == best)
        .collect()
}

/// A reported pair with its evidence, direction, cue words and amounts.
fn relation(
    reading: &Reading,
    (a, b): (CountryCode, CountryCode),
    evidence: &[usize],
    probabilities: &[f64],
    types: Vec<RelationType>,
    confidence: f64,
) -> Relation {
    let mut sentences: Vec<(Span, f32)> = Vec::new();
    let mut votes: BTreeMap<(CountryCode, CountryCode), f64> = BTreeMap::new();
    let mut amounts: Vec<Amount> = Vec::new();
    for &s in evidence {
        tick(1);
        let statement = &reading.statements()[s];
        match sentences.last_mut() {
            Some((span, weight)) if *span == statement.sentence => {
                *weight = weight.max(statement.weight)
            }
            _ => sentences.push((statement.sentence, statement.weight)),
        }
        if let Some(direction) = statement.direction {
            *votes.entry(direction).or_default() += probabilities[s];
        }
        for amount in reading.amounts(statement) {
            if !amounts.iter().any(|known| known.span == amount.span) {
                amounts.push(amount.clone());
            }
        }
    }
    let cues = cue_words(reading, evidence, &types);
    Relation {
        a,
        b,
        types,
        direction: direction(&votes),
        weight: sentences.iter().map(|(_, weight)| f64::from(*weight)).sum(),
        evidence: sentences.into_iter().map(|(span, _)| span).collect(),
        amounts,
        confidence,
        cues,
    }
}

/// The cue words of the evidence for each of the types, in text order, a few per type.
fn cue_words(reading: &Reading, evidence: &[usize], types: &[RelationType]) -> Vec<CueWord> {
    let mut cues: Vec<CueWord> = Vec::new();
    for &kind in types {
        let first = cues.len();
        for &s in evidence {
            for &(_, span) in reading
                .cues(&reading.statements()[s])
                .iter()
                .filter(|(cued, _)| *cued == kind)
            {
                tick(1);
                if cues.len() - first < CUES_PER_TYPE
                    && !cues[first..].iter().any(|c| c.span == span)
                {
                    cues.push(CueWord { kind, span });
                }
            }
        }
    }
    cues
}

/// The direction most of the evidence gives, if the other is given less.
fn direction(
    votes: &BTreeMap<(CountryCode, CountryCode), f64>,
) -> Option<(CountryCode, CountryCode)> {
    let (&(source, target), &support) = votes.iter().max_by(|x, y| x.1.total_cmp(y.1))?;
    let against = votes.get(&(target, source)).copied().unwrap_or(0.0);
    (support > against).then_some((source, target))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_type_below_even_but_likely_enough_for_f1_is_kept() {
        use RelationType::*;
        let typing = [(Diplomacy, 0.9), (Economy, 0.2), (Tension, 0.4)];
        assert_eq!(chosen_types(&typing, 0), vec![Diplomacy, Tension]);
        // A verb linking the names keeps its type whatever its probability.
        let verb = 1 << Economy as u8;
        assert_eq!(
            chosen_types(&typing, verb),
            vec![Diplomacy, Economy, Tension]
        );
    }

    #[test]
    fn with_no_type_likely_the_likeliest_is_kept() {
        use RelationType::*;
        let typing = [(Diplomacy, 0.1), (Economy, 0.2), (Tension, 0.3)];
        assert_eq!(chosen_types(&typing, 0), vec![Tension]);
    }
}
