//! Statements: every clause that names two countries, read into the features the model
//! weighs ([`super::features`]). The rules do not decide here; they describe: which
//! names act and which only locate, what stands between them, which cue words of which
//! type stand how near, whether the clause is hedged, negated, reported or history.
//!
//! Candidates are broad on purpose (any two countries of a clause, "both countries"
//! and blocs a country leads): the model filters. A clause relates at most
//! [`MAX_COUNTRIES`] countries, so a table of every country costs a bounded amount per
//! clause and the work stays linear in the text.

use std::ops::Range;

use super::actors::{actors, mark_agents, Actor};
use super::cues::{cues, type_bits, Assertion, Cue};
use super::direction::{direction, Verbs};
use super::discourse::Discourse;
use super::features::{statement, Fact, Reach, Role, Side};
use super::lexicon::{Mark, Words};
use super::{clauses, nearest_amounts, ordered, token_ranges, Layout};
use crate::mention::Mention;
use crate::model::{Amount, CountryCode, RelationType, Span, Value};
use crate::steps::tick;
use crate::tokens::Tokens;

mod circumstances;
mod stance;
mod typing;

use circumstances::{backed, document_year, is_historical, prominent};
use stance::{stances, Stance, StanceKind};
use typing::{any_cue_in, Typing};

/// The most countries one clause relates to each other.
const MAX_COUNTRIES: usize = 24;

/// How many words either side of a pair a cue may stand to be "around" it.
const AROUND: usize = 12;

/// The most cue words kept per type and statement, to show why a pair is typed.
const CUES_SHOWN: usize = 3;

/// One clause's mention of a pair of countries.
#[derive(Clone, Debug)]
pub struct Statement {
    /// The pair, `a < b`.
    pub pair: (CountryCode, CountryCode),
    pub sentence: Span,
    /// The sentence's position in the document (0 for the first).
    pub sentence_index: usize,
    /// Who acts on whom, where the clause says so.
    pub direction: Option<(CountryCode, CountryCode)>,
    /// 1 for an assertion, 0.5 hedged, 0.25 negated.
    pub weight: f32,
    /// For each type (in `RelationType::ALL` order), the nearest reach of its cues.
    pub reach: [Option<Reach>; RelationType::ALL.len()],
    /// For each type, its cue words between or around the names.
    pub near: [u8; RelationType::ALL.len()],
    /// The types of the verbs between or around the names, as bits.
    pub verbs: u8,
    /// The types of the verbs between the names, as bits: "Turkish forces shelled ...
    /// Syria" says what the two did.
    pub linking_verbs: u8,
    /// The type of the cue word nearest to the names.
    pub nearest: Option<RelationType>,
    /// Words of an arms deal stand around the names: security and agreement.
    pub arms_deal: bool,
    /// Armed action is attributed to one of several suspects ("the regime or Russia
    /// struck"): an accusation, tension (the annotation guide's call 18).
    pub accusation: bool,
    /// A word of membership stands around the names and one of them is named through a
    /// bloc it leads ("a member of the Moscow-led CSTO"): integration.
    pub bloc_membership: bool,
    features: Range<usize>,
    cues: Range<usize>,
    amounts: Range<usize>,
}

impl Statement {
    /// Do the rules type the statement so? A verb near the names types it before any
    /// noun does; else the nearest tier of cue words it has (between or around the
    /// names, the clause, the sentence) gives its types.
    pub fn typed_by_rules(&self, kind: RelationType) -> bool {
        if self.verbs != 0 {
            return self.verbs & 1 << kind as u8 != 0;
        }
        let tier = |reach: Reach| (reach as usize).max(Reach::Around as usize);
        let nearest = self.reach.iter().flatten().map(|r| tier(*r)).min();
        self.reach[kind as usize].is_some_and(|reach| Some(tier(reach)) == nearest)
    }
}

/// Everything the model reads in one document.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    statements: Vec<Statement>,
    /// The statements' features, one run each: (index, value).
    values: Vec<(u16, f32)>,
    /// The statements' cue words, one run each.
    cues: Vec<(RelationType, Span)>,
    amounts: Vec<Amount>,
    /// The countries the document names most, most first (three at most).
    prominent: Vec<CountryCode>,
    /// Countries whose government or forces the document says others act in support
    /// of, or in coordination with ("strikes coordinated with the government of Iraq").
    backed: Vec<CountryCode>,
}

impl Reading {
    pub fn statements(&self) -> &[Statement] {
        &self.statements
    }

    pub fn features(&self, statement: &Statement) -> &[(u16, f32)] {
        &self.values[statement.features.clone()]
    }

    pub fn cues(&self, statement: &Statement) -> &[(RelationType, Span)] {
        &self.cues[statement.cues.clone()]
    }

    pub fn amounts(&self, statement: &Statement) -> &[Amount] {
        &self.amounts[statement.amounts.clone()]
    }

    /// The countries the document names most, most first.
    pub fn prominent(&self) -> &[CountryCode] {
        &self.prominent
    }

    /// Is the country's government or army backed by others, as the document tells?
    pub fn is_backed(&self, country: CountryCode) -> bool {
        self.backed.contains(&country)
    }
}

/// One clause, its countries read (phase one of a sentence).
struct Clause {
    first: usize,
    last: usize,
    actors: Vec<Actor>,
    both: Option<[Actor; 2]>,
    in_clause: Vec<usize>,
}

impl Clause {
    fn relates(&self) -> bool {
        self.both.is_some()
            || self
                .actors
                .iter()
                .any(|actor| actor.country != self.actors[0].country)
    }
}

/// What every clause of a sentence shares.
struct SentenceContext {
    span: Span,
    index: usize,
    tokens: usize,
    /// The types of the sentence's cues, as bits by `RelationType as usize`.
    kinds: u8,
    historical: bool,
}

/// Reads every statement of a document.
pub fn read(tokens: &Tokens<'_>, sentences: &[Span], mentions: &[Mention]) -> Reading {
    let mut layout = Layout::new(tokens, mentions);
    let year = document_year(mentions);
    let mut reading = Reading {
        prominent: prominent(mentions),
        ..Reading::default()
    };
    let mut discourse = Discourse::default();
    let mut next_mention = 0;
    for (index, (sentence_first, sentence_last, span)) in
        token_ranges(tokens, sentences).into_iter().enumerate()
    {
        let mut read_clauses = Vec::new();
        for (first, last) in clauses(tokens, sentence_first, sentence_last) {
            while next_mention < mentions.len() && mentions[next_mention].last < first {
                next_mention += 1;
            }
            let in_clause: Vec<usize> = (next_mention..mentions.len())
                .take_while(|&m| mentions[m].first <= last)
                .collect();
            tick(in_clause.len());
            discourse.learn_leaders(tokens, mentions, &in_clause);
            let mut actors = actors(tokens, mentions, &in_clause, &layout, first);
            let stand_ins = discourse.stand_ins(tokens, first, last, &actors);
            actors.extend(stand_ins);
            actors.extend(discourse.blocs(mentions, &in_clause));
            actors.sort_by_key(|actor| actor.first);
            let both = discourse.both(tokens, first, last, &actors);
            discourse.remember(&actors);
            for country in backed(tokens, first, last, &actors) {
                if !reading.backed.contains(&country) {
                    reading.backed.push(country);
                }
            }
            read_clauses.push(Clause {
                first,
                last,
                actors,
                both,
                in_clause,
            });
        }
        if !read_clauses.iter().any(Clause::relates) {
            continue;
        }
        // The words are the costly part: only sentences relating two countries are read.
        let mut words = Words::of(tokens, sentence_first, sentence_last);
        layout.mark_armed_groups(mentions, sentence_first, sentence_last);
        for i in sentence_first..=sentence_last {
            if layout.armed_group[i] {
                words.add(i, Mark::Fight);
            }
        }
        let sentence_cues = cues(tokens, &layout, &words, sentence_first, sentence_last);
        let context = SentenceContext {
            span,
            index,
            tokens: sentence_last + 1 - sentence_first,
            kinds: type_bits(&sentence_cues),
            historical: is_historical(&words, mentions, &read_clauses, year),
        };
        for clause in read_clauses.iter_mut().filter(|clause| clause.relates()) {
            let from = sentence_cues.partition_point(|cue| cue.at < clause.first);
            let to = sentence_cues.partition_point(|cue| cue.at <= clause.last);
            let cues = &sentence_cues[from..to];
            reading.read_clause(tokens, mentions, &words, clause, cues, &context);
        }
    }
    reading
}

impl Reading {
    fn read_clause(
        &mut self,
        tokens: &Tokens<'_>,
        mentions: &[Mention],
        words: &Words,
        clause: &mut Clause,
        cues: &[Cue],
        sentence: &SentenceContext,
    ) {
        let (first, last) = (clause.first, clause.last);
        let reciprocal = (first..=last).any(|i| words.at(i).has(Mark::Reciprocal));
        let kinds = type_bits(cues);
        let armed = [RelationType::Conflict, RelationType::Security]
            .iter()
            .any(|kind| kinds & 1 << *kind as u8 != 0);
        let substantive = armed || kinds & 1 << RelationType::Economy as u8 != 0;
        mark_agents(tokens, &mut clause.actors, reciprocal, substantive);
        let counts = WordCounts::new(tokens, first, last).with_actors(&clause.actors);
        let view = ClauseView {
            first,
            last,
            reciprocal,
            assertion: Assertion::of(tokens, words, first, last),
            verbs: Verbs::of(words, first, last, &clause.actors),
            cues,
            words: &counts,
            amounts: clause_amounts(tokens, mentions, &clause.in_clause),
            kinds,
            armed,
            substantive,
            countries: count_countries(&clause.actors),
            stances: stances(words, cues),
            fights: (first..=last)
                .filter(|&i| words.at(i).has(Mark::Fight))
                .collect(),
            plain_tension: cues
                .iter()
                .any(|cue| cue.kind == RelationType::Tension && !cue.stance),
            conflicts: cues
                .iter()
                .filter(|cue| cue.kind == RelationType::Conflict)
                .map(|cue| cue.at)
                .collect(),
        };
        let countries = group_by_country(&clause.actors);
        // A country's roles are those of all its names in the clause: "Philip Hammond
        // said the UK ..." makes the UK the agent, through its minister.
        let whole: Vec<Actor> = countries
            .iter()
            .map(|(_, names)| country_wide(&clause.actors, names))
            .collect();
        for (x, (_, xs)) in countries.iter().enumerate() {
            for (y, (_, ys)) in countries.iter().enumerate().skip(x + 1) {
                tick(xs.len() + ys.len());
                let (p, q) = closest(&clause.actors, xs, ys);
                let (p_country, q_country) = if clause.actors[p].country == whole[x].country {
                    (x, y)
                } else {
                    (y, x)
                };
                let first = at_name(&whole[p_country], &clause.actors[p]);
                let second = at_name(&whole[q_country], &clause.actors[q]);
                self.add(tokens, &view, sentence, &first, &second);
            }
        }
        if let Some([x, y]) = &clause.both {
            self.add(tokens, &view, sentence, x, y);
        }
    }

    /// Reads the statement of `first` and `second` (named in that order) in a clause.
    fn add(
        &mut self,
        tokens: &Tokens<'_>,
        clause: &ClauseView<'_>,
        sentence: &SentenceContext,
        first: &Actor,
        second: &Actor,
    ) {
        let start = self.values.len();
        let mut set = |index: usize, value: f32| {
            if value != 0.0 {
                self.values.push((index as u16, value));
            }
        };
        let facts = facts(clause, sentence, first, second);
        for fact in Fact::ALL.iter().filter(|fact| facts[**fact as usize]) {
            set(statement::fact(*fact), 1.0);
        }
        for (side, actor) in [(Side::First, first), (Side::Second, second)] {
            for role in actor.roles.iter() {
                set(statement::role(side, role), 1.0);
            }
        }
        let typing = Typing::of(clause, sentence, first, second);
        for kind in RelationType::ALL {
            let reach = typing.reach[kind as usize];
            set(
                statement::cue(kind, true),
                f32::from(reach == Some(Reach::Between)),
            );
            set(
                statement::cue(kind, false),
                f32::from(reach == Some(Reach::Around)),
            );
        }
        let features = start..self.values.len();
        let cues_start = self.cues.len();
        self.cues.extend(typing.shown(tokens, clause.cues));
        let amounts_start = self.amounts.len();
        let later = first.first.max(second.first);
        self.amounts.extend(
            nearest_amounts(&clause.amounts, tokens.span(later, later).start)
                .iter()
                .cloned(),
        );
        self.statements.push(Statement {
            pair: ordered(first.country, second.country),
            sentence: sentence.span,
            sentence_index: sentence.index,
            direction: direction(&clause.verbs, first, second, clause.substantive),
            weight: clause.assertion.weight(),
            reach: typing.reach,
            near: typing.near,
            verbs: typing.verbs,
            linking_verbs: typing.linking_verbs,
            nearest: typing.nearest,
            arms_deal: typing.arms_deal,
            accusation: typing.accused,
            bloc_membership: typing.near[RelationType::Integration as usize] > 0
                && [first, second]
                    .iter()
                    .any(|actor| actor.roles.has(Role::Bloc) || actor.roles.has(Role::Leader)),
            features,
            cues: cues_start..self.cues.len(),
            amounts: amounts_start..self.amounts.len(),
        });
    }
}

/// A clause being read: what all its pairs share.
struct ClauseView<'a> {
    first: usize,
    last: usize,
    reciprocal: bool,
    assertion: Assertion,
    verbs: Verbs,
    cues: &'a [Cue],
    words: &'a WordCounts,
    amounts: Vec<Amount>,
    /// The types of the clause's cues, as bits.
    kinds: u8,
    /// Some of them are of conflict or security.
    armed: bool,
    /// Some of them are of conflict, security or economy.
    substantive: bool,
    /// How many countries the clause names.
    countries: usize,
    /// Its words of stance ([`Mark::Stance`]: "condemns", "supports", "pledged"), in
    /// text order.
    stances: Vec<(usize, StanceKind)>,
    /// Its words of a fight against an armed group, and the armed groups it names.
    fights: Vec<usize>,
    /// Its cue words of armed action.
    conflicts: Vec<usize>,
    /// A cue of tension that is no word of stance: "sanctions", "dispute".
    plain_tension: bool,
}

impl ClauseView<'_> {
    /// The first word of stance between two names, which makes what follows it the
    /// object of a statement by the first about the second.
    fn stance_between(&self, first: &Actor, second: &Actor) -> Option<Stance> {
        let at = self.stances.partition_point(|(at, _)| *at <= first.last);
        let &(at, kind) = self.stances.get(at).filter(|(at, _)| *at < second.first)?;
        let follows =
            |positions: &[usize]| positions.partition_point(|&p| p <= at) < positions.len();
        Some(Stance {
            at,
            kind,
            fight: follows(&self.fights),
            armed: follows(&self.fights) || follows(&self.conflicts),
        })
    }
}

/// The facts of a statement, by `Fact as usize`.
fn facts(
    clause: &ClauseView<'_>,
    sentence: &SentenceContext,
    first: &Actor,
    second: &Actor,
) -> [bool; Fact::COUNT] {
    let mut facts = [false; Fact::COUNT];
    let mut set = |fact: Fact, value: bool| facts[fact as usize] = value;
    let gap = gap(first, second);
    let between = first.last + 1..second.first.max(first.last + 1);
    let country_between = clause.words.count(Word::Country, between.clone()) > 0;
    set(Fact::Bias, true);
    set(
        Fact::RulesRelate,
        rules_relate(
            clause,
            sentence,
            first,
            second,
            gap <= 8 && !country_between,
        ),
    );
    set(
        Fact::SameList,
        first.list.is_some() && first.list == second.list,
    );
    let agent = |actor: &Actor| actor.roles.has(Role::Agent);
    let other = if agent(first) { second } else { first };
    let in_place = agent(first) != agent(second)
        && (other.roles.has(Role::Venue) || other.roles.has(Role::Place))
        && !other.roles.has(Role::Dateline);
    set(Fact::AgentAndPlace, in_place);
    // Armed action relates states: a people or a private person named as the agent
    // (the victims, as often as not) does not act for its state: "30 Britons were
    // killed in the attacks in Paris".
    let state_acts = if agent(first) { first } else { second }.is_stately();
    set(Fact::ArmedInPlace, in_place && clause.armed && state_acts);
    set(Fact::BothLocate, first.locates() && second.locates());
    set(Fact::BothStates, first.is_stately() && second.is_stately());
    set(Fact::Reciprocal, clause.reciprocal);
    set(Fact::Adjacent, gap <= 2);
    set(Fact::Near, (3..=6).contains(&gap));
    set(Fact::Middle, (7..=15).contains(&gap));
    set(Fact::Far, gap > 15);
    set(Fact::CountryBetween, country_between);
    set(Fact::TwoCountries, clause.countries == 2);
    set(Fact::FewCountries, (3..=4).contains(&clause.countries));
    set(Fact::ManyCountries, clause.countries >= 5);
    set(
        Fact::DirectedVerbBetween,
        clause.verbs.acting_between(first, second),
    );
    let before = first.first.saturating_sub(3).max(clause.first)..first.first;
    set(
        Fact::BetweenBefore,
        clause.words.count(Word::Between, before) > 0,
    );
    for (fact, word) in [
        (Fact::WithBetween, Word::With),
        (Fact::AgainstBetween, Word::Against),
        (Fact::ToBetween, Word::To),
        (Fact::FromBetween, Word::From),
        (Fact::ByBetween, Word::By),
    ] {
        set(fact, clause.words.count(word, between.clone()) > 0);
    }
    let around = first.first.saturating_sub(AROUND)..second.last + AROUND + 1;
    set(Fact::AnyCueBetween, any_cue_in(clause.cues, between));
    set(Fact::AnyCueNear, any_cue_in(clause.cues, around));
    set(Fact::AnyCueInClause, !clause.cues.is_empty());
    set(Fact::ManyTypes, clause.kinds.count_ones() >= 3);
    set(Fact::Hedged, clause.assertion.hedged);
    set(Fact::Negated, clause.assertion.negated);
    set(Fact::Reported, clause.assertion.reported);
    set(Fact::Historical, sentence.historical);
    set(Fact::FirstSentence, sentence.index == 0);
    set(Fact::EarlySentence, sentence.index < 3);
    set(Fact::LongSentence, sentence.tokens > 50);
    set(Fact::ShortClause, clause.last + 1 - clause.first < 8);
    facts
}

/// How many tokens stand between two names (`first` before `second`). A name in a list
/// stands with its list: "strikes in Iraq include A, B and C" puts C as near to Iraq as
/// A.
fn gap(first: &Actor, second: &Actor) -> usize {
    let (first_end, second_start) = if first.list.is_some() && first.list == second.list {
        (first.last, second.first)
    } else {
        let end = first
            .extent
            .1
            .min(second.first.saturating_sub(1))
            .max(first.last);
        (end, second.extent.0.max(end + 1).min(second.first))
    };
    second_start.saturating_sub(first_end + 1)
}

/// The rules' own verdict on a statement ([`Fact::RulesRelate`]). `close`: the names
/// stand within eight words, no other country between.
fn rules_relate(
    clause: &ClauseView<'_>,
    sentence: &SentenceContext,
    first: &Actor,
    second: &Actor,
    close: bool,
) -> bool {
    let same_rule_list = first.rule_list.is_some() && first.rule_list == second.rule_list;
    // Two places where things happen are no parties to each other.
    let both_act = first.acts && second.acts && !(first.locates() && second.locates());
    !clause.cues.is_empty()
        && !same_rule_list
        && both_act
        && first.is_stately()
        && second.is_stately()
        && (first.heads != second.heads || close)
        && !clause.assertion.negated
        && !sentence.historical
}

/// Words counted in a clause, so that "is there a `with` between the names" costs the
/// same for every pair of a long clause.
#[derive(Clone, Copy)]
enum Word {
    With,
    Against,
    To,
    From,
    By,
    Between,
    /// A country's name (counted at its first token).
    Country,
}

const WORDS: usize = 7;

/// Prefix counts of [`Word`]s over a clause's tokens.
struct WordCounts {
    first: usize,
    prefix: Vec<[u32; WORDS]>,
}

impl WordCounts {
    fn new(tokens: &Tokens<'_>, first: usize, last: usize) -> WordCounts {
        let mut prefix = Vec::with_capacity(last + 2 - first);
        let mut counts = [0u32; WORDS];
        prefix.push(counts);
        for i in first..=last {
            let word = match tokens.folded(i) {
                "with" => Some(Word::With),
                "against" => Some(Word::Against),
                "to" | "into" => Some(Word::To),
                "from" => Some(Word::From),
                "by" => Some(Word::By),
                "between" => Some(Word::Between),
                _ => None,
            };
            if let Some(word) = word {
                counts[word as usize] += 1;
            }
            prefix.push(counts);
        }
        WordCounts { first, prefix }
    }

    /// Marks the actors' names, so that a name between two others is counted.
    fn with_actors(mut self, actors: &[Actor]) -> WordCounts {
        let mut added = vec![0u32; self.prefix.len()];
        for actor in actors {
            let at = (actor.first + 1).checked_sub(self.first);
            if let Some(slot) = at.and_then(|at| added.get_mut(at)) {
                *slot += 1;
            }
        }
        let mut running = 0;
        for (counts, add) in self.prefix.iter_mut().zip(added) {
            running += add;
            counts[Word::Country as usize] = running;
        }
        self
    }

    /// How many of `word` stand at the tokens of `range` (within the clause).
    fn count(&self, word: Word, range: Range<usize>) -> u32 {
        let index = |i: usize| i.saturating_sub(self.first).min(self.prefix.len() - 1);
        let (start, end) = (index(range.start), index(range.end));
        if end <= start {
            return 0;
        }
        self.prefix[end][word as usize] - self.prefix[start][word as usize]
    }
}

/// A country as all its names in a clause make it: their roles together, and whether
/// any heads the clause.
fn country_wide(actors: &[Actor], names: &[usize]) -> Actor {
    let mut whole = actors[names[0]].clone();
    for &i in &names[1..] {
        tick(1);
        whole.roles = whole.roles.union(actors[i].roles);
        whole.heads |= actors[i].heads;
        whole.acts |= actors[i].acts;
    }
    whole
}

/// A country's roles, at one of its names.
fn at_name(whole: &Actor, name: &Actor) -> Actor {
    Actor {
        roles: whole.roles,
        heads: whole.heads,
        acts: whole.acts,
        ..name.clone()
    }
}

/// Each country of a clause with the indices of its actors, in order of first naming,
/// at most [`MAX_COUNTRIES`] of them.
fn group_by_country(actors: &[Actor]) -> Vec<(CountryCode, Vec<usize>)> {
    let mut countries: Vec<(CountryCode, Vec<usize>)> = Vec::new();
    for (i, actor) in actors.iter().enumerate() {
        tick(1);
        match countries
            .iter()
            .position(|(country, _)| *country == actor.country)
        {
            Some(known) => countries[known].1.push(i),
            None if countries.len() < MAX_COUNTRIES => countries.push((actor.country, vec![i])),
            None => {}
        }
    }
    countries
}

fn count_countries(actors: &[Actor]) -> usize {
    let mut seen: Vec<CountryCode> = Vec::new();
    for actor in actors {
        if !seen.contains(&actor.country) && seen.len() <= MAX_COUNTRIES {
            seen.push(actor.country);
        }
    }
    seen.len()
}

/// The two actors, one from each list, named closest together, in text order. Both
/// lists are in text order, so one merge finds them.
fn closest(actors: &[Actor], xs: &[usize], ys: &[usize]) -> (usize, usize) {
    let (mut i, mut j) = (0, 0);
    let mut best = (xs[0], ys[0]);
    let mut best_gap = usize::MAX;
    while i < xs.len() && j < ys.len() {
        let (x, y) = (&actors[xs[i]], &actors[ys[j]]);
        let gap = if x.first <= y.first {
            y.first.saturating_sub(x.last)
        } else {
            x.first.saturating_sub(y.last)
        };
        if gap < best_gap {
            best_gap = gap;
            best = (xs[i], ys[j]);
        }
        if x.first <= y.first {
            i += 1;
        } else {
            j += 1;
        }
    }
    let (p, q) = best;
    if actors[p].first <= actors[q].first {
        (p, q)
    } else {
        (q, p)
    }
}

/// Money stated in the clause.
fn clause_amounts(tokens: &Tokens<'_>, mentions: &[Mention], in_clause: &[usize]) -> Vec<Amount> {
    in_clause
        .iter()
        .filter_map(|&m| match &mentions[m].value {
            Some(Value::Money(money)) => Some(Amount {
                span: tokens.span(mentions[m].first, mentions[m].last),
                money: money.clone(),
            }),
            _ => None,
        })
        .collect()
}
