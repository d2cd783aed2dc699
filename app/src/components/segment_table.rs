//! `SegmentTable`: the chapter read like a script, one row per segment in a scroll pane: its
//! speaker's name in the character's colour (the selected row's is its speaker menu), its words
//! (the first lines; all of them when selected), the confidence and the review marks. Rows are
//! keyed by everything they show, so an edit re-renders only the rows it touched; selection
//! updates only the two rows involved; a long table renders only the rows in view
//! ([`visible_range`]), and the server sends only its first screenful ([`first_range`]).

mod row;
mod speaker;
#[cfg(test)]
mod tests;

use std::{collections::BTreeSet, ops::Range};

use leptos::{ev, html::Div, prelude::*, wasm_bindgen::JsCast};
use shared::{attribution::verdict::Attribution, Segment, SegmentId};

use self::row::{segment_row, RowContext};
pub use self::{
    row::speaker_menu_id,
    speaker::{speakers, Speaker, Voices},
};
use crate::i18n::t;

/// What one table row shows.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Row {
    /// Segment id.
    pub id: SegmentId,
    /// The words to read.
    pub text: String,
    /// Speaker, if any.
    pub speaker: Option<String>,
    /// The speaker was picked by hand.
    pub locked: bool,
    /// The automatic engine's confidence in the speaker, in percent (after a run).
    pub confidence: Option<u8>,
    /// What the automatic engine based it on ("explicit tag", "turn taking").
    pub evidence: Option<String>,
    /// Who a speech tag next to the line names instead of the speaker (not yet confirmed).
    pub contradiction: Option<String>,
    /// Flagged for revision.
    pub needs_revision: bool,
    /// A reviewer checked it.
    pub reviewed: bool,
    /// Text differs from the chapter's.
    pub edited: bool,
}

impl Row {
    /// The row of `segment`, with what the last automatic run found for it and the name a speech
    /// tag gives instead of its speaker, if any.
    pub fn new(
        segment: &Segment,
        found: Option<&Attribution>,
        contradiction: Option<&str>,
    ) -> Self {
        let automatic = found.filter(|_| !segment.speaker_locked);
        Self {
            id: segment.id,
            text: segment.text.clone(),
            speaker: segment.speaker.clone(),
            locked: segment.speaker_locked,
            confidence: automatic.map(|a| (a.confidence.clamp(0.0, 1.0) * 100.0).round() as u8),
            evidence: automatic.map(|a| words_of(&format!("{:?}", a.evidence.rule))),
            contradiction: contradiction
                .filter(|_| !segment.speaker_locked)
                .map(str::to_owned),
            needs_revision: segment.needs_revision,
            reviewed: segment.reviewed,
            edited: segment.is_edited(),
        }
    }
}

impl Row {
    /// Whether the row needs the producer's eye: no speaker, a doubtful automatic one, or one a
    /// speech tag contradicts.
    pub fn is_doubtful(&self) -> bool {
        self.speaker.is_none()
            || self.contradiction.is_some()
            || self.confidence.is_some_and(|c| c < DOUBTFUL_BELOW)
    }
}

/// Automatic speakers below this confidence (percent) are shown as doubtful.
pub const DOUBTFUL_BELOW: u8 = 60;

/// "ExplicitTag" → "explicit tag".
fn words_of(name: &str) -> String {
    let mut words = String::with_capacity(name.len() + 4);
    for (i, c) in name.chars().enumerate() {
        if c.is_uppercase() && i > 0 {
            words.push(' ');
        }
        words.extend(c.to_lowercase());
    }
    words
}

/// Tables with more rows than this render only the rows in view (plus [`OVERSCAN`] each side),
/// so an edit on a 2,000-segment chapter touches a few dozen rows, not thousands. Shorter
/// tables render every row, which keeps the browser's find-in-page working on them.
pub const WINDOW_ABOVE: usize = 150;
/// Rows rendered beyond each edge of the visible area.
pub const OVERSCAN: usize = 20;
/// A long table's rows in the page the server sends, which hydration renders too: enough to fill
/// a screen 1,900 pixels tall. The rest arrive once the browser has measured the pane. Every row
/// of a 500-segment chapter in the HTML made the first paint wait for the browser to parse and
/// lay them out (BENCHMARKS.md, "Chapter page load").
pub const FIRST_ROWS: usize = 30;
/// How many rows above the selected one the server's first rows start.
const CONTEXT_ABOVE: usize = 3;

/// What the table's scroll pane shows, in pixels.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Viewport {
    /// Scroll offset of the pane.
    pub top: f64,
    /// Visible height of the pane.
    pub height: f64,
    /// Height of one row.
    pub row: f64,
}

/// The rows to render out of `len` before the pane is measured (on the server and while
/// hydrating): every row of a short table or when `all` are asked for (`?rows=all`, the link under
/// a long table for reading without JavaScript), else [`FIRST_ROWS`] from just above `anchor`, the
/// selected row.
pub fn first_range(len: usize, anchor: Option<usize>, all: bool) -> Range<usize> {
    if all || len <= WINDOW_ABOVE {
        return 0..len;
    }
    let start = anchor
        .unwrap_or(0)
        .saturating_sub(CONTEXT_ABOVE)
        .min(len.saturating_sub(FIRST_ROWS));
    start..(start + FIRST_ROWS).min(len)
}

/// The rows to render out of `len` once the pane is measured: all of them for a short table (or
/// before a row could be measured), else those in view plus the overscan.
pub fn visible_range(len: usize, viewport: Option<Viewport>) -> Range<usize> {
    let Some(view) = viewport.filter(|v| len > WINDOW_ABOVE && v.row > 0.0) else {
        return 0..len;
    };
    // Float to index: saturating casts of non-negative, finite values.
    let first = (view.top.max(0.0) / view.row).floor() as usize;
    let count = (view.height.max(0.0) / view.row).ceil() as usize + 1;
    let start = first.saturating_sub(OVERSCAN).min(len);
    let end = first.saturating_add(count + OVERSCAN).min(len);
    start..end
}

/// The table of segments, in its own scroll pane.
#[component]
pub fn SegmentTable(
    rows: Memo<Vec<Row>>,
    selected: Signal<Option<SegmentId>>,
    on_select: Callback<SegmentId>,
    on_toggle_flag: Callback<SegmentId>,
    voices: Voices,
    on_set_speaker: Callback<(SegmentId, Option<String>)>,
    marked: Signal<BTreeSet<SegmentId>>,
    on_mark: Callback<(SegmentId, Mark)>,
    /// Render every row before the pane is measured, not only the first screenful.
    all_rows: bool,
) -> impl IntoView {
    let selector = Selector::new(move || selected.get());
    let t = t();
    let pane = NodeRef::<Div>::new();
    // `None` until the pane is measured in the browser, so the server and hydration render every row.
    let viewport = RwSignal::new(None::<Viewport>);
    let measure = move || {
        if let Some(pane) = pane.get_untracked() {
            viewport.set(Some(measure_pane(&pane)));
        }
    };
    Effect::new(move |_| {
        if pane.get().is_some() {
            measure();
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());

    // The row the page opened on, which the server's first rows include, and its place.
    let opened = selected.get_untracked();
    let anchor =
        opened.and_then(|id| rows.with_untracked(|r| r.iter().position(|row| row.id == id)));
    let window = Memo::new(move |_| {
        let len = rows.with(Vec::len);
        match viewport.get() {
            Some(view) => visible_range(len, Some(view)),
            None => first_range(len, anchor, all_rows),
        }
    });
    // Under a long table the server cut, for a reader without JavaScript: which rows these are and
    // a link to all of them. Gone once the browser has measured the pane and renders by scrolling.
    // The link keeps the reader's place: the row the page opened on, unless it is the first.
    let keep_place = opened.filter(|_| anchor.is_some_and(|at| at > 0));
    let cut = move || {
        let (len, shown) = (rows.with(Vec::len), window.get());
        (viewport.with(Option::is_none) && shown.len() < len).then(|| {
            let href =
                keep_place.map_or("?rows=all".to_owned(), |id| format!("?rows=all#seg-{id}"));
            view! {
                <p class="rows-cut">
                    {(t.rows_shown)(shown.start + 1, shown.end, len)}
                    " "
                    <a href=href>{t.show_all_rows}</a>
                </p>
            }
        })
    };
    let row_height = move || viewport.get().map_or(0.0, |v| v.row);
    let above = move || format!("{}px", window.get().start as f64 * row_height());
    let below = move || {
        let hidden = rows.with(|r| r.len()) - window.get().end;
        format!("{}px", hidden as f64 * row_height())
    };

    // Keeps the selected row in view, whatever moved it (keys, a split, an undo, a link to a
    // segment), once the pane is measured.
    let measured = Memo::new(move |_| viewport.with(Option::is_some));
    Effect::new(move |_| {
        measured.track();
        let Some(id) = selected.get() else { return };
        let (Some(pane), Some(view)) = (pane.get_untracked(), viewport.get_untracked()) else {
            return;
        };
        let Some(index) = rows.with_untracked(|r| r.iter().position(|row| row.id == id)) else {
            return;
        };
        if let Some(top) = scroll_to_show(index, view, header_height(&pane)) {
            pane.set_scroll_top(top as i32);
            // Right after the measurement the pane holds only the server's first rows, too few to
            // scroll that far: scroll again once the spacers have their heights.
            if f64::from(pane.scroll_top()) + 1.0 < top {
                request_animation_frame(move || pane.set_scroll_top(top as i32));
            }
        }
    });

    view! {
        <div
            class="table-pane"
            node_ref=pane
            on:scroll=move |_| {
                if let Some(pane) = pane.get_untracked() {
                    let top = f64::from(pane.scroll_top());
                    viewport.update(|v| if let Some(v) = v { v.top = top });
                }
            }
        >
            <table class="segments" aria-label=t.segments>
                <thead>
                    <tr>
                        <th scope="col">
                            <span class="visually-hidden">{t.selected}</span>
                        </th>
                        <th scope="col">{t.id}</th>
                        <th scope="col">{t.speaker}</th>
                        <th scope="col">{t.text}</th>
                        <th scope="col">{t.confidence}</th>
                        <th scope="col">{t.flag}</th>
                    </tr>
                </thead>
                // Rows are numbered by a CSS counter from the first one rendered: a split renumbers
                // the rows below it without rendering them again.
                <tbody style:counter-reset=move || format!("row {}", window.get().start)>
                    <tr class="spacer" aria-hidden="true" style:height=above>
                        <td colspan="6"></td>
                    </tr>
                    <For
                        each=move || rows.with(|r| r[window.get()].to_vec())
                        key=|row| row.clone()
                        let:row
                    >
                        {segment_row(
                            row,
                            RowContext {
                                selector: selector.clone(),
                                on_select,
                                on_toggle_flag,
                                voices: voices.clone(),
                                on_set_speaker,
                                marked,
                                on_mark,
                            },
                        )}
                    </For>
                    <tr class="spacer" aria-hidden="true" style:height=below>
                        <td colspan="6"></td>
                    </tr>
                </tbody>
            </table>
            {cut}
        </div>
    }
}

/// The scroll offset that brings row `index` into view, or `None` when it is in view already.
pub fn scroll_to_show(index: usize, view: Viewport, header: f64) -> Option<f64> {
    let top = index as f64 * view.row;
    let bottom = top + view.row;
    let visible = (view.height - header).max(view.row);
    if top < view.top {
        Some(top)
    } else if bottom > view.top + visible {
        Some(bottom - visible)
    } else {
        None
    }
}

fn measure_pane(pane: &web_sys::HtmlDivElement) -> Viewport {
    // A selected row shows all its words: measure one that shows the first lines only.
    let row = pane
        .query_selector("tbody tr[id]:not(.selected)")
        .ok()
        .flatten()
        .and_then(|row| row.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or(0.0, |row| f64::from(row.offset_height()));
    Viewport {
        top: f64::from(pane.scroll_top()),
        height: f64::from(pane.client_height()),
        row,
    }
}

fn header_height(pane: &web_sys::HtmlDivElement) -> f64 {
    pane.query_selector("thead")
        .ok()
        .flatten()
        .and_then(|head| head.dyn_into::<web_sys::HtmlElement>().ok())
        .map_or(0.0, |head| f64::from(head.offset_height()))
}

/// How a click asks to change the set of marked rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Add or remove this row (its checkbox, or Ctrl+click).
    Toggle,
    /// Mark every row from the selected one to this one (Shift+click).
    Range,
}
