//! The SARIF 2.1.0 report, so code-scanning tools can show findings: one rule per finding id, one result
//! per finding with its file region and fingerprint.

use crate::checks::{CheckId, Severity};
use crate::review::Review;
use serde_json::{Value, json};

/// Render the SARIF report.
pub fn render(review: &Review) -> String {
    let mut text = serde_json::to_string_pretty(&value(review)).unwrap_or_default();
    text.push('\n');
    text
}

fn level(s: Severity) -> &'static str {
    match s {
        Severity::Error => "error",
        Severity::Warning => "warning",
        Severity::Info => "note",
    }
}

/// Percent-encode a relative path for a SARIF `uri`.
fn uri(path: &str) -> String {
    let mut out = String::new();
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The SARIF log as a value.
pub fn value(review: &Review) -> Value {
    let rules: Vec<Value> = CheckId::ALL
        .iter()
        .map(|c| json!({"id": c.as_str(), "shortDescription": {"text": c.doc()}, "defaultConfiguration": {"level": level(c.default_severity())}}))
        .collect();
    let results: Vec<Value> = review
        .findings
        .iter()
        .map(|f| {
            let rule_index = CheckId::ALL.iter().position(|c| *c == f.id).unwrap_or(0);
            json!({
                "ruleId": f.id,
                "ruleIndex": rule_index,
                "level": level(f.severity),
                "message": {"text": f.message},
                "locations": [{"physicalLocation": {
                    "artifactLocation": {"uri": uri(&f.file), "uriBaseId": "ROOT"},
                    "region": {"startLine": f.line.max(1), "startColumn": f.column.max(1)}
                }}],
                "partialFingerprints": {"synoptic/v1": f.fingerprint},
                "properties": {"document": f.document, "locale": f.locale, "row": f.row}
            })
        })
        .collect();
    let root = std::fs::canonicalize(&review.corpus.root).unwrap_or_else(|_| review.corpus.root.clone());
    let mut root_uri = format!("file://{}", uri(&root.display().to_string()));
    if !root_uri.ends_with('/') {
        root_uri.push('/');
    }
    json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "synoptic", "version": env!("CARGO_PKG_VERSION"), "rules": rules}},
            "columnKind": "unicodeCodePoints",
            "originalUriBaseIds": {"ROOT": {"uri": root_uri}},
            "results": results
        }]
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_are_percent_encoded() {
        assert_eq!(uri("de/mein file.md"), "de/mein%20file.md");
        assert_eq!(uri("ru/ф.md"), "ru/%D1%84.md");
    }
}
