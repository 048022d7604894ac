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
        let first =
            got.iter().zip(expected).position(|(g, e)| !same_line(&g.1, &e.1)).unwrap_or(got.len().min(expected.len()));
        let has = ctx.conjugate(r, "has", "have");
        let who = ctx.reference_name(r);
        let detail = match (got.get(first), expected.get(first)) {
            (Some(g), Some(e)) => format!("`{}` where {who} {has} `{}`", g.0, e.0),
            (Some(g), None) => format!("extra line `{}`", g.0),
            (None, Some(e)) => format!("line `{}` of {who} is missing", e.0),
            (None, None) => "differs".to_owned(),
        };
        let text = &ctx.files[*c].text[b.range.clone()];
        let offset = got.get(first).and_then(|g| text.find(g.0.as_str())).map_or(b.range.start, |i| b.range.start + i);
        let message = format!("code block differs from {who}: {detail}");
        out.push(ctx.draft(CheckId::CodeChanged, *c, offset, Some(r), &detail, message));
    }
}

/// A code span that is code, not a plain word a writer merely set in code font: it has punctuation,
/// digits, capitals inside, or more than one word.
fn is_code_like(text: &str) -> bool {
    let t = text.trim();
    t.chars().any(|c| !c.is_alphabetic()) || t.chars().skip(1).any(char::is_uppercase)
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
        let altered: Vec<&String> =
            got.iter().filter(|(_, gt)| !expected.iter().any(|(_, et)| same_line(gt, et))).map(|(g, _)| g).collect();
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
        assert!(
            is_code_like("os.ErrNotExist")
                && is_code_like("output_dir")
                && is_code_like("PyTorch")
                && is_code_like("kubectl get pods")
        );
    }
}
