//! The words the rules look for, by class: titles ("president"), head words of
//! organisations ("ministry"), words that open a date ("last")... The vocabulary is data:
//! `data/lexicon.tsv` has one row a word, its classes after it, compiled in and read once
//! per process. A new word, or a word in one more class, is an edit of that row; a new
//! class is a variant here and its name in the table.
//!
//! The gazetteer gives every lexicon word a token id and keeps its classes by id, so
//! the entity rules learn a token's classes from the one look-up that matches it against
//! the gazetteer ([`crate::gazetteer::Gazetteer::word_classes`]).

mod currencies;

use std::ops::BitOr;
use std::sync::OnceLock;

use rustc_hash::FxHashMap;

use crate::table::{rows, table_without_comments};
pub(crate) use currencies::{Currencies, Unit};

/// Declares the classes, each with its name in the table, in one place.
macro_rules! word_classes {
    ($($(#[doc = $doc:literal])* $class:ident = $name:literal,)*) => {
        /// What a word can be to the rules. A word may be in several classes.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub(crate) enum WordClass {
            $($(#[doc = $doc])* $class,)*
        }

        impl WordClass {
            pub(crate) const ALL: &'static [WordClass] = &[$(WordClass::$class,)*];

            /// The class's name in `data/lexicon.tsv`.
            pub(crate) fn name(self) -> &'static str {
                match self {
                    $(WordClass::$class => $name,)*
                }
            }
        }
    };
}

word_classes! {
    /// Titles before a person's name: "President Vladimir Putin", "Sir James".
    Title = "title",
    /// Honorifics written short with a full stop: "Mr.", "Gen.".
    AbbreviatedTitle = "abbreviated_title",
    /// Capitalised words that are never part of a name, though they open sentences.
    NotName = "not_name",
    /// Lower-case words allowed inside a capitalised name: "Bank of Russia".
    NameConnector = "name_connector",
    /// Last words of organisation names: "Foreign Ministry", "Eurasian Analytic Club".
    OrgHead = "org_head",
    /// First words of organisation names before "of" or "for": "Ministry of Defence".
    OrgStart = "org_start",
    /// Last words of company names that are also trades: "Bailey Controls". They end a
    /// name but do not show that the words before them are one on their own.
    TradeHead = "trade_head",
    /// Last words of names of natural places: "Mississippi River".
    PlaceHead = "place_head",
    /// First words of names of natural places: "Lake Issyk-Kul", "Mount Elbrus".
    PlaceStart = "place_start",
    /// Verbs that put a speaker's name next to them: "said Nikita Mendkovich".
    SpeechVerb = "speech_verb",
    /// Words in capitals that are no organisation's acronym: "CEO", "GDP".
    NotOrganization = "not_organization",
    /// Legal suffixes of company names, dropped from the name a company goes by later:
    /// "Sony Corp.", "Samsung Heavy Co., Ltd.".
    LegalSuffix = "legal_suffix",
    /// Dotted legal forms, by their letters: "S.A.", "N.V.", "G.m.b.H.".
    LegalForm = "legal_form",
    /// Head words written short, whose full stop belongs to the name: "Corp.", "Bros.".
    ShortHead = "short_head",
    /// Company heads after which the name alone is the company's: "Triton" for "Triton
    /// Securities" (a ministry's or a paper's is not: "Foreign", "Wall Street").
    CompanyHead = "company_head",
    /// Words that describe an organisation by its trade or owner: "the Russian state
    /// company X", "Chinese carmaker Y".
    CompanyDescription = "company_description",
    /// Nouns that end such a description and name what follows: "the state company X".
    CompanyNoun = "company_noun",
    /// Roles held at a company, before "of", "at", "with" or "for" and its name.
    CompanyRole = "company_role",
    /// Things only a company has, owned by a name before "'s": "Vantor's shares".
    CompanyPart = "company_part",
    /// Nouns that open an apposition about a person: ", head of", ", a spokesman for".
    PersonRole = "person_role",
    /// Titles of a country's leader, after "the" and a demonym: "the Russian leader",
    /// "the Turkish foreign minister" (rows of several words are phrases).
    LeaderTitle = "leader_title",
    /// Words inside titles of several words: "Prime Minister", "Vice President".
    TitleWord = "title_word",
    /// Particles inside names: "Mr. van Dover", "Ahmad bin Salman".
    NameParticle = "name_particle",
    /// Capitalised common nouns that name a body of a state: "the House", "Parliament".
    StateBody = "state_body",
    /// Heads of a state's own government and missions, named after the state: "of the"
    /// after them goes on to no name of theirs ("the Embassy of the United States").
    GovernmentHead = "government_head",
    /// Last words of papers' names that name the paper alone after "the": "the Journal".
    Paper = "paper",
    /// Heads of bodies that serve one town, so belong to the country a local story is
    /// set in: "Enfield Council", "Mercy Hospital".
    LocalBodyHead = "local_body_head",
    /// First words of the names of laws before "of", "on" or "for": "Treaty on Open Skies".
    LawStart = "law_start",
    /// Last words of the names of laws: "Clean Air Act".
    LawHead = "law_head",
    /// Last words of the names of events: "Cold War".
    EventHead = "event_head",
    /// Last words of the names of facilities: "Kant Air Base".
    FacilityHead = "facility_head",
    /// Nouns that introduce towns or provinces before "of": "the town of Virden".
    TownNoun = "town_noun",
    /// Prepositions that say the name after them is a place: "in Rogersville", "near
    /// Decatur" (not "to", "from" or "at", which take companies as often).
    PlacePreposition = "place_preposition",
    /// Words between such a preposition and a place, besides directions: "in downtown
    /// Decatur", "in unincorporated DeKalb".
    PlaceQualifier = "place_qualifier",
    /// Words after a name that make it a town's: "Hanover police", "Logan residents".
    TownFollower = "town_follower",
    /// Nouns that call a place a port before "of": "the Syrian port of Tartus".
    PortNoun = "port_noun",
    /// Kinds of bases written before "base": "the Kant military base", "an air base".
    BaseKind = "base_kind",
    /// Ends a list of counties: "Cooke, Grayson and Love counties".
    CountiesNoun = "counties_noun",
    /// Words before "Mayor" that say which mayor, not where: "Former Mayor Ann Lee".
    MayorQualifier = "mayor_qualifier",
    /// Administrative units after a place's name, part of it: "Jiangsu Province".
    PlaceUnit = "place_unit",
    /// Units that are part of a place's name only when capitalised: "Carson City".
    CapitalizedPlaceUnit = "capitalized_place_unit",
    /// Where a neighbour lies: "Edmonton, south of Cairns".
    CompassPoint = "compass_point",
    /// A part of the state named after it: "Redding, northern California".
    Direction = "direction",
    /// Prefixes joined to a name by a hyphen, making one word with it: "pro-Iranian".
    StancePrefix = "stance_prefix",
    /// Government departments, named in titles: "Labor Secretary", "Secretary of State".
    Department = "department",
    /// Number words: "three million", "three weeks". They open amounts and dates.
    Count = "count",
    /// The months in full ([`MONTHS`]). They open dates.
    Month = "month",
    /// Days by their names. They open dates.
    Weekday = "weekday",
    /// "yesterday", "today", "tomorrow". They open dates.
    RelativeDay = "relative_day",
    /// "first" ... "tenth". They open dates: "the third quarter", "his first year".
    Ordinal = "ordinal",
    /// How often: "annual", "monthly", "seasonally" (dates by OntoNotes' conventions).
    Frequency = "frequency",
    /// Units of time: "day", "weeks", "decade".
    TimeUnit = "time_unit",
    /// Words between a count or an ordinal and its unit: "four straight years".
    CountQualifier = "count_qualifier",
    /// "spring", "fall"...: dates after a relative word ("this fall").
    Season = "season",
    /// "morning", "night": times after a day ("Friday night"). They open times.
    PartOfDay = "part_of_day",
    /// Verbs of change followed by the amount of the change: "rose $4 to $367.30" is a
    /// change and a level, not a range.
    ChangeVerb = "change_verb",
    /// Words that can open a MONEY or PERCENT expression: hedges ("about"), number and
    /// scale words ("several", "billions").
    AmountStart = "amount_start",
    /// Words that can open a TIME expression: "noon", "this morning".
    TimeStart = "time_start",
    /// Words that can open a DATE expression: "last", "Monday", "annual".
    DateStart = "date_start",
    /// Common words that open a date of one form only: "year-end", "each week".
    PeriodStart = "period_start",
    /// Given names that are also common words ("Mark", "Will"), so left out of the list
    /// of given names: one only inside a sentence, after a lower-case word or a title.
    GivenNameInside = "given_name_inside",
}

impl WordClass {
    fn parse(name: &str) -> Option<WordClass> {
        WordClass::ALL
            .iter()
            .copied()
            .find(|class| class.name() == name)
    }

    /// The classes a word of this class is in too: a number word opens amounts and
    /// dates alike, a month or a day opens dates, a part of the day times.
    fn implied(self) -> WordClasses {
        match self {
            WordClass::Count => WordClass::AmountStart | WordClass::DateStart,
            WordClass::Month
            | WordClass::Weekday
            | WordClass::RelativeDay
            | WordClass::Ordinal
            | WordClass::Frequency => WordClass::DateStart.into(),
            WordClass::PartOfDay => WordClass::TimeStart.into(),
            _ => WordClasses::NONE,
        }
    }
}

/// A set of word classes, one bit each: the classes of a word, or the classes a rule
/// looks for (`WordClass::Title | WordClass::AbbreviatedTitle`).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct WordClasses(u64);

impl WordClasses {
    pub(crate) const NONE: WordClasses = WordClasses(0);

    /// The set of these classes, in constants.
    pub(crate) const fn of(classes: &[WordClass]) -> WordClasses {
        let mut bits = 0;
        let mut k = 0;
        while k < classes.len() {
            bits |= 1 << classes[k] as u32;
            k += 1;
        }
        WordClasses(bits)
    }

    /// Is any of `classes` in this set?
    #[inline]
    pub(crate) fn has_any(self, classes: impl Into<WordClasses>) -> bool {
        self.0 & classes.into().0 != 0
    }

    /// The classes of the set, as their numbers (`WordClass as u8`), lowest first.
    pub(crate) fn numbers(self) -> impl Iterator<Item = u8> {
        let mut bits = self.0;
        std::iter::from_fn(move || {
            (bits != 0).then(|| {
                let number = bits.trailing_zeros() as u8;
                bits &= bits - 1;
                number
            })
        })
    }
}

impl From<WordClass> for WordClasses {
    #[inline]
    fn from(class: WordClass) -> WordClasses {
        WordClasses(1 << class as u32)
    }
}

impl<C: Into<WordClasses>> BitOr<C> for WordClasses {
    type Output = WordClasses;

    #[inline]
    fn bitor(self, other: C) -> WordClasses {
        WordClasses(self.0 | other.into().0)
    }
}

impl<C: Into<WordClasses>> BitOr<C> for WordClass {
    type Output = WordClasses;

    #[inline]
    fn bitor(self, other: C) -> WordClasses {
        WordClasses::from(self) | other
    }
}

/// The months in full, January first: the calendar reads a month's number from its
/// place here, and the lexicon puts them in the class [`WordClass::Month`].
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The rules' vocabulary: each word (folded, one token) with its classes, and the
/// phrases of several words.
pub(crate) struct Lexicon {
    words: FxHashMap<Box<str>, WordClasses>,
    phrases: Vec<(Box<[Box<str>]>, WordClasses)>,
    currencies: Currencies,
}

impl Lexicon {
    /// The built-in lexicon, read once per process.
    pub(crate) fn shared() -> &'static Lexicon {
        static SHARED: OnceLock<Lexicon> = OnceLock::new();
        SHARED.get_or_init(|| {
            Lexicon::from_tables(
                include_str!("../../data/lexicon.tsv"),
                table_without_comments!("../../data/currencies.tsv"),
            )
        })
    }

    /// Reads a lexicon table: a word (or a phrase of words separated by spaces) and its
    /// class names, separated by spaces, a row. Unknown class names are skipped (the
    /// shipped table is checked by a test). The words that write a currency before a
    /// figure ([`Currencies`]) open amounts.
    pub(crate) fn from_tables(table: &str, currencies: &'static str) -> Lexicon {
        let mut words: FxHashMap<Box<str>, WordClasses> = FxHashMap::default();
        let mut phrases = Vec::new();
        for row in rows(table, 2) {
            let classes = row[1]
                .split_whitespace()
                .filter_map(WordClass::parse)
                .fold(WordClasses::NONE, |classes, class| {
                    classes | class | class.implied()
                });
            if row[0].contains(' ') {
                phrases.push((row[0].split_whitespace().map(Box::from).collect(), classes));
                continue;
            }
            let entry = words.entry(row[0].into()).or_default();
            *entry = *entry | classes;
        }
        let month = WordClass::Month | WordClass::Month.implied();
        for name in MONTHS {
            let entry = words.entry(name.into()).or_default();
            *entry = *entry | month;
        }
        let currencies = Currencies::from_table(currencies);
        for word in currencies.words_before() {
            let entry = words.entry(word.into()).or_default();
            *entry = *entry | WordClass::AmountStart;
        }
        Lexicon {
            words,
            phrases,
            currencies,
        }
    }

    /// Every word with its classes.
    pub(crate) fn words(&self) -> impl Iterator<Item = (&str, WordClasses)> {
        self.words.iter().map(|(word, classes)| (&**word, *classes))
    }

    /// The phrases of several words, each with its classes.
    pub(crate) fn phrases(&self) -> impl Iterator<Item = (&[Box<str>], WordClasses)> {
        self.phrases
            .iter()
            .map(|(words, classes)| (&**words, *classes))
    }

    /// The currencies and how they are written.
    pub(crate) fn currencies(&self) -> &Currencies {
        &self.currencies
    }

    /// The classes of a folded word, for where no token id is at hand.
    pub(crate) fn classes(&self, word: &str) -> WordClasses {
        self.words.get(word).copied().unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokens::Tokens;

    const SHIPPED: &str = include_str!("../../data/lexicon.tsv");

    #[test]
    fn classes_are_read_with_the_classes_they_bring() {
        let lexicon = Lexicon::from_tables(
            "word\tclasses\npresident\ttitle\nthree\tcount\nmr\ttitle abbreviated_title\n",
            "code\tbefore\tafter\nUSD\t$ | US$\tdollars\n",
        );
        assert!(lexicon.classes("president").has_any(WordClass::Title));
        assert!(!lexicon
            .classes("president")
            .has_any(WordClass::AbbreviatedTitle));
        assert!(lexicon.classes("mr").has_any(WordClass::AbbreviatedTitle));
        // A number word opens amounts and dates.
        let three = lexicon.classes("three");
        assert!(three.has_any(WordClass::AmountStart) && three.has_any(WordClass::DateStart));
        assert_eq!(lexicon.classes("minister"), WordClasses::NONE);
        // A word that writes a currency before a figure opens an amount.
        assert!(lexicon.classes("us").has_any(WordClass::AmountStart));
        assert_eq!(lexicon.classes("dollars"), WordClasses::NONE);
        let phrases = Lexicon::from_tables("word\tclasses\nprime minister\tleader_title\n", "");
        let (words, classes) = phrases.phrases().next().unwrap();
        assert_eq!(words, [Box::from("prime"), Box::from("minister")]);
        assert!(classes.has_any(WordClass::LeaderTitle));
        assert_eq!(phrases.classes("prime"), WordClasses::NONE);
    }

    #[test]
    fn the_shipped_table_names_known_classes_one_row_a_word() {
        let mut previous = "";
        for row in rows(SHIPPED, 2) {
            for name in row[1].split_whitespace() {
                assert!(
                    WordClass::parse(name).is_some(),
                    "{}: class {name}?",
                    row[0]
                );
            }
            // Sorted and unique, so a word's classes are all in one row.
            assert!(previous < row[0], "{} after {previous}", row[0]);
            previous = row[0];
        }
    }

    #[test]
    fn every_word_is_one_folded_token_so_that_it_can_match() {
        let lexicon = Lexicon::shared();
        let phrase_words = lexicon
            .phrases()
            .flat_map(|(words, _)| words.iter().map(|w| &**w));
        for word in lexicon.words().map(|(word, _)| word).chain(phrase_words) {
            let tokens = Tokens::new(word);
            assert!(
                tokens.len() == 1 && tokens.folded(0) == word,
                "{word:?} is not one folded token"
            );
        }
    }

    #[test]
    fn every_class_has_a_word() {
        let lexicon = Lexicon::shared();
        for &class in WordClass::ALL {
            assert!(
                lexicon.words().any(|(_, classes)| classes.has_any(class)),
                "no word of class {}",
                class.name()
            );
        }
    }
}
