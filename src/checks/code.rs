//! `code.changed`: code blocks and inline code must come through translation unchanged — apart from what a
//! translator may rightly change: comments, string literals that read as prose, text between markup tags,
//! prose values of configuration, and placeholders (`{{path/to/file}}`, `<pod-name>`, `YOUR_API_KEY`).
//! Inline code a translation adds is not a change; inline code the reference has and the translation lacks
//! is, unless it was a plain word (`raise`, `dict`) the translation wrote as prose.

use super::{CheckId, DocContext, Draft};
use crate::skeleton::{Block, BlockKind, Token, inline_code_tokens};

/// Run the code checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Draft> {
    let mut out = Vec::new();
    for r in ctx.rows() {
        code_block(ctx, r, &mut out);
        inline_code(ctx, r, &mut out);
    }
    out
}

type Lines = Vec<(String, Vec<Token>)>;

fn same_line(a: &[Token], b: &[Token]) -> bool {
    a.len() == b.len() && a.iter().zip(b).all(|(x, y)| x.matches(y))
}

fn code_block(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let cells: Vec<(usize, &Block, Lines)> =
        ctx.cells(r).iter().filter(|(_, b)| b.kind == BlockKind::Code).map(|&(c, b)| (c, b, b.code_tokens())).collect();
    let keys: Vec<(usize, u64)> = cells.iter().map(|(c, b, _)| (*c, b.code_key())).collect();
    let Some(expected_key) = ctx.reference_among(&keys) else { return };
    let ref_col = ctx
        .source
        .filter(|s| keys.iter().any(|(c, _)| c == s))
        .or_else(|| keys.iter().find(|(_, h)| *h == expected_key).map(|(c, _)| *c));
    let Some((ref_col, _, expected)) = cells.iter().find(|(c, _, _)| Some(*c) == ref_col) else { return };
    for (c, b, got) in &cells {
        if c == ref_col || got.len() == expected.len() && got.iter().zip(expected).all(|(g, e)| same_line(&g.1, &e.1)) {
            continue;
        }
        let has = ctx.conjugate(r, "has", "have");
        let who = ctx.reference_name(r);
        let (got_line, detail) = match first_difference(got, expected) {
            (Some(g), Some(e)) => (Some(g), format!("`{}` where {who} {has} `{}`", got[g].0, expected[e].0)),
            (Some(g), None) => (Some(g), format!("extra line `{}`", got[g].0)),
            (None, Some(e)) => (None, format!("line `{}` of {who} is missing", expected[e].0)),
            (None, None) => continue, // the same lines, in another order of equal ones
        };
        let text = &ctx.files[*c].text[b.range.clone()];
        let offset = got_line.and_then(|g| text.find(got[g].0.as_str())).map_or(b.range.start, |i| b.range.start + i);
        let message = format!("code block differs from {who}: {detail}");
        out.push(ctx.draft(CheckId::CodeChanged, *c, offset, Some(r), &detail, message));
    }
}

/// The first place two blocks' lines differ, found by a diff of the lines (so one line added does not
/// make every later line look changed): a line of `got` and the one of `expected` it stands for.
fn first_difference(got: &Lines, expected: &Lines) -> (Option<usize>, Option<usize>) {
    // Lines are compared through keys that are equal exactly when the lines match.
    let key = |line: &[Token]| -> u64 {
        let mut h = crate::util::hash::Hasher64::default();
        for t in line {
            h.write(match t {
                Token::Word(w) if w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()) => "\u{1}",
                Token::Word(w) => w,
                Token::Str(_) => "\"\"",
                Token::Hole => "\u{27e8}",
            });
        }
        h.finish()
    };
    let g: Vec<u64> = got.iter().map(|l| key(&l.1)).collect();
    let e: Vec<u64> = expected.iter().map(|l| key(&l.1)).collect();
    for op in similar::capture_diff_slices(similar::Algorithm::Myers, &e, &g) {
        let (tag, re, rg) = op.as_tag_tuple();
        if tag == similar::DiffTag::Equal {
            continue;
        }
        // Lines whose keys differ may still match (a translated word): look past them pairwise.
        let pairs = re.clone().zip(rg.clone());
        if let Some((x, y)) = pairs.clone().find(|&(x, y)| !same_line(&got[y].1, &expected[x].1)) {
            return (Some(y), Some(x));
        }
        let (done_e, done_g) = (re.start + pairs.count(), rg.start + re.len().min(rg.len()));
        if done_g < rg.end {
            return (Some(done_g), None);
        }
        if done_e < re.end {
            return (None, Some(done_e));
        }
    }
    (None, None)
}

/// A code span that is code, not a plain word a writer merely set in code font (`raise`, `dict`) nor a
/// sentence shown as an example (`### Level 3 heading!`): it has punctuation, digits or capitals inside,
/// and does not read as a sentence (words ending in `.`, `!` or `?`, or two capitalised words).
fn is_code_like(text: &str) -> bool {
    let t = text.trim();
    let code = t.chars().any(|c| !c.is_alphabetic()) || t.chars().skip(1).any(char::is_uppercase);
    let words: Vec<&str> = t.split_whitespace().collect();
    let ends_a_sentence = words.len() >= 2
        && t.ends_with(['.', '!', '?'])
        && t.chars().rev().nth(1).is_some_and(|c| c.is_alphabetic() || c == ' ');
    let capitalised = words
        .iter()
        .filter(|w| {
            let mut c = w.chars();
            c.next().is_some_and(char::is_uppercase) && c.clone().count() >= 2 && c.all(char::is_lowercase)
        })
        .count();
    code && !ends_a_sentence && capitalised < 2
}

fn inline_code(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Draft>) {
    let cells = ctx.cells(r);
    let spans = |b: &Block| -> Vec<(String, Vec<Token>)> {
        b.inline_code.iter().map(|s| (s.text.trim().to_owned(), inline_code_tokens(&s.text))).collect()
    };
    let reference = ctx.source.and_then(|s| cells.iter().find(|(c, _)| *c == s)).or_else(|| majority_cell(ctx, r));
    let Some(&(ref_col, ref_block)) = reference else { return };
    if ref_block.kind == BlockKind::Code {
        return;
    }
    let expected = spans(ref_block);
    if expected.is_empty() {
        return;
    }
    for &(c, b) in cells.iter().filter(|(c, b)| *c != ref_col && b.kind != BlockKind::Code) {
        let got = spans(b);
        let text = &ctx.files[c].text[b.range.clone()];
        let lacking: Vec<&String> = expected
            .iter()
            .filter(|(e, et)| {
                is_code_like(e) && !got.iter().any(|(_, gt)| same_line(gt, et)) && !text.contains(e.as_str())
            })
            .map(|(e, _)| e)
            .collect();
        if lacking.is_empty() {
            continue;
        }
        let who = ctx.reference_name(r);
        let shown: Vec<String> = lacking.iter().take(3).map(|s| format!("`{s}`")).collect();
        let more = if lacking.len() > 3 { format!(" and {} more", lacking.len() - 3) } else { String::new() };
        let altered: Vec<&String> = got
            .iter()
            .filter(|(g, gt)| is_code_like(g) && !expected.iter().any(|(_, et)| same_line(gt, et)))
            .map(|(g, _)| g)
            .collect();
        // Spans merely absent, with nothing in their place, are a rephrased sentence (or a block of other
        // content), not changed code: only a span put in their place is.
        if altered.is_empty() {
            continue;
        }
        let instead = altered.first().map_or_else(String::new, |a| format!(" (this locale has `{a}`)"));
        let message = format!("inline code of {who} missing or altered: {}{more}{instead}", shown.join(", "));
        let offset = altered
            .first()
            .and_then(|a| b.inline_code.iter().find(|s| s.text.trim() == a.as_str()))
            .map_or(b.range.start, |s| s.range.start);
        let subject = lacking.iter().map(|s| s.as_str()).collect::<Vec<_>>().join("|");
        out.push(ctx.draft(CheckId::CodeChanged, c, offset, Some(r), &subject, message));
    }
}

/// Without a source: the cell whose inline code a strict majority of the row shares.
fn majority_cell<'c, 'a>(ctx: &'c DocContext<'a>, r: usize) -> Option<&'c (usize, &'a Block)> {
    let keys: Vec<(usize, Vec<String>)> = ctx
        .cells(r)
        .iter()
        .map(|&(c, b)| {
            let mut v: Vec<String> = b.inline_code.iter().map(|s| s.text.trim().to_owned()).collect();
            v.sort();
            (c, v)
        })
        .collect();
    let expected = ctx.reference_among(&keys)?;
    let col = keys.iter().find(|(_, v)| *v == expected)?.0;
    ctx.cells(r).iter().find(|(c, _)| *c == col)
}

#[cfg(test)]
mod tests {
    use super::is_code_like;
    use crate::skeleton::CommentStyle;

    #[test]
    fn comments_do_not_count_as_code_but_code_that_looks_like_them_does() {
        assert_eq!(CommentStyle::Hash.strip("# Installieren"), "");
        assert_eq!(CommentStyle::Hash.strip("pip install x  # das Paket"), "pip install x ");
        assert_eq!(CommentStyle::Hash.strip("#!/bin/sh"), "#!/bin/sh");
        assert_eq!(CommentStyle::Hash.strip("  --namespace prod"), "  --namespace prod");
        assert_eq!(CommentStyle::Unknown.strip("* * * * * run"), "* * * * * run");
        assert_eq!(CommentStyle::Unknown.strip("--set replicas=3"), "--set replicas=3");
        assert_eq!(CommentStyle::Slash.strip("  // erklärt"), "");
        assert_eq!(CommentStyle::DoubleDash.strip("-- Kommentar"), "");
        assert_eq!(CommentStyle::of(Some("Bash")), CommentStyle::Hash);
    }

    #[test]
    fn plain_words_in_code_font_are_not_code() {
        // fastapi ru/docs/tutorial/handling-errors.md:94 (`raise`), zh/docs/python-types.md:212 (`dict`).
        assert!(!is_code_like("raise") && !is_code_like("dict"));
        assert!(is_code_like("os.ErrNotExist") && is_code_like("output_dir") && is_code_like("PyTorch"));
        // astro-docs fr/guides/integrations-guide/markdoc.mdx:407: a heading written as an example.
        assert!(!is_code_like("### Level 3 heading!"));
    }
}
