//! The sums behind [`super::measure`], each a loop over one 10 ms block that the compiler can
//! vectorise: squares, the peak, runs of digital silence.

/// The magnitude under which a sample is digitally silent: the least step of 16-bit audio.
const SILENT: f32 = 1.0 / 32_768.0;

/// The sum of the squares, in f64, in four lanes so that the loop vectorises.
pub(crate) fn sum_of_squares(samples: &[f32]) -> f64 {
    let mut lanes = [0.0f64; 4];
    let quads = samples.chunks_exact(4);
    let rest = quads.remainder();
    for quad in quads {
        for (lane, &x) in lanes.iter_mut().zip(quad) {
            let x = f64::from(x);
            *lane += x * x;
        }
    }
    let rest: f64 = rest.iter().map(|&x| f64::from(x) * f64::from(x)).sum();
    lanes.iter().sum::<f64>() + rest
}

/// The magnitude of a sample as the bits of its absolute value: for numbers, they order as the
/// values do, and integers make a maximum the compiler vectorises.
fn magnitude(x: &f32) -> u32 {
    x.to_bits() & 0x7FFF_FFFF
}

/// The largest magnitude and where it first occurs (0 and 0 when there are no samples).
pub(super) fn peak(samples: &[f32]) -> (f32, usize) {
    let top = samples.iter().map(magnitude).max().unwrap_or(0);
    let at = samples
        .iter()
        .position(|x| magnitude(x) == top)
        .unwrap_or(0);
    (f32::from_bits(top), at)
}

/// The runs of digitally silent samples seen so far, a block at a time.
#[derive(Default)]
pub(super) struct Runs {
    /// Where the run under way started.
    open: Option<usize>,
    /// The first of the longest runs ended so far, as (start, length).
    longest: Option<(usize, usize)>,
}

impl Runs {
    /// Adds the samples of `block`, which starts at sample `offset`.
    pub(super) fn extend(&mut self, offset: usize, block: &[f32]) {
        let silent = |x: &f32| magnitude(x) < SILENT.to_bits();
        match block.iter().filter(|x| silent(x)).count() {
            0 => self.end(offset),
            all if all == block.len() => _ = self.open.get_or_insert(offset),
            _ => {
                for (at, x) in (offset..).zip(block) {
                    if silent(x) {
                        self.open.get_or_insert(at);
                    } else {
                        self.end(at);
                    }
                }
            }
        }
    }

    /// Ends the run under way, if any, at sample `at`.
    fn end(&mut self, at: usize) {
        if let Some(start) = self.open.take() {
            if self.longest.is_none_or(|(_, len)| at - start > len) {
                self.longest = Some((start, at - start));
            }
        }
    }

    /// The longest run of a programme of `len` samples, as (start, length).
    pub(super) fn finish(mut self, len: usize) -> Option<(usize, usize)> {
        self.end(len);
        self.longest
    }
}
