//! Tests of `EditorState`: edits and undo, speaker proposals, and the changes that go out to
//! the store and come in from colleagues.

use super::*;

/// The segmenter's plan of `text`, under edit.
pub(crate) fn editor(text: &str) -> EditorState {
    let limits = EngineLimits::default();
    let segments = shared::segment_chapter(text, &limits);
    EditorState::new(Arc::from(text), limits, segments)
}

#[test]
fn an_applied_edit_can_be_undone_and_redone() {
    let mut state = editor("One two three.\n\nFour five.");
    let before = state.segments().to_vec();

    state
        .apply(&Edit::Split {
            id: SegmentId(1),
            at: 4,
        })
        .expect("split");
    let after = state.segments().to_vec();

    assert_eq!(after.len(), 3);
    assert!(state.undo());
    assert_eq!(state.segments(), before.as_slice());
    assert!(state.redo());
    assert_eq!(state.segments(), after.as_slice());
    assert_eq!(state.revision(), 3);
}

#[test]
fn a_refused_edit_changes_nothing() {
    let mut state = editor("Only one paragraph.");

    let result = state.apply(&Edit::Delete { id: SegmentId(1) });

    assert_eq!(result, Err(SegmentError::LastSegment));
    assert_eq!(state.revision(), 0);
    assert!(!state.can_undo());
}

#[test]
fn neighbour_is_clamped_to_the_table() {
    let state = editor("A.\n\nB.\n\nC.");

    assert_eq!(state.neighbour(None, 1), Some(SegmentId(1)));
    assert_eq!(state.neighbour(Some(SegmentId(1)), -1), Some(SegmentId(1)));
    assert_eq!(state.neighbour(Some(SegmentId(2)), 1), Some(SegmentId(3)));
    assert_eq!(state.neighbour(Some(SegmentId(3)), 1), Some(SegmentId(3)));
}

/// The narrator, Holmes (male) and Watson.
fn holmes_and_watson() -> Cast {
    let mut holmes = shared::Character::named("Holmes", Language::En).expect("a name");
    holmes.gender = shared::text::language::Gender::Male;
    let watson = shared::Character::named("Watson", Language::En).expect("a name");
    Cast::new(vec![
        shared::Character::narrator(Language::En),
        holmes,
        watson,
    ])
    .expect("a cast")
}

#[test]
fn proposed_speakers_keep_hand_picked_ones_and_undo_in_one_step() {
    let text = "“Come in, Watson,” said Holmes.\n\nThe door opened.";
    let mut state = editor(text);
    let cast = holmes_and_watson();
    let last = state.segments().last().map(|s| s.id).expect("segments");
    state
        .apply(&Edit::SetSpeaker {
            id: last,
            speaker: Some("watson".into()),
        })
        .expect("a speaker");

    let (edit, found) = state.propose_speakers(&cast, Language::En);
    state.apply(&edit).expect("assigned");

    let speakers: Vec<_> = state
        .segments()
        .iter()
        .map(|s| s.speaker.as_deref())
        .collect();
    assert_eq!(speakers.first(), Some(&Some("holmes")));
    assert_eq!(
        speakers.last(),
        Some(&Some("watson")),
        "a hand-picked speaker stays"
    );
    assert_eq!(found.len(), state.segments().len());
    assert!(state.undo());
    assert_eq!(state.segments()[0].speaker, None);
}

#[test]
fn a_chapter_opens_with_the_rules_confidence_only_where_they_agree() {
    let text =
        "“Come in, Watson,” said Holmes.\n\n“Thank you,” said Watson.\n\n“Sit,” said Holmes.";
    let mut state = editor(text);
    let cast = holmes_and_watson();
    let quotes: Vec<_> = state
        .segments()
        .iter()
        .filter(|s| s.text.starts_with('“'))
        .map(|s| s.id)
        .collect();
    assert_eq!(quotes.len(), 3);
    // Stored speakers: the first agrees with the rules, the second does not, the third was
    // picked by hand.
    state
        .apply(&Edit::AssignSpeakers {
            speakers: vec![
                (quotes[0], Some("holmes".into())),
                (quotes[1], Some("holmes".into())),
            ],
        })
        .expect("speakers");
    state
        .apply(&Edit::SetSpeaker {
            id: quotes[2],
            speaker: Some("holmes".into()),
        })
        .expect("a hand-picked speaker");

    let agreeing = state.agreeing_speakers(&cast, Language::En);

    assert_eq!(agreeing.keys().copied().collect::<Vec<_>>(), [quotes[0]]);
    assert!(agreeing[&quotes[0]].confidence > 0.5);
}

#[test]
fn a_servers_speakers_skip_segments_changed_since_and_hand_picked_ones() {
    use shared::attribution::verdict::{Evidence, Rule};
    let text = "“One,” said Holmes.\n\n“Two,” said Watson.\n\nThe end came.";
    let mut state = editor(text);
    let found: Vec<(SegmentId, Attribution)> = state
        .segments()
        .iter()
        .map(|s| {
            let attribution = Attribution {
                span: s.start..s.end,
                speaker: Some(CharacterId("holmes".into())),
                confidence: 0.7,
                evidence: Evidence {
                    rule: Rule::LanguageModel,
                    tag: None,
                    contradiction: None,
                },
            };
            (s.id, attribution)
        })
        .collect();
    let ids: Vec<SegmentId> = state.segments().iter().map(|s| s.id).collect();
    let (first, last) = (ids[0], ids[ids.len() - 1]);
    state
        .apply(&Edit::SetSpeaker {
            id: first,
            speaker: Some("watson".into()),
        })
        .expect("a hand pick");
    state
        .apply(&Edit::Split { id: last, at: 4 })
        .expect("a split");
    let gone = SegmentId(999);
    let mut found = found;
    found.push((gone, found[1].1.clone()));

    let (edit, kept) = state.speakers_from(found);
    state.apply(&edit).expect("assigned");

    let speakers: Vec<_> = state
        .segments()
        .iter()
        .map(|s| s.speaker.as_deref())
        .collect();
    assert_eq!(speakers[0], Some("watson"), "the hand pick stays");
    assert!(speakers[1..ids.len() - 1]
        .iter()
        .all(|s| *s == Some("holmes")));
    assert_eq!(
        speakers[ids.len() - 1],
        None,
        "the split segment changed since"
    );
    assert!(!kept.contains_key(&gone) && !kept.contains_key(&last));
    assert!(state.undo());
    assert_eq!(state.segments()[1].speaker, None);
}

#[test]
fn unsaved_edits_go_out_as_changes_until_the_store_holds_them() {
    let mut state = editor("One two three.\n\nFour five.\n\nSix seven.");
    state
        .apply(&Edit::ToggleRevision { id: SegmentId(1) })
        .expect("flag");
    state
        .apply(&Edit::Delete { id: SegmentId(3) })
        .expect("delete");
    assert!(state.undo());

    assert_eq!(state.changes_until(2).len(), 2);
    state.saved(2);
    let left = state.changes_until(state.revision());
    assert_eq!(left.len(), 1, "the undo is still to be sent");
    assert_eq!(left[0].after, Some(SegmentId(2)));
}

#[test]
fn a_colleagues_change_is_pulled_under_the_pages_own_edits() {
    let text = "One two three.\n\nFour five.\n\nSix seven.";
    let mut colleague = editor(text);
    colleague
        .apply(&Edit::Split {
            id: SegmentId(1),
            at: 4,
        })
        .expect("split");
    let theirs = colleague.changes_until(1);
    let mut state = editor(text);
    state
        .apply(&Edit::EditText {
            id: SegmentId(3),
            text: "Six.".into(),
        })
        .expect("edit");

    assert!(state.pull(&theirs));

    let texts: Vec<_> = state.segments().iter().map(|s| s.text.as_str()).collect();
    assert_eq!(texts, ["One", "two three.", "Four five.", "Six."]);
    assert!(state.undo(), "the page's own edit still undoes");
    assert_eq!(state.segments()[3].text, "Six seven.");
}

#[test]
fn a_clash_is_settled_the_producers_way_and_leaves_the_edits_to_save() {
    let text = "One two three.\n\nFour five.";
    let mut colleague = editor(text);
    colleague
        .apply(&Edit::EditText {
            id: SegmentId(2),
            text: "Theirs.".into(),
        })
        .expect("theirs");
    let mut state = editor(text);
    state
        .apply(&Edit::EditText {
            id: SegmentId(2),
            text: "Mine.".into(),
        })
        .expect("mine");
    assert!(
        !state.pull(&colleague.changes_until(1)),
        "the same segment clashes"
    );

    let merged = state.merge_into(colleague.segments().to_vec());
    assert_eq!(merged.conflicts.len(), 1);
    assert_eq!(
        state.segments()[1].text,
        "Mine.",
        "the page keeps the producer's text meanwhile"
    );
    let revision = state.settle(merged, &[true]);

    assert_eq!(state.segments()[1].text, "Mine.");
    let mut stored = Plan::new(colleague.segments().to_vec());
    stored
        .apply_changes(&state.changes_until(revision))
        .expect("the settled edits apply to the stored plan");
    assert_eq!(stored.segments(), state.segments());
}
