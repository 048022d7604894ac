//! Inline facts of a block's text: collapsed white space, broken-link patterns, HTML anchors, numbers.

/// `[text] (target)` patterns in plain text: links whose markup a space broke.
pub(super) fn count_broken_links(text: &str) -> usize {
    // Linear on any input: the first `[` is found once, and each target scan stops at the first space or
    // `)`, which comes no later than the next `] (`.
    let Some(first_open) = text.find('[') else { return 0 };
    text.match_indices("] (")
        .filter(|(i, _)| {
            let rest = &text[i + 3..];
            let target_end = rest.find([')', ' ']).unwrap_or(rest.len());
            *i > first_open && target_end > 0 && !rest[target_end..].starts_with(' ')
        })
        .count()
}

/// Append text with runs of white space collapsed to one space (and none at the start of a line).
pub(super) fn push_collapsed(buf: &mut String, text: &str) {
    // Fast path, the common case: single spaces only.
    let simple = !text.contains("  ") && !text.contains(['\n', '\t', '\r', '\u{a0}']);
    if simple {
        let at_line_start = buf.is_empty() || buf.ends_with([' ', '\n']);
        buf.push_str(if at_line_start { text.trim_start_matches(' ') } else { text });
        return;
    }
    for c in text.chars() {
        if c.is_whitespace() {
            if !buf.is_empty() && !buf.ends_with([' ', '\n']) {
                buf.push(' ');
            }
        } else {
            buf.push(c);
        }
    }
}

/// Mark where items, cells or paragraphs meet: one line break, never at the start.
pub(super) fn push_break(buf: &mut String) {
    if buf.ends_with(' ') {
        buf.pop();
    }
    if !buf.is_empty() && !buf.ends_with('\n') {
        buf.push('\n');
    }
}

/// The `name="…"` / `id="…"` values of an HTML fragment (`<a name="x"></a>`).
pub(super) fn html_anchor_ids(html: &str) -> Vec<String> {
    let mut ids = Vec::new();
    for attr in ["name=", "id="] {
        let mut rest = html;
        while let Some(pos) = rest.find(attr) {
            let before = rest[..pos].chars().last();
            rest = &rest[pos + attr.len()..];
            if before.is_some_and(|c| !c.is_whitespace()) {
                continue;
            }
            let Some(quote) = rest.chars().next().filter(|c| *c == '"' || *c == '\'') else {
                continue;
            };
            if let Some(end) = rest[1..].find(quote) {
                let id = &rest[1..1 + end];
                if !id.is_empty() {
                    ids.push(id.to_owned());
                }
            }
        }
    }
    ids
}

/// Digit runs of a text, separators removed; a run glued to a letter (`v2`, `H2O`) is not a number.
pub(super) fn numbers(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    if !text.bytes().any(|b| b.is_ascii_digit()) {
        return out;
    }
    let mut chars = text.chars().peekable();
    let mut previous: Option<char> = None;
    while let Some(c) = chars.next() {
        if !c.is_ascii_digit() || previous.is_some_and(char::is_alphanumeric) {
            previous = Some(c);
            continue;
        }
        let mut digits = String::from(c);
        let mut last = c;
        while let Some(&n) = chars.peek() {
            if n.is_ascii_digit() {
                digits.push(n);
            } else if !matches!(n, '.' | ',' | '\u{a0}' | '\u{202f}') {
                break;
            }
            last = n;
            chars.next();
        }
        // A trailing separator belongs to the sentence ("in 2024."), not the number.
        let glued = chars.peek().is_some_and(|n| n.is_alphabetic()) && last.is_ascii_digit();
        if !glued {
            out.push(digits);
        }
        previous = Some(last);
    }
    out
}
