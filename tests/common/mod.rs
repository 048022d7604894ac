//! Helpers shared by the notes and export tests: a writable copy of a fixture folder and notes on it.
#![allow(dead_code)]

pub mod git;
pub mod shown;
pub mod window;

use std::path::{Path, PathBuf};
use synoptic::notes::anchor::anchor_at;
use synoptic::notes::{Category, Note, NoteSeverity, NoteStatus};
use synoptic::review::{CheckOptions, Review};

/// A fresh copy of `tests/fixtures/<name>` in a temporary folder.
pub fn copy_fixture(name: &str) -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let to = tmp.path().join(name);
    copy_dir(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name), &to);
    (tmp, to)
}

/// Copy a folder recursively.
pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read_dir") {
        let entry = entry.expect("entry");
        let target = to.join(entry.file_name());
        if entry.file_type().expect("type").is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).expect("copy");
        }
    }
}

/// Review a folder.
pub fn review(folder: &Path) -> Review {
    Review::build(&[folder.to_path_buf()], &CheckOptions::default()).expect("review")
}

/// The (document, column, block) of the first block of `locale`'s file of `document` containing `text`.
pub fn find_block(review: &Review, document: &str, locale: &str, text: &str) -> (usize, usize, usize) {
    let doc = review.document_index(document).expect("document");
    let d = &review.corpus.documents[doc];
    let column =
        d.files.iter().position(|&f| review.corpus.files[f].locale.to_string() == locale).expect("locale column");
    let file = &review.corpus.files[d.files[column]];
    let block = file.skeleton.blocks.iter().position(|b| b.text.contains(text)).expect("block with text");
    (doc, column, block)
}

/// A note on the block of `locale` holding `text` (for all locales when `all`).
#[allow(clippy::too_many_arguments)]
pub fn note_on(
    review: &Review,
    document: &str,
    locale: &str,
    text: &str,
    all: bool,
    body: &str,
    category: Category,
    severity: NoteSeverity,
) -> Note {
    let (doc, column, block) = find_block(review, document, locale, text);
    let anchor = anchor_at(review, doc, column, block, all, "").expect("anchor");
    Note {
        id: synoptic::notes::new_id(),
        anchor,
        text: body.to_owned(),
        category,
        severity,
        status: NoteStatus::Open,
        author: "Reviewer".to_owned(),
        created: "2026-11-23T10:00:00.000Z".to_owned(),
        updated: "2026-11-23T10:00:00.000Z".to_owned(),
        finding: None,
    }
}
