//! `Selection`: the selected segment and the rows marked for a group action (set speaker, mark
//! reviewed). The rules are plain functions over `EditorState`, tested natively; a selection
//! never points at a segment that an edit, undo or redo took away.

use std::collections::BTreeSet;

use leptos::prelude::*;
use shared::SegmentId;

use super::editor::EditorState;
use crate::components::Mark;

/// The selected row and the marked rows; a handle, cheap to copy.
#[derive(Clone, Copy)]
pub struct Selection {
    /// The segment shown in the editor.
    pub selected: RwSignal<Option<SegmentId>>,
    /// The rows a group action applies to.
    pub marked: RwSignal<BTreeSet<SegmentId>>,
}

impl Selection {
    /// Selects `first`, with nothing marked.
    pub fn new(first: Option<SegmentId>) -> Self {
        Self {
            selected: RwSignal::new(first),
            marked: RwSignal::new(BTreeSet::new()),
        }
    }

    /// The selected segment, without tracking it.
    pub fn current(self) -> Option<SegmentId> {
        self.selected.get_untracked()
    }

    /// Marks or unmarks the rows for a group action: one row, or every row from the selection.
    pub fn mark(self, state: &EditorState, id: SegmentId, how: Mark) {
        let rows: Vec<SegmentId> = state.segments().iter().map(|s| s.id).collect();
        let from = self.current();
        self.marked.update(|m| mark(m, &rows, from, id, how));
    }

    /// Flips the selected row's mark.
    pub fn toggle_selected(self) {
        if let Some(id) = self.current() {
            self.marked
                .update(|m| mark(m, &[id], None, id, Mark::Toggle));
        }
    }

    /// Moves the selection `step` rows; `marking` marks the rows it leaves and reaches.
    pub fn step(self, state: &EditorState, step: isize, marking: bool) {
        let here = self.current();
        let next = state.neighbour(here, step);
        if marking {
            self.marked
                .update(|m| m.extend(here.into_iter().chain(next)));
        }
        self.selected.set(next);
    }

    /// Unmarks every row.
    pub fn clear_marks(self) {
        self.marked.set(BTreeSet::new());
    }

    /// The marked rows that still exist (a merge or delete may have taken some).
    pub fn marked_in(self, state: &EditorState) -> Vec<SegmentId> {
        self.marked.with_untracked(|m| {
            m.iter()
                .copied()
                .filter(|id| state.segment(*id).is_some())
                .collect()
        })
    }

    /// Keeps the selection on an existing segment after undo or redo.
    pub fn keep_in(self, state: &EditorState) {
        let kept = kept_selection(state, self.current());
        if kept != self.current() {
            self.selected.set(kept);
        }
    }
}

/// Marks `id` (`Mark::Toggle`: flips it) or every row of `rows` from `from` to `id`.
pub fn mark(
    marked: &mut BTreeSet<SegmentId>,
    rows: &[SegmentId],
    from: Option<SegmentId>,
    id: SegmentId,
    how: Mark,
) {
    match how {
        Mark::Toggle => {
            if !marked.remove(&id) {
                marked.insert(id);
            }
        }
        Mark::Range => marked.extend(rows_between(rows, from, id)),
    }
}

/// The ids from `from` to `to` (either order, both included); just `to` when `from` is unknown.
pub fn rows_between(ids: &[SegmentId], from: Option<SegmentId>, to: SegmentId) -> Vec<SegmentId> {
    let at = |id| ids.iter().position(|&x| x == id);
    match (from.and_then(at), at(to)) {
        (Some(a), Some(b)) => ids[a.min(b)..=a.max(b)].to_vec(),
        _ => vec![to],
    }
}

/// `selected` if it still exists, else the first segment.
pub fn kept_selection(state: &EditorState, selected: Option<SegmentId>) -> Option<SegmentId> {
    match selected {
        Some(id) if state.segment(id).is_some() => Some(id),
        _ => state.neighbour(None, 0),
    }
}

/// What to select once `id` is deleted: the next row, or the previous one for the last row.
pub fn after_deleting(state: &EditorState, id: SegmentId) -> Option<SegmentId> {
    let after = state.neighbour(Some(id), 1);
    if after == Some(id) {
        state.neighbour(Some(id), -1)
    } else {
        after
    }
}

#[cfg(test)]
mod tests {
    use shared::Edit;

    use super::*;
    use crate::workspace::editor::tests::editor;

    fn ids(numbers: &[u32]) -> Vec<SegmentId> {
        numbers.iter().copied().map(SegmentId).collect()
    }

    #[test]
    fn rows_between_runs_either_way_and_falls_back_to_the_target() {
        let rows = ids(&[1, 2, 3, 4]);

        assert_eq!(
            rows_between(&rows, Some(SegmentId(2)), SegmentId(4)),
            ids(&[2, 3, 4])
        );
        assert_eq!(
            rows_between(&rows, Some(SegmentId(4)), SegmentId(2)),
            ids(&[2, 3, 4])
        );
        assert_eq!(rows_between(&rows, None, SegmentId(3)), ids(&[3]));
        assert_eq!(
            rows_between(&rows, Some(SegmentId(9)), SegmentId(3)),
            ids(&[3])
        );
    }

    #[test]
    fn a_toggle_flips_one_row_and_a_range_only_adds() {
        let rows = ids(&[1, 2, 3, 4]);
        let mut marked = BTreeSet::new();

        mark(&mut marked, &rows, None, SegmentId(2), Mark::Toggle);
        mark(
            &mut marked,
            &rows,
            Some(SegmentId(1)),
            SegmentId(3),
            Mark::Range,
        );
        mark(
            &mut marked,
            &rows,
            Some(SegmentId(1)),
            SegmentId(2),
            Mark::Range,
        );

        assert_eq!(marked, ids(&[1, 2, 3]).into_iter().collect());
        mark(&mut marked, &rows, None, SegmentId(2), Mark::Toggle);
        assert_eq!(marked, ids(&[1, 3]).into_iter().collect());
    }

    #[test]
    fn deleting_the_last_row_selects_the_one_before() {
        let state = editor("A.\n\nB.\n\nC.");

        assert_eq!(after_deleting(&state, SegmentId(2)), Some(SegmentId(3)));
        assert_eq!(after_deleting(&state, SegmentId(3)), Some(SegmentId(2)));
    }

    #[test]
    fn a_selection_an_undo_took_away_moves_to_the_first_row() {
        let mut state = editor("One two three.\n\nFour five.");
        state
            .apply(&Edit::Split {
                id: SegmentId(1),
                at: 4,
            })
            .expect("split");
        let added = state.segments()[1].id;

        state.undo();

        assert_eq!(kept_selection(&state, Some(added)), Some(SegmentId(1)));
        assert_eq!(
            kept_selection(&state, Some(SegmentId(2))),
            Some(SegmentId(2))
        );
        assert_eq!(kept_selection(&state, None), Some(SegmentId(1)));
    }
}
