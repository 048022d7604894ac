//! A file's locale, from the strongest evidence: front matter, folder, file suffix, the layout, the text.

use super::layout::Placement;
use super::{Corpus, SourceFile};
use crate::locale::{self, Locale};
use crate::skeleton::{BlockKind, Skeleton};
use serde::Serialize;
use std::collections::BTreeMap;

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

/// The locale of a file from the strongest evidence: front matter, then the layout (a locale folder or
/// suffix; the default language's folder is settled later, for all its files at once), then the text.
pub(super) fn find_locale(placement: &Placement, skeleton: &Skeleton) -> (Locale, LocaleOrigin) {
    for key in LOCALE_KEYS {
        if let Some(value) = skeleton.front_matter.get(key)
            && let Some(l) = Locale::parse(value)
        {
            return (l, LocaleOrigin::FrontMatter((*key).to_owned()));
        }
    }
    match placement {
        Placement::Located { locale, origin, .. } => (locale.clone(), origin.clone()),
        Placement::Default { .. } => (Locale::undetermined(), LocaleOrigin::LayoutDefault),
        Placement::Outside | Placement::Free => match locale::detect_language(&prose_sample(skeleton)) {
            Some(l) => (l, LocaleOrigin::Detected),
            None => (Locale::undetermined(), LocaleOrigin::Unknown),
        },
    }
}

pub(super) fn prose_sample(skeleton: &Skeleton) -> String {
    let mut out = String::new();
    for b in skeleton.blocks.iter().filter(|b| !matches!(b.kind, BlockKind::Code | BlockKind::Html | BlockKind::Markup))
    {
        out.push_str(&b.text);
        out.push('\n');
        if out.len() > 4000 {
            break;
        }
    }
    out
}

/// How many files of the default folder are identified to tell its language when the site does not say.
const DEFAULT_LANGUAGE_SAMPLE: usize = 25;

/// The files of the layout's default folder are all in one language: the site's default language when its
/// configuration names it, else the language most of a sample of them are identified in, else English.
/// One vote for the folder, so a short English page is never taken for another language.
pub(super) fn settle_default_locale(corpus: &mut Corpus) {
    let waiting = |f: &&mut SourceFile| f.in_default_folder && f.locale_origin == LocaleOrigin::LayoutDefault;
    if !corpus.files.iter_mut().any(|f| waiting(&f)) {
        return;
    }
    let default = corpus.site.default_locale.clone().or_else(|| {
        let mut votes: BTreeMap<Locale, usize> = BTreeMap::new();
        let mut sample: Vec<&SourceFile> = corpus
            .files
            .iter()
            .filter(|f| f.in_default_folder && f.locale_origin == LocaleOrigin::LayoutDefault)
            .collect();
        sample.sort_by_key(|f| std::cmp::Reverse(f.text.len()));
        for f in sample.into_iter().take(DEFAULT_LANGUAGE_SAMPLE) {
            if let Some(l) = locale::detect_language(&prose_sample(&f.skeleton)) {
                *votes.entry(l).or_default() += 1;
            }
        }
        votes.into_iter().max_by_key(|(_, n)| *n).map(|(l, _)| l)
    });
    let Some(default) = default.or_else(|| Locale::parse("en")) else { return };
    for f in corpus.files.iter_mut().filter(|f| f.in_default_folder && f.locale_origin == LocaleOrigin::LayoutDefault) {
        f.locale = default.clone();
    }
}
