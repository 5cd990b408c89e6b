//! Names no rule and no list decides, labelled by a learned model. After the rules, the
//! capitalised runs of words that no rule took ("Marcy", "Wexcorp", "the Harriers") are
//! candidates; each stretch of a run that starts and ends with a capitalised word is
//! scored by an averaged perceptron ([`perceptron`]) over its features ([`features`]),
//! and the best-scoring stretches that the model calls a person, an organisation or a
//! place become names, longest margin first, never overlapping.
//!
//! The weights are `data/names.bin`, trained by `examples/train_names.rs` on openly
//! licensed text (see `scripts/ner/corpus.py`), not on the evaluation sets.

mod features;
pub mod perceptron;

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use super::claims::Claims;
use super::matches::match_at;
use super::words::{is, Words};
use super::{Recognition, PASSES};
use crate::gazetteer::Gazetteer;
use crate::lexicon::WordClass::{NameConnector, NotName, PlaceHead, PlaceStart, Title};
use crate::mention::Mention;
use crate::model::{Label, Span};
use crate::tokens::{TokenKind, Tokens};
use features::{Facts, Input};
use perceptron::{Class, Weights};

/// Runs longer than this many tokens are cut: a stretch is scored for each pair of its
/// ends, so a run costs at most `MAX_RUN²/2` candidates, and a text of capitals stays
/// linear.
const MAX_RUN: usize = 8;

/// The model compiled in (`data/names.bin`).
#[cfg(not(feature = "names-deferred"))]
fn shipped() -> Option<&'static Weights> {
    static WEIGHTS: OnceLock<Option<Weights>> = OnceLock::new();
    WEIGHTS
        .get_or_init(|| Weights::parse(include_bytes!("../../data/names.bin")))
        .as_ref()
}

/// The model installed at run time ([`install`]); until then the rules alone decide.
#[cfg(feature = "names-deferred")]
static INSTALLED: OnceLock<Weights> = OnceLock::new();

#[cfg(feature = "names-deferred")]
fn shipped() -> Option<&'static Weights> {
    INSTALLED.get()
}

/// Installs the model from the bytes of a `data/names.bin`, for a build that leaves it
/// out of its first download (the app fetches it with the gazetteer's second tier).
/// `false` if the bytes are no model; a second model is ignored.
#[cfg(feature = "names-deferred")]
pub fn install(bytes: &[u8]) -> bool {
    let Some(weights) = Weights::parse(bytes) else {
        return false;
    };
    let _ = INSTALLED.set(weights);
    true
}

/// The capitalised runs of words that no rule took: words, with connectors ("of",
/// "&", "-", an initial's full stop, a tight apostrophe) inside, on one line.
fn runs(tokens: &Words<'_, '_>, claims: &Claims) -> Vec<(usize, usize)> {
    let free_capital = |k: usize| {
        k < tokens.len()
            && claims.is_free(k)
            && tokens.is_capitalized(k)
            && !tokens.list[k].newline_before
    };
    let mut found = Vec::new();
    let mut next = 0;
    for &i in &tokens.capitals {
        if i < next || claims.is_taken(i) {
            continue;
        }
        let mut last = i;
        let mut k = i + 1;
        while k < tokens.len()
            && k - i < MAX_RUN
            && claims.is_free(k)
            && !tokens.list[k].newline_before
        {
            if tokens.is_capitalized(k) {
                last = k;
            } else if !(joins(tokens, k) && free_capital(k + 1)) {
                break;
            }
            k += 1;
        }
        found.push((i, last));
        next = last + 1;
    }
    found
}

/// Can token `k` stand inside a name, between two capitalised words?
fn joins(tokens: &Words<'_, '_>, k: usize) -> bool {
    let tight = |k: usize| k + 1 < tokens.len() && !tokens.list[k + 1].space_before;
    let initial_stop = tokens.is_punct(k, '.') && tokens.raw(k - 1).chars().count() == 1;
    let apostrophe = tokens.folded(k) == "'" && tight(k - 1) && tight(k);
    is(tokens, k, NameConnector) || initial_stop || apostrophe
}

/// Can a candidate start or end at token `k`? A capitalised word that is not one of
/// the words that only open sentences ("The", "But") nor a title ("President"): names
/// leave titles out.
fn can_bound(tokens: &Words<'_, '_>, k: usize) -> bool {
    tokens.is_capitalized(k) && tokens.kind(k) == TokenKind::Word && !is(tokens, k, NotName | Title)
}

/// The stretches the model decides: those of the runs the gazetteer does not know only
/// as a place. A place the gazetteer knows is the rules' to read with the document's
/// context; where they declined it ("Russellville", a town named only where its state
/// is), a guess must not make it a person or a company instead.
fn candidates(r: &Recognition<'_, '_>, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut found = stretches(&r.words, runs);
    found.retain(|&(first, last)| !known_only_as_place(r, first, last));
    found
}

/// Is tokens `first..=last` one gazetteer phrase whose every reading is a place?
fn known_only_as_place(r: &Recognition<'_, '_>, first: usize, last: usize) -> bool {
    match_at(&r.matches, first).is_some_and(|m| {
        m.last == last
            && m.entries
                .iter()
                .all(|&id| matches!(r.gazetteer.entry(id).label, Label::Gpe | Label::Loc))
    })
}

/// Each candidate stretch of the runs, as (first, last).
fn stretches(tokens: &Words<'_, '_>, runs: &[(usize, usize)]) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for &(first, last) in runs {
        for start in (first..=last).filter(|&k| can_bound(tokens, k)) {
            for end in (start..=last).filter(|&k| can_bound(tokens, k)) {
                found.push((start, end));
            }
        }
    }
    found
}

/// A place the model found: a natural place or a region (LOC) when a word says so ("Mt.
/// Corvane", "Tarn Mountains", "the West"), otherwise a political one (GPE).
fn place_label(tokens: &Words<'_, '_>, first: usize, last: usize) -> Label {
    let region = first == last && matches!(tokens.folded(first), "west" | "east");
    let natural = region
        || (first..=last)
            .any(|k| is(tokens, k, PlaceHead | PlaceStart) || tokens.folded(k) == "mt");
    if natural {
        Label::Loc
    } else {
        Label::Gpe
    }
}

/// The pass: the names the model finds among the tokens no rule took, given the rules'
/// names, claimed. They overlap nothing: the candidates are free tokens.
pub(super) fn claim_learned_names(r: &mut Recognition<'_, '_>) {
    let found = learned_names(r);
    r.claim_all(found);
}

/// The name of the pass in [`PASSES`]: training stops there.
pub(super) const PASS_NAME: &str = "names no rule took, by the learned model";

fn learned_names(r: &Recognition<'_, '_>) -> Vec<Mention> {
    let Some(weights) = shipped() else {
        return Vec::new();
    };
    let tokens = &r.words;
    let runs = runs(tokens, &r.claims);
    if runs.is_empty() {
        return Vec::new();
    }
    let facts = Facts::new(tokens, &runs, &r.mentions);
    let input = Input {
        tokens,
        gazetteer: r.gazetteer,
        matches: &r.matches,
        facts: &facts,
    };
    let mut features = Vec::new();
    let mut scored: Vec<Scored> = candidates(r, &runs)
        .into_iter()
        .map(|(first, last)| {
            features.clear();
            features::features(&input, first, last, &mut features);
            (
                name_key(tokens, first, last),
                (first, last),
                weights.scores(&features),
            )
        })
        .collect();
    agree(&mut scored);
    choose(
        scored
            .into_iter()
            .map(|(_, stretch, scores)| (stretch, scores)),
        weights.min_margin,
    )
    .into_iter()
    .map(|((first, last), class)| {
        let label = match class {
            Class::Person => Label::Person,
            Class::Org => Label::Org,
            _ => place_label(tokens, first, last),
        };
        Mention::new(first, last, label)
    })
    .collect()
}

/// A stretch with the key of its words ([`name_key`]) and its scores.
#[doc(hidden)]
pub type Scored = (u64, (usize, usize), [i32; perceptron::CLASSES]);

/// The words of a stretch as one number: stretches with the same words (folded) have
/// the same key.
fn name_key(tokens: &Words<'_, '_>, first: usize, last: usize) -> u64 {
    let mut key: u64 = 0xCBF2_9CE4_8422_2325;
    for k in first..=last {
        for b in tokens.folded(k).bytes().chain([b' ']) {
            key = (key ^ u64::from(b)).wrapping_mul(0x0100_0000_01B3);
        }
    }
    key
}

/// Mentions of one name agree: each stretch gets the average scores of all the
/// stretches with its words, so "Wexcorp" is read once from all its contexts ("the
/// Wexcorp affair", "Wexcorp's founders") rather than afresh at each.
#[doc(hidden)]
pub fn agree(scored: &mut [Scored]) {
    let mut sums: FxHashMap<u64, ([i64; perceptron::CLASSES], i64)> = FxHashMap::default();
    for (key, _, scores) in scored.iter() {
        let (sum, count) = sums.entry(*key).or_default();
        for (total, &score) in sum.iter_mut().zip(scores) {
            *total += i64::from(score);
        }
        *count += 1;
    }
    for (key, _, scores) in scored.iter_mut() {
        let (sum, count) = sums[key];
        if count > 1 {
            for (score, total) in scores.iter_mut().zip(sum) {
                *score = (total / count) as i32;
            }
        }
    }
}

/// The stretches to take, from their scores: those whose best class outscores "other"
/// by more than `min_margin`, best margin first (on a tie the earlier, then the
/// longer), each unless it overlaps one taken before. Stretches are (first, last),
/// inclusive.
#[doc(hidden)]
pub fn choose(
    scored: impl Iterator<Item = ((usize, usize), [i32; perceptron::CLASSES])>,
    min_margin: i32,
) -> Vec<((usize, usize), Class)> {
    let mut kept: Vec<(i32, (usize, usize), Class)> = scored
        .filter_map(|(stretch, scores)| {
            let class = Class::ALL[1..]
                .iter()
                .copied()
                .fold(Class::Other, |best, class| {
                    if best == Class::Other || scores[class as usize] > scores[best as usize] {
                        class
                    } else {
                        best
                    }
                });
            let margin = scores[class as usize] - scores[Class::Other as usize];
            (margin > min_margin).then_some((margin, stretch, class))
        })
        .collect();
    kept.sort_by_key(|&(margin, (first, last), _)| (-margin, first, usize::MAX - last));
    // Chosen stretches by first token; they never overlap, so the one starting last
    // before a stretch's end is the only one that could overlap it.
    let mut chosen: BTreeMap<usize, (usize, Class)> = BTreeMap::new();
    for (_, (first, last), class) in kept {
        let overlaps = chosen
            .range(..=last)
            .next_back()
            .is_some_and(|(_, &(end, _))| end >= first);
        if !overlaps {
            chosen.insert(first, (last, class));
        }
    }
    chosen
        .into_iter()
        .map(|(first, (last, class))| ((first, last), class))
        .collect()
}

/// A candidate for training: its byte span in the text and its features.
#[doc(hidden)]
pub struct Candidate {
    /// See [`name_key`].
    pub key: u64,
    pub span: Span,
    pub features: Vec<u32>,
}

/// The candidates of a text as the shipped pipeline sees them, with their features:
/// what `examples/train_names.rs` learns from. The passes before the learned one run as
/// in [`super::recognize`].
#[doc(hidden)]
pub fn training_candidates(text: &str, gazetteer: &Gazetteer) -> Vec<Candidate> {
    let tokens = Tokens::new(text);
    let mut r = Recognition::new(&tokens, gazetteer);
    for pass in PASSES.iter().take_while(|pass| pass.name != PASS_NAME) {
        (pass.run)(&mut r);
    }
    let runs = runs(&r.words, &r.claims);
    let facts = Facts::new(&r.words, &runs, &r.mentions);
    let input = Input {
        tokens: &r.words,
        gazetteer,
        matches: &r.matches,
        facts: &facts,
    };
    candidates(&r, &runs)
        .into_iter()
        .map(|(first, last)| {
            let mut features = Vec::new();
            features::features(&input, first, last, &mut features);
            Candidate {
                key: name_key(&r.words, first, last),
                span: r.words.span(first, last),
                features,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The label a place found over all of `text`'s tokens gets.
    fn place_label_of(text: &str) -> Label {
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, Gazetteer::shared());
        place_label(&words, 0, tokens.len() - 1)
    }

    #[test]
    fn a_natural_place_or_a_region_is_loc_and_any_other_place_gpe() {
        assert_eq!(place_label_of("West"), Label::Loc);
        assert_eq!(place_label_of("Mt. Corvane"), Label::Loc);
        assert_eq!(place_label_of("Tarn Mountains"), Label::Loc);
        assert_eq!(place_label_of("Quillport"), Label::Gpe);
    }

    #[test]
    fn candidates_are_the_free_capitalised_runs_without_titles_or_sentence_words() {
        let text = "The President Wexcorp Holdings deal";
        let tokens = Tokens::new(text);
        let words = Words::new(&tokens, Gazetteer::shared());
        let runs = runs(&words, &Claims::new(tokens.len()));
        assert_eq!(runs, vec![(0, 3)]);
        // Neither "The" nor the title "President" starts or ends a stretch.
        assert_eq!(stretches(&words, &runs), vec![(2, 2), (2, 3), (3, 3)]);
    }

    #[test]
    fn the_best_margin_wins_an_overlap_and_other_is_never_chosen() {
        let scored = [
            ((0, 1), [0, 30, 0, 0]),
            ((1, 1), [0, 0, 50, 0]),
            ((3, 3), [0, 5, 0, 0]),
            ((5, 5), [0, -5, -5, -5]),
        ];
        let chosen = choose(scored.into_iter(), 8);
        assert_eq!(chosen, vec![((1, 1), Class::Org)]);
    }

    #[test]
    fn mentions_of_one_name_share_their_scores() {
        let mut scored = vec![
            (7, (0, 0), [0, 40, 0, 0]),
            (7, (9, 9), [0, 0, 20, 0]),
            (8, (4, 4), [0, 1, 2, 3]),
        ];
        agree(&mut scored);
        assert_eq!(scored[0].2, [0, 20, 10, 0]);
        assert_eq!(scored[1].2, [0, 20, 10, 0]);
        assert_eq!(scored[2].2, [0, 1, 2, 3]);
    }
}
