//! The findings report as an Excel workbook: a "Summary" sheet (counts per locale and severity, and per
//! check), then one sheet per locale with its findings; header rows bold and frozen. Sheet names and
//! over-long cells are handled by the notes export's helpers.

use super::{COLUMNS, FindingsReport, locale_title};
use crate::export::xlsx::{fit_cell, sheet_name};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The title of the summary sheet.
pub const SUMMARY_SHEET: &str = "Summary";

/// The workbook's bytes.
pub fn render(report: &FindingsReport) -> Result<Vec<u8>, String> {
    build(report).map_err(|e| e.to_string())
}

fn build(report: &FindingsReport) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let summary = book.add_worksheet();
    summary.set_name(SUMMARY_SHEET)?;
    summary_sheet(summary, report, &bold)?;
    let mut used: Vec<String> = vec![SUMMARY_SHEET.to_lowercase()];
    for locale in report.locales() {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(locale_title(&locale), &mut used))?;
        sheet.write_row_with_format(0, 0, COLUMNS, &bold)?;
        sheet.set_freeze_panes(1, 0)?;
        for (i, row) in report.rows_of(&locale).enumerate() {
            let r = i as u32 + 1;
            for (c, value) in row.cells().iter().enumerate() {
                sheet.write_string(r, c as u16, fit_cell(value))?;
            }
        }
        for (c, width) in [18, 8, 30, 24, 9, 60, 50, 50, 16, 30].into_iter().enumerate() {
            sheet.set_column_width(c as u16, width)?;
        }
    }
    book.save_to_buffer()
}

fn summary_sheet(sheet: &mut Worksheet, report: &FindingsReport, bold: &Format) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "Synoptic findings", bold)?;
    let facts = [("folder", report.folder.as_str()), ("generated", report.generated.as_str())];
    for (i, (key, value)) in facts.into_iter().enumerate() {
        sheet.write_string(i as u32 + 1, 0, key)?;
        sheet.write_string(i as u32 + 1, 1, value)?;
    }
    sheet.write_string(3, 0, "source")?;
    sheet.write_string(3, 1, report.source.as_deref().unwrap_or("none (locales compared with their consensus)"))?;
    sheet.write_row_with_format(5, 0, ["locale", "errors", "warnings", "info", "false positives", "total"], bold)?;
    let mut r = 6;
    for c in report.counts() {
        sheet.write_string(r, 0, locale_title(&c.locale))?;
        let numbers = [c.by_severity[0], c.by_severity[1], c.by_severity[2], c.false_positives, c.total];
        for (k, n) in numbers.into_iter().enumerate() {
            sheet.write_number(r, k as u16 + 1, n as f64)?;
        }
        r += 1;
    }
    r += 1;
    sheet.write_row_with_format(r, 0, ["check", "findings"], bold)?;
    for (id, n) in report.counts_by_check() {
        r += 1;
        sheet.write_string(r, 0, id)?;
        sheet.write_number(r, 1, n as f64)?;
    }
    sheet.set_column_width(0, 28)?;
    sheet.set_column_width(1, 14)?;
    Ok(())
}
