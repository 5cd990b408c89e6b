//! The messages the page shows above the article.

/// A message shown above the article input.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

impl Notice {
    pub fn text(&self) -> &str {
        match self {
            Notice::Info(text) | Notice::Error(text) => text,
        }
    }

    pub fn is_error(&self) -> bool {
        matches!(self, Notice::Error(_))
    }
}

/// The note shown with the sample article.
pub(crate) fn sample_notice() -> Notice {
    Notice::Info(
        "This is a fictional sample article. Paste your own text, or drop a .txt or .md file."
            .to_string(),
    )
}
