//! Several tabs editing one workspace at once, simulated: each tab holds its own
//! [`Documents`]; a save is one transaction against a model of the store (the records,
//! their revisions and the meta record, as IndexedDB holds them); after a save the tab
//! tells the others which ids changed, and they read those records whenever the message
//! arrives. A save has three steps, as in the browser, and anything may happen between
//! them: the tab takes its changes, the transaction runs later, and the tab takes in
//! what it did later still. Proptest picks the edits and the interleaving, from a fixed
//! seed.
//!
//! Every edit appends a word no other edit uses, so a text tells which edits it holds.
//! Checked: every word typed in any tab, saved or not when another tab's change came
//! in, is in the store once all is saved, unless a tab deleted a document holding it
//! (having seen it); no save writes over a record it did not read; every tab, once all
//! is saved and all messages read, shows what the store holds; ids are below the next id.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use diplomap_app_core::commit::{plan, Meta};
use diplomap_app_core::documents::{Changes, Effect, Removed};
use diplomap_app_core::{DocRecord, Documents, Limits, Outcome};
use proptest::prelude::*;
use proptest::test_runner::RngSeed;

const LIMITS: Limits = Limits {
    title_chars: 40,
    text_bytes: 100_000,
    documents: 1000,
};

/// The store: records (title, text) and revisions by id, and the meta record.
#[derive(Default)]
struct Store {
    records: BTreeMap<u64, (u64, String, String)>,
    meta: Option<Meta>,
    /// Every word that was ever written.
    saved_words: BTreeSet<String>,
}

struct Tab {
    docs: Documents,
    /// Ids other tabs said they changed, not read yet.
    inbox: VecDeque<u64>,
    undo: Option<Removed>,
    /// The save under way: its changes, and once its transaction ran, what it did.
    saving: Option<(Changes, Option<Outcome>)>,
}

#[derive(Clone, Debug)]
enum Step {
    Add {
        tab: usize,
    },
    Type {
        tab: usize,
        pick: usize,
    },
    Rename {
        tab: usize,
        pick: usize,
    },
    Delete {
        tab: usize,
        pick: usize,
    },
    Undo {
        tab: usize,
    },
    /// A save's three steps.
    Take {
        tab: usize,
    },
    Transact {
        tab: usize,
    },
    Settle {
        tab: usize,
    },
    Read {
        tab: usize,
    },
}

fn step() -> impl Strategy<Value = Step> {
    let tab = 0..3usize;
    prop_oneof![
        tab.clone().prop_map(|tab| Step::Add { tab }),
        (tab.clone(), any::<usize>()).prop_map(|(tab, pick)| Step::Type { tab, pick }),
        (tab.clone(), any::<usize>()).prop_map(|(tab, pick)| Step::Type { tab, pick }),
        (tab.clone(), any::<usize>()).prop_map(|(tab, pick)| Step::Rename { tab, pick }),
        (tab.clone(), any::<usize>()).prop_map(|(tab, pick)| Step::Delete { tab, pick }),
        tab.clone().prop_map(|tab| Step::Undo { tab }),
        tab.clone().prop_map(|tab| Step::Take { tab }),
        tab.clone().prop_map(|tab| Step::Transact { tab }),
        tab.clone().prop_map(|tab| Step::Settle { tab }),
        tab.clone().prop_map(|tab| Step::Read { tab }),
        tab.prop_map(|tab| Step::Read { tab }),
    ]
}

struct World {
    store: Store,
    tabs: Vec<Tab>,
    next_word: usize,
    /// Every word typed.
    typed: BTreeSet<String>,
    /// Words in documents some tab deleted.
    deleted_words: BTreeSet<String>,
}

fn words(text: &str) -> impl Iterator<Item = String> + '_ {
    text.split_whitespace().map(str::to_string)
}

impl World {
    fn new(tabs: usize) -> Self {
        let mut world = World {
            store: Store::default(),
            tabs: Vec::new(),
            next_word: 0,
            typed: BTreeSet::from(["w0".to_string()]),
            deleted_words: BTreeSet::new(),
        };
        // Every tab starts from the same saved document.
        world
            .store
            .records
            .insert(1, (1, "First".into(), "w0".into()));
        world.store.meta = Some(Meta {
            format: 2,
            rev: 1,
            next_id: 2,
        });
        world.store.saved_words.insert("w0".into());
        world.next_word = 1;
        for _ in 0..tabs {
            let docs = Documents::stored(
                LIMITS,
                [(
                    DocRecord {
                        id: 1,
                        title: "First".into(),
                        text: "w0".into(),
                    },
                    Some(1),
                )],
                2,
            );
            world.tabs.push(Tab {
                docs,
                inbox: VecDeque::new(),
                undo: None,
                saving: None,
            });
        }
        world
    }

    fn word(&mut self) -> String {
        self.next_word += 1;
        let word = format!("w{}", self.next_word);
        self.typed.insert(word.clone());
        word
    }

    fn pick(&self, tab: usize, pick: usize) -> Option<u64> {
        let docs = &self.tabs[tab].docs;
        (!docs.is_empty()).then(|| docs[pick % docs.len()].id)
    }

    fn run(&mut self, step: &Step) {
        match *step {
            Step::Add { tab } => {
                let word = self.word();
                let _ = self.tabs[tab].docs.add(None, word);
            }
            Step::Type { tab, pick } => {
                if let Some(id) = self.pick(tab, pick) {
                    let word = self.word();
                    let docs = &mut self.tabs[tab].docs;
                    let text = format!("{} {word}", docs.get(id).unwrap().text);
                    docs.set_text(id, text).unwrap();
                }
            }
            Step::Rename { tab, pick } => {
                if let Some(id) = self.pick(tab, pick) {
                    self.next_word += 1;
                    let name = format!("Name n{}", self.next_word);
                    self.tabs[tab].docs.rename(id, &name);
                }
            }
            Step::Delete { tab, pick } => {
                if let Some(id) = self.pick(tab, pick) {
                    let removed = self.tabs[tab].docs.remove(id).unwrap();
                    self.deleted_words.extend(words(&removed.doc.text));
                    self.tabs[tab].undo = Some(removed);
                }
            }
            Step::Undo { tab } => {
                if let Some(removed) = self.tabs[tab].undo.take() {
                    self.tabs[tab].docs.undo_remove(removed).unwrap();
                }
            }
            Step::Take { tab } => self.take(tab),
            Step::Transact { tab } => self.transact(tab),
            Step::Settle { tab } => self.settle_save(tab),
            Step::Read { tab } => self.read(tab),
        }
    }

    /// A whole save of `tab`, step after step.
    fn save(&mut self, tab: usize) {
        self.take(tab);
        self.transact(tab);
        self.settle_save(tab);
    }

    /// `tab` takes its changes for a save (unless one is under way).
    fn take(&mut self, tab: usize) {
        if self.tabs[tab].saving.is_none() && self.tabs[tab].docs.has_changes() {
            let changes = self.tabs[tab].docs.take_changes();
            self.tabs[tab].saving = Some((changes, None));
        }
    }

    /// The transaction of `tab`'s save runs against the store.
    fn transact(&mut self, tab: usize) {
        let Some((changes, outcome @ None)) = &mut self.tabs[tab].saving else {
            return;
        };
        let stored: Vec<(u64, u64)> = changes
            .ids()
            .filter_map(|id| self.store.records.get(&id).map(|(rev, ..)| (id, *rev)))
            .collect();
        let meta = self.store.meta.unwrap_or(Meta::EMPTY);
        let plan = plan(meta, &stored, changes, LIMITS.title_chars).unwrap();
        for (id, record) in &plan.writes {
            let read = diplomap_app_core::salvage::read_saved(record);
            let doc = &read.docs[0];
            assert!(
                !self.store.records.contains_key(id)
                    || stored.iter().any(|(stored, _)| stored == id),
                "a save wrote over a record it did not read"
            );
            self.store.saved_words.extend(words(&doc.text));
            self.store.records.insert(
                *id,
                (plan.meta.rev, doc.title.clone().unwrap(), doc.text.clone()),
            );
        }
        for id in &plan.deletes {
            self.store.records.remove(id);
        }
        self.store.meta = Some(plan.meta);
        *outcome = Some(plan.outcome);
    }

    /// `tab` takes in what its save did, and tells the others.
    fn settle_save(&mut self, tab: usize) {
        if !matches!(self.tabs[tab].saving, Some((_, Some(_)))) {
            return;
        }
        let Some((changes, Some(outcome))) = self.tabs[tab].saving.take() else {
            return;
        };
        let mut touched: Vec<u64> = changes.ids().collect();
        for effect in self.tabs[tab].docs.settle(&outcome) {
            match effect {
                Effect::Refresh(id) => self.tabs[tab].inbox.push_back(id),
                Effect::Renumbered { from, to } | Effect::Copied { from, to } => {
                    touched.extend([from, to]);
                    // An undo keeps following its document.
                    if let Some(removed) = &mut self.tabs[tab].undo {
                        if removed.doc.id == from {
                            removed.doc.id = to;
                        }
                    }
                }
                Effect::Updated(_) | Effect::Deleted(_) => {}
            }
        }
        for (other, peer) in self.tabs.iter_mut().enumerate() {
            if other != tab {
                peer.inbox.extend(touched.iter().copied());
            }
        }
    }

    /// `tab` reads the records another tab said it changed.
    fn read(&mut self, tab: usize) {
        while let Some(id) = self.tabs[tab].inbox.pop_front() {
            let stored = self.store.records.get(&id).map(|(rev, title, text)| {
                (
                    *rev,
                    DocRecord {
                        id,
                        title: title.clone(),
                        text: text.clone(),
                    },
                )
            });
            for effect in self.tabs[tab].docs.apply_stored(id, stored) {
                match effect {
                    Effect::Renumbered { from, to } => {
                        for (other, peer) in self.tabs.iter_mut().enumerate() {
                            if other != tab {
                                peer.inbox.extend([from, to]);
                            }
                        }
                    }
                    Effect::Refresh(id) => self.tabs[tab].inbox.push_back(id),
                    _ => {}
                }
            }
        }
    }

    /// Every tab saves and reads until nothing is left to do.
    fn settle(&mut self) {
        for _ in 0..100 {
            let busy = self
                .tabs
                .iter()
                .any(|tab| tab.docs.has_changes() || !tab.inbox.is_empty() || tab.saving.is_some());
            if !busy {
                return;
            }
            for tab in 0..self.tabs.len() {
                self.transact(tab);
                self.settle_save(tab);
                self.read(tab);
                self.save(tab);
            }
        }
        panic!("the tabs never settle");
    }

    fn check(&self) {
        let stored_words: BTreeSet<String> = self
            .store
            .records
            .values()
            .flat_map(|(_, _, text)| words(text))
            .collect();
        for word in &self.store.saved_words {
            assert!(
                stored_words.contains(word) || self.deleted_words.contains(word),
                "{word} was saved, then lost"
            );
        }
        for word in &self.typed {
            assert!(
                stored_words.contains(word) || self.deleted_words.contains(word),
                "{word} was typed, then lost"
            );
        }
        let store: Vec<(u64, &str, &str)> = self
            .store
            .records
            .iter()
            .map(|(id, (_, title, text))| (*id, title.as_str(), text.as_str()))
            .collect();
        for (index, tab) in self.tabs.iter().enumerate() {
            let shown: Vec<(u64, &str, &str)> = tab
                .docs
                .iter()
                .map(|doc| (doc.id, doc.title.as_str(), doc.text.as_str()))
                .collect();
            assert_eq!(shown, store, "tab {index} differs from the store");
            let meta = self.store.meta.unwrap();
            assert!(tab.docs.iter().all(|doc| doc.id < meta.next_id));
        }
    }
}

proptest! {
    // The same cases every run (a fixed seed; failures found once are also kept in
    // tabs.proptest-regressions and run first): a failure is never down to the day.
    #![proptest_config(ProptestConfig {
        cases: 2000,
        rng_seed: RngSeed::Fixed(20_240_613),
        ..ProptestConfig::default()
    })]

    #[test]
    fn tabs_editing_at_once_lose_nothing_and_agree(steps in prop::collection::vec(step(), 0..60)) {
        let mut world = World::new(3);
        for step in &steps {
            world.run(step);
        }
        world.settle();
        world.check();
    }
}

#[test]
fn two_tabs_adding_at_once_keep_both() {
    let mut world = World::new(2);
    world.run(&Step::Add { tab: 0 });
    world.run(&Step::Add { tab: 1 });
    world.save(0);
    world.save(1);
    world.settle();
    world.check();
    assert_eq!(world.store.records.len(), 3);
}

#[test]
fn two_tabs_typing_in_one_document_keep_both_versions() {
    let mut world = World::new(2);
    world.run(&Step::Type { tab: 0, pick: 0 });
    world.run(&Step::Type { tab: 1, pick: 0 });
    world.save(0);
    world.save(1);
    world.settle();
    world.check();
    let titles: Vec<&str> = world
        .store
        .records
        .values()
        .map(|(_, title, _)| title.as_str())
        .collect();
    assert_eq!(titles, ["First", "First (copy)"]);
}

#[test]
fn an_edit_wins_over_a_delete_made_at_once() {
    let mut world = World::new(2);
    world.run(&Step::Delete { tab: 0, pick: 0 });
    world.run(&Step::Type { tab: 1, pick: 0 });
    world.save(1);
    world.save(0);
    world.settle();
    world.check();
    assert_eq!(world.store.records.len(), 1, "the edited document stays");
}

/// A save's conflict copy read by its own tab before that save settles (another tab,
/// renumbering, said the copy's id changed), deleted there, and then the conflicting
/// document typed into: what was typed last survives the settling save. (Found by the
/// property test above.)
#[test]
fn a_copy_deleted_before_its_save_settles_keeps_what_was_typed_since() {
    use Step::*;
    let steps = [
        Add { tab: 2 },
        Type { tab: 2, pick: 0 },
        Type { tab: 0, pick: 0 },
        Take { tab: 2 },
        Transact { tab: 2 },
        Settle { tab: 2 },
        Take { tab: 0 },
        Add { tab: 1 },
        // Tab 0's edit conflicts with tab 2's: it is saved as a copy.
        Transact { tab: 0 },
        Read { tab: 0 },
        Read { tab: 1 },
        Delete { tab: 0, pick: 1 },
        // Tab 0 reads the copy of its own save, which has not settled yet...
        Read { tab: 0 },
        // ...deletes it, and types into the document the copy came from.
        Delete { tab: 0, pick: 1 },
        Type { tab: 0, pick: 0 },
    ];
    let mut world = World::new(3);
    for step in &steps {
        world.run(step);
    }
    world.settle();
    world.check();
}
