//! HTML export: one self-contained page (inline style, no scripts, nothing fetched) with the scorecard
//! and, per locale, a table of its notes.

use super::{Export, NoteRow, SCORECARD_COLUMNS, format_score, locales, rows_for};
use crate::scorecard::Verdict;
use std::fmt::Write;

/// The page.
pub fn render(export: &Export) -> String {
    let mut page = String::new();
    let title = format!("Synoptic review — {}", export.folder);
    let _ = write!(
        page,
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>{}</title>\n<style>{STYLE}</style>\n</head>\n<body>\n<h1>{}</h1>\n<p class=\"meta\">Generated {} · {} notes · pass threshold {}</p>\n",
        escape(&title),
        escape(&title),
        escape(&export.generated),
        export.notes.len(),
        format_score(export.scoring.threshold),
    );
    scorecard_html(&mut page, export);
    for locale in locales(export) {
        let rows: Vec<&NoteRow> = rows_for(export, &locale).collect();
        let _ =
            writeln!(page, "<h2 id=\"locale-{0}\">{0} <small>({1} notes)</small></h2>", escape(&locale), rows.len());
        if rows.is_empty() {
            page.push_str("<p class=\"meta\">No notes.</p>\n");
            continue;
        }
        notes_html(&mut page, &rows, &locale);
    }
    page.push_str("</body>\n</html>\n");
    page
}

const STYLE: &str = "body{font-family:system-ui,sans-serif;margin:2em;color:#222}table{border-collapse:collapse;margin-bottom:2em;width:100%}th,td{border:1px solid #ccc;padding:4px 8px;vertical-align:top;text-align:left}th{background:#f0f0f0}.pass{color:#176317;font-weight:bold}.fail{color:#a11;font-weight:bold}.meta{color:#666}.num{text-align:right}.outdated{color:#a60}blockquote{margin:0;color:#555;font-size:90%}";

fn scorecard_html(page: &mut String, export: &Export) {
    let _ = writeln!(page, "<h2>MQM scorecard</h2>\n<p class=\"meta\">{}</p>\n<table>", escape(super::SCOPE));
    page.push_str("<tr>");
    for title in SCORECARD_COLUMNS {
        let _ = write!(page, "<th>{title}</th>");
    }
    page.push_str("</tr>\n");
    for s in &export.scorecard {
        let cells = super::scorecard_cells(s);
        let _ = write!(page, "<tr><td><a href=\"#locale-{0}\">{0}</a></td>", escape(&cells[0]));
        for cell in &cells[1..cells.len() - 1] {
            let _ = write!(page, "<td class=\"num\">{}</td>", escape(cell));
        }
        let class = match s.verdict {
            Verdict::Pass => "pass",
            Verdict::Fail => "fail",
            Verdict::NotReviewed => "meta",
        };
        let _ = writeln!(page, "<td class=\"{class}\">{}</td></tr>", escape(s.verdict.label()));
    }
    page.push_str("</table>\n");
}

fn notes_html(page: &mut String, rows: &[&NoteRow], locale: &str) {
    let translation = text_attrs(locale);
    page.push_str("<table>\n<tr><th>document</th><th>where</th><th>reference</th><th>translation</th><th>category</th><th>severity</th><th>status</th><th>note</th><th>author</th><th>date</th></tr>\n");
    for r in rows {
        let place = match r.line {
            Some(line) => format!("{}:{line}", r.file),
            None => r.file.clone(),
        };
        let outdated = if r.outdated { "<br><span class=\"outdated\">outdated: the text changed</span>" } else { "" };
        let quote =
            if r.quote.is_empty() { String::new() } else { format!("<blockquote>{}</blockquote>", escape(&r.quote)) };
        let _ = writeln!(
            page,
            "<tr><td>{}</td><td>{}<br><small>{}</small>{outdated}</td><td dir=\"auto\">{}</td><td{translation}>{}</td><td>{}</td><td>{}</td><td>{}</td><td dir=\"auto\">{}{quote}</td><td>{}</td><td>{}</td></tr>",
            escape(&r.document),
            escape(&place),
            escape(&r.section),
            escape(&r.reference_text),
            escape(&r.translated_text),
            escape(&r.category),
            escape(&r.severity),
            escape(&r.status),
            escape(&r.note).replace('\n', "<br>"),
            escape(&r.author),
            escape(&r.date),
        );
    }
    page.push_str("</table>\n");
}

/// ` lang="…" dir="…"` for text in `locale` (right to left for Arabic, Hebrew, Persian, Urdu, …), so a
/// browser lays it out and aligns it as that language.
fn text_attrs(locale: &str) -> String {
    let dir = if crate::locale::is_right_to_left(locale) { "rtl" } else { "ltr" };
    format!(" lang=\"{}\" dir=\"{dir}\"", escape(locale))
}

/// Escape text for HTML content and attribute values.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn translations_carry_their_language_and_direction() {
        assert_eq!(super::text_attrs("ar-EG"), " lang=\"ar-EG\" dir=\"rtl\"");
        assert_eq!(super::text_attrs("he"), " lang=\"he\" dir=\"rtl\"");
        assert_eq!(super::text_attrs("de"), " lang=\"de\" dir=\"ltr\"");
    }

    #[test]
    fn escapes_markup() {
        assert_eq!(
            super::escape("<script>\"a\" & 'b'</script>"),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
    }
}
