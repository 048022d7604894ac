//! Reports of a review: `human` (grouped text and summary tables), `json` (documented schema), `sarif`
//! (SARIF 2.1.0 for code-scanning tools) and the QA report of `findings` (CSV, XLSX, HTML). Each is a
//! pure function from a review to text or bytes. Names and messages from the user's files reach a
//! terminal only escaped ([`crate::util::escape::visible`]); JSON escapes them itself.

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

/// Findings left out of a report because the folder's notes file marks them as false positives.
#[derive(Debug, Clone, Default)]
pub struct Suppressed {
    /// The findings left out.
    pub findings: Vec<crate::checks::Finding>,
    /// The reason of each one's mark (same order; may be empty).
    pub reasons: Vec<String>,
    /// False-positive marks that match no current finding.
    pub unmatched: usize,
}

/// Render a review in a format.
pub fn render(review: &crate::review::Review, format: Format) -> String {
    render_with(review, format, &Suppressed::default())
}

/// Render a review whose false positives were left out, saying how many. The QA report formats are not
/// text: see [`render_bytes`].
pub fn render_with(review: &crate::review::Review, format: Format, suppressed: &Suppressed) -> String {
    match format {
        Format::Json => json::render(review, suppressed),
        Format::Sarif => sarif::render(review),
        Format::Human | Format::Csv | Format::Xlsx | Format::Html => human::render(review, suppressed),
    }
}

/// Render a review in any format, as bytes: the QA report lists the findings left out as false positives
/// too, marked as such (with the rest of `decisions`).
pub fn render_bytes(
    review: &crate::review::Review,
    format: Format,
    suppressed: &Suppressed,
    decisions: &findings::Decisions,
) -> Result<Vec<u8>, String> {
    match format.findings() {
        Some(f) => findings::render(&findings::collect(review, &suppressed.findings, decisions), f),
        None => Ok(render_with(review, format, suppressed).into_bytes()),
    }
}
