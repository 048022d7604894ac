//! Link checks: targets the site serves no page or file for (`link.missing-file`), fragments that name no
//! anchor (`link.missing-anchor`), link and emphasis markup broken by translation (`link.malformed`), and
//! aligned links that point elsewhere than in the reference (`link.target-differs`).
//!
//! Each link is resolved once per document ([`crate::corpus::resolve`]: the site's URL rules, a missing
//! translation served from the default language). An error is certain: no file exists anywhere the site
//! would serve. A problem every locale shares (targets outside the opened folder, a broken link inherited
//! from the source) is reported once, as info.

use super::{CheckId, DocContext, Draft};
use crate::corpus::SourceFile;
use crate::corpus::resolve::{Resolved, percent_decode, resolve_target};
use crate::dialect::Fallback;
use crate::skeleton::{Block, BlockKind, Link};
use crate::util::url::comparable;
use std::collections::{BTreeSet, HashMap};

/// Run the link checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Draft> {
    let table = LinkTable::new(ctx);
    let mut out = Vec::new();
    missing_files(ctx, &table, &mut out);
    anchors(ctx, &table, &mut out);
    for r in ctx.rows() {
        malformed_row(ctx, r, &mut out);
        if ctx.compare {
            target_differs(ctx, &table, r, &mut out);
        }
    }
    out
}

/// A cell's links (links then images), each with where it leads.
type CellLinks<'a> = (usize, Vec<(&'a Link, Resolved)>);

/// Every link of the document resolved once: per row, per present cell.
struct LinkTable<'a> {
    rows: Vec<Vec<CellLinks<'a>>>,
}

impl<'a> LinkTable<'a> {
    fn new(ctx: &DocContext<'a>) -> LinkTable<'a> {
        let rows = ctx
            .rows()
            .map(|r| {
                ctx.cells(r)
                    .iter()
                    .map(|&(c, b)| {
                        let links = b
                            .links
                            .iter()
                            .chain(&b.images)
                            .map(|l| (l, resolve_target(ctx.corpus, ctx.files[c], &l.target)));
                        (c, links.collect())
                    })
                    .collect()
            })
            .collect();
        LinkTable { rows }
    }

    fn iter(&self) -> impl Iterator<Item = (usize, usize, &'a Link, &Resolved)> + '_ {
        self.rows.iter().enumerate().flat_map(|(r, cells)| {
            cells.iter().flat_map(move |(c, links)| links.iter().map(move |(l, res)| (r, *c, *l, res)))
        })
    }

    /// The identity of a cell's links for comparing locales: the document a link leads to, else the
    /// target in comparable form.
    fn identities(&self, ctx: &DocContext<'_>, r: usize, c: usize) -> Vec<String> {
        let Some((_, links)) = self.rows[r].iter().find(|(col, _)| *col == c) else { return Vec::new() };
        let block_links = ctx.block(r, c).map_or(0, |b| b.links.len());
        let mut v: Vec<String> = links.iter().take(block_links).map(|(l, res)| identity(ctx, l, res)).collect();
        v.sort();
        v
    }
}

fn identity(ctx: &DocContext<'_>, link: &Link, res: &Resolved) -> String {
    if let Resolved::Found(path) | Resolved::Fallback { path, .. } = res
        && let Some(doc) = ctx.corpus.document_of(path)
    {
        return format!("document:{}", ctx.corpus.documents[doc].name);
    }
    comparable(&link.target)
}

/// Broken targets: a link to nothing the site serves is an error in the locale that has it; a target
/// missing in every locale that links it (the folder lacks it) is one shared note.
fn missing_files(ctx: &DocContext<'_>, table: &LinkTable<'_>, out: &mut Vec<Draft>) {
    let mut linkers: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut missers: HashMap<String, BTreeSet<usize>> = HashMap::new();
    let mut resolving = vec![false; ctx.files.len()];
    for (_, c, link, res) in table.iter() {
        let key = comparable(&link.target);
        match res {
            Resolved::Missing(_) | Resolved::Fallback { served: Fallback::No, .. } => {
                missers.entry(key.clone()).or_default().insert(c);
            }
            Resolved::Found(_) | Resolved::Fallback { .. } => resolving[c] = true,
            Resolved::SameFile | Resolved::NotChecked => continue,
        }
        linkers.entry(key).or_default().insert(c);
    }
    let none_resolve = !resolving.iter().any(|&r| r);
    let mut shared: BTreeSet<String> = BTreeSet::new();
    let mut first_shared: Option<(usize, usize)> = None;
    for (r, c, link, res) in table.iter() {
        let key = comparable(&link.target);
        let (looked_for, not_translated) = match res {
            Resolved::Missing(path) => (path.clone(), None),
            Resolved::Fallback { path, served: Fallback::No } => (path.clone(), Some(path.clone())),
            _ => continue,
        };
        let everyone = linkers.get(&key).is_some_and(|l| l.len() >= 2 && Some(l) == missers.get(&key));
        if everyone || none_resolve {
            shared.insert(key);
            first_shared.get_or_insert((c, link.range.start));
            continue;
        }
        let message = match not_translated {
            Some(default_page) => format!(
                "link target `{}` is not translated into {}, and the site serves no page for it (the default language has {default_page})",
                link.target,
                ctx.locale(c)
            ),
            None => format!("link target `{}` is not there (looked for {looked_for})", link.target),
        };
        out.push(ctx.draft(CheckId::LinkMissingFile, c, link.range.start, Some(r), &link.target, message));
    }
    if let Some((c, offset)) = first_shared {
        let examples: Vec<&str> = shared.iter().take(3).map(String::as_str).collect();
        let more = if shared.len() > 3 { ", …" } else { "" };
        let message = format!(
            "{} relative link target(s) are missing in every locale that links them — probably outside the opened folder: {}{more}",
            shared.len(),
            examples.join(", ")
        );
        let mut d = ctx.draft(CheckId::LinkMissingFile, c, offset, None, "outside", message);
        d.shared = true;
        out.push(d);
    }
}

/// `#fragment`s that name no anchor of the page they lead to.
fn anchors(ctx: &DocContext<'_>, table: &LinkTable<'_>, out: &mut Vec<Draft>) {
    for (r, c, link, res) in table.iter() {
        let path = match res {
            Resolved::Found(p) => p.as_str(),
            Resolved::SameFile => ctx.files[c].rel.as_str(),
            _ => continue,
        };
        let Some(fragment) = link.target.split_once('#').map(|(_, f)| percent_decode(f)) else { continue };
        if fragment.is_empty() || fragment.contains(['{', ':', '=']) {
            continue; // templated, a text fragment, or a query-like id no page declares
        }
        let Some(target) = ctx.corpus.file(path) else { continue };
        if target.skeleton.anchors.iter().any(|a| a.eq_ignore_ascii_case(&fragment)) {
            continue;
        }
        let where_ = if path == ctx.files[c].rel { "this file".to_owned() } else { path.to_owned() };
        let message = format!("#{fragment} is not an anchor in {where_} (link `{}`)", link.target);
        out.push(ctx.draft(CheckId::LinkMissingAnchor, c, link.range.start, Some(r), &link.target, message));
    }
}

/// One malformation found in a block: what it is about (for sharing) and where.
struct Malformed {
    subject: String,
    offset: usize,
    message: String,
}

fn malformed_row(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    for &(c, b) in ctx.cells(r) {
        for m in malformed_in_block(ctx, c, b) {
            out.push(ctx.draft(CheckId::LinkMalformed, c, m.offset, Some(r), &m.subject, m.message));
        }
    }
}

/// Languages whose words stand apart and take no suffixes on a link (`[Tracer](…)s` is fine in English
/// only as a plural; Korean, Japanese, Turkish, Finnish… attach words by design).
const SPACED_LANGUAGES: &[&str] = &[
    "en", "de", "fr", "es", "it", "pt", "nl", "ru", "uk", "pl", "cs", "sk", "sv", "da", "nb", "nn", "no", "ro", "ca",
    "el", "bg", "sr", "hr", "sl", "lt", "lv", "id", "ms", "vi",
];

/// Broken link or emphasis markup in one block's prose (code and well-formed links masked out).
fn malformed_in_block(ctx: &DocContext<'_>, c: usize, b: &Block) -> Vec<Malformed> {
    if matches!(b.kind, BlockKind::Code | BlockKind::Html | BlockKind::Markup) {
        return Vec::new();
    }
    let file = ctx.files[c];
    let source = &file.text[b.range.clone()];
    // Masking copies the block: only when its source could hold one of the broken patterns.
    let masked = if source.contains("] (") || source.contains("http") { masked_prose(file, b) } else { String::new() };
    let mut out = spaced_links(&masked, b.range.start);
    out.extend(bare_urls_in_parentheses(&masked, b.range.start));
    if let Some(offset) = b.unclosed_strong.filter(|_| ctx.corpus.site.dialect.commonmark_emphasis()) {
        out.push(Malformed {
            subject: "strong".to_owned(),
            offset,
            message: "`**` is not closed: CommonMark does not end strong emphasis before a letter after punctuation (add a space or move the `**`)".to_owned(),
        });
    }
    out.extend(glued_links(ctx, c, b));
    out
}

/// `[text] (url)`: a space between `]` and `(` leaves the link as text.
fn spaced_links(masked: &str, base: usize) -> Vec<Malformed> {
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
                offset: base + line_start + open,
                message: format!("`{text}` is not a link: remove the space between `]` and `(`"),
            });
        }
    }
    out
}

/// `( https://…)` or `https://…))`: a URL whose link markup was lost.
fn bare_urls_in_parentheses(masked: &str, base: usize) -> Vec<Malformed> {
    let mut out = Vec::new();
    for (i, url) in bare_urls(masked) {
        let url = url.trim_end_matches(')');
        let before = masked[..i].trim_end_matches([' ', '\t']);
        let after_url = &masked[i + url.len()..];
        let spaced_open = before.ends_with('(') && before.len() < masked[..i].len();
        let double_close =
            after_url.starts_with(')') && after_url[1..].trim_start_matches([' ', '\t']).starts_with(')');
        if spaced_open || double_close {
            out.push(Malformed {
                subject: format!("bare:{url}"),
                offset: base + before.len().saturating_sub(1),
                message: format!(
                    "bare URL {url} in broken parentheses: the link markup was lost (write `[text]({url})`)"
                ),
            });
        }
    }
    out
}

/// `[text](url)word`: a word glued to a link. A typo in languages whose words stand apart and take no
/// suffixes; elsewhere (Turkish, Korean, Finnish, Hindi…) a suffix or particle attaches by design, so there
/// only what cannot be one counts: a capitalised word, a long word, or a word the file also writes on its
/// own.
fn glued_links(ctx: &DocContext<'_>, c: usize, b: &Block) -> Vec<Malformed> {
    let file = ctx.files[c];
    if !file.locale.uses_spaces() || ctx.is_source(c) {
        return Vec::new();
    }
    let spaced_language = SPACED_LANGUAGES.contains(&file.locale.language());
    let stands_alone = |word: &str| {
        file.text.match_indices(word).any(|(i, _)| {
            let before = file.text[..i].chars().next_back();
            let after = file.text[i + word.len()..].chars().next();
            before.is_some_and(char::is_whitespace) && !after.is_some_and(char::is_alphanumeric)
        })
    };
    let mut out = Vec::new();
    for l in b.links.iter().filter(|l| l.inline) {
        let word: String = file.text[l.range.end..].chars().take_while(|c| c.is_alphanumeric()).collect();
        let letters = word.chars().count();
        if letters < 3 || !word.chars().all(char::is_alphabetic) {
            continue;
        }
        let not_a_suffix = word.starts_with(char::is_uppercase) || letters >= 6 || stands_alone(&word);
        if spaced_language || not_a_suffix {
            out.push(Malformed {
                subject: format!("glued:{}", l.target),
                offset: l.range.end,
                message: format!("no space between the link `({})` and `{word}`", l.target),
            });
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

/// Links of a translation that lead elsewhere than the reference's: reported when the translation has as
/// many links and some of its targets are none of the reference's (a replaced target); localized
/// equivalents (`/de/…`, `de.wikipedia.org`) are the same target.
fn target_differs(ctx: &DocContext<'_>, table: &LinkTable<'_>, r: usize, out: &mut Vec<Draft>) {
    let per_col: Vec<(usize, Vec<String>)> =
        ctx.cells(r).iter().map(|&(c, _)| (c, table.identities(ctx, r, c))).collect();
    let Some(expected) = ctx.reference_among(&per_col) else { return };
    if expected.is_empty() {
        return;
    }
    let mut counts: HashMap<&str, isize> = HashMap::new();
    for e in &expected {
        *counts.entry(e.as_str()).or_default() += 1;
    }
    for (c, got) in &per_col {
        if got.len() != expected.len() || *got == expected {
            continue; // a different count is structure.count's finding
        }
        let mut left = counts.clone();
        let mut unexpected: Vec<&String> = Vec::new();
        for g in got {
            match left.get_mut(g.as_str()) {
                Some(n) if *n > 0 => *n -= 1,
                _ => unexpected.push(g),
            }
        }
        let lacking: Vec<&str> = left.iter().filter(|(_, n)| **n > 0).map(|(k, _)| *k).collect();
        if unexpected.is_empty() || lacking.is_empty() {
            continue;
        }
        let Some(b) = ctx.block(r, *c) else { continue };
        let link =
            b.links.iter().find(|l| comparable(&l.target) == *unexpected[0] || unexpected[0].starts_with("document:"));
        // A link to nothing, where the reference's resolves, is link.missing-file's finding.
        let broken = table.rows[r].iter().find(|(col, _)| col == c).is_some_and(|(_, links)| {
            links.iter().any(|(l, res)| matches!(res, Resolved::Missing(_)) && comparable(&l.target) == *unexpected[0])
        });
        let others_resolve = table.rows[r].iter().filter(|(col, _)| col != c).any(|(_, links)| {
            links.iter().any(|(_, res)| matches!(res, Resolved::Found(_) | Resolved::Fallback { .. }))
        });
        if broken && others_resolve {
            continue;
        }
        let agree: Vec<bool> =
            (0..ctx.files.len()).map(|col| per_col.iter().any(|(pc, t)| *pc == col && *t == expected)).collect();
        let message = format!(
            "links to {} where {} {} {}",
            show(&unexpected.iter().map(|s| s.as_str()).collect::<Vec<_>>()),
            ctx.reference_name(r),
            ctx.conjugate(r, "links to", "link to"),
            show(&lacking)
        );
        let offset = link.map_or(b.range.start, |l| l.range.start);
        let d = ctx.draft(CheckId::LinkTargetDiffers, *c, offset, Some(r), unexpected[0], message);
        out.push(super::structure::drift_noted(d, ctx.revisions.is_drift(&agree, *c)));
    }
}

/// Targets as messages name them (a loaded document by its name), at most three.
fn show(items: &[&str]) -> String {
    let mut shown: Vec<String> = items
        .iter()
        .take(3)
        .map(|s| s.strip_prefix("document:").map_or_else(|| format!("`{s}`"), |d| format!("the document `{d}`")))
        .collect();
    if items.len() > 3 {
        shown.push(format!("and {} more", items.len() - 3));
    }
    shown.join(", ")
}
