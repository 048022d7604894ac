//! A file's locale, from the strongest evidence: front matter, folder, file suffix, the layout, the text.

use super::Corpus;
use crate::locale::{self, Locale};
use crate::skeleton::{BlockKind, Skeleton};
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

/// Front-matter keys that name a file's locale, in order of preference.
pub(super) const LOCALE_KEYS: &[&str] = &["ms.contentlocale", "lang", "language", "locale", "languageCode"];

/// How a file's locale was found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(tag = "from", content = "detail", rename_all = "kebab-case")]
pub enum LocaleOrigin {
    /// A front-matter key (named).
    FrontMatter(String),
    /// A folder named after the locale (`de/`, `pages.de/`).
    PathSegment(String),
    /// A file-name suffix (`guide.fr.md`).
    FileSuffix,
    /// Language identification of the text.
    Detected,
    /// The default language of a layout whose other files carry a locale (`faq.md` beside `faq.de.md`).
    LayoutDefault,
    /// Nothing told, and the text was too short or mixed to identify.
    Unknown,
}

impl std::fmt::Display for LocaleOrigin {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            LocaleOrigin::FrontMatter(key) => write!(f, "front matter `{key}`"),
            LocaleOrigin::PathSegment(seg) => write!(f, "folder `{seg}`"),
            LocaleOrigin::FileSuffix => write!(f, "file-name suffix"),
            LocaleOrigin::Detected => write!(f, "detected from the text"),
            LocaleOrigin::LayoutDefault => write!(f, "the layout's default language"),
            LocaleOrigin::Unknown => write!(f, "unknown"),
        }
    }
}

/// The locale of a file from the strongest evidence: front matter, folder, file suffix, then the text.
pub(super) fn find_locale(rel: &str, skeleton: &Skeleton, text: &str) -> (Locale, LocaleOrigin) {
    for key in LOCALE_KEYS {
        if let Some(value) = skeleton.front_matter.get(key)
            && let Some(l) = Locale::parse(value)
        {
            return (l, LocaleOrigin::FrontMatter((*key).to_owned()));
        }
    }
    let segments: Vec<&str> = rel.split('/').collect();
    let (dirs, file) = segments.split_at(segments.len().saturating_sub(1));
    for seg in dirs {
        if let Some(l) = locale::from_path_segment(seg) {
            return (l, LocaleOrigin::PathSegment((*seg).to_owned()));
        }
    }
    if let Some((_, l)) = file.first().and_then(|f| locale::from_file_suffix(f)) {
        return (l, LocaleOrigin::FileSuffix);
    }
    let prose = prose_sample(skeleton, text);
    match locale::detect_language(&prose) {
        Some(l) => (l, LocaleOrigin::Detected),
        None => (Locale::undetermined(), LocaleOrigin::Unknown),
    }
}

pub(super) fn prose_sample(skeleton: &Skeleton, _text: &str) -> String {
    let mut out = String::new();
    for b in skeleton.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Code | BlockKind::Html)) {
        out.push_str(&b.text);
        out.push('\n');
        if out.len() > 4000 {
            break;
        }
    }
    out
}

/// A file without a locale marker whose twins have one (`faq.md` beside `faq.de.md`, tldr's `pages/`
/// beside `pages.de/`) is in the set's default language. When its text is too short to identify, it takes
/// the language most such default files were identified in, else English.
pub(super) fn default_locale_for_twins(corpus: &mut Corpus) {
    let mut marked: HashMap<String, Vec<Locale>> = HashMap::new();
    for f in &corpus.files {
        if matches!(f.locale_origin, LocaleOrigin::FileSuffix | LocaleOrigin::PathSegment(_)) {
            marked.entry(f.group_key.clone()).or_default().push(f.locale.clone());
        }
    }
    let mut detected: BTreeMap<Locale, usize> = BTreeMap::new();
    for f in
        corpus.files.iter().filter(|f| f.locale_origin == LocaleOrigin::Detected && marked.contains_key(&f.group_key))
    {
        *detected.entry(f.locale.clone()).or_default() += 1;
    }
    let default = detected.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l).or_else(|| Locale::parse("en"));
    let Some(default) = default else { return };
    for f in &mut corpus.files {
        let twins = marked.get(&f.group_key);
        if f.locale_origin == LocaleOrigin::Unknown && twins.is_some_and(|t| !t.contains(&default)) {
            f.locale = default.clone();
            f.locale_origin = LocaleOrigin::LayoutDefault;
        }
    }
}
