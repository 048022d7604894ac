//! The sidecar's text: TOML with a schema version, then one `[[note]]` table per note ordered by id,
//! one `[[reviewed]]` per review mark and one `[[suppressed]]` per false-positive mark, each ordered by
//! its key, each field on its own line in a fixed order, so that two reviewers' additions land in
//! different places and git merges them line by line.
//!
//! Schema 1 holds notes only; schema 2 adds the marks. A file without marks is still written as schema 1,
//! so an older Synoptic keeps reading it; one with marks is written as schema 2, which an older Synoptic
//! refuses to overwrite (it would drop the marks) instead of misreading.

use crate::error::{Error, Result};
use crate::notes::{Note, ReviewMark, Saved, Suppression};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// The newest schema this Synoptic reads (and writes when the file holds marks).
pub const SCHEMA: u32 = 2;
/// The schema of a file that holds notes only.
const NOTES_ONLY_SCHEMA: u32 = 1;

/// The file as stored.
#[derive(Debug, Serialize, Deserialize)]
struct Body {
    schema: u32,
    /// Set in data-directory copies: the folder whose notes these are.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    folder: Option<String>,
    #[serde(default, rename = "note", skip_serializing_if = "Vec::is_empty")]
    notes: Vec<Note>,
    #[serde(default, rename = "reviewed", skip_serializing_if = "Vec::is_empty")]
    reviewed: Vec<ReviewMark>,
    #[serde(default, rename = "suppressed", skip_serializing_if = "Vec::is_empty")]
    suppressed: Vec<Suppression>,
}

/// Only the version, read first, so a newer file is recognised even when the rest would not parse.
#[derive(Debug, Deserialize)]
struct Version {
    schema: Option<u32>,
}

const HEADER: &str = "# Synoptic review notes: one [[note]] per note, oldest first. Keep it beside the documents.\n";
const MARKS_HEADER: &str =
    "# [[reviewed]]: what was reviewed, by whom; [[suppressed]]: findings judged false positives.\n";

/// The sidecar text for `saved`: schema, then the notes by id, then the marks by key.
pub fn render(saved: &Saved, folder: Option<String>) -> std::result::Result<String, String> {
    use crate::notes::merge::Record;
    let mut body = Body {
        schema: NOTES_ONLY_SCHEMA,
        folder,
        notes: saved.notes.clone(),
        reviewed: saved.reviewed.clone(),
        suppressed: saved.suppressed.clone(),
    };
    body.notes.sort_by(|a, b| a.id.cmp(&b.id));
    body.reviewed.sort_by_cached_key(Record::key);
    body.suppressed.sort_by_cached_key(Record::key);
    let marks = !body.reviewed.is_empty() || !body.suppressed.is_empty();
    if marks {
        body.schema = SCHEMA;
    }
    let text = toml::to_string(&body).map_err(|e| e.to_string())?;
    Ok(format!("{HEADER}{}{text}", if marks { MARKS_HEADER } else { "" }))
}

/// Parse sidecar text. `path` is for messages.
pub fn parse(text: &str, path: &Path) -> Result<Saved> {
    let bad = |reason: String| Error::Sidecar { path: path.to_path_buf(), reason };
    let version: Version = toml::from_str(text).map_err(|e| bad(describe(&e, text)))?;
    match version.schema {
        None => return Err(bad("no `schema` version: this is not a Synoptic notes file".into())),
        Some(v) if v > SCHEMA => {
            return Err(Error::SidecarNewer { path: path.to_path_buf(), schema: v, supported: SCHEMA });
        }
        Some(_) => {}
    }
    let body: Body = toml::from_str(text).map_err(|e| bad(describe(&e, text)))?;
    Ok(Saved { notes: body.notes, reviewed: body.reviewed, suppressed: body.suppressed })
}

/// A parse error in one line of text: where, and what (TOML's messages can span lines).
fn describe(e: &toml::de::Error, text: &str) -> String {
    let message = e.message().split_whitespace().collect::<Vec<_>>().join(" ");
    match e.span() {
        Some(span) => {
            let line = text.get(..span.start.min(text.len())).map_or(1, |t| t.lines().count().max(1));
            format!("line {line}: {message}")
        }
        None => message,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::notes::{Anchor, Category, NoteSeverity, NoteStatus};

    fn sample_note() -> Note {
        Note {
            id: "019ab0f31d58-0000beef".into(),
            anchor: Anchor {
                document: "guide".into(),
                locale: "de".into(),
                file: "de/guide.md".into(),
                section: "install".into(),
                block: 2,
                fingerprint: "00112233aabbccdd".into(),
                quote: "Führen Sie \"pip\" aus".into(),
            },
            text: "Two lines:\nsecond".into(),
            category: Category::Mistranslation,
            severity: NoteSeverity::Major,
            status: NoteStatus::WontFix,
            author: "Ana".into(),
            created: "2026-11-23T11:50:00.000Z".into(),
            updated: "2026-11-23T11:51:00.000Z".into(),
            finding: Some("abc".into()),
        }
    }

    const NOTE_TEXT: &str = r#"[[note]]
id = "019ab0f31d58-0000beef"
document = "guide"
locale = "de"
file = "de/guide.md"
section = "install"
block = 2
fingerprint = "00112233aabbccdd"
quote = 'Führen Sie "pip" aus'
text = """
Two lines:
second"""
category = "mistranslation"
severity = "major"
status = "wont-fix"
author = "Ana"
created = "2026-11-23T11:50:00.000Z"
updated = "2026-11-23T11:51:00.000Z"
finding = "abc"
"#;

    #[test]
    fn a_file_of_notes_only_stays_schema_1_byte_for_byte() {
        let saved = Saved::from(vec![sample_note()]);
        let text = render(&saved, None).expect("render");
        assert_eq!(text, format!("{HEADER}schema = 1\n\n{NOTE_TEXT}"));
        assert_eq!(parse(&text, Path::new("s")).expect("parse"), saved);
    }

    #[test]
    fn marks_make_it_schema_2_in_a_fixed_order() {
        let anchor = sample_note().anchor;
        let saved = Saved {
            notes: vec![sample_note()],
            reviewed: vec![
                ReviewMark::row(&anchor, "Ana", "2026-11-24T08:00:00.000Z"),
                ReviewMark::whole("guide", "*", "Ben", "2026-11-24T09:00:00.000Z"),
            ],
            suppressed: vec![Suppression {
                fingerprint: "44bbd1e2dbde8b2e".into(),
                check: "link.malformed".into(),
                document: "configure.md".into(),
                locale: "es".into(),
                reason: "the product writes it so".into(),
                by: "Ana".into(),
                at: "2026-11-24T10:00:00.000Z".into(),
            }],
        };
        let text = render(&saved, None).expect("render");
        let expected = format!(
            "{HEADER}{MARKS_HEADER}schema = 2\n\n{NOTE_TEXT}{}",
            r#"
[[reviewed]]
document = "guide"
locale = "*"
by = "Ben"
at = "2026-11-24T09:00:00.000Z"

[[reviewed]]
document = "guide"
locale = "de"
file = "de/guide.md"
section = "install"
block = 2
fingerprint = "00112233aabbccdd"
quote = 'Führen Sie "pip" aus'
by = "Ana"
at = "2026-11-24T08:00:00.000Z"

[[suppressed]]
fingerprint = "44bbd1e2dbde8b2e"
check = "link.malformed"
document = "configure.md"
locale = "es"
reason = "the product writes it so"
by = "Ana"
at = "2026-11-24T10:00:00.000Z"
"#
        );
        assert_eq!(text, expected);
        let back = parse(&text, Path::new("s")).expect("parse");
        assert_eq!(back.notes, saved.notes);
        assert_eq!(back.reviewed.len(), 2);
        assert_eq!(back.suppressed, saved.suppressed);
    }

    #[test]
    fn a_file_of_marks_only_has_no_empty_note_list() {
        let saved =
            Saved { suppressed: vec![Suppression::bare("0123456789abcdef", "", "Ana", "t")], ..Saved::default() };
        let text = render(&saved, None).expect("render");
        assert_eq!(
            text,
            format!(
                "{HEADER}{MARKS_HEADER}schema = 2\n\n[[suppressed]]\nfingerprint = \"0123456789abcdef\"\nby = \"Ana\"\nat = \"t\"\n"
            )
        );
        assert_eq!(parse(&text, Path::new("s")).expect("parse"), saved);
        assert_eq!(render(&Saved::default(), None).expect("render"), format!("{HEADER}schema = 1\n"));
    }

    #[test]
    fn a_newer_schema_is_named_as_such() {
        let e = parse("schema = 3\n[[whatever]]\n", Path::new("s.toml")).expect_err("newer");
        assert_eq!(
            e.to_string(),
            "s.toml: cannot read the notes: written by a newer Synoptic (schema 3; this one reads up to 2)"
        );
    }
}
