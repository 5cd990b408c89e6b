//! Entity rules: numbers and dates, gazetteer matches, and names in no list (people
//! after titles and speech verbs, organisations by their head word). Every rule marks
//! the tokens it takes, so the result never overlaps.

use crate::gazetteer::{EntryKind, Gazetteer, Match};
use crate::model::{CountryCode, Label, Value};
use crate::numbers;
use crate::tokens::{TokenKind, Tokens};

/// An entity over tokens `first..=last`, before it becomes a byte-span [`crate::Entity`].
#[derive(Clone, Debug)]
pub struct Mention {
    pub first: usize,
    pub last: usize,
    pub label: Label,
    pub country: Option<CountryCode>,
    pub canonical: Option<String>,
    pub value: Option<Value>,
    /// The gazetteer entry it was read as, if any.
    pub kind: Option<EntryKind>,
}

impl Mention {
    fn new(first: usize, last: usize, label: Label) -> Mention {
        Mention {
            first,
            last,
            label,
            country: None,
            canonical: None,
            value: None,
            kind: None,
        }
    }
}

/// Titles that precede a person's name: "President Vladimir Putin".
const TITLES: &[&str] = &[
    "president", "minister", "premier", "chancellor", "king", "queen", "prince", "princess",
    "sheikh", "emir", "sultan", "senator", "ambassador", "envoy", "general", "gen", "mr",
    "mrs", "ms", "dr", "professor", "prof", "secretary", "governor", "mayor", "chairman",
    "spokesman", "spokeswoman", "spokesperson", "leader", "commander", "admiral", "colonel",
    "pope", "ayatollah", "director", "deputy", "speaker", "rep", "sen", "gov", "lt", "judge",
];

/// Verbs that put a speaker's name next to them: "said Nikita Mendkovich".
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "told", "added", "noted", "stated", "explained", "stressed", "argued",
    "warned", "insisted", "wrote", "asked", "replied", "declared", "announced",
];

/// Last words of organisation names: "Eurasian Analytic Club", "Foreign Ministry".
const ORG_HEADS: &[&str] = &[
    "club", "union", "organization", "organisation", "ministry", "bank", "council", "committee",
    "party", "university", "center", "centre", "agency", "institute", "foundation", "fund",
    "corporation", "corp", "company", "group", "association", "commission", "court", "service",
    "forces", "army", "navy", "parliament", "assembly", "department", "office", "federation",
    "alliance", "front", "movement", "network", "inc", "ltd", "airlines", "times", "post",
    "news", "press", "television", "tv", "agency", "guard", "police", "academy", "school",
    "college", "society", "board", "authority", "exchange", "secretariat", "cabinet",
    "government", "administration", "embassy", "consulate", "mission", "programme", "program",
];

/// First words of organisation names followed by "of" or "for": "Ministry of Defence".
const ORG_STARTS: &[&str] = &[
    "ministry", "university", "bank", "council", "institute", "center", "centre", "department",
    "office", "committee", "agency", "embassy", "federation", "union", "league", "organization",
    "organisation", "association", "house", "court", "academy", "school", "college",
];

/// Lower-case words allowed inside a capitalised name: "Bank of Russia".
const NAME_CONNECTORS: &[&str] = &["of", "for", "and", "the", "on", "de", "al", "bin", "van", "von", "&"];

/// Finds the entities of a text, sorted and non-overlapping.
pub fn recognize(tokens: &Tokens<'_>, gazetteer: &Gazetteer) -> Vec<Mention> {
    let mut taken = vec![false; tokens.len()];
    let mut mentions = Vec::new();
    let mut add = |mention: Mention, taken: &mut Vec<bool>| {
        if mention.last < taken.len() && !taken[mention.first..=mention.last].iter().any(|&t| t) {
            taken[mention.first..=mention.last].iter_mut().for_each(|t| *t = true);
            mentions.push(mention);
        }
    };
    for found in numbers::find(tokens) {
        let mut mention = Mention::new(found.first, found.last, found.label);
        mention.value = found.value;
        add(mention, &mut taken);
    }
    let matches = gazetteer.find(tokens);
    for org in organization_names(tokens, gazetteer, &matches) {
        add(org, &mut taken);
    }
    for found in &matches {
        add(gazetteer_mention(gazetteer, found), &mut taken);
    }
    for person in titled_people(tokens, &taken).into_iter().chain(speakers(tokens, &taken)) {
        add(person, &mut taken);
    }
    mentions.sort_by_key(|m| m.first);
    mentions
}

/// The mention a gazetteer match stands for, reading it as its most likely entry.
fn gazetteer_mention(gazetteer: &Gazetteer, found: &Match) -> Mention {
    let best = found
        .entries
        .iter()
        .map(|&id| gazetteer.entry(id))
        .min_by_key(|entry| (entry.kind, std::cmp::Reverse(entry.population)));
    let mut mention = Mention::new(found.first, found.last, Label::Gpe);
    if let Some(entry) = best {
        mention.label = entry.label;
        mention.country = entry.country;
        mention.canonical = Some(entry.canonical.clone());
        mention.kind = Some(entry.kind);
    }
    mention
}

/// Is token `i` a capitalised word that can be part of a name?
fn is_name_word(tokens: &Tokens<'_>, i: usize) -> bool {
    i < tokens.len() && tokens.is_capitalized(i) && !is_title(tokens, i)
}

fn is_title(tokens: &Tokens<'_>, i: usize) -> bool {
    TITLES.contains(&tokens.folded(i))
}

/// Capitalised runs of words (with lower-case connectors inside) that end in an
/// organisation head word or start with one followed by "of"/"for". Countries and
/// demonyms inside are absorbed: "the Russian Foreign Ministry" is one ORG.
fn organization_names(tokens: &Tokens<'_>, gazetteer: &Gazetteer, matches: &[Match]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !tokens.is_capitalized(i) {
            i += 1;
            continue;
        }
        let last = capitalized_run_end(tokens, i);
        if let Some(mention) = organization_in_run(tokens, gazetteer, matches, i, last) {
            found.push(mention);
        }
        i = last + 1;
    }
    found
}

/// The last token of the capitalised run starting at `first`.
fn capitalized_run_end(tokens: &Tokens<'_>, first: usize) -> usize {
    let mut last = first;
    let mut j = first + 1;
    while j < tokens.len() && !tokens.list[j].newline_before {
        if tokens.is_capitalized(j) {
            last = j;
        } else if !(NAME_CONNECTORS.contains(&tokens.folded(j)) && j + 1 < tokens.len() && tokens.is_capitalized(j + 1)) {
            break;
        }
        j += 1;
    }
    last
}

fn organization_in_run(
    tokens: &Tokens<'_>,
    gazetteer: &Gazetteer,
    matches: &[Match],
    first: usize,
    last: usize,
) -> Option<Mention> {
    let words = last - first + 1;
    let head = ORG_HEADS.contains(&tokens.folded(last)) && words >= 2;
    let start = words >= 3 && ORG_STARTS.contains(&tokens.folded(first))
        && matches!(tokens.folded(first + 1), "of" | "for");
    if !(head || start) {
        return None;
    }
    // A sentence-initial word is capitalised anyway: "Experts" is no part of a name.
    let first = if first + 1 < last && sentence_initial(tokens, first) && !is_known(matches, first) {
        first + 1
    } else {
        first
    };
    let mut mention = Mention::new(first, last, Label::Org);
    // The organisation belongs to the country named inside it, if exactly one is.
    let mut countries = matches_within(matches, first, last)
        .iter()
        .filter_map(|m| gazetteer.entry(m.entries[0]).country);
    mention.country = countries.next().filter(|c| countries.all(|other| other == *c));
    Some(mention)
}

/// The matches inside tokens `first..=last` (matches are sorted and disjoint).
fn matches_within(matches: &[Match], first: usize, last: usize) -> &[Match] {
    let start = matches.partition_point(|m| m.first < first);
    let end = matches.partition_point(|m| m.last <= last);
    &matches[start..end.max(start)]
}

fn is_known(matches: &[Match], token: usize) -> bool {
    let index = matches.partition_point(|m| m.last < token);
    matches.get(index).is_some_and(|m| m.first <= token)
}

fn sentence_initial(tokens: &Tokens<'_>, i: usize) -> bool {
    i == 0 || tokens.list[i].newline_before || matches!(tokens.folded(i - 1), "." | "!" | "?" | "\"" | "\u{201c}")
}

/// "President Vladimir Putin", "First Deputy Prime Minister Igor Shuvalov": the names
/// after a run of titles.
fn titled_people(tokens: &Tokens<'_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        if !is_title(tokens, i) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < tokens.len() && (is_title(tokens, j) || tokens.is_punct(j, '.') || is_title_word(tokens, j)) {
            j += 1;
        }
        let first = j;
        while j < tokens.len() && is_name_word(tokens, j) && !taken[j] && j - first < 4 {
            j += 1;
        }
        if j > first && !tokens.list[first].newline_before {
            found.push(Mention::new(first, j - 1, Label::Person));
        }
        i = j.max(i + 1);
    }
    found
}

/// Words inside multi-word titles: "Prime", "Foreign", "First", "Vice".
fn is_title_word(tokens: &Tokens<'_>, i: usize) -> bool {
    matches!(
        tokens.folded(i),
        "prime" | "foreign" | "first" | "vice" | "defence" | "defense" | "finance" | "interior"
            | "economy" | "trade" | "state" | "crown" | "supreme" | "chief" | "executive"
    ) && i + 1 < tokens.len()
        && (is_title(tokens, i + 1) || is_title_word(tokens, i + 1))
}

/// Two or three capitalised words right after a speech verb: "said Nikita Mendkovich".
fn speakers(tokens: &Tokens<'_>, taken: &[bool]) -> Vec<Mention> {
    let mut found = Vec::new();
    for i in 0..tokens.len() {
        if tokens.kind(i) != TokenKind::Word || !SPEECH_VERBS.contains(&tokens.folded(i)) {
            continue;
        }
        let first = i + 1;
        let mut j = first;
        while j < tokens.len() && is_name_word(tokens, j) && !taken[j] && j - first < 3 {
            j += 1;
        }
        if j - first >= 2 {
            found.push(Mention::new(first, j - 1, Label::Person));
        }
    }
    found
}
