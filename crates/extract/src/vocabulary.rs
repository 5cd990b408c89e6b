//! Words as hash keys, for the tables looked up at every token of every text: the
//! gazetteer's vocabulary and the second tier's remembered steps.
//!
//! A word of up to 15 bytes (nearly every word of news text) is kept inline as a
//! [`ShortWord`], compared as one 128-bit integer: a look-up follows no pointer to a
//! string and calls no `memcmp`, which in a table of tens of thousands of words is a
//! cache miss and a call saved per token. Longer words keep a map of their own.

use rustc_hash::FxHashMap;

/// A word of at most 15 bytes: its bytes, zero-padded, and its length in the last byte
/// (so "a" and "a\0" differ).
#[derive(Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) struct ShortWord(u128);

impl ShortWord {
    const MAX_LEN: usize = 15;

    /// The word as a key, if it is short enough to be one.
    pub(crate) fn new(word: &str) -> Option<ShortWord> {
        let bytes = word.as_bytes();
        if bytes.len() > Self::MAX_LEN {
            return None;
        }
        let length = (bytes.len() as u128) << (8 * Self::MAX_LEN);
        Some(ShortWord(little_endian(bytes) | length))
    }
}

/// Up to 15 bytes as a little-endian integer, read in at most four loads: a copy into
/// a buffer would call `memcpy` for a length known only at run time, which costs more
/// than the look-up the key serves.
fn little_endian(bytes: &[u8]) -> u128 {
    let len = bytes.len();
    if len >= 8 {
        let (low, _) = bytes.split_at(8);
        let (_, high) = bytes.split_at(len - 8);
        // `high` overlaps `low` by 16 - len bytes, shifted out; at 8 it is all overlap.
        let high = if len == 8 {
            0
        } else {
            u64_of(high) >> (8 * (16 - len))
        };
        u128::from(u64_of(low)) | u128::from(high) << 64
    } else if len >= 4 {
        let (low, _) = bytes.split_at(4);
        let (_, high) = bytes.split_at(len - 4);
        let high = u64::from(u32_of(high)) >> (8 * (8 - len));
        u128::from(u32_of(low)) | u128::from(high) << 32
    } else {
        bytes
            .iter()
            .rev()
            .fold(0, |value, &byte| value << 8 | u128::from(byte))
    }
}

fn u64_of(bytes: &[u8]) -> u64 {
    let mut word = [0; 8];
    word.copy_from_slice(&bytes[..8]);
    u64::from_le_bytes(word)
}

fn u32_of(bytes: &[u8]) -> u32 {
    let mut word = [0; 4];
    word.copy_from_slice(&bytes[..4]);
    u32::from_le_bytes(word)
}

/// Folded words and their ids, given in the order the words were first added.
#[derive(Default)]
pub(crate) struct Vocabulary {
    short: FxHashMap<ShortWord, u32>,
    long: FxHashMap<Box<str>, u32>,
}

impl Vocabulary {
    pub(crate) fn len(&self) -> usize {
        self.short.len() + self.long.len()
    }

    /// The id of `word`, given one if it has none yet.
    pub(crate) fn intern(&mut self, word: &str) -> u32 {
        let next_id = self.len() as u32;
        match ShortWord::new(word) {
            Some(key) => *self.short.entry(key).or_insert(next_id),
            None => *self.long.entry(word.into()).or_insert(next_id),
        }
    }

    pub(crate) fn get(&self, word: &str) -> Option<u32> {
        match ShortWord::new(word) {
            Some(key) => self.short.get(&key).copied(),
            None => self.long.get(word).copied(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_of_every_length_keep_their_ids() {
        let words = [
            "",
            "a",
            "a\0",
            "kazakhstan",
            "fifteen-letters",
            "sixteen-letters!",
            "the-longest-word-of-all",
        ];
        let mut vocabulary = Vocabulary::default();
        let ids: Vec<u32> = words.iter().map(|w| vocabulary.intern(w)).collect();
        assert_eq!(ids, (0..words.len() as u32).collect::<Vec<_>>());
        for (word, id) in words.iter().zip(ids) {
            assert_eq!(vocabulary.get(word), Some(id), "{word:?}");
            assert_eq!(vocabulary.intern(word), id, "{word:?} again");
        }
        assert_eq!(vocabulary.len(), words.len());
        assert_eq!(vocabulary.get("b"), None);
        assert_eq!(vocabulary.get("kazakhstanx"), None);
    }

    #[test]
    fn the_loads_read_every_byte_in_place() {
        let bytes: Vec<u8> = (1..=15).map(|b| b * 17).collect();
        for len in 0..=15 {
            let mut buffer = [0u8; 16];
            buffer[..len].copy_from_slice(&bytes[..len]);
            assert_eq!(
                little_endian(&bytes[..len]),
                u128::from_le_bytes(buffer),
                "{len} bytes"
            );
        }
    }

    #[test]
    fn a_short_word_is_its_bytes_and_length() {
        assert!(ShortWord::new("a") != ShortWord::new("a\0"));
        assert!(ShortWord::new("ab") == ShortWord::new("ab"));
        assert!(ShortWord::new(&"x".repeat(15)).is_some());
        assert!(ShortWord::new(&"x".repeat(16)).is_none());
        // Multi-byte letters count in bytes: "é" is two.
        assert!(ShortWord::new(&"é".repeat(8)).is_none());
    }
}
