//! Findings and the checks that produce them: one file per family (`structure`, `code`, `links`,
//! `terms`, `staleness`), each a function from one aligned document to findings.
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

pub use context::DocContext;
pub use registry::{CheckId, Family, Severity};

use serde::Serialize;
use std::collections::BTreeMap;

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

pub use crate::util::hash::{fingerprint, majority};

/// Run every check over one document.
pub fn check_document(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    out.extend(structure::check(ctx));
    out.extend(code::check(ctx));
    out.extend(link::check(ctx));
    out.extend(term::check(ctx));
    out
}

/// Counts of findings per locale and id (for summaries).
pub fn summarize(findings: &[Finding]) -> BTreeMap<String, BTreeMap<CheckId, usize>> {
    let mut out: BTreeMap<String, BTreeMap<CheckId, usize>> = BTreeMap::new();
    for f in findings {
        *out.entry(f.locale.clone()).or_default().entry(f.id).or_default() += 1;
    }
    out
}
