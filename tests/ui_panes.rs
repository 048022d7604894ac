//! Many locales side by side: the source pane stays pinned on the left while the others scroll sideways,
//! a finding brings its locale's pane into view, the locale picker shows two of six in a few clicks, and
//! the layout is remembered per folder (but not the sideways scroll).

mod common;

use common::window::{harness, step_until};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::{Path, PathBuf};
use synoptic::ui::{Settings, SynopticApp};

const LOCALES: [(&str, &str); 6] = [
    ("en", "Install"),
    ("de", "Installieren"),
    ("es", "Instalar"),
    ("fr", "Installer"),
    ("it", "Installare"),
    ("pt", "Instale"),
];

/// A guide in six locales; Portuguese lacks its last paragraph (a finding in the rightmost pane).
fn folder(root: &Path) {
    for (locale, word) in LOCALES {
        let mut text = format!("# {word}\n\n");
        for i in 0..6 {
            text.push_str(&format!("## {word} {i} {{#s{i}}}\n\n"));
            if !(locale == "pt" && i == 5) {
                text.push_str(&format!("{word} paragraph {i}.\n\n"));
            }
        }
        std::fs::create_dir_all(root.join(locale)).expect("mkdir");
        std::fs::write(root.join(locale).join("guide.md"), text).expect("write");
    }
}

fn open(settings: Settings, root: PathBuf) -> Harness<'static, SynopticApp> {
    let mut h = harness(settings, root, None);
    h.get_by_label("Open folder…").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    h
}

fn shown(h: &Harness<'_, SynopticApp>) -> Vec<String> {
    let view = h.state().view().expect("view");
    view.columns.iter().map(|&c| view.locales[c].clone()).collect()
}

#[test]
fn a_finding_of_an_off_screen_locale_scrolls_its_pane_into_view_beside_the_pinned_source() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("six");
    folder(&root);
    let mut h = open(Settings::default(), root);
    assert_eq!(shown(&h), ["en", "de", "es", "fr", "it", "pt"]);
    assert_eq!(h.state().sideways_offset(), 0.0);
    let source_x = h.get_by_label("en (source)").rect().min.x;
    // (The document list names the locales too, on the left.)
    let pane_header =
        |h: &Harness<'_, SynopticApp>| h.query_all_by_label("pt").map(|n| n.rect()).find(|r| r.min.x > 265.0);
    assert_eq!(pane_header(&h), None, "pt starts off screen: its header is not even laid out");
    h.get_by_label_contains("structure.missing  pt").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    assert!(h.state().sideways_offset() > 0.0, "scrolled sideways");
    // The source did not move; Portuguese is whole, right of it.
    assert_eq!(h.get_by_label("en (source)").rect().min.x, source_x);
    let pt = pane_header(&h).expect("the pt pane's header");
    assert!(pt.min.x > source_x + 290.0 && pt.max.x < 1400.0, "pt in view beside the source: {pt:?}");
    h.get_by_label("Install paragraph 5.");
}

#[test]
fn the_locale_picker_shows_two_of_six_and_the_layout_is_kept_per_folder() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let (first, second) = (tmp.path().join("first"), tmp.path().join("second"));
    folder(&first);
    folder(&second);
    let mut h = open(Settings::default(), first.clone());
    h.get_by_label("Locales: 6 of 6 shown").click();
    h.run_ok();
    h.get_by_label("Untick all").click();
    h.run_ok();
    h.get_by_label("Search locales").focus();
    h.run_ok();
    h.get_by_label("Search locales").type_text("e");
    h.run_ok();
    // The search keeps en, de and es.
    for (locale, kept) in
        [("en (source)", true), ("de", true), ("es", true), ("fr", false), ("it", false), ("pt", false)]
    {
        let found = h.query_by_role_and_label(egui::accesskit::Role::CheckBox, locale).is_some();
        assert_eq!(found, kept, "{locale}");
    }
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "de").click();
    h.run_ok();
    h.get_by_role_and_label(egui::accesskit::Role::CheckBox, "es").click();
    h.run_ok();
    h.get_by_label("Show only these").click();
    h.run_ok();
    assert_eq!(shown(&h), ["de", "es"]);
    h.get_by_label("Locales: 2 of 6 shown");
    h.get_by_label("Show fr");
    let settings = h.state().settings.clone();
    assert_eq!(settings.layout(&first).hidden.into_iter().collect::<Vec<_>>(), ["en", "fr", "it", "pt"]);
    // Another folder has its own layout; the first keeps its own when reopened.
    let mut other = open(settings.clone(), second);
    assert_eq!(shown(&other), ["en", "de", "es", "fr", "it", "pt"]);
    other.run_ok();
    let reopened = open(other.state().settings.clone(), first);
    assert_eq!(shown(&reopened), ["de", "es"]);
    assert_eq!(reopened.state().sideways_offset(), 0.0);
}
