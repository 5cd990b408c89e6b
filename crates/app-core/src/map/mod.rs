//! Geometry of the relations map, free of the DOM: the country shapes (compiled in from
//! `countries.tsv`, Natural Earth 1:110m via world-atlas; see `scripts/map/build.mjs`),
//! the Natural Earth projection, fitting a view to the countries in play, and the curves
//! of the edges. Map units are radians × 180/π, with y pointing down as in SVG.

use std::collections::BTreeMap;
use std::f64::consts::PI;
use std::sync::OnceLock;

use diplomap_extract::CountryCode;

const DATA: &str = include_str!("countries.tsv");

/// Width over height of the map's drawing area (CSS `aspect-ratio` matches it).
pub const ASPECT: f64 = 1.6;

/// A point in map units.
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

impl Point {
    pub fn new(x: f64, y: f64) -> Self {
        Point { x, y }
    }

    fn add(self, other: Point) -> Point {
        Point::new(self.x + other.x, self.y + other.y)
    }

    fn sub(self, other: Point) -> Point {
        Point::new(self.x - other.x, self.y - other.y)
    }

    fn scale(self, factor: f64) -> Point {
        Point::new(self.x * factor, self.y * factor)
    }

    fn length(self) -> f64 {
        self.x.hypot(self.y)
    }

    /// The unit vector, or zero for the zero vector.
    fn unit(self) -> Point {
        let length = self.length();
        if length > 0.0 {
            self.scale(1.0 / length)
        } else {
            Point::default()
        }
    }
}

/// An axis-aligned rectangle in map units: the SVG `viewBox`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    /// The smallest rectangle holding every point; `None` for no points.
    pub fn around(points: impl IntoIterator<Item = Point>) -> Option<Rect> {
        let mut points = points.into_iter();
        let first = points.next()?;
        let (mut x0, mut y0, mut x1, mut y1) = (first.x, first.y, first.x, first.y);
        for point in points {
            x0 = x0.min(point.x);
            y0 = y0.min(point.y);
            x1 = x1.max(point.x);
            y1 = y1.max(point.y);
        }
        Some(Rect {
            x: x0,
            y: y0,
            w: x1 - x0,
            h: y1 - y0,
        })
    }

    pub fn center(&self) -> Point {
        Point::new(self.x + self.w / 2.0, self.y + self.h / 2.0)
    }

    pub fn contains(&self, point: Point) -> bool {
        point.x >= self.x
            && point.x <= self.x + self.w
            && point.y >= self.y
            && point.y <= self.y + self.h
    }

    pub fn contains_rect(&self, other: &Rect) -> bool {
        self.contains(Point::new(other.x, other.y))
            && self.contains(Point::new(other.x + other.w, other.y + other.h))
    }

    /// The `viewBox` attribute.
    pub fn view_box(&self) -> String {
        format!("{:.2} {:.2} {:.2} {:.2}", self.x, self.y, self.w, self.h)
    }

    /// Grown by `fraction` of its size on every side.
    pub fn padded(&self, fraction: f64) -> Rect {
        Rect {
            x: self.x - self.w * fraction,
            y: self.y - self.h * fraction,
            w: self.w * (1.0 + 2.0 * fraction),
            h: self.h * (1.0 + 2.0 * fraction),
        }
    }

    /// Widened or heightened about its centre to width/height `aspect`, and at least
    /// `min_width` wide.
    pub fn with_aspect(&self, aspect: f64, min_width: f64) -> Rect {
        let w = self.w.max(self.h * aspect).max(min_width);
        let h = w / aspect;
        let center = self.center();
        Rect {
            x: center.x - w / 2.0,
            y: center.y - h / 2.0,
            w,
            h,
        }
    }

    /// Scaled by `factor` (below 1 zooms in) keeping `about` where it is on screen.
    pub fn zoomed(&self, factor: f64, about: Point) -> Rect {
        Rect {
            x: about.x - (about.x - self.x) * factor,
            y: about.y - (about.y - self.y) * factor,
            w: self.w * factor,
            h: self.h * factor,
        }
    }

    pub fn moved(&self, dx: f64, dy: f64) -> Rect {
        Rect {
            x: self.x + dx,
            y: self.y + dy,
            ..*self
        }
    }

    /// Kept between `min_width` and `bounds`' size, with its centre inside `bounds`.
    pub fn clamped(&self, bounds: &Rect, min_width: f64) -> Rect {
        let max_width = bounds.w.max(bounds.h * ASPECT) * 1.1;
        let factor = if self.w < min_width {
            min_width / self.w
        } else if self.w > max_width {
            max_width / self.w
        } else {
            1.0
        };
        let rect = self.zoomed(factor, self.center());
        let center = rect.center();
        let cx = center.x.clamp(bounds.x, bounds.x + bounds.w);
        let cy = center.y.clamp(bounds.y, bounds.y + bounds.h);
        rect.moved(cx - center.x, cy - center.y)
    }
}

/// The Natural Earth projection (Šavrič, Jenny, Patterson and Jenny, 2011), in map units.
pub fn project(lon: f64, lat: f64) -> Point {
    let lambda = lon.to_radians();
    let phi = lat.clamp(-90.0, 90.0).to_radians();
    let p2 = phi * phi;
    let p4 = p2 * p2;
    let p6 = p4 * p2;
    let p8 = p4 * p4;
    let p10 = p8 * p2;
    let p12 = p6 * p6;
    let x = lambda * (0.870700 - 0.131979 * p2 - 0.013791 * p4 + 0.003971 * p10 - 0.001529 * p12);
    let y = phi * (1.007226 + 0.015085 * p2 - 0.044475 * p6 + 0.028874 * p8 - 0.005916 * p10);
    let scale = 180.0 / PI;
    Point::new(x * scale, -y * scale)
}

/// A box of longitudes and latitudes, in degrees.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct LonLatBox {
    pub west: f64,
    pub south: f64,
    pub east: f64,
    pub north: f64,
}

impl LonLatBox {
    /// The projected outline's bounding rectangle (edges sampled, as meridians and
    /// parallels curve).
    pub fn projected(&self) -> Rect {
        let steps = 8;
        let mut points = Vec::with_capacity(4 * (steps + 1));
        for i in 0..=steps {
            let t = i as f64 / steps as f64;
            let lon = self.west + (self.east - self.west) * t;
            let lat = self.south + (self.north - self.south) * t;
            points.push(project(lon, self.south));
            points.push(project(lon, self.north));
            points.push(project(self.west, lat));
            points.push(project(self.east, lat));
        }
        Rect::around(points).unwrap_or(Rect {
            x: 0.0,
            y: 0.0,
            w: 0.0,
            h: 0.0,
        })
    }
}

/// One country of the map.
#[derive(Clone, Debug)]
pub struct Country {
    pub code: CountryCode,
    /// The name in the data (the app prefers the core's `country_name`).
    pub name: &'static str,
    /// Where its label and its end of every edge go: longitude, latitude.
    pub label: (f64, f64),
    /// `label`, projected.
    pub anchor: Point,
    /// The SVG path of all its rings (fill with `evenodd`); empty for countries too
    /// small for the 1:110m shapes, which are drawn as a point at `anchor`.
    pub path: String,
    /// The extent of its largest polygon, or `None` for a point.
    pub main: Option<LonLatBox>,
}

impl Country {
    pub fn has_shape(&self) -> bool {
        !self.path.is_empty()
    }
}

struct Atlas {
    countries: Vec<Country>,
    index: BTreeMap<CountryCode, usize>,
}

fn atlas() -> &'static Atlas {
    static ATLAS: OnceLock<Atlas> = OnceLock::new();
    ATLAS.get_or_init(|| {
        let countries: Vec<Country> = DATA
            .lines()
            .filter(|line| !line.starts_with('#') && !line.trim().is_empty())
            .filter_map(parse_line)
            .collect();
        let index = countries
            .iter()
            .enumerate()
            .map(|(i, country)| (country.code, i))
            .collect();
        Atlas { countries, index }
    })
}

fn parse_line(line: &'static str) -> Option<Country> {
    let mut fields = line.split('\t');
    let code = CountryCode::parse(fields.next()?)?;
    let name = fields.next()?;
    let lon = f64::from(fields.next()?.parse::<i32>().ok()?) / 10.0;
    let lat = f64::from(fields.next()?.parse::<i32>().ok()?) / 10.0;
    let rings = fields.next().unwrap_or("");
    let mut path = String::new();
    let mut main: Option<(f64, LonLatBox)> = None;
    for ring in rings.split(';').filter(|ring| !ring.is_empty()) {
        let numbers: Vec<i32> = ring.split(',').filter_map(|n| n.parse().ok()).collect();
        let (mut x, mut y) = (0, 0);
        let mut points = Vec::with_capacity(numbers.len() / 2);
        for pair in numbers.chunks_exact(2) {
            x += pair[0];
            y += pair[1];
            points.push((f64::from(x) / 10.0, f64::from(y) / 10.0));
        }
        if points.len() < 3 {
            continue;
        }
        for (i, &(lon, lat)) in points.iter().enumerate() {
            let point = project(lon, lat);
            path.push(if i == 0 { 'M' } else { ' ' });
            path.push_str(&format!("{:.1},{:.1}", point.x, point.y));
        }
        path.push('Z');
        let area = ring_area(&points);
        if main.as_ref().is_none_or(|(best, _)| area > *best) {
            main = Some((area, bounds_of(&points)));
        }
    }
    Some(Country {
        code,
        name,
        label: (lon, lat),
        anchor: project(lon, lat),
        path,
        main: main.map(|(_, bounds)| bounds),
    })
}

fn ring_area(points: &[(f64, f64)]) -> f64 {
    let mut area = 0.0;
    for i in 0..points.len() {
        let (x0, y0) = points[i];
        let (x1, y1) = points[(i + 1) % points.len()];
        area += x0 * y1 - x1 * y0;
    }
    (area / 2.0).abs()
}

fn bounds_of(points: &[(f64, f64)]) -> LonLatBox {
    let mut bounds = LonLatBox {
        west: f64::MAX,
        south: f64::MAX,
        east: f64::MIN,
        north: f64::MIN,
    };
    for &(lon, lat) in points {
        bounds.west = bounds.west.min(lon);
        bounds.east = bounds.east.max(lon);
        bounds.south = bounds.south.min(lat);
        bounds.north = bounds.north.max(lat);
    }
    bounds
}

/// Every country and territory with a shape or a point.
pub fn countries() -> &'static [Country] {
    &atlas().countries
}

pub fn country(code: CountryCode) -> Option<&'static Country> {
    let atlas = atlas();
    atlas.index.get(&code).map(|&i| &atlas.countries[i])
}

/// The whole world in map units.
pub fn world() -> Rect {
    LonLatBox {
        west: -180.0,
        south: -90.0,
        east: 180.0,
        north: 90.0,
    }
    .projected()
}

/// The narrowest view: about the width of Belgium and the Netherlands.
pub const MIN_WIDTH: f64 = 4.0;
/// The narrowest view `fit` chooses, so that a story about two neighbours still shows
/// their surroundings.
pub const FIT_MIN_WIDTH: f64 = 24.0;

/// How far from its label point a large country counts when fitting the view, in
/// degrees: Russia's relations are drawn to its label point, and its far east need not
/// be in view for them.
const REACH_LON: f64 = 20.0;
const REACH_LAT: f64 = 12.0;

/// The part of a country a fitted view must show: its largest polygon, cut to
/// `REACH_*` around its label point; a few degrees around the point of a small one.
pub fn footprint(country: &Country) -> Rect {
    let (lon, lat) = country.label;
    let bounds = match country.main {
        Some(main) => LonLatBox {
            west: main.west.max(lon - REACH_LON),
            east: main.east.min(lon + REACH_LON),
            south: main.south.max(lat - REACH_LAT),
            north: main.north.min(lat + REACH_LAT),
        },
        None => LonLatBox {
            west: lon - 2.0,
            east: lon + 2.0,
            south: lat - 1.5,
            north: lat + 1.5,
        },
    };
    bounds.projected()
}

/// The view that shows these countries, padded and at the map's aspect; the whole
/// world when none of them is on the map.
pub fn fit(codes: impl IntoIterator<Item = CountryCode>) -> Rect {
    let corners = codes
        .into_iter()
        .filter_map(country)
        .map(footprint)
        .flat_map(|rect| {
            [
                Point::new(rect.x, rect.y),
                Point::new(rect.x + rect.w, rect.y + rect.h),
            ]
        });
    match Rect::around(corners) {
        Some(rect) => rect
            .padded(0.08)
            .with_aspect(ASPECT, FIT_MIN_WIDTH)
            .clamped(&world(), MIN_WIDTH),
        None => world().with_aspect(ASPECT, 0.0),
    }
}

/// The radius of the circle layout of the graph view, in its own units.
pub const GRAPH_RADIUS: f64 = 100.0;

/// Countries evenly spaced on a circle, in the order given (the caller sorts them).
/// Starts at the top and goes clockwise.
pub fn circle_layout(count: usize) -> Vec<Point> {
    (0..count)
        .map(|i| {
            let angle = -PI / 2.0 + 2.0 * PI * i as f64 / count.max(1) as f64;
            Point::new(GRAPH_RADIUS * angle.cos(), GRAPH_RADIUS * angle.sin())
        })
        .collect()
}

/// The graph view's home: the circle with room for labels.
pub fn graph_view() -> Rect {
    let r = GRAPH_RADIUS * 1.45;
    Rect {
        x: -r,
        y: -r,
        w: 2.0 * r,
        h: 2.0 * r,
    }
    .with_aspect(ASPECT, 0.0)
}

/// An edge drawn as a quadratic Bézier curve.
#[derive(Clone, Debug, PartialEq)]
pub struct Curve {
    /// The SVG path of the line.
    pub path: String,
    /// The arrowhead's triangle, when the edge has a direction.
    pub arrow: Option<String>,
    /// The middle of the curve (for a label or a hit target).
    pub middle: Point,
}

/// The curve from `from` to `to`, bowing to the left of the direction of travel by
/// `bend` of its length, pulled back by `gap_start` and `gap_end` (map units) so it
/// stops short of the markers, with an arrowhead of length `arrow` at the end when
/// `arrow > 0`.
pub fn curve(from: Point, to: Point, bend: f64, gap_start: f64, gap_end: f64, arrow: f64) -> Curve {
    let chord = to.sub(from);
    let length = chord.length();
    let normal = Point::new(chord.y, -chord.x).unit();
    let control = from.add(chord.scale(0.5)).add(normal.scale(bend * length));
    let start = from.add(control.sub(from).unit().scale(gap_start.min(length / 3.0)));
    let tip = to.add(control.sub(to).unit().scale(gap_end.min(length / 3.0)));
    let back = control.sub(tip).unit();
    let (end, arrow_path) = if arrow > 0.0 {
        let base = tip.add(back.scale(arrow));
        let side = Point::new(back.y, -back.x).scale(arrow * 0.45);
        let left = base.add(side);
        let right = base.sub(side);
        let triangle = format!(
            "M{:.2},{:.2}L{:.2},{:.2}L{:.2},{:.2}Z",
            tip.x, tip.y, left.x, left.y, right.x, right.y
        );
        // The line ends inside the arrowhead, so no gap shows at the joint.
        (base.add(back.scale(-arrow * 0.3)), Some(triangle))
    } else {
        (tip, None)
    };
    let middle = start
        .scale(0.25)
        .add(control.scale(0.5))
        .add(end.scale(0.25));
    Curve {
        path: format!(
            "M{:.2},{:.2}Q{:.2},{:.2} {:.2},{:.2}",
            start.x, start.y, control.x, control.y, end.x, end.y
        ),
        arrow: arrow_path,
        middle,
    }
}
