//! Archive limits: zip bombs, the total unpacked size, the number of entries.

use super::*;
use crate::pdftotext::Pdftotext;

/// A zip whose `name` entry is `size` zero bytes, written in 1 MiB chunks.
fn zeros_zip(name: &str, size: usize) -> Vec<u8> {
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(9))
        .large_file(size >= u32::MAX as usize);
    writer.start_file(name, options).unwrap();
    write_zeros(&mut writer, size);
    writer.finish().unwrap().into_inner()
}

/// Writes `size` zero bytes in 1 MiB chunks.
fn write_zeros(writer: &mut impl Write, size: usize) {
    let chunk = vec![0u8; 1024 * 1024];
    let mut left = size;
    while left > 0 {
        let n = left.min(chunk.len());
        writer.write_all(&chunk[..n]).unwrap();
        left -= n;
    }
}

#[test]
fn a_300_mb_zip_bomb_is_refused_with_the_default_limits() {
    let bytes = zeros_zip("word/document.xml", 300 * 1024 * 1024);
    assert!(bytes.len() < 2 * 1024 * 1024, "{} bytes", bytes.len());
    let start = std::time::Instant::now();
    let error = err("bomb.docx", &bytes);
    assert_eq!(error, ImportError::ZipBomb);
    assert!(error.to_string().contains("zip bomb"), "{error}");
    // Only about ratio × packed size is unpacked before giving up, not 300 MB.
    assert!(start.elapsed() < std::time::Duration::from_secs(2));
}

#[test]
fn an_epub_chapter_bomb_is_refused() {
    let container =
        r#"<container><rootfiles><rootfile full-path="content.opf"/></rootfiles></container>"#;
    let opf = r#"<package><metadata/><manifest><item id="a" href="a.xhtml" media-type="application/xhtml+xml"/></manifest><spine><itemref idref="a"/></spine></package>"#;
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    writer.start_file("mimetype", stored).unwrap();
    writer.write_all(b"application/epub+zip").unwrap();
    writer.start_file("META-INF/container.xml", stored).unwrap();
    writer.write_all(container.as_bytes()).unwrap();
    writer.start_file("content.opf", stored).unwrap();
    writer.write_all(opf.as_bytes()).unwrap();
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    writer.start_file("a.xhtml", deflated).unwrap();
    write_zeros(&mut writer, 8 * 1024 * 1024);
    let bytes = writer.finish().unwrap().into_inner();
    assert_eq!(
        import("bomb.epub", &bytes, &Pdftotext::default()),
        Err(ImportError::ZipBomb)
    );
}

#[test]
fn the_total_unpacked_size_is_capped() {
    // Text that does not compress much, so that the ratio limit is not what trips.
    let mut paragraphs = String::new();
    for index in 0..4000u32 {
        paragraphs.push_str(&format!(
            "<w:p><w:r><w:t>Paragraph {index} of a long document, number {}.</w:t></w:r></w:p>",
            index.wrapping_mul(2_654_435_761)
        ));
    }
    let document = format!("<w:document><w:body>{paragraphs}</w:body></w:document>");
    let bytes = zip_of(&[("word/document.xml", document.as_bytes())]);
    let limits = Limits {
        max_uncompressed_bytes: 100_000,
        ..Limits::default()
    };
    assert!(document.len() > 200_000);
    assert_eq!(
        import_with_limits("long.docx", &bytes, &limits, &Pdftotext::default()),
        Err(ImportError::UncompressedTooLarge { max: 100_000 })
    );
    // With the default limits the same document imports.
    let manuscript = import("long.docx", &bytes, &Pdftotext::default()).unwrap();
    assert_eq!(manuscript.chapters.len(), 1);
    assert_eq!(manuscript.chapters[0].text.matches("\n\n").count(), 3999);
}

#[test]
fn the_total_counts_every_entry_read() {
    // Each part is under the limit; together they are over it.
    let styles = format!("<w:styles>{}</w:styles>", "<w:style/>".repeat(6000));
    let document = "<w:document><w:body><w:p><w:r><w:t>Hi.</w:t></w:r></w:p></w:body></w:document>";
    let bytes = zip_of(&[
        ("word/document.xml", document.as_bytes()),
        ("word/styles.xml", styles.as_bytes()),
    ]);
    let limits = Limits {
        max_uncompressed_bytes: 50_000,
        max_compression_ratio: 10_000,
        ..Limits::default()
    };
    assert_eq!(
        import_with_limits("styled.docx", &bytes, &limits, &Pdftotext::default()),
        Err(ImportError::UncompressedTooLarge { max: 50_000 })
    );
}

#[test]
fn too_many_entries_are_refused() {
    let names: Vec<String> = (0..12)
        .map(|index| format!("word/media/image{index}.png"))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = names
        .iter()
        .map(|name| (name.as_str(), &b"x"[..]))
        .collect();
    entries.push(("word/document.xml", b"<w:document/>"));
    let bytes = zip_of(&entries);
    let limits = Limits {
        max_entries: 10,
        ..Limits::default()
    };
    let error =
        import_with_limits("many.docx", &bytes, &limits, &Pdftotext::default()).unwrap_err();
    assert_eq!(
        error,
        ImportError::TooManyEntries {
            entries: 13,
            max: 10
        }
    );
    assert!(error.to_string().contains("13 files"), "{error}");
}
