//! Where a link of a file leads, as the site would serve it: resolved against the files found when the
//! folder was walked (no I/O, no network). Relative links are tried from the file and from the page's
//! pretty URL (`docs/a.md` is served at `/docs/a/`); site-absolute links from the locale's folder, from
//! every folder URL paths start at (`content`, `src/content/docs`, a Docusaurus site), and from static
//! folders; a page a translation lacks is looked for in the default language, which Docusaurus, Starlight,
//! MkDocs and Hugo sites with fallback mounts serve instead.

use super::{Corpus, SourceFile};
use crate::dialect::Fallback;
use crate::locale::Locale;

/// Where a link leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    /// To this existing path (relative to the opened folder).
    Found(String),
    /// This locale lacks the page; the default language has it at this path, and the site serves it (or
    /// may: `served` says what the site's configuration tells).
    Fallback {
        /// The default language's page.
        path: String,
        /// Whether the site serves it in place of the missing translation.
        served: Fallback,
    },
    /// Nowhere: this is the path looked for.
    Missing(String),
    /// To a place in the same file (`#fragment`).
    SameFile,
    /// Not resolved: external, templated, empty, or a site path outside the opened folder's site (a link
    /// to another part of a larger site, such as `/azure/…` in a Microsoft Docs article).
    NotChecked,
}

/// External, templated and special links are not resolved.
pub fn is_external(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    lower.starts_with("//")
        || target.contains("{{")
        || target.contains("{%")
        || target.starts_with('{')
        || lower.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme.len() < 12
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// The loaded or existing file a relative link of file `from` (relative path) points at, if it is there;
/// the same resolution the checks use, for the window.
pub fn resolve(corpus: &Corpus, from: &str, target: &str) -> Option<String> {
    match resolve_target(corpus, corpus.file(from)?, target) {
        Resolved::Found(path) | Resolved::Fallback { path, .. } => Some(path),
        Resolved::SameFile => Some(from.to_owned()),
        Resolved::Missing(_) | Resolved::NotChecked => None,
    }
}

/// Resolve `target`, written in `file`, against the corpus's files.
pub fn resolve_target(corpus: &Corpus, file: &SourceFile, target: &str) -> Resolved {
    let target = target.trim().trim_start_matches('<').trim_end_matches('>');
    if target.is_empty() || is_external(target) {
        return Resolved::NotChecked;
    }
    let path = target.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() {
        return if target.starts_with('#') { Resolved::SameFile } else { Resolved::NotChecked };
    }
    let decoded = percent_decode(path);
    let decoded = decoded.strip_prefix("~/").map_or(decoded.clone(), |rest| format!("/{rest}"));
    let places = if let Some(abs) = decoded.strip_prefix('/') {
        site_paths(corpus, file, abs)
    } else {
        relative_paths(file, &decoded)
    };
    let Some(first) = places.first().cloned() else {
        return Resolved::NotChecked; // leaves the opened folder
    };
    // A page of this locale first, then the default language's page the site serves in its place, and
    // only then a bare folder (a folder without an index page is no page).
    let page = |p: &String| candidates(p).into_iter().find(|c| corpus.existing.contains(c) && !is_bare_folder(p, c));
    if let Some(found) = places.iter().find_map(page) {
        return Resolved::Found(found);
    }
    let default = corpus.site.default_locale.clone().or_else(|| corpus.effective_source(None));
    let fallback = places.iter().flat_map(|p| corpus.layout.counterparts(p, default.as_ref())).find_map(|p| page(&p));
    if let Some(path) = fallback {
        return Resolved::Fallback { path, served: corpus.site.fallback };
    }
    if let Some(folder) = places.iter().map(|p| p.trim_end_matches('/')).find(|p| corpus.existing.contains(*p)) {
        return Resolved::Found(folder.to_owned());
    }
    // A site path whose first folder the opened folder does not have belongs to a larger site.
    if decoded.starts_with('/') && !places.iter().any(|p| first_folder_exists(corpus, p)) {
        return Resolved::NotChecked;
    }
    Resolved::Missing(first)
}

/// True when `candidate` is the link's own path without an extension (a folder, or a file named like one).
fn is_bare_folder(path: &str, candidate: &str) -> bool {
    let p = path.trim_end_matches('/');
    candidate == p && !p.rsplit('/').next().is_some_and(|last| last.contains('.'))
}

/// A relative link from the file (`../b.md`), and from the page's pretty URL (`docs/a.md` is served at
/// `/docs/a/`, so `../b/` there means `docs/b`).
fn relative_paths(file: &SourceFile, rel_target: &str) -> Vec<String> {
    let mut out: Vec<String> = join(parent(&file.rel), rel_target).into_iter().collect();
    let stem = file.rel.rsplit_once('.').map_or(file.rel.as_str(), |(s, _)| s);
    let is_index = stem.rsplit('/').next().is_some_and(|n| matches!(n, "index" | "_index" | "README"));
    if !is_index && !rel_target.ends_with(".md") && !rel_target.ends_with(".mdx") {
        out.extend(join(stem, rel_target));
    }
    out
}

/// A site-absolute link (`/de/docs/x/`, `/docs/x`, `/img/a.png`) from every folder URL paths may start at.
fn site_paths(corpus: &Corpus, file: &SourceFile, abs: &str) -> Vec<String> {
    let (first, rest) = abs.split_once('/').unwrap_or((abs, ""));
    let leading_locale = Locale::parse(first).filter(|_| first.len() <= 10);
    let mut out = Vec::new();
    let mut push = |p: Option<String>| {
        if let Some(p) = p
            && !out.contains(&p)
        {
            out.push(p);
        }
    };
    if let Some(root) = corpus.layout.locale_root_of(&file.rel) {
        push(join(root, leading_locale.as_ref().map_or(abs, |_| rest)));
    }
    for base in corpus.layout.site_bases() {
        if let Some(l) = &leading_locale
            && let Some(dir) = corpus.layout.locale_dir_at(base, l)
        {
            push(join(dir, rest));
        }
        push(join(base, abs));
        // Hugo serves the default language at the site's root: `/x/` is that language's page.
        if leading_locale.is_none()
            && let Some(dir) = default_dir_at(corpus, base)
        {
            push(join(&dir, abs));
        }
        for static_dir in ["static", "public"] {
            push(join(&join(base, static_dir).unwrap_or_default(), abs));
        }
    }
    push(join("", abs));
    for static_dir in ["static", "public"] {
        push(join(static_dir, abs));
    }
    out
}

/// The default language's folder among those URL paths start at `base` (Hugo's `content/en` for `/x/`).
fn default_dir_at(corpus: &Corpus, base: &str) -> Option<String> {
    let default = corpus.site.default_locale.clone().or_else(|| corpus.effective_source(None))?;
    corpus.layout.locale_dir_at(base, &default).map(str::to_owned)
}

fn first_folder_exists(corpus: &Corpus, path: &str) -> bool {
    // The path's folder chain down to its first segment below a known root: is any of it there?
    let mut p = path.trim_end_matches('/');
    while let Some((parent, _)) = p.rsplit_once('/') {
        if corpus.existing.contains(parent) {
            return true;
        }
        p = parent;
    }
    false
}

/// Pretty URLs: `x`, `x.md`, `x.mdx`, `x/index.md`, `x/_index.md`, `x/README.md`, `x/index.mdx`, and for
/// `x.html` the page it is built from; page files first, so a link stands for the page rather than its
/// folder.
fn candidates(path: &str) -> Vec<String> {
    let p = path.trim_end_matches('/');
    let stem = p.strip_suffix(".html").or_else(|| p.strip_suffix(".htm"));
    let p = stem.unwrap_or(p);
    let has_extension = stem.is_none() && p.rsplit('/').next().is_some_and(|last| last.contains('.'));
    let mut out = Vec::new();
    if has_extension {
        out.push(p.to_owned());
    } else if !p.is_empty() {
        out.push(format!("{p}.md"));
        out.push(format!("{p}.mdx"));
    }
    for index in ["index.md", "_index.md", "README.md", "index.mdx"] {
        out.push(if p.is_empty() { index.to_owned() } else { format!("{p}/{index}") });
    }
    if !has_extension {
        out.push(p.to_owned());
    }
    out
}

fn parent(rel: &str) -> &str {
    rel.rsplit_once('/').map_or("", |(d, _)| d)
}

/// Join a relative path onto a folder, folding `.` and `..`; `None` when it leaves the opened folder.
fn join(base: &str, rel: &str) -> Option<String> {
    let mut parts: Vec<&str> = base.split('/').filter(|s| !s.is_empty()).collect();
    for seg in rel.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop()?;
            }
            s => parts.push(s),
        }
    }
    let mut out = parts.join("/");
    if rel.ends_with('/') {
        out.push('/');
    }
    Some(out)
}

/// `%20` and other percent escapes decoded (invalid UTF-8 keeps the text as written).
pub fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%'
            && let Some(v) = s.get(i + 1..i + 3).and_then(|h| u8::from_str_radix(h, 16).ok())
        {
            out.push(v);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8(out).unwrap_or_else(|_| s.to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joins_and_refuses_to_leave_the_folder() {
        assert_eq!(join("de/docs", "../img/a.png").as_deref(), Some("de/img/a.png"));
        assert_eq!(join("", "./a.md").as_deref(), Some("a.md"));
        assert_eq!(join("de", "../../x.md"), None);
        assert_eq!(join("content/de", "docs/x/").as_deref(), Some("content/de/docs/x/"));
    }

    #[test]
    fn external_and_templated_targets_are_not_resolved() {
        for t in ["https://x.org", "mailto:a@b.c", "//cdn.x/y.js", "{{< ref \"a\" >}}", "tel:+1"] {
            assert!(is_external(t), "{t}");
        }
        for t in ["a.md", "../b/c.md", "/docs/x/", "#frag"] {
            assert!(!is_external(t), "{t}");
        }
    }

    #[test]
    fn percent_escapes_decode() {
        assert_eq!(percent_decode("my%20file.md"), "my file.md");
        assert_eq!(percent_decode("100%"), "100%");
    }
}
