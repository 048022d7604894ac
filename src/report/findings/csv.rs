//! The findings report as CSV: UTF-8 with a byte-order mark (Excel reads the accents right), a header row
//! and one row per finding in [`super::COLUMNS`] order. Cells a spreadsheet would run as a formula are
//! defused the way the notes export does it ([`crate::export::csv::inert`]).

use super::FindingsReport;
use crate::export::csv::inert;

/// The CSV bytes.
pub fn render(report: &FindingsReport) -> Result<Vec<u8>, String> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new().from_writer(&mut out);
        let err = |e: ::csv::Error| e.to_string();
        writer.write_record(super::COLUMNS).map_err(err)?;
        for row in &report.rows {
            writer.write_record(row.cells().iter().map(|c| inert(c))).map_err(err)?;
        }
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
