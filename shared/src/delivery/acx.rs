//! Measuring a programme as ACX (Audible) does, and checking it against ACX's audio submission
//! rules: RMS between −23 and −18 dB, sample peak at most −3 dB, noise floor (the RMS of the
//! quietest half second) at most −60 dB, no stretch of digital silence, 44.1 kHz, a constant
//! bitrate of 192 kbps or more, at most 120 minutes.
//!
//! RMS is plain `20·log10(sqrt(mean(x²)))` over the samples (not LUFS, no weighting: a full-scale
//! sine is −3.01 dB), and the peak is the sample peak `20·log10(max |x|)`. A level of zero would
//! be −∞ dB, which JSON cannot carry, so every level in decibels is clamped to [`DB_FLOOR`]:
//! −200 dB means digital silence.
//!
//! [`measure`] and [`levels`] read the decoded samples; [`check`] compares what they found, and
//! the encoded file's [`Encoding`], with each rule, and names the segment behind each failure.

mod rules;
mod signal;

use serde::{Deserialize, Serialize};

use super::db;
use super::timeline::{Part, Timeline};

use signal::{peak, Runs};

pub(crate) use signal::sum_of_squares;

pub use rules::{
    check, AcxReport, Encoding, Finding, Rule, MAX_MINUTES, MIN_KBPS, NOISE_FLOOR_MAX_DB,
    PEAK_MAX_DB, RMS_MAX_DB, RMS_MIN_DB,
};

/// The lowest level reported, in dB: −200 means digital silence (a zero level, −∞ dB, clamped
/// so that it can be written as JSON).
pub const DB_FLOOR: f64 = -200.0;

/// A run of samples all quieter than one step of 16-bit audio (`|x| < 1/32768`) lasting this
/// many seconds or more is digital silence, which ACX refuses.
pub const DIGITAL_SILENCE_MIN: f64 = 0.25;

/// The noise floor's windows are this many steps of 10 ms: half a second.
const WINDOW_STEPS: usize = 50;

/// What was measured on a programme. Levels are in dB relative to full scale, clamped to
/// [`DB_FLOOR`] (−200 means digital silence); times are in seconds from the start.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Measurements {
    /// The length: samples divided by the rate.
    pub seconds: f64,
    /// The RMS level of the whole programme.
    pub rms_db: f64,
    /// The sample peak.
    pub peak_db: f64,
    /// Where the (first) peak is.
    pub peak_at: f64,
    /// The RMS of the quietest half second (windows stepped every 10 ms); of the whole
    /// programme if it is shorter than that.
    pub noise_floor_db: f64,
    /// Where that quietest window starts.
    pub noise_floor_at: f64,
    /// The longest run of digital silence, if one lasts [`DIGITAL_SILENCE_MIN`] or more.
    pub silence: Option<Silence>,
}

/// A run of digital silence.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Silence {
    /// Where it starts, in seconds.
    pub at: f64,
    /// How long it lasts, in seconds.
    pub seconds: f64,
}

/// The level of one part of the programme (the title or a segment's clip).
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Level {
    /// Which part.
    pub part: Part,
    /// Where it starts, in seconds.
    pub start: f64,
    /// Its RMS level, in dB (clamped to [`DB_FLOOR`]).
    pub rms_db: f64,
    /// Its sample peak, in dB (clamped to [`DB_FLOOR`]).
    pub peak_db: f64,
}

/// Measures a programme of mono samples at `rate` samples a second, in one pass over the
/// samples, 10 ms at a time (O(n)). The noise floor's windows are 50 steps of `rate / 100`
/// samples: exactly half a second at every rate that is a multiple of 100, such as 44.1 kHz.
pub fn measure(samples: &[f32], rate: u32) -> Measurements {
    let step = usize::try_from(rate / 100).unwrap_or(1).max(1);
    let mut blocks = Vec::with_capacity(samples.len() / step + 1);
    let (mut peak, mut peak_index) = (0.0f32, 0);
    let mut silence = Runs::default();
    for (offset, block) in (0..).step_by(step).zip(samples.chunks(step)) {
        blocks.push(sum_of_squares(block));
        let (top, at) = self::peak(block);
        if top > peak {
            (peak, peak_index) = (top, offset + at);
        }
        silence.extend(offset, block);
    }

    let full = samples.len() / step;
    let (quietest, quietest_block, window) = if full < WINDOW_STEPS {
        (blocks.iter().sum::<f64>(), 0, samples.len())
    } else {
        let mut quietest = (f64::INFINITY, 0);
        for start in 0..=full - WINDOW_STEPS {
            let sum: f64 = blocks[start..start + WINDOW_STEPS].iter().sum();
            if sum < quietest.0 {
                quietest = (sum, start);
            }
        }
        (quietest.0, quietest.1, WINDOW_STEPS * step)
    };

    let silence = silence
        .finish(samples.len())
        .map(|(start, len)| Silence {
            at: seconds(start, rate),
            seconds: seconds(len, rate),
        })
        .filter(|run| run.seconds >= DIGITAL_SILENCE_MIN);

    Measurements {
        seconds: seconds(samples.len(), rate),
        rms_db: rms_db(blocks.iter().sum(), samples.len()),
        peak_db: level_db(f64::from(peak)),
        peak_at: seconds(peak_index, rate),
        noise_floor_db: rms_db(quietest, window),
        noise_floor_at: seconds(quietest_block * step, rate),
        silence,
    }
}

/// The level of every span of `timeline` that is a segment's clip or the title, in order.
/// Spans reaching past the end of `samples` are measured on the samples there are.
pub fn levels(samples: &[f32], rate: u32, timeline: &Timeline) -> Vec<Level> {
    timeline
        .spans()
        .iter()
        .filter(|span| matches!(span.part, Part::Segment(_) | Part::Title))
        .map(|span| {
            let start = span.start.min(samples.len());
            let end = span.start.saturating_add(span.len).min(samples.len());
            let clip = &samples[start..end];
            Level {
                part: span.part,
                start: seconds(span.start, rate),
                rms_db: rms_db(sum_of_squares(clip), clip.len()),
                peak_db: level_db(f64::from(peak(clip).0)),
            }
        })
        .collect()
}

/// `db(level)` clamped to [`DB_FLOOR`] (which a NaN also becomes).
fn level_db(level: f64) -> f64 {
    db(level).max(DB_FLOOR)
}

/// The RMS level in dB of `len` samples whose squares add up to `sum`.
fn rms_db(sum: f64, len: usize) -> f64 {
    if len == 0 {
        return DB_FLOOR;
    }
    level_db((sum / len as f64).sqrt())
}

/// `samples` samples at `rate`, in seconds (0 at a rate of 0).
fn seconds(samples: usize, rate: u32) -> f64 {
    if rate == 0 {
        return 0.0;
    }
    samples as f64 / f64::from(rate)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::delivery::timeline::Assembler;
    use crate::plan::segment::SegmentId;
    use proptest::prelude::*;

    const RATE: u32 = 44_100;

    /// `seconds` of a square wave of amplitude `a` (alternate samples ±a): RMS and peak are `a`.
    pub(crate) fn square(a: f32, seconds: f64) -> Vec<f32> {
        let len = (seconds * f64::from(RATE)).round() as usize;
        (0..len).map(|i| if i % 2 == 0 { a } else { -a }).collect()
    }

    /// `seconds` of a 441 Hz sine of amplitude `a` at 44.1 kHz: 100 samples a period, sample 25
    /// on the crest, so the peak is `a` and, over whole periods, the RMS is `a / √2`.
    fn sine(a: f64, seconds: f64) -> Vec<f32> {
        let len = (seconds * f64::from(RATE)).round() as usize;
        let w = std::f64::consts::TAU / 100.0;
        (0..len)
            .map(|i| (a * (w * i as f64).sin()) as f32)
            .collect()
    }

    fn close(actual: f64, expected: f64) {
        assert!(
            (actual - expected).abs() < 0.01,
            "{actual} is not within 0.01 of {expected}"
        );
    }

    #[test]
    fn a_square_wave_has_its_amplitude_as_rms_peak_and_floor() {
        let m = measure(&square(0.25, 1.0), RATE);
        close(m.seconds, 1.0);
        close(m.rms_db, db(0.25));
        close(m.peak_db, db(0.25));
        close(m.noise_floor_db, db(0.25));
        assert_eq!((m.peak_at, m.silence), (0.0, None));
    }

    #[test]
    fn a_sine_peaks_at_its_crest_and_its_rms_is_three_db_lower() {
        let m = measure(&sine(0.8, 2.0), RATE);
        close(m.peak_db, db(0.8));
        close(m.rms_db, db(0.8 / 2f64.sqrt()));
        close(m.peak_db - m.rms_db, 3.0103);
        close(m.peak_at, 25.0 / 44_100.0);
        let full_scale = measure(&sine(1.0, 1.0), RATE);
        close(full_scale.rms_db, -3.0103);
    }

    #[test]
    fn the_noise_floor_is_the_quietest_half_second_and_where_it_starts() {
        let mut samples = square(0.5, 2.0);
        samples.extend(square(0.0005, 1.0));
        samples.extend(square(0.5, 2.0));
        let m = measure(&samples, RATE);
        close(m.noise_floor_db, db(0.0005));
        assert!(
            (m.noise_floor_at - 2.0).abs() <= 0.01,
            "{}",
            m.noise_floor_at
        );
        close(
            m.rms_db,
            db(((4.0 * 0.25 + 0.0005 * 0.0005) / 5.0f64).sqrt()),
        );
    }

    #[test]
    fn a_run_of_zeros_of_a_quarter_second_or_more_is_digital_silence() {
        let with_gap = |gap: f64| {
            let mut samples = square(0.5, 1.0);
            samples.extend(square(0.0, gap));
            samples.extend(square(0.5, 1.0));
            measure(&samples, RATE).silence
        };
        let found = with_gap(0.3).expect("0.3 s of zeros is digital silence");
        close(found.at, 1.0);
        close(found.seconds, 0.3);
        assert_eq!(with_gap(0.2), None);
        // Quieter than a 16-bit step counts as silent; one step does not.
        assert!(measure(&square(1e-5, 0.5), RATE).silence.is_some());
        assert_eq!(measure(&square(1.0 / 32_768.0, 0.5), RATE).silence, None);
    }

    #[test]
    fn nothing_and_zeros_give_finite_clamped_levels() {
        let empty = measure(&[], RATE);
        assert_eq!(
            (
                empty.seconds,
                empty.rms_db,
                empty.peak_db,
                empty.noise_floor_db
            ),
            (0.0, DB_FLOOR, DB_FLOOR, DB_FLOOR)
        );
        assert_eq!(empty.silence, None);
        let zeros = measure(&vec![0.0; 44_100 * 2], RATE);
        assert_eq!(
            (zeros.rms_db, zeros.peak_db, zeros.noise_floor_db),
            (DB_FLOOR, DB_FLOOR, DB_FLOOR)
        );
        assert_eq!(
            zeros.silence,
            Some(Silence {
                at: 0.0,
                seconds: 2.0
            })
        );
        assert!(serde_json::to_string(&zeros).is_ok());
        let no_rate = measure(&[0.5; 10], 0);
        assert_eq!((no_rate.seconds, no_rate.peak_at), (0.0, 0.0));
    }

    #[test]
    fn each_part_is_measured_where_it_starts() {
        let mut joined = Assembler::new(RATE);
        joined.pause(500);
        joined.clip(Part::Title, &square(0.1, 0.3));
        joined.pause(200);
        joined.clip(Part::Segment(SegmentId(1)), &square(0.2, 0.5));
        joined.pause(200);
        joined.clip(Part::Segment(SegmentId(2)), &sine(0.5, 1.0));
        let (samples, timeline) = joined.finish();

        let found = levels(&samples, RATE, &timeline);

        let parts: Vec<Part> = found.iter().map(|l| l.part).collect();
        assert_eq!(
            parts,
            [
                Part::Title,
                Part::Segment(SegmentId(1)),
                Part::Segment(SegmentId(2))
            ]
        );
        let expected = [
            (0.5, db(0.1), db(0.1)),
            (1.0, db(0.2), db(0.2)),
            (1.7, db(0.5 / 2f64.sqrt()), db(0.5)),
        ];
        for (level, (start, rms, peak)) in found.iter().zip(expected) {
            close(level.start, start);
            close(level.rms_db, rms);
            close(level.peak_db, peak);
        }
        // A timeline longer than its samples does not panic.
        assert_eq!(levels(&samples[..100], RATE, &timeline)[2].rms_db, DB_FLOOR);
    }

    proptest! {
        #[test]
        fn any_samples_give_finite_ordered_levels(
            samples in prop::collection::vec(-1.0f32..=1.0, 0..3_000),
            rate in prop::sample::select(vec![0u32, 1, 99, 1_000, 8_000]),
        ) {
            let m = measure(&samples, rate);
            for value in [m.seconds, m.rms_db, m.peak_db, m.peak_at, m.noise_floor_db, m.noise_floor_at] {
                prop_assert!(value.is_finite() && value >= DB_FLOOR);
            }
            prop_assert!(m.peak_db >= m.rms_db - 1e-9);
            prop_assert!(m.peak_db >= m.noise_floor_db - 1e-9);
        }
    }
}
