//! Reading what a site's own configuration file says: which generator, the default language, and whether
//! a missing translation is served from it. Only a few keys matter, so the files are scanned line by line
//! (TOML, YAML and JSON alike) rather than parsed; a file that cannot be read is simply not evidence.

use super::{Dialect, Fallback, Site};
use crate::locale::Locale;
use std::path::{Path, PathBuf};

/// How many folders above the opened one are searched for a site configuration.
const PARENT_LEVELS: usize = 4;
/// A configuration file larger than this is not read (real ones are a few KB).
const MAX_CONFIG_BYTES: u64 = 1 << 20;

/// The site told by the first configuration file found in `root`, the folders just below it (per-language
/// MkDocs configurations), or its parents.
pub(super) fn from_config_files(root: &Path) -> Option<Site> {
    if let Some(site) = root.ancestors().take(PARENT_LEVELS + 1).find_map(site_in) {
        return Some(site);
    }
    // fastapi-style: `docs/<lang>/mkdocs.yml` below the opened `docs/`.
    let children = std::fs::read_dir(root).ok()?;
    children.flatten().map(|e| e.path()).filter(|p| p.is_dir()).find_map(|p| mkdocs_in(&p, root))
}

fn site_in(dir: &Path) -> Option<Site> {
    hugo_in(dir)
        .or_else(|| docusaurus_in(dir))
        .or_else(|| starlight_in(dir))
        .or_else(|| mkdocs_in(dir, dir))
        .or_else(|| msdocs_in(dir))
}

fn first_file(dir: &Path, names: &[&str]) -> Option<(PathBuf, String)> {
    names.iter().map(|n| dir.join(n)).find_map(|p| read_small(&p).map(|text| (p, text)))
}

/// A small regular file's text, read through the guarded reader; `None` for anything else (a folder, a
/// FIFO, a device, a huge file, text that is not UTF-8): such a file is no evidence.
fn read_small(path: &Path) -> Option<String> {
    use crate::util::read::{FileKind, read_guarded};
    if !path.is_file() {
        return None;
    }
    let bytes = read_guarded(path, &FileKind::Config.limits().with_max_bytes(MAX_CONFIG_BYTES)).ok()?;
    String::from_utf8(bytes).ok()
}

fn evidence(path: &Path) -> String {
    format!("`{}`", path.file_name().map_or_else(String::new, |n| n.to_string_lossy().into_owned()))
}

fn hugo_in(dir: &Path) -> Option<Site> {
    let names = [
        "hugo.toml",
        "hugo.yaml",
        "hugo.yml",
        "hugo.json",
        "config/_default/hugo.toml",
        "config/_default/hugo.yaml",
        "config/_default/config.toml",
        "config/_default/config.yaml",
        "config.toml",
        "config.yaml",
        "config.yml",
    ];
    let (path, text) = first_file(dir, &names)?;
    let named_hugo = path.file_name().is_some_and(|n| n.to_string_lossy().starts_with("hugo."));
    let hugo_keys = ["contentdir", "defaultcontentlanguage", "baseurl", "languages"];
    if !named_hugo && !hugo_keys.iter().any(|k| value_of(&text, k).is_some() || has_key(&text, k)) {
        return None;
    }
    let default = value_of(&text, "defaultContentLanguage").and_then(|v| Locale::parse(&v));
    let in_subdir = value_of(&text, "defaultContentLanguageInSubdir").is_some_and(|v| v == "true");
    let default_dir = format!("content/{}", default.as_ref().map_or("en", Locale::as_str));
    // A site that mounts the default language's content into the other languages serves it where a
    // translation is missing (the Hugo way to fall back).
    let mounts_default = text.matches(&default_dir).count();
    let fallback = if has_key(&text, "mounts") && mounts_default >= 2 { Fallback::Yes } else { Fallback::No };
    Some(Site {
        dialect: Dialect::Hugo,
        evidence: evidence(&path),
        default_locale: default,
        fallback,
        default_in_subdir: in_subdir,
    })
}

fn docusaurus_in(dir: &Path) -> Option<Site> {
    let names = ["docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs", "docusaurus.config.cjs"];
    let (path, text) = first_file(dir, &names)?;
    let mut site = Site::of(Dialect::Docusaurus, evidence(&path));
    site.default_locale = value_of(&text, "defaultLocale").and_then(|v| Locale::parse(&v));
    Some(site)
}

fn starlight_in(dir: &Path) -> Option<Site> {
    let names = ["astro.config.mjs", "astro.config.ts", "astro.config.js", "astro.config.mts"];
    let (path, text) = first_file(dir, &names)?;
    if !text.contains("starlight") {
        return None;
    }
    let mut site = Site::of(Dialect::Starlight, evidence(&path));
    site.default_locale = value_of(&text, "defaultLocale").and_then(|v| Locale::parse(&v));
    Some(site)
}

fn mkdocs_in(dir: &Path, root: &Path) -> Option<Site> {
    let (path, text) = first_file(dir, &["mkdocs.yml", "mkdocs.yaml"])?;
    let mut site = Site::of(Dialect::MkDocs, evidence(&path));
    site.default_locale = value_of(&text, "default_language")
        .or_else(|| value_of(&text, "language"))
        .and_then(|v| Locale::parse(&v))
        .or_else(|| (dir != root).then(|| dir.file_name().and_then(|n| Locale::parse(&n.to_string_lossy()))).flatten());
    if value_of(&text, "fallback_to_default").is_some_and(|v| v == "false") {
        site.fallback = Fallback::No;
    }
    Some(site)
}

fn msdocs_in(dir: &Path) -> Option<Site> {
    let (path, _) = first_file(dir, &["docfx.json", ".openpublishing.publish.config.json"])?;
    Some(Site::of(Dialect::MsDocs, evidence(&path)))
}

/// The value of the first `key = value`, `key: value` or `"key": value` line (key compared without case),
/// unquoted; `None` when the key is absent or has no scalar value.
fn value_of(text: &str, key: &str) -> Option<String> {
    text.lines().find_map(|line| {
        let t = line.trim().trim_start_matches(['"', '\'']);
        let rest = t.get(..key.len()).filter(|k| k.eq_ignore_ascii_case(key)).map(|_| &t[key.len()..])?;
        let rest = rest.trim_start_matches(['"', '\'']).trim_start();
        let value = rest.strip_prefix('=').or_else(|| rest.strip_prefix(':'))?.trim();
        let value = value.trim_end_matches(',').trim().trim_matches(['"', '\'', '`']).trim();
        (!value.is_empty() && !value.starts_with(['{', '['])).then(|| value.to_owned())
    })
}

/// True when some line names `key` as a key (`key:`, `key =`, `"key":`) or a table (`[key]`, `[key.x]`).
fn has_key(text: &str, key: &str) -> bool {
    text.lines().any(|line| {
        let t = line.trim().trim_start_matches(['"', '\'', '[']).to_ascii_lowercase();
        let Some(rest) = t.strip_prefix(key) else { return false };
        let rest = rest.trim_start_matches(['"', '\'', ']']).trim_start();
        rest.is_empty() || rest.starts_with([':', '=', '.'])
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn folder(files: &[(&str, &str)]) -> tempfile::TempDir {
        let tmp = tempfile::tempdir().expect("tempdir");
        for (rel, text) in files {
            let p = tmp.path().join(rel);
            std::fs::create_dir_all(p.parent().expect("parent")).expect("mkdir");
            std::fs::write(p, text).expect("write");
        }
        tmp
    }

    #[test]
    fn hugo_without_mounts_does_not_fall_back_and_with_them_does() {
        // As in cncf/glossary's config.toml.
        let plain = folder(&[(
            "config.toml",
            "baseURL = \"https://glossary.cncf.io/\"\ncontentDir = \"content/en\"\ndefaultContentLanguage = \"en\"\ndefaultContentLanguageInSubdir = false\n",
        )]);
        let site = from_config_files(&plain.path().join("content")).expect("found in a parent");
        assert_eq!((site.dialect, site.fallback, site.default_in_subdir), (Dialect::Hugo, Fallback::No, false));
        assert_eq!(site.default_locale.map(String::from).as_deref(), Some("en"));
        let mounted = folder(&[(
            "hugo.yaml",
            "defaultContentLanguage: en\nmodule:\n  mounts:\n    - source: content/en\n      target: content\n    - source: content/en\n      target: content\n      lang: ja\n",
        )]);
        assert_eq!(from_config_files(mounted.path()).map(|s| s.fallback), Some(Fallback::Yes));
    }

    #[test]
    fn other_generators_and_their_default_locale() {
        let d = folder(&[(
            "docusaurus.config.js",
            "module.exports = {\n  i18n: {\n    defaultLocale: 'en',\n    locales: ['en', 'fr'],\n  },\n};\n",
        )]);
        let site = from_config_files(d.path()).expect("docusaurus");
        assert_eq!((site.dialect, site.fallback), (Dialect::Docusaurus, Fallback::Yes));
        assert_eq!(site.default_locale.map(String::from).as_deref(), Some("en"));
        let m = folder(&[("en/mkdocs.yml", "site_name: FastAPI\ntheme:\n  language: en\n")]);
        assert_eq!(from_config_files(m.path()).map(|s| s.dialect), Some(Dialect::MkDocs));
        let s = folder(&[(
            "astro.config.mjs",
            "import starlight from '@astrojs/starlight';\nexport default { integrations: [starlight({ defaultLocale: 'root' })] };\n",
        )]);
        assert_eq!(from_config_files(s.path()).map(|s| s.dialect), Some(Dialect::Starlight));
        let none = folder(&[("config.yaml", "theme: plain\n")]);
        assert_eq!(from_config_files(none.path()).map(|s| s.dialect), None);
    }

    #[test]
    fn scalar_values_are_read_from_toml_yaml_and_json_lines() {
        assert_eq!(value_of("defaultContentLanguage = \"de\"", "defaultcontentlanguage").as_deref(), Some("de"));
        assert_eq!(value_of("  \"defaultLocale\": \"fr\",", "defaultLocale").as_deref(), Some("fr"));
        assert_eq!(value_of("languages:\n  en: {}", "languages"), None);
    }
}
