//! Loan words of a translation set: English words a language's translations use in several documents
//! of the folder are that translation's house style (`deploy` in a Hindi translation), not text left
//! untranslated. Counted once per folder, before documents are checked.

use super::english::is_english;
use crate::corpus::Corpus;
use crate::skeleton::BlockKind;
use rayon::prelude::*;
use std::collections::{HashMap, HashSet};

/// In how many documents of one language an English word must appear to be a loan word there.
const DOCUMENTS: usize = 3;

/// Per language, its loan words (lowercase).
#[derive(Debug, Clone, Default)]
pub struct LoanWords {
    by_language: HashMap<String, HashSet<String>>,
}

impl LoanWords {
    /// Count the English words of every non-English file of a corpus.
    pub fn of(corpus: &Corpus) -> LoanWords {
        let per_file: Vec<(String, HashSet<String>)> = corpus
            .files
            .par_iter()
            .filter(|f| f.locale.language() != "en" && !f.locale.is_undetermined())
            .map(|f| {
                let mut words = HashSet::new();
                for b in f.skeleton.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Code | BlockKind::Markup)) {
                    for w in b.text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| is_english(w)) {
                        words.insert(w.to_ascii_lowercase());
                    }
                }
                (f.locale.language().to_owned(), words)
            })
            .collect();
        let mut counts: HashMap<String, HashMap<String, usize>> = HashMap::new();
        for (language, words) in per_file {
            let per = counts.entry(language).or_default();
            for w in words {
                *per.entry(w).or_default() += 1;
            }
        }
        let by_language = counts
            .into_iter()
            .map(|(l, per)| (l, per.into_iter().filter(|(_, n)| *n >= DOCUMENTS).map(|(w, _)| w).collect()))
            .collect();
        LoanWords { by_language }
    }

    /// True when `word` (lowercase) is a loan word of `language`.
    pub fn contains(&self, language: &str, word: &str) -> bool {
        self.by_language.get(language).is_some_and(|w| w.contains(word))
    }
}
