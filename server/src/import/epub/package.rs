//! The container (`META-INF/container.xml`) and the package document (OPF) it names: title,
//! manifest, spine and guide.

use std::collections::HashMap;

use quick_xml::events::Event;

use super::{directory, resolve, CONTAINER, NCX_MEDIA_TYPE};
use crate::import::{
    xml::{attribute, local_end_name, local_name, next_event, push_reference, reader},
    ImportError,
};

/// The `full-path` of the container's package document (`rootfile`).
pub(super) fn rootfile(container: &str) -> Result<Option<String>, ImportError> {
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
pub(super) struct Item {
    pub(super) id: String,
    /// Path in the archive, resolved and percent-decoded.
    pub(super) path: String,
    pub(super) media_type: String,
    pub(super) properties: String,
}

impl Item {
    pub(super) fn is_content(&self) -> bool {
        let media_type = self.media_type.to_ascii_lowercase();
        if media_type.is_empty() {
            let lower = self.path.to_ascii_lowercase();
            return [".xhtml", ".html", ".htm", ".xml"]
                .iter()
                .any(|extension| lower.ends_with(extension));
        }
        media_type.contains("html") || media_type == "application/xml" || media_type == "text/xml"
    }

    pub(super) fn is_navigation(&self) -> bool {
        self.properties.split_whitespace().any(|p| p == "nav")
            || self.media_type.eq_ignore_ascii_case(NCX_MEDIA_TYPE)
    }
}

/// A spine entry.
pub(super) struct Itemref {
    pub(super) idref: String,
    pub(super) linear: bool,
}

/// What the package document says.
pub(super) struct Package {
    pub(super) title: Option<String>,
    pub(super) manifest: HashMap<String, Item>,
    pub(super) has_spine: bool,
    pub(super) spine: Vec<Itemref>,
    /// The spine's `toc` attribute: the NCX's manifest id.
    pub(super) ncx_id: Option<String>,
    /// Guide references: (type, path).
    pub(super) guide: Vec<(String, String)>,
}

impl Package {
    pub(super) fn parse(path: &str, source: &str) -> Result<Self, ImportError> {
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
