//! `--jobs N` with `--jsonl`: the lines of JSON Lines inputs analysed on N threads.
//!
//! This thread reads and parses the lines (so messages about bad lines come in order)
//! and hands them in batches (up to [`BATCH_BYTES`] of text, or [`BATCH_LINES`] lines:
//! fewer hand-overs than one per line) to a pool of workers; a writer thread puts the
//! results back in input order. Before handing over a batch the reader takes one of
//! `4 × N` slots, which the writer gives back once that batch's results are written, so
//! however large the input and however uneven its documents, only a few batches (and
//! their results) are held at once: a 100 MB file streams as it does on one thread.

use std::collections::BTreeMap;
use std::io::{self, BufWriter, Write};
use std::panic::{self, AssertUnwindSafe};
use std::process::ExitCode;
use std::sync::mpsc::{self, Receiver, SyncSender};
use std::sync::{Arc, Mutex};
use std::thread;

use diplomap_extract::DocumentView;

use crate::analyze;
use serde_json::{json, Value};

use crate::{input, Options};

/// Batches in flight (handed over but not yet written) per worker thread.
const WINDOW_PER_JOB: usize = 4;
/// A batch is handed over once its texts reach this many bytes...
const BATCH_BYTES: usize = 64 * 1024;
/// ...or it has this many lines.
const BATCH_LINES: usize = 64;

/// One line for a worker: a document to analyse, or an error record made by the reader
/// that only has to keep its place.
enum Job {
    Analyse { id: Option<Value>, text: String },
    Ready(Value),
}

/// Consecutive lines, numbered by their place in the output.
struct Batch {
    seq: u64,
    jobs: Vec<Job>,
}

/// A batch's results, written out (one line each, or blocks with `--pretty`).
struct Done {
    seq: u64,
    bytes: Vec<u8>,
    failed: bool,
}

/// The reader's side: fills batches and hands them over, one slot each.
struct Feeder {
    slots: SyncSender<()>,
    batches: SyncSender<Batch>,
    seq: u64,
    jobs: Vec<Job>,
    bytes: usize,
}

impl Feeder {
    fn push(&mut self, job: Job) -> io::Result<()> {
        self.bytes += match &job {
            Job::Analyse { text, .. } => text.len(),
            Job::Ready(_) => 0,
        };
        self.jobs.push(job);
        if self.bytes >= BATCH_BYTES || self.jobs.len() >= BATCH_LINES {
            self.flush()?;
        }
        Ok(())
    }

    /// Hands the batch over. Blocks while the window is full; fails once the writer has
    /// stopped (standard output closed).
    fn flush(&mut self) -> io::Result<()> {
        if self.jobs.is_empty() {
            return Ok(());
        }
        let closed = || io::Error::from(io::ErrorKind::BrokenPipe);
        self.slots.send(()).map_err(|_| closed())?;
        let jobs = std::mem::take(&mut self.jobs);
        self.batches
            .send(Batch {
                seq: self.seq,
                jobs,
            })
            .map_err(|_| closed())?;
        self.seq += 1;
        self.bytes = 0;
        Ok(())
    }
}

pub fn run(options: &Options) -> ExitCode {
    let jobs = options.jobs.max(1);
    let window = WINDOW_PER_JOB * jobs;
    let pretty = options.pretty;
    let sources: Vec<&str> = if options.paths.is_empty() {
        vec!["-"]
    } else {
        options.paths.iter().map(String::as_str).collect()
    };

    // One token per batch in flight: sent by the reader, taken back by the writer.
    let (slot_tx, slot_rx) = mpsc::sync_channel::<()>(window);
    let (batch_tx, batch_rx) = mpsc::sync_channel::<Batch>(window);
    let (done_tx, done_rx) = mpsc::channel::<Done>();
    let batch_rx = Arc::new(Mutex::new(batch_rx));

    thread::scope(|scope| {
        for _ in 0..jobs {
            let batch_rx = Arc::clone(&batch_rx);
            let done_tx = done_tx.clone();
            scope.spawn(move || loop {
                // The lock is held only while waiting for the next batch.
                let next = batch_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok(batch) = next else { break };
                if done_tx.send(work(batch, pretty)).is_err() {
                    break;
                }
            });
        }
        drop(done_tx);
        let writer = scope.spawn(move || write_in_order(done_rx, slot_rx));

        let mut feeder = Feeder {
            slots: slot_tx,
            batches: batch_tx,
            seq: 0,
            jobs: Vec::new(),
            bytes: 0,
        };
        let mut failed = false;
        for source in sources {
            let read = input::each_line(source, &mut |line| {
                let number = line.number;
                let job = match input::parse_line(source, line) {
                    Ok((id, text)) => Job::Analyse { id, text },
                    Err((id, error)) => {
                        eprintln!("diplomap: {source}: line {number}: {error}");
                        failed = true;
                        Job::Ready(json!({"id": id, "error": error}))
                    }
                };
                feeder.push(job)
            });
            match read {
                Ok(Ok(())) => {}
                // Standard output is gone: stop reading.
                Ok(Err(_)) => break,
                Err(problem) => {
                    eprintln!("diplomap: {problem}");
                    failed = true;
                }
            }
        }
        let _ = feeder.flush();
        drop(feeder);
        let (written, worker_failed) = writer
            .join()
            .unwrap_or((Err(io::ErrorKind::Other.into()), true));
        let failed = failed || worker_failed;
        match written {
            Ok(()) => ExitCode::from(if failed { 1 } else { 0 }),
            // A closed pipe ends the output; as on one thread, that alone is no failure.
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => {
                ExitCode::from(if failed { 1 } else { 0 })
            }
            Err(_) => ExitCode::from(1),
        }
    })
}

/// Analyses a batch's documents in order.
fn work(batch: Batch, pretty: bool) -> Done {
    let mut bytes = Vec::with_capacity(BATCH_BYTES);
    let mut failed = false;
    for job in batch.jobs {
        failed |= encode_job(&mut bytes, job, pretty);
    }
    Done {
        seq: batch.seq,
        bytes,
        failed,
    }
}

/// Appends one line's result. A panic in the core (a bug) becomes an error record in the
/// document's place instead of stalling the ordered output; returns whether it did.
fn encode_job(bytes: &mut Vec<u8>, job: Job, pretty: bool) -> bool {
    let start = bytes.len();
    let mut failed = false;
    let encoded = match job {
        Job::Ready(value) => encode(bytes, &value, pretty),
        Job::Analyse { id, text } => match panic::catch_unwind(AssertUnwindSafe(|| analyze(&text)))
        {
            Ok(analysis) => encode(bytes, &DocumentView::of(&text, &analysis, id), pretty),
            Err(_) => {
                failed = true;
                let error = "internal error while analysing this document";
                encode(bytes, &json!({"id": id, "error": error}), pretty)
            }
        },
    };
    if encoded.is_err() {
        bytes.truncate(start);
        bytes.extend_from_slice(b"null");
    }
    bytes.push(b'\n');
    failed
}

/// The same JSON as on one thread (see `Output::write` in main.rs).
fn encode(
    bytes: &mut Vec<u8>,
    value: &impl serde::Serialize,
    pretty: bool,
) -> serde_json::Result<()> {
    if pretty {
        serde_json::to_writer_pretty(bytes, value)
    } else {
        serde_json::to_writer(bytes, value)
    }
}

/// Writes results in input order as they arrive, giving back one slot per batch written.
/// Returns how writing ended and whether any worker failed.
fn write_in_order(done: Receiver<Done>, slots: Receiver<()>) -> (io::Result<()>, bool) {
    let mut out = BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let mut waiting: BTreeMap<u64, Vec<u8>> = BTreeMap::new();
    let mut next = 0u64;
    let mut failed = false;
    for item in done {
        failed |= item.failed;
        waiting.insert(item.seq, item.bytes);
        while let Some(bytes) = waiting.remove(&next) {
            if let Err(error) = out.write_all(&bytes) {
                return (Err(error), failed);
            }
            next += 1;
            let _ = slots.recv();
        }
    }
    (out.flush(), failed)
}
