//! Properties: no input makes the import panic, and whatever it returns follows the paragraph
//! convention.

use proptest::prelude::*;

use super::*;
use crate::pdftotext::Pdftotext;

/// The result's chapters follow the convention and fit the limit.
fn check(result: &Result<Manuscript, ImportError>) {
    if let Ok(manuscript) = result {
        assert!(!manuscript.chapters.is_empty());
        assert_convention(manuscript);
        for chapter in &manuscript.chapters {
            assert!(!chapter.title.trim().is_empty());
            assert!(chapter.text.len() <= shared::ChapterText::MAX_BYTES);
        }
    }
}

/// Lines that look like the headings, dialogue and paragraphs the import sees in books.
fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("CHAPTER IV".to_owned()),
        Just("Capítulo 3. El regreso".to_owned()),
        Just("-I-".to_owned()),
        Just("-II- Juanito Santa Cruz".to_owned()),
        Just("XIV".to_owned()),
        Just("VOLUME I".to_owned()),
        Just("Parte primera".to_owned()),
        Just("# Title".to_owned()),
        Just("## Chapter".to_owned()),
        Just("```".to_owned()),
        Just("Contents".to_owned()),
        Just("*** START OF THE PROJECT GUTENBERG EBOOK X ***".to_owned()),
        Just("*** END OF THE PROJECT GUTENBERG EBOOK X ***".to_owned()),
        Just("-¿Le conoces tú desde ahí? -dijo.".to_owned()),
        "[ \\t]{0,3}",
        "\\PC{0,40}",
        "[A-Za-zÁÉÍÓÚáéíóúñÑ .,;:!?¿¡«»“”'\"-]{0,120}",
    ]
}

fn text() -> impl Strategy<Value = String> {
    prop::collection::vec(line(), 0..40).prop_flat_map(|lines| {
        prop_oneof![Just("\n"), Just("\r\n"), Just("\r")]
            .prop_map(move |newline| lines.join(newline))
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn arbitrary_bytes_never_panic(bytes in prop::collection::vec(any::<u8>(), 0..2048)) {
        for name in ["x.txt", "x.md", "x.docx", "x.epub"] {
            check(&import(name, &bytes, &Pdftotext::default()));
        }
    }

    #[test]
    fn zip_like_bytes_never_panic(tail in prop::collection::vec(any::<u8>(), 0..2048)) {
        let mut bytes = b"PK\x03\x04".to_vec();
        bytes.extend_from_slice(&tail);
        for name in ["x.docx", "x.epub"] {
            check(&import(name, &bytes, &Pdftotext::default()));
        }
    }

    #[test]
    fn book_like_text_follows_the_convention(text in text()) {
        for name in ["x.txt", "x.md"] {
            let result = import(name, text.as_bytes(), &Pdftotext::default());
            check(&result);
            if let Err(error) = result {
                prop_assert_eq!(error, ImportError::NoText);
            }
        }
    }

    #[test]
    fn arbitrary_document_xml_never_panics(xml in "\\PC{0,300}", tags in prop::collection::vec(
        prop_oneof![
            Just("<w:p>"), Just("</w:p>"), Just("<w:r>"), Just("</w:r>"), Just("<w:t>"),
            Just("</w:t>"), Just("<w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr>"), Just("<w:br/>"),
            Just("<w:tab/>"), Just("&amp;"), Just("&#x1F600;"), Just("&#0;"), Just("&bogus;"),
            Just("<mc:Fallback>"), Just("</mc:Fallback>"), Just("<w:outlineLvl w:val=\"300\"/>"),
        ],
        0..60,
    )) {
        let document = format!("<w:document><w:body>{}{xml}</w:body></w:document>", tags.concat());
        let bytes = zip_of(&[("word/document.xml", document.as_bytes()), ("word/styles.xml", xml.as_bytes())]);
        check(&import("x.docx", &bytes, &Pdftotext::default()));
    }

    #[test]
    fn arbitrary_epub_parts_never_panic(
        opf in "\\PC{0,200}",
        page in prop::collection::vec(
            prop_oneof![
                Just("<p>"), Just("</p>"), Just("<h1>"), Just("</h1>"), Just("<br>"), Just("<head>"),
                Just("</head>"), Just("<title>"), Just("</title>"), Just("<script>"), Just("&nbsp;"),
                Just("&#xD800;"), Just("&"), Just("<"), Just("]]>"), Just("<![CDATA[x]]>"), Just("text "),
                Just("<section epub:type=\"toc\">"), Just("</div></span>"),
            ],
            0..60,
        ),
        spine_first in any::<bool>(),
    ) {
        let page = page.concat();
        let manifest = r#"<manifest><item id="a" href="a b.xhtml" media-type="application/xhtml+xml"/><item id="n" href="../nav.xhtml" properties="nav"/></manifest>"#;
        let spine = r#"<spine><itemref idref="a"/><itemref idref="n"/></spine>"#;
        let package = if spine_first {
            format!("<package><metadata><dc:title>T</dc:title></metadata>{spine}{manifest}</package>")
        } else {
            format!("<package>{manifest}{spine}{opf}</package>")
        };
        let container = r#"<container><rootfiles><rootfile full-path="OPS/p.opf"/></rootfiles></container>"#;
        let bytes = zip_of(&[
            ("mimetype", b"application/epub+zip"),
            ("META-INF/container.xml", container.as_bytes()),
            ("OPS/p.opf", package.as_bytes()),
            ("OPS/a b.xhtml", page.as_bytes()),
            ("nav.xhtml", page.as_bytes()),
        ]);
        check(&import("x.epub", &bytes, &Pdftotext::default()));
    }
}
