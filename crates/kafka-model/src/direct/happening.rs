//! What the shop without Kafka reports: happenings with a start and an end, drawn by the view.
//! A message in flight has `start` = send time and `end` = arrival time; instant happenings
//! have `start == end`.

use crate::schedule::Ms;
use serde::{Deserialize, Serialize};

/// A happening, drawn by the view. Ids rise by one per happening.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectHappening {
    pub id: u64,
    pub start: Ms,
    pub end: Ms,
    pub kind: DirectKind,
}

/// Why an order failed.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum FailReason {
    /// Orders waited [`CALL_TIMEOUT_MS`] for the service's answer and gave up.
    TimedOut,
    /// The service was full (all workers busy, queue full) and answered with an error.
    Busy,
    /// Orders itself was down: the order was lost, or could not be taken.
    Down,
}

impl FailReason {
    /// A stable code for translation.
    pub fn code(self) -> &'static str {
        match self {
            FailReason::TimedOut => "timed_out",
            FailReason::Busy => "busy",
            FailReason::Down => "down",
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum DirectKind {
    /// A customer's order travels to Orders (a flight: it arrives at `end`).
    OrderPlaced {
        order: u64,
    },
    /// Orders calls a service for an order (a flight from `from` to `to`).
    CallSent {
        order: u64,
        call: u64,
        from: String,
        to: String,
    },
    /// The called service's answer travels back (a flight from `from`, the service, to
    /// `to`, the caller). `ok == false`: an error answer (the service was full).
    Responded {
        order: u64,
        call: u64,
        from: String,
        to: String,
        ok: bool,
    },
    /// The caller `from` gave up waiting for `to` (instant, at the caller).
    CallTimedOut {
        order: u64,
        call: u64,
        from: String,
        to: String,
    },
    /// All three services answered: the customer has their order.
    OrderCompleted {
        order: u64,
    },
    /// The order failed because of `service` (the one that timed out, refused, or was down).
    OrderFailed {
        order: u64,
        service: String,
        reason: FailReason,
    },
    /// Orders was overloaded (all workers busy, queue full) and turned the order away.
    OrderRejected {
        order: u64,
    },
    ServiceDown {
        service: String,
    },
    ServiceUp {
        service: String,
    },
}
