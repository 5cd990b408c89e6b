//! The features the relation model reads, and their names in the weights file.
//!
//! Three feature spaces, one per decision ([`super::classifier`]):
//! - a *statement*: one clause naming two countries (or a "both countries" or bloc
//!   reference): the roles of the two names in the clause, what lies between them,
//!   the cue words around them, hedges, negations, historical markers;
//! - a *pair*: all of a document's statements about two countries, pooled;
//! - a *typed pair*: a pair and one relation type, from the cue words of that type
//!   around the pair's statements and the other types the rules give the pair.
//!
//! A feature is an index into a weight vector; its name (for the weights file) is
//! built from the parts that make it up, so the file stays readable and a renamed or
//! added feature is caught when the weights load.

use crate::model::RelationType;

/// An enum of named parts, with its list and names.
macro_rules! named {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $label:literal,)* }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)*
        }

        impl $name {
            pub const ALL: &'static [$name] = &[$($name::$variant,)*];
            pub const COUNT: usize = Self::ALL.len();

            pub fn label(self) -> &'static str {
                match self {
                    $($name::$variant => $label,)*
                }
            }
        }
    };
}

named! {
    /// What a country's name does in its clause. A name can have several roles.
    pub enum Role {
        /// The clause's first acting country, or one of the list it heads.
        Agent = "agent",
        /// After "in", "at", "near", "inside"...: where something happens.
        Venue = "venue",
        /// After "to", "into", "toward": where something goes.
        Goal = "goal",
        /// After "from".
        Origin = "origin",
        /// After "against".
        Opponent = "opponent",
        /// After "with".
        Partner = "partner",
        /// After "of": "the government of Iraq".
        Owner = "owner",
        /// After "by": the agent of a passive verb.
        PassiveAgent = "by",
        /// After "on", "over", "about", or "in" after a word like "crisis": what an
        /// action is about or falls on ("the crisis in Syria").
        Topic = "topic",
        /// Followed by "'s".
        Possessive = "possessive",
        /// "London-based": a location, not a party.
        Base = "based",
        /// "Moscow-led".
        Leader = "leader",
        /// Inside round or square brackets.
        Bracketed = "bracketed",
        /// A dateline: "SEOUL, South Korea (CNN) -".
        Dateline = "dateline",
        /// One of a list of two or more countries.
        Listed = "listed",
        /// One of an either/or list: "the regime or Russia struck the convoy".
        Alternative = "alternative",
        /// Followed by a military noun: "Russian forces", "US jets".
        Military = "military",
        /// Named as a state: the country or its capital.
        State = "state",
        /// Named through its capital.
        Capital = "capital",
        /// Its border: "the border with Mexico", "the Syria-Iraq border".
        Border = "border",
        /// Named through a demonym: "Russian".
        Demonym = "demonym",
        /// Named as the state acting: a person tied to the country ("Putin"), an
        /// institution ("the Kremlin"), an organisation named as a state body ("the
        /// Government of Iraq"), a demonym before a state noun ("Russian forces", "the
        /// Syrian people").
        Official = "official",
        /// Named through a person.
        Person = "person",
        /// Named through an organisation or institution: "the Kremlin", "the US Navy".
        Organisation = "organisation",
        /// Named through a place within it: a town, province or landmark.
        Place = "place",
        /// "the republic", "the country", "both countries": states named before.
        StandIn = "stand-in",
        /// A bloc the text says this country leads: "the Moscow-led CSTO".
        Bloc = "bloc",
    }
}

named! {
    /// Facts about one statement that are no role of either name.
    pub enum Fact {
        Bias = "bias",
        /// Both names stand in one list ("A, B and C").
        SameList = "same-list",
        /// The rules' own verdict: the clause has a cue word and is neither negated nor
        /// history; both names act (see `Actor::acts`), not both only locating, and
        /// stand for states (see `both-states`); and one heads the clause (its first
        /// acting country, with the list it heads) while the other is not in that list,
        /// or the two are named within eight words, no other country between.
        RulesRelate = "rules-relate",
        /// One name is the agent, the other where it happens: "a US official in Syria".
        AgentAndPlace = "agent-and-place",
        /// The same in a clause of armed or security matters, the agent standing for
        /// a state: "US strikes in Syria", "strikes in Iraq by Australia, Belgium and
        /// Canada" (the annotation guide's calls 12 and 13).
        ArmedInPlace = "armed-in-place",
        /// Both names only locate.
        BothLocate = "both-locate",
        /// Both names stand for states: by name, capital, official, institution, bloc,
        /// or "the republic" (not a private person, company or people).
        BothStates = "both-states",
        /// The clause has a reciprocal word ("signed", "talks", "between").
        Reciprocal = "reciprocal",
        /// At most two tokens between the names.
        Adjacent = "gap-adjacent",
        /// Three to six tokens between the names.
        Near = "gap-near",
        /// Seven to fifteen tokens between the names.
        Middle = "gap-middle",
        /// More than fifteen tokens between the names.
        Far = "gap-far",
        /// Another country's name stands between the two.
        CountryBetween = "country-between",
        /// The clause names two countries / three or four / five or more.
        TwoCountries = "clause-two-countries",
        FewCountries = "clause-few-countries",
        ManyCountries = "clause-many-countries",
        /// A verb that acts on its object ("granted", "struck", "expelled") between the names.
        DirectedVerbBetween = "directed-verb-between",
        /// "between" before the first name ("talks between A and B").
        BetweenBefore = "between-before",
        WithBetween = "with-between",
        AgainstBetween = "against-between",
        ToBetween = "to-between",
        FromBetween = "from-between",
        ByBetween = "by-between",
        /// A cue word of any type between the names / within a few words / in the clause.
        AnyCueBetween = "any-cue-between",
        AnyCueNear = "any-cue-near",
        AnyCueInClause = "any-cue-in-clause",
        /// Cue words of three or more types in the clause.
        ManyTypes = "clause-many-types",
        /// A hedge ("could", "may") / a negation ("no", "not") in the clause.
        Hedged = "hedged",
        Negated = "negated",
        /// A historical marker in the sentence: a year long past, "century", "history".
        Historical = "historical",
        /// A report or saying verb in the clause ("said", "according to").
        Reported = "reported",
        /// The document's first sentence (often a title) / one of its first three.
        FirstSentence = "first-sentence",
        EarlySentence = "early-sentence",
        /// More than 50 tokens in the sentence.
        LongSentence = "long-sentence",
        /// The clause is a heading or short line: under eight tokens.
        ShortClause = "short-clause",
    }
}

named! {
    /// Where a cue word of a type stands relative to a pair's names.
    pub enum Reach {
        /// Between the two names.
        Between = "between",
        /// Within a few words of either name, outside them.
        Around = "around",
        /// Elsewhere in the clause.
        Clause = "clause",
        /// In another clause of the sentence.
        Sentence = "sentence",
    }
}

named! {
    /// A pair of countries across a document: its statements' scores, pooled.
    pub enum PairFeature {
        Bias = "bias",
        /// The best statement's score (logit), and the second best's.
        BestScore = "best-score",
        SecondScore = "second-score",
        /// Only one statement names the pair.
        Single = "single-statement",
        /// How many statements (log).
        Statements = "log-statements",
        /// How many of them score above even.
        Supporting = "log-supporting",
        /// The pair includes the country the document names most / both are among its three most named.
        MainCountry = "main-country",
        BothProminent = "both-prominent",
        /// Every statement about the pair is hedged or negated.
        AllHedged = "all-hedged",
    }
}

named! {
    /// What a typed pair reads of one type's cues, pooled over the pair's statements:
    /// each fact weighs as the likeliest statement that shows it (its probability),
    /// except the count. Whether the rules type a statement so is not among them (it
    /// is read only beside other types, see [`typed`]): it sums up the verb and the
    /// reaches below, and read beside them it lowered cross-validated typed F1.
    pub enum TypeFeature {
        /// A verb of this type stands between or around the names ("shelled",
        /// "expelled").
        Verb = "verb",
        /// The nearest cue word of this type stands between the names / around them /
        /// elsewhere in the clause / in another clause of the sentence.
        Between = "between",
        Around = "around",
        Clause = "clause",
        Sentence = "sentence",
        /// The cue word nearest to the names is of this type.
        Nearest = "nearest",
        /// This type is the only one cued around the names.
        Only = "only",
        /// How many of the type's cue words stand near the pair, over all statements (log).
        Count = "log-count",
        /// A sum of money is stated for the pair.
        Money = "money",
        /// One of the two is a country the document says others back in arms
        /// ([`super::statements::Reading::is_backed`]): strikes coordinated with its
        /// government are security as well as conflict (the guide's call 12), and the
        /// model learns that from this rather than from the words of every fight.
        Backed = "backed",
    }
}

/// The two names of a statement, in text order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Side {
    First,
    Second,
}

/// Indices of the statement features: the facts, then each side's roles, then each
/// type's cue reaches (between and around only: the clause and sentence reaches are
/// for typing).
pub mod statement {
    use super::*;

    const ROLES: usize = Fact::COUNT;
    const CUES: usize = ROLES + 2 * Role::COUNT;
    pub const COUNT: usize = CUES + 2 * RelationType::ALL.len();

    pub fn fact(fact: Fact) -> usize {
        fact as usize
    }

    pub fn role(side: Side, role: Role) -> usize {
        ROLES + side as usize * Role::COUNT + role as usize
    }

    /// A cue of `kind` between the names (`between`) or around them.
    pub fn cue(kind: RelationType, between: bool) -> usize {
        CUES + usize::from(!between) * RelationType::ALL.len() + kind as usize
    }

    pub fn names() -> Vec<String> {
        let mut names: Vec<String> = Fact::ALL.iter().map(|f| f.label().to_string()).collect();
        for side in ["first", "second"] {
            names.extend(Role::ALL.iter().map(|r| format!("{side}:{}", r.label())));
        }
        for reach in ["between", "around"] {
            names.extend(
                RelationType::ALL
                    .iter()
                    .map(|t| format!("cue-{reach}:{}", t.as_str())),
            );
        }
        names
    }
}

/// Indices of the typed-pair features: a bias per type, the type features shared by
/// all types, then each type's own copy of them, then for each type whether the rules
/// type the pair so with each other type ("beside"). Rare types (a handful of examples)
/// lean on the shared weights; the copies learn where a type differs; the pairs of types
/// learn which go together and which one reads as the other (words of support beside a
/// fight weigh less for diplomacy; a conflict is security too only where backed).
pub mod typed {
    use super::*;

    const TYPES: usize = RelationType::ALL.len();
    const SHARED: usize = TYPES;
    const OWN: usize = SHARED + TypeFeature::COUNT;
    const BESIDE: usize = OWN + TYPES * TypeFeature::COUNT;
    pub const COUNT: usize = BESIDE + TYPES * (TYPES - 1);

    pub fn bias(kind: RelationType) -> usize {
        kind as usize
    }

    pub fn shared(feature: TypeFeature) -> usize {
        SHARED + feature as usize
    }

    pub fn own(kind: RelationType, feature: TypeFeature) -> usize {
        OWN + kind as usize * TypeFeature::COUNT + feature as usize
    }

    /// The rules type the pair `other` too (`kind` != `other`): each type's weights
    /// for each other type, the other types in order.
    pub fn beside(kind: RelationType, other: RelationType) -> usize {
        let (kind, other) = (kind as usize, other as usize);
        BESIDE + kind * (TYPES - 1) + other - usize::from(other > kind)
    }

    pub fn names() -> Vec<String> {
        let mut names: Vec<String> = RelationType::ALL
            .iter()
            .map(|t| format!("bias:{}", t.as_str()))
            .collect();
        names.extend(TypeFeature::ALL.iter().map(|f| f.label().to_string()));
        for kind in RelationType::ALL {
            names.extend(
                TypeFeature::ALL
                    .iter()
                    .map(|f| format!("{}:{}", kind.as_str(), f.label())),
            );
        }
        for kind in RelationType::ALL {
            names.extend(
                RelationType::ALL
                    .iter()
                    .filter(|other| **other != kind)
                    .map(|other| format!("{}:beside-{}", kind.as_str(), other.as_str())),
            );
        }
        names
    }
}

pub mod pair {
    use super::*;

    pub const COUNT: usize = PairFeature::COUNT;

    pub fn names() -> Vec<String> {
        PairFeature::ALL
            .iter()
            .map(|f| f.label().to_string())
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unique(names: &[String]) -> bool {
        let mut sorted = names.to_vec();
        sorted.sort();
        sorted.dedup();
        sorted.len() == names.len()
    }

    #[test]
    fn every_feature_has_one_unique_name() {
        assert_eq!(statement::names().len(), statement::COUNT);
        assert_eq!(typed::names().len(), typed::COUNT);
        assert_eq!(pair::names().len(), pair::COUNT);
        assert!(unique(&statement::names()));
        assert!(unique(&typed::names()));
        assert!(unique(&pair::names()));
    }

    #[test]
    fn indices_match_names() {
        let names = statement::names();
        assert_eq!(
            names[statement::role(Side::Second, Role::Venue)],
            "second:venue"
        );
        assert_eq!(
            names[statement::cue(RelationType::Tension, false)],
            "cue-around:tension"
        );
        let names = typed::names();
        assert_eq!(
            names[typed::own(RelationType::Conflict, TypeFeature::Count)],
            "conflict:log-count"
        );
        for kind in RelationType::ALL {
            for other in RelationType::ALL.into_iter().filter(|other| *other != kind) {
                assert_eq!(
                    names[typed::beside(kind, other)],
                    format!("{}:beside-{}", kind.as_str(), other.as_str())
                );
            }
        }
    }
}
