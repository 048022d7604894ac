//! Site dialects: the conventions of the generator a documentation folder is written for — Microsoft Docs,
//! Hugo, Docusaurus, Astro Starlight, MkDocs, command-reference pages, or plain CommonMark/GFM.
//!
//! A dialect decides what a reviewer would otherwise have to configure: which folder holds the default
//! language, how a link resolves (pretty URLs, site-absolute paths, a missing translation served from the
//! default language), how strong emphasis is closed, and which Markdown flavour a file is read as (MDX for
//! `.mdx`). It is detected with zero configuration from the folder and the site's own configuration file
//! (looked for in the folder and its parents), and `synoptic.toml` can name it (`dialect = "hugo"`).
//!
//! Site syntax that is harmless to recognise everywhere (admonition containers, shortcodes, includes,
//! `{{placeholders}}` in code) is recognised in every dialect: see [`crate::skeleton`] and
//! [`crate::checks::code`].

mod config;

use crate::locale::Locale;
use std::path::Path;

/// The generator a folder is written for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Dialect {
    /// Microsoft Docs / Learn (`ms.*` front matter, `docfx.json`).
    MsDocs,
    /// Hugo (`content/<lang>/`, `hugo.toml` / `config.toml`).
    Hugo,
    /// Docusaurus (`docs/` + `i18n/<locale>/docusaurus-plugin-content-docs/current/`).
    Docusaurus,
    /// Astro Starlight (`src/content/docs/<lang>/`, MDX).
    Starlight,
    /// MkDocs (`mkdocs.yml`; `docs/<lang>/` or `page.fr.md`).
    MkDocs,
    /// Command-reference pages (`pages/` + `pages.<lang>/`, `{{placeholders}}` in commands).
    CommandRef,
    /// Plain CommonMark with GitHub extensions.
    CommonMark,
}

impl Dialect {
    /// Every dialect, for messages and the README.
    pub const ALL: &'static [Dialect] = &[
        Dialect::MsDocs,
        Dialect::Hugo,
        Dialect::Docusaurus,
        Dialect::Starlight,
        Dialect::MkDocs,
        Dialect::CommandRef,
        Dialect::CommonMark,
    ];

    /// The name used in `synoptic.toml` and reports.
    pub fn as_str(self) -> &'static str {
        match self {
            Dialect::MsDocs => "msdocs",
            Dialect::Hugo => "hugo",
            Dialect::Docusaurus => "docusaurus",
            Dialect::Starlight => "starlight",
            Dialect::MkDocs => "mkdocs",
            Dialect::CommandRef => "commands",
            Dialect::CommonMark => "commonmark",
        }
    }

    /// The dialect named `name` (as in `synoptic.toml`).
    pub fn parse(name: &str) -> Option<Dialect> {
        let name = name.trim().to_ascii_lowercase();
        Dialect::ALL.iter().copied().find(|d| d.as_str() == name).or(match name.as_str() {
            "ms-docs" | "microsoft" | "learn" => Some(Dialect::MsDocs),
            "astro" | "mdx" => Some(Dialect::Starlight),
            "tldr" | "command-reference" => Some(Dialect::CommandRef),
            "gfm" | "markdown" | "plain" => Some(Dialect::CommonMark),
            _ => None,
        })
    }

    /// A translation that lacks a page is served the default language's page at its own URL (Docusaurus,
    /// Starlight, MkDocs i18n, Microsoft Docs); for Hugo it depends on the site's module mounts.
    fn falls_back_by_default(self) -> bool {
        !matches!(self, Dialect::Hugo | Dialect::CommonMark)
    }

    /// Strong emphasis follows CommonMark's flanking rules (`**Type :**x` is not closed). Python-Markdown
    /// (MkDocs) closes it anyway, so the check must not apply there.
    pub fn commonmark_emphasis(self) -> bool {
        self != Dialect::MkDocs
    }
}

/// Whether the site serves a page of the default language when a translation lacks it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Fallback {
    /// Yes: the generator or the site's configuration says so.
    Yes,
    /// No: the site's configuration serves nothing (Hugo without fallback mounts).
    No,
    /// Nothing tells: a link that only the default language's page would satisfy is not called broken.
    Unknown,
}

/// What is known of the site a folder belongs to.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct Site {
    /// The dialect.
    pub dialect: Dialect,
    /// What told the dialect (a configuration file, a folder layout, `synoptic.toml`).
    pub evidence: String,
    /// The default (source) language of the site, when its configuration names it.
    pub default_locale: Option<Locale>,
    /// Whether a missing translation is served from the default language.
    pub fallback: Fallback,
    /// Hugo: the default language is served under `/<lang>/` too (`defaultContentLanguageInSubdir`).
    pub default_in_subdir: bool,
}

impl Site {
    /// A site of `dialect` with that dialect's defaults.
    pub fn of(dialect: Dialect, evidence: impl Into<String>) -> Site {
        let fallback = if dialect.falls_back_by_default() { Fallback::Yes } else { Fallback::Unknown };
        Site { dialect, evidence: evidence.into(), default_locale: None, fallback, default_in_subdir: false }
    }

    /// Detect the site of the folder `root` from its configuration file (in it or a parent folder) and,
    /// failing that, from the relative paths of its Markdown files.
    pub fn detect(root: &Path, rel_paths: &[String]) -> Site {
        config::from_config_files(root).unwrap_or_else(|| from_layout(rel_paths))
    }
}

impl Default for Site {
    fn default() -> Self {
        Site::of(Dialect::CommonMark, "no site configuration or known layout")
    }
}

/// The dialect a folder's layout tells, when no configuration file does.
fn from_layout(rel_paths: &[String]) -> Site {
    let has_segment = |pred: &dyn Fn(&str) -> bool| rel_paths.iter().any(|p| p.split('/').any(pred));
    if has_segment(&|s| s == "docusaurus-plugin-content-docs") {
        return Site::of(Dialect::Docusaurus, "folder `i18n/<locale>/docusaurus-plugin-content-docs`");
    }
    if has_segment(&|s| s.starts_with("pages.") && crate::locale::from_path_segment(s).is_some()) {
        return Site::of(Dialect::CommandRef, "folders `pages/` and `pages.<locale>/`");
    }
    let mdx = rel_paths.iter().filter(|p| p.ends_with(".mdx")).count();
    if mdx * 2 > rel_paths.len() && rel_paths.iter().any(|p| p.contains("content/docs/")) {
        return Site::of(Dialect::Starlight, "`.mdx` files under `content/docs/`");
    }
    if rel_paths.iter().any(|p| p.starts_with("content/") || p.contains("/content/")) {
        return Site::of(Dialect::Hugo, "folder `content/<locale>/`");
    }
    Site::default()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn paths(list: &[&str]) -> Vec<String> {
        list.iter().map(|s| (*s).to_owned()).collect()
    }

    #[test]
    fn layouts_tell_the_dialect_without_configuration() {
        let docusaurus = paths(&["docs/intro.md", "i18n/fr/docusaurus-plugin-content-docs/current/intro.md"]);
        assert_eq!(from_layout(&docusaurus).dialect, Dialect::Docusaurus);
        assert_eq!(
            from_layout(&paths(&["pages/common/tar.md", "pages.de/common/tar.md"])).dialect,
            Dialect::CommandRef
        );
        assert_eq!(from_layout(&paths(&["content/en/a.md", "content/de/a.md"])).dialect, Dialect::Hugo);
        let starlight = paths(&["src/content/docs/en/a.mdx", "src/content/docs/fr/a.mdx"]);
        assert_eq!(from_layout(&starlight).dialect, Dialect::Starlight);
        assert_eq!(from_layout(&paths(&["a.md", "b.de.md"])).dialect, Dialect::CommonMark);
    }

    #[test]
    fn dialect_names_round_trip() {
        for &d in Dialect::ALL {
            assert_eq!(Dialect::parse(d.as_str()), Some(d));
        }
        assert_eq!(Dialect::parse("tldr"), Some(Dialect::CommandRef));
        assert_eq!(Dialect::parse("wiki"), None);
    }
}
