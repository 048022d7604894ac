//! Heading ids made from heading text, as GitHub and Hugo make them.

/// The GitHub-style slug of a heading: lowercase, letters, digits, marks, `-` and `_` kept, spaces to
/// `-`. Works for every script (umlauts, Cyrillic, Turkish dotted İ).
pub fn slugify(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter_map(|c| match c {
            ' ' => Some('-'),
            '-' | '_' => Some(c),
            c if c.is_alphanumeric() || is_combining_mark(c) => Some(c),
            _ => None,
        })
        .collect()
}

pub(super) fn is_combining_mark(c: char) -> bool {
    matches!(c as u32, 0x0300..=0x036F | 0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE20..=0xFE2F)
}

/// Gives repeated slugs the `-1`, `-2` suffixes GitHub and Hugo give them.
#[derive(Default)]
pub(super) struct SlugCounter {
    seen: std::collections::HashMap<String, usize>,
}

impl SlugCounter {
    pub(super) fn next(&mut self, slug: &str) -> String {
        let n = self.seen.entry(slug.to_owned()).or_insert(0);
        let out = if *n == 0 { slug.to_owned() } else { format!("{slug}-{n}") };
        *n += 1;
        out
    }
}
