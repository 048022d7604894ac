//! Fuzz target (b): N small documents → corpus grouping → alignment → every check. The input is split on
//! `0x1E` (record separator) into at most eight files; file k is `<locale k>/doc.md`, so all of them form
//! one document in eight locales (the first English, the reference). Nothing may panic or hang.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::path::Path;
use synoptic::config::Config;
use synoptic::corpus::{Corpus, LoadOptions};
use synoptic::glossary::Glossary;
use synoptic::review::Review;

const LOCALES: [&str; 8] = ["en", "de", "fr", "ja", "ru", "pt-br", "zh-tw", "ar"];

/// A glossary with one row of each kind, so the term checks run too.
const GLOSSARY: &str = "term,locale,translation,kind,note\nLumen,,,dnt,\nconfig file,de,Konfigurationsdatei,term,\n,fr,répertoire,forbidden,\n";

fuzz_target!(|data: &[u8]| {
    let files: Vec<(String, Vec<u8>)> = data
        .split(|&b| b == 0x1E)
        .zip(LOCALES)
        .map(|(bytes, locale)| (format!("{locale}/doc.md"), bytes.to_vec()))
        .collect();
    let corpus = Corpus::from_memory(Path::new("/fuzz"), files, &LoadOptions::default());
    let glossary = Glossary::parse(GLOSSARY, Path::new("glossary.csv")).unwrap_or_default();
    let review = Review::from_corpus(corpus, None, &glossary, &Config::default());
    for finding in &review.findings {
        assert!(!finding.id.is_empty());
    }
});
