//! Staleness and coverage: which translation was made from an older source revision (`meta.stale`),
//! which translation has no source (`meta.orphan`), which locale lacks a document most others have
//! (`meta.missing`). Revisions come from front matter (`ms.openlocfilehash` + `ms.date`, Hugo's
//! `default_lang_commit`, MDN's `l10n.sourceCommit`); [`crate::status`] adds the git history's evidence.

use super::{DocContext, Finding, default_severity, fingerprint};
use crate::corpus::{Corpus, SourceFile};
use crate::skeleton::BlockKind;
use std::collections::{BTreeMap, BTreeSet};

/// Keys naming the source revision a translation was made from.
const REVISION_KEYS: &[&str] =
    &["ms.openlocfilehash", "default_lang_commit", "l10n.sourceCommit", "source_commit", "translation.source_commit"];
/// Keys dating the source revision (for a source file: its own date).
const DATE_KEYS: &[&str] = &["ms.date", "source_date", "l10n.sourceDate"];

/// Where a column stands between revisions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    /// On the newest revision known (the source always is).
    Newest,
    /// Made from an older revision.
    Behind,
    /// Nothing tells.
    Unknown,
}

/// The revision facts of one file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Revision {
    /// The revision id (hash or commit), when recorded.
    pub id: Option<String>,
    /// The revision date as (year, month, day), when recorded.
    pub date: Option<(u32, u32, u32)>,
    /// The line of the revision entry (for findings).
    pub line: usize,
}

/// Revision facts for the columns of one document.
#[derive(Debug, Clone, Default)]
pub struct Revisions {
    /// Per column.
    pub revisions: Vec<Option<Revision>>,
    /// Per column.
    pub status: Vec<Status>,
}

impl Revisions {
    /// Read the revisions of a document's files; `source` is the source column.
    pub fn new(files: &[&SourceFile], source: Option<usize>) -> Revisions {
        let revisions: Vec<Option<Revision>> = files.iter().map(|f| read_revision(f)).collect();
        let newest = revisions.iter().filter_map(|r| r.as_ref()?.date).max();
        let distinct: BTreeSet<_> = revisions.iter().flatten().filter_map(|r| r.id.clone()).collect();
        let status = (0..files.len())
            .map(|c| {
                if Some(c) == source {
                    return Status::Newest;
                }
                match (revisions[c].as_ref().and_then(|r| r.date), newest) {
                    (Some(d), Some(n)) if distinct.len() >= 2 || source.is_some() => {
                        if d < n {
                            Status::Behind
                        } else {
                            Status::Newest
                        }
                    }
                    _ => Status::Unknown,
                }
            })
            .collect();
        Revisions { revisions, status }
    }

    /// True when column `col`'s presence in a row differs from every column on the other side only along
    /// revision lines: all of them are on a known revision other than `col`'s.
    pub fn is_drift(&self, present: &[bool], col: usize) -> bool {
        let mine = self.status[col];
        if mine == Status::Unknown {
            return false;
        }
        let mut others = (0..present.len()).filter(|&c| present[c] != present[col]).peekable();
        others.peek().is_some() && others.all(|c| self.status[c] != Status::Unknown && self.status[c] != mine)
    }

    /// True when every difference in this presence pattern is drift (the checks ask column by column).
    #[cfg(test)]
    pub fn splits(&self, present: &[bool]) -> bool {
        (0..present.len()).all(|c| self.is_drift(present, c) || present.iter().all(|&p| p == present[c]))
    }
}

fn read_revision(f: &SourceFile) -> Option<Revision> {
    let fm = &f.skeleton.front_matter;
    let id = fm.first_of(REVISION_KEYS);
    let date = fm.first_of(DATE_KEYS);
    if id.is_none() && date.is_none() {
        return None;
    }
    Some(Revision {
        id: id.map(|e| e.value.clone()),
        date: date.and_then(|e| parse_date(&e.value)),
        line: id.or(date).map_or(1, |e| e.line),
    })
}

/// `2021-11-04`, `2021-11-04T10:00:00Z` or `11/04/2021` (month first, as in `ms.date`).
pub fn parse_date(s: &str) -> Option<(u32, u32, u32)> {
    let s = s.trim();
    let nums: Vec<u32> = s
        .split(|c: char| !c.is_ascii_digit())
        .filter(|p| !p.is_empty())
        .take(3)
        .map(|p| p.parse().ok())
        .collect::<Option<_>>()?;
    let [a, b, c] = nums[..] else { return None };
    let (y, m, d) = if a > 999 {
        (a, b, c)
    } else if c > 999 && s.contains('/') {
        (c, a, b)
    } else {
        return None;
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// A revision as messages name it: `0a9b8c7 (2025-11-20)`.
pub fn show(r: &Revision) -> String {
    let id = r.id.as_deref().map(|i| i.chars().take(7).collect::<String>());
    let date = r.date.map(|(y, m, d)| format!("{y:04}-{m:02}-{d:02}"));
    match (id, date) {
        (Some(i), Some(d)) => format!("{i} ({d})"),
        (Some(i), None) => i,
        (None, Some(d)) => format!("of {d}"),
        (None, None) => "unknown".to_owned(),
    }
}

/// `meta.stale` for each column on an older revision, with the sections that drifted since.
pub fn check(ctx: &DocContext<'_>) -> Vec<Finding> {
    let revs = ctx.revisions;
    let newest: Vec<usize> = (0..ctx.files.len()).filter(|&c| revs.status[c] == Status::Newest).collect();
    let Some(&lead) = newest.iter().find(|&&c| revs.revisions[c].is_some()).or(newest.first()) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for col in (0..ctx.files.len()).filter(|&c| revs.status[c] == Status::Behind) {
        let Some(rev) = revs.revisions[col].as_ref() else {
            continue;
        };
        let newer = newest.iter().map(|&c| ctx.locale(c)).collect::<Vec<_>>().join(", ");
        let lead_rev = revs.revisions[lead].as_ref().map_or_else(|| "the source".to_owned(), show);
        let drift = drifted_sections(ctx, col);
        let mut message = format!(
            "{} was translated from source revision {}; {} {} on the newer revision {}: {} is behind",
            ctx.locale(col),
            show(rev),
            newer,
            if newest.len() == 1 { "is" } else { "are" },
            lead_rev,
            ctx.locale(col)
        );
        if !drift.is_empty() {
            message.push_str(&format!("; sections that differ since: {}", drift.join(", ")));
        }
        let file = ctx.files[col];
        let offset = file.text.lines().take(rev.line.saturating_sub(1)).map(|l| l.len() + 1).sum();
        out.push(ctx.finding("meta.stale", col, offset, None, "", message));
    }
    out
}

/// The headings of sections whose presence differs between `col` and the newer columns.
fn drifted_sections(ctx: &DocContext<'_>, col: usize) -> Vec<String> {
    let mut out = Vec::new();
    for (r, row) in ctx.alignment.rows.iter().enumerate() {
        if row.section_row != Some(r) {
            continue;
        }
        let present: Vec<bool> = row.cells.iter().map(Option::is_some).collect();
        if !ctx.revisions.is_drift(&present, col) {
            continue;
        }
        // Name the section as the newer revision does, or as this locale does when only it has it.
        let named_by = if present[col] {
            Some(col)
        } else {
            (0..present.len()).find(|&c| present[c] && ctx.revisions.status[c] == Status::Newest)
        };
        let Some(b) = named_by.and_then(|c| ctx.block(r, c)).filter(|b| b.kind == BlockKind::Heading) else {
            continue;
        };
        let how = if row.moved.is_some() {
            "moved"
        } else if present[col] {
            "removed since"
        } else {
            "added since"
        };
        if row.moved.is_some() && present[col] {
            continue; // a moved section is named once, from the newer side
        }
        let entry = format!("'{}' ({how})", b.text);
        if !out.contains(&entry) {
            out.push(entry);
        }
    }
    out
}

/// A coverage gap of the corpus: a translation without source, or a document a locale lacks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Gap {
    /// A file of a document that has no source document (index into `corpus.files`).
    Orphan {
        /// Index into `corpus.documents`.
        document: usize,
        /// Index into `corpus.files`.
        file: usize,
        /// Why, in words.
        message: String,
    },
    /// A locale most documents have lacks this document.
    Missing {
        /// Index into `corpus.documents`.
        document: usize,
        /// The locale tag that lacks it.
        locale: String,
        /// The file the gap is reported on (the source, else the document's first file).
        anchor: usize,
        /// Why, in words.
        message: String,
    },
}

/// The orphans and missing translations of a corpus (what `meta.orphan` and `meta.missing` report).
pub fn coverage(corpus: &Corpus, source_locale: Option<&crate::locale::Locale>) -> Vec<Gap> {
    let mut out = Vec::new();
    let docs = &corpus.documents;
    let mut per_locale: BTreeMap<String, usize> = BTreeMap::new();
    // Orphans are not part of what "most documents" have: count documents with a source, when there is one.
    let orphan = |d: &crate::corpus::Document| source_locale.is_some() && d.source.is_none();
    let counted: Vec<&crate::corpus::Document> = docs.iter().filter(|d| !orphan(d)).collect();
    for d in &counted {
        for f in corpus.document_files(d) {
            *per_locale.entry(f.locale.to_string()).or_default() += 1;
        }
    }
    let multi_doc = docs.iter().filter(|d| d.files.len() > 1).count();
    for (di, d) in docs.iter().enumerate() {
        let locales: BTreeSet<String> = corpus.document_files(d).map(|f| f.locale.to_string()).collect();
        let anchor = d.source.unwrap_or(d.files[0]);
        if let Some(src) = source_locale
            && d.source.is_none()
            && multi_doc > 0
            && per_locale.keys().any(|l| crate::locale::Locale::parse(l).is_some_and(|l| l.same_language(src)))
        {
            for &fi in &d.files {
                let message = format!(
                    "{} has no {} source document: it may be left over from a removed or renamed source",
                    corpus.files[fi].rel, src
                );
                out.push(Gap::Orphan { document: di, file: fi, message });
            }
        }
        let is_orphan = orphan(d);
        for (locale, n) in &per_locale {
            // An orphan is not expected in other locales; meta.orphan speaks for it.
            if locales.contains(locale) || counted.len() < 3 || *n * 2 <= counted.len() || is_orphan {
                continue;
            }
            let message =
                format!("no {locale} translation of this document, though {n} of {} documents have one", counted.len());
            out.push(Gap::Missing { document: di, locale: locale.clone(), anchor, message });
        }
    }
    out
}

/// `meta.orphan` and `meta.missing` across the documents of a corpus.
pub fn check_corpus(corpus: &Corpus, source_locale: Option<&crate::locale::Locale>) -> Vec<Finding> {
    coverage(corpus, source_locale)
        .into_iter()
        .map(|gap| match gap {
            Gap::Orphan { document, file, message } => {
                let name = corpus.documents[document].name.as_str();
                corpus_finding("meta.orphan", name, &corpus.files[file], message, "")
            }
            Gap::Missing { document, locale, anchor, message } => {
                let name = corpus.documents[document].name.as_str();
                let mut f = corpus_finding("meta.missing", name, &corpus.files[anchor], message, &locale);
                f.locale = locale;
                f
            }
        })
        .collect()
}

fn corpus_finding(id: &'static str, doc: &str, file: &SourceFile, message: String, subject: &str) -> Finding {
    let locale = file.locale.to_string();
    Finding {
        id,
        severity: default_severity(id),
        document: doc.to_owned(),
        fingerprint: fingerprint(&[id, doc, &locale, subject]),
        locale,
        file: file.rel.clone(),
        line: 1,
        column: 1,
        message,
        row: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_the_date_formats_docs_use() {
        assert_eq!(parse_date("11/04/2021"), Some((2021, 11, 4)));
        assert_eq!(parse_date("2026-03-02"), Some((2026, 3, 2)));
        assert_eq!(parse_date("2026-03-02T10:00:00Z"), Some((2026, 3, 2)));
        assert_eq!(parse_date("someday"), None);
        assert_eq!(parse_date("13/40/2021"), None);
    }

    fn revs(status: &[Status]) -> Revisions {
        Revisions { revisions: vec![None; status.len()], status: status.to_vec() }
    }

    #[test]
    fn drift_needs_the_other_side_to_be_on_another_revision() {
        use Status::*;
        let r = revs(&[Newest, Newest, Newest, Behind, Newest]);
        // present: en, fr, es; absent: de (newest: a defect) and ru (behind: drift)
        let present = [true, false, true, false, true];
        assert!(r.is_drift(&present, 3));
        assert!(!r.is_drift(&present, 1));
        assert!(!r.splits(&present));
        // one newest locale alone has a section the four older ones lack
        let r = revs(&[Behind, Behind, Newest, Behind]);
        assert!(r.splits(&[false, false, true, false]));
        assert!(!revs(&[Unknown, Unknown]).splits(&[true, false]));
    }
}
