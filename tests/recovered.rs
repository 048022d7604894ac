//! Notes saved beside an unreadable sidecar (`synoptic-notes.recovered.toml`) come back as soon as the
//! sidecar can be read again — on the next open, in `export`, and in an open window when the file is
//! fixed — counted, merged, and the recovered file removed only once they are saved. Also: the
//! temporary files of a killed save are cleaned by the next save, and a sidecar from a newer Synoptic is
//! called that.

mod common;

use assert_cmd::Command;
use common::copy_fixture;
use std::path::Path;
use std::time::Duration;
use synoptic::notes::sidecar::{FILE_NAME, Location, RECOVERED_NAME, Sidecar};
use synoptic::notes::{Anchor, Category, Note, NoteBook, NoteSeverity, NoteStatus};
use synoptic::review::Review;
use synoptic::session::NoteSession;

fn note(text: &str) -> Note {
    Note {
        id: synoptic::notes::new_id(),
        anchor: Anchor { document: "guide.md".into(), locale: "de".into(), ..Anchor::default() },
        text: text.to_owned(),
        category: Category::Style,
        severity: NoteSeverity::Minor,
        status: NoteStatus::Open,
        author: "Ana".into(),
        created: synoptic::notes::time::now(),
        updated: synoptic::notes::time::now(),
        finding: None,
    }
}

fn texts(book: &NoteBook) -> Vec<String> {
    let mut out: Vec<String> = book.iter().map(|n| n.text.clone()).collect();
    out.sort();
    out
}

/// A folder whose sidecar holds "kept" and is then broken by a bad merge; "rescued" is saved meanwhile
/// (it goes to the recovered file).
fn folder_with_a_rescued_note() -> (tempfile::TempDir, std::path::PathBuf, String) {
    let (tmp, folder) = copy_fixture("clean");
    let mut opened = Sidecar::open(&folder, None);
    opened.book.upsert(note("kept"));
    opened.sidecar.save(&mut opened.book).expect("save");
    let good = std::fs::read_to_string(folder.join(FILE_NAME)).expect("sidecar");
    std::fs::write(folder.join(FILE_NAME), format!("<<<<<<< HEAD\n{good}")).expect("conflict");
    let mut opened = Sidecar::open(&folder, None);
    assert!(matches!(opened.sidecar.location(), Location::Beside { .. }));
    opened.book.upsert(note("rescued"));
    opened.sidecar.save(&mut opened.book).expect("save beside");
    assert!(folder.join(RECOVERED_NAME).is_file());
    (tmp, folder, good)
}

#[test]
fn recovered_notes_are_merged_back_once_the_sidecar_is_fixed() {
    let (_tmp, folder, good) = folder_with_a_rescued_note();
    std::fs::write(folder.join(FILE_NAME), &good).expect("the reviewer fixes the file");
    let mut opened = Sidecar::open(&folder, None);
    assert_eq!(opened.sidecar.location(), &Location::Folder);
    assert_eq!(texts(&opened.book), ["kept", "rescued"]);
    assert_eq!((opened.recovered, opened.unsaved), (1, true));
    assert_eq!(
        opened.warnings,
        [format!(
            "1 notes (and 0 marks) saved in {RECOVERED_NAME} while {FILE_NAME} could not be read are merged back in."
        )]
    );
    // Saved into the sidecar, then the recovered file goes.
    opened.sidecar.save(&mut opened.book).expect("save");
    assert!(!folder.join(RECOVERED_NAME).exists());
    let again = Sidecar::open(&folder, None);
    assert_eq!(texts(&again.book), ["kept", "rescued"]);
    assert!(again.warnings.is_empty());
}

#[test]
fn export_includes_and_counts_recovered_notes() {
    let (tmp, folder, good) = folder_with_a_rescued_note();
    std::fs::write(folder.join(FILE_NAME), &good).expect("fixed");
    let out = tmp.path().join("review.json");
    let run = Command::cargo_bin("synoptic").expect("binary").arg("export").arg(&folder).arg("-o").arg(&out).assert();
    let said = String::from_utf8_lossy(&run.get_output().stderr).into_owned();
    assert!(
        said.ends_with(&format!(
            "synoptic: wrote 2 notes (1 of them from a recovered-notes file) and the scorecard of 2 locales to {}\n",
            out.display()
        )),
        "{said}"
    );
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(&out).expect("export")).expect("json");
    let mut notes: Vec<&str> =
        v["notes"].as_array().expect("notes").iter().filter_map(|n| n["note"].as_str()).collect();
    notes.sort();
    assert_eq!(notes, ["kept", "rescued"]);
    assert!(folder.join(RECOVERED_NAME).is_file(), "export writes nothing in the folder");
}

fn review(folder: &Path) -> Review {
    common::review(folder)
}

#[test]
fn an_open_window_merges_recovered_notes_when_the_sidecar_is_fixed() {
    let (_tmp, folder, good) = folder_with_a_rescued_note();
    let r = review(&folder);
    let mut session = NoteSession::open(&r, None);
    assert!(session.settle(&r, Duration::from_secs(10)));
    assert!(session.status_line().contains("(the original could not be read)"), "{}", session.status_line());
    assert_eq!(texts(session.book()), ["rescued"]);
    // The reviewer fixes the file; the watcher reports the change.
    std::fs::write(folder.join(FILE_NAME), &good).expect("fixed");
    session.reload_from_disk(&r);
    assert!(session.settle(&r, Duration::from_secs(10)));
    assert_eq!(session.sidecar().location(), &Location::Folder);
    assert_eq!(texts(session.book()), ["kept", "rescued"]);
    assert!(session.is_dirty(), "the merged notes are written to the sidecar");
    assert!(session.flush(&r));
    assert_eq!(texts(&Sidecar::open(&folder, None).book), ["kept", "rescued"]);
    assert!(!folder.join(RECOVERED_NAME).exists());
}

#[test]
fn notes_another_window_saved_beside_the_sidecar_are_taken_in() {
    let (_tmp, folder) = copy_fixture("clean");
    let r = review(&folder);
    let mut session = NoteSession::open(&r, None);
    assert!(session.settle(&r, Duration::from_secs(10)));
    // A window that opened while the sidecar was broken still saves to the recovered file.
    let text = synoptic::notes::sidecar::render(&vec![note("from the other window")].into(), None).expect("render");
    std::fs::write(folder.join(RECOVERED_NAME), text).expect("write");
    session.reload_from_disk(&r);
    assert!(session.settle(&r, Duration::from_secs(10)));
    assert_eq!(texts(session.book()), ["from the other window"]);
    assert!(
        session
            .status_line()
            .starts_with("1 notes (1 recovered from an earlier unreadable file) in synoptic-notes.toml")
    );
    assert!(session.flush(&r));
    assert!(!folder.join(RECOVERED_NAME).exists());
    assert_eq!(texts(&Sidecar::open(&folder, None).book), ["from the other window"]);
}

#[test]
fn the_next_save_removes_what_a_killed_save_left() {
    let (_tmp, folder) = copy_fixture("clean");
    for name in [".synoptic-notes.toml.4242-0.tmp", ".synoptic-notes.toml.4242-1.tmp"] {
        std::fs::write(folder.join(name), "half a sidecar").expect("leftover");
    }
    std::fs::write(folder.join(".notes-of-someone-else.tmp"), "not ours").expect("write");
    let mut opened = Sidecar::open(&folder, None);
    opened.book.upsert(note("n"));
    opened.sidecar.save(&mut opened.book).expect("save");
    let mut left: Vec<String> = std::fs::read_dir(&folder)
        .expect("list")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.'))
        .collect();
    left.sort();
    assert_eq!(left, [".notes-of-someone-else.tmp"]);
}

#[test]
fn a_sidecar_from_a_newer_synoptic_is_called_that_by_export() {
    let (tmp, folder) = copy_fixture("clean");
    std::fs::write(folder.join(FILE_NAME), "schema = 7\n[[whatever]]\n").expect("newer");
    let out = tmp.path().join("out.csv");
    Command::cargo_bin("synoptic")
        .expect("binary")
        .arg("export")
        .arg(&folder)
        .arg("-o")
        .arg(&out)
        .assert()
        .code(2)
        .stderr(format!(
            "synoptic: {}: cannot read the notes: written by a newer Synoptic (schema 7; this one reads up to 2). \
             Nothing was exported: use the newer Synoptic that wrote the file\n",
            folder.join(FILE_NAME).display()
        ));
}
