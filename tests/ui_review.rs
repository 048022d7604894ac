//! Review state and shared false positives in the window: R marks the selected row reviewed (again:
//! unmarks), "all locales" the whole document; progress shows per locale; marks kept by older versions in
//! the user's settings move into the folder's notes file.

mod common;

use common::window::{open, step_until};
use egui::Key;
use egui_kittest::kittest::Queryable;
use synoptic::ui::Settings;

#[test]
fn r_marks_the_selected_row_reviewed_and_the_document_button_all_locales() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let mut h = open(Settings::default(), folder, None);
    step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_opening()));
    h.get_by_label("Redémarrez la machine si le programme d’installation se bloque.").click();
    h.run_ok();
    let (doc, fr) = (h.state().view().expect("view").doc, 2);
    let row = 5;
    h.key_press(Key::R);
    h.run_ok();
    assert!(h.state().notes().expect("notes").reviewed().is_row_reviewed(doc, row, fr));
    assert!(!h.state().notes().expect("notes").reviewed().is_row_reviewed(doc, row, 1), "in fr only");
    h.get_by_label_contains("Reviewed (share of words): ");
    h.key_press(Key::R);
    h.run_ok();
    assert!(!h.state().notes().expect("notes").reviewed().is_row_reviewed(doc, row, fr), "R again unmarks");
    h.get_by_label("all locales").click();
    h.run_ok();
    let reviewed = h.state().notes().expect("notes").reviewed().clone();
    assert!((0..3).all(|c| reviewed.is_document_reviewed(doc, c)));
    let progress: Vec<(String, usize, usize)> =
        reviewed.progress().map(|p| (p.locale.clone(), p.reviewed_words, p.total_words)).collect();
    assert!(progress.iter().all(|(_, done, all)| done == all && *all > 0), "{progress:?}");
}

#[test]
fn false_positive_marks_kept_in_the_settings_move_into_the_notes_file() {
    let (_tmp, folder) = common::copy_fixture("gap");
    let fingerprint = {
        let review = common::review(&folder);
        review.findings[0].fingerprint.clone()
    };
    let settings = Settings {
        false_positives: [fingerprint.clone(), "0123456789abcdef".to_owned()].into(),
        ..Settings::default()
    };
    let mut h = open(settings, folder, None);
    step_until(&mut h, |app| app.notes().is_some_and(|n| !n.is_opening() && n.is_suppressed(&fingerprint)));
    assert_eq!(
        h.state().settings.false_positives,
        ["0123456789abcdef".to_owned()].into(),
        "another folder's mark stays"
    );
    h.get_by_label("0 problems shown (F8 / Shift+F8: next / previous)");
    // Unmarked from the window, it is back.
    h.get_by_label("Show false positives").click();
    h.run_ok();
    h.get_by_label("Unmark").click();
    h.run_ok();
    assert!(!h.state().notes().expect("notes").is_suppressed(&fingerprint));
}
