//! Gazetteer matching: countries, demonyms, places, organisations, institutions and
//! people from the tables in `data/`, found in the token stream by a phrase trie.
//!
//! Phrases are tokenised like the text and matched on folded tokens, so the cost is one
//! hash look-up per token plus one per extra phrase token: linear in the text. Case is
//! then checked against the phrase as written: a capitalised phrase word needs a
//! capitalised text word ("Turkey", not "turkey"), an acronym needs capitals ("US", not
//! "us").

use std::collections::BTreeMap;
use std::sync::OnceLock;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::lexicon::{Lexicon, WordClass, WordClasses};
pub use crate::model::Division;
use crate::model::{CountryCode, Label};
use crate::second_tier::{ends_word, Reading, ReadingKind, SecondTier, SecondTierError};
use crate::table::{list, rows, table_without_comments};
use crate::tokens::{TokenKind, Tokens};
use crate::vocabulary::Vocabulary;

/// What a gazetteer entry names; decides its label and how it links.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum EntryKind {
    Country,
    Demonym,
    Capital,
    City,
    Region,
    /// A place that is no state: a continent, sea or world region (LOC), or a landmark (FAC).
    Area,
    /// A group of people with no state of its own: "European", "Muslim" (NORP).
    Group,
    Organization,
    Institution,
    Person,
}

#[derive(Clone, Debug)]
pub struct Entry {
    pub kind: EntryKind,
    pub label: Label,
    pub country: Option<CountryCode>,
    pub canonical: String,
    /// Places: inhabitants, used to rank readings of an ambiguous name.
    pub population: u64,
    /// Taken only when the document otherwise names this entry's country.
    pub context_only: bool,
    /// Places: the state or province (everywhere in the second tier; in the first, in the
    /// countries whose local news the tables cover).
    pub division: Option<Division>,
    /// A reading of the second tier (`second_tier.rs`): a town or county too small for
    /// its country alone to support it.
    pub second_tier: bool,
    /// A second-tier name that is also a common word or personal name ("Marion",
    /// "Alliance"): a place only where the text says it is one.
    pub common_name: bool,
}

/// From this population a second-tier town stands for its name on the document's
/// countries alone, as the smaller towns of the first tier do (quarter decades round it:
/// every town of 24,000 or more).
const SECOND_TIER_TOWN: u64 = 30_000;

impl Entry {
    /// A second-tier reading too small, or named too much like a common word, to stand
    /// for its name on the document's countries alone: it needs the story set in its
    /// state, or the text to place it.
    pub fn is_minor(&self) -> bool {
        self.second_tier && (self.common_name || self.population < SECOND_TIER_TOWN)
    }
}

/// The text of each data table, in the formats documented in `data/README.md`.
/// `companies` has the format of `institutions`.
pub struct Tables<'a> {
    pub countries: &'a str,
    pub places: &'a str,
    /// Accented letters and their plain forms: a place alias `~` is its name written
    /// with them ("São Paulo": "Sao Paulo").
    pub accent_folds: &'a str,
    pub organizations: &'a str,
    pub institutions: &'a str,
    pub companies: &'a str,
    pub people: &'a str,
    pub regions: &'a str,
    pub groups: &'a str,
    /// One given name per line.
    pub given_names: &'a str,
}

impl Tables<'static> {
    /// The tables compiled into the binary.
    pub fn builtin() -> Tables<'static> {
        Tables {
            places: include_str!("../data/places.tsv"),
            companies: include_str!("../data/companies.tsv"),
            people: include_str!("../data/people.tsv"),
            given_names: include_str!("../data/given_names.txt"),
            ..Tables::first_download()
        }
    }

    /// The tables the app compiles into its first download, what its first highlight
    /// needs: no companies, people or given names, and of the places the world's
    /// cities of 500,000 or more (`places_first.tsv`, made from `places.tsv` by
    /// `scripts/gazetteer/first_download.py`; the capitals are the countries' table's). The app's worker fetches the others
    /// whole with the second tier after that highlight, and the gazetteer of both tiers
    /// is then built from the same tables as [`Tables::builtin`]'s (the command
    /// line's), so the results are the same.
    pub fn first_download() -> Tables<'static> {
        Tables {
            countries: COUNTRIES,
            places: include_str!("../data/places_first.tsv"),
            accent_folds: include_str!("../data/accent_folds.tsv"),
            organizations: include_str!("../data/organizations.tsv"),
            institutions: include_str!("../data/institutions.tsv"),
            companies: "",
            people: "",
            regions: table_without_comments!("../data/regions.tsv"),
            groups: table_without_comments!("../data/groups.tsv"),
            given_names: "",
        }
    }
}

const COUNTRIES: &str = include_str!("../data/countries.tsv");

/// The common English name of a country, e.g. `RU` -> `Russia`: read from the countries'
/// table alone, so that naming a country builds no gazetteer (the app builds its own).
pub fn country_name(code: CountryCode) -> Option<&'static str> {
    static NAMES: OnceLock<BTreeMap<CountryCode, &'static str>> = OnceLock::new();
    let names = NAMES.get_or_init(|| {
        rows(COUNTRIES, 5)
            .filter_map(|row| Some((CountryCode::parse(row[0])?, row[1])))
            .collect()
    });
    names.get(&code).copied()
}

/// How a phrase token constrains the case of the text token it matches.
/// Ordered from the loosest: a name listed in two casings takes the looser at each word.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Case {
    Any,
    Capitalized,
    AllCaps,
}

#[derive(Clone, Debug)]
struct Candidate {
    entry: u32,
    case: Box<[Case]>,
}

/// A gazetteer match: tokens `first..=last` and the entries they may name, best first.
#[derive(Clone, Debug)]
pub struct Match {
    pub first: usize,
    pub last: usize,
    pub entries: Vec<u32>,
    /// Which name it is, the same wherever the name comes (its first reading as found):
    /// readings the document does not support may be dropped from `entries`, and the
    /// name stays the same.
    pub name: u32,
}

/// No trie node: see [`Gazetteer::first_words`].
const NO_NODE: u32 = u32::MAX;

#[derive(Default)]
pub struct Gazetteer {
    entries: Vec<Entry>,
    /// Folded token text -> token id.
    vocabulary: Vocabulary,
    /// (trie node, token id) -> child node, below the root. Node 0 is the root.
    edges: FxHashMap<(u32, u32), u32>,
    /// The root's children by token id ([`NO_NODE`]: none): every token is looked up
    /// there, so by index rather than by hash.
    first_words: Vec<u32>,
    /// Trie node -> the phrases ending there.
    phrases: FxHashMap<u32, Vec<Candidate>>,
    nodes: u32,
    /// Folded given names: "vladimir", "kassym-jomart".
    given_names: FxHashSet<Box<str>>,
    /// Each country's capital, as the countries' table names it.
    capitals: BTreeMap<CountryCode, String>,
    /// The lexicon's classes of words (titles, head words...), by token id, so that
    /// each word of a text is looked up once for the trie and the entity rules.
    word_classes: Vec<WordClasses>,
    /// The towns, counties and parishes beyond the first download, when loaded; their
    /// readings are the entries from `second_tier_start` on.
    second_tier: Option<SecondTier>,
    second_tier_start: u32,
}

/// Words that open no town's name ("The", "Gov.", "said"): the second tier's names are
/// not looked up at them, which saves a walk at most capitalised words of a text.
const OPENS_NO_TOWN: WordClasses = WordClasses::of(&[
    WordClass::NotName,
    WordClass::AbbreviatedTitle,
    WordClass::SpeechVerb,
    WordClass::NameConnector,
]);

impl Gazetteer {
    /// The built-in gazetteer, built once per process.
    pub fn shared() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| Gazetteer::from_tables(&Tables::builtin()))
    }

    /// Builds a gazetteer from table texts. Malformed rows are skipped: the built-in
    /// tables are checked by tests, and a bad row must not take the app down.
    pub fn from_tables(tables: &Tables<'_>) -> Gazetteer {
        let mut gazetteer = Gazetteer {
            nodes: 1,
            ..Gazetteer::default()
        };
        gazetteer.load_countries(tables.countries);
        gazetteer.load_places(tables.places, tables.accent_folds);
        gazetteer.load_organizations(tables.organizations);
        gazetteer.load_institutions(tables.institutions);
        gazetteer.load_institutions(tables.companies);
        gazetteer.load_people(tables.people);
        gazetteer.load_regions(tables.regions);
        gazetteer.load_groups(tables.groups);
        gazetteer.given_names = front_decoded(tables.given_names)
            .map(|name| crate::normalize::fold(&name).into_boxed_str())
            .collect();
        gazetteer.add_word_classes(Lexicon::shared().words());
        gazetteer
    }

    /// The built-in tables and the second tier's bytes (`data/places2.bin`, which the
    /// app fetches after its first highlight): a gazetteer that knows every town of
    /// 1,000 inhabitants. Bytes that are no second tier, or are corrupt or cut short,
    /// give an error, never a panic; the first tier alone is still
    /// [`Gazetteer::shared`].
    pub fn with_second_tier(
        tables: &Tables<'_>,
        second_tier: impl Into<std::borrow::Cow<'static, [u8]>>,
    ) -> Result<Gazetteer, SecondTierError> {
        let second_tier = SecondTier::from_bytes(second_tier)?;
        let mut gazetteer = Gazetteer::from_tables(tables);
        gazetteer.second_tier_start = gazetteer.entries.len() as u32;
        let entries = second_tier.readings().iter().map(second_tier_entry);
        gazetteer.entries.extend(entries);
        gazetteer.second_tier = Some(second_tier);
        Ok(gazetteer)
    }

    /// Both tiers compiled in (the command line's gazetteer), built once per process.
    #[cfg(feature = "second-tier-builtin")]
    pub fn shared_with_second_tier() -> &'static Gazetteer {
        static SHARED: OnceLock<Gazetteer> = OnceLock::new();
        SHARED.get_or_init(|| {
            let bytes: &'static [u8] = include_bytes!("../data/places2.bin");
            Gazetteer::with_second_tier(&Tables::builtin(), bytes)
                .expect("the compiled-in second tier is checked by the tests")
        })
    }

    /// The second-tier reading an entry is, if it is one.
    pub(crate) fn second_tier_reading(&self, id: u32) -> Option<&Reading> {
        let index = id.checked_sub(self.second_tier_start)?;
        self.second_tier.as_ref()?.readings().get(index as usize)
    }

    /// Attaches its classes to each folded word, adding it to the vocabulary.
    fn add_word_classes<'w>(&mut self, words: impl IntoIterator<Item = (&'w str, WordClasses)>) {
        for (word, classes) in words {
            let id = self.vocabulary.intern(word) as usize;
            if self.word_classes.len() <= id {
                self.word_classes.resize(id + 1, WordClasses::NONE);
            }
            self.word_classes[id] = self.word_classes[id] | classes;
        }
    }

    /// The lexicon's classes of the word with this token id.
    pub(crate) fn word_classes(&self, id: u32) -> WordClasses {
        self.word_classes
            .get(id as usize)
            .copied()
            .unwrap_or_default()
    }

    /// Each token's id in the vocabulary, if it has one.
    pub(crate) fn token_ids(&self, tokens: &Tokens<'_>) -> Vec<Option<u32>> {
        (0..tokens.len())
            .map(|i| self.vocabulary.get(tokens.folded(i)))
            .collect()
    }

    /// The entries a word (by its id) names when a full stop follows it: the states of
    /// "Ky." and "Calif.".
    pub(crate) fn abbreviated(&self, id: u32) -> Vec<u32> {
        let Some(full_stop) = self.vocabulary.get(".") else {
            return Vec::new();
        };
        self.child(0, id)
            .and_then(|word| self.child(word, full_stop))
            .and_then(|phrase| self.phrases.get(&phrase))
            .map(|candidates| candidates.iter().map(|c| c.entry).collect())
            .unwrap_or_default()
    }

    /// Is this folded word a given name?
    pub(crate) fn is_given_name(&self, folded: &str) -> bool {
        self.given_names.contains(folded)
    }

    pub(crate) fn entry(&self, id: u32) -> &Entry {
        &self.entries[id as usize]
    }

    /// [`Gazetteer::find_by_ids`], looking the tokens up.
    #[cfg(test)]
    fn find(&self, tokens: &Tokens<'_>) -> Vec<Match> {
        self.find_by_ids(tokens, &self.token_ids(tokens))
    }

    /// All gazetteer phrases in the text, given the tokens' ids ([`Gazetteer::token_ids`]):
    /// at each token the longest phrase that starts there, then on after its end.
    pub(crate) fn find_by_ids(&self, tokens: &Tokens<'_>, ids: &[Option<u32>]) -> Vec<Match> {
        let mut matches = Vec::new();
        let mut i = 0;
        while i < ids.len() {
            match self.longest_at(tokens, ids, i) {
                Some(found) => {
                    i = found.last + 1;
                    matches.push(found);
                }
                None => i += 1,
            }
        }
        matches
    }

    fn longest_at(&self, tokens: &Tokens<'_>, ids: &[Option<u32>], first: usize) -> Option<Match> {
        // A phrase never starts inside a word run like "Rus" in "Rus-sia" or mid-number.
        if first > 0
            && !tokens.list[first].space_before
            && tokens.kind(first - 1) == TokenKind::Word
            && tokens.kind(first) == TokenKind::Word
        {
            return None;
        }
        let found = self.longest_in_first_tier(tokens, ids, first);
        let Some(second_tier) = &self.second_tier else {
            return found;
        };
        // Second-tier names open with a capital, not with a function word, and a name
        // the first tier knows as no place (a person, a company) is no town's.
        let place_or_none = found.as_ref().is_none_or(|found| {
            found.entries.iter().any(|&id| {
                matches!(
                    self.entry(id).kind,
                    EntryKind::City | EntryKind::Capital | EntryKind::Region | EntryKind::Country
                )
            })
        });
        let may_open_a_town = tokens.is_capitalized(first)
            && ids[first].is_none_or(|id| !self.word_classes(id).has_any(OPENS_NO_TOWN));
        if !(place_or_none && may_open_a_town) {
            return found;
        }
        self.with_second_tier_names(
            first,
            second_tier.longest_at(tokens, first, ids[first]),
            found,
        )
    }

    /// The longer of a first-tier match and a second-tier name at the same token; both
    /// tiers' readings when they are as long.
    fn with_second_tier_names(
        &self,
        first: usize,
        second: Option<(usize, Vec<u32>)>,
        first_tier: Option<Match>,
    ) -> Option<Match> {
        let Some((last, readings)) = second else {
            return first_tier;
        };
        let readings = readings
            .into_iter()
            .map(|index| self.second_tier_start + index);
        match first_tier {
            Some(mut found) if found.last == last => {
                found.entries.extend(readings);
                Some(found)
            }
            Some(found) if found.last > last => Some(found),
            _ => {
                let entries: Vec<u32> = readings.collect();
                Some(Match {
                    first,
                    last,
                    name: entries[0],
                    entries,
                })
            }
        }
    }

    fn longest_in_first_tier(
        &self,
        tokens: &Tokens<'_>,
        ids: &[Option<u32>],
        first: usize,
    ) -> Option<Match> {
        let mut node = 0;
        let mut best = None;
        for (last, id) in ids.iter().enumerate().skip(first) {
            crate::steps::tick(1);
            let Some(next) = id.and_then(|id| self.child(node, id)) else {
                break;
            };
            node = next;
            let Some(candidates) = self.phrases.get(&node) else {
                continue;
            };
            let entries: Vec<u32> = candidates
                .iter()
                .filter(|candidate| case_fits(tokens, first, &candidate.case))
                .map(|candidate| candidate.entry)
                .collect();
            if !entries.is_empty() && ends_word(tokens, last) {
                best = Some(Match {
                    first,
                    last,
                    name: entries[0],
                    entries,
                });
            }
        }
        best
    }

    fn add_entry(&mut self, entry: Entry) -> u32 {
        self.entries.push(entry);
        (self.entries.len() - 1) as u32
    }

    /// The trie node after `node` through the word of token id `id`, if there is one.
    fn child(&self, node: u32, id: u32) -> Option<u32> {
        if node == 0 {
            self.first_words
                .get(id as usize)
                .copied()
                .filter(|&child| child != NO_NODE)
        } else {
            self.edges.get(&(node, id)).copied()
        }
    }

    /// [`Gazetteer::child`], made if there is none yet.
    fn child_or_new(&mut self, node: u32, id: u32) -> u32 {
        if let Some(child) = self.child(node, id) {
            return child;
        }
        let child = self.nodes;
        self.nodes += 1;
        if node == 0 {
            if self.first_words.len() <= id as usize {
                self.first_words.resize(id as usize + 1, NO_NODE);
            }
            self.first_words[id as usize] = child;
        } else {
            self.edges.insert((node, id), child);
        }
        child
    }

    /// Registers `phrase` as a name of entry `entry`.
    fn add_phrase(&mut self, phrase: &str, entry: u32) {
        let tokens = Tokens::new(phrase.trim());
        if tokens.is_empty() {
            return;
        }
        let mut node = 0;
        let mut case = Vec::with_capacity(tokens.len());
        for i in 0..tokens.len() {
            let id = self.vocabulary.intern(tokens.folded(i));
            node = self.child_or_new(node, id);
            case.push(if tokens.is_all_caps(i) {
                Case::AllCaps
            } else if tokens.is_capitalized(i) {
                Case::Capitalized
            } else {
                Case::Any
            });
        }
        let candidates = self.phrases.entry(node).or_default();
        match candidates.iter_mut().find(|c| c.entry == entry) {
            // The same name in another casing ("NATO", "Nato"): either is written.
            Some(known) => {
                for (rule, other) in known.case.iter_mut().zip(case) {
                    *rule = (*rule).min(other);
                }
            }
            None => candidates.push(Candidate {
                entry,
                case: case.into(),
            }),
        }
    }

    fn add_named(&mut self, entry: Entry, names: &[&str]) -> u32 {
        let id = self.add_entry(entry);
        for name in names {
            self.add_phrase(name, id);
        }
        id
    }

    fn load_countries(&mut self, table: &str) {
        for row in rows(table, 5) {
            let Some(code) = CountryCode::parse(row[0]) else {
                continue;
            };
            let (name, capital) = (row[1], row[4]);
            let entry = |kind, label, canonical: &str| Entry {
                kind,
                label,
                country: Some(code),
                canonical: canonical.to_string(),
                population: 0,
                context_only: false,
                division: None,
                second_tier: false,
                common_name: false,
            };
            let names: Vec<&str> = std::iter::once(name).chain(list(row[2])).collect();
            self.add_named(entry(EntryKind::Country, Label::Gpe, name), &names);
            let demonyms: Vec<&str> = list(row[3]).collect();
            self.add_named(entry(EntryKind::Demonym, Label::Norp, name), &demonyms);
            if !capital.is_empty() {
                self.add_named(entry(EntryKind::Capital, Label::Gpe, capital), &[capital]);
            }
            self.capitals.insert(code, capital.to_string());
        }
    }

    fn load_places(&mut self, table: &str, accent_folds: &str) {
        let folds: FxHashMap<char, &str> = rows(accent_folds, 2)
            .filter_map(|row| {
                let mut letters = row[0].chars();
                let letter = letters.next()?;
                letters.next().is_none().then_some((letter, row[1]))
            })
            .collect();
        // Names are front-coded: each is decoded from the one before it, so every row's
        // is decoded before anything can skip the row.
        let mut names = FrontDecoder::default();
        for row in rows(table, 5) {
            let name = names.decode(row[0]).to_string();
            let Some(code) = CountryCode::parse(row[2]) else {
                continue;
            };
            // The file leaves the kind of cities blank.
            let kind = match row[3] {
                "region" => EntryKind::Region,
                _ => EntryKind::City,
            };
            // Capitals are already in from the country table.
            let is_capital = self
                .capitals
                .get(&code)
                .is_some_and(|capital| *capital == name);
            // Only the rows with a "~" alias need the name without accents.
            let plain = list(row[1])
                .any(|alias| alias == "~")
                .then(|| without_accents(&name, &folds));
            let forms: Vec<&str> = std::iter::once(name.as_str())
                .chain(list(row[1]).map(|alias| match (alias, &plain) {
                    ("~", Some(plain)) => plain.as_str(),
                    _ => alias,
                }))
                .collect();
            let entry = Entry {
                kind: if is_capital { EntryKind::Capital } else { kind },
                label: Label::Gpe,
                country: Some(code),
                canonical: name.clone(),
                population: population(row[4]),
                context_only: row.get(5) == Some(&"1"),
                division: row.get(6).and_then(|code| Division::parse(code)),
                second_tier: false,
                common_name: false,
            };
            self.add_named(entry, &forms);
        }
    }

    fn load_organizations(&mut self, table: &str) {
        for row in rows(table, 3) {
            let canonical = row[0];
            let names: Vec<&str> = std::iter::once(canonical).chain(list(row[1])).collect();
            let entry = Entry {
                kind: EntryKind::Organization,
                label: Label::Org,
                country: None,
                canonical: canonical.to_string(),
                population: 0,
                context_only: false,
                division: None,
                second_tier: false,
                common_name: false,
            };
            self.add_named(entry, &names);
        }
    }

    fn load_institutions(&mut self, table: &str) {
        for row in rows(table, 3) {
            let names: Vec<&str> = list(row[0]).collect();
            let Some(first) = names.first() else { continue };
            let canonical = row
                .get(3)
                .copied()
                .filter(|c| !c.is_empty())
                .unwrap_or(first);
            let entry = Entry {
                kind: EntryKind::Institution,
                label: Label::parse(row[2]).unwrap_or(Label::Org),
                country: CountryCode::parse(row[1]),
                canonical: canonical.to_string(),
                population: 0,
                context_only: false,
                division: None,
                second_tier: false,
                common_name: false,
            };
            self.add_named(entry, &names);
        }
    }

    /// World regions (LOC), former states (GPE, linked to their successor) and landmarks (FAC,
    /// with their country).
    fn load_regions(&mut self, table: &str) {
        for row in rows(table, 3) {
            let country = row.get(3).and_then(|code| CountryCode::parse(code));
            let label = Label::parse(row[2]).unwrap_or(Label::Loc);
            let kind = if label == Label::Gpe {
                EntryKind::Country
            } else {
                EntryKind::Area
            };
            let names: Vec<&str> = std::iter::once(row[0]).chain(list(row[1])).collect();
            let entry = Entry {
                kind,
                label,
                country,
                canonical: row[0].to_string(),
                population: 0,
                context_only: false,
                division: None,
                second_tier: false,
                common_name: false,
            };
            self.add_named(entry, &names);
        }
    }

    /// Regional, religious and political groups (NORP), some with a country.
    fn load_groups(&mut self, table: &str) {
        for row in rows(table, 1) {
            let country = row.get(2).and_then(|code| CountryCode::parse(code));
            let names: Vec<&str> = std::iter::once(row[0])
                .chain(row.get(1).map_or_else(Vec::new, |f| list(f).collect()))
                .collect();
            let entry = Entry {
                kind: if country.is_some() {
                    EntryKind::Demonym
                } else {
                    EntryKind::Group
                },
                label: Label::Norp,
                country,
                canonical: row[0].to_string(),
                population: 0,
                context_only: false,
                division: None,
                second_tier: false,
                common_name: false,
            };
            self.add_named(entry, &names);
        }
    }

    fn load_people(&mut self, table: &str) {
        let mut seen: FxHashMap<(String, CountryCode), u32> = FxHashMap::default();
        for row in rows(table, 3) {
            let Some(code) = CountryCode::parse(row[2]) else {
                continue;
            };
            let canonical = row[0];
            // One entry per person, however many rows name them (in several roles).
            let id = match seen.get(&(canonical.to_string(), code)) {
                Some(&id) => id,
                None => {
                    let entry = Entry {
                        kind: EntryKind::Person,
                        label: Label::Person,
                        country: Some(code),
                        canonical: canonical.to_string(),
                        population: 0,
                        context_only: false,
                        division: None,
                        second_tier: false,
                        common_name: false,
                    };
                    let id = self.add_named(entry, &[canonical]);
                    seen.insert((canonical.to_string(), code), id);
                    id
                }
            };
            for variant in list(row[1]) {
                self.add_phrase(variant, id);
            }
        }
    }
}

/// The names of a front-coded list (`given_names.txt`): one per line, lines that are
/// blank or start with `#` skipped.
fn front_decoded(list: &str) -> impl Iterator<Item = String> + '_ {
    let mut decoder = FrontDecoder::default();
    list.lines()
        .map(str::trim)
        .filter(|line| !line.is_empty() && !line.starts_with('#'))
        .map(move |line| decoder.decode(line).to_string())
}

/// Reads front-coded names, which sorted lists are stored as because neighbours share
/// their beginnings: each is how many leading characters it shares with the name before
/// it (one digit), then the rest ("Aamir", "2ron": "Aaron"). A name without the digit is
/// whole.
#[derive(Default)]
struct FrontDecoder {
    previous: String,
}

impl FrontDecoder {
    /// The whole name of `coded`, the name after the one decoded last.
    fn decode(&mut self, coded: &str) -> &str {
        // An ASCII digit is one byte, so `coded[1..]` is on a character boundary.
        let (shared, rest) = match coded.chars().next().and_then(|first| first.to_digit(10)) {
            Some(shared) => (shared as usize, &coded[1..]),
            None => (0, coded),
        };
        let kept = self
            .previous
            .char_indices()
            .nth(shared)
            .map_or(self.previous.len(), |(end, _)| end);
        self.previous.truncate(kept);
        self.previous.push_str(rest);
        &self.previous
    }
}

/// `name` with each letter of `folds` replaced by its plain form.
fn without_accents(name: &str, folds: &FxHashMap<char, &str>) -> String {
    let mut plain = String::with_capacity(name.len());
    for letter in name.chars() {
        match folds.get(&letter) {
            Some(replacement) => plain.push_str(replacement),
            None => plain.push(letter),
        }
    }
    plain
}

/// A population as places.tsv writes it, the number of quarter decades it comes to: `k`
/// is 10^(k/4) to two significant digits ("19": 56,000). Blank or unreadable: 0.
fn population(quarter_decades: &str) -> u64 {
    quarter_decades.parse().map_or(0, population_of)
}

/// [`population`] of a number of quarter decades.
fn population_of(k: u32) -> u64 {
    // 10^(k/4) for k = 4 to 7, to two significant digits.
    const FIRST_DECADE: [u64; 4] = [10, 18, 32, 56];
    10u64
        .checked_pow(k / 4)
        .and_then(|decade| decade.checked_mul(FIRST_DECADE[k as usize % 4]))
        .map_or(0, |people| people / 10)
}

/// The entry of a second-tier reading: a town or county taken only where the document
/// supports it; its canonical name is left blank, to be the name as the text writes it.
fn second_tier_entry(reading: &Reading) -> Entry {
    Entry {
        kind: match reading.kind {
            ReadingKind::Town => EntryKind::City,
            ReadingKind::County | ReadingKind::CountyName => EntryKind::Region,
        },
        label: Label::Gpe,
        country: Some(reading.country),
        canonical: String::new(),
        population: population_of(u32::from(reading.quarter_decades)),
        context_only: true,
        division: reading.division,
        second_tier: true,
        common_name: reading.common,
    }
}

fn case_fits(tokens: &Tokens<'_>, first: usize, case: &[Case]) -> bool {
    case.iter().enumerate().all(|(offset, rule)| match rule {
        Case::Any => true,
        Case::Capitalized => tokens.is_capitalized(first + offset),
        Case::AllCaps => tokens.is_all_caps(first + offset),
    })
}

#[cfg(test)]
mod tests;
