use leptos::prelude::*;

use diplomap_app_core::export;
use diplomap_app_core::workspace::View;

use crate::io::export::download;
use crate::io::images::{map_png, map_svg};
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

    let json = move |_| {
        let content = match article.workspace.view.get_untracked() {
            View::Doc(id) => {
                let title = article.workspace.docs.with_untracked(|docs| {
                    docs.iter()
                        .find(|doc| doc.id == id)
                        .map(|doc| doc.title.clone())
                        .unwrap_or_default()
                });
                article.analysed.with_untracked(|current| {
                    export::export_json(&title, &current.text, &current.analysis)
                })
            }
            View::All => {
                // One result per document, as a list: importing it gives them all back.
                let docs = article.workspace.docs.get_untracked();
                let items: Vec<String> = docs
                    .iter()
                    .map(|doc| {
                        let analysis = crate::analyser::analyse_here(&doc.text);
                        export::export_json(&doc.title, &doc.text, &analysis)
                    })
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
        let content = article
            .analysed
            .with_untracked(|current| export::relations_csv(&current.analysis));
        if download(&format!("{}-relations.csv", base()), "text/csv", &content).is_err() {
            fail("CSV");
        }
    };
    let displacy = move |_| {
        let content = article
            .analysed
            .with_untracked(|current| export::displacy_json(&current.text, &current.analysis));
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
    let svg = move |_| match map_svg() {
        Some((content, _, _)) => {
            if download(&format!("{}-map.svg", base()), "image/svg+xml", &content).is_err() {
                fail("map");
            }
        }
        None => fail("map (there is none for this text)"),
    };
    let png = move |_| {
        if map_png(format!("{}-map.png", base())).is_err() {
            fail("map (there is none for this text)");
        }
    };

    view! {
        <div class="export-row" role="group" aria-label="Export what is shown">
            <span class="export-label">"Export"</span>
            <button type="button" class="button button-small button-quiet" data-export="json" title="The analysis in the diplomap/1 format, with the text (can be imported again)" on:click=json>"JSON"</button>
            <button type="button" class="button button-small button-quiet" data-export="csv" title="Relations as an edge table for Gephi" on:click=csv>"CSV"</button>
            <button type="button" class="button button-small button-quiet" data-export="displacy" title="Entities for displaCy" on:click=displacy>"displaCy"</button>
            <button type="button" class="button button-small button-quiet" data-export="svg" title="The map as SVG" on:click=svg>"SVG"</button>
            <button type="button" class="button button-small button-quiet" data-export="png" title="The map as PNG" on:click=png>"PNG"</button>
        </div>
    }
}
