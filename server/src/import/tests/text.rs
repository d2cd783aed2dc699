//! Plain text and Markdown: chapter headings in English and Spanish, parts, front and back
//! matter, Project Gutenberg boilerplate, encodings and line endings.

use super::*;
use crate::pdftotext::Pdftotext;

/// The opening of Emma as the corpus has it: volume, chapter, one paragraph per line.
const EMMA: &str = "VOLUME I

CHAPTER I

Emma Woodhouse, handsome, clever, and rich, with a comfortable home and happy disposition, seemed to unite some of the best blessings of existence.

She was the youngest of the two daughters of a most affectionate, indulgent father.

CHAPTER II

Mr. Weston was a native of Highbury, and born of a respectable family.

“So do I,” said Mrs. Weston gently, “very much.”

VOLUME II

CHAPTER I

Emma and Harriet had been walking together one morning.

FINIS
";

#[test]
fn english_volumes_and_chapters() {
    let manuscript = ok("emma.txt", EMMA.as_bytes());
    assert_eq!(manuscript.format, Format::Text);
    assert_eq!(
        titles(&manuscript),
        ["CHAPTER I", "CHAPTER II", "CHAPTER I"]
    );
    assert_eq!(
        parts(&manuscript),
        [Some("VOLUME I"), Some("VOLUME I"), Some("VOLUME II")]
    );
    assert_eq!(kinds(&manuscript), [SectionKind::Body; 3]);
    let first = &manuscript.chapters[0].text;
    assert!(first.starts_with("Emma Woodhouse, handsome"), "{first}");
    assert!(first.ends_with("indulgent father."), "{first}");
    assert!(
        !first.contains("CHAPTER"),
        "the heading is not text: {first}"
    );
    assert_eq!(
        manuscript.chapters[1].text,
        "Mr. Weston was a native of Highbury, and born of a respectable family.\n\n“So do I,” said Mrs. Weston gently, “very much.”"
    );
    assert_eq!(
        manuscript.chapters[2].text,
        "Emma and Harriet had been walking together one morning.\n\nFINIS"
    );
    assert_convention(&manuscript);
}

/// La Regenta: volumes (`Tomo`) and chapters numbered by bare Roman numerals between dashes;
/// dialogue lines start with a hyphen too.
const REGENTA: &str = "Tomo I

-I-

La heroica ciudad dormía la siesta.

-¿Le conoces tú desde ahí?

-II-

El coro había terminado: los venerables canónigos salían.

-No; es un carca, ¿no oyes el manteo?

FIN DE LA PRIMERA PARTE

Tomo II

-III-

Aquella tarde hablaron la Regenta y el Magistral.
";

#[test]
fn spanish_dashed_roman_numerals_are_chapters() {
    let manuscript = ok("es-clarin-la-regenta.txt", REGENTA.as_bytes());
    assert_eq!(titles(&manuscript), ["-I-", "-II-", "-III-"]);
    assert_eq!(manuscript.chapters[0].part.as_deref(), Some("Tomo I"));
    assert_eq!(manuscript.chapters[2].part.as_deref(), Some("Tomo II"));
    assert_eq!(
        manuscript.chapters[0].text,
        "La heroica ciudad dormía la siesta.\n\n-¿Le conoces tú desde ahí?"
    );
    assert!(manuscript.chapters[1]
        .text
        .ends_with("¿no oyes el manteo?\n\nFIN DE LA PRIMERA PARTE"));
    assert_convention(&manuscript);
}

#[test]
fn bare_roman_numeral_lines_are_chapters() {
    let text = "I\n\nEn un lugar de la Mancha.\n\nII.\n\nEl segundo.\n\nIII\n\nTercero.\n\nIV.\n\nCuarto.\n\nXIV\n\nNot counting: XIV does not follow IV, so this stays in chapter IV.\n";
    let manuscript = ok("novela.txt", text.as_bytes());
    assert_eq!(titles(&manuscript), ["I", "II.", "III", "IV."]);
    assert!(manuscript.chapters[3]
        .text
        .starts_with("Cuarto.\n\nXIV\n\nNot counting"));
}

/// Fortunata y Jacinta: titled numerals are chapters, the bare ones inside them are sections.
const FORTUNATA: &str = "Parte primera

-I- Juanito Santa Cruz

-I-

Las noticias más remotas que tengo de la persona que lleva este nombre.

-II-

Juanito Santa Cruz se educó en el colegio.

-II- Santa Cruz y Arnaiz. Vistazo histórico sobre el comercio matritense

-I-

Don Baldomero Santa Cruz era hijo de un honrado comerciante.

FIN DE LA PRIMERA PARTE

Parte segunda

-I- Maximiliano Rubín

-I-

La venerable tienda de tirador de oro.
";

#[test]
fn titled_numerals_are_chapters_and_bare_numerals_sections() {
    let manuscript = ok("fortunata.txt", FORTUNATA.as_bytes());
    assert_eq!(
        titles(&manuscript),
        [
            "-I- Juanito Santa Cruz",
            "-II- Santa Cruz y Arnaiz. Vistazo histórico sobre el comercio matritense",
            "-I- Maximiliano Rubín"
        ]
    );
    assert_eq!(
        manuscript.chapters[0].text,
        "-I-\n\nLas noticias más remotas que tengo de la persona que lleva este nombre.\n\n-II-\n\nJuanito Santa Cruz se educó en el colegio."
    );
    assert_eq!(
        manuscript.chapters[2].part.as_deref(),
        Some("Parte segunda")
    );
}

#[test]
fn spanish_capitulo_headings_with_and_without_accents() {
    let text = "CAPÍTULO III\n\nTres.\n\nCapitulo 4\n\nCuatro.\n\nCapítulo quinto. El regreso\n\nCinco.\n\ncapítulo VI: La noche\n\nSeis.\n\nCap. 7\n\nSiete.\n";
    let manuscript = ok("libro.txt", text.as_bytes());
    assert_eq!(
        titles(&manuscript),
        [
            "CAPÍTULO III",
            "Capitulo 4",
            "Capítulo quinto. El regreso",
            "capítulo VI: La noche",
            "Cap. 7"
        ]
    );
    let texts: Vec<_> = manuscript
        .chapters
        .iter()
        .map(|c| c.text.as_str())
        .collect();
    assert_eq!(texts, ["Tres.", "Cuatro.", "Cinco.", "Seis.", "Siete."]);
}

#[test]
fn english_chapter_heading_forms() {
    let text = "Chapter 1. The Beginning\n\nOne.\n\nCHAPTER I: Mr. Sherlock Holmes\n\nTwo.\n\nChapter the First\n\nThree.\n\nCHAPTER TWENTY-ONE\n\nFour.\n\nChapter 5\nThe Return\n\nFive.\n\nCHAPTER 6\nIt was a dark and stormy night; the rain fell in torrents,\nexcept at occasional intervals.\n";
    let manuscript = ok("book.txt", text.as_bytes());
    assert_eq!(
        titles(&manuscript),
        [
            "Chapter 1. The Beginning",
            "CHAPTER I: Mr. Sherlock Holmes",
            "Chapter the First",
            "CHAPTER TWENTY-ONE",
            "Chapter 5: The Return",
            "CHAPTER 6"
        ]
    );
    assert_eq!(manuscript.chapters[4].text, "Five.");
    assert_eq!(
        manuscript.chapters[5].text,
        "It was a dark and stormy night; the rain fell in torrents,\nexcept at occasional intervals."
    );
}

#[test]
fn prose_that_starts_like_a_heading_stays_text() {
    let text = "CHAPTER I\n\nPart of the problem was the weather.\n\nBook two was better than the first.\n\nChapter 11 begins tomorrow, she said.\n\nI\n\nThe lone numeral above is a section number, since this book has chapter headings.\n\nVolume\n";
    let manuscript = ok("book.txt", text.as_bytes());
    assert_eq!(titles(&manuscript), ["CHAPTER I"]);
    assert_eq!(manuscript.chapters[0].text.matches("\n\n").count(), 5);
}

/// Middlemarch: a book heading with a subtitle line, then the chapter; the Finale at the end.
#[test]
fn part_heading_with_subtitle_labels_the_chapters() {
    let text = "BOOK I.\n\nMISS BROOKE.\n\nCHAPTER I.\n\n\"Since I can do no good because a woman.\"\n\n--The Maid's Tragedy: BEAUMONT AND FLETCHER.\n\nMiss Brooke had that kind of beauty.\n\nCHAPTER II.\n\nMr. Casaubon said, \"No.\"\n\nBOOK II.\n\nOLD AND YOUNG.\n\nCHAPTER XIII.\n\nThirteen.\n\nFINALE.\n\nEvery limit is a beginning as well as an ending.\n";
    let manuscript = ok("middlemarch.txt", text.as_bytes());
    assert_eq!(
        titles(&manuscript),
        ["CHAPTER I.", "CHAPTER II.", "CHAPTER XIII.", "FINALE."]
    );
    assert_eq!(
        manuscript.chapters[0].part.as_deref(),
        Some("BOOK I. MISS BROOKE.")
    );
    assert_eq!(
        manuscript.chapters[2].part.as_deref(),
        Some("BOOK II. OLD AND YOUNG.")
    );
    assert_eq!(manuscript.chapters[3].kind, SectionKind::Body);
    assert!(manuscript.chapters[0].text.starts_with("\"Since I can"));
}

#[test]
fn part_heading_followed_by_text_is_a_chapter_of_its_own() {
    let text = "PART ONE\n\nIn which the author explains the plan of the book, at some length and with many digressions.\n\nSecond paragraph of the introduction to part one.\n\nA third paragraph.\n\nChapter 1\n\nThe story.\n\nPart Two\n\nChapter 2\n\nMore story.\n";
    let manuscript = ok("book.txt", text.as_bytes());
    assert_eq!(titles(&manuscript), ["PART ONE", "Chapter 1", "Chapter 2"]);
    assert!(manuscript.chapters[0]
        .text
        .starts_with("In which the author"));
    assert_eq!(manuscript.chapters[0].part, None);
    assert_eq!(manuscript.chapters[1].part.as_deref(), Some("PART ONE"));
    assert_eq!(manuscript.chapters[2].part.as_deref(), Some("Part Two"));
}

#[test]
fn primera_parte_and_libro_headings() {
    let text = "Primera parte\n\nCapítulo 1\n\nUno.\n\nLIBRO SEGUNDO\n\nCapítulo 2\n\nDos.\n";
    let manuscript = ok("libro.txt", text.as_bytes());
    assert_eq!(titles(&manuscript), ["Capítulo 1", "Capítulo 2"]);
    assert_eq!(
        manuscript.chapters[0].part.as_deref(),
        Some("Primera parte")
    );
    assert_eq!(
        manuscript.chapters[1].part.as_deref(),
        Some("LIBRO SEGUNDO")
    );
}

#[test]
fn front_and_back_matter_are_guessed_from_titles() {
    let text = "THE NOVEL\n\nby A. Writer\n\nDedication\n\nTo my mother.\n\nContents\n\nPrologue: The Storm\n\nIt rained.\n\nChapter 1\n\nStory.\n\nEpilogue\n\nAfter.\n\nAppendix A: Maps\n\nA map.\n\nNotes\n\n1. A note.\n\nAbout the Author\n\nBorn somewhere.\n";
    let manuscript = ok("novel.txt", text.as_bytes());
    assert_eq!(
        titles(&manuscript),
        [
            "Front matter",
            "Dedication",
            "Prologue: The Storm",
            "Chapter 1",
            "Epilogue",
            "Appendix A: Maps",
            "Notes",
            "About the Author"
        ]
    );
    use SectionKind::{BackMatter, Body, FrontMatter};
    assert_eq!(
        kinds(&manuscript),
        [
            FrontMatter,
            FrontMatter,
            Body,
            Body,
            Body,
            BackMatter,
            BackMatter,
            BackMatter
        ]
    );
    assert_eq!(manuscript.chapters[0].text, "THE NOVEL\n\nby A. Writer");
}

#[test]
fn spanish_front_and_back_matter() {
    let text = "Índice\n\nCapítulo 1 .... 5\nCapítulo 2 .... 9\n\nPrólogo\n\nAntes.\n\nCapítulo 1\n\nUno.\n\nEpílogo\n\nDespués.\n\nApéndice\n\nTablas.\n\nNotas\n\nUna nota.\n";
    let manuscript = ok("libro.txt", text.as_bytes());
    assert_eq!(
        titles(&manuscript),
        [
            "Índice",
            "Prólogo",
            "Capítulo 1",
            "Epílogo",
            "Apéndice",
            "Notas"
        ]
    );
    use SectionKind::{BackMatter, Body, FrontMatter};
    assert_eq!(
        kinds(&manuscript),
        [FrontMatter, Body, Body, Body, BackMatter, BackMatter]
    );
}

#[test]
fn gutenberg_header_and_footer_are_stripped() {
    let text = "The Project Gutenberg eBook of Emma, by Jane Austen\r\n\r\nTitle: Emma\r\n\r\nAuthor: Jane Austen\r\n\r\n*** START OF THE PROJECT GUTENBERG EBOOK EMMA ***\r\n\r\nProduced by An Anonymous Volunteer\r\n\r\nCHAPTER I\r\n\r\nEmma Woodhouse.\r\n\r\nCHAPTER II\r\n\r\nMr. Weston.\r\n\r\nEnd of the Project Gutenberg EBook of Emma, by Jane Austen\r\n\r\n*** END OF THE PROJECT GUTENBERG EBOOK EMMA ***\r\n\r\nSection 1. General Terms of Use and Redistributing Project Gutenberg-tm electronic works\r\n";
    let manuscript = ok("emma.txt", text.as_bytes());
    assert_eq!(manuscript.title.as_deref(), Some("Emma"));
    assert_eq!(
        titles(&manuscript),
        ["Front matter", "CHAPTER I", "CHAPTER II"]
    );
    assert_eq!(
        manuscript.chapters[0].text,
        "Produced by An Anonymous Volunteer"
    );
    assert_eq!(manuscript.chapters[2].text, "Mr. Weston.");
    assert!(manuscript
        .chapters
        .iter()
        .all(|chapter| !chapter.text.contains("Gutenberg")));
}

#[test]
fn gutenberg_licence_chapters_are_back_matter() {
    assert_eq!(
        outline::guess_kind("THE FULL PROJECT GUTENBERG LICENSE"),
        SectionKind::BackMatter
    );
    assert_eq!(
        outline::guess_kind("Notes from Underground"),
        SectionKind::Body
    );
    assert_eq!(outline::guess_kind("Índice"), SectionKind::FrontMatter);
    assert_eq!(outline::guess_kind("Indexing the stars"), SectionKind::Body);
}

#[test]
fn a_file_without_headings_is_one_chapter_named_after_the_file() {
    let manuscript = ok(
        "uploads/Mi cuento.txt",
        "Había una vez.\n\nFin.\n".as_bytes(),
    );
    assert_eq!(titles(&manuscript), ["Mi cuento"]);
    assert_eq!(manuscript.chapters[0].text, "Había una vez.\n\nFin.");
    assert_eq!(manuscript.chapters[0].kind, SectionKind::Body);
    assert_eq!(manuscript.title, None);
}

#[test]
fn crlf_cr_and_bom_are_normalised() {
    let crlf = "\u{FEFF}CHAPTER I\r\n\r\nOne line\r\nsame paragraph.  \r\n\r\n\r\n\r\nNext.\r\n";
    let manuscript = ok("crlf.txt", crlf.as_bytes());
    assert_eq!(titles(&manuscript), ["CHAPTER I"]);
    assert_eq!(
        manuscript.chapters[0].text,
        "One line\nsame paragraph.\n\nNext."
    );

    let cr = "CHAPTER I\r\rOld Mac text.\rSecond line.\r";
    let manuscript = ok("cr.txt", cr.as_bytes());
    assert_eq!(manuscript.chapters[0].text, "Old Mac text.\nSecond line.");
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let text = "Capítulo 1\r\n\r\nÑandú.\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    for unit in text.encode_utf16() {
        bytes.extend_from_slice(&unit.to_le_bytes());
    }
    let manuscript = ok("notepad.txt", &bytes);
    assert_eq!(titles(&manuscript), ["Capítulo 1"]);
    assert_eq!(manuscript.chapters[0].text, "Ñandú.");
}

#[test]
fn invalid_utf8_is_refused_with_the_offset_of_the_first_bad_byte() {
    // "Canción" in Latin-1: the ó is the single byte 0xF3, at offset 8 (after a 3-byte BOM).
    let bytes = b"\xEF\xBB\xBFCanci\xF3n\n";
    let error = err("latin1.txt", bytes);
    assert_eq!(
        error,
        ImportError::NotWhatItSays {
            expected: Format::Text,
            problem: Mismatch::NotUtf8 { byte: 8 },
        }
    );
    assert!(error.to_string().contains("byte 8"), "{error}");
    let error = err("latin1.md", b"ok\xF3");
    assert_eq!(
        error,
        ImportError::NotWhatItSays {
            expected: Format::Markdown,
            problem: Mismatch::NotUtf8 { byte: 2 },
        }
    );
}

#[test]
fn binary_data_is_refused() {
    let docx_renamed = zip_of(&[("word/document.xml", b"<w:document/>")]);
    let error = err("manuscript.txt", &docx_renamed);
    assert!(
        matches!(
            error,
            ImportError::NotWhatItSays {
                expected: Format::Text,
                problem: Mismatch::Binary { .. } | Mismatch::NotUtf8 { .. }
            }
        ),
        "{error:?}"
    );
    assert_eq!(
        err("nul.txt", b"abc\0def"),
        ImportError::NotWhatItSays {
            expected: Format::Text,
            problem: Mismatch::Binary { byte: 3 },
        }
    );
}

#[test]
fn blank_files_have_no_text() {
    for bytes in [&b""[..], b"   \n\n\t\r\n", b"\xEF\xBB\xBF\n"] {
        assert_eq!(err("blank.txt", bytes), ImportError::NoText);
    }
    // Headings alone are not text either.
    assert_eq!(
        err("toc.txt", b"CHAPTER I\n\nCHAPTER II\n"),
        ImportError::NoText
    );
}

#[test]
fn one_paragraph_per_line_without_blank_lines() {
    let long = "This paragraph is long enough to look like a whole paragraph on one line, as a word processor writes it when saving plain text.";
    let text = format!("CAPÍTULO I\n{long}\n{long}\nCAPÍTULO II\n{long}\n");
    let manuscript = ok("export.txt", text.as_bytes());
    assert_eq!(titles(&manuscript), ["CAPÍTULO I", "CAPÍTULO II"]);
    assert_eq!(manuscript.chapters[0].text, format!("{long}\n\n{long}"));
}

#[test]
fn chapters_over_the_size_limit_are_refused() {
    let limits = Limits {
        max_chapter_bytes: 100,
        ..Limits::default()
    };
    let text = format!(
        "CHAPTER I\n\nShort.\n\nCHAPTER II\n\n{}\n",
        "word ".repeat(50)
    );
    let error =
        import_with_limits("big.txt", text.as_bytes(), &limits, &Pdftotext::default()).unwrap_err();
    assert_eq!(
        error,
        ImportError::ChapterTooLarge {
            title: "CHAPTER II".to_owned(),
            bytes: 249,
            max: 100
        }
    );
    assert!(error.to_string().contains("CHAPTER II"), "{error}");
}

#[test]
fn a_novel_sized_text_with_sixty_chapters() {
    let paragraph = "It was the best of times, it was the worst of times, it was the age of wisdom, it was the age of foolishness, it was the epoch of belief.";
    let mut text = String::with_capacity(2_200_000);
    for chapter in 1..=60 {
        text.push_str(&format!("CHAPTER {chapter}\n\n"));
        for _ in 0..250 {
            text.push_str(paragraph);
            text.push_str("\n\n");
        }
    }
    assert!(text.len() > 2_000_000);
    let manuscript = ok("tale.txt", text.as_bytes());
    assert_eq!(manuscript.chapters.len(), 60);
    assert_eq!(manuscript.chapters[59].title, "CHAPTER 60");
    assert_eq!(manuscript.chapters[0].text.matches(paragraph).count(), 250);
}

#[test]
fn markdown_title_chapters_and_subheadings() {
    let text = "# The Book\n\nBy Someone.\n\n## Chapter One\nFirst *paragraph* stays verbatim.\n\n### A scene\n\nMore.\n\n```\n# not a heading\n```\n\n## Chapter Two ##\n\nSecond.\n\n## Notes\n\nA note.\n";
    let manuscript = ok("book.md", text.as_bytes());
    assert_eq!(manuscript.format, Format::Markdown);
    assert_eq!(manuscript.title.as_deref(), Some("The Book"));
    assert_eq!(
        titles(&manuscript),
        ["Front matter", "Chapter One", "Chapter Two", "Notes"]
    );
    assert_eq!(
        manuscript.chapters[1].text,
        "First *paragraph* stays verbatim.\n\n### A scene\n\nMore.\n\n```\n# not a heading\n```"
    );
    assert_eq!(manuscript.chapters[3].kind, SectionKind::BackMatter);
}

#[test]
fn markdown_parts_above_chapters() {
    let text = "# Part One\n\n## Chapter 1\n\nOne.\n\n## Chapter 2\n\nTwo.\n\n# Part Two\n\n## Chapter 3\n\nThree.\n";
    let manuscript = ok("book.md", text.as_bytes());
    assert_eq!(manuscript.title, None);
    assert_eq!(titles(&manuscript), ["Chapter 1", "Chapter 2", "Chapter 3"]);
    assert_eq!(manuscript.chapters[2].part.as_deref(), Some("Part Two"));
}

#[test]
fn markdown_with_a_single_heading_or_none() {
    let manuscript = ok("story.md", b"# A Story\n\nOnce.\n");
    assert_eq!(manuscript.title.as_deref(), Some("A Story"));
    assert_eq!(titles(&manuscript), ["A Story"]);
    assert_eq!(manuscript.chapters[0].text, "Once.");

    let manuscript = ok(
        "plain.md",
        "Capítulo 1\n\nUno.\n\nCapítulo 2\n\nDos.\n".as_bytes(),
    );
    assert_eq!(titles(&manuscript), ["Capítulo 1", "Capítulo 2"]);
}
