//! Where the map's country names go: a greedy placement by salience. The most salient
//! label is placed first, each at the first free spot of a fixed list of candidates
//! around its point (beside it, then farther out with a leader line back to the point),
//! in its full name, else a short form; a label with no free spot is left out. No two
//! placed labels overlap, none covers another country's dot, and every one lies inside
//! the view, so nothing is cut at the edge. Deterministic: the same input gives the same
//! placement. Placed boxes are kept in a grid of cells over the view, so each
//! candidate is checked against its neighbours only and the whole runs in about linear
//! time.

use diplomap_extract::CountryCode;

use crate::map::{Point, Rect};

/// One name to place: the point it belongs to, how much it matters (larger goes
/// first), and its texts from the fullest to the shortest, each with its width.
#[derive(Clone, Debug, PartialEq)]
pub struct Label {
    pub point: Point,
    pub salience: f64,
    pub variants: Vec<(String, f64)>,
}

/// The sizes placement works with, in the units of the points.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Metrics {
    /// A label's box height (the font's ascent plus descent).
    pub height: f64,
    /// From the top of a label's box to its baseline.
    pub ascent: f64,
    /// From a point to the nearest edge of a label beside it.
    pub gap: f64,
    /// How much farther out a moved label goes (it gets a leader line).
    pub reach: f64,
    /// Space kept free around every label.
    pub pad: f64,
}

impl Metrics {
    /// The metrics of a sans-serif font of `size`, `gap` from the point.
    pub fn for_font(size: f64, gap: f64) -> Metrics {
        Metrics {
            height: size * 1.2,
            ascent: size * 0.95,
            gap,
            reach: size * 1.6,
            pad: size * 0.15,
        }
    }
}

/// A placed label: which input it is, the text chosen, where its baseline starts (for
/// `text-anchor: start`), its box, and a leader line from its point when moved out.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub index: usize,
    pub text: String,
    /// The text is a short form, not the first variant.
    pub shortened: bool,
    pub x: f64,
    pub y: f64,
    pub rect: Rect,
    pub leader: Option<(Point, Point)>,
}

/// Directions around a point, in order of preference: right, left, above, below, then
/// the diagonals (each as its x and y sign).
const DIRECTIONS: [(i8, i8); 8] = [
    (1, 0),
    (-1, 0),
    (0, -1),
    (0, 1),
    (1, -1),
    (-1, -1),
    (1, 1),
    (-1, 1),
];

/// Places `labels` inside `bounds`, keeping clear of `obstacles` (the dots), most
/// salient first (ties: earlier first). Returns the placed ones, in placement order.
pub fn place_labels(
    labels: &[Label],
    obstacles: &[Rect],
    bounds: Rect,
    metrics: Metrics,
) -> Vec<Placement> {
    let mut order: Vec<usize> = (0..labels.len()).collect();
    order.sort_by(|&x, &y| {
        labels[y]
            .salience
            .total_cmp(&labels[x].salience)
            .then(x.cmp(&y))
    });
    let mut grid = Grid::new(bounds, metrics.height * 4.0);
    for obstacle in obstacles {
        grid.insert(*obstacle);
    }
    let mut placed = Vec::new();
    for index in order {
        let label = &labels[index];
        if let Some(placement) = place_one(index, label, &grid, bounds, metrics) {
            grid.insert(placement.rect);
            placed.push(placement);
        }
    }
    placed
}

/// The first free candidate for one label: each variant beside the point, then moved
/// out, the full name before the short forms.
fn place_one(
    index: usize,
    label: &Label,
    grid: &Grid,
    bounds: Rect,
    metrics: Metrics,
) -> Option<Placement> {
    if !label.point.x.is_finite() || !label.point.y.is_finite() {
        return None;
    }
    for (rank, (text, width)) in label.variants.iter().enumerate() {
        for moved in [false, true] {
            let distance = metrics.gap + if moved { metrics.reach } else { 0.0 };
            for direction in DIRECTIONS {
                let rect = candidate(label.point, *width, metrics.height, direction, distance);
                let clear = grown(rect, metrics.pad);
                if !bounds.contains_rect(&clear) || grid.overlaps(&clear) {
                    continue;
                }
                return Some(Placement {
                    index,
                    text: text.clone(),
                    shortened: rank > 0,
                    x: rect.x,
                    y: rect.y + metrics.ascent,
                    rect,
                    leader: moved.then(|| (label.point, nearest_point(&rect, label.point))),
                });
            }
        }
    }
    None
}

/// The box of a `width` × `height` label `distance` from `point` in `direction`.
fn candidate(point: Point, width: f64, height: f64, direction: (i8, i8), distance: f64) -> Rect {
    // Diagonal boxes sit at the same distance from the point as straight ones.
    let step = if direction.0 != 0 && direction.1 != 0 {
        distance * std::f64::consts::FRAC_1_SQRT_2
    } else {
        distance
    };
    let x = match direction.0 {
        1 => point.x + step,
        -1 => point.x - step - width,
        _ => point.x - width / 2.0,
    };
    let y = match direction.1 {
        1 => point.y + step,
        -1 => point.y - step - height,
        _ => point.y - height / 2.0,
    };
    Rect {
        x,
        y,
        w: width,
        h: height,
    }
}

fn grown(rect: Rect, by: f64) -> Rect {
    Rect {
        x: rect.x - by,
        y: rect.y - by,
        w: rect.w + 2.0 * by,
        h: rect.h + 2.0 * by,
    }
}

/// The point of `rect` nearest to `point`: where a leader line ends.
fn nearest_point(rect: &Rect, point: Point) -> Point {
    Point::new(
        point.x.clamp(rect.x, rect.x + rect.w),
        point.y.clamp(rect.y, rect.y + rect.h),
    )
}

/// A text's width in a sans-serif font of `size`, estimated from its characters (the
/// page measures the real one; this serves where nothing can measure).
pub fn estimated_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.62
}

/// Whether two boxes share any area (touching edges do not).
pub fn overlap(a: &Rect, b: &Rect) -> bool {
    a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}

/// Placed boxes by the square cells of the view they touch (a box outside the view is
/// kept by the cells at its edge: no label is placed there).
struct Grid {
    bounds: Rect,
    cell: f64,
    columns: usize,
    rows: usize,
    rects: Vec<Rect>,
    cells: Vec<Vec<usize>>,
}

impl Grid {
    fn new(bounds: Rect, cell: f64) -> Grid {
        let cell = if cell > 0.0 && cell.is_finite() {
            cell
        } else {
            1.0
        };
        // At most 2^16 cells: a view with more is cut in coarser ones.
        let span = |length: f64| ((length / cell).ceil().clamp(1.0, 256.0) as usize).max(1);
        let (columns, rows) = (span(bounds.w), span(bounds.h));
        Grid {
            bounds,
            cell: (bounds.w / columns as f64)
                .max(bounds.h / rows as f64)
                .max(cell),
            columns,
            rows,
            rects: Vec::new(),
            cells: vec![Vec::new(); columns * rows],
        }
    }

    /// The cells `rect` touches, clamped to the view.
    fn cells_of(&self, rect: &Rect) -> impl Iterator<Item = usize> {
        let index = |value: f64, count: usize| {
            let index = (value / self.cell).floor();
            if index.is_nan() {
                0
            } else {
                index.clamp(0.0, (count - 1) as f64) as usize
            }
        };
        let (x0, x1) = (
            index(rect.x - self.bounds.x, self.columns),
            index(rect.x + rect.w - self.bounds.x, self.columns),
        );
        let (y0, y1) = (
            index(rect.y - self.bounds.y, self.rows),
            index(rect.y + rect.h - self.bounds.y, self.rows),
        );
        let columns = self.columns;
        (y0..=y1).flat_map(move |y| (x0..=x1).map(move |x| y * columns + x))
    }

    fn insert(&mut self, rect: Rect) {
        let id = self.rects.len();
        self.rects.push(rect);
        for cell in self.cells_of(&rect).collect::<Vec<_>>() {
            self.cells[cell].push(id);
        }
    }

    fn overlaps(&self, rect: &Rect) -> bool {
        self.cells_of(rect).any(|cell| {
            self.cells[cell]
                .iter()
                .any(|&id| overlap(&self.rects[id], rect))
        })
    }
}

/// A country's name, then its short forms, shortest last: "Bosnia and Herzegovina",
/// "Bosnia", "BA". Short forms are the ones news writes (UK, UAE, DR Congo) or the
/// name before "and"; the ISO code is the last resort.
pub fn name_variants(code: CountryCode, name: &str) -> Vec<String> {
    let mut variants = vec![name.to_string()];
    let short = SHORT_NAMES
        .iter()
        .find(|(long, _)| *long == name)
        .map(|(_, short)| short.to_string())
        .or_else(|| name.split_once(" and ").map(|(first, _)| first.to_string()));
    for variant in short.into_iter().chain([code.as_str().to_string()]) {
        if variant.chars().count() < variants[variants.len() - 1].chars().count() {
            variants.push(variant);
        }
    }
    variants
}

/// Long names and the short forms news uses for them.
const SHORT_NAMES: [(&str, &str); 14] = [
    ("United States", "US"),
    ("United Kingdom", "UK"),
    ("United Arab Emirates", "UAE"),
    ("Democratic Republic of the Congo", "DR Congo"),
    ("Republic of the Congo", "Congo"),
    ("Central African Republic", "CAR"),
    ("North Macedonia", "N. Macedonia"),
    ("Dominican Republic", "Dominican Rep."),
    ("Equatorial Guinea", "Eq. Guinea"),
    ("Papua New Guinea", "PNG"),
    ("Saudi Arabia", "Saudi"),
    ("South Africa", "S. Africa"),
    ("North Korea", "N. Korea"),
    ("South Korea", "S. Korea"),
];
