//! `code.changed`: code blocks and inline code must come through translation unchanged. Comment lines are
//! left out of the comparison, since translating comments is legitimate.

use super::structure::reference_name;
use super::{CheckId, DocContext, Finding};
use crate::skeleton::{Block, BlockKind};

/// Run the code checks over one document.
pub fn check(ctx: &DocContext<'_>) -> Vec<Finding> {
    let mut out = Vec::new();
    for r in 0..ctx.alignment.rows.len() {
        code_block(ctx, r, &mut out);
        inline_code(ctx, r, &mut out);
    }
    out
}

fn code_block(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let Some(expected) = ctx.reference(r, |b| (b.kind == BlockKind::Code).then(|| b.code_lines())).flatten() else {
        return;
    };
    for (c, b) in ctx.cells(r) {
        if b.kind != BlockKind::Code {
            continue;
        }
        let got = b.code_lines();
        if got == expected {
            continue;
        }
        let first = got.iter().zip(&expected).position(|(g, e)| g != e).unwrap_or(got.len().min(expected.len()));
        let detail = match (got.get(first), expected.get(first)) {
            (Some(g), Some(e)) => {
                format!(
                    "`{g}` where {} {} `{e}`",
                    reference_name(ctx, r),
                    super::structure::conjugate(ctx, r, "has", "have")
                )
            }
            (Some(g), None) => format!("extra line `{g}`"),
            (None, Some(e)) => format!("line `{e}` of {} is missing", reference_name(ctx, r)),
            (None, None) => "differs".to_owned(),
        };
        let offset = b.code.as_ref().and_then(|_| {
            let text = &ctx.files[c].text[b.range.clone()];
            got.get(first).and_then(|g| text.find(g.as_str())).map(|i| b.range.start + i)
        });
        let message = format!("code block differs from {}: {detail}", reference_name(ctx, r));
        out.push(ctx.finding(CheckId::CodeChanged, c, offset.unwrap_or(b.range.start), Some(r), &detail, message));
    }
}

fn inline_code(ctx: &DocContext<'_>, r: usize, out: &mut Vec<Finding>) {
    let spans = |b: &Block| {
        let mut v: Vec<String> = b.inline_code.iter().map(|s| s.text.trim().to_owned()).collect();
        v.sort();
        v
    };
    let Some(expected) = ctx.reference(r, spans) else {
        return;
    };
    for (c, b) in ctx.cells(r) {
        let got = spans(b);
        if got == expected || b.kind == BlockKind::Code {
            continue;
        }
        let unexpected: Vec<&String> = got.iter().filter(|g| !expected.contains(g)).collect();
        let lacking: Vec<&String> = expected.iter().filter(|e| !got.contains(e)).collect();
        if unexpected.is_empty() && lacking.is_empty() {
            continue; // the same spans, repeated another number of times
        }
        let mut parts = Vec::new();
        if !unexpected.is_empty() {
            parts.push(format!("{} not in {}", backticked(&unexpected), reference_name(ctx, r)));
        }
        if !lacking.is_empty() {
            parts.push(format!("{} missing", backticked(&lacking)));
        }
        let offset = unexpected
            .first()
            .and_then(|u| b.inline_code.iter().find(|s| s.text.trim() == u.as_str()))
            .map_or(b.range.start, |s| s.range.start);
        let message = format!("inline code differs: {}", parts.join("; "));
        out.push(ctx.finding(CheckId::CodeChanged, c, offset, Some(r), &parts.join(";"), message));
    }
}

fn backticked(items: &[&String]) -> String {
    items.iter().map(|s| format!("`{s}`")).collect::<Vec<_>>().join(", ")
}

#[cfg(test)]
mod tests {
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
}
