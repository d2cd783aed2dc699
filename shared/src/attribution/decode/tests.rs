//! Tests of the turn-taking model and of joint decoding.

use super::*;

#[test]
fn every_row_of_the_turn_taking_model_sums_to_one() {
    for k in 2..6 {
        for adjacent in [true, false] {
            for previous in 0..=k {
                for current in 0..k {
                    let total: f64 = (0..k)
                        .map(|next| transition(previous, current, next, k, adjacent))
                        .sum();
                    assert!((total - 1.0).abs() < 1e-9, "k={k} {previous} {current}");
                }
            }
        }
    }
}

#[test]
fn adjacent_turns_alternate_and_narration_between_weakens_it() {
    let k = 3;
    assert!(transition(0, 1, 0, k, true) > 0.75);
    assert!(transition(0, 1, 1, k, true) < 0.1);
    assert!(transition(0, 1, 1, k, false) > 0.4);
}

#[test]
fn evidence_at_one_end_of_an_exchange_decides_the_other_end() {
    // Five adjacent turns between two people (and "someone else"); only the last is tagged.
    let k = 3;
    let free = vec![1.0, 1.0, 0.1];
    let mut emissions = vec![free; 5];
    emissions[4] = vec![0.95, 0.025, 0.025];
    let posterior = forward_backward(&emissions, &[true; 4], k);

    let best: Vec<usize> = posterior
        .iter()
        .map(|p| {
            p.iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(i, _)| i)
                .unwrap()
        })
        .collect();
    assert_eq!(best, [0, 1, 0, 1, 0]);
    for p in &posterior {
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
    // Each step away from the tag is less sure.
    assert!(posterior[3][1] > posterior[1][1]);
}
