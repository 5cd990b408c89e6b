//! The map's geometry: projection, fitting, zoom and pan, curves.

use diplomap_app_core::map::{self, Point, Rect};

#[path = "support/texts.rs"]
mod texts;
use texts::code;

#[test]
fn projection_is_oriented_like_a_map() {
    let origin = map::project(0.0, 0.0);
    assert!(origin.x.abs() < 1e-9 && origin.y.abs() < 1e-9);
    assert!(map::project(60.0, 0.0).x > 0.0, "east is right");
    assert!(map::project(0.0, 50.0).y < 0.0, "north is up");
    // Meridians converge towards the poles.
    assert!(map::project(100.0, 70.0).x < map::project(100.0, 0.0).x);
    let world = map::world();
    assert!(world.w > 300.0 && world.w < 330.0, "{world:?}");
}

#[test]
fn fits_central_asia_with_russia_and_china() {
    let codes = ["KZ", "KG", "TJ", "RU", "CN"].map(code);
    let view = map::fit(codes);
    for code in codes {
        let country = map::country(code).expect("on the map");
        assert!(country.has_shape(), "{code}");
        assert!(view.contains(country.anchor), "{code} label in {view:?}");
        assert!(
            view.contains_rect(&map::footprint(country)),
            "{code} in {view:?}"
        );
    }
    assert!((view.w / view.h - map::ASPECT).abs() < 1e-6);
    // Zoomed in on the region, not the whole world.
    assert!(view.w < map::world().w * 0.5, "{view:?}");
    let paris = map::project(2.3, 48.9);
    let washington = map::project(-77.0, 38.9);
    assert!(!view.contains(paris) && !view.contains(washington));
    // Two neighbours still get some surroundings.
    let small = map::fit(["KG", "TJ"].map(code));
    assert!(small.w >= map::FIT_MIN_WIDTH - 1e-9);
    // Nothing on the map: the world.
    assert!(map::fit([]).w >= map::world().w);
}

#[test]
fn countries_without_a_shape_get_a_point() {
    for (name, lon, lat) in [
        ("SG", 103.8, 1.35),
        ("BH", 50.6, 26.1),
        ("MT", 14.5, 35.9),
        ("AD", 1.5, 42.5),
    ] {
        let country = map::country(code(name)).unwrap_or_else(|| panic!("{name} missing"));
        assert!(!country.has_shape(), "{name}");
        // Stored in tenths of a degree.
        let expected = map::project(lon, lat);
        assert!((country.anchor.x - expected.x).abs() < 0.1, "{name}");
        assert!((country.anchor.y - expected.y).abs() < 0.1, "{name}");
        assert!(map::fit([code(name)]).contains(country.anchor));
    }
    assert!(map::country(code("XK")).is_some_and(|kosovo| kosovo.has_shape()));
    assert!(map::countries().len() > 240);
    // Eastern Russia continues past 180° instead of jumping across the map.
    let russia = map::country(code("RU")).unwrap();
    assert!(russia.main.unwrap().east > 180.0);
}

#[test]
fn views_zoom_pan_and_stay_in_bounds() {
    let world = map::world();
    let view = map::fit(["KZ", "RU"].map(code));
    let about = view.center();
    let closer = view.zoomed(0.5, about);
    assert!((closer.w - view.w / 2.0).abs() < 1e-9);
    assert_eq!(closer.center(), about);
    let far = view.zoomed(100.0, about).clamped(&world, map::MIN_WIDTH);
    assert!(far.w <= world.w * 1.1 + 1e-9);
    let near = view.zoomed(0.0001, about).clamped(&world, map::MIN_WIDTH);
    assert!((near.w - map::MIN_WIDTH).abs() < 1e-9);
    let away = view.moved(10_000.0, 0.0).clamped(&world, map::MIN_WIDTH);
    assert!(world.padded(0.001).contains(away.center()));
    assert_eq!(
        Rect {
            x: 1.0,
            y: 2.0,
            w: 3.0,
            h: 4.0
        }
        .view_box(),
        "1.00 2.00 3.00 4.00"
    );
}

#[test]
fn curves_bow_and_carry_arrows_when_directed() {
    let from = Point::new(0.0, 0.0);
    let to = Point::new(100.0, 0.0);
    let directed = map::curve(from, to, 0.2, 2.0, 2.0, 6.0);
    assert!(directed.path.starts_with('M') && directed.path.contains('Q'));
    assert!(directed.arrow.is_some());
    // Bows to the left of the direction of travel (up, in SVG's y-down frame).
    assert!(directed.middle.y < -5.0, "{:?}", directed.middle);
    let plain = map::curve(from, to, 0.2, 0.0, 0.0, 0.0);
    assert!(plain.arrow.is_none());
    assert!(plain.path.ends_with("100.00,0.00"));
    assert_eq!(map::circle_layout(4).len(), 4);
}
