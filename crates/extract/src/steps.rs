//! A deterministic count of the work an analysis does, so a test can check that it
//! grows linearly with the text (`tests/linearity.rs`) without timing anything.
//!
//! The stages call [`tick`] at the few places all their work passes through: the token
//! accessors of [`crate::tokens::Tokens`] (every rule reads tokens through them), the
//! tokenizer's and the normaliser's per-character loops, the gazetteer trie's steps,
//! and the relation stage's per-clause scans, pair and evidence loops. Without the
//! `count-steps` feature `tick` is an empty inline function and compiles away.

/// Counts `n` steps of work on this thread (nothing without the `count-steps` feature).
#[cfg(not(feature = "count-steps"))]
#[inline(always)]
pub(crate) fn tick(_n: usize) {}

#[cfg(feature = "count-steps")]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts `n` steps of work on this thread.
#[cfg(feature = "count-steps")]
#[inline]
pub(crate) fn tick(n: usize) {
    STEPS.with(|steps| steps.set(steps.get() + n as u64));
}

/// The steps `work` does on this thread. The built-in gazetteer is built on first use,
/// which counts too: call [`crate::analyze`] once before counting.
#[cfg(feature = "count-steps")]
pub fn count_steps<R>(work: impl FnOnce() -> R) -> u64 {
    let before = STEPS.with(std::cell::Cell::get);
    drop(work());
    STEPS.with(std::cell::Cell::get) - before
}
