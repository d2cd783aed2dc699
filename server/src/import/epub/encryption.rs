//! DRM: an EPUB whose `META-INF/encryption.xml` encrypts anything but fonts, or that carries a
//! rights file, can only be read by the app it was sold for. Font obfuscation (IDPF and Adobe)
//! is not DRM: those books read.

use quick_xml::events::Event;

use crate::import::{
    archive::Archive,
    xml::{attribute, decode_document, local_name, next_event, reader},
    ImportError,
};

const ENCRYPTION: &str = "META-INF/encryption.xml";

/// Algorithms that only obfuscate embedded fonts.
const FONT_OBFUSCATION: &[&str] = &[
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
];

/// Rights files that DRM schemes add to the container.
const RIGHTS: &[&str] = &["META-INF/rights.xml", "META-INF/license.lcpl"];

/// Refuses a book under DRM.
///
/// # Errors
/// [`ImportError::Encrypted`]; archive limits and XML errors while reading the encryption file.
pub(super) fn refuse_drm(archive: &mut Archive<'_>) -> Result<(), ImportError> {
    if RIGHTS.iter().any(|rights| archive.contains(rights)) {
        return Err(ImportError::Encrypted);
    }
    let Some(bytes) = archive.read(ENCRYPTION)? else {
        return Ok(());
    };
    let source = decode_document(&bytes);
    let mut reader = reader(&source);
    loop {
        match next_event(&mut reader, ENCRYPTION)? {
            Event::Start(element) | Event::Empty(element)
                if local_name(&element) == "EncryptionMethod" =>
            {
                let algorithm = attribute(&element, "Algorithm").unwrap_or_default();
                if !FONT_OBFUSCATION.contains(&algorithm.trim()) {
                    return Err(ImportError::Encrypted);
                }
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
    }
}
