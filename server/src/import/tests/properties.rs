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

/// A text layer built from arbitrary pages of lines: boxes anywhere (NaN and infinities included),
/// words from a small alphabet of letters, hyphens, dashes, digits and entities.
struct AnyLayer(Vec<Vec<PdfLine>>);

/// A line's box (left, top, right, bottom) and its words.
type PdfLine = (f32, f32, f32, f32, String);

impl crate::import::TextLayer for AnyLayer {
    fn read(&self, _pdf: &[u8]) -> Result<String, ImportError> {
        let mut out = String::from("<doc>");
        for page in &self.0 {
            out.push_str("<page>");
            for (left, top, right, bottom, text) in page {
                out.push_str(&format!(
                    "<line xMin=\"{left}\" yMin=\"{top}\" xMax=\"{right}\" yMax=\"{bottom}\">"
                ));
                for word in text.split(' ') {
                    out.push_str(&format!("<word>{word}</word>"));
                }
                out.push_str("</line>");
            }
            out.push_str("</page>");
        }
        out.push_str("</doc>");
        Ok(out)
    }
}

fn coordinate() -> impl Strategy<Value = f32> {
    prop_oneof![
        8 => -50.0_f32..700.0,
        1 => Just(f32::NAN),
        1 => Just(f32::INFINITY),
        1 => Just(0.0_f32),
    ]
}

fn pdf_line() -> impl Strategy<Value = PdfLine> {
    (
        coordinate(),
        coordinate(),
        coordinate(),
        coordinate(),
        "[a-zA-Zé—\\-0-9.,;:!?«»“” ]{0,40}|CHAPTER [IVX]{1,4}|Page [0-9]{1,3}|&amp;",
    )
}

proptest! {
    #[test]
    fn no_pdf_text_layer_makes_the_import_panic(
        pages in proptest::collection::vec(proptest::collection::vec(pdf_line(), 0..12), 0..6)
    ) {
        check(&import("any.pdf", b"%PDF-1.7\n", &AnyLayer(pages)));
    }
}
