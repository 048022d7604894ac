//! Fonts per locale and missing-font detection.
//!
//! Every pane draws with its locale's font family, `loc:<tag>` (and `loc:<tag>:mono` for code), copies of
//! egui's proportional and monospace families to which [`LocaleFonts`] adds the locale's installed font
//! (Noto Sans CJK JP for `ja`, TC for `zh-Hant`, Noto Sans Arabic for `ar`, …) and the system fallback for
//! the pane's language. Nothing is compiled in beyond egui's own fonts.
//!
//! A pane whose text has characters no installed font covers says so above it ([`missing_scripts`]),
//! naming the script and what to install, instead of drawing boxes.

mod missing;
mod provider;

pub use missing::{MissingScript, missing_scripts};
pub use provider::LocaleFonts;

use egui::{FontDefinitions, FontFamily};
use std::sync::Arc;

/// A locale tag that has a font family of its own (`ja`, `zh-Hant`, `ar`, …).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LocaleTag(&'static str);

/// (tag, families tried in order, monospace families tried first for code). Linux (Noto), Windows and
/// macOS names; the first one installed wins. Tags not listed use egui's families and the system fallback.
const TABLE: &[(&str, &[&str], &[&str])] = &[
    (
        "ja",
        &["Noto Sans CJK JP", "Source Han Sans JP", "Yu Gothic UI", "Meiryo", "Hiragino Sans"],
        &["Noto Sans Mono CJK JP"],
    ),
    (
        "ko",
        &["Noto Sans CJK KR", "Source Han Sans KR", "Malgun Gothic", "Apple SD Gothic Neo"],
        &["Noto Sans Mono CJK KR"],
    ),
    (
        "zh-Hans",
        &["Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei UI", "PingFang SC"],
        &["Noto Sans Mono CJK SC"],
    ),
    (
        "zh-Hant",
        &["Noto Sans CJK TC", "Source Han Sans TC", "Microsoft JhengHei UI", "PingFang TC"],
        &["Noto Sans Mono CJK TC"],
    ),
    (
        "zh-HK",
        &["Noto Sans CJK HK", "Source Han Sans HK", "Noto Sans CJK TC", "Microsoft JhengHei UI", "PingFang HK"],
        &["Noto Sans Mono CJK HK"],
    ),
    ("ar", &["Noto Sans Arabic", "Noto Naskh Arabic", "Segoe UI", "Geeza Pro"], &[]),
    ("fa", &["Noto Sans Arabic", "Vazirmatn", "Noto Naskh Arabic", "Segoe UI", "Geeza Pro"], &[]),
    ("ur", &["Noto Nastaliq Urdu", "Noto Sans Arabic", "Segoe UI", "Geeza Pro"], &[]),
    ("he", &["Noto Sans Hebrew", "Segoe UI", "Arial Hebrew"], &[]),
    ("yi", &["Noto Sans Hebrew", "Segoe UI", "Arial Hebrew"], &[]),
    ("hi", &["Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari"], &[]),
    ("mr", &["Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari"], &[]),
    ("ne", &["Noto Sans Devanagari", "Nirmala UI", "Kohinoor Devanagari"], &[]),
    ("bn", &["Noto Sans Bengali", "Nirmala UI", "Kohinoor Bangla"], &[]),
    ("as", &["Noto Sans Bengali", "Nirmala UI", "Kohinoor Bangla"], &[]),
    ("pa", &["Noto Sans Gurmukhi", "Nirmala UI", "Gurmukhi MN"], &[]),
    ("gu", &["Noto Sans Gujarati", "Nirmala UI", "Gujarati Sangam MN"], &[]),
    ("ta", &["Noto Sans Tamil", "Nirmala UI", "Tamil Sangam MN"], &[]),
    ("te", &["Noto Sans Telugu", "Nirmala UI", "Telugu Sangam MN"], &[]),
    ("kn", &["Noto Sans Kannada", "Nirmala UI", "Kannada Sangam MN"], &[]),
    ("ml", &["Noto Sans Malayalam", "Nirmala UI", "Malayalam Sangam MN"], &[]),
    ("si", &["Noto Sans Sinhala", "Nirmala UI", "Sinhala Sangam MN"], &[]),
    ("th", &["Noto Sans Thai", "Leelawadee UI", "Thonburi"], &[]),
    ("lo", &["Noto Sans Lao", "Leelawadee UI", "Lao Sangam MN"], &[]),
    ("km", &["Noto Sans Khmer", "Leelawadee UI", "Khmer Sangam MN"], &[]),
    ("my", &["Noto Sans Myanmar", "Myanmar Text", "Myanmar Sangam MN"], &[]),
    ("am", &["Noto Sans Ethiopic", "Ebrima", "Kefa"], &[]),
    ("hy", &["Noto Sans Armenian", "Segoe UI", "Mshtakan"], &[]),
    ("ka", &["Noto Sans Georgian", "Segoe UI", "Helvetica Neue"], &[]),
    ("el", &["Noto Sans", "Segoe UI", "Helvetica Neue"], &[]),
];

/// The tag whose fonts a locale uses: `zh-TW` → `zh-Hant`, `zh-CN`/`zh` → `zh-Hans`, `pt-BR` → none.
pub fn tag_for(locale: &str) -> Option<LocaleTag> {
    let mut parts = locale.split(['-', '_']);
    let language = parts.next().unwrap_or_default().to_ascii_lowercase();
    let rest: Vec<String> = parts.map(str::to_ascii_lowercase).collect();
    let has = |s: &str| rest.iter().any(|p| p == s);
    let tag = match language.as_str() {
        "zh" if has("hk") && !has("hans") => "zh-HK",
        "zh" if has("hant") || has("tw") || has("mo") => "zh-Hant",
        "zh" => "zh-Hans",
        "iw" => "he",
        l => l,
    };
    TABLE.iter().find(|(t, _, _)| *t == tag).map(|(t, _, _)| LocaleTag(t))
}

/// The proportional and monospace families a pane of `locale` draws with.
pub fn families(locale: &str) -> (FontFamily, FontFamily) {
    match tag_for(locale) {
        Some(LocaleTag(tag)) => {
            (FontFamily::Name(Arc::from(format!("loc:{tag}"))), FontFamily::Name(Arc::from(format!("loc:{tag}:mono"))))
        }
        None => (FontFamily::Proportional, FontFamily::Monospace),
    }
}

/// The tag and "is monospace" of a `loc:` family.
fn parse_family(family: &FontFamily) -> Option<(LocaleTag, bool)> {
    let FontFamily::Name(name) = family else { return None };
    let rest = name.strip_prefix("loc:")?;
    let (tag, mono) = match rest.strip_suffix(":mono") {
        Some(tag) => (tag, true),
        None => (rest, false),
    };
    TABLE.iter().find(|(t, _, _)| *t == tag).map(|(t, _, _)| (LocaleTag(t), mono))
}

/// The installed families tried for a tag, in order.
fn family_names(tag: LocaleTag, mono: bool) -> Vec<&'static str> {
    let Some((_, names, monos)) = TABLE.iter().find(|(t, _, _)| *t == tag.0) else { return Vec::new() };
    if mono { monos.iter().chain(names.iter()).copied().collect() } else { names.to_vec() }
}

/// egui's default fonts plus one proportional and one monospace family per locale tag.
pub fn definitions() -> FontDefinitions {
    let mut defs = FontDefinitions::default();
    let proportional = defs.families.get(&FontFamily::Proportional).cloned().unwrap_or_default();
    let monospace = defs.families.get(&FontFamily::Monospace).cloned().unwrap_or_default();
    for (tag, _, _) in TABLE {
        defs.families.insert(FontFamily::Name(Arc::from(format!("loc:{tag}"))), proportional.clone());
        defs.families.insert(FontFamily::Name(Arc::from(format!("loc:{tag}:mono"))), monospace.clone());
    }
    defs
}

/// Install the locale families and `provider` (once per context; later calls do nothing, so a test can
/// install a provider that finds nothing before the app starts).
pub fn install_with(ctx: &egui::Context, provider: LocaleFonts) {
    let id = egui::Id::unique("synoptic-locale-fonts");
    if ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
        return;
    }
    ctx.data_mut(|d| d.insert_temp(id, true));
    ctx.set_fonts(definitions());
    ctx.add_font_provider(Arc::new(provider));
}

/// Install the locale families over the system's fonts.
pub fn install(ctx: &egui::Context) {
    let id = egui::Id::unique("synoptic-locale-fonts");
    if !ctx.data(|d| d.get_temp::<bool>(id)).unwrap_or(false) {
        install_with(ctx, LocaleFonts::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locales_map_to_their_font_tags() {
        let tag = |l: &str| tag_for(l).map(|t| t.0);
        assert_eq!(tag("ja-JP"), Some("ja"));
        assert_eq!(tag("zh-TW"), Some("zh-Hant"));
        assert_eq!(tag("zh-Hant-HK"), Some("zh-HK"));
        assert_eq!(tag("zh-Hant"), Some("zh-Hant"));
        assert_eq!(tag("zh-HK"), Some("zh-HK"));
        assert_eq!(tag("zh-CN"), Some("zh-Hans"));
        assert_eq!(tag("zh"), Some("zh-Hans"));
        assert_eq!(tag("ar-SA"), Some("ar"));
        assert_eq!(tag("iw"), Some("he"));
        assert_eq!(tag("pt-BR"), None);
        assert_eq!(families("de").0, FontFamily::Proportional);
        assert_eq!(families("ko").1, FontFamily::Name(Arc::from("loc:ko:mono")));
        assert_eq!(parse_family(&families("zh-TW").1), Some((LocaleTag("zh-Hant"), true)));
        assert_eq!(family_names(LocaleTag("ja"), true)[0], "Noto Sans Mono CJK JP");
    }
}
