//! Exact navigation on rows of very different heights: documents whose tables wrap to rows of about
//! 900 px, far more than their text length suggests. Clicking a problem, F8 (on into the next document),
//! Home and End land exactly, at once; Back returns from a followed link or a jump; the document list
//! moves with Up, Down and Enter.

mod common;

use common::window::{harness, step_until};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use std::path::Path;
use synoptic::ui::{Settings, SynopticApp};

/// A long cell in a narrow table column: it wraps to about 45 lines, some 900 px.
fn long_cell(word: &str, i: usize) -> String {
    (0..60).map(|k| format!("{word}{i}x{k}")).collect::<Vec<_>>().join(" ")
}

/// One document in `en` and `de`: 30 sections, each a heading, a paragraph and a four-column table
/// whose first cell is long. German lacks the paragraph of section `missing` (a finding there); the
/// first paragraph links to `next`.
fn document(root: &Path, name: &str, missing: usize, next: &str) {
    let intros = [
        ("en", "Section", "Start here, then read [the next page]"),
        ("de", "Abschnitt", "Beginnen Sie hier und lesen Sie dann [die nächste Seite]"),
    ];
    for (locale, word, intro) in intros {
        let mut text = format!("# {name}\n\n{intro}({next}).\n\n");
        for i in 0..30 {
            text.push_str(&format!("## {word} {i} {{#s{i}}}\n\n"));
            if !(locale == "de" && i == missing) {
                text.push_str(&format!("{word} body number {i}.\n\n"));
            }
            text.push_str(&format!("| A | B | C | D |\n|---|---|---|---|\n| {} | b | c | d |\n\n", long_cell(word, i)));
        }
        let dir = root.join(locale);
        std::fs::create_dir_all(&dir).expect("mkdir");
        std::fs::write(dir.join(name), text).expect("write");
    }
}

/// Two such documents: `a.md` (German lacks the last section's paragraph: from the text's length alone,
/// its row would seem too near the end to reach the top) and `b.md` (section 5's).
fn folder() -> tempfile::TempDir {
    let tmp = tempfile::tempdir().expect("tempdir");
    let root = tmp.path().join("tall");
    document(&root, "a.md", 29, "b.md");
    document(&root, "b.md", 5, "a.md");
    tmp
}

fn open(tmp: &tempfile::TempDir) -> Harness<'static, SynopticApp> {
    let mut h = harness(Settings::default(), tmp.path().join("tall"), None);
    h.get_by_label("Open folder…").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_loading() && app.view().is_some());
    h
}

/// Let a jump settle (its rows measured), then say where the view's top is.
fn settled(h: &mut Harness<'_, SynopticApp>) -> Option<(usize, f32)> {
    step_until(h, |app| !app.is_settling());
    h.state_mut().top_position()
}

fn document_name(h: &Harness<'_, SynopticApp>) -> String {
    let app = h.state();
    let doc = app.view().expect("a document").doc;
    app.review().expect("review").corpus.documents[doc].name.clone()
}

/// The finding (index) of the missing paragraph in a document, and its row.
fn missing_paragraph(h: &Harness<'_, SynopticApp>, document: &str) -> (usize, usize) {
    let review = h.state().review().expect("review");
    let i = review
        .findings
        .iter()
        .position(|f| f.document == document && f.id.as_str() == "structure.missing")
        .expect("the missing paragraph");
    (i, review.findings[i].row.expect("a row"))
}

#[test]
fn the_rows_really_are_taller_than_their_text_suggests() {
    let tmp = folder();
    let mut h = open(&tmp);
    h.key_press(Key::PageDown);
    h.run_ok();
    h.step();
    // A table row is drawn about 900 px tall: one page holds at most a table and a bit.
    let visible = h.state().visible_rows();
    assert!(visible.len() <= 4, "rows in view: {visible:?}");
}

#[test]
fn clicking_a_problem_puts_its_row_exactly_at_the_top() {
    let tmp = folder();
    let mut h = open(&tmp);
    let (index, row) = missing_paragraph(&h, "a.md");
    assert!(row > 50, "far down, below many tall rows: row {row}");
    h.get_by_label_contains("structure.missing  de").click();
    h.run_ok();
    assert_eq!(h.state().selected_finding(), Some(index));
    assert_eq!(settled(&mut h), Some((row, 0.0)));
    h.get_by_label("Section body number 29.");
    h.get_by_label("missing in de");
}

#[test]
fn f8_lands_exactly_and_goes_on_into_the_next_document() {
    let tmp = folder();
    let mut h = open(&tmp);
    assert_eq!(document_name(&h), "a.md");
    h.key_press(Key::F8);
    h.run_ok();
    let (a_finding, a_row) = missing_paragraph(&h, "a.md");
    assert_eq!(h.state().selected_finding(), Some(a_finding));
    assert_eq!(settled(&mut h), Some((a_row, 0.0)));
    // a.md has no other finding: F8 goes on to b.md's first one.
    h.key_press(Key::F8);
    h.run_ok();
    let (b_finding, b_row) = missing_paragraph(&h, "b.md");
    assert_eq!(document_name(&h), "b.md");
    assert_eq!(h.state().selected_finding(), Some(b_finding));
    assert_eq!(settled(&mut h), Some((b_row, 0.0)));
    // Shift+F8 goes back into a.md, to its last finding.
    h.key_press_modifiers(Modifiers::SHIFT, Key::F8);
    h.run_ok();
    assert_eq!(document_name(&h), "a.md");
    assert_eq!(h.state().selected_finding(), Some(a_finding));
    assert_eq!(settled(&mut h), Some((a_row, 0.0)));
}

#[test]
fn end_reaches_the_bottom_in_one_press_and_home_the_top() {
    let tmp = folder();
    let mut h = open(&tmp);
    let rows = {
        let app = h.state();
        app.review().expect("review").documents[0].alignment.rows.len()
    };
    h.key_press(Key::End);
    h.run_ok();
    settled(&mut h);
    assert_eq!(h.state().visible_rows().end, rows, "the last row is in view after one press");
    // …and the view ends where the document ends: the last table's last words sit just above the
    // bottom panel.
    let last_words = h.get_by_label_contains("Section29x59").rect();
    let bottom_panel = h.get_by_label("New note").rect();
    let gap = bottom_panel.min.y - last_words.max.y;
    assert!((0.0..60.0).contains(&gap), "the document's end is {gap} px above the bottom panel");
    h.key_press(Key::Home);
    h.run_ok();
    assert_eq!(settled(&mut h), None, "the front matter row is at the top again");
    assert!(h.query_by_label_contains("Start here, then read").is_some());
}

#[test]
fn back_returns_from_a_followed_link_and_from_a_jump() {
    let tmp = folder();
    let mut h = open(&tmp);
    let (_, row) = missing_paragraph(&h, "a.md");
    h.get_by_label_contains("structure.missing  de").click();
    h.run_ok();
    assert_eq!(settled(&mut h), Some((row, 0.0)));
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowLeft);
    h.run_ok();
    assert_eq!(settled(&mut h), None, "back at the top of a.md, where the jump started");
    // Follow the link to b.md, then come back and go forward again.
    h.get_by_label("the next page").click();
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    assert_eq!(document_name(&h), "b.md");
    h.get_by_label("Back").click();
    h.run_ok();
    settled(&mut h);
    assert_eq!(document_name(&h), "a.md");
    h.key_press_modifiers(Modifiers::ALT, Key::ArrowRight);
    h.run_ok();
    settled(&mut h);
    assert_eq!(document_name(&h), "b.md");
}

#[test]
fn the_document_list_moves_with_up_down_and_opens_with_enter() {
    let tmp = folder();
    let mut h = open(&tmp);
    h.get_by_label("Filter:").focus();
    h.run_ok();
    h.key_press(Key::ArrowDown);
    h.run_ok();
    assert_eq!(h.state().document_cursor(), Some(1));
    assert_eq!(document_name(&h), "a.md", "moving the cursor opens nothing");
    h.key_press(Key::Enter);
    h.run_ok();
    step_until(&mut h, |app| !app.is_settling());
    assert_eq!(document_name(&h), "b.md");
    h.key_press(Key::ArrowUp);
    h.key_press(Key::Enter);
    h.run_ok();
    assert_eq!(document_name(&h), "a.md");
}
