//! The files the app reads and writes, as text: which files are read, their bytes as
//! text, the export formats and reading an export back.

use diplomap_app_core::export;
use diplomap_app_core::import::{check_file, decode_text, import_json, MAX_FILE_BYTES};

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

    // CSV: a header, then one row per pair and type, ISO codes.
    let csv = export::relations_csv(&analysis);
    let mut lines = csv.lines();
    assert_eq!(lines.next(), Some("Source,Target,Type,Weight"));
    let rows: Vec<Vec<&str>> = lines.map(|line| line.split(',').collect()).collect();
    let rows_expected: usize = analysis.relations.iter().map(|r| r.types.len()).sum();
    assert!(rows_expected > 0);
    assert_eq!(rows.len(), rows_expected);
    for row in &rows {
        assert_eq!(row.len(), 4);
        assert!(row[0].len() == 2 && row[1].len() == 2, "{row:?}");
        assert!(row[3].parse::<f64>().is_ok());
    }
    assert!(
        rows.iter()
            .any(|row| row.contains(&"DE") && row.contains(&"UA")),
        "{csv}"
    );

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
