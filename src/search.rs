//! Search across the whole folder: every cell of every document whose text contains a query
//! (case-insensitive), with a short snippet around the first match — what the window's find bar lists
//! when "Whole folder" is on. It reads only the review, and runs on a worker thread.

use crate::review::Review;

/// How many matches are listed at most; the rest are counted.
pub const LIMIT: usize = 5_000;
/// Characters of context on each side of a match in a snippet.
const CONTEXT: usize = 40;

/// One matching cell.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FolderMatch {
    /// The document (index into the corpus documents).
    pub doc: usize,
    /// The aligned row.
    pub row: usize,
    /// The column (index into the document's files).
    pub column: usize,
    /// The cell's locale.
    pub locale: String,
    /// The text around the first match, on one line.
    pub snippet: String,
}

/// The matches of a query in a folder.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FolderMatches {
    /// What was searched for.
    pub query: String,
    /// The matches, by document, row and column (at most [`LIMIT`]).
    pub matches: Vec<FolderMatch>,
    /// Matches beyond the limit.
    pub more: usize,
    /// Documents with at least one match.
    pub documents: usize,
}

/// Search every document of a review for `query`.
pub fn find_in_folder(review: &Review, query: &str) -> FolderMatches {
    let mut out = FolderMatches { query: query.to_owned(), ..FolderMatches::default() };
    let needle = query.trim().to_lowercase();
    if needle.is_empty() {
        return out;
    }
    for doc in 0..review.corpus.documents.len() {
        let cells = review.find_text(doc, query);
        if !cells.is_empty() {
            out.documents += 1;
        }
        let files: Vec<_> = review.corpus.document_files(&review.corpus.documents[doc]).collect();
        for (row, column) in cells {
            if out.matches.len() >= LIMIT {
                out.more += 1;
                continue;
            }
            let cell = review.documents[doc].alignment.rows[row].cells[column];
            let text = cell.and_then(|b| files[column].skeleton.blocks.get(b)).map_or("", |b| b.text.as_str());
            out.matches.push(FolderMatch {
                doc,
                row,
                column,
                locale: files[column].locale.to_string(),
                snippet: snippet(text, &needle),
            });
        }
    }
    out
}

/// The text around the first occurrence of `needle` (lowercase), on one line, with `…` where cut.
fn snippet(text: &str, needle: &str) -> String {
    let flat: String = text.split_whitespace().collect::<Vec<_>>().join(" ");
    let lower: Vec<char> = flat.chars().flat_map(char::to_lowercase).collect();
    let chars: Vec<char> = flat.chars().collect();
    if lower.len() != chars.len() {
        // Lowercasing changed the length (rare scripts): show the start instead of guessing positions.
        return chars.iter().take(2 * CONTEXT).collect();
    }
    let needle: Vec<char> = needle.chars().collect();
    let at = lower.windows(needle.len().max(1)).position(|w| w == needle.as_slice()).unwrap_or(0);
    let start = at.saturating_sub(CONTEXT);
    let end = (at + needle.len() + CONTEXT).min(chars.len());
    let mut out = String::new();
    if start > 0 {
        out.push('…');
    }
    out.extend(&chars[start..end]);
    if end < chars.len() {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Config;
    use crate::corpus::{Corpus, LoadOptions};
    use crate::glossary::Glossary;

    fn review() -> Review {
        let files = [
            ("en/a.md", "# Install\n\nRun the installer, then restart.\n"),
            ("de/a.md", "# Installieren\n\nFühren Sie das Installationsprogramm aus und starten Sie neu.\n"),
            ("en/b.md", "# Usage\n\nNothing to install here.\n"),
            ("de/b.md", "# Verwendung\n\nHier ist nichts zu tun.\n"),
        ];
        let files: Vec<(String, Vec<u8>)> = files.iter().map(|(p, t)| ((*p).into(), t.as_bytes().to_vec())).collect();
        let corpus = Corpus::from_memory(std::path::Path::new("/memory"), files, &LoadOptions::default());
        Review::from_corpus(corpus, None, &Glossary::default(), &Config::default())
    }

    #[test]
    fn finds_every_cell_of_every_document_ignoring_case() {
        let found = find_in_folder(&review(), "INSTALL");
        let places: Vec<(String, usize, String)> = found
            .matches
            .iter()
            .map(|m| (review().corpus.documents[m.doc].name.clone(), m.row, m.locale.clone()))
            .collect();
        assert_eq!(
            places,
            [
                ("a.md".into(), 0, "en".into()),
                ("a.md".into(), 0, "de".into()),
                ("a.md".into(), 1, "en".into()),
                ("a.md".into(), 1, "de".into()),
                ("b.md".into(), 1, "en".into()),
            ]
        );
        assert_eq!((found.documents, found.more), (2, 0));
        assert_eq!(found.matches[4].snippet, "Nothing to install here.");
        assert_eq!(find_in_folder(&review(), "  "), FolderMatches { query: "  ".into(), ..Default::default() });
    }

    #[test]
    fn snippets_are_cut_around_the_match() {
        let long = format!("{} needle {}", "a ".repeat(60), "b ".repeat(60));
        let s = snippet(&long, "needle");
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains(" needle "), "{s}");
        assert_eq!(s.chars().count(), 2 + 2 * CONTEXT + "needle".len());
    }
}
