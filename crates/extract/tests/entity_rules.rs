//! Entity rules on sentences of our own, one rule a test: what is found, with which
//! label and which extent.

mod common;

use diplomap_extract::{analyze, analyze_with, Gazetteer, Label};

/// The entities of `text` as (surface, label), in text order.
fn entities(text: &str) -> Vec<(String, Label)> {
    entities_with(Gazetteer::shared(), text)
}

/// The same, with another gazetteer.
fn entities_with(gazetteer: &Gazetteer, text: &str) -> Vec<(String, Label)> {
    analyze_with(gazetteer, text)
        .entities
        .into_iter()
        .map(|e| (text[e.span.start..e.span.end].to_string(), e.label))
        .collect()
}

/// Is `surface` found as an entity labelled `label`?
fn has(text: &str, surface: &str, label: Label) -> bool {
    entities(text)
        .iter()
        .any(|(s, l)| s == surface && *l == label)
}

#[track_caller]
fn assert_found(text: &str, expected: &[(&str, Label)]) {
    for &(surface, label) in expected {
        assert!(
            has(text, surface, label),
            "{surface:?} as {label:?} in {text:?}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn a_possessive_place_or_organisation_is_not_part_of_the_name_after_it() {
    assert_found(
        "A spokesman for Norway's Finance Ministry declined to comment.",
        &[("Norway", Label::Gpe), ("Finance Ministry", Label::Org)],
    );
    assert_found(
        "She teaches at Oxford University's Blavatnik School of Government.",
        &[
            ("Oxford University", Label::Org),
            ("Blavatnik School of Government", Label::Org),
        ],
    );
    // A one-word owner may be part of the name.
    assert_found(
        "Shares of Moody's Investors Service fell.",
        &[("Moody's Investors Service", Label::Org)],
    );
    // An owner named "head of ...", after a plural's bare apostrophe, or after a word
    // that opens the sentence.
    assert_found(
        "He studied at the University of Corvane's Hallam School of Music.",
        &[
            ("University of Corvane", Label::Org),
            ("Hallam School of Music", Label::Org),
        ],
    );
    assert_found(
        "An envoy of the Ministry of Foreign Affairs' Liaison Office spoke.",
        &[
            ("Ministry of Foreign Affairs", Label::Org),
            ("Liaison Office", Label::Org),
        ],
    );
    assert_found(
        "When Norway's Fisheries Ministry met, nothing changed.",
        &[("Norway", Label::Gpe), ("Fisheries Ministry", Label::Org)],
    );
    // Not when the words before the possessive are no name of their own.
    assert_found(
        "Deputies of the Marlow County Sheriff's Office arrived.",
        &[("Marlow County Sheriff's Office", Label::Org)],
    );
}

#[test]
fn an_incident_with_a_capitalised_name_is_an_event_not_a_place() {
    let text = "Relations soured after the Nanjing Incident.";
    assert_found(text, &[("Nanjing Incident", Label::Event)]);
    assert!(!has(text, "Nanjing", Label::Gpe));
}

#[test]
fn letters_a_hyphen_and_a_number_are_a_model_not_an_organisation() {
    let text = "The crew flew the XR-220 while the RTV - 9 stayed home.";
    assert!(
        !entities(text).iter().any(|(_, label)| *label == Label::Org),
        "{:?}",
        entities(text)
    );
}

#[test]
fn the_country_of_a_possessive_place_goes_to_the_organisation() {
    let text = "Officials at Kenya's Energy Regulatory Commission agreed.";
    let analysis = analyze(text);
    let commission = analysis
        .entities
        .iter()
        .find(|e| &text[e.span.start..e.span.end] == "Energy Regulatory Commission");
    assert_eq!(
        commission
            .and_then(|e| e.country)
            .map(|c| c.to_string())
            .as_deref(),
        Some("KE")
    );
}

#[test]
fn of_splits_a_person_from_an_organisation_and_a_firm_from_its_town() {
    assert_found(
        "The rules are too loose, says Robert Hale of Brandt Capital Partners.",
        &[
            ("Robert Hale", Label::Person),
            ("Brandt Capital Partners", Label::Org),
        ],
    );
    assert_found(
        "Orders went to Keller Glass Industries of Toledo, a small maker.",
        &[
            ("Keller Glass Industries", Label::Org),
            ("Toledo", Label::Gpe),
        ],
    );
    // "Bank of ..." keeps its place.
    assert_found(
        "The Bank of Canada held rates.",
        &[("Bank of Canada", Label::Org)],
    );
}

#[test]
fn names_joined_by_an_ampersand_are_a_firm() {
    assert_found(
        "The account moved to Harlow & Brisco last month.",
        &[("Harlow & Brisco", Label::Org)],
    );
    assert_found(
        "The notes were sold via Marchetti, Pike & Rowe Inc. and others.",
        &[("Marchetti, Pike & Rowe Inc.", Label::Org)],
    );
    // A known firm can be one of the partners.
    assert_found(
        "The bonds were sold by Goldman, Harlow & Co. last week.",
        &[("Goldman, Harlow & Co.", Label::Org)],
    );
    // After a function word opening the sentence, and with a partner named like a title.
    assert_found(
        "At Quinlan, Ashby & Pell Inc., traders sold.",
        &[("Quinlan, Ashby & Pell Inc.", Label::Org)],
    );
    assert_found(
        "He is a partner at Lord, Quill & Co. in Boston.",
        &[("Lord, Quill & Co.", Label::Org)],
    );
    // Research and development is no firm.
    assert!(entities("Spending on R&D rose.")
        .iter()
        .all(|(s, _)| s != "R&D"));
}

#[test]
fn dotted_legal_forms_end_company_names_and_leave_the_short_name() {
    assert_found(
        "The group agreed to buy Vellmar G.m.b.H., a maker of pumps. Vellmar employs 300 people.",
        &[("Vellmar G.m.b.H.", Label::Org), ("Vellmar", Label::Org)],
    );
    assert_found(
        "It sold its stake to Tessera S.A. The price was not disclosed.",
        &[("Tessera S.A", Label::Org)],
    );
}

#[test]
fn a_state_body_after_another_capitalised_word_is_part_of_that_name() {
    assert_found(
        "The novel was published by Random House in 1990.",
        &[("Random House", Label::Org)],
    );
    assert_found(
        "Both the House and Senate passed the bill.",
        &[("House", Label::Org), ("Senate", Label::Org)],
    );
    assert_found(
        "A House-Senate conference met.",
        &[("House", Label::Org), ("Senate", Label::Org)],
    );
}

#[test]
fn sentence_openers_are_not_part_of_names() {
    assert_found(
        "Neither Harbor Securities nor its owner could be reached.",
        &[("Harbor Securities", Label::Org)],
    );
}

#[test]
fn a_town_in_no_list_is_known_by_its_state() {
    let text =
        "The company, based in Hollisfield, Mass., closed its plant in Korriston, Ohio, last year.";
    assert_found(
        text,
        &[("Hollisfield", Label::Gpe), ("Korriston", Label::Gpe)],
    );
    let analysis = analyze(text);
    let country = analysis
        .entities
        .iter()
        .find(|e| &text[e.span.start..e.span.end] == "Korriston")
        .and_then(|e| e.country);
    assert_eq!(country.map(|c| c.to_string()).as_deref(), Some("US"));
    // A name before an apposition or a description, and an adverb, are no towns.
    for text in [
        "The bill was backed by Rep. Dale Brook, Texas Democrat.",
        "Currently, Ohio officials disagree.",
        "He met Wen Lian, China's envoy to the talks.",
    ] {
        assert!(
            entities(text)
                .iter()
                .all(|(s, l)| *l != Label::Gpe || ["Texas", "Ohio", "China"].contains(&s.as_str())),
            "{text}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn trade_words_end_company_names_but_do_not_split_committees() {
    assert_found(
        "Orders at Harwell Controls rose, and Tessin Equipment cut jobs.",
        &[
            ("Harwell Controls", Label::Org),
            ("Tessin Equipment", Label::Org),
        ],
    );
    assert_found(
        "He chairs the Senate Energy and Natural Resources Committee.",
        &[("Senate Energy and Natural Resources Committee", Label::Org)],
    );
    // A foundation named after a person is no person.
    assert_found(
        "A grant from the Laura Ann Whitcombe Foundation paid for it.",
        &[("Laura Ann Whitcombe Foundation", Label::Org)],
    );
    assert!(entities("FARM PRODUCTS: Cattle futures rose.")
        .iter()
        .all(|(s, _)| s != "FARM PRODUCTS"));
}

#[test]
fn departments_in_titles_and_the_people_after_them() {
    assert_found(
        "Labor Secretary Anne Halloway said jobs grew.",
        &[("Labor", Label::Org), ("Anne Halloway", Label::Person)],
    );
    assert_found(
        "Secretary of State Marcus Tell flew to Oslo.",
        &[("State", Label::Org), ("Marcus Tell", Label::Person)],
    );
    // A foreign minister's "Foreign" is no organisation, nor a junior minister's "State".
    assert!(!has(
        "Foreign Minister Ilse Brandt arrived.",
        "Foreign",
        Label::Org
    ));
    assert!(!has(
        "Minister of State Ilse Brandt arrived.",
        "State",
        Label::Org
    ));
}

#[test]
fn capitalised_words_the_text_also_writes_in_lower_case_are_no_acronyms() {
    let text = "COTTON: Futures prices eased as cotton stocks grew. The WTO said little.";
    assert!(!has(text, "COTTON", Label::Org), "{:?}", entities(text));
    assert_found(text, &[("WTO", Label::Org)]);
}

#[test]
fn roles_and_honorifics_introduce_people() {
    assert_found(
        "Sir Edmund bought the stake, reporter Dana Whitlow wrote.",
        &[("Edmund", Label::Person), ("Dana Whitlow", Label::Person)],
    );
    assert_found(
        "He met his Turkish counterpart Orhan Sezer.",
        &[("Orhan Sezer", Label::Person)],
    );
}

#[test]
fn party_letters_of_legislators_and_natural_names_of_towns() {
    assert_found(
        "Rep. Tom Harlan (D., Mich.) and Sen. Ruth Oakes (R-Kan.) objected.",
        &[
            ("D.", Label::Norp),
            ("R", Label::Norp),
            ("Mich.", Label::Gpe),
        ],
    );
    assert_found(
        "The firm, of Mercer Island, Wash., agreed.",
        &[("Mercer Island", Label::Gpe)],
    );
    assert_found(
        "Barges crossed Mercer Lake in the storm.",
        &[("Mercer Lake", Label::Loc)],
    );
}

#[test]
fn first_and_a_city_unions_of_workers_and_names_in_capitals() {
    assert_found(
        "Lending at First Denver slowed, the Electrical Workers of America said.",
        &[
            ("First Denver", Label::Org),
            ("Electrical Workers of America", Label::Org),
        ],
    );
    // After a lower-case word, a place's name in capitals is an acronym; in a dateline
    // it is still the place.
    assert!(!has("Members of the ABA voted.", "ABA", Label::Gpe));
    assert_found("LONDON (Reuters) - Shares fell.", &[("LONDON", Label::Gpe)]);
}

#[test]
fn names_after_honorifics_and_in_pinyin_outrank_places_and_surnames() {
    // Dover is a town; after "Mr." it is a surname, with its particle.
    assert_found(
        "Mr. van Dover said the tests went well.",
        &[("van Dover", Label::Person)],
    );
    assert_found("Mr. Dover said so.", &[("Dover", Label::Person)]);
    // Initials in a row belong to the name.
    assert_found(
        "\"It works,\" says A.D. Kellerman, the firm's chief.",
        &[("A.D. Kellerman", Label::Person)],
    );
}

#[test]
fn stock_indexes_are_no_entities_but_the_dow_is_an_organisation() {
    let text = "The Dow Jones Industrial Average fell, S&P 500 futures slid and the Nikkei index rose; the Dow later recovered.";
    let found = entities(text);
    for surface in ["Dow Jones", "S&P", "Nikkei"] {
        assert!(
            found.iter().all(|(s, _)| s != surface),
            "{surface}: {found:?}"
        );
    }
    assert_found(text, &[("Dow", Label::Org)]);
    // A road number after a state is no index.
    assert_found(
        "Police were called to the store on Kentucky 192 late on Friday.",
        &[("Kentucky", Label::Gpe)],
    );
}

#[test]
fn prices_in_pence_are_money() {
    assert_found(
        "Shares in the brewer fell 12 pence to 310 pence in London.",
        &[("12 pence", Label::Money), ("310 pence", Label::Money)],
    );
}

#[test]
fn a_currency_named_with_its_country_is_money_not_a_nationality() {
    let text = "The bank lent 12 million Irish punts and 3 billion Taiwan dollars.";
    assert_found(
        text,
        &[
            ("12 million Irish punts", Label::Money),
            ("3 billion Taiwan dollars", Label::Money),
        ],
    );
    assert!(!has(text, "Irish", Label::Norp), "{:?}", entities(text));
}

#[test]
fn a_day_named_for_an_event_is_no_date() {
    let text = "Traders still talk about Black Monday and what followed on Tuesday.";
    assert_found(text, &[("Tuesday", Label::Date)]);
    assert!(!has(text, "Monday", Label::Date), "{:?}", entities(text));
}

#[test]
fn oil_and_gas_fields_are_named_places_without_the_word_field() {
    assert_found(
        "Output from the Korvane gas field rose, and the Teal and Ostrander fields will start next year.",
        &[("Korvane", Label::Loc), ("Teal", Label::Loc), ("Ostrander", Label::Loc)],
    );
    assert_found(
        "Drilling began at the North Marrow field in May.",
        &[("North Marrow", Label::Loc)],
    );
    // A place already known keeps its label; a pronoun or an opener is no name.
    assert_found("Texas oil fields pumped less.", &[("Texas", Label::Gpe)]);
    for text in [
        "This oil field is old.",
        "The field closed.",
        "He leads the IT field.",
    ] {
        assert!(
            entities(text).iter().all(|(_, l)| *l != Label::Loc),
            "{text}: {:?}",
            entities(text)
        );
    }
}

#[test]
fn a_bracket_before_a_legal_suffix_is_part_of_the_company_name() {
    assert_found(
        "The loan was arranged by Harrow Finance (Singapore) Ltd. and Kessel Tools (U.S.A.) Inc. last week.",
        &[("Harrow Finance (Singapore) Ltd.", Label::Org), ("Kessel Tools (U.S.A.) Inc.", Label::Org)],
    );
    // A bracket with no legal suffix after it stays apart.
    assert_found(
        "Brant Mining (Canada) said output fell.",
        &[("Canada", Label::Gpe)],
    );
}

#[test]
fn leagues_and_corps_are_organisations() {
    assert_found(
        "The Northern Hockey League fined the club, and a Coastal Relief Corps spokesman agreed.",
        &[
            ("Northern Hockey League", Label::Org),
            ("Coastal Relief Corps", Label::Org),
        ],
    );
}

#[test]
fn a_second_legal_suffix_continues_the_company_name() {
    assert_found(
        "The ship was built by Hanmo Marine Co., Ltd. and insured by Ota Kasai Co. Ltd. last year.",
        &[
            ("Hanmo Marine Co., Ltd.", Label::Org),
            ("Ota Kasai Co. Ltd.", Label::Org),
        ],
    );
    // A title after the suffix is no second suffix.
    let text = "Talks with Vantor Corp. Co-Chairman Lee Park stalled.";
    assert!(
        entities(text)
            .iter()
            .all(|(s, _)| !s.contains("Co-Chairman")),
        "{:?}",
        entities(text)
    );
    assert_found(text, &[("Lee Park", Label::Person)]);
}

#[test]
fn papers_coalitions_and_institutions_end_organisation_names() {
    assert_found(
        "The Bayfield Courier and the Lakeside Register both cited the Marlow Institution.",
        &[
            ("Bayfield Courier", Label::Org),
            ("Lakeside Register", Label::Org),
            ("Marlow Institution", Label::Org),
        ],
    );
    assert_found(
        "The Clean Harbors Coalition sued.",
        &[("Clean Harbors Coalition", Label::Org)],
    );
}

#[test]
fn a_signature_s_town_before_a_state_is_no_part_of_the_name() {
    let text = "The rule should go.\nMargaret L. Tobin Cambridge, Mass.\nYour editorial was wrong.\nPeter Halloran Princeton, N.J.";
    assert_found(
        text,
        &[
            ("Margaret L. Tobin", Label::Person),
            ("Cambridge", Label::Gpe),
            ("Peter Halloran", Label::Person),
            ("Princeton", Label::Gpe),
        ],
    );
}

#[test]
fn a_quotation_after_a_legal_suffix_ends_the_sentence_and_leaves_the_stop_out() {
    assert_found(
        "The forecast came from an analyst at Orrin Hall Securities Corp. \"Demand is weak,\" she said.",
        &[("Orrin Hall Securities Corp", Label::Org)],
    );
    // Inside a sentence the stop still belongs to the suffix.
    assert_found(
        "Orrin Hall Securities Corp. \"strongly\" objected.",
        &[("Orrin Hall Securities Corp.", Label::Org)],
    );
}

#[test]
fn a_name_that_owns_shares_a_board_or_a_unit_is_a_company() {
    assert_found(
        "Analysts said Quorvex's shares were cheap, and Tallamy Brands's chairman agreed.",
        &[("Quorvex", Label::Org), ("Tallamy Brands", Label::Org)],
    );
    // One of its people: "the firm's Mr. Y".
    assert_found(
        "\"Prices will fall,\" says Dalby's Mr. Lee.",
        &[("Dalby", Label::Org), ("Lee", Label::Person)],
    );
    // A known person keeps the name.
    assert!(!has(
        "Hillary Clinton's stake was small.",
        "Hillary Clinton",
        Label::Org
    ));
}

#[test]
fn a_name_that_speaks_after_the_is_a_body() {
    assert_found(
        "Prices fell, the Quillmart said, and the Harlow Quill announced more cuts.",
        &[("Quillmart", Label::Org), ("Harlow Quill", Label::Org)],
    );
    // A title is no name.
    assert!(entities("Later the President said no.")
        .iter()
        .all(|(s, _)| s != "President"));
}

#[test]
fn a_role_at_a_company_names_it() {
    assert_found(
        "Dana Ruiz, senior vice president of Harlan Mills, and an analyst at Corvane Lyle agreed.",
        &[("Harlan Mills", Label::Org), ("Corvane Lyle", Label::Org)],
    );
    assert_found(
        "A spokesman for Tessaly Foods declined to comment.",
        &[("Tessaly Foods", Label::Org)],
    );
    // A name that goes on past a slash or an initial is left alone, and a title opens a person.
    assert!(!has(
        "Ed Fry, economist at Bram / Osterley Group, spoke.",
        "Bram",
        Label::Org
    ));
    assert!(!has(
        "Ed Fry, manager at J. Osterley Group, spoke.",
        "J",
        Label::Org
    ));
    assert!(!has(
        "A spokesman for Rep. Dana Ruiz declined.",
        "Rep",
        Label::Org
    ));
}

#[test]
fn a_company_named_in_full_is_the_same_company_by_its_short_name() {
    // The name before the legal form outranks a town of that name.
    assert_found(
        "Leverkusen Co. makes glass jars. Leverkusen said its profit rose.",
        &[("Leverkusen Co.", Label::Org), ("Leverkusen", Label::Org)],
    );
    // The name before a company head, found by no other rule.
    assert_found(
        "Varnholt Securities was fined. Varnholt agreed to pay.",
        &[("Varnholt", Label::Org)],
    );
    // A name of more words outranks the places inside it.
    assert_found(
        "Shares of Norway-Pacific Corp. rose. Norway-Pacific said sales grew.",
        &[("Norway-Pacific", Label::Org)],
    );
    // A first word alone does not take a town, nor does an honorific's name become one.
    assert_found(
        "The Eindhoven Glass Corp. opened a plant near Eindhoven.",
        &[("Eindhoven", Label::Gpe)],
    );
    assert!(!has(
        "Varnholt Securities was fined, Mr. Varnholt said.",
        "Varnholt",
        Label::Org
    ));
}

#[test]
fn of_the_after_a_head_word_goes_on_to_the_name() {
    assert_found(
        "Delegates of the Standing Committee of the Eastland Workers Party met.",
        &[(
            "Standing Committee of the Eastland Workers Party",
            Label::Org,
        )],
    );
    // Not after a title.
    assert_found(
        "The Chairman of the Kessel Group resigned.",
        &[("Kessel Group", Label::Org)],
    );
    // A state's government is named by the state.
    assert_found(
        "Talks with the Government of the Republic of Korea went on.",
        &[("Republic of Korea", Label::Gpe)],
    );
}

#[test]
fn names_joined_by_a_slash_are_one_firm_but_a_place_stays_apart() {
    assert_found(
        "Profits at Varco / Denholm rose, and Harlan/Quist Inc. agreed.",
        &[
            ("Varco / Denholm", Label::Org),
            ("Harlan/Quist Inc.", Label::Org),
        ],
    );
    assert_found(
        "The Varco / Berlin office closed.",
        &[("Berlin", Label::Gpe)],
    );
}

#[test]
fn a_saint_names_no_person() {
    assert!(!has(
        "The bells of St. Aldric rang at noon.",
        "Aldric",
        Label::Person
    ));
}

#[test]
fn a_chinese_name_run_into_an_organisation_is_a_person_apart() {
    assert_found(
        "Oslo, May 3rd, by reporter Xiaoming Zhou Norwegian Ministry of Trade announced quotas.",
        &[
            ("Xiaoming Zhou", Label::Person),
            ("Norwegian Ministry of Trade", Label::Org),
        ],
    );
    assert_found(
        "The chairman of the Harbour Development Council Guoqiang Wang attended.",
        &[
            ("Harbour Development Council", Label::Org),
            ("Guoqiang Wang", Label::Person),
        ],
    );
    // Nor does the next sentence's first word join a reporter's name.
    assert_found(
        "Oslo, May 2nd, by reporter Xiaoming Zhou According to new figures, trade grew.",
        &[("Xiaoming Zhou", Label::Person)],
    );
    // A known place that reads as a name stays in the organisation's name.
    assert_found(
        "Scientists at the Hong Kong Optics Institute agreed.",
        &[("Hong Kong Optics Institute", Label::Org)],
    );
}

#[test]
fn the_european_community_is_an_organisation() {
    assert_found(
        "Farm ministers of the European Community met in Brussels.",
        &[("European Community", Label::Org)],
    );
}

#[test]
fn a_word_in_capitals_opening_a_sentence_before_a_colon_is_a_section_label() {
    let text = "Gold fell. TIMBER: Log prices rose. Aid came from UNICEF: it was late.";
    assert!(!has(text, "TIMBER", Label::Org));
    assert!(has(text, "UNICEF", Label::Org));
}

#[test]
fn a_stake_in_a_bid_for_or_shares_of_a_name_make_it_a_company() {
    assert_found(
        "Funds bought a stake in Tillotson Meyer, and a bid for Quarrow followed.",
        &[("Tillotson Meyer", Label::Org), ("Quarrow", Label::Org)],
    );
}

#[test]
fn a_name_its_context_showed_a_company_is_the_company_again() {
    assert_found(
        "Funds bought a stake in Quarrow. Quarrow agreed to talks, and Quarrow rose.",
        &[("Quarrow", Label::Org)],
    );
    let text = "Funds bought a stake in Quarrow. Quarrow agreed to talks, and Quarrow rose.";
    let companies = entities(text)
        .iter()
        .filter(|(s, l)| s == "Quarrow" && *l == Label::Org)
        .count();
    assert_eq!(companies, 3, "{:?}", entities(text));
    // A common word the text also writes in lower case is left alone.
    let text = "Analysts said Harvest's shares fell. Harvest came early, and the harvest was poor.";
    let harvests = entities(text)
        .iter()
        .filter(|(s, _)| s == "Harvest")
        .count();
    assert_eq!(harvests, 1, "{:?}", entities(text));
}

#[test]
fn a_paper_named_by_its_last_word_after_the_is_an_organisation() {
    assert_found(
        "Founded as the Clarion in 1903, the Tribune was sold, and the Examiner closed.",
        &[("Tribune", Label::Org), ("Examiner", Label::Org)],
    );
    // Not when the name goes on (without "the": the rule's own test, in bodies.rs).
    assert!(!has("He went to the Post Office.", "Post", Label::Org));
}

#[test]
fn a_name_with_an_initial_inside_is_a_person_whatever_the_given_name() {
    assert_found(
        "The fund is run by Thorvald K. Mjelde and R.J. Osterhuis, with advice from P. Vanderkam.",
        &[
            ("Thorvald K. Mjelde", Label::Person),
            ("R.J. Osterhuis", Label::Person),
            ("P. Vanderkam", Label::Person),
        ],
    );
    // A firm named after its founder stays the firm in the rest of the text.
    let text = "H.J. Brandvold & Co. rose. Later H.J. Brandvold fell again.";
    assert!(
        !has(text, "H.J. Brandvold", Label::Person),
        "{:?}",
        entities(text)
    );
    // Initials that spell a country or a firm are no person.
    let text = "U.S. Steel and B.A.T Industries fell.";
    assert!(
        entities(text)
            .iter()
            .all(|(_, label)| *label != Label::Person),
        "{:?}",
        entities(text)
    );
}

#[test]
fn a_dateline_name_stops_before_the_sentence_it_runs_into() {
    assert_found(
        "Harbin, May 2nd, by reporter Xiaoming Zhao According to the bureau, exports rose.",
        &[("Xiaoming Zhao", Label::Person)],
    );
}

#[test]
fn a_title_makes_a_person_of_a_town_name_and_the_surname_returns_alone() {
    let text = "Mexico's President Salinas spoke on Monday. Later Salinas pledged reforms.";
    let people: Vec<(String, Label)> = entities(text)
        .into_iter()
        .filter(|(s, _)| s == "Salinas")
        .collect();
    assert_eq!(
        people,
        [
            ("Salinas".to_string(), Label::Person),
            ("Salinas".to_string(), Label::Person)
        ]
    );
    let text = "Mr. Ferrante opened the campaign. Voters said Ferrante was ahead.";
    let people: Vec<(String, Label)> = entities(text)
        .into_iter()
        .filter(|(s, _)| s == "Ferrante")
        .collect();
    assert_eq!(people.len(), 2, "{:?}", entities(text));
    assert!(people.iter().all(|(_, label)| *label == Label::Person));
}

#[test]
fn a_pinyin_given_name_of_two_long_syllables_is_a_name() {
    assert_found(
        "The board named Shuangqiang Li, Zhengxiong Wu and Cui Jian as its members.",
        &[
            ("Shuangqiang Li", Label::Person),
            ("Zhengxiong Wu", Label::Person),
            ("Cui Jian", Label::Person),
        ],
    );
}

#[test]
fn a_town_before_a_state_s_abbreviation_may_start_with_a_given_name() {
    assert_found(
        "Halvorsen Tool Inc., Shelby Falls, Mont., said sales rose.",
        &[("Shelby Falls", Label::Gpe)],
    );
    assert_found(
        "The studio, based in Beverly Glen, Calif., was sold.",
        &[("Beverly Glen", Label::Gpe)],
    );
    // Before a country's abbreviation, the name is still a person's.
    assert_found(
        "\"Rates will fall,\" says Walter Grimsby, U.S. deputy trade representative.",
        &[("Walter Grimsby", Label::Person)],
    );
}

#[test]
fn a_speaker_or_an_apposition_makes_a_person_of_a_name_with_a_town_in_it() {
    assert_found(
        "\"Demand is soft,\" says Austin Pelham, an analyst at the bank.",
        &[("Austin Pelham", Label::Person)],
    );
    assert_found(
        "Hiroshi Nagasaki, head of the trading desk, was cautious.",
        &[("Hiroshi Nagasaki", Label::Person)],
    );
    // Without such a context the town stays a town.
    assert_found(
        "Flights to Austin resumed on Monday.",
        &[("Austin", Label::Gpe)],
    );
}

#[test]
fn a_prefix_joined_by_a_hyphen_is_part_of_the_name() {
    assert_found(
        "The pro-Brazilian faction met anti-Kenya protesters and non-Canadian buyers.",
        &[
            ("pro-Brazilian", Label::Norp),
            ("anti-Kenya", Label::Gpe),
            ("non-Canadian", Label::Norp),
        ],
    );
    // A prefix set apart is no part of it.
    assert_found(
        "Voters are pro - Brazilian, polls say.",
        &[("Brazilian", Label::Norp)],
    );
}

#[test]
fn a_ship_s_prefix_is_no_organisation() {
    for text in [
        "Sailors from the USS Harwell came home on Friday.",
        "HMS Tenacity docked at dawn.",
    ] {
        assert!(
            !entities(text).iter().any(|(_, label)| *label == Label::Org),
            "{:?}",
            entities(text)
        );
    }
}

#[test]
fn an_abbreviated_mount_opens_a_natural_place() {
    assert_found(
        "Hikers reached Mt. Corvane before noon.",
        &[("Mt. Corvane", Label::Loc)],
    );
    // A place word's full stop that ends a sentence joins nothing.
    assert!(!has(
        "Barges sailed down the Mississippi River. The Harbour Board met.",
        "Mississippi River. The Harbour Board",
        Label::Org
    ));
}

// Names no rule decides, left to the learned pass (src/entities/names.rs) and to
// coreference: one test an error class of issue 16.

#[test]
fn a_given_name_alone_in_a_transcript_is_a_person() {
    assert_found(
        "That is all from the newsroom. Thank you, Harold, and good night.",
        &[("Harold", Label::Person)],
    );
    assert_found("Back to you, Dwayne.", &[("Dwayne", Label::Person)]);
}

/// The second tier names small towns after many given names ("Harold", "Marion"); the
/// learned pass reads such a reading as weak evidence, not as a place.
#[test]
fn a_given_name_alone_is_a_person_with_both_tiers_of_places_too() {
    let text = "That is all from the newsroom. Thank you, Harold, and good night.";
    let found = entities_with(common::both_tiers(), text);
    assert!(
        found.contains(&("Harold".to_string(), Label::Person)),
        "{found:?}"
    );
}

#[test]
fn an_apostrophe_surname_comes_back_whole() {
    for (text, surname) in [
        (
            "Magistrate Niall O'Donoghue heard the case. O'Donoghue said the evidence was thin.",
            "O'Donoghue",
        ),
        (
            "The coach, Declan O'Riordan, said the team had trained hard. O'Riordan added that the season was long.",
            "O'Riordan",
        ),
    ] {
        assert_found(text, &[(surname, Label::Person)]);
        let surname_alone = surname.split('\'').nth(1).unwrap();
        assert!(!has(text, surname_alone, Label::Person), "{:?}", entities(text));
    }
}

#[test]
fn a_surname_after_justice_is_a_person_without_the_title() {
    assert_found(
        "Justice Whitcombe asked the lawyers why the state had waited so long.",
        &[("Whitcombe", Label::Person)],
    );
    assert_found(
        "Chief Justice Abernathy scolded the lawyers for the delay.",
        &[("Abernathy", Label::Person)],
    );
    // The department keeps its name.
    assert_found(
        "The Justice Department opened an inquiry.",
        &[("Justice Department", Label::Org)],
    );
}

#[test]
fn an_organisation_with_no_cue_word_is_an_organisation() {
    assert_found(
        "Fighters loyal to the Taliban attacked a checkpoint, a Taliban spokesman said.",
        &[("Taliban", Label::Org)],
    );
}

#[test]
fn a_given_name_alone_after_the_full_name_is_that_person() {
    let text = "Rosalind Fenwick, a lawyer from Leeds, was arrested on Monday. Rosalind told reporters she would fight the charges.";
    let analysis = analyze(text);
    let rosalind = analysis
        .entities
        .iter()
        .find(|e| &text[e.span.start..e.span.end] == "Rosalind");
    assert_eq!(
        rosalind.map(|e| (e.label, e.canonical.as_deref())),
        Some((Label::Person, Some("Rosalind Fenwick")))
    );
}

#[test]
fn a_reporter_named_with_reports_is_a_person_and_the_whole_name_comes_back() {
    let text =
        "From the capital, the agency's Zorvin Kadesh reports. For the agency, I am Zorvin Kadesh.";
    let found = entities(text);
    let whole = found
        .iter()
        .filter(|(s, l)| s == "Zorvin Kadesh" && *l == Label::Person);
    assert_eq!(whole.count(), 2, "{found:?}");
}

#[test]
fn a_team_named_by_its_nickname_is_an_organisation() {
    assert_found(
        "The Cubs beat the Chicago White Sox and the A's.",
        &[
            ("Cubs", Label::Org),
            ("Chicago", Label::Gpe),
            ("White Sox", Label::Org),
            ("A's", Label::Org),
        ],
    );
}

#[test]
fn a_given_name_no_list_holds_joins_the_surname_after_it() {
    assert_found(
        "The governor here, Jeb Bush, was expected to win.",
        &[("Jeb Bush", Label::Person)],
    );
    // A title or the sentence's first word stays out.
    assert_found(
        "Yesterday President Bush spoke. Bush left.",
        &[("Bush", Label::Person)],
    );
    assert!(!has(
        "Yesterday President Bush spoke.",
        "President Bush",
        Label::Person
    ));
}

#[test]
fn a_compass_word_before_a_place_is_part_of_its_name() {
    assert_found(
        "The delegation flew to West Samoa, and East Belfast voted.",
        &[("West Samoa", Label::Gpe), ("East Belfast", Label::Gpe)],
    );
}
