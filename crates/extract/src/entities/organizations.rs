//! Organisations, laws, events and facilities by their head words: capitalised runs of
//! words that end in one ("Eurasian Analytic Club") or start with one before "of"
//! ("Ministry of Defence"), split where they join separate names.

use super::chinese_names::is_chinese_name;
use super::companies::{
    bracket_before_legal_form, chained_legal_suffix, legal_form_start, with_legal_form,
};
use super::gazetteer_mentions::place_country;
use super::matches::{
    in_match, is_one_match, is_place, match_at, matches_within, reads_as, ORGANIZATION, TOWN,
};
use super::places::county_country;
use super::settled::state_after;
use super::words::{ends_sentence, is, is_name_word, is_title, tight, Words};
use super::Recognition;
use crate::context::Context;
use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::lexicon::WordClass::{
    EventHead, FacilityHead, GovernmentHead, LawHead, LawStart, NameConnector, NotName, OrgHead,
    OrgStart, PlaceHead, PlaceStart, ShortHead, StateBody, TradeHead,
};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::{is_abbreviation, TokenKind};

/// Pass: the organisations (and laws, events, facilities) named by their head words,
/// all of them kept for the people passes that read their words.
pub(super) fn claim_organizations(r: &mut Recognition<'_, '_>) {
    let found = organization_names(&r.words, r.gazetteer, &r.matches, &r.context);
    r.organizations = found.iter().map(|org| (org.first, org.last)).collect();
    r.claim_all(found);
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
                    // "Madison County Health Department": the county's own country.
                    mention.country = match_at(matches, mention.first)
                        .and_then(|county| place_country(gazetteer, context, county))
                        .or(Some(county_country(context)));
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
        // "W.R. Grace": the full stop of an initial; "Mt. Erebus": of a place's
        // abbreviated first word.
        let initial = tokens.is_punct(j, '.')
            && tokens.is_capitalized(j - 1)
            && (tokens.raw(j - 1).chars().count() == 1
                || (is(tokens, j - 1, PlaceStart) && is_abbreviation(tokens, j - 1)));
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
        && !is(tokens, of - 1, GovernmentHead)
        && tokens.folded(of + 1) == "the"
        && tokens.is_capitalized(of + 2)
        && !tokens.list[of + 2].newline_before
}

/// Names of laws, events and facilities by their first or last word: "Treaty on Open
/// Skies", "Paris Climate Agreement", "Cold War", "Kant Air Base".
fn name_kind(tokens: &Words<'_, '_>, first: usize, last: usize) -> Option<Label> {
    if last == first {
        return None;
    }
    let law_start =
        is(tokens, first, LawStart) && matches!(tokens.folded(first + 1), "of" | "on" | "for");
    if law_start || is(tokens, last, LawHead) {
        Some(Label::Law)
    } else if is(tokens, last, EventHead) {
        Some(Label::Event)
    } else if is(tokens, last, FacilityHead) {
        Some(Label::Fac)
    } else {
        None
    }
}

/// Splits a capitalised run where it joins separate names: at "and" ("World Bank and
/// International Monetary Fund" is two, "Food and Drug Administration" one), after a
/// possessive ("Japan's Finance Ministry", "Harvard University's Law School"), at "of"
/// after a person ("David Smith of Acme Corp.") or before the place a firm is in ("Acme
/// Industries of Ohio", but "Bank of Japan"), and between a person and an organisation
/// the gazetteer holds ("Jeff Finch VOA News").
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
            "-" if is(tokens, k - 1, StateBody) && is(tokens, k + 1, StateBody) => k + 1,
            "'" if tokens.folded(k + 1) == "s"
                && tight(tokens, k)
                && k + 2 <= last
                && owner_named(tokens, gazetteer, matches, left) =>
            {
                k + 2
            }
            // "the Ministry of Foreign Affairs' Special Office": a plural's bare
            // apostrophe.
            "'" if tight(tokens, k - 1)
                && tokens.folded(k - 1).ends_with('s')
                && tokens.is_capitalized(k + 1)
                && owner_named(tokens, gazetteer, matches, left) =>
            {
                k + 1
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
            // "I am Jeff Finch VOA News": a person's name, then an organisation the
            // gazetteer holds (not a place: "Marjory Stoneman Douglas High School").
            _ if person_of(tokens, gazetteer, left)
                && match_at(matches, k).is_some_and(|m| reads_as(gazetteer, m, ORGANIZATION)) =>
            {
                k
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

/// The owner before a possessive is a name of its own (a thing's name also without the
/// words that open a sentence, "When"): "When China's National Weather Bureau",
/// "Harvard University's Law School", "David Smith's Acme Weekly".
fn owner_named(
    tokens: &Words<'_, '_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    (start, end): (usize, usize),
) -> bool {
    let mut name = start;
    while name < end && is(tokens, name, NotName) {
        name += 1;
    }
    [start, name].into_iter().any(|start| {
        names_one_thing(tokens, matches, (start, end)) || opens_with_head_of(tokens, (start, end))
    }) || person_of(tokens, gazetteer, (start, end))
}

/// Tokens `start..=end` are a name on their own: one gazetteer name, a headed
/// organisation ("... Bank"), a natural place ("Mt. Corvane and Tarn Hill" are two), an
/// acronym, or a state body ("House and Senate").
fn names_one_thing(
    tokens: &Words<'_, '_>,
    matches: &[Match],
    (start, end): (usize, usize),
) -> bool {
    let single = start == end && (tokens.is_all_caps(start) || is(tokens, start, StateBody));
    is_one_match(matches, start, end)
        || ends_in_org_head(tokens, (start, end))
        || names_natural_place(tokens, (start, end))
        || single
}

/// Two or more words of a natural place's name: "Mt. Corvane", "Tarn Mountains".
fn names_natural_place(tokens: &Words<'_, '_>, (start, end): (usize, usize)) -> bool {
    end > start && (is(tokens, end, PlaceHead) || is(tokens, start, PlaceStart))
}

/// A head word that opens names, "of" and a name: "University of Rochester", "Ministry
/// of Foreign Affairs".
fn opens_with_head_of(tokens: &Words<'_, '_>, (start, end): (usize, usize)) -> bool {
    end > start + 1 && is(tokens, start, OrgStart) && tokens.folded(start + 1) == "of"
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
        && matches_within(matches, start, end)
            .iter()
            .any(|m| reads_as(gazetteer, m, TOWN));
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
    let place = names_natural_place(tokens, (first, last));
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
    let abbreviated = is(tokens, last, ShortHead)
        && tokens.is_punct(last + 1, '.')
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

/// The gazetteer name before "'s" right before token `first`: "Japan" in "Japan's
/// Finance Ministry".
fn possessor<'m>(tokens: &Words<'_, '_>, matches: &'m [Match], first: usize) -> Option<&'m Match> {
    let possessive =
        first >= 3 && tokens.folded(first - 1) == "s" && tokens.folded(first - 2) == "'";
    let owner_last = first.checked_sub(3).filter(|_| possessive)?;
    let at = matches.partition_point(|m| m.last < owner_last);
    matches.get(at).filter(|m| m.last == owner_last)
}

#[cfg(test)]
mod tests {
    use super::organization_names;
    use crate::entities::testing::{country_of, expected, proposed};
    use crate::model::Label::{self, Event, Fac, Law, Loc, Org};

    fn found(text: &str) -> Vec<(String, Label)> {
        proposed(text, |r| {
            organization_names(&r.words, r.gazetteer, &r.matches, &r.context)
        })
    }

    #[test]
    fn names_end_in_a_head_word_or_start_with_one_before_of() {
        assert_eq!(
            found("Officials of the Eurasian Analytic Club and the Ministry of Defence met."),
            expected(&[
                ("Eurasian Analytic Club", Org),
                ("Ministry of Defence", Org)
            ])
        );
    }

    #[test]
    fn and_splits_two_names_but_not_one() {
        assert_eq!(
            found("The World Bank and International Monetary Fund met the Food and Drug Administration."),
            expected(&[
                ("World Bank", Org),
                ("International Monetary Fund", Org),
                ("Food and Drug Administration", Org),
            ])
        );
        assert_eq!(
            found("They climbed Mt. Corvane and Tarn Mountains."),
            expected(&[("Mt. Corvane", Loc), ("Tarn Mountains", Loc)])
        );
    }

    #[test]
    fn laws_events_and_facilities_by_their_words() {
        assert_eq!(
            found("They signed the Treaty on Open Skies after the Cold War at Kant Air Base."),
            expected(&[
                ("Treaty on Open Skies", Law),
                ("Cold War", Event),
                ("Kant Air Base", Fac),
            ])
        );
    }

    #[test]
    fn a_possessive_country_is_the_organisation_s() {
        let text = "Japan's Finance Ministry agreed.";
        assert_eq!(found(text), expected(&[("Finance Ministry", Org)]));
        assert_eq!(country_of(text, "Finance Ministry").as_deref(), Some("JP"));
    }
}
