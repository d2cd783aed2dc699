//! EPUB books cut into the sections their table of contents names: one file for the whole book,
//! nested entries, hidden entries, headings when there is no table of contents, verse, and the
//! markup that is not read aloud.

use super::{
    epub::{epub, opf, page},
    *,
};

const ONE_FILE: &str = r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
    <item id="book" href="book.xhtml" media-type="application/xhtml+xml"/>"#;
const ONE_SPINE: &str = r#"<spine><itemref idref="book"/></spine>"#;

fn nav(list: &str) -> String {
    format!(
        r#"<?xml version="1.0" encoding="utf-8"?>
<html xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops">
<head><title>Contents</title></head>
<body><nav epub:type="toc"><h1>Contents</h1>{list}</nav></body></html>"#
    )
}

/// A whole book in one file, its parts and chapters as nested sections.
fn whole_book() -> String {
    page(
        "The Book",
        r#"<section epub:type="frontmatter"><section epub:type="titlepage" id="title">
        <h1>The Book</h1><p>By Someone</p></section>
        <section epub:type="preface" id="preface"><h2>Preface</h2><p>Why I wrote it.</p></section></section>
        <section epub:type="bodymatter" id="body">
          <section id="part1"><h2>PART ONE</h2><p>The part opens.</p>
            <section id="c1"><h3>I. Morning</h3><p>It began at dawn.</p><p>“Up!” she said.</p></section>
            <section id="c2"><h3>II. <em>Noon</em></h3><p>The sun stood high.</p>
              <section id="poem"><h4>A song</h4><p>Sung once.</p></section></section>
          </section>
          <section id="part2"><h2>PART TWO</h2>
            <section id="c3"><h3>III. Night</h3><p>It ended in the dark.</p></section>
          </section>
        </section>
        <section epub:type="backmatter"><section epub:type="rearnotes" id="notes">
          <h2>Notes</h2><p>Note one.</p></section></section>"#,
    )
}

#[test]
fn a_one_file_book_is_cut_where_its_table_of_contents_points() {
    let toc = r##"<ol>
      <li><a href="book.xhtml#title">Title page</a></li>
      <li><a href="book.xhtml#preface">Preface</a></li>
      <li><a href="book.xhtml#part1">Part One</a><ol>
        <li><a href="book.xhtml#c1">Chapter I: Morning</a></li>
        <li><a href="book.xhtml#c2">Chapter II: Noon</a><ol hidden="">
          <li><a href="book.xhtml#poem">A song</a></li></ol></li>
      </ol></li>
      <li><a href="book.xhtml#part2">Part Two</a><ol>
        <li><a href="book.xhtml#c3">Chapter III: Night</a></li></ol></li>
      <li><a href="book.xhtml#notes">Notes</a></li>
    </ol>"##;
    let bytes = epub(
        &opf(ONE_FILE, ONE_SPINE),
        &[("nav.xhtml", &nav(toc)), ("book.xhtml", &whole_book())],
    );
    let manuscript = ok("book.epub", &bytes);
    // The title page is skipped by its epub:type; Part Two has no text of its own.
    assert_eq!(
        titles(&manuscript),
        [
            "Preface",
            "Part One",
            "Chapter I: Morning",
            "Chapter II: Noon",
            "Chapter III: Night",
            "Notes"
        ]
    );
    use SectionKind::{BackMatter, Body, FrontMatter};
    assert_eq!(
        kinds(&manuscript),
        [FrontMatter, Body, Body, Body, Body, BackMatter]
    );
    assert_eq!(
        parts(&manuscript),
        [
            None,
            None,
            Some("Part One"),
            Some("Part One"),
            Some("Part Two"),
            None
        ]
    );
    let text = |index: usize| manuscript.chapters[index].text.as_str();
    assert_eq!(text(1), "The part opens.");
    assert_eq!(text(2), "It began at dawn.\n\n“Up!” she said.");
    // A hidden entry does not cut; its heading stays in the text.
    assert_eq!(text(3), "The sun stood high.\n\nA song\n\nSung once.");
    assert_eq!(text(4), "It ended in the dark.");
    assert_convention(&manuscript);
}

#[test]
fn a_one_file_book_without_fragments_is_cut_at_its_headings() {
    let body = r#"<h1>Collected Tales</h1><p>An opening word.</p>
        <h2>The First Tale</h2><p>Once.</p><h3>A scene</h3><p>Then.</p>
        <h2>The Second Tale</h2><p>Twice.</p>"#;
    let toc = r#"<ol><li><a href="book.xhtml">Start</a></li></ol>"#;
    let bytes = epub(
        &opf(ONE_FILE, ONE_SPINE),
        &[("nav.xhtml", &nav(toc)), ("book.xhtml", &page("x", body))],
    );
    let manuscript = ok("tales.epub", &bytes);
    assert_eq!(
        titles(&manuscript),
        ["Start", "The First Tale", "The Second Tale"]
    );
    assert_eq!(manuscript.chapters[0].text, "An opening word.");
    assert_eq!(manuscript.chapters[1].text, "Once.\n\nA scene\n\nThen.");
    assert_eq!(
        manuscript.chapters[1].part.as_deref(),
        Some("Collected Tales")
    );
}

#[test]
fn a_chapter_per_file_keeps_its_subheadings() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
        <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/><itemref idref="b"/></spine>"#;
    let a = page(
        "a",
        "<h1>Chapter 1</h1><h2>Scene one</h2><p>One.</p><h2>Scene two</h2><p>Two.</p>",
    );
    let b = page("b", "<h1>Chapter 2</h1><p>Three.</p>");
    let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &a), ("b.xhtml", &b)]);
    let manuscript = ok("book.epub", &bytes);
    assert_eq!(titles(&manuscript), ["Chapter 1", "Chapter 2"]);
    assert_eq!(
        manuscript.chapters[0].text,
        "Scene one\n\nOne.\n\nScene two\n\nTwo."
    );
    // Two chapter headings in one file of several are two sections.
    let a = page(
        "a",
        "<h2>Chapter 1</h2><p>One.</p><h2>Chapter 2</h2><p>Two.</p>",
    );
    let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &a), ("b.xhtml", &b)]);
    assert_eq!(
        titles(&ok("book.epub", &bytes)),
        ["Chapter 1", "Chapter 2", "Chapter 2"]
    );
}

#[test]
fn an_epub2_ncx_with_nested_points_cuts_one_file() {
    let manifest = r#"<item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>
        <item id="book" href="book.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine toc="ncx"><itemref idref="book"/></spine>"#;
    let ncx = r#"<?xml version="1.0"?>
<ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1"><navMap>
  <navPoint id="a" playOrder="1"><navLabel><text>Part One</text></navLabel><content src="book.xhtml#part1"/>
    <navPoint id="b" playOrder="2"><navLabel><text>Chapter I</text></navLabel><content src="book.xhtml#c1"/></navPoint>
    <navPoint id="c" playOrder="3"><navLabel><text>Chapter II</text></navLabel><content src="book.xhtml#c2"/></navPoint>
  </navPoint>
  <navPoint id="d" playOrder="4"><navLabel><text>Part Two</text></navLabel><content src="book.xhtml#part2"/>
    <navPoint id="e" playOrder="5"><navLabel><text>Chapter III</text></navLabel><content src="book.xhtml#c3"/></navPoint>
  </navPoint>
  <navPoint id="f" playOrder="6"><navLabel><text>Notes</text></navLabel><content src="book.xhtml#notes"/></navPoint>
</navMap></ncx>"#;
    let bytes = epub(
        &opf(manifest, spine).replace("version=\"3.0\"", "version=\"2.0\""),
        &[("toc.ncx", ncx), ("book.xhtml", &whole_book())],
    );
    let manuscript = ok("old.epub", &bytes);
    assert_eq!(
        titles(&manuscript),
        [
            "Preface",
            "Part One",
            "Chapter I",
            "Chapter II",
            "Chapter III",
            "Notes"
        ]
    );
    assert_eq!(manuscript.chapters[4].part.as_deref(), Some("Part Two"));
    // The title page and the preface before the first entry: the one skipped, the other read.
    use SectionKind::{BackMatter, FrontMatter};
    assert_eq!(manuscript.chapters[0].kind, FrontMatter);
    assert_eq!(manuscript.chapters[5].kind, BackMatter);
}

#[test]
fn verse_keeps_its_lines_and_prose_in_divs_its_paragraphs() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/></spine>"#;
    let body = r#"<h1>Poems</h1>
        <div class="linegroup"><div>Upon the hill, the wind</div><div>Goes where it will,</div>
          <div>And I remain.</div></div>
        <div class="linegroup"><div>A second stanza starts</div><div>and does not stop</div></div>
        <p>A line<br/>broken<br />twice.</p>
        <div class="chapter"><div>This is prose in a div, and it runs on as prose does until the sentence is done.</div>
          <div>Another paragraph follows.</div><div>And a third one.</div></div>
        <div class="stanza"><div>The class says verse.</div><div>So lines they are.</div></div>"#;
    let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &page("a", body))]);
    let manuscript = ok("poems.epub", &bytes);
    assert_eq!(
        manuscript.chapters[0].text,
        "Upon the hill, the wind\nGoes where it will,\nAnd I remain.\n\n\
         A second stanza starts\nand does not stop\n\n\
         A line\nbroken\ntwice.\n\n\
         This is prose in a div, and it runs on as prose does until the sentence is done.\n\n\
         Another paragraph follows.\n\nAnd a third one.\n\n\
         The class says verse.\nSo lines they are."
    );
    assert_convention(&manuscript);
}

#[test]
fn notes_page_numbers_and_hidden_text_are_not_read() {
    let manifest = r#"<item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/></spine>"#;
    let body = r##"<h1>One</h1>
        <p>The sea<a epub:type="noteref" href="#n1">1</a> was calm.<span epub:type="pagebreak" title="12">12</span></p>
        <p>A line of verse,<span class="lnum">10</span></p>
        <p role="doc-pagebreak">13</p>
        <p hidden="hidden">Hidden.</p><p style="display: none">Not shown.</p><p aria-hidden="true">⁂</p>
        <aside epub:type="footnote" id="n1"><p>A note.</p></aside>
        <table><tr><td>Cell one</td><td>Cell two</td></tr></table>
        <ul><li>First item</li><li>Second item</li></ul>
        <blockquote><p>Quoted.</p></blockquote>"##;
    let bytes = epub(&opf(manifest, spine), &[("a.xhtml", &page("a", body))]);
    let manuscript = ok("notes.epub", &bytes);
    assert_eq!(
        manuscript.chapters[0].text,
        "The sea was calm.\n\nA line of verse,\n\nCell one\n\nCell two\n\n\
         First item\n\nSecond item\n\nQuoted."
    );
}

#[test]
fn the_text_after_a_title_page_in_its_file_is_read_and_the_page_is_not() {
    let manifest = r#"<item id="nav" href="nav.xhtml" media-type="application/xhtml+xml" properties="nav"/>
        <item id="a" href="a.xhtml" media-type="application/xhtml+xml"/>
        <item id="b" href="b.xhtml" media-type="application/xhtml+xml"/>
        <item id="c" href="c.xhtml" media-type="application/xhtml+xml"/>
        <item id="d" href="d.xhtml" media-type="application/xhtml+xml"/>"#;
    let spine = r#"<spine><itemref idref="a"/><itemref idref="b"/><itemref idref="c"/>
        <itemref idref="d"/></spine>"#;
    // A cover alone in its file: nothing to read.
    let a = r#"<section epub:type="cover" id="cover"><h1>The Book</h1><p>A novel</p></section>"#;
    // The entry points at the title page; the preface after it has no entry of its own.
    let b = r#"<section epub:type="frontmatter"><section epub:type="titlepage" id="title">
        <h1>The Book</h1><p>By Someone</p></section>
        <section epub:type="preface"><h2>Preface</h2><p>Why I wrote it.</p></section></section>"#;
    // The entry points at the file, which opens with a half-title page.
    let c = r#"<section epub:type="halftitlepage"><p>The Book</p></section>
        <section epub:type="bodymatter chapter"><h2>I. Morning</h2><p>It began at dawn.</p></section>
        <section epub:type="bodymatter chapter" id="c2"><h2>II. Noon</h2><p>The sun stood high.</p></section>"#;
    // Nothing names the text after this title page.
    let d = r#"<section epub:type="titlepage" id="title2"><p>Book Two</p></section>
        <p>For no one.</p>"#;
    let toc = r##"<ol><li><a href="a.xhtml#cover">Cover</a></li>
        <li><a href="b.xhtml#title">Title page</a></li>
        <li><a href="c.xhtml">Half title</a></li>
        <li><a href="c.xhtml#c2">Chapter II</a></li>
        <li><a href="d.xhtml#title2">Title page of book two</a></li></ol>"##;
    let book = "La Regenta &amp; otros";
    let bytes = epub(
        &opf(manifest, spine),
        &[
            ("nav.xhtml", &nav(toc)),
            ("a.xhtml", &page("Cover", a)),
            ("b.xhtml", &page(book, b)),
            ("c.xhtml", &page(book, c)),
            ("d.xhtml", &page(book, d)),
        ],
    );
    let manuscript = ok("titled.epub", &bytes);
    // A title page's entry names the page, not the text after it: its heading does.
    assert_eq!(
        titles(&manuscript),
        ["Preface", "I. Morning", "Chapter II", "Section 4"]
    );
    use SectionKind::{Body, FrontMatter};
    assert_eq!(kinds(&manuscript), [FrontMatter, Body, Body, Body]);
    let text = |index: usize| manuscript.chapters[index].text.as_str();
    assert_eq!(text(0), "Why I wrote it.");
    assert_eq!(text(1), "It began at dawn.");
    assert_eq!(text(2), "The sun stood high.");
    assert_eq!(text(3), "For no one.");
    assert_convention(&manuscript);
}
