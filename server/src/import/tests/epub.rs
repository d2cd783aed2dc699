//! EPUB books built in memory: spine order, skipped pages, titles, entities, and every way an
//! `.epub` can be wrong.

use super::*;

pub(super) const CONTAINER: &str = r#"<?xml version="1.0"?>
<container version="1.0" xmlns="urn:oasis:names:tc:opendocument:xmlns:container">
  <rootfiles>
    <rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>
  </rootfiles>
</container>"#;

pub(super) fn page(title: &str, body: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE html>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>{title}</title><style>p {{ color: red; }}</style><script>var x = "<p>no</p>";</script></head>
<body>{body}</body>
</html>"#
    )
}

pub(super) fn opf(manifest: &str, spine: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<package xmlns="http://www.idpf.org/2007/opf" version="3.0" unique-identifier="id">
  <metadata xmlns:dc="http://purl.org/dc/elements/1.1/">
    <dc:identifier id="id">urn:uuid:1</dc:identifier>
    <dc:title>La Regenta &amp; otros</dc:title>
    <dc:language>es</dc:language>
  </metadata>
  <manifest>{manifest}</manifest>
  {spine}
</package>"#
    )
}

/// An EPUB with the standard container, the package document and `files` under `OEBPS/`.
pub(super) fn epub(opf: &str, files: &[(&str, &str)]) -> Vec<u8> {
    let names: Vec<String> = files
        .iter()
        .map(|(name, _)| format!("OEBPS/{name}"))
        .collect();
    let mut entries: Vec<(&str, &[u8])> = vec![
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
    ];
    for (name, (_, content)) in names.iter().zip(files) {
        entries.push((name, content.as_bytes()));
    }
    zip_of(&entries)
}

const NAV: &str = r##"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Índice</title></head>
<body>
  <nav epub:type="toc"><h1>Índice</h1><ol>
    <li><a href="Text/cap%C3%ADtulo%202.xhtml">Capítulo segundo (nav)</a></li>
    <li><a href="Text/untitled.xhtml#start">Sin <em>título</em></a></li>
  </ol></nav>
  <nav epub:type="landmarks"><ol>
    <li><a epub:type="titlepage" href="Text/portada.xhtml">Portada</a></li>
    <li><a epub:type="bodymatter" href="Text/c1.xhtml">Comienzo</a></li>
  </ol></nav>
</body></html>"##;

/// A book whose manifest order differs from its spine order, with a nav document, a cover,
/// a title page, a `linear="no"` page, a page without a heading, and a dedication.
fn full_book() -> Vec<u8> {
    let manifest = r#"
    <item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="c2" href="Text/cap%C3%ADtulo%202.xhtml" media-type="application/xhtml+xml"/>
    <item id="untitled" href="Text/untitled.xhtml" media-type="application/xhtml+xml"/>
    <item id="c1" href="Text/c1.xhtml" media-type="application/xhtml+xml"/>
    <item id="cover" href="Text/cover.xhtml" media-type="application/xhtml+xml"/>
    <item id="portada" href="Text/portada.xhtml" media-type="application/xhtml+xml"/>
    <item id="notes" href="Text/notes.xhtml" media-type="application/xhtml+xml"/>
    <item id="ded" href="Text/ded.xhtml" media-type="application/xhtml+xml"/>
    <item id="css" href="Styles/style.css" media-type="text/css"/>"#;
    let spine = r#"<spine>
    <itemref idref="cover"/>
    <itemref idref="portada"/>
    <itemref idref="nav"/>
    <itemref idref="ded"/>
    <itemref idref="c1"/>
    <itemref idref="notes" linear="no"/>
    <itemref idref="c2"/>
    <itemref idref="untitled"/>
  </spine>"#;
    let c1 = page(
        "La Regenta &amp; otros",
        r#"<section epub:type="bodymatter chapter"><h1 class="x">Capítulo <span>I</span></h1>
        <p>La heroica ciudad&nbsp;dormía la siesta&mdash;el viento Sur.</p>
        <p>  Dijo:   «Ven»
           &laquo;otra vez&raquo; &amp; se fue&hellip; don&rsquo;t &#233;&#xE9; &unknown; </p>
        <div>Primera línea<br/>Segunda línea</div>
        <h2>Una escena</h2><p>Texto <i>en</i> <b>negrita</b>.</p></section>"#,
    );
    let c2 = page(
        "La Regenta &amp; otros",
        "<p>Texto del capítulo dos.</p><p>Sigue.</p>",
    );
    let untitled = page(
        "Página sin encabezado",
        "<p id=\"start\">Una página sin encabezado.</p>",
    );
    let cover = page(
        "Cover",
        "<div><img src=\"cover.jpg\" alt=\"Cover\"/><p>COVER TEXT</p></div>",
    );
    let portada = page("Portada", "<h1>La Regenta</h1><p>Leopoldo Alas</p>");
    let notes = page(
        "Notas",
        "<h1>Notas</h1><p>Una nota fuera de la lectura lineal.</p>",
    );
    let ded = page(
        "Dedicatoria",
        "<section epub:type=\"dedication\"><p>A mi madre.</p></section>",
    );
    epub(
        &opf(manifest, spine),
        &[
            ("nav.xhtml", NAV),
            ("Text/capítulo 2.xhtml", &c2),
            ("Text/untitled.xhtml", &untitled),
            ("Text/c1.xhtml", &c1),
            ("Text/cover.xhtml", &cover),
            ("Text/portada.xhtml", &portada),
            ("Text/notes.xhtml", &notes),
            ("Text/ded.xhtml", &ded),
        ],
    )
}

#[test]
fn spine_order_titles_and_skipped_pages() {
    let manuscript = ok("libro.epub", &full_book());
    assert_eq!(manuscript.format, Format::Epub);
    assert_eq!(manuscript.title.as_deref(), Some("La Regenta & otros"));
    assert_eq!(
        titles(&manuscript),
        [
            "Dedicatoria",
            "Capítulo I",
            "Capítulo segundo (nav)",
            "Sin título"
        ]
    );
    use SectionKind::{Body, FrontMatter};
    assert_eq!(kinds(&manuscript), [FrontMatter, Body, Body, Body]);
    assert_convention(&manuscript);
}

#[test]
fn xhtml_text_paragraphs_and_entities() {
    let manuscript = ok("libro.epub", &full_book());
    assert_eq!(
        manuscript.chapters[1].text,
        "La heroica ciudad\u{a0}dormía la siesta—el viento Sur.\n\n\
         Dijo: «Ven» «otra vez» & se fue… don’t éé &unknown;\n\n\
         Primera línea\nSegunda línea\n\n\
         Una escena\n\n\
         Texto en negrita."
    );
    assert_eq!(
        manuscript.chapters[2].text,
        "Texto del capítulo dos.\n\nSigue."
    );
    assert_eq!(manuscript.chapters[0].text, "A mi madre.");
}

#[test]
fn epub2_ncx_labels_guide_and_title_fallbacks() {
    let manifest = r#"
    <item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
    <item id="a" href="a.html" media-type="application/xhtml+xml"/>
    <item id="b" href="b.html" media-type="application/xhtml+xml"/>
    <item id="c" href="c.html" media-type="application/xhtml+xml"/>
    <item id="front" href="front.html" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine toc="ncx"><itemref idref="front"/><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/></spine>
    <guide><reference type="cover" title="Cover" href="front.html"/><reference type="text" href="a.html"/></guide>"#;
    let ncx = r#"<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">
  <docTitle><text>Book</text></docTitle>
  <navMap>
    <navPoint id="p1" playOrder="1"><navLabel><text>Chapter One</text></navLabel><content src="a.html"/></navPoint>
    <navPoint id="p2" playOrder="2"><navLabel><text>Appendix: Sources</text></navLabel><content src="b.html#x"/></navPoint>
  </navMap>
</ncx>"#;
    let a = page("Book", "<p>First.</p>");
    let b = page("Book", "<p id=\"x\">Second.</p>");
    let c = page("A Title Tag", "<p>Third.</p>");
    let front = page("Book", "<p>Front cover text.</p>");
    let bytes = epub(
        &opf(manifest, spine),
        &[
            ("toc.ncx", ncx),
            ("a.html", &a),
            ("b.html", &b),
            ("c.html", &c),
            ("front.html", &front),
        ],
    );
    let manuscript = ok("old.epub", &bytes);
    assert_eq!(
        titles(&manuscript),
        ["Chapter One", "Appendix: Sources", "A Title Tag"]
    );
    assert_eq!(manuscript.chapters[1].kind, SectionKind::BackMatter);
}

#[test]
fn relative_hrefs_resolve_against_the_package_directory() {
    assert_eq!(
        crate::import::epub::resolve("OEBPS/", "Text/c1.xhtml#p3").as_deref(),
        Some("OEBPS/Text/c1.xhtml")
    );
    assert_eq!(
        crate::import::epub::resolve("OEBPS/Text/", "../Text/./a%20b.xhtml").as_deref(),
        Some("OEBPS/Text/a b.xhtml")
    );
    assert_eq!(
        crate::import::epub::resolve("OEBPS/", "/root.xhtml").as_deref(),
        Some("root.xhtml")
    );
    assert_eq!(
        crate::import::epub::resolve("", "http://example.com/x.html"),
        None
    );
    assert_eq!(
        crate::import::epub::resolve("OEBPS/", "#only-a-fragment"),
        None
    );
    assert_eq!(
        crate::import::epub::percent_decode("cap%C3%ADtulo%2"),
        "capítulo%2"
    );
}

#[test]
fn a_plain_text_named_epub_is_not_an_epub() {
    assert_eq!(
        err("book.epub", b"Chapter 1\n\nText.\n"),
        ImportError::NotWhatItSays {
            expected: Format::Epub,
            problem: Mismatch::NotZip,
        }
    );
}

#[test]
fn a_missing_container_is_not_an_epub() {
    let bytes = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("OEBPS/content.opf", b"<package/>"),
    ]);
    let error = err("book.epub", &bytes);
    assert_eq!(
        error,
        ImportError::NotWhatItSays {
            expected: Format::Epub,
            problem: Mismatch::MissingPart("META-INF/container.xml".to_owned()),
        }
    );
    assert!(
        error.to_string().contains("META-INF/container.xml"),
        "{error}"
    );
    let docx = zip_of(&[("word/document.xml", b"<w:document/>")]);
    assert_eq!(
        err("book.epub", &docx),
        ImportError::NotWhatItSays {
            expected: Format::Epub,
            problem: Mismatch::LooksLike(Format::Docx),
        }
    );
}

#[test]
fn a_wrong_mimetype_is_not_an_epub() {
    let bytes = zip_of(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
    ]);
    assert_eq!(
        err("book.epub", &bytes),
        ImportError::NotWhatItSays {
            expected: Format::Epub,
            problem: Mismatch::WrongMimetype("application/vnd.oasis.opendocument.text".to_owned()),
        }
    );
}

#[test]
fn a_container_without_rootfile_is_not_an_epub() {
    let bytes = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        (
            "META-INF/container.xml",
            b"<container><rootfiles/></container>",
        ),
    ]);
    assert_eq!(
        err("book.epub", &bytes),
        ImportError::NotWhatItSays {
            expected: Format::Epub,
            problem: Mismatch::NoRootfile,
        }
    );
}

#[test]
fn a_missing_package_document_is_malformed() {
    let bytes = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
    ]);
    let error = err("book.epub", &bytes);
    assert!(
        matches!(&error, ImportError::Malformed(message) if message.contains("OEBPS/content.opf")),
        "{error:?}"
    );
}

#[test]
fn a_package_without_spine_or_with_an_empty_spine_has_no_spine() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;
    let a = page("A", "<p>Text.</p>");
    for spine in ["", "<spine/>", "<spine toc=\"ncx\">\n</spine>"] {
        let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &a)]);
        let error = err("book.epub", &bytes);
        assert_eq!(error, ImportError::NoSpine, "{spine:?}");
    }
}

#[test]
fn a_book_whose_pages_have_no_text_has_no_text() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
        <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/><itemref idref="b" linear="no"/></spine>"#;
    let a = page(
        "A",
        "<div><img src=\"x.png\"/></div><h1>Only a heading</h1>",
    );
    let b = page("B", "<p>Not linear.</p>");
    let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &a), ("b.xhtml", &b)]);
    assert_eq!(err("book.epub", &bytes), ImportError::NoText);
}

#[test]
fn broken_xhtml_is_malformed() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/></spine>"#;
    let bytes = epub(
        &opf(manifest, spine),
        &[("a.xhtml", "<html><body><p>Text</p><p")],
    );
    let error = err("book.epub", &bytes);
    assert!(
        matches!(&error, ImportError::Malformed(message) if message.contains("OEBPS/a.xhtml")),
        "{error:?}"
    );
}

#[test]
fn latin1_content_documents_still_read() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/></spine>"#;
    let opf = opf(manifest, spine);
    let a: &[u8] = b"<?xml version=\"1.0\" encoding=\"iso-8859-1\"?><html><body><h1>Cap\xEDtulo</h1><p>Ca\xF1a.</p></body></html>";
    let bytes = zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
        ("OEBPS/a.xhtml", a),
    ]);
    let manuscript = ok("old.epub", &bytes);
    assert_eq!(titles(&manuscript), ["Capítulo"]);
    assert_eq!(manuscript.chapters[0].text, "Caña.");
}
