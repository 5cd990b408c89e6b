//! The words that type a clause, and how strongly it asserts what it says.

use std::sync::OnceLock;

use super::Layout;
use crate::mention::Mention;
use crate::model::{Label, RelationType};
use crate::tokens::{TokenKind, Tokens};

/// Word stems that signal each relation type (matched as prefixes of folded words).
pub(super) const CUES: &[(RelationType, &[&str])] = &[
    (
        RelationType::Diplomacy,
        &[
            "visit",
            "talks",
            "met",
            "meet",
            "summit",
            "discuss",
            "invit",
            "ambassador",
            "envoy",
            "host",
            "diplomat",
            "negotiat",
            "call",
            "recogni",
            "mediat",
            "trip",
            "partner",
            "counterpart",
            "relations",
            // Statements about the other: support, welcome, condolences, praise
            // (the annotation guide's call 19).
            "support",
            "welcom",
            "condolence",
            "prais",
            "congratulat",
            "consult",
            "dialogue",
            "cooperat",
            "ally",
            "allies",
            "urged",
            "urges",
            "urging",
            "delegation",
            "stands",
            "solidarity",
            "commitment",
            "committed",
        ],
    ),
    (
        RelationType::Agreement,
        &[
            "agreement",
            "treaty",
            "memorand",
            "deal",
            "contract",
            "declaration",
            "signed",
            "sign",
            "agreed",
            "accord",
            "pact",
            "broker",
        ],
    ),
    (
        RelationType::Economy,
        &[
            "trade",
            "invest",
            "aid",
            "grant",
            "loan",
            "debt",
            "remittanc",
            "migrant",
            "gas",
            "oil",
            "energy",
            "export",
            "import",
            "money",
            "financ",
            "assistance",
            "budget",
            "market",
            "fund",
            "pipeline",
            "tariff",
            "buy",
            "bought",
            "sell",
            "sold",
            "purchas",
            "suppl",
            "electricity",
            "remit",
            "lend",
            "lent",
            "credit",
            "currency",
            "humanitarian",
            "economic",
        ],
    ),
    (
        RelationType::Security,
        &[
            "militar",
            "base",
            "troop",
            "defen",
            "arms",
            "weapon",
            "exercise",
            "terror",
            "security",
            "army",
            "soldier",
            "nuclear",
            "forces",
            "deploy",
            "advis",
            "training",
            "counterterror",
            "navy",
            "naval",
            // A threat from one country to another is a security matter (relations.md).
            "threat",
        ],
    ),
    (
        RelationType::Integration,
        &[
            "membership",
            "member",
            "accession",
            "integration",
            "bloc",
            "join",
            "union",
            "alliance",
        ],
    ),
    (
        RelationType::Tension,
        &[
            "disput", "accus", "sanction", "embargo", "ban", "expel", "rival", "compet", "pressur",
            "worsen", "condemn", "challeng", "tension", "protest", "orbit", "blam", "criticis",
            "criticiz", "denounc", "retaliat", "interfer", "meddl", "cyber", "hack",
        ],
    ),
    (
        RelationType::Conflict,
        &[
            "war",
            "attack",
            "strik",
            "struck",
            "airstrike",
            "bomb",
            "invad",
            "invasion",
            "kill",
            "fight",
            "clash",
            "shell",
            "missile",
            "raid",
            "offensive",
            "combat",
            "battl",
        ],
    ),
];

/// Words that begin with a cue stem but mean something else: "bank" is no ban, "based"
/// no base, "metal" no meeting, "significant" no signing, "warm" no war, "important"
/// no import.
const FALSE_FRIENDS: &[&str] = &[
    "bank",
    "band",
    "banner",
    "based",
    "basis",
    "basic",
    "metal",
    "method",
    "metre",
    "meter",
    "metro",
    "significan",
    "signal",
    "warm",
    "warn",
    "ward",
    "warrant",
    "warehouse",
    "aide",
    "dealer",
    "hostage",
    "triple",
    "shellfish",
    "membrane",
    "basin",
    "importan",
    "fundamental",
    "wary",
    "striking",
    "baseless",
    "baseline",
    "standst",
    "standsti",
];

const HEDGES: &[&str] = &[
    "could",
    "might",
    "may",
    "possible",
    "possibly",
    "potential",
    "would",
    "if",
    "hypothetical",
    "perhaps",
    "reportedly",
];

const NEGATIONS: &[&str] = &["no", "not", "never", "neither", "nor", "without"];

/// Negation words that do not negate: "not only ... but also".
fn negates(tokens: &Tokens<'_>, i: usize) -> bool {
    NEGATIONS.contains(&tokens.folded(i))
        && !(i + 1 < tokens.len() && tokens.folded(i + 1) == "only")
}

/// Words that make the countries of one list act with each other.
pub(super) const RECIPROCAL: &[&str] = &[
    "signed",
    "sign",
    "agreed",
    "agree",
    "met",
    "meet",
    "meeting",
    "talks",
    "discussed",
    "discuss",
    "between",
    "bilateral",
    "partners",
    "partner",
    "relations",
    "together",
    "mutual",
    "joint",
    "negotiated",
    "negotiations",
    "clashed",
    "fought",
    "war",
    "dispute",
];

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
}

/// Past forms of cue verbs that do not end in "-ed".
const IRREGULAR: &[&str] = &[
    "struck", "met", "sold", "bought", "lent", "fought", "gave", "sent", "shot", "won", "led",
];

/// Present forms of cue verbs that are no nouns too ("attacks" and "strikes" are both).
const PRESENT: &[&str] = &[
    "condemns",
    "welcomes",
    "supports",
    "urges",
    "praises",
    "accuses",
    "blames",
    "expels",
    "signs",
    "meets",
    "visits",
    "criticises",
    "criticizes",
    "denounces",
    "invades",
    "sanctions",
];

/// Does the word read as a verb of action: a past form, or a present one of [`PRESENT`]?
fn is_action(word: &str) -> bool {
    word.len() > 4 && word.ends_with("ed") || IRREGULAR.contains(&word) || PRESENT.contains(&word)
}

/// The cue words of a clause. Words inside entity names do not count: the "Security" of
/// "Centre for Energy and Security" is no cue.
pub(super) fn cues(tokens: &Tokens<'_>, layout: &Layout, first: usize, last: usize) -> Vec<Cue> {
    let index = cue_index();
    let mut found = Vec::new();
    crate::steps::tick(last + 1 - first);
    for i in first..=last {
        if layout.armed_group[i] {
            found.push(Cue {
                at: i,
                kind: RelationType::Security,
                arms: false,
                verb: false,
            });
        }
        if layout.in_entity[i] || tokens.kind(i) != TokenKind::Word {
            continue;
        }
        let word = tokens.folded(i);
        let bucket = word
            .bytes()
            .next()
            .filter(u8::is_ascii_lowercase)
            .map(|b| &index[usize::from(b - b'a')]);
        for (stem, kind) in bucket.into_iter().flatten() {
            if word.starts_with(stem) && !starts_with_any(word, FALSE_FRIENDS) {
                found.push(Cue {
                    at: i,
                    kind: *kind,
                    arms: false,
                    verb: is_action(word),
                });
            }
        }
    }
    arms_trade(tokens, &mut found);
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

/// Words of the arms trade: buying or selling them is security and agreement, not
/// economy (an arms sale is a deal between states about their defence).
const ARMS: &[&str] = &[
    "arms",
    "weapon",
    "missile",
    "jets",
    "fighter",
    "tank",
    "helicopter",
    "drone",
    "warship",
    "munition",
    "ammunition",
    "rifle",
    "howitzer",
];

/// How far a trade word may stand from an arms word to trade in arms ("buy S-400
/// missiles" is five tokens).
const ARMS_REACH: usize = 5;

/// Re-types the cues of an arms deal ("will buy S-400 missiles", "arms sales"): the
/// trade word is security and agreement, the weapon security rather than conflict.
fn arms_trade(tokens: &Tokens<'_>, cues: &mut Vec<Cue>) {
    let is = |at: usize, stems: &[&str]| starts_with_any(tokens.folded(at), stems);
    let trade: Vec<usize> = cues
        .iter()
        .filter(|cue| cue.kind == RelationType::Economy && is(cue.at, TRADE))
        .map(|cue| cue.at)
        .collect();
    if trade.is_empty() {
        return;
    }
    let mut arms: Vec<usize> = trade
        .iter()
        .flat_map(|&at| at.saturating_sub(ARMS_REACH)..=at + ARMS_REACH)
        .filter(|&at| is(at, ARMS))
        .collect();
    arms.sort_unstable();
    arms.dedup();
    // Each re-typed trade word also stands for the deal, right after it: the cues stay
    // in text order.
    let mut typed = Vec::with_capacity(cues.len() + trade.len());
    for mut cue in cues.drain(..) {
        if cue.kind == RelationType::Economy && is(cue.at, TRADE) && within_reach(&arms, cue.at) {
            cue.kind = RelationType::Security;
            cue.arms = true;
            typed.push(cue);
            cue.kind = RelationType::Agreement;
        } else if cue.kind == RelationType::Conflict
            && is(cue.at, ARMS)
            && within_reach(&trade, cue.at)
        {
            cue.kind = RelationType::Security;
            cue.arms = true;
        }
        typed.push(cue);
    }
    *cues = typed;
}

/// Is one of the sorted `positions` (other than `at`) within [`ARMS_REACH`] of `at`?
fn within_reach(positions: &[usize], at: usize) -> bool {
    let from = positions.partition_point(|&p| p + ARMS_REACH < at);
    positions[from..]
        .iter()
        .take_while(|&&p| p <= at + ARMS_REACH)
        .any(|&p| p != at)
}

/// The economy cues that trade goods: with arms, they make an arms deal.
const TRADE: &[&str] = &[
    "buy", "bought", "sell", "sold", "purchas", "suppl", "export", "import", "sale",
];

/// The cue stems by first letter, each with its type, so a word is compared with a
/// handful of stems rather than all of them.
fn cue_index() -> &'static [Vec<(&'static str, RelationType)>; 26] {
    static INDEX: OnceLock<[Vec<(&'static str, RelationType)>; 26]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<(&'static str, RelationType)>; 26] = Default::default();
        for (kind, stems) in CUES {
            for stem in *stems {
                if let Some(first) = stem.bytes().next().filter(u8::is_ascii_lowercase) {
                    index[usize::from(first - b'a')].push((stem, *kind));
                }
            }
        }
        index
    })
}

pub(super) fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| word.starts_with(stem))
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
    pub fn of(tokens: &Tokens<'_>, first: usize, last: usize) -> Assertion {
        let mut assertion = Assertion::default();
        for i in first..=last {
            let word = tokens.folded(i);
            assertion.negated |= negates(tokens, i);
            assertion.hedged |= HEDGES.contains(&word);
            assertion.reported |= REPORTING.contains(&word);
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

const REPORTING: &[&str] = &[
    "said",
    "says",
    "told",
    "according",
    "stated",
    "announced",
    "reported",
    "added",
];

/// Words that place a sentence in the past rather than the news: history, not a
/// present relation.
const HISTORICAL: &[&str] = &[
    "century",
    "centuries",
    "history",
    "historic",
    "historical",
    "historically",
    "ancient",
    "colonial",
    "empire",
    "editor",
];

pub(super) fn is_historical_word(word: &str) -> bool {
    HISTORICAL.contains(&word)
}
