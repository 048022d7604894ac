//! The real seed corpus (five translations of one Azure ML article, `../shared/seed-corpus/`): every
//! defect the engine issue names is found, and nothing else. The corpus ships beside the project in CI,
//! where its absence fails these tests; elsewhere they say it is missing and check nothing.

use std::path::{Path, PathBuf};
use synoptic::review::{CheckOptions, Review};

fn seed() -> Option<PathBuf> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seed-corpus/azure-ml-open-source");
    if p.is_dir() {
        Some(p)
    } else {
        assert!(std::env::var_os("CI").is_none(), "the seed corpus is missing at {} (CI must have it)", p.display());
        eprintln!("seed corpus not found at {}: skipped, nothing checked", p.display());
        None
    }
}

fn review() -> Option<Review> {
    let path = seed()?;
    Some(Review::build(&[path], &CheckOptions::default()).expect("the seed corpus loads"))
}

#[test]
fn the_five_files_are_one_document_with_locales_from_front_matter() {
    let Some(r) = review() else { return };
    assert_eq!(r.corpus.documents.len(), 1);
    let doc = &r.corpus.documents[0];
    assert_eq!(doc.name, "open-source-integration-with-azure-machine-learning-projects");
    assert_eq!(doc.source, None, "no English source in the seeds");
    let locales: Vec<String> = r.corpus.document_files(doc).map(|f| f.locale.to_string()).collect();
    assert_eq!(locales, ["de-DE", "fr-FR", "nl-NL", "ru-RU", "tr-TR"]);
}

#[test]
fn exactly_the_seed_defects_are_found() {
    let Some(r) = review() else { return };
    let got: Vec<(&str, &str, usize)> = r.findings.iter().map(|f| (f.id.as_str(), f.locale.as_str(), f.line)).collect();
    let expected: Vec<(&str, &str, usize)> = vec![
        ("link.missing-file", "*", 26),
        ("link.malformed", "*", 70),
        ("link.target-differs", "de-DE", 95),
        ("meta.stale", "fr-FR", 12),
        ("meta.stale", "nl-NL", 12),
        ("link.malformed", "nl-NL", 31),
        ("term.do-not-translate", "nl-NL", 35),
        ("term.untranslated", "nl-NL", 39),
        ("term.do-not-translate", "nl-NL", 39),
        ("term.untranslated", "nl-NL", 45),
        ("term.do-not-translate", "nl-NL", 46),
        // List items are rows of their own: `Neural` (half of "Neural-netwerk") is told on its own item.
        ("term.untranslated", "nl-NL", 47),
        ("term.untranslated", "nl-NL", 49),
        ("term.do-not-translate", "nl-NL", 55),
        ("link.malformed", "nl-NL", 96),
        ("term.do-not-translate", "nl-NL", 96),
        ("meta.stale", "ru-RU", 12),
        ("term.do-not-translate", "ru-RU", 33),
        ("term.do-not-translate", "ru-RU", 35),
        ("term.do-not-translate", "ru-RU", 37),
        ("term.do-not-translate", "ru-RU", 51),
        ("term.untranslated", "ru-RU", 53),
        ("term.do-not-translate", "ru-RU", 55),
        ("term.do-not-translate", "ru-RU", 57),
        // One finding per check, row and locale: the second mangled name of the line is in its message.
        ("term.do-not-translate", "ru-RU", 67),
        ("term.do-not-translate", "ru-RU", 96),
        ("term.do-not-translate", "ru-RU", 98),
        ("term.do-not-translate", "ru-RU", 100),
        ("term.do-not-translate", "ru-RU", 104),
        ("meta.stale", "tr-TR", 12),
        ("link.malformed", "tr-TR", 31),
        ("term.do-not-translate", "tr-TR", 33),
        ("term.do-not-translate", "tr-TR", 35),
        ("term.do-not-translate", "tr-TR", 37),
        ("link.malformed", "tr-TR", 37),
        ("term.untranslated", "tr-TR", 39),
        ("term.untranslated", "tr-TR", 41),
        ("term.do-not-translate", "tr-TR", 45),
        ("term.untranslated", "tr-TR", 51),
        ("term.untranslated", "tr-TR", 53),
        ("term.untranslated", "tr-TR", 57),
        ("term.do-not-translate", "tr-TR", 67),
        ("term.untranslated", "tr-TR", 83),
        ("link.malformed", "tr-TR", 92),
        ("link.malformed", "tr-TR", 96),
        ("term.do-not-translate", "tr-TR", 96),
        ("term.do-not-translate", "tr-TR", 104),
    ];
    assert_eq!(got, expected);
}

#[test]
fn two_problems_of_one_check_on_one_line_are_one_finding_naming_both() {
    let Some(r) = review() else { return };
    let at = |locale: &str, line: usize, id: &str| {
        r.findings
            .iter()
            .filter(|f| f.locale == locale && f.line == line && f.id.as_str() == id)
            .map(|f| f.message.as_str())
            .collect::<Vec<_>>()
    };
    let ru = at("ru-RU", 104, "term.do-not-translate");
    assert_eq!(ru.len(), 1);
    assert!(ru[0].contains("`млфлов`") && ru[0].contains("`Млопс`"), "{ru:?}");
    let tr = at("tr-TR", 92, "link.malformed");
    assert_eq!(tr.len(), 1);
    assert!(tr[0].contains("`dağıtmak`") && tr[0].contains("`Için`"), "{tr:?}");
}

fn message(r: &Review, id: &str, locale: &str, needle: &str) -> bool {
    r.findings.iter().any(|f| f.id.as_str() == id && f.locale == locale && f.message.contains(needle))
}

#[test]
fn mangled_terms_named_in_the_issue_are_reported() {
    let Some(r) = review() else { return };
    for (locale, mangled) in [
        ("ru-RU", "смартноисе"),
        ("ru-RU", "интерпретмл"),
        ("ru-RU", "фаирлеарн"),
        ("ru-RU", "Scikit-учиться"),
        ("ru-RU", "Рллиб"),
        ("nl-NL", "scikit-informatie"),
        ("nl-NL", "tensor flow"),
        ("tr-TR", "Interkıl"),
        ("tr-TR", "scikit-öğrenme"),
    ] {
        assert!(message(&r, "term.do-not-translate", locale, mangled), "{locale} {mangled}");
    }
    for (locale, words) in
        [("tr-TR", "`Networks`"), ("tr-TR", "`Learning`"), ("nl-NL", "`Neural Networks`"), ("ru-RU", "`Learning`")]
    {
        assert!(message(&r, "term.untranslated", locale, words), "{locale} {words}");
    }
}

#[test]
fn the_newer_german_revision_is_not_blamed_the_four_others_are_behind() {
    let Some(r) = review() else { return };
    let stale: Vec<&str> = r.findings.iter().filter(|f| f.id == "meta.stale").map(|f| f.locale.as_str()).collect();
    assert_eq!(stale, ["fr-FR", "nl-NL", "ru-RU", "tr-TR"]);
    let ru = r.findings.iter().find(|f| f.id == "meta.stale" && f.locale == "ru-RU").map(|f| f.message.as_str());
    let ru = ru.unwrap_or_default();
    assert!(
        ru.contains("983e037 (2020-01-14)") && ru.contains("de-DE is on the newer revision 9809169 (2021-11-04)"),
        "{ru}"
    );
    assert!(ru.contains("'Transferlernen' (added since)"), "{ru}");
    assert!(ru.contains("(moved)"), "the privacy section moved in de-DE: {ru}");
    assert!(!r.findings.iter().any(|f| f.id.as_str().starts_with("structure.") && f.locale == "de-DE"));
}

#[test]
fn shared_problems_are_reported_once() {
    let Some(r) = review() else { return };
    let missing: Vec<_> = r.findings.iter().filter(|f| f.id == "link.missing-file").collect();
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].locale, "*");
    assert!(missing[0].message.starts_with("29 relative link target(s) are missing in every locale"));
    assert!(message(&r, "link.malformed", "*", "https://github.com/fairlearn/fairlearn"));
    assert!(message(&r, "link.target-differs", "de-DE", "`how-to-deploy-custom-container.md`"));
    assert!(message(&r, "link.target-differs", "de-DE", "`how-to-deploy-custom-docker-image.md`"));
}
