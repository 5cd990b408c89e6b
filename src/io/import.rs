//! Reading files in the browser: the bytes of each file picked or dropped, and the text
//! of a web page through an inert parsed document. What is read and how it is checked
//! are `diplomap_app_core::import`'s; what becomes of the documents is the state's
//! (`Article::take_in_files`).

use std::cell::RefCell;
use std::rc::Rc;

use diplomap_app_core::import::{bare_markup, check_file, decode_text, extension, import_json};
use gloo::file::callbacks::{read_as_bytes, FileReader};
use leptos::prelude::set_timeout;
use wasm_bindgen::JsCast;

/// What became of one file of a drop.
pub type Outcome = Result<Vec<(Option<String>, String)>, String>;

/// Reads every file; once all are read, hands `done` each file's name and what it
/// holds, in the order given (a refused file holds the message saying why). Returns the
/// reads to keep alive: dropping one aborts it.
pub fn read_files(
    files: Vec<web_sys::File>,
    done: impl FnOnce(&[String], Vec<Outcome>) + 'static,
) -> Vec<FileReader> {
    let count = files.len();
    let names: Vec<String> = files.iter().map(|file| file.name()).collect();
    let results: Rc<RefCell<Vec<Option<Outcome>>>> = Rc::new(RefCell::new(vec![None; count]));
    let done = Rc::new(RefCell::new(Some(done)));
    let finish = {
        let results = results.clone();
        move || {
            // Every file read, and not taken in yet.
            let all_read = {
                let results = results.borrow();
                !results.is_empty() && results.iter().all(Option::is_some)
            };
            if !all_read {
                return;
            }
            let outcomes: Vec<Outcome> = results.borrow_mut().drain(..).flatten().collect();
            if let Some(done) = done.borrow_mut().take() {
                done(&names, outcomes);
            }
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

/// The documents in one file: its text (`.txt`, `.md`), the text of a web page
/// (`.html`, `.htm`), or the results of an earlier export (`.json`).
pub fn read_document(name: &str, bytes: &[u8]) -> Outcome {
    let text = decode_text(name, bytes)?;
    match extension(name).as_str() {
        "json" => import_json(name, &text),
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
