//! Entity rules: numbers and dates, gazetteer matches, and names in no list (people
//! after titles and speech verbs, organisations by their head word). Every rule marks
//! the tokens it takes, so the result never overlaps.

pub mod chinese_names;
pub mod numbers;

use rustc_hash::{FxHashMap, FxHashSet};

use crate::context::{Context, Settled, State};
use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::lexicon::WordClass::{
    AbbreviatedTitle, Department, NameConnector, NotName, NotOrganization, OrgHead, OrgStart,
    PlaceHead, PlaceStart, SpeechVerb, Title, TradeHead,
};
use crate::lexicon::WordClasses;
use crate::mention::Mention;
use crate::model::{CountryCode, Label};
use crate::tokens::{TokenKind, Tokens};
use chinese_names::is_chinese_name;

/// The tokens with their word classes, looked up once per token. Dereferences to the
/// tokens, so rules read `words.folded(i)` as they would on [`Tokens`].
pub struct Words<'a, 't> {
    tokens: &'a Tokens<'t>,
    /// Each token's id in the gazetteer's vocabulary.
    ids: Vec<Option<u32>>,
    /// Each token's classes in the lexicon.
    classes: Vec<WordClasses>,
    /// The capitalised tokens, in order. Most rules start only at one: walking this
    /// list spares them a hard-to-predict test at every token.
    capitals: Vec<usize>,
}

impl<'a, 't> Words<'a, 't> {
    fn new(tokens: &'a Tokens<'t>, gazetteer: &Gazetteer) -> Self {
        let ids = gazetteer.token_ids(tokens);
        let classes = ids
            .iter()
            .enumerate()
            .map(|(i, id)| match (tokens.kind(i), id) {
                (TokenKind::Word | TokenKind::Punct, Some(id)) => gazetteer.word_classes(*id),
                _ => WordClasses::NONE,
            })
            .collect();
        let mut capitals = vec![0; tokens.len()];
        let mut count = 0;
        for i in 0..tokens.len() {
            // Branch-free: the slot is overwritten unless the token is capitalised.
            capitals[count] = i;
            count += usize::from(tokens.is_capitalized(i));
        }
        capitals.truncate(count);
        Words {
            tokens,
            ids,
            classes,
            capitals,
        }
    }
}

impl<'t> std::ops::Deref for Words<'_, 't> {
    type Target = Tokens<'t>;

    fn deref(&self) -> &Tokens<'t> {
        self.tokens
    }
}

/// Is token `i` a word of any of the given classes?
fn is(words: &Words<'_, '_>, i: usize, classes: impl Into<WordClasses>) -> bool {
    let classes = classes.into();
    words.classes.get(i).is_some_and(|of| of.has_any(classes))
}

/// A rule that finds names by their context among the tokens no rule has taken yet.
type ContextRule = fn(&Words<'_, '_>, &[bool]) -> Vec<Mention>;

/// The context rules, in order: each sees what the ones before it took.
const CONTEXT_RULES: &[ContextRule] = &[
    named_fields,
    state_bodies,
    described_companies,
    owners_of_company_parts,
    speaking_bodies,
    departments_in_titles,
    titled_people_and_speakers,
    acronyms,
];

/// People after a title and people next to a speech verb, found on the same tokens.
fn titled_people_and_speakers(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut people = titled_people(tokens, taken);
    people.extend(speakers(tokens, taken));
    people
}

/// Finds the entities of a text, sorted and non-overlapping.
pub fn recognize(tokens: &Tokens<'_>, gazetteer: &Gazetteer) -> Vec<Mention> {
    let tokens = &Words::new(tokens, gazetteer);
    let mut taken = vec![false; tokens.len()];
    let mut mentions = Vec::new();
    let mut add = |mention: Mention, taken: &mut Vec<bool>| {
        if mention.last < taken.len() && !taken[mention.first..=mention.last].iter().any(|&t| t) {
            taken[mention.first..=mention.last]
                .iter_mut()
                .for_each(|t| *t = true);
            mentions.push(mention);
        }
    };
    for found in numbers::find_with(tokens, &|i| tokens.classes[i]) {
        let mut mention = Mention::new(found.first, found.last, found.label);
        mention.value = found.value;
        add(mention, &mut taken);
    }
    let mut matches = gazetteer.find_by_ids(tokens, &tokens.ids);
    add_dateline_states(tokens, gazetteer, &mut matches);
    let settled: Vec<_> = (0..matches.len())
        .map(|index| settled_by_text(tokens, gazetteer, &matches, index))
        .collect();
    let context = Context::of(gazetteer, &matches, &settled);
    // Stock indexes are no entities, though named after a firm or a paper.
    for (first, last) in stock_indexes(tokens) {
        taken[first..=last].iter_mut().for_each(|t| *t = true);
    }
    for dow in the_dow(tokens, &taken) {
        add(dow, &mut taken);
    }
    let organizations = organization_names(tokens, gazetteer, &matches, &context);
    let organization_spans: Vec<(usize, usize)> = organizations
        .iter()
        .map(|org| (org.first, org.last))
        .collect();
    for org in organizations {
        add(org, &mut taken);
    }
    for county in counties(tokens, &context) {
        add(county, &mut taken);
    }
    for town in towns_before_states(tokens, gazetteer, &matches, &taken) {
        add(town, &mut taken);
    }
    for town in towns_called_so(tokens, gazetteer, &matches, &taken, &context) {
        add(town, &mut taken);
    }
    for party in party_letters(tokens, gazetteer, &matches) {
        add(party, &mut taken);
    }
    // A name led by a given name outranks a place or a surname-only person inside it
    // ("Victor Stanley Fishman", "Edward Kennedy"), but not a full known name, an
    // organisation or a country.
    let mut named = given_name_people(tokens, gazetteer, &taken);
    let initialled = initialled_people(tokens, gazetteer, &matches, &taken);
    if !initialled.is_empty() {
        // "W.R. Grace" after "W.R. Grace & Co." is the firm again.
        let firm_words: FxHashSet<&str> = organization_spans
            .iter()
            .flat_map(|&(first, last)| (first..=last).map(|k| tokens.folded(k)))
            .collect();
        let mut in_named = vec![false; tokens.len()];
        for person in &named {
            in_named[person.first..=person.last]
                .iter_mut()
                .for_each(|t| *t = true);
        }
        named.extend(initialled.into_iter().filter(|person| {
            !firm_words.contains(tokens.folded(person.last))
                && !in_named[person.first..=person.last].iter().any(|&t| t)
        }));
        named.sort_by_key(|person| person.first);
    }
    // ... unless the place is the whole name: "Beverly Hills", "Carson City".
    named.retain(|person| match_at(&matches, person.first).is_none_or(|m| m.last != person.last));
    // So do names after an honorific ("Mr. van Dover") and Chinese names in pinyin
    // ("Xianglong Dai"), even when a place or a surname of the list is the whole name.
    let mut in_named = vec![false; tokens.len()];
    for person in &named {
        in_named[person.first..=person.last]
            .iter_mut()
            .for_each(|t| *t = true);
    }
    for person in honorific_people(tokens, &taken)
        .into_iter()
        .chain(chinese_people(tokens, &taken))
        .chain(titled_towns(tokens, gazetteer, &matches, &taken))
        .chain(speakers_named_like_towns(
            tokens, gazetteer, &matches, &taken,
        ))
    {
        if !in_named[person.first..=person.last].iter().any(|&t| t) {
            in_named[person.first..=person.last]
                .iter_mut()
                .for_each(|t| *t = true);
            named.push(person);
        }
    }
    named.sort_by_key(|person| person.first);
    for person in &mut named {
        person.last = without_town_before_state(tokens, gazetteer, &matches, person);
    }
    let mut in_name: Vec<Option<usize>> = vec![None; tokens.len()];
    for (index, person) in named.iter().enumerate() {
        in_name[person.first..=person.last]
            .iter_mut()
            .for_each(|t| *t = Some(index));
    }
    for (index, found) in matches.iter().enumerate() {
        let qualifier = qualifier(tokens, gazetteer, &matches, index);
        if let Some(mention) = gazetteer_mention(tokens, gazetteer, &context, found, qualifier) {
            let yields = matches!(
                mention.kind,
                Some(EntryKind::City | EntryKind::Region | EntryKind::Capital | EntryKind::Person)
            );
            let inside =
                in_name[mention.first].is_some() && in_name[mention.first] == in_name[mention.last];
            // A country, nationality or group of one word ending a name is a surname:
            // "Michael Jordan", "John Tory"; not in a compound ("German-Iraqi").
            let surname = matches!(
                mention.kind,
                Some(EntryKind::Country | EntryKind::Demonym | EntryKind::Group)
            ) && mention.first == mention.last
                && tokens.list[mention.first].space_before
                && in_name[mention.first].is_some_and(|person| named[person].last == mention.last);
            if !((yields || surname) && inside) {
                add(mention, &mut taken);
            }
        }
    }
    for person in named {
        add(person, &mut taken);
    }
    for rule in CONTEXT_RULES {
        for mention in rule(tokens, &taken) {
            add(mention, &mut taken);
        }
    }
    company_short_forms(tokens, &matches, &mut mentions, &mut taken);
    for mention in &mut mentions {
        mention.first = with_stance_prefix(tokens, &taken, mention);
    }
    mentions.sort_by_key(|m| m.first);
    for mention in &mut mentions {
        if mention.country.is_none() && is_local_institution(tokens, mention) {
            mention.country = context.home();
        }
    }
    mentions
}

/// "pro-Iranian", "anti-China", "non-U.S.": a prefix joined to a name by a hyphen makes
/// one word with it, and the word is named as a whole. The mention's first token.
fn with_stance_prefix(tokens: &Words<'_, '_>, taken: &[bool], mention: &Mention) -> usize {
    let first = mention.first;
    // Rarely true, so tested first: a hyphen written against the name.
    if first < 2 || !tokens.is_punct(first - 1, '-') {
        return first;
    }
    let name = matches!(
        mention.label,
        Label::Person | Label::Norp | Label::Org | Label::Gpe | Label::Loc
    );
    let prefix = matches!(
        tokens.folded(first - 2),
        "pro" | "anti" | "non" | "pre" | "post"
    );
    let free = !taken[first - 2] && !taken[first - 1];
    if name && prefix && free && tight(tokens, first - 2) && tight(tokens, first - 1) {
        first - 2
    } else {
        first
    }
}

/// Names of stock indexes, which OntoNotes does not mark: "the Dow Jones Industrial
/// Average", "the Nikkei index", "S&P 500 futures", "the FT-SE 100". A capitalised run
/// that ends in "Average" or "Index", or is followed by a lower-case "index" or
/// "average", or an acronym followed by a figure of two or more digits ("S&P 500", not
/// "Kentucky 192" or "Boeing 747"). Found from the word or figure that ends them.
fn stock_indexes(tokens: &Words<'_, '_>) -> Vec<(usize, usize)> {
    let mut found = Vec::new();
    for j in 1..tokens.len() {
        let last = match tokens.folded(j) {
            "average" | "averages" | "index" if tokens.is_capitalized(j) => j,
            "average" | "averages" | "index" => j - 1,
            _ if tokens.kind(j) == TokenKind::Number
                && tokens.raw(j).len() >= 2
                && !tokens.is_punct(j + 1, '.') =>
            {
                j - 1
            }
            _ => continue,
        };
        let first = index_run_start(tokens, last);
        let acronym = (first..=last).all(|k| {
            tokens.is_all_caps(k) || tokens.raw(k).len() == 1 || tokens.kind(k) == TokenKind::Punct
        });
        let named = last == j && first < last;
        let described = last + 1 == j && tokens.kind(j) == TokenKind::Word;
        let numbered = last + 1 == j && tokens.kind(j) == TokenKind::Number && acronym;
        if tokens.is_capitalized(first) && (named || described || numbered) {
            found.push((first, last));
        }
    }
    found
}

/// The first token of a run of up to eight capitalised words and acronyms, joined by
/// "&" or "-", that ends at token `last`.
fn index_run_start(tokens: &Words<'_, '_>, last: usize) -> usize {
    let mut first = last;
    let name = |k: usize| tokens.is_capitalized(k) && !is(tokens, k, NotName);
    while last - first < 8 && first > 0 && name(first) && !tokens.list[first].newline_before {
        if name(first - 1) {
            first -= 1;
        } else if first >= 2
            && (tokens.is_punct(first - 1, '&') || tokens.is_punct(first - 1, '-'))
            && name(first - 2)
        {
            first -= 2;
        } else {
            break;
        }
    }
    first
}

/// "the Dow": the Dow Jones Industrial Average, an organisation in OntoNotes.
fn the_dow(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    tokens
        .capitals
        .iter()
        .copied()
        .filter(|&i| {
            i >= 1
                && tokens.raw(i) == "Dow"
                && !taken[i]
                && tokens.folded(i - 1) == "the"
                && !tokens.is_capitalized(i + 1)
        })
        .map(|i| {
            let mut dow = Mention::new(i, i, Label::Org);
            dow.canonical = Some("Dow Jones Industrial Average".to_string());
            dow
        })
        .collect()
}

/// The country of a region or country named right after a place and a comma:
/// "London, Ky.", "Paris, Texas", "Perth, Scotland"; not the first of a list ("Paris,
/// Canada and France").
fn qualifier(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<CountryCode> {
    let place = &matches[index];
    let next = matches.get(index + 1).filter(|next| {
        next.first == place.last + 2
            && tokens.is_punct(place.last + 1, ',')
            && !listed(tokens, matches, index + 1)
    })?;
    let mut countries = next
        .entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .filter(|entry| {
            matches!(entry.kind, EntryKind::Country | EntryKind::Region) && !entry.context_only
        });
    let country = countries.next()?.country?;
    countries
        .all(|entry| entry.country == Some(country))
        .then_some(country)
}

/// The mention a gazetteer match stands for, in its most likely reading.
fn gazetteer_mention(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    context: &Context,
    found: &Match,
    qualifier: Option<CountryCode>,
) -> Option<Mention> {
    let town = context.town_country(found);
    let entry = context.best(gazetteer, found, qualifier.or(town));
    // A town the gazetteer does not know, namesake of a place, a person or a country it
    // does ("Edmonton, Ky.", "Churchill, Man.", "the city of Turkey"), or known only as
    // a reading the document would not otherwise support ("Coalville, Utah").
    if let Some(country) =
        town.filter(|&town| entry.is_none_or(|entry| entry.country != Some(town)))
    {
        return Some(Mention::place(
            found.first,
            found.last,
            EntryKind::City,
            Some(country),
        ));
    }
    let entry = entry?;
    if written_as_acronym(tokens, found, &entry.canonical) {
        return None;
    }
    let place = matches!(
        entry.kind,
        EntryKind::City | EntryKind::Region | EntryKind::Capital
    );
    let last = if place {
        with_unit(tokens, found.last)
    } else {
        found.last
    };
    // "Calif." ending a sentence leaves its full stop to the sentence; "U.S." keeps it.
    let last = if entry.kind == EntryKind::Region {
        without_final_stop(tokens, found.first, last)
    } else {
        last
    };
    let mut mention = Mention::new(found.first, last, entry.label);
    mention.country = entry.country;
    mention.canonical = Some(entry.canonical.clone());
    mention.kind = Some(entry.kind);
    Some(mention)
}

/// What the text around match `index` says about which place it is.
fn settled_by_text(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<Settled> {
    if let Some(state) = state_of_town(tokens, gazetteer, matches, index)
        .or_else(|| state_of_neighbour(tokens, gazetteer, matches, matches[index].last))
    {
        return Some(Settled::InState(state));
    }
    let found = &matches[index];
    let country_name = found
        .entries
        .iter()
        .all(|&id| gazetteer.entry(id).kind == EntryKind::Country);
    (country_name && called_a_town(tokens, found.first)).then_some(Settled::LocalTown)
}

/// Is the name at token `first` introduced as a town or a province: "the town of",
/// "the cities of", "the region of", "the Cincinnati suburb of"?
fn called_a_town(tokens: &Words<'_, '_>, first: usize) -> bool {
    first >= 2
        && tokens.folded(first - 1) == "of"
        && matches!(
            tokens.folded(first - 2),
            "town"
                | "city"
                | "village"
                | "towns"
                | "cities"
                | "villages"
                | "province"
                | "region"
                | "district"
                | "suburb"
                | "suburbs"
        )
}

/// Towns and provinces in no list, said to be so: "the town of Virden", "the towns of
/// Haris and Varzaqan", "Jane Doe, 43, of McKee." (a person's home, as local news gives
/// it), "Virden Mayor Jane Doe", "Fars Province", "the region of Kef". One or two
/// capitalised words that no rule has taken and no list knows (a known place keeps its
/// own country), in the country the document names most.
fn towns_called_so(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    taken: &[bool],
    context: &Context,
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for &first in tokens.capitals.iter().filter(|&&first| first >= 2) {
        // The cues are rare: the words around them are looked at only where one may be.
        let cue_before = matches!(tokens.folded(first - 1), "of" | "and" | "near");
        let cue_after = (first + 1..first + 3).any(|k| {
            k < tokens.len()
                && matches!(tokens.folded(k), "mayor" | "province" | "," | "or" | "and")
        });
        if !(cue_before || cue_after)
            || !town_word(tokens, taken, first)
            || in_match(matches, first)
        {
            continue;
        }
        let two_words = town_word(tokens, taken, first + 1)
            && !in_match(matches, first + 1)
            && tokens.folded(first + 1) != "province";
        let last = if two_words { first + 1 } else { first };
        // "the towns of Haris and Varzaqan": the second of two.
        let second = tokens.folded(first - 1) == "and"
            && found.last().is_some_and(|town| town.last + 2 == first);
        let placed = state_of_neighbour(tokens, gazetteer, matches, last)
            .or_else(|| state_of_town_listed_after(tokens, gazetteer, matches, first, last));
        if let Some(state) = placed {
            found.push(Mention::place(
                first,
                last,
                EntryKind::City,
                Some(state.country),
            ));
        } else if let Some((last, kind)) = said_to_be_a_town(tokens, first, last, second) {
            // A town "near" another lies in the country of the place named just before.
            let country = (tokens.folded(first - 1) == "near")
                .then(|| country_just_before(gazetteer, matches, first))
                .flatten()
                .or_else(|| context.most_named());
            found.push(Mention::place(first, last, kind, country));
        }
    }
    found
}

/// Whether the words around the name at `first..=last` say it is a town or a
/// province, and where the name then ends.
fn said_to_be_a_town(
    tokens: &Words<'_, '_>,
    first: usize,
    last: usize,
    second_of_two: bool,
) -> Option<(usize, EntryKind)> {
    let next = last + 1;
    if tokens.folded(next) == "province" {
        // "Fars Province" names it with the word; "Fars province" only describes it.
        let last = if tokens.is_capitalized(next) {
            next
        } else {
            last
        };
        return Some((last, EntryKind::Region));
    }
    // "Beaconsfield Mayor Jane Doe", after no other name word.
    let has_mayor = tokens.folded(next) == "mayor"
        && !is_name_word(tokens, first - 1)
        && !MAYOR_QUALIFIERS.contains(&tokens.folded(first));
    let introduced = called_a_town(tokens, first)
        || is_home_of_person(tokens, first)
        || second_of_two
        || tokens.folded(first - 1) == "near";
    let ends = next >= tokens.len()
        || tokens.kind(next) == TokenKind::Punct && tokens.folded(next) != "'"
        || !tokens.is_capitalized(next);
    (has_mayor || introduced && ends).then_some((last, EntryKind::City))
}

/// Words before "Mayor" that say which mayor, not where: "Former Mayor Ann Lee".
const MAYOR_QUALIFIERS: &[&str] = &[
    "former",
    "deputy",
    "acting",
    "vice",
    "then",
    "late",
    "interim",
    "outgoing",
    "incoming",
    "new",
    "current",
    "ex",
    "assistant",
    "city",
    "town",
    "county",
    "village",
    "lord",
];

/// "Jane Doe, 43, of McKee": the town after a person's age, between commas.
fn is_home_of_person(tokens: &Words<'_, '_>, first: usize) -> bool {
    first >= 4
        && tokens.folded(first - 1) == "of"
        && tokens.is_punct(first - 2, ',')
        && tokens.kind(first - 3) == TokenKind::Number
        && tokens.is_punct(first - 4, ',')
}

/// Heads of bodies that serve one town, so belong to the country a local story is
/// set in: "Enfield Council", "the Glasgow Police Department", "Mercy Hospital".
const LOCAL_INSTITUTION_HEADS: &[&str] = &[
    "council",
    "police",
    "hospital",
    "school",
    "college",
    "university",
    "court",
    "museum",
    "library",
    "clinic",
    "church",
    "cathedral",
    "sheriff",
    "coroner",
];

fn is_local_institution(tokens: &Words<'_, '_>, mention: &Mention) -> bool {
    mention.label == Label::Org
        && (mention.first..=mention.last)
            .any(|i| LOCAL_INSTITUTION_HEADS.contains(&tokens.folded(i)))
}

/// The country of the state named after a known place, when it says which town is
/// meant: "Edmonton, Ky. (AP)", "London, Arkansas, was", "Churchill, Man.". Only a state or province, not
/// a country ("Moscow, Kazakhstan and Kyrgyzstan" is a list), and not a list of states
/// ("offices in London, Texas and Ohio").
fn state_of_town(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    index: usize,
) -> Option<State> {
    let place = &matches[index];
    // A surname alone before a state is a town too: "Churchill, Man.".
    let is_town = place
        .entries
        .iter()
        .any(|&id| match gazetteer.entry(id).kind {
            EntryKind::City | EntryKind::Capital => true,
            EntryKind::Person => place.first == place.last,
            _ => false,
        });
    let state_follows = matches
        .get(index + 1)
        .is_some_and(|state| all_states(gazetteer, &state.entries));
    if !is_town || !state_follows || listed(tokens, matches, index + 1) {
        return None;
    }
    state_after(tokens, gazetteer, &matches[index + 1..], place.last)
}

/// A dateline's state written short without its full stop is that state: the "Ky" of
/// "EDMONTON, Ky (WBKO) --". Only there: elsewhere "Miss", "Ill" and "Pa" are words.
/// The matches of those states are merged into `matches`, in order.
fn add_dateline_states(tokens: &Words<'_, '_>, gazetteer: &Gazetteer, matches: &mut Vec<Match>) {
    let states: Vec<Match> = tokens
        .capitals
        .iter()
        .filter(|&&state| state >= 2 && tokens.is_punct(state + 1, '('))
        .filter_map(|&state| dateline_state(tokens, gazetteer, matches, state))
        .collect();
    if states.is_empty() {
        return;
    }
    let mut merged = Vec::with_capacity(matches.len() + states.len());
    let mut states = states.into_iter().peekable();
    for found in matches.drain(..) {
        while let Some(state) = states.next_if(|state| state.first < found.first) {
            merged.push(state);
        }
        merged.push(found);
    }
    merged.extend(states);
    *matches = merged;
}

/// The state at token `state`, before a bracket, if it ends a dateline's town and no
/// name is matched there.
fn dateline_state(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    state: usize,
) -> Option<Match> {
    // The town: one to three words in capitals opening a line.
    let town_opens_line = (0..3)
        .filter_map(|back| (state - 2).checked_sub(back))
        .take_while(|&i| tokens.is_all_caps(i))
        .any(|i| starts_line(tokens, i));
    let dateline = tokens.is_punct(state - 1, ',')
        && !tokens.is_all_caps(state)
        && town_opens_line
        && !in_match(matches, state);
    let id = tokens.ids[state].filter(|_| dateline)?;
    let entries = gazetteer.abbreviated(id);
    (!entries.is_empty() && all_states(gazetteer, &entries)).then_some(Match {
        first: state,
        last: state,
        entries,
    })
}

/// Where the town ending at token `last` is, said by the place it is near: "Edmonton,
/// south of Cairns", "Yarrabah, near Cairns", "Kirkuk, just outside Mosul". The place
/// named must say its country (and state) unambiguously.
fn state_of_neighbour(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    last: usize,
) -> Option<State> {
    if !tokens.is_punct(last + 1, ',') {
        return None;
    }
    let mut i = last + 2;
    if tokens.folded(i) == "just" {
        i += 1;
    }
    let neighbour = match tokens.folded(i) {
        "near" | "outside" => i + 1,
        word if COMPASS_POINTS.contains(&word) && tokens.folded(i + 1) == "of" => i + 2,
        _ => return None,
    };
    crate::context::where_is(gazetteer, match_at(matches, neighbour)?)
}

/// "south to Ingham or Townsville", "between Ingham and Townsville": a name in no list,
/// after a preposition and before "or" or "and" and a known town, is a town of that
/// town's country (and state).
fn state_of_town_listed_after(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
    last: usize,
) -> Option<State> {
    let after_preposition = matches!(
        tokens.folded(first - 1),
        "to" | "in" | "from" | "near" | "at" | "between" | "toward" | "towards"
    );
    if !after_preposition || !matches!(tokens.folded(last + 1), "or" | "and") {
        return None;
    }
    crate::context::where_town_is(gazetteer, match_at(matches, last + 2)?)
}

/// The country of the closest place named, unambiguously, in the few words before token
/// `first`: Edmonton's, for "a yard in Edmonton, and one was later found near Gordonvale".
fn country_just_before(
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
) -> Option<CountryCode> {
    const WORDS: usize = 30;
    let before = matches.partition_point(|m| m.last < first);
    matches[..before]
        .iter()
        .rev()
        .take_while(|m| m.last + WORDS >= first)
        .find_map(|m| crate::context::where_is(gazetteer, m))
        .map(|state| state.country)
}

const COMPASS_POINTS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];

/// Does another name follow match `index` in a list: "Texas and Ohio", "Canada,
/// France"?
fn listed(tokens: &Words<'_, '_>, matches: &[Match], index: usize) -> bool {
    let after = matches[index].last + 1;
    matches!(tokens.folded(after), "and" | "or")
        || (tokens.is_punct(after, ',')
            && matches
                .get(index + 1)
                .is_some_and(|next| next.first == after + 1))
}

/// A name of one word written in capitals after a lower-case word is an acronym, not
/// the name: "the ABA" (the bar association), not Aba in Nigeria. Datelines ("LONDON
/// (Reuters) -") and headlines come first on their line or among capitals. Aliases that
/// are acronyms ("NSW", "USSR") differ from their canonical name, so they still match.
fn written_as_acronym(tokens: &Words<'_, '_>, found: &Match, canonical: &str) -> bool {
    let i = found.first;
    let after_lower_case = i > 0
        && !tokens.list[i].newline_before
        && tokens.raw(i - 1).starts_with(|c: char| c.is_lowercase());
    found.last == i
        && after_lower_case
        && tokens.is_all_caps(i)
        && tokens.raw(i).len() >= 3
        && !tokens.is_all_caps(i + 1)
        && canonical.chars().any(char::is_lowercase)
        && crate::normalize::fold(canonical) == tokens.folded(i)
}

/// Two capitalised words that make a Chinese name in pinyin: "Zhao Leji".
fn chinese_people(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i + 1 < tokens.len() {
        let pair = !taken[i]
            && !taken[i + 1]
            && tokens.is_capitalized(i)
            && tokens.is_capitalized(i + 1)
            && !tokens.is_all_caps(i)
            && !tokens.is_all_caps(i + 1)
            && tokens.list[i + 1].space_before
            && !tokens.list[i + 1].newline_before
            && !tokens.is_capitalized(i + 2)
            && is_chinese_name(tokens.folded(i), tokens.folded(i + 1));
        if pair {
            found.push(Mention::new(i, i + 1, Label::Person));
            i += 2;
        } else {
            i += 1;
        }
    }
    found
}

/// Words that describe an organisation by its trade: "state", "oil", "company"...
pub fn is_company_description(word: &str) -> bool {
    matches!(
        word,
        "state"
            | "-"
            | "owned"
            | "run"
            | "national"
            | "company"
            | "firm"
            | "giant"
            | "group"
            | "bank"
            | "lender"
            | "energy"
            | "oil"
            | "gas"
            | "nuclear"
            | "defence"
            | "defense"
            | "arms"
            | "operator"
            | "agency"
            | "carrier"
            | "airline"
            | "miner"
            | "mining"
            | "producer"
            | "carmaker"
            | "automaker"
            | "maker"
            | "manufacturer"
            | "conglomerate"
            | "corporation"
            | "news"
            | "broadcaster"
            | "newspaper"
            | "telecom"
            | "telecoms"
            | "power"
            | "utility"
            | "railway"
            | "shipping"
            | "investment"
            | "fund"
            | "sovereign"
            | "wealth"
            | "opposition"
            | "ruling"
            | "party"
            | "tech"
            | "technology"
            | "chipmaker"
            | "retailer"
            | "insurer"
    )
}

/// Nouns that end such a description and name what follows: "the state company X".
fn is_company_noun(word: &str) -> bool {
    matches!(
        word,
        "company"
            | "firm"
            | "giant"
            | "group"
            | "bank"
            | "lender"
            | "operator"
            | "agency"
            | "carrier"
            | "airline"
            | "miner"
            | "producer"
            | "carmaker"
            | "automaker"
            | "maker"
            | "manufacturer"
            | "conglomerate"
            | "corporation"
            | "broadcaster"
            | "newspaper"
            | "utility"
            | "insurer"
            | "retailer"
            | "chipmaker"
            | "party"
    )
}

/// Roles held at a company, before "of", "at", "with" or "for" and its name.
fn is_company_role(word: &str) -> bool {
    matches!(
        word,
        "president"
            | "chairman"
            | "executive"
            | "officer"
            | "director"
            | "manager"
            | "spokesman"
            | "spokeswoman"
            | "analyst"
            | "economist"
            | "strategist"
            | "treasurer"
    )
}

/// Does a company's name follow at `i`: "the state company X", "an analyst at X", "a
/// stake in X"?
fn after_company_cue(tokens: &Words<'_, '_>, i: usize) -> bool {
    is_company_noun(tokens.folded(i - 1))
        || (i > 1
            && matches!(tokens.folded(i - 1), "of" | "at" | "with" | "for" | "in")
            && (is_company_role(tokens.folded(i - 2))
                || is_deal(tokens.folded(i - 2), tokens.folded(i - 1))))
}

/// What is done to or held in a company, before its name: "shares of", "a stake in",
/// "a bid for", "the parent of".
fn is_deal(noun: &str, preposition: &str) -> bool {
    matches!(
        (noun, preposition),
        ("shares" | "stake" | "stakes", "in")
            | (
                "shares" | "shareholders" | "stockholders" | "parent" | "subsidiary",
                "of"
            )
            | ("unit" | "acquisition" | "takeover", "of")
            | ("bid" | "offer", "for")
            | ("merger", "with")
    )
}

/// A name right after a description of a company or a role in one: "the Russian state
/// company Zarubezhneft", "Chinese carmaker Chery Automobile", "president of Harlan Mills".
fn described_companies(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut next = 1;
    for &i in &tokens.capitals {
        if i < next || taken[i] || !after_company_cue(tokens, i) {
            continue;
        }
        let mut last = i;
        while last - i < 3
            && tokens.is_capitalized(last + 1)
            && !taken[last + 1]
            && tokens.list[last + 1].space_before
        {
            last += 1;
        }
        // "Fleet / Norstar", "S&P", "Toys \"R\" Us", "T. Rowe Price": the name goes on past
        // what we can tell. "Lord", "Rep." open a person's name.
        let goes_on =
            matches!(tokens.folded(last + 1), "/" | "&" | "\"") || tokens.raw(last).len() == 1;
        if !goes_on && !is(tokens, i, Title | AbbreviatedTitle) {
            found.push(Mention::new(i, last, Label::Org));
        }
        next = last + 1;
    }
    found
}

/// Things only a company (or an institution) has, owned by a name before "'s": "Vantor's
/// shares", "Kessel's chairman", "Orrin's parent", "Dalby's Mr. Lee" (one of its people).
/// People and places were found before, so a name still free here is the company's.
const COMPANY_PARTS: &[&str] = &[
    "shares",
    "stock",
    "chairman",
    "president",
    "board",
    "directors",
    "management",
    "shareholders",
    "stockholders",
    "unit",
    "units",
    "subsidiary",
    "subsidiaries",
    "parent",
    "stake",
    "earnings",
    "profit",
    "revenue",
    "sales",
    "fleet",
    "mr",
    "ms",
    "prof",
];

/// Unclaimed capitalised names (up to three words) that own a company part: found from
/// the "'s" before the part, so only a few tokens are looked at.
fn owners_of_company_parts(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let name = |k: usize| tokens.is_capitalized(k) && !taken[k] && !is(tokens, k, NotName);
    let mut found = Vec::new();
    for apostrophe in 1..tokens.len().saturating_sub(2) {
        let owner = apostrophe - 1;
        let owned = tokens.folded(apostrophe) == "'"
            && tight(tokens, owner)
            && tokens.folded(apostrophe + 1) == "s";
        if !owned || !name(owner) || !COMPANY_PARTS.contains(&tokens.folded(apostrophe + 2)) {
            continue;
        }
        let mut first = owner;
        while first > 0 && owner - first < 2 && name(first - 1) {
            first -= 1;
        }
        found.push(Mention::new(first, owner, Label::Org));
    }
    found
}

/// Company heads whose name before them is the company's on its own: "Triton" for
/// "Triton Securities", "Aspen" for "Aspen Airways" (a ministry's or a paper's is not:
/// "Foreign", "Wall Street").
const COMPANY_HEADS: &[&str] = &[
    "securities",
    "airways",
    "airlines",
    "television",
    "tv",
    "industries",
    "holdings",
    "systems",
    "communications",
    "technologies",
    "motors",
    "enterprises",
    "laboratories",
    "pharmaceuticals",
    "insurance",
];

/// The name an organisation found once goes by later on its own: "Lancaster Colony" for
/// "Lancaster Colony Corp.", "Triton" for "Triton Securities", "Younkers" for "a stake in
/// Younkers".
struct ShortForm {
    /// Its tokens, in the full name.
    first: usize,
    last: usize,
    /// It is the name before a legal form, so it names the firm even where a list reads
    /// it as a town or a surname ("Furukawa Co. ... Furukawa said"). A name before a
    /// head may be a common word ("General" of "General Motors").
    legal: bool,
    country: Option<CountryCode>,
}

/// The short forms of the organisations found: the name before its legal form, and the
/// name before a company head when no known name is in it ("Moscow Times" must not make
/// every "Moscow" a paper). The first word alone ("Lancaster" of "Lancaster Colony
/// Corp.") is left to [`crate::linking`], which marks it where nothing else did.
fn short_forms(tokens: &Words<'_, '_>, matches: &[Match], mentions: &[Mention]) -> Vec<ShortForm> {
    let mut forms = Vec::new();
    for org in mentions.iter().filter(|m| m.label == Label::Org) {
        let form = |last: usize, legal: bool| ShortForm {
            first: org.first,
            last,
            legal,
            country: org.country,
        };
        if let Some(stem) = before_legal_form(tokens, org.first, org.last) {
            forms.push(form(stem, true));
        } else if org.last > org.first
            && COMPANY_HEADS.contains(&tokens.folded(org.last))
            && matches_within(matches, org.first, org.last - 1).is_empty()
        {
            forms.push(form(org.last - 1, false));
        } else if known_by_context(tokens, matches, org) {
            forms.push(form(org.last, false));
        }
    }
    forms
}

/// A name that only its context showed to be a company ("a stake in Younkers", "Dalby's
/// shares"): where it comes again without that context, it is the company still. Names
/// with a head word, in capitals or in a list are found again by their own rules.
fn known_by_context(tokens: &Words<'_, '_>, matches: &[Match], org: &Mention) -> bool {
    org.kind.is_none()
        && !is(tokens, org.last, OrgHead | TradeHead)
        && !is_state_body(tokens.folded(org.first))
        && (org.first..=org.last).all(|k| tokens.is_capitalized(k) && !tokens.is_all_caps(k))
        && matches_within(matches, org.first, org.last).is_empty()
}

/// The last token of a company's name before its legal forms ("Co., Ltd.", "S.A.") and
/// the "&" or comma before them ("J.L. Henry & Co."), if the name has one.
fn before_legal_form(tokens: &Words<'_, '_>, first: usize, last: usize) -> Option<usize> {
    if let Some(form) = legal_form_start(tokens, first, last) {
        return (form > first).then(|| form - 1);
    }
    let mut end = last;
    let mut legal = false;
    while end > first {
        if is_legal_suffix(tokens, end) {
            legal = true;
        } else if !matches!(tokens.folded(end), "." | "," | "&") {
            break;
        }
        end -= 1;
    }
    (legal && is_name_word(tokens, end)).then_some(end)
}

/// A company named in full and later by a short form: the short form is the company too,
/// though no rule found it or a list read it as a town or a person ("Furukawa Co. ...
/// Furukawa said").
fn company_short_forms(
    tokens: &Words<'_, '_>,
    matches: &[Match],
    mentions: &mut Vec<Mention>,
    taken: &mut [bool],
) {
    let forms = short_forms(tokens, matches, mentions);
    let mut by_first_word: FxHashMap<&str, Vec<&ShortForm>> = FxHashMap::default();
    for form in &forms {
        let usable = is_name_word(tokens, form.first)
            && tokens.raw(form.first).chars().count() > 1
            && form.last - form.first < 8;
        let slot = by_first_word.entry(tokens.folded(form.first)).or_default();
        if usable && slot.len() < 8 {
            slot.push(form);
        }
    }
    if by_first_word.values().all(Vec::is_empty) {
        return;
    }
    let (found, written_lower) = short_form_uses(tokens, &by_first_word);
    mentions.sort_by_key(|m| m.first);
    let mut dropped = vec![false; mentions.len()];
    let mut companies = Vec::new();
    for (i, form) in found {
        let last = i + form.last - form.first;
        if may_be_common(form) && written_lower.contains(&tokens.folded(i)) {
            continue;
        }
        if !taken[i..=last].iter().any(|&t| t) {
            taken[i..=last].iter_mut().for_each(|t| *t = true);
            let mut company = Mention::new(i, last, Label::Org);
            company.country = form.country;
            companies.push(company);
        } else if let Some(parts) = parts_within(mentions, taken, i, last) {
            // "Georgia-Pacific Corp. ... Georgia-Pacific": a name of two or more words
            // outranks the places and names inside it; a name of one word, a town or a
            // person of that name.
            let yields = |m: &Mention| {
                m.label == Label::Person
                    || matches!(m.kind, Some(EntryKind::City | EntryKind::Capital))
                    || (last > i && (m.kind.is_some() || m.label == Label::Org))
            };
            if form.legal && parts.iter().all(|&k| yields(&mentions[k])) {
                let company = &mut mentions[parts[0]];
                *company = Mention::new(i, last, Label::Org);
                company.country = form.country;
                parts[1..].iter().for_each(|&k| dropped[k] = true);
            }
        }
    }
    let mut index = 0;
    mentions.retain(|_| {
        index += 1;
        !dropped[index - 1]
    });
    mentions.extend(companies);
}

/// A short form of one word from a name before a head may be a common word, which the
/// text then also writes in lower case ("General" of "General Motors").
fn may_be_common(form: &ShortForm) -> bool {
    form.first == form.last && !form.legal
}

/// In one pass over the text: where the short forms are written on their own, and which
/// of those that may be common words are also written in lower case.
fn short_form_uses<'f, 'w>(
    tokens: &'w Words<'_, '_>,
    by_first_word: &FxHashMap<&str, Vec<&'f ShortForm>>,
) -> (Vec<(usize, &'f ShortForm)>, Vec<&'w str>) {
    let first_words = by_first_word
        .keys()
        .fold(0, |bits, word| bits | word_bit(word));
    let mut found: Vec<(usize, &ShortForm)> = Vec::new();
    let mut one_word = FewWords::default();
    let mut written_lower = Vec::new();
    let mut note_lower_case = |word: &'w str, one_word: &FewWords<'w>| {
        if one_word.contains(word) && !written_lower.contains(&word) {
            written_lower.push(word);
        }
    };
    let mut i = 0;
    while i < tokens.len() {
        if tokens.is_capitalized(i) {
            let word = tokens.folded(i);
            let form = (first_words & word_bit(word) != 0)
                .then(|| short_form_at(tokens, by_first_word, i))
                .flatten();
            if let Some(form) = form {
                if may_be_common(form) {
                    one_word.insert(word);
                }
                found.push((i, form));
                i += form.last - form.first + 1;
                continue;
            }
        } else if !one_word.is_empty() && tokens.kind(i) == TokenKind::Word {
            note_lower_case(tokens.folded(i), &one_word);
        }
        i += 1;
    }
    // The lower-case uses before a short form's first use count too.
    let first_use = found.first().map_or(0, |&(i, _)| i);
    for j in (0..first_use).filter(|_| !one_word.is_empty()) {
        if !tokens.is_capitalized(j) {
            note_lower_case(tokens.folded(j), &one_word);
        }
    }
    (found, written_lower)
}

/// One bit of 64 for a word, from its length and first and last bytes: a set of words'
/// bits answers "surely not" for most other words without comparing them, as the rule's
/// passes over every word of the text need.
fn word_bit(word: &str) -> u64 {
    let bytes = word.as_bytes();
    let (first, last) = (bytes.first().copied(), bytes.last().copied());
    let mix =
        bytes.len() * 7 + usize::from(first.unwrap_or(0)) * 3 + usize::from(last.unwrap_or(0));
    1 << (mix % 64)
}

/// At most [`FewWords::MAX`] words, with their bits: looking one up costs a bit test for
/// most words and a few comparisons for the rest, whatever the text's length.
#[derive(Default)]
struct FewWords<'a> {
    bits: u64,
    words: Vec<&'a str>,
}

impl<'a> FewWords<'a> {
    const MAX: usize = 16;

    /// Adds `word` if there is room.
    fn insert(&mut self, word: &'a str) {
        if self.words.len() < Self::MAX && !self.contains(word) {
            self.bits |= word_bit(word);
            self.words.push(word);
        }
    }

    fn contains(&self, word: &str) -> bool {
        self.bits & word_bit(word) != 0 && self.words.contains(&word)
    }

    fn is_empty(&self) -> bool {
        self.words.is_empty()
    }
}

/// The mentions (sorted) that cover the taken tokens of `first..=last`, if none reaches
/// out of it.
fn parts_within(
    mentions: &[Mention],
    taken: &[bool],
    first: usize,
    last: usize,
) -> Option<Vec<usize>> {
    let start = mentions.partition_point(|m| m.last < first);
    let parts: Vec<usize> = (start..mentions.len())
        .take_while(|&k| mentions[k].first <= last)
        .collect();
    let inside = parts
        .iter()
        .all(|&k| mentions[k].first >= first && mentions[k].last <= last);
    let covered: usize = parts
        .iter()
        .map(|&k| mentions[k].last - mentions[k].first + 1)
        .sum();
    let taken_here = taken[first..=last].iter().filter(|&&t| t).count();
    (inside && !parts.is_empty() && covered == taken_here).then_some(parts)
}

/// The short form written at token `i` on its own: not inside a longer name ("Bush
/// Industries", "Rex Lancaster") nor after an honorific ("Mr. Lancaster").
fn short_form_at<'f>(
    tokens: &Words<'_, '_>,
    by_first_word: &FxHashMap<&str, Vec<&'f ShortForm>>,
    i: usize,
) -> Option<&'f ShortForm> {
    let candidates = by_first_word.get(tokens.folded(i))?;
    let after_name = i > 0
        && !tokens.list[i].newline_before
        && (is_name_word(tokens, i - 1) || (i > 1 && is_abbreviated_title(tokens, i - 2)));
    if after_name {
        return None;
    }
    candidates.iter().copied().find(|form| {
        let last = i + form.last - form.first;
        last < tokens.len()
            && form.first != i
            && (1..=form.last - form.first)
                .all(|k| tokens.folded(i + k) == tokens.folded(form.first + k))
            && !(tokens.is_capitalized(last + 1) && tokens.list[last + 1].space_before)
    })
}

/// "The Merc said", "the Courier Union reported": people speak without an article, so an
/// unclaimed name of one or two words between "the" and a speech verb is a body. Titles
/// ("the President said") are no names. Found from the verb, so only a few tokens are
/// looked at.
fn speaking_bodies(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let name = |k: usize| {
        tokens.is_capitalized(k) && !taken[k] && !is(tokens, k, NotName | Title | AbbreviatedTitle)
    };
    let mut found = Vec::new();
    for verb in 2..tokens.len() {
        if !is(tokens, verb, SpeechVerb) || !name(verb - 1) {
            continue;
        }
        let first = if name(verb - 2) { verb - 2 } else { verb - 1 };
        if first > 0 && tokens.folded(first - 1) == "the" {
            found.push(Mention::new(first, verb - 1, Label::Org));
        }
    }
    found
}

/// Bodies of a state named by a capitalised common noun: "the House", "Parliament",
/// "the Navy", "the Air Force", and papers named by their last word: "the Herald". Not
/// at the start of a sentence unless after "The".
fn state_bodies(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    for &i in &tokens.capitals {
        if taken[i] || tokens.is_all_caps(i) {
            continue;
        }
        // A paper is named so only after "the": "the Herald", "the Journal".
        let (last, paper) = match tokens.folded(i) {
            word if is_state_body(word) => (i, false),
            word if is(tokens, i, OrgHead) && is_paper(word) => (i, true),
            "air" if tokens.folded(i + 1) == "force" && tokens.is_capitalized(i + 1) => {
                (i + 1, false)
            }
            _ => continue,
        };
        let after_the = i > 0 && tokens.folded(i - 1) == "the";
        let mid_sentence = i > 0
            && !tokens.list[i].newline_before
            && !matches!(tokens.folded(i - 1), "." | "!" | "?" | "\"");
        // "House of Commons" and "Army Corps" are other names, found elsewhere, and so
        // is "Random House".
        let continues = tokens.is_capitalized(last + 1) || tokens.folded(last + 1) == "of";
        let ends_name =
            i > 0 && tokens.is_capitalized(i - 1) && !taken[i - 1] && !is(tokens, i - 1, NotName);
        if (after_the || (mid_sentence && !paper)) && !continues && !ends_name && !taken[last] {
            found.push(Mention::new(i, last, Label::Org));
        }
    }
    found
}

/// Oil and gas fields named before a lower-case "field": "the Whiting field", "the
/// South Pars gas field", "the Perch and Dolphin fields". OntoNotes marks the name alone,
/// as a natural place (LOC). Names already taken ("Texas oil fields") stay as they are.
fn named_fields(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    for i in 1..tokens.len() {
        // Bit tests first, cheaper than reading every token's text: "field" is a place
        // head, and "fields" ("Surname" Fields is a person) must follow the name itself.
        let may_be_field = is(tokens, i, PlaceHead) || tokens.is_capitalized(i - 1);
        if !may_be_field || !matches!(tokens.raw(i), "field" | "fields") {
            continue;
        }
        let resource = matches!(tokens.raw(i - 1), "oil" | "gas");
        let Some(last) = i.checked_sub(if resource { 2 } else { 1 }) else {
            continue;
        };
        let Some(first) = field_name_start(tokens, taken, last) else {
            continue;
        };
        found.push(Mention::new(first, last, Label::Loc));
        // "the Perch and Dolphin fields": the name before "and" is a field too.
        if tokens.raw(i) == "fields" && first >= 2 && tokens.raw(first - 1) == "and" {
            if let Some(other) = field_name_start(tokens, taken, first - 2) {
                found.push(Mention::new(other, first - 2, Label::Loc));
            }
        }
    }
    found
}

/// Where a name of one to three capitalised words (not in capitals, none taken) that
/// ends at token `last` starts.
fn field_name_start(tokens: &Words<'_, '_>, taken: &[bool], last: usize) -> Option<usize> {
    let is_field_word = |k: usize| !taken[k] && is_name_word(tokens, k) && !tokens.is_all_caps(k);
    let mut first = last + 1;
    while first > 0 && last + 1 - first < 3 && is_field_word(first - 1) {
        first -= 1;
    }
    (first <= last).then_some(first)
}

/// Last words of papers' names (all organisation heads) that name the paper alone after
/// "the": "the Journal".
fn is_paper(word: &str) -> bool {
    matches!(
        word,
        "journal"
            | "times"
            | "post"
            | "herald"
            | "tribune"
            | "examiner"
            | "gazette"
            | "globe"
            | "chronicle"
            | "inquirer"
            | "observer"
            | "telegraph"
            | "guardian"
    )
}

/// Capitalised common nouns that name a body of a state: "the House", "Parliament".
fn is_state_body(word: &str) -> bool {
    matches!(
        word,
        "house"
            | "senate"
            | "parliament"
            | "congress"
            | "cabinet"
            | "army"
            | "navy"
            | "treasury"
            | "marines"
            | "politburo"
            | "knesset"
            | "duma"
            | "majlis"
    )
}

/// "Jiangsu Province", "Batken Region": an administrative unit named after its place
/// belongs to the place's name.
fn with_unit(tokens: &Words<'_, '_>, last: usize) -> usize {
    let unit = match tokens.folded(last + 1) {
        "province" | "region" | "oblast" | "prefecture" => true,
        "city" | "county" | "district" | "state" | "municipality" => {
            tokens.is_capitalized(last + 1)
        }
        _ => false,
    };
    if unit {
        last + 1
    } else {
        last
    }
}

/// "Calif." at the end of a sentence: the full stop ends the sentence, not the name.
fn without_final_stop(tokens: &Words<'_, '_>, first: usize, last: usize) -> usize {
    let sentence_end = last + 1 >= tokens.len()
        || tokens.list[last + 1].newline_before
        || tokens.is_capitalized(last + 1);
    if last > first && tokens.is_punct(last, '.') && sentence_end {
        last - 1
    } else {
        last
    }
}

/// Names that start with a given name and go on with at least one more name word:
/// "David Dinkins", "Carla A. Hills", "Jean-Claude Juncker".
fn given_name_people(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    taken: &[bool],
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    for &i in &tokens.capitals {
        if found.last().is_some_and(|person| person.last >= i) {
            continue;
        }
        let given = !tokens.is_all_caps(i) && gazetteer.is_given_name(tokens.folded(i));
        // "Robert Wood Johnson Foundation" is named after a person but is none.
        let person_end = given.then(|| name_end(tokens, i, taken, 4)).flatten();
        match person_end.filter(|&last| last > i && !is(tokens, last, OrgHead | TradeHead)) {
            Some(last) => {
                // "E. Robert Wallach": an initial before the given name.
                let initial = i >= 2
                    && tokens.is_punct(i - 1, '.')
                    && tight(tokens, i - 2)
                    && tokens.raw(i - 2).chars().count() == 1
                    && tokens.is_capitalized(i - 2)
                    && !taken[i - 2];
                let first = if initial { i - 2 } else { i };
                found.push(Mention::new(first, last, Label::Person));
            }
            None => continue,
        }
    }
    found
}

/// People whose surname is a town's name, after their title: "President Salinas",
/// "Mayor Austin". A title outranks the place as an honorific does.
fn titled_towns(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    taken: &[bool],
) -> Vec<Mention> {
    let town = |m: &Match| {
        m.entries.iter().any(|&id| {
            matches!(
                gazetteer.entry(id).kind,
                EntryKind::City | EntryKind::Region | EntryKind::Capital
            )
        })
    };
    // "Sen." is a title and its full stop; "President" a title alone.
    let after_title = |first: usize| {
        (first >= 1 && is_title(tokens, first - 1))
            || (first >= 2 && is_abbreviated_title(tokens, first - 2))
    };
    matches
        .iter()
        .filter(|m| {
            after_title(m.first) && town(m) && name_end(tokens, m.first, taken, 4) == Some(m.last)
        })
        .map(|m| Mention::new(m.first, m.last, Label::Person))
        .collect()
}

/// Two-word names of which one word is a town's or a region's, when the context makes a
/// person of them: after a speech verb or before an apposition about a person ("says
/// Kent Calder, a specialist", "Masato Murakami, chief manager"). The context rule for
/// speakers comes too late: the place would have taken its word.
fn speakers_named_like_towns(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    taken: &[bool],
) -> Vec<Mention> {
    let town = |m: &Match| {
        m.first == m.last
            && m.entries.iter().any(|&id| {
                matches!(
                    gazetteer.entry(id).kind,
                    EntryKind::City | EntryKind::Region | EntryKind::Capital
                )
            })
    };
    let free_name_word = |k: usize| {
        is_name_word(tokens, k) && !taken[k] && !tokens.is_all_caps(k) && !in_match(matches, k)
    };
    let mut found: Vec<Mention> = Vec::new();
    for m in matches {
        // Rarely true, so tested first and without a branch: a capitalised word beside
        // (before the first token, the index wraps past the end: not capitalised).
        let beside =
            tokens.is_capitalized(m.first.wrapping_sub(1)) | tokens.is_capitalized(m.last + 1);
        if !beside || !town(m) || taken[m.first] {
            continue;
        }
        // The town's word first ("Kent Calder") or last ("Masato Murakami").
        let surname = (m.first + 1, (m.first, m.first + 1));
        let given_name = m.first.checked_sub(1).map(|k| (k, (k, m.first)));
        let person = std::iter::once(surname)
            .chain(given_name)
            .find(|&(other, (first, last))| {
                free_name_word(other) && is_person_by_context(tokens, first, last)
            })
            .map(|(_, name)| name);
        if let Some((first, last)) = person {
            if found.last().is_none_or(|before| before.last < first) {
                found.push(Mention::new(first, last, Label::Person));
            }
        }
    }
    found
}

/// Is the name at `first..=last` a whole one said to be a person's by its context: after
/// a speech verb, or before an apposition about a person?
fn is_person_by_context(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let whole = (first == 0 || !is_name_word(tokens, first - 1)) && !is_name_word(tokens, last + 1);
    let after_speech = first > 0 && is(tokens, first - 1, SpeechVerb);
    let before_apposition = tokens.is_punct(last + 1, ',') && introduces_person(tokens, last + 2);
    whole && (after_speech || before_apposition)
}

/// Names with an initial inside them, whatever the given name: "Deryck C. Maughan",
/// "T. Marshall Hahn Jr.", "J.P. Bolduc". No word of them may be read as a country, a
/// place or an organisation ("U.S. Steel" is no person).
fn initialled_people(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    taken: &[bool],
) -> Vec<Mention> {
    let mut found: Vec<Mention> = Vec::new();
    // Names are looked for only around initials, which are rare: from the name word
    // before the first initial of a row ("Deryck C."), else from the initial itself.
    for &k in &tokens.capitals {
        let first_initial = is_initial(tokens, k) && !(k >= 2 && is_initial(tokens, k - 2));
        if !first_initial || found.last().is_some_and(|person| person.last >= k) {
            continue;
        }
        let word_before = k > 0 && is_name_word(tokens, k - 1) && !taken[k - 1];
        let starts = if word_before { [k - 1, k] } else { [k, k] };
        let person = starts.into_iter().find_map(|first| {
            let last = (!taken[first])
                .then(|| name_end(tokens, first, taken, 4))
                .flatten()?;
            let named = last > first
                && has_inner_initial(tokens, first, last)
                && !is(tokens, last, OrgHead | TradeHead)
                && !(first..=last).any(|j| in_known_name(gazetteer, matches, j));
            named.then(|| Mention::new(first, last, Label::Person))
        });
        found.extend(person);
    }
    found
}

/// A capital letter alone before a full stop: "C." in "Deryck C. Maughan".
fn is_initial(tokens: &Words<'_, '_>, k: usize) -> bool {
    tokens.is_capitalized(k) && tokens.raw(k).len() == 1 && tokens.is_punct(k + 1, '.')
}

/// An initial ("C.") with a name word after it, within tokens `first..=last`.
fn has_inner_initial(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    (first..last.saturating_sub(1)).any(|k| is_initial(tokens, k))
        && is_name_word(tokens, last)
        && tokens.raw(last).len() > 1
}

/// Is token `k` part of a known name other than a person's (a place that needs the
/// document's support does not count)?
fn in_known_name(gazetteer: &Gazetteer, matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| {
        m.first <= k
            && m.entries.iter().any(|&id| {
                let entry = gazetteer.entry(id);
                entry.kind != EntryKind::Person && !entry.context_only
            })
    })
}

/// Is token `i` a capitalised word that can be part of a name?
fn is_name_word(tokens: &Words<'_, '_>, i: usize) -> bool {
    i < tokens.len() && tokens.is_capitalized(i) && !is_title(tokens, i) && !is(tokens, i, NotName)
}

/// Particles inside names: "Mr. van Dover", "Ahmad bin Salman".
fn is_name_particle(tokens: &Words<'_, '_>, i: usize) -> bool {
    i < tokens.len()
        && matches!(
            tokens.folded(i),
            "van" | "von" | "de" | "der" | "del" | "da" | "al" | "bin" | "ibn" | "la" | "le" | "di"
        )
}

/// Tokens `i` and `i + 1` are written together, with no space between.
fn tight(tokens: &Words<'_, '_>, i: usize) -> bool {
    i + 1 < tokens.len() && !tokens.list[i + 1].space_before
}

const MAX_INITIALS: usize = 4;

/// The last token of a personal name starting at `first`, if one starts there: name
/// words with initials ("John J. Phelan"), apostrophes and hyphens ("O'Brien",
/// "Marie-Louise"), particles ("van de Kamp") and suffixes ("Jr.").
fn name_end(
    tokens: &Words<'_, '_>,
    first: usize,
    taken: &[bool],
    max_words: usize,
) -> Option<usize> {
    let mut j = first;
    let mut last = None;
    let mut words = 0;
    while j < tokens.len() && !taken[j] && words < max_words {
        if j > first && tokens.list[j].newline_before {
            break;
        }
        let initial = tokens.raw(j).chars().count() == 1
            && tokens.is_capitalized(j)
            && tokens.is_punct(j + 1, '.');
        // "A.D. Correll": initials in a row.
        let after_initial = j >= first + 2 && tokens.is_punct(j - 1, '.') && last.is_none();
        // At most a few initials in a row ("C.J.B. Marshall"), so a long run of them
        // costs no more than a name.
        if initial
            && (last.is_some() || j == first || after_initial)
            && j < first + 2 * MAX_INITIALS
        {
            j += 2;
            continue;
        }
        if is_name_particle(tokens, j) && is_name_word(tokens, j + 1) {
            j += 1;
            continue;
        }
        if !is_name_word(tokens, j) {
            break;
        }
        // "O'Brien", "Marie-Louise": one name word written with ' or -.
        while tight(tokens, j)
            && matches!(tokens.folded(j + 1), "'" | "-")
            && tight(tokens, j + 1)
            && j + 2 < tokens.len()
            && tokens.is_capitalized(j + 2)
        {
            j += 2;
        }
        last = Some(j);
        words += 1;
        j += 1;
        // "by reporter Huanqing Zheng According to ...": a Chinese name in pinyin is two
        // words, and wires run the next sentence's first word into it. (Asked only when
        // the name would go on: the test is dear.)
        let goes_on = words == 2 && j == first + 2 && tokens.is_capitalized(j);
        if goes_on && is_chinese_name(tokens.folded(first), tokens.folded(first + 1)) {
            break;
        }
        if matches!(tokens.folded(j.min(tokens.len() - 1)), "jr" | "sr") && j < tokens.len() {
            last = Some(if tokens.is_punct(j + 1, '.') {
                j + 1
            } else {
                j
            });
            break;
        }
    }
    last
}

fn is_title(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Title)
}

/// Capitalised runs of words (with lower-case connectors inside) that end in an
/// organisation head word or start with one followed by "of"/"for". Countries and
/// demonyms inside are absorbed: "the Russian Foreign Ministry" is one ORG.
fn organization_names(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    context: &Context,
) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut next = 0;
    for &i in &tokens.capitals {
        if i < next {
            continue;
        }
        let last = with_legal_form(tokens, i, capitalized_run_end(tokens, i));
        for (first, last) in split_run(tokens, gazetteer, matches, i, last) {
            if let Some(mut mention) =
                organization_in_run(tokens, gazetteer, matches, context, first, last)
            {
                let in_county = (mention.first..mention.last).any(|j| tokens.folded(j) == "county");
                if mention.country.is_none() && in_county {
                    mention.country = Some(county_country(context));
                }
                found.push(mention);
            }
        }
        next = last + 1;
    }
    found
}

/// The last token of the capitalised run starting at `first`.
fn capitalized_run_end(tokens: &Words<'_, '_>, first: usize) -> usize {
    let mut last = first;
    let mut j = first + 1;
    while j < tokens.len() && !tokens.list[j].newline_before {
        let next_capitalized = j + 1 < tokens.len() && tokens.is_capitalized(j + 1);
        // "W.R. Grace": the full stop of an initial.
        let initial = tokens.is_punct(j, '.')
            && tokens.raw(j - 1).chars().count() == 1
            && tokens.is_capitalized(j - 1);
        // "Moody's Investors", "Dealers' Association".
        let possessive = tokens.folded(j) == "'"
            && tight(tokens, j - 1)
            && (next_capitalized || (tokens.folded(j + 1) == "s" && tokens.is_capitalized(j + 2)));
        if tokens.is_capitalized(j) {
            last = j;
        } else if possessive && !next_capitalized {
            j += 1; // the "s"
        } else if let Some(suffix) = chained_legal_suffix(tokens, j) {
            j = suffix - 1; // the suffix is taken in as a capitalised word next
        } else if let Some(close) = bracket_before_legal_form(tokens, j) {
            last = close + 1;
            j = close + 1;
        } else if head_of_the(tokens, j) {
            j += 1; // the "the"; the name goes on after it
        } else if !((is(tokens, j, NameConnector) || initial || possessive) && next_capitalized) {
            break;
        }
        j += 1;
    }
    last
}

/// "Central Committee of the Communist Party", "Ministry of the Interior": "of the"
/// after an organisation's head word, at token `of`, goes on to a capitalised name. Not
/// after a state's government or its missions, named after the state itself ("the
/// Government of the Republic of Korea", "the Embassy of the United States").
fn head_of_the(tokens: &Words<'_, '_>, of: usize) -> bool {
    of > 0
        && tokens.folded(of) == "of"
        && is(tokens, of - 1, OrgHead | OrgStart)
        && !matches!(
            tokens.folded(of - 1),
            "government" | "administration" | "cabinet" | "embassy" | "consulate" | "mission"
        )
        && tokens.folded(of + 1) == "the"
        && tokens.is_capitalized(of + 2)
        && !tokens.list[of + 2].newline_before
}

/// "Samsung Heavy Co., Ltd.", "Itoh Energy Co. Ltd.": a second legal suffix after the
/// first one's full stop or comma. The second suffix, if the punctuation at token `j`
/// leads to one.
fn chained_legal_suffix(tokens: &Words<'_, '_>, j: usize) -> Option<usize> {
    if j == 0
        || !is_legal_suffix(tokens, j - 1)
        || !(tokens.is_punct(j, '.') || tokens.is_punct(j, ','))
    {
        return None;
    }
    let next = if tokens.is_punct(j + 1, ',') {
        j + 2
    } else {
        j + 1
    };
    // Not "Daewoo Corp., Group chairman ..." nor "Acme Corp. Co-Chairman ...".
    let second = is_legal_suffix(tokens, next)
        && tokens.folded(next) != "group"
        && !tokens.is_punct(next + 1, '-');
    second.then_some(next)
}

/// "Baring Securities (Hong Kong) Ltd.", "United Biscuits (Holdings) PLC": a bracket of
/// capitalised words between a company's name and its legal suffix is part of the name.
/// The closing bracket, if token `open` opens such a bracket.
fn bracket_before_legal_form(tokens: &Words<'_, '_>, open: usize) -> Option<usize> {
    if !tokens.is_punct(open, '(') {
        return None;
    }
    // Up to three words, and the full stops of "U.S.A.".
    let close =
        (open + 2..=open + 7).find(|&k| !tokens.is_capitalized(k) && !tokens.is_punct(k, '.'))?;
    (tokens.is_punct(close, ')') && is_legal_suffix(tokens, close + 1)).then_some(close)
}

/// Is token `k` a capitalised legal suffix ("Corp", "Ltd")? They are all organisation
/// heads, and the class bit spares most tokens the list.
fn is_legal_suffix(tokens: &Words<'_, '_>, k: usize) -> bool {
    is(tokens, k, OrgHead)
        && tokens.is_capitalized(k)
        && crate::linking::LEGAL_SUFFIXES.contains(&tokens.folded(k))
}

/// Names of laws, events and facilities by their first or last word: "Treaty on Open
/// Skies", "Paris Climate Agreement", "Cold War", "Kant Air Base".
fn name_kind(tokens: &Words<'_, '_>, first: usize, last: usize) -> Option<Label> {
    if last == first {
        return None;
    }
    let law_start = matches!(
        tokens.folded(first),
        "treaty" | "agreement" | "convention" | "accord" | "protocol" | "charter"
    ) && matches!(tokens.folded(first + 1), "of" | "on" | "for");
    match tokens.folded(last) {
        _ if law_start => Some(Label::Law),
        "act" | "treaty" | "accord" | "protocol" | "charter" | "constitution" | "directive"
        | "amendment" => Some(Label::Law),
        "war" | "summit" | "games" | "olympics" | "cup" | "championship" | "revolution"
        | "uprising" | "festival" => Some(Label::Event),
        "airport" | "base" | "bridge" | "stadium" | "palace" | "square" | "tower" | "dam"
        | "station" | "arena" | "cathedral" | "mosque" | "temple" | "highway" | "pipeline" => {
            Some(Label::Fac)
        }
        _ => None,
    }
}

/// Splits a capitalised run where it joins separate names: at "and" ("World Bank and
/// International Monetary Fund" is two, "Food and Drug Administration" one), after a
/// possessive ("Japan's Finance Ministry", "Harvard University's Law School"), and at "of"
/// after a person ("David Smith of Acme Corp.") or before the place a firm is in ("Acme
/// Industries of Ohio", but "Bank of Japan").
fn split_run(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
    last: usize,
) -> Vec<(usize, usize)> {
    let mut parts = Vec::new();
    let mut start = first;
    let mut k = first + 1;
    while k < last {
        let (left, right) = ((start, k - 1), (k + 1, last));
        let next = match tokens.folded(k) {
            "and" if names_one_thing(tokens, matches, left) => k + 1,
            // "a House-Senate conference": two bodies.
            "-" if is_state_body(tokens.folded(k - 1)) && is_state_body(tokens.folded(k + 1)) => {
                k + 1
            }
            "'" if tokens.folded(k + 1) == "s"
                && tight(tokens, k)
                && k + 2 <= last
                && (names_one_thing(tokens, matches, left)
                    || person_of(tokens, gazetteer, left)) =>
            {
                k + 2
            }
            // "Iran/Contra", "WCRS/Boston": no firms.
            "/" if is_place(gazetteer, matches, k - 1) || is_place(gazetteer, matches, k + 1) => {
                k + 1
            }
            "of" if person_of(tokens, gazetteer, left)
                || firm_of_place(tokens, gazetteer, matches, left, right) =>
            {
                k + 1
            }
            _ => {
                k += 1;
                continue;
            }
        };
        parts.push(left);
        start = next;
        k = next + 1;
    }
    parts.push((start, last));
    parts
}

/// Tokens `start..=end` are a name on their own: one gazetteer name, a headed
/// organisation ("... Bank"), an acronym, or a state body ("House and Senate").
fn names_one_thing(
    tokens: &Words<'_, '_>,
    matches: &[Match],
    (start, end): (usize, usize),
) -> bool {
    let single = start == end && (tokens.is_all_caps(start) || is_state_body(tokens.folded(start)));
    is_one_match(matches, start, end) || ends_in_org_head(tokens, (start, end)) || single
}

/// Is exactly one gazetteer match all of tokens `start..=end`?
fn is_one_match(matches: &[Match], start: usize, end: usize) -> bool {
    matches!(matches_within(matches, start, end), [only] if only.first == start && only.last == end)
}

/// Two or more words ending in an organisation's head word: "Harvard University".
fn ends_in_org_head(tokens: &Words<'_, '_>, (start, end): (usize, usize)) -> bool {
    end > start && is(tokens, end, OrgHead)
}

/// "David Smith" before "of Acme Corp." or "'s Acme Weekly": a given name and one to
/// three more words, none of them an organisation's.
fn person_of(tokens: &Words<'_, '_>, gazetteer: &Gazetteer, (start, end): (usize, usize)) -> bool {
    end > start
        && end - start < 4
        && gazetteer.is_given_name(tokens.folded(start))
        && !(start..=end).any(|j| is(tokens, j, OrgHead | OrgStart))
}

/// "Acme Industries" before "of Toledo": a firm's head word that does not take "of" as
/// part of the name (unlike "Bank of ...", "University of ..."), then one town. A
/// country or state stays in the name: "Communications Workers of America".
fn firm_of_place(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    firm: (usize, usize),
    (start, end): (usize, usize),
) -> bool {
    let headed = ends_in_org_head(tokens, firm) && !is(tokens, firm.1, OrgStart);
    let town = is_one_match(matches, start, end)
        && matches_within(matches, start, end).iter().any(|m| {
            m.entries.iter().any(|&id| {
                matches!(
                    gazetteer.entry(id).kind,
                    EntryKind::City | EntryKind::Capital
                )
            })
        });
    headed && town
}

fn organization_in_run(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    context: &Context,
    first: usize,
    last: usize,
) -> Option<Mention> {
    // A capitalised function word opening a sentence ("The", "In") is no part of a name.
    let mut first = first;
    while first < last && is(tokens, first, NotName) {
        first += 1;
    }
    // The name after a head word; the one before, after a title ("reporter"), below.
    let last = if last >= first + 3
        && is(tokens, last - 2, OrgHead)
        && chinese_name_at(tokens, matches, last - 1)
    {
        last - 2
    } else {
        last
    };
    // "Shares of Acme Corp. fell": a sentence's first word before "of" is a common
    // noun, unless it opens a name itself ("Bank of ...").
    let opens_sentence =
        first == 0 || tokens.list[first].newline_before || tokens.is_punct(first - 1, '.');
    if opens_sentence
        && tokens.folded(first + 1) == "of"
        && first + 2 < last
        && !is(tokens, first, OrgStart | OrgHead)
    {
        first += 2;
        while first < last && is(tokens, first, NotName) {
            first += 1;
        }
    }
    let words = last - first + 1;
    let partners = (first + 1..last).any(|j| joins_partners(tokens, matches, j));
    // "MGM/UA", "Macmillan/McGraw": firms joined by a slash (a place is split off before).
    let joined = (first + 1..last).any(|j| tokens.folded(j) == "/");
    let legal = legal_form_start(tokens, first, last).is_some();
    // A trade ending a headline in capitals is no name: "FARM PRODUCTS: ...".
    let trade = is(tokens, last, TradeHead) && !tokens.is_all_caps(last);
    // "First Chicago", "First Boston": banks named "First" and their city.
    let first_and_place =
        tokens.raw(first) == "First" && words >= 2 && in_match(matches, first + 1);
    let head = ((is(tokens, last, OrgHead) || trade) && words >= 2)
        || partners
        || joined
        || legal
        || first_and_place;
    // "Goldman, Sachs & Co.": the partners named before a comma.
    let first = if partners {
        partners_before(tokens, gazetteer, matches, first)
    } else {
        first
    };
    // "Ministry of Defence", and with a place before it, "Chicago Board of Trade".
    let start = words >= 3
        && (first..last).any(|j| {
            is(tokens, j, OrgStart | OrgHead) && matches!(tokens.folded(j + 1), "of" | "for")
        });
    let place = words >= 2 && (is(tokens, last, PlaceHead) || is(tokens, first, PlaceStart));
    let inside = matches_within(matches, first, last);
    let one_known_name = matches!(inside, [only] if only.first == first && only.last == last);
    let kind = name_kind(tokens, first, last);
    if !(head || start || place || kind.is_some()) || one_known_name {
        return None;
    }
    let label = kind.unwrap_or(if place && !(head || start) {
        Label::Loc
    } else {
        Label::Org
    });
    // "General Motors Corp.": the abbreviation's full stop belongs to the name, unless
    // it also ends the sentence ("... from Mazda Motor Corp. The deal ...").
    let abbreviated = matches!(
        tokens.folded(last),
        "corp" | "inc" | "co" | "ltd" | "cos" | "bros"
    ) && tokens.is_punct(last + 1, '.')
        && tight(tokens, last)
        && !ends_sentence(tokens, last + 1);
    let last = if abbreviated { last + 1 } else { last };
    // "Mercer Island, Wash.": a natural place's name before a state is a town's.
    let town = (label == Label::Loc)
        .then(|| state_after(tokens, gazetteer, matches, last))
        .flatten();
    if let Some(state) = town {
        return Some(Mention::place(
            first,
            last,
            EntryKind::City,
            Some(state.country),
        ));
    }
    let person_before = label == Label::Org
        && last >= first + 3
        && first > 0
        && is_title(tokens, first - 1)
        && chinese_name_at(tokens, matches, first);
    let first = if person_before { first + 2 } else { first };
    let mut mention = Mention::new(first, last, label);
    // The organisation belongs to the country named inside it or before it in a
    // possessive ("Japan's Finance Ministry"), if exactly one is.
    let possessor = possessor(tokens, matches, first);
    let mut countries = inside
        .iter()
        .chain(possessor)
        .filter_map(|m| context.country_of(gazetteer, m));
    mention.country = countries
        .next()
        .filter(|c| countries.all(|other| other == *c));
    Some(mention)
}

/// A Chinese name in pinyin run into an organisation's name with nothing between them,
/// as wire datelines and lists do: after a title, "by reporter Hao Liu British Ministry
/// of Foreign Affairs", and after a head word, "president of the Military Commission Zemin
/// Jiang". Is the name at token
/// `k` one? Known places that read as names ("Hong Kong") are not.
fn chinese_name_at(tokens: &Words<'_, '_>, matches: &[Match], k: usize) -> bool {
    is_chinese_name(tokens.folded(k), tokens.folded(k + 1)) && !in_match(matches, k)
}

/// Does the full stop at token `stop` also end the sentence? Not before a title: "Texas
/// Air Corp. Chairman Frank Lorenzo". A quotation that opens a new sentence ends it too:
/// "... of Keller Corp. \"We expect ...".
fn ends_sentence(tokens: &Words<'_, '_>, stop: usize) -> bool {
    let next = stop + 1 + usize::from(tokens.is_punct(stop + 1, '"'));
    next >= tokens.len()
        || tokens.list[next].newline_before
        || (tokens.is_capitalized(next) && !is_title(tokens, next))
}

/// An ampersand between two names of more than a letter: "Ogilvy & Mather", "Young &
/// Rubicam" (not "R&D"), unless both are places.
fn joins_partners(tokens: &Words<'_, '_>, matches: &[Match], j: usize) -> bool {
    let name = |k: usize| is_name_word(tokens, k) && tokens.raw(k).chars().count() > 1;
    let known = |k: usize| in_match(matches, k);
    tokens.is_punct(j, '&')
        && j > 0
        && name(j - 1)
        && name(j + 1)
        && !(known(j - 1) && known(j + 1))
}

/// Is token `k` inside a gazetteer match that can be a place or its people?
fn is_place(gazetteer: &Gazetteer, matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| {
        m.first <= k
            && m.entries.iter().any(|&id| {
                matches!(
                    gazetteer.entry(id).label,
                    Label::Gpe | Label::Loc | Label::Norp
                )
            })
    })
}

/// Is token `k` inside a gazetteer match?
/// The match that starts at token `first`, if one does.
fn match_at(matches: &[Match], first: usize) -> Option<&Match> {
    let at = matches.partition_point(|m| m.first < first);
    matches.get(at).filter(|m| m.first == first)
}

fn in_match(matches: &[Match], k: usize) -> bool {
    let at = matches.partition_point(|m| m.last < k);
    matches.get(at).is_some_and(|m| m.first <= k)
}

/// Where a firm named by partners starts when more partners come before it, each a
/// word or two (or a known firm) and a comma: "Goldman, Sachs & Co.", "Piper, Jaffray &
/// Hopwood Inc."
/// Only after a lower-case word ("at", "via") or a capitalised function word ("At"), so
/// a list or a sentence's first words are not taken in.
fn partners_before(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
) -> usize {
    let (mut start, mut accepted) = (first, first);
    for _ in 0..3 {
        let Some(end) = start
            .checked_sub(2)
            .filter(|&end| tokens.is_punct(end + 1, ','))
        else {
            break;
        };
        // A partner's name may be a title's word too: "Lord, Abbett & Co.".
        let partner = |k: usize| tokens.is_capitalized(k) && !is(tokens, k, NotName);
        if !partner(end) || is(tokens, end, OrgHead) {
            break;
        }
        let group = if end > 0 && is_name_word(tokens, end - 1) {
            end - 1
        } else {
            end
        };
        // A known firm may be a partner ("Goldman"), a place may not ("In Boston, ...").
        let known = matches_within(matches, group, end);
        let firm = is_one_match(matches, group, end)
            && known.iter().all(|m| {
                m.entries
                    .iter()
                    .all(|&id| gazetteer.entry(id).label == Label::Org)
            });
        if !known.is_empty() && !firm {
            break;
        }
        start = group;
        // After a lower-case word, or a function word opening the sentence ("At
        // Donaldson, Lufkin & Jenrette, ...").
        if group > 0
            && tokens.kind(group - 1) == TokenKind::Word
            && (!tokens.is_capitalized(group - 1) || is(tokens, group - 1, NotName))
        {
            accepted = start;
        }
    }
    accepted
}

/// Dotted legal forms of companies, letters only: "S.A.", "N.V.", "S.p.A.", "G.m.b.H.".
const LEGAL_FORMS: &[&str] = &["sa", "nv", "ag", "spa", "gmbh", "bv", "sarl", "srl", "kk"];

/// The final full stop of a dotted legal form starting at token `k`, if one does.
fn dotted_legal_form(tokens: &Tokens<'_>, k: usize) -> Option<usize> {
    let mut letters = String::new();
    let mut j = k;
    while letters.len() < 5
        && tokens.raw(j).len() == 1
        && tokens.kind(j) == TokenKind::Word
        && tokens.is_punct(j + 1, '.')
        && !tokens.list[j + 1].space_before
    {
        letters.push_str(tokens.folded(j));
        j += 2;
    }
    // "U.S.A." ends in letters that spell "S.A." but is one word, no legal form.
    let inside_word = k > 0 && tokens.is_punct(k - 1, '.') && !tokens.list[k].space_before;
    let known = j > k + 2
        && tokens.is_capitalized(k)
        && !inside_word
        && LEGAL_FORMS.contains(&letters.as_str());
    known.then_some(j - 1)
}

/// Where a dotted legal form ending the name `first..=last` starts (its final full stop
/// may have gone to the sentence): "Gatoil Suisse S.A".
pub fn legal_form_start(tokens: &Tokens<'_>, first: usize, last: usize) -> Option<usize> {
    (first + 1..=last)
        .rev()
        .take(10)
        .find(|&k| dotted_legal_form(tokens, k).is_some_and(|end| end == last || end == last + 1))
}

/// A dotted legal form ends a capitalised run: "Birkel G" goes on to "Birkel
/// G.m.b.H.", and "Tessera S.A. The" stops before "The".
fn with_legal_form(tokens: &Words<'_, '_>, first: usize, last: usize) -> usize {
    let form = (first + 1..=last)
        .rev()
        .take(10)
        .filter_map(|k| dotted_legal_form(tokens, k))
        .last();
    match form {
        Some(end) if ends_sentence(tokens, end) => end - 1,
        Some(end) => end,
        None => last,
    }
}

/// The gazetteer name before "'s" right before token `first`: "Japan" in "Japan's
/// Finance Ministry".
fn possessor<'m>(tokens: &Words<'_, '_>, matches: &'m [Match], first: usize) -> Option<&'m Match> {
    let possessive =
        first >= 3 && tokens.folded(first - 1) == "s" && tokens.folded(first - 2) == "'";
    let owner_last = first.checked_sub(3).filter(|_| possessive)?;
    let at = matches.partition_point(|m| m.last < owner_last);
    matches.get(at).filter(|m| m.last == owner_last)
}

/// Letters joined by an ampersand that name no organisation: "R&D", "M&A", "Q&A".
const COMMON_AMPERSAND_TERMS: &[[&str; 2]] = &[
    ["r", "d"],
    ["m", "a"],
    ["q", "a"],
    ["p", "l"],
    ["b", "b"],
    ["s", "l"],
];

/// Upper-case words of two to six letters are, in news, mostly organisations: "ANC",
/// "IRS", "OSCE", also written with an ampersand: "AT&T", "S&P". Not in a headline
/// written all in capitals, nor a word of three letters or more that the text also
/// writes in lower case ("COPPER: Futures ...", "copper prices").
fn acronyms(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let letters = |j: usize| {
        // The capital test first: it is a flag, cheaper than reading the text.
        tokens.is_capitalized(j)
            && tokens.kind(j) == TokenKind::Word
            && tokens.raw(j).bytes().all(|b| b.is_ascii_uppercase())
    };
    let shouting = |j: Option<usize>| j.is_some_and(|j| letters(j) && tokens.raw(j).len() > 1);
    let mut found = Vec::new();
    let mut next = 0;
    for &i in &tokens.capitals {
        if i < next || taken[i] || !letters(i) {
            continue;
        }
        // "AT&T": letters joined by a tight ampersand.
        let mut last = i;
        while tokens.is_punct(last + 1, '&')
            && tight(tokens, last)
            && tight(tokens, last + 1)
            && letters(last + 2)
            && !taken[last + 2]
        {
            last += 2;
        }
        let length: usize = (i..=last).map(|j| tokens.raw(j).len()).sum();
        let common = last == i + 2
            && COMMON_AMPERSAND_TERMS.contains(&[tokens.folded(i), tokens.folded(last)]);
        let is_acronym = (2..=7).contains(&length)
            && (last > i || !is(tokens, i, NotOrganization))
            && !common
            && !shouting(i.checked_sub(1))
            && !shouting(Some(last + 1))
            && !section_label(tokens, i, last);
        if is_acronym {
            found.push(Mention::new(i, last, Label::Org));
        }
        next = last + 1;
    }
    let word = |m: &Mention| {
        (m.first == m.last && tokens.raw(m.first).len() >= 3).then(|| tokens.folded(m.first))
    };
    let words: FxHashSet<&str> = found.iter().filter_map(word).collect();
    let written_lower = written_in_lower_case(tokens, &words);
    found.retain(|m| word(m).is_none_or(|w| !written_lower.contains(w)));
    found
}

/// "ENERGY: Crude oil rose", "BRIEFS: ...": a word in capitals that opens a sentence and
/// ends at a colon labels the section after it, like a heading (several words in capitals
/// already read as a heading). A name of letters joined by "&" ("AT&T:") stays a name.
fn section_label(tokens: &Words<'_, '_>, first: usize, last: usize) -> bool {
    let opens = first == 0
        || tokens.list[first].newline_before
        || matches!(tokens.folded(first - 1), "." | ":" | "!" | "?" | "\"");
    first == last && opens && tokens.raw(first).len() > 3 && tokens.is_punct(last + 1, ':')
}

/// Which of `words` (folded) the text also writes in lower case: one pass, and none
/// when there is nothing to look for.
fn written_in_lower_case<'a>(
    tokens: &'a Words<'_, '_>,
    words: &FxHashSet<&str>,
) -> FxHashSet<&'a str> {
    if words.is_empty() {
        return FxHashSet::default();
    }
    (0..tokens.len())
        .filter(|&j| {
            tokens.kind(j) == TokenKind::Word
                && tokens.raw(j).starts_with(|c: char| c.is_lowercase())
        })
        .map(|j| tokens.folded(j))
        .filter(|w| (3..=7).contains(&w.len()) && words.contains(w))
        .collect()
}

/// Countries whose local government units are called counties, most written-about first.
const COUNTY_COUNTRIES: &[&str] = &["US", "GB", "IE", "CA", "NO", "KE", "LR", "HU", "HR", "TW"];

/// The country a "... County" is in: the one the document names most among those with
/// counties, else the United States, where most counties in English news are.
fn county_country(context: &Context) -> CountryCode {
    let candidates: Vec<CountryCode> = COUNTY_COUNTRIES
        .iter()
        .filter_map(|c| CountryCode::parse(c))
        .collect();
    context.leading(&candidates).unwrap_or(candidates[0])
}

/// "Monroe County", "County Cork": a GPE in the country the document is about.
fn counties(tokens: &Words<'_, '_>, context: &Context) -> Vec<Mention> {
    let mut found = Vec::new();
    for &i in &tokens.capitals {
        if tokens.raw(i) != "County" {
            continue;
        }
        let mut first = i;
        while first > 0
            && i - first < 3
            && tokens.is_capitalized(first - 1)
            && !is(tokens, first - 1, NotName)
            && !tokens.list[first].newline_before
        {
            first -= 1;
        }
        let last = if first == i && i + 1 < tokens.len() && tokens.is_capitalized(i + 1) {
            i + 1
        } else {
            i
        };
        if first < last {
            found.push(Mention::place(
                first,
                last,
                EntryKind::Region,
                Some(county_country(context)),
            ));
        }
    }
    found
}

/// Towns in no list, known by the state or country after them: "Clive, Iowa",
/// "Wayland, Mass.", "Great Torrington, Devon" (GPE, in that state's country). The town
/// is one to three capitalised words after no other name word; the state is followed by
/// punctuation or a lower-case word, so "Jim Wright, Texas Democrat" is no town.
fn towns_before_states(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    taken: &[bool],
) -> Vec<Mention> {
    let mut found = Vec::new();
    for (index, state) in matches.iter().enumerate() {
        // The town, a comma, maybe a direction ("northern"), the state.
        let gap = if state.first > 0 && is_direction(tokens, state.first - 1) {
            3
        } else {
            2
        };
        let Some(last) = state.first.checked_sub(gap) else {
            continue;
        };
        let Some(State { country, .. }) = state_after(tokens, gazetteer, &matches[index..], last)
        else {
            continue;
        };
        let mut first = last + 1;
        while first > 0 && last + 1 - first < 3 && town_word_ending(tokens, taken, first - 1, last)
        {
            first -= 1;
        }
        // A dateline in capitals: "SMALLTOWN, Ark. (AP) -".
        if first > last && !taken[last] && tokens.is_all_caps(last) && starts_line(tokens, last) {
            first = last;
        }
        // Not the end of a longer name: "Randolph K. Pace, New York".
        let after_name = first > 0
            && (is_name_word(tokens, first - 1)
                || tokens.is_punct(first - 1, '.')
                    && first >= 2
                    && tokens.raw(first - 2).chars().count() == 1);
        let whole = first <= last && !after_name;
        let known = matches[..index].last().is_some_and(|m| m.last >= first);
        // "Charles Dallara, U.S. assistant secretary" is a person; before a state's
        // abbreviation, a name is a town even when led by a given name: "Beverly Hills,
        // Calif.", "Benton Harbor, Mich.".
        let person = last > first
            && !is_abbreviated_state(tokens, gazetteer, state)
            && gazetteer.is_given_name(tokens.folded(first));
        if whole && !known && !person {
            found.push(Mention::place(first, last, EntryKind::City, Some(country)));
        }
    }
    found
}

/// "Robert S. Jenkins Cambridge, Mass.": a letter's signature runs the writer's name into
/// the town. A known city ending a name, before a comma and a state, is no part of it.
/// The name's last token without the town.
fn without_town_before_state(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    person: &Mention,
) -> usize {
    let at = matches.partition_point(|m| m.first < person.first + 2);
    let town = matches[at..]
        .iter()
        .take_while(|m| m.first <= person.last)
        .find(|m| {
            m.last == person.last
                && m.entries.iter().any(|&id| {
                    matches!(
                        gazetteer.entry(id).kind,
                        EntryKind::City | EntryKind::Capital
                    )
                })
        });
    match town {
        Some(town) if state_after(tokens, gazetteer, matches, person.last).is_some() => {
            town.first - 1
        }
        _ => person.last,
    }
}

/// "Calif.", "N.C.": a state, not a country, written short.
fn is_abbreviated_state(tokens: &Words<'_, '_>, gazetteer: &Gazetteer, state: &Match) -> bool {
    tokens.is_punct(state.last, '.') && all_states(gazetteer, &state.entries)
}

/// Are all these gazetteer readings states or provinces?
fn all_states(gazetteer: &Gazetteer, entries: &[u32]) -> bool {
    entries
        .iter()
        .all(|&id| gazetteer.entry(id).kind == EntryKind::Region)
}

/// The country of the state or country named after token `last` and a comma, when it
/// qualifies a town: followed by punctuation or a lower-case word ("Clive, Iowa, has"),
/// not by a capitalised word ("Jim Wright, Texas Democrat") or a possessive ("Wen Lian,
/// China's envoy").
fn state_after(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    last: usize,
) -> Option<State> {
    if !tokens.is_punct(last + 1, ',') {
        return None;
    }
    // "Redding, northern California".
    let start = if is_direction(tokens, last + 2) {
        last + 3
    } else {
        last + 2
    };
    let state = match_at(matches, start)?;
    let next = state.last + 1;
    let possessive = tokens.folded(next) == "'";
    let ends_clause = tokens.is_punct(state.last, '.')
        || tokens.kind(next) == TokenKind::Punct
        || !tokens.is_capitalized(next);
    (ends_clause && !possessive)
        .then(|| state_named(gazetteer, state))
        .flatten()
}

/// "northern", "south-western": a part of the state named after it.
fn is_direction(tokens: &Words<'_, '_>, i: usize) -> bool {
    i < tokens.len()
        && !tokens.is_capitalized(i)
        && matches!(
            tokens.folded(i),
            "northern"
                | "southern"
                | "eastern"
                | "western"
                | "central"
                | "northeastern"
                | "northwestern"
                | "southeastern"
                | "southwestern"
        )
}

fn starts_line(tokens: &Words<'_, '_>, i: usize) -> bool {
    i == 0 || tokens.list[i].newline_before
}

/// The party letter of an American legislator, a NORP by OntoNotes' conventions: "Rep.
/// John Dingell (D., Mich.)", "Sen. Bob Dole (R-Kan.)".
fn party_letters(tokens: &Words<'_, '_>, gazetteer: &Gazetteer, matches: &[Match]) -> Vec<Mention> {
    let mut found = Vec::new();
    for state in matches {
        let Some(letter) = state.first.checked_sub(2).filter(|&j| j > 0) else {
            continue;
        };
        let (letter, last) = match (tokens.raw(letter), tokens.folded(letter + 1)) {
            // "(D., Mich.)": the letter, its full stop, a comma.
            (".", ",") if letter > 1 => (letter - 1, letter),
            // "(D-Mich.)".
            (_, "-") => (letter, letter),
            _ => continue,
        };
        let party =
            matches!(tokens.raw(letter), "D" | "R" | "I") && tokens.is_punct(letter - 1, '(');
        if let Some(state) = state_named(gazetteer, state).filter(|_| party) {
            let mut mention = Mention::new(letter, last, Label::Norp);
            mention.country = Some(state.country);
            found.push(mention);
        }
    }
    found
}

/// The state (or country) a match names unambiguously.
fn state_named(gazetteer: &Gazetteer, state: &Match) -> Option<State> {
    let mut entries = state.entries.iter().map(|&id| gazetteer.entry(id));
    let first = entries
        .next()
        .filter(|e| matches!(e.kind, EntryKind::Country | EntryKind::Region) && !e.context_only)?;
    let country = first.country?;
    let mut division = first.division;
    for other in entries {
        if other.country != Some(country) {
            return None;
        }
        if other.division != division {
            division = None;
        }
    }
    Some(State { country, division })
}

/// A word that can be part of a town's name: capitalised, free, no title or function
/// word, no adverb opening a sentence ("Currently, Taiwan ...").
fn town_word(tokens: &Words<'_, '_>, taken: &[bool], i: usize) -> bool {
    town_word_ending(tokens, taken, i, i)
}

/// Can token `i` be a word of a town's name that ends at token `last`? An adverb
/// ("Separately, Ohio") is no town, but only the last word of one is read as an adverb:
/// "Beverly Hills".
fn town_word_ending(tokens: &Words<'_, '_>, taken: &[bool], i: usize, last: usize) -> bool {
    taken.get(i) == Some(&false)
        && is_name_word(tokens, i)
        && !tokens.is_all_caps(i)
        && !(i == last && tokens.folded(i).ends_with("ly"))
}

/// The matches inside tokens `first..=last` (matches are sorted and disjoint).
fn matches_within(matches: &[Match], first: usize, last: usize) -> &[Match] {
    let start = matches.partition_point(|m| m.first < first);
    let end = matches.partition_point(|m| m.last <= last);
    &matches[start..end.max(start)]
}

/// "President Vladimir Putin", "First Deputy Prime Minister Igor Shuvalov": the names
/// after a run of titles.
fn titled_people(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_title(tokens, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && (is_title(tokens, j) || is_title_word(tokens, j)) {
            j += if is_abbreviated_title(tokens, j) {
                2
            } else {
                1
            };
        }
        // "Secretary of State James Baker", "Secretary of the Treasury Nicholas Brady".
        let first = department_after_title(tokens, j).map_or(j, |department| department + 1);
        match name_end(tokens, first, taken, 4) {
            Some(last) if !tokens.list[first].newline_before => {
                found.push(Mention::new(first, last, Label::Person));
                i = last + 1;
            }
            _ => i = j.max(i + 1),
        }
    }
    found
}

/// Is token `i` a capitalised department's name?
fn is_department(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, Department) && tokens.is_capitalized(i)
}

/// The department in "of State", "of the Treasury" at token `of`, if there is one.
fn department_after_title(tokens: &Words<'_, '_>, of: usize) -> Option<usize> {
    if tokens.folded(of) != "of" {
        return None;
    }
    let at = if tokens.folded(of + 1) == "the" {
        of + 2
    } else {
        of + 1
    };
    is_department(tokens, at).then_some(at)
}

/// The department of a title, an organisation by OntoNotes' conventions: "Labor" in
/// "Labor Secretary Elizabeth Dole", "State" in "Secretary of State James Baker" (but
/// not "Foreign" in "Foreign Minister", nor "State" in "Minister of State").
fn departments_in_titles(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let secretary = |j: usize| {
        tokens.is_capitalized(j)
            && matches!(
                tokens.folded(j),
                "secretary" | "minister" | "undersecretary"
            )
    };
    let mut found = Vec::new();
    // Both forms start at a capitalised word.
    for &i in &tokens.capitals {
        let before_title =
            is_department(tokens, i) && secretary(i + 1) && tokens.folded(i) != "state";
        // "Secretary of State", not "Minister of State", a junior minister's title.
        let after_title = tokens.raw(i) == "Secretary" && tokens.folded(i + 1) == "of";
        let department = if before_title {
            Some(i)
        } else if after_title {
            department_after_title(tokens, i + 1)
        } else {
            None
        };
        if let Some(d) = department.filter(|&d| !taken[d]) {
            found.push(Mention::new(d, d, Label::Org));
        }
    }
    found
}

/// "Mr. Smith", "Sen. Dole": the name after an abbreviated honorific.
fn honorific_people(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    (0..tokens.len())
        .filter(|&i| {
            is_abbreviated_title(tokens, i)
                && !tokens.list.get(i + 2).is_some_and(|t| t.newline_before)
        })
        .filter_map(|i| {
            name_end(tokens, i + 2, taken, 4).map(|last| Mention::new(i + 2, last, Label::Person))
        })
        .collect()
}

/// "Mr.", "Gen.": a title abbreviation and its full stop.
fn is_abbreviated_title(tokens: &Words<'_, '_>, i: usize) -> bool {
    is(tokens, i, AbbreviatedTitle) && tokens.is_punct(i + 1, '.')
}

/// Words inside multi-word titles: "Prime", "Foreign", "First", "Vice".
fn is_title_word(tokens: &Words<'_, '_>, i: usize) -> bool {
    matches!(
        tokens.folded(i),
        "prime"
            | "foreign"
            | "first"
            | "vice"
            | "defence"
            | "defense"
            | "finance"
            | "interior"
            | "economy"
            | "trade"
            | "state"
            | "crown"
            | "supreme"
            | "chief"
            | "executive"
    ) && i + 1 < tokens.len()
        && (is_title(tokens, i + 1) || is_title_word(tokens, i + 1))
}

/// Names of two or more words next to a speech verb ("said Nikita Mendkovich", "Anna
/// Petrova said") or before an apposition that describes a person ("Nikita Mendkovich,
/// head of ...", "John Smith, 63, ...").
fn speakers(tokens: &Words<'_, '_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        let speech = tokens.kind(i) == TokenKind::Word && is(tokens, i, SpeechVerb);
        if speech {
            if let Some(last) = name_end(tokens, i + 1, taken, 4).filter(|&last| last > i + 1) {
                found.push(Mention::new(i + 1, last, Label::Person));
            }
        }
        if speech || (tokens.is_punct(i, ',') && introduces_person(tokens, i + 1)) {
            if let Some((first, last)) = name_before(tokens, i, taken) {
                found.push(Mention::new(first, last, Label::Person));
            }
        }
    }
    found.sort_by_key(|m| m.first);
    found.dedup_by_key(|m| m.first);
    found
}

/// Nouns that open an apposition about a person: ", head of", ", a spokesman for".
const PERSON_ROLES: &[&str] = &[
    "head",
    "chairman",
    "chairwoman",
    "chair",
    "director",
    "president",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "professor",
    "analyst",
    "expert",
    "minister",
    "leader",
    "founder",
    "chief",
    "secretary",
    "editor",
    "author",
    "economist",
    "researcher",
    "adviser",
    "advisor",
    "ambassador",
    "envoy",
    "deputy",
    "governor",
    "mayor",
    "senator",
    "general",
    "commander",
    "executive",
    "manager",
    "partner",
    "lawyer",
    "attorney",
    "journalist",
    "correspondent",
    "fellow",
    "member",
    "official",
    "diplomat",
    "citizen",
    "resident",
];

/// Does an apposition about a person start at `i`: "head of", "a spokesman", "63,"?
fn introduces_person(tokens: &Words<'_, '_>, i: usize) -> bool {
    let at = if i < tokens.len()
        && matches!(tokens.folded(i), "a" | "an" | "the" | "its" | "his" | "her")
    {
        i + 1
    } else {
        i
    };
    let age = at < tokens.len()
        && tokens.kind(at) == TokenKind::Number
        && tokens.raw(at).len() <= 2
        && tokens.is_punct(at + 1, ',');
    age || (at < tokens.len() && PERSON_ROLES.contains(&tokens.folded(at)))
}

/// A name of two to four words ending right before token `end`.
fn name_before(tokens: &Words<'_, '_>, end: usize, taken: &[bool]) -> Option<(usize, usize)> {
    let mut first = end;
    while first > 0
        && end - first < 6
        && !taken[first - 1]
        && (is_name_word(tokens, first - 1)
            || tokens.is_punct(first - 1, '.')
            || is_name_particle(tokens, first - 1))
    {
        first -= 1;
    }
    (first..end.saturating_sub(1)).find_map(|start| {
        let last = name_end(tokens, start, taken, 4)?;
        let words = (start..=last).filter(|&j| is_name_word(tokens, j)).count();
        (last + 1 == end && words >= 2).then_some((start, last))
    })
}
