//! One service of the shop without Kafka: its workers, its queue, and what it counted.

use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// One service as it stands. Request ids are order ids for the caller (Orders), call ids elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectService {
    pub(super) name: String,
    pub(super) up: bool,
    pub(super) workers: u32,
    pub(super) queue_capacity: u32,
    /// Requests a worker is on now. A call whose caller already gave up stays here until
    /// the worker finishes it: the service cannot know nobody is waiting any more, so that
    /// work is wasted — one more cost of timeouts.
    pub(super) in_hand: Vec<u64>,
    /// Requests waiting for a free worker, first come first served.
    pub(super) waiting: VecDeque<u64>,
    /// Down only: connections it accepted and will never answer.
    pub(super) hanging: Vec<u64>,
    pub(super) received: u64,
    pub(super) completed: u64,
    pub(super) failed: u64,
}

impl DirectService {
    pub(super) fn new(name: &str, workers: u32, queue_capacity: u32) -> Self {
        Self {
            name: name.to_string(),
            up: true,
            workers,
            queue_capacity,
            in_hand: Vec::new(),
            waiting: VecDeque::new(),
            hanging: Vec::new(),
            received: 0,
            completed: 0,
            failed: 0,
        }
    }

    pub fn name(&self) -> &str {
        &self.name
    }

    pub fn up(&self) -> bool {
        self.up
    }

    /// How many requests it handles at once.
    pub fn workers(&self) -> u32 {
        self.workers
    }

    /// How many requests can wait for a worker.
    pub fn queue_capacity(&self) -> u32 {
        self.queue_capacity
    }

    /// Requests being handled now (busy workers). For Orders: orders in progress.
    pub fn busy(&self) -> usize {
        self.in_hand.len()
    }

    /// Requests waiting for a worker.
    pub fn queued(&self) -> usize {
        self.waiting.len()
    }

    /// While down: calls it accepted and will never answer (each caller waits out its timeout).
    pub fn hanging(&self) -> usize {
        self.hanging.len()
    }

    /// Requests that reached it (orders for Orders, calls for the others).
    pub fn received(&self) -> u64 {
        self.received
    }

    /// Requests it answered successfully (for Orders: orders completed).
    pub fn completed(&self) -> u64 {
        self.completed
    }

    /// Requests that got no good answer because of it: refused because it was full, or
    /// given up by the caller while waiting on it (for Orders also rejected orders and
    /// orders lost while it was down).
    pub fn failed(&self) -> u64 {
        self.failed
    }

    pub(super) fn has_free_worker(&self) -> bool {
        self.in_hand.len() < self.workers as usize
    }

    pub(super) fn has_queue_room(&self) -> bool {
        self.waiting.len() < self.queue_capacity as usize
    }
}

/// The customer's view: what happened to the orders placed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrderStats {
    pub placed: u64,
    pub completed: u64,
    /// Timed out, refused by a full service, or lost while Orders was down.
    pub failed: u64,
    /// Turned away by an overloaded Orders.
    pub rejected: u64,
    /// Placed and not yet settled: travelling to Orders, queued there, or in progress.
    pub waiting: u64,
}
