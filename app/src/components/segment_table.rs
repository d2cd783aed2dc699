//! `SegmentTable`: one row per segment. Rows are keyed by everything they show, so an edit
//! re-renders only the rows it touched; selection updates only the two rows involved.

use leptos::prelude::*;
use shared::{Segment, SegmentId};

/// What one table row shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    /// Segment id.
    pub id: SegmentId,
    /// Delimiter name.
    pub delimiter: &'static str,
    /// Start offset.
    pub start: usize,
    /// End offset.
    pub end: usize,
    /// Characters of the text to read.
    pub chars: usize,
    /// Speaker, if any.
    pub speaker: Option<String>,
    /// Flagged for revision.
    pub needs_revision: bool,
    /// Text differs from the chapter's.
    pub edited: bool,
}

impl From<&Segment> for Row {
    fn from(segment: &Segment) -> Self {
        Self {
            id: segment.id,
            delimiter: segment.delimiter.as_str(),
            start: segment.start,
            end: segment.end,
            chars: segment.text.chars().count(),
            speaker: segment.speaker.clone(),
            needs_revision: segment.needs_revision,
            edited: segment.is_edited(),
        }
    }
}

/// The table of segments.
#[component]
pub fn SegmentTable(
    rows: Memo<Vec<Row>>,
    selected: Signal<Option<SegmentId>>,
    on_select: Callback<SegmentId>,
    on_toggle_flag: Callback<SegmentId>,
) -> impl IntoView {
    let selector = Selector::new(move || selected.get());
    view! {
        <table class="segments" aria-label="Segments">
            <thead>
                <tr>
                    <th scope="col">
                        <span class="visually-hidden">"Selected"</span>
                    </th>
                    <th scope="col">"Flag"</th>
                    <th scope="col">"Id"</th>
                    <th scope="col">"Delimiter"</th>
                    <th scope="col">"Start"</th>
                    <th scope="col">"End"</th>
                    <th scope="col">"Length"</th>
                    <th scope="col">"Speaker"</th>
                </tr>
            </thead>
            <tbody>
                <For each=move || rows.get() key=|row| row.clone() let:row>
                    {segment_row(row, selector.clone(), on_select, on_toggle_flag)}
                </For>
            </tbody>
        </table>
    }
}

fn segment_row(
    row: Row,
    selector: Selector<Option<SegmentId>>,
    on_select: Callback<SegmentId>,
    on_toggle_flag: Callback<SegmentId>,
) -> impl IntoView {
    let id = row.id;
    let is_selected = Signal::derive(move || selector.selected(&Some(id)));
    let flag_label = format!("Needs revision: segment {id}");
    let speaker = row.speaker.unwrap_or_else(|| "—".to_owned());
    let delimiter = if row.edited {
        format!("{} ✎", row.delimiter)
    } else {
        row.delimiter.to_owned()
    };
    view! {
        <tr
            id=format!("seg-{id}")
            class:selected=is_selected
            aria-selected=move || is_selected.get().to_string()
            on:click=move |_| on_select.run(id)
        >
            <td class="marker">{move || if is_selected.get() { "▶" } else { "" }}</td>
            <td>
                <button
                    class="flag"
                    class:on=row.needs_revision
                    aria-label=flag_label
                    aria-pressed=row.needs_revision.to_string()
                    on:click=move |ev| {
                        ev.stop_propagation();
                        on_toggle_flag.run(id);
                    }
                >
                    "⚑"
                </button>
            </td>
            <td>{id.0}</td>
            <td>{delimiter}</td>
            <td>{row.start}</td>
            <td>{row.end}</td>
            <td>{row.chars}</td>
            <td>{speaker}</td>
        </tr>
    }
}
