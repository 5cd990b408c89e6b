//! The gazetteer's second tier: the towns, counties and parishes the first download
//! leaves out (every GeoNames populated place of 1,000 inhabitants or more, 500 in the
//! countries whose local news the tables cover), read straight from its compiled bytes.
//!
//! The bytes (`data/places2.bin`, made by `scripts/gazetteer/build.py` through
//! `examples/second_tier.rs`) are, all integers little-endian:
//!
//! ```text
//! "DMP2"  version: u32  checksum: u64 (FNV-1a of every byte after it)
//! areas:    count: u32, then per area its country (2 ASCII letters) and GeoNames
//!           admin1 code (3 bytes, zero-padded; all zero: none)
//! readings: count: u32, then per reading its area (u16, an index into areas), its
//!           population in quarter decades (u8, 0: unknown) and flags (u8, below)
//! names:    the rest, an `fst` map from a name's key (its folded tokens joined by
//!           TOKEN_SEPARATOR) to (first reading << 8 | number of readings)
//! ```
//!
//! A reading's flags: bits 0-1 its kind (0 town, 1 county, 2 a county's bare name), bit
//! 2 set when the name is also a common word or personal name, bits 3-7 which of the
//! name's first five tokens are capitalised (those need a capitalised word in the text).
//!
//! A finite state transducer needs no loading: names are looked up in the bytes as they
//! are, one transition per byte, and a whole tier costs no more memory than its bytes.
//! The checksum is verified once, when the tier is opened, so a corrupt or truncated
//! file is rejected with an error rather than read.

use std::borrow::Cow;
use std::fmt;

use std::cell::RefCell;
use std::sync::atomic::{AtomicU64, Ordering};

use fst::raw::{CompiledAddr, Fst, Node, Output};
use rustc_hash::FxHashMap;

use crate::model::{CountryCode, Division};
use crate::tokens::{TokenKind, Tokens};
use crate::vocabulary::ShortWord;

pub const MAGIC: &[u8; 4] = b"DMP2";
pub const VERSION: u32 = 1;
/// Joins the folded tokens of a name in its key: no token contains it.
pub const TOKEN_SEPARATOR: u8 = 0x1f;
/// The longest name, in tokens, that a look-up walks ("Stratford - upon - Avon" is 5).
pub const MAX_NAME_TOKENS: usize = 8;
/// How many of a name's first tokens the flags record the case of.
pub const CASED_TOKENS: usize = 5;
const HEADER: usize = 16;
const AREA_BYTES: usize = 5;
const READING_BYTES: usize = 4;

/// Why bytes are no second tier.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SecondTierError {
    /// Shorter than a header, or cut short inside a table.
    Truncated,
    /// Not a second tier at all (another file).
    NotASecondTier,
    /// A second tier of another version of Diplomap.
    Version(u32),
    /// The bytes are not those the checksum was made of: corrupt.
    Checksum,
    /// The checksum holds but a table is not well formed (a build fault).
    Malformed(&'static str),
}

impl fmt::Display for SecondTierError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SecondTierError::Truncated => f.write_str("the place list is cut short"),
            SecondTierError::NotASecondTier => f.write_str("this is not a Diplomap place list"),
            SecondTierError::Version(version) => write!(
                f,
                "the place list is of version {version}, this Diplomap reads version {VERSION}"
            ),
            SecondTierError::Checksum => f.write_str("the place list is corrupt (bad checksum)"),
            SecondTierError::Malformed(what) => write!(f, "the place list is malformed: {what}"),
        }
    }
}

impl std::error::Error for SecondTierError {}

/// What a reading names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReadingKind {
    Town,
    /// "Kanawha County", "County Mayo", "Oxfordshire".
    County,
    /// A county's name without the word county: "Kanawha".
    CountyName,
}

/// One place a second-tier name may stand for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Reading {
    pub country: CountryCode,
    pub division: Option<Division>,
    /// Quarter decades (see `gazetteer::population`); 0 when unknown.
    pub quarter_decades: u8,
    pub kind: ReadingKind,
    /// The name is also a common word or a personal name ("Marion", "Alliance").
    pub common: bool,
    /// Bit `i`: token `i` of the name is capitalised.
    capitalised: u8,
}

impl Reading {
    /// Does the text write the name starting at token `first` in this reading's case?
    fn case_fits(&self, tokens: &Tokens<'_>, first: usize, last: usize) -> bool {
        (first..=last.min(first + CASED_TOKENS - 1))
            .enumerate()
            .all(|(offset, i)| self.capitalised & (1 << offset) == 0 || tokens.is_capitalized(i))
    }
}

/// The buffer of a tier from its names table on: what `fst` reads.
struct Names {
    bytes: Cow<'static, [u8]>,
    start: usize,
}

impl AsRef<[u8]> for Names {
    fn as_ref(&self) -> &[u8] {
        &self.bytes[self.start..]
    }
}

/// A second tier opened from its bytes.
pub struct SecondTier {
    names: Fst<Names>,
    readings: Vec<Reading>,
    /// Tells this tier's remembered steps from another's.
    id: u64,
    /// The address of the names table's root node.
    root: CompiledAddr,
}

impl SecondTier {
    /// Opens a second tier: checks its header and checksum and reads its small tables
    /// (the names are read where they lie). Never panics, whatever the bytes.
    pub fn from_bytes(bytes: impl Into<Cow<'static, [u8]>>) -> Result<SecondTier, SecondTierError> {
        let bytes = bytes.into();
        let header = bytes.get(..HEADER).ok_or(SecondTierError::Truncated)?;
        if &header[..4] != MAGIC {
            return Err(SecondTierError::NotASecondTier);
        }
        let version = u32::from_le_bytes([header[4], header[5], header[6], header[7]]);
        if version != VERSION {
            return Err(SecondTierError::Version(version));
        }
        let mut checksum = [0; 8];
        checksum.copy_from_slice(&header[8..16]);
        if u64::from_le_bytes(checksum) != fnv1a(&bytes[HEADER..]) {
            return Err(SecondTierError::Checksum);
        }
        let mut reader = Reader {
            bytes: &bytes,
            at: HEADER,
        };
        let areas = reader.areas()?;
        let readings = reader.readings(&areas)?;
        let start = reader.at;
        let names = Fst::new(Names { bytes, start })
            .map_err(|_| SecondTierError::Malformed("the names table"))?;
        let id = NEXT_TIER.fetch_add(1, Ordering::Relaxed);
        let root = names.root().addr();
        Ok(SecondTier {
            names,
            readings,
            id,
            root,
        })
    }

    pub fn readings(&self) -> &[Reading] {
        &self.readings
    }

    /// The longest name that starts at token `first` (a capitalised word), with the
    /// indices of its readings written in the text's case: at most MAX_NAME_TOKENS
    /// tokens are walked, so the cost is bounded per token. `first_id` is the first
    /// word's id in the first tier's vocabulary, if it has one: its step is then
    /// remembered by that id.
    pub fn longest_at(
        &self,
        tokens: &Tokens<'_>,
        first: usize,
        first_id: Option<u32>,
    ) -> Option<(usize, Vec<u32>)> {
        let mut at = self.root;
        let mut output = 0u64;
        let mut best = None;
        let end = tokens.len().min(first + MAX_NAME_TOKENS);
        for last in first..end {
            let word = tokens.folded(last);
            let step = match first_id {
                Some(id) if last == first => self.remembered_first_step(id, word),
                _ => self.remembered_step(at, last > first, word),
            };
            let Some(step) = step else {
                break;
            };
            let value = step.name_value.map(|value| output.wrapping_add(value));
            (at, output) = (step.to, output.wrapping_add(step.output));
            let Some(value) = value else { continue };
            if !ends_word(tokens, last) {
                continue;
            }
            let readings = self.readings_of(value, tokens, first, last);
            if !readings.is_empty() {
                best = Some((last, readings));
            }
        }
        best
    }

    /// [`SecondTier::step`], remembered on this thread: names and the words that open
    /// sentences come back in every document, and a walk costs a node read per byte.
    /// The rare word too long for a [`ShortWord`] is walked each time.
    fn remembered_step(&self, from: CompiledAddr, after_word: bool, word: &str) -> Option<Step> {
        let Some(key) = ShortWord::new(word) else {
            return self.step(from, after_word, word);
        };
        REMEMBERED.with(|remembered| {
            let mut remembered = remembered.borrow_mut();
            remembered.forget_other_tiers(self.id);
            if remembered.steps.len() >= MAX_REMEMBERED_STEPS {
                remembered.steps.clear();
            }
            *remembered
                .steps
                .entry((from, key))
                .or_insert_with(|| self.step(from, after_word, word))
        })
    }

    /// The step from the root through the word of first-tier id `id`, remembered on
    /// this thread by that id: a tier belongs to one gazetteer, whose vocabulary is made
    /// before the tier joins it, so an id stands for one word for the tier's life.
    fn remembered_first_step(&self, id: u32, word: &str) -> Option<Step> {
        REMEMBERED.with(|remembered| {
            let mut remembered = remembered.borrow_mut();
            remembered.forget_other_tiers(self.id);
            let slot = id as usize;
            if remembered.first_steps.len() <= slot {
                remembered.first_steps.resize(slot + 1, None);
            }
            *remembered.first_steps[slot].get_or_insert_with(|| self.step(self.root, false, word))
        })
    }

    /// The walk from node `from` through a word (after the separator if a word came
    /// before it).
    fn step(&self, from: CompiledAddr, after_word: bool, word: &str) -> Option<Step> {
        let mut walk = Walk {
            names: &self.names,
            node: self.names.node(from),
            output: Output::zero(),
        };
        if (after_word && !walk.step(TOKEN_SEPARATOR)) || !walk.token(word) {
            return None;
        }
        Some(Step {
            to: walk.node.addr(),
            output: walk.output.value(),
            name_value: walk.value(),
        })
    }

    /// The readings a value of the names table points to, written in the text's case.
    fn readings_of(&self, value: u64, tokens: &Tokens<'_>, first: usize, last: usize) -> Vec<u32> {
        let start = (value >> 8) as usize;
        let end = start.saturating_add((value & 0xff) as usize);
        let Some(readings) = self.readings.get(start..end) else {
            return Vec::new();
        };
        crate::steps::tick(readings.len());
        (start..end)
            .zip(readings)
            .filter(|(_, reading)| reading.case_fits(tokens, first, last))
            .map(|(index, _)| index as u32)
            .collect()
    }
}

/// Where a walk through a word leads in the names table: the node, the output gathered
/// on the way, and the value there if a name ends there (to add to the output before).
#[derive(Clone, Copy)]
struct Step {
    to: CompiledAddr,
    output: u64,
    name_value: Option<u64>,
}

/// The steps walked on this thread for the tier of id `tier`, emptied when another tier
/// is walked: by the node they start from and their word (emptied, too, when they are
/// too many), and from the root by the first tier's id of their word (bounded by the
/// first tier's vocabulary).
#[derive(Default)]
struct Remembered {
    tier: u64,
    steps: FxHashMap<(CompiledAddr, ShortWord), Option<Step>>,
    first_steps: Vec<Option<Option<Step>>>,
}

impl Remembered {
    fn forget_other_tiers(&mut self, tier: u64) {
        if self.tier != tier {
            self.tier = tier;
            self.steps.clear();
            self.first_steps.clear();
        }
    }
}

/// Enough for the names and sentence openings of a large corpus (a few megabytes).
const MAX_REMEMBERED_STEPS: usize = 100_000;

thread_local! {
    static REMEMBERED: RefCell<Remembered> = RefCell::default();
}

/// Tells the tiers opened in this process apart, for [`Remembered`].
static NEXT_TIER: AtomicU64 = AtomicU64::new(1);

/// A walk down the names table, byte by byte.
struct Walk<'f> {
    names: &'f Fst<Names>,
    node: Node<'f>,
    output: Output,
}

impl Walk<'_> {
    fn step(&mut self, byte: u8) -> bool {
        crate::steps::tick(1);
        let Some(index) = self.node.find_input(byte) else {
            return false;
        };
        let transition = self.node.transition(index);
        self.output = self.output.cat(transition.out);
        self.node = self.names.node(transition.addr);
        true
    }

    /// Steps through a folded token; a token holding the separator matches nothing.
    fn token(&mut self, folded: &str) -> bool {
        !folded.is_empty()
            && folded
                .bytes()
                .all(|byte| byte != TOKEN_SEPARATOR && self.step(byte))
    }

    /// The value of the name walked so far, if it is a whole name.
    fn value(&self) -> Option<u64> {
        self.node
            .is_final()
            .then(|| self.output.cat(self.node.final_output()).value())
    }
}

/// A name must not end inside a word: "Oman" in "Omani" is not Oman (in both tiers).
pub(crate) fn ends_word(tokens: &Tokens<'_>, last: usize) -> bool {
    let next = last + 1;
    next >= tokens.len()
        || tokens.list[next].space_before
        || tokens.kind(next) != TokenKind::Word
        || tokens.kind(last) != TokenKind::Word
}

/// Reads the tables after the header, each checked against the buffer's length.
struct Reader<'b> {
    bytes: &'b [u8],
    at: usize,
}

impl Reader<'_> {
    fn take(&mut self, n: usize) -> Result<&[u8], SecondTierError> {
        let end = self.at.checked_add(n).ok_or(SecondTierError::Truncated)?;
        let taken = self
            .bytes
            .get(self.at..end)
            .ok_or(SecondTierError::Truncated)?;
        self.at = end;
        Ok(taken)
    }

    /// A table: its number of rows, then the rows of `width` bytes each.
    fn table(&mut self, width: usize) -> Result<&[u8], SecondTierError> {
        let b = self.take(4)?;
        let count = u32::from_le_bytes([b[0], b[1], b[2], b[3]]) as usize;
        let bytes = count.checked_mul(width).ok_or(SecondTierError::Truncated)?;
        self.take(bytes)
    }

    fn areas(&mut self) -> Result<Vec<(CountryCode, Option<Division>)>, SecondTierError> {
        self.table(AREA_BYTES)?
            .chunks_exact(AREA_BYTES)
            .map(|area| {
                let country = std::str::from_utf8(&area[..2])
                    .ok()
                    .and_then(CountryCode::parse)
                    .ok_or(SecondTierError::Malformed("a country code"))?;
                let code = area[2..].split(|&b| b == 0).next().unwrap_or_default();
                let division = std::str::from_utf8(code).ok().and_then(Division::parse);
                Ok((country, division))
            })
            .collect()
    }

    fn readings(
        &mut self,
        areas: &[(CountryCode, Option<Division>)],
    ) -> Result<Vec<Reading>, SecondTierError> {
        self.table(READING_BYTES)?
            .chunks_exact(READING_BYTES)
            .map(|reading| {
                let area = u16::from_le_bytes([reading[0], reading[1]]) as usize;
                let &(country, division) = areas
                    .get(area)
                    .ok_or(SecondTierError::Malformed("an area index"))?;
                let flags = reading[3];
                let kind = match flags & 0b11 {
                    0 => ReadingKind::Town,
                    1 => ReadingKind::County,
                    2 => ReadingKind::CountyName,
                    _ => return Err(SecondTierError::Malformed("a reading's kind")),
                };
                Ok(Reading {
                    country,
                    division,
                    quarter_decades: reading[2],
                    kind,
                    common: flags & 0b100 != 0,
                    capitalised: flags >> 3,
                })
            })
            .collect()
    }
}

/// The 64-bit FNV-1a hash: enough to tell a corrupt or truncated file, in a few lines
/// (the `fst` crate's own CRC check would add its tables to the app's download).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325, |hash, &byte| {
        (hash ^ u64::from(byte)).wrapping_mul(0x0000_0100_0000_01b3)
    })
}

/// A second-tier name as the text writes it, the canonical name of its readings, with
/// a name in capitals written as a name ("ROGERSVILLE" in a dateline: "Rogersville").
pub fn name_as_written(tokens: &Tokens<'_>, first: usize, last: usize) -> String {
    let span = tokens.span(first, last);
    let name = &tokens.text[span.start..span.end];
    if !(first..=last).any(|i| tokens.is_all_caps(i)) {
        return name.to_string();
    }
    let mut written = String::with_capacity(name.len());
    let mut word_start = true;
    for letter in name.chars() {
        if word_start {
            written.push(letter);
        } else {
            written.extend(letter.to_lowercase());
        }
        word_start = !letter.is_alphanumeric();
    }
    written
}

#[cfg(test)]
mod tests {
    use super::*;

    const SHIPPED: &[u8] = include_bytes!("../data/places2.bin");

    fn readings_of(tier: &SecondTier, text: &str) -> Vec<Reading> {
        let tokens = Tokens::new(text);
        tier.longest_at(&tokens, 0, None)
            .map(|(_, readings)| {
                readings
                    .into_iter()
                    .map(|i| tier.readings()[i as usize])
                    .collect()
            })
            .unwrap_or_default()
    }

    #[test]
    fn the_shipped_tier_opens_and_names_small_towns_with_their_states() {
        let tier = SecondTier::from_bytes(SHIPPED).unwrap();
        let rogersville = readings_of(&tier, "Rogersville");
        let states: Vec<Option<Division>> = rogersville.iter().map(|r| r.division).collect();
        for state in ["MO", "TN"] {
            assert!(
                states.contains(&Division::parse(state)),
                "{state}: {states:?}"
            );
        }
        // Counties, with the word and as "Co.", and written in capitals.
        for county in ["Kanawha County", "Kanawha Co.", "KANAWHA COUNTY"] {
            let readings = readings_of(&tier, county);
            assert_eq!(readings.len(), 1, "{county}");
            assert_eq!(readings[0].kind, ReadingKind::County);
        }
        // Names are matched in their case: a capitalised name needs a capital.
        assert!(readings_of(&tier, "rogersville").is_empty());
        // A name the tier flags as a common word.
        assert!(readings_of(&tier, "Marion").iter().all(|r| r.common));
    }

    #[test]
    fn the_longest_name_wins_and_ends_at_a_word_boundary() {
        let tier = SecondTier::from_bytes(SHIPPED).unwrap();
        let longest = |tokens: &Tokens<'_>| tier.longest_at(tokens, 0, None).map(|(last, _)| last);
        assert_eq!(longest(&Tokens::new("Rock Hill police said")), Some(1));
        assert_eq!(longest(&Tokens::new("Rogersvilles")), None);
        // Remembered steps serve the next names they open, and another tier's are
        // not taken for this one's.
        let tokens = Tokens::new("Rock Hill and Rock Springs and Rocky Hill");
        let names: Vec<Option<usize>> = [0, 3, 6, 0]
            .iter()
            .map(|&first| tier.longest_at(&tokens, first, None).map(|(last, _)| last))
            .collect();
        assert_eq!(names, [Some(1), Some(4), Some(7), Some(1)]);
        let other = SecondTier::from_bytes(SHIPPED).unwrap();
        assert_eq!(
            other.longest_at(&tokens, 3, None).map(|(last, _)| last),
            Some(4)
        );
    }

    #[test]
    fn corrupt_or_truncated_bytes_are_rejected_not_read() {
        assert_eq!(
            SecondTier::from_bytes(&[][..]).err(),
            Some(SecondTierError::Truncated)
        );
        // Cut short anywhere: the checksum no longer holds (or the header is gone).
        for cut in [1, 15, 16, 17, 100, SHIPPED.len() / 2, SHIPPED.len() - 1] {
            let error = SecondTier::from_bytes(SHIPPED[..cut].to_vec()).err();
            assert!(
                matches!(
                    error,
                    Some(SecondTierError::Truncated | SecondTierError::Checksum)
                ),
                "{cut}: {error:?}"
            );
        }
        // A flipped bit anywhere after the header.
        for at in [16, 20, 4000, SHIPPED.len() / 3, SHIPPED.len() - 1] {
            let mut bytes = SHIPPED.to_vec();
            bytes[at] ^= 0x10;
            assert_eq!(
                SecondTier::from_bytes(bytes).err(),
                Some(SecondTierError::Checksum),
                "{at}"
            );
        }
        let mut other = SHIPPED.to_vec();
        other[..4].copy_from_slice(b"PK\x03\x04");
        assert_eq!(
            SecondTier::from_bytes(other).err(),
            Some(SecondTierError::NotASecondTier)
        );
        let mut newer = SHIPPED.to_vec();
        newer[4] = 9;
        assert_eq!(
            SecondTier::from_bytes(newer).err(),
            Some(SecondTierError::Version(9))
        );
    }

    /// `body` behind the file's header, with a checksum that holds.
    fn with_header(body: &[u8]) -> Vec<u8> {
        let mut bytes = MAGIC.to_vec();
        bytes.extend(VERSION.to_le_bytes());
        bytes.extend(fnv1a(body).to_le_bytes());
        bytes.extend(body);
        bytes
    }

    #[test]
    fn well_formed_checksums_over_bad_tables_are_rejected() {
        // Tables that claim more than the bytes hold, with a checksum that holds.
        let mut body = Vec::new();
        body.extend(7u32.to_le_bytes()); // seven areas, none there
        assert_eq!(
            SecondTier::from_bytes(with_header(&body)).err(),
            Some(SecondTierError::Truncated)
        );
        // An area, a reading that points past it, and no names table.
        let mut body = Vec::new();
        body.extend(1u32.to_le_bytes());
        body.extend(b"US\0\0\0");
        body.extend(1u32.to_le_bytes());
        body.extend([5, 0, 13, 0]);
        assert_eq!(
            SecondTier::from_bytes(with_header(&body)).err(),
            Some(SecondTierError::Malformed("an area index"))
        );
    }

    #[test]
    fn a_name_in_capitals_is_written_as_a_name() {
        let tokens = Tokens::new("ROCK HILL, S.C.");
        assert_eq!(name_as_written(&tokens, 0, 1), "Rock Hill");
        let tokens = Tokens::new("St. Cloud");
        assert_eq!(name_as_written(&tokens, 0, 2), "St. Cloud");
    }
}
