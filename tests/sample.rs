//! The bundled sample: exactly the planted defects listed in `assets/sample/README.md`, and no others.

use std::path::Path;
use synoptic::review::{CheckOptions, Review};

fn review() -> Review {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/sample");
    Review::build(&[path], &CheckOptions::default()).expect("the sample loads")
}

#[test]
fn exactly_the_planted_defects_are_found() {
    let r = review();
    let got: Vec<(&str, &str, &str, usize)> =
        r.findings.iter().map(|f| (f.id.as_str(), f.locale.as_str(), f.file.as_str(), f.line)).collect();
    assert_eq!(
        got,
        vec![
            ("input.encoding", "", "es/notes.md", 3),
            ("term.glossary", "de", "de/configure.md", 12),
            ("link.target-differs", "de", "de/configure.md", 32),
            ("structure.missing", "de", "de/configure.md", 36),
            ("link.malformed", "es", "es/configure.md", 22),
            ("structure.count", "es", "es/configure.md", 24),
            ("structure.moved", "es", "es/configure.md", 35),
            ("code.changed", "fr", "fr/configure.md", 16),
            ("link.missing-anchor", "ru", "ru/configure.md", 37),
            ("meta.missing", "ru", "en/faq.md", 1),
            ("link.malformed", "de", "de/install.md", 19),
            ("structure.missing", "de", "de/install.md", 28),
            ("structure.heading-level", "es", "es/install.md", 26),
            ("link.missing-file", "es", "es/install.md", 28),
            ("term.untranslated", "es", "es/install.md", 32),
            ("structure.extra", "fr", "fr/install.md", 26),
            ("term.forbidden", "fr", "fr/install.md", 30),
            ("link.missing-anchor", "fr", "fr/install.md", 30),
            ("meta.stale", "ru", "ru/install.md", 3),
            ("term.do-not-translate", "ru", "ru/install.md", 8),
            ("meta.orphan", "de", "de/legacy.md", 1),
        ]
    );
}

#[test]
fn the_sample_covers_every_finding_id_but_input_locale_and_faults() {
    let r = review();
    let ids: std::collections::BTreeSet<&str> = r.findings.iter().map(|f| f.id.as_str()).collect();
    // A file system fault or a 20 MB file cannot be bundled: `tests/hostile.rs` covers those two.
    let not_in_sample = ["input.locale", "input.unreadable", "input.too-large"];
    let all: std::collections::BTreeSet<&str> =
        synoptic::checks::CheckId::ALL.iter().map(|c| c.as_str()).filter(|id| !not_in_sample.contains(id)).collect();
    assert_eq!(ids, all);
}

#[test]
fn layout_locales_and_encodings_are_recognised() {
    let r = review();
    let names: Vec<&str> = r.corpus.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(names, ["configure.md", "faq.md", "install.md", "legacy.md"]);
    let fr = r.corpus.files.iter().find(|f| f.rel == "fr/configure.md").expect("fr/configure.md");
    assert_eq!(fr.encoding, synoptic::text::Encoding::Utf16Le);
    assert_eq!(fr.locale.as_str(), "fr");
    assert_eq!(r.corpus.skipped, vec![("README.md".to_owned(), "outside the locale folders".to_owned())]);
    assert_eq!(
        r.glossary.as_deref().and_then(|p| p.file_name()).and_then(|n| n.to_str()),
        Some("synoptic-glossary.csv")
    );
}

#[test]
fn messages_say_what_to_fix() {
    let r = review();
    let message = |id: &str, locale: &str| {
        r.findings
            .iter()
            .find(|f| f.id.as_str() == id && f.locale == locale)
            .map(|f| f.message.clone())
            .unwrap_or_default()
    };
    assert_eq!(
        message("code.changed", "fr"),
        "code block differs from en: `dossier_sortie = \"public\"` where en has `output_dir = \"public\"`"
    );
    assert_eq!(message("term.do-not-translate", "ru"), "`Lumen` must stay as it is, but this locale has `Люмен`");
    assert_eq!(
        message("meta.stale", "ru"),
        "ru was translated from source revision 0a9b8c7 (2025-11-20); en, de, es, fr are on the newer revision 4f1c2e9 (2026-03-02): ru is behind; sections that differ since: 'Troubleshooting' (added since)"
    );
    assert_eq!(
        message("structure.missing", "de"),
        "list item 'Troubleshooting' of en is missing here (en/configure.md line 36)"
    );
}
