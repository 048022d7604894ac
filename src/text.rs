//! Turning file bytes into text: UTF-8 with or without BOM, UTF-16 LE/BE with or without BOM, CRLF, and the
//! byte-offset → line/column index every finding location comes from.

/// How a file's bytes were decoded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Encoding {
    /// UTF-8 without a byte-order mark.
    Utf8,
    /// UTF-8 with a byte-order mark.
    Utf8Bom,
    /// UTF-16 little endian with a byte-order mark.
    Utf16Le,
    /// UTF-16 big endian with a byte-order mark.
    Utf16Be,
    /// UTF-16 little endian without a byte-order mark, recognised by its NUL bytes.
    Utf16LeNoBom,
    /// UTF-16 big endian without a byte-order mark, recognised by its NUL bytes.
    Utf16BeNoBom,
}

/// Why bytes could not be decoded as text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DecodeError {
    /// The bytes look binary (NUL bytes that are not the pattern of UTF-16 text).
    Binary,
    /// Invalid UTF-8 at this byte offset (1-based line given for the message).
    InvalidUtf8 {
        /// Byte offset of the first invalid sequence.
        offset: usize,
        /// 1-based line of that offset.
        line: usize,
    },
    /// A UTF-16 file with an odd length or an unpaired surrogate.
    InvalidUtf16,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary => write!(f, "binary content (NUL bytes), not a text file"),
            DecodeError::InvalidUtf8 { offset, line } => {
                write!(f, "invalid UTF-8 at byte {offset} (line {line}); save the file as UTF-8")
            }
            DecodeError::InvalidUtf16 => {
                write!(f, "invalid UTF-16 (odd length or unpaired surrogate)")
            }
        }
    }
}

/// Decode file bytes to a `String` with `\n` line ends, taking the buffer: plain UTF-8 (the common case)
/// is validated in place, not copied.
pub fn decode_owned(bytes: Vec<u8>) -> Result<(String, Encoding), DecodeError> {
    let plain = !bytes.starts_with(&[0xEF, 0xBB, 0xBF])
        && !bytes.starts_with(&[0xFF, 0xFE])
        && !bytes.starts_with(&[0xFE, 0xFF]);
    if !plain || bytes.contains(&0) {
        return decode(&bytes);
    }
    match String::from_utf8(bytes) {
        Ok(text) => Ok((normalize_newlines(text), Encoding::Utf8)),
        Err(e) => decode(e.as_bytes()),
    }
}

/// Decode file bytes to a `String` with `\n` line ends (CRLF and lone CR become LF).
pub fn decode(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let (text, encoding) = if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        (decode_utf8(rest)?, Encoding::Utf8Bom)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        (decode_utf16(rest, u16::from_le_bytes)?, Encoding::Utf16Le)
    } else if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        (decode_utf16(rest, u16::from_be_bytes)?, Encoding::Utf16Be)
    } else if bytes.contains(&0) {
        decode_utf16_without_bom(bytes)?
    } else {
        (decode_utf8(bytes)?, Encoding::Utf8)
    };
    Ok((normalize_newlines(text), encoding))
}

fn decode_utf8(bytes: &[u8]) -> Result<String, DecodeError> {
    match std::str::from_utf8(bytes) {
        Ok(s) => Ok(s.to_owned()),
        Err(e) => {
            let offset = e.valid_up_to();
            let line = 1 + bytes[..offset].iter().filter(|&&b| b == b'\n').count();
            Err(DecodeError::InvalidUtf8 { offset, line })
        }
    }
}

fn decode_utf16(bytes: &[u8], word: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !bytes.len().is_multiple_of(2) {
        return Err(DecodeError::InvalidUtf16);
    }
    let units = bytes.chunks_exact(2).map(|c| word([c[0], c[1]]));
    char::decode_utf16(units).collect::<Result<String, _>>().map_err(|_| DecodeError::InvalidUtf16)
}

/// Text in UTF-16 without a byte-order mark: Markdown always has spaces and line ends, even in Cyrillic or
/// Japanese, and they come out as spaces and line ends only when the bytes are read in their true order
/// (read the other way, `\n\0` is U+0A00). So both orders are tried, a decoding with control characters
/// is refused, and the order that yields the most spaces and line ends wins; none at all means binary.
fn decode_utf16_without_bom(bytes: &[u8]) -> Result<(String, Encoding), DecodeError> {
    let plausible = |word: fn([u8; 2]) -> u16, encoding: Encoding| {
        let text = decode_utf16(bytes, word).ok()?;
        let control = text.chars().any(|c| c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}'));
        let blanks = text.chars().filter(|c| matches!(c, ' ' | '\n')).count();
        (!control && blanks > 0).then_some((blanks, text, encoding))
    };
    let le = plausible(u16::from_le_bytes, Encoding::Utf16LeNoBom);
    let be = plausible(u16::from_be_bytes, Encoding::Utf16BeNoBom);
    let best = match (le, be) {
        (Some(le), Some(be)) => Some(if be.0 > le.0 { be } else { le }),
        (le, be) => le.or(be),
    };
    best.map(|(_, text, encoding)| (text, encoding)).ok_or(DecodeError::Binary)
}

fn normalize_newlines(text: String) -> String {
    if !text.contains('\r') {
        return text;
    }
    text.replace("\r\n", "\n").replace('\r', "\n")
}

/// Maps byte offsets of a text to 1-based lines and columns (columns count characters).
#[derive(Debug, Clone, Default)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Index the line starts of `text`.
    pub fn new(text: &str) -> Self {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Self { starts }
    }

    /// 1-based line of a byte offset.
    pub fn line(&self, offset: usize) -> usize {
        self.starts.partition_point(|&s| s <= offset).max(1)
    }

    /// Byte offset where a 1-based line starts (the text's length past the last line).
    pub fn start_of(&self, line: usize, text_len: usize) -> usize {
        self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text_len)
    }

    /// 1-based (line, column) of a byte offset; the column counts characters.
    pub fn line_col(&self, text: &str, offset: usize) -> (usize, usize) {
        let line = self.line(offset);
        let start = self.starts[line - 1];
        let end = offset.min(text.len());
        let col = text.get(start..end).map_or(1, |s| s.chars().count() + 1);
        (line, col)
    }

    /// The byte offset of a 1-based (line, column); the column counts characters.
    pub fn offset(&self, text: &str, line: usize, column: usize) -> usize {
        let start = self.starts.get(line.saturating_sub(1)).copied().unwrap_or(text.len());
        text[start..].char_indices().nth(column.saturating_sub(1)).map_or(text.len(), |(i, _)| start + i)
    }

    /// Number of lines.
    pub fn len(&self) -> usize {
        self.starts.len()
    }

    /// True for an empty index (never: a text has at least one line).
    pub fn is_empty(&self) -> bool {
        self.starts.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decodes_every_supported_encoding_to_the_same_text() {
        let expected = "# Titel\nÄpfel\n";
        let utf8 = expected.as_bytes().to_vec();
        let mut bom = vec![0xEF, 0xBB, 0xBF];
        bom.extend_from_slice(&utf8);
        let crlf = "# Titel\r\nÄpfel\r\n".as_bytes().to_vec();
        let mut le = vec![0xFF, 0xFE];
        let mut be = vec![0xFE, 0xFF];
        for u in "# Titel\r\nÄpfel\r\n".encode_utf16() {
            le.extend_from_slice(&u.to_le_bytes());
            be.extend_from_slice(&u.to_be_bytes());
        }
        assert_eq!(decode(&utf8).map(|d| d.1), Ok(Encoding::Utf8));
        assert_eq!(decode_owned(utf8.clone()), Ok((expected.to_owned(), Encoding::Utf8)));
        assert_eq!(decode_owned(bom.clone()), Ok((expected.to_owned(), Encoding::Utf8Bom)));
        assert_eq!(decode_owned(b"bad \xc3\x28".to_vec()), Err(DecodeError::InvalidUtf8 { offset: 4, line: 1 }));
        assert_eq!(decode(&bom), Ok((expected.to_owned(), Encoding::Utf8Bom)));
        assert_eq!(decode(&crlf).map(|d| d.0), Ok(expected.to_owned()));
        assert_eq!(decode(&le), Ok((expected.to_owned(), Encoding::Utf16Le)));
        assert_eq!(decode(&be), Ok((expected.to_owned(), Encoding::Utf16Be)));
    }

    #[test]
    fn rejects_binary_and_invalid_input_with_a_reason() {
        assert_eq!(decode(b"PK\x03\x04\x00\x00"), Err(DecodeError::Binary));
        assert_eq!(decode(b"ok\nbad \xc3\x28 here"), Err(DecodeError::InvalidUtf8 { offset: 7, line: 2 }));
        assert_eq!(decode(&[0xFF, 0xFE, 0x41]), Err(DecodeError::InvalidUtf16));
        assert_eq!(decode(&[0xFF, 0xFE, 0x00, 0xD8]), Err(DecodeError::InvalidUtf16));
    }

    #[test]
    fn recognises_utf16_without_a_bom_by_its_nul_bytes() {
        let text = "# Titel\n\nÄpfel und Birnen [a](b.md)\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        assert_eq!(decode(&le), Ok((text.to_owned(), Encoding::Utf16LeNoBom)));
        assert_eq!(decode_owned(be), Ok((text.to_owned(), Encoding::Utf16BeNoBom)));
        let ja = "# ガイド\n\n最初にこれを読んでください。\n";
        let ja_le: Vec<u8> = ja.encode_utf16().flat_map(u16::to_le_bytes).collect();
        assert_eq!(decode(&ja_le), Ok((ja.to_owned(), Encoding::Utf16LeNoBom)));
        // Without a BOM nothing says the bytes were meant as UTF-16: an odd length, control characters
        // or no space and no line end in either byte order make them binary.
        let mut odd = le.clone();
        odd.push(b'#');
        assert_eq!(decode(&odd), Err(DecodeError::Binary));
        assert_eq!(decode(b"\x00\x00\x00\x00abcd"), Err(DecodeError::Binary));
        assert_eq!(decode(&[0x01, 0x00, 0x02, 0x00, 0x41, 0x00]), Err(DecodeError::Binary));
    }

    #[test]
    fn line_index_gives_lines_and_character_columns() {
        let text = "ab\nцвет x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_col(text, 0), (1, 1));
        let x = text.find('x').unwrap_or_default();
        assert_eq!(idx.line_col(text, x), (2, 6));
        assert_eq!(idx.line(text.len()), 3);
        assert_eq!(idx.offset(text, 2, 6), x);
    }
}
