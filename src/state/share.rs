//! Share links (`crate::io::share`, `public/share.js`): the document shown goes into a
//! link, and a link's document joins the workspace as a new one — it never replaces one,
//! and one that arrives while the workspace is restored joins it with what was made
//! meanwhile. Saving follows by itself (`persistence`).

use diplomap_app_core::workspace::View;
use leptos::prelude::*;

use super::{Article, Notice};
use crate::io::share::{self, Answer};

impl Article {
    /// Takes the share links' answers into this article from now on (the page's own).
    pub fn receive_shared_links(self) {
        share::receive(move |answer| self.take_share_answer(answer));
    }

    /// "Copy link" for the document shown (not "All documents", which no link carries):
    /// its title and what is in the text box.
    pub fn copy_link(&self) {
        let View::Doc(id) = self.workspace.view.get_untracked() else {
            return;
        };
        let title = self.workspace.docs.with_untracked(|docs| {
            docs.get(id)
                .map(|doc| doc.title.clone())
                .unwrap_or_default()
        });
        if !share::copy_link(&title, &self.draft.get_untracked()) {
            self.notice.set(Some(Notice::Error(
                "This page cannot make share links.".to_string(),
            )));
        }
    }

    /// A link's document is added (unless the workspace refuses it, which then says
    /// why), and share.js's message shown.
    fn take_share_answer(&self, answer: Answer) {
        if let Some((title, text)) = answer.document {
            if self.add_document(title, text).is_none() {
                return;
            }
        }
        let notice = match answer.problem {
            true => Notice::Error(answer.message),
            false => Notice::Info(answer.message),
        };
        self.notice.try_set(Some(notice));
    }
}
