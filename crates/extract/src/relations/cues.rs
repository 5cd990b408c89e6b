//! The words that type a clause, and how strongly it asserts what it says.

use std::sync::OnceLock;

use super::Layout;
use crate::model::RelationType;
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
        ],
    ),
    (
        RelationType::Security,
        &[
            "militar", "base", "troop", "defen", "arms", "weapon", "exercise", "terror",
            "security", "army", "soldier", "nuclear",
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
            "worsen", "condemn", "challeng", "tension", "protest", "orbit",
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
];

/// Verbs whose subject acts on their object: "Moscow granted $30 million to Bishkek".
pub(super) const DIRECTED: &[&str] = &[
    "visit", "grant", "gave", "give", "provid", "lend", "lent", "sanction", "accus", "attack",
    "strik", "struck", "invad", "bomb", "expel", "pressur", "support", "host",
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

/// A cue word: its token, and its type's position in `RelationType::ALL`.
pub(super) struct Cue {
    pub at: usize,
    kind: usize,
}

/// The cue words of a clause. Words inside entity names do not count: the "Security" of
/// "Centre for Energy and Security" is no cue.
pub(super) fn cues(tokens: &Tokens<'_>, layout: &Layout, first: usize, last: usize) -> Vec<Cue> {
    let index = cue_index();
    let mut found = Vec::new();
    crate::steps::tick(last + 1 - first);
    for i in (first..=last).filter(|&i| !layout.in_entity[i] && tokens.kind(i) == TokenKind::Word) {
        let word = tokens.folded(i);
        let bucket = word
            .bytes()
            .next()
            .filter(u8::is_ascii_lowercase)
            .map(|b| &index[usize::from(b - b'a')]);
        for (stem, kind) in bucket.into_iter().flatten() {
            if word.starts_with(stem) && !starts_with_any(word, FALSE_FRIENDS) {
                found.push(Cue { at: i, kind: *kind });
            }
        }
    }
    found
}

/// The types of the cues at the tokens `near` accepts, each once, in their order.
pub(super) fn types_of(cues: &[Cue], near: impl Fn(usize) -> bool) -> Vec<RelationType> {
    let mut seen = [false; RelationType::ALL.len()];
    for cue in cues.iter().filter(|cue| near(cue.at)) {
        seen[cue.kind] = true;
    }
    RelationType::ALL
        .into_iter()
        .zip(seen)
        .filter_map(|(kind, seen)| seen.then_some(kind))
        .collect()
}

/// The cue stems by first letter, each with its type's position in `RelationType::ALL`,
/// so a word is compared with a handful of stems rather than all of them.
fn cue_index() -> &'static [Vec<(&'static str, usize)>; 26] {
    static INDEX: OnceLock<[Vec<(&'static str, usize)>; 26]> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: [Vec<(&'static str, usize)>; 26] = Default::default();
        for (kind, stems) in CUES {
            let position = RelationType::ALL
                .iter()
                .position(|k| k == kind)
                .unwrap_or(0);
            for stem in *stems {
                if let Some(first) = stem.bytes().next().filter(u8::is_ascii_lowercase) {
                    index[usize::from(first - b'a')].push((stem, position));
                }
            }
        }
        index
    })
}

pub(super) fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| word.starts_with(stem))
}

/// A hedged clause ("could", "possible") weighs 0.5, a negated one ("no", "not") 0.25,
/// an assertion 1.
pub(super) fn clause_weight(tokens: &Tokens<'_>, first: usize, last: usize) -> f64 {
    if (first..=last).any(|i| negates(tokens, i)) {
        0.25
    } else if (first..=last).any(|i| HEDGES.contains(&tokens.folded(i))) {
        0.5
    } else {
        1.0
    }
}
