//! What front matter declares about the source revision a translation was made from: a revision id
//! (`ms.openlocfilehash`, Hugo's `default_lang_commit`, MDN's `l10n.sourceCommit`, `source_commit`), its date
//! (`ms.date`, `source_date`, `l10n.sourceDate`), and a site's own drift flag. Facts only: `status` judges
//! translations with them and the `meta.*` checks report them.

use crate::corpus::SourceFile;
use std::collections::BTreeSet;

/// Keys naming the source commit a translation was made from (Hugo and Kubernetes-style sites, MDN).
pub const COMMIT_KEYS: &[&str] =
    &["default_lang_commit", "l10n.sourceCommit", "source_commit", "sourceCommit", "translation.source_commit"];

/// Keys naming the source revision by another id (Microsoft Docs' hash of the source file).
const HASH_KEYS: &[&str] = &["ms.openlocfilehash"];

/// Keys a site sets to `true` on a translation it knows has drifted from the default language.
const DRIFT_KEYS: &[&str] = &["drifted_from_default", "params.drifted_from_default", "outdated", "l10n.outdated"];

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
    /// The front-matter key that names the revision.
    pub key: Option<String>,
    /// The site marks this translation as drifted from the default language (the line of the flag).
    pub drift_flag: Option<usize>,
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
                if revisions[c].as_ref().is_some_and(|r| r.drift_flag.is_some()) {
                    return Status::Behind;
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
    let id = fm.first_of(COMMIT_KEYS).or_else(|| fm.first_of(HASH_KEYS));
    let date = fm.first_of(DATE_KEYS);
    let drift = DRIFT_KEYS.iter().filter_map(|k| fm.entry(k)).find(|e| e.value.eq_ignore_ascii_case("true"));
    if id.is_none() && date.is_none() && drift.is_none() {
        return None;
    }
    Some(Revision {
        id: id.map(|e| e.value.clone()),
        date: date.and_then(|e| parse_date(&e.value)),
        line: id.or(date).or(drift).map_or(1, |e| e.line),
        key: id.map(|e| e.key.clone()),
        drift_flag: drift.map(|e| e.line),
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
