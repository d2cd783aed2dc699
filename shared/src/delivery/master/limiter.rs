//! The look-ahead limiter of [`super::master`]: O(1) work a sample, memory for its reach only,
//! and work only near the samples over the ceiling: elsewhere a pass is a plain gain.

use std::collections::VecDeque;

use crate::delivery::acx::sum_of_squares;

/// A look-ahead limiter. The gain each sample needs to stay under the ceiling is
/// `g[i] = min(1, ceiling / |x[i]|)`; the limiter takes the minimum of `g` over `i ± reach`
/// (a monotonic deque makes that O(1) a sample), then smooths those minima with a moving average
/// over `i ± reach`. Every minimum in that average covers `i`, so is at most `g[i]`, and so is
/// their average: the ceiling holds (and a final clamp absorbs rounding).
///
/// Only samples within `2 × reach` of one over the ceiling are turned down, so the limiter runs
/// on stretches around those (with `reach` more on each side, where every window minimum is 1,
/// so the stretch gives exactly what the whole programme would) and applies the plain gain
/// between them.
pub(super) struct Limiter {
    reach: usize,
    /// Candidates for the minimum of `g` over the window: (sample, g), g increasing.
    minima: VecDeque<(usize, f32)>,
    /// The window minima of the last `2 × reach + 1` samples, by sample modulo the length.
    ring: Vec<f32>,
}

impl Limiter {
    pub(super) fn new(reach: usize) -> Self {
        Self {
            reach,
            minima: VecDeque::with_capacity(2 * reach + 2),
            ring: vec![1.0; 2 * reach + 1],
        }
    }

    /// Multiplies `samples` by `gain` and limits them to `ceiling`, in place; returns how many
    /// samples it turned down and the sum of the squares of the result.
    pub(super) fn run(&mut self, samples: &mut [f32], gain: f32, ceiling: f32) -> (usize, f64) {
        let over = |samples: &[f32]| first_over(samples, gain, ceiling);
        let margin = 3 * self.reach;
        let (mut limited, mut sum) = (0, 0.0);
        // Samples before `done` are finished.
        let mut done = 0;
        while let Some(first) = over(&samples[done..]).map(|at| done + at) {
            // The stretch runs from `margin` before the first sample over the ceiling to `margin`
            // after the last one that has no other within `2 × margin` after it.
            let mut last = first;
            let horizon = |last: usize| (last + 2 * margin + 1).min(samples.len());
            while let Some(at) = over(&samples[last + 1..horizon(last)]) {
                last += 1 + at;
            }
            let start = first.saturating_sub(margin).max(done);
            let end = (last + margin + 1).min(samples.len());
            sum += scale(&mut samples[done..start], gain);
            limited += self.limit(&mut samples[start..end], gain, ceiling);
            // Summed apart: in the limiter's loop, the sum would not stay in a register.
            sum += sum_of_squares(&samples[start..end]);
            done = end;
        }
        sum += scale(&mut samples[done..], gain);
        (limited, sum)
    }

    /// [`Limiter::run`] on a stretch, sample by sample, as if it were the whole programme;
    /// returns how many samples it turned down.
    fn limit(&mut self, samples: &mut [f32], gain: f32, ceiling: f32) -> usize {
        let needs = |x: f32| {
            let level = (x * gain).abs();
            if level > ceiling {
                ceiling / level
            } else {
                1.0
            }
        };
        let (reach, width, last) = (self.reach, self.ring.len(), samples.len().saturating_sub(1));
        self.minima.clear();
        // The next sample whose `g` enters the deque, and whose window minimum is computed.
        let (mut next_g, mut next_min) = (0, 0);
        // The ring's slots of the minimum to leave the average next, and of the next to enter it
        // (stepped rather than computed: a remainder a sample costs more than the rest).
        let (mut slot_out, mut slot_in) = (0, 0);
        // Over the minima of the moving average's window: the sum of `1 - min` and how many are
        // below 1 (when none is, the sample is left alone, exactly).
        let (mut deficit, mut below) = (0.0f64, 0usize);
        let mut limited = 0;
        for i in 0..samples.len() {
            // The minimum of sample `i - reach - 1` leaves the average (before its slot in the
            // ring is reused by that of `i + reach`).
            if i > reach {
                let min = self.ring[slot_out];
                slot_out = if slot_out + 1 == width {
                    0
                } else {
                    slot_out + 1
                };
                if min < 1.0 {
                    below -= 1;
                    deficit = if below == 0 {
                        0.0
                    } else {
                        deficit - f64::from(1.0 - min)
                    };
                }
            }
            let high = (i + reach).min(last);
            while next_min <= high {
                while next_g <= (next_min + reach).min(last) {
                    let g = needs(samples[next_g]);
                    while self.minima.back().is_some_and(|&(_, other)| other >= g) {
                        self.minima.pop_back();
                    }
                    self.minima.push_back((next_g, g));
                    next_g += 1;
                }
                while self
                    .minima
                    .front()
                    .is_some_and(|&(j, _)| j + reach < next_min)
                {
                    self.minima.pop_front();
                }
                let min = self.minima.front().map_or(1.0, |&(_, g)| g);
                self.ring[slot_in] = min;
                slot_in = if slot_in + 1 == width { 0 } else { slot_in + 1 };
                if min < 1.0 {
                    below += 1;
                    deficit += f64::from(1.0 - min);
                }
                next_min += 1;
            }
            let mut y = samples[i] * gain;
            if below > 0 {
                let count = (high + 1 - i.saturating_sub(reach)) as f64;
                let smooth = (1.0 - deficit / count).clamp(0.0, 1.0) as f32;
                y = (y * smooth).clamp(-ceiling, ceiling);
                limited += 1;
            }
            samples[i] = y;
        }
        limited
    }
}

/// Where the first sample of `samples` that `gain` takes over `ceiling` is, looked for 16 at a
/// time (a test of 16 without an early exit is one the compiler vectorises).
fn first_over(samples: &[f32], gain: f32, ceiling: f32) -> Option<usize> {
    let over = |x: &f32| (x * gain).abs() > ceiling;
    let blocks = samples.chunks_exact(16);
    let rest = blocks.remainder();
    for (at, block) in (0..).step_by(16).zip(blocks) {
        if block.iter().fold(false, |any, x| any | over(x)) {
            return block.iter().position(over).map(|i| at + i);
        }
    }
    let at = samples.len() - rest.len();
    rest.iter().position(over).map(|i| at + i)
}

/// Multiplies `samples` by `gain` in place; returns the sum of the squares of the result.
fn scale(samples: &mut [f32], gain: f32) -> f64 {
    let mut lanes = [0.0f64; 4];
    let mut quads = samples.chunks_exact_mut(4);
    for quad in &mut quads {
        for (lane, x) in lanes.iter_mut().zip(quad) {
            *x *= gain;
            *lane += f64::from(*x) * f64::from(*x);
        }
    }
    for x in quads.into_remainder() {
        *x *= gain;
        lanes[0] += f64::from(*x) * f64::from(*x);
    }
    lanes.iter().sum()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_limiter_turns_down_only_the_samples_around_a_peak() {
        let reach = 10;
        let mut samples = vec![0.1f32; 1_000];
        samples[500] = 0.9;
        let (limited, _) = Limiter::new(reach).run(&mut samples, 1.0, 0.5);

        assert_eq!(limited, 4 * reach + 1);
        assert!((samples[500] - 0.5).abs() < 1e-6, "{}", samples[500]);
        for (i, &x) in samples.iter().enumerate() {
            if i.abs_diff(500) > 2 * reach {
                assert_eq!(x, 0.1, "sample {i}");
            } else if i != 500 {
                // The gain falls and rises smoothly towards the peak.
                let gain = x / 0.1;
                assert!(
                    (0.5 / 0.9 - 1e-6..1.0).contains(&gain),
                    "sample {i}: {gain}"
                );
            }
        }
        assert!(samples[480..500].windows(2).all(|w| w[1] <= w[0]));
    }

    #[test]
    fn limiting_stretches_gives_exactly_what_limiting_everything_does() {
        let mut state = 1u32;
        let mut next = || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            state
        };
        // Peaks at random gaps (some within reach of each other, some far apart) over a quiet
        // signal; the first and last samples are peaks too.
        let mut samples: Vec<f32> = (0..20_000)
            .map(|i| 0.2 * ((i % 37) as f32 / 37.0 - 0.5))
            .collect();
        let mut at = 0;
        while at < samples.len() {
            samples[at] = if next() % 2 == 0 { 0.99 } else { -0.8 };
            at += 1 + (next() % 200) as usize;
        }
        samples[19_999] = 0.9;
        for reach in [1, 7, 30] {
            for gain in [0.5f32, 1.0, 3.0] {
                let (mut sparse, mut dense) = (samples.clone(), samples.clone());
                let (limited, sum) = Limiter::new(reach).run(&mut sparse, gain, 0.4);
                let all = Limiter::new(reach).limit(&mut dense, gain, 0.4);
                assert_eq!(sparse, dense, "reach {reach}, gain {gain}");
                assert_eq!(limited, all);
                assert!((sum - sum_of_squares(&dense)).abs() < 1e-9 * sum);
            }
        }
    }
}
