//! The changes the reader can take back, and the log as it is saved.

use diplomap_app_core::undo::{Step, UndoLog, Undone};
use diplomap_app_core::{DocRecord, Documents, Limits};

const LIMITS: Limits = Limits {
    title_chars: 40,
    text_bytes: 1000,
    documents: 3,
};

fn workspace(texts: &[&str]) -> Documents {
    let mut docs = Documents::new(LIMITS);
    for text in texts {
        docs.add(None, text.to_string()).unwrap();
    }
    docs
}

fn step(what: Undone, docs: &Documents, id: u64) -> Step {
    let index = docs.iter().position(|doc| doc.id == id).unwrap();
    Step {
        what,
        index,
        doc: docs.get(id).unwrap().clone(),
    }
}

#[test]
fn a_cleared_document_gets_its_text_and_title_back() {
    let mut docs = workspace(&["Talks in Minsk\nBody."]);
    docs.rename(1, "Minsk talks");
    let mut log = UndoLog::default();
    log.push(step(Undone::Cleared, &docs, 1));
    docs.set_text(1, String::new()).unwrap();
    assert_eq!(log.undo(&mut docs), Some(Ok(1)));
    let doc = docs.get(1).unwrap();
    assert_eq!(
        (doc.title.as_str(), doc.text.as_str()),
        ("Minsk talks", "Talks in Minsk\nBody.")
    );
    assert_eq!(log.undo(&mut docs), None, "nothing more to undo");
}

#[test]
fn a_deleted_document_comes_back_in_its_place() {
    let mut docs = workspace(&["One", "Two", "Three"]);
    let mut log = UndoLog::default();
    log.push(step(Undone::Deleted, &docs, 2));
    docs.remove(2).unwrap();
    assert_eq!(log.undo(&mut docs), Some(Ok(2)));
    let texts: Vec<&str> = docs.iter().map(|doc| doc.text.as_str()).collect();
    assert_eq!(texts, ["One", "Two", "Three"]);
}

#[test]
fn a_cleared_document_deleted_since_comes_back_whole() {
    let mut docs = workspace(&["One", "Two"]);
    let mut log = UndoLog::default();
    log.push(step(Undone::Cleared, &docs, 2));
    docs.set_text(2, String::new()).unwrap();
    docs.remove(2).unwrap();
    assert_eq!(log.undo(&mut docs), Some(Ok(2)));
    assert_eq!(docs.get(2).unwrap().text, "Two");
}

#[test]
fn an_undo_the_workspace_has_no_room_for_is_kept() {
    let mut docs = workspace(&["One", "Two", "Three"]);
    let mut log = UndoLog::default();
    log.push(step(Undone::Deleted, &docs, 3));
    docs.remove(3).unwrap();
    docs.add(None, "Four".into()).unwrap();
    assert!(matches!(log.undo(&mut docs), Some(Err(_))));
    assert_eq!(log.last().map(|step| step.doc.text.as_str()), Some("Three"));
}

#[test]
fn the_log_keeps_the_newest_steps_within_its_limits() {
    let mut log = UndoLog::default();
    let record = |id: u64, bytes: usize| DocRecord {
        id,
        title: String::new(),
        text: "x".repeat(bytes),
    };
    for id in 1..=(UndoLog::MAX_STEPS as u64 + 5) {
        log.push(Step {
            what: Undone::Cleared,
            index: 0,
            doc: record(id, 1),
        });
    }
    let mut docs = Documents::new(Limits::APP);
    let mut undone = Vec::new();
    while let Some(Ok(id)) = log.undo(&mut docs) {
        undone.push(id);
    }
    assert_eq!(undone.len(), UndoLog::MAX_STEPS);
    assert_eq!(undone[0], UndoLog::MAX_STEPS as u64 + 5, "newest first");

    // A step bigger than the byte limit is kept alone; those before it go.
    log.push(Step {
        what: Undone::Cleared,
        index: 0,
        doc: record(1, 10),
    });
    log.push(Step {
        what: Undone::Cleared,
        index: 0,
        doc: record(2, UndoLog::MAX_BYTES + 1),
    });
    assert_eq!(
        log.undo(&mut Documents::new(Limits::APP))
            .map(|r| r.is_ok()),
        Some(true)
    );
    assert_eq!(log.last(), None);
}

#[test]
fn the_log_is_saved_when_it_changes_and_reads_back() {
    let mut docs = workspace(&["Talks in Minsk", "Grain"]);
    let mut log = UndoLog::default();
    assert_eq!(log.take_save(), None, "nothing to save");
    log.push(step(Undone::Cleared, &docs, 1));
    log.push(step(Undone::Deleted, &docs, 2));
    let saved = log.take_save().expect("changed");
    assert_eq!(log.take_save(), None, "taken");
    log.save_failed();
    assert!(log.is_unsaved());

    let mut back = UndoLog::decode(&saved, LIMITS);
    assert!(!back.is_unsaved(), "as stored");
    docs.remove(2).unwrap();
    docs.set_text(1, String::new()).unwrap();
    assert_eq!(back.undo(&mut docs), Some(Ok(2)));
    assert_eq!(back.undo(&mut docs), Some(Ok(1)));
    assert_eq!(docs.get(1).unwrap().text, "Talks in Minsk");
}

#[test]
fn a_damaged_log_reads_as_what_is_sound() {
    assert_eq!(UndoLog::decode("not json", LIMITS), UndoLog::default());
    assert_eq!(UndoLog::decode("{\"what\":1}", LIMITS), UndoLog::default());
    let long = "x".repeat(LIMITS.text_bytes + 1);
    let json = format!(
        "[{{\"what\":\"cleared\",\"index\":0,\"id\":1,\"title\":\"a\",\"text\":\"kept\"}},\
         {{\"what\":\"eaten\",\"index\":0,\"id\":2,\"title\":\"b\",\"text\":\"c\"}},\
         {{\"what\":\"deleted\",\"index\":0,\"id\":0,\"title\":\"b\",\"text\":\"c\"}},\
         {{\"what\":\"deleted\",\"index\":0,\"id\":3,\"title\":\"b\",\"text\":\"{long}\"}},\
         {{\"what\":\"deleted\",\"index\":-1,\"id\":4,\"title\":\"b\",\"text\":\"c\"}}]"
    );
    let mut log = UndoLog::decode(&json, LIMITS);
    assert_eq!(log.last().map(|step| step.doc.text.as_str()), Some("kept"));
    assert!(log.undo(&mut Documents::new(LIMITS)).is_some());
    assert_eq!(log.last(), None);
}
