//! Diplomap's browser app: paste or drop an article, read it with its people, places,
//! organisations, dates and figures highlighted, and see which countries it is about.
//! Everything runs in the browser; the analysis is `diplomap_extract`.

pub mod analyser;
pub mod app;
pub mod components;
pub mod idb;
pub mod io;
pub mod sample;
pub mod state;
pub mod store;

pub use app::App;
pub use state::Article;
