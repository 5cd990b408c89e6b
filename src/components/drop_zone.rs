use std::cell::RefCell;
use std::rc::Rc;

use gloo::file::callbacks::{read_as_bytes, FileReader};
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::DragEvent;

use diplomap_app_core::Limits;

use crate::app::{Article, Imported, Notice};
use crate::components::article_input::group;
use crate::workspace;

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The file name endings the app reads, lower-case.
pub const EXTENSIONS: [&str; 6] = ["txt", "md", "markdown", "html", "htm", "json"];

/// Where a `.txt` or `.md` file can be dropped, or picked with the file dialog. A file
/// that is not text, too large or of another type is refused with a message naming
/// it; the article already loaded stays as it is.
#[component]
pub fn DropZone() -> impl IntoView {
    let article = expect_context::<Article>();
    // The read in progress; dropping it would abort the read.
    let reader = StoredValue::new_local(Vec::<FileReader>::new());
    let (dragging, set_dragging) = signal(false);

    let open = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let files: Vec<web_sys::File> = (0..files.length()).filter_map(|i| files.get(i)).collect();
        if !files.is_empty() {
            reader.set_value(open_files(article, files));
        }
    };

    // The whole page takes file drops (the zone shows where, and lights up while a file
    // is dragged over the window); this also keeps the browser from navigating to a
    // dropped file and losing the article.
    let over_handle = window_event_listener(ev::dragover, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            set_dragging.set(true);
        }
    });
    let leave_handle = window_event_listener(ev::dragleave, move |ev| {
        // Leaving the window itself: there is no element being entered.
        if ev.related_target().is_none() {
            set_dragging.set(false);
        }
    });
    let drop_handle = window_event_listener(ev::drop, move |ev| {
        if carries_files(&ev) {
            ev.prevent_default();
            set_dragging.set(false);
            open(ev.data_transfer().and_then(|transfer| transfer.files()));
        }
    });
    on_cleanup(move || {
        over_handle.remove();
        leave_handle.remove();
        drop_handle.remove();
    });

    view! {
        <div
            class="drop-zone"
            class:drop-zone-active=dragging
            role="group"
            aria-label="File drop zone: drop .txt, .md, .html or exported .json files of up to 5 MB each anywhere on the page, or choose them"
            on:dragenter=move |ev: DragEvent| {
                if carries_files(&ev) {
                    ev.prevent_default();
                    set_dragging.set(true);
                }
            }
            on:dragover=move |ev: DragEvent| {
                if carries_files(&ev) {
                    ev.prevent_default();
                    if let Some(transfer) = ev.data_transfer() {
                        transfer.set_drop_effect("copy");
                    }
                }
            }
            on:drop=move |ev: DragEvent| {
                ev.prevent_default();
                ev.stop_propagation();
                set_dragging.set(false);
                open(ev.data_transfer().and_then(|transfer| transfer.files()));
            }
        >
            <span class="drop-text">
                "Drop " <code>".txt"</code> ", " <code>".md"</code> ", " <code>".html"</code>
                " or exported " <code>".json"</code> " files anywhere (one document each), or "
            </span>
            <label class="button button-small file-pick">
                "choose files"
                <input
                    type="file"
                    class="visually-hidden"
                    multiple
                    accept=".txt,.md,.markdown,.html,.htm,.json,text/plain,text/markdown,text/html,application/json"
                    aria-label="Choose .txt, .md, .html or .json files to add as documents"
                    on:change:target=move |ev| {
                        let input = ev.target();
                        open(input.files());
                        // Let the same file be chosen again after it was edited.
                        input.set_value("");
                    }
                />
            </label>
            <span class="drop-limit">"up to 5 MB each"</span>
        </div>
    }
}

fn carries_files(ev: &DragEvent) -> bool {
    ev.data_transfer()
        .map(|transfer| {
            transfer
                .types()
                .iter()
                .any(|kind| kind.as_string().as_deref() == Some("Files"))
        })
        .unwrap_or(false)
}

/// What became of one file of a drop.
type Outcome = Result<Vec<(Option<String>, String)>, String>;

/// Reads every file; once all are read, adds one document per good file in the order
/// dropped and shows one message naming each file refused. Nothing loaded is lost.
/// Returns the reads to keep alive.
pub fn open_files(article: Article, files: Vec<web_sys::File>) -> Vec<FileReader> {
    let count = files.len();
    let names: Vec<String> = files.iter().map(|file| file.name()).collect();
    let results: Rc<RefCell<Vec<Option<Outcome>>>> = Rc::new(RefCell::new(vec![None; count]));
    let finish = {
        let results = results.clone();
        move || {
            // Every file read, and not taken in yet.
            let done = {
                let results = results.borrow();
                !results.is_empty() && results.iter().all(Option::is_some)
            };
            if !done {
                return;
            }
            let outcomes: Vec<Outcome> = results.borrow_mut().drain(..).flatten().collect();
            finish_files(article, &names, outcomes);
        }
    };
    let mut readers = Vec::new();
    for (index, file) in files.into_iter().enumerate() {
        let name = file.name();
        if let Err(message) = check_file(&name, file.size()) {
            results.borrow_mut()[index] = Some(Err(message));
            continue;
        }
        let results = results.clone();
        let finish = finish.clone();
        let blob = gloo::file::File::from(file);
        readers.push(read_as_bytes(&blob, move |result| {
            let outcome = result
                .map_err(|error| format!("\u{201c}{name}\u{201d} could not be read ({error})."))
                .and_then(|bytes| read_document(&name, &bytes));
            results.borrow_mut()[index] = Some(outcome);
            // Reading a file is a task; taking its documents in is another (a 5 MB file
            // may hold a thousand of them).
            set_timeout(finish, std::time::Duration::ZERO);
        }));
    }
    finish();
    readers
}

fn finish_files(article: Article, names: &[String], outcomes: Vec<Outcome>) {
    let mut documents = Vec::new();
    let mut errors = Vec::new();
    let mut read = Vec::new();
    for (name, outcome) in names.iter().zip(outcomes) {
        match outcome {
            Ok(found) => {
                documents.extend(found);
                read.push(format!("\u{201c}{name}\u{201d}"));
            }
            Err(message) => errors.push(message),
        }
    }
    let imported = if documents.is_empty() {
        Imported::default()
    } else {
        article.add_documents(documents)
    };
    let mut loaded = match imported.added {
        0 => String::new(),
        1 => format!("Loaded {} as a new document.", read.join(", ")),
        n => format!("Loaded {} as {} new documents.", read.join(", "), group(n)),
    };
    if imported.left_out > 0 {
        loaded.push_str(&format!(
            " A workspace holds at most {} documents, so {} {} left out.",
            group(Limits::APP.documents),
            group(imported.left_out),
            if imported.left_out == 1 {
                "was"
            } else {
                "were"
            }
        ));
    }
    if imported.titles_cut > 0 {
        loaded.push_str(&format!(
            " {} {} cut to {} characters.",
            group(imported.titles_cut),
            if imported.titles_cut == 1 {
                "title was"
            } else {
                "titles were"
            },
            Limits::APP.title_chars
        ));
    }
    let loaded = loaded.trim_start().to_string();
    let notice = if errors.is_empty() && imported.left_out == 0 {
        Notice::Info(loaded)
    } else if errors.is_empty() {
        Notice::Error(loaded)
    } else {
        let mut text = errors.join(" ");
        text.push_str(" The documents you have are unchanged.");
        if imported.added > 0 {
            text.push(' ');
            text.push_str(&loaded);
        }
        Notice::Error(text)
    };
    article.notice.set(Some(notice));
}

/// The documents in one file: its text (`.txt`, `.md`), the text of a web page
/// (`.html`, `.htm`), or the results of an earlier export (`.json`).
pub fn read_document(name: &str, bytes: &[u8]) -> Outcome {
    let text = decode_text(name, bytes)?;
    match extension(name).as_str() {
        "json" => workspace::import_json(name, &text),
        "html" | "htm" => {
            let (title, text) = html_to_text(&text).ok_or_else(|| {
                format!("\u{201c}{name}\u{201d} could not be read as a web page.")
            })?;
            if text.trim().is_empty() {
                return Err(format!("\u{201c}{name}\u{201d} has no text."));
            }
            Ok(vec![(title, text)])
        }
        _ => Ok(vec![(None, text)]),
    }
}

/// The title and text of a web page. It is parsed by the browser into an inert
/// document (its scripts never run, nothing is loaded, it never joins the page);
/// scripts, styles and templates are dropped, blocks become paragraphs. What is
/// parsed is the page reduced by [`bare_markup`].
pub fn html_to_text(html: &str) -> Option<(Option<String>, String)> {
    let parser = web_sys::DomParser::new().ok()?;
    let document = parser
        .parse_from_string(&bare_markup(html), web_sys::SupportedType::TextHtml)
        .ok()?;
    let body = document.body()?;
    if let Ok(junk) =
        body.query_selector_all("script, style, noscript, template, iframe, object, svg")
    {
        for i in 0..junk.length() {
            if let Some(node) = junk
                .item(i)
                .and_then(|node| node.dyn_into::<web_sys::Element>().ok())
            {
                node.remove();
            }
        }
    }
    if let Ok(blocks) = body.query_selector_all(
        "p, div, section, article, header, footer, aside, blockquote, pre, li, tr, h1, h2, h3, h4, h5, h6, br, hr, figcaption, table",
    ) {
        for i in 0..blocks.length() {
            if let Some(node) = blocks.item(i) {
                let _ = node.append_child(&document.create_text_node("\n\n"));
            }
        }
    }
    let raw = body.text_content().unwrap_or_default();
    let mut text = String::new();
    let mut blank = 0;
    for line in raw.lines() {
        let line = line.split_whitespace().collect::<Vec<_>>().join(" ");
        if line.is_empty() {
            blank += 1;
            continue;
        }
        if !text.is_empty() {
            text.push_str(if blank > 0 { "\n\n" } else { "\n" });
        }
        blank = 0;
        text.push_str(&line);
    }
    let title = document
        .title()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    Some(((!title.is_empty()).then_some(title), text))
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

fn extension(name: &str) -> String {
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

/// `2048` -> `2.0 KB`; `7340032` -> `7.0 MB`.
pub fn human_size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{:.1} KB", bytes / KB)
    } else {
        format!("{:.1} MB", bytes / (KB * KB))
    }
}
