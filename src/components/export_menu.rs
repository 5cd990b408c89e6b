use leptos::prelude::*;

use diplomap_app_core::export;
use diplomap_app_core::graph::map_data;
use diplomap_app_core::workspace::{DocRange, View};

use crate::io::export::download;
use crate::io::images::{published_svg, save_png};
use crate::state::{Article, Notice};

/// One row of export buttons for what is shown: JSON (diplomap/1 with its text), CSV of
/// relations for Gephi, displaCy entities, the map as SVG and PNG. Files are made in the
/// page and saved through a local `blob:` link.
#[component]
pub fn ExportMenu() -> impl IntoView {
    let article = expect_context::<Article>();
    let base = move || match article.workspace.view.get_untracked() {
        View::All => "all-documents".to_string(),
        View::Doc(id) => article.workspace.docs.with_untracked(|docs| {
            export::slug(
                &docs
                    .iter()
                    .find(|doc| doc.id == id)
                    .map(|doc| doc.title.clone())
                    .unwrap_or_default(),
            )
        }),
    };
    let fail = move |what: &str| {
        article.notice.set(Some(Notice::Error(format!(
            "The {what} could not be exported."
        ))));
    };

    let title = move |id: u64| {
        article.workspace.docs.with_untracked(|docs| {
            docs.iter()
                .find(|doc| doc.id == id)
                .map(|doc| doc.title.clone())
                .unwrap_or_default()
        })
    };
    // Every document with its title, text and analysis (for "All documents").
    let each_document = move || {
        article.workspace.docs.with_untracked(|docs| {
            docs.iter()
                .map(|doc| {
                    let analysis = crate::analyser::analyse_here(&doc.text);
                    (doc.title.clone(), doc.text.clone(), analysis)
                })
                .collect::<Vec<_>>()
        })
    };

    let json = move |_| {
        let content = match article.workspace.view.get_untracked() {
            View::Doc(id) => article.analysed.with_untracked(|current| {
                export::export_json(&title(id), &current.text, &current.analysis)
            }),
            View::All => {
                // One result per document, as a list: importing it gives them all back.
                let items: Vec<String> = each_document()
                    .iter()
                    .map(|(title, text, analysis)| export::export_json(title, text, analysis))
                    .collect();
                format!("[\n{}\n]", items.join(",\n"))
            }
        };
        if download(
            &format!("{}.diplomap.json", base()),
            "application/json",
            &content,
        )
        .is_err()
        {
            fail("JSON");
        }
    };
    let csv = move |_| {
        let content = article.analysed.with_untracked(|current| {
            let ranges = match article.workspace.view.get_untracked() {
                View::All => article.workspace.ranges.get_untracked(),
                View::Doc(id) => vec![DocRange {
                    id,
                    title: title(id),
                    start: 0,
                    end: current.text.len(),
                }],
            };
            export::relations_csv(&map_data(current), &ranges)
        });
        if download(&format!("{}-relations.csv", base()), "text/csv", &content).is_err() {
            fail("CSV");
        }
    };
    let displacy = move |_| {
        let content = match article.workspace.view.get_untracked() {
            View::Doc(_) => article
                .analysed
                .with_untracked(|current| export::displacy_json(&current.text, &current.analysis)),
            View::All => {
                let documents = each_document();
                let borrowed: Vec<(&str, &str, &diplomap_extract::Analysis)> = documents
                    .iter()
                    .map(|(title, text, analysis)| (title.as_str(), text.as_str(), analysis))
                    .collect();
                export::displacy_all(&borrowed)
            }
        };
        if download(
            &format!("{}-entities.displacy.json", base()),
            "application/json",
            &content,
        )
        .is_err()
        {
            fail("displaCy JSON");
        }
    };
    // The picture's title and source line: the document's title, or "All documents".
    let picture = move || {
        let (heading, documents) = match article.workspace.view.get_untracked() {
            View::All => (
                "All documents".to_string(),
                article.workspace.docs.with_untracked(|docs| docs.len()),
            ),
            View::Doc(id) => (title(id), 1),
        };
        let source = format!(
            "Diplomap \u{2014} {documents} document{}",
            if documents == 1 { "" } else { "s" }
        );
        published_svg(&heading, &source)
    };
    let svg = move |_| match picture() {
        Some((content, _, _)) => {
            if download(&format!("{}-map.svg", base()), "image/svg+xml", &content).is_err() {
                fail("map");
            }
        }
        None => fail("map (there is none for this text)"),
    };
    let png = move |_| {
        let saved = picture()
            .ok_or(wasm_bindgen::JsValue::NULL)
            .and_then(|picture| save_png(format!("{}-map.png", base()), picture));
        if saved.is_err() {
            fail("map (there is none for this text)");
        }
    };

    view! {
        <div class="export-row" role="group" aria-label="Export what is shown">
            <span class="export-label">"Export"</span>
            <button type="button" class="button button-small button-quiet" data-export="json" title="The analysis in the diplomap/1 format, with the text (can be imported again)" on:click=json>"JSON"</button>
            <button type="button" class="button button-small button-quiet" data-export="csv" title="Relations, one row per pair: countries, types, direction, weight, confidence, evidence, document (opens in spreadsheets and Gephi)" on:click=csv>"CSV"</button>
            <button type="button" class="button button-small button-quiet" data-export="displacy" title="Entities for displaCy" on:click=displacy>"displaCy"</button>
            <button type="button" class="button button-small button-quiet" data-export="svg" title="The map as SVG, with its title, legend and source" on:click=svg>"SVG"</button>
            <button type="button" class="button button-small button-quiet" data-export="png" title="The map as PNG, with its title, legend and source" on:click=png>"PNG"</button>
        </div>
    }
}
