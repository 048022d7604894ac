//! Every script reads right (issue 12): snapshots of a document in Arabic, Hebrew, Persian, Japanese,
//! Simplified and Traditional Chinese, Korean, Hindi, Bengali and Thai, each beside English, drawn with
//! the installed system fonts (Debian `fonts-noto-core fonts-noto-cjk`, which `.ci/run` installs) and
//! each pane's locale fonts; the regional Han forms of `ja` and `zh-Hant` panes; and the message a
//! machine without CJK fonts shows instead of boxes.
//!
//! The harness fails on any character no font can draw (kittest's missing-glyph policy), so a machine
//! without the fonts fails these tests loudly rather than snapshotting boxes.

mod common;

use common::shown::Fonts;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use std::path::{Path, PathBuf};
use synoptic::ui::SynopticApp;
use synoptic::ui::fonts::{self, LocaleFonts};

fn scripts() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/scripts")
}

const LOCALES: [&str; 11] = ["en", "ar", "he", "fa", "ja", "zh-Hans", "zh-Hant", "ko", "hi", "bn", "th"];

fn window(
    folder: PathBuf,
    shown: &[&str],
    size: [f32; 2],
    provider: Option<LocaleFonts>,
) -> Harness<'static, SynopticApp> {
    let hidden: Vec<&str> = LOCALES.iter().copied().filter(|l| !shown.contains(l)).collect();
    let fonts = provider.map_or(Fonts::System, Fonts::Only);
    common::shown::shown(folder, &hidden, size, fonts)
}

fn beside_english(locale: &str) {
    let mut h = window(scripts(), &["en", locale], [1180.0, 640.0], None);
    assert_eq!(h.state().view().map(|v| v.columns.len()), Some(2));
    assert_eq!(h.state().error(), None);
    h.snapshot(format!("scripts_en_{locale}"));
}

#[test]
fn arabic_beside_english() {
    beside_english("ar");
}

#[test]
fn hebrew_beside_english() {
    beside_english("he");
}

#[test]
fn persian_beside_english() {
    beside_english("fa");
}

#[test]
fn japanese_beside_english() {
    beside_english("ja");
}

#[test]
fn simplified_chinese_beside_english() {
    beside_english("zh-Hans");
}

#[test]
fn traditional_chinese_beside_english() {
    beside_english("zh-Hant");
}

#[test]
fn korean_beside_english() {
    beside_english("ko");
}

#[test]
fn hindi_beside_english() {
    beside_english("hi");
}

#[test]
fn bengali_beside_english() {
    beside_english("bn");
}

#[test]
fn thai_beside_english() {
    beside_english("th");
}

#[test]
fn the_arabic_pane_is_read_right_to_left_and_finds_its_text() {
    let h = window(scripts(), &["en", "ar"], [1180.0, 640.0], None);
    // The paragraph carries its logical text: the mixed Arabic + Latin + code sentence, and the
    // wrapped paragraph.
    let mixed = h.get_by_label("شغّل npm install synoptic لتثبيت الإصدار 2.4 من أداة Synoptic.");
    let english = h.get_by_label("Install the tool");
    let (mixed, english) = (mixed.rect(), english.rect());
    assert!(mixed.min.x > english.max.x, "the Arabic pane is right of the English one");
    let wrapped = h.get_by_label_contains("يقوم المثبت بتنزيل كل ملف يحتاجه").rect();
    assert!(wrapped.height() > 30.0, "the long paragraph wraps: {wrapped:?}");
}

#[test]
fn japanese_and_traditional_chinese_panes_draw_their_regional_han_forms() {
    // The same ideographs in each file, which each region draws its own way.
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/han-forms");
    let mut h = window(folder, &["ja", "zh-Hant", "zh-Hans"], [1180.0, 560.0], None);
    // Each pane's family resolves 直 to its own region's face.
    let faces: Vec<Vec<String>> = ["ja", "zh-Hant", "zh-Hans"]
        .iter()
        .map(|l| {
            let family = fonts::families(l).0;
            h.ctx.fonts_mut(|f| f.characters(&family).get(&'直').cloned().unwrap_or_default())
        })
        .collect();
    assert!(faces[0].iter().any(|f| f.contains("CJK JP")), "ja: {:?}", faces[0]);
    assert!(faces[1].iter().any(|f| f.contains("CJK TC")), "zh-Hant: {:?}", faces[1]);
    assert!(faces[2].iter().any(|f| f.contains("CJK SC")), "zh-Hans: {:?}", faces[2]);
    h.snapshot("han_regional_forms_ja_zh-Hant_zh-Hans");
}

#[test]
fn without_cjk_fonts_a_pane_says_what_to_install_instead_of_showing_boxes() {
    let mut h = window(scripts(), &["en", "ja"], [1180.0, 640.0], Some(LocaleFonts::none()));
    h.step();
    let banner = h.get_by_label_contains("No installed font has Han characters").accesskit_node().value();
    assert!(banner.as_deref().unwrap_or_default().contains("Install fonts-noto-cjk"), "{banner:?}");
    h.get_by_label_contains("No installed font has Katakana characters");
    let status = h.get_by_label_contains("Missing fonts:").accesskit_node().value().unwrap_or_default();
    assert!(status.contains("Han (ja)") && status.contains("install fonts-noto-cjk"), "{status}");
    // English needs nothing: one banner per missing script, all above the ja pane.
    let scripts: Vec<String> = h
        .get_all_by_label_contains("No installed font has")
        .map(|n| n.accesskit_node().value().unwrap_or_default())
        .map(|t| {
            t.trim_start_matches("No installed font has ").split(" characters").next().unwrap_or_default().to_owned()
        })
        .collect();
    assert_eq!(scripts, ["CJK symbol", "Han", "Hiragana", "Katakana"]);
}

#[test]
fn copy_block_copies_an_arabic_paragraph_in_logical_order() {
    let mut h = window(scripts(), &["en", "ar"], [1180.0, 640.0], None);
    let sentence = "شغّل npm install synoptic لتثبيت الإصدار 2.4 من أداة Synoptic.";
    h.get_by_label(sentence).click_secondary();
    h.run_ok();
    h.get_by_label("Copy block").click();
    h.step();
    let copied: Vec<String> = h
        .output()
        .platform_output
        .commands
        .iter()
        .filter_map(|c| match c {
            egui::OutputCommand::CopyText(t) => Some(t.clone()),
            _ => None,
        })
        .collect();
    assert_eq!(copied, [sentence]);
}

#[test]
fn find_highlights_a_word_inside_an_arabic_paragraph() {
    let mut h = window(scripts(), &["en", "ar"], [1180.0, 640.0], None);
    h.key_press_modifiers(egui::Modifiers::COMMAND, egui::Key::F);
    h.run_ok();
    h.get_by_label("Find:").type_text("لتثبيت");
    h.run_ok();
    h.key_press(egui::Key::Enter);
    h.run_ok();
    h.get_by_label_contains("1 of 1 in this document");
    let sentence = h.get_by_label("شغّل npm install synoptic لتثبيت الإصدار 2.4 من أداة Synoptic.").rect();
    let image = h.render().expect("rendered");
    let ppp = h.ctx.pixels_per_point();
    let found = h.ctx.global_style().visuals.selection.bg_fill;
    let highlighted = (sentence.min.x as u32..sentence.max.x as u32)
        .filter(|&x| {
            let p = image.get_pixel((x as f32 * ppp) as u32, (sentence.center().y * ppp) as u32).0;
            egui::Color32::from_rgb(p[0], p[1], p[2]) == found
        })
        .count();
    assert!(highlighted > 20, "the matched word is highlighted in the right-to-left line: {highlighted} px");
}
