//! Mastering a programme to ACX's rules: a gain that brings its RMS to the target, a look-ahead
//! limiter that keeps every sample under the ceiling, and room tone (quiet, deterministic noise,
//! never digital silence) laid under all of it. Each step is one pass over the samples, in place,
//! with memory only for the limiter's look-ahead.

mod limiter;

use limiter::Limiter;

use super::acx::sum_of_squares;
use super::{db, linear};

/// How a programme is mastered.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mastering {
    /// The RMS level to reach, in dB (ACX accepts −23 to −18).
    pub target_rms_db: f64,
    /// The level no sample may exceed, in dB: below ACX's −3 to leave room for what MP3 encoding
    /// adds.
    pub ceiling_db: f64,
    /// The RMS level of the room tone laid under the programme, in dB (ACX's noise floor is at
    /// most −60).
    pub room_tone_db: f64,
}

impl Default for Mastering {
    fn default() -> Self {
        Self {
            target_rms_db: -20.0,
            ceiling_db: -4.0,
            room_tone_db: -72.0,
        }
    }
}

/// What mastering did.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Mastered {
    /// The gain applied before limiting, in dB.
    pub gain_db: f64,
    /// How many samples the limiter turned down (in the pass that turned down the most: each
    /// pass turns down the same peaks again).
    pub limited: usize,
}

/// At most this many passes of gain and limiting: limiting lowers the RMS a little, and each
/// further pass makes up what the previous one lost.
const PASSES: usize = 4;

/// The passes stop once the RMS is this close to the target, in dB.
const CLOSE_DB: f64 = 0.01;

/// The most gain mastering applies, in dB: a near-silent programme is not raised into noise.
const MAX_GAIN_DB: f64 = 60.0;

/// How far the limiter looks ahead (and back), in milliseconds.
const REACH_MS: u32 = 5;

/// Levels the programme to the target RMS, limits peaks to the ceiling with a look-ahead limiter,
/// and lays room tone (quiet, deterministic noise at `room_tone_db` RMS, never digital silence)
/// under all of it. The gain is at most +60 dB; a programme of zeros gets no gain, only room tone.
/// A setting that is not a number is left out: no gain, a ceiling at full scale, no room tone.
pub fn master(samples: &mut [f32], rate: u32, settings: &Mastering) -> Mastered {
    let ceiling = match linear(settings.ceiling_db) as f32 {
        ceiling if ceiling.is_nan() => 1.0,
        ceiling => ceiling,
    };
    let reach = usize::try_from(rate / (1_000 / REACH_MS))
        .unwrap_or(1)
        .max(1);
    let mut limiter = Limiter::new(reach);
    let mut rms = rms(sum_of_squares(samples), samples.len());
    let mut done = Mastered {
        gain_db: 0.0,
        limited: 0,
    };
    for _ in 0..PASSES {
        if !positive(rms) {
            break;
        }
        let wanted = settings.target_rms_db - db(rms);
        if !wanted.is_finite() {
            break;
        }
        let step = wanted.clamp(-MAX_GAIN_DB, MAX_GAIN_DB - done.gain_db);
        let (limited, sum) = limiter.run(samples, linear(step) as f32, ceiling);
        done.gain_db += step;
        done.limited = done.limited.max(limited);
        rms = self::rms(sum, samples.len());
        if (db(rms) - settings.target_rms_db).abs() < CLOSE_DB || done.gain_db >= MAX_GAIN_DB {
            break;
        }
    }
    lay_room_tone(samples, linear(settings.room_tone_db), ceiling);
    done
}

/// Whether `value` is a finite level above zero (not zero, negative, infinite or NaN).
fn positive(value: f64) -> bool {
    value.is_finite() && value > 0.0
}

/// The RMS of `len` samples whose squares add up to `sum` (0 for none).
fn rms(sum: f64, len: usize) -> f64 {
    if len == 0 {
        return 0.0;
    }
    (sum / len as f64).sqrt()
}

/// Adds room tone at `level` RMS (linear) to every sample, keeping the sum under `ceiling`. The
/// noise is the same for every programme; its scale comes from its own RMS over the programme's
/// length, so its level is exact.
fn lay_room_tone(samples: &mut [f32], level: f64, ceiling: f32) {
    if !positive(level) {
        return;
    }
    let mut lanes = [0.0f64; 4];
    let mut tone = RoomTone::new();
    let quads = samples.chunks_exact(4);
    let rest = quads.remainder().len();
    for _ in quads {
        for (lane, v) in lanes.iter_mut().zip(tone.next4()) {
            *lane += f64::from(v) * f64::from(v);
        }
    }
    for v in &tone.next4()[..rest] {
        lanes[0] += f64::from(*v) * f64::from(*v);
    }
    let noise_rms = rms(lanes.iter().sum(), samples.len());
    if !positive(noise_rms) {
        return;
    }
    let scale = (level / noise_rms) as f32;
    let mut tone = RoomTone::new();
    let mut quads = samples.chunks_exact_mut(4);
    for quad in &mut quads {
        for (x, v) in quad.iter_mut().zip(tone.next4()) {
            *x = (*x + v * scale).clamp(-ceiling, ceiling);
        }
    }
    for (x, v) in quads.into_remainder().iter_mut().zip(tone.next4()) {
        *x = (*x + v * scale).clamp(-ceiling, ceiling);
    }
}

/// White noise from four interleaved 32-bit xorshift generators with fixed seeds (four, so that
/// they run side by side), gently low-passed (the average of two successive values): room tone
/// is the same on every run and at every target.
struct RoomTone {
    states: [u32; 4],
    previous: f32,
}

impl RoomTone {
    fn new() -> Self {
        Self {
            states: [0x9E37_79B9, 0x7F4A_7C15, 0x85EB_CA6B, 0xC2B2_AE35],
            previous: 0.0,
        }
    }

    /// The next four values.
    fn next4(&mut self) -> [f32; 4] {
        let mut white = [0.0f32; 4];
        for (state, white) in self.states.iter_mut().zip(&mut white) {
            *state ^= *state << 13;
            *state ^= *state >> 17;
            *state ^= *state << 5;
            // The top 24 bits, as a value in [-1, 1).
            *white = (*state >> 8) as i32 as f32 / (1u32 << 23) as f32 - 1.0;
        }
        let before = [self.previous, white[0], white[1], white[2]];
        self.previous = white[3];
        std::array::from_fn(|i| 0.5 * (white[i] + before[i]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::delivery::acx::{check, measure, Encoding};
    use crate::delivery::timeline::Timeline;
    use proptest::prelude::*;

    const RATE: u32 = 44_100;

    /// A deterministic value in [0, 1) from a 32-bit LCG.
    fn uniform(state: &mut u32) -> f64 {
        *state = state.wrapping_mul(1_664_525).wrapping_add(1_013_904_223);
        f64::from(*state >> 8) / f64::from(1u32 << 24)
    }

    /// Twenty bursts of a 200/310/400 Hz mix at levels from −30 to −10 dB, each with syllable-
    /// like swells and a click near full scale every 0.1 s, between pauses of zeros.
    fn speech() -> Vec<f32> {
        let mut state = 7;
        let mut samples = Vec::new();
        for _ in 0..20 {
            let level = linear(-30.0 + 20.0 * uniform(&mut state));
            let len = ((0.4 + uniform(&mut state)) * f64::from(RATE)) as usize;
            let swell = 3.0 + 3.0 * uniform(&mut state);
            samples.extend((0..len).map(|i| {
                let t = i as f64 / f64::from(RATE);
                let tone = |hz: f64| (std::f64::consts::TAU * hz * t).sin();
                let envelope = 0.5 - 0.5 * (std::f64::consts::TAU * swell * t).cos();
                let x = level * envelope * (tone(200.0) + 0.6 * tone(310.0) + 0.4 * tone(400.0));
                if i % 4_410 == 2_000 {
                    0.95 * x.signum() as f32
                } else {
                    x as f32
                }
            }));
            let pause = ((0.2 + 0.8 * uniform(&mut state)) * f64::from(RATE)) as usize;
            samples.resize(samples.len() + pause, 0.0);
        }
        samples
    }

    #[test]
    fn speech_is_levelled_limited_and_laid_on_room_tone_within_every_rule() {
        let mut samples = speech();
        let before = measure(&samples, RATE);
        assert!(before.peak_db - before.rms_db > 20.0, "a high crest factor");

        let done = master(&mut samples, RATE, &Mastering::default());

        let after = measure(&samples, RATE);
        assert!((after.rms_db + 20.0).abs() < 0.5, "{after:?}");
        assert!(after.peak_db <= -4.0 + 0.01, "{after:?}");
        assert!((-75.0..=-65.0).contains(&after.noise_floor_db), "{after:?}");
        assert_eq!(after.silence, None);
        assert!(done.limited > 0);
        assert!(
            (done.gain_db - (-20.0 - before.rms_db)).abs() < 3.0,
            "{done:?}"
        );
        let encoding = Encoding {
            sample_rate: RATE,
            channels: 1,
            min_kbps: 192,
            max_kbps: 192,
        };
        let report = check(after, encoding, &Timeline::default(), RATE, &[]);
        assert!(report.passes(), "{:?}", report.findings);
    }

    #[test]
    fn zeros_become_room_tone_at_its_level_and_nothing_does_not_panic() {
        let mut zeros = vec![0.0; 3 * RATE as usize];
        let done = master(&mut zeros, RATE, &Mastering::default());
        assert_eq!(
            done,
            Mastered {
                gain_db: 0.0,
                limited: 0
            }
        );
        let m = measure(&zeros, RATE);
        assert!((m.rms_db + 72.0).abs() < 0.01, "{m:?}");
        assert!((m.noise_floor_db + 72.0).abs() < 0.2, "{m:?}");
        assert_eq!(m.silence, None);

        let not_numbers = Mastering {
            target_rms_db: f64::NAN,
            ceiling_db: f64::NAN,
            room_tone_db: f64::NAN,
        };
        let mut speech = speech();
        assert_eq!(master(&mut speech, RATE, &not_numbers).gain_db, 0.0);
        let mut nothing: [f32; 0] = [];
        let done = master(&mut nothing, RATE, &Mastering::default());
        assert_eq!(
            done,
            Mastered {
                gain_db: 0.0,
                limited: 0
            }
        );
    }

    #[test]
    fn a_loud_programme_is_turned_down_without_limiting() {
        let mut samples: Vec<f32> = (0..RATE)
            .map(|i| if i % 2 == 0 { 0.5 } else { -0.5 })
            .collect();
        let done = master(&mut samples, RATE, &Mastering::default());
        assert!((done.gain_db - (-20.0 - db(0.5))).abs() < 1e-9, "{done:?}");
        assert_eq!(done.limited, 0);
        assert!((measure(&samples, RATE).rms_db + 20.0).abs() < 0.01);
    }

    #[test]
    fn mastering_is_deterministic() {
        let mut first = speech();
        let mut second = first.clone();
        master(&mut first, RATE, &Mastering::default());
        master(&mut second, RATE, &Mastering::default());
        assert_eq!(first, second);
    }

    proptest! {
        #[test]
        fn no_sample_ever_exceeds_the_ceiling(
            samples in prop::collection::vec(-1.0f32..=1.0, 0..2_000),
            rate in prop::sample::select(vec![0u32, 100, 1_000, 44_100]),
            target_rms_db in -30.0f64..0.0,
            ceiling_db in -20.0f64..0.0,
        ) {
            let mut samples = samples;
            let settings = Mastering { target_rms_db, ceiling_db, room_tone_db: -72.0 };
            master(&mut samples, rate, &settings);
            let ceiling = linear(ceiling_db) as f32;
            prop_assert!(samples.iter().all(|x| x.abs() <= ceiling));
        }
    }
}
