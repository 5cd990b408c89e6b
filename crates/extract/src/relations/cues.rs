//! The words that type a clause, and how strongly it asserts what it says, as the
//! relation lexicon ([`super::lexicon`]) reads them.

use super::lexicon::{Mark, Reading, Words};
use super::Layout;
use crate::mention::Mention;
use crate::model::{Label, RelationType};
use crate::tokens::{TokenKind, Tokens};

/// Negation words that do not negate: "not only ... but also".
fn negates(tokens: &Tokens<'_>, words: &Words, i: usize) -> bool {
    words.at(i).has(Mark::Negation) && tokens.folded(i + 1) != "only"
}

/// A cue word: its token and the type it signals.
#[derive(Clone, Copy, Debug)]
pub(super) struct Cue {
    pub at: usize,
    pub kind: RelationType,
    /// Part of an arms deal ([`arms_trade`]).
    pub arms: bool,
    /// A verb of action ("shelled", "expelled", "signed", "met"): it says what happened,
    /// where a noun nearby ("forces", "diplomats") may only say who.
    pub verb: bool,
    /// A statement about the other ([`Mark::Stance`]): "condemns", "supports".
    pub stance: bool,
}

/// Does a cue word read as a verb of action: marked so, or a past form in "-ed"?
fn is_action(word: &str, reading: Reading) -> bool {
    reading.has(Mark::Verb) || word.len() > 4 && word.ends_with("ed")
}

/// The cue words of a sentence's tokens `first..=last`. Words inside entity names do
/// not count: the "Security" of "Centre for Energy and Security" is no cue.
pub(super) fn cues(
    tokens: &Tokens<'_>,
    layout: &Layout,
    words: &Words,
    first: usize,
    last: usize,
) -> Vec<Cue> {
    let mut found = Vec::new();
    crate::steps::tick(last + 1 - first);
    for i in first..=last {
        if layout.armed_group[i] {
            found.push(Cue {
                at: i,
                kind: RelationType::Security,
                arms: false,
                verb: false,
                stance: false,
            });
        }
        let reading = words.at(i);
        if reading.types == 0 || layout.in_entity[i] || tokens.kind(i) != TokenKind::Word {
            continue;
        }
        let verb = is_action(tokens.folded(i), reading);
        for kind in RelationType::ALL
            .into_iter()
            .filter(|k| reading.signals(*k))
        {
            found.push(Cue {
                at: i,
                kind,
                arms: false,
                verb,
                stance: reading.has(Mark::Stance),
            });
        }
    }
    arms_trade(words, layout, (first, last), &mut found);
    found
}

/// The types of some cues, as bits by `RelationType as usize`.
pub(super) fn type_bits(cues: &[Cue]) -> u8 {
    cues.iter().fold(0, |bits, cue| bits | 1 << cue.kind as u8)
}

/// Armed groups that are no state, by words of their names: the states that fight,
/// counter or help against them stand in a security relation.
const ARMED_GROUPS: &[&str] = &[
    "islamic state",
    "qaeda",
    "qaida",
    "taliban",
    "hezbollah",
    "hamas",
    "shabaab",
    "boko haram",
    "houthi",
    "tahrir al-sham",
    "lashkar",
    "jaish",
];

pub(super) fn is_armed_group(mention: &Mention) -> bool {
    mention.label == Label::Org
        && mention.canonical.as_ref().is_some_and(|name| {
            ARMED_GROUPS.iter().any(|group| {
                name.as_bytes()
                    .windows(group.len())
                    .any(|window| window.eq_ignore_ascii_case(group.as_bytes()))
            })
        })
}

/// How many words may stand between a trade word and an arms word for an arms deal
/// ("buy S-400 missiles"), not counting names and amounts: "selling more than $1.3
/// billion in artillery" is a sale of artillery.
const ARMS_REACH: usize = 5;

/// Re-types the cues of an arms deal ("will buy S-400 missiles", "arms sales"): the
/// trade word is security and agreement, the weapon security rather than conflict.
fn arms_trade(words: &Words, layout: &Layout, (first, last): (usize, usize), cues: &mut Vec<Cue>) {
    let is = |at: usize, mark: Mark| words.at(at).has(mark);
    let trade: Vec<usize> = cues
        .iter()
        .filter(|cue| cue.kind == RelationType::Economy && is(cue.at, Mark::Trade))
        .map(|cue| cue.at)
        .collect();
    if trade.is_empty() {
        return;
    }
    let arms: Vec<usize> = (first..=last).filter(|&at| is(at, Mark::Arms)).collect();
    let words_before = words_before(layout, first, last);
    // The words between tokens x < y, names and amounts not counted.
    let apart = |x: usize, y: usize| words_before[y - first] - words_before[x + 1 - first];
    // Positions are in text order, and the words between grow with the distance: a
    // binary search finds the first within reach.
    let within_reach = |at: usize, positions: &[usize]| {
        let from = positions.partition_point(|&p| p < at && apart(p, at) >= ARMS_REACH);
        positions[from..]
            .iter()
            .take_while(|&&p| p <= at || apart(at, p) < ARMS_REACH)
            .any(|&p| p != at)
    };
    // Each re-typed trade word also stands for the deal, right after it: the cues stay
    // in text order.
    let mut typed = Vec::with_capacity(cues.len() + trade.len());
    for mut cue in cues.drain(..) {
        if cue.kind == RelationType::Economy
            && is(cue.at, Mark::Trade)
            && within_reach(cue.at, &arms)
        {
            cue.kind = RelationType::Security;
            cue.arms = true;
            typed.push(cue);
            cue.kind = RelationType::Agreement;
        } else if cue.kind == RelationType::Conflict
            && is(cue.at, Mark::Arms)
            && within_reach(cue.at, &trade)
        {
            cue.kind = RelationType::Security;
            cue.arms = true;
        }
        typed.push(cue);
    }
    *cues = typed;
}

/// For each token of `first..=last` and the one after, how many tokens before it (from
/// `first`) are words in no name or amount.
fn words_before(layout: &Layout, first: usize, last: usize) -> Vec<usize> {
    let mut counts = Vec::with_capacity(last + 2 - first);
    let mut count = 0;
    counts.push(count);
    for i in first..=last {
        count += usize::from(!layout.in_entity[i]);
        counts.push(count);
    }
    counts
}

/// How a clause asserts what it says.
#[derive(Clone, Copy, Debug, Default)]
pub(super) struct Assertion {
    /// "could", "possible", "would"...
    pub hedged: bool,
    /// "no", "not", "never" ("not only" does not count).
    pub negated: bool,
    /// "said", "according to": a report.
    pub reported: bool,
}

impl Assertion {
    pub fn of(tokens: &Tokens<'_>, words: &Words, first: usize, last: usize) -> Assertion {
        let mut assertion = Assertion::default();
        for i in first..=last {
            let reading = words.at(i);
            assertion.negated |= negates(tokens, words, i);
            assertion.hedged |= reading.has(Mark::Hedge);
            assertion.reported |= reading.has(Mark::Report);
        }
        assertion
    }

    /// The weight of the clause as evidence: an assertion 1, a hedged one 0.5, a
    /// negated one 0.25.
    pub fn weight(self) -> f32 {
        if self.negated {
            0.25
        } else if self.hedged {
            0.5
        } else {
            1.0
        }
    }
}
