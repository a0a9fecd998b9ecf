//! The recent happenings: what the stage animates (those still in flight) and what the
//! timeline lists. Bounded, because a page may run for hours.

use kafka_model::{Happening, Ms};
use std::collections::VecDeque;

/// How many happenings the timeline keeps.
pub const RECENT_CAPACITY: usize = 2_000;

#[derive(Clone, Default)]
pub struct Recent {
    list: VecDeque<Happening>,
}

impl Recent {
    pub fn extend(&mut self, happenings: Vec<Happening>) {
        for h in happenings {
            if self.list.len() == RECENT_CAPACITY {
                self.list.pop_front();
            }
            self.list.push_back(h);
        }
    }

    /// Id of the newest happening kept, to tell whether anything happened since.
    pub fn last_id(&self) -> Option<u64> {
        self.list.back().map(|h| h.id)
    }

    pub fn clear(&mut self) {
        self.list.clear();
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
        // Flights last at most a few seconds; scanning from the back stops early.
        self.list
            .iter()
            .rev()
            .take_while(move |h| h.start_ms + 30_000 > now)
            .filter(move |h| h.is_flight() && h.start_ms <= now && now < h.end_ms)
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
