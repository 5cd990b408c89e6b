//! How the app writes numbers, sizes and what a mention stands for: the small
//! formatting rules every panel shares.

use diplomap_extract::{country_name, Label, Value};

use crate::analysed::Analysed;

/// `12345` -> `12,345`.
pub fn group(n: usize) -> String {
    let digits = n.to_string();
    let head = match digits.len() % 3 {
        0 => 3,
        rest => rest,
    };
    let mut out = String::from(&digits[..head]);
    for chunk in digits.as_bytes()[head..].chunks(3) {
        out.push(',');
        // ASCII digits.
        out.push_str(std::str::from_utf8(chunk).unwrap_or_default());
    }
    out
}

/// `2048` -> `2.0 KB`; `7340032` -> `7.0 MB`.
pub fn human_size(bytes: f64) -> String {
    const KB: f64 = 1024.0;
    if bytes < KB {
        format!("{bytes} bytes")
    } else if bytes < KB * KB {
        format!("{:.1} KB", bytes / KB)
    } else {
        format!("{:.1} MB", bytes / (KB * KB))
    }
}

/// A label in plain words, for readers who do not know the annotation scheme.
pub fn kind(label: Label) -> &'static str {
    match label {
        Label::Person => "person",
        Label::Norp => "nationality or group",
        Label::Org => "organisation",
        Label::Gpe => "country or city",
        Label::Loc => "place",
        Label::Fac => "building or site",
        Label::Event => "event",
        Label::Law => "law or treaty",
        Label::Date => "date",
        Label::Time => "time",
        Label::Money => "money",
        Label::Percent => "percentage",
        Label::Quantity => "quantity",
        Label::Cardinal => "number",
        Label::Ordinal => "order (first, second\u{2026})",
    }
}

/// What the page says of one mention (its popover).
#[derive(Clone, Debug, PartialEq)]
pub struct MentionNote {
    /// The mention as written, blanks collapsed.
    pub name: String,
    /// The name it stands for, when that differs (`Vladimir Putin` for `Putin`).
    pub stands_for: Option<String>,
    pub kind: &'static str,
    /// Its value in words: `1.2 billion USD`, `4%`, `2024-05`.
    pub value: Option<String>,
    /// The country it stands for, by its full name.
    pub country: Option<String>,
    /// The other names in the text that point at the same country, in order of first
    /// appearance (one written form of each, whatever its case).
    pub same_country: Vec<String>,
    /// What "mark all mentions" marks: the canonical name, else the text.
    pub key: String,
}

/// The note of mention `index` of `analysed` (`None` past the last). Reads every
/// mention once, for the other names of its country.
pub fn mention_note(analysed: &Analysed, index: usize) -> Option<MentionNote> {
    let entity = analysed.analysis.entities.get(index)?;
    let written = analysed.text.get(entity.span.start..entity.span.end)?;
    let name = collapse_blanks(written);
    // `ASTANA` stands for `Astana`: nothing worth saying.
    let same = |a: &str, b: &str| {
        let lower = |s: &str| s.chars().flat_map(char::to_lowercase).collect::<String>();
        lower(a) == lower(b)
    };
    let stands_for = entity
        .canonical
        .clone()
        .filter(|canonical| !same(canonical, &name));
    let value = match &entity.value {
        Some(Value::Money(money)) => Some(format!("{} {}", amount(money.value), money.currency)),
        Some(Value::Percent(percent)) => Some(format!("{}%", trim_number(*percent))),
        Some(Value::Date(date)) => Some(date.clone()),
        None => None,
    };
    let mut same_country: Vec<String> = Vec::new();
    if let Some(code) = entity.country {
        let others = analysed
            .analysis
            .entities
            .iter()
            .filter(|other| other.country == Some(code));
        for other in others {
            let Some(other) = analysed.text.get(other.span.start..other.span.end) else {
                continue;
            };
            let other = collapse_blanks(other);
            if !same(&other, &name) && !same_country.iter().any(|seen| same(seen, &other)) {
                same_country.push(other);
            }
        }
    }
    Some(MentionNote {
        key: entity
            .canonical
            .clone()
            .unwrap_or_else(|| written.to_string()),
        name,
        stands_for,
        kind: kind(entity.label),
        value,
        country: entity
            .country
            .map(|code| country_name(code).unwrap_or(code.as_str()).to_string()),
        same_country,
    })
}

fn collapse_blanks(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// `1.2e9` -> `1.2 billion`; `300000` -> `300,000`.
pub fn amount(value: f64) -> String {
    let magnitude = value.abs();
    for (scale, word) in [(1e12, "trillion"), (1e9, "billion"), (1e6, "million")] {
        if magnitude >= scale {
            return format!("{} {word}", trim_number(value / scale));
        }
    }
    if value.fract() == 0.0 && magnitude < 1e15 {
        let grouped = group(magnitude as usize);
        return if value < 0.0 {
            format!("-{grouped}")
        } else {
            grouped
        };
    }
    trim_number(value)
}

/// At most two decimals, without trailing zeros.
fn trim_number(value: f64) -> String {
    let text = format!("{value:.2}");
    text.trim_end_matches('0').trim_end_matches('.').to_string()
}
