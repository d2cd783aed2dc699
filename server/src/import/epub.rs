//! EPUB 2 and 3: `META-INF/container.xml` names the package document (OPF); its spine gives the
//! reading order of manifest items, which are XHTML content documents, one chapter each.
//!
//! Skipped spine items: `linear="no"`, the navigation document and the NCX, items that are not
//! (X)HTML, and items that are a cover, table of contents, title page or copyright page by the
//! guide, by the navigation document's landmarks, by their `epub:type`, or by their id or file
//! name (`cover`, `toc`, `nav`, `titlepage`, `copyright`, ...). Missing files and documents
//! without text are skipped too.
//!
//! A chapter's title is its first `h1`–`h3` (removed from its text), else its label in the
//! navigation document or NCX, else its `<title>` when that is not just the book's title.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::{
    archive::Archive,
    outline::guess_kind,
    xhtml,
    xml::{
        attribute, attribute_exact, decode_document, local_end_name, local_name, next_event,
        push_reference, reader,
    },
    DetectedChapter, Format, ImportError, Limits, Mismatch, SectionKind,
};

/// What an EPUB import returns: the book title and the chapters.
pub(crate) type Imported = (Option<String>, Vec<DetectedChapter>);

const EPUB_MIMETYPE: &str = "application/epub+zip";
const CONTAINER: &str = "META-INF/container.xml";
const NCX_MEDIA_TYPE: &str = "application/x-dtbncx+xml";

/// Imports an `.epub` file.
///
/// # Errors
/// [`ImportError::NotWhatItSays`] for a file that is not a zip, has another mimetype or no
/// container; [`ImportError::NoSpine`]; archive limits; [`ImportError::Malformed`] for XML errors
/// or a missing package document.
pub(crate) fn import_epub(bytes: &[u8], limits: &Limits) -> Result<Imported, ImportError> {
    let mut archive = Archive::open(bytes, Format::Epub, limits)?;
    let mismatch = |problem| ImportError::NotWhatItSays {
        expected: Format::Epub,
        problem,
    };
    if let Some(mimetype) = archive.read("mimetype")? {
        let mimetype = decode_document(&mimetype).trim().to_owned();
        if mimetype != EPUB_MIMETYPE {
            let shown: String = mimetype.chars().take(60).collect();
            return Err(mismatch(Mismatch::WrongMimetype(shown)));
        }
    }
    let Some(container) = archive.read(CONTAINER)? else {
        return Err(mismatch(if archive.contains("word/document.xml") {
            Mismatch::LooksLike(Format::Docx)
        } else {
            Mismatch::MissingPart(CONTAINER.to_owned())
        }));
    };
    let rootfile = rootfile(&decode_document(&container))?.ok_or(mismatch(Mismatch::NoRootfile))?;
    let opf_path = resolve("", &rootfile).ok_or(mismatch(Mismatch::NoRootfile))?;
    let Some(opf) = archive.read(&opf_path)? else {
        // The detail is the zip library's own words; the sentence around it is the page's.
        return Err(ImportError::Malformed(format!(
            "{opf_path}: {}",
            zip::result::ZipError::FileNotFound
        )));
    };
    let package = Package::parse(&opf_path, &decode_document(&opf))?;
    if !package.has_spine || package.spine.is_empty() {
        return Err(ImportError::NoSpine);
    }
    let navigation = Navigation::read(&package, &mut archive)?;

    let mut chapters = Vec::new();
    let mut seen = HashSet::new();
    for itemref in &package.spine {
        let Some(item) = package.manifest.get(&itemref.idref) else {
            continue;
        };
        if !itemref.linear
            || !seen.insert(item.path.clone())
            || navigation.skipped.contains(&item.path)
            || !item.is_content()
            || item.is_navigation()
            || skipped_by_name(&item.id, &item.path)
        {
            continue;
        }
        let Some(bytes) = archive.read(&item.path)? else {
            continue;
        };
        let page = xhtml::extract(&item.path, &decode_document(&bytes))?;
        if page.text.trim().is_empty()
            || page
                .types
                .iter()
                .any(|t| SKIPPED_TYPES.contains(&t.as_str()))
        {
            continue;
        }
        let title = page
            .heading
            .or_else(|| navigation.labels.get(&item.path).cloned())
            .or_else(|| {
                page.title
                    .filter(|title| Some(title) != package.title.as_ref())
            })
            .unwrap_or_else(|| format!("Section {}", chapters.len() + 1));
        let kind = kind_from_types(&page.types).unwrap_or_else(|| guess_kind(&title));
        chapters.push(DetectedChapter {
            title,
            part: None,
            text: page.text,
            kind,
        });
    }
    Ok((package.title, chapters))
}

/// `epub:type` values and guide or landmark types of pages that are not read.
const SKIPPED_TYPES: &[&str] = &[
    "cover",
    "frontcover",
    "backcover",
    "toc",
    "titlepage",
    "title-page",
    "halftitlepage",
    "copyright-page",
    "copyright",
    "loi",
    "lot",
    "landmarks",
];

/// `epub:type` values of front matter.
const FRONT_TYPES: &[&str] = &[
    "frontmatter",
    "dedication",
    "epigraph",
    "foreword",
    "preface",
    "imprint",
    "contributors",
    "other-credits",
    "errata",
    "seriespage",
];

/// `epub:type` values of back matter.
const BACK_TYPES: &[&str] = &[
    "backmatter",
    "appendix",
    "afterword",
    "glossary",
    "bibliography",
    "index",
    "endnotes",
    "rearnotes",
    "footnotes",
    "colophon",
    "acknowledgments",
];

fn kind_from_types(types: &[String]) -> Option<SectionKind> {
    // The most specific type wins: `bodymatter` on `body` and `appendix` on a section.
    types.iter().rev().find_map(|t| {
        if FRONT_TYPES.contains(&t.as_str()) {
            Some(SectionKind::FrontMatter)
        } else if BACK_TYPES.contains(&t.as_str()) {
            Some(SectionKind::BackMatter)
        } else if t == "bodymatter" || t == "chapter" || t == "part" {
            Some(SectionKind::Body)
        } else {
            None
        }
    })
}

/// Whether an item's id or file name says it is a cover, table of contents, title or copyright
/// page. Words are compared whole (`toc`, not `toccata`).
fn skipped_by_name(id: &str, path: &str) -> bool {
    let file = path.rsplit('/').next().unwrap_or(path);
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    [id, stem].iter().any(|name| {
        let lower = name.to_lowercase();
        let words: Vec<&str> = lower
            .split(|c: char| !c.is_ascii_alphanumeric())
            .filter(|word| !word.is_empty())
            .collect();
        words == ["title"]
            || words.windows(2).any(|pair| pair == ["title", "page"])
            || words.iter().any(|word| {
                matches!(
                    *word,
                    "cover"
                        | "toc"
                        | "nav"
                        | "titlepage"
                        | "halftitle"
                        | "halftitlepage"
                        | "copyright"
                        | "contents"
                        | "frontcover"
                        | "backcover"
                )
            })
    })
}

/// The `full-path` of the container's package document (`rootfile`).
fn rootfile(container: &str) -> Result<Option<String>, ImportError> {
    let mut reader = reader(container);
    let mut first = None;
    loop {
        match next_event(&mut reader, CONTAINER)? {
            Event::Start(element) | Event::Empty(element) if local_name(&element) == "rootfile" => {
                let Some(path) = attribute(&element, "full-path") else {
                    continue;
                };
                let media_type = attribute(&element, "media-type");
                if media_type.as_deref() == Some("application/oebps-package+xml") {
                    return Ok(Some(path));
                }
                first.get_or_insert(path);
            }
            Event::Eof => return Ok(first),
            _ => {}
        }
    }
}

/// A manifest item.
struct Item {
    id: String,
    /// Path in the archive, resolved and percent-decoded.
    path: String,
    media_type: String,
    properties: String,
}

impl Item {
    fn is_content(&self) -> bool {
        let media_type = self.media_type.to_ascii_lowercase();
        if media_type.is_empty() {
            let lower = self.path.to_ascii_lowercase();
            return [".xhtml", ".html", ".htm", ".xml"]
                .iter()
                .any(|extension| lower.ends_with(extension));
        }
        media_type.contains("html") || media_type == "application/xml" || media_type == "text/xml"
    }

    fn is_navigation(&self) -> bool {
        self.properties.split_whitespace().any(|p| p == "nav")
            || self.media_type.eq_ignore_ascii_case(NCX_MEDIA_TYPE)
    }
}

/// A spine entry.
struct Itemref {
    idref: String,
    linear: bool,
}

/// What the package document says.
struct Package {
    title: Option<String>,
    manifest: HashMap<String, Item>,
    has_spine: bool,
    spine: Vec<Itemref>,
    /// The spine's `toc` attribute: the NCX's manifest id.
    ncx_id: Option<String>,
    /// Guide references: (type, path).
    guide: Vec<(String, String)>,
}

impl Package {
    fn parse(path: &str, source: &str) -> Result<Self, ImportError> {
        let base = directory(path);
        let mut package = Self {
            title: None,
            manifest: HashMap::new(),
            has_spine: false,
            spine: Vec::new(),
            ncx_id: None,
            guide: Vec::new(),
        };
        let mut reader = reader(source);
        let mut in_metadata = false;
        let mut title: Option<String> = None;
        loop {
            let event = next_event(&mut reader, path)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(element) | Event::Empty(element) => match local_name(&element) {
                    "metadata" => in_metadata = !empty,
                    "title" if in_metadata && !empty && package.title.is_none() => {
                        title = Some(String::new());
                    }
                    "item" => {
                        let (Some(id), Some(href)) =
                            (attribute(&element, "id"), attribute(&element, "href"))
                        else {
                            continue;
                        };
                        let Some(path) = resolve(base, &href) else {
                            continue;
                        };
                        package.manifest.entry(id.clone()).or_insert(Item {
                            id,
                            path,
                            media_type: attribute(&element, "media-type").unwrap_or_default(),
                            properties: attribute(&element, "properties").unwrap_or_default(),
                        });
                    }
                    "spine" => {
                        package.has_spine = true;
                        package.ncx_id = attribute(&element, "toc");
                    }
                    "itemref" => {
                        if let Some(idref) = attribute(&element, "idref") {
                            let linear = attribute(&element, "linear")
                                .is_none_or(|linear| !linear.trim().eq_ignore_ascii_case("no"));
                            package.spine.push(Itemref { idref, linear });
                        }
                    }
                    "reference" => {
                        if let (Some(kind), Some(path)) = (
                            attribute(&element, "type"),
                            attribute(&element, "href").and_then(|href| resolve(base, &href)),
                        ) {
                            package.guide.push((kind.to_lowercase(), path));
                        }
                    }
                    _ => {}
                },
                Event::End(element) => match local_end_name(element.name().0) {
                    "metadata" => in_metadata = false,
                    "title" => {
                        if let Some(done) = title.take() {
                            let done = done.split_whitespace().collect::<Vec<_>>().join(" ");
                            if !done.is_empty() {
                                package.title = Some(done);
                            }
                        }
                    }
                    _ => {}
                },
                Event::Text(text) => {
                    if let Some(title) = title.as_mut() {
                        title.push_str(&text);
                    }
                }
                Event::GeneralRef(entity) => {
                    if let Some(title) = title.as_mut() {
                        push_reference(title, &entity);
                    }
                }
                Event::Eof => break,
                _ => {}
            }
        }
        Ok(package)
    }
}

/// Labels and landmarks from the navigation document (EPUB 3) and the NCX (EPUB 2).
#[derive(Default)]
struct Navigation {
    /// Path → table-of-contents label (the first one for that file).
    labels: HashMap<String, String>,
    /// Paths that the guide or landmarks call cover, toc, title page or copyright page.
    skipped: HashSet<String>,
}

impl Navigation {
    fn read(package: &Package, archive: &mut Archive<'_>) -> Result<Self, ImportError> {
        let mut navigation = Self::default();
        for (kind, path) in &package.guide {
            if matches!(
                kind.as_str(),
                "cover" | "toc" | "title-page" | "copyright-page"
            ) {
                navigation.skipped.insert(path.clone());
            }
        }
        let nav = package
            .manifest
            .values()
            .find(|item| item.properties.split_whitespace().any(|p| p == "nav"));
        if let Some(nav) = nav {
            if let Some(bytes) = archive.read(&nav.path)? {
                navigation.read_nav(&nav.path, &decode_document(&bytes))?;
            }
        }
        let ncx = package
            .ncx_id
            .as_ref()
            .and_then(|id| package.manifest.get(id))
            .or_else(|| {
                package
                    .manifest
                    .values()
                    .find(|item| item.media_type.eq_ignore_ascii_case(NCX_MEDIA_TYPE))
            });
        if let Some(ncx) = ncx {
            if let Some(bytes) = archive.read(&ncx.path)? {
                navigation.read_ncx(&ncx.path, &decode_document(&bytes))?;
            }
        }
        Ok(navigation)
    }

    /// EPUB 3 navigation document: `nav epub:type="toc"` links give labels, `nav
    /// epub:type="landmarks"` links give pages to skip.
    fn read_nav(&mut self, path: &str, source: &str) -> Result<(), ImportError> {
        let base = directory(path);
        let mut reader = reader(source);
        // The epub:type of each open `nav`.
        let mut navs: Vec<String> = Vec::new();
        // The link being read: (path, landmark type, label so far).
        let mut link: Option<(String, String, String)> = None;
        loop {
            let event = next_event(&mut reader, path)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(element) | Event::Empty(element) => {
                    let name = local_name(&element).to_ascii_lowercase();
                    if name == "nav" && !empty {
                        navs.push(
                            attribute_exact(&element, "epub:type")
                                .unwrap_or_else(|| "toc".to_owned())
                                .to_lowercase(),
                        );
                    } else if name == "a" && !empty && !navs.is_empty() {
                        link = attribute(&element, "href")
                            .and_then(|href| resolve(base, &href))
                            .map(|target| {
                                let kind = attribute_exact(&element, "epub:type")
                                    .unwrap_or_default()
                                    .to_lowercase();
                                (target, kind, String::new())
                            });
                    }
                }
                Event::End(element) => {
                    let name = local_end_name(element.name().0).to_ascii_lowercase();
                    if name == "nav" {
                        navs.pop();
                    } else if name == "a" {
                        if let (Some((target, kind, label)), Some(nav)) = (link.take(), navs.last())
                        {
                            if nav.split_whitespace().any(|t| t == "landmarks") {
                                if kind.split_whitespace().any(|t| SKIPPED_TYPES.contains(&t)) {
                                    self.skipped.insert(target);
                                }
                            } else if nav.split_whitespace().any(|t| t == "toc") {
                                let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
                                if !label.is_empty() {
                                    self.labels.entry(target).or_insert(label);
                                }
                            }
                        }
                    }
                }
                Event::Text(text) => {
                    if let Some((_, _, label)) = link.as_mut() {
                        label.push_str(&text);
                    }
                }
                Event::GeneralRef(entity) => {
                    if let Some((_, _, label)) = link.as_mut() {
                        push_reference(label, &entity);
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }

    /// EPUB 2 NCX: each `navPoint`'s `navLabel/text` labels its `content src`.
    fn read_ncx(&mut self, path: &str, source: &str) -> Result<(), ImportError> {
        let base = directory(path);
        let mut reader = reader(source);
        let mut in_label = false;
        let mut text: Option<String> = None;
        let mut label: Option<String> = None;
        loop {
            let event = next_event(&mut reader, path)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(element) | Event::Empty(element) => match local_name(&element) {
                    "navLabel" => in_label = !empty,
                    "text" if in_label && !empty => text = Some(String::new()),
                    "content" => {
                        let target = attribute(&element, "src").and_then(|src| resolve(base, &src));
                        if let (Some(target), Some(label)) = (target, label.take()) {
                            self.labels.entry(target).or_insert(label);
                        }
                    }
                    _ => {}
                },
                Event::End(element) => match local_end_name(element.name().0) {
                    "navLabel" => in_label = false,
                    "text" => {
                        if let Some(done) = text.take() {
                            let done = done.split_whitespace().collect::<Vec<_>>().join(" ");
                            if !done.is_empty() {
                                label = Some(done);
                            }
                        }
                    }
                    _ => {}
                },
                Event::Text(chunk) => {
                    if let Some(text) = text.as_mut() {
                        text.push_str(&chunk);
                    }
                }
                Event::GeneralRef(entity) => {
                    if let Some(text) = text.as_mut() {
                        push_reference(text, &entity);
                    }
                }
                Event::Eof => return Ok(()),
                _ => {}
            }
        }
    }
}

/// The directory part of an archive path, with its trailing `/` (empty at the root).
fn directory(path: &str) -> &str {
    path.rfind('/')
        .and_then(|slash| path.get(..=slash))
        .unwrap_or("")
}

/// The archive path an `href` in a document under `base` points to: fragment and query dropped,
/// percent-decoded, `.` and `..` resolved. `None` for external links and empty targets.
pub(crate) fn resolve(base: &str, href: &str) -> Option<String> {
    let href = href.trim();
    let href = href.split(['#', '?']).next().unwrap_or("");
    if href.is_empty()
        || href.contains("://")
        || href.starts_with("data:")
        || href.starts_with("mailto:")
    {
        return None;
    }
    let decoded = percent_decode(href);
    let joined = match decoded.strip_prefix('/') {
        Some(absolute) => absolute.to_owned(),
        None => format!("{base}{decoded}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for part in joined.split('/') {
        match part {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            _ => parts.push(part),
        }
    }
    (!parts.is_empty()).then(|| parts.join("/"))
}

/// `%20` and the like decoded; invalid escapes are kept, invalid UTF-8 is replaced.
pub(crate) fn percent_decode(text: &str) -> String {
    if !text.contains('%') {
        return text.to_owned();
    }
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut index = 0;
    while let Some(&byte) = bytes.get(index) {
        if byte == b'%' {
            let high = bytes
                .get(index + 1)
                .and_then(|&b| char::from(b).to_digit(16));
            let low = bytes
                .get(index + 2)
                .and_then(|&b| char::from(b).to_digit(16));
            if let (Some(high), Some(low)) = (high, low) {
                out.push(u8::try_from(high * 16 + low).unwrap_or(b'?'));
                index += 3;
                continue;
            }
        }
        out.push(byte);
        index += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}
