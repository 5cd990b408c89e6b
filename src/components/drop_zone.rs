use gloo::file::callbacks::{read_as_bytes, FileReader};
use leptos::ev;
use leptos::prelude::*;
use web_sys::DragEvent;

use crate::app::{Article, Notice};

/// Files larger than this are refused before they are read.
pub const MAX_FILE_BYTES: f64 = 5.0 * 1024.0 * 1024.0;

/// The file name endings the app reads, lower-case.
pub const EXTENSIONS: [&str; 3] = ["txt", "md", "markdown"];

/// Where a `.txt` or `.md` file can be dropped, or picked with the file dialog. A file
/// that is not text, too large or of another type is refused with a message naming
/// it; the article already loaded stays as it is.
#[component]
pub fn DropZone() -> impl IntoView {
    let article = expect_context::<Article>();
    // The read in progress; dropping it would abort the read.
    let reader = StoredValue::new_local(None::<FileReader>);
    let (dragging, set_dragging) = signal(false);

    let open = move |files: Option<web_sys::FileList>| {
        let Some(files) = files else { return };
        let Some(file) = files.get(0) else { return };
        let others = files.length().saturating_sub(1);
        reader.set_value(open_file(article, file, others));
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
            aria-label="File drop zone: drop a .txt or .md file of up to 5 MB anywhere on the page, or choose one"
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
                "Drop a " <code>".txt"</code> " or " <code>".md"</code> " file anywhere, or "
            </span>
            <label class="button button-small file-pick">
                "choose a file"
                <input
                    type="file"
                    class="visually-hidden"
                    accept=".txt,.md,.markdown,text/plain,text/markdown"
                    aria-label="Choose a .txt or .md file to analyse"
                    on:change:target=move |ev| {
                        let input = ev.target();
                        open(input.files());
                        // Let the same file be chosen again after it was edited.
                        input.set_value("");
                    }
                />
            </label>
            <span class="drop-limit">"up to 5 MB"</span>
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

/// Starts reading `file` into `article`; returns the read to keep alive, or `None` when
/// the file was refused at once. `others` files dropped alongside are ignored.
pub fn open_file(article: Article, file: web_sys::File, others: u32) -> Option<FileReader> {
    let name = file.name();
    if let Err(message) = check_file(&name, file.size()) {
        article.notice.set(Some(Notice::Error(message)));
        return None;
    }
    let blob = gloo::file::File::from(file);
    Some(read_as_bytes(&blob, move |result| {
        let outcome = result
            .map_err(|error| format!("\u{201c}{name}\u{201d} could not be read ({error})."))
            .and_then(|bytes| decode_text(&name, &bytes).map(|text| (text, bytes.len())));
        match outcome {
            Ok((text, size)) => {
                let mut message = format!(
                    "Loaded \u{201c}{name}\u{201d} ({}).",
                    human_size(size as f64)
                );
                if others > 0 {
                    message.push_str(&format!(
                        " {others} more file{} ignored: Diplomap reads one article at a time.",
                        if others == 1 { " was" } else { "s were" }
                    ));
                }
                article.load(text, Some(Notice::Info(message)));
            }
            Err(message) => article.notice.set(Some(Notice::Error(keep_note(message)))),
        }
    }))
}

fn keep_note(message: String) -> String {
    format!("{message} The article you had is unchanged.")
}

/// Refuses files by name and size, before reading them.
pub fn check_file(name: &str, size: f64) -> Result<(), String> {
    let extension = name
        .rsplit_once('.')
        .map(|(_, extension)| extension.to_ascii_lowercase())
        .unwrap_or_default();
    if !EXTENSIONS.contains(&extension.as_str()) {
        return Err(keep_note(format!(
            "\u{201c}{name}\u{201d} is not a .txt or .md file. Diplomap reads plain-text and Markdown files."
        )));
    }
    if size > MAX_FILE_BYTES {
        return Err(keep_note(format!(
            "\u{201c}{name}\u{201d} is {}; the limit is 5 MB.",
            human_size(size)
        )));
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
