//! Text from the user's files, made safe to show: file names and messages can hold control characters
//! (a terminal escape that recolours or clears the screen, a line break that forges a report line) and
//! bidirectional overrides that reorder what is shown. [`visible`] writes each as a visible escape.
//! [`path_text`] turns a relative path into text one to one, so two different file names that are not
//! UTF-8 never become the same name.

use std::borrow::Cow;
use std::fmt::Write;
use std::path::Path;

/// True for characters that must not reach a terminal or a report raw: C0 and C1 controls, DEL, line
/// and paragraph separators, and the bidirectional embedding, override and isolate controls.
pub fn is_unsafe(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{2028}' | '\u{2029}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// `text` with every unsafe character written as `\u{…}` (tab as `\t`, line breaks as `\n`, `\r`): for
/// names and one-line messages.
pub fn visible(text: &str) -> Cow<'_, str> {
    escape(text, false)
}

/// [`visible`] for text of several lines (a note, a diff): line breaks and tabs stay as they are.
pub fn visible_lines(text: &str) -> Cow<'_, str> {
    escape(text, true)
}

fn escape(text: &str, keep_lines: bool) -> Cow<'_, str> {
    let kept = |c: char| keep_lines && (c == '\n' || c == '\t');
    if !text.chars().any(|c| is_unsafe(c) && !kept(c)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 8);
    for c in text.chars() {
        match c {
            c if kept(c) => out.push(c),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            c if is_unsafe(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A relative path as text with `/` between its parts, one to one: each byte that is not part of valid
/// UTF-8 is written `\xNN` and a backslash `\\`, so two different names never give the same text (a lossy
/// conversion would turn both into `�`). Names without either (all real documentation) are unchanged.
pub fn path_text(path: &Path) -> String {
    let mut out = String::new();
    for (i, part) in path.components().enumerate() {
        if i > 0 {
            out.push('/');
        }
        let os = part.as_os_str();
        match os.to_str() {
            Some(s) => out.push_str(&s.replace('\\', "\\\\")),
            None => push_bytes_escaped(&mut out, os),
        }
    }
    out
}

#[cfg(unix)]
fn push_bytes_escaped(out: &mut String, os: &std::ffi::OsStr) {
    use std::os::unix::ffi::OsStrExt;
    for chunk in os.as_bytes().utf8_chunks() {
        for c in chunk.valid().chars() {
            if c == '\\' {
                out.push_str("\\\\");
            } else {
                out.push(c);
            }
        }
        for b in chunk.invalid() {
            let _ = write!(out, "\\x{b:02X}");
        }
    }
}

#[cfg(not(unix))]
fn push_bytes_escaped(out: &mut String, os: &std::ffi::OsStr) {
    // Windows names are UTF-16; an unpaired surrogate is the only thing that is not Unicode.
    use std::os::windows::ffi::OsStrExt;
    for unit in char::decode_utf16(os.encode_wide()) {
        match unit {
            Ok('\\') => out.push_str("\\\\"),
            Ok(c) => out.push(c),
            Err(e) => {
                let _ = write!(out, "\\u{{{:x}}}", e.unpaired_surrogate());
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_and_overrides_are_shown_escaped() {
        assert_eq!(visible("de/guide.md"), "de/guide.md");
        assert_eq!(visible("a\u{1b}[2Jb\nc"), "a\\u{1b}[2Jb\\nc");
        assert_eq!(visible("x\u{9b}31m\u{202e}gnp.md"), "x\\u{9b}31m\\u{202e}gnp.md");
        assert!(matches!(visible("plain"), Cow::Borrowed(_)));
        assert_eq!(visible_lines("line 1\n\tline 2\u{1b}]0;title\u{7}"), "line 1\n\tline 2\\u{1b}]0;title\\u{7}");
    }

    #[cfg(unix)]
    #[test]
    fn names_that_are_not_utf8_stay_apart() {
        use std::ffi::OsStr;
        use std::os::unix::ffi::OsStrExt;
        let a = Path::new(OsStr::from_bytes(b"de/a\xff.md"));
        let b = Path::new(OsStr::from_bytes(b"de/a\xfe.md"));
        assert_eq!(path_text(a), "de/a\\xFF.md");
        assert_ne!(path_text(a), path_text(b));
        // A name that spells the escape literally cannot meet an escaped one.
        assert_eq!(path_text(Path::new("de/a\\xFF.md")), "de/a\\\\xFF.md");
        let literal = Path::new(OsStr::from_bytes(b"de/a\\xFF\xfe.md"));
        assert_eq!(path_text(literal), "de/a\\\\xFF\\xFE.md");
        assert_eq!(path_text(Path::new("en/guide.md")), "en/guide.md");
    }
}
