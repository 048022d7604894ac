//! CSV export: UTF-8 with a byte-order mark, so Excel reads the accents right; one header row and one
//! row per note, in [`super::COLUMNS`] order. The scorecard travels in the other formats.

use super::Export;

/// The CSV bytes.
pub fn render(export: &Export) -> Result<Vec<u8>, String> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = ::csv::Writer::from_writer(&mut out);
        writer.write_record(super::COLUMNS).map_err(|e| e.to_string())?;
        for row in &export.notes {
            writer.write_record(row.cells()).map_err(|e| e.to_string())?;
        }
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}
