//! XLSX export: a "Summary" sheet with the scorecard, then one sheet per locale with its notes (the
//! all-locale notes on every locale's sheet), header rows bold and frozen.

use super::{COLUMNS, Export, SCORECARD_COLUMNS, format_score, locales, rows_for};
use rust_xlsxwriter::{Format, Workbook, Worksheet, XlsxError};

/// The workbook's bytes.
pub fn render(export: &Export) -> Result<Vec<u8>, String> {
    build(export).map_err(|e| e.to_string())
}

fn build(export: &Export) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let bold = Format::new().set_bold();
    let summary = book.add_worksheet();
    summary.set_name("Summary")?;
    summary_sheet(summary, export, &bold)?;
    let mut used: Vec<String> = vec!["summary".into()];
    for locale in locales(export) {
        let sheet = book.add_worksheet();
        sheet.set_name(sheet_name(&locale, &mut used))?;
        sheet.write_row_with_format(0, 0, COLUMNS, &bold)?;
        sheet.set_freeze_panes(1, 0)?;
        for (i, row) in rows_for(export, &locale).enumerate() {
            let r = i as u32 + 1;
            for (c, value) in row.cells().iter().enumerate() {
                if c == 3
                    && let Some(line) = row.line
                {
                    sheet.write_number(r, c as u16, line as f64)?;
                } else {
                    sheet.write_string(r, c as u16, fit_cell(value))?;
                }
            }
        }
        for (c, width) in [18, 8, 28, 6, 24, 50, 50, 24, 9, 10, 50, 14, 11].into_iter().enumerate() {
            sheet.set_column_width(c as u16, width)?;
        }
    }
    book.save_to_buffer()
}

fn summary_sheet(sheet: &mut Worksheet, export: &Export, bold: &Format) -> Result<(), XlsxError> {
    sheet.write_string_with_format(0, 0, "Synoptic review", bold)?;
    sheet.write_string(1, 0, "folder")?;
    sheet.write_string(1, 1, &export.folder)?;
    sheet.write_string(2, 0, "generated")?;
    sheet.write_string(2, 1, &export.generated)?;
    sheet.write_string(3, 0, "pass threshold")?;
    sheet.write_number(3, 1, export.scoring.threshold)?;
    sheet.write_string(4, 0, super::SCOPE)?;
    sheet.write_row_with_format(5, 0, SCORECARD_COLUMNS, bold)?;
    for (i, s) in export.scorecard.iter().enumerate() {
        let r = 6 + i as u32;
        sheet.write_string(r, 0, &s.locale)?;
        let numbers = [
            s.documents as f64,
            s.words as f64,
            s.total_words as f64,
            s.notes[0] as f64,
            s.notes[1] as f64,
            s.notes[2] as f64,
            s.notes[3] as f64,
            s.penalty,
        ];
        for (c, n) in numbers.into_iter().enumerate() {
            sheet.write_number(r, c as u16 + 1, n)?;
        }
        for (c, value) in [(9, s.per_thousand_words), (10, s.score)] {
            if value.is_finite() {
                sheet.write_number(r, c, (value * 100.0).round() / 100.0)?;
            } else {
                sheet.write_string(r, c, format_score(value))?;
            }
        }
        sheet.write_string(r, 11, s.verdict.label())?;
    }
    sheet.set_column_width(0, 16)?;
    sheet.set_column_width(1, 12)?;
    Ok(())
}

/// A valid, unique sheet name for a locale: at most 31 characters, none of `[]:*?/\`.
pub(crate) fn sheet_name(locale: &str, used: &mut Vec<String>) -> String {
    let clean: String = locale.chars().filter(|c| !"[]:*?/\\'".contains(*c)).take(28).collect();
    let base = if clean.is_empty() { "locale".to_owned() } else { clean };
    let mut name = base.clone();
    let mut n = 2;
    while used.contains(&name.to_lowercase()) {
        name = format!("{base}-{n}");
        n += 1;
    }
    used.push(name.to_lowercase());
    name
}

/// Excel holds at most 32,767 characters in a cell: longer texts (a whole dump in one block) are cut,
/// and say so.
pub(crate) fn fit_cell(text: &str) -> String {
    const LIMIT: usize = 32_000;
    match text.char_indices().nth(LIMIT) {
        Some((cut, _)) => format!("{}… [cut: {} characters in all]", &text[..cut], text.chars().count()),
        None => text.to_owned(),
    }
}
