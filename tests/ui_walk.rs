//! The reviewer's day, walked through in the window with the native file dialog unavailable (issue 14's
//! "done when"): open a folder through the built-in chooser, show two locales with the picker, review a
//! document (a note, a false positive), export the notes and the findings through the chooser, and reopen:
//! the layout, the notes and the marks are back.

mod common;

use calamine::{Data, Reader, Xlsx, open_workbook};
use common::window::{harness_with, step_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use synoptic::ui::{Settings, SynopticApp, UnavailablePicker};

/// Open `folder` through the built-in chooser: type its path, Enter.
fn open_with_the_chooser(settings: Settings, folder: &Path) -> Harness<'static, SynopticApp> {
    let mut h = harness_with(settings, Box::new(UnavailablePicker::default()));
    h.get_by_label("Open folder…").click();
    h.run_ok();
    assert!(h.state().chooser().is_some(), "the built-in chooser stands in for the missing dialog");
    h.get_by_label("Path").focus();
    h.run_ok();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Path").type_text(&folder.display().to_string());
    h.run_ok();
    h.get_by_label("Open").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    h
}

/// Export through the chooser with its suggested name; the file written.
fn export(h: &mut Harness<'_, SynopticApp>, button: &str, done: &str) -> PathBuf {
    h.get_by_label(button).click();
    h.run_ok();
    let path = PathBuf::from(&h.state().chooser().expect("the chooser asks where").path);
    step_until(h, |app| app.chooser().is_some_and(|c| !c.is_listing()));
    h.get_by_label("Save").click();
    h.run_ok();
    step_until(h, |app| app.error().is_some() || app.notice().is_some_and(|n| n.starts_with("Exported")));
    assert_eq!(h.state().error(), None);
    assert!(h.state().notice().is_some_and(|n| n.starts_with(done)), "{:?}", h.state().notice());
    path
}

fn shown(h: &Harness<'_, SynopticApp>) -> Vec<String> {
    let view = h.state().view().expect("view");
    view.columns.iter().map(|&c| view.locales[c].clone()).collect()
}

fn cell(range: &calamine::Range<Data>, row: usize, col: usize) -> String {
    range.get((row, col)).map(ToString::to_string).unwrap_or_default()
}

#[test]
fn a_review_from_the_built_in_chooser_to_exports_and_back() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let folder = tmp.path().join("walk");
    synoptic::sample::extract_to(&folder).expect("sample");
    let settings = Settings { author: "Ana Reviewer".to_owned(), ..Settings::default() };
    let mut h = open_with_the_chooser(settings, &folder);
    assert_eq!(shown(&h), ["en", "de", "es", "fr", "ru"]);

    // Two locales with the picker.
    h.get_by_label("Locales: 5 of 5 shown").click();
    h.run_ok();
    h.get_by_label("Untick all").click();
    h.run_ok();
    for locale in ["de", "fr"] {
        h.get_by_role_and_label(egui::accesskit::Role::CheckBox, locale).click();
        h.run_ok();
    }
    h.get_by_label("Show only these").click();
    h.run_ok();
    assert_eq!(shown(&h), ["de", "fr"]);

    // Review: a note on a German cell, and a false positive.
    h.get_by_label_contains("Legen Sie die Einstellungsdatei").click();
    h.run_ok();
    h.key_press(Key::N);
    h.run_ok();
    h.get_by_role(egui::accesskit::Role::MultilineTextInput).type_text("Use \"Konfigurationsdatei\" here.");
    h.run_ok();
    h.get_by_label("Save").click();
    h.run_ok();
    let notes_before = h.state().notes().expect("notes").book().len();
    let glossary = {
        let review = h.state().review().expect("review");
        review.findings.iter().position(|f| f.id.as_str() == "term.glossary").expect("the glossary finding")
    };
    let fingerprint = h.state().review().expect("review").findings[glossary].fingerprint.clone();
    h.get_all_by_label("False positive").next().expect("the first problem's button").click();
    h.run_ok();
    assert!(h.state().settings.false_positives.contains(&fingerprint));

    // Both exports through the chooser, with the suggested names in the folder.
    let notes = export(&mut h, "Export notes...", "Exported 4 notes");
    assert_eq!(notes, folder.join("walk-review.xlsx"));
    let findings = export(&mut h, "Export findings…", "Exported 20 findings");
    assert_eq!(findings, folder.join("walk-findings.xlsx"));
    let mut book: Xlsx<_> = open_workbook(&findings).expect("the findings workbook opens");
    assert_eq!(book.sheet_names(), ["Summary", "de", "es", "fr", "ru", "no locale"]);
    let de = book.worksheet_range("de").expect("de sheet");
    let glossary_row = (1..de.height()).find(|&r| cell(&de, r, 3) == "term.glossary").expect("the glossary row");
    assert_eq!(cell(&de, glossary_row, 9), "yes", "the false positive is marked in the report");

    // Reopen with what the window remembered: layout, notes and marks are back.
    step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_dirty()));
    let remembered = h.state().settings.clone();
    drop(h);
    let h = open_with_the_chooser(remembered, &folder);
    assert_eq!(shown(&h), ["de", "fr"]);
    let app = h.state();
    assert_eq!(app.notes().expect("notes").book().len(), notes_before);
    assert!(app.notes().expect("notes").book().iter().any(|n| n.text == "Use \"Konfigurationsdatei\" here."));
    assert!(app.settings.false_positives.contains(&fingerprint));
}
