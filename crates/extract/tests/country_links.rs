//! Every country mention in an article with the phenomena of Central Asian foreign-policy
//! news — leaders with titles, capitals as metonyms, seats of power, demonyms,
//! possessives, acronyms — is linked to the right country. The article is our own text.

mod common;

use diplomap_extract::{analyze_with, Analysis, Label};

/// Analyses a text as the command line does, and the app once the second tier is in:
/// with both tiers of the gazetteer.
fn analyze(text: &str) -> Analysis {
    analyze_with(common::both_tiers(), text)
}

const ARTICLE: &str = "\
Eurasian Diary
12-05-2018, 10:40

In early May, Russian President Vladimir Putin travelled to Uzbekistan and Turkmenistan, \
and later received Kazakh President Nursultan Nazarbayev in Sochi. The Kremlin called the \
talks friendly. Tashkent signed a gas contract worth \\$3,4 billion, while Moscow promised a \
loan of $150 million to Ashgabat.

Kyrgyz President Sooronbay Jeenbekov, who succeeded Almazbek Atambayev, flew to Dushanbe to \
meet Tajik President Emomali Rahmon. Bishkek and Dushanbe discussed the border in the \
Batken region. Afghan refugees and Chinese investors were also on the agenda: Beijing now \
accounts for 55% of foreign investment in Tajikistan, and Kyrgyzstan's debt to China keeps \
growing. Putin said the Eurasian Economic Union (EAEU) would help. Atambayev did not comment.
";

/// (mention as written, occurrence, expected country)
const EXPECTED: &[(&str, usize, &str)] = &[
    ("Russian", 0, "RU"),
    ("Vladimir Putin", 0, "RU"),
    ("Uzbekistan", 0, "UZ"),
    ("Turkmenistan", 0, "TM"),
    ("Kazakh", 0, "KZ"),
    ("Nursultan Nazarbayev", 0, "KZ"),
    ("Sochi", 0, "RU"),
    ("Kremlin", 0, "RU"),
    ("Tashkent", 0, "UZ"),
    ("Moscow", 0, "RU"),
    ("Ashgabat", 0, "TM"),
    ("Kyrgyz", 0, "KG"),
    ("Sooronbay Jeenbekov", 0, "KG"),
    ("Almazbek Atambayev", 0, "KG"),
    ("Dushanbe", 0, "TJ"),
    ("Tajik", 0, "TJ"),
    ("Emomali Rahmon", 0, "TJ"),
    ("Bishkek", 0, "KG"),
    ("Dushanbe", 1, "TJ"),
    ("Afghan", 0, "AF"),
    ("Chinese", 0, "CN"),
    ("Beijing", 0, "CN"),
    ("Tajikistan", 0, "TJ"),
    ("Kyrgyzstan", 0, "KG"),
    ("China", 0, "CN"),
    ("Putin", 1, "RU"),
    ("Atambayev", 1, "KG"),
];

fn country_of(text: &str, analysis: &Analysis, surface: &str, occurrence: usize) -> Option<String> {
    let start = text.match_indices(surface).nth(occurrence)?.0;
    analysis
        .entities
        .iter()
        .find(|e| e.span.start <= start && start < e.span.end)
        .and_then(|e| e.country.map(|c| c.to_string()))
}

#[test]
fn every_country_mention_is_linked() {
    let analysis = analyze(ARTICLE);
    let wrong: Vec<String> = EXPECTED
        .iter()
        .filter_map(|&(surface, occurrence, expected)| {
            let found = country_of(ARTICLE, &analysis, surface, occurrence);
            (found.as_deref() != Some(expected))
                .then(|| format!("{surface}#{occurrence}: {found:?}, expected {expected}"))
        })
        .collect();
    assert!(wrong.is_empty(), "wrongly linked: {wrong:#?}");
}

#[test]
fn labels_follow_ontonotes() {
    let analysis = analyze(ARTICLE);
    let label_of = |surface: &str| {
        let start = ARTICLE.find(surface).unwrap();
        analysis
            .entities
            .iter()
            .find(|e| e.span.start <= start && start < e.span.end)
            .map(|e| e.label)
    };
    assert_eq!(label_of("Russian"), Some(Label::Norp));
    assert_eq!(label_of("Vladimir Putin"), Some(Label::Person));
    assert_eq!(label_of("Tashkent"), Some(Label::Gpe));
    assert_eq!(label_of("Kremlin"), Some(Label::Org));
    assert_eq!(label_of("$3,4 billion"), Some(Label::Money));
    assert_eq!(label_of("55%"), Some(Label::Percent));
    assert_eq!(label_of("12-05-2018"), Some(Label::Date));
    assert_eq!(label_of("Eurasian Economic Union"), Some(Label::Org));
    assert_eq!(label_of("EAEU"), Some(Label::Org));
}

#[test]
fn short_forms_resolve_to_full_names() {
    let analysis = analyze(ARTICLE);
    let canonical_at = |surface: &str, occurrence: usize| {
        let start = ARTICLE.match_indices(surface).nth(occurrence).unwrap().0;
        analysis
            .entities
            .iter()
            .find(|e| e.span.start == start)
            .and_then(|e| e.canonical.clone())
    };
    assert_eq!(canonical_at("Putin", 1).as_deref(), Some("Vladimir Putin"));
    assert_eq!(
        canonical_at("Atambayev", 1).as_deref(),
        Some("Almazbek Atambayev")
    );
    assert_eq!(
        canonical_at("EAEU", 0).as_deref(),
        Some("Eurasian Economic Union")
    );
}

#[test]
fn laws_events_and_facilities_by_their_head_words() {
    let text = "Jets left the Manas Air Base. Both sides invoked the Treaty on Open Skies, \
                recalled the Cold War and met again at Pulkovo Airport.";
    let analysis = analyze(text);
    let label_of = |surface: &str| {
        let start = text.find(surface).unwrap();
        analysis
            .entities
            .iter()
            .find(|e| e.span.start == start)
            .map(|e| e.label)
    };
    assert_eq!(label_of("Manas Air Base"), Some(Label::Fac));
    assert_eq!(label_of("Treaty on Open Skies"), Some(Label::Law));
    assert_eq!(label_of("Cold War"), Some(Label::Event));
    assert_eq!(label_of("Pulkovo Airport"), Some(Label::Fac));
}

#[test]
fn organisations_described_by_a_demonym_take_its_country() {
    let text = "The Russian state company Zarubezhneft and the Chinese carmaker Chery Automobile both expanded.";
    let analysis = analyze(text);
    let country_of = |surface: &str| {
        let start = text.find(surface).unwrap();
        analysis
            .entities
            .iter()
            .find(|e| e.span.start == start)
            .and_then(|e| e.country.map(|c| c.to_string()))
    };
    assert_eq!(country_of("Zarubezhneft").as_deref(), Some("RU"));
    assert_eq!(country_of("Chery Automobile").as_deref(), Some("CN"));
}

/// The canonical name of the NORP mention `demonym` in `text`.
fn demonym_resolves_to(text: &str, demonym: &str) -> Option<String> {
    let start = text.find(demonym)?;
    analyze(text)
        .entities
        .into_iter()
        .find(|entity| entity.span.start == start && entity.label == Label::Norp)?
        .canonical
}

#[test]
fn the_russian_leader_is_the_one_russian_named_before() {
    let text = "Vladimir Putin landed in Dushanbe on Monday. The talks went on late, and the Russian leader left at dawn.";
    assert_eq!(
        demonym_resolves_to(text, "Russian leader").as_deref(),
        Some("Vladimir Putin")
    );
    let text = "Sadyr Japarov hosted the summit. Later the Kyrgyz president thanked Beijing.";
    assert_eq!(
        demonym_resolves_to(text, "Kyrgyz president").as_deref(),
        Some("Sadyr Japarov")
    );
    // Two Russians named: the phrase could mean either, so it stays the country.
    let text = "Vladimir Putin and Sergei Lavrov flew in. The Russian leader spoke first.";
    assert_ne!(
        demonym_resolves_to(text, "Russian leader").as_deref(),
        Some("Vladimir Putin")
    );
    // A title before a name belongs to that name.
    let text = "Vladimir Putin spoke. Then the Russian president Boris Yeltsin was recalled.";
    assert_ne!(
        demonym_resolves_to(text, "Russian president").as_deref(),
        Some("Vladimir Putin")
    );
}

/// The country of the entity that starts at the `occurrence`-th `surface` in `text`.
fn country_at(text: &str, surface: &str, occurrence: usize) -> Option<String> {
    country_of(text, &analyze(text), surface, occurrence)
}

#[test]
fn local_news_keeps_its_towns_in_their_state() {
    // A dateline with its state settles the town for the whole story, though the
    // gazetteer knows only the Canadian city; the town's police take its country.
    let text = "EDMONTON, Ky. (WXYZ) - A barn burned on Tuesday. Edmonton Police said the \
                owner, Dale Fenn, 61, of Sulphur Well, was away. Firefighters from Edmonton \
                and Glasgow, Ky. helped.";
    assert_eq!(country_at(text, "EDMONTON", 0).as_deref(), Some("US"));
    assert_eq!(
        country_at(text, "Edmonton Police", 0).as_deref(),
        Some("US")
    );
    assert_eq!(country_at(text, "Edmonton", 1).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Glasgow", 0).as_deref(), Some("US"));
    // A town in no list: the home of a person given with an age.
    assert_eq!(country_at(text, "Sulphur Well", 0).as_deref(), Some("US"));
    // A dateline town in no list, and a state with a direction.
    let text = "PINEVILLE, Ark. (AP) - Rain fell. She was raised in Yreka, northern California.";
    assert_eq!(country_at(text, "PINEVILLE", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Yreka", 0).as_deref(), Some("US"));
}

#[test]
fn a_local_story_reads_its_towns_in_the_state_it_is_set_in() {
    // A town placed by its neighbour settles the state; the neighbour's smaller
    // namesake of a famous city, and a town in no list beside it, follow.
    let text = "Two cars were stolen overnight from a yard in Edmonton, south of Cairns. \
                One was found near Gordonvale, near Cairns. Edmonton residents want patrols.";
    assert_eq!(country_at(text, "Edmonton", 0).as_deref(), Some("AU"));
    assert_eq!(country_at(text, "Edmonton", 1).as_deref(), Some("AU"));
    assert_eq!(country_at(text, "Cairns", 0).as_deref(), Some("AU"));
    assert_eq!(country_at(text, "Gordonvale", 0).as_deref(), Some("AU"));
    // A name in no list listed with a known town after a preposition.
    let text = "Police believe the woman is driving south to Kessling or Townsville.";
    assert_eq!(country_at(text, "Kessling", 0).as_deref(), Some("AU"));
    // "near" a town: the country of the place just before, not the story's main one.
    let text = "France and Paris welcomed the crews; French ministers thanked France. In \
                Queensland, a truck stolen in Townsville was found near Gordonvale.";
    assert_eq!(country_at(text, "Gordonvale", 0).as_deref(), Some("AU"));
    // A dateline's state without its full stop, and a town of a Kentucky story.
    let text = "EDMONTON, Ky (WXYZ) -- A barn burned. The owner lives in Glasgow.";
    assert_eq!(country_at(text, "EDMONTON", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Ky", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Glasgow", 0).as_deref(), Some("US"));
    // Ontario: two towns of the province, one famous elsewhere.
    let text = "St. Thomas police arrested two men. Shelters in London are full, the \
                coalition said.";
    assert_eq!(country_at(text, "London", 0).as_deref(), Some("CA"));
    assert_eq!(country_at(text, "St. Thomas", 0).as_deref(), Some("CA"));
    // A city story that mentions a famous namesake is not set in the namesake's state:
    // Paris, Illinois, is 250 times smaller than Paris.
    let text = "The Chicago investor sold the unit to a clothing maker based in Paris.";
    assert_eq!(country_at(text, "Paris", 0).as_deref(), Some("FR"));
    // Nor is one that names the famous city's country.
    let text = "GEORGETOWN, Ky. (AP) - A doctor from Georgetown is in France. She saw the \
                attack in Paris.";
    assert_eq!(country_at(text, "Paris", 0).as_deref(), Some("FR"));
    // "Paris, Canada and France" is a list, not Paris in Canada.
    assert_eq!(
        country_at("He flew to Paris, Canada and France.", "Paris", 0).as_deref(),
        Some("FR")
    );
}

#[test]
fn police_forces_are_organisations_of_their_country() {
    let text = "The OPP closed the highway; the NYPD and the Gardaí sent officers.";
    for (force, country) in [("OPP", "CA"), ("NYPD", "US"), ("Gardaí", "IE")] {
        assert_eq!(
            country_at(text, force, 0).as_deref(),
            Some(country),
            "{force}"
        );
    }
}

#[test]
fn a_town_named_like_a_country_or_a_person_is_a_town() {
    let text = "The rodeo returns to Texas this week: the city of Chile, Texas, expects \
                visitors, and Chile will close its main street.";
    assert_eq!(country_at(text, "Chile", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Chile", 1).as_deref(), Some("US"));
    let text = "Nurses in Churchill, Man. flew the baby south. Churchill has no surgeon.";
    assert_eq!(country_at(text, "Churchill", 1).as_deref(), Some("CA"));
    let text =
        "Quebec tightened its rules. Dorval Mayor Jean Roy disagreed, as did Former Mayor Ann Lee.";
    assert_eq!(country_at(text, "Dorval", 0).as_deref(), Some("CA"));
    assert_eq!(country_at(text, "Former", 0), None);
    let text = "Iran counted the damage. The villages of Dashtak and Gol Sefid in Qorveh \
                Province lost power, as did the region of Zahm.";
    for town in ["Dashtak", "Gol Sefid", "Qorveh Province", "Zahm"] {
        let start = text.find(town).unwrap();
        let entity = analyze(text)
            .entities
            .into_iter()
            .find(|e| e.span.start == start);
        assert_eq!(
            entity.map(|e| (e.span.end - e.span.start, e.country.map(|c| c.to_string()))),
            Some((town.len(), Some("IR".into()))),
            "{town}"
        );
    }
    // A known place keeps its country wherever the story is set.
    let text = "Moscow and the Kremlin answered. Tashkent Mayor Ali Karimov and the city of London disagreed.";
    assert_eq!(country_at(text, "Tashkent", 0).as_deref(), Some("UZ"));
    assert_eq!(country_at(text, "London", 0).as_deref(), Some("GB"));
    let text = "The town of Brisk has one shop. Moscow and Tashkent signed a deal in Tashkent.";
    assert_eq!(country_at(text, "Brisk", 0).as_deref(), Some("UZ"));
    let text = "Ohio police searched the Dayton suburb of Millbrook.";
    assert_eq!(country_at(text, "Millbrook", 0).as_deref(), Some("US"));
    // A town in no list after "near", and a university, in a local story.
    let text = "Iowa deputies found the tractor near Kessling. A student at Dorrance \
                University was arrested in Sioux City, Iowa.";
    assert_eq!(country_at(text, "Kessling", 0).as_deref(), Some("US"));
    assert_eq!(
        country_at(text, "Dorrance University", 0).as_deref(),
        Some("US")
    );
}

#[test]
fn foreign_capitals_listed_with_states_or_countries_stay_foreign() {
    let text = "Putin visited Moscow, Kazakhstan and Kyrgyzstan. The firm has offices in \
                London, Texas and Ohio.";
    assert_eq!(country_at(text, "Moscow", 0).as_deref(), Some("RU"));
    assert_eq!(country_at(text, "London", 0).as_deref(), Some("GB"));
}

#[test]
fn georgia_is_the_state_only_in_a_story_set_among_its_neighbours() {
    let text = "Storms hit Atlanta, Georgia, and towns in Alabama and Tennessee. Georgia \
                officials said Macon, Ga., was spared.";
    assert_eq!(country_at(text, "Georgia", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Georgia", 1).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Ga.", 0).as_deref(), Some("US"));
    let text = "Russia and Georgia traded accusations; Tbilisi recalled its envoy.";
    assert_eq!(country_at(text, "Georgia", 0).as_deref(), Some("GE"));
    // Washington and New York speak for the United States, not for a local story.
    let text = "Washington pledged support to Georgia, diplomats in New York said.";
    assert_eq!(country_at(text, "Georgia", 0).as_deref(), Some("GE"));
}

/// Every entity of `text` as (surface, label), in text order.
fn labels_in(text: &str) -> Vec<(&str, Label)> {
    analyze(text)
        .entities
        .iter()
        .map(|e| (&text[e.span.start..e.span.end], e.label))
        .collect()
}

#[test]
fn jordan_is_a_person_where_a_given_name_leads_it() {
    let text = "Michael Jordan scored 30 points. Jordan said he was tired.";
    assert_eq!(
        labels_in(text),
        [("Michael Jordan", Label::Person), ("Jordan", Label::Person)]
    );
    let text = "King Abdullah said Jordan will host the talks in Amman.";
    assert_eq!(country_at(text, "Jordan", 0).as_deref(), Some("JO"));
    // A group's name as a surname too; but not inside a compound of nationalities.
    let text = "Mayor John Tory spoke to a German-Iraqi family.";
    assert_eq!(
        labels_in(text),
        [
            ("John Tory", Label::Person),
            ("German", Label::Norp),
            ("Iraqi", Label::Norp)
        ]
    );
}

#[test]
fn a_surname_named_in_full_before_is_that_person_whatever_else_it_reads_as() {
    // Left alone, the learned pass reads this surname as a company.
    let text = "The coach, Tim Harlowe, resigned. The pressure was too much after Harlowe \
                admitted the mistakes.";
    assert_eq!(
        labels_in(text),
        [("Tim Harlowe", Label::Person), ("Harlowe", Label::Person)]
    );
    // A demonym that speaks is the person, with no country; "the French" stay a people.
    let text = "Inspector Paul French led the inquiry. French said the report was complete, \
                and the French said nothing.";
    assert_eq!(
        places_in(text),
        [
            ("Paul French", Label::Person, None),
            ("French", Label::Person, None),
            ("French", Label::Norp, Some("FR".to_string()))
        ]
    );
}

#[test]
fn a_hyphenated_surname_written_apart_comes_back_with_its_country() {
    let text = "Israeli Foreign Minister Dana Ben - Orel flew to Cairo. Aides to Mr. Ben - Orel \
                said the talks went well.";
    assert_eq!(country_at(text, "Ben - Orel", 1).as_deref(), Some("IL"));
}

#[test]
fn a_reporter_signing_off_is_a_person_before_the_broadcaster() {
    let text = "Shots were heard overnight. This is Mara Lindqvist VOA News, Belgrade.";
    assert_eq!(
        labels_in(text)[1..3],
        [("Mara Lindqvist", Label::Person), ("VOA News", Label::Org)]
    );
    // A firm or a school named after a person keeps its name whole, a place in it too.
    assert_eq!(
        labels_in("Walt Disney Company and Charles Schwab Corp. reported."),
        [
            ("Walt Disney Company", Label::Org),
            ("Charles Schwab Corp.", Label::Org)
        ]
    );
    assert_eq!(
        labels_in(
            "She will attend Stephen F. Austin University or Marjory Stoneman Douglas High School."
        ),
        [
            ("Stephen F. Austin University", Label::Org),
            ("Marjory Stoneman Douglas High School", Label::Org)
        ]
    );
}

#[test]
fn a_country_that_is_a_given_name_leads_a_person_s_name() {
    assert_eq!(
        places_in("Back in the studio, Chad Brewster joins us with the weather."),
        [("Chad Brewster", Label::Person, None)]
    );
    // A country before a word of the lexicon or another capitalised word stays one.
    assert_eq!(
        places_in("Aid to Chad Tuesday came late.")[0],
        ("Chad", Label::Gpe, Some("TD".to_string()))
    );
}

#[test]
fn the_plural_of_a_surname_named_before_is_the_family() {
    let text = "Nora Plessey sold the farm. The Plesseys moved to town, and the Joneses \
                stayed, said Ann Jones.";
    assert_eq!(
        labels_in(text),
        [
            ("Nora Plessey", Label::Person),
            ("Plesseys", Label::Person),
            ("Joneses", Label::Person),
            ("Ann Jones", Label::Person)
        ]
    );
    // Only after "the", and only for a surname the text gives a person.
    assert_eq!(
        labels_in("Nora Plessey met Plesseys fans and the Hartleys."),
        [("Nora Plessey", Label::Person)]
    );
}

#[test]
fn a_province_named_with_its_word_is_one_place() {
    let text = "Iran sent help. The governor of Kavar Province said roads were cut.";
    let start = text.find("Kavar").unwrap();
    let entity = analyze(text)
        .entities
        .into_iter()
        .find(|e| e.span.start == start)
        .unwrap();
    assert_eq!(&text[entity.span.start..entity.span.end], "Kavar Province");
    assert_eq!(entity.country.map(|c| c.to_string()).as_deref(), Some("IR"));
}

/// Every entity of `text` as (surface, label, country), in text order.
fn places_in(text: &str) -> Vec<(&str, Label, Option<String>)> {
    analyze(text)
        .entities
        .iter()
        .map(|e| {
            let country = e.country.map(|c| c.to_string());
            (&text[e.span.start..e.span.end], e.label, country)
        })
        .collect()
}

#[test]
fn famous_landmarks_are_facilities_of_their_country() {
    assert_eq!(Label::parse("FAC"), Some(Label::Fac));
    let fac = |surface, country: &str| (surface, Label::Fac, Some(country.to_string()));
    let text = "Protesters returned to Tahrir Square, tourists queued below the Eiffel Tower \
                and a band played on the Champs-Elysees.";
    assert_eq!(
        places_in(text),
        [
            fac("Tahrir Square", "EG"),
            fac("Eiffel Tower", "FR"),
            fac("Champs-Elysees", "FR")
        ]
    );
    // The wall, not the city it is named after.
    let text = "The Berlin Wall fell in 1989.";
    assert_eq!(places_in(text)[0], fac("Berlin Wall", "DE"));
}

#[test]
fn provinces_of_more_countries_take_their_country() {
    let text = "Floods struck Khuzestan and Sistan-Baluchestan, fighting went on in Helmand \
                and Borno, and farmers in Minas Gerais and KwaZulu-Natal counted losses. \
                Transnistria and Adjara held local elections.";
    for (surface, code) in [
        ("Khuzestan", "IR"),
        ("Sistan-Baluchestan", "IR"),
        ("Helmand", "AF"),
        ("Borno", "NG"),
        ("Minas Gerais", "BR"),
        ("KwaZulu-Natal", "ZA"),
        ("Transnistria", "MD"),
        ("Adjara", "GE"),
    ] {
        assert_eq!(
            country_at(text, surface, 0).as_deref(),
            Some(code),
            "{surface}"
        );
    }
    // The Indonesian province, but not inside the older spelling of the country's name.
    let text = "Miners in Papua went on strike; Papua-New Guinea closed its border.";
    assert_eq!(country_at(text, "Papua", 0).as_deref(), Some("ID"));
    assert_eq!(
        country_at(text, "Papua-New Guinea", 0).as_deref(),
        Some("PG")
    );
}

/// The label and country of the entity that starts where `surface` first does.
fn entity_at(text: &str, surface: &str) -> Option<(Label, Option<String>)> {
    let start = text.find(surface)?;
    analyze(text)
        .entities
        .into_iter()
        .find(|e| e.span.start == start)
        .map(|e| (e.label, e.country.map(|c| c.to_string())))
}

#[test]
fn the_people_of_a_region_belong_to_its_country() {
    let text = "Abkhaz separatists and South Ossetian officials met in Abkhazia, far from \
                South Ossetia. Sinhalese and Tamil voters, Kurdish fighters, Ontarians and \
                Ohioans were watching.";
    let expected = [
        ("Abkhaz", Label::Norp, Some("GE")),
        ("South Ossetian", Label::Norp, Some("GE")),
        ("Abkhazia", Label::Gpe, Some("GE")),
        ("South Ossetia.", Label::Gpe, Some("GE")),
        ("Sinhalese", Label::Norp, Some("LK")),
        // Peoples of regions that several countries share have none.
        ("Tamil", Label::Norp, None),
        ("Kurdish", Label::Norp, None),
        ("Ontarians", Label::Norp, Some("CA")),
        ("Ohioans", Label::Norp, Some("US")),
    ];
    for (surface, label, country) in expected {
        assert_eq!(
            entity_at(text, surface),
            Some((label, country.map(str::to_string))),
            "{surface}"
        );
    }
}

#[test]
fn towns_only_the_second_tier_knows_are_read_where_the_story_is_set() {
    // No first-tier town at all: the names that share Georgia say where the story is.
    let text = "DeKalb County commissioners will vote on the plan on Tuesday. Residents of \
                North Druid Hills, north of Decatur, oppose it.";
    assert_eq!(country_at(text, "Decatur", 0).as_deref(), Some("US"));
    assert_eq!(
        country_at(text, "North Druid Hills", 0).as_deref(),
        Some("US")
    );
    assert_eq!(country_at(text, "DeKalb County", 0).as_deref(), Some("US"));
    // Three small places that share one state and no other: Georgia.
    let text = "Residents of North Druid Hills and Avondale Estates drove to Decatur.";
    for town in ["North Druid Hills", "Avondale Estates", "Decatur"] {
        assert_eq!(country_at(text, town, 0).as_deref(), Some("US"), "{town}");
    }
    // A county named as one, found in one state only, sets the story there.
    let text = "Kanawha County deputies closed the road. Sissonville residents were told to \
                stay home.";
    assert_eq!(country_at(text, "Sissonville", 0).as_deref(), Some("US"));
    // A town of the second tier in a state the text names.
    let text = "Missouri troopers said the crash happened east of Rogersville.";
    assert_eq!(country_at(text, "Rogersville", 0).as_deref(), Some("US"));
}

#[test]
fn a_town_said_to_be_a_place_takes_the_story_s_country_or_its_largest_reading() {
    // "in Maryville": the country the story names, though not the state.
    let text = "The pastor flew from Fort Worth, Texas, to preach in Maryville.";
    assert_eq!(country_at(text, "Maryville", 0).as_deref(), Some("US"));
    // A dateline and nothing else: the largest reading.
    let text = "ARLINGTON — The council voted 8-1 to approve the permit on Tuesday.";
    assert_eq!(country_at(text, "ARLINGTON", 0).as_deref(), Some("US"));
}

#[test]
fn a_town_named_like_a_word_or_a_person_needs_the_text_to_say_it_is_a_place() {
    // Marion, Logan: given names, and towns of several states.
    let text = "Marion said the fair would open on Friday. Logan agreed.";
    assert!(entity_at(text, "Marion").is_none_or(|(label, _)| label != Label::Gpe));
    let text = "Indiana police said the fair opened in Marion on Friday.";
    assert_eq!(country_at(text, "Marion", 0).as_deref(), Some("US"));
    // Towns named like a company are no places in a business story that names their
    // country: the name is left to the other rules.
    let text = "Shares of Campbell Soup rose in New York. Campbell said sales grew.";
    assert_eq!(
        entity_at(text, "Campbell Soup").map(|(label, _)| label),
        Some(Label::Org)
    );
    assert!(entity_at(text, "Campbell said").is_none_or(|(label, _)| label != Label::Gpe));
    // A firm's name holding the name of a small town the story does not support is not
    // cut at the town (Herrington, Kansas).
    let text = "The law firm Orrick, Herrington & Sutcliffe advised the buyer in New York.";
    assert_eq!(
        entity_at(text, "Orrick").map(|(label, _)| label),
        Some(Label::Org)
    );
    assert!(entity_at(text, "Herrington").is_none());
}

#[test]
fn names_listed_before_counties_are_counties_of_the_story_s_country() {
    // Hamilton and Marion are famous elsewhere, or given names: here, counties.
    let text = "Jobless rates rose in Hamilton, Hendricks and Marion counties, the state said.";
    for county in ["Hamilton", "Hendricks", "Marion"] {
        assert_eq!(
            country_at(text, county, 0).as_deref(),
            Some("US"),
            "{county}"
        );
    }
    // A legislator's party and home, and a person's home.
    let text = "Minnesota's Sen. Tom Bakk, DFL-Cook, and Norb Mages of Lindsay spoke.";
    assert_eq!(country_at(text, "Cook", 0).as_deref(), Some("US"));
}

#[test]
fn local_bodies_and_rivers_take_the_country_of_their_town_or_story() {
    let text = "DeKalb County commissioners met in Decatur, near North Druid Hills. The \
                Cookville Volunteer Fire Department and the Decatur Public Library helped; the \
                body was found in the Kishwaukee River.";
    for name in [
        "Cookville Volunteer Fire Department",
        "Decatur Public Library",
        "Kishwaukee River",
    ] {
        assert_eq!(country_at(text, name, 0).as_deref(), Some("US"), "{name}");
    }
}

#[test]
fn a_county_and_a_town_that_share_one_state_set_the_story_there() {
    // Lamar County is in four states, Paris in many: they share Texas only.
    let text = "Paris police in Lamar County said the fair opened in Paris on Friday.";
    assert_eq!(country_at(text, "Paris", 0).as_deref(), Some("US"));
    assert_eq!(country_at(text, "Paris", 1).as_deref(), Some("US"));
    // Georgia beside Atlanta and a county of the state is the state.
    let text = "Atlanta police said the Fulton County jail in Georgia was full.";
    assert_eq!(country_at(text, "Georgia", 0).as_deref(), Some("US"));
    // And beside its own people and regions, the country.
    let text = "Georgian troops clashed with South Ossetian militias in Georgia.";
    assert_eq!(country_at(text, "Georgia", 0).as_deref(), Some("GE"));
}

#[test]
fn organisations_and_people_keep_their_own_country() {
    // Based in London, named after Syria: Syrian.
    let text = "The London-based Syrian Network for Human Rights said 20 people died.";
    assert_eq!(country_at(text, "Syrian Network", 0).as_deref(), Some("SY"));
    // A body of an international organisation has no country.
    let text = "The UN Security Council met in New York.";
    assert_eq!(
        entity_at(text, "UN Security Council"),
        Some((Label::Org, None))
    );
    // An analyst signing an article about Afghanistan is not Afghan for it.
    let text = "Moscow fears infiltrations from Afghanistan.\n\nFabio Indeo - fellow at \
                the University of Trieste.";
    assert_eq!(entity_at(text, "Fabio Indeo"), Some((Label::Person, None)));
    // A title between a country and a name still makes the person its own.
    let text = "Kyrgyz President Sooronbay Jeenbekov met Russian Pres. Vladimir Putin.";
    assert_eq!(country_at(text, "Sooronbay", 0).as_deref(), Some("KG"));
}

#[test]
fn places_named_with_their_people_or_their_kind_are_placed_by_them() {
    // "the English city of X" is in the United Kingdom, "the Syrian port of X" in Syria.
    let text = "An American firm opened offices in the English city of Durham and in the \
                Syrian port of Tartus.";
    assert_eq!(country_at(text, "Durham", 0).as_deref(), Some("GB"));
    assert_eq!(country_at(text, "Tartus", 0).as_deref(), Some("SY"));
    // "Washington" in a British story is the American capital, not the English town.
    let text = "British ministers said officials in Washington would decide.";
    assert_eq!(country_at(text, "Washington", 0).as_deref(), Some("US"));
    // A base named after a small town is a facility in the town's country; a known
    // city keeps its name as a place, as OntoNotes marks it.
    let text = "Moscow expanded the Kant military base in Kyrgyzstan, and Havana wants the \
                Guantanamo naval base back.";
    assert_eq!(
        entity_at(text, "Kant military base"),
        Some((Label::Fac, Some("KG".to_string())))
    );
    assert_eq!(
        entity_at(text, "Guantanamo"),
        Some((Label::Gpe, Some("CU".to_string())))
    );
}
