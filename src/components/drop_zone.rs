use gloo::file::callbacks::FileReader;
use leptos::ev;
use leptos::prelude::*;
use web_sys::DragEvent;

use crate::io::import::read_files;
use crate::state::Article;

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
            reader.set_value(read_files(files, move |names, outcomes| {
                article.take_in_files(names, outcomes)
            }));
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
