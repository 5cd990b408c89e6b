//! Entity recognition: numbers and dates, gazetteer matches, and names in no list
//! (people after titles and speech verbs, organisations by their head word).
//!
//! [`recognize`] reads the text's tokens with their classes in the lexicon ([`Words`]),
//! finds the gazetteer's matches and what the document says of them ([`settled`],
//! [`crate::context`]), then runs the [`PASSES`] in order. Each pass is one rule family
//! (a file of this folder) and claims the tokens of what it finds: the first to claim a
//! token keeps it, and the few exceptions are named policies in [`claims`]. So the result
//! never overlaps, and the order of the table is the rules' priority.
//!
//! A new rule is a function in the file of its family (with its tests beside it, on the
//! small gazetteer of `testing.rs`) and a row in [`PASSES`] where its priority falls; a new
//! word for an existing rule is a row of `data/lexicon.tsv`.

mod acronyms;
mod bodies;
mod chinese_names;
mod claims;
mod companies;
mod gazetteer_mentions;
mod indexes;
mod matches;
pub(crate) mod names;
mod numbers;
mod organizations;
mod people;
mod person_names;
mod place_cues;
mod places;
mod settled;
mod short_forms;
#[cfg(test)]
mod testing;
mod words;

use crate::context::Context;
use crate::gazetteer::{Gazetteer, Match};
use crate::lexicon::WordClass::StancePrefix;
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::Tokens;
use claims::Claims;
pub(crate) use companies::company_stem;
use settled::{add_dateline_states, settled_by_text};
use words::{is, tight, Words};

/// A recognition under way: the text and what is known of it, read by every pass, and
/// what the passes found and hold so far.
pub(crate) struct Recognition<'a, 't> {
    pub(super) words: Words<'a, 't>,
    pub(super) gazetteer: &'a Gazetteer,
    /// The gazetteer's phrases in the text, sorted and disjoint (with datelines' states).
    pub(super) matches: Vec<Match>,
    /// The countries and states the document is about, to settle ambiguous names.
    pub(super) context: Context,
    pub(super) claims: Claims,
    /// The mentions claimed so far.
    pub(super) mentions: Vec<Mention>,
    /// Every organisation its head words name, claimed or not: the people passes read
    /// their words ("W.R. Grace" after "W.R. Grace & Co." is the firm).
    pub(super) organizations: Vec<(usize, usize)>,
    /// People named by the form of their names, gathered before the gazetteer's places
    /// are claimed (the places inside them yield to them) and claimed after.
    pub(super) people: Vec<Mention>,
}

/// One pass of recognition: what it finds, and the function that finds and claims it.
pub(crate) struct Pass {
    pub(crate) name: &'static str,
    pub(crate) run: fn(&mut Recognition<'_, '_>),
}

impl Pass {
    const fn new(name: &'static str, run: fn(&mut Recognition<'_, '_>)) -> Pass {
        Pass { name, run }
    }
}

/// The passes, in priority order: each claims tokens the ones before it left free.
pub(crate) const PASSES: &[Pass] = &[
    Pass::new("money, percentages, dates and times", |r| {
        let found = numbers::find(&r.words);
        r.claim_all(found.into_iter().map(Mention::from));
    }),
    Pass::new(
        "stock indexes, which are no entities",
        indexes::reserve_stock_indexes,
    ),
    Pass::new("the Dow", |r| {
        r.claim_all(indexes::the_dow(&r.words, &r.claims))
    }),
    Pass::new(
        "organisations, laws, events and facilities by their head words",
        organizations::claim_organizations,
    ),
    Pass::new("bases named after towns", |r| {
        r.claim_all(places::bases(&r.words, r.gazetteer, &r.matches, &r.context))
    }),
    Pass::new("counties", |r| {
        r.claim_all(places::counties(
            &r.words,
            r.gazetteer,
            &r.matches,
            &r.context,
        ))
    }),
    Pass::new("towns before their states", |r| {
        let towns = places::towns_before_states(&r.words, r.gazetteer, &r.matches, &r.claims);
        r.claim_all(towns);
    }),
    Pass::new("towns the text calls towns", |r| {
        let towns =
            places::towns_called_so(&r.words, r.gazetteer, &r.matches, &r.claims, &r.context);
        r.claim_all(towns);
    }),
    Pass::new("towns of datelines", |r| {
        let towns = places::unlisted_datelines(&r.words, &r.matches, &r.claims, &r.context);
        r.claim_all(towns);
    }),
    Pass::new("party letters of legislators", |r| {
        r.claim_all(places::party_letters(&r.words, r.gazetteer, &r.matches))
    }),
    Pass::new(
        "people by the form of their names (gathered, not yet claimed)",
        person_names::gather_people,
    ),
    Pass::new(
        "gazetteer matches, yielding to the people named around them",
        gazetteer_mentions::claim_gazetteer_mentions,
    ),
    Pass::new("people by the form of their names", |r| {
        let people = std::mem::take(&mut r.people);
        r.claim_all(people);
    }),
    Pass::new("oil and gas fields", |r| {
        r.claim_all(places::named_fields(&r.words, &r.claims))
    }),
    Pass::new("bodies of a state and papers", |r| {
        r.claim_all(bodies::state_bodies(&r.words, &r.claims))
    }),
    Pass::new("companies described as such", |r| {
        r.claim_all(companies::described_companies(&r.words, &r.claims))
    }),
    Pass::new("owners of company parts", |r| {
        r.claim_all(companies::owners_of_company_parts(&r.words, &r.claims))
    }),
    Pass::new("bodies that speak", |r| {
        r.claim_all(bodies::speaking_bodies(&r.words, &r.claims))
    }),
    Pass::new("departments in titles", |r| {
        r.claim_all(bodies::departments_in_titles(&r.words, &r.claims))
    }),
    Pass::new("people after titles and next to speech verbs", |r| {
        let mut found = people::titled_people(&r.words, &r.claims);
        found.extend(people::speakers(&r.words, &r.claims));
        r.claim_all(found);
    }),
    Pass::new("acronyms", |r| {
        r.claim_all(acronyms::acronyms(&r.words, &r.claims))
    }),
    Pass::new(
        "companies named again by their short forms",
        short_forms::claim_short_forms,
    ),
    Pass::new(names::PASS_NAME, names::claim_learned_names),
    Pass::new(
        "given names no list holds, before a surname",
        person_names::with_unlisted_given_names,
    ),
    Pass::new(
        "people's names over a spaced hyphen (\"Shlomo Ben - Ami\")",
        person_names::over_spaced_hyphens,
    ),
    Pass::new("stance prefixes (\"pro-Iranian\")", with_stance_prefixes),
    Pass::new(
        "compass words before places (\"South Bronx\")",
        places::with_compass_words,
    ),
    Pass::new(
        "the country of local bodies",
        bodies::give_local_bodies_their_country,
    ),
];

/// Finds the entities of a text, sorted and non-overlapping.
pub fn recognize(tokens: &Tokens<'_>, gazetteer: &Gazetteer) -> Vec<Mention> {
    recognize_with(tokens, gazetteer, &mut |_| {})
}

/// [`recognize`], telling `after_pass` the name of each pass as it ends (the throughput
/// example times them).
pub fn recognize_with(
    tokens: &Tokens<'_>,
    gazetteer: &Gazetteer,
    after_pass: &mut dyn FnMut(&'static str),
) -> Vec<Mention> {
    let mut recognition = Recognition::new(tokens, gazetteer);
    after_pass("words, gazetteer matches and the document's context");
    for pass in PASSES {
        (pass.run)(&mut recognition);
        after_pass(pass.name);
    }
    let mut mentions = recognition.mentions;
    crate::mention::sort_by_first(&mut mentions);
    mentions
}

impl<'a, 't> Recognition<'a, 't> {
    /// Reads the text's words and the gazetteer's matches, and what the document says of
    /// them; nothing is claimed yet.
    pub(super) fn new(tokens: &'a Tokens<'t>, gazetteer: &'a Gazetteer) -> Self {
        let words = Words::new(tokens, gazetteer);
        let mut matches = gazetteer.find_by_ids(tokens, &words.ids);
        add_dateline_states(&words, gazetteer, &mut matches);
        let settled: Vec<_> = (0..matches.len())
            .map(|index| settled_by_text(&words, gazetteer, &matches, index))
            .collect();
        let context = Context::of(gazetteer, &matches, &settled);
        let matches =
            gazetteer_mentions::without_unsupported_towns(&words, gazetteer, &context, matches);
        Recognition {
            claims: Claims::new(tokens.len()),
            words,
            gazetteer,
            matches,
            context,
            mentions: Vec::new(),
            organizations: Vec::new(),
            people: Vec::new(),
        }
    }
}

impl Recognition<'_, '_> {
    /// The default policy: each mention takes its tokens if none is held yet.
    pub(super) fn claim_all(&mut self, found: impl IntoIterator<Item = Mention>) {
        for mention in found {
            self.claim(mention);
        }
    }

    /// One mention, first come, first served.
    pub(super) fn claim(&mut self, mention: Mention) {
        if self.claims.claim(mention.first, mention.last) {
            self.mentions.push(mention);
        }
    }
}

/// "pro-Iranian", "anti-China", "non-U.S.": a prefix joined to a name by a hyphen makes
/// one word with it, and the word is named as a whole, if no mention holds the prefix.
fn with_stance_prefixes(r: &mut Recognition<'_, '_>) {
    for index in 0..r.mentions.len() {
        r.mentions[index].first = with_stance_prefix(&r.words, &r.claims, &r.mentions[index]);
    }
}

/// The first token of a mention with its stance prefix, if it has one.
fn with_stance_prefix(tokens: &Words<'_, '_>, claims: &Claims, mention: &Mention) -> usize {
    let first = mention.first;
    // Rarely true, so tested first: a hyphen written against the name.
    if first < 2 || !tokens.is_punct(first - 1, '-') {
        return first;
    }
    let name = matches!(
        mention.label,
        Label::Person | Label::Norp | Label::Org | Label::Gpe | Label::Loc
    );
    let prefix = is(tokens, first - 2, StancePrefix);
    let free = !claims.is_taken(first - 2) && !claims.is_taken(first - 1);
    if name && prefix && free && tight(tokens, first - 2) && tight(tokens, first - 1) {
        first - 2
    } else {
        first
    }
}

#[cfg(test)]
mod tests {
    use super::testing::{expected, recognized};
    use super::PASSES;
    use crate::model::Label::{Date, Gpe, Money, Norp, Org, Person};

    #[test]
    fn each_pass_has_a_name_of_its_own() {
        let mut names: Vec<&str> = PASSES.iter().map(|pass| pass.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), PASSES.len());
    }

    #[test]
    fn the_rules_together_find_each_entity_once_in_text_order() {
        assert_eq!(
            recognized(
                "On March 3, Russian President Vladimir Putin lent Kazakhstan $1 billion, \
                 the Kremlin said."
            ),
            expected(&[
                ("March 3", Date),
                ("Russian", Norp),
                ("Vladimir Putin", Person),
                ("Kazakhstan", Gpe),
                ("$1 billion", Money),
                ("Kremlin", Org),
            ])
        );
    }

    #[test]
    fn a_stance_prefix_joins_the_name_it_is_written_with() {
        assert_eq!(
            recognized("The anti-Russian mood grew."),
            expected(&[("anti-Russian", Norp)])
        );
        assert_eq!(
            recognized("The mood grew anti - Russian."),
            expected(&[("Russian", Norp)])
        );
    }
}
