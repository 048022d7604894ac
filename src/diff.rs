//! Word-level differences between two texts of one language (two revisions of a locale, or a source now
//! and at an older revision), for highlighting in the panes.

use similar::{ChangeTag, TextDiff};
use std::ops::Range;

/// How a span of the new text relates to the old one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Change {
    /// In both.
    Same,
    /// Only in the new text.
    Inserted,
}

/// Spans of `new` (byte ranges) marked as unchanged or inserted relative to `old`, word by word.
pub fn word_diff(old: &str, new: &str) -> Vec<(Change, Range<usize>)> {
    let diff = TextDiff::configure().diff_words(old, new);
    let mut out: Vec<(Change, Range<usize>)> = Vec::new();
    let mut pos = 0;
    for change in diff.iter_all_changes() {
        let kind = match change.tag() {
            ChangeTag::Delete => continue,
            ChangeTag::Equal => Change::Same,
            ChangeTag::Insert => Change::Inserted,
        };
        let len = change.value().len();
        match out.last_mut() {
            Some((k, r)) if *k == kind && r.end == pos => r.end = pos + len,
            _ => out.push((kind, pos..pos + len)),
        }
        pos += len;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_inserted_words_of_the_new_text() {
        let new = "Run the new installer now";
        let spans = word_diff("Run the installer now", new);
        let inserted: Vec<&str> =
            spans.iter().filter(|(c, _)| *c == Change::Inserted).map(|(_, r)| &new[r.clone()]).collect();
        assert_eq!(inserted, vec!["new "]);
        assert_eq!(spans.iter().map(|(_, r)| r.len()).sum::<usize>(), new.len());
    }
}
