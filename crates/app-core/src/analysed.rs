//! One analysed text: the text and what the core found in it, always kept together.

use diplomap_extract::{analyze, Analysis};

/// The text and its analysis, always kept together so the byte offsets in `analysis`
/// always index `text`.
#[derive(Debug, Default, PartialEq)]
pub struct Analysed {
    pub text: String,
    pub analysis: Analysis,
}

impl Analysed {
    pub fn new(text: String) -> Self {
        let analysis = analyze(&text);
        Analysed { text, analysis }
    }
}
