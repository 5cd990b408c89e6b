//! A local story's own geography: the states and provinces its names place it in.

use rustc_hash::{FxHashMap, FxHashSet};

use super::*;

/// What the names of a document say of the states and provinces it is set in. A state
/// is where the story is set when one of its towns is named unambiguously (Cairns) and
/// at least one other name has a reading there (Edmonton): a story naming famous
/// cities alone ("Paris and London", both with namesakes in Ontario and in Kentucky) is
/// set in none. It is set there firmly when the text places a town there ("Glasgow,
/// Ky.", "Edmonton, south of Cairns") or three names have readings there.
#[derive(Default)]
pub(super) struct LocalEvidence {
    divisions: FxHashMap<(CountryCode, Division), DivisionEvidence>,
    /// The names (by their first reading) counted in each division, so that each counts
    /// once however often it comes.
    counted: FxHashSet<(CountryCode, Division, u32)>,
    /// The states each name has a reading in, for the counties named as such.
    states_of: Vec<(u32, Vec<(CountryCode, Division)>)>,
    /// Those counties (by their index in `states_of`), the first few.
    counties: Vec<usize>,
}

/// How many counties named as such are paired with the other names: a few are enough,
/// and the work stays linear in the text.
pub(super) const PAIRED_COUNTIES: usize = 8;

#[derive(Default)]
pub(super) struct DivisionEvidence {
    /// How many distinct names have a reading there.
    pub(super) named: u32,
    /// Is one of them a town found nowhere else?
    pub(super) anchored: bool,
    /// Is one of them a county of this state alone ("Edgar County", Illinois)?
    pub(super) county: bool,
    /// Does the text say a town is there?
    pub(super) settled: bool,
    /// How many of them are towns or counties too small to be known beyond their
    /// state (no state, no city of 300,000).
    pub(super) small_places: u32,
    /// Have more small places a reading there than anywhere else, three at least?
    pub(super) leading: bool,
    /// And two more at least than anywhere else?
    pub(super) far_ahead: bool,
}

impl DivisionEvidence {
    pub(super) fn set_in(&self) -> bool {
        self.settled || (self.anchored && self.named >= 2) || self.leading
    }

    pub(super) fn firm(&self) -> bool {
        self.settled
            || (self.county && self.named >= 2)
            || (self.anchored && self.named >= 3)
            || (self.leading && (self.named >= 4 || self.far_ahead))
    }
}

/// A division that has more small places than any other, and this many at least, is
/// where the story is set: Decatur, DeKalb County and North Druid Hills share only
/// Georgia.
pub(super) const LEADING_NAMES: u32 = 3;

/// The largest town whose name says a story is local.
pub(super) const LARGEST_LOCAL_TOWN: u64 = 300_000;

impl LocalEvidence {
    /// Counts the name whose first reading is `name` in `division`, once.
    pub(super) fn count(&mut self, division: (CountryCode, Division), name: u32, small: bool) {
        crate::steps::tick(1);
        if self.counted.insert((division.0, division.1, name)) {
            let evidence = self.divisions.entry(division).or_default();
            evidence.named += 1;
            evidence.small_places += u32::from(small);
        }
    }

    /// Counts a name's readings (only those in `in_country` when the text says the
    /// place is in that country); those named like a common word only when the text
    /// says the name is a place (`placed`).
    pub(super) fn add_name(
        &mut self,
        gazetteer: &Gazetteer,
        found: &Match,
        placed: bool,
        in_country: Option<CountryCode>,
    ) {
        let name = found.name;
        let mut in_a_division = false;
        let counted = |entry: &&Entry| {
            (placed || !entry.common_name) && in_country.is_none_or(|c| entry.country == Some(c))
        };
        let small = is_small_place(gazetteer, found);
        let mut states = Vec::new();
        for entry in readings(gazetteer, found).filter(counted) {
            if let (Some(country), Some(division)) = (entry.country, entry.division) {
                in_a_division = true;
                self.count((country, division), name, small);
                states.push((country, division));
            }
        }
        if !in_a_division {
            return;
        }
        if named_as_county(gazetteer, found) && self.counties.len() < PAIRED_COUNTIES {
            self.counties.push(self.states_of.len());
        }
        self.states_of.push((name, states));
        if let Some(division) = county_division(gazetteer, found) {
            let evidence = self.divisions.entry(division).or_default();
            evidence.anchored = true;
            evidence.county = true;
        } else if let Some(division) = town_division(gazetteer, found) {
            self.divisions.entry(division).or_default().anchored = true;
        }
    }

    pub(super) fn add_settled_town(&mut self, state: State, name: u32) {
        if let Some(division) = state.division {
            self.count((state.country, division), name, true);
            self.divisions
                .entry((state.country, division))
                .or_default()
                .settled = true;
        }
    }

    /// A county named as such and a town that share one state only place each other
    /// there: Paris beside Lamar County is Paris, Texas; Atlanta beside Fulton County is
    /// in Georgia.
    pub(super) fn pair_counties_with_towns(&mut self) {
        for &county in &self.counties {
            let (county_name, county_states) = &self.states_of[county];
            let states: FxHashSet<&(CountryCode, Division)> = county_states.iter().collect();
            for (name, town_states) in &self.states_of {
                if name == county_name {
                    continue;
                }
                crate::steps::tick(town_states.len());
                let mut shared = town_states.iter().filter(|state| states.contains(state));
                if let (Some(&only), None) = (shared.next(), shared.next()) {
                    let evidence = self.divisions.entry(only).or_default();
                    evidence.anchored = true;
                    evidence.county = true;
                }
            }
        }
    }

    pub(super) fn divisions_set_in(
        mut self,
    ) -> FxHashMap<(CountryCode, Division), DivisionEvidence> {
        self.pair_counties_with_towns();
        let (mut most, mut second) = (0, 0);
        for evidence in self.divisions.values() {
            if evidence.small_places > most {
                (most, second) = (evidence.small_places, most);
            } else if evidence.small_places > second {
                second = evidence.small_places;
            }
        }
        if most >= LEADING_NAMES && most > second {
            for evidence in self.divisions.values_mut() {
                evidence.leading = evidence.small_places == most;
                evidence.far_ahead = evidence.leading && most >= second + 2;
            }
        }
        self.divisions.retain(|_, evidence| evidence.set_in());
        self.divisions
    }
}
