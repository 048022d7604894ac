//! Coverage of the translation set: translations without a source document (orphans) and documents a
//! locale most documents have lacks (missing translations).

use super::Corpus;
use std::collections::{BTreeMap, BTreeSet};

/// A coverage gap of the corpus: a translation without source, or a document a locale lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// A file of a document that has no source document (index into `corpus.files`).
    Orphan {
        /// Index into `corpus.documents`.
        document: usize,
        /// Index into `corpus.files`.
        file: usize,
        /// Why, in words.
        message: String,
    },
    /// A locale most documents have lacks this document.
    Missing {
        /// Index into `corpus.documents`.
        document: usize,
        /// The locale tag that lacks it.
        locale: String,
        /// The file the gap is reported on (the source, else the document's first file).
        anchor: usize,
        /// Why, in words.
        message: String,
        /// No translation has the document: the site does not translate it (counted as missing, never
        /// reported one locale at a time).
        source_only: bool,
    },
}

/// A page at least half of three or more translations have and the source does not: a per-locale page
/// of the site (a translation's own prompt or credits), not a left-over translation. With fewer
/// translations a page they all have may as well be left over from a removed source.
pub fn is_per_locale_page(locales: usize, translation_locales: usize) -> bool {
    translation_locales >= 3 && locales >= 2 && locales * 2 >= translation_locales
}

/// The orphans and missing translations of a corpus (what `meta.orphan` and `meta.missing` report).
pub fn coverage(corpus: &Corpus, source_locale: Option<&crate::locale::Locale>) -> Vec<Gap> {
    let mut out = Vec::new();
    let docs = &corpus.documents;
    let mut per_locale: BTreeMap<String, usize> = BTreeMap::new();
    // Orphans are not part of what "most documents" have: count documents with a source, when there is one.
    let orphan = |d: &crate::corpus::Document| source_locale.is_some() && d.source.is_none();
    let counted: Vec<&crate::corpus::Document> = docs.iter().filter(|d| !orphan(d)).collect();
    for d in &counted {
        for f in corpus.document_files(d) {
            *per_locale.entry(f.locale.to_string()).or_default() += 1;
        }
    }
    let multi_doc = docs.iter().filter(|d| d.files.len() > 1).count();
    let translation_locales = per_locale.len().saturating_sub(usize::from(source_locale.is_some()));
    for (di, d) in docs.iter().enumerate() {
        let locales: BTreeSet<String> = corpus.document_files(d).map(|f| f.locale.to_string()).collect();
        let anchor = d.source.unwrap_or(d.files[0]);
        if let Some(src) = source_locale
            && d.source.is_none()
            && multi_doc > 0
            && !is_per_locale_page(locales.len(), translation_locales)
            && per_locale.keys().any(|l| crate::locale::Locale::parse(l).is_some_and(|l| l.same_language(src)))
        {
            for &fi in &d.files {
                let message = format!(
                    "{} has no {} source document: it may be left over from a removed or renamed source",
                    corpus.files[fi].rel, src
                );
                out.push(Gap::Orphan { document: di, file: fi, message });
            }
        }
        let is_orphan = orphan(d);
        for (locale, n) in &per_locale {
            // An orphan is not expected in other locales; meta.orphan speaks for it.
            if locales.contains(locale) || counted.len() < 3 || *n * 2 <= counted.len() || is_orphan {
                continue;
            }
            let message =
                format!("no {locale} translation of this document, though {n} of {} documents have one", counted.len());
            // With three translations or more, a page none of them has is one the site leaves untranslated.
            let source_only = d.files.len() == 1 && d.source.is_some() && translation_locales >= 3;
            out.push(Gap::Missing { document: di, locale: locale.clone(), anchor, message, source_only });
        }
    }
    out
}
