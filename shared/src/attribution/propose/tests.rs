//! Tests of the cast proposal.
