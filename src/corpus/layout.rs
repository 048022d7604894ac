//! The folder layout of a translation set, told by paths alone: which folders hold one locale each
//! (`content/de/`, `pages.de/`, `docs/fr/`, Docusaurus's `i18n/fr/docusaurus-plugin-content-docs/current/`),
//! which folder holds the default language (tldr's `pages/`, Docusaurus's `docs/`, a Starlight root
//! locale), and which files are locale variants by suffix (`guide.fr.md` beside `guide.md`). Each file gets
//! a *key* — its path with the locale part taken out — that its translations share.

use super::locate::LocaleOrigin;
use crate::locale::{self, Locale};
use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

/// Where a file stands in the layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Placement {
    /// In a locale folder, or a locale variant by suffix.
    Located { key: String, locale: Locale, origin: LocaleOrigin },
    /// In the default language's folder (its locale is the site's default language).
    Default { key: String },
    /// Outside every locale folder of a locale-folder layout: part of no translation set.
    Outside,
    /// No layout tells anything: a flat folder.
    Free,
}

/// A folder that holds one locale.
#[derive(Debug, Clone)]
struct LocaleDir {
    prefix: String,
    locale: Locale,
    name: String,
    key_prefix: String,
    /// Where the site's URL paths start: `/fr/x/` is `<site_base>/fr/x` (Hugo `content`, Starlight
    /// `src/content/docs`); Docusaurus `/docs/x` is `<site_base>/docs/x`.
    site_base: String,
}

/// The layout of a set of paths.
#[derive(Debug, Clone, Default)]
pub(super) struct Layout {
    locale_dirs: Vec<LocaleDir>,
    /// Default-language folders: (path prefix, key prefix).
    default_dirs: Vec<(String, String)>,
    /// Files that are locale variants by suffix: rel → (key, locale); and their default-language twins.
    suffixed: HashMap<String, (String, Locale)>,
    suffix_twins: HashSet<String>,
}

impl Layout {
    /// The layout of these relative paths (of Markdown files).
    pub(super) fn of(rels: &[String]) -> Layout {
        let mut layout = Layout::default();
        layout.find_docusaurus(rels);
        layout.find_locale_folders(rels);
        layout.find_default_content(rels);
        layout.find_suffixes(rels);
        // Longest prefix first, so a nested layout wins over an enclosing one.
        layout.locale_dirs.sort_by_key(|d| std::cmp::Reverse(d.prefix.len()));
        layout.default_dirs.sort_by_key(|d| std::cmp::Reverse(d.0.len()));
        layout
    }

    /// True when some folder holds one locale: files outside them belong to no translation set.
    pub(super) fn has_locale_folders(&self) -> bool {
        !self.locale_dirs.is_empty()
    }

    /// Where `rel` stands.
    pub(super) fn place(&self, rel: &str) -> Placement {
        if let Some(d) = self.locale_dirs.iter().find(|d| under(rel, &d.prefix)) {
            let key = join_key(&d.key_prefix, &rel[d.prefix.len()..]);
            let origin = LocaleOrigin::PathSegment(d.name.clone());
            return Placement::Located { key: bundle_key(&key), locale: d.locale.clone(), origin };
        }
        if let Some((prefix, key_prefix)) = self.default_dirs.iter().find(|(p, _)| under(rel, p)) {
            return Placement::Default { key: bundle_key(&join_key(key_prefix, &rel[prefix.len()..])) };
        }
        if let Some((key, locale)) = self.suffixed.get(rel) {
            return Placement::Located { key: key.clone(), locale: locale.clone(), origin: LocaleOrigin::FileSuffix };
        }
        if self.suffix_twins.contains(rel) {
            return Placement::Default { key: rel.to_owned() };
        }
        if self.has_locale_folders() { Placement::Outside } else { Placement::Free }
    }

    /// The folder `rel` is under that holds its locale's pages (`content/de`, `website/docs`), if any.
    pub(super) fn locale_root_of(&self, rel: &str) -> Option<&str> {
        if let Some(d) = self.locale_dirs.iter().find(|d| under(rel, &d.prefix)) {
            return Some(&d.prefix);
        }
        self.default_dirs.iter().find(|(p, _)| under(rel, p)).map(|(p, _)| p.as_str())
    }

    /// Every folder site-absolute URL paths may start from.
    pub(super) fn site_bases(&self) -> BTreeSet<&str> {
        self.locale_dirs.iter().map(|d| d.site_base.as_str()).collect()
    }

    /// The locale folder of `locale` whose URLs start at `site_base` (`/de/x/` → `content/de`).
    pub(super) fn locale_dir_at(&self, site_base: &str, locale: &Locale) -> Option<&str> {
        self.locale_dirs.iter().find(|d| d.site_base == site_base && &d.locale == locale).map(|d| d.prefix.as_str())
    }

    /// The default language's folder (or the folder of `default` locale) mirroring the locale folder that
    /// holds `path`, with the same rest of the path: where the site finds the page a translation lacks.
    pub(super) fn counterparts(&self, path: &str, default: Option<&Locale>) -> Vec<String> {
        let Some(d) = self.locale_dirs.iter().find(|d| under(path, &d.prefix)) else { return Vec::new() };
        let rest = &path[d.prefix.len()..];
        let defaults = self.default_dirs.iter().filter(|(_, k)| *k == d.key_prefix).map(|(p, _)| p.as_str());
        let same_default = self
            .locale_dirs
            .iter()
            .filter(|e| e.key_prefix == d.key_prefix && default.is_some_and(|l| l.same_language(&e.locale)))
            .map(|e| e.prefix.as_str());
        defaults.chain(same_default).filter(|p| *p != d.prefix).map(|p| join_key(p, rest)).collect()
    }

    /// Docusaurus keeps translations in `i18n/<locale>/docusaurus-plugin-content-docs/current/` (and
    /// `…-blog/`, `…-pages/`, `…/version-x/`), mirroring `docs/`, `blog/`, `src/pages/`, `versioned_docs/`.
    fn find_docusaurus(&mut self, rels: &[String]) {
        let mut found: BTreeMap<String, (Locale, String, String, String)> = BTreeMap::new();
        for rel in rels {
            let segs: Vec<&str> = rel.split('/').collect();
            let Some(i) = segs.iter().position(|s| *s == "i18n") else { continue };
            let (Some(tag), Some(plugin)) = (segs.get(i + 1), segs.get(i + 2)) else { continue };
            let Some(locale) = Locale::parse(tag) else { continue };
            let base = segs[..i].join("/");
            let (depth, mirror) = match *plugin {
                "docusaurus-plugin-content-docs" => match segs.get(i + 3) {
                    Some(&"current") => (4, "docs".to_owned()),
                    Some(v) if v.starts_with("version-") => (4, format!("versioned_docs/{v}")),
                    _ => continue,
                },
                "docusaurus-plugin-content-blog" => (3, "blog".to_owned()),
                "docusaurus-plugin-content-pages" => (3, "src/pages".to_owned()),
                _ => continue,
            };
            let prefix = segs[..i + depth].join("/");
            found.insert(prefix, (locale, (*tag).to_owned(), join_key(&base, &mirror), base));
        }
        let mirrors: BTreeSet<String> = found.values().map(|(_, _, m, _)| m.clone()).collect();
        for (prefix, (locale, name, key_prefix, site_base)) in found {
            self.locale_dirs.push(LocaleDir { prefix, locale, name, key_prefix, site_base });
        }
        for m in mirrors {
            if rels.iter().any(|r| under(r, &m)) {
                self.default_dirs.push((m.clone(), m));
            }
        }
    }

    /// Folders whose children include two locale-named folders (or any `pages.<locale>`), outside the
    /// Docusaurus `i18n/` tree already placed.
    fn find_locale_folders(&mut self, rels: &[String]) {
        let mut children: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        for rel in rels {
            if self.locale_dirs.iter().any(|d| under(rel, &d.prefix)) {
                continue;
            }
            let segs: Vec<&str> = rel.split('/').collect();
            for i in 0..segs.len().saturating_sub(1) {
                if locale::from_path_segment(segs[i]).is_some() {
                    children.entry(segs[..i].join("/")).or_default().insert(segs[i].to_owned());
                    break; // the outermost locale folder decides
                }
            }
        }
        for (parent, kids) in children {
            let tldr = kids.iter().any(|k| k.starts_with("pages."));
            if kids.len() < 2 && !tldr {
                continue;
            }
            for name in kids {
                let Some(locale) = locale::from_path_segment(&name) else { continue };
                let key_prefix = if name.starts_with("pages.") { join_key(&parent, "pages") } else { parent.clone() };
                let prefix = join_key(&parent, &name);
                let site_base = parent.clone();
                self.locale_dirs.push(LocaleDir { prefix, locale, name, key_prefix, site_base });
            }
            if tldr {
                let pages = join_key(&parent, "pages");
                if rels.iter().any(|r| under(r, &pages)) {
                    self.default_dirs.push((pages.clone(), pages));
                }
            }
        }
    }

    /// Beside locale folders, the rest of their parent is the default language's content when some of it
    /// has a translation there (a Starlight root locale: `docs/guide.md` beside `docs/fr/guide.md`).
    fn find_default_content(&mut self, rels: &[String]) {
        let translated: HashSet<String> = rels
            .iter()
            .filter_map(|r| {
                let d = self.locale_dirs.iter().find(|d| under(r, &d.prefix))?;
                Some(bundle_key(&join_key(&d.key_prefix, &r[d.prefix.len()..])))
            })
            .collect();
        let parents: BTreeSet<String> = self
            .locale_dirs
            .iter()
            .filter(|d| !d.name.starts_with("pages."))
            .map(|d| d.key_prefix.clone())
            .filter(|p| !self.default_dirs.iter().any(|(dp, _)| dp == p))
            .collect();
        for parent in parents {
            let own = |r: &&String| under(r, &parent) && !self.locale_dirs.iter().any(|d| under(r, &d.prefix));
            if rels.iter().filter(own).any(|r| translated.contains(&bundle_key(r))) {
                self.default_dirs.push((parent.clone(), parent));
            }
        }
    }

    /// `guide.fr.md` is a French variant of `guide.md` when `guide.md` or another variant of it is there
    /// (so a page named `trunk.io.md` stays a page).
    fn find_suffixes(&mut self, rels: &[String]) {
        let placed = |r: &str| {
            self.locale_dirs.iter().any(|d| under(r, &d.prefix)) || self.default_dirs.iter().any(|(p, _)| under(r, p))
        };
        let all: HashSet<&str> = rels.iter().map(String::as_str).collect();
        let mut variants: HashMap<String, Vec<(String, Locale)>> = HashMap::new();
        for rel in rels.iter().filter(|r| !placed(r)) {
            let (dir, file) = rel.rsplit_once('/').map_or(("", rel.as_str()), |(d, f)| (d, f));
            if let Some((base, l)) = locale::from_file_suffix(file) {
                variants.entry(join_key(dir, &base)).or_default().push((rel.clone(), l));
            }
        }
        for (key, list) in variants {
            let twin = all.contains(key.as_str());
            if !twin && list.len() < 2 {
                continue;
            }
            if twin {
                self.suffix_twins.insert(key.clone());
            }
            for (rel, l) in list {
                self.suffixed.insert(rel, (key.clone(), l));
            }
        }
    }
}

/// True when `rel` lies in the folder `prefix` (the empty prefix holds everything).
fn under(rel: &str, prefix: &str) -> bool {
    prefix.is_empty() || rel.strip_prefix(prefix).is_some_and(|rest| rest.starts_with('/'))
}

/// `prefix` + `rest`, where `rest` is empty or starts with `/`.
fn join_key(prefix: &str, rest: &str) -> String {
    let rest = rest.trim_start_matches('/');
    match (prefix.is_empty(), rest.is_empty()) {
        (true, _) => rest.to_owned(),
        (false, true) => prefix.to_owned(),
        (false, false) => format!("{prefix}/{rest}"),
    }
}

/// Hugo serves `x.md` and the leaf bundle `x/index.md` at one URL: they are one page.
pub(super) fn bundle_key(key: &str) -> String {
    for (index, ext) in [("/index.md", ".md"), ("/index.mdx", ".mdx")] {
        if let Some(stem) = key.strip_suffix(index).filter(|s| !s.is_empty()) {
            return format!("{stem}{ext}");
        }
    }
    key.to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout(paths: &[&str]) -> Layout {
        Layout::of(&paths.iter().map(|s| (*s).to_owned()).collect::<Vec<_>>())
    }

    fn key_of(p: Placement) -> Option<(String, Option<String>)> {
        match p {
            Placement::Located { key, locale, .. } => Some((key, Some(locale.to_string()))),
            Placement::Default { key } => Some((key, None)),
            Placement::Outside | Placement::Free => None,
        }
    }

    #[test]
    fn tldr_pages_folder_is_the_default_language_even_for_pages_nobody_translated() {
        let l = layout(&[
            "pages/common/tar.md",
            "pages/common/trunk.io.md",
            "pages.de/common/tar.md",
            "pages.fr/common/tar.md",
        ]);
        assert_eq!(key_of(l.place("pages.de/common/tar.md")), Some(("pages/common/tar.md".into(), Some("de".into()))));
        assert_eq!(key_of(l.place("pages/common/tar.md")), Some(("pages/common/tar.md".into(), None)));
        // A command named `trunk.io` is a page of the default folder, not a page in Ido.
        assert_eq!(key_of(l.place("pages/common/trunk.io.md")), Some(("pages/common/trunk.io.md".into(), None)));
    }

    #[test]
    fn docusaurus_i18n_mirrors_docs() {
        let l = layout(&[
            "website/docs/intro.mdx",
            "website/docs/guides/a.mdx",
            "website/i18n/fr/docusaurus-plugin-content-docs/current/intro.mdx",
            "website/i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.mdx",
        ]);
        assert_eq!(
            key_of(l.place("website/i18n/zh-Hans/docusaurus-plugin-content-docs/current/intro.mdx")),
            Some(("website/docs/intro.mdx".into(), Some("zh-Hans".into())))
        );
        assert_eq!(key_of(l.place("website/docs/guides/a.mdx")), Some(("website/docs/guides/a.mdx".into(), None)));
    }

    #[test]
    fn hugo_content_folders_and_bundles() {
        let l = layout(&["content/en/docs/x.md", "content/de/docs/x/index.md", "README.md"]);
        assert_eq!(
            key_of(l.place("content/de/docs/x/index.md")),
            Some(("content/docs/x.md".into(), Some("de".into())))
        );
        assert_eq!(key_of(l.place("content/en/docs/x.md")), Some(("content/docs/x.md".into(), Some("en".into()))));
        assert_eq!(l.place("README.md"), Placement::Outside);
    }

    #[test]
    fn starlight_root_locale_beside_locale_folders() {
        let l = layout(&["docs/guide.mdx", "docs/only-english.mdx", "docs/fr/guide.mdx", "docs/ja/guide.mdx"]);
        assert_eq!(key_of(l.place("docs/only-english.mdx")), Some(("docs/only-english.mdx".into(), None)));
        assert_eq!(key_of(l.place("docs/fr/guide.mdx")), Some(("docs/guide.mdx".into(), Some("fr".into()))));
    }

    #[test]
    fn suffix_variants_need_a_twin() {
        let l = layout(&["guide.md", "guide.fr.md", "README.de-DE.md", "alone.io.md"]);
        assert_eq!(key_of(l.place("guide.fr.md")), Some(("guide.md".into(), Some("fr".into()))));
        assert_eq!(key_of(l.place("guide.md")), Some(("guide.md".into(), None)));
        assert_eq!(l.place("alone.io.md"), Placement::Free);
        assert_eq!(l.place("README.de-DE.md"), Placement::Free);
    }
}
