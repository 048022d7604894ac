//! `term.glossary` and `term.forbidden`: the glossary's required translations and forbidden words. Rows
//! are found through the glossary's automata, so a glossary of thousands of terms costs each block only
//! the rows it may hold.

use super::find_in_source;
use crate::checks::{CheckId, DocContext, Draft};
use crate::glossary::{self, Kind};

/// A required translation missing where the source has the term.
pub(super) fn glossary_terms(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let Some(s) = ctx.source else { return };
    let Some(src) = ctx.block(r, s) else { return };
    let candidates = ctx.glossary.terms.candidates(&src.text.to_lowercase());
    if candidates.is_empty() {
        return;
    }
    for &(c, b) in ctx.cells(r).iter().filter(|(c, _)| *c != s) {
        let locale = &ctx.files[c].locale;
        let mut used: Vec<std::ops::Range<usize>> = Vec::new();
        for &i in &candidates {
            let e = &ctx.glossary.entries[i];
            if e.kind != Kind::Term || !e.applies_to(locale) {
                continue;
            }
            let Some(at) = glossary::find(&src.text, &e.term) else { continue };
            if used.iter().any(|u| u.start < at.end && at.start < u.end) {
                continue; // inside a longer term already checked
            }
            used.push(at);
            if glossary::find(&b.text, &e.translation).is_none() {
                let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                let message = format!("`{}` should be translated as `{}` (glossary){note}", e.term, e.translation);
                out.push(ctx.draft(CheckId::TermGlossary, c, b.range.start, Some(r), &e.term, message));
            }
        }
    }
}

/// A word the glossary forbids in this locale.
pub(super) fn forbidden(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    for &(c, b) in ctx.cells(r).iter().filter(|(c, _)| !ctx.is_source(*c)) {
        let locale = &ctx.files[c].locale;
        for i in ctx.glossary.forbidden.candidates(&b.text.to_lowercase()) {
            let e = &ctx.glossary.entries[i];
            if !e.applies_to(locale) {
                continue;
            }
            let word = e.forbidden_word();
            if glossary::find(&b.text, word).is_some() {
                let offset = find_in_source(ctx, c, b, word);
                let note = if e.note.is_empty() { String::new() } else { format!(": {}", e.note) };
                let message = format!("`{word}` is forbidden in {locale} by the glossary{note}");
                out.push(ctx.draft(CheckId::TermForbidden, c, offset, Some(r), word, message));
            }
        }
    }
}
