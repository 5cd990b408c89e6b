//! The browser app's logic that needs no browser: what the workspace is and how it is
//! kept. No leptos, no web-sys: everything here runs natively under `cargo test`, and
//! the app's browser side (`src/app/persistence.rs`, `src/idb.rs`) only carries values
//! between this crate and IndexedDB, `localStorage` and the other tabs.
//!
//! - [`doc`]: a document, its title rules and the limits on what comes in.
//! - [`documents`]: the workspace's documents with what this tab has not saved yet.
//! - [`commit`]: a save as a transaction against the stored revisions, and what
//!   becomes of each change when another tab got there first.
//! - [`salvage`]: the tolerant reader of saved JSON (every complete document survives
//!   damage elsewhere in the save).
//! - [`restore`]: the stored records and the older saves turned back into a workspace,
//!   with what could not be read kept aside.
//! - [`phase`]: restoring, ready or not saving, and what becomes of edits made while
//!   the workspace was being restored.

pub mod commit;
pub mod doc;
pub mod documents;
pub mod phase;
pub mod restore;
pub mod salvage;

pub use commit::{Meta, Outcome};
pub use doc::{DocRecord, Limits};
pub use documents::{Changes, Documents, Refusal};
pub use phase::{Phase, Saver, Unsaved};
pub use restore::Restored;
