//! The recent happenings: what the stage animates (those still in flight) and what the
//! timeline lists. Bounded, because a page may run for hours.

use kafka_model::{Happening, Ms};
use std::collections::VecDeque;

/// How many happenings the timeline keeps.
pub const RECENT_CAPACITY: usize = 2_000;

#[derive(Clone, Default)]
pub struct Recent {
    list: VecDeque<Happening>,
    /// Flights not yet landed, kept apart from the list: under heavy traffic the list turns
    /// over faster than a flight lasts, and no dot may vanish mid-air.
    flying: Vec<Happening>,
}

impl Recent {
    pub fn extend(&mut self, happenings: Vec<Happening>) {
        for h in happenings {
            if h.is_flight() {
                self.flying.push(h.clone());
            }
            if self.list.len() == RECENT_CAPACITY {
                self.list.pop_front();
            }
            self.list.push_back(h);
        }
    }

    /// Forgets flights that landed before `now`.
    pub fn land(&mut self, now: Ms) {
        self.flying.retain(|h| h.end_ms > now);
    }

    /// Id of the newest happening kept, to tell whether anything happened since.
    pub fn last_id(&self) -> Option<u64> {
        self.list.back().map(|h| h.id)
    }

    pub fn clear(&mut self) {
        self.list.clear();
        self.flying.clear();
    }

    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &Happening> + ExactSizeIterator {
        self.list.iter()
    }

    pub fn len(&self) -> usize {
        self.list.len()
    }

    pub fn is_empty(&self) -> bool {
        self.list.is_empty()
    }

    /// Happenings whose flight is under way at `now` (started, not yet arrived).
    pub fn in_flight(&self, now: Ms) -> impl Iterator<Item = &Happening> {
        self.flying
            .iter()
            .filter(move |h| h.start_ms <= now && now < h.end_ms)
    }

    /// The latest moment before `now` at which a happening started.
    pub fn last_start_before(&self, now: Ms) -> Option<Ms> {
        self.list
            .iter()
            .rev()
            .map(|h| h.start_ms)
            .find(|t| *t < now)
    }
}
