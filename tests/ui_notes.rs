//! Notes in the window, driven with egui_kittest as a reviewer would: select a cell, press N, write,
//! set the severity from the keyboard, save; the note shows in the Notes panel, as a marker, in the
//! scorecard, and in the sidecar file after autosave. A finding becomes a note in one click.

mod common;

use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::PathBuf;
use std::time::{Duration, Instant};
use synoptic::notes::sidecar::{FILE_NAME, Sidecar};
use synoptic::notes::{Category, NoteSeverity};
use synoptic::ui::{Settings, SynopticApp};

fn open(folder: PathBuf) -> Harness<'static, SynopticApp> {
    open_exporting_to(folder, None)
}

fn open_exporting_to(folder: PathBuf, export_to: Option<PathBuf>) -> Harness<'static, SynopticApp> {
    let settings = Settings { author: "Ana Reviewer".to_owned(), ..Settings::default() };
    common::window::open(settings, folder, export_to)
}

/// Step frames until autosave has written the notes (it waits for a pause in the editing).
fn wait_for_autosave(h: &mut Harness<'_, SynopticApp>) {
    let start = Instant::now();
    while h.state().notes().is_some_and(|n| n.is_dirty()) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(50));
        h.step();
    }
}

#[test]
fn a_note_added_in_the_window_shows_in_the_panel_and_the_sidecar() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let mut h = open(folder.clone());
    h.get_by_label("Redémarrez la machine si le programme d’installation se bloque.").click();
    h.run_ok();
    h.key_press(Key::N);
    h.run_ok();
    let draft = h.state().note_draft().expect("the editor is open").clone();
    assert_eq!(draft.author, "Ana Reviewer");
    assert_eq!(draft.anchor_one.as_ref().map(|a| (a.locale.as_str(), a.file.as_str())), Some(("fr", "fr/guide.md")));
    // The text box has the focus: type, then Ctrl+3 sets "major" without leaving it.
    h.get_by_role(egui::accesskit::Role::MultilineTextInput)
        .type_text("\"programme d'installation\" -> \"installateur\"");
    h.run_ok();
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num3);
    h.run_ok();
    assert_eq!(h.state().note_draft().map(|d| d.severity), Some(NoteSeverity::Major));
    h.get_by_label("Save").click();
    h.run_ok();
    assert!(h.state().note_draft().is_none(), "the editor closed");

    let notes = h.state().notes().expect("notes");
    assert_eq!(notes.book().len(), 1);
    let note = notes.book().iter().next().expect("note").clone();
    assert_eq!(note.text, "\"programme d'installation\" -> \"installateur\"");
    assert_eq!((note.severity, note.category), (NoteSeverity::Major, Category::Mistranslation));
    assert_eq!(note.anchor.locale, "fr");

    h.get_by_label("Notes (1)").click();
    h.run_ok();
    h.get_by_label_contains("fr  open  Accuracy - mistranslation  guide.md  \"programme d'installation\"");
    h.get_by_label("Scorecard").click();
    h.run_ok();
    // Nothing is marked reviewed yet: the scorecard does not score the locale.
    assert_eq!(h.get_all_by_label("not yet reviewed").count(), 2, "de and fr");

    wait_for_autosave(&mut h);
    let text = std::fs::read_to_string(folder.join(FILE_NAME)).expect("the sidecar was written");
    assert!(text.contains("\"programme d'installation\" -> \"installateur\""), "{text}");
    assert!(text.contains("author = \"Ana Reviewer\""));
    assert_eq!(Sidecar::open(&folder, None).book.to_vec(), vec![note]);
}

#[test]
fn a_finding_becomes_a_prefilled_note_in_one_click() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let mut h = open(folder);
    h.get_all_by_label("Note").next().expect("a Note button on the first problem").click();
    h.run_ok();
    let draft = h.state().note_draft().expect("the editor is open").clone();
    let review = h.state().review().expect("review");
    let finding =
        review.findings.iter().find(|f| Some(&f.fingerprint) == draft.finding.as_ref()).expect("from a finding");
    assert_eq!(draft.text, finding.message);
    assert_eq!(draft.category, synoptic::notes::category_for(finding.id));
    h.get_by_label("Save").click();
    h.run_ok();
    assert_eq!(h.state().notes().map(|n| n.book().len()), Some(1));
}

#[test]
fn notes_are_exported_from_the_window() {
    let (tmp, folder) = common::copy_fixture("gap");
    let out = tmp.path().join("review.csv");
    let mut h = open_exporting_to(folder, Some(out.clone()));
    h.get_all_by_label("Note").next().expect("a Note button").click();
    h.run_ok();
    h.get_by_label("Save").click();
    h.run_ok();
    h.get_by_label("Export notes...").click();
    h.run_ok();
    assert_eq!(h.state().error(), None);
    let bytes = std::fs::read(&out).expect("the export was written");
    let mut reader = csv::ReaderBuilder::new().flexible(true).from_reader(&bytes[3..]);
    assert_eq!(reader.headers().expect("header").len(), 13);
    let rows: Vec<csv::StringRecord> = reader.records().map(|r| r.expect("row")).collect();
    // One note, an empty row, then the scorecard's title, header and one line per translation (de, fr).
    assert_eq!(rows.len(), 1 + 1 + 2 + 2);
    assert_eq!(&rows[2][0], "MQM scorecard");
    assert_eq!(&rows[0][11], "Ana Reviewer");
    h.get_by_label_contains("Exported 1 notes and the scorecard to");
}

#[test]
fn escape_does_not_throw_away_writing() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let mut h = open(folder);
    h.get_by_label("Redémarrez la machine si le programme d’installation se bloque.").click();
    h.run_ok();
    h.key_press(Key::N);
    h.run_ok();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("half a thought");
    h.run_ok();
    h.key_press(Key::Escape);
    h.run_ok();
    assert_eq!(
        h.state().note_draft().map(|d| d.text.as_str()),
        Some("half a thought"),
        "the first Escape only leaves the box"
    );
    h.key_press(Key::Escape);
    h.run_ok();
    assert!(h.state().note_draft().is_none(), "the second Escape closes");
    assert_eq!(h.state().notes().map(|n| n.book().len()), Some(0));
}
