//! The features of a candidate name: its words and their shapes, the words around it,
//! the word classes and gazetteer readings of both, and what the rest of the document
//! says of its words (capitalised inside sentences? next to other names? part of a name
//! the rules found?).
//! Each feature is a template and a value hashed to 32 bits; the model never sees
//! strings, so its table has a fixed size whatever the vocabulary.

use rustc_hash::FxHashMap;

use super::super::words::{is, Words};
use crate::gazetteer::{Gazetteer, Match};
use crate::lexicon::WordClass::NotName;
use crate::lexicon::WordClasses;
use crate::mention::Mention;
use crate::model::Label;

/// What a feature is about; hashed in with its value, so "first word = Ford" and "next
/// word = Ford" are different features.
#[derive(Clone, Copy)]
enum Template {
    Bias,
    Length,
    FirstWord,
    LastWord,
    InnerWord,
    Span,
    FirstShape,
    LastShape,
    LastSuffix3,
    Previous,
    PreviousTwo,
    Next,
    NextTwo,
    OpensSentence,
    FirstWordOpening,
    WordClass,
    PreviousClass,
    NextClass,
    GivenName,
    Gazetteer,
    CapitalisedInside,
    Company,
    Occurrences,
    NamedAs,
    BesideMention,
    CapitalBefore,
    CapitalAfter,
    FirstSuffix3,
}

/// Collects hashed features.
struct Sink<'v> {
    features: &'v mut Vec<u32>,
}

/// Feature hashes are built 64 bits wide, eight bytes a step (as FxHash does), and cut
/// to 32 bits at the end: the same on every machine, and cheap for the many short words
/// a candidate's features read.
type Hash = u64;

const SEED: Hash = 0xCBF2_9CE4_8422_2325;
const MULTIPLIER: Hash = 0x517C_C1B7_2722_0A95;

fn step(hash: Hash, word: u64) -> Hash {
    (hash.rotate_left(5) ^ word).wrapping_mul(MULTIPLIER)
}

/// `hash` with `bytes` fed in; a short last piece is marked with its length, so "ab"
/// and "ab\0" differ.
fn feed(mut hash: Hash, bytes: &[u8]) -> Hash {
    let mut chunks = bytes.chunks_exact(8);
    for chunk in &mut chunks {
        let mut word = [0; 8];
        word.copy_from_slice(chunk);
        hash = step(hash, u64::from_le_bytes(word));
    }
    let rest = chunks.remainder();
    let mut word = [0; 8];
    word[..rest.len()].copy_from_slice(rest);
    step(
        hash,
        u64::from_le_bytes(word) ^ ((rest.len() as u64 + 1) << 60),
    )
}

/// The final 32 bits, mixed (Murmur3's 64-bit finaliser) so the high bits the table reads
/// depend on every input bit.
fn finish(mut hash: Hash) -> u32 {
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    hash ^= hash >> 33;
    hash = hash.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    (hash >> 32) as u32
}

fn template_hash(template: Template) -> Hash {
    step(SEED, template as u64)
}

impl Sink<'_> {
    /// The hash of a feature under construction, to feed values to.
    fn start(template: Template) -> Hash {
        template_hash(template)
    }

    fn finish(&mut self, hash: Hash) {
        self.features.push(finish(hash));
    }

    fn add(&mut self, template: Template, value: &str) {
        self.finish(feed(template_hash(template), value.as_bytes()));
    }

    fn add_pair(&mut self, template: Template, first: &str, second: &str) {
        let hash = feed(template_hash(template), first.as_bytes());
        self.finish(feed(hash, second.as_bytes()));
    }

    fn flag(&mut self, template: Template, value: u8) {
        self.finish(step(template_hash(template), u64::from(value)));
    }
}

/// A word's shape, fed to `hash`: upper case X, lower case x, digits d, each run
/// written once and at most six runs ("McDonald" Xx Xx -> "XxXx", "G7" -> "Xd").
fn shape(word: &str, mut hash: Hash) -> Hash {
    let mut runs = 0;
    let mut previous = ' ';
    for c in word.chars() {
        let class = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else {
            c
        };
        if class != previous {
            runs += 1;
            if runs > 6 {
                break;
            }
            hash = step(hash, u64::from(class));
            previous = class;
        }
    }
    hash
}

/// What the whole document says of the words of the candidates, gathered once.
pub(super) struct Facts<'a> {
    /// What the document says of each capitalised word of the candidates.
    words: FxHashMap<&'a str, WordFacts>,
    /// The rules' names as (first, last, label), by first token.
    mentions: Vec<(usize, usize, Label)>,
}

/// Where a document capitalises a word, and in which of the rules' names.
#[derive(Default, Clone, Copy)]
struct WordFacts {
    /// The labels (as bits) of the rules' names it is part of: "Fenwick" after "Rosalind
    /// Fenwick".
    named: u8,
    /// How often (up to 255).
    count: u8,
    /// Somewhere inside a sentence.
    inside: bool,
    /// Right after another capitalised name word: "Rosalind Fenwick".
    after_capital: bool,
    /// Right before one: "Fenwick Industries".
    before_capital: bool,
}

/// The labels a word's name can have, as bits of [`Facts::named`].
fn label_bit(label: Label) -> u8 {
    match label {
        Label::Person => 1,
        Label::Org => 2,
        Label::Gpe => 4,
        Label::Loc => 8,
        Label::Norp => 16,
        _ => 0,
    }
}

/// Does token `i` open a sentence (or a line, or the text)?
pub(super) fn opens_sentence(tokens: &Words<'_, '_>, i: usize) -> bool {
    if i == 0 || tokens.list[i].newline_before {
        return true;
    }
    let before = tokens.folded(i - 1);
    let ends = |s: &str| matches!(s, "." | "!" | "?" | ":" | ";");
    ends(before)
        || (matches!(before, "\"" | "'" | "(" | "-") && (i < 2 || ends(tokens.folded(i - 2))))
}

impl<'a> Facts<'a> {
    pub(super) fn new(
        tokens: &'a Words<'_, '_>,
        runs: &[(usize, usize)],
        mentions: &[Mention],
    ) -> Facts<'a> {
        let mut sorted: Vec<_> = mentions
            .iter()
            .map(|m| (m.first, m.last, m.label))
            .collect();
        sorted.sort_unstable_by_key(|m| m.0);
        // One look-up per capitalised word of the text, none per other word.
        let mut words: FxHashMap<&str, WordFacts> = runs
            .iter()
            .flat_map(|&(first, last)| first..=last)
            .filter(|&k| tokens.is_capitalized(k))
            .map(|k| (tokens.folded(k), WordFacts::default()))
            .collect();
        let name_word = |k: usize| {
            tokens.is_capitalized(k) && !is(tokens, k, NotName) && !tokens.list[k].newline_before
        };
        for &k in &tokens.capitals {
            let Some(seen) = words.get_mut(tokens.folded(k)) else {
                continue;
            };
            seen.count = seen.count.saturating_add(1);
            seen.inside |= !opens_sentence(tokens, k);
            seen.after_capital |= k > 0 && name_word(k - 1) && !tokens.list[k].newline_before;
            seen.before_capital |= name_word(k + 1);
            // The name the word is part of: the last one starting at or before it.
            let at = sorted.partition_point(|m| m.0 <= k);
            if let Some(&(_, last, label)) = at.checked_sub(1).map(|at| &sorted[at]) {
                if last >= k {
                    seen.named |= label_bit(label);
                }
            }
        }
        Facts {
            words,
            mentions: sorted,
        }
    }

    /// The label of the rules' name that ends at token `last`, if one does.
    fn mention_ending_at(&self, last: usize) -> Option<Label> {
        // Names never overlap, so sorted by first token they are sorted by last, too.
        let at = self.mentions.partition_point(|m| m.1 < last);
        self.mentions.get(at).filter(|m| m.1 == last).map(|m| m.2)
    }

    fn mention_starting_at(&self, first: usize) -> Option<Label> {
        let at = self.mentions.partition_point(|m| m.0 < first);
        self.mentions.get(at).filter(|m| m.0 == first).map(|m| m.2)
    }
}

/// Everything the features of one candidate read.
pub(super) struct Input<'a, 'w, 't> {
    pub tokens: &'a Words<'w, 't>,
    pub gazetteer: &'a Gazetteer,
    pub matches: &'a [Match],
    pub facts: &'a Facts<'a>,
}

/// The word before token `i`, or a mark for the start of a line.
fn word_before<'a>(tokens: &'a Words<'_, '_>, i: usize) -> &'a str {
    if i == 0 || tokens.list[i].newline_before {
        "<s>"
    } else {
        tokens.folded(i - 1)
    }
}

/// The word after token `i`, or a mark for the end of a line.
fn word_after<'a>(tokens: &'a Words<'_, '_>, i: usize) -> &'a str {
    if i + 1 >= tokens.len() || tokens.list[i + 1].newline_before {
        "</s>"
    } else {
        tokens.folded(i + 1)
    }
}

/// The features of the candidate name over tokens `first..=last`, appended to `out`.
pub(super) fn features(input: &Input<'_, '_, '_>, first: usize, last: usize, out: &mut Vec<u32>) {
    let tokens = input.tokens;
    let mut sink = Sink { features: out };
    sink.flag(Template::Bias, 0);
    sink.flag(Template::Length, (last - first + 1).min(4) as u8);
    let (first_word, last_word) = (tokens.folded(first), tokens.folded(last));
    sink.add(Template::FirstWord, first_word);
    sink.add(Template::LastWord, last_word);
    // The span's words and shapes, hashed as they come: no strings are built.
    let mut span = Sink::start(Template::Span);
    for k in first..=last {
        let word = tokens.folded(k);
        if k > first && k < last {
            sink.add(Template::InnerWord, word);
        }
        if k > first && tokens.list[k].space_before {
            span = step(span, u64::from(b' '));
        }
        span = feed(span, word.as_bytes());
        for class in tokens.classes[k].numbers() {
            sink.flag(Template::WordClass, class);
        }
    }
    if last > first {
        sink.finish(span);
    }
    sink.finish(shape(tokens.raw(first), Sink::start(Template::FirstShape)));
    sink.finish(shape(tokens.raw(last), Sink::start(Template::LastShape)));
    suffix(&mut sink, Template::LastSuffix3, last_word);
    if last > first {
        suffix(&mut sink, Template::FirstSuffix3, first_word);
    }
    let opens = opens_sentence(tokens, first);
    context(input, &mut sink, first, last, opens);
    document(input, &mut sink, first, last, opens);
}

/// The last three letters of a word: "-ski", "-tech", "-ton"; of a first word, "-ing"
/// ("Scoring High") or "-ian".
fn suffix(sink: &mut Sink<'_>, template: Template, word: &str) {
    if let Some((at, _)) = word.char_indices().rev().nth(2) {
        sink.add(template, &word[at..]);
    }
}

/// The words around the candidate, their classes, and the gazetteer's readings.
fn context(input: &Input<'_, '_, '_>, sink: &mut Sink<'_>, first: usize, last: usize, opens: bool) {
    let tokens = input.tokens;
    let previous = word_before(tokens, first);
    let next = word_after(tokens, last);
    sink.add(Template::Previous, previous);
    sink.add(Template::Next, next);
    // Two words each side, as pairs: "thank you , Harold", "the Red Sox have hired".
    let previous_two = if previous == "<s>" {
        "<s>"
    } else {
        word_before(tokens, first - 1)
    };
    let next_two = if next == "</s>" {
        "</s>"
    } else {
        word_after(tokens, last + 1)
    };
    sink.add_pair(Template::PreviousTwo, previous_two, previous);
    sink.add_pair(Template::NextTwo, next, next_two);
    sink.flag(Template::OpensSentence, u8::from(opens));
    sink.add_pair(
        Template::FirstWordOpening,
        if opens { "open" } else { "inside" },
        tokens.folded(first),
    );
    if first > 0 && tokens.is_capitalized(first - 1) && !tokens.list[first].newline_before {
        sink.flag(Template::CapitalBefore, 0);
    }
    if tokens.is_capitalized(last + 1) && !tokens.list[last + 1].newline_before {
        sink.flag(Template::CapitalAfter, 0);
    }
    for (template, k) in [
        (Template::PreviousClass, first.checked_sub(1)),
        (Template::NextClass, Some(last + 1)),
    ] {
        let classes = k.and_then(|k| tokens.classes.get(k)).copied();
        for class in classes.unwrap_or(WordClasses::NONE).numbers() {
            sink.flag(template, class);
        }
    }
    let gazetteer = input.gazetteer;
    if gazetteer.is_given_name(tokens.folded(first)) {
        sink.flag(Template::GivenName, 0);
    }
    if last > first && gazetteer.is_given_name(tokens.folded(last)) {
        sink.flag(Template::GivenName, 1);
    }
    gazetteer_readings(input, sink, first, last);
}

/// The kinds of reading the gazetteer has for the candidate's words, each once however
/// many entries share it (a common word names dozens of small towns), and with its tier:
/// a town of the second tier is weak evidence of a place.
fn gazetteer_readings(input: &Input<'_, '_, '_>, sink: &mut Sink<'_>, first: usize, last: usize) {
    let mut seen = [0u64; 4];
    let at = input.matches.partition_point(|m| m.last < first);
    for found in input.matches[at..].iter().take_while(|m| m.first <= last) {
        let exact = found.first == first && found.last == last;
        for &id in &found.entries {
            let entry = input.gazetteer.entry(id);
            let tier = if entry.second_tier {
                1 + u8::from(entry.common_name)
            } else {
                0
            };
            let reading = (entry.kind as u8) << 4
                | tier << 2
                | u8::from(exact) << 1
                | u8::from(entry.context_only);
            let (word, bit) = (usize::from(reading >> 6), reading & 63);
            if seen[word] & 1 << bit == 0 {
                seen[word] |= 1 << bit;
                sink.flag(Template::Gazetteer, reading);
            }
        }
    }
}

/// What the rest of the document says of the candidate's words.
fn document(
    input: &Input<'_, '_, '_>,
    sink: &mut Sink<'_>,
    first: usize,
    last: usize,
    opens: bool,
) {
    let tokens = input.tokens;
    let facts = input.facts;
    for (position, k) in [(0, first), (1, last)] {
        let Some(seen) = facts.words.get(tokens.folded(k)) else {
            continue;
        };
        if seen.named != 0 {
            sink.flag(Template::NamedAs, seen.named | (position << 5));
        }
        if seen.inside && opens {
            sink.flag(Template::CapitalisedInside, position);
        }
        // A surname comes with a given name somewhere; a company's name often alone.
        let company_like = u8::from(seen.after_capital) | u8::from(seen.before_capital) << 1;
        sink.flag(Template::Company, company_like | position << 2);
        let often = match seen.count {
            0..=1 => 0,
            2..=3 => 1,
            _ => 2,
        };
        sink.flag(Template::Occurrences, often | position << 2);
    }
    // The rules' names right before and after, touching or past a comma: "Ines Corral,
    // Radio Norte", "Wexcorp Chairman Tomas Ruud".
    let before = [1, 2]
        .iter()
        .filter(|&&gap| first >= gap && (gap == 1 || tokens.is_punct(first - 1, ',')))
        .find_map(|&gap| facts.mention_ending_at(first - gap).map(|l| (gap, l)));
    if let Some((gap, label)) = before {
        sink.flag(Template::BesideMention, label_bit(label) | (gap as u8) << 5);
    }
    let after = [1, 2]
        .iter()
        .filter(|&&gap| gap == 1 || tokens.is_punct(last + 1, ','))
        .find_map(|&gap| facts.mention_starting_at(last + gap).map(|l| (gap, l)));
    if let Some((gap, label)) = after {
        sink.flag(
            Template::BesideMention,
            label_bit(label) | (gap as u8 + 2) << 5,
        );
    }
}
