//! The central panel before a document is open: what to do, or that a folder is loading.

/// What the central panel shows before a document is open.
pub fn welcome_ui(ui: &mut egui::Ui, loading: bool) {
    ui.vertical_centered(|ui| {
        ui.add_space(80.0);
        ui.heading("Synoptic");
        if loading {
            ui.label("Loading…");
            ui.spinner();
        } else {
            ui.label("Open a folder of translated Markdown (Ctrl+O), or drop one here.");
        }
    });
}
