//! The English words the untranslated-text check knows.

use std::collections::HashSet;

/// Every English word the untranslated-text check knows.
pub(super) fn english_words() -> impl Iterator<Item = &'static str> {
    FUNCTION_WORDS.iter().chain(RARELY_BORROWED).chain(OTHER_ENGLISH_WORDS).copied()
}

/// Is this an English word of the list? Without allocating: the list is ASCII and short words only.
pub(super) fn is_english(word: &str) -> bool {
    let bytes = word.as_bytes();
    if bytes.len() < 2 || bytes.len() > 16 || !word.is_ascii() {
        return false;
    }
    let mut buf = [0u8; 16];
    for (b, w) in buf.iter_mut().zip(bytes) {
        *b = w.to_ascii_lowercase();
    }
    static WORDS: std::sync::OnceLock<HashSet<&'static str>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| english_words().collect());
    std::str::from_utf8(&buf[..bytes.len()]).is_ok_and(|lower| words.contains(lower))
}

/// Distinctly English function words (left out: words that are also common in other languages, such as
/// `in`, `is`, `a`, `die`, `also`, `for`, `to`).
pub(super) const FUNCTION_WORDS: &[&str] = &[
    "the", "of", "with", "and", "from", "your", "this", "that", "these", "those", "using", "which", "what", "how",
    "when", "where", "are", "can", "should", "must", "about", "into", "than", "there", "their", "they", "you", "has",
    "have", "been", "were", "only", "each", "other", "such", "between", "through", "without",
];

/// English content words that other languages seldom borrow on their own.
pub(super) const RARELY_BORROWED: &[&str] = &[
    "learning",
    "networks",
    "network",
    "neural",
    "reinforcement",
    "encryption",
    "deploy",
    "deploying",
    "deployed",
    "preserve",
    "standardize",
    "understand",
    "getting",
    "started",
    "overview",
];

/// Other common English words: they make runs longer but never tell on their own (many are borrowed).
pub(super) const OTHER_ENGLISH_WORDS: &[&str] = &[
    "machine",
    "deep",
    "models",
    "model",
    "data",
    "open",
    "source",
    "train",
    "training",
    "use",
    "see",
    "more",
    "information",
];
