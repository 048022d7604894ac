//! `synoptic status` output: a per-locale table and the translations that need work, most behind first
//! (`human`), or one JSON object (`json`, schema in the README).

use crate::status::{Entry, HistoryInfo, State, StatusReport};
use crate::util::escape::{visible, visible_lines};
use serde_json::json;
use std::collections::BTreeMap;
use std::fmt::Write;

/// Output formats of `synoptic status`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum StatusFormat {
    /// A table per locale, then the files that need work.
    Human,
    /// One JSON object.
    Json,
}

/// The human report. `diffs` holds, by entry index, the source's unified diff since the translation's
/// revision (empty unless asked for).
pub fn human(root: &str, report: &StatusReport, diffs: &BTreeMap<usize, String>) -> String {
    let mut out = String::new();
    let source = report.source.as_deref().unwrap_or("none");
    let _ = writeln!(
        out,
        "Translation status of {} (source {}; {})",
        visible(root),
        visible(source),
        visible(&history_line(&report.history))
    );
    out.push('\n');
    let header = ["locale", "up to date", "behind", "unknown", "missing", "orphan", "total"];
    let rows: Vec<Vec<String>> = report
        .counts()
        .iter()
        .map(|c| {
            let n = [c.up_to_date, c.behind, c.unknown, c.missing, c.orphan, c.total];
            std::iter::once(visible(&c.locale).into_owned()).chain(n.iter().map(ToString::to_string)).collect()
        })
        .collect();
    let widths: Vec<usize> = (0..header.len())
        .map(|i| rows.iter().map(|r| r[i].len()).chain([header[i].len()]).max().unwrap_or(0))
        .collect();
    let line = |cells: Vec<String>| {
        let mut l = format!("{:<w$}", cells[0], w = widths[0]);
        for (c, w) in cells.iter().zip(&widths).skip(1) {
            let _ = write!(l, "  {c:>w$}");
        }
        l
    };
    let _ = writeln!(out, "{}", line(header.iter().map(|h| (*h).to_owned()).collect()));
    for r in rows {
        let _ = writeln!(out, "{}", line(r));
    }
    let work: Vec<(usize, &Entry)> =
        report.entries.iter().enumerate().filter(|(_, e)| e.status != State::UpToDate).collect();
    if work.is_empty() {
        out.push_str("\nEvery translation is up to date.\n");
        return out;
    }
    out.push_str("\nNeeds work (most behind first):\n");
    for (_, e) in &work {
        let _ = writeln!(out, "  {}", visible(&entry_line(e)));
    }
    for (i, e) in work {
        if let Some(diff) = diffs.get(&i) {
            let file = visible(e.file.as_deref().unwrap_or(""));
            let _ = writeln!(out, "\nSource changes since {file}'s revision:\n{}", visible_lines(diff));
        }
    }
    out
}

fn history_line(history: &HistoryInfo) -> String {
    match history {
        HistoryInfo::Git { commits, shallow: true, .. } => format!("git history: {commits} commits, shallow clone"),
        HistoryInfo::Git { commits, .. } => format!("git history: {commits} commits"),
        HistoryInfo::None { reason } => format!("no git history: {reason}; front-matter evidence only"),
        HistoryInfo::NotComputed => "not computed".to_owned(),
    }
}

/// `de/guide.md [de]: behind 2 source commits since 2024-03-02 (translated from …)`.
fn entry_line(e: &Entry) -> String {
    let what = match &e.file {
        Some(f) => f.clone(),
        None => format!("{} (no file)", e.source_file.as_deref().unwrap_or(&e.document)),
    };
    let mut line = format!("{what} [{}]: {}", e.locale, e.summary());
    if e.status == State::Behind
        && let Some(b) = e.base.as_ref().filter(|_| !e.commits.is_empty())
    {
        let _ = write!(line, "; translated from {}, {}", b.commit.short(), b.from);
    }
    line
}

/// The JSON report.
pub fn json(root: &str, report: &StatusReport, diffs: &BTreeMap<usize, String>) -> String {
    let mut counts = report.counts();
    let totals = counts.pop();
    let files: Vec<serde_json::Value> = report
        .entries
        .iter()
        .enumerate()
        .map(|(i, e)| {
            json!({
                "document": e.document,
                "locale": e.locale,
                "file": e.file,
                "source_file": e.source_file,
                "status": e.status,
                "behind": (e.status == State::Behind && !e.commits.is_empty()).then_some(e.commits.len()),
                "at_least": e.at_least,
                "since": e.commits.last().map(|c| c.date.clone()),
                "base": e.base,
                "commits": e.commits,
                "detail": e.detail,
                "source_diff": diffs.get(&i),
            })
        })
        .collect();
    let value = json!({
        "schema_version": 1,
        "root": root,
        "source": report.source,
        "history": report.history,
        "locales": counts,
        "totals": totals,
        "files": files,
    });
    let mut text = serde_json::to_string_pretty(&value).unwrap_or_default();
    text.push('\n');
    text
}
