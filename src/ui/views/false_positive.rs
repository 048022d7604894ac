//! The false-positive dialog: the finding, an optional reason, and Mark. The mark goes into the folder's
//! notes file (shared with the team; `synoptic check` leaves the finding out from then on).

use crate::checks::Finding;
use crate::ui::command::Command;

/// The mark being written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FalsePositiveDraft {
    /// The finding (index into the review's findings).
    pub finding: usize,
    /// Why it is not a problem.
    pub reason: String,
    focus: bool,
}

impl FalsePositiveDraft {
    /// A draft for a finding, its reason box focused.
    pub fn new(finding: usize) -> FalsePositiveDraft {
        FalsePositiveDraft { finding, reason: String::new(), focus: true }
    }
}

/// Draw the dialog.
pub fn false_positive_ui(
    ctx: &egui::Context,
    draft: &mut FalsePositiveDraft,
    finding: &Finding,
    commands: &mut Vec<Command>,
) {
    let mut open = true;
    egui::Window::new("Mark as false positive")
        .id(egui::Id::unique("false-positive"))
        .collapsible(false)
        .resizable(false)
        .default_width(460.0)
        .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
        .open(&mut open)
        .show(ctx, |ui| {
            ui.label(format!("{}  {}  {}:{}", finding.id, finding.locale, finding.file, finding.line));
            ui.add(egui::Label::new(egui::RichText::new(&finding.message).weak()).wrap());
            let label = ui.label("Reason (optional)");
            let edit = ui
                .add(egui::TextEdit::singleline(&mut draft.reason).desired_width(f32::INFINITY))
                .labelled_by(label.id);
            if std::mem::take(&mut draft.focus) {
                edit.request_focus();
            }
            let enter = edit.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            ui.small("Kept in the folder's notes file, shared with the team: `synoptic check` leaves it out.");
            ui.horizontal(|ui| {
                if ui.button("Mark").clicked() || enter {
                    commands.push(Command::MarkFalsePositive { finding: draft.finding, reason: draft.reason.clone() });
                }
                if ui.button("Cancel").clicked() {
                    commands.push(Command::CancelFalsePositive);
                }
            });
        });
    if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
        commands.push(Command::CancelFalsePositive);
    }
}
