//! Word documents built in memory: heading styles, runs, breaks, entities, and every way a
//! `.docx` can be wrong.

use super::*;

const W: &str = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/// A paragraph with an optional style and runs of text.
fn p(style: Option<&str>, runs: &[&str]) -> String {
    let properties = style
        .map(|style| format!("<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>"))
        .unwrap_or_default();
    let runs: String = runs
        .iter()
        .map(|text| {
            format!("<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{text}</w:t></w:r>")
        })
        .collect();
    format!("<w:p>{properties}{runs}</w:p>")
}

fn document(body: &str) -> String {
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n<w:document xmlns:w=\"{W}\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"><w:body>{body}<w:sectPr/></w:body></w:document>"
    )
}

/// Styles as a Spanish Word writes them: localised ids, English built-in names.
fn spanish_styles() -> String {
    format!(
        "<?xml version=\"1.0\"?><w:styles xmlns:w=\"{W}\">\
         <w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Ttulo\"><w:name w:val=\"Title\"/><w:basedOn w:val=\"Normal\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Ttulo1\"><w:name w:val=\"heading 1\"/><w:basedOn w:val=\"Normal\"/><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Ttulo2\"><w:name w:val=\"heading 2\"/></w:style>\
         <w:style w:type=\"paragraph\" w:styleId=\"Capitulo\"><w:name w:val=\"Capítulo del libro\"/><w:basedOn w:val=\"Ttulo1\"/></w:style>\
         <w:style w:type=\"character\" w:styleId=\"Fuerte\"><w:name w:val=\"heading 1\"/></w:style>\
         </w:styles>"
    )
}

fn core(title: &str) -> String {
    format!(
        "<?xml version=\"1.0\"?><cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{title}</dc:title><dc:creator>Someone</dc:creator></cp:coreProperties>"
    )
}

fn docx(body: &str, styles: Option<&str>, core: Option<&str>) -> Vec<u8> {
    let document = document(body);
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("[Content_Types].xml", b"<Types/>"),
        ("word/document.xml", document.as_bytes()),
    ];
    if let Some(styles) = styles {
        entries.push(("word/styles.xml", styles.as_bytes()));
    }
    if let Some(core) = core {
        entries.push(("docProps/core.xml", core.as_bytes()));
    }
    zip_of(&entries)
}

#[test]
fn heading_styles_by_name_start_chapters() {
    let body = [
        p(Some("Ttulo"), &["La novela"]),
        p(None, &["Para mi madre."]),
        p(Some("Ttulo1"), &["Capítulo 1"]),
        p(None, &["Era ", "una vez", " un reino."]),
        p(Some("Ttulo2"), &["Una escena"]),
        p(None, &["Segundo párrafo."]),
        p(Some("Capitulo"), &["Capítulo 2"]),
        p(Some("Fuerte"), &["Not a heading: a character style id."]),
        p(Some("Ttulo1"), &["Apéndice"]),
        p(None, &["Tablas."]),
    ]
    .concat();
    let manuscript = ok("novela.docx", &docx(&body, Some(&spanish_styles()), None));
    assert_eq!(manuscript.format, Format::Docx);
    assert_eq!(manuscript.title.as_deref(), Some("La novela"));
    assert_eq!(
        titles(&manuscript),
        ["Front matter", "Capítulo 1", "Capítulo 2", "Apéndice"]
    );
    assert_eq!(manuscript.chapters[0].text, "Para mi madre.");
    assert_eq!(
        manuscript.chapters[1].text,
        "Era una vez un reino.\n\nUna escena\n\nSegundo párrafo."
    );
    assert_eq!(
        manuscript.chapters[2].text,
        "Not a heading: a character style id."
    );
    assert_eq!(manuscript.chapters[3].kind, SectionKind::BackMatter);
    assert_convention(&manuscript);
}

#[test]
fn core_title_wins_and_heading_ids_work_without_styles() {
    let body = [
        p(Some("Title"), &["Title Paragraph"]),
        p(Some("Heading1"), &["Chapter One"]),
        p(None, &["One."]),
        p(Some("Heading1"), &["Chapter Two"]),
        p(None, &["Two."]),
    ]
    .concat();
    let manuscript = ok(
        "book.docx",
        &docx(&body, None, Some(&core("Core &amp; Title"))),
    );
    assert_eq!(manuscript.title.as_deref(), Some("Core & Title"));
    assert_eq!(titles(&manuscript), ["Chapter One", "Chapter Two"]);
}

#[test]
fn runs_tabs_breaks_and_entities() {
    let body = "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
        <w:r><w:t>Tom &amp; Jerry</w:t></w:r><w:r><w:tab/><w:t>said &quot;hi&quot;</w:t></w:r>\
        <w:r><w:br/><w:t xml:space=\"preserve\">second line &#233;</w:t></w:r></w:p>\
        <w:p/><w:p><w:r><w:t></w:t></w:r></w:p>\
        <w:p><w:r><w:delText>deleted</w:delText><w:instrText>PAGE</w:instrText><w:t>Next</w:t><w:noBreakHyphen/><w:t>paragraph.</w:t></w:r></w:p>";
    let manuscript = ok("runs.docx", &docx(body, None, None));
    assert_eq!(titles(&manuscript), ["runs"]);
    assert_eq!(
        manuscript.chapters[0].text,
        "Tom & Jerry\tsaid \"hi\"\nsecond line é\n\nNext-paragraph."
    );
}

#[test]
fn alternate_content_and_text_boxes_are_not_read_twice() {
    let body = "<w:p><w:r><w:t>Before.</w:t></w:r>\
        <mc:AlternateContent><mc:Choice Requires=\"wps\"><w:drawing><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>\
        <mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>Box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent>\
        <w:r><w:t> After.</w:t></w:r></w:p>";
    let manuscript = ok("box.docx", &docx(body, None, None));
    assert_eq!(manuscript.chapters[0].text, "Before. After.");
}

#[test]
fn without_heading_styles_the_text_heading_rules_apply() {
    let body = [
        p(None, &["CAPÍTULO I"]),
        p(None, &["Uno."]),
        p(None, &["CAPÍTULO II"]),
        p(None, &["Dos."]),
    ]
    .concat();
    let manuscript = ok(
        "sin estilos.docx",
        &docx(&body, Some(&spanish_styles()), None),
    );
    assert_eq!(titles(&manuscript), ["CAPÍTULO I", "CAPÍTULO II"]);
    assert_eq!(manuscript.chapters[1].text, "Dos.");
}

#[test]
fn heading_1_parts_above_heading_2_chapters() {
    let body = [
        p(Some("Heading1"), &["Part One"]),
        p(Some("Heading2"), &["Chapter 1"]),
        p(None, &["One."]),
        p(Some("Heading2"), &["Chapter 2"]),
        p(None, &["Two."]),
        p(Some("Heading1"), &["Part Two"]),
        p(Some("Heading2"), &["Chapter 3"]),
        p(None, &["Three."]),
    ]
    .concat();
    let manuscript = ok("parts.docx", &docx(&body, None, None));
    assert_eq!(titles(&manuscript), ["Chapter 1", "Chapter 2", "Chapter 3"]);
    assert_eq!(manuscript.chapters[2].part.as_deref(), Some("Part Two"));
}

#[test]
fn paragraph_outline_level_makes_a_heading() {
    let body = "<w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Uno</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Texto uno.</w:t></w:r></w:p>\
        <w:p><w:pPr><w:outlineLvl w:val=\"0\"/></w:pPr><w:r><w:t>Dos</w:t></w:r></w:p>\
        <w:p><w:r><w:t>Texto dos.</w:t></w:r></w:p>";
    let manuscript = ok("outline.docx", &docx(body, None, None));
    assert_eq!(titles(&manuscript), ["Uno", "Dos"]);
}

#[test]
fn plain_text_named_docx_is_not_a_word_document() {
    let error = err(
        "manuscript.docx",
        b"Chapter 1\n\nJust text saved with the wrong name.\n",
    );
    assert_eq!(
        error,
        ImportError::NotWhatItSays {
            expected: Format::Docx,
            problem: Mismatch::NotZip,
        }
    );
    assert!(error
        .to_string()
        .starts_with("This file says .docx but is not a Word document"));
    // Starts like a zip, but is not one.
    assert_eq!(
        err("broken.docx", b"PK\x03\x04 and then nothing"),
        ImportError::NotWhatItSays {
            expected: Format::Docx,
            problem: Mismatch::NotZip,
        }
    );
}

#[test]
fn a_zip_without_document_xml_is_not_a_word_document() {
    let bytes = zip_of(&[("notes.txt", b"hello")]);
    assert_eq!(
        err("archive.docx", &bytes),
        ImportError::NotWhatItSays {
            expected: Format::Docx,
            problem: Mismatch::MissingPart("word/document.xml".to_owned()),
        }
    );
    let epub = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", b"<container/>"),
    ]);
    assert_eq!(
        err("book.docx", &epub),
        ImportError::NotWhatItSays {
            expected: Format::Docx,
            problem: Mismatch::LooksLike(Format::Epub),
        }
    );
}

#[test]
fn a_document_without_paragraph_text_has_no_paragraphs() {
    for body in ["", "<w:p/><w:p><w:r><w:t>   </w:t></w:r></w:p>", "<w:tbl/>"] {
        assert_eq!(
            err("empty.docx", &docx(body, None, None)),
            ImportError::NoParagraphs,
            "{body}"
        );
    }
}

#[test]
fn broken_xml_is_malformed() {
    let bytes = zip_of(&[(
        "word/document.xml",
        b"<w:document><w:body><w:p><w:r><w:t>Text</w:t></w:r></w:p><w:p",
    )]);
    let error = err("broken.docx", &bytes);
    assert!(
        matches!(&error, ImportError::Malformed(message) if message.contains("word/document.xml")),
        "{error:?}"
    );
}
