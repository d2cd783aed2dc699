//! Reading the zip container of DOCX and EPUB files under [`Limits`]: a bounded number of
//! entries, a bounded total of unpacked bytes, and a bounded compression ratio per entry. Entries
//! are read through `Read::take`, so their declared sizes are never trusted.

use std::io::{Cursor, Read};

use zip::{result::ZipError, ZipArchive};

use super::{Format, ImportError, Limits, Mismatch};

/// Largest buffer reserved up front for an entry, whatever size it declares.
const MAX_PREALLOCATION: u64 = 4 * 1024 * 1024;

/// An open archive and what has been unpacked from it so far.
pub(crate) struct Archive<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    packed_len: u64,
    unpacked: u64,
    limits: &'a Limits,
}

impl<'a> Archive<'a> {
    /// Opens `bytes` as a zip archive announced as `expected`.
    ///
    /// # Errors
    /// [`ImportError::NotWhatItSays`] when it is not a zip, [`ImportError::TooManyEntries`] when it
    /// lists more entries than the limit.
    pub(crate) fn open(
        bytes: &'a [u8],
        expected: Format,
        limits: &'a Limits,
    ) -> Result<Self, ImportError> {
        let not_zip = || ImportError::NotWhatItSays {
            expected,
            problem: Mismatch::NotZip,
        };
        if !bytes.starts_with(b"PK") {
            return Err(not_zip());
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|_| not_zip())?;
        if zip.len() > limits.max_entries {
            return Err(ImportError::TooManyEntries {
                entries: zip.len(),
                max: limits.max_entries,
            });
        }
        Ok(Self {
            zip,
            packed_len: u64::try_from(bytes.len()).unwrap_or(u64::MAX),
            unpacked: 0,
            limits,
        })
    }

    /// Whether the archive has an entry called `name` (compared exactly, then ignoring ASCII case).
    pub(crate) fn contains(&self, name: &str) -> bool {
        self.index_of(name).is_some()
    }

    /// The entry `name`'s bytes, or `None` when there is no such entry.
    ///
    /// # Errors
    /// [`ImportError::UncompressedTooLarge`] when the archive's unpacked total would pass the limit,
    /// [`ImportError::ZipBomb`] when the entry expands beyond the compression-ratio limit,
    /// [`ImportError::Malformed`] when the entry cannot be read.
    pub(crate) fn read(&mut self, name: &str) -> Result<Option<Vec<u8>>, ImportError> {
        let Some(index) = self.index_of(name) else {
            return Ok(None);
        };
        let damaged =
            |error: &dyn std::fmt::Display| ImportError::Malformed(format!("{name}: {error}"));
        let entry = match self.zip.by_index(index) {
            Ok(entry) => entry,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(error) => return Err(damaged(&error)),
        };
        if entry.is_dir() {
            return Ok(None);
        }
        let remaining = self
            .limits
            .max_uncompressed_bytes
            .saturating_sub(self.unpacked);
        // The packed size is as declared, so it is capped by the archive's real size.
        let packed = entry.compressed_size().min(self.packed_len);
        let by_ratio = packed
            .saturating_mul(self.limits.max_compression_ratio)
            .max(self.limits.ratio_free_bytes);
        let cap = remaining.min(by_ratio);
        let reserve = entry.size().min(cap).min(MAX_PREALLOCATION);
        let mut out = Vec::with_capacity(usize::try_from(reserve).unwrap_or(0));
        entry
            .take(cap.saturating_add(1))
            .read_to_end(&mut out)
            .map_err(|error| damaged(&error))?;
        let read = u64::try_from(out.len()).unwrap_or(u64::MAX);
        if read > cap {
            return Err(if cap == by_ratio && by_ratio < remaining {
                ImportError::ZipBomb
            } else {
                ImportError::UncompressedTooLarge {
                    max: self.limits.max_uncompressed_bytes,
                }
            });
        }
        self.unpacked = self.unpacked.saturating_add(read);
        Ok(Some(out))
    }

    fn index_of(&self, name: &str) -> Option<usize> {
        self.zip.index_for_name(name).or_else(|| {
            (0..self.zip.len()).find(|&index| {
                self.zip
                    .name_for_index(index)
                    .and_then(Result::ok)
                    .is_some_and(|candidate| candidate.eq_ignore_ascii_case(name))
            })
        })
    }
}
