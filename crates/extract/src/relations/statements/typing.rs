//! Typing: where each type's cue words stand relative to a pair (between the names,
//! around them, elsewhere in the clause or the sentence), and the cue words shown as
//! the reason for a type.

use std::ops::Range;

use super::super::actors::Actor;
use super::super::cues::Cue;
use super::super::features::{Reach, Role};
use super::{ClauseView, SentenceContext, AROUND, CUES_SHOWN};
use crate::model::{RelationType, Span};
use crate::steps::tick;
use crate::tokens::Tokens;

/// Does a cue stand at one of the tokens of `range`? (Cues are in text order.)
pub(super) fn any_cue_in(cues: &[Cue], range: Range<usize>) -> bool {
    let from = cues.partition_point(|cue| cue.at < range.start);
    cues.get(from).is_some_and(|cue| cue.at < range.end)
}

/// Where each type's cue words stand relative to a pair.
pub(super) struct Typing {
    pub(super) reach: [Option<Reach>; RelationType::ALL.len()],
    pub(super) near: [u8; RelationType::ALL.len()],
    pub(super) verbs: u8,
    pub(super) linking_verbs: u8,
    pub(super) nearest: Option<RelationType>,
    /// The tokens between and around the names.
    pub(super) around: std::ops::RangeInclusive<usize>,
    /// Conflict cues read as an accusation ([`Typing::accusation`]).
    pub(super) accused: bool,
    /// Some cue around the names is part of an arms deal.
    pub(super) arms_deal: bool,
}

impl Typing {
    pub(super) fn of(
        clause: &ClauseView<'_>,
        sentence: &SentenceContext,
        first: &Actor,
        second: &Actor,
    ) -> Typing {
        let around = first.first.saturating_sub(AROUND)..=second.last + AROUND;
        let mut typing = Typing {
            reach: [None; RelationType::ALL.len()],
            near: [0; RelationType::ALL.len()],
            verbs: 0,
            linking_verbs: 0,
            nearest: None,
            around: around.clone(),
            accused: false,
            arms_deal: false,
        };
        for kind in RelationType::ALL {
            if sentence.kinds & 1 << kind as u8 != 0 {
                typing.reach[kind as usize] = Some(Reach::Sentence);
            }
        }
        // The cues around the pair are found by binary search: a clause of many pairs
        // reads each pair's neighbourhood, not the whole clause.
        let from = clause.cues.partition_point(|cue| cue.at < *around.start());
        let to = clause.cues.partition_point(|cue| cue.at <= *around.end());
        let stance = clause.stance_between(first, second);
        let kinds = stance.map_or(clause.kinds, |stance| stance.clause_kinds(clause));
        for kind in RelationType::ALL {
            if kinds & 1 << kind as u8 != 0 {
                typing.reach[kind as usize] = Some(Reach::Clause);
            }
        }
        let mut nearest = usize::MAX;
        let backed = stance.filter(|stance| stance.backs_armed_action());
        let backing = backed.map(|stance| Cue {
            at: stance.at,
            kind: RelationType::Security,
            arms: false,
            verb: false,
            stance: true,
        });
        let cues = clause.cues[from..to].iter().chain(backing.iter());
        for cue in cues.filter(|cue| stance.is_none_or(|stance| stance.keeps(cue))) {
            tick(1);
            let kind = cue.kind;
            let inside = first.last < cue.at && cue.at < second.first;
            let reach = if inside {
                Reach::Between
            } else {
                Reach::Around
            };
            let slot = &mut typing.reach[kind as usize];
            if slot.is_none_or(|known| reach as usize <= known as usize) {
                *slot = Some(reach);
            }
            typing.arms_deal |= cue.arms;
            if cue.verb {
                typing.verbs |= 1 << kind as u8;
                if inside {
                    typing.linking_verbs |= 1 << kind as u8;
                }
            }
            let count = &mut typing.near[kind as usize];
            *count = count.saturating_add(1);
            let distance = if inside {
                0
            } else {
                cue.at
                    .abs_diff(first.first)
                    .min(cue.at.abs_diff(second.last))
            };
            if distance < nearest {
                nearest = distance;
                typing.nearest = Some(kind);
            }
        }
        if typing.nearest.is_none() {
            typing.nearest = nearest_in(clause.cues, first.first);
        }
        if first.roles.has(Role::Alternative) || second.roles.has(Role::Alternative) {
            typing.accusation();
        }
        typing
    }

    /// An either/or attribution ("the regime or Russia struck the convoy") accuses each
    /// named suspect: tension, and no conflict with anyone (the annotation guide's call
    /// 18).
    pub(super) fn accusation(&mut self) {
        let (conflict, tension) = (
            RelationType::Conflict as usize,
            RelationType::Tension as usize,
        );
        // Only an attribution of armed action accuses.
        if self.reach[conflict].is_none() {
            return;
        }
        let nearer = match (self.reach[conflict], self.reach[tension]) {
            (Some(c), Some(t)) => Some(if (c as usize) < (t as usize) { c } else { t }),
            (c, t) => c.or(t),
        };
        self.reach[tension] = nearer;
        self.reach[conflict] = None;
        self.near[tension] = self.near[tension].saturating_add(self.near[conflict]);
        self.near[conflict] = 0;
        for verbs in [&mut self.verbs, &mut self.linking_verbs] {
            if *verbs & 1 << conflict != 0 {
                *verbs = *verbs & !(1 << conflict) | 1 << tension;
            }
        }
        if self.nearest == Some(RelationType::Conflict) {
            self.nearest = Some(RelationType::Tension);
        }
        self.accused = true;
    }

    /// The cue words that show each type: those around the pair, or, for a type cued
    /// only further away in the clause, its cues nearest to the pair (a few per type).
    pub(super) fn shown<'c>(
        &self,
        tokens: &'c Tokens<'_>,
        cues: &'c [Cue],
    ) -> impl Iterator<Item = (RelationType, Span)> + 'c {
        /// How many cues beyond those around the pair are looked at, each side.
        const FURTHER: usize = 12;
        let reach = self.reach;
        let around = self.around.clone();
        let accused = self.accused;
        let from = cues.partition_point(|cue| cue.at < *around.start());
        let to = cues.partition_point(|cue| cue.at <= *around.end());
        let window = from.saturating_sub(FURTHER)..(to + FURTHER).min(cues.len());
        let mut shown = [0usize; RelationType::ALL.len()];
        cues[window]
            .iter()
            .filter(move |cue| {
                let near = around.contains(&cue.at);
                let wanted = near || reach[cue.kind as usize] == Some(Reach::Clause);
                let room = shown[cue.kind as usize] < CUES_SHOWN;
                if wanted && room {
                    shown[cue.kind as usize] += 1;
                }
                wanted && room
            })
            .map(move |cue| {
                let kind = match cue.kind {
                    RelationType::Conflict if accused => RelationType::Tension,
                    kind => kind,
                };
                (kind, tokens.span(cue.at, cue.at))
            })
    }
}

/// The type of the clause's cue nearest to token `at`.
pub(super) fn nearest_in(cues: &[Cue], at: usize) -> Option<RelationType> {
    let after = cues.partition_point(|cue| cue.at < at);
    let before = after.checked_sub(1).map(|i| &cues[i]);
    match (before, cues.get(after)) {
        (Some(b), Some(a)) if at - b.at <= a.at - at => Some(b.kind),
        (_, Some(a)) => Some(a.kind),
        (Some(b), None) => Some(b.kind),
        (None, None) => None,
    }
}
