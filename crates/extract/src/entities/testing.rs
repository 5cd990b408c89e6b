//! For the unit tests beside each rule: a small gazetteer written by hand, so that a test
//! shows the names it relies on, and helpers that run one rule or the whole recognition
//! on a sentence.

use std::sync::OnceLock;

use super::{recognize, Recognition};
use crate::gazetteer::{Gazetteer, Tables};
use crate::mention::Mention;
use crate::model::Label;
use crate::tokens::Tokens;

/// Countries, a few towns and states of three countries (some of them namesakes), a
/// company, a person and a handful of given names.
pub(super) fn gazetteer() -> &'static Gazetteer {
    static SMALL: OnceLock<Gazetteer> = OnceLock::new();
    SMALL.get_or_init(|| {
        Gazetteer::from_tables(&Tables {
            countries: "code\tname\tnames\tdemonyms\tcapital\n\
                US\tUnited States\tUS|U.S.\tAmerican|Americans\tWashington\n\
                GB\tUnited Kingdom\tBritain\tBritish\tLondon\n\
                RU\tRussia\t\tRussian|Russians\tMoscow\n\
                KZ\tKazakhstan\t\tKazakh\tAstana\n\
                AU\tAustralia\t\tAustralian\tCanberra\n\
                CA\tCanada\t\tCanadian\tOttawa\n\
                FR\tFrance\t\tFrench\tParis\n\
                JP\tJapan\t\tJapanese\tTokyo\n\
                TR\tTurkey\t\tTurkish\tAnkara\n\
                CN\tChina\t\tChinese\tBeijing\n",
            // Populations in quarter decades: 24 is a million, 16 is 10,000.
            places: "name\taliases\tcode\tkind\tpopulation\tcontext\tarea\n\
                Cairns\t\tAU\t\t21\t1\t04\n\
                Queensland\t\tAU\tregion\t\t\t04\n\
                Edmonton\t\tCA\t\t24\t\t01\n\
                Edmonton\t\tAU\t\t16\t1\t04\n\
                Edmonton\t\tUS\t\t13\t1\tKY\n\
                Kentucky\tKy.\tUS\tregion\t27\t\tKY\n\
                Texas\tTex.\tUS\tregion\t30\t\tTX\n\
                Iowa\t\tUS\tregion\t24\t\tIA\n\
                Michigan\tMich.\tUS\tregion\t28\t\tMI\n\
                Paris\t\tUS\t\t18\t1\tTX\n\
                Salinas\t\tUS\t\t22\t\tCA\n\
                Stanley\t\tGB\t\t16\t\tENG\n\
                Kent\t\tGB\tregion\t27\t\tENG\n\
                Furukawa\t\tJP\t\t20\t\t\n\
                Aba\t\tNG\t\t24\t\t\n\
                Jiangsu\t\tCN\tregion\t29\t\t\n",
            accent_folds: "char\tplain\n",
            organizations: "canonical\taliases\tmembers\tkind\n\
                United Nations\tUN|U.N.\tUS|GB|RU|FR|CN\tigo\n",
            institutions: "phrase\tcode\tlabel\tcanonical\nKremlin\tRU\tORG\tKremlin\n",
            companies: "phrase\tcode\tlabel\tcanonical\n",
            people: "canonical\tvariants\tcode\nVladimir Putin\tPutin\tRU\n",
            regions: "name\taliases\tlabel\tcode\nCentral Asia\t\tLOC\t\n",
            groups: "name\taliases\tcode\nEuropean\tEuropeans\t\n",
            given_names:
                "Anna\nCarla\nDavid\nEdward\nJane\nJohn\nMichael\nNikita\nRobert\nVictor\n",
        })
    })
}

/// The entities [`recognize`] finds in `text` with the small gazetteer, as (text, label).
pub(super) fn recognized(text: &str) -> Vec<(String, Label)> {
    let tokens = Tokens::new(text);
    let mentions = recognize(&tokens, gazetteer());
    surfaces(&tokens, &mentions)
}

/// The country of the entity `surface` (its last occurrence in `text`), if found.
pub(super) fn country_of(text: &str, surface: &str) -> Option<String> {
    let tokens = Tokens::new(text);
    let start = text.rfind(surface)?;
    recognize(&tokens, gazetteer())
        .into_iter()
        .find(|mention| tokens.span(mention.first, mention.last).start == start)
        .and_then(|mention| Some(mention.country?.to_string()))
}

/// What one rule finds in `text`, run on a recognition where nothing is claimed yet, as
/// (text, label).
pub(super) fn proposed(
    text: &str,
    rule: impl Fn(&Recognition<'_, '_>) -> Vec<Mention>,
) -> Vec<(String, Label)> {
    let tokens = Tokens::new(text);
    let recognition = Recognition::new(&tokens, gazetteer());
    surfaces(&tokens, &rule(&recognition))
}

/// The text and label of each mention.
pub(super) fn surfaces(tokens: &Tokens<'_>, mentions: &[Mention]) -> Vec<(String, Label)> {
    mentions
        .iter()
        .map(|mention| {
            let span = tokens.span(mention.first, mention.last);
            (tokens.text[span.start..span.end].to_string(), mention.label)
        })
        .collect()
}

/// (text, label) pairs from string slices, to compare with.
pub(super) fn expected(pairs: &[(&str, Label)]) -> Vec<(String, Label)> {
    pairs
        .iter()
        .map(|&(text, label)| (text.to_string(), label))
        .collect()
}
