//! How the app writes numbers, sizes and what a mention stands for: the small
//! formatting rules every panel shares.

use diplomap_extract::{country_name, Entity, Value};

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

/// The tooltip of a mention: label, then what it resolves to, e.g. `GPE · Russia (RU)`,
/// `PERSON · Vladimir Putin · Russia (RU)`, `MONEY · 1.2 billion USD`.
pub fn tooltip(entity: &Entity, surface: &str) -> String {
    let mut parts = vec![entity.label.as_str().to_string()];
    if let Some(canonical) = &entity.canonical {
        if canonical != surface {
            parts.push(canonical.clone());
        }
    }
    if let Some(code) = entity.country {
        let name = country_name(code).unwrap_or(code.as_str());
        parts.push(format!("{name} ({code})"));
    }
    match &entity.value {
        Some(Value::Money(money)) => {
            parts.push(format!("{} {}", amount(money.value), money.currency))
        }
        Some(Value::Percent(percent)) => parts.push(format!("{}%", trim_number(*percent))),
        Some(Value::Date(date)) => parts.push(date.clone()),
        None => {}
    }
    parts.join(" \u{00b7} ")
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
