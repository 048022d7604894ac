//! The human report: findings grouped by document and locale as `file:line:col id message`, then a
//! table of counts per id and locale and a one-line total.

use super::Suppressed;
use crate::checks::{Finding, Severity};
use crate::corpus::skips::SkipCounts;
use crate::review::Review;
use crate::util::escape::visible;
use crate::util::plural;
use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write;

/// Render the human report (every name and message escaped for the terminal).
pub fn render(review: &Review, suppressed: &Suppressed) -> String {
    let mut out = String::new();
    let mut by_doc: BTreeMap<&str, BTreeMap<&str, Vec<&Finding>>> = BTreeMap::new();
    for f in &review.findings {
        by_doc.entry(f.document.as_str()).or_default().entry(f.locale.as_str()).or_default().push(f);
    }
    for (doc, by_locale) in &by_doc {
        let title = if doc.is_empty() { "(files in no document)" } else { doc };
        let _ = writeln!(out, "{}", visible(title));
        for (locale, findings) in by_locale {
            let name = match *locale {
                "*" => "all locales",
                "" => "-",
                l => l,
            };
            let _ = writeln!(out, "  {}", visible(name));
            for f in findings {
                let _ = writeln!(
                    out,
                    "    {}:{}:{} {} {}: {}",
                    visible(&f.file),
                    f.line,
                    f.column,
                    f.id,
                    f.severity.as_str(),
                    visible(&f.message)
                );
            }
        }
        out.push('\n');
    }
    skipped(review, &mut out);
    summary_table(review, &mut out);
    totals(review, &mut out);
    suppressed_line(suppressed, &mut out);
    out
}

/// The files skipped one by one with their reasons, then every file not reviewed counted by reason.
fn skipped(review: &Review, out: &mut String) {
    for (file, why) in &review.corpus.skipped {
        let _ = writeln!(out, "skipped {}: {}", visible(file), visible(why));
    }
    let counts = SkipCounts::of(&review.corpus);
    if counts.total() > 0 {
        let hint = if counts.ignored() > 0 { " (--no-ignore reads the ignored ones)" } else { "" };
        let _ = writeln!(out, "skipped: {}{hint}", counts.describe());
    }
    if !review.corpus.skipped.is_empty() || counts.total() > 0 {
        out.push('\n');
    }
}

/// How many findings the team marked as false positives, and marks that match nothing now.
fn suppressed_line(suppressed: &Suppressed, out: &mut String) {
    let n = suppressed.findings.len();
    if n == 0 && suppressed.unmatched == 0 {
        return;
    }
    let _ = write!(out, "{} suppressed as false positives (synoptic-notes.toml)", plural(n, "finding"));
    match suppressed.unmatched {
        0 => {}
        1 => out.push_str("; 1 mark matches no current finding"),
        k => {
            let _ = write!(out, "; {k} marks match no current finding");
        }
    }
    out.push('\n');
}

fn summary_table(review: &Review, out: &mut String) {
    if review.findings.is_empty() {
        return;
    }
    let locales: BTreeSet<String> =
        review.findings.iter().map(|f| visible(display_locale(&f.locale)).into_owned()).collect();
    let mut counts: BTreeMap<&str, BTreeMap<String, usize>> = BTreeMap::new();
    for f in &review.findings {
        *counts
            .entry(f.id.as_str())
            .or_default()
            .entry(visible(display_locale(&f.locale)).into_owned())
            .or_default() += 1;
    }
    let id_width = counts.keys().map(|k| k.len()).max().unwrap_or(2).max(2);
    let widths: Vec<usize> = locales.iter().map(|l| l.len().max(3)).collect();
    let _ = write!(out, "{:id_width$}", "id");
    for (l, w) in locales.iter().zip(&widths) {
        let _ = write!(out, "  {l:>w$}");
    }
    let _ = writeln!(out, "  {:>5}", "total");
    for (id, per) in &counts {
        let _ = write!(out, "{id:id_width$}");
        for (l, w) in locales.iter().zip(&widths) {
            let n = per.get(l).copied().unwrap_or(0);
            let cell = if n == 0 { ".".to_owned() } else { n.to_string() };
            let _ = write!(out, "  {cell:>w$}");
        }
        let _ = writeln!(out, "  {:>5}", per.values().sum::<usize>());
    }
    out.push('\n');
}

fn display_locale(l: &str) -> &str {
    match l {
        "*" => "all",
        "" => "-",
        l => l,
    }
}

fn totals(review: &Review, out: &mut String) {
    let count = |s: Severity| review.findings.iter().filter(|f| f.severity == s).count();
    let locales = review.corpus.locales().len();
    let _ = writeln!(
        out,
        "{} ({}, {}, {} info) in {}, {}, {}{}",
        plural(review.findings.len(), "finding"),
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        count(Severity::Info),
        plural(review.corpus.documents.len(), "document"),
        plural(review.corpus.files.len(), "file"),
        plural(locales, "locale"),
        review.source.as_ref().map_or_else(String::new, |s| format!("; source {}", visible(&s.to_string())))
    );
}
