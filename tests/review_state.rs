//! Review state, as the window will drive it through its session: rows and documents marked reviewed in
//! one locale or in all, progress per locale in words, marks that stop counting when their text changes,
//! the scorecard scoring reviewed words only, marks merging between two reviewers, and the one-time move
//! of the window's private false-positive marks into the sidecar.

mod common;

use common::{copy_fixture, find_block, review};
use std::collections::BTreeSet;
use std::path::Path;
use std::time::Duration;
use synoptic::corpus::words::{count_words, word_count};
use synoptic::notes::sidecar::{FILE_NAME, Sidecar};
use synoptic::notes::{Category, NoteSeverity};
use synoptic::review::Review;
use synoptic::scorecard::Verdict;
use synoptic::session::NoteSession;

const WAIT: Duration = Duration::from_secs(10);

fn open(r: &Review) -> NoteSession {
    let mut session = NoteSession::open(r, None);
    assert!(session.settle(r, WAIT));
    session
}

/// The (document, row, column) of the German block holding `text` in guide.md.
fn de_row(r: &Review, text: &str) -> (usize, usize, usize) {
    let (doc, column, block) = find_block(r, "guide.md", "de", text);
    let row = r.documents[doc].alignment.rows.iter().position(|row| row.cells[column] == Some(block)).expect("row");
    (doc, row, column)
}

/// The words of the English source block in the same row.
fn source_words_of_row(r: &Review, doc: usize, row: usize) -> usize {
    let document = &r.corpus.documents[doc];
    let en = document.files.iter().position(|&f| r.corpus.files[f].locale.to_string() == "en").expect("en");
    let block = r.documents[doc].alignment.rows[row].cells[en].expect("source block");
    count_words(&r.corpus.files[document.files[en]].skeleton.blocks[block].text)
}

fn words_of(r: &Review, rel: &str) -> usize {
    r.corpus.files.iter().filter(|f| f.rel == rel).map(word_count).sum()
}

#[test]
fn a_reviewed_row_counts_its_source_words_until_its_text_changes() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let mut session = open(&r);
    let (doc, row, column) = de_row(&r, "Laden Sie das Archiv");
    assert!(!session.reviewed().is_row_reviewed(doc, row, column));
    assert!(session.mark_row_reviewed(&r, doc, row, column, "Ana"));
    assert!(session.reviewed().is_row_reviewed(doc, row, column));
    assert!(!session.reviewed().is_row_reviewed(doc, row + 1, column), "only that row");
    let words = source_words_of_row(&r, doc, row);
    let de = session.reviewed().progress_of("de").expect("de").clone();
    let total = words_of(&r, "en/guide.md") + words_of(&r, "en/configure.md");
    assert_eq!((de.reviewed_words, de.total_words, de.documents, de.reviewed_documents), (words, total, 2, 0));
    assert_eq!(session.reviewed().progress_of("fr").map(|p| p.reviewed_words), Some(0));
    // The scorecard scores German on the reviewed words, and does not score French.
    let scores = session.scores();
    assert_eq!((scores[0].locale.as_str(), scores[0].words, scores[0].verdict), ("de", words, Verdict::Pass));
    assert_eq!((scores[1].locale.as_str(), scores[1].verdict), ("fr", Verdict::NotReviewed));
    assert!(session.flush(&r));
    let saved = std::fs::read_to_string(folder.join(FILE_NAME)).expect("saved");
    assert!(
        saved.contains("schema = 2\n") && saved.contains("[[reviewed]]\ndocument = \"guide.md\"\nlocale = \"de\"\n"),
        "{saved}"
    );

    // The translator rewrites the sentence: the row needs review again.
    let path = folder.join("de/guide.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("Laden Sie das Archiv", "Holen Sie das Archiv")).expect("write");
    let r2 = review(&folder);
    let session = open(&r2);
    let (doc, row, column) = de_row(&r2, "Holen Sie das Archiv");
    assert!(!session.reviewed().is_row_reviewed(doc, row, column));
    assert_eq!(session.reviewed().outdated(), 1);
    assert_eq!(session.reviewed().progress_of("de").map(|p| p.reviewed_words), Some(0));
}

#[test]
fn documents_are_marked_per_locale_or_for_all() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let mut session = open(&r);
    let doc = r.document_index("guide.md").expect("guide");
    let column_of = |locale: &str| {
        r.corpus.documents[doc].files.iter().position(|&f| r.corpus.files[f].locale.to_string() == locale)
    };
    let (de, fr) = (column_of("de").expect("de"), column_of("fr").expect("fr"));
    assert!(session.mark_document_reviewed(&r, doc, None, "Ana"));
    assert!(session.reviewed().is_document_reviewed(doc, de) && session.reviewed().is_document_reviewed(doc, fr));
    assert!(session.reviewed().is_row_reviewed(doc, 3, de), "every row of a reviewed document is reviewed");
    let guide = words_of(&r, "en/guide.md");
    for locale in ["de", "fr"] {
        let p = session.reviewed().progress_of(locale).expect("progress");
        assert_eq!((p.reviewed_words, p.reviewed_documents), (guide, 1), "{locale}");
    }
    // Taking French back leaves German reviewed.
    assert!(session.unmark_document_reviewed(&r, doc, Some(fr)));
    assert!(session.reviewed().is_document_reviewed(doc, de));
    assert!(!session.reviewed().is_document_reviewed(doc, fr));
    assert_eq!(session.reviewed().progress_of("fr").map(|p| p.reviewed_words), Some(0));
    assert!(session.unmark_document_reviewed(&r, doc, None));
    assert!(!session.reviewed().is_document_reviewed(doc, de));
    assert!(session.book().reviewed().is_empty());
}

#[test]
fn two_reviewers_marks_merge_and_old_files_still_read() {
    let (_tmp, folder) = copy_fixture("clean");
    // A schema-1 file of an older Synoptic (notes only) reads, and stays schema 1 while it has no marks.
    let old = "schema = 1\n\n[[note]]\nid = \"019ab0f31d58-0000beef\"\ndocument = \"guide.md\"\nlocale = \"de\"\nfile = \"de/guide.md\"\nsection = \"install\"\nblock = 1\nfingerprint = \"x\"\nquote = \"\"\ntext = \"old note\"\ncategory = \"style\"\nseverity = \"minor\"\nstatus = \"open\"\nauthor = \"A\"\ncreated = \"2026-01-01T00:00:00.000Z\"\nupdated = \"2026-01-01T00:00:00.000Z\"\n";
    std::fs::write(folder.join(FILE_NAME), old).expect("write");
    let r = review(&folder);
    let (doc, row, column) = de_row(&r, "Laden Sie das Archiv");
    let mut ana = open(&r);
    let mut ben = open(&r);
    assert_eq!(ana.book().len(), 1);
    ana.mark_row_reviewed(&r, doc, row, column, "Ana");
    assert!(ana.flush(&r));
    ben.mark_document_reviewed(&r, r.document_index("configure.md").expect("configure"), None, "Ben");
    assert!(ben.flush(&r));
    let on_disk = Sidecar::open(&folder, None);
    let by: BTreeSet<&str> = on_disk.book.reviewed().iter().map(|m| m.by.as_str()).collect();
    assert_eq!(by, BTreeSet::from(["Ana", "Ben"]));
    assert_eq!(on_disk.book.len(), 1, "the old note is kept");
    // Ana takes her mark back; Ben's next save honours it and keeps his own.
    assert!(ana.unmark_row_reviewed(&r, doc, row, column));
    assert!(ana.flush(&r));
    ben.reload_from_disk(&r);
    assert!(ben.settle(&r, WAIT));
    assert!(!ben.reviewed().is_row_reviewed(doc, row, column));
    let by: Vec<String> = Sidecar::open(&folder, None).book.reviewed().iter().map(|m| m.by.clone()).collect();
    assert_eq!(by, ["Ben"]);
}

#[test]
fn the_windows_private_false_positives_move_into_the_sidecar_once() {
    let (_tmp, folder) = copy_fixture("gap");
    let r = review(&folder);
    let mut session = open(&r);
    let here = r.findings[0].fingerprint.clone();
    let elsewhere = "00000000deadbeef".to_owned();
    let settings = BTreeSet::from([here.clone(), elsewhere]);
    assert_eq!(session.adopt_false_positives(&r, &settings, "Ana"), vec![here.clone()]);
    assert!(session.is_suppressed(&here));
    // Again: nothing new, the same answer (the window may call it on every open).
    assert_eq!(session.adopt_false_positives(&r, &settings, "Ana"), vec![here.clone()]);
    assert!(session.flush(&r));
    let saved = Sidecar::open(&folder, None);
    let marks: Vec<(&str, &str)> =
        saved.book.suppressed().iter().map(|m| (m.fingerprint.as_str(), m.check.as_str())).collect();
    assert_eq!(marks, [(here.as_str(), r.findings[0].id.as_str())]);
    let mut session = open(&r);
    assert!(session.unsuppress(&r, &here));
    assert!(!session.unsuppress(&r, &here), "already gone");
    assert!(!session.is_suppressed(&here));
}

#[test]
fn marks_of_documents_that_are_gone_are_kept() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let mut session = open(&r);
    session.mark_document_reviewed(&r, r.document_index("configure.md").expect("doc"), None, "Ana");
    assert!(session.flush(&r));
    for locale in ["en", "de", "fr"] {
        std::fs::remove_file(Path::new(&folder).join(locale).join("configure.md")).expect("rm");
    }
    let r2 = review(&folder);
    let mut session = open(&r2);
    assert_eq!(session.book().reviewed().len(), 1);
    assert_eq!(session.reviewed().progress_of("de").map(|p| p.reviewed_words), Some(0));
    let note = common::note_on(&r2, "guide.md", "de", "Laden Sie", false, "n", Category::Style, NoteSeverity::Minor);
    session.upsert(note, &r2);
    assert!(session.flush(&r2));
    assert_eq!(Sidecar::open(&folder, None).book.reviewed().len(), 1, "never dropped");
}
