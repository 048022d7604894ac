//! Which scripts of a text no installed font can draw, and what to install for them.

use egui::{FontFamily, FontId};
use std::collections::BTreeMap;
use unicode_script::{Script, UnicodeScript};
use unicode_segmentation::UnicodeSegmentation;

/// A script of a pane's text that no installed font covers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MissingScript {
    /// The script's name ("Han", "Arabic", …).
    pub script: String,
    /// How many distinct characters of it are missing.
    pub count: usize,
    /// One of them, to show.
    pub example: char,
    /// The Debian package that has fonts for it.
    pub package: &'static str,
}

impl MissingScript {
    /// One line for the pane's banner.
    pub fn message(&self, locale: &str) -> String {
        format!(
            "No installed font has {} characters (e.g. U+{:04X}): they show as boxes. Install {} (Debian/Ubuntu), \
             or add the {locale} language with its fonts (Windows: Settings › Time & language › Language; macOS: Font Book).",
            self.script, self.example as u32, self.package
        )
    }
}

/// The scripts of `text` that `family` cannot draw, even with the system's fallback fonts. Only base
/// characters are asked (a combining mark goes with its base), and nothing invisible.
pub fn missing_scripts(
    fonts: &mut egui::epaint::text::FontsView<'_>,
    family: &FontFamily,
    text: &str,
) -> Vec<MissingScript> {
    let font = FontId::new(14.0, family.clone());
    let mut bases: Vec<char> = text.graphemes(true).filter_map(|g| g.chars().next()).filter(|&c| drawn(c)).collect();
    bases.sort_unstable();
    bases.dedup();
    let mut by_script: BTreeMap<String, MissingScript> = BTreeMap::new();
    for c in bases {
        if fonts.has_glyph(&font, c) {
            continue;
        }
        let script = match c.script() {
            _ if is_cjk_punctuation(c) => "CJK symbol".to_owned(),
            Script::Common | Script::Inherited | Script::Unknown => "symbol".to_owned(),
            s => s.full_name().to_owned(),
        };
        by_script.entry(script.clone()).and_modify(|m| m.count += 1).or_insert(MissingScript {
            script,
            count: 1,
            example: c,
            package: package_for(c),
        });
    }
    by_script.into_values().collect()
}

/// Characters a font is expected to draw: not white space, controls, joiners, variation selectors,
/// bidi controls or private-use code points.
fn drawn(c: char) -> bool {
    !(c.is_whitespace()
        || c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2060}'..='\u{206F}' | '\u{FE00}'..='\u{FE0F}' | '\u{FEFF}' | '\u{E000}'..='\u{F8FF}'))
}

/// Full-width punctuation and CJK symbols: shared between scripts, drawn by the CJK fonts.
fn is_cjk_punctuation(c: char) -> bool {
    matches!(c, '\u{3000}'..='\u{303F}' | '\u{30FB}'..='\u{30FC}' | '\u{FF00}'..='\u{FFEF}')
}

/// The Debian package with a font for `c`.
fn package_for(c: char) -> &'static str {
    if is_cjk_punctuation(c) {
        return "fonts-noto-cjk";
    }
    match c.script() {
        Script::Han | Script::Hiragana | Script::Katakana | Script::Hangul | Script::Bopomofo => "fonts-noto-cjk",
        Script::Common if matches!(c, '\u{1F300}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}') => "fonts-noto-color-emoji",
        _ => "fonts-noto-core",
    }
}
