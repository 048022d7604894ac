//! The reviewer's decisions the sidecar keeps besides notes, shared with the team through git:
//!
//! - a [`ReviewMark`]: a document, a document in one locale, or one row of it was reviewed (by whom,
//!   when). A row is anchored like a note (section, ordinal and fingerprint of the block's text), so a
//!   row whose text changes since counts as not reviewed any more;
//! - a [`Suppression`]: a finding (by its fingerprint, which survives unrelated edits) is a false
//!   positive, with an optional reason. `synoptic check` leaves it out.
//!
//! Both merge like notes ([`super::merge`]): by key, the later change winning, deletions honoured.

use super::merge::Record;
use super::{ALL_LOCALES, Anchor};
use crate::checks::Finding;
use serde::{Deserialize, Serialize};

/// A part of the review marked as reviewed. Without a row (`fingerprint` empty) it covers the whole
/// document in `locale` (or in every locale, `*`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ReviewMark {
    /// The document name.
    pub document: String,
    /// The locale, or `*` for all.
    pub locale: String,
    /// For a row: the file of its block (relative to the folder).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub file: String,
    /// For a row: the anchor of the block's section heading.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
    /// For a row: the block's ordinal inside its section.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub block: Option<usize>,
    /// For a row: the fingerprint of the block's text when it was reviewed.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub fingerprint: String,
    /// For a row: the start of its text, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub quote: String,
    /// Who reviewed it.
    pub by: String,
    /// When (RFC 3339, UTC).
    pub at: String,
}

impl ReviewMark {
    /// A mark for a whole document in `locale` (`*`: every locale).
    pub fn whole(document: &str, locale: &str, by: &str, at: &str) -> ReviewMark {
        ReviewMark {
            document: document.to_owned(),
            locale: locale.to_owned(),
            file: String::new(),
            section: String::new(),
            block: None,
            fingerprint: String::new(),
            quote: String::new(),
            by: by.to_owned(),
            at: at.to_owned(),
        }
    }

    /// A mark for the row of a block, anchored as a note would be.
    pub fn row(anchor: &Anchor, by: &str, at: &str) -> ReviewMark {
        ReviewMark {
            document: anchor.document.clone(),
            locale: anchor.locale.clone(),
            file: anchor.file.clone(),
            section: anchor.section.clone(),
            block: Some(anchor.block),
            fingerprint: anchor.fingerprint.clone(),
            quote: anchor.quote.clone(),
            by: by.to_owned(),
            at: at.to_owned(),
        }
    }

    /// True for a mark of a whole document.
    pub fn is_whole_document(&self) -> bool {
        self.block.is_none()
    }

    /// The row's anchor, for a row mark.
    pub fn anchor(&self) -> Option<Anchor> {
        let block = self.block?;
        Some(Anchor {
            document: self.document.clone(),
            locale: self.locale.clone(),
            file: self.file.clone(),
            section: self.section.clone(),
            block,
            fingerprint: self.fingerprint.clone(),
            quote: self.quote.clone(),
        })
    }

    /// True when the mark covers every locale.
    pub fn all_locales(&self) -> bool {
        self.locale == ALL_LOCALES
    }
}

impl Record for ReviewMark {
    fn key(&self) -> String {
        match self.block {
            None => format!("{}\u{1f}{}", self.document, self.locale),
            Some(block) => {
                format!(
                    "{}\u{1f}{}\u{1f}{}\u{1f}{block}\u{1f}{}",
                    self.document, self.locale, self.section, self.fingerprint
                )
            }
        }
    }

    fn changed(&self) -> &str {
        &self.at
    }
}

/// A finding marked as a false positive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Suppression {
    /// The finding's fingerprint (16 hex digits).
    pub fingerprint: String,
    /// The finding's check id, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub check: String,
    /// The finding's document, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub document: String,
    /// The finding's locale, for people reading the file.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub locale: String,
    /// Why it is not a problem.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub reason: String,
    /// Who decided.
    pub by: String,
    /// When (RFC 3339, UTC).
    pub at: String,
}

impl Suppression {
    /// A mark for `finding`.
    pub fn of(finding: &Finding, reason: &str, by: &str, at: &str) -> Suppression {
        Suppression {
            fingerprint: finding.fingerprint.clone(),
            check: finding.id.as_str().to_owned(),
            document: finding.document.clone(),
            locale: finding.locale.clone(),
            reason: reason.trim().to_owned(),
            by: by.to_owned(),
            at: at.to_owned(),
        }
    }

    /// A mark for a fingerprint alone (no current finding has it).
    pub fn bare(fingerprint: &str, reason: &str, by: &str, at: &str) -> Suppression {
        Suppression {
            fingerprint: fingerprint.to_owned(),
            check: String::new(),
            document: String::new(),
            locale: String::new(),
            reason: reason.trim().to_owned(),
            by: by.to_owned(),
            at: at.to_owned(),
        }
    }
}

impl Record for Suppression {
    fn key(&self) -> String {
        self.fingerprint.clone()
    }

    fn changed(&self) -> &str {
        &self.at
    }
}

/// True when `text` looks like a finding fingerprint: 16 hexadecimal digits.
pub fn is_fingerprint(text: &str) -> bool {
    text.len() == 16 && text.bytes().all(|b| b.is_ascii_hexdigit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_tell_documents_rows_and_locales_apart() {
        let whole = ReviewMark::whole("guide.md", "de", "ana", "t");
        assert!(whole.is_whole_document() && whole.anchor().is_none());
        let anchor = Anchor { document: "guide.md".into(), locale: "de".into(), block: 2, ..Anchor::default() };
        let row = ReviewMark::row(&anchor, "ana", "t");
        assert_ne!(whole.key(), row.key());
        assert_ne!(whole.key(), ReviewMark::whole("guide.md", "*", "ana", "t").key());
        assert_eq!(row.anchor(), Some(anchor));
    }

    #[test]
    fn fingerprints_are_sixteen_hex_digits() {
        assert!(is_fingerprint("44bbd1e2dbde8b2e"));
        assert!(is_fingerprint("44BBD1E2DBDE8B2E"));
        assert!(!is_fingerprint("44bbd1e2dbde8b2"));
        assert!(!is_fingerprint("link.malformed!!"));
    }
}
