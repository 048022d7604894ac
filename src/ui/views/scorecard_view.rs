//! The Scorecard tab: the MQM scorecard of the notes, per locale — evaluated words, notes by severity,
//! penalty points, points per 1,000 words, quality score and pass or fail against the threshold.

use crate::scorecard::{LocaleScore, ScoringModel, Verdict};

/// Draw the scorecard.
pub fn scorecard_ui(ui: &mut egui::Ui, scores: &[LocaleScore], model: &ScoringModel) {
    let p = &model.penalties;
    ui.label(format!(
        "Penalties: neutral {} / minor {} / major {} / critical {}; a locale passes at a score of {} or more \
         (set in synoptic.toml, [scorecard]). Won't-fix notes are not counted. The evaluated words are those \
         of the rows and documents marked reviewed.",
        p.neutral, p.minor, p.major, p.critical, model.threshold
    ));
    egui::ScrollArea::both().id_salt("scorecard").auto_shrink(false).show(ui, |ui| {
        egui::Grid::new("scorecard-grid").striped(true).num_columns(11).spacing([16.0, 4.0]).show(ui, |ui| {
            for title in [
                "Locale",
                "Documents",
                "Reviewed words",
                "Neutral",
                "Minor",
                "Major",
                "Critical",
                "Penalty",
                "Per 1,000 words",
                "Score",
                "Result",
            ] {
                ui.strong(title);
            }
            ui.end_row();
            for s in scores {
                ui.label(&s.locale);
                ui.label(s.documents.to_string());
                ui.label(format!("{} of {}", s.words, s.total_words));
                for n in s.notes {
                    ui.label(n.to_string());
                }
                ui.label(format!("{:.1}", s.penalty));
                ui.label(if s.per_thousand_words.is_finite() {
                    format!("{:.2}", s.per_thousand_words)
                } else {
                    "n/a".into()
                });
                ui.label(if s.score.is_finite() { format!("{:.2}", s.score) } else { "n/a".into() });
                match s.verdict {
                    Verdict::Pass => ui.colored_label(egui::Color32::from_rgb(40, 140, 60), "pass"),
                    Verdict::Fail => ui.colored_label(ui.visuals().error_fg_color, "fail"),
                    Verdict::NotReviewed => ui.weak(Verdict::NotReviewed.label()),
                };
                ui.end_row();
            }
        });
    });
}
