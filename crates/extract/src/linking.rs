//! Country linking and coreference: gives people their country from the words before
//! their title ("Kyrgyz President Almazbek Atambaev" -> KG), and resolves later short
//! mentions to the full name met earlier ("Mendkovich" -> "Nikita Mendkovich").

use rustc_hash::FxHashMap;

use crate::entities::Mention;
use crate::model::{CountryCode, Label};
use crate::tokens::Tokens;

pub fn link(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    country_before_title(tokens, mentions);
    resolve_people(tokens, mentions);
}

/// A person whose title follows a country or demonym belongs to that country.
fn country_before_title(tokens: &Tokens<'_>, mentions: &mut [Mention]) {
    for index in 1..mentions.len() {
        let (before, rest) = mentions.split_at_mut(index);
        let (previous, person) = (&before[index - 1], &mut rest[0]);
        if person.label != Label::Person || person.country.is_some() {
            continue;
        }
        let between = previous.last + 1..person.first;
        let only_title_words = between.clone().all(|j| {
            tokens.is_capitalized(j) || tokens.is_punct(j, '.') || tokens.folded(j) == "-"
        });
        let is_nation = matches!(previous.label, Label::Norp | Label::Gpe);
        if is_nation && !between.is_empty() && between.len() <= 5 && only_title_words {
            person.country = previous.country;
        }
    }
}

/// Full names are canonical; a later surname alone resolves to the full name, and
/// unlabelled occurrences of a known surname become PERSON mentions too.
fn resolve_people(tokens: &Tokens<'_>, mentions: &mut Vec<Mention>) {
    let mut by_surname: FxHashMap<String, (String, Option<CountryCode>)> = FxHashMap::default();
    for mention in mentions.iter_mut().filter(|m| m.label == Label::Person) {
        let span = tokens.span(mention.first, mention.last);
        let written = &tokens.text[span.start..span.end];
        if mention.canonical.is_none() {
            mention.canonical = Some(written.to_string());
        }
        if mention.last > mention.first {
            let canonical = mention.canonical.clone().unwrap_or_default();
            let surname = tokens.folded(mention.last).to_string();
            by_surname.entry(surname).or_insert((canonical, mention.country));
        }
    }
    if by_surname.is_empty() {
        return;
    }
    for mention in mentions.iter_mut() {
        if mention.label == Label::Person && mention.first == mention.last {
            if let Some((canonical, country)) = by_surname.get(tokens.folded(mention.first)) {
                mention.canonical = Some(canonical.clone());
                mention.country = mention.country.or(*country);
            }
        }
    }
    let mut covered = vec![false; tokens.len()];
    for mention in mentions.iter() {
        covered[mention.first..=mention.last].iter_mut().for_each(|c| *c = true);
    }
    for i in 0..tokens.len() {
        if covered[i] || !tokens.is_capitalized(i) {
            continue;
        }
        if let Some((canonical, country)) = by_surname.get(tokens.folded(i)) {
            mentions.push(Mention {
                first: i,
                last: i,
                label: Label::Person,
                country: *country,
                canonical: Some(canonical.clone()),
                value: None,
                kind: None,
            });
        }
    }
    mentions.sort_by_key(|m| m.first);
}
