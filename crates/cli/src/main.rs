//! `diplomap`: the extraction core on the command line.
//!
//! ```text
//! diplomap extract [--jsonl [--jobs N]] [--pretty] [FILE...]
//! diplomap aggregate [--pretty] [RESULTS...]
//! ```
//! Plain files (or standard input) are one document each; with `--jsonl` every input
//! line is a document `{"id": ..., "text": ...}`, analysed on `--jobs` threads
//! ([`parallel`]). One result per document goes to standard output, in input order;
//! problems go to standard error. `aggregate` merges the relations of earlier results,
//! and earlier partial corpora, across documents ([`aggregate`]). See EXIT CODES in [`USAGE`].

mod aggregate;
mod input;
mod parallel;

use std::io::{self, BufWriter, Write};
use std::process::ExitCode;

use diplomap_extract::{Analysis, DocumentView, Gazetteer};
use serde_json::{json, Value};

// The analysis makes many small, short-lived allocations (a tenth of its instructions go
// to glibc's malloc and free); mimalloc serves them in fewer.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
diplomap — find entities, their countries and the relations between countries in news text

USAGE:
    diplomap extract [--jsonl [--jobs N]] [--pretty] [FILE...]
    diplomap aggregate [--pretty] [RESULTS...]

    extract reads each FILE (or standard input when none is given, or for `-`) and
    prints one JSON result per document (schema \"diplomap/1\", see docs/schema.md).
    aggregate reads results of `extract --jsonl` and prints one JSON object with the
    relations merged across documents, each with what every document said (schema
    \"diplomap/1-corpus\"), e.g. `diplomap extract --jsonl < news.jsonl | diplomap aggregate`.
    Its input may also hold corpora of earlier `aggregate` runs, mixed with results:
    they merge exactly, so a corpus can be aggregated in parts and the parts merged.

OPTIONS:
    --jsonl     Each input line is a document {\"id\": ..., \"text\": ...}; one result line
                per input line, in order. A bad line gives {\"id\": ..., \"error\": ...}.
    --jobs N    With --jsonl, analyse the lines on N threads (default 1). Results keep
                the input order, and only a few batches of lines (about 64 KB of text
                each) per thread are held at once, so a file of any size streams. No
                effect on plain files.
    --pretty    Indent the JSON (one document per block instead of per line).
    -h, --help  Show this help.  -V, --version  Show the version.

EXIT CODES:
    0   every document was processed (warnings, e.g. invalid UTF-8, may be on stderr)
    1   some input could not be processed (missing, unreadable, a directory, binary,
        a malformed JSON line); all other documents were still processed
    2   the command line was wrong
";

/// What the command line asked for.
#[derive(Debug, PartialEq)]
struct Options {
    aggregate: bool,
    jsonl: bool,
    pretty: bool,
    /// Worker threads for JSON Lines (`--jobs`); 1 analyses on the main thread.
    jobs: usize,
    paths: Vec<String>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            aggregate: false,
            jsonl: false,
            pretty: false,
            jobs: 1,
            paths: Vec::new(),
        }
    }
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match parse_args(&args) {
        Ok(Some(options)) => run(&options),
        Ok(None) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("diplomap: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

/// `Ok(None)` when help or version was printed.
fn parse_args(args: &[String]) -> Result<Option<Options>, String> {
    let mut options = Options::default();
    let mut rest = args.iter();
    match rest.next().map(String::as_str) {
        Some("extract") => {}
        Some("aggregate") => options.aggregate = true,
        Some("-h" | "--help" | "help") => {
            print!("{USAGE}");
            return Ok(None);
        }
        Some("-V" | "--version") => {
            println!("diplomap {}", env!("CARGO_PKG_VERSION"));
            return Ok(None);
        }
        Some(other) => return Err(format!("unknown command `{other}`")),
        None => return Err("no command given".to_string()),
    }
    let mut only_paths = false;
    while let Some(arg) = rest.next() {
        match arg.as_str() {
            "--jsonl" | "--jobs" if options.aggregate && !only_paths => {
                return Err(format!(
                    "`{arg}` applies to `extract`; `aggregate` always reads JSON Lines"
                ))
            }
            "--jsonl" if !only_paths => options.jsonl = true,
            "--jobs" if !only_paths => {
                let value = rest.next().ok_or("`--jobs` needs a number of threads")?;
                options.jobs = parse_jobs(value)?;
            }
            flag if flag.starts_with("--jobs=") && !only_paths => {
                options.jobs = parse_jobs(&flag["--jobs=".len()..])?;
            }
            "--pretty" if !only_paths => options.pretty = true,
            "--" if !only_paths => only_paths = true,
            "-h" | "--help" if !only_paths => {
                print!("{USAGE}");
                return Ok(None);
            }
            flag if flag.starts_with("--") && !only_paths => {
                return Err(format!("unknown option `{flag}`"))
            }
            path => options.paths.push(path.to_string()),
        }
    }
    Ok(Some(options))
}

/// A thread count of at least 1.
fn parse_jobs(value: &str) -> Result<usize, String> {
    match value.parse::<usize>() {
        Ok(jobs) if jobs >= 1 => Ok(jobs),
        _ => Err(format!(
            "`--jobs` takes a whole number of threads, 1 or more, not `{value}`"
        )),
    }
}

fn run(options: &Options) -> ExitCode {
    if options.aggregate {
        return aggregate::run(&options.paths, options.pretty);
    }
    if options.jsonl && options.jobs > 1 {
        return parallel::run(options);
    }
    let stdout = io::stdout();
    let mut out = Output {
        // 64 KB between writes, as with `--jobs` (parallel.rs): with 8 KB, a write
        // every two documents or so cost 1-6 % of the throughput (paired runs).
        writer: BufWriter::with_capacity(1 << 16, stdout.lock()),
        buffer: Vec::new(),
        pretty: options.pretty,
        failed: false,
    };
    let sources: Vec<&str> = if options.paths.is_empty() {
        vec!["-"]
    } else {
        options.paths.iter().map(String::as_str).collect()
    };
    for source in sources {
        let result = if options.jsonl {
            input::each_line(source, &mut |line| out.jsonl_line(source, line))
        } else {
            input::read_document(source).map(|text| out.document(&text, Some(json!(source))))
        };
        match result {
            Ok(Ok(())) => {}
            // Standard output is gone (a closed pipe): nothing more can be said.
            Ok(Err(_)) => return ExitCode::from(if out.failed { 1 } else { 0 }),
            Err(problem) => {
                eprintln!("diplomap: {problem}");
                out.failed = true;
            }
        }
    }
    if out.writer.flush().is_err() {
        return ExitCode::from(1);
    }
    ExitCode::from(if out.failed { 1 } else { 0 })
}

struct Output<W: Write> {
    writer: W,
    /// One result, serialised here first: serde_json writes many small pieces, which a
    /// `Vec` takes faster than a `BufWriter` does.
    buffer: Vec<u8>,
    pretty: bool,
    failed: bool,
}

/// Analyses a text with both tiers of the gazetteer, which the command line compiles in.
pub(crate) fn analyze(text: &str) -> Analysis {
    diplomap_extract::analyze_with(Gazetteer::shared_with_second_tier(), text)
}

impl<W: Write> Output<W> {
    fn document(&mut self, text: &str, id: Option<Value>) -> io::Result<()> {
        let analysis = analyze(text);
        self.write(&DocumentView::of(text, &analysis, id))
    }

    /// One JSON Lines input line: a result, or an error record that keeps its place.
    fn jsonl_line(&mut self, source: &str, line: input::Line) -> io::Result<()> {
        let number = line.number;
        match input::parse_line(source, line) {
            Ok((id, text)) => self.document(&text, id),
            Err((id, error)) => {
                eprintln!("diplomap: {source}: line {number}: {error}");
                self.failed = true;
                self.write(&json!({"id": id, "error": error}))
            }
        }
    }

    fn write(&mut self, value: &impl serde::Serialize) -> io::Result<()> {
        self.buffer.clear();
        if self.pretty {
            serde_json::to_writer_pretty(&mut self.buffer, value)?;
        } else {
            serde_json::to_writer(&mut self.buffer, value)?;
        }
        self.buffer.push(b'\n');
        self.writer.write_all(&self.buffer)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| s.to_string()).collect()
    }

    #[test]
    fn parses_flags_and_paths() {
        let options = parse_args(&args(&["extract", "--jsonl", "a.txt", "--", "--pretty"]))
            .unwrap()
            .unwrap();
        assert_eq!(
            options,
            Options {
                aggregate: false,
                jsonl: true,
                pretty: false,
                jobs: 1,
                paths: vec!["a.txt".into(), "--pretty".into()]
            }
        );
    }

    #[test]
    fn parses_jobs_in_both_spellings() {
        let options = parse_args(&args(&["extract", "--jobs", "4", "--jsonl"]))
            .unwrap()
            .unwrap();
        assert_eq!(options.jobs, 4);
        let options = parse_args(&args(&["extract", "--jobs=2", "-"]))
            .unwrap()
            .unwrap();
        assert_eq!((options.jobs, options.paths), (2, vec!["-".to_string()]));
        for bad in [
            &["extract", "--jobs", "0"][..],
            &["extract", "--jobs", "x"],
            &["extract", "--jobs"],
            &["extract", "--jobs=-1"],
        ] {
            assert!(parse_args(&args(bad)).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn rejects_unknown_commands_and_options() {
        assert!(parse_args(&args(&["extrakt"])).is_err());
        assert!(parse_args(&args(&["extract", "--fast"])).is_err());
        assert!(parse_args(&[]).is_err());
    }
}
