//! The browser app's logic that needs no browser: what the workspace is and how it is
//! kept, and everything the page shows that can be worked out without the DOM. No
//! leptos, no web-sys: everything here runs natively under `cargo test`, and the app
//! (`src/`) only carries values between this crate and the DOM, IndexedDB,
//! `localStorage`, the worker and the other tabs.
//!
//! - [`doc`]: a document, its title rules and the limits on what comes in.
//! - [`documents`]: the workspace's documents with what this tab has not saved yet.
//! - [`commit`]: a save as a transaction against the stored revisions, and what
//!   becomes of each change when another tab got there first.
//! - [`salvage`]: the tolerant reader of saved JSON (every complete document survives
//!   damage elsewhere in the save).
//! - [`restore`]: the stored records and the older saves turned back into a workspace,
//!   with what could not be read kept aside.
//! - [`undo`]: the changes the reader can take back, saved with the documents.
//! - [`journal`]: the deletes not saved yet, noted where a reload finds them.
//! - [`phase`]: restoring, ready or not saving, and what becomes of edits made while
//!   the workspace was being restored.
//!
//! What the page shows:
//! - [`analysed`]: a text with its analysis; [`codec`]: an analysis in the compact
//!   binary form the worker answers with.
//! - [`workspace`]: one document or "All documents", and their combination.
//! - [`layout`]: the reading view's paragraphs, passages, sections and blocks.
//! - [`summary`]: the side panels' countries, label counts and figures.
//! - [`map`]: the map's geometry (shapes, projection, fitting, curves); [`graph`]: the
//!   relations map as nodes and edges, their places and strengths; [`labels`]: where
//!   the country names go without overlapping.
//! - [`present`]: how numbers, sizes and mentions are written.
//! - [`import`] and [`export`]: the files the app reads and writes, as text.
//! - [`sample`]: the article shown on a first visit.
//! - [`tier`]: the second tier's file, which the worker fetches after the first
//!   highlight, turned into the gazetteer of both tiers.

pub mod analysed;
pub mod codec;
pub mod commit;
pub mod doc;
pub mod documents;
pub mod export;
pub mod graph;
pub mod import;
pub mod journal;
pub mod labels;
pub mod layout;
pub mod map;
pub mod phase;
pub mod present;
pub mod restore;
pub mod salvage;
pub mod sample;
pub mod summary;
pub mod tier;
pub mod undo;
pub mod workspace;

pub use analysed::Analysed;
pub use commit::{Meta, Outcome};
pub use doc::{DocRecord, Limits};
pub use documents::{Changes, Documents, Refusal};
pub use phase::{Phase, Saver, Unsaved};
pub use restore::Restored;
