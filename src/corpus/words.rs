//! Words of the documents, counted once per load: what the scorecard evaluates (the source's words of
//! the documents each locale has; each Chinese or Japanese character counts as a word; code excluded).

use super::{Corpus, SourceFile};
use crate::skeleton::BlockKind;
use std::collections::BTreeMap;

/// Per translation locale, the evaluated word count and the number of documents: what the scorecard
/// needs of the documents, counted once per load.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Evaluated {
    words: BTreeMap<String, usize>,
    documents: BTreeMap<String, usize>,
}

impl Evaluated {
    /// Count the words of a corpus's documents.
    pub fn of(corpus: &Corpus) -> Evaluated {
        let (words, documents) = evaluated_words(corpus);
        Evaluated { words, documents }
    }

    /// Each translation locale with the words and the number of its documents.
    pub fn locales(&self) -> impl Iterator<Item = (&str, usize, usize)> {
        self.words.iter().map(|(l, &w)| (l.as_str(), w, self.documents.get(l).copied().unwrap_or(0)))
    }
}

/// Per translation locale, the evaluated word count and the number of documents it has.
fn evaluated_words(corpus: &Corpus) -> (BTreeMap<String, usize>, BTreeMap<String, usize>) {
    let mut words: BTreeMap<String, usize> = BTreeMap::new();
    let mut documents: BTreeMap<String, usize> = BTreeMap::new();
    for document in &corpus.documents {
        let source = document.source.map(|s| &corpus.files[s]);
        let source_words = source.map(word_count);
        for &f in &document.files {
            if Some(f) == document.source {
                continue;
            }
            let file = &corpus.files[f];
            let locale = file.locale.to_string();
            *words.entry(locale.clone()).or_default() += source_words.unwrap_or_else(|| word_count(file));
            *documents.entry(locale).or_default() += 1;
        }
    }
    (words, documents)
}

/// The words of a file's text, code excluded.
pub fn word_count(file: &SourceFile) -> usize {
    file.skeleton.blocks.iter().filter(|b| b.kind != BlockKind::Code).map(|b| count_words(&b.text)).sum()
}

/// Words in text: runs of letters or digits between spaces, and each Chinese or Japanese character
/// (those scripts do not separate words with spaces).
pub fn count_words(text: &str) -> usize {
    text.split_whitespace()
        .map(|token| {
            let ideographs = token.chars().filter(|&c| is_ideographic(c)).count();
            let rest = token.chars().any(|c| c.is_alphanumeric() && !is_ideographic(c));
            ideographs + usize::from(rest)
        })
        .sum()
}

fn is_ideographic(c: char) -> bool {
    matches!(c as u32, 0x3040..=0x30FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x2FA1F)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_words_in_spaced_and_unspaced_scripts() {
        assert_eq!(count_words("Install the SDK, then run `pip` — done."), 7);
        assert_eq!(count_words("インストール"), 6);
        assert_eq!(count_words("使用 Azure ML"), 4);
        assert_eq!(count_words("  — ... "), 0);
    }
}
