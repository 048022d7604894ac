//! CSV export: UTF-8 with a byte-order mark, so Excel reads the accents right; a header row and one row
//! per note in [`super::COLUMNS`] order; then, after an empty row, the MQM scorecard as a second table
//! (its first cell reads `MQM scorecard`), so that the scorecard travels in every export. A cell that a
//! spreadsheet would take for a formula (it starts with `=`, `+`, `-`, `@`, a tab or a carriage return)
//! gets a leading apostrophe, so a note or a vendor's text can never run as one.

use super::{Export, SCORECARD_COLUMNS, format_score};

/// The first cell of the row that opens the scorecard table.
pub const SCORECARD_TITLE: &str = "MQM scorecard";

/// The CSV bytes.
pub fn render(export: &Export) -> Result<Vec<u8>, String> {
    let mut out = b"\xEF\xBB\xBF".to_vec();
    {
        let mut writer = ::csv::WriterBuilder::new().flexible(true).from_writer(&mut out);
        let err = |e: ::csv::Error| e.to_string();
        writer.write_record(super::COLUMNS).map_err(err)?;
        for row in &export.notes {
            writer.write_record(row.cells().iter().map(|c| inert(c))).map_err(err)?;
        }
        writer.write_record([""]).map_err(err)?;
        writer
            .write_record([SCORECARD_TITLE, "pass threshold", &format_score(export.scoring.threshold), super::SCOPE])
            .map_err(err)?;
        writer.write_record(SCORECARD_COLUMNS).map_err(err)?;
        for s in &export.scorecard {
            writer.write_record(super::scorecard_cells(s).iter().map(|c| inert(c))).map_err(err)?;
        }
        writer.flush().map_err(|e| e.to_string())?;
    }
    Ok(out)
}

/// The cell as text a spreadsheet will not evaluate (also used by the findings report).
pub fn inert(cell: &str) -> String {
    if cell.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{cell}") } else { cell.to_owned() }
}

#[cfg(test)]
mod tests {
    #[test]
    fn formulas_are_defused() {
        assert_eq!(super::inert("=HYPERLINK(\"http://x\")"), "'=HYPERLINK(\"http://x\")");
        assert_eq!(super::inert("-> dossier"), "'-> dossier");
        assert_eq!(super::inert("@user"), "'@user");
        assert_eq!(super::inert("plain - text"), "plain - text");
    }
}
