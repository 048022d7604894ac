//! `meta.*`: which translation was made from an older source revision (`meta.stale`: front matter, the
//! site's drift flag, or the git history the translation status read), which translation has no source
//! (`meta.orphan`), which locale lacks a document most others have (`meta.missing`).

use super::{CheckId, DocContext, Draft, Finding, fingerprint};
use crate::corpus::coverage::{Gap, coverage};
use crate::corpus::{Corpus, SourceFile};
use crate::revision::{Status, show};
use crate::skeleton::BlockKind;
use crate::status::{CommitRef, Entry, State, StatusReport};

/// `meta.stale` for each column on an older revision, with the sections that drifted since.
pub fn check(ctx: &DocContext<'_>) -> Vec<Draft> {
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
        let mut message = if rev.drift_flag.is_some() && rev.date.is_none() {
            format!("{} is marked in its front matter as drifted from the source: it needs an update", ctx.locale(col))
        } else {
            format!(
                "{} was translated from source revision {}; {} {} on the newer revision {}: {} is behind",
                ctx.locale(col),
                show(rev),
                newer,
                if newest.len() == 1 { "is" } else { "are" },
                lead_rev,
                ctx.locale(col)
            )
        };
        if !drift.is_empty() {
            message.push_str(&format!("; sections that differ since: {}", drift.join(", ")));
        }
        let file = ctx.files[col];
        let offset = file.text.lines().take(rev.line.saturating_sub(1)).map(|l| l.len() + 1).sum();
        out.push(ctx.draft(CheckId::MetaStale, col, offset, None, "", message));
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

/// `meta.orphan` and `meta.missing` across the documents of a corpus.
pub fn check_corpus(corpus: &Corpus, source_locale: Option<&crate::locale::Locale>) -> Vec<Finding> {
    coverage(corpus, source_locale)
        .into_iter()
        .filter_map(|gap| match gap {
            Gap::Orphan { document, file, message } => {
                let name = corpus.documents[document].name.as_str();
                Some(corpus_finding(CheckId::MetaOrphan, name, &corpus.files[file], message, ""))
            }
            // A page no translation has is one the site does not translate: counted by `status`, not
            // reported per locale.
            Gap::Missing { source_only: true, .. } => None,
            Gap::Missing { document, locale, anchor, message, source_only: false } => {
                let name = corpus.documents[document].name.as_str();
                let mut f = corpus_finding(CheckId::MetaMissing, name, &corpus.files[anchor], message, &locale);
                f.locale = locale;
                Some(f)
            }
        })
        .collect()
}

fn corpus_finding(id: CheckId, doc: &str, file: &SourceFile, message: String, subject: &str) -> Finding {
    let locale = file.locale.to_string();
    Finding {
        id,
        severity: id.default_severity(),
        document: doc.to_owned(),
        fingerprint: fingerprint(&[id.as_str(), doc, &locale, subject]),
        locale,
        file: file.rel.clone(),
        line: 1,
        column: 1,
        message,
        row: None,
    }
}

/// `meta.stale` findings for translations that git alone shows behind (front-matter evidence is reported
/// by [`check`], with the same fingerprint: one fact, one finding).
pub fn git_stale_findings(report: &StatusReport, corpus: &Corpus) -> Vec<Finding> {
    report
        .entries
        .iter()
        .filter(|e| e.status == State::Behind && !e.front_matter_behind && !e.commits.is_empty())
        .filter_map(|e| Some((e, corpus.file(e.file.as_deref()?)?)))
        .map(|(e, file)| git_stale_finding(e, file))
        .collect()
}

fn git_stale_finding(e: &Entry, file: &SourceFile) -> Finding {
    let source = e.source_file.as_deref().unwrap_or("the source");
    let changes: Vec<String> = e.commits.iter().take(3).map(CommitRef::short).collect();
    let more = if e.commits.len() > 3 { format!(" and {} more", e.commits.len() - 3) } else { String::new() };
    let base = e.base.as_ref().map_or_else(String::new, |b| {
        format!(" {} ({}; {})", b.commit.commit.get(..7).unwrap_or(&b.commit.commit), b.commit.date, b.from)
    });
    let message = format!(
        "{} is {}: {source} changed in {}{more} after the translation's revision{base}",
        e.locale,
        e.summary(),
        changes.join(", ")
    );
    Finding {
        id: CheckId::MetaStale,
        severity: CheckId::MetaStale.default_severity(),
        document: e.document.clone(),
        fingerprint: fingerprint(&[CheckId::MetaStale.as_str(), &e.document, &e.locale, "", ""]),
        locale: e.locale.clone(),
        file: file.rel.clone(),
        line: e.base.as_ref().map_or(1, |b| b.line.max(1)),
        column: 1,
        message,
        row: None,
    }
}
