//! `term.glossary` and `term.forbidden`: the glossary's required translations and forbidden words.

use super::find_in_source;
use crate::checks::{CheckId, DocContext, Finding};
use crate::glossary::{self, Kind};

pub(super) fn glossary_terms(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let Some(s) = ctx.source else { return };
    let Some(src) = ctx.block(r, s) else { return };
    for (c, b) in ctx.cells(r) {
        if c == s {
            continue;
        }
        let locale = &ctx.files[c].locale;
        let mut used: Vec<std::ops::Range<usize>> = Vec::new();
        for e in ctx.glossary.entries.iter().filter(|e| e.kind == Kind::Term && e.applies_to(locale)) {
            let Some(at) = glossary::find(&src.text, &e.term) else {
                continue;
            };
            if used.iter().any(|u| u.start < at.end && at.start < u.end) {
                continue; // inside a longer term already checked
            }
            used.push(at);
            if glossary::find(&b.text, &e.translation).is_none() {
                let note = if e.note.is_empty() { String::new() } else { format!(" ({})", e.note) };
                let message = format!("`{}` should be translated as `{}` (glossary){note}", e.term, e.translation);
                out.push(ctx.finding(CheckId::TermGlossary, c, b.range.start, Some(r), &e.term, message));
            }
        }
    }
}

pub(super) fn forbidden(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    for (c, b) in ctx.cells(r) {
        if Some(c) == ctx.source {
            continue;
        }
        let locale = &ctx.files[c].locale;
        for e in ctx.glossary.entries.iter().filter(|e| e.kind == Kind::Forbidden && e.applies_to(locale)) {
            let word = e.forbidden_word();
            if glossary::find(&b.text, word).is_some() {
                let offset = find_in_source(ctx, c, b, word);
                let note = if e.note.is_empty() { String::new() } else { format!(": {}", e.note) };
                let message = format!("`{word}` is forbidden in {locale} by the glossary{note}");
                out.push(ctx.finding(CheckId::TermForbidden, c, offset, Some(r), word, message));
            }
        }
    }
}
