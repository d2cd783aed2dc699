//! A cached clip's WAV as mono samples at the programme's 44.1 kHz: read with `hound`, channels
//! averaged, resampled with `rubato`'s FFT resampler (espeak-ng speaks at 22.05 kHz, Azure and
//! ElevenLabs at 24 kHz).

use rubato::{audioadapter_buffers::direct::InterleavedSlice, Fft, FixedSync, Resampler};
use shared::delivery::SAMPLE_RATE;

/// Why a clip's audio could not be read.
#[derive(Debug, thiserror::Error)]
pub enum ClipAudioError {
    /// Not a WAV file `hound` reads.
    #[error("the clip is not a readable WAV file: {0}")]
    Wav(#[from] hound::Error),
    /// The resampler refused it.
    #[error("the clip could not be resampled: {0}")]
    Resample(String),
}

/// The clip's samples, mono, at [`SAMPLE_RATE`].
///
/// # Errors
/// When the bytes are not a PCM WAV file.
pub fn samples(wav: &[u8]) -> Result<Vec<f32>, ClipAudioError> {
    let reader = hound::WavReader::new(std::io::Cursor::new(wav))?;
    let spec = reader.spec();
    let channels = usize::from(spec.channels.max(1));
    let interleaved: Vec<f32> = match spec.sample_format {
        hound::SampleFormat::Float => reader.into_samples::<f32>().collect::<Result<_, _>>()?,
        hound::SampleFormat::Int => {
            let scale = 1.0 / f32::powi(2.0, i32::from(spec.bits_per_sample) - 1);
            reader
                .into_samples::<i32>()
                .map(|s| s.map(|s| s as f32 * scale))
                .collect::<Result<_, _>>()?
        }
    };
    // A float WAV may hold NaN or infinities, which no measurement could make sense of.
    let interleaved: Vec<f32> = interleaved
        .into_iter()
        .map(|s| if s.is_finite() { s } else { 0.0 })
        .collect();
    let mono: Vec<f32> = if channels == 1 {
        interleaved
    } else {
        interleaved
            .chunks(channels)
            .map(|frame| frame.iter().sum::<f32>() / frame.len() as f32)
            .collect()
    };
    resample(&mono, spec.sample_rate)
}

/// `mono` at `rate` resampled to [`SAMPLE_RATE`].
fn resample(mono: &[f32], rate: u32) -> Result<Vec<f32>, ClipAudioError> {
    if rate == SAMPLE_RATE || mono.is_empty() {
        return Ok(mono.to_vec());
    }
    let failed = |err: &dyn std::fmt::Display| ClipAudioError::Resample(err.to_string());
    let mut resampler = Fft::<f32>::new(
        rate as usize,
        SAMPLE_RATE as usize,
        1024,
        1,
        FixedSync::Input,
    )
    .map_err(|err| failed(&err))?;
    let input = InterleavedSlice::new(mono, 1, mono.len()).map_err(|err| failed(&err))?;
    let output = resampler
        .process_all(&input, mono.len(), None)
        .map_err(|err| failed(&err))?;
    Ok(output.take_data())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn wav(rate: u32, samples: &[i16]) -> Vec<u8> {
        let spec = hound::WavSpec {
            channels: 1,
            sample_rate: rate,
            bits_per_sample: 16,
            sample_format: hound::SampleFormat::Int,
        };
        let mut cursor = std::io::Cursor::new(Vec::new());
        let mut writer = hound::WavWriter::new(&mut cursor, spec).unwrap();
        for s in samples {
            writer.write_sample(*s).unwrap();
        }
        writer.finalize().unwrap();
        cursor.into_inner()
    }

    #[test]
    fn a_clip_at_another_rate_keeps_its_length_and_level() {
        // One second of a 300 Hz tone at half scale, at espeak-ng's rate.
        let tone: Vec<i16> = (0..22_050)
            .map(|i| {
                let t = f64::from(i) / 22_050.0;
                (16_384.0 * (2.0 * std::f64::consts::PI * 300.0 * t).sin()) as i16
            })
            .collect();

        let out = samples(&wav(22_050, &tone)).unwrap();

        assert!(
            (out.len() as i64 - 44_100).abs() <= 2,
            "{} samples",
            out.len()
        );
        let middle = &out[4_410..39_690];
        let peak = middle.iter().fold(0f32, |m, s| m.max(s.abs()));
        assert!((peak - 0.5).abs() < 0.01, "peak {peak}");
    }

    #[test]
    fn a_clip_at_the_programme_rate_is_read_as_it_is() {
        let out = samples(&wav(44_100, &[0, 16_384, -32_768])).unwrap();
        assert_eq!(out, [0.0, 0.5, -1.0]);
        assert!(samples(b"not audio").is_err());
    }
}
