//! `term.untranslated`: source-language text left in a translation — a block identical to the source,
//! or runs of telling English words that are not loan phrases the other locales share.

use super::english::{FUNCTION_WORDS, RARELY_BORROWED, is_english};
use super::words::parts;
use super::{nth_in_source, source_language};
use crate::checks::{CheckId, DocContext, Draft};
use crate::glossary;
use crate::skeleton::{Block, BlockKind};
use std::collections::{BTreeMap, BTreeSet, HashSet};

/// Runs of English words several locales of different languages share somewhere in the document
/// ("machine learning"): accepted loan phrases, not untranslated text.
pub(super) fn shared_loan_phrases(ctx: &DocContext<'_>, runs: &BlockRuns<'_>) -> HashSet<String> {
    let mut by_phrase: BTreeMap<String, BTreeSet<&str>> = BTreeMap::new();
    for (c, per_block) in runs.iter().enumerate() {
        let language = ctx.files[c].locale.language();
        for run in per_block.iter().flatten() {
            let lower: Vec<String> = run.iter().map(|(_, w)| w.to_lowercase()).collect();
            for len in 2..=lower.len() {
                for start in 0..=lower.len() - len {
                    by_phrase.entry(lower[start..start + len].join(" ")).or_default().insert(language);
                }
            }
        }
    }
    by_phrase.into_iter().filter(|(_, l)| l.len() >= 2).map(|(p, _)| p).collect()
}

/// English word runs of every block, per column (empty for columns in the source language): computed once
/// per document, read by the loan-phrase inference and the untranslated check.
pub(super) type BlockRuns<'a> = Vec<Vec<Vec<Vec<(usize, &'a str)>>>>;

pub(super) fn english_runs_by_block<'a>(ctx: &DocContext<'a>) -> BlockRuns<'a> {
    // The English-word heuristics apply to English sources only, and never to English text.
    let english_source = source_language(ctx) == "en";
    ctx.files
        .iter()
        .map(|f| {
            if !english_source || f.locale.language() == "en" || f.locale.is_undetermined() {
                return Vec::new();
            }
            f.skeleton.blocks.iter().map(|b| english_runs(&b.text)).collect()
        })
        .collect()
}

pub(super) struct Run {
    start: usize,
    text: String,
    lower: String,
    telling: bool,
}

/// Maximal runs of English words (joined by spaces or hyphens, never across a line break).
pub(super) fn english_runs(text: &str) -> Vec<Vec<(usize, &str)>> {
    if !text.bytes().any(|b| b.is_ascii_alphabetic()) {
        return Vec::new(); // Cyrillic, Greek, CJK…: no English word can hide here
    }
    let words = parts(text);
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        if !is_english(words[i].1) {
            i += 1;
            continue;
        }
        let mut j = i;
        while j + 1 < words.len() && is_english(words[j + 1].1) && {
            let gap = &text[words[j].0 + words[j].1.len()..words[j + 1].0];
            gap.chars().all(|c| c == ' ' || c == '-')
        } {
            j += 1;
        }
        out.push(words[i..=j].to_vec());
        i = j + 1;
    }
    out
}

/// The runs of English words in a text that accepted loan phrases do not cover; `telling` when a run holds
/// a word other languages rarely borrow alone, or three words with a function word among them.
pub(super) fn english_segments(text: &str, runs: &[Vec<(usize, &str)>], loans: &HashSet<String>) -> Vec<Run> {
    let mut out = Vec::new();
    for run in runs {
        let lower: Vec<String> = run.iter().map(|(_, w)| w.to_lowercase()).collect();
        let mut covered = vec![false; run.len()];
        for len in (2..=run.len()).rev() {
            for start in 0..=run.len() - len {
                if loans.contains(&lower[start..start + len].join(" ")) {
                    covered[start..start + len].iter_mut().for_each(|c| *c = true);
                }
            }
        }
        let mut k = 0;
        while k < run.len() {
            if covered[k] {
                k += 1;
                continue;
            }
            let mut e = k;
            while e + 1 < run.len() && !covered[e + 1] {
                e += 1;
            }
            let words = &lower[k..=e];
            let rare = words.iter().any(|w| RARELY_BORROWED.contains(&w.as_str()));
            let function = words.iter().any(|w| FUNCTION_WORDS.contains(&w.as_str()));
            let (s, (ls, lw)) = (run[k].0, run[e]);
            out.push(Run {
                start: s,
                text: text[s..ls + lw.len()].to_owned(),
                lower: words.join(" "),
                telling: rare || (words.len() >= 3 && function),
            });
            k = e + 1;
        }
    }
    out
}

pub(super) fn untranslated(
    ctx: &DocContext<'_>,
    r: usize,
    runs: &BlockRuns<'_>,
    loans: &HashSet<String>,
    whole_pages: &[bool],
    out: &mut Vec<Draft>,
) {
    let src_lang = source_language(ctx);
    let cells = ctx.cells(r);
    let others: Vec<(usize, &Block)> =
        cells.iter().copied().filter(|(c, _)| ctx.files[*c].locale.language() != src_lang).collect();
    let row = &ctx.alignment.rows[r];
    let segments: Vec<Vec<Run>> = others
        .iter()
        .map(|&(c, b)| {
            let block_runs = row.cells[c].and_then(|i| runs[c].get(i)).map_or(&[][..], Vec::as_slice);
            english_segments(&b.text, block_runs, loans)
        })
        .collect();
    for (k, &(c, b)) in others.iter().enumerate() {
        if matches!(b.kind, BlockKind::Code | BlockKind::Html | BlockKind::Markup) || whole_pages[c] {
            continue;
        }
        if let Some(f) = identical_to_source(ctx, r, c, b) {
            out.push(f);
            continue;
        }
        let runs: Vec<&Run> = segments[k]
            .iter()
            .filter(|run| run.telling && !shared_in_row(&segments, k, &run.lower))
            .filter(|run| {
                let language = ctx.files[c].locale.language();
                !in_parentheses(&b.text, run.start) && !run.lower.split(' ').all(|w| ctx.loans.contains(language, w))
            })
            .collect();
        let Some(first) = runs.first() else { continue };
        let list = runs.iter().map(|r| format!("`{}`", r.text)).collect::<Vec<_>>().join(", ");
        let nth = b.text[..first.start].matches(first.text.as_str()).count();
        let offset = nth_in_source(ctx, c, b, &first.text, nth);
        let message = format!("source-language ({src_lang}) words left untranslated: {list}");
        let subject = runs.iter().map(|r| r.lower.as_str()).collect::<Vec<_>>().join("|");
        out.push(ctx.draft(CheckId::TermUntranslated, c, offset, Some(r), &subject, message));
    }
}

/// A gloss: English in parentheses after the translated term (`Red de entrega (Content Delivery Network)`).
fn in_parentheses(text: &str, start: usize) -> bool {
    text[..start].trim_end().ends_with('(')
}

/// True when at least half of the other translations in the row leave the same words (a shared loan).
pub(super) fn shared_in_row(segments: &[Vec<Run>], me: usize, run: &str) -> bool {
    let rest = segments.len() - 1;
    let sharing = (0..segments.len()).filter(|&k| k != me && segments[k].iter().any(|r| r.lower == run)).count();
    rest > 0 && sharing * 2 >= rest
}

/// Translations whose prose is mostly the source's text, word for word: one finding for the page (the
/// untranslated pages a translation platform commits), and no finding per block. Per column, whether it
/// was told so.
pub(super) fn untranslated_pages(ctx: &DocContext<'_>) -> (Vec<Draft>, Vec<bool>) {
    let mut told = vec![false; ctx.files.len()];
    let mut out = Vec::new();
    let Some(s) = ctx.source else { return (out, told) };
    for c in (0..ctx.files.len()).filter(|&c| c != s && !ctx.files[c].locale.same_language(&ctx.files[s].locale)) {
        let mut compared = 0;
        let mut identical: Vec<(usize, &Block)> = Vec::new();
        for r in ctx.rows() {
            let (Some(src), Some(b)) = (ctx.block(r, s), ctx.block(r, c)) else { continue };
            if !has_prose(src) {
                continue;
            }
            compared += 1;
            if identical_to_source(ctx, r, c, b).is_some() {
                identical.push((r, b));
            }
        }
        if identical.len() >= 3 && identical.len() * 2 >= compared {
            let (r, b) = identical[0];
            let message = format!(
                "{} of {compared} blocks are identical to {}: this page is not translated",
                identical.len(),
                ctx.reference_name(r)
            );
            out.push(ctx.draft(CheckId::TermUntranslated, c, b.range.start, None, "page", message));
            told[c] = true;
        }
    }
    (out, told)
}

fn has_prose(b: &Block) -> bool {
    !matches!(b.kind, BlockKind::Code | BlockKind::Html | BlockKind::Markup)
        && b.text.chars().filter(|c| c.is_alphabetic()).count() >= 20
}

/// A block identical to the source's, with real prose in it.
pub(super) fn identical_to_source(ctx: &DocContext<'_>, r: usize, c: usize, b: &Block) -> Option<Draft> {
    let s = ctx.source?;
    let src = ctx.block(r, s)?;
    // Real prose: at least four words of three letters or more that are not names, twenty letters in all;
    // a list of names, values or links reads the same in every language.
    let link_text: usize = src.links.iter().map(|l| l.text.chars().count()).sum();
    if link_text * 2 > src.text.chars().count() {
        return None;
    }
    let words = glossary::words(&src.text);
    let prose_words = words
        .iter()
        .filter(|(_, w)| w.chars().filter(|c| c.is_alphabetic()).count() >= 3 && !super::names::is_name_like(w))
        .count();
    let letters = src.text.chars().filter(|c| c.is_alphabetic()).count();
    if src.text != b.text || prose_words < 4 || letters < 20 || ctx.files[c].locale.same_language(&ctx.files[s].locale)
    {
        return None;
    }
    let message = format!("{} is identical to {}: not translated", b.kind.label(), ctx.reference_name(r));
    Some(ctx.draft(CheckId::TermUntranslated, c, b.range.start, Some(r), "identical", message))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn english_segments_flag_telling_words_only() {
        let loans: HashSet<String> = ["machine learning".to_owned()].into_iter().collect();
        let telling = |t: &str| -> Vec<String> {
            english_segments(t, &english_runs(t), &loans).into_iter().filter(|r| r.telling).map(|r| r.text).collect()
        };
        assert_eq!(telling("Sinir Networks: PyTorch, TensorFlow"), vec!["Networks"]);
        assert_eq!(telling("de end-to-end-machine learning levenscyclus"), Vec::<String>::new());
        assert_eq!(telling("overboeking Learning een snelkoppeling"), vec!["Learning"]);
        assert_eq!(telling("Das Training eines Modells"), Vec::<String>::new());
        assert_eq!(telling("Machine Learning open source"), Vec::<String>::new());
        assert_eq!(telling("Azure Machine Learning\nLearning"), vec!["Learning"]);
    }
}
