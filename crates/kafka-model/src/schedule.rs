//! The queue of things that will happen: the heart of the discrete-event simulation.
//!
//! Events are ordered by time, then by the order they were scheduled, so two events due at
//! the same millisecond always run in the same order — a `BTreeMap`, never a hash map.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Simulated time in milliseconds since the model was created.
pub type Ms = u64;

/// Events keyed by `(due time, sequence number)`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(bound(serialize = "E: Serialize", deserialize = "E: Deserialize<'de>"))]
pub struct Schedule<E> {
    #[serde(with = "crate::serde_pairs")]
    queue: BTreeMap<(Ms, u64), E>,
    next_seq: u64,
}

impl<E> Default for Schedule<E> {
    fn default() -> Self {
        Self {
            queue: BTreeMap::new(),
            next_seq: 0,
        }
    }
}

impl<E> Schedule<E> {
    pub fn push(&mut self, at: Ms, event: E) {
        self.queue.insert((at, self.next_seq), event);
        self.next_seq += 1;
    }

    /// The sequence number the next pushed event gets (a snapshot's bound is checked on load).
    pub(crate) fn next_seq(&self) -> u64 {
        self.next_seq
    }

    /// When the earliest event is due.
    pub fn next_time(&self) -> Option<Ms> {
        self.queue.keys().next().map(|(t, _)| *t)
    }

    /// Removes and returns the earliest event if it is due at or before `now`.
    pub fn pop_due(&mut self, now: Ms) -> Option<(Ms, E)> {
        let (&(t, seq), _) = self.queue.iter().next()?;
        if t > now {
            return None;
        }
        self.queue.remove(&(t, seq)).map(|e| (t, e))
    }

    pub fn len(&self) -> usize {
        self.queue.len()
    }

    pub fn is_empty(&self) -> bool {
        self.queue.is_empty()
    }

    pub fn iter(&self) -> impl Iterator<Item = (Ms, &E)> {
        self.queue.iter().map(|((t, _), e)| (*t, e))
    }

    /// Drops every event the predicate rejects (e.g. those of a deleted topic).
    pub fn retain(&mut self, mut keep: impl FnMut(&E) -> bool) {
        self.queue.retain(|_, e| keep(e));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn events_due_at_the_same_time_run_in_scheduling_order() {
        let mut s = Schedule::default();
        s.push(10, "b");
        s.push(5, "a");
        s.push(10, "c");
        assert_eq!(s.next_time(), Some(5));
        assert_eq!(s.pop_due(4), None);
        let order: Vec<_> = std::iter::from_fn(|| s.pop_due(100))
            .map(|(_, e)| e)
            .collect();
        assert_eq!(order, ["a", "b", "c"]);
    }
}
