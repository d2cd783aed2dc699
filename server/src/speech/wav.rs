//! The WAV files engines answer with: checking that one is whole and how long it lasts, and
//! fixing the header espeak-ng writes to a pipe (it cannot rewind to fill in the sizes, so they
//! are placeholders).

/// Why bytes are not a whole PCM WAV file.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum WavError {
    /// No `RIFF…WAVE` header.
    #[error("not a WAV file")]
    NotWav,
    /// No `fmt ` chunk before the audio, or one describing no audio.
    #[error("the WAV file has no usable format chunk")]
    NoFormat,
    /// No `data` chunk.
    #[error("the WAV file has no audio")]
    NoData,
    /// The `data` chunk claims more bytes than the file holds.
    #[error("the WAV file is truncated: {missing} bytes of audio are missing")]
    Truncated {
        /// How many.
        missing: usize,
    },
}

/// The chunks found: bytes per second from `fmt `, and where `data` starts and how long it says
/// it is.
struct Layout {
    bytes_per_second: u32,
    data_start: usize,
    data_len: usize,
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn layout(bytes: &[u8]) -> Result<Layout, WavError> {
    if bytes.len() < 12 || &bytes[0..4] != b"RIFF" || &bytes[8..12] != b"WAVE" {
        return Err(WavError::NotWav);
    }
    let mut at = 12;
    let mut bytes_per_second = None;
    while at + 8 <= bytes.len() {
        let id = &bytes[at..at + 4];
        let len = u32_at(bytes, at + 4).ok_or(WavError::NotWav)? as usize;
        if id == b"fmt " {
            // Byte rate: offset 8 of the format chunk's body.
            bytes_per_second = u32_at(bytes, at + 8 + 8).filter(|&rate| rate > 0);
        } else if id == b"data" {
            return Ok(Layout {
                bytes_per_second: bytes_per_second.ok_or(WavError::NoFormat)?,
                data_start: at + 8,
                data_len: len,
            });
        }
        // Chunks are padded to an even length.
        at = at.saturating_add(8).saturating_add(len + (len & 1));
    }
    Err(WavError::NoData)
}

/// The length in seconds of a whole WAV file.
///
/// # Errors
/// When it is not one, or its audio is cut short.
pub fn check(bytes: &[u8]) -> Result<f64, WavError> {
    let layout = layout(bytes)?;
    let present = bytes.len() - layout.data_start;
    if layout.data_len > present {
        return Err(WavError::Truncated {
            missing: layout.data_len - present,
        });
    }
    Ok(layout.data_len as f64 / f64::from(layout.bytes_per_second))
}

/// Sets the RIFF and `data` sizes of a WAV written to a pipe to what the bytes hold (audio runs
/// to the end of the file).
///
/// # Errors
/// When the bytes are not a WAV file with format and data chunks.
pub fn fix_streamed_header(bytes: &mut [u8]) -> Result<(), WavError> {
    let layout = layout(bytes)?;
    let riff_len = u32::try_from(bytes.len() - 8).map_err(|_| WavError::NotWav)?;
    let data_len = u32::try_from(bytes.len() - layout.data_start).map_err(|_| WavError::NotWav)?;
    bytes[4..8].copy_from_slice(&riff_len.to_le_bytes());
    bytes[layout.data_start - 4..layout.data_start].copy_from_slice(&data_len.to_le_bytes());
    Ok(())
}

/// A WAV file of raw 16-bit little-endian mono samples at `sample_rate` (what ElevenLabs sends
/// for `pcm_*` formats).
///
/// # Errors
/// `NoData` when there are no samples or an odd byte count; `NotWav` when over 4 GB.
pub fn from_pcm(pcm: &[u8], sample_rate: u32) -> Result<Vec<u8>, WavError> {
    if pcm.is_empty() || !pcm.len().is_multiple_of(2) {
        return Err(WavError::NoData);
    }
    let data_len = u32::try_from(pcm.len()).map_err(|_| WavError::NotWav)?;
    let riff_len = data_len.checked_add(36).ok_or(WavError::NotWav)?;
    let mut out = Vec::with_capacity(pcm.len() + 44);
    out.extend_from_slice(b"RIFF");
    out.extend_from_slice(&riff_len.to_le_bytes());
    out.extend_from_slice(b"WAVEfmt ");
    out.extend_from_slice(&16u32.to_le_bytes());
    out.extend_from_slice(&1u16.to_le_bytes()); // PCM
    out.extend_from_slice(&1u16.to_le_bytes()); // mono
    out.extend_from_slice(&sample_rate.to_le_bytes());
    out.extend_from_slice(&sample_rate.saturating_mul(2).to_le_bytes()); // bytes per second
    out.extend_from_slice(&2u16.to_le_bytes()); // bytes per sample frame
    out.extend_from_slice(&16u16.to_le_bytes()); // bits per sample
    out.extend_from_slice(b"data");
    out.extend_from_slice(&data_len.to_le_bytes());
    out.extend_from_slice(pcm);
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A mono 16-bit WAV of `samples` samples at 1,000 Hz, as `hound` writes it.
    fn wav(samples: usize) -> Vec<u8> {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: 1_000,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut cursor = std::io::Cursor::new(Vec::new());
        let mut writer = hound::WavWriter::new(&mut cursor, spec).unwrap();
        for i in 0..samples {
            writer.write_sample((i % 100) as i16).unwrap();
        }
        writer.finalize().unwrap();
        cursor.into_inner()
    }

    #[test]
    fn a_whole_file_gives_its_duration() {
        assert_eq!(check(&wav(1_500)), Ok(1.5));
    }

    #[test]
    fn a_cut_file_is_truncated() {
        let mut bytes = wav(1_000);
        bytes.truncate(bytes.len() - 10);
        assert_eq!(check(&bytes), Err(WavError::Truncated { missing: 10 }));
        assert_eq!(check(b"RIFF\0\0\0\0WAVE"), Err(WavError::NoData));
        assert_eq!(check(b"<html>not audio</html>"), Err(WavError::NotWav));
    }

    #[test]
    fn a_streamed_header_is_fixed_to_the_bytes_present() {
        let mut bytes = wav(800);
        // What a pipe gets: placeholder sizes.
        bytes[4..8].copy_from_slice(&0x7fff_f000_u32.to_le_bytes());
        let data = bytes.windows(4).position(|w| w == b"data").unwrap();
        bytes[data + 4..data + 8].copy_from_slice(&0x7fff_f000_u32.to_le_bytes());
        assert!(matches!(check(&bytes), Err(WavError::Truncated { .. })));

        fix_streamed_header(&mut bytes).unwrap();

        assert_eq!(check(&bytes), Ok(0.8));
        let reader = hound::WavReader::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(reader.duration(), 800);
    }

    #[test]
    fn raw_samples_become_a_wav_hound_reads() {
        let samples: Vec<i16> = (0..2_400).map(|i| (i % 300 - 150) as i16).collect();
        let pcm: Vec<u8> = samples.iter().flat_map(|s| s.to_le_bytes()).collect();

        let bytes = from_pcm(&pcm, 24_000).unwrap();

        assert_eq!(check(&bytes), Ok(0.1));
        let reader = hound::WavReader::new(std::io::Cursor::new(bytes)).unwrap();
        assert_eq!(reader.spec().sample_rate, 24_000);
        let read: Vec<i16> = reader.into_samples().map(Result::unwrap).collect();
        assert_eq!(read, samples);
        assert_eq!(from_pcm(&[], 24_000), Err(WavError::NoData));
        assert_eq!(from_pcm(&[1, 2, 3], 24_000), Err(WavError::NoData));
    }
}
