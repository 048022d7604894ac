//! Reports of a review: `human` (grouped text and summary tables), `json` (documented schema) and
//! `sarif` (SARIF 2.1.0 for code-scanning tools). Each is a pure function from a review to text. Names
//! and messages from the user's files reach a terminal only escaped ([`crate::util::escape::visible`]);
//! JSON escapes them itself.

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

/// Render a review whose false positives were left out, saying how many.
pub fn render_with(review: &crate::review::Review, format: Format, suppressed: &Suppressed) -> String {
    match format {
        Format::Human => human::render(review, suppressed),
        Format::Json => json::render(review, suppressed),
        Format::Sarif => sarif::render(review),
    }
}
