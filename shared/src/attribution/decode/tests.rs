//! Tests of the turn-taking model and of joint decoding.

use super::model::{forward_backward, transition};
use super::*;

fn best(posterior: &[Vec<f64>]) -> Vec<usize> {
    posterior
        .iter()
        .map(|p| {
            p.iter()
                .enumerate()
                .max_by(|a, b| a.1.total_cmp(b.1))
                .map(|(i, _)| i)
                .unwrap()
        })
        .collect()
}

#[test]
fn every_row_of_the_turn_taking_model_sums_to_one() {
    for k in 2..6 {
        for adjacent in [true, false] {
            for before in 0..=k {
                for previous in 0..=k {
                    for current in 0..k {
                        let total: f64 = (0..k)
                            .map(|next| transition(before, previous, current, next, k, adjacent))
                            .sum();
                        assert!(
                            (total - 1.0).abs() < 1e-9,
                            "k={k} {before} {previous} {current}"
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn adjacent_turns_alternate_and_narration_between_weakens_it() {
    let k = 3;
    assert!(transition(1, 0, 1, 0, k, true) > 0.75);
    assert!(transition(1, 0, 1, 1, k, true) < 0.1);
    assert!(transition(1, 0, 1, 1, k, false) > 0.4);
}

#[test]
fn after_three_speakers_the_third_comes_back_before_anyone_new() {
    // Speakers 2, 1, 0 in turn, then: 1 (answering back) or 2 (the third) rather than 3 or 4.
    let k = 5;
    let back = transition(2, 1, 0, 1, k, true);
    let third = transition(2, 1, 0, 2, k, true);
    let newcomer = transition(2, 1, 0, 3, k, true);
    assert!(
        back > third && third > 2.0 * newcomer,
        "{back} {third} {newcomer}"
    );
    // After an exchange between two (0, 1, 0) the answer goes back to 1 far more often.
    assert!(transition(0, 1, 0, 1, k, true) > back + 0.2);
    assert!(transition(0, 1, 0, 2, k, true) < third / 4.0);
}

#[test]
fn evidence_at_one_end_of_an_exchange_decides_the_other_end() {
    // Five adjacent turns between two people (and "someone else"); only the last is tagged.
    let k = 3;
    let free = vec![1.0, 1.0, 0.1];
    let mut emissions = vec![free; 5];
    emissions[4] = vec![0.95, 0.025, 0.025];
    let posterior = forward_backward(&emissions, &[true; 4], k);

    assert_eq!(best(&posterior), [0, 1, 0, 1, 0]);
    for p in &posterior {
        assert!((p.iter().sum::<f64>() - 1.0).abs() < 1e-9);
    }
    // Each step away from the tag is less sure.
    assert!(posterior[3][1] > posterior[1][1]);
}

#[test]
fn a_round_of_three_tagged_speakers_gives_the_untagged_fourth_turn_to_the_first() {
    // Turns tagged 0, 1, 2; the fourth untagged turn has no evidence, the fifth is tagged 2.
    // Going round, the fourth is 0 (three back), not a fourth candidate.
    let k = 5;
    let tagged = |who: usize| {
        let mut e = vec![0.001; k];
        e[who] = 0.999;
        e
    };
    let free = vec![1.0, 1.0, 1.0, 1.0, 0.1];
    let emissions = vec![tagged(0), tagged(1), tagged(2), free, tagged(1)];
    let posterior = forward_backward(&emissions, &[true; 4], k);
    assert_eq!(best(&posterior)[3], 0);
}

fn turn(guess: Option<usize>, addressees: &[usize], paragraph: usize) -> Turn {
    Turn {
        guess: guess.map(|who| Guess {
            who,
            confidence: 0.95,
            rule: Rule::ExplicitTag,
            tag: None,
        }),
        fixed: guess.is_some(),
        addressees: addressees.iter().map(|&w| (w, 0..1)).collect(),
        ..Turn::new(
            paragraph..paragraph + 1,
            paragraph..paragraph + 1,
            paragraph * 10..paragraph * 10 + 5,
        )
    }
}

#[test]
fn someone_only_named_in_the_narration_is_a_weaker_candidate_than_those_who_talk() {
    // 0 and 1 talk (1 is spoken to); 2 is only present. The untagged turn after 0 goes to 1.
    let turns = [turn(Some(0), &[], 0), turn(None, &[], 1)];
    let candidates = [0, 1, 2];
    let voiced = voiced(&turns, &(0..2), &candidates);
    assert_eq!(voiced, [true, false, false]);
    let with_addressee = [turn(Some(0), &[1], 0), turn(None, &[], 1)];
    assert_eq!(
        super::voiced(&with_addressee, &(0..2), &candidates),
        [true, true, false]
    );
    let speakers = Speakers {
        ids: Vec::new(),
        genders: vec![Gender::Unknown; 3],
        narrator: 9,
        first_person: 9,
    };
    let e = emission(
        &turns[1],
        None,
        &candidates,
        &speakers,
        &[true, true, false],
    );
    assert!(e[1] > e[2] * 2.0, "{e:?}");
}

#[test]
fn a_definite_description_leaves_less_room_for_someone_new_than_an_indefinite_one() {
    let speakers = Speakers {
        ids: Vec::new(),
        genders: vec![Gender::Unknown; 2],
        narrator: 9,
        first_person: 9,
    };
    let mut stranger = turn(None, &[], 1);
    stranger.stranger = true;
    let mut described = stranger.clone();
    described.described = true;
    let weights = |t: &Turn| emission(t, None, &[0, 1], &speakers, &[true, true]);
    // "said the other" may be one of those talking; "said a porter" is as likely someone new.
    assert!(weights(&described)[2] < weights(&described)[0]);
    assert_eq!(weights(&stranger)[2], weights(&stranger)[0]);
}
