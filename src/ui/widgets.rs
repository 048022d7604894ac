//! Small drawing helpers shared by several views: severity colours, the word-level diff and plurals.

use crate::checks::Severity;
use crate::diff::Change;
use crate::notes::NoteSeverity;
use std::ops::Range;

/// The colour of what is marked reviewed.
pub const REVIEWED_COLOR: egui::Color32 = egui::Color32::from_rgb(40, 150, 70);

/// The colour of a finding's severity.
pub fn finding_severity_color(ui: &egui::Ui, s: Severity) -> egui::Color32 {
    match s {
        Severity::Error => ui.visuals().error_fg_color,
        Severity::Warning => ui.visuals().warn_fg_color,
        Severity::Info => ui.visuals().weak_text_color(),
    }
}

/// The colour of a note's MQM severity.
pub fn note_severity_color(ui: &egui::Ui, s: NoteSeverity) -> egui::Color32 {
    match s {
        NoteSeverity::Critical | NoteSeverity::Major => ui.visuals().error_fg_color,
        NoteSeverity::Minor => ui.visuals().warn_fg_color,
        NoteSeverity::Neutral => ui.visuals().weak_text_color(),
    }
}

/// A word-level diff as wrapped text, the inserted words highlighted, at most `width` wide.
pub fn diff_ui(ui: &mut egui::Ui, text: &str, diff: &[(Change, Range<usize>)], width: f32) {
    let mut job = egui::text::LayoutJob::default();
    let body = egui::TextStyle::Body.resolve(ui.style());
    for (change, range) in diff {
        let mut format = egui::TextFormat::simple(body.clone(), ui.visuals().text_color());
        if *change == Change::Inserted {
            format.background = ui.visuals().warn_fg_color.gamma_multiply(0.3);
        }
        job.append(text.get(range.clone()).unwrap_or_default(), 0.0, format);
    }
    job.wrap.max_width = width;
    ui.label(job);
}

/// "1 error", "3 errors".
pub fn plural(n: usize, word: &str) -> String {
    if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") }
}
