//! Tests of `ChapterText` parsing and of character slicing.

use super::*;

fn check(text: &str, start: usize, end: usize, expected: Option<&str>) {
    assert_eq!(
        slice_chars(text, start, end),
        expected,
        "{text:?}[{start}..{end}]"
    );
}

#[test]
fn slice_chars_counts_characters_not_bytes() {
    check("Pérez dijo", 0, 5, Some("Pérez"));
    check("Pérez dijo", 6, 10, Some("dijo"));
    check("a😀b", 1, 2, Some("😀"));
    check("a😀b", 2, 3, Some("b"));
    check("a😀b", 3, 3, Some(""));
    check("", 0, 0, Some(""));
}

#[test]
fn slice_chars_refuses_reversed_or_past_end_ranges() {
    check("abc", 2, 1, None);
    check("abc", 0, 4, None);
    check("abc", 4, 4, None);
    check("é", 0, 2, None);
}

#[test]
fn slice_chars_works_across_many_blocks() {
    let text = "ñandú 😀 ".repeat(200);
    let chars: Vec<char> = text.chars().collect();

    for (start, end) in [(0, 1), (63, 130), (500, 1599), (1600, 1600), (7, 1600)] {
        let expected: String = chars[start..end].iter().collect();
        check(&text, start, end, Some(&expected));
    }
    check(&text, 0, 1601, None);
}

#[test]
fn parse_refuses_blank_text() {
    assert_eq!(
        ChapterText::parse(" \n\t ".to_owned()),
        Err(SegmentError::EmptyChapter)
    );
    assert_eq!(
        ChapterText::parse(String::new()),
        Err(SegmentError::EmptyChapter)
    );
}

#[test]
fn parse_refuses_oversize_text() {
    let text = "a".repeat(ChapterText::MAX_BYTES + 1);

    let result = ChapterText::parse(text);

    assert_eq!(
        result,
        Err(SegmentError::ChapterTooLarge {
            bytes: ChapterText::MAX_BYTES + 1,
            max_bytes: ChapterText::MAX_BYTES,
        })
    );
}

#[test]
fn parse_accepts_text_and_counts_its_characters() {
    let chapter = ChapterText::parse("Ñu 😀\n".to_owned()).unwrap();

    assert_eq!(chapter.as_str(), "Ñu 😀\n");
    assert_eq!(chapter.char_len(), 5);
}

#[test]
fn from_bytes_reports_the_first_invalid_byte() {
    let bytes = vec![b'o', b'k', 0xC3, 0xA9, 0xFF, b'x'];

    assert_eq!(
        ChapterText::from_bytes(bytes),
        Err(SegmentError::NotUtf8 { byte: 4 })
    );
}

#[test]
fn from_bytes_accepts_utf8_and_refuses_blank() {
    assert_eq!(
        ChapterText::from_bytes("Ñu".as_bytes().to_vec()).map(|c| c.char_len()),
        Ok(2)
    );
    assert_eq!(
        ChapterText::from_bytes(b"   ".to_vec()),
        Err(SegmentError::EmptyChapter)
    );
}
