//! The reviewer's day, walked through in the window with the native file dialog unavailable (issue 14's
//! "done when"): open a folder through the built-in chooser, show two locales with the picker, review a
//! document (marked reviewed, a note, a false positive with a reason), export the notes and the findings
//! through the chooser, and reopen: the layout, the notes and the marks are back from the folder's notes
//! file. Then `synoptic check` on the folder leaves the false positive out and says so, and its XLSX
//! report opens with the summary and per-locale sheets.

mod common;

use assert_cmd::Command;
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

    // Review: the German document marked reviewed, a note on a German cell, and a false positive.
    h.get_by_label_contains("Legen Sie die Einstellungsdatei").click();
    h.run_ok();
    h.key_press_modifiers(Modifiers::SHIFT, Key::R);
    h.run_ok();
    h.get_by_label("document in de");
    assert!(h.state().notes().expect("notes").reviewed().is_document_reviewed(0, 1), "configure.md reviewed in de");
    h.get_by_label_contains("Reviewed (share of words): de ");
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
    h.get_by_label("Reason (optional)").type_text("the style guide allows \"config file\" here");
    h.get_by_label("Mark").click();
    h.run_ok();
    let notes = h.state().notes().expect("notes");
    let mark = notes.book().suppressed().get(&fingerprint).expect("the mark is in the notes file's book");
    assert_eq!(
        (mark.reason.as_str(), mark.by.as_str()),
        ("the style guide allows \"config file\" here", "Ana Reviewer")
    );

    // Both exports through the chooser, with the suggested names in the folder.
    let notes = export(&mut h, "Export notes...", "Exported 4 notes");
    assert_eq!(notes, folder.join("walk-review.xlsx"));
    let findings = export(&mut h, "Export findings…", "Exported 21 findings");
    assert_eq!(findings, folder.join("walk-findings.xlsx"));
    let mut book: Xlsx<_> = open_workbook(&findings).expect("the findings workbook opens");
    assert_eq!(book.sheet_names(), ["Summary", "de", "es", "fr", "ru", "no locale"]);
    let de = book.worksheet_range("de").expect("de sheet");
    let glossary_row = (1..de.height()).find(|&r| cell(&de, r, 3) == "term.glossary").expect("the glossary row");
    assert!(cell(&de, glossary_row, 8).starts_with("reviewed (document, locale)"), "{}", cell(&de, glossary_row, 8));
    assert!(
        cell(&de, glossary_row, 9).starts_with("yes: the style guide allows \"config file\" here (Ana Reviewer, "),
        "the false positive is marked in the report: {}",
        cell(&de, glossary_row, 9)
    );

    // Reopen with what the window remembered: layout, notes and marks are back.
    step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_dirty()));
    let remembered = h.state().settings.clone();
    drop(h);
    let mut h = open_with_the_chooser(remembered, &folder);
    step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_opening()));
    assert_eq!(shown(&h), ["de", "fr"]);
    let app = h.state();
    let notes = app.notes().expect("notes");
    assert_eq!(notes.book().len(), notes_before);
    assert!(notes.book().iter().any(|n| n.text == "Use \"Konfigurationsdatei\" here."));
    assert!(notes.is_suppressed(&fingerprint), "the false positive is back from the notes file");
    assert!(notes.reviewed().is_document_reviewed(0, 1), "and the review mark");
    assert!(app.settings.false_positives.is_empty(), "nothing is kept in the settings any more");
    drop(h);

    // The command line reads the same notes file.
    let check = Command::cargo_bin("synoptic").expect("binary").arg("check").arg(&folder).output().expect("runs");
    let stdout = String::from_utf8_lossy(&check.stdout);
    assert!(!stdout.contains("term.glossary"), "the false positive is left out:\n{stdout}");
    assert!(stdout.contains("1 finding suppressed as false positives"), "and counted:\n{stdout}");
    let report = tmp.path().join("check.xlsx");
    Command::cargo_bin("synoptic")
        .expect("binary")
        .arg("check")
        .arg(&folder)
        .args(["--format", "xlsx", "--fail-on", "never", "-o"])
        .arg(&report)
        .assert()
        .code(0);
    let mut book: Xlsx<_> = open_workbook(&report).expect("the report opens");
    assert_eq!(book.sheet_names(), ["Summary", "de", "es", "fr", "ru", "no locale"]);
    let summary = book.worksheet_range("Summary").expect("summary");
    assert_eq!((cell(&summary, 6, 0), cell(&summary, 6, 4)), ("de".to_owned(), "1".to_owned()), "de: 1 false positive");
}
