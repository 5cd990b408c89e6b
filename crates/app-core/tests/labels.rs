//! Label placement: no two placed boxes overlap, none leaves the view or covers a dot,
//! the most salient are kept, and the work grows about linearly.

use diplomap_app_core::labels::{
    estimated_width, name_variants, overlap, place_labels, Label, Metrics,
};
use diplomap_app_core::map::{Point, Rect};
use diplomap_extract::CountryCode;
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

const VIEW: Rect = Rect {
    x: 0.0,
    y: 0.0,
    w: 800.0,
    h: 500.0,
};

fn metrics() -> Metrics {
    Metrics::for_font(12.0, 6.0)
}

fn label(x: f64, y: f64, name: &str, salience: f64) -> Label {
    Label {
        point: Point::new(x, y),
        salience,
        variants: vec![(name.to_string(), estimated_width(name, 12.0))],
    }
}

fn dot(point: Point) -> Rect {
    Rect {
        x: point.x - 4.0,
        y: point.y - 4.0,
        w: 8.0,
        h: 8.0,
    }
}

/// Every property a placement must have, as a message when one fails.
fn check(labels: &[Label], dots: &[Rect], bounds: Rect) -> Result<(), String> {
    let placed = place_labels(labels, dots, bounds, metrics());
    for (i, a) in placed.iter().enumerate() {
        if !bounds.contains_rect(&a.rect) {
            return Err(format!("{:?} leaves the view", a.rect));
        }
        if let Some(dot) = dots.iter().find(|dot| overlap(dot, &a.rect)) {
            return Err(format!("{:?} covers the dot {dot:?}", a.rect));
        }
        if let Some(b) = placed[i + 1..].iter().find(|b| overlap(&a.rect, &b.rect)) {
            return Err(format!("{:?} overlaps {:?}", a.rect, b.rect));
        }
    }
    Ok(())
}

#[test]
fn crowded_neighbours_move_apart_and_the_least_salient_give_way() {
    // The Balkans at a small scale: five names within a few pixels of each other.
    let labels = vec![
        label(400.0, 250.0, "Serbia", 9.0),
        label(404.0, 244.0, "Hungary", 3.0),
        label(396.0, 256.0, "Bosnia and Herzegovina", 5.0),
        label(402.0, 258.0, "Montenegro", 1.0),
        label(398.0, 246.0, "Croatia", 2.0),
    ];
    let dots: Vec<Rect> = labels.iter().map(|label| dot(label.point)).collect();
    check(&labels, &dots, VIEW).unwrap();
    let placed = place_labels(&labels, &dots, VIEW, metrics());
    // The most salient is placed first.
    assert_eq!(placed[0].index, 0);
    // Some are moved out, with a leader line that starts at their point.
    let moved: Vec<_> = placed.iter().filter(|p| p.leader.is_some()).collect();
    assert!(!moved.is_empty(), "{placed:?}");
    for placement in moved {
        assert_eq!(placement.leader.unwrap().0, labels[placement.index].point);
    }
}

#[test]
fn a_label_at_the_edge_turns_inward_and_a_long_name_shortens() {
    let at_the_right = label(795.0, 250.0, "Kazakhstan", 1.0);
    let placed = place_labels(&[at_the_right], &[], VIEW, metrics());
    assert_eq!(placed.len(), 1);
    assert!(placed[0].rect.x + placed[0].rect.w <= 800.0);
    assert!(placed[0].rect.x < 795.0, "{:?}", placed[0]);

    // In a view barely wider than "Bosnia", the full name cannot fit: the short form does.
    let narrow = Rect {
        x: 0.0,
        y: 0.0,
        w: 80.0,
        h: 60.0,
    };
    let names = name_variants(CountryCode::parse("BA").unwrap(), "Bosnia and Herzegovina");
    assert_eq!(names, ["Bosnia and Herzegovina", "Bosnia", "BA"]);
    let bosnia = Label {
        point: Point::new(10.0, 30.0),
        salience: 1.0,
        variants: names
            .iter()
            .map(|name| (name.clone(), estimated_width(name, 12.0)))
            .collect(),
    };
    let placed = place_labels(&[bosnia], &[], narrow, metrics());
    assert_eq!(placed[0].text, "Bosnia");
    assert!(placed[0].shortened);
}

#[test]
fn short_forms_are_shorter_and_end_in_the_code() {
    let code = |code: &str| CountryCode::parse(code).unwrap();
    assert_eq!(
        name_variants(code("AE"), "United Arab Emirates"),
        ["United Arab Emirates", "UAE", "AE"]
    );
    assert_eq!(name_variants(code("RU"), "Russia"), ["Russia", "RU"]);
    assert_eq!(
        name_variants(code("TT"), "Trinidad and Tobago"),
        ["Trinidad and Tobago", "Trinidad", "TT"]
    );
}

#[test]
fn a_label_with_no_room_is_left_out() {
    // A view too small for any label: nothing is placed, nothing is cut.
    let tiny = Rect {
        x: 0.0,
        y: 0.0,
        w: 10.0,
        h: 10.0,
    };
    assert!(place_labels(&[label(5.0, 5.0, "Chad", 1.0)], &[], tiny, metrics()).is_empty());
    // A point given as NaN is skipped, not placed somewhere.
    assert!(place_labels(&[label(f64::NAN, 5.0, "Chad", 1.0)], &[], VIEW, metrics()).is_empty());
}

#[test]
fn placement_is_deterministic_and_about_linear() {
    // 4,000 labels on a grid: every one is checked against its neighbours only.
    let labels: Vec<Label> = (0..4000)
        .map(|i| {
            let (x, y) = ((i % 80) as f64 * 10.0, (i / 80) as f64 * 10.0);
            label(x, y, "Name", (i % 7) as f64)
        })
        .collect();
    let big = Rect {
        x: -20.0,
        y: -20.0,
        w: 840.0,
        h: 540.0,
    };
    let first = place_labels(&labels, &[], big, metrics());
    let second = place_labels(&labels, &[], big, metrics());
    assert_eq!(first, second);
    assert!(!first.is_empty());
    check(&labels, &[], big).unwrap();
}

proptest! {
    // The same cases every run (a fixed seed; failures found once are also kept in a
    // .proptest-regressions file and run first): a failure is never down to the day.
    #![proptest_config(ProptestConfig {
        cases: 256,
        rng_seed: RngSeed::Fixed(20_261_207),
        ..ProptestConfig::default()
    })]
    #[test]
    fn placed_labels_never_overlap(
        points in prop::collection::vec(
            (0.0f64..800.0, 0.0f64..500.0, 1usize..30, 0.0f64..10.0),
            0..80,
        )
    ) {
        let labels: Vec<Label> = points
            .iter()
            .map(|&(x, y, length, salience)| {
                let name = "x".repeat(length);
                let short = "x".repeat(length.min(3));
                Label {
                    point: Point::new(x, y),
                    salience,
                    variants: vec![
                        (name.clone(), estimated_width(&name, 12.0)),
                        (short.clone(), estimated_width(&short, 12.0)),
                    ],
                }
            })
            .collect();
        let dots: Vec<Rect> = labels.iter().map(|label| dot(label.point)).collect();
        prop_assert_eq!(check(&labels, &dots, VIEW), Ok(()));
    }
}
