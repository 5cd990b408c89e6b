//! The document's context on small hand-made gazetteers.

use crate::analyze_with;
use crate::gazetteer::{Gazetteer, Tables};

fn empty_tables() -> Tables<'static> {
    Tables {
        countries: "",
        places: "",
        accent_folds: "",
        organizations: "",
        institutions: "",
        companies: "",
        people: "",
        regions: "",
        groups: "",
        given_names: "",
    }
}

fn gazetteer() -> Gazetteer {
    Gazetteer::from_tables(&Tables {
        countries: "code\tname\tnames\tdemonyms\tcapital\n\
            GB\tUnited Kingdom\t\tBritish\tLondon\n\
            CA\tCanada\t\tCanadian\tOttawa\n\
            AU\tAustralia\t\tAustralian\tCanberra\n\
            FR\tFrance\t\tFrench\tParis\n\
            US\tUnited States\t\tAmerican\tWashington\n",
        // Populations in quarter decades: 28 is 10 million, 23 is 560,000.
        places: "name\taliases\tcode\tkind\tpopulation\tcontext\tarea\n\
            London\t\tGB\tcity\t28\t\tENG\n\
            London\t\tCA\tcity\t23\t1\t08\n\
            London\t\tUS\tcity\t16\t1\tKY\n\
            Paris\t\tFR\tcity\t25\t\t\n\
            Paris\t\tUS\tcity\t18\t1\tTX\n\
            Paris\t\tUS\tcity\t16\t1\tKY\n\
            Paris\t\tCA\tcity\t16\t1\t08\n\
            Edmonton\t\tCA\tcity\t24\t\t01\n\
            Edmonton\t\tAU\tcity\t16\t1\t04\n\
            Edmonton\t\tUS\tcity\t13\t1\tKY\n\
            Cairns\t\tAU\tcity\t21\t1\t04\n\
            Queensland\t\tAU\tregion\t\t\t04\n\
            Brisbane\t\tAU\tcity\t25\t\t04\n\
            Georgetown\t\tUS\tcity\t18\t1\tKY\n\
            St. Thomas\t\tCA\tcity\t18\t1\t08\n\
            Glasgow\t\tGB\tcity\t23\t\tSCT\n\
            Ontario\tOnt.\tCA\tregion\t29\t\t08\n\
            Texas\tTex.\tUS\tregion\t30\t\tTX\n\
            Kentucky\tKy.\tUS\tregion\t27\t\tKY\n",
        accent_folds: "",
        organizations: "canonical\taliases\tmembers\tkind\n",
        institutions: "phrase\tcode\tlabel\tcanonical\n",
        companies: "phrase\tcode\tlabel\tcanonical\n",
        people: "canonical\tvariants\tcode\n",
        regions: "name\taliases\tlabel\tcode\n",
        groups: "name\taliases\tcode\n",
        given_names: "",
    })
}

fn country_of(text: &str, place: &str) -> Option<String> {
    let gazetteer = gazetteer();
    let start = text.rfind(place).unwrap();
    analyze_with(&gazetteer, text)
        .entities
        .into_iter()
        .find(|e| e.span.start == start)
        .and_then(|e| e.country.map(|c| c.to_string()))
}

#[test]
fn a_place_alone_is_the_famous_one() {
    assert_eq!(
        country_of("The talks were held in London.", "London").as_deref(),
        Some("GB")
    );
}

#[test]
fn the_document_can_point_to_a_namesake() {
    let text = "Ontario has new rules. Clinics in London are full.";
    assert_eq!(country_of(text, "London").as_deref(), Some("CA"));
}

#[test]
fn a_context_only_place_does_not_support_itself() {
    let gazetteer = Gazetteer::from_tables(&Tables {
        places: "name\taliases\tcode\tkind\tpopulation\tcontext\nRussellville\t\tUS\tcity\t18\t1\n",
        ..empty_tables()
    });
    let found = analyze_with(&gazetteer, "Russellville was quiet.").entities;
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn a_much_smaller_namesake_needs_a_qualifier() {
    assert_eq!(
        country_of("Texas farmers met. They flew to Paris.", "Paris").as_deref(),
        Some("FR")
    );
    assert_eq!(
        country_of("He grows beans in Paris, Tex. these days.", "Paris").as_deref(),
        Some("US")
    );
}

#[test]
fn a_state_after_a_place_settles_the_town_for_the_whole_document() {
    let text = "LONDON, Ky. (AP) - A barn burned. Firefighters in London said it was empty.";
    assert_eq!(country_of(text, "London").as_deref(), Some("US"));
    let text = "A fair opens in Paris, Texas, today. Hotels in Paris are full.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
}

#[test]
fn a_country_or_a_list_of_states_after_a_place_settles_nothing() {
    assert_eq!(
        country_of("He flew to Paris, Canada and France.", "Paris").as_deref(),
        Some("FR")
    );
    assert_eq!(
        country_of("Offices in London, Texas and Kentucky.", "London").as_deref(),
        Some("GB")
    );
}

#[test]
fn a_town_named_unambiguously_sets_the_story_in_its_state() {
    let text = "Queensland police in Cairns said a car was stolen in Edmonton.";
    assert_eq!(country_of(text, "Edmonton").as_deref(), Some("AU"));
    assert_eq!(country_of(text, "Cairns").as_deref(), Some("AU"));
    let text = "Police said a car was stolen in Edmonton.";
    assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
    // Two names are too little for a namesake a hundred times smaller than the
    // famous city: a Chicago story does not move Paris to Illinois.
    let text = "Police in Cairns said a car was stolen in Edmonton.";
    assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
    // They are enough for one within thirty times its size.
    let text = "Police in St. Thomas said a car was stolen in London.";
    assert_eq!(country_of(text, "London").as_deref(), Some("CA"));
}

#[test]
fn a_town_settled_by_its_state_sets_the_story_there() {
    let text = "GLASGOW, Ky. (AP) - A man from Edmonton was hurt near London.";
    assert_eq!(country_of(text, "Edmonton").as_deref(), Some("US"));
    assert_eq!(country_of(text, "London").as_deref(), Some("US"));
}

#[test]
fn famous_cities_alone_set_no_story_in_a_state_they_share() {
    // Paris and London both have namesakes in Ontario and in Kentucky.
    let text = "The envoy flew from Paris to London.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
    assert_eq!(country_of(text, "London").as_deref(), Some("GB"));
    let text = "Officials in Ontario said the premier flew to Paris.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
}

#[test]
fn a_country_the_story_names_outweighs_its_state() {
    let text = "GLASGOW, Ky. (AP) - A doctor from Glasgow is in France. \
                She saw the attack in Paris.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
}

#[test]
fn a_big_city_says_no_story_is_local() {
    // Brisbane is too big to set a story in Queensland: only Cairns-sized towns do.
    let text = "Queensland police in Brisbane said a car was stolen in Edmonton.";
    assert_eq!(country_of(text, "Edmonton").as_deref(), Some("CA"));
}

#[test]
fn a_capitals_namesake_needs_the_text_to_place_a_town_in_its_state() {
    // Three names of Kentucky, but none placed there by the text: Paris is French.
    let text = "Kentucky police in Georgetown said the fair in Paris opened.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("FR"));
    let text = "GEORGETOWN, Ky. (AP) - The fair in Paris opened.";
    assert_eq!(country_of(text, "Paris").as_deref(), Some("US"));
}
