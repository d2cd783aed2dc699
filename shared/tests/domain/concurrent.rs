//! Two people editing one plan: edit sequences made from one base, sent as `Change`s, give the
//! same plan in either order whenever they touch different segments, and never half-apply.

use std::collections::HashSet;

use proptest::prelude::*;
use shared::{
    plan::change::{merge, Change},
    segment_chapter, EngineLimits, History, Plan, SegmentId,
};

use crate::properties::{chapter, limits, op, Op};

/// One step of a person's session: an edit, or undo.
#[derive(Debug, Clone)]
enum Step {
    Edit(Op),
    Undo,
}

fn step() -> impl Strategy<Value = Step> {
    prop_oneof![5 => op().prop_map(Step::Edit), 1 => Just(Step::Undo)]
}

/// What a session did: its plan, its changes in order, and the splices behind them.
struct Session {
    plan: Plan,
    changes: Vec<Change>,
    splices: Vec<shared::Splice>,
}

fn session(base: &Plan, chapter: &str, limits: &EngineLimits, steps: &[Step]) -> Session {
    let mut plan = base.clone();
    let mut history = History::default();
    let mut splices = Vec::new();
    for step in steps {
        let splice = match step {
            Step::Edit(op) => {
                let edit = op.edit(&plan);
                plan.apply(&edit, chapter, limits)
                    .ok()
                    .inspect(|s| history.record(s.clone()))
            }
            Step::Undo => history.undo(&mut plan),
        };
        splices.extend(splice.filter(|s| !s.is_empty()));
    }
    let changes = splices.iter().map(Change::of).collect();
    Session {
        plan,
        changes,
        splices,
    }
}

fn touched(changes: &[Change]) -> HashSet<SegmentId> {
    changes.iter().flat_map(Change::touches).collect()
}

proptest! {
    #[test]
    fn disjoint_edit_sequences_commute(
        chapter in chapter(),
        limits in limits(),
        mine in prop::collection::vec(step(), 0..6),
        theirs in prop::collection::vec(step(), 0..6),
    ) {
        let base = Plan::new(segment_chapter(&chapter, &limits));
        prop_assume!(!base.segments().is_empty());
        let a = session(&base, &chapter, &limits, &mine);
        let b = session(&base, &chapter, &limits, &theirs);
        let disjoint = touched(&a.changes).is_disjoint(&touched(&b.changes));

        let mut ab = base.clone();
        ab.apply_changes(&a.changes).expect("a session's own changes replay on its base");
        prop_assert_eq!(&ab, &a.plan);
        let second = ab.apply_changes(&b.changes);
        let mut ba = b.plan.clone();
        let first = ba.apply_changes(&a.changes);

        // Together they may delete every segment: no plan may be empty, so that clashes.
        let kept = |plan: &Plan| plan.segments().iter().map(|s| s.id).collect::<HashSet<_>>();
        let emptied = kept(&a.plan).intersection(&kept(&b.plan)).next().is_none()
            && kept(&a.plan).is_subset(&kept(&base))
            && kept(&b.plan).is_subset(&kept(&base));
        if disjoint && emptied {
            prop_assert!(second.is_err() && first.is_err());
        } else if disjoint {
            prop_assert!(second.is_ok() && first.is_ok(), "{:?} / {:?}", second, first);
            prop_assert_eq!(&ab, &ba);
            prop_assert_eq!(ab.validate(&chapter, &limits), Ok(()));
        } else if second.is_err() {
            prop_assert_eq!(&ab, &a.plan, "a clashing batch changes nothing");
        }
    }

    #[test]
    fn a_merge_keeps_every_edit_that_does_not_clash_and_either_side_of_each_conflict(
        chapter in chapter(),
        limits in limits(),
        mine in prop::collection::vec(step(), 0..6),
        theirs in prop::collection::vec(step(), 0..6),
        keep_mine in prop::collection::vec(any::<bool>(), 0..4),
    ) {
        let base = Plan::new(segment_chapter(&chapter, &limits));
        prop_assume!(!base.segments().is_empty());
        let a = session(&base, &chapter, &limits, &mine);
        let b = session(&base, &chapter, &limits, &theirs);

        let merged = merge(b.plan.clone(), &a.plan, &a.splices);

        if merged.conflicts.is_empty() {
            prop_assert!(touched(&a.changes).is_disjoint(&touched(&b.changes)) || merged.plan.validate(&chapter, &limits).is_ok());
        }
        for conflict in &merged.conflicts {
            prop_assert!(conflict.theirs.iter().chain(&conflict.mine).all(|s| conflict.span.start <= s.start && s.end <= conflict.span.end));
        }
        let (resolved, to_save) = merged.resolve(&keep_mine);
        prop_assert_eq!(resolved.validate(&chapter, &limits), Ok(()));
        let mut stored = b.plan.clone();
        let changes: Vec<Change> = to_save.iter().map(Change::of).collect();
        prop_assert_eq!(stored.apply_changes(&changes), Ok(()));
        prop_assert_eq!(stored, resolved);
    }
}
