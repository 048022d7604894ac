//! Term checks: terms that must stay verbatim (`term.do-not-translate`) — from the glossary, or inferred
//! from the locales themselves —, glossary translations (`term.glossary`), forbidden words
//! (`term.forbidden`), and source-language text left in a translation (`term.untranslated`).
//!
//! Inference needs no glossary: a product-like token (CamelCase, an acronym that is no English word, a
//! mixed-case name, a hyphenated name like `scikit-learn`) or the text of links to one external URL, found
//! verbatim in at least two locales of different languages (and in the source, when there is one), must
//! stay verbatim. A locale is flagged only when it holds a *mangled* form of the term — transliterated
//! (смартноисе), split (tensor flow), half-translated (scikit-leren), or another text for the same link —
//! never merely for lacking it, since rephrasing around a name is legitimate. URLs, code and link targets
//! are not prose; a form the source itself uses is never a mangling; a change of case only (`Pytorch`) is
//! reported as info, and never for acronyms.

mod english;
mod glossary;
pub mod loans;
mod names;
mod untranslated;
mod words;

use super::{DocContext, Draft};
use crate::skeleton::Block;
use glossary::{forbidden, glossary_terms};
use names::{do_not_translate, infer_terms, link_names};
use untranslated::{english_runs_by_block, shared_loan_phrases, untranslated, untranslated_pages};

/// Run the term checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Draft> {
    let terms = infer_terms(ctx);
    let link_names = link_names(ctx);
    let runs = english_runs_by_block(ctx);
    let loans = shared_loan_phrases(ctx, &runs);
    let (mut out, whole_pages) = untranslated_pages(ctx);
    for r in ctx.rows() {
        do_not_translate(ctx, r, &terms, &link_names, &mut out);
        glossary_terms(ctx, r, &mut out);
        forbidden(ctx, r, &mut out);
        untranslated(ctx, r, &runs, &loans, &whole_pages, &mut out);
    }
    out
}

/// Byte offset of the `nth` occurrence of `needle` inside a block's source (else the first, else the
/// block start).
pub(super) fn nth_in_source(ctx: &DocContext<'_>, c: usize, b: &Block, needle: &str, nth: usize) -> usize {
    let src = &ctx.files[c].text[b.range.clone()];
    let mut hits = src.match_indices(needle).map(|(i, _)| i);
    let first = src.find(needle);
    hits.nth(nth).or(first).map_or(b.range.start, |i| b.range.start + i)
}

/// Byte offset of `needle` inside a block's source, or the block start.
pub(super) fn find_in_source(ctx: &DocContext<'_>, c: usize, b: &Block, needle: &str) -> usize {
    let src = &ctx.files[c].text[b.range.clone()];
    src.find(needle).map_or(b.range.start, |i| b.range.start + i)
}

/// The language source text is written in: the source's, else English (Microsoft Docs, Hugo and most doc
/// sets are written in English first).
pub(super) fn source_language(ctx: &DocContext<'_>) -> String {
    ctx.source.map_or_else(|| "en".to_owned(), |s| ctx.files[s].locale.language().to_owned())
}
