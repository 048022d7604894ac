//! Tokenizing prose for term checks: word parts, name-like ASCII tokens, whole-word matching.

/// Word parts of a text: maximal runs of letters and digits, split at hyphens, apostrophes and other ASCII
/// punctuation (so `Learning-Modellen` gives `Learning`). Scans bytes: any non-ASCII byte counts as a
/// letter, so a word with accents or in another script stays whole — and is never an English word.
pub(super) fn parts(text: &str) -> Vec<(usize, &str)> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, &b) in text.as_bytes().iter().enumerate() {
        let wordy = b.is_ascii_alphanumeric() || b >= 0x80;
        match (wordy, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((s, &text[s..i]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push((s, &text[s..]));
    }
    out
}

/// ASCII tokens that may be names: letters and digits with inner `-`, `.` or `_` (`scikit-learn`,
/// `ML.NET`); a token touching a non-ASCII letter is not one.
pub(super) fn ascii_tokens(text: &str) -> Vec<&str> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !bytes[i].is_ascii_alphanumeric() {
            i += 1;
            continue;
        }
        let start = i;
        let mut foreign = start > 0 && bytes[start - 1] >= 0x80;
        while i < bytes.len() {
            let b = bytes[i];
            let joiner = matches!(b, b'-' | b'.' | b'_') && bytes.get(i + 1).is_some_and(u8::is_ascii_alphanumeric);
            if b.is_ascii_alphanumeric() || joiner {
                i += 1;
            } else {
                foreign |= b >= 0x80;
                break;
            }
        }
        if !foreign {
            out.push(&text[start..i]);
        }
        while i < bytes.len() && (bytes[i].is_ascii_alphanumeric() || bytes[i] >= 0x80) {
            i += 1;
        }
    }
    out
}

/// Whole-word, case-insensitive containment; ASCII terms (nearly all names) are matched without
/// lowercasing the text.
pub(super) fn contains_word(text: &str, term: &str) -> bool {
    if !term.is_ascii() {
        return contains_lower(&text.to_lowercase(), &term.to_lowercase());
    }
    let (t, w) = (text.as_bytes(), term.as_bytes());
    let Some(&first) = w.first() else { return false };
    if w.len() > t.len() {
        return false;
    }
    (0..=t.len() - w.len()).any(|i| {
        t[i].eq_ignore_ascii_case(&first)
            && t[i..i + w.len()].eq_ignore_ascii_case(w)
            && !text[..i].chars().next_back().is_some_and(char::is_alphanumeric)
            && text.get(i + w.len()..).is_some_and(|rest| !rest.chars().next().is_some_and(char::is_alphanumeric))
    })
}

/// Whole-word containment of lowercase `term` in lowercase `text`.
pub(super) fn contains_lower(text: &str, term: &str) -> bool {
    !term.is_empty()
        && text.match_indices(term).any(|(i, _)| {
            let before = text[..i].chars().last();
            let after = text[i + term.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn ascii_tokens_are_names_candidates_only() {
        assert_eq!(
            ascii_tokens("scikit-learn, ML.NET und Größe PyTorch-basiert"),
            ["scikit-learn", "ML.NET", "und", "PyTorch-basiert"]
        );
        assert_eq!(ascii_tokens("смартноисе SmartNoise"), ["SmartNoise"]);
    }
}
