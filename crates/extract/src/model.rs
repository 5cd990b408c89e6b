//! The core's result types. Offsets here are byte offsets into the analysed `&str`;
//! [`crate::schema`] converts them to code points once, at the edge.

use std::fmt;

/// A half-open byte range `start..end` into the analysed text.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        Span { start, end }
    }

    pub fn len(&self) -> usize {
        self.end - self.start
    }

    pub fn is_empty(&self) -> bool {
        self.end <= self.start
    }

    pub fn contains(&self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }
}

/// Entity labels, named as in OntoNotes (and therefore spaCy).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "UPPERCASE")
)]
pub enum Label {
    Person,
    Norp,
    Org,
    Gpe,
    Loc,
    Fac,
    Event,
    Law,
    Date,
    Time,
    Money,
    Percent,
    Quantity,
    Cardinal,
    Ordinal,
}

impl Label {
    pub const ALL: [Label; 15] = [
        Label::Person,
        Label::Norp,
        Label::Org,
        Label::Gpe,
        Label::Loc,
        Label::Fac,
        Label::Event,
        Label::Law,
        Label::Date,
        Label::Time,
        Label::Money,
        Label::Percent,
        Label::Quantity,
        Label::Cardinal,
        Label::Ordinal,
    ];

    /// The OntoNotes name: `PERSON`, `GPE`, ...
    pub fn as_str(self) -> &'static str {
        match self {
            Label::Person => "PERSON",
            Label::Norp => "NORP",
            Label::Org => "ORG",
            Label::Gpe => "GPE",
            Label::Loc => "LOC",
            Label::Fac => "FAC",
            Label::Event => "EVENT",
            Label::Law => "LAW",
            Label::Date => "DATE",
            Label::Time => "TIME",
            Label::Money => "MONEY",
            Label::Percent => "PERCENT",
            Label::Quantity => "QUANTITY",
            Label::Cardinal => "CARDINAL",
            Label::Ordinal => "ORDINAL",
        }
    }

    /// A short description for legends and tooltips.
    pub fn description(self) -> &'static str {
        match self {
            Label::Person => "People",
            Label::Norp => "Nationalities and groups",
            Label::Org => "Organisations",
            Label::Gpe => "Countries and cities",
            Label::Loc => "Other places",
            Label::Fac => "Buildings and facilities",
            Label::Event => "Events",
            Label::Law => "Laws and treaties",
            Label::Date => "Dates",
            Label::Time => "Times",
            Label::Money => "Money",
            Label::Percent => "Percentages",
            Label::Quantity => "Quantities",
            Label::Cardinal => "Numbers",
            Label::Ordinal => "Ordinals",
        }
    }

    pub fn parse(name: &str) -> Option<Label> {
        Label::ALL.into_iter().find(|label| label.as_str() == name)
    }
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// An ISO 3166-1 alpha-2 code, always two ASCII upper-case letters.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct CountryCode([u8; 2]);

impl CountryCode {
    /// Accepts exactly two ASCII letters, in either case.
    pub fn parse(code: &str) -> Option<CountryCode> {
        match code.as_bytes() {
            [a, b] if a.is_ascii_alphabetic() && b.is_ascii_alphabetic() => Some(CountryCode([
                a.to_ascii_uppercase(),
                b.to_ascii_uppercase(),
            ])),
            _ => None,
        }
    }

    pub fn as_str(&self) -> &str {
        // Both bytes are ASCII letters by construction.
        std::str::from_utf8(&self.0).unwrap_or("??")
    }
}

impl fmt::Display for CountryCode {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A country's first-level division (state, province), by its GeoNames code: "KY" in
/// the US, "08" (Ontario) in Canada, "ENG" in the United Kingdom. Unique only within
/// its country.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Division([u8; 3]);

impl Division {
    pub fn parse(code: &str) -> Option<Division> {
        let bytes = code.as_bytes();
        if bytes.is_empty() || bytes.len() > 3 || !bytes.iter().all(u8::is_ascii_alphanumeric) {
            return None;
        }
        let mut code = [0; 3];
        code[..bytes.len()].copy_from_slice(bytes);
        Some(Division(code))
    }
}

/// A normalised amount of money: `$5,6 billion` -> 5.6e9 USD.
#[derive(Clone, Debug, PartialEq)]
pub struct Money {
    pub value: f64,
    /// ISO 4217 code, e.g. `USD`.
    pub currency: &'static str,
}

/// What a numeric or temporal entity means, when the rules could tell.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    Money(Money),
    Percent(f64),
    /// An ISO 8601 date or partial date: `2017-03-07`, `2019-04`, `2015`.
    Date(String),
}

/// One entity mention.
#[derive(Clone, Debug, PartialEq)]
pub struct Entity {
    pub span: Span,
    pub label: Label,
    /// The country the mention stands for or belongs to.
    pub country: Option<CountryCode>,
    /// The name the mention resolves to (`Putin` -> `Vladimir Putin`).
    pub canonical: Option<String>,
    pub value: Option<Value>,
}

/// The kinds of relation between two countries (see docs/relations.md).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[cfg_attr(
    feature = "typescript",
    derive(ts_rs::TS),
    ts(rename_all = "lowercase")
)]
pub enum RelationType {
    Diplomacy,
    Agreement,
    Economy,
    Security,
    Integration,
    Tension,
    Conflict,
}

impl RelationType {
    pub const ALL: [RelationType; 7] = [
        RelationType::Diplomacy,
        RelationType::Agreement,
        RelationType::Economy,
        RelationType::Security,
        RelationType::Integration,
        RelationType::Tension,
        RelationType::Conflict,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            RelationType::Diplomacy => "diplomacy",
            RelationType::Agreement => "agreement",
            RelationType::Economy => "economy",
            RelationType::Security => "security",
            RelationType::Integration => "integration",
            RelationType::Tension => "tension",
            RelationType::Conflict => "conflict",
        }
    }

    pub fn parse(name: &str) -> Option<RelationType> {
        RelationType::ALL
            .into_iter()
            .find(|kind| kind.as_str() == name)
    }
}

/// A money figure stated for a pair of countries.
#[derive(Clone, Debug, PartialEq)]
pub struct Amount {
    pub span: Span,
    pub money: Money,
}

/// A word that signals one of a relation's types: "granted" for economy.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct CueWord {
    pub kind: RelationType,
    pub span: Span,
}

/// A relation between an unordered pair of countries, `a < b`.
#[derive(Clone, Debug, PartialEq)]
pub struct Relation {
    pub a: CountryCode,
    pub b: CountryCode,
    /// Sorted, without duplicates, never empty.
    pub types: Vec<RelationType>,
    /// Who acts on whom, where the text says so.
    pub direction: Option<(CountryCode, CountryCode)>,
    pub weight: f64,
    /// Sentence spans, sorted: the statements the decision rests on.
    pub evidence: Vec<Span>,
    pub amounts: Vec<Amount>,
    /// How likely the text states this relation, in [0, 1]: of relations at 0.8,
    /// about 8 in 10 are right (calibrated on unseen documents).
    pub confidence: f64,
    /// The cue words that typed it, sorted by type and position.
    pub cues: Vec<CueWord>,
}

/// Everything the core found in one text.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Analysis {
    /// Sorted by start, never overlapping.
    pub entities: Vec<Entity>,
    /// Sorted, never overlapping.
    pub sentences: Vec<Span>,
    /// Sorted by `(a, b)`.
    pub relations: Vec<Relation>,
}
