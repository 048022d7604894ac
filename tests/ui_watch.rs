//! The window follows the disk: an edited document is read again with its notes re-anchored and the
//! reviewer kept on the document; a deleted file does not break the view; notes another window saved
//! appear.

mod common;

use common::window::step_until;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use synoptic::notes::anchor::Fit;
use synoptic::notes::sidecar::Sidecar;
use synoptic::notes::{Category, NoteSeverity};
use synoptic::ui::{Settings, SynopticApp};

fn open(folder: PathBuf) -> Harness<'static, SynopticApp> {
    common::window::open(Settings::default(), folder, None)
}

fn german_text(app: &SynopticApp) -> String {
    let review = app.review().expect("review");
    review.corpus.file("de/guide.md").map(|f| f.text.clone()).unwrap_or_default()
}

#[test]
fn edits_on_disk_are_reloaded_with_notes_reanchored_and_deletions_survived() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let note = {
        let r = common::review(&folder);
        let mut opened = Sidecar::open(&folder, None);
        let n = common::note_on(
            &r,
            "guide.md",
            "de",
            "Starten Sie das Installationsprogramm",
            false,
            "Installationsprogramm -> Installer",
            Category::Terminology,
            NoteSeverity::Minor,
        );
        opened.book.upsert(n.clone());
        opened.sidecar.save(&mut opened.book).expect("save");
        n
    };
    let mut h = open(folder.clone());
    assert!(h.state().is_watching());
    let row_before = h.state().notes().and_then(|n| n.placements().of(&note).and_then(|p| p.row)).expect("placed");

    // The translator inserts a paragraph above the noted one.
    let path = folder.join("de/guide.md");
    let text = std::fs::read_to_string(&path).expect("read");
    std::fs::write(&path, text.replace("## Einrichtung {#setup}\n", "## Einrichtung {#setup}\n\nEin neuer Absatz.\n"))
        .expect("write");
    step_until(&mut h, |app| german_text(app).contains("Ein neuer Absatz."));
    let app = h.state();
    assert_eq!(app.error(), None);
    assert_eq!(
        app.review().map(|r| r.corpus.documents[app.view().expect("view").doc].name.clone()),
        Some("guide.md".into())
    );
    let place = app.notes().and_then(|n| n.placements().of(&note)).cloned().expect("the note is kept");
    assert_eq!(place.fit, Fit::Moved);
    assert_eq!(place.row, Some(row_before + 1), "the note moved down with its paragraph");
    h.get_by_label("Ein neuer Absatz.");

    // A file deleted while it is on show: the view follows, nothing breaks, the note is kept (outdated).
    std::fs::remove_file(&path).expect("delete");
    step_until(&mut h, |app| app.review().is_some_and(|r| r.corpus.file("de/guide.md").is_none()));
    let app = h.state();
    assert_eq!(app.view().map(|v| v.locales.clone()), Some(vec!["en".to_owned(), "fr".to_owned()]));
    assert_eq!(app.notes().map(|n| n.book().len()), Some(1));
    assert_eq!(app.notes().and_then(|n| n.placements().of(&note)).map(|p| p.fit), Some(Fit::Outdated));

    // Another window saves a note: it shows up here.
    let mut other = Sidecar::open(&folder, None);
    let mut second = note.clone();
    second.id = synoptic::notes::new_id();
    second.text = "from another window".into();
    other.book.upsert(second);
    other.sidecar.save(&mut other.book).expect("save");
    step_until(&mut h, |app| app.notes().is_some_and(|n| n.book().len() == 2));
}
