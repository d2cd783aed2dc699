//! Chapter labels and pages to skip, from the EPUB 3 navigation document (`toc` and `landmarks`)
//! and the EPUB 2 NCX.

use std::collections::{HashMap, HashSet};

use quick_xml::events::Event;

use super::{directory, package::Package, resolve, NCX_MEDIA_TYPE, SKIPPED_TYPES};
use crate::import::{
    archive::Archive,
    xml::{
        attribute, attribute_exact, decode_document, local_end_name, local_name, next_event,
        push_reference, reader,
    },
    ImportError,
};

/// Labels and landmarks from the navigation document (EPUB 3) and the NCX (EPUB 2).
#[derive(Default)]
pub(super) struct Navigation {
    /// Path → table-of-contents label (the first one for that file).
    pub(super) labels: HashMap<String, String>,
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
