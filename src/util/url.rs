//! Link targets in a form that is the same across locales: what a translation of a link should still
//! point at, whatever language the page or the linked site is in.

/// Locale codes as they appear in URLs (`/de/`, `en-us`, `zh-cn`, `pt-br`), without the crate's locale
/// table (this module is a leaf): two letters, optionally `-` and two to four more.
fn looks_like_locale(seg: &str) -> bool {
    let (lang, rest) = seg.split_once(['-', '_']).map_or((seg, None), |(l, r)| (l, Some(r)));
    let lang_ok = lang.len() == 2 && lang.chars().all(|c| c.is_ascii_lowercase());
    lang_ok && rest.is_none_or(|r| (2..=4).contains(&r.len()) && r.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// A target in a comparable form: no fragment, no `./`, no trailing `/` or `index.html`, scheme and
/// `www.` dropped; language markers dropped or made alike — a locale path segment (`/de/docs/`,
/// `…/en-us/azure/…`), a language subdomain (`ru.wikipedia.org`, `ja.vite.dev`), a `hl=`/`lang=` query.
pub fn comparable(target: &str) -> String {
    let t = target.split('#').next().unwrap_or_default().trim();
    let (t, query) = t.split_once('?').map_or((t, ""), |(a, q)| (a, q));
    let t = t.strip_prefix("./").unwrap_or(t);
    let (scheme, rest) = match t.split_once("://") {
        Some((s, r)) if !s.contains('/') => (Some(s), r),
        _ => (None, t),
    };
    let mut segs: Vec<String> = rest.split('/').map(str::to_owned).collect();
    if scheme.is_some()
        && let Some(host) = segs.first_mut()
    {
        let h = host.to_ascii_lowercase();
        let h = h.strip_prefix("www.").unwrap_or(&h).to_owned();
        // A two-letter subdomain of a longer domain is a language site (`ru.wikipedia.org`, `cn.vite.dev`).
        *host = match h.split_once('.') {
            Some((sub, domain))
                if sub.len() == 2 && sub.chars().all(|c| c.is_ascii_lowercase()) && domain.contains('.') =>
            {
                domain.to_owned()
            }
            _ => h,
        };
    }
    // A locale segment near the start of the path (or any `xx-yy` one) is dropped: one locale's URL has
    // it where another's, or the default language's, has none.
    let first_path = usize::from(scheme.is_some());
    let mut i = first_path;
    while i < segs.len() {
        let lower = segs[i].to_ascii_lowercase();
        let near_start = i <= first_path + 1 || (i == first_path + 2 && segs[first_path].is_empty());
        if looks_like_locale(&lower) && (near_start || lower.contains('-')) {
            segs.remove(i);
        } else {
            i += 1;
        }
    }
    if segs.last().is_some_and(|s| s.is_empty() || s == "index.html" || s == "index.htm") {
        segs.pop();
    }
    let mut out = segs.join("/");
    let kept_query: Vec<&str> = query
        .split('&')
        .filter(|p| !p.is_empty() && !["hl=", "lang=", "locale=", "language="].iter().any(|k| p.starts_with(k)))
        .collect();
    if !kept_query.is_empty() {
        out.push('?');
        out.push_str(&kept_query.join("&"));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn language_markers_do_not_make_targets_differ() {
        assert_eq!(
            comparable("https://docs.microsoft.com/de-de/azure/x#y"),
            comparable("https://docs.microsoft.com/en-us/azure/x")
        );
        // cncf/glossary ru/infrastructure-as-a-service.md:27.
        assert_eq!(
            comparable("https://ru.wikipedia.org/wiki/Cloud_computing"),
            comparable("https://en.wikipedia.org/wiki/Cloud_computing")
        );
        // fastapi ja/docs/translation-banner.md:7.
        assert_eq!(
            comparable("https://fastapi.tiangolo.com/ja/contributing/"),
            comparable("https://fastapi.tiangolo.com/contributing/")
        );
        assert_eq!(comparable("https://sembr.org"), comparable("https://sembr.org/"));
        // astro-docs zh-cn/guides/environment-variables.mdx:131.
        assert_eq!(comparable("https://cn.vite.dev/guide/env.html"), comparable("https://vite.dev/guide/env.html"));
        assert_eq!(comparable("https://cloud.google.com/x?hl=zh-cn"), comparable("https://cloud.google.com/x"));
        assert_eq!(comparable("/de/docs/x/"), comparable("/docs/x"));
        assert_eq!(comparable("./a.md#b"), "a.md");
        assert_eq!(comparable("../de/install/"), comparable("../en/install"));
        assert_ne!(comparable("a.md"), comparable("b.md"));
        assert_ne!(comparable("https://go.dev/doc"), comparable("https://golang.org/doc"));
    }
}
