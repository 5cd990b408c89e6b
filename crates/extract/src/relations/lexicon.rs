//! The relation lexicon (`data/relation_lexicon.tsv`): every word the relation rules
//! read, with the relation types it signals and its marks (a verb of action, a hedge, a
//! word of the arms trade...). Data rather than code, so the vocabulary can be read and
//! reviewed against the annotation guide in one place.
//!
//! A row is a folded word, or a stem ending in `*` that any longer word beginning so
//! matches. A word reads as its own row together with the longest stem it begins with:
//! "condemns" takes the marks of its row ("verb") and the type of `condemn*`; a longer
//! stem overrides a shorter one, which is how words that only look like a cue ("based",
//! "bank") are kept apart from it ("base*", "ban*").

use std::collections::hash_map::Entry;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::model::RelationType;
use crate::table::table_without_comments;
use crate::tokens::Tokens;

/// What the lexicon says of a word: the relation types it signals (bits by
/// `RelationType as usize`) and its marks (bits by `Mark as usize`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Reading {
    pub types: u8,
    marks: u16,
}

impl Reading {
    pub fn has(self, mark: Mark) -> bool {
        self.marks & 1 << mark as u16 != 0
    }

    pub fn signals(self, kind: RelationType) -> bool {
        self.types & 1 << kind as u8 != 0
    }

    fn union(self, other: Reading) -> Reading {
        Reading {
            types: self.types | other.types,
            marks: self.marks | other.marks,
        }
    }
}

/// What a word does besides signalling types (the third column of the table).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(super) enum Mark {
    /// A verb of action in this form: it says what happened ("shelled", "condemns").
    /// Cue words ending in "-ed" are verbs without the mark.
    Verb,
    /// Its subject acts on its object: "granted", "expelled" (direction).
    Acts,
    /// Its subject receives from the other: "received", "bought" (direction).
    Receives,
    /// Hosting: "hosts", "hosted".
    Hosts,
    /// A military base or facility: what a host may host, with troops.
    Base,
    /// Makes a clause uncertain: "could", "may".
    Hedge,
    /// Negates a clause: "not", "never".
    Negation,
    /// Reports: "said", "according".
    Report,
    /// Places a sentence in the past: "century", "colonial".
    History,
    /// Makes the countries of one list act with each other: "signed", "between".
    Reciprocal,
    /// A weapon: with a trade word nearby, an arms deal (security and agreement).
    Arms,
    /// Trades goods: "buy", "export".
    Trade,
    /// Names armed forces: "troops", "army".
    Military,
    /// A statement about the other (condemning, welcoming, supporting): what follows is
    /// what it is about.
    Stance,
    /// A stance of support: "supports", "stands with", "pledged".
    Backing,
    /// A fight against an armed group: "terrorism", "defeat".
    Fight,
}

/// The marks by their names in the table.
const MARKS: [(&str, Mark); 16] = [
    ("verb", Mark::Verb),
    ("acts", Mark::Acts),
    ("receives", Mark::Receives),
    ("hosts", Mark::Hosts),
    ("base", Mark::Base),
    ("hedge", Mark::Hedge),
    ("negation", Mark::Negation),
    ("report", Mark::Report),
    ("history", Mark::History),
    ("reciprocal", Mark::Reciprocal),
    ("arms", Mark::Arms),
    ("trade", Mark::Trade),
    ("military", Mark::Military),
    ("stance", Mark::Stance),
    ("backing", Mark::Backing),
    ("fight", Mark::Fight),
];

/// The table, read: whole words and stems. Hashed, since every word of a sentence that
/// relates two countries is read (a binary search over strings cost a tenth of the
/// command line's time).
#[derive(Default)]
struct Lexicon {
    words: FxHashMap<&'static str, Reading>,
    stems: Stems,
}

/// The stems, with the lengths (in bytes) that some stem has, so that a word's prefixes
/// of other lengths are not looked up, and their openings, so that most words are not
/// looked up at all.
#[derive(Default)]
struct Stems {
    readings: FxHashMap<&'static str, Reading>,
    /// Bit `n` set: some stem is `n` bytes long.
    lengths: u64,
    /// Bit [`opening`] set: some stem opens so. Empty until a stem is added.
    openings: Vec<u64>,
    /// Some stem is shorter than an opening: every word may begin with one.
    short: bool,
}

/// The bytes of a word's opening.
const OPENING_BYTES: usize = 3;

/// The 64-bit words of `Stems::openings`: a bit for each number [`opening`] gives.
const OPENING_WORDS: usize = (1 << (5 * OPENING_BYTES)) / 64;

/// The opening of a word as a number: five bits of each of its first bytes, which tell
/// letters apart (other bytes may share a number, which only costs a look-up).
fn opening(word: &str) -> Option<usize> {
    let bytes = word.as_bytes().get(..OPENING_BYTES)?;
    Some(
        bytes
            .iter()
            .fold(0, |number, &byte| number << 5 | usize::from(byte & 31)),
    )
}

/// The longest stem a row may have, so that its length is a bit of `Stems::lengths`.
const MAX_STEM_BYTES: usize = 63;

impl Stems {
    /// Adds a stem; false if it was there already or is too long to be one.
    fn insert(&mut self, stem: &'static str, reading: Reading) -> bool {
        if stem.len() > MAX_STEM_BYTES {
            return false;
        }
        self.lengths |= 1 << stem.len();
        match opening(stem) {
            Some(number) => {
                if self.openings.is_empty() {
                    self.openings = vec![0; OPENING_WORDS];
                }
                self.openings[number / 64] |= 1 << (number % 64);
            }
            None => self.short = true,
        }
        insert_new(&mut self.readings, stem, reading)
    }

    /// May `word` begin with a stem? Most words open as no stem does.
    fn may_begin(&self, word: &str) -> bool {
        self.short
            || opening(word).is_some_and(|number| {
                self.openings
                    .get(number / 64)
                    .is_some_and(|bits| bits & 1 << (number % 64) != 0)
            })
    }
}

const TABLE: &str = table_without_comments!("../../data/relation_lexicon.tsv");

fn lexicon() -> &'static Lexicon {
    static LEXICON: OnceLock<Lexicon> = OnceLock::new();
    LEXICON.get_or_init(|| parse(TABLE).0)
}

/// Reads the table; also returns the (1-based) numbers of the lines it could not read or
/// that repeat a word, which a test requires to be none.
fn parse(table: &'static str) -> (Lexicon, Vec<usize>) {
    let mut lexicon = Lexicon::default();
    let mut bad = Vec::new();
    let rows = table
        .lines()
        .enumerate()
        .filter(|(_, line)| !line.starts_with('#') && !line.trim().is_empty())
        .skip(1);
    for (number, line) in rows {
        let mut fields = line.split('\t');
        let (Some(word), Some(types), Some(marks), None) =
            (fields.next(), fields.next(), fields.next(), fields.next())
        else {
            bad.push(number + 1);
            continue;
        };
        let Some(reading) = read_row(types, marks) else {
            bad.push(number + 1);
            continue;
        };
        let added = match word.strip_suffix('*') {
            Some(stem) => lexicon.stems.insert(stem, reading),
            None => insert_new(&mut lexicon.words, word, reading),
        };
        if !added {
            bad.push(number + 1);
        }
    }
    (lexicon, bad)
}

/// Adds a word that is not there yet; false (and the first row kept) if it is.
fn insert_new(
    map: &mut FxHashMap<&'static str, Reading>,
    word: &'static str,
    reading: Reading,
) -> bool {
    match map.entry(word) {
        Entry::Vacant(vacant) => {
            vacant.insert(reading);
            true
        }
        Entry::Occupied(_) => false,
    }
}

/// A row's types (`|` between them, `-` for none) and marks (spaces between them).
fn read_row(types: &str, marks: &str) -> Option<Reading> {
    let mut reading = Reading::default();
    for name in types.split('|').filter(|name| *name != "-") {
        reading.types |= 1 << RelationType::parse(name)? as u8;
    }
    for name in marks.split(' ').filter(|name| *name != "-") {
        let (_, mark) = MARKS.iter().find(|(known, _)| *known == name)?;
        reading.marks |= 1 << *mark as u16;
    }
    Some(reading)
}

/// The readings of a sentence's tokens, read once for the rules that scan them.
pub(super) struct Words {
    first: usize,
    readings: Vec<Reading>,
}

impl Words {
    pub fn of(tokens: &Tokens<'_>, first: usize, last: usize) -> Words {
        Words {
            first,
            readings: (first..=last).map(|i| read(tokens.folded(i))).collect(),
        }
    }

    /// Adds a mark to token `i` (of the sentence) that the context gives it.
    pub fn add(&mut self, i: usize, mark: Mark) {
        if let Some(reading) = i
            .checked_sub(self.first)
            .and_then(|k| self.readings.get_mut(k))
        {
            reading.marks |= 1 << mark as u16;
        }
    }

    /// What the lexicon says of token `i`; nothing outside the sentence.
    pub fn at(&self, i: usize) -> Reading {
        i.checked_sub(self.first)
            .and_then(|k| self.readings.get(k))
            .copied()
            .unwrap_or_default()
    }
}

/// What the lexicon says of a folded word.
pub(super) fn read(word: &str) -> Reading {
    let lexicon = lexicon();
    let own = lexicon.words.get(word).copied().unwrap_or_default();
    own.union(longest_stem(&lexicon.stems, word))
}

/// The reading of the longest stem `word` begins with: its prefixes of the stems'
/// lengths, longest first.
fn longest_stem(stems: &Stems, word: &str) -> Reading {
    if !stems.may_begin(word) {
        return Reading::default();
    }
    (0..=word.len().min(MAX_STEM_BYTES))
        .rev()
        .filter(|&length| stems.lengths & 1 << length != 0)
        .find_map(|length| stems.readings.get(word.get(..length)?))
        .copied()
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_line_of_the_table_reads() {
        assert_eq!(parse(TABLE).1, Vec::<usize>::new());
    }

    #[test]
    fn only_words_opening_as_a_stem_does_are_looked_up() {
        let mut stems = Stems::default();
        assert!(!stems.may_begin("sanctions"));
        stems.insert("sanction", Reading::default());
        assert!(stems.may_begin("sanctions"));
        assert!(!stems.may_begin("zebra"));
        assert!(!stems.may_begin("sa"));
        // A stem shorter than an opening may begin any word.
        stems.insert("ba", Reading::default());
        assert!(stems.may_begin("zebra"));
    }

    #[test]
    fn a_word_takes_its_row_and_its_longest_stem() {
        let condemns = read("condemns");
        assert!(condemns.has(Mark::Verb));
        assert!(condemns.signals(RelationType::Tension));
        assert!(read("sanctioned").signals(RelationType::Tension));
        // Longer stems override shorter ones: "based" is no "base", "bank" no "ban".
        assert!(read("bases").signals(RelationType::Security));
        assert_eq!(read("based").types, 0);
        assert_eq!(read("banks").types, 0);
        assert!(read("could").has(Mark::Hedge));
        assert_eq!(read("zebra"), Reading::default());
        assert_eq!(read(""), Reading::default());
    }

    #[test]
    fn the_longest_stem_that_begins_the_word_is_found() {
        let mut stems = Stems::default();
        for (i, stem) in ["war", "ward", "warehouse", "warm"].into_iter().enumerate() {
            let reading = Reading {
                types: 1 << i,
                marks: 0,
            };
            assert!(stems.insert(stem, reading));
        }
        assert!(!stems.insert("war", Reading::default()));
        assert_eq!(longest_stem(&stems, "warning").types, 1);
        assert_eq!(longest_stem(&stems, "wards").types, 2);
        assert_eq!(longest_stem(&stems, "warmth").types, 8);
        assert_eq!(longest_stem(&stems, "wa").types, 0);
        assert_eq!(longest_stem(&stems, "zoo").types, 0);
    }
}
