//! A compact binary form of an [`Analysis`], for handing results from the analysis
//! worker to the page. A 5 MB article has some 100 000 mentions: as JSON they would take
//! the page a long task to parse; these bytes are transferred without a copy and read
//! back in a few milliseconds.
//!
//! Layout: little-endian integers, every list and string prefixed by its length.
//! Decoding checks every length against what is left and gives up with `None` on
//! anything malformed, so a bad message is reported rather than trusted.

use std::cell::RefCell;
use std::collections::BTreeSet;

use diplomap_extract::{
    Amount, Analysis, CountryCode, CueWord, Entity, Label, Money, Relation, RelationType, Span,
    Value,
};

/// Changes whenever the layout does, so a stale worker's message is refused.
const MAGIC: &[u8; 4] = b"DMA2";

pub fn encode(analysis: &Analysis) -> Vec<u8> {
    let mut out = Writer(Vec::with_capacity(64 + analysis.entities.len() * 16));
    out.0.extend_from_slice(MAGIC);
    out.len(analysis.entities.len());
    for entity in &analysis.entities {
        out.span(entity.span);
        out.u8(Label::ALL
            .iter()
            .position(|label| *label == entity.label)
            .unwrap_or(0) as u8);
        out.country(entity.country);
        out.optional_str(entity.canonical.as_deref());
        out.value(entity.value.as_ref());
    }
    out.len(analysis.sentences.len());
    for sentence in &analysis.sentences {
        out.span(*sentence);
    }
    out.len(analysis.relations.len());
    for relation in &analysis.relations {
        out.relation(relation);
    }
    out.0
}

pub fn decode(bytes: &[u8]) -> Option<Analysis> {
    let mut input = Reader { bytes, at: 0 };
    if input.take(MAGIC.len())? != MAGIC {
        return None;
    }
    let entities = input.list(|input| {
        Some(Entity {
            span: input.span()?,
            label: *Label::ALL.get(usize::from(input.u8()?))?,
            country: input.country()?,
            canonical: input.optional_str()?,
            value: input.value()?,
        })
    })?;
    let sentences = input.list(Reader::span)?;
    let relations = input.list(Reader::relation)?;
    (input.at == bytes.len()).then_some(Analysis {
        entities,
        sentences,
        relations,
    })
}

struct Writer(Vec<u8>);

impl Writer {
    fn u8(&mut self, value: u8) {
        self.0.push(value);
    }

    fn u32(&mut self, value: u32) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    /// Offsets and counts fit in 32 bits: the core analyses at most 4 GiB.
    fn len(&mut self, value: usize) {
        self.u32(u32::try_from(value).unwrap_or(u32::MAX));
    }

    fn f64(&mut self, value: f64) {
        self.0.extend_from_slice(&value.to_le_bytes());
    }

    fn span(&mut self, span: Span) {
        self.len(span.start);
        self.len(span.end);
    }

    fn str(&mut self, text: &str) {
        self.len(text.len());
        self.0.extend_from_slice(text.as_bytes());
    }

    fn optional_str(&mut self, text: Option<&str>) {
        match text {
            Some(text) => {
                self.u8(1);
                self.str(text);
            }
            None => self.u8(0),
        }
    }

    /// Two ASCII letters, or two zero bytes for none.
    fn country(&mut self, code: Option<CountryCode>) {
        let bytes = code.map_or([0, 0], |code| {
            let letters = code.as_str().as_bytes();
            [letters[0], letters[1]]
        });
        self.0.extend_from_slice(&bytes);
    }

    fn money(&mut self, money: &Money) {
        self.f64(money.value);
        self.str(money.currency);
    }

    fn value(&mut self, value: Option<&Value>) {
        match value {
            None => self.u8(0),
            Some(Value::Money(money)) => {
                self.u8(1);
                self.money(money);
            }
            Some(Value::Percent(percent)) => {
                self.u8(2);
                self.f64(*percent);
            }
            Some(Value::Date(date)) => {
                self.u8(3);
                self.str(date);
            }
        }
    }

    fn relation(&mut self, relation: &Relation) {
        self.country(Some(relation.a));
        self.country(Some(relation.b));
        let types = relation
            .types
            .iter()
            .fold(0u8, |bits, kind| bits | 1 << type_index(*kind));
        self.u8(types);
        self.country(relation.direction.map(|(from, _)| from));
        self.country(relation.direction.map(|(_, to)| to));
        self.f64(relation.weight);
        self.len(relation.evidence.len());
        for span in &relation.evidence {
            self.span(*span);
        }
        self.len(relation.amounts.len());
        for amount in &relation.amounts {
            self.span(amount.span);
            self.money(&amount.money);
        }
        self.f64(relation.confidence);
        self.len(relation.cues.len());
        for cue in &relation.cues {
            self.u8(type_index(cue.kind) as u8);
            self.span(cue.span);
        }
    }
}

/// A relation type's position in `RelationType::ALL`.
fn type_index(kind: RelationType) -> usize {
    RelationType::ALL
        .iter()
        .position(|other| *other == kind)
        .unwrap_or(0)
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, count: usize) -> Option<&'a [u8]> {
        let end = self.at.checked_add(count)?;
        let slice = self.bytes.get(self.at..end)?;
        self.at = end;
        Some(slice)
    }

    fn u8(&mut self) -> Option<u8> {
        self.take(1).map(|bytes| bytes[0])
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }

    fn len(&mut self) -> Option<usize> {
        self.u32().map(|value| value as usize)
    }

    fn f64(&mut self) -> Option<f64> {
        Some(f64::from_le_bytes(self.take(8)?.try_into().ok()?))
    }

    /// A list of `count` items, each read by `item`. The count is checked against the
    /// bytes left (every item takes at least one), so a corrupt count cannot make it
    /// reserve more memory than the message holds.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let count = self.len()?;
        if count > self.bytes.len() - self.at {
            return None;
        }
        let mut items = Vec::with_capacity(count);
        for _ in 0..count {
            items.push(item(self)?);
        }
        Some(items)
    }

    fn span(&mut self) -> Option<Span> {
        let (start, end) = (self.len()?, self.len()?);
        (start <= end).then_some(Span::new(start, end))
    }

    fn str(&mut self) -> Option<&'a str> {
        let len = self.len()?;
        std::str::from_utf8(self.take(len)?).ok()
    }

    fn optional_str(&mut self) -> Option<Option<String>> {
        match self.u8()? {
            0 => Some(None),
            1 => Some(Some(self.str()?.to_string())),
            _ => None,
        }
    }

    /// `Some(None)` for the two zero bytes of "no country".
    fn country(&mut self) -> Option<Option<CountryCode>> {
        let bytes = self.take(2)?;
        if bytes == [0, 0] {
            return Some(None);
        }
        CountryCode::parse(std::str::from_utf8(bytes).ok()?).map(Some)
    }

    fn money(&mut self) -> Option<Money> {
        let value = self.f64()?;
        let code = self.str()?;
        // ISO 4217: three capital letters, which also bounds what `intern` keeps.
        if code.len() != 3 || !code.bytes().all(|byte| byte.is_ascii_uppercase()) {
            return None;
        }
        Some(Money {
            value,
            currency: intern(code),
        })
    }

    fn value(&mut self) -> Option<Option<Value>> {
        Some(Some(match self.u8()? {
            0 => return Some(None),
            1 => Value::Money(self.money()?),
            2 => Value::Percent(self.f64()?),
            3 => Value::Date(self.str()?.to_string()),
            _ => return None,
        }))
    }

    fn relation(&mut self) -> Option<Relation> {
        let a = self.country()??;
        let b = self.country()??;
        let bits = self.u8()?;
        let types = RelationType::ALL
            .into_iter()
            .enumerate()
            .filter(|(index, _)| bits & 1 << index != 0)
            .map(|(_, kind)| kind)
            .collect();
        let direction = match (self.country()?, self.country()?) {
            (Some(from), Some(to)) => Some((from, to)),
            _ => None,
        };
        Some(Relation {
            a,
            b,
            types,
            direction,
            weight: self.f64()?,
            evidence: self.list(Reader::span)?,
            amounts: self.list(|input| {
                Some(Amount {
                    span: input.span()?,
                    money: input.money()?,
                })
            })?,
            confidence: self.f64()?,
            cues: self.list(|input| {
                Some(CueWord {
                    kind: *RelationType::ALL.get(usize::from(input.u8()?))?,
                    span: input.span()?,
                })
            })?,
        })
    }
}

/// Currency codes are `&'static str` in the core's types. The few distinct codes seen
/// are kept for the life of the page, each allocated once.
fn intern(code: &str) -> &'static str {
    thread_local! {
        static CODES: RefCell<BTreeSet<&'static str>> = const { RefCell::new(BTreeSet::new()) };
    }
    CODES.with(|codes| {
        let mut codes = codes.borrow_mut();
        if let Some(known) = codes.get(code) {
            return *known;
        }
        let leaked: &'static str = Box::leak(code.to_string().into_boxed_str());
        codes.insert(leaked);
        leaked
    })
}
