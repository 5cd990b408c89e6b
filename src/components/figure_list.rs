use diplomap_extract::{Label, Span, Value};
use leptos::prelude::*;

use crate::app::{Analysed, Article};
use crate::components::article_input::group;
use crate::components::reading_view::amount;

/// The most figures listed; a long article says how many more there are.
pub const FIGURES_SHOWN: usize = 40;

/// Words of context kept on each side of a figure, in characters.
const CONTEXT_CHARS: usize = 48;

/// A sum of money or a percentage found in the article.
pub struct Figure {
    pub span: Span,
    /// The normalised value: `30 million USD`, `40%`.
    pub value: String,
    /// The text before and after it in its sentence, shortened at word boundaries.
    pub before: String,
    pub text: String,
    pub after: String,
}

/// The money and percentages of the article in text order, each in its context; a
/// click shows it in the text.
#[component]
pub fn FigureList() -> impl IntoView {
    let article = expect_context::<Article>();
    // Plain closures, not a memo: cheap to run again, and lighter in the download.
    let found = move || {
        article
            .analysed
            .with(|current| figures(current, FIGURES_SHOWN))
    };

    let list = move || {
        let (shown, total) = found();
        if shown.is_empty() {
            return view! { <p class="panel-empty">"No sums of money or percentages found yet."</p> }.into_any();
        }
        let more = total - shown.len();
        let rows = shown
            .into_iter()
            .map(|figure| {
                let span = figure.span;
                let context = format!("{}{}{}", figure.before, figure.text, figure.after);
                view! {
                    <li>
                        <button type="button" class="figure" on:click=move |_| article.revealing.set(Some(span))>
                            <span class="figure-value">{figure.value}</span>
                            <span class="figure-context">{context}</span>
                        </button>
                    </li>
                }
            })
            .collect_view();
        view! {
            <ol class="figure-list" aria-label="Money and percentages, in the order of the text; press one to show it in the text">
                {rows}
            </ol>
            <p class="panel-hint">{(more > 0).then(|| format!("and {} more", group(more)))}</p>
        }
        .into_any()
    };

    view! {
        <section class="figures panel" aria-labelledby="figures-heading">
            <h2 id="figures-heading" class="section-title">
                "Money and percentages"
                <span class="section-count">{move || group(article.analysed.with(|current| figure_count(current)))}</span>
            </h2>
            {list}
        </section>
    }
}

/// The first `limit` figures (MONEY and PERCENT mentions) in text order, and how many
/// there are in all.
pub fn figures(analysed: &Analysed, limit: usize) -> (Vec<Figure>, usize) {
    let text = analysed.text.as_str();
    let analysis = &analysed.analysis;
    let shown = figure_mentions(analysed)
        .take(limit)
        .filter_map(|entity| {
            let span = entity.span;
            let sentence = analysis
                .sentences
                .get(
                    analysis
                        .sentences
                        .partition_point(|sentence| sentence.end <= span.start),
                )
                .filter(|sentence| sentence.contains(span))
                .copied()
                .unwrap_or(span);
            let value = match &entity.value {
                Some(Value::Money(money)) => format!("{} {}", amount(money.value), money.currency),
                Some(Value::Percent(percent)) => format!("{}%", amount(*percent)),
                _ => text.get(span.start..span.end)?.to_string(),
            };
            Some(Figure {
                span,
                value,
                before: tail(text.get(sentence.start..span.start)?),
                text: text.get(span.start..span.end)?.to_string(),
                after: head(text.get(span.end..sentence.end)?),
            })
        })
        .collect();
    (shown, figure_count(analysed))
}

fn figure_mentions(analysed: &Analysed) -> impl Iterator<Item = &diplomap_extract::Entity> {
    analysed
        .analysis
        .entities
        .iter()
        .filter(|entity| matches!(entity.label, Label::Money | Label::Percent))
}

pub fn figure_count(analysed: &Analysed) -> usize {
    figure_mentions(analysed).count()
}

/// The last words of `text`, at most [`CONTEXT_CHARS`], with an ellipsis if cut.
fn tail(text: &str) -> String {
    let text = text.trim_start();
    let count = text.chars().count();
    if count <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().skip(count - CONTEXT_CHARS).collect();
    let words = cut
        .split_once(char::is_whitespace)
        .map_or(cut.as_str(), |(_, rest)| rest);
    format!("\u{2026}{words}")
}

/// The first words of `text`, at most [`CONTEXT_CHARS`], with an ellipsis if cut.
fn head(text: &str) -> String {
    let text = text.trim_end();
    if text.chars().count() <= CONTEXT_CHARS {
        return text.to_string();
    }
    let cut: String = text.chars().take(CONTEXT_CHARS).collect();
    let words = cut
        .rsplit_once(char::is_whitespace)
        .map_or(cut.as_str(), |(words, _)| words);
    format!("{words}\u{2026}")
}
