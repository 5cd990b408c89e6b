//! The countries a clause names, and the role of each name in it: who acts, where it
//! happens, who is listed, located or reported. Nothing is dropped here: a venue or a
//! bracketed location is a role the model weighs ([`super::features::Role`]).

use super::features::Role;
use super::Layout;
use crate::gazetteer::EntryKind;
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::steps::tick;
use crate::tokens::{TokenKind, Tokens};

/// A set of [`Role`]s.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(super) struct Roles(u32);

impl Roles {
    pub fn with(self, role: Role) -> Roles {
        Roles(self.0 | 1 << role as u32)
    }

    pub fn has(self, role: Role) -> bool {
        self.0 & 1 << role as u32 != 0
    }

    pub fn union(self, other: Roles) -> Roles {
        Roles(self.0 | other.0)
    }

    pub fn iter(self) -> impl Iterator<Item = Role> {
        Role::ALL
            .iter()
            .copied()
            .filter(move |role| self.has(*role))
    }
}

/// One country named in a clause, at the tokens that name it.
#[derive(Clone, Debug)]
pub(super) struct Actor {
    pub country: CountryCode,
    pub first: usize,
    pub last: usize,
    pub roles: Roles,
    /// The list of two or more countries it stands in (the index of its first member).
    pub list: Option<usize>,
    /// The list as the rules read it: in a reciprocal clause ("A and B signed") only
    /// lists of three or more.
    pub rule_list: Option<usize>,
    /// Acts as the rules read the clause: no bracketed location, dateline, border or
    /// base, and no venue or town unless the clause speaks of armed, security or
    /// economic matters (a country where others strike, or invest, is a party; a
    /// country where others meet is not).
    pub acts: bool,
    /// Heads the clause as the rules read it: its first acting country, or one of the
    /// list that country heads.
    pub heads: bool,
    /// The tokens of its list ("A, B and C"), or of its name.
    pub extent: (usize, usize),
}

impl Actor {
    pub fn new(country: CountryCode, first: usize, last: usize, roles: Roles) -> Actor {
        Actor {
            country,
            first,
            last,
            roles,
            list: None,
            rule_list: None,
            acts: false,
            heads: false,
            extent: (first, last),
        }
    }

    /// Named as a state, which "the republic" can stand for.
    pub fn is_state(&self) -> bool {
        self.roles.has(Role::State)
    }

    /// Stands for a state: by name, capital, official, institution, a bloc it leads, or
    /// "the republic" — not a private person, company or people.
    pub fn is_stately(&self) -> bool {
        [
            Role::State,
            Role::Official,
            Role::StandIn,
            Role::Bloc,
            Role::Leader,
        ]
        .into_iter()
        .any(|role| self.roles.has(role))
    }

    /// Only locates: a venue, a bracketed location, a dateline, a base, a border.
    pub fn locates(&self) -> bool {
        [
            Role::Venue,
            Role::Bracketed,
            Role::Dateline,
            Role::Base,
            Role::Place,
            Role::Border,
        ]
        .into_iter()
        .any(|role| self.roles.has(role))
    }
}

/// The countries named in a clause, in text order, each with its roles (the agent and
/// list roles come from [`mark_agents`]).
pub(super) fn actors(
    tokens: &Tokens<'_>,
    mentions: &[Mention],
    in_clause: &[usize],
    layout: &Layout,
    clause_first: usize,
) -> Vec<Actor> {
    in_clause
        .iter()
        .map(|&m| &mentions[m])
        .filter(|mention| !matches!(mention.label, Label::Date | Label::Money | Label::Percent))
        .filter_map(|mention| {
            let country = mention.country?;
            let mut roles =
                kind_role(mention).map_or(Roles::default(), |role| Roles::default().with(role));
            if is_official(tokens, mention) {
                roles = roles.with(Role::Official);
            }
            if mention.kind == Some(EntryKind::Capital) {
                roles = roles.with(Role::Capital);
            }
            let roles = position_roles(tokens, mention, layout, clause_first, roles);
            Some(Actor::new(country, mention.first, mention.last, roles))
        })
        .collect()
}

/// How a mention names its country.
fn kind_role(mention: &Mention) -> Option<Role> {
    Some(match (mention.kind, mention.label) {
        (Some(EntryKind::City | EntryKind::Region | EntryKind::Area), _) => Role::Place,
        (Some(EntryKind::Country | EntryKind::Capital), _) => Role::State,
        (Some(EntryKind::Demonym), _) | (_, Label::Norp) => Role::Demonym,
        (_, Label::Person) => Role::Person,
        (_, Label::Org | Label::Fac) => Role::Organisation,
        (_, Label::Gpe) => Role::State,
        _ => return None,
    })
}

/// Does the mention name the state acting, rather than a private company or people? A
/// person tied to the country, an institution, an organisation named as a state body,
/// a demonym before a state noun.
fn is_official(tokens: &Tokens<'_>, mention: &Mention) -> bool {
    match (mention.kind, mention.label) {
        (Some(EntryKind::Person | EntryKind::Institution), _) => true,
        // A person the gazetteer or a title ties to a country ("Putin", "Kazakh
        // President X") is a politician, almost always: private people rarely get one.
        (_, Label::Person) => true,
        (Some(EntryKind::Demonym), _) | (_, Label::Norp) => {
            noun_after(tokens, mention.last).is_some_and(|noun| starts_with_any(noun, STATE_NOUNS))
        }
        (_, Label::Org) => {
            (mention.first..=mention.last).any(|i| starts_with_any(tokens.folded(i), STATE_BODIES))
        }
        _ => false,
    }
}

/// The noun a demonym qualifies, past other demonyms and adjectives of a coordinated
/// list: "German and Ukrainian ministers" gives "ministers" for both (the first word
/// in lower case within four words, skipping "and", "or" and commas).
fn noun_after<'t>(tokens: &'t Tokens<'_>, last: usize) -> Option<&'t str> {
    (last + 1..=last + 4)
        .filter(|&i| !matches!(tokens.folded(i), "and" | "or" | "," | "-"))
        .find(|&i| !tokens.is_capitalized(i))
        .map(|i| tokens.folded(i))
}

fn starts_with_any(word: &str, stems: &[&str]) -> bool {
    stems.iter().any(|stem| word.starts_with(stem))
}

/// Words that make an organisation a body of its state: "the Government of Iraq",
/// "U.S. Central Command", "the Treasury Department".
const STATE_BODIES: &[&str] = &[
    "government",
    "ministry",
    "department",
    "army",
    "navy",
    "force",
    "embass",
    "parliament",
    "command",
    "treasury",
    "military",
    "coast",
    "guard",
    "agency",
    "council",
    "congress",
    "senate",
    "office",
];

/// Nouns that make a demonym stand for its state or its people as a whole: "Russian
/// forces", "the Iraqi government", "Chinese officials", "the Syrian people", "Chinese
/// imports" (not "a Norwegian research vessel", "a Salvadoran migrant").
const STATE_NOUNS: &[&str] = &[
    "people",
    "opposition",
    "unity",
    "sovereignty",
    "territor",
    "conflict",
    "crisis",
    "war",
    "peace",
    "import",
    "export",
    "econom",
    "nation",
    "capital",
    "sanction",
    "investment",
    "government",
    "state",
    "authorit",
    "official",
    "president",
    "minist",
    "leader",
    "forces",
    "troops",
    "military",
    "army",
    "navy",
    "air",
    "embass",
    "diplomat",
    "ambassador",
    "envoy",
    "regime",
    "counterpart",
    "delegation",
    "prime",
    "foreign",
    "defen",
    "security",
    "intelligence",
    "officers",
    "soldiers",
    "warplanes",
    "jets",
    "special",
    "coast",
    "border",
    "parliament",
    "lawmakers",
    "administration",
    "side",
];

/// Roles that the words around a name give it.
fn position_roles(
    tokens: &Tokens<'_>,
    mention: &Mention,
    layout: &Layout,
    clause_first: usize,
    mut roles: Roles,
) -> Roles {
    if let Some((word, at)) = preceding_word(tokens, mention.first, clause_first) {
        // "the crisis in Syria" is about Syria, not where something happens.
        let about = word == "in" && at > clause_first && ABOUT.contains(&tokens.folded(at - 1));
        if let Some(role) = if about {
            Some(Role::Topic)
        } else {
            role_after(word)
        } {
            roles = roles.with(role);
        }
    }
    let next = |k: usize| tokens.folded(mention.last + k);
    if next(1) == "'" && matches!(next(2), "s" | "") || next(1) == "'s" {
        roles = roles.with(Role::Possessive);
    }
    match (next(1), next(2)) {
        ("-", "based") | ("based", _) => roles = roles.with(Role::Base),
        ("-", "led" | "dominated" | "backed") => roles = roles.with(Role::Leader),
        _ => {}
    }
    if (1..=2).any(|k| MILITARY.contains(&next(k))) {
        roles = roles.with(Role::Military);
    }
    let border_before = mention.first >= 2
        && tokens.folded(mention.first - 2) == "border"
        && matches!(tokens.folded(mention.first - 1), "with" | "of");
    // "the Mexico border", "the Syria-Iraq border".
    let border_after = next(1) == "border" || (next(1) == "-" && next(3) == "border");
    if border_before || border_after {
        roles = roles.with(Role::Border);
    }
    if layout.bracketed[mention.first] {
        roles = roles.with(Role::Bracketed);
    }
    if layout.dateline[mention.first] {
        roles = roles.with(Role::Dateline);
    }
    roles
}

/// Nouns that make a country's name stand for its armed forces.
const MILITARY: &[&str] = &[
    "forces",
    "force",
    "troops",
    "military",
    "army",
    "armed",
    "soldiers",
    "soldier",
    "jets",
    "aircraft",
    "warplanes",
    "navy",
    "naval",
    "marines",
    "militia",
    "militias",
    "fighters",
    "drones",
    "artillery",
    "special",
    "airstrikes",
    "air",
];

/// Words that may stand between a preposition and the name it governs: "in northern
/// Iraq", "to the Syrian government".
const SKIPPED: &[&str] = &[
    "the",
    "northern",
    "southern",
    "eastern",
    "western",
    "north",
    "south",
    "east",
    "west",
    "central",
    "neighbouring",
    "neighboring",
    "war",
    "-",
    "torn",
];

/// Nouns after which "in X" says what something is about: "the crisis in Syria".
const ABOUT: &[&str] = &[
    "crisis",
    "situation",
    "conflict",
    "war",
    "violence",
    "peace",
    "process",
    "transition",
    "stability",
    "developments",
];

/// The word before a name and where it stands, past articles and compass points
/// (three words at most), within the clause.
fn preceding_word<'t>(
    tokens: &'t Tokens<'_>,
    first: usize,
    clause_first: usize,
) -> Option<(&'t str, usize)> {
    let mut at = first;
    for _ in 0..4 {
        if at <= clause_first {
            return None;
        }
        at -= 1;
        let word = tokens.folded(at);
        if !SKIPPED.contains(&word) {
            return Some((word, at));
        }
    }
    None
}

fn role_after(word: &str) -> Option<Role> {
    Some(match word {
        "in" | "at" | "near" | "inside" | "across" | "throughout" | "within" | "outside" => {
            Role::Venue
        }
        "to" | "into" | "toward" | "towards" => Role::Goal,
        "from" => Role::Origin,
        "against" => Role::Opponent,
        "with" => Role::Partner,
        "of" => Role::Owner,
        "by" => Role::PassiveAgent,
        "on" | "over" | "about" => Role::Topic,
        _ => return None,
    })
}

/// Marks the lists of two or more countries, and the clause's agent: its first country
/// that does more than locate, with the list it heads ("Kazakhstan and Uzbekistan
/// received ..."); and the same as the rules read it ([`Actor::acts`], [`Actor::heads`]),
/// where in a reciprocal clause ("A and B signed") a list of two is no list.
pub(super) fn mark_agents(
    tokens: &Tokens<'_>,
    actors: &mut [Actor],
    reciprocal: bool,
    substantive: bool,
) {
    let lists = list_membership(tokens, actors, 2);
    let mut i = 0;
    while i < actors.len() {
        let Some(list) = lists[i] else {
            i += 1;
            continue;
        };
        // A list is a run of actors: its members and its extent, once.
        let members = lists[i..].iter().take_while(|l| **l == Some(list)).count();
        tick(members);
        let extent = (actors[i].first, actors[i + members - 1].last);
        // "A or B": an either/or attribution, not a list of parties.
        let either = (extent.0..extent.1).any(|j| tokens.folded(j) == "or");
        tick(extent.1 - extent.0);
        for actor in &mut actors[i..i + members] {
            actor.list = Some(list);
            actor.roles = actor.roles.with(Role::Listed);
            if either {
                actor.roles = actor.roles.with(Role::Alternative);
            }
            actor.extent = extent;
        }
        i += members;
    }
    // The rules' reading: "A and B signed" makes both act; only longer lists stay
    // lists, and lists after a preposition ("talks in Iraq and Syria"), which place.
    let rule_lists = if reciprocal {
        let longer = list_membership(tokens, actors, 3);
        lists
            .iter()
            .zip(longer)
            .zip(actors.iter())
            .map(|((two, longer), actor)| if is_governed(actor) { *two } else { longer })
            .collect()
    } else {
        lists
    };
    for (actor, list) in actors.iter_mut().zip(&rule_lists) {
        actor.rule_list = *list;
    }
    if let Some(agent) = actors.iter().position(|actor| !actor.locates()) {
        mark_list(actors, agent, |actor| {
            actor.roles = actor.roles.with(Role::Agent)
        });
    }
    for actor in actors.iter_mut() {
        let locates = [Role::Bracketed, Role::Dateline, Role::Base, Role::Border]
            .into_iter()
            .any(|role| actor.roles.has(role));
        let venue = actor.roles.has(Role::Venue) || actor.roles.has(Role::Place);
        actor.acts = !locates && (substantive || !venue);
    }
    if let Some(head) = actors.iter().position(|actor| actor.acts) {
        for (i, actor) in actors.iter_mut().enumerate() {
            tick(1);
            actor.heads =
                i == head || (rule_lists[head].is_some() && rule_lists[i] == rule_lists[head]);
        }
    }
}

/// Named after a preposition: where, to or from which, with whom, about what.
fn is_governed(actor: &Actor) -> bool {
    [
        Role::Venue,
        Role::Goal,
        Role::Origin,
        Role::Partner,
        Role::Owner,
        Role::Topic,
        Role::Opponent,
    ]
    .into_iter()
    .any(|role| actor.roles.has(role))
}

/// Applies `mark` to the actor at `at` and the other members of its list.
fn mark_list(actors: &mut [Actor], at: usize, mark: impl Fn(&mut Actor)) {
    let list = actors[at].list;
    for (i, actor) in actors.iter_mut().enumerate() {
        tick(1);
        if i == at || (list.is_some() && actor.list == list) {
            mark(actor);
        }
    }
}

/// For each actor, the id of the list of at least `min_members` it stands in, if any.
/// A list is a run of actor mentions separated only by commas, "and", "or", "the", or
/// a short aside between commas (", to a lesser extent,").
fn list_membership(
    tokens: &Tokens<'_>,
    actors: &[Actor],
    min_members: usize,
) -> Vec<Option<usize>> {
    let mut lists = vec![None; actors.len()];
    let mut start = 0;
    for i in 1..=actors.len() {
        let continues = i < actors.len() && {
            let (prev, next) = (&actors[i - 1], &actors[i]);
            // A demonym's noun stays with it: "the Syrian regime or Russia".
            let noun = if prev.roles.has(Role::Demonym) {
                (prev.last + 1..next.first.min(prev.last + 3))
                    .take_while(|&j| {
                        tokens.kind(j) == TokenKind::Word
                            && !tokens.is_capitalized(j)
                            && !matches!(tokens.folded(j), "and" | "or")
                    })
                    .count()
            } else {
                0
            };
            let gap = prev.last + 1 + noun..next.first;
            let plain = gap
                .clone()
                .all(|j| matches!(tokens.folded(j), "," | "and" | "or" | "the"));
            let aside = gap.len() <= 7
                && tokens.is_punct(gap.start, ',')
                && gap.clone().filter(|&j| tokens.is_punct(j, ',')).count() >= 2;
            (plain || aside) && !gap.is_empty()
        };
        if !continues {
            if i - start >= min_members {
                lists[start..i].iter_mut().for_each(|l| *l = Some(start));
            }
            start = i;
        }
    }
    lists
}
