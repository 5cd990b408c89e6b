//! One document of the workspace, the rules for its title, and the limits on what the
//! workspace takes in — applied wherever input arrives: typing, pasting, files, other
//! tabs and the save being restored.

use serde::Serialize;

/// One document of the workspace.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DocRecord {
    pub id: u64,
    pub title: String,
    pub text: String,
}

/// How much a workspace takes in. The app uses [`Limits::APP`]; tests and the storage
/// fuzzer use smaller ones so that their cases stay small.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Limits {
    /// The longest title, in characters (the rename box's `maxlength`); at least
    /// [`AUTO_TITLE_CHARS`].
    pub title_chars: usize,
    /// The longest text of one document, in bytes of UTF-8.
    pub text_bytes: usize,
    /// The most documents in a workspace.
    pub documents: usize,
}

impl Limits {
    /// A paste of up to 10 MB (files have their own, lower limit), 1,000 documents: a
    /// tab strip the page lays out in a few milliseconds.
    pub const APP: Limits = Limits {
        title_chars: 200,
        text_bytes: 10 * 1024 * 1024,
        documents: 1000,
    };
}

/// The longest automatic title, in characters.
pub const AUTO_TITLE_CHARS: usize = 80;

/// The highest document id. Ids are IndexedDB keys, which JavaScript holds as doubles:
/// every id up to 2^53 is exact, and a save holding an id above 2^52 is renumbered on
/// restore, so that 2^52 ids are always left to give out.
pub const MAX_ID: u64 = 1 << 52;

/// The title a text gets by itself: its first non-blank line (Markdown `#` and a
/// news dateline such as `BEIRUT —` dropped), blanks collapsed, shortened; `Untitled`
/// for an empty text. Reads no further than the title needs, however long the line.
pub fn derive_title(text: &str) -> String {
    let line = text
        .lines()
        .map(|line| without_dateline(line.trim().trim_start_matches('#').trim()))
        .find(|line| !line.is_empty())
        .unwrap_or("");
    if line.is_empty() {
        return "Untitled".to_string();
    }
    collapse(line, AUTO_TITLE_CHARS).0
}

/// The longest dateline looked for, in bytes.
const DATELINE_BYTES: usize = 80;

/// `line` without the dateline it opens with: a place in capitals (`WASHINGTON`, `ST.
/// PETERSBURG`), perhaps followed by a comma and more (`, Lebanon`) and an agency in
/// brackets (`(Reuters)`), then a dash (`—`, `–`, or `-` set off by spaces). A hyphen
/// inside a word (`US-China`) is no such dash.
fn without_dateline(line: &str) -> &str {
    let head_end = line
        .char_indices()
        .take_while(|(at, _)| *at < DATELINE_BYTES)
        .find(|&(at, ch)| {
            let after = line[at + ch.len_utf8()..].chars().next();
            let spaced = after.is_none_or(char::is_whitespace) && line[..at].ends_with([' ', ')']);
            at > 0 && (matches!(ch, '\u{2014}' | '\u{2013}') || ch == '-' && spaced)
        });
    let Some((at, dash)) = head_end else {
        return line;
    };
    let head = line[..at].trim_end();
    let head = match head.find('(') {
        Some(open) if head.ends_with(')') => head[..open].trim_end(),
        _ => head,
    };
    let place = head.split(',').next().unwrap_or("");
    let capitals = place.chars().filter(|ch| ch.is_alphabetic()).count() >= 2
        && place
            .chars()
            .all(|ch| ch.is_uppercase() || matches!(ch, ' ' | '.' | '\'' | '\u{2019}'));
    if capitals {
        line[at + dash.len_utf8()..].trim_start()
    } else {
        line
    }
}

/// Whether a paste of `pasted` into a document holding `current` is a different
/// article, which the page opens as a new document rather than mixing into this one:
/// the document has text, and the paste is long enough to be an article of its own
/// (a short paste is an edit) and not already in it.
pub fn paste_opens_new_document(current: &str, pasted: &str) -> bool {
    let pasted = pasted.trim();
    !current.trim().is_empty()
        && pasted.chars().nth(ARTICLE_CHARS - 1).is_some()
        && !current.contains(pasted)
}

/// The length from which a paste counts as an article, in characters: a few
/// sentences.
pub const ARTICLE_CHARS: usize = 280;

/// A title as typed or found in a file: blanks collapsed, cut to `max_chars` (with an
/// ellipsis). Also says whether it was cut. Reads no further than `max_chars` needs: a
/// 4 MB title costs no more than a short one.
pub fn tidy_title(raw: &str, max_chars: usize) -> (String, bool) {
    collapse(raw, max_chars)
}

/// The title of a copy of a document kept beside the original.
pub fn copy_title(title: &str, max_chars: usize) -> String {
    const SUFFIX: &str = " (copy)";
    let room = max_chars.saturating_sub(SUFFIX.chars().count()).max(1);
    let mut title = collapse(title, room).0;
    title.push_str(SUFFIX);
    title
}

/// The words of `text` joined by single spaces, at most `max_chars` characters: a
/// longer result ends in `…` (and the flag says so).
fn collapse(text: &str, max_chars: usize) -> (String, bool) {
    let max_chars = max_chars.max(1);
    let mut out = String::new();
    let mut chars = 0;
    for word in text.split_whitespace() {
        if !out.is_empty() {
            if chars == max_chars {
                return (shorten(out, max_chars), true);
            }
            out.push(' ');
            chars += 1;
        }
        for ch in word.chars() {
            if chars == max_chars {
                return (shorten(out, max_chars), true);
            }
            out.push(ch);
            chars += 1;
        }
    }
    (out, false)
}

/// `text` (of `max_chars` characters or more) cut to `max_chars - 1` characters and an
/// ellipsis.
fn shorten(text: String, max_chars: usize) -> String {
    let mut short: String = text.chars().take(max_chars - 1).collect();
    short.truncate(short.trim_end().len());
    short.push('\u{2026}');
    short
}

/// `items` in the order of their ids. Sorts `(id, index)` pairs, so that every caller
/// shares one instantiation of the sort (the app's download has a budget).
pub(crate) fn by_id<T>(items: Vec<T>, id: impl Fn(&T) -> u64) -> Vec<T> {
    let mut order: Vec<(u64, u64)> = items
        .iter()
        .enumerate()
        .map(|(index, item)| (id(item), index as u64))
        .collect();
    order.sort_unstable();
    let mut slots: Vec<Option<T>> = items.into_iter().map(Some).collect();
    order
        .iter()
        .filter_map(|(_, index)| slots.get_mut(*index as usize)?.take())
        .collect()
}

/// How a document is stored: one JSON record each, `{"title": …, "text": …}` (the id is
/// the record's key). Saves of earlier versions held the same objects with an `id`, in
/// one array; [`crate::salvage`] reads both.
pub fn encode_record(title: &str, text: &str) -> String {
    #[derive(Serialize)]
    struct Record<'a> {
        title: &'a str,
        text: &'a str,
    }
    // Serialising two strings cannot fail.
    serde_json::to_string(&Record { title, text }).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn automatic_titles_are_the_first_line_shortened() {
        assert_eq!(
            derive_title("\n\n  # Talks in  Astana \nBody"),
            "Talks in Astana"
        );
        assert_eq!(derive_title("   \n\t"), "Untitled");
        let long = "word ".repeat(40);
        let title = derive_title(&long);
        assert_eq!(title.chars().count(), 80);
        assert!(title.ends_with('\u{2026}'));
        assert!(!title.contains("  "));
        // Exactly 80 characters stays whole.
        let exact = "a".repeat(80);
        assert_eq!(derive_title(&exact), exact);
        assert_eq!(derive_title(&"b".repeat(81)).chars().count(), 80);
    }

    #[test]
    fn automatic_titles_skip_a_dateline() {
        assert_eq!(
            derive_title("BEIRUT \u{2014} Talks resumed on Monday."),
            "Talks resumed on Monday."
        );
        assert_eq!(
            derive_title("WASHINGTON (Reuters) - The Senate voted."),
            "The Senate voted."
        );
        assert_eq!(
            derive_title("ST. PETERSBURG, Russia (AP) \u{2013} Ships left."),
            "Ships left."
        );
        assert_eq!(derive_title("KYIV\u{2014}Grain moved."), "Grain moved.");
        // A dateline alone on its line: the title is the next line.
        assert_eq!(
            derive_title("BEIRUT \u{2014}\nTalks resumed"),
            "Talks resumed"
        );
        // No dateline: a hyphenated word, a headline in mixed case, a dash far in.
        assert_eq!(
            derive_title("US-China talks - day two"),
            "US-China talks - day two"
        );
        assert_eq!(
            derive_title("Talks in Minsk \u{2014} day two"),
            "Talks in Minsk \u{2014} day two"
        );
        assert_eq!(derive_title("A \u{2014} B"), "A \u{2014} B");
    }

    #[test]
    fn a_long_paste_into_a_document_with_text_is_another_article() {
        let article = "Ministers met in Astana. ".repeat(20);
        assert!(paste_opens_new_document("Oil rose 4%.", &article));
        assert!(
            !paste_opens_new_document("  \n", &article),
            "an empty document takes it"
        );
        assert!(
            !paste_opens_new_document("Oil rose 4%.", "in May"),
            "a short paste is an edit"
        );
        let current = format!("Intro. {article} Outro.");
        assert!(
            !paste_opens_new_document(&current, &article),
            "already in it"
        );
    }

    #[test]
    fn titles_are_cut_to_the_limit_however_long() {
        let word = "x".repeat(100_000);
        let (title, cut) = tidy_title(&word, 200);
        assert!(cut);
        assert_eq!(title.chars().count(), 200);
        assert_eq!(
            tidy_title("  Mine  now ", 200),
            ("Mine now".to_string(), false)
        );
        assert_eq!(tidy_title("   ", 200), (String::new(), false));
        let (title, cut) = tidy_title("ab cd", 3);
        assert_eq!((title.as_str(), cut), ("ab\u{2026}", true));
        assert_eq!(copy_title(&"y".repeat(300), 200).chars().count(), 200);
        assert_eq!(copy_title("Talks", 200), "Talks (copy)");
    }

    #[test]
    fn records_are_json_objects_of_title_and_text() {
        assert_eq!(
            encode_record("A \"q\"", "line\nnext"),
            r#"{"title":"A \"q\"","text":"line\nnext"}"#
        );
    }
}
