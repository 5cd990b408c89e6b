//! The browser's side of bringing documents in and taking results out: reading files
//! and web pages, saving files, drawing the map as a picture. What the files hold is
//! `diplomap_app_core`'s (`import`, `export`); these only carry it through the DOM.

pub mod export;
pub mod images;
pub mod import;
pub mod share;
