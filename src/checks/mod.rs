//! Findings and the checks that produce them: one file per id prefix (`input`, `structure`, `code`,
//! `link`, `term/`, `meta`), ids in one typed registry ([`registry`]).
//!
//! A check looks at one aligned document and returns drafts; [`check_document`] then applies the rules
//! that keep findings worth a reviewer's time, the same for every check:
//! - the source is never blamed for a translation's problem (comparisons are reported on translations);
//! - a problem every translation shares is one finding, as `info`, on the source (locale `*`);
//! - at most one finding per check, row and locale (more are summed up in its message), and no duplicates.
//!
//! Every finding has a stable id, a severity (configurable per id), a location (document, locale, file,
//! line, column, aligned row) and a fingerprint built from what it is about rather than where it stands,
//! so a "false positive" mark survives unrelated edits.

pub mod code;
pub mod context;
pub mod input;
pub mod link;
pub mod meta;
pub mod registry;
pub mod structure;
pub mod term;

pub use context::{DocContext, Draft};
pub use registry::{CheckId, Family, Severity};

use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};

pub use crate::util::hash::{fingerprint, majority};

/// One problem, where it is.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Finding {
    /// The check id, e.g. `link.missing-anchor`.
    pub id: CheckId,
    /// How serious.
    pub severity: Severity,
    /// The document name.
    pub document: String,
    /// The locale, or `*` for a finding shared by every locale.
    pub locale: String,
    /// The file, relative to the opened folder.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// 1-based column (characters).
    pub column: usize,
    /// What is wrong, in words a reviewer can act on.
    pub message: String,
    /// The aligned row, when the finding belongs to one.
    pub row: Option<usize>,
    /// A stable hash of the id, document, locale and subject (not the position).
    pub fingerprint: String,
}

/// The locale of a finding every locale shares.
pub const ALL_LOCALES: &str = "*";
/// The most findings of one check, row and locale named in one message.
const MAX_GROUPED: usize = 3;

/// Run every check over one document.
pub fn check_document(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut drafts = link::check(ctx);
    if ctx.compare {
        drafts.extend(structure::check(ctx));
        drafts.extend(code::check(ctx));
        drafts.extend(term::check(ctx));
        drafts.extend(meta::check(ctx));
    }
    finish(ctx, drafts)
}

/// Turn a document's drafts into findings: share, group, deduplicate, place, fingerprint.
fn finish(ctx: &DocContext<'_>, drafts: Vec<Draft>) -> Vec<Finding> {
    let (shared, own) = share(ctx, drafts);
    let mut out: Vec<Finding> = shared.into_iter().map(|d| finding(ctx, &d, true)).collect();
    out.extend(group(own).into_iter().map(|d| finding(ctx, &d, false)));
    out
}

/// Split off problems every translation shares: one draft each, placed on the source's block when the row
/// has one. Drafts on the source column itself are kept only for checks of the source's own text (links).
fn share(ctx: &DocContext<'_>, drafts: Vec<Draft>) -> (Vec<Draft>, Vec<Draft>) {
    let translations: Vec<usize> = (0..ctx.files.len()).filter(|&c| !ctx.is_source(c)).collect();
    let mut by_problem: HashMap<(CheckId, Option<usize>, &str), HashSet<usize>> = HashMap::new();
    for d in drafts.iter().filter(|d| !d.shared) {
        by_problem.entry((d.id, d.row, d.subject.as_str())).or_default().insert(d.col);
    }
    let everywhere: HashSet<(CheckId, Option<usize>, String)> = by_problem
        .into_iter()
        .filter(|(_, cols)| translations.len() >= 2 && translations.iter().all(|c| cols.contains(c)))
        .map(|((id, row, subject), _)| (id, row, subject.to_owned()))
        .collect();
    let mut shared: Vec<Draft> = Vec::new();
    let mut own = Vec::new();
    let mut done: HashSet<(CheckId, Option<usize>, String)> = HashSet::new();
    for mut d in drafts {
        let key = (d.id, d.row, d.subject.clone());
        if d.shared {
            d.severity = Some(Severity::Info);
            shared.push(d);
        } else if everywhere.contains(&key) {
            if done.insert(key) {
                shared.push(shared_draft(ctx, d));
            }
        } else if ctx.is_source(d.col) && d.id.family() != Family::Link {
            continue; // a comparison never blames the source
        } else {
            own.push(d);
        }
    }
    (shared, own)
}

fn shared_draft(ctx: &DocContext<'_>, mut d: Draft) -> Draft {
    if let Some((s, b)) = ctx.source.zip(d.row).and_then(|(s, r)| ctx.block(r, s).map(|b| (s, b))) {
        d.col = s;
        d.offset = b.range.start;
    }
    d.message = format!("in every translation: {}", d.message);
    d.severity = Some(Severity::Info);
    d
}

/// At most one draft per check, row and column: the first, naming the others; exact duplicates dropped.
fn group(drafts: Vec<Draft>) -> Vec<Draft> {
    let mut seen: HashSet<(CheckId, usize, usize, String)> = HashSet::new();
    let mut slots: BTreeMap<(usize, Option<usize>, CheckId), usize> = BTreeMap::new();
    let mut out: Vec<Draft> = Vec::new();
    let mut extra: Vec<Vec<String>> = Vec::new();
    for d in drafts {
        if !seen.insert((d.id, d.col, d.offset, d.message.clone())) {
            continue;
        }
        match d.row.and_then(|r| slots.get(&(d.col, Some(r), d.id)).copied()) {
            Some(i) => extra[i].push(d.message),
            None => {
                if d.row.is_some() {
                    slots.insert((d.col, d.row, d.id), out.len());
                }
                out.push(d);
                extra.push(Vec::new());
            }
        }
    }
    for (d, more) in out.iter_mut().zip(extra) {
        if more.is_empty() {
            continue;
        }
        let shown: Vec<&str> = more.iter().take(MAX_GROUPED).map(String::as_str).collect();
        d.message.push_str(&format!("; also: {}", shown.join("; ")));
        if more.len() > MAX_GROUPED {
            d.message.push_str(&format!("; and {} more", more.len() - MAX_GROUPED));
        }
    }
    out
}

fn finding(ctx: &DocContext<'_>, d: &Draft, shared: bool) -> Finding {
    let file = ctx.files[d.col];
    let (line, column) = file.lines.line_col(&file.text, d.offset);
    let locale = if shared { ALL_LOCALES.to_owned() } else { ctx.locale(d.col) };
    let row_key = d.row.and_then(|r| ctx.row_keys.get(r)).map_or("", String::as_str);
    Finding {
        id: d.id,
        severity: d.severity.unwrap_or_else(|| d.id.default_severity()),
        document: ctx.doc.name.clone(),
        fingerprint: fingerprint(&[d.id.as_str(), &ctx.doc.name, &locale, row_key, &d.subject]),
        locale,
        file: file.rel.clone(),
        line,
        column,
        message: d.message.clone(),
        row: d.row,
    }
}

/// Counts of findings per locale and id (for summaries).
pub fn summarize(findings: &[Finding]) -> BTreeMap<String, BTreeMap<CheckId, usize>> {
    let mut out: BTreeMap<String, BTreeMap<CheckId, usize>> = BTreeMap::new();
    for f in findings {
        *out.entry(f.locale.clone()).or_default().entry(f.id).or_default() += 1;
    }
    out
}
