//! The findings report as one self-contained HTML page (inline style, no scripts, nothing fetched):
//! counts per locale and per check, then a table per locale. Every text is escaped; each locale's section
//! and text cells carry `lang` and `dir` (right to left for Arabic, Hebrew, Persian, Urdu, …) so a browser
//! lays them out correctly offline.

use super::{FindingRow, FindingsReport, is_right_to_left, locale_title};
use crate::export::html::escape;
use std::fmt::Write;

/// The page.
pub fn render(report: &FindingsReport) -> String {
    let mut page = String::new();
    let title = format!("Synoptic findings — {}", report.folder);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\" dir=\"ltr\">\n<head>\n<meta charset=\"utf-8\">\n<title>{0}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{0}</h1>\n<p class=\"meta\">Generated {1} · {2} findings · source {3}</p>\n",
        escape(&title),
        escape(&report.generated),
        report.rows.len(),
        escape(report.source.as_deref().unwrap_or("none")),
    );
    summary_html(&mut page, report);
    let source_attrs = report.source.as_deref().map_or_else(String::new, text_attributes);
    for locale in report.locales() {
        let rows: Vec<&FindingRow> = report.rows_of(&locale).collect();
        let name = locale_title(&locale);
        let attrs = if locale == "*" || locale.is_empty() { String::new() } else { text_attributes(&locale) };
        let _ = writeln!(
            page,
            "<section{attrs}>\n<h2 id=\"locale-{0}\" dir=\"ltr\">{1} <small>({2} findings)</small></h2>",
            escape(&anchor(&locale)),
            escape(name),
            rows.len()
        );
        findings_html(&mut page, &rows, &source_attrs, &attrs);
        page.push_str("</section>\n");
    }
    page.push_str("</body>\n</html>\n");
    page
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:start}th{background:#f0f0f0}.meta{color:#666}.num{text-align:right}.error{color:#a11;font-weight:bold}.warning{color:#a60}.info{color:#666}.fp{color:#666;text-decoration:line-through}pre{white-space:pre-wrap;margin:0;font-family:inherit}";

/// ` lang="…" dir="…"` for a locale's text.
fn text_attributes(locale: &str) -> String {
    let dir = if is_right_to_left(locale) { "rtl" } else { "ltr" };
    format!(" lang=\"{}\" dir=\"{dir}\"", escape(locale))
}

/// A fragment id for a locale's section.
fn anchor(locale: &str) -> String {
    match locale {
        "*" => "all".to_owned(),
        "" => "none".to_owned(),
        l => l.to_owned(),
    }
}

fn summary_html(page: &mut String, report: &FindingsReport) {
    page.push_str("<h2>Summary</h2>\n<table>\n<tr><th>locale</th><th>errors</th><th>warnings</th><th>info</th><th>false positives</th><th>total</th></tr>\n");
    for c in report.counts() {
        let name = match c.locale.as_str() {
            "total" => "total".to_owned(),
            l => format!("<a href=\"#locale-{}\">{}</a>", escape(&anchor(l)), escape(locale_title(l))),
        };
        let _ = writeln!(
            page,
            "<tr><td>{name}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td></tr>",
            c.by_severity[0], c.by_severity[1], c.by_severity[2], c.false_positives, c.total
        );
    }
    page.push_str("</table>\n<table>\n<tr><th>check</th><th>findings</th></tr>\n");
    for (id, n) in report.counts_by_check() {
        let _ = writeln!(page, "<tr><td>{}</td><td class=\"num\">{n}</td></tr>", escape(id));
    }
    page.push_str("</table>\n");
}

fn findings_html(page: &mut String, rows: &[&FindingRow], source_attrs: &str, attrs: &str) {
    if rows.is_empty() {
        page.push_str("<p class=\"meta\">No findings.</p>\n");
        return;
    }
    page.push_str("<table dir=\"ltr\">\n<tr>");
    for title in super::COLUMNS.iter().filter(|c| !matches!(**c, "locale")) {
        let _ = write!(page, "<th>{}</th>", escape(title));
    }
    page.push_str("</tr>\n");
    for r in rows {
        let severity = r.severity.as_str();
        let class = if r.false_positive.is_empty() { "" } else { " class=\"fp\"" };
        let _ = writeln!(
            page,
            "<tr{class}><td>{}</td><td>{}</td><td>{}</td><td class=\"{severity}\">{severity}</td><td>{}</td><td{source_attrs}><pre>{}</pre></td><td{attrs}><pre>{}</pre></td><td>{}</td><td>{}</td></tr>",
            escape(&r.document),
            escape(&r.location()),
            escape(r.check),
            escape(&r.message),
            escape(&r.source_text),
            escape(&r.translation_text),
            escape(&r.review_state),
            escape(&r.false_positive),
        );
    }
    page.push_str("</table>\n");
}
