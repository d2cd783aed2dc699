//! Reading an MP3's frame headers: the sample rate, the channels and the bitrate of every frame,
//! which is how ACX's rules on the encoding (44.1 kHz, a constant 192 kbps or more) are checked
//! without decoding the audio.

use super::acx::Encoding;

/// What an MPEG audio Layer III stream's frame headers say.
#[derive(Debug, Clone, PartialEq)]
pub struct Mp3Stream {
    /// Samples a second.
    pub sample_rate: u32,
    /// 1 for mono, 2 for stereo (or joint or dual channel).
    pub channels: u8,
    /// How many frames, a LAME/Xing header frame included.
    pub frames: usize,
    /// The lowest bitrate of any frame, in kbps.
    pub min_kbps: u32,
    /// The highest bitrate of any frame, in kbps.
    pub max_kbps: u32,
    /// The length: the frames' samples divided by the rate.
    pub seconds: f64,
}

impl Mp3Stream {
    /// The format as ACX's check reads it.
    pub fn encoding(&self) -> Encoding {
        Encoding {
            sample_rate: self.sample_rate,
            channels: self.channels,
            min_kbps: self.min_kbps,
            max_kbps: self.max_kbps,
        }
    }
}

/// Why a file's frames cannot be read as one stream.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Mp3Error {
    /// Not a single valid frame where the first one should be.
    #[error("no MPEG audio Layer III frame found")]
    NoFrames,
    /// The sample rate or the channel count changes between frames.
    #[error("the sample rate or the channel count changes between frames")]
    Mixed,
}

/// Bitrates in kbps by index, MPEG-1 Layer III (index 0, free format, and 15 are refused).
const KBPS_MPEG1: [u32; 15] = [
    0, 32, 40, 48, 56, 64, 80, 96, 112, 128, 160, 192, 224, 256, 320,
];
/// Bitrates in kbps by index, MPEG-2 and 2.5 Layer III.
const KBPS_MPEG2: [u32; 15] = [0, 8, 16, 24, 32, 40, 48, 56, 64, 80, 96, 112, 128, 144, 160];

/// One frame's header.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Header {
    sample_rate: u32,
    channels: u8,
    kbps: u32,
    /// The frame's length in bytes, header included.
    len: usize,
    /// Samples (per channel) in the frame.
    samples: u32,
}

/// The header of the frame starting at the front of `bytes`, if that is a valid Layer III frame.
fn header(bytes: &[u8]) -> Option<Header> {
    let &[sync, b1, b2, b3, ..] = bytes else {
        return None;
    };
    if sync != 0xFF || b1 & 0xE0 != 0xE0 {
        return None;
    }
    // Version: 0 = MPEG-2.5, 1 reserved, 2 = MPEG-2, 3 = MPEG-1. Layer 1 is Layer III.
    let version = (b1 >> 3) & 0b11;
    if version == 1 || (b1 >> 1) & 0b11 != 1 {
        return None;
    }
    let mpeg1 = version == 3;
    let bitrates = if mpeg1 { &KBPS_MPEG1 } else { &KBPS_MPEG2 };
    let kbps = *bitrates.get(usize::from(b2 >> 4)).filter(|&&k| k != 0)?;
    let base: u32 = match (b2 >> 2) & 0b11 {
        0 => 44_100,
        1 => 48_000,
        2 => 32_000,
        _ => return None,
    };
    let sample_rate = match version {
        3 => base,
        2 => base / 2,
        _ => base / 4,
    };
    let padding = u32::from((b2 >> 1) & 1);
    let (per_kbps, samples) = if mpeg1 {
        (144_000, 1_152)
    } else {
        (72_000, 576)
    };
    let len = usize::try_from(per_kbps * kbps / sample_rate + padding).ok()?;
    Some(Header {
        sample_rate,
        channels: if b3 >> 6 == 3 { 1 } else { 2 },
        kbps,
        len,
        samples,
    })
}

/// Where the frames start: after an ID3v2 tag, if the file has one.
fn audio_start(bytes: &[u8]) -> usize {
    match bytes {
        [b'I', b'D', b'3', _major, _revision, flags, size @ ..] if size.len() >= 4 => {
            // The size is "syncsafe": four bytes of seven bits each, excluding the 10-byte header
            // and the 10-byte footer (flag 0x10).
            let size = size[..4]
                .iter()
                .fold(0usize, |size, &b| (size << 7) | usize::from(b & 0x7F));
            let footer = if flags & 0x10 != 0 { 10 } else { 0 };
            10 + size + footer
        }
        _ => 0,
    }
}

/// Walks the frames of an MPEG-1/2/2.5 Layer III file: skips an ID3v2 tag at the start
/// (syncsafe size) and an ID3v1 `TAG` at the end; a LAME/Xing "Info"/"Xing" header frame counts
/// as a frame like any other. The walk stops at the first bytes that are not a whole valid frame.
///
/// # Errors
/// [`Mp3Error::NoFrames`] when there is no valid frame where the first should be;
/// [`Mp3Error::Mixed`] when the sample rate or the channel count changes between frames.
pub fn scan(bytes: &[u8]) -> Result<Mp3Stream, Mp3Error> {
    let end = match bytes.len().checked_sub(128) {
        Some(tag) if bytes[tag..].starts_with(b"TAG") => tag,
        _ => bytes.len(),
    };
    let bytes = &bytes[..end];
    let mut at = audio_start(bytes);
    let mut stream: Option<Mp3Stream> = None;
    let mut samples = 0u64;
    while let Some(frame) = bytes.get(at..).and_then(header) {
        if at + frame.len > bytes.len() {
            break;
        }
        let stream = stream.get_or_insert(Mp3Stream {
            sample_rate: frame.sample_rate,
            channels: frame.channels,
            frames: 0,
            min_kbps: frame.kbps,
            max_kbps: frame.kbps,
            seconds: 0.0,
        });
        if (stream.sample_rate, stream.channels) != (frame.sample_rate, frame.channels) {
            return Err(Mp3Error::Mixed);
        }
        stream.frames += 1;
        stream.min_kbps = stream.min_kbps.min(frame.kbps);
        stream.max_kbps = stream.max_kbps.max(frame.kbps);
        samples += u64::from(frame.samples);
        at += frame.len;
    }
    let mut stream = stream.ok_or(Mp3Error::NoFrames)?;
    stream.seconds = samples as f64 / f64::from(stream.sample_rate);
    Ok(stream)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `count` frames of zeros after the header `[0xFF, b1, b2, b3]`, each `len` bytes.
    fn frames(b1: u8, b2: u8, b3: u8, len: usize, count: usize) -> Vec<u8> {
        let mut frame = vec![0; len];
        frame[..4].copy_from_slice(&[0xFF, b1, b2, b3]);
        frame.repeat(count)
    }

    /// MPEG-1 Layer III, no CRC (0xFB); 192 kbps (index 11) at 44.1 kHz (0): 626 bytes a frame,
    /// 627 with padding (0x02).
    fn mpeg1_192k(b3: u8, count: usize) -> Vec<u8> {
        frames(0xFB, 0xB0, b3, 626, count)
    }

    #[test]
    fn a_constant_mpeg1_stream_gives_its_rate_channels_bitrate_and_length() {
        let mut bytes = mpeg1_192k(0xC4, 50);
        bytes.extend(frames(0xFB, 0xB2, 0xC4, 627, 50));

        let stream = scan(&bytes).unwrap();

        assert_eq!(
            (stream.sample_rate, stream.channels, stream.frames),
            (44_100, 1, 100)
        );
        assert_eq!((stream.min_kbps, stream.max_kbps), (192, 192));
        assert!((stream.seconds - 100.0 * 1_152.0 / 44_100.0).abs() < 1e-9);
        let expected = Encoding {
            sample_rate: 44_100,
            channels: 1,
            min_kbps: 192,
            max_kbps: 192,
        };
        assert_eq!(stream.encoding(), expected);
        // Joint stereo (mode 1) is two channels.
        assert_eq!(scan(&mpeg1_192k(0x44, 3)).unwrap().channels, 2);
    }

    #[test]
    fn a_variable_bitrate_shows_as_a_range() {
        // 128 kbps (index 9): 417 bytes; 320 kbps (index 14): 1,044 bytes.
        let mut bytes = frames(0xFB, 0x90, 0xC4, 417, 3);
        bytes.extend(frames(0xFB, 0xE0, 0xC4, 1_044, 2));
        bytes.extend(mpeg1_192k(0xC4, 1));
        let stream = scan(&bytes).unwrap();
        assert_eq!(
            (stream.min_kbps, stream.max_kbps, stream.frames),
            (128, 320, 6)
        );
    }

    #[test]
    fn mpeg2_and_mpeg2_5_frames_are_read_with_their_own_tables() {
        // MPEG-2 (0xF3), 64 kbps (index 8) at 22.05 kHz: 72,000 × 64 / 22,050 = 208 bytes.
        let mpeg2 = scan(&frames(0xF3, 0x80, 0xC0, 208, 10)).unwrap();
        assert_eq!((mpeg2.sample_rate, mpeg2.min_kbps), (22_050, 64));
        assert!((mpeg2.seconds - 10.0 * 576.0 / 22_050.0).abs() < 1e-9);
        // MPEG-2.5 (0xE3), 8 kbps (index 1) at 8 kHz (index 2): 72 bytes.
        let mpeg2_5 = scan(&frames(0xE3, 0x18, 0xC0, 72, 4)).unwrap();
        assert_eq!(
            (mpeg2_5.sample_rate, mpeg2_5.min_kbps, mpeg2_5.frames),
            (8_000, 8, 4)
        );
    }

    #[test]
    fn tags_are_skipped_and_the_walk_stops_at_the_first_bytes_that_are_not_a_frame() {
        // An ID3v2 tag of 300 bytes: syncsafe 0x00 0x00 0x02 0x2C = 2 × 128 + 44.
        let mut bytes = b"ID3\x04\x00\x00\x00\x00\x02\x2C".to_vec();
        bytes.extend([0xFF; 300]);
        bytes.extend(mpeg1_192k(0xC4, 5));
        let mut id3v1 = b"TAG".to_vec();
        id3v1.resize(128, 0xFF);
        bytes.extend(&id3v1);
        assert_eq!(scan(&bytes).unwrap().frames, 5);

        let mut trailing = mpeg1_192k(0xC4, 5);
        trailing.extend(b"not a frame");
        trailing.extend(mpeg1_192k(0xC4, 5));
        assert_eq!(scan(&trailing).unwrap().frames, 5);
        // A frame cut short is not counted.
        assert_eq!(scan(&mpeg1_192k(0xC4, 3)[..1_500]).unwrap().frames, 2);
    }

    #[test]
    fn garbage_has_no_frames_and_a_change_of_rate_or_channels_is_mixed() {
        assert_eq!(scan(b""), Err(Mp3Error::NoFrames));
        assert_eq!(scan(&[0xFF; 4_000]), Err(Mp3Error::NoFrames));
        let noise: Vec<u8> = (0..4_000u32)
            .map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8)
            .collect();
        assert_eq!(scan(&noise), Err(Mp3Error::NoFrames));
        // Layer I (0xFF) and the reserved version (0xEB) are not Layer III frames.
        assert_eq!(
            scan(&frames(0xFF, 0xB0, 0xC4, 626, 3)),
            Err(Mp3Error::NoFrames)
        );
        assert_eq!(
            scan(&frames(0xEB, 0xB0, 0xC4, 626, 3)),
            Err(Mp3Error::NoFrames)
        );

        // 192 kbps at 48 kHz (index 1): 576 bytes.
        let mut rates = mpeg1_192k(0xC4, 2);
        rates.extend(frames(0xFB, 0xB4, 0xC4, 576, 2));
        assert_eq!(scan(&rates), Err(Mp3Error::Mixed));
        let mut channels = mpeg1_192k(0xC4, 2);
        channels.extend(mpeg1_192k(0x04, 2));
        assert_eq!(scan(&channels), Err(Mp3Error::Mixed));
    }
}
