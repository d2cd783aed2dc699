use super::*;

const VIEW: Viewport = Viewport {
    top: 0.0,
    height: 600.0,
    row: 30.0,
};

#[test]
fn renders_every_row_until_measured_or_when_short() {
    assert_eq!(visible_range(2_000, None), 0..2_000);
    assert_eq!(visible_range(WINDOW_ABOVE, Some(VIEW)), 0..WINDOW_ABOVE);
    let unmeasured = Viewport { row: 0.0, ..VIEW };
    assert_eq!(visible_range(2_000, Some(unmeasured)), 0..2_000);
}

#[test]
fn a_long_table_renders_the_rows_in_view_and_the_overscan() {
    // 600 px / 30 px = 20 rows in view, plus one partly visible.
    assert_eq!(visible_range(2_000, Some(VIEW)), 0..21 + OVERSCAN);
    let scrolled = Viewport {
        top: 30.0 * 1_000.0 + 10.0,
        ..VIEW
    };
    assert_eq!(
        visible_range(2_000, Some(scrolled)),
        1_000 - OVERSCAN..1_021 + OVERSCAN
    );
    let at_end = Viewport {
        top: 30.0 * 1_990.0,
        ..VIEW
    };
    assert_eq!(visible_range(2_000, Some(at_end)), 1_990 - OVERSCAN..2_000);
    let past_end = Viewport { top: 1e12, ..VIEW };
    assert_eq!(visible_range(2_000, Some(past_end)), 2_000..2_000);
}

#[test]
fn scrolls_only_when_the_row_is_out_of_view() {
    let view = Viewport { top: 300.0, ..VIEW };
    let header = 30.0;
    assert_eq!(scroll_to_show(12, view, header), None);
    assert_eq!(scroll_to_show(5, view, header), Some(150.0));
    // Row 40 ends at 1,230 px; the rows' part of the pane is 570 px high.
    assert_eq!(scroll_to_show(40, view, header), Some(1_230.0 - 570.0));
}

#[test]
fn the_server_sends_a_long_tables_first_screenful_from_the_selected_row() {
    // Short tables, and `?rows=all`, go whole.
    assert_eq!(first_range(WINDOW_ABOVE, Some(100), false), 0..WINDOW_ABOVE);
    assert_eq!(first_range(2_000, Some(1_000), true), 0..2_000);
    // A long one: from a few rows above the selected row.
    assert_eq!(first_range(2_000, None, false), 0..FIRST_ROWS);
    assert_eq!(first_range(2_000, Some(2), false), 0..FIRST_ROWS);
    assert_eq!(
        first_range(2_000, Some(1_000), false),
        1_000 - CONTEXT_ABOVE..1_000 - CONTEXT_ABOVE + FIRST_ROWS
    );
    // Near the end it still fills the screen.
    assert_eq!(
        first_range(2_000, Some(1_999), false),
        2_000 - FIRST_ROWS..2_000
    );
}
