//! What a file brings in, before the page parses anything: which files are read (by
//! name and size), their bytes as text, a web page's markup reduced to bare tags, and
//! the documents of an earlier export. Reading files and parsing web pages is the
//! page's (`src/io/import.rs`).

use crate::present::human_size;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The file name endings the app reads, lower-case.
pub const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "json"];

/// The documents in a file exported earlier (one diplomap/1 result with its text, or a
/// list of them): `(title, text)` each. Limits (title length, how many documents) are
/// applied by the workspace that takes them in.
pub fn import_json(name: &str, content: &str) -> Result<Vec<(Option<String>, String)>, String> {
    let refused = || {
        format!(
            "\u{201c}{name}\u{201d} is not a Diplomap export: a .json file must be a result of schema diplomap/1 that includes its \u{201c}text\u{201d}."
        )
    };
    let value: serde_json::Value = serde_json::from_str(content).map_err(|_| refused())?;
    let entries = match value {
        serde_json::Value::Array(entries) => entries,
        single => vec![single],
    };
    let mut documents = Vec::with_capacity(entries.len());
    for mut entry in entries {
        let schema_ok =
            entry.get("schema").and_then(|s| s.as_str()) == Some(diplomap_extract::schema::SCHEMA);
        match (
            schema_ok,
            entry.get_mut("text").map(serde_json::Value::take),
        ) {
            (true, Some(serde_json::Value::String(text))) if !text.trim().is_empty() => {
                let title = match entry.get_mut("title").map(serde_json::Value::take) {
                    Some(serde_json::Value::String(title)) => Some(title),
                    _ => None,
                };
                documents.push((title, text));
            }
            _ => return Err(refused()),
        }
    }
    if documents.is_empty() {
        return Err(refused());
    }
    Ok(documents)
}

/// Elements whose content is dropped with them (their end tag ends them, as it does
/// for the browser's parser in an HTML page).
const DROPPED: [&str; 6] = ["script", "style", "xmp", "iframe", "noembed", "noframes"];

/// A web page's markup reduced to what its text needs: every tag without its
/// attributes, comments, doctypes, scripts and styles left out, every other `<` as
/// `&lt;` (character references are kept for the parser). Chromium checks the event
/// handler attributes and style sheets of even an inert parsed document against the
/// page's Content-Security-Policy and reports each as a console error; none is left
/// to check. Whatever the input, the output has no attribute and no `<` that does not
/// open a bare tag, so parsing it can make nothing but elements and text.
pub fn bare_markup(html: &str) -> String {
    // Byte offsets are the same in both: only ASCII letters change case.
    let lower = html.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let len = bytes.len();
    // Where `needle` starts next, from `from` on (the end when nowhere).
    let find = |from: usize, needle: &[u8]| {
        (from..len)
            .find(|&at| bytes[at..].starts_with(needle))
            .unwrap_or(len)
    };
    let mut out = String::with_capacity(len);
    let (mut copied, mut i) = (0, 0);
    while i < len {
        if bytes[i] != b'<' {
            i += 1;
            continue;
        }
        out.push_str(&html[copied..i]);
        let start = i;
        let next = bytes.get(i + 1).copied().unwrap_or(b' ');
        let closing = next == b'/' && bytes.get(i + 2).is_some_and(u8::is_ascii_alphabetic);
        if next.is_ascii_alphabetic() || closing {
            let from = i + 1 + usize::from(closing);
            let mut name_end = from;
            while bytes
                .get(name_end)
                .is_some_and(|&b| b.is_ascii_alphanumeric() || b == b'-')
            {
                name_end += 1;
            }
            let name = &lower[from..name_end];
            i = tag_end(bytes, name_end);
            let end_tag = [b"</", name.as_bytes()].concat();
            if closing {
                out.push_str(&lower[start..name_end]);
                out.push('>');
            } else if DROPPED.contains(&name) {
                i = find(i, &end_tag);
            } else if name != "plaintext" {
                out.push_str(&lower[start..name_end]);
                out.push('>');
                if name == "title" || name == "textarea" {
                    // Their text up to their end tag, as the parser reads it.
                    let end = find(i, &end_tag);
                    out.push_str(&html[i..end].replace('<', "&lt;"));
                    i = end;
                }
            }
        } else if next == b'!' || next == b'?' {
            // A comment (the parser ends `<!-->` and `<!--->` too), a doctype, CDATA or
            // a processing instruction.
            i = if bytes[i..].starts_with(b"<!--") {
                find(i + 2, b"-->") + 3
            } else {
                find(i, b">") + 1
            }
            .min(len);
        } else {
            out.push_str("&lt;");
            i += 1;
        }
        copied = i;
    }
    out.push_str(&html[copied..]);
    out
}

/// Where a tag whose name ends at `from` ends: past its `>`, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut i = from;
    while i < bytes.len() {
        match bytes[i] {
            b'>' => return i + 1,
            b'=' => {
                i += 1;
                while bytes.get(i).is_some_and(u8::is_ascii_whitespace) {
                    i += 1;
                }
                if let Some(&quote @ (b'"' | b'\'')) = bytes.get(i) {
                    i = bytes[i + 1..]
                        .iter()
                        .position(|&b| b == quote)
                        .map_or(bytes.len(), |end| i + 2 + end);
                }
            }
            _ => i += 1,
        }
    }
    bytes.len()
}

/// A file name's ending, lower-case (`Report.TXT` -> `txt`).
pub fn extension(name: &str) -> String {
    name.rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default()
}

/// Refuses files by name and size, before reading them.
pub fn check_file(name: &str, size: f64) -> Result<(), String> {
    let extension = extension(name);
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(format!(
            "\u{201c}{name}\u{201d} is not a .txt, .md, .html or .json file. Diplomap reads plain text, Markdown, web pages and its own exports."
        ));
    }
    if size > MAX_FILE_BYTES {
        return Err(format!(
            "\u{201c}{name}\u{201d} is {}; the limit is 5 MB per file.",
            human_size(size)
        ));
    }
    Ok(())
}

/// Turns a file's bytes into the article text: UTF-8 (an initial BOM is dropped),
/// no NUL bytes, line ends normalised to `\n`.
pub fn decode_text(name: &str, bytes: &[u8]) -> Result<String, String> {
    if bytes.contains(&0) {
        return Err(format!(
            "\u{201c}{name}\u{201d} looks like a binary file (it contains NUL bytes), not text."
        ));
    }
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let text = std::str::from_utf8(bytes)
        .map_err(|_| format!("\u{201c}{name}\u{201d} is not UTF-8 text."))?;
    if text.trim().is_empty() {
        return Err(format!("\u{201c}{name}\u{201d} is empty."));
    }
    Ok(text.replace("\r\n", "\n").replace('\r', "\n"))
}
