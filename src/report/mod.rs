//! Reports of a review: `human` (grouped text and summary tables), `json` (documented schema) and
//! `sarif` (SARIF 2.1.0 for code-scanning tools). Each is a pure function from a review to text.

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

/// Render a review in a format.
pub fn render(review: &crate::review::Review, format: Format) -> String {
    match format {
        Format::Human => human::render(review),
        Format::Json => json::render(review),
        Format::Sarif => sarif::render(review),
    }
}
