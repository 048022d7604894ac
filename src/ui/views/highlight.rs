//! Highlights laid over rendered blocks without parsing them again: the find bar's matches and the terms
//! the selected finding quotes are cut out of the runs they fall in and marked, case-insensitively.

use super::markdown::{Highlight, Piece, Run};

/// `pieces` with every occurrence of the `needles` marked as `kind`; `None` when nothing matched (the
/// caller keeps drawing the pieces it has).
pub fn highlight(pieces: &[Piece], needles: &[String], kind: Highlight) -> Option<Vec<Piece>> {
    let needles: Vec<&String> = needles.iter().filter(|n| !n.trim().is_empty()).collect();
    if needles.is_empty() {
        return None;
    }
    let mut any = false;
    let mut mark = |runs: &[Run]| -> Vec<Run> {
        let out = split_runs(runs, &needles, kind);
        any |= out.len() != runs.len() || out.iter().zip(runs).any(|(a, b)| a.highlight != b.highlight);
        out
    };
    let out: Vec<Piece> = pieces
        .iter()
        .map(|piece| match piece {
            Piece::Text { runs, heading, item } => {
                Piece::Text { runs: mark(runs), heading: *heading, item: item.clone() }
            }
            Piece::Table(rows) => {
                Piece::Table(rows.iter().map(|row| row.iter().map(|cell| mark(cell)).collect()).collect())
            }
            other => other.clone(),
        })
        .collect();
    any.then_some(out)
}

fn split_runs(runs: &[Run], needles: &[&String], kind: Highlight) -> Vec<Run> {
    let mut out = Vec::with_capacity(runs.len());
    for run in runs {
        let mut rest = run.text.as_str();
        while let Some((start, end)) = first_match(rest, needles) {
            if start > 0 {
                out.push(Run { text: rest[..start].to_owned(), ..run.clone() });
            }
            out.push(Run { text: rest[start..end].to_owned(), highlight: kind, ..run.clone() });
            rest = &rest[end..];
        }
        if !rest.is_empty() {
            out.push(Run { text: rest.to_owned(), ..run.clone() });
        }
    }
    out
}

/// The first (earliest, then longest) occurrence of a needle in `text`, ignoring case, as byte offsets.
fn first_match(text: &str, needles: &[&String]) -> Option<(usize, usize)> {
    needles.iter().filter_map(|n| find_ignoring_case(text, n)).min_by_key(|&(start, end)| (start, usize::MAX - end))
}

/// Where `needle` occurs in `haystack`, comparing characters by their lowercase forms.
pub fn find_ignoring_case(haystack: &str, needle: &str) -> Option<(usize, usize)> {
    let needle: Vec<char> = needle.chars().flat_map(char::to_lowercase).collect();
    if needle.is_empty() {
        return None;
    }
    let chars: Vec<(usize, char)> = haystack.char_indices().collect();
    'start: for i in 0..chars.len() {
        let mut k = 0;
        let mut j = i;
        while k < needle.len() {
            let Some(&(_, c)) = chars.get(j) else { continue 'start };
            for lower in c.to_lowercase() {
                if needle.get(k) != Some(&lower) {
                    continue 'start;
                }
                k += 1;
            }
            j += 1;
        }
        let end = chars.get(j).map_or(haystack.len(), |&(b, _)| b);
        return Some((chars[i].0, end));
    }
    None
}

/// The terms a finding's message quotes (between backticks): what to highlight in its row.
pub fn quoted_terms(message: &str) -> Vec<String> {
    message.split('`').skip(1).step_by(2).map(str::trim).filter(|t| t.chars().count() >= 2).map(str::to_owned).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(runs: &[&str]) -> Vec<Piece> {
        vec![Piece::Text {
            runs: runs.iter().map(|t| Run { text: (*t).to_owned(), ..Run::default() }).collect(),
            heading: 0,
            item: None,
        }]
    }

    fn marked(pieces: &[Piece]) -> Vec<(String, Highlight)> {
        let Piece::Text { runs, .. } = &pieces[0] else { panic!("text") };
        runs.iter().map(|r| (r.text.clone(), r.highlight)).collect()
    }

    #[test]
    fn cuts_matches_out_of_runs_ignoring_case() {
        let out = highlight(&text(&["Use TensorFlow and tensorflow."]), &["tensorflow".into()], Highlight::Found)
            .expect("matches");
        assert_eq!(
            marked(&out),
            [
                ("Use ".into(), Highlight::None),
                ("TensorFlow".into(), Highlight::Found),
                (" and ".into(), Highlight::None),
                ("tensorflow".into(), Highlight::Found),
                (".".into(), Highlight::None),
            ]
        );
        assert_eq!(highlight(&text(&["nothing here"]), &["absent".into()], Highlight::Found), None);
    }

    #[test]
    fn matches_where_lowercase_changes_byte_lengths() {
        assert_eq!(find_ignoring_case("Straße İstanbul", "istanbul"), None, "İ lowercases to i + a dot");
        assert_eq!(find_ignoring_case("Straße İstanbul", "i̇stanbul"), Some((8, 17)));
        assert_eq!(find_ignoring_case("ÉCOLE école", "école"), Some((0, 6)));
    }

    #[test]
    fn quoted_terms_are_the_backticked_parts() {
        assert_eq!(
            quoted_terms("`TensorFlow` must stay as it is, but this locale has `tensor flow`"),
            ["TensorFlow", "tensor flow"]
        );
        assert_eq!(quoted_terms("paragraph is identical to en: not translated"), Vec::<String>::new());
    }
}
