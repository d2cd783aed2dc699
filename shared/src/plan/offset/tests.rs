//! Tests of the UTF-16 cursor conversions and of snapping to word boundaries.

use super::*;

fn check_snap(text: &str, chars: usize, expected: usize) {
    assert_eq!(
        snap_to_word_boundary(text, chars),
        expected,
        "snap {text:?} at {chars}"
    );
}

#[test]
fn char_offset_from_utf16_counts_emoji_as_two_units() {
    assert_eq!(char_offset_from_utf16("a😀b", 0), Ok(0));
    assert_eq!(char_offset_from_utf16("a😀b", 1), Ok(1));
    assert_eq!(char_offset_from_utf16("a😀b", 3), Ok(2));
    assert_eq!(char_offset_from_utf16("a😀b", 4), Ok(3));
    assert_eq!(char_offset_from_utf16("Pérez", 2), Ok(2));
    assert_eq!(char_offset_from_utf16("", 0), Ok(0));
}

#[test]
fn char_offset_from_utf16_refuses_the_middle_of_a_surrogate_pair() {
    assert_eq!(
        char_offset_from_utf16("a😀b", 2),
        Err(SegmentError::OffsetInsideCharacter { offset: 2 })
    );
}

#[test]
fn char_offset_from_utf16_refuses_offsets_past_the_end() {
    assert_eq!(
        char_offset_from_utf16("a😀b", 5),
        Err(SegmentError::OffsetPastEnd { offset: 5, len: 4 })
    );
    assert_eq!(
        char_offset_from_utf16("", 1),
        Err(SegmentError::OffsetPastEnd { offset: 1, len: 0 })
    );
}

#[test]
fn utf16_from_char_offset_is_the_inverse_and_clamps_to_the_end() {
    let text = "é😀 ñ😀";
    for chars in 0..=text.chars().count() {
        let utf16 = utf16_from_char_offset(text, chars);
        assert_eq!(char_offset_from_utf16(text, utf16), Ok(chars));
    }
    assert_eq!(utf16_from_char_offset("a😀b", 2), 3);
    assert_eq!(utf16_from_char_offset("a😀b", 99), 4);
}

#[test]
fn snap_keeps_offsets_that_already_are_boundaries() {
    check_snap("Hola, Pérez", 0, 0);
    check_snap("Hola, Pérez", 5, 5);
    check_snap("Hola, Pérez", 6, 6);
    check_snap("Hola, Pérez", 11, 11);
    check_snap("uno   dos", 4, 4);
    check_snap("uno   dos", 5, 5);
}

#[test]
fn snap_moves_to_the_nearest_end_of_the_word() {
    check_snap("Hola, Pérez", 1, 0);
    check_snap("Hola, Pérez", 4, 5);
    check_snap("Hola, Pérez", 7, 6);
    check_snap("Hola, Pérez", 10, 11);
    check_snap("ab 😀😀😀x cd", 7, 7);
    check_snap("ab 😀😀😀x cd", 5, 3);
    check_snap("ab 😀😀😀x cd", 6, 7);
}

#[test]
fn snap_prefers_the_earlier_boundary_on_a_tie() {
    check_snap("abcd efgh", 2, 0);
    check_snap("x Pérez y", 4, 2);
}

#[test]
fn snap_clamps_offsets_past_the_end() {
    check_snap("Hola", 9, 4);
    check_snap("", 3, 0);
    check_snap("Hola ", 9, 5);
}
