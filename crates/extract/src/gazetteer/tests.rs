//! The gazetteer's tables, matching and second tier, on small hand-made tables.

use super::*;

const COUNTRIES: &str = "code\tname\tnames\tdemonyms\tcapital\n\
    RU\tRussia\tRussian Federation\tRussian|Russians\tMoscow\n\
    US\tUnited States\tUS|U.S.|United States of America\tAmerican|Americans\tWashington\n\
    TR\tTurkey\tTürkiye\tTurkish|Turks\tAnkara\n";

fn small() -> Gazetteer {
    Gazetteer::from_tables(&Tables {
        countries: COUNTRIES,
        // As shipped: names front-coded ("Karaganda", "Kazan", "São Tomé"), kind blank,
        // populations in quarter decades.
        places: "name\taliases\tcode\tkind\tpopulation\n\
            0Karaganda\t\tKZ\t\t23\n2zan\t\tRU\t\t24\n0São Tomé\t~\tST\t\t20\n",
        accent_folds: "char\tplain\nã\ta\né\te\n",
        organizations:
            "canonical\taliases\tmembers\tkind\nUnited Nations\tUN|U.N.\tRU|US|TR\tigo\n\
            North Atlantic Treaty Organization\tNATO|Nato\tUS|TR\tigo\n",
        institutions: "phrase\tcode\tlabel\tcanonical\nKremlin\tRU\tORG\tKremlin\n",
        companies: "phrase\tcode\tlabel\tcanonical\n",
        people: "canonical\tvariants\tcode\nVladimir Putin\tPutin\tRU\n",
        regions:
            "name\taliases\tlabel\tcode\nLatin America\t\tLOC\t\nSoviet Union\tUSSR\tGPE\tRU\n",
        groups: "name\taliases\tcode\nEuropean\tEuropeans\t\n",
        given_names: "# names\nVladimir\n",
    })
}

fn found(text: &str) -> Vec<(String, String)> {
    let gazetteer = small();
    let tokens = Tokens::new(text);
    gazetteer
        .find(&tokens)
        .into_iter()
        .map(|m| {
            let span = tokens.span(m.first, m.last);
            (
                text[span.start..span.end].to_string(),
                gazetteer.entry(m.entries[0]).canonical.clone(),
            )
        })
        .collect()
}

#[test]
fn finds_longest_phrases_with_their_canonical_names() {
    assert_eq!(
        found("The Russian Federation and the United States of America met in Kazan."),
        [
            ("Russian Federation".into(), "Russia".into()),
            ("United States of America".into(), "United States".into()),
            ("Kazan".into(), "Kazan".into()),
        ]
    );
}

#[test]
fn respects_case_and_word_boundaries() {
    assert!(found("let us talk turkey").is_empty());
    assert!(found("Russianness").is_empty());
    assert_eq!(found("the U.S. and the UN").len(), 2);
    assert_eq!(found("Putin's Kremlin").len(), 2);
}

#[test]
fn a_name_listed_in_two_casings_matches_either() {
    assert_eq!(found("NATO and Nato met, not nato").len(), 2);
}

#[test]
fn front_coded_lists_decode_to_whole_names() {
    let list = "# a header\n0Aamir\n2ron\n0Zoë\n3\u{e9}\nWhole\n\n1ill\n";
    let names: Vec<String> = front_decoded(list).collect();
    assert_eq!(names, ["Aamir", "Aaron", "Zoë", "Zoëé", "Whole", "Will"]);
    // The shipped list: every name whole, none starting with a digit.
    let shipped: Vec<String> = front_decoded(Tables::builtin().given_names).collect();
    assert!(shipped.len() > 5000);
    assert!(shipped.iter().any(|name| name == "Vladimir"));
    assert!(shipped
        .iter()
        .all(|name| !name.is_empty() && !name.starts_with(|c: char| c.is_ascii_digit())));
}

#[test]
fn the_first_downloads_places_are_rows_of_places_tsv_for_international_news() {
    // places_first.tsv is made from places.tsv by scripts/gazetteer/first_download.py
    // (which also leaves out cities under 500,000, by GeoNames): its rows in order,
    // none of the six local-news countries, no region, no context-only reading.
    let all: Vec<String> = front_decoded(Tables::builtin().places).collect();
    let first: Vec<String> = front_decoded(Tables::first_download().places).collect();
    let mut rows_of_all = all.iter();
    for row in &first {
        let cells: Vec<&str> = row.split('\t').collect();
        let cell = |i: usize| cells.get(i).copied().unwrap_or_default();
        assert!(
            rows_of_all.any(|full| full == row),
            "{row:?} is not a row of places.tsv: run scripts/gazetteer/first_download.py"
        );
        assert!(
            !["US", "CA", "GB", "AU", "NZ", "IE"].contains(&cell(2)),
            "{row:?}"
        );
        assert!(cell(3) != "region" && cell(5) != "1", "{row:?}");
    }
    assert!(first.len() > 1000 && first.len() < all.len() / 4);
}

#[test]
fn place_names_are_decoded_from_the_row_before() {
    assert_eq!(
        found("From Karaganda to Kazan."),
        [
            ("Karaganda".into(), "Karaganda".into()),
            ("Kazan".into(), "Kazan".into())
        ]
    );
    // The shipped table, its first rows and a name that starts with a digit.
    let shipped = Gazetteer::shared();
    for name in ["'s-Hertogenbosch", "'Ākra", "6th of October City"] {
        assert!(shipped.entries.iter().any(|entry| entry.canonical == name));
    }
}

#[test]
fn populations_are_read_from_quarter_decades() {
    assert_eq!(population("19"), 56_000);
    assert_eq!(population("21"), 180_000);
    assert_eq!(population("22"), 320_000);
    assert_eq!(population("28"), 10_000_000);
    assert_eq!(population(""), 0);
    assert_eq!(population("99"), 0);
}

#[test]
fn a_tilde_alias_is_the_name_without_accents() {
    let canonical = "São Tomé".to_string();
    assert_eq!(
        found("Ships left São Tomé and Sao Tome."),
        [
            ("São Tomé".to_string(), canonical.clone()),
            ("Sao Tome".to_string(), canonical)
        ]
    );
    // The shipped table rebuilds the plain forms the build script saw.
    let tables = Tables::builtin();
    let folds: FxHashMap<char, &str> = rows(tables.accent_folds, 2)
        .filter_map(|row| Some((row[0].chars().next()?, row[1])))
        .collect();
    assert_eq!(without_accents("Şanlıurfa", &folds), "Sanliurfa");
    assert_eq!(without_accents("Łódź", &folds), "Lodz");
}

#[test]
fn the_second_tier_adds_towns_and_readings_of_known_names() {
    let second_tier: &'static [u8] = include_bytes!("../../data/places2.bin");
    let both = Gazetteer::with_second_tier(&Tables::builtin(), second_tier).unwrap();
    let tokens = Tokens::new("From Rogersville to Paris.");
    let first_tier = Gazetteer::shared().find(&tokens);
    assert_eq!(first_tier.len(), 1, "only Paris: {first_tier:?}");
    let found = both.find(&tokens);
    assert_eq!(found.len(), 2);
    assert!(found[0]
        .entries
        .iter()
        .all(|&id| both.second_tier_reading(id).is_some()));
    // Paris keeps its first-tier readings, first, and gains the smaller towns.
    let paris = &found[1].entries;
    assert_eq!(
        paris[..first_tier[0].entries.len()],
        first_tier[0].entries[..]
    );
    assert!(paris.len() > first_tier[0].entries.len());
    assert!(paris
        .iter()
        .any(|&id| both.entry(id).division == Division::parse("TN")));
}

#[test]
fn a_corrupt_second_tier_is_an_error_and_the_first_tier_stands() {
    let mut bytes = include_bytes!("../../data/places2.bin").to_vec();
    bytes.truncate(bytes.len() / 2);
    assert_eq!(
        Gazetteer::with_second_tier(&Tables::builtin(), bytes).err(),
        Some(SecondTierError::Checksum)
    );
    let tokens = Tokens::new("From Rogersville to Paris.");
    assert_eq!(Gazetteer::shared().find(&tokens).len(), 1);
}
