//! Benchmark: measuring (`acx::measure`) and mastering (`master::master`) a 30-minute programme at
//! 44.1 kHz (79 M samples), the longest chapter a producer is likely to deliver. The goals are
//! well under a second for `measure` and a few seconds for `master`. The programme is ten seconds
//! of speech-like bursts (a 200/310/400 Hz mix at varying levels with clicks near full scale,
//! between pauses of zeros) repeated.

use std::{hint::black_box, time::Duration};

use criterion::{criterion_main, BatchSize, Criterion};
use shared::delivery::{
    acx::measure,
    linear,
    master::{master, Mastering},
    SAMPLE_RATE,
};

const MINUTES: usize = 30;

/// Ten seconds of bursts and pauses, repeated to `MINUTES`.
fn programme() -> Vec<f32> {
    let rate = f64::from(SAMPLE_RATE);
    let pattern: Vec<f32> = (0..10 * SAMPLE_RATE as usize)
        .map(|i| {
            let t = i as f64 / rate;
            let burst = (t * 0.8) as usize;
            if t.fract() > 0.7 {
                return 0.0;
            }
            let level = linear(-30.0 + 4.0 * (burst % 5) as f64);
            let tone = |hz: f64| (std::f64::consts::TAU * hz * t).sin();
            let x = level * (tone(200.0) + 0.6 * tone(310.0) + 0.4 * tone(400.0));
            if i % 4_410 == 2_000 {
                0.95 * x.signum() as f32
            } else {
                x as f32
            }
        })
        .collect();
    let len = MINUTES * 60 * SAMPLE_RATE as usize;
    pattern.iter().copied().cycle().take(len).collect()
}

fn delivery(c: &mut Criterion) {
    let samples = programme();
    let mut group = c.benchmark_group("delivery_30_min");
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(20));
    group.bench_function("measure", |b| {
        b.iter(|| measure(black_box(&samples), SAMPLE_RATE))
    });
    group.bench_function("master", |b| {
        b.iter_batched_ref(
            || samples.clone(),
            |copy| master(copy, SAMPLE_RATE, &Mastering::default()),
            BatchSize::PerIteration,
        )
    });
    group.finish();
}

/// The benchmark group lives in a private module: the function `criterion_group!` makes is public
/// and undocumented.
mod group {
    criterion::criterion_group!(benches, super::delivery);
}

criterion_main!(group::benches);
