//! Relations on short articles of our own, one per type and per trap of
//! docs/relations.md and the annotation guide's settled calls: expected pairs with their
//! types, and pairs that must not appear. The decision is the shipped model's
//! (data/relation_weights.tsv), so these check it as a reader would.

use diplomap_extract::{analyze, Relation, RelationType};

fn relations(text: &str) -> Vec<Relation> {
    analyze(text).relations
}

fn pair<'a>(relations: &'a [Relation], a: &str, b: &str) -> Option<&'a Relation> {
    let (a, b) = if a < b { (a, b) } else { (b, a) };
    relations
        .iter()
        .find(|r| r.a.as_str() == a && r.b.as_str() == b)
}

fn assert_pair(text: &str, a: &str, b: &str, types: &[RelationType]) {
    let found = relations(text);
    let relation = pair(&found, a, b).unwrap_or_else(|| panic!("no {a}-{b} pair in {found:#?}"));
    for kind in types {
        assert!(
            relation.types.contains(kind),
            "{a}-{b} lacks {kind:?}: {relation:#?}"
        );
    }
}

fn assert_no_pair(text: &str, a: &str, b: &str) {
    let found = relations(text);
    assert!(
        pair(&found, a, b).is_none(),
        "unexpected {a}-{b} pair: {found:#?}"
    );
}

/// The direction of the pair's relation, as codes (`None` without an arrow); fails
/// when there is no such pair.
fn direction_of(text: &str, a: &str, b: &str) -> Option<(String, String)> {
    let found = relations(text);
    let relation = pair(&found, a, b).unwrap_or_else(|| panic!("no {a}-{b} pair in {found:#?}"));
    relation
        .direction
        .map(|(source, target)| (source.to_string(), target.to_string()))
}

fn arrow(source: &str, target: &str) -> Option<(String, String)> {
    Some((source.to_string(), target.to_string()))
}

use RelationType::*;

#[test]
fn a_visit_is_diplomacy_with_the_visitor_as_source() {
    let text = "The French president visited Senegal on Monday for talks on migration.";
    assert_pair(text, "FR", "SN", &[Diplomacy]);
    assert_eq!(direction_of(text, "FR", "SN"), arrow("FR", "SN"));
}

#[test]
fn a_tour_relates_the_visitor_to_each_host_but_not_the_hosts_to_each_other() {
    let text = "Japanese Prime Minister Fumio Kishida visited Vietnam, Indonesia and the Philippines last week.";
    for host in ["VN", "ID", "PH"] {
        assert_pair(text, "JP", host, &[Diplomacy]);
    }
    assert_no_pair(text, "VN", "ID");
    assert_no_pair(text, "ID", "PH");
}

#[test]
fn signed_deals_are_agreements_with_their_amounts() {
    let text = "Ankara and Baku signed agreements worth $2,5 billion on a new gas pipeline.";
    assert_pair(text, "AZ", "TR", &[Agreement, Economy]);
    let found = relations(text);
    let amounts = &pair(&found, "AZ", "TR").unwrap().amounts;
    assert_eq!(amounts.len(), 1);
    assert_eq!(amounts[0].money.value, 2.5e9);
}

#[test]
fn a_grant_is_economy_from_the_giver() {
    let text = "Berlin has granted $40 million to Kyiv to repair power stations.";
    assert_pair(text, "DE", "UA", &[Economy]);
    assert_eq!(direction_of(text, "DE", "UA"), arrow("DE", "UA"));
}

#[test]
fn a_base_abroad_is_security() {
    assert_pair(
        "India operates a military base in Tajikistan near the border.",
        "IN",
        "TJ",
        &[Security],
    );
}

#[test]
fn sanctions_are_tension_and_strikes_are_conflict() {
    assert_pair(
        "Washington imposed new sanctions on Caracas over the election.",
        "US",
        "VE",
        &[Tension],
    );
    assert_pair(
        "Israeli jets struck targets in Lebanon overnight.",
        "IL",
        "LB",
        &[Conflict],
    );
}

#[test]
fn each_pair_takes_the_cues_around_it_in_a_long_clause() {
    let text = "Chinese and Indian troops clashed on the disputed border in the Himalayas \
                for the third time this year, officials in both capitals said, while Russia \
                and Kazakhstan signed a gas supply deal worth $2 billion.";
    let found = relations(text);
    let types = |a, b| {
        pair(&found, a, b)
            .map(|r| r.types.clone())
            .unwrap_or_default()
    };
    assert!(types("CN", "IN").contains(&Conflict), "{found:#?}");
    assert!(!types("CN", "IN").contains(&Agreement), "{found:#?}");
    assert!(types("KZ", "RU").contains(&Agreement), "{found:#?}");
    assert!(!types("KZ", "RU").contains(&Conflict), "{found:#?}");
}

#[test]
fn a_bloc_membership_shared_is_integration() {
    assert_pair(
        "Armenia joined the Eurasian Economic Union, a bloc dominated by Russia.",
        "AM",
        "RU",
        &[Integration],
    );
}

#[test]
fn co_mention_without_an_interaction_is_no_relation() {
    assert_no_pair(
        "Brazil has a large coffee harvest. Vietnam exports rice.",
        "BR",
        "VN",
    );
    assert_no_pair(
        "Germany and Japan are among the world's largest economies by output.",
        "DE",
        "JP",
    );
}

#[test]
fn the_same_country_named_twice_is_no_pair() {
    let found = relations("Moscow said Russia would visit nobody.");
    assert!(found.iter().all(|r| r.a != r.b));
}

#[test]
fn both_countries_refers_to_the_last_two_named() {
    let text = "The Egyptian president received his Sudanese counterpart in Cairo. \
                Both countries agreed to share water data from the river.";
    let found = relations(text);
    let relation = pair(&found, "EG", "SD").expect("an EG-SD pair");
    assert!(relation.types.contains(&Agreement), "{relation:#?}");
    assert_eq!(relation.evidence.len(), 2, "both sentences are evidence");
}

#[test]
fn the_republic_stands_for_the_country_named_before() {
    let text = "Armenia has long relied on Russian gas. \
                Now the republic is buying more electricity from Iran.";
    assert_pair(text, "AM", "IR", &[Economy]);
}

#[test]
fn a_bloc_led_by_a_country_relates_its_members_to_the_leader() {
    let text = "Minsk remains the most loyal member of the Moscow-led Collective Security Treaty Organization. \
                Armenia has frozen its membership of the Collective Security Treaty Organization.";
    assert_pair(text, "AM", "RU", &[Integration]);
    assert_pair(text, "BY", "RU", &[Integration]);
}

#[test]
fn a_negated_statement_alone_makes_no_pair() {
    assert_no_pair(
        "There is no sign that Hungary will supply weapons to Ukraine.",
        "HU",
        "UA",
    );
}

#[test]
fn a_capital_where_others_meet_is_a_venue_not_a_party() {
    let text = "The foreign ministers of Armenia and Azerbaijan held talks in Moscow on Friday.";
    assert_pair(text, "AM", "AZ", &[Diplomacy]);
    assert_no_pair(text, "AM", "RU");
    assert_no_pair(text, "AZ", "RU");
}

#[test]
fn a_landmark_is_where_it_happens_not_a_party() {
    let text = "Chinese tourists crowded the Eiffel Tower while the leaders of Egypt and Jordan \
                met near Tahrir Square.";
    assert_pair(text, "EG", "JO", &[Diplomacy]);
    assert_no_pair(text, "CN", "FR");
    assert_no_pair(text, "EG", "FR");
    assert_no_pair(text, "FR", "JO");
}

#[test]
fn each_pair_takes_the_figures_named_near_it() {
    let text = "Moscow granted $30 million to Bishkek, $10 million to Dushanbe, $4 million to Yerevan and $2 million to Minsk last year.";
    let found = analyze(text).relations;
    let figures = |a: &str, b: &str| -> Vec<f64> {
        pair(&found, a, b)
            .map(|relation| {
                relation
                    .amounts
                    .iter()
                    .map(|amount| amount.money.value)
                    .collect()
            })
            .unwrap_or_default()
    };
    assert!(
        figures("KG", "RU").contains(&30e6),
        "{:?}",
        figures("KG", "RU")
    );
    assert!(
        figures("BY", "RU").contains(&2e6),
        "{:?}",
        figures("BY", "RU")
    );
    assert!(!figures("BY", "RU").contains(&30e6));
    assert!(found.iter().all(|relation| relation.amounts.len() <= 2));
}

#[test]
fn words_that_only_begin_like_a_cue_type_nothing() {
    let text =
        "Relations between Turkey and Greece stayed warm, said important bankers based in Athens.";
    let found = analyze(text).relations;
    let types: Vec<&str> = pair(&found, "GR", "TR").map_or(vec![], |relation| {
        relation.types.iter().map(|kind| kind.as_str()).collect()
    });
    assert_eq!(
        types,
        ["diplomacy"],
        "warm is no war, bankers no ban, based no base, important no import"
    );
}

#[test]
fn a_threat_from_one_country_to_another_is_security_not_tension() {
    let text = "Uzbekistan sees a growing threat from Afghanistan along its southern border.";
    assert_pair(text, "UZ", "AF", &[Security]);
    let found = relations(text);
    let relation = pair(&found, "UZ", "AF").unwrap();
    assert!(!relation.types.contains(&Tension), "{relation:#?}");
}

#[test]
fn each_type_has_a_sentence_of_its_own() {
    let cases = [
        (
            "The French president visited Senegal on Monday for talks on migration.",
            "FR",
            "SN",
            Diplomacy,
        ),
        (
            "Hanoi and Seoul signed a free trade agreement on Tuesday.",
            "KR",
            "VN",
            Agreement,
        ),
        (
            "Berlin has granted $40 million to Kyiv to repair power stations.",
            "DE",
            "UA",
            Economy,
        ),
        (
            "India operates a military base in Tajikistan near the border.",
            "IN",
            "TJ",
            Security,
        ),
        (
            "Armenia joined the Eurasian Economic Union, a bloc dominated by Russia.",
            "AM",
            "RU",
            Integration,
        ),
        (
            "Washington imposed new sanctions on Caracas over the election.",
            "US",
            "VE",
            Tension,
        ),
        (
            "Israeli jets struck targets in Lebanon overnight.",
            "IL",
            "LB",
            Conflict,
        ),
    ];
    for (text, a, b, kind) in cases {
        assert_pair(text, a, b, &[kind]);
    }
}

#[test]
fn a_strike_list_pairs_each_striker_with_the_struck_country_only() {
    let text = "Coalition aircraft carried out more strikes against the militants this week. \
                Countries that have struck targets in Syria include Denmark, Jordan and the Netherlands.";
    for striker in ["DK", "JO", "NL"] {
        assert_pair(text, striker, "SY", &[Conflict]);
    }
    assert_no_pair(text, "DK", "JO");
    assert_no_pair(text, "DK", "NL");
    assert_no_pair(text, "JO", "NL");
}

#[test]
fn an_either_or_attribution_is_tension_with_each_suspect_and_no_conflict() {
    let text = "Britain said the Syrian regime or Russia bombed the aid convoy near Aleppo.";
    assert_pair(text, "GB", "SY", &[Tension]);
    assert_pair(text, "GB", "RU", &[Tension]);
    assert_no_pair(text, "RU", "SY");
    assert!(
        relations(text).iter().all(|r| !r.types.contains(&Conflict)),
        "{:#?}",
        relations(text)
    );
}

#[test]
fn an_arms_sale_is_security_and_agreement_not_economy_or_conflict() {
    let text =
        "Putin met Erdogan in Ankara; Turkey will buy S-400 missiles from Russia for $2.5 billion.";
    assert_pair(text, "RU", "TR", &[Security, Agreement, Diplomacy]);
    let found = relations(text);
    let relation = pair(&found, "RU", "TR").unwrap();
    assert!(
        !relation.types.contains(&Economy) && !relation.types.contains(&Conflict),
        "{relation:#?}"
    );
}

#[test]
fn an_amount_between_the_sale_and_the_weapons_still_makes_an_arms_sale() {
    let text = "Italy agreed to sell more than $900 million worth of helicopters to Egypt.";
    let found = relations(text);
    let relation = pair(&found, "EG", "IT").unwrap_or_else(|| panic!("{found:#?}"));
    assert!(
        relation.types.contains(&Security) && !relation.types.contains(&Economy),
        "{relation:#?}"
    );
}

#[test]
fn a_government_called_a_regime_by_another_is_tension() {
    let text = "Britain said the Assad regime in Syria must answer for the sieges of its towns.";
    assert_pair(text, "GB", "SY", &[Tension]);
}

#[test]
fn a_meeting_about_a_country_relates_its_convener_to_that_country() {
    let text = "France convened a meeting in Paris on the crisis in Libya.";
    assert_pair(text, "FR", "LY", &[Diplomacy]);
}

#[test]
fn border_enforcement_against_migrants_makes_no_pair() {
    let text = "Hungarian police stopped hundreds of migrants at the border with Serbia.";
    assert_no_pair(text, "HU", "RS");
}

#[test]
fn a_dateline_and_a_base_are_no_parties() {
    let text = "CAIRO (Reuters) - The London-based monitoring group said Turkish forces shelled \
                a village in northern Syria on Tuesday.";
    assert_pair(text, "SY", "TR", &[Conflict]);
    for (a, b) in [("EG", "TR"), ("EG", "SY"), ("GB", "TR"), ("GB", "SY")] {
        assert_no_pair(text, a, b);
    }
}

#[test]
fn a_historical_aside_is_no_present_relation() {
    let text = "Norway and Sweden signed a fisheries agreement in 2019. \
                In 1905 Norway ended its union with Sweden after a long dispute, historians recall.";
    let found = relations(text);
    let relation = pair(&found, "NO", "SE").expect("the present agreement");
    assert_eq!(relation.evidence.len(), 1, "{relation:#?}");
    assert!(!relation.types.contains(&Integration), "{relation:#?}");
}

#[test]
fn expelling_the_others_diplomats_points_from_the_expeller() {
    let text = "Poland expelled Russia's diplomats after the spy scandal.";
    assert_pair(text, "PL", "RU", &[Tension]);
    assert_eq!(direction_of(text, "PL", "RU"), arrow("PL", "RU"));
}

#[test]
fn a_base_hosted_by_one_country_for_another_points_from_the_guest() {
    let text = "Armenia hosts a Russian military base near Gyumri.";
    assert_pair(text, "AM", "RU", &[Security]);
    assert_eq!(direction_of(text, "AM", "RU"), arrow("RU", "AM"));
    let passive = "The French air base is hosted by Niger under a defence pact.";
    assert_eq!(direction_of(passive, "FR", "NE"), arrow("FR", "NE"));
    // Hosting talks is the host's act.
    let talks = "Qatar hosted talks with Afghanistan on Monday.";
    assert_eq!(direction_of(talks, "AF", "QA"), arrow("QA", "AF"));
}

#[test]
fn money_flows_from_the_giver_even_when_the_receiver_comes_first() {
    let text = "Bishkek received a $30 million grant from Moscow for its budget.";
    assert_eq!(direction_of(text, "KG", "RU"), arrow("RU", "KG"));
}

#[test]
fn talks_between_two_draw_no_arrow() {
    let text = "Vietnam and Japan held talks on maritime security in Hanoi.";
    assert_eq!(direction_of(text, "JP", "VN"), None);
}

#[test]
fn each_relation_has_a_confidence_and_the_cue_words_of_its_types() {
    let text = "Berlin has granted $40 million to Kyiv to repair power stations.";
    let found = relations(text);
    let relation = pair(&found, "DE", "UA").unwrap();
    assert!((0.5..=1.0).contains(&relation.confidence), "{relation:#?}");
    let cue = relation
        .cues
        .iter()
        .find(|cue| cue.kind == Economy)
        .expect("an economy cue");
    assert_eq!(&text[cue.span.start..cue.span.end], "granted");
    assert!(relation
        .cues
        .iter()
        .all(|cue| relation.types.contains(&cue.kind)));
}

#[test]
fn strikes_coordinated_with_the_struck_countrys_government_are_security_too() {
    let backed =
        "Coalition aircraft conducted strikes in Iraq in support of the Iraqi government. \
                  Countries that have struck targets in Iraq include Denmark and the Netherlands.";
    assert_pair(backed, "DK", "IQ", &[Conflict, Security]);
    assert_pair(backed, "NL", "IQ", &[Conflict, Security]);
    let unbacked = "Coalition aircraft conducted strikes in Syria this week. \
                    Countries that have struck targets in Syria include Denmark and the Netherlands.";
    let found = relations(unbacked);
    let relation = pair(&found, "DK", "SY").expect("a DK-SY pair");
    assert!(!relation.types.contains(&Security), "{relation:#?}");
}
