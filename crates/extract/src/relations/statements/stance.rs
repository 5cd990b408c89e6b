//! Statements of stance (the annotation guide's call 19): one country condemning,
//! backing or welcoming what another does. What the statement is about is no act
//! between the two, so a stance filters the clause's cues before they type the pair.

use super::super::cues::Cue;
use super::super::lexicon::{Mark, Words};
use super::ClauseView;
use crate::model::RelationType;

/// What a word of stance says of its object.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum StanceKind {
    /// Condemning, accusing, criticising: tension.
    Critical,
    /// Supporting, standing with, pledging: backing the other's cause.
    Backing,
    /// Welcoming, praising, urging: a statement.
    Saying,
}

/// The words of stance among a clause's cues, with what each says of its object.
pub(super) fn stances(words: &Words, cues: &[Cue]) -> Vec<(usize, StanceKind)> {
    let mut stances: Vec<(usize, StanceKind)> = Vec::new();
    for cue in cues.iter().filter(|cue| cue.stance) {
        let kind = if cue.kind == RelationType::Tension {
            StanceKind::Critical
        } else if words.at(cue.at).has(Mark::Backing) {
            StanceKind::Backing
        } else {
            StanceKind::Saying
        };
        if stances.last().is_none_or(|(at, _)| *at != cue.at) {
            stances.push((cue.at, kind));
        }
    }
    stances
}

/// A statement one country makes about another, by a word of stance between their
/// names (the annotation guide's call 19): what it is about is no act between the two.
#[derive(Clone, Copy)]
pub(super) struct Stance {
    pub(super) at: usize,
    pub(super) kind: StanceKind,
    /// What it is about is a fight against an armed group.
    pub(super) fight: bool,
    /// What it is about is such a fight or other armed action.
    pub(super) armed: bool,
}

impl Stance {
    /// Does a cue of the clause type the pair? Armed action after the statement is what
    /// it is about, not the speaker's act ("X condemns the strikes in Y"), and condemning
    /// an armed group's attacks is no tension with the country struck.
    pub(super) fn keeps(self, cue: &Cue) -> bool {
        match cue.kind {
            RelationType::Conflict => cue.at < self.at,
            RelationType::Tension => {
                !(cue.stance && self.kind == StanceKind::Critical && self.fight)
            }
            _ => true,
        }
    }

    /// The types of the clause's cues that it [`keeps`](Stance::keeps), as bits.
    pub(super) fn clause_kinds(self, clause: &ClauseView<'_>) -> u8 {
        let (conflict, tension) = (RelationType::Conflict as u8, RelationType::Tension as u8);
        let mut kinds = clause.kinds & !(1 << conflict | 1 << tension);
        if clause.conflicts.first().is_some_and(|&at| at < self.at) {
            kinds |= 1 << conflict;
        }
        let condemns_armed_group = self.kind == StanceKind::Critical && self.fight;
        if clause.kinds & 1 << tension != 0 && (!condemns_armed_group || clause.plain_tension) {
            kinds |= 1 << tension;
        }
        kinds
    }

    /// Backing a fight against an armed group, or armed action, is security too (calls
    /// 7 and 13), signalled by the word of stance.
    pub(super) fn backs_armed_action(self) -> bool {
        self.kind == StanceKind::Backing && self.armed
    }
}
