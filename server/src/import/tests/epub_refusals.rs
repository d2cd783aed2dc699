//! Books that cannot be read as they are: parts listed but missing, a table of contents pointing
//! nowhere, markup that is not well-formed, DRM. Each is refused, naming the problem.

use super::{
    epub::{epub, opf, page, CONTAINER},
    *,
};

const ONE: &str = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;

fn book_with_nav(toc_href: &str) -> Vec<u8> {
    let manifest = format!(
        r#"{ONE}<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>"#
    );
    let nav = format!(
        r#"<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops"><body>
        <nav epub:type="toc"><ol><li><a href="{toc_href}">One</a></li></ol></nav></body></html>"#
    );
    let a = page("a", "<h1 id=\"one\">One</h1><p>Text.</p>");
    epub(
        &opf(&manifest, r#"<spine><itemref idref="a"/></spine>"#),
        &[("nav.xhtml", &nav), ("a.xhtml", &a)],
    )
}

#[test]
fn a_table_of_contents_pointing_nowhere_is_refused() {
    assert_eq!(
        titles(&ok("ok.epub", &book_with_nav("a.xhtml#one"))),
        ["One"]
    );
    let missing_file = err("book.epub", &book_with_nav("gone.xhtml"));
    assert_eq!(
        missing_file,
        ImportError::MissingInBook {
            listed_in: Listing::Contents,
            target: "OEBPS/gone.xhtml".to_owned()
        }
    );
    assert!(missing_file.to_string().contains("OEBPS/gone.xhtml"));
    assert_eq!(
        err("book.epub", &book_with_nav("a.xhtml#chapter-9")),
        ImportError::MissingInBook {
            listed_in: Listing::Contents,
            target: "OEBPS/a.xhtml#chapter-9".to_owned()
        }
    );
}

#[test]
fn a_spine_listing_a_missing_item_is_refused() {
    let a = page("a", "<p>Text.</p>");
    let unknown_id = epub(
        &opf(
            ONE,
            r#"<spine><itemref idref="a"/><itemref idref="ghost"/></spine>"#,
        ),
        &[("a.xhtml", &a)],
    );
    assert_eq!(
        err("book.epub", &unknown_id),
        ImportError::MissingInBook {
            listed_in: Listing::ReadingOrder,
            target: "ghost".to_owned()
        }
    );
    let manifest =
        format!(r#"{ONE}<item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>"#);
    let missing_file = epub(
        &opf(
            &manifest,
            r#"<spine><itemref idref="a"/><itemref idref="b"/></spine>"#,
        ),
        &[("a.xhtml", &a)],
    );
    assert_eq!(
        err("book.epub", &missing_file),
        ImportError::MissingInBook {
            listed_in: Listing::ReadingOrder,
            target: "OEBPS/b.xhtml".to_owned()
        }
    );
}

#[test]
fn markup_that_is_not_well_formed_is_refused_with_its_place() {
    let spine = r#"<spine><itemref idref="a"/></spine>"#;
    for (body, words) in [
        ("<p>Text.</span></p>", "</span>"),
        ("<p>Text.<p>Never closed.</p>", "</body>"),
        ("<div><p>Text.</div>", "</div>"),
    ] {
        let bytes = epub(&opf(ONE, spine), &[("a.xhtml", &page("a", body))]);
        let error = err("book.epub", &bytes);
        assert!(
            matches!(&error, ImportError::Malformed(detail)
                if detail.contains("OEBPS/a.xhtml") && detail.contains(words)),
            "{body}: {error:?}"
        );
    }
    let cut_short = epub(&opf(ONE, spine), &[("a.xhtml", "<html><body><p>Text.</p>")]);
    let error = err("book.epub", &cut_short);
    assert!(
        matches!(&error, ImportError::Malformed(detail) if detail.contains("<body> is not closed")),
        "{error:?}"
    );
}

fn with_encryption(algorithm: &str, uri: &str) -> Vec<u8> {
    let encryption = format!(
        r#"<?xml version="1.0"?>
<encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" xmlns:enc="http://www.w3.org/2001/04/xmlenc#">
  <enc:EncryptedData><enc:EncryptionMethod Algorithm="{algorithm}"/>
    <enc:CipherData><enc:CipherReference URI="{uri}"/></enc:CipherData></enc:EncryptedData>
</encryption>"#
    );
    let opf = opf(ONE, r#"<spine><itemref idref="a"/></spine>"#);
    let a = page("a", "<h1>One</h1><p>Text.</p>");
    zip_of(&[
        ("mimetype", b"application/epub+zip"),
        ("META-INF/container.xml", CONTAINER.as_bytes()),
        ("META-INF/encryption.xml", encryption.as_bytes()),
        ("OEBPS/content.opf", opf.as_bytes()),
        ("OEBPS/a.xhtml", a.as_bytes()),
    ])
}

#[test]
fn drm_is_refused_and_font_obfuscation_is_not_drm() {
    let drm = with_encryption(
        "http://www.w3.org/2001/04/xmlenc#aes128-cbc",
        "OEBPS/a.xhtml",
    );
    let error = err("bought.epub", &drm);
    assert_eq!(error, ImportError::Encrypted);
    assert!(error.to_string().contains("DRM"), "{error}");
    let fonts = with_encryption("http://www.idpf.org/2008/embedding", "OEBPS/fonts/a.otf");
    assert_eq!(titles(&ok("fonts.epub", &fonts)), ["One"]);
}
