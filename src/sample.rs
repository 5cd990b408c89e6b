//! The article shown on a first visit (its text is app-core's, where the native tests
//! check that the first download's tables read it as both tiers do).

pub use diplomap_app_core::sample::SAMPLE_ARTICLE;
