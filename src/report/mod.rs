//! Reports of a review: `human` (grouped text and summary tables), `json` (documented schema),
//! `sarif` (SARIF 2.1.0 for code-scanning tools) and the QA report of `findings` (CSV, XLSX, HTML). Each
//! is a pure function from a review to text or bytes.

pub mod findings;
pub mod human;
pub mod json;
pub mod sarif;
pub mod status;

/// Output formats of `synoptic check`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Grouped by document and locale, then summary tables.
    Human,
    /// One JSON object (schema in the README).
    Json,
    /// SARIF 2.1.0.
    Sarif,
    /// The QA report of findings as CSV (one row per finding, with its row's text).
    Csv,
    /// The QA report of findings as an Excel workbook (a summary sheet, one sheet per locale).
    Xlsx,
    /// The QA report of findings as one self-contained HTML page.
    Html,
}

impl Format {
    /// The findings report format this is, for the QA report formats.
    pub fn findings(self) -> Option<findings::FindingsFormat> {
        match self {
            Format::Csv => Some(findings::FindingsFormat::Csv),
            Format::Xlsx => Some(findings::FindingsFormat::Xlsx),
            Format::Html => Some(findings::FindingsFormat::Html),
            Format::Human | Format::Json | Format::Sarif => None,
        }
    }
}

/// Render a review in a format; the findings report's decision columns come from `decisions`.
pub fn render(
    review: &crate::review::Review,
    format: Format,
    decisions: &findings::Decisions,
) -> Result<Vec<u8>, String> {
    match format.findings() {
        Some(f) => findings::render(&findings::collect(review, decisions), f),
        None => Ok(match format {
            Format::Json => json::render(review),
            Format::Sarif => sarif::render(review),
            _ => human::render(review),
        }
        .into_bytes()),
    }
}
