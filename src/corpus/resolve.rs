//! Where a relative link of a file leads: resolved against the files found when the folder was walked
//! (no I/O, no network), with site-absolute links, locale folders and Hugo pretty URLs.

use super::{Corpus, LocaleOrigin, SourceFile};
use crate::locale::Locale;

/// Where a link leads.
pub enum Resolved {
    /// To this existing path (relative to the opened folder).
    Found(String),
    /// Nowhere: this is the path looked for.
    Missing(String),
    /// To a place in the same file (`#fragment`).
    SameFile,
    /// Not resolved: external, templated, or empty.
    NotChecked,
}

/// External, templated and special links are not resolved.
pub fn is_external(target: &str) -> bool {
    let lower = target.to_ascii_lowercase();
    lower.starts_with("//")
        || target.contains("{{")
        || target.contains("{%")
        || lower.split_once(':').is_some_and(|(scheme, _)| {
            !scheme.is_empty()
                && scheme.len() < 12
                && scheme.chars().all(|c| c.is_ascii_alphanumeric() || "+-.".contains(c))
        })
}

/// The loaded or existing file a relative link of file `from` (relative path) points at, if it is there;
/// the same resolution the checks use (site-absolute links, Hugo pretty URLs), for the window.
pub fn resolve(corpus: &Corpus, from: &str, target: &str) -> Option<String> {
    match resolve_target(corpus, corpus.file(from)?, target) {
        Resolved::Found(path) => Some(path),
        Resolved::SameFile => Some(from.to_owned()),
        Resolved::Missing(_) | Resolved::NotChecked => None,
    }
}

/// Resolve `target`, written in `file`, against the corpus's files.
pub fn resolve_target(corpus: &Corpus, file: &SourceFile, target: &str) -> Resolved {
    let target = target.trim();
    if target.is_empty() || is_external(target) {
        return Resolved::NotChecked;
    }
    let path = target.split(['#', '?']).next().unwrap_or_default();
    if path.is_empty() {
        return if target.starts_with('#') { Resolved::SameFile } else { Resolved::NotChecked };
    }
    let decoded = percent_decode(path);
    let joined = if let Some(abs) = decoded.strip_prefix('/') {
        let abs = strip_leading_locale(abs);
        join(&locale_root(file), abs)
    } else {
        join(parent(&file.rel), &decoded)
    };
    let Some(joined) = joined else {
        return Resolved::Missing(decoded);
    };
    if let Some(found) = candidates(&joined).into_iter().find(|p| corpus.existing.contains(p)) {
        return Resolved::Found(found);
    }
    // Hugo serves `docs/configure.md` at `/docs/configure/`: a relative pretty link (`../install/`) is
    // relative to that URL, one folder deeper than the file.
    if !decoded.starts_with('/') && !decoded.ends_with(".md") {
        let page_dir = file.rel.strip_suffix(".md").filter(|p| !p.ends_with("index")).map(str::to_owned);
        let found = page_dir
            .and_then(|dir| join(&dir, &decoded))
            .and_then(|j| candidates(&j).into_iter().find(|p| corpus.existing.contains(p)));
        if let Some(found) = found {
            return Resolved::Found(found);
        }
    }
    Resolved::Missing(joined)
}

/// Hugo-style pretty URLs: `x.md`, `x/index.md`, `x/_index.md`, `x/README.md`, then `x` itself (a file,
/// or a folder); page files first, so a link stands for the page rather than its folder.
fn candidates(path: &str) -> Vec<String> {
    let p = path.trim_end_matches('/');
    let has_extension = p.rsplit('/').next().is_some_and(|last| last.contains('.'));
    let mut out = Vec::new();
    if has_extension {
        out.push(p.to_owned());
    } else if !p.is_empty() {
        out.push(format!("{p}.md"));
    }
    for index in ["index.md", "_index.md", "README.md"] {
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

/// The folder site-absolute links start from: the locale folder for `content/de/...`, else the root.
fn locale_root(file: &SourceFile) -> String {
    if let LocaleOrigin::PathSegment(seg) = &file.locale_origin {
        let segs: Vec<&str> = file.rel.split('/').collect();
        if let Some(i) = segs.iter().position(|s| s == seg) {
            return segs[..=i].join("/");
        }
    }
    String::new()
}

fn strip_leading_locale(abs: &str) -> &str {
    match abs.split_once('/') {
        Some((first, rest)) if Locale::parse(first).is_some() => rest,
        _ => abs,
    }
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
