//! The chapter's plan as a whole: a fresh plan from the segmenter (replacing the one in the page,
//! after a yes), and the desktop plan file, exported as a download or imported from a picked file
//! (the page then reloads it like any other plan).

use leptos::{ev, prelude::*, task::spawn_local};

use super::edits::Workspace;
use crate::{
    api::plans::{export_plan, generate_plan, import_plan},
    components::{chosen_file, confirm, download, file_text},
};

/// Asks the server for a fresh plan of the chapter and edits it from revision 0.
pub fn generate(ws: Workspace) {
    let replacing = ws.state.with_untracked(|s| !s.segments().is_empty());
    if replacing && !confirm(ws.t.confirm_regenerate) {
        return;
    }
    ws.autosave.replacing();
    let version = ws.autosave.version().get_untracked();
    spawn_local(async move {
        let answer = generate_plan(ws.chapter, version).await.map(|fresh| {
            ws.replace(fresh.segments);
            fresh.version
        });
        let fresh = answer.is_ok();
        ws.autosave.replaced(&answer);
        if fresh {
            ws.on_changed.run(());
        }
    });
}

/// Offers the stored plan as a desktop plan file.
pub fn export(ws: Workspace) {
    spawn_local(async move {
        match export_plan(ws.chapter).await {
            Ok(json) => download(&format!("{}.plan.json", ws.chapter.0), &json),
            Err(err) => ws.notice.set(Some((ws.t.error)(&err))),
        }
    });
}

/// Replaces the stored plan with the picked plan file, after a yes, and reloads the page.
pub fn import(ws: Workspace, ev: &ev::Event) {
    let Some(file) = chosen_file(ev) else {
        return;
    };
    if !confirm(ws.t.confirm_import) {
        return;
    }
    spawn_local(async move {
        let result = match file_text(file).await {
            Ok(text) => {
                let version = ws.autosave.version().get_untracked();
                import_plan(ws.chapter, version, text).await
            }
            Err(err) => Err(err),
        };
        match result {
            Ok(_) => {
                let _ = window().location().reload();
            }
            Err(err) => ws.notice.set(Some((ws.t.error)(&err))),
        }
    });
}
