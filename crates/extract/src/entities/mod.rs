//! Entity rules: numbers and dates, gazetteer matches, and names in no list (people
//! after titles and speech verbs, organisations by their head word). Every rule marks
//! the tokens it takes, so the result never overlaps.

mod acronyms;
mod bodies;
pub mod chinese_names;
mod companies;
mod gazetteer_mentions;
mod indexes;
mod matches;
pub mod numbers;
mod organizations;
mod people;
mod person_names;
mod places;
mod settled;
mod short_forms;
mod words;

use rustc_hash::FxHashSet;

use crate::context::Context;
use crate::gazetteer::{EntryKind, Gazetteer};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::Tokens;
use acronyms::acronyms;
use bodies::{departments_in_titles, is_local_institution, speaking_bodies, state_bodies};
use companies::{described_companies, owners_of_company_parts};
pub(crate) use companies::{is_company_description, legal_form_start};
use gazetteer_mentions::{gazetteer_mention, qualifier};
use indexes::{stock_indexes, the_dow};
use matches::match_at;
use organizations::organization_names;
use people::{honorific_people, speakers, titled_people};
use person_names::{
    chinese_people, given_name_people, initialled_people, speakers_named_like_towns, titled_towns,
};
use places::{
    counties, named_fields, party_letters, towns_before_states, towns_called_so,
    without_town_before_state,
};
use settled::{add_dateline_states, settled_by_text};
use short_forms::company_short_forms;
use words::{tight, Words};

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
