//! The drop zone and the files it reads (`diplomap_app::io::import`).

use super::*;

#[wasm_bindgen_test]
async fn bad_files_are_refused_and_the_article_kept() {
    let app = Mounted::new(None).await;
    app.drop_file("cable.txt", b"Moscow\0\x01\x02");
    eventually("binary file refused", || app.notice().contains("cable.txt")).await;
    assert!(app.notice().contains("NUL"), "{}", app.notice());
    assert!(app.one(".notice").class_list().contains("notice-error"));
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);

    app.drop_file("slides.pptx", b"PK");
    eventually("unsupported file refused", || {
        app.notice().contains("slides.pptx")
    })
    .await;
    assert!(app.notice().contains(".txt, .md, .html or .json"));

    let big = vec![b'a'; 5 * 1024 * 1024 + 1];
    app.drop_file("dump.txt", &big);
    eventually("large file refused", || app.notice().contains("dump.txt")).await;
    assert!(
        app.notice().contains("the limit is 5 MB"),
        "{}",
        app.notice()
    );
    assert_eq!(app.textarea().value(), SAMPLE_ARTICLE);
    assert!(app.text("article.reading").contains("Tokayev"));

    app.drop_file(
        "talks.md",
        "# Talks\n\nThe fund grew 7% in 2023.".as_bytes(),
    );
    eventually("good file loaded", || app.notice().contains("Loaded")).await;
    assert_eq!(app.all(".doc-tabs .doc-item:not(.doc-item-all)").len(), 2);
    assert!(app.notice().contains("talks.md"));
    assert_eq!(
        app.textarea().value(),
        "# Talks\n\nThe fund grew 7% in 2023."
    );
    assert!(app.marks().contains(&("7%".into(), "PERCENT".into())));
}

#[wasm_bindgen_test]
async fn files_dropped_anywhere_are_read_once() {
    let app = Mounted::new(None).await;
    app.drop_file_on("#article-text", "brief.txt", b"Exports rose 9% in 2022.");
    eventually("file dropped on the text box loaded", || {
        app.notice().contains("brief.txt")
    })
    .await;
    assert_eq!(app.textarea().value(), "Exports rose 9% in 2022.");
    assert_eq!(
        app.marks()
            .iter()
            .filter(|(_, label)| label == "PERCENT")
            .count(),
        1
    );
}

#[wasm_bindgen_test]
fn html_files_become_their_text_without_scripts() {
    use diplomap_app::io::import::read_document;
    let html = b"<html><head><title>Cable</title><style>p{}</style></head><body><h1>Aid to Kyiv</h1><script>alert(1)</script><p>Berlin has <b>granted</b> aid.</p><img src=x onerror=alert(1)><p>Second.</p></body></html>";
    let docs = read_document("cable.html", html).unwrap();
    assert_eq!(
        docs,
        vec![(
            Some("Cable".to_string()),
            "Aid to Kyiv\n\nBerlin has granted aid.\n\nSecond.".to_string()
        )]
    );
    assert!(read_document("empty.htm", b"<script>alert(1)</script>")
        .unwrap_err()
        .contains("empty.htm"));
    let refused = read_document("x.json", b"[1]").unwrap_err();
    assert!(refused.contains("x.json"));
}

#[wasm_bindgen_test]
fn web_pages_are_parsed_without_attributes_comments_scripts_or_styles() {
    use diplomap_app::io::import::read_document;
    use diplomap_app_core::import::bare_markup;
    assert_eq!(
        bare_markup("<P class=x onclick='a>b'>Hi &amp; <b>you</b>, 1 < 2 <3</p >"),
        "<p>Hi &amp; <b>you</b>, 1 &lt; 2 &lt;3</p>"
    );
    assert_eq!(
        bare_markup("<style>p{}</style><SCRIPT>if (a<b) x='</p>'</script >x"),
        "</style></script>x"
    );
    assert_eq!(
        bare_markup("<title>a <b onclick=x> &amp; c</title>"),
        "<title>a &lt;b onclick=x> &amp; c</title>"
    );
    assert_eq!(
        bare_markup("<!-- <img onerror=x> -->t<!-->u<!--->v<!DOCTYPE html><?xml?>w<plaintext>z"),
        "tuvwz"
    );
    assert_eq!(
        bare_markup("<img src=\"x\" alt='>' onerror=alert(1)//>é"),
        "<img>é"
    );
    assert_eq!(bare_markup("<svg><script>x</svg>"), "<svg>");
    // Whatever comes in, every `<` left opens a tag with a bare name.
    for html in [
        "<a href=\"javascript:alert(1)\">x</a><svg/onload=alert(1)><math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
        "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
        "<!--<img src=\"--><img src=x onerror=alert(1)//\">",
        "<<script>alert(1);//<</script><scr<script>ipt>alert(1)</scr</script>ipt><div =\"a\" '=x onmouseover=1>",
        "<textarea></textarea><img src=x onerror=alert(1)><title></title onerror=1><x y='unclosed",
    ] {
        let bare = bare_markup(html);
        for tag in bare.split('<').skip(1) {
            let name = tag.split('>').next().unwrap_or_default();
            assert!(tag.contains('>') && name.trim_start_matches('/').bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-'), "{html:?} gave {bare:?}");
        }
    }
    let page = b"<title>&lt;img src=x onerror=alert(1)&gt;</title><p onclick=alert(1)>Berlin <img src=x onerror=alert(1)>and &lt;b&gt; Kyiv.</p><style>@import url(x.css)</style>";
    assert_eq!(
        read_document("page.html", page).unwrap(),
        vec![(
            Some("<img src=x onerror=alert(1)>".to_string()),
            "Berlin and <b> Kyiv.".to_string()
        )]
    );
}
