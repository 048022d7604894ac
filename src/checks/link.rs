//! Link checks: targets that are not there (`link.missing-file`), fragments that name no anchor
//! (`link.missing-anchor`), link and emphasis syntax broken by translation (`link.malformed`), and aligned
//! links that point elsewhere than in the reference (`link.target-differs`).
//!
//! Targets are resolved against the files found when the folder was walked — no I/O, no network. A
//! problem every locale shares (all relative links leaving the opened folder, a broken link inherited from
//! the source) is reported once, as info.

use super::structure::reference_name;
use super::{CheckId, DocContext, Finding};
use crate::corpus::SourceFile;
use crate::corpus::resolve::{Resolved, percent_decode, resolve_target};
use crate::locale::Locale;
use crate::skeleton::{Block, BlockKind, Link};
use std::collections::{BTreeMap, BTreeSet};

/// Run the link checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut missing = Vec::new();
    let mut resolving = vec![false; ctx.files.len()];
    for r in 0..ctx.alignment.rows.len() {
        for (c, b) in ctx.cells(r) {
            for link in b.links.iter().chain(&b.images) {
                match resolve_link(ctx, c, link) {
                    Resolved::Missing(path) => missing.push(MissingLink { row: r, col: c, link, path }),
                    Resolved::Found(path) => {
                        resolving[c] = true;
                        if let Some(f) = anchor_problem(ctx, r, c, link, &path) {
                            out.push(f);
                        }
                    }
                    Resolved::SameFile => out.extend(anchor_problem(ctx, r, c, link, &ctx.files[c].rel)),
                    Resolved::NotChecked => {}
                }
            }
        }
        out.extend(malformed_row(ctx, r));
        out.extend(target_differs(ctx, r));
    }
    out.extend(missing_files(ctx, &missing, &resolving));
    out
}

struct MissingLink<'a> {
    row: usize,
    col: usize,
    link: &'a Link,
    path: String,
}

fn resolve_link(ctx: &DocContext<'_>, c: usize, link: &Link) -> Resolved {
    resolve_target(ctx.corpus, ctx.files[c], &link.target)
}

fn anchor_problem(ctx: &DocContext<'_>, r: usize, c: usize, link: &Link, path: &str) -> Option<Finding> {
    let fragment = percent_decode(link.target.split_once('#')?.1);
    if fragment.is_empty() {
        return None;
    }
    let target = ctx.corpus.file(path)?;
    let known = target.skeleton.anchors.iter().any(|a| a.eq_ignore_ascii_case(&fragment));
    if known {
        return None;
    }
    let where_ = if path == ctx.files[c].rel { "this file".to_owned() } else { path.to_owned() };
    let message = format!("#{fragment} is not an anchor in {where_} (link `{}`)", link.target);
    Some(ctx.finding(CheckId::LinkMissingAnchor, c, link.range.start, Some(r), &link.target, message))
}

/// Missing targets: per link, unless every locale shares the problem (they all link it and all miss it,
/// or no relative link of the document resolves anywhere: the folder does not hold the targets).
fn missing_files(ctx: &DocContext<'_>, missing: &[MissingLink<'_>], resolving: &[bool]) -> Vec<Finding> {
    if missing.is_empty() {
        return Vec::new();
    }
    // Keyed by the locale-neutral target, so `/docs/x/` in en and in de count as one link.
    let keys: Vec<String> = missing.iter().map(|m| comparable(&m.link.target)).collect();
    let mut linkers: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    let mut missers: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    for (m, key) in missing.iter().zip(&keys) {
        missers.entry(key.as_str()).or_default().insert(m.col);
    }
    for r in 0..ctx.alignment.rows.len() {
        for (c, b) in ctx.cells(r) {
            for l in b.links.iter().chain(&b.images) {
                let key = comparable(&l.target);
                // A map lookup, not a scan of the keys: a large file can link thousands of missing targets.
                if let Some((k, _)) = missers.get_key_value(key.as_str()) {
                    linkers.entry(k).or_default().insert(c);
                }
            }
        }
    }
    // No relative link of any locale resolves: the opened folder does not hold the link targets at all.
    let none_resolve = !resolving.iter().any(|&r| r);
    let mut out = Vec::new();
    let mut shared: BTreeSet<&str> = BTreeSet::new();
    let mut first_shared: Option<&MissingLink<'_>> = None;
    for (m, key) in missing.iter().zip(&keys) {
        let all_miss = linkers.get(key.as_str()).is_some_and(|l| l.len() >= 2 && Some(l) == missers.get(key.as_str()));
        if all_miss || none_resolve {
            shared.insert(key.as_str());
            first_shared.get_or_insert(m);
            continue;
        }
        let message = format!("link target `{}` is not there (looked for {})", m.link.target, m.path);
        out.push(ctx.finding(
            CheckId::LinkMissingFile,
            m.col,
            m.link.range.start,
            Some(m.row),
            &m.link.target,
            message,
        ));
    }
    if let Some(first) = first_shared {
        let examples: Vec<&str> = shared.iter().take(3).copied().collect();
        let more = if shared.len() > 3 { ", …" } else { "" };
        let message = format!(
            "{} relative link target(s) are missing in every locale that links them — probably outside the opened folder: {}{more}",
            shared.len(),
            examples.join(", ")
        );
        out.push(ctx.shared_finding(
            CheckId::LinkMissingFile,
            first.col,
            first.link.range.start,
            None,
            "outside",
            message,
        ));
    }
    out
}

/// One malformation found in a block: what it is about (for sharing) and where.
struct Malformed {
    subject: String,
    offset: usize,
    message: String,
}

fn malformed_row(ctx: &DocContext<'_>, r: usize) -> Vec<Finding> {
    let cells = ctx.cells(r);
    let per_cell: Vec<(usize, Vec<Malformed>)> =
        cells.iter().map(|&(c, b)| (c, malformed_in_block(ctx.files[c], b))).collect();
    let mut out = Vec::new();
    let subjects: BTreeSet<String> = per_cell.iter().flat_map(|(_, ms)| ms.iter().map(|m| m.subject.clone())).collect();
    for subject in subjects {
        let having: Vec<(usize, &Malformed)> =
            per_cell.iter().filter_map(|(c, ms)| ms.iter().find(|m| m.subject == subject).map(|m| (*c, m))).collect();
        if having.len() == cells.len() && cells.len() >= 2 {
            let (c, m) = having[0];
            let message = format!("every locale has this broken link syntax (probably from the source): {}", m.message);
            out.push(ctx.shared_finding(CheckId::LinkMalformed, c, m.offset, Some(r), &subject, message));
        } else {
            for (c, m) in having {
                out.push(ctx.finding(CheckId::LinkMalformed, c, m.offset, Some(r), &subject, m.message.clone()));
            }
        }
    }
    out
}

/// Broken link/emphasis syntax in one block's prose (code and well-formed links masked out).
fn malformed_in_block(file: &SourceFile, b: &Block) -> Vec<Malformed> {
    if matches!(b.kind, BlockKind::Code | BlockKind::Html) {
        return Vec::new();
    }
    // Masking copies the block: only when its source could hold one of the broken patterns.
    let source = &file.text[b.range.clone()];
    let masked = if source.contains("] (") || source.contains("http") { masked_prose(file, b) } else { String::new() };
    let at = |i: usize| b.range.start + i;
    let mut out = Vec::new();
    for (i, _) in masked.match_indices("] (") {
        let line_start = masked[..i].rfind('\n').map_or(0, |p| p + 1);
        let open = masked[line_start..i].rfind('[');
        let rest = &masked[i + 3..];
        let close = rest.find(')').filter(|&e| e > 0 && !rest[..e].contains(char::is_whitespace));
        if let (Some(open), Some(close)) = (open, close) {
            let text = &masked[line_start + open..i + 3 + close + 1];
            out.push(Malformed {
                subject: format!("space:{}", &rest[..close]),
                offset: at(line_start + open),
                message: format!("`{text}` is not a link: remove the space between `]` and `(`"),
            });
        }
    }
    for (i, url) in bare_urls(&masked) {
        let url = url.trim_end_matches(')');
        let before = masked[..i].trim_end_matches([' ', '\t']);
        let after_url = &masked[i + url.len()..];
        let spaced_open = before.ends_with('(') && before.len() < masked[..i].len();
        let double_close =
            after_url.starts_with(')') && after_url[1..].trim_start_matches([' ', '\t']).starts_with(')');
        if spaced_open || double_close {
            out.push(Malformed {
                subject: format!("bare:{url}"),
                offset: at(before.len().saturating_sub(1)),
                message: format!(
                    "bare URL {url} in broken parentheses: the link markup was lost (write `[text]({url})`)"
                ),
            });
        }
    }
    if let Some(offset) = b.unclosed_strong {
        out.push(Malformed {
            subject: "strong".to_owned(),
            offset,
            message: "`**` is not closed: CommonMark does not end strong emphasis before a letter after punctuation (add a space or move the `**`)".to_owned(),
        });
    }
    if file.locale.uses_spaces() {
        for l in b.links.iter().filter(|l| l.inline) {
            let next = file.text[l.range.end..].chars().next();
            if next.is_some_and(char::is_alphabetic) {
                let word: String = file.text[l.range.end..].chars().take_while(|c| c.is_alphanumeric()).collect();
                out.push(Malformed {
                    subject: format!("glued:{}", l.target),
                    offset: l.range.end,
                    message: format!("no space between the link `({})` and `{word}`", l.target),
                });
            }
        }
    }
    out
}

/// The block's source with inline code and parsed links blanked out (same byte length).
fn masked_prose(file: &SourceFile, b: &Block) -> String {
    let mut bytes = file.text.as_bytes()[b.range.clone()].to_vec();
    let spans =
        b.inline_code.iter().map(|s| s.range.clone()).chain(b.links.iter().chain(&b.images).map(|l| l.range.clone()));
    for range in spans {
        let (s, e) =
            (range.start.saturating_sub(b.range.start), range.end.saturating_sub(b.range.start).min(bytes.len()));
        for byte in bytes.iter_mut().take(e).skip(s) {
            *byte = b' ';
        }
    }
    String::from_utf8(bytes).unwrap_or_default()
}

/// `http(s)://…` runs in a text, with their byte offsets.
fn bare_urls(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    for scheme in ["https://", "http://"] {
        for (i, _) in text.match_indices(scheme) {
            if scheme == "http://" && text[..i].ends_with('s') {
                continue;
            }
            let end = text[i..].find(|c: char| c.is_whitespace()).map_or(text.len(), |e| i + e);
            out.push((i, &text[i..end]));
        }
    }
    out.sort_by_key(|(i, _)| *i);
    out
}

/// The link targets of a block in a comparable form: a link to a loaded file stands for that file's
/// document (so `faq.de.md`, `konzepte.md` and `/de/docs/faq/` match their English twins); others as
/// [`comparable`] writes them.
fn comparable_targets(ctx: &DocContext<'_>, c: usize, b: &Block) -> Vec<String> {
    let mut v: Vec<String> = b.links.iter().map(|l| target_identity(ctx, c, l)).collect();
    v.sort();
    v
}

fn target_identity(ctx: &DocContext<'_>, c: usize, link: &Link) -> String {
    if let Resolved::Found(path) = resolve_link(ctx, c, link)
        && let Some(doc) = ctx.corpus.document_of(&path)
    {
        return format!("document:{}", ctx.corpus.documents[doc].name);
    }
    comparable(&link.target)
}

/// A target in a form that is the same across locales: no fragment, no `./`, and locale segments
/// (`/de/docs/`, `…/en-us/azure/…`) replaced by `{locale}` (a leading one dropped).
fn comparable(target: &str) -> String {
    let t = target.split('#').next().unwrap_or_default().trim();
    let t = t.strip_prefix("./").unwrap_or(t);
    let absolute = t.starts_with('/');
    let mut segs: Vec<&str> = t.split('/').collect();
    for (i, seg) in segs.iter_mut().enumerate() {
        let leading = absolute && i == 1;
        if (leading || (seg.contains('-') && seg.len() <= 10)) && Locale::parse(seg).is_some() {
            *seg = "{locale}";
        }
    }
    if absolute && segs.get(1) == Some(&"{locale}") {
        segs.remove(1);
    }
    segs.join("/")
}

fn target_differs(ctx: &DocContext<'_>, r: usize) -> Vec<Finding> {
    let cells = ctx.cells(r);
    let targets: Vec<(usize, Vec<String>)> = cells.iter().map(|&(c, b)| (c, comparable_targets(ctx, c, b))).collect();
    let Some(expected) = ctx.reference_among(&targets) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for ((c, b), (_, got)) in cells.iter().copied().zip(targets.iter()) {
        let got = got.clone();
        if got.len() != expected.len() || got == expected {
            continue; // a different count is structure.count's finding
        }
        let agree: Vec<bool> =
            (0..ctx.files.len()).map(|col| targets.iter().any(|(tc, t)| *tc == col && *t == expected)).collect();
        let drift = ctx.revisions.is_drift(&agree, c);
        let unexpected: Vec<&String> = got.iter().filter(|g| !expected.contains(g)).collect();
        let lacking: Vec<&String> = expected.iter().filter(|e| !got.contains(e)).collect();
        if unexpected.is_empty() {
            continue;
        }
        let link = b.links.iter().find(|l| target_identity(ctx, c, l) == *unexpected[0]);
        // A link to a file that is not there, where the reference's link resolves, is a broken link:
        // link.missing-file says so; it is not also a different target.
        let broken = link.is_some_and(|l| matches!(resolve_link(ctx, c, l), Resolved::Missing(_)));
        let reference_resolves = ctx.cells(r).iter().any(|&(rc, rb)| {
            rc != c && rb.links.iter().any(|l| matches!(resolve_link(ctx, rc, l), Resolved::Found(_)))
        });
        if broken && reference_resolves {
            continue;
        }
        // Name a loaded document by its name, anything else by the target as written.
        let show = |items: &[&String]| {
            items
                .iter()
                .map(|s| {
                    s.strip_prefix("document:").map_or_else(|| format!("`{s}`"), |d| format!("the document `{d}`"))
                })
                .collect::<Vec<_>>()
                .join(", ")
        };
        let message = format!(
            "links to {} where {} {} {}",
            show(&unexpected),
            reference_name(ctx, r),
            super::structure::conjugate(ctx, r, "links to", "link to"),
            show(&lacking)
        );
        let offset = link.map_or(b.range.start, |l| l.range.start);
        let mut f = ctx.finding(CheckId::LinkTargetDiffers, c, offset, Some(r), unexpected[0], message);
        if drift {
            // The locales split along source revisions: likely a change of the source, not a defect.
            f.severity = super::Severity::Info;
            f.message.push_str(" — the locales differ here along source revisions (see meta.stale): the older ones may need this change");
        }
        out.push(f);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn locale_segments_do_not_make_targets_differ() {
        assert_eq!(
            comparable("https://docs.microsoft.com/de-de/azure/x#y"),
            comparable("https://docs.microsoft.com/en-us/azure/x")
        );
        assert_eq!(comparable("./a.md#b"), "a.md");
        assert_ne!(comparable("a.md"), comparable("b.md"));
    }
}
