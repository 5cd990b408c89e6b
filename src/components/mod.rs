//! One component per file. Each reads the shared [`crate::state::Article`] from context.

pub mod article_input;
pub mod country_list;
pub mod desk_tabs;
pub mod document_list;
pub mod drop_zone;
pub mod export_menu;
pub mod figure_list;
pub mod legend;
pub mod masthead;
pub mod mention_note;
pub mod notice_bar;
pub mod reading_view;
pub mod relation_map;
pub mod share_link;
