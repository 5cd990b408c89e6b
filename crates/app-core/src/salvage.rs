//! The tolerant reader of saved JSON. A save is a JSON array of document objects
//! (`[{"id":1,"title":"…","text":"…"}, …]`, as versions before the store wrote it) or
//! one such object (a record of the store). serde would refuse the whole save for one
//! bad byte; this reader keeps every complete document:
//!
//! - it reads the array strictly until the first error, keeping each document;
//! - from there it looks for the next object start `{"` and reads an object there,
//!   again and again. A `{` followed by `"` never occurs inside a JSON string (every
//!   `"` in one is escaped), so each candidate is the start of an object or a place
//!   the damage itself made; a candidate that is no document is searched inside too.
//!
//! An object is a document when it has a string `text`; its `title` is kept when it is
//! a string; anything else in it is read past (numbers are never converted, so `1e400`
//! or an id of 2^64 harm nothing). A lone surrogate escape reads as U+FFFD. Nesting
//! deeper than [`MAX_DEPTH`] is an error. The work is bounded: all the attempts together
//! read at most [`WORK_PER_BYTE`] times the input, so a crafted save costs linear time.

/// Deeper nesting than this is damage (a document is one level deep).
pub const MAX_DEPTH: usize = 64;

/// All the reading attempts together read at most this many times the input's bytes
/// (plus a little), whatever it holds.
pub const WORK_PER_BYTE: usize = 16;

/// A document as found in a save.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Found {
    /// Its `id`, when that is a whole number of at most 64 bits.
    pub id: Option<u64>,
    /// Its `title`, when that is a string.
    pub title: Option<String>,
    pub text: String,
    /// Where its object stands in the save (byte offsets).
    pub start: usize,
    pub end: usize,
}

/// What a save gave back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Salvaged {
    /// Every complete document found, in the order of the save.
    pub docs: Vec<Found>,
    /// Entries read whole that are not documents (a number, an object without a string
    /// `text`...), while the save was still well-formed.
    pub dropped: usize,
    /// Where the save stops being well-formed JSON (a byte offset), if it does.
    pub damage: Option<usize>,
}

impl Salvaged {
    /// Whether anything of the save was not read as a document.
    pub fn is_whole(&self) -> bool {
        self.damage.is_none() && self.dropped == 0
    }
}

/// Reads a save: a JSON array of documents, or one document object.
pub fn read_saved(json: &str) -> Salvaged {
    let mut reader = Reader {
        bytes: json.as_bytes(),
        pos: 0,
        work: 0,
        budget: json
            .len()
            .saturating_mul(WORK_PER_BYTE)
            .saturating_add(1 << 16),
    };
    let mut salvaged = Salvaged::default();
    if let Err(stop) = reader.strict(&mut salvaged) {
        let resume = match stop {
            Stop::Syntax { at, resume } => {
                salvaged.damage = Some(at);
                resume
            }
            Stop::OutOfWork => {
                salvaged.damage = Some(reader.pos);
                return salvaged;
            }
        };
        reader.search(resume, &mut salvaged);
    }
    salvaged
}

/// Why reading stopped.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Stop {
    /// Not JSON at byte `at`; look for documents again from `resume`.
    Syntax { at: usize, resume: usize },
    /// The work budget is spent.
    OutOfWork,
}

struct Reader<'a> {
    bytes: &'a [u8],
    pos: usize,
    /// Bytes read by the attempts so far, against `budget`.
    work: usize,
    budget: usize,
}

/// A syntax error at `at` (resuming the search right after it).
fn syntax(at: usize) -> Stop {
    Stop::Syntax {
        at,
        resume: at.saturating_add(1),
    }
}

impl Reader<'_> {
    /// The whole save as well-formed JSON: an array of documents, or one document.
    fn strict(&mut self, salvaged: &mut Salvaged) -> Result<(), Stop> {
        self.blanks();
        match self.peek() {
            Some(b'{') => {
                let start = self.pos;
                self.element(salvaged)
                    .map_err(|stop| resume_after(stop, start))?;
            }
            Some(b'[') => {
                self.pos += 1;
                self.blanks();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                } else {
                    loop {
                        // An error after an entry may mean the damage made that entry
                        // swallow the start of the next: the search resumes inside it.
                        let start = self.pos;
                        self.element(salvaged)
                            .map_err(|stop| resume_after(stop, start))?;
                        self.blanks();
                        match self.peek() {
                            Some(b',') => {
                                self.pos += 1;
                                self.blanks();
                            }
                            Some(b']') => {
                                self.pos += 1;
                                break;
                            }
                            _ => return Err(resume_after(syntax(self.pos), start)),
                        }
                    }
                }
            }
            _ => {
                return Err(Stop::Syntax {
                    at: self.pos,
                    resume: 0,
                })
            }
        }
        self.blanks();
        match self.pos < self.bytes.len() {
            true => Err(Stop::Syntax {
                at: self.pos,
                resume: self.pos,
            }),
            false => Ok(()),
        }
    }

    /// One entry of the array: a document is kept, anything else counted as dropped.
    fn element(&mut self, salvaged: &mut Salvaged) -> Result<(), Stop> {
        let start = self.pos;
        let found = if self.peek() == Some(b'{') {
            self.object(0, true)?
        } else {
            self.skip_value(0)?;
            None
        };
        self.spend(start)?;
        match found {
            Some(doc) => salvaged.docs.push(doc),
            None => salvaged.dropped += 1,
        }
        Ok(())
    }

    /// After damage: every `{"` from `from` on is tried as a document.
    fn search(&mut self, mut from: usize, salvaged: &mut Salvaged) {
        while let Some(start) = self.next_object_start(from) {
            self.pos = start;
            let attempt = self.object(0, true);
            if self.spend(start).is_err() {
                return;
            }
            from = match attempt {
                Ok(Some(doc)) => {
                    salvaged.docs.push(doc);
                    self.pos
                }
                // Not a document, or not an object: documents may start inside it.
                Ok(None) | Err(_) => start + 1,
            };
        }
    }

    /// The next `{` at or after `from` followed (after blanks) by `"`.
    fn next_object_start(&self, from: usize) -> Option<usize> {
        let mut at = from;
        while at < self.bytes.len() {
            let brace = at + self.bytes[at..].iter().position(|&b| b == b'{')?;
            let next = self.bytes[brace + 1..]
                .iter()
                .position(|b| !b.is_ascii_whitespace())
                .map(|offset| brace + 1 + offset);
            if next.is_some_and(|next| self.bytes[next] == b'"') {
                return Some(brace);
            }
            at = brace + 1;
        }
        None
    }

    /// Counts the bytes read since `start` against the budget.
    fn spend(&mut self, start: usize) -> Result<(), Stop> {
        self.work = self
            .work
            .saturating_add(self.pos.saturating_sub(start).max(1));
        if self.work > self.budget {
            return Err(Stop::OutOfWork);
        }
        Ok(())
    }

    /// An object at `depth`; at the top (`document`), its `id`, `title` and `text` are
    /// kept and it is returned when it is a document.
    fn object(&mut self, depth: usize, document: bool) -> Result<Option<Found>, Stop> {
        let start = self.pos;
        if depth > MAX_DEPTH {
            return Err(syntax(self.pos));
        }
        self.expect(b'{')?;
        let (mut id, mut title, mut text) = (None, None, None);
        self.blanks();
        if self.peek() == Some(b'}') {
            self.pos += 1;
            return Ok(None);
        }
        loop {
            self.blanks();
            let key = self.string(document)?;
            self.blanks();
            self.expect(b':')?;
            self.blanks();
            let is_string = self.peek() == Some(b'"');
            match key.as_deref() {
                Some("text") if is_string => text = self.string(true)?,
                Some("title") if is_string => title = self.string(true)?,
                Some("id") => id = self.whole_number()?,
                Some("text") => {
                    text = None;
                    self.skip_value(depth + 1)?;
                }
                Some("title") => {
                    title = None;
                    self.skip_value(depth + 1)?;
                }
                _ => self.skip_value(depth + 1)?,
            }
            self.blanks();
            match self.peek() {
                Some(b',') => self.pos += 1,
                Some(b'}') => {
                    self.pos += 1;
                    break;
                }
                _ => return Err(syntax(self.pos)),
            }
        }
        Ok(text.map(|text| Found {
            id,
            title,
            text,
            start,
            end: self.pos,
        }))
    }

    /// Reads past any value (checking it is well-formed).
    fn skip_value(&mut self, depth: usize) -> Result<(), Stop> {
        if depth > MAX_DEPTH {
            return Err(syntax(self.pos));
        }
        match self.peek() {
            Some(b'{') => self.object(depth, false).map(drop),
            Some(b'[') => {
                self.pos += 1;
                self.blanks();
                if self.peek() == Some(b']') {
                    self.pos += 1;
                    return Ok(());
                }
                loop {
                    self.blanks();
                    self.skip_value(depth + 1)?;
                    self.blanks();
                    match self.peek() {
                        Some(b',') => self.pos += 1,
                        Some(b']') => {
                            self.pos += 1;
                            return Ok(());
                        }
                        _ => return Err(syntax(self.pos)),
                    }
                }
            }
            Some(b'"') => self.string(false).map(drop),
            Some(b't') => self.literal(b"true"),
            Some(b'f') => self.literal(b"false"),
            Some(b'n') => self.literal(b"null"),
            Some(b'-' | b'0'..=b'9') => self.number().map(drop),
            _ => Err(syntax(self.pos)),
        }
    }

    /// A number, read past; its value when it is a plain whole number that fits in 64 bits.
    fn whole_number(&mut self) -> Result<Option<u64>, Stop> {
        if !matches!(self.peek(), Some(b'-' | b'0'..=b'9')) {
            self.skip_value(1)?;
            return Ok(None);
        }
        let digits = self.number()?;
        Ok(std::str::from_utf8(digits)
            .ok()
            .filter(|digits| digits.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|digits| digits.parse().ok()))
    }

    /// A number's characters, read past without converting them.
    fn number(&mut self) -> Result<&[u8], Stop> {
        let start = self.pos;
        while matches!(
            self.peek(),
            Some(b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
        ) {
            self.pos += 1;
        }
        let number = &self.bytes[start..self.pos];
        if !number.iter().any(u8::is_ascii_digit) {
            return Err(syntax(start));
        }
        Ok(number)
    }

    fn literal(&mut self, word: &[u8]) -> Result<(), Stop> {
        if self.bytes[self.pos..].starts_with(word) {
            self.pos += word.len();
            Ok(())
        } else {
            Err(syntax(self.pos))
        }
    }

    /// A string; decoded when `keep`. Escapes are checked either way; a lone surrogate
    /// escape decodes as U+FFFD.
    fn string(&mut self, keep: bool) -> Result<Option<String>, Stop> {
        self.expect(b'"')?;
        let mut out = Vec::new();
        loop {
            let run = self.bytes[self.pos..]
                .iter()
                .position(|&b| b == b'"' || b == b'\\')
                .ok_or(Stop::Syntax {
                    at: self.bytes.len(),
                    resume: self.bytes.len(),
                })?;
            if keep {
                out.extend_from_slice(&self.bytes[self.pos..self.pos + run]);
            }
            self.pos += run;
            if self.bytes[self.pos] == b'"' {
                self.pos += 1;
                break;
            }
            let escape = self.pos;
            self.pos += 1;
            let plain = match self.peek() {
                Some(b'"') => '"',
                Some(b'\\') => '\\',
                Some(b'/') => '/',
                Some(b'b') => '\u{8}',
                Some(b'f') => '\u{c}',
                Some(b'n') => '\n',
                Some(b'r') => '\r',
                Some(b't') => '\t',
                Some(b'u') => {
                    self.pos += 1;
                    let ch = self.unicode_escape(escape)?;
                    if keep {
                        out.extend_from_slice(ch.encode_utf8(&mut [0; 4]).as_bytes());
                    }
                    continue;
                }
                _ => return Err(syntax(escape)),
            };
            self.pos += 1;
            if keep {
                out.extend_from_slice(plain.encode_utf8(&mut [0; 4]).as_bytes());
            }
        }
        // The input is UTF-8 and only whole characters were copied.
        Ok(keep.then(|| String::from_utf8(out).unwrap_or_else(|e| lossy(e.as_bytes()))))
    }

    /// The character of a `\u` escape whose digits start at `pos` (the backslash was at
    /// `escape`), with the low half of a surrogate pair when one follows.
    fn unicode_escape(&mut self, escape: usize) -> Result<char, Stop> {
        let unit = self.hex4().ok_or(syntax(escape))?;
        if !(0xD800..0xDC00).contains(&unit) {
            return Ok(char::from_u32(unit).unwrap_or('\u{FFFD}'));
        }
        if self.bytes[self.pos..].starts_with(b"\\u") {
            let save = self.pos;
            self.pos += 2;
            match self.hex4() {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let code = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00);
                    return Ok(char::from_u32(code).unwrap_or('\u{FFFD}'));
                }
                _ => self.pos = save,
            }
        }
        Ok('\u{FFFD}')
    }

    fn hex4(&mut self) -> Option<u32> {
        let digits = self.bytes.get(self.pos..self.pos + 4)?;
        let text = std::str::from_utf8(digits).ok()?;
        if !text.bytes().all(|b| b.is_ascii_hexdigit()) {
            return None;
        }
        self.pos += 4;
        u32::from_str_radix(text, 16).ok()
    }

    fn expect(&mut self, byte: u8) -> Result<(), Stop> {
        if self.peek() == Some(byte) {
            self.pos += 1;
            Ok(())
        } else {
            Err(syntax(self.pos))
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn blanks(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\n' | b'\r')) {
            self.pos += 1;
        }
    }
}

/// An error inside the entry that began at `start`: documents may begin right after
/// that entry's own start (the damage may have swallowed them into it).
fn resume_after(stop: Stop, start: usize) -> Stop {
    match stop {
        Stop::Syntax { at, .. } => Stop::Syntax {
            at,
            resume: start + 1,
        },
        Stop::OutOfWork => Stop::OutOfWork,
    }
}

fn lossy(bytes: &[u8]) -> String {
    String::from_utf8_lossy(bytes).into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A save as versions before the store wrote it (serde_json, compact).
    fn legacy(docs: &[(&str, &str)]) -> String {
        let docs: Vec<serde_json::Value> = docs
            .iter()
            .enumerate()
            .map(
                |(i, (title, text))| serde_json::json!({"id": i + 1, "title": title, "text": text}),
            )
            .collect();
        serde_json::to_string(&docs).unwrap()
    }

    fn texts(salvaged: &Salvaged) -> Vec<&str> {
        salvaged.docs.iter().map(|doc| doc.text.as_str()).collect()
    }

    const DOCS: [(&str, &str); 3] = [
        (
            "Talks",
            "Lavrov met \"his\" counterpart in Astana.\n\nMore {\"id\":9}.",
        ),
        ("Grain", "Kyiv \u{2014} grain \\ rail 8% \u{1F1FA}\u{1F1E6}"),
        ("Aid", "Berlin granted $40 million."),
    ];

    #[test]
    fn a_whole_save_reads_whole() {
        let save = legacy(&DOCS);
        let read = read_saved(&save);
        assert!(read.is_whole(), "{read:?}");
        assert_eq!(texts(&read), DOCS.map(|(_, text)| text));
        assert_eq!(read.docs[1].title.as_deref(), Some("Grain"));
        assert_eq!(read.docs[2].id, Some(3));
        assert_eq!(read_saved("[]"), Salvaged::default());
        assert_eq!(read_saved(" [ ] \n").docs.len(), 0);
        // One record of the store.
        let record = crate::doc::encode_record("T", "body");
        assert_eq!(texts(&read_saved(&record)), ["body"]);
    }

    #[test]
    fn every_truncation_keeps_every_document_complete_before_the_cut() {
        let save = legacy(&DOCS);
        let ends: Vec<usize> = read_saved(&save).docs.iter().map(|doc| doc.end).collect();
        for cut in (0..save.len()).filter(|&cut| save.is_char_boundary(cut)) {
            let read = read_saved(&save[..cut]);
            let complete = ends.iter().filter(|&&end| end <= cut).count();
            assert_eq!(read.docs.len(), complete, "cut at {cut}");
            assert!(read.damage.is_some(), "cut at {cut}");
            for (found, (_, text)) in read.docs.iter().zip(DOCS) {
                assert_eq!(found.text, text);
            }
        }
    }

    #[test]
    fn damage_inside_one_document_loses_that_one_only() {
        let save = legacy(&DOCS);
        let second = save.find("Kyiv").unwrap();
        for damage in ["\\x", "\"", "1e400", "\u{1}", "\\ud800"] {
            let mut damaged = save.clone();
            damaged.insert_str(second + 2, damage);
            let read = read_saved(&damaged);
            let got = texts(&read);
            assert!(
                got.contains(&DOCS[0].1) && got.contains(&DOCS[2].1),
                "{damage}: {got:?}"
            );
        }
        // A lone surrogate, a control character: the document is still read.
        let lone = save.replacen("Kyiv", "Ky\\ud800iv", 1);
        assert_eq!(
            read_saved(&lone).docs[1].text,
            DOCS[1].1.replacen("Kyiv", "Ky\u{FFFD}iv", 1)
        );
        // A huge or fractional id harms nothing.
        let huge = save.replacen("\"id\":2", "\"id\":1e400", 1);
        assert_eq!(read_saved(&huge).docs.len(), 3);
        let max = save.replacen("\"id\":2", "\"id\":18446744073709551616", 1);
        let read = read_saved(&max);
        assert_eq!((read.docs.len(), read.docs[1].id), (3, None));
    }

    #[test]
    fn entries_that_are_not_documents_are_counted_and_skipped() {
        let save = r#"[{"id":1,"title":"A","text":"a"}, 7, "junk", {"title":"no text"}, {"text":5}, [[[]]], {"text":"b","title":3}]"#;
        let read = read_saved(save);
        assert_eq!(read.dropped, 5);
        assert_eq!(read.damage, None);
        assert_eq!(texts(&read), ["a", "b"]);
        assert_eq!(read.docs[1].title, None);
    }

    #[test]
    fn deep_nesting_is_damage_not_a_crash() {
        let deep = format!(
            "[{{\"text\":\"a\"}},{}{},{{\"text\":\"b\"}}]",
            "[".repeat(200),
            "]".repeat(200)
        );
        let read = read_saved(&deep);
        assert_eq!(texts(&read), ["a", "b"]);
        assert!(read.damage.is_some());
        let very = "[".repeat(1_000_000);
        assert!(read_saved(&very).docs.is_empty());
        let objects = "{\"a\":".repeat(100_000);
        assert!(read_saved(&objects).docs.is_empty());
    }

    #[test]
    fn documents_after_the_damage_are_found_again() {
        let save = legacy(&DOCS);
        // A quote before an entry makes a string of it that swallows the next one's start.
        let swallowed = save.replacen("[{", "[\"null,{", 1);
        assert_eq!(read_saved(&swallowed).docs.len(), 3);
        // The first document's closing brace is gone.
        let broken = save.replacen("\"},{\"id\":2", "\",{\"id\":2", 1);
        let read = read_saved(&broken);
        assert_eq!(texts(&read), [DOCS[1].1, DOCS[2].1]);
        // Garbage before the array.
        let read = read_saved(&format!("\u{0}garbage{save}"));
        assert_eq!(read.docs.len(), 3);
        // Not JSON at all.
        assert_eq!(read_saved("not a save").docs.len(), 0);
        assert!(read_saved("{}").damage.is_none());
    }

    #[test]
    fn crafted_saves_cost_linear_work() {
        // Every `{"` opens a candidate that fails only far away, were it not bounded.
        let crafted = format!("{}{}", "{\"a\":[".repeat(30_000), "1,".repeat(100_000));
        let started = std::time::Instant::now();
        let read = read_saved(&crafted);
        assert!(read.docs.is_empty());
        // Reported, not asserted as a timing: the bound is the work budget.
        eprintln!(
            "crafted save of {} bytes read in {:?}",
            crafted.len(),
            started.elapsed()
        );
    }
}
