//! The window, driven through its accessibility tree with egui_kittest: open a folder through a fake
//! picker, see aligned panes with a gap, scroll, jump to findings, and virtualization of far rows.

mod common;

use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};
use synoptic::ui::{Settings, SynopticApp};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(name)
}

/// A window of the size reviewers use, with a picker that answers with `folder`.
fn harness(folder: PathBuf) -> Harness<'static, SynopticApp> {
    common::window::harness(Settings::default(), folder, None)
}

/// Run frames until the background load is done and the document is on show.
fn settle(h: &mut Harness<'_, SynopticApp>) {
    let start = Instant::now();
    while (h.state().is_loading() || h.state().view().is_none()) && start.elapsed() < Duration::from_secs(20) {
        h.step();
        std::thread::sleep(Duration::from_millis(10));
    }
    h.run_ok();
    for _ in 0..4 {
        h.step();
    }
}

fn open_through_the_picker(folder: PathBuf) -> Harness<'static, SynopticApp> {
    let mut h = harness(folder);
    h.get_by_label("Open folder…").click();
    h.run_ok();
    settle(&mut h);
    h
}

#[test]
fn opening_a_folder_shows_aligned_panes_with_a_gap() {
    let h = open_through_the_picker(fixture("gap"));
    let app = h.state();
    assert_eq!(app.error(), None);
    let view = app.view().expect("a document is shown");
    assert_eq!(view.locales, ["en", "de", "fr"]);
    assert_eq!(view.columns, [0, 1, 2]);
    let rows = &app.review().expect("review").documents[view.doc].alignment.rows;
    assert_eq!(rows.len(), 6);
    assert_eq!(rows[4].cells, [Some(4), None, Some(4)], "the Troubleshooting heading is a gap in de");
    h.get_by_label("en (source)");
    assert_eq!(h.get_all_by_label("missing in de").count(), 2, "the heading and its paragraph");
    h.get_by_label("Restart the machine when the installer hangs.");
    h.get_by_label("Redémarrez la machine si le programme d’installation se bloque.");
}

#[test]
fn clicking_a_finding_scrolls_every_pane_to_its_row() {
    let tmp = long_folder();
    let mut h = open_through_the_picker(tmp.path().to_path_buf());
    let (index, row) = {
        let review = h.state().review().expect("review");
        let i = review.findings.iter().position(|f| f.id == "structure.missing").expect("the missing body");
        (i, review.findings[i].row.expect("a row"))
    };
    assert!(row > 500, "far down the document: row {row}");
    assert!(h.query_by_label("Section body number 300.").is_none());
    h.get_by_label_contains("structure.missing  de").click();
    for _ in 0..4 {
        h.step();
    }
    assert_eq!(h.state().selected_finding(), Some(index));
    let top = h.state().top_row();
    assert!((row.saturating_sub(2)..=row).contains(&top), "scrolled to row {top}, wanted {row}");
    // Both panes show that row: the English block and the German gap.
    h.get_by_label("Section body number 300.");
    h.get_by_label("missing in de");
}

#[test]
fn f8_steps_through_findings() {
    // The sample's first document has several findings, so a step must land on another one.
    let dir = std::env::temp_dir().join("synoptic-f8-test").join("sample");
    synoptic::sample::extract_to(&dir).expect("sample");
    let mut h = open_through_the_picker(dir);
    h.key_press(egui::Key::F8);
    h.run_ok();
    let first = h.state().selected_finding();
    assert!(first.is_some());
    h.key_press(egui::Key::F8);
    h.run_ok();
    let second = h.state().selected_finding();
    assert!(second.is_some() && second != first, "F8 moved on: {first:?} → {second:?}");
    h.key_press_modifiers(egui::Modifiers::SHIFT, egui::Key::F8);
    h.run_ok();
    assert_eq!(h.state().selected_finding(), first);
}

/// A folder with one long document: 400 sections in two locales; German lacks the body of section 300.
fn long_folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    for (locale, word) in [("en", "Section"), ("de", "Abschnitt")] {
        let mut text = String::from("# Long\n\n");
        for i in 0..400 {
            text.push_str(&format!("## {word} {i} {{#s{i}}}\n\n"));
            if !(locale == "de" && i == 300) {
                text.push_str(&format!("{word} body number {i}.\n\n"));
            }
        }
        let dir = tmp.path().join(locale);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join("long.md"), text).expect("write");
    }
    tmp
}

#[test]
fn far_rows_are_not_laid_out_and_paging_scrolls_every_pane() {
    let tmp = long_folder();
    let mut h = open_through_the_picker(tmp.path().to_path_buf());
    assert!(h.query_by_label("Section body number 0.").is_some());
    assert!(h.query_by_label("Section body number 390.").is_none(), "far rows are virtualized away");
    let before = h.state().top_row();
    h.key_press(egui::Key::PageDown);
    h.run_ok();
    h.step();
    let after = h.state().top_row();
    assert!(after > before, "PageDown scrolled ({before} → {after})");
    // One scroll area holds every pane: the English and the German body a few rows below the new top
    // are both on show, and the first rows are gone from both.
    let section = after / 2 + 2;
    assert!(h.query_by_label(&format!("Section body number {section}.")).is_some(), "en section {section}");
    assert!(h.query_by_label(&format!("Abschnitt body number {section}.")).is_some(), "de section {section}");
    assert!(h.query_by_label("Abschnitt body number 0.").is_none());
    h.key_press(egui::Key::End);
    for _ in 0..6 {
        h.step();
    }
    assert!(h.query_by_label("Abschnitt body number 399.").is_some());
}

#[test]
fn main_window_on_the_sample_matches_the_snapshot() {
    // A fixed folder name: the status line shows it, and snapshots must not depend on random names.
    let dir = std::env::temp_dir().join("synoptic-snapshot").join("sample");
    synoptic::sample::extract_to(&dir).expect("sample");
    let mut h = open_through_the_picker(dir);
    h.snapshot("main_window_sample");
}

/// Every URL the window asked the platform to open during the last frame.
fn opened_urls(h: &Harness<'_, SynopticApp>) -> Vec<String> {
    h.output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::OpenUrl(open) => Some(open.url.clone()),
            _ => None,
        })
        .collect()
}

#[test]
fn links_open_the_browser_only_on_a_click_and_only_for_http() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let en = "# Links\n\nSee [the site](https://example.com/docs), [a script](javascript:alert(1)) and [a file](file:///etc/passwd).\n";
    let de = "# Verweise\n\nSiehe [die Seite](https://example.com/docs), [ein Skript](javascript:alert(1)) und [eine Datei](file:///etc/passwd).\n";
    for (locale, text) in [("en", en), ("de", de)] {
        std::fs::create_dir_all(tmp.path().join(locale)).expect("mkdir");
        std::fs::write(tmp.path().join(locale).join("links.md"), text).expect("write");
    }
    let mut h = open_through_the_picker(tmp.path().to_path_buf());
    let mut opened = Vec::new();
    h.get_by_label("the site").hover();
    for _ in 0..3 {
        h.step();
        opened.extend(opened_urls(&h));
    }
    assert_eq!(opened, Vec::<String>::new(), "hovering opens nothing");
    for refused in ["a script", "a file"] {
        h.get_by_label(refused).click();
        for _ in 0..3 {
            h.step();
            opened.extend(opened_urls(&h));
        }
    }
    assert_eq!(opened, Vec::<String>::new(), "other schemes never open");
    assert_eq!(
        h.state().error(),
        Some("`file:///etc/passwd` is not opened: only http and https links open the browser.")
    );
    h.get_by_label("the site").click();
    for _ in 0..3 {
        h.step();
        opened.extend(opened_urls(&h));
    }
    assert_eq!(opened, vec!["https://example.com/docs".to_owned()]);
}
