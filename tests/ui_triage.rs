//! Triage in the window: the Problems list counts only the checks that occur, sorts and groups; Find
//! highlights its matches and searches the whole folder off the UI thread; the selected finding's term
//! is highlighted in the text.

mod common;

use common::window::{open, step_until};
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use synoptic::checks::Severity;
use synoptic::ui::{Settings, SynopticApp};

fn sample() -> (tempfile::TempDir, Harness<'static, SynopticApp>) {
    let tmp = tempfile::tempdir().expect("tempdir");
    let dir = tmp.path().join("sample");
    synoptic::sample::extract_to(&dir).expect("sample");
    let h = open(Settings::default(), dir, None);
    (tmp, h)
}

fn select_in_combo(h: &mut Harness<'_, SynopticApp>, combo: &str, item: &str) {
    h.get_by_label(combo).click();
    h.run_ok();
    h.get_by_label(item).click();
    h.run_ok();
}

#[test]
fn the_check_filter_counts_only_the_ids_that_occur() {
    let (_tmp, mut h) = sample();
    h.get_by_label("Check").click();
    h.run_ok();
    for (id, n) in [("all", 8), ("term.glossary", 1), ("link.target-differs", 1), ("structure.missing", 1)] {
        h.get_by_label(&format!("{id} ({n})"));
    }
    assert!(h.query_by_label_contains("meta.orphan").is_none(), "an id that does not occur is not offered");
    h.get_by_label("link.malformed (1)").click();
    h.run_ok();
    let review = h.state().review().expect("review");
    let shown: Vec<&str> = h.state().problems_shown().iter().map(|&i| review.findings[i].id.as_str()).collect();
    assert_eq!(shown, ["link.malformed"]);
}

#[test]
fn problems_sort_by_severity_and_group_by_check_or_locale() {
    let (_tmp, mut h) = sample();
    h.get_by_label("Whole folder").click();
    h.run_ok();
    select_in_combo(&mut h, "Sort", "severity");
    let severities: Vec<Severity> = {
        let review = h.state().review().expect("review");
        h.state().problems_shown().iter().map(|&i| review.findings[i].severity).collect()
    };
    assert_eq!(severities.len(), 21);
    assert!(severities.windows(2).all(|w| w[0] >= w[1]), "most severe first: {severities:?}");
    select_in_combo(&mut h, "Group", "check");
    h.get_by_label("[-] code.changed (1)");
    // A group folds away, and the next one moves up.
    h.get_by_label("[-] code.changed (1)").click();
    h.run_ok();
    h.get_by_label("[+] code.changed (1)");
    h.get_by_label("[-] input.encoding (1)").click();
    h.run_ok();
    h.get_by_label("[-] link.malformed (2)");
    let review = h.state().review().expect("review");
    let ids: Vec<&str> = h.state().problems_shown().iter().map(|&i| review.findings[i].id.as_str()).collect();
    assert_eq!(ids.len(), 19);
    assert!(!ids.contains(&"code.changed") && !ids.contains(&"input.encoding"));
    select_in_combo(&mut h, "Group", "locale");
    h.get_by_label("[-] de (6)");
}

#[test]
fn find_highlights_its_matches_in_the_text() {
    let (_tmp, mut h) = sample();
    assert!(h.query_by_label("Markdown").is_none(), "the word is part of a longer run before");
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run_ok();
    h.get_by_label("Find:").type_text("markdown");
    h.run_ok();
    // Each match is cut out of its run and drawn highlighted: a label of its own.
    assert!(h.get_all_by_label("Markdown").count() >= 2, "matches in several panes");
    h.get_by_label_contains("in this document");
}

#[test]
fn find_searches_the_whole_folder_and_a_match_opens_its_document() {
    let (_tmp, mut h) = sample();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::F);
    h.run_ok();
    h.get_by_label("All documents").click();
    h.run_ok();
    h.get_by_label("Find:").focus();
    h.get_by_label("Find:").type_text("releases");
    h.key_press(Key::Enter);
    h.run_ok();
    step_until(&mut h, |app| app.folder_matches().is_some());
    let found = h.state().folder_matches().expect("matches").clone();
    let review = h.state().review().expect("review");
    let places: Vec<(&str, &str)> =
        found.matches.iter().map(|m| (review.corpus.documents[m.doc].name.as_str(), m.locale.as_str())).collect();
    assert_eq!(
        places,
        [("install.md", "en"), ("install.md", "de"), ("install.md", "es"), ("install.md", "fr"), ("install.md", "ru")]
    );
    h.get_by_label("\"releases\": 5 matches in 1 document");
    let m = &found.matches[1];
    let (doc, row) = (m.doc, m.row);
    h.get_by_label_contains(&format!("install.md  de  row {}:", row + 1)).click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    assert_eq!(h.state().view().map(|v| v.doc), Some(doc));
    assert_eq!(h.state_mut().top_position().map(|(r, _)| r), Some(row));
}

#[test]
fn the_selected_findings_term_is_highlighted_in_its_row() {
    let (_tmp, mut h) = sample();
    let forbidden = {
        let review = h.state().review().expect("review");
        review.findings.iter().position(|f| f.id.as_str() == "term.forbidden").expect("a forbidden word")
    };
    assert!(h.query_by_label("répertoire").is_none());
    h.state_mut().push(synoptic::ui::command::Command::JumpToFinding(forbidden));
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    h.get_by_label("répertoire");
}
