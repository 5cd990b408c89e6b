//! A multi-class averaged perceptron over hashed features, with weights quantised to
//! one signed byte each. Only the differences from "other" decide (is a candidate a name,
//! and which kind), so the shipped model keeps those: a table of `2^bits × (CLASSES - 1)`
//! bytes.
//!
//! Training is integer arithmetic in a fixed order (the examples as given, shuffled each
//! epoch by a fixed-seed generator), so the same examples give the same bytes.

use rustc_hash::FxHashMap;

/// What a candidate span is. The order is the table's column order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Other = 0,
    Person = 1,
    Org = 2,
    Place = 3,
}

pub const CLASSES: usize = 4;
/// The table's columns: each class but "other", as its difference from "other".
const COLUMNS: usize = CLASSES - 1;

impl Class {
    pub const ALL: [Class; CLASSES] = [Class::Other, Class::Person, Class::Org, Class::Place];
}

/// The file's first bytes, with the format's version.
const MAGIC: &[u8; 8] = b"DMNAMES1";

/// The trained model: per hashed feature, one weight per class.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Weights {
    bits: u32,
    /// A candidate is a name when its best class outscores "other" by more than this:
    /// the weights' scale is the training's, so the threshold travels with them.
    pub min_margin: i32,
    /// Bucket-major: the `COLUMNS` weights of bucket `b` at `b * COLUMNS..`.
    table: Vec<i8>,
}

/// A feature's bucket: the high bits of its (well-mixed) hash.
fn bucket(feature: u32, bits: u32) -> usize {
    (feature >> (32 - bits)) as usize
}

impl Weights {
    /// Reads a weights file; `None` if it is not one.
    pub fn parse(bytes: &[u8]) -> Option<Weights> {
        let rest = bytes.strip_prefix(MAGIC)?;
        let (&bits, rest) = rest.split_first()?;
        let (margin, table) = rest.split_at_checked(2)?;
        let bits = u32::from(bits);
        if !(1..=24).contains(&bits) || table.len() != (1 << bits) * COLUMNS {
            return None;
        }
        Some(Weights {
            bits,
            min_margin: i32::from(i16::from_le_bytes([margin[0], margin[1]])),
            table: table.iter().map(|&b| b as i8).collect(),
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.push(self.bits as u8);
        let margin = self.min_margin.clamp(i16::MIN.into(), i16::MAX.into()) as i16;
        bytes.extend(margin.to_le_bytes());
        bytes.extend(self.table.iter().map(|&w| w as u8));
        bytes
    }

    /// Each class's score for a candidate with these features, "other" at 0.
    pub fn scores(&self, features: &[u32]) -> [i32; CLASSES] {
        let mut scores = [0i32; CLASSES];
        for &feature in features {
            let at = bucket(feature, self.bits) * COLUMNS;
            if let Some(row) = self.table.get(at..at + COLUMNS) {
                for (score, &w) in scores[1..].iter_mut().zip(row) {
                    *score += i32::from(w);
                }
            }
        }
        scores
    }
}

/// One training example: a candidate's features and what it is.
pub struct Example {
    pub features: Vec<u32>,
    pub class: Class,
}

/// Training settings.
#[derive(Clone, Copy, Debug)]
pub struct Settings {
    /// The table has `2^bits` buckets.
    pub bits: u32,
    pub epochs: u32,
    /// See [`Weights::min_margin`].
    pub min_margin: i32,
    /// Features seen in fewer training examples than this are left out: rare ones
    /// teach little and would crowd the table's buckets.
    pub min_count: u32,
}

/// The class with the highest score; the lowest index on a tie, so `Other` wins ties.
fn best(scores: &[i64; CLASSES]) -> usize {
    let mut best = 0;
    for class in 1..CLASSES {
        if scores[class] > scores[best] {
            best = class;
        }
    }
    best
}

/// A small generator for the shuffles: the same sequence on every machine.
struct XorShift(u64);

impl XorShift {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
}

/// Trains an averaged perceptron and quantises its weights to bytes.
pub fn train(examples: &[Example], settings: Settings) -> Weights {
    let mut counts: FxHashMap<u32, u32> = FxHashMap::default();
    for example in examples {
        for &feature in &example.features {
            *counts.entry(feature).or_default() += 1;
        }
    }
    let kept: Vec<Vec<u32>> = examples
        .iter()
        .map(|e| {
            e.features
                .iter()
                .copied()
                .filter(|f| counts[f] >= settings.min_count)
                .collect()
        })
        .collect();
    let size = (1usize << settings.bits) * CLASSES;
    // The weights, and the sum of each update times the step it was made at: the
    // average over all steps is `weights - stamped / steps` (the usual lazy average).
    let mut weights = vec![0i64; size];
    let mut stamped = vec![0i64; size];
    let mut step: i64 = 1;
    let mut order: Vec<usize> = (0..examples.len()).collect();
    let mut random = XorShift(0x9E37_79B9_7F4A_7C15);
    for _ in 0..settings.epochs {
        for i in (1..order.len()).rev() {
            let j = (random.next() % (i as u64 + 1)) as usize;
            order.swap(i, j);
        }
        for &index in &order {
            let features = &kept[index];
            let mut scores = [0i64; CLASSES];
            for &feature in features {
                let at = bucket(feature, settings.bits) * CLASSES;
                for (score, w) in scores.iter_mut().zip(&weights[at..at + CLASSES]) {
                    *score += w;
                }
            }
            let guess = best(&scores);
            let truth = examples[index].class as usize;
            if guess != truth {
                for &feature in features {
                    let at = bucket(feature, settings.bits) * CLASSES;
                    weights[at + truth] += 1;
                    stamped[at + truth] += step;
                    weights[at + guess] -= 1;
                    stamped[at + guess] -= step;
                }
            }
            step += 1;
        }
    }
    let averaged: Vec<f64> = weights
        .iter()
        .zip(&stamped)
        .map(|(&w, &s)| w as f64 - s as f64 / step as f64)
        .collect();
    let relative: Vec<f64> = averaged
        .chunks_exact(CLASSES)
        .flat_map(|row| row[1..].iter().map(move |w| w - row[Class::Other as usize]))
        .collect();
    Weights {
        bits: settings.bits,
        min_margin: settings.min_margin,
        table: quantised(&relative),
    }
}

/// Quantised weights run from -LEVELS to LEVELS: 31 values, about 4 bits of entropy
/// each once compressed, and the same accuracy as a full byte on held-out text.
const LEVELS: f64 = 15.0;

/// The weights scaled so that all but the largest thousandth fit in ±LEVELS (those few
/// are clipped), and rounded half away from zero.
fn quantised(weights: &[f64]) -> Vec<i8> {
    let mut magnitudes: Vec<f64> = weights
        .iter()
        .map(|w| w.abs())
        .filter(|&w| w > 0.0)
        .collect();
    magnitudes.sort_by(f64::total_cmp);
    let clipped = magnitudes.len() / 1000 + 1;
    let Some(&largest) = magnitudes
        .len()
        .checked_sub(clipped)
        .map(|at| &magnitudes[at])
    else {
        return vec![0; weights.len()];
    };
    let scale = LEVELS / largest;
    weights
        .iter()
        .map(|w| (w * scale).round().clamp(-LEVELS, LEVELS) as i8)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example(features: &[u32], class: Class) -> Example {
        Example {
            features: features.to_vec(),
            class,
        }
    }

    #[test]
    fn learns_separable_classes_and_round_trips() {
        let examples = [
            example(&[0x1000_0000, 0x8000_0000], Class::Person),
            example(&[0x2000_0000, 0x8000_0000], Class::Org),
            example(&[0x3000_0000, 0x8000_0000], Class::Place),
            example(&[0x4000_0000, 0x8000_0000], Class::Other),
        ];
        let settings = Settings {
            bits: 4,
            epochs: 5,
            min_margin: 0,
            min_count: 1,
        };
        let weights = train(&examples, settings);
        for e in &examples {
            let scores = weights.scores(&e.features);
            let top = (0..CLASSES)
                .max_by_key(|&c| (scores[c], -(c as i32)))
                .unwrap();
            assert_eq!(top, e.class as usize);
        }
        assert_eq!(Weights::parse(&weights.to_bytes()), Some(weights.clone()));
        assert_eq!(train(&examples, settings), weights);
    }

    #[test]
    fn rejects_what_is_no_weights_file() {
        assert_eq!(Weights::parse(b""), None);
        assert_eq!(Weights::parse(b"DMNAMES1\x04\0\0short"), None);
        assert_eq!(Weights::parse(b"DMNAMES1\x63\0\0"), None);
        assert_eq!(Weights::parse(b"DMNAMES1\x01\0"), None);
    }
}
