//! The JSON report (schema in the README): documents with their files, every finding, and a summary.

use super::Suppressed;
use crate::checks::{self, Severity};
use crate::corpus::skips::SkipCounts;
use crate::review::Review;
use serde_json::{Value, json};
use std::collections::BTreeMap;

/// Version of the JSON report's shape.
pub const SCHEMA_VERSION: u32 = 1;

/// Render the JSON report.
pub fn render(review: &Review, suppressed: &Suppressed) -> String {
    let mut text = serde_json::to_string_pretty(&value(review, suppressed)).unwrap_or_default();
    text.push('\n');
    text
}

/// The JSON report as a value.
pub fn value(review: &Review, suppressed: &Suppressed) -> Value {
    let corpus = &review.corpus;
    let documents: Vec<Value> = review
        .documents
        .iter()
        .map(|d| {
            let doc = &corpus.documents[d.index];
            let files: Vec<Value> = corpus
                .document_files(doc)
                .map(|f| json!({"file": f.rel, "locale": f.locale, "locale_from": f.locale_origin.to_string(), "encoding": f.encoding}))
                .collect();
            let source = doc.source.map(|s| corpus.files[s].locale.to_string());
            json!({"name": doc.name, "source": source, "files": files, "rows": d.alignment.rows.len()})
        })
        .collect();
    let mut by_severity: BTreeMap<&str, usize> = BTreeMap::new();
    for s in [Severity::Error, Severity::Warning, Severity::Info] {
        by_severity.insert(s.as_str(), review.findings.iter().filter(|f| f.severity == s).count());
    }
    let skipped: Vec<Value> = corpus.skipped.iter().map(|(f, why)| json!({"file": f, "reason": why})).collect();
    let left_out: Vec<Value> = suppressed
        .findings
        .iter()
        .zip(suppressed.reasons.iter().map(String::as_str).chain(std::iter::repeat("")))
        .map(|(f, reason)| {
            json!({"id": f.id, "document": f.document, "locale": f.locale, "file": f.file, "line": f.line,
                   "fingerprint": f.fingerprint, "message": f.message, "reason": reason})
        })
        .collect();
    json!({
        "schema_version": SCHEMA_VERSION,
        "root": corpus.root.display().to_string(),
        "source": review.source,
        "documents": documents,
        "findings": review.findings,
        "skipped": skipped,
        "suppressed": left_out,
        "summary": {
            "total": review.findings.len(),
            "suppressed": suppressed.findings.len(),
            "unmatched_suppressions": suppressed.unmatched,
            "by_severity": by_severity,
            "by_locale": checks::summarize(&review.findings),
            "skipped_by_reason": SkipCounts::of(corpus).by_key(),
        }
    })
}
