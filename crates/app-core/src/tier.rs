//! The second tier as the app gets it: one file (made at build time by
//! `scripts/trunk/tier.py`, fetched by the analysis worker after the first highlight)
//! holding the tables the first download leaves out ([`Tables::first_download`]) and
//! the towns and counties of the core's `places2.bin`. With it the app's gazetteer is
//! the command line's: the same tables, both tiers.
//!
//! The format, integers little-endian:
//!
//! ```text
//! "DMPT"  version: u32  checksum: u64 (FNV-1a of every byte after it)
//! count: u32, then per section: name length: u8, name (ASCII), length: u32, bytes
//! ```
//!
//! Sections: `places`, `companies`, `people` and `given_names` (the tables of those
//! names, whole, as text), `places2` (the second tier's own file, which has a checksum of its own)
//! and `names` (the core's learned name model, `data/names.bin`).

use std::fmt;

use diplomap_extract::stages::second_tier::fnv1a;
use diplomap_extract::{Gazetteer, SecondTierError, Tables};

pub const MAGIC: &[u8; 4] = b"DMPT";
pub const VERSION: u32 = 1;
const HEADER: usize = 16;

/// Why a tier file could not be used. The first tier goes on working either way.
#[derive(Debug, PartialEq)]
pub enum TierError {
    /// Not a tier file of this version (another file, or an older or newer build's).
    NotATier,
    /// Cut short, or not the bytes the checksum was made of.
    Corrupt,
    /// A section is missing, or a table is not text (a build fault).
    Malformed(&'static str),
    /// The towns and counties themselves were refused.
    Places(SecondTierError),
}

impl fmt::Display for TierError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            TierError::NotATier => f.write_str("the file is not a place list of this version"),
            TierError::Corrupt => f.write_str("the place list is corrupt"),
            TierError::Malformed(what) => write!(f, "the place list is malformed: {what}"),
            TierError::Places(error) => error.fmt(f),
        }
    }
}

/// The gazetteer of both tiers from a tier file's bytes. Never panics, whatever the
/// bytes; anything but a whole, untouched tier file is an error.
pub fn gazetteer(bytes: &[u8]) -> Result<Gazetteer, TierError> {
    let sections = sections(bytes)?;
    let section = |name: &str| {
        sections
            .iter()
            .find(|(section, _)| *section == name)
            .map(|(_, bytes)| *bytes)
            .ok_or(TierError::Malformed("a section is missing"))
    };
    let text = |name: &str| {
        std::str::from_utf8(section(name)?)
            .map_err(|_| TierError::Malformed("a table is not UTF-8"))
    };
    let tables = Tables {
        places: text("places")?,
        companies: text("companies")?,
        people: text("people")?,
        given_names: text("given_names")?,
        ..Tables::first_download()
    };
    let gazetteer = Gazetteer::with_second_tier(&tables, section("places2")?.to_vec())
        .map_err(TierError::Places)?;
    name_model(section("names")?)?;
    Ok(gazetteer)
}

/// The learned name model of the tier file: installed in a build that leaves it out of
/// the first download (feature `names-deferred`, the app's), checked in one that has it.
fn name_model(bytes: &[u8]) -> Result<(), TierError> {
    #[cfg(feature = "names-deferred")]
    let accepted = diplomap_extract::stages::install_name_model(bytes);
    #[cfg(not(feature = "names-deferred"))]
    let accepted = diplomap_extract::stages::perceptron::Weights::parse(bytes).is_some();
    if accepted {
        Ok(())
    } else {
        Err(TierError::Malformed("the name model is not one"))
    }
}

/// The named sections of a tier file whose header and checksum hold.
fn sections(bytes: &[u8]) -> Result<Vec<(&str, &[u8])>, TierError> {
    let header = bytes.get(..HEADER).ok_or(TierError::Corrupt)?;
    if &header[..4] != MAGIC || u32_at(header, 4) != Some(VERSION) {
        return Err(TierError::NotATier);
    }
    let checksum = u64::from_le_bytes(header[8..16].try_into().unwrap_or_default());
    if fnv1a(&bytes[HEADER..]) != checksum {
        return Err(TierError::Corrupt);
    }
    let mut reader = Reader { bytes, at: HEADER };
    let count = reader.u32()?;
    (0..count)
        .map(|_| {
            let name_length = reader.take(1)?[0] as usize;
            let name = std::str::from_utf8(reader.take(name_length)?)
                .map_err(|_| TierError::Malformed("a section name is not text"))?;
            let length = reader.u32()? as usize;
            Ok((name, reader.take(length)?))
        })
        .collect()
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

/// Reads a tier file's sections in order; anything that runs past its end is
/// malformed (the checksum held, so the file was built so).
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, length: usize) -> Result<&'a [u8], TierError> {
        let end = self.at.checked_add(length);
        let taken = end.and_then(|end| self.bytes.get(self.at..end));
        let taken = taken.ok_or(TierError::Malformed("a section runs past the end"))?;
        self.at += length;
        Ok(taken)
    }

    fn u32(&mut self) -> Result<u32, TierError> {
        Ok(u32_at(self.take(4)?, 0).unwrap_or_default())
    }
}
