//! The files the app reads and writes, as text: which files are read, their bytes as
//! text, the export formats and reading an export back.

use diplomap_app_core::export::{self, framed_svg, Frame, LegendEntry};
use diplomap_app_core::graph::map_data;
use diplomap_app_core::import::{check_file, decode_text, import_json, MAX_FILE_BYTES};
use diplomap_app_core::workspace::{combine, DocRange};
use diplomap_app_core::Analysed;

#[path = "support/texts.rs"]
mod texts;
use texts::{GRAIN, KYIV};

#[test]
fn refuses_files_by_name_and_size() {
    assert!(check_file("cable.txt", 10.0).is_ok());
    assert!(check_file("NOTES.MD", 10.0).is_ok());
    assert!(check_file("notes.markdown", 10.0).is_ok());
    let pdf = check_file("brief.pdf", 10.0).unwrap_err();
    assert!(
        pdf.contains("brief.pdf") && pdf.contains(".txt, .md, .html or .json"),
        "{pdf}"
    );
    assert!(check_file("README", 10.0).is_err());
    assert!(check_file("exactly.txt", MAX_FILE_BYTES).is_ok());
    let big = check_file("big.txt", 7.0 * 1024.0 * 1024.0).unwrap_err();
    assert!(
        big.contains("big.txt") && big.contains("7.0 MB") && big.contains("5 MB"),
        "{big}"
    );
    assert!(check_file("page.HTML", 10.0).is_ok() && check_file("export.json", 10.0).is_ok());
}

#[test]
fn decodes_text_files() {
    assert_eq!(
        decode_text("a.txt", b"\xEF\xBB\xBFKyiv\r\nMinsk\r").unwrap(),
        "Kyiv\nMinsk\n"
    );
    assert_eq!(decode_text("a.txt", "Zürich".as_bytes()).unwrap(), "Zürich");
    let binary = decode_text("a.txt", b"PK\x03\x04\x00\x00").unwrap_err();
    assert!(
        binary.contains("a.txt") && binary.contains("NUL"),
        "{binary}"
    );
    assert!(decode_text("b.txt", b"\xff\xfe\x41")
        .unwrap_err()
        .contains("UTF-8"));
    assert!(decode_text("c.txt", b"  \n ")
        .unwrap_err()
        .contains("empty"));
}

#[test]
fn exports_are_well_formed() {
    let text = "Münster: Berlin has granted $40 million to Kyiv.";
    let analysis = diplomap_extract::analyze(text);
    // JSON: diplomap/1 plus title and text, importable again.
    let json = export::export_json("Aid", text, &analysis);
    let value: serde_json::Value = serde_json::from_str(&json).unwrap();
    assert_eq!(value["schema"], "diplomap/1");
    assert_eq!(value["text"], text);
    let imported = import_json("aid.json", &json).unwrap();
    assert_eq!(imported, vec![(Some("Aid".to_string()), text.to_string())]);
    assert_eq!(
        import_json("two.json", &format!("[{json},{json}]"))
            .unwrap()
            .len(),
        2
    );
    let refused = import_json("other.json", r#"{"schema":"x","text":"t"}"#).unwrap_err();
    assert!(
        refused.contains("other.json") && refused.contains("diplomap/1"),
        "{refused}"
    );
    assert!(import_json("bad.json", "{not json").is_err());
    assert!(import_json("notext.json", r#"{"schema":"diplomap/1","entities":[]}"#).is_err());

    // displaCy: code point offsets.
    let displacy: serde_json::Value =
        serde_json::from_str(&export::displacy_json(text, &analysis)).unwrap();
    assert_eq!(displacy["text"], text);
    assert!(displacy["title"].is_null());
    let chars: Vec<char> = text.chars().collect();
    let ents = displacy["ents"].as_array().unwrap();
    assert!(!ents.is_empty());
    let berlin = ents
        .iter()
        .find(|e| {
            let (s, e) = (
                e["start"].as_u64().unwrap() as usize,
                e["end"].as_u64().unwrap() as usize,
            );
            chars[s..e].iter().collect::<String>() == "Berlin"
        })
        .expect("Berlin at its code point offsets");
    assert_eq!(berlin["label"], "GPE");
    assert_eq!(export::slug("Lavrov in Astana!"), "lavrov-in-astana");
    assert_eq!(export::slug("¿?"), "document");
}

/// The CSV read by a real CSV reader: its header and rows.
fn read_csv(csv: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header = reader.headers().unwrap().iter().map(String::from).collect();
    let rows = reader
        .records()
        .map(|record| record.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

#[test]
fn the_csv_has_one_row_per_pair_with_names_evidence_and_documents() {
    // Two documents on the same pair, one title with a comma and quotes.
    let aid = Analysed::new(KYIV.to_string());
    let grain = Analysed::new(GRAIN.to_string());
    let (all, ranges) = combine(&[
        (3, "Aid, \"urgent\"".to_string(), &aid),
        (7, "Grain".to_string(), &grain),
    ]);
    let csv = export::relations_csv(&map_data(&all), &ranges);
    assert!(csv.ends_with("\r\n"));
    let (header, rows) = read_csv(&csv);
    assert_eq!(
        header,
        [
            "Source",
            "Target",
            "Source name",
            "Target name",
            "Type",
            "Relation types",
            "Weight",
            "Confidence",
            "Evidence",
            "Document id",
            "Document title",
            "Documents"
        ]
    );
    assert_eq!(rows.len(), 1, "one row for the one pair: {csv}");
    let row = &rows[0];
    assert_eq!((row[0].as_str(), row[1].as_str()), ("DE", "UA"));
    assert_eq!((row[2].as_str(), row[3].as_str()), ("Germany", "Ukraine"));
    // Berlin grants, but the grain deal has no direction: together, none.
    assert_eq!(row[4], "Undirected");
    // Both documents' types, joined; the weights added.
    let types: Vec<&str> = row[5].split("; ").collect();
    assert!(types.contains(&"economy") && types.len() >= 2, "{types:?}");
    let weight: f64 = row[6].parse().unwrap();
    assert!(weight >= 2.0, "{weight}");
    let confidence: f64 = row[7].parse().unwrap();
    assert!((0.5..=1.0).contains(&confidence));
    assert_eq!(row[8], KYIV);
    assert_eq!(
        (row[9].as_str(), row[10].as_str()),
        ("3", "Aid, \"urgent\"")
    );
    assert_eq!(row[11], "3; 7");

    // One document: its own id and title; a pair's evidence sentence in the row.
    let one = [DocRange {
        id: 1,
        title: "Aid".into(),
        start: 0,
        end: KYIV.len(),
    }];
    let (_, rows) = read_csv(&export::relations_csv(&map_data(&aid), &one));
    assert_eq!(rows[0][4], "Directed");
    assert_eq!(rows[0][9..], ["1", "Aid", "1"]);
}

#[test]
fn displacy_of_all_documents_is_one_object_per_document() {
    let aid = diplomap_extract::analyze(KYIV);
    let grain = diplomap_extract::analyze(GRAIN);
    let all: serde_json::Value = serde_json::from_str(&export::displacy_all(&[
        ("Aid", KYIV, &aid),
        ("Grain", GRAIN, &grain),
    ]))
    .unwrap();
    let all = all.as_array().unwrap();
    assert_eq!(all.len(), 2);
    assert_eq!(all[0]["text"], KYIV);
    assert_eq!(all[0]["title"], "Aid");
    assert_eq!(all[1]["text"], GRAIN);
    assert!(all
        .iter()
        .all(|doc| !doc["ents"].as_array().unwrap().is_empty()));
}

#[test]
fn the_framed_picture_has_title_legend_source_and_date() {
    let map = "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"600\" height=\"375\"><path d=\"M0,0L1,1\"/></svg>";
    let frame = Frame {
        title: "Talks <in> Kyiv & \"Berlin\"".to_string(),
        legend: vec![
            LegendEntry {
                name: "Economy".into(),
                stroke: "rgb(138, 87, 0)".into(),
                dash: "none".into(),
                width: "2.5px".into(),
                cap: "round".into(),
            },
            LegendEntry {
                name: "Integration".into(),
                stroke: "#0b6d72".into(),
                dash: "0.1px, 6px".into(),
                width: "4.5px".into(),
                cap: "round".into(),
            },
        ],
        source: "Diplomap \u{2014} 2 documents".to_string(),
        date: "2026-12-06".to_string(),
        ink: "#1d1d1b".into(),
        muted: "#5f5b52".into(),
        paper: "#fbf9f4".into(),
    };
    let (svg, width, height) = framed_svg(map, 600.0, 375.0, &frame);
    assert!(width > 600.0 && height > 375.0 + 60.0, "{width} x {height}");
    // Well-formed, with the title escaped and every part as text.
    assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
    assert!(
        svg.contains(">Talks &lt;in&gt; Kyiv &amp; &quot;Berlin&quot;</text>"),
        "{svg}"
    );
    for part in [
        ">Economy</text>",
        ">Integration</text>",
        ">Diplomap \u{2014} 2 documents \u{00b7} 2026-12-06</text>",
    ] {
        assert!(svg.contains(part), "{part} in {svg}");
    }
    // Each type's line as the page draws it: dotted integration in round dots.
    assert!(svg.contains(
        "stroke=\"#0b6d72\" stroke-width=\"4.5px\" stroke-linecap=\"round\" stroke-dasharray=\"0.1px, 6px\""
    ));
    assert!(svg.contains("<path d=\"M0,0L1,1\"/>"), "the map inside");
    // A title too long for the width is cut with an ellipsis.
    let long = Frame {
        title: "word ".repeat(200),
        ..frame
    };
    let (svg, _, _) = framed_svg(map, 600.0, 375.0, &long);
    assert!(svg.contains("\u{2026}</text>"));
}
