//! `input.*`: files that could not be loaded (`input.encoding`, `input.unreadable`, `input.too-large`) and
//! files whose locale nothing tells (`input.locale`). They are listed first in every report: a file that
//! was not read was not checked.

use super::{CheckId, Finding, fingerprint};
use crate::corpus::{Corpus, LocaleOrigin, ProblemKind};

/// The input findings of a loaded corpus.
pub fn check(corpus: &Corpus) -> Vec<Finding> {
    let mut out = Vec::new();
    for p in &corpus.problems {
        out.push(finding(id_of(p.kind), "", &p.rel, p.line, format!("{}: not loaded", p.reason)));
    }
    for f in corpus.files.iter().filter(|f| f.locale_origin == LocaleOrigin::Unknown) {
        let message =
            "cannot tell this file's locale: name it in front matter (`lang: de`), a folder or a suffix (`name.de.md`)"
                .to_owned();
        out.push(finding(CheckId::InputLocale, "und", &f.rel, 1, message));
    }
    out
}

/// The finding id of a file that could not be loaded.
pub fn id_of(kind: ProblemKind) -> CheckId {
    match kind {
        ProblemKind::Encoding => CheckId::InputEncoding,
        ProblemKind::Unreadable => CheckId::InputUnreadable,
        ProblemKind::TooLarge => CheckId::InputTooLarge,
    }
}

fn finding(id: CheckId, locale: &str, file: &str, line: usize, message: String) -> Finding {
    Finding {
        id,
        severity: id.default_severity(),
        document: String::new(),
        locale: locale.to_owned(),
        file: file.to_owned(),
        line,
        column: 1,
        fingerprint: fingerprint(&[id.as_str(), file]),
        message,
        row: None,
    }
}
