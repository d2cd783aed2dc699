//! The turn-taking model and its forward-backward pass. A turn's speaker depends on the three
//! speakers before it: between adjacent turns the speaker changes 95 % of the time; after an
//! exchange between two people (A-B-A) the next turn returns to B 87 % of the time, but after
//! three different speakers (C-B-A) it returns to B only 46 % of the time and goes to C 33 %
//! (turns with no narration between them, both dev sets). Across a paragraph of narration the
//! same speaker goes on 45 % of the time.

/// Between adjacent turns: the same speaker again.
const ADJACENT_SAME: f64 = 0.05;
/// Between adjacent turns: the speaker two turns back (A-B-A).
const ADJACENT_RETURN: f64 = 0.8;
/// Between adjacent turns after three different speakers (C-B-A): the speaker two turns back.
const ADJACENT_RETURN_OF_THREE: f64 = 0.45;
/// Across narration: the same speaker again.
const ACROSS_SAME: f64 = 0.45;
/// Across narration: the speaker two turns back.
const ACROSS_RETURN: f64 = 0.35;
/// After three different speakers (C-B-A), the share of C in what neither A nor B speaks: the
/// third person of a conversation comes back before anyone new joins.
const THIRD_COMES_BACK: f64 = 0.6;

/// P(next | before, previous, current) over `k` speakers (`k` stands for no turn: the start of
/// a conversation). `adjacent`: no narration between the current turn and the next.
pub(super) fn transition(
    before: usize,
    previous: usize,
    current: usize,
    next: usize,
    k: usize,
    adjacent: bool,
) -> f64 {
    let same = if adjacent { ADJACENT_SAME } else { ACROSS_SAME };
    if next == current {
        return same;
    }
    let returning = previous < k && previous != current;
    if !returning {
        return (1.0 - same) / (k - 1).max(1) as f64;
    }
    let others = k.saturating_sub(2);
    if others == 0 {
        // Two speakers only: whoever is not speaking now is the one who spoke before.
        return 1.0 - same;
    }
    let three = before < k && before != previous && before != current;
    let back = match (adjacent, three) {
        (true, false) => ADJACENT_RETURN,
        (true, true) => ADJACENT_RETURN_OF_THREE,
        (false, _) => ACROSS_RETURN,
    };
    if next == previous {
        return back;
    }
    let rest = 1.0 - same - back;
    if !three {
        return rest / others as f64;
    }
    match (next == before, others - 1) {
        (true, 0) => rest,
        (true, _) => rest * THIRD_COMES_BACK,
        (false, newcomers) => rest * (1.0 - THIRD_COMES_BACK) / newcomers.max(1) as f64,
    }
}

/// The probability of each speaker at each turn given every turn's evidence, over triples of
/// (before, previous, current) speakers; `links[t]` says whether turns `t` and `t + 1` are
/// adjacent.
pub(super) fn forward_backward(emissions: &[Vec<f64>], links: &[bool], k: usize) -> Vec<Vec<f64>> {
    let n = emissions.len();
    // State (b, p, c): b and p in 0..=k (k = no turn), c in 0..k.
    let states = (k + 1) * (k + 1) * k;
    let index = |b: usize, p: usize, c: usize| (b * (k + 1) + p) * k + c;
    // P(next | state) for both kinds of link, computed once: [adjacent][state * k + next].
    let table: [Vec<f64>; 2] = [false, true].map(|adjacent| {
        let mut row = vec![0.0; states * k];
        for b in 0..=k {
            for p in 0..=k {
                for c in 0..k {
                    for next in 0..k {
                        row[index(b, p, c) * k + next] = transition(b, p, c, next, k, adjacent);
                    }
                }
            }
        }
        row
    });
    let mut forward = vec![vec![0.0; states]; n];
    for c in 0..k {
        forward[0][index(k, k, c)] = emissions[0][c];
    }
    normalise(&mut forward[0]);
    for t in 1..n {
        let (done, rest) = forward.split_at_mut(t);
        let (previous, current) = (&done[t - 1], &mut rest[0]);
        for b in 0..=k {
            for p in 0..=k {
                for c in 0..k {
                    let from = previous[index(b, p, c)];
                    if from == 0.0 {
                        continue;
                    }
                    let moves = &table[usize::from(links[t - 1])][index(b, p, c) * k..][..k];
                    for (next, (&step, &seen)) in moves.iter().zip(&emissions[t]).enumerate() {
                        current[index(p, c, next)] += from * step * seen;
                    }
                }
            }
        }
        normalise(current);
    }
    let mut backward = vec![vec![1.0; states]; n];
    for t in (0..n.saturating_sub(1)).rev() {
        let (head, tail) = backward.split_at_mut(t + 1);
        let (current, next_row) = (&mut head[t], &tail[0]);
        for b in 0..=k {
            for p in 0..=k {
                for c in 0..k {
                    let moves = &table[usize::from(links[t])][index(b, p, c) * k..][..k];
                    current[index(b, p, c)] = moves
                        .iter()
                        .zip(&emissions[t + 1])
                        .enumerate()
                        .map(|(next, (&step, &seen))| step * seen * next_row[index(p, c, next)])
                        .sum();
                }
            }
        }
        normalise(current);
    }
    (0..n)
        .map(|t| {
            let mut marginal = vec![0.0; k];
            for b in 0..=k {
                for p in 0..=k {
                    for (c, m) in marginal.iter_mut().enumerate() {
                        let i = index(b, p, c);
                        *m += forward[t][i] * backward[t][i];
                    }
                }
            }
            normalise(&mut marginal);
            marginal
        })
        .collect()
}

fn normalise(row: &mut [f64]) {
    let total: f64 = row.iter().sum();
    if total > 0.0 {
        for value in row.iter_mut() {
            *value /= total;
        }
    }
}
