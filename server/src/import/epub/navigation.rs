//! Chapter labels and pages to skip, from the EPUB 3 navigation document (`toc` and `landmarks`)
//! and the EPUB 2 NCX.

use std::collections::HashSet;

use quick_xml::events::Event;

use super::{directory, package::Package, percent_decode, resolve, NCX_MEDIA_TYPE, SKIPPED_TYPES};
use crate::import::{
    archive::Archive,
    xml::{
        attribute, attribute_exact, decode_document, local_end_name, local_name, next_event,
        push_reference, reader,
    },
    ImportError,
};

/// One entry of the table of contents.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct TocEntry {
    /// The archive path it points to.
    pub(super) path: String,
    /// The fragment (`chapter-3` in `s04.xhtml#chapter-3`), percent-decoded.
    pub(super) fragment: Option<String>,
    /// Its label, whitespace collapsed.
    pub(super) label: String,
    /// 0 for a top-level entry, 1 for an entry nested in another, ...
    pub(super) depth: usize,
}

/// The table of contents and landmarks from the navigation document (EPUB 3) or the NCX
/// (EPUB 2).
#[derive(Default)]
pub(super) struct Navigation {
    /// The entries a reader sees, in order: the navigation document's `toc` (entries in a
    /// `hidden` list left out), else the NCX's `navMap`.
    pub(super) entries: Vec<TocEntry>,
    /// Paths that the guide or landmarks call cover, toc, title page or copyright page.
    pub(super) skipped: HashSet<String>,
}

impl Navigation {
    pub(super) fn read(package: &Package, archive: &mut Archive<'_>) -> Result<Self, ImportError> {
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
        if let Some(ncx) = ncx.filter(|_| navigation.entries.is_empty()) {
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
        // Each open list in the `toc` nav: whether it is hidden.
        let mut lists: Vec<bool> = Vec::new();
        // The link being read: (href, landmark type, label so far).
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
                    } else if name == "ol" && !empty && !navs.is_empty() {
                        let hidden = attribute(&element, "hidden").is_some();
                        lists.push(hidden || lists.last().copied().unwrap_or(false));
                    } else if name == "a" && !empty && !navs.is_empty() {
                        link = attribute(&element, "href").map(|href| {
                            let kind = attribute_exact(&element, "epub:type")
                                .unwrap_or_default()
                                .to_lowercase();
                            (href, kind, String::new())
                        });
                    }
                }
                Event::End(element) => {
                    let name = local_end_name(element.name().0).to_ascii_lowercase();
                    if name == "nav" {
                        navs.pop();
                        lists.clear();
                    } else if name == "ol" {
                        lists.pop();
                    } else if name == "a" {
                        let Some((href, kind, label)) = link.take() else {
                            continue;
                        };
                        let Some(nav) = navs.last() else { continue };
                        if nav.split_whitespace().any(|t| t == "landmarks") {
                            let target = resolve(base, &href);
                            if let Some(target) = target.filter(|_| {
                                kind.split_whitespace().any(|t| SKIPPED_TYPES.contains(&t))
                            }) {
                                self.skipped.insert(target);
                            }
                        } else if nav.split_whitespace().any(|t| t == "toc")
                            && !lists.last().copied().unwrap_or(false)
                        {
                            let depth = lists.len().saturating_sub(1);
                            self.push_entry(base, &href, &label, depth);
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

    /// Adds the entry `href` (relative to `base`) labelled `label`; links out of the book and
    /// entries without a label are left out.
    fn push_entry(&mut self, base: &str, href: &str, label: &str, depth: usize) {
        let label = label.split_whitespace().collect::<Vec<_>>().join(" ");
        let Some(path) = resolve(base, href).filter(|_| !label.is_empty()) else {
            return;
        };
        let fragment = href
            .split_once('#')
            .map(|(_, fragment)| percent_decode(fragment.trim()))
            .filter(|fragment| !fragment.is_empty());
        self.entries.push(TocEntry {
            path,
            fragment,
            label,
            depth,
        });
    }

    /// EPUB 2 NCX: each `navPoint`'s `navLabel/text` labels its `content src`; nested
    /// `navPoint`s are nested entries; the `pageList` is not a table of contents.
    fn read_ncx(&mut self, path: &str, source: &str) -> Result<(), ImportError> {
        let base = directory(path);
        let mut reader = reader(source);
        let mut depth = 0_usize;
        let mut in_label = false;
        let mut text: Option<String> = None;
        let mut label: Option<String> = None;
        loop {
            let event = next_event(&mut reader, path)?;
            let empty = matches!(event, Event::Empty(_));
            match event {
                Event::Start(element) | Event::Empty(element) => match local_name(&element) {
                    "navPoint" if !empty => depth += 1,
                    "navLabel" => in_label = !empty,
                    "text" if in_label && !empty => text = Some(String::new()),
                    // Only the navMap's points: a pageList's targets are printed page numbers.
                    "content" if depth > 0 => {
                        if let (Some(src), Some(label)) = (attribute(&element, "src"), label.take())
                        {
                            self.push_entry(base, &src, &label, depth.saturating_sub(1));
                        }
                    }
                    _ => {}
                },
                Event::End(element) => match local_end_name(element.name().0) {
                    "navPoint" => depth = depth.saturating_sub(1),
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
