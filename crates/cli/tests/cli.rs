//! The `diplomap` command end to end: outputs, and every error path with its message
//! and exit code (see USAGE in src/main.rs).

use std::io::Write;
use std::process::{Command, Output, Stdio};

use serde_json::Value;

fn diplomap(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_diplomap"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the diplomap binary runs");
    child.stdin.take().unwrap().write_all(stdin).unwrap();
    child.wait_with_output().unwrap()
}

fn results(output: &Output) -> Vec<Value> {
    String::from_utf8(output.stdout.clone())
        .unwrap()
        .lines()
        .map(|line| serde_json::from_str(line).expect("every output line is JSON"))
        .collect()
}

fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

fn temp_file(bytes: &[u8]) -> tempfile::NamedTempFile {
    let mut file = tempfile::NamedTempFile::new().unwrap();
    file.write_all(bytes).unwrap();
    file
}

const ARTICLE: &str = "On March 3, 2021, the prime minister of Ruritania said that a loan of $40 million was 12% of the budget.";

#[test]
fn extracts_a_file_into_a_schema_result() {
    let file = temp_file(ARTICLE.as_bytes());
    let path = file.path().to_str().unwrap();
    let output = diplomap(&["extract", path], b"");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result = &results(&output)[0];
    assert_eq!(result["schema"], "diplomap/1");
    assert_eq!(result["id"], path);
    let labels: Vec<&str> = result["entities"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["label"].as_str().unwrap())
        .collect();
    assert!(
        labels.contains(&"DATE") && labels.contains(&"MONEY") && labels.contains(&"PERCENT"),
        "{labels:?}"
    );
    assert!(result["sentences"].as_array().unwrap().len() == 1);
    assert!(result["relations"].is_array());
}

#[test]
fn offsets_count_code_points_not_bytes() {
    let text = "Émile’s café — paid $5 million.";
    let output = diplomap(&["extract"], text.as_bytes());
    let money = &results(&output)[0]["entities"][0];
    let (start, end) = (
        money["start"].as_u64().unwrap() as usize,
        money["end"].as_u64().unwrap() as usize,
    );
    let chars: Vec<char> = text.chars().collect();
    assert_eq!(chars[start..end].iter().collect::<String>(), "$5 million");
    assert_eq!(money["text"], "$5 million");
}

#[test]
fn jsonl_keeps_order_and_reports_bad_lines_in_place() {
    let input = "{\"id\": \"a\", \"text\": \"It rose 5%.\"}\n\
                 {not json}\n\
                 {\"id\": 7, \"body\": \"no text field\"}\n\
                 \n\
                 {\"id\": \"d\", \"text\": \"It fell 3 percent.\"}\n";
    let output = diplomap(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(1));
    let lines = results(&output);
    assert_eq!(
        lines.len(),
        4,
        "the blank line is skipped, the others keep their place"
    );
    assert_eq!(lines[0]["id"], "a");
    assert!(lines[1]["error"]
        .as_str()
        .unwrap()
        .contains("not valid JSON"));
    assert_eq!(lines[2]["id"], 7);
    assert!(lines[2]["error"].as_str().unwrap().contains("no \"text\""));
    assert_eq!(lines[3]["id"], "d");
    assert_eq!(lines[3]["entities"][0]["label"], "PERCENT");
    let messages = stderr(&output);
    assert!(
        messages.contains("line 2") && messages.contains("line 3"),
        "{messages}"
    );
}

#[test]
fn missing_file_and_directory_are_reported_and_others_still_processed() {
    let good = temp_file(ARTICLE.as_bytes());
    let dir = tempfile::tempdir().unwrap();
    let output = diplomap(
        &[
            "extract",
            "/no/such/file.txt",
            dir.path().to_str().unwrap(),
            good.path().to_str().unwrap(),
        ],
        b"",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        results(&output).len(),
        1,
        "the readable file still gives a result"
    );
    let messages = stderr(&output);
    assert!(
        messages.contains("/no/such/file.txt: cannot read: no such file"),
        "{messages}"
    );
    assert!(messages.contains("is a directory"), "{messages}");
}

#[test]
fn binary_file_is_refused_with_its_offset() {
    let binary = temp_file(b"PK\x03\x04\x00\x00binary");
    let output = diplomap(&["extract", binary.path().to_str().unwrap()], b"");
    assert_eq!(output.status.code(), Some(1));
    assert!(results(&output).is_empty());
    assert!(
        stderr(&output).contains("binary file (NUL byte at offset 4)"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn invalid_utf8_is_replaced_with_a_warning_naming_the_byte() {
    let output = diplomap(&["extract"], b"Growth of 4% \xff\xfe in 2020.");
    assert_eq!(output.status.code(), Some(0));
    assert!(
        stderr(&output).contains("invalid UTF-8 at byte 13"),
        "{}",
        stderr(&output)
    );
    let result = &results(&output)[0];
    assert_eq!(result["entities"][0]["text"], "4%");
    assert_eq!(result["entities"][1]["text"], "2020");
}

#[test]
fn empty_input_gives_an_empty_result() {
    let output = diplomap(&["extract"], b"");
    assert_eq!(output.status.code(), Some(0));
    let result = &results(&output)[0];
    assert_eq!(result["entities"].as_array().unwrap().len(), 0);
    assert_eq!(result["sentences"].as_array().unwrap().len(), 0);
}

#[test]
fn pretty_output_is_indented_json() {
    let output = diplomap(&["extract", "--pretty"], b"Up 5%.");
    let text = String::from_utf8(output.stdout).unwrap();
    assert!(text.contains("\n  \"schema\": \"diplomap/1\""));
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["entities"][0]["label"], "PERCENT");
}

#[test]
fn usage_errors_exit_2_with_help() {
    let output = diplomap(&["extract", "--bogus"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("unknown option `--bogus`"));
    assert!(stderr(&output).contains("USAGE"));
    assert_eq!(diplomap(&[], b"").status.code(), Some(2));
    let help = diplomap(&["--help"], b"");
    assert_eq!(help.status.code(), Some(0));
    assert!(String::from_utf8_lossy(&help.stdout).contains("EXIT CODES"));
}

#[test]
fn large_single_jsonl_line_streams_through() {
    let text = "The ministers met. ".repeat(200_000);
    let input = serde_json::json!({"id": "big", "text": text}).to_string() + "\n";
    let output = diplomap(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0));
    let result = &results(&output)[0];
    assert_eq!(result["id"], "big");
    assert_eq!(result["sentences"].as_array().unwrap().len(), 200_000);
}

#[test]
fn a_50_mb_line_is_read_whole() {
    // One 50 MB word after a sentence: the line is read and analysed whole (a long word
    // is one token, so the test stays quick in a debug build).
    let text = format!("Talks opened in Geneva. {}", "x".repeat(50 * 1024 * 1024));
    let input = serde_json::json!({"id": "huge", "text": text}).to_string() + "\n";
    let output = diplomap(&["extract", "--jsonl"], input.as_bytes());
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let result = &results(&output)[0];
    assert_eq!(result["id"], "huge");
    assert_eq!(result["entities"][0]["text"], "Geneva");
}

#[test]
fn jobs_keep_input_order_and_match_one_thread() {
    // Uneven documents (every ninth is large, so lines go to the workers in several
    // batches that finish out of order); a bad line keeps its place too.
    let mut input = String::new();
    for i in 0..60 {
        if i == 17 {
            input.push_str("{not json}\n");
            continue;
        }
        let repeats = if i % 9 == 0 { 600 } else { 1 + (i * 7) % 40 };
        let text =
            format!("Talks {i}: Moscow lent Kazakhstan ${i} million, up {i}%. ").repeat(repeats);
        input.push_str(&serde_json::json!({"id": i, "text": text}).to_string());
        input.push('\n');
    }
    // From a file: `diplomap()` writes all of standard input before reading the output.
    let file = temp_file(input.as_bytes());
    let path = file.path().to_str().unwrap();
    let one = diplomap(&["extract", "--jsonl", path], b"");
    let two = diplomap(&["extract", "--jsonl", "--jobs", "2", path], b"");
    assert_eq!(
        two.status.code(),
        Some(1),
        "the bad line fails the run: {}",
        stderr(&two)
    );
    assert_eq!(
        String::from_utf8_lossy(&two.stdout),
        String::from_utf8_lossy(&one.stdout)
    );
    let ids: Vec<Value> = results(&two).iter().map(|r| r["id"].clone()).collect();
    let expected: Vec<Value> = (0..60)
        .map(|i| if i == 17 { Value::Null } else { Value::from(i) })
        .collect();
    assert_eq!(ids, expected);
    assert!(stderr(&two).contains("line 18"), "{}", stderr(&two));
    let many = diplomap(&["extract", "--jsonl", "--jobs=8", "--pretty", path], b"");
    let pretty_one = diplomap(&["extract", "--jsonl", "--pretty", path], b"");
    assert_eq!(many.stdout, pretty_one.stdout);
}

#[test]
fn jobs_must_be_a_positive_whole_number() {
    for bad in [
        &["extract", "--jsonl", "--jobs", "0"][..],
        &["extract", "--jsonl", "--jobs", "x"],
        &["extract", "--jobs"],
    ] {
        let output = diplomap(bad, b"");
        assert_eq!(output.status.code(), Some(2), "{bad:?}");
        assert!(stderr(&output).contains("--jobs"), "{}", stderr(&output));
        assert!(stderr(&output).contains("USAGE"));
    }
}

#[test]
fn aggregate_merges_relations_across_extracted_documents() {
    let input = "{\"id\": \"one\", \"text\": \"Berlin has granted $40 million to Kyiv for power stations.\"}\n\
                 {\"id\": \"two\", \"text\": \"German and Ukrainian ministers signed a grain deal.\"}\n\
                 {\"id\": \"three\"}\n";
    let extracted = diplomap(&["extract", "--jsonl"], input.as_bytes());
    let mut lines = extracted.stdout.clone();
    lines.extend_from_slice(b"not json at all\n");
    let output = diplomap(&["aggregate"], &lines);
    assert_eq!(
        output.status.code(),
        Some(1),
        "the bad line is reported: {}",
        stderr(&output)
    );
    let messages = stderr(&output);
    assert!(
        messages.contains("skipped the error record")
            && messages.contains("line 4: not valid JSON"),
        "{messages}"
    );
    let corpus = &results(&output)[0];
    assert_eq!(corpus["schema"], "diplomap/1-corpus");
    assert_eq!(corpus["documents"], 2);
    let pair = corpus["relations"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["a"] == "DE" && r["b"] == "UA")
        .expect("DE-UA");
    let ids: Vec<&Value> = pair["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| &s["document"])
        .collect();
    assert_eq!(ids, [&Value::from("one"), &Value::from("two")]);
}

#[test]
fn aggregate_takes_no_extract_options() {
    let output = diplomap(&["aggregate", "--jobs", "2"], b"");
    assert_eq!(output.status.code(), Some(2));
    assert!(stderr(&output).contains("applies to `extract`"));
}

#[test]
fn aggregate_merges_partial_corpora_mixed_with_results() {
    let documents = [
        r#"{"id": "a", "text": "Berlin has granted $40 million to Kyiv for power stations."}"#,
        r#"{"id": "b", "text": "German and Ukrainian ministers signed a grain deal."}"#,
        r#"{"id": "c", "text": "Hanoi and Seoul signed a trade agreement."}"#,
        r#"{"id": "d", "text": "Russian troops shelled Ukrainian towns as Kyiv asked Paris for arms."}"#,
    ];
    let extract = |lines: &[&str]| diplomap(&["extract", "--jsonl"], lines.join("\n").as_bytes());
    let whole = diplomap(&["aggregate"], &extract(&documents).stdout);
    assert_eq!(whole.status.code(), Some(0), "{}", stderr(&whole));

    // Two parts aggregated apart, then merged with the last document's result, which
    // comes first in the input.
    let first = diplomap(&["aggregate"], &extract(&documents[2..3]).stdout);
    let second = diplomap(&["aggregate"], &extract(&documents[..2]).stdout);
    let mut mixed = extract(&documents[3..]).stdout;
    mixed.extend_from_slice(&first.stdout);
    mixed.extend_from_slice(&second.stdout);
    let merged = diplomap(&["aggregate"], &mixed);
    assert_eq!(merged.status.code(), Some(0), "{}", stderr(&merged));
    assert_eq!(
        String::from_utf8_lossy(&merged.stdout),
        String::from_utf8_lossy(&whole.stdout)
    );
    let corpus = &results(&merged)[0];
    assert_eq!(corpus["documents"], 4);
    assert!(
        corpus["relations"].as_array().unwrap().len() >= 3,
        "{corpus}"
    );
}

#[test]
fn aggregate_reports_a_broken_corpus_line_and_keeps_the_rest() {
    let extracted = diplomap(
        &["extract", "--jsonl"],
        br#"{"id": 1, "text": "Hanoi and Seoul signed a trade agreement."}"#,
    );
    let mut lines = extracted.stdout.clone();
    lines.extend_from_slice(b"{\"schema\": \"diplomap/1-corpus\", \"documents\": 2, \"relations\": [{\"a\": \"DE\"}]}\n");
    let output = diplomap(&["aggregate"], &lines);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).contains("line 2: not a valid corpus (diplomap/1-corpus): missing field"),
        "{}",
        stderr(&output)
    );
    assert_eq!(results(&output)[0]["documents"], 1);
}
