//! The world *before* Kafka: a small web shop whose services call each other directly.
//!
//! The primer's second scene. A customer's order reaches **Orders**, which handles it
//! synchronously: it calls **Inventory**, waits for the answer, then **Payments**, then
//! **Notification**, and only when all three have answered is the order done. Each service
//! has a few workers (threads) and a short queue. That works while everything is up. Take
//! one service down and the failure travels *backwards*: Orders' workers sit waiting for
//! answers that never come, its queue fills, and new orders are turned away — the customer
//! feels the failure of a service they never talk to.
//!
//! This is a deliberately small discrete-event simulation, independent of [`crate::Cluster`]:
//! one seed plus one log of [`DirectCommand`]s gives the same history every time (all
//! randomness comes from [`SimRng`], all collections are ordered), so a session records its
//! commands beside the cluster's and travels back in both worlds the same way (see
//! [`crate::world`]). Cloning a [`DirectSim`] is a checkpoint. Like the cluster it reports
//! [`DirectHappening`]s with a start and an end. The shop's names (Orders, Inventory,
//! Payments, Notification) are the primer's, set up in [`crate::presets`]; the rules below
//! hold for any caller and the services it calls.
//!
//! ## The rules, with their numbers
//! - Every one-way network hop (customer → Orders, a call, its answer) takes
//!   [`FLIGHT_MS`] (250–400 ms, seeded jitter), and handling a request at Inventory,
//!   Payments or Notification takes [`WORK_MS`] (200–400 ms). So a healthy call costs about
//!   1 s and a healthy order about 3 s.
//! - Orders has [`CALLER_WORKERS`] (16) workers and a queue of [`CALLER_QUEUE`] (8) orders;
//!   the other services have [`SERVICE_WORKERS`] (2) workers and a queue of
//!   [`SERVICE_QUEUE`] (4) requests. A worker of Orders stays busy for the *whole* order,
//!   including all the time it only waits for answers: that is what a synchronous call costs.
//!   With everything up the shop copes with about 5 orders a second (at 4 a second about
//!   11 of Orders' 16 workers are busy, nobody queues); at 6 a second it is overloaded even
//!   healthy — "fine until load grows".
//! - Orders gives up on a call after [`CALL_TIMEOUT_MS`] (5 s) without an answer and fails
//!   the order. A down service accepts the connection and never answers, so every call to it
//!   ties up one of Orders' workers for the full timeout: with Payments down an order holds
//!   a worker for about 6 s instead of 3 s, so Orders copes with only about 2.7 orders a
//!   second. At 3 a second every order fails and the workers are all stuck; at 4 a second
//!   Orders' queue fills within about 4 s and customers' orders are rejected.
//! - A service with all workers busy and a full queue answers at once with an error (like
//!   HTTP 503): the order fails, quickly.
//! - After the down service comes back, new calls are answered again and the pile drains.
//!   (The calls the down service swallowed stay unanswered until their timeouts fire.)

mod calls;
mod command;
mod happening;
mod service;

pub use command::{DirectCommand, DirectOutcome};
pub use happening::{DirectHappening, DirectKind, FailReason};
pub use service::{DirectService, OrderStats};

use crate::collections::SortedMap;
use crate::error::ModelError;
use crate::rng::SimRng;
use crate::schedule::{Ms, Schedule};
use calls::{auto_interval, Call, CallState, Event, OpenOrder, CALLER};
use serde::{Deserialize, Serialize};

/// One-way network hop, inclusive range in ms. Long enough to watch a dot travel.
pub const FLIGHT_MS: (Ms, Ms) = (250, 400);
/// Time a called service spends handling one request, inclusive range in ms.
pub const WORK_MS: (Ms, Ms) = (200, 400);
/// How long the caller waits for an answer before it gives up on a call (and so on the
/// order). Real timeouts are long next to a healthy call (here 5 s against about 1 s), which
/// is exactly why a dead dependency is so costly: each call to it waits the whole timeout.
pub const CALL_TIMEOUT_MS: Ms = 5_000;
/// Orders the caller handles at once: one worker per order for the order's whole life.
pub const CALLER_WORKERS: u32 = 16;
/// Orders waiting for a free worker of the caller; beyond this an arriving order is rejected.
pub const CALLER_QUEUE: u32 = 8;
/// Requests each called service handles at once.
pub const SERVICE_WORKERS: u32 = 2;
/// Requests each called service keeps waiting; beyond this it answers with an error at once.
pub const SERVICE_QUEUE: u32 = 4;
/// The highest rate of automatic orders, per second.
pub const MAX_AUTO_PER_SEC: f64 = 20.0;
/// The most one [`DirectSim::advance`] moves the clock: ten simulated minutes.
pub const MAX_ADVANCE_MS: Ms = 600_000;
/// How long a happening stays in [`DirectSim::recent`] after it ended, so a view can show
/// a short flash for instant happenings (a timeout, a rejection) without keeping history.
pub const RECENT_MS: Ms = 1_000;
/// The most services the caller may call for one order.
pub const MAX_CALLEES: usize = 8;

/// The shop without Kafka. See the module documentation for the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectSim {
    now: Ms,
    rng: SimRng,
    /// The caller first, then the services it calls, in the order it calls them.
    services: Vec<DirectService>,
    orders: OrderStats,
    #[serde(with = "crate::serde_pairs")]
    open: SortedMap<u64, OpenOrder>,
    #[serde(with = "crate::serde_pairs")]
    calls: SortedMap<u64, Call>,
    schedule: Schedule<Event>,
    auto_per_sec: Option<f64>,
    /// Bumped whenever the automatic rate changes, so a stale `AutoOrder` event is ignored.
    auto_generation: u64,
    next_order: u64,
    next_call: u64,
    next_happening: u64,
    pending: Vec<DirectHappening>,
    recent: Vec<DirectHappening>,
}

impl DirectSim {
    /// A shop whose `caller` takes customers' orders and, for each, calls every one of
    /// `callees` in turn, waiting for each answer. All services start up. Refused unless
    /// there are 1 to [`MAX_CALLEES`] callees and every name is distinct and not empty.
    pub fn new(seed: u64, caller: &str, callees: &[&str]) -> Result<Self, ModelError> {
        let names = || std::iter::once(caller).chain(callees.iter().copied());
        let distinct = names()
            .enumerate()
            .all(|(i, a)| names().skip(i + 1).all(|b| a != b));
        if callees.is_empty() || callees.len() > MAX_CALLEES {
            return Err(ModelError::config(
                "services called",
                format!("must be 1 to {MAX_CALLEES}"),
            ));
        }
        if !distinct || names().any(str::is_empty) {
            return Err(ModelError::config(
                "service names",
                "must be distinct and not empty".to_string(),
            ));
        }
        let mut services = vec![DirectService::new(caller, CALLER_WORKERS, CALLER_QUEUE)];
        services.extend(
            callees
                .iter()
                .map(|name| DirectService::new(name, SERVICE_WORKERS, SERVICE_QUEUE)),
        );
        Ok(Self {
            now: 0,
            rng: SimRng::new(seed),
            services,
            orders: OrderStats::default(),
            open: SortedMap::new(),
            calls: SortedMap::new(),
            schedule: Schedule::default(),
            auto_per_sec: None,
            auto_generation: 0,
            next_order: 1,
            next_call: 1,
            next_happening: 0,
            pending: Vec::new(),
            recent: Vec::new(),
        })
    }

    pub fn now(&self) -> Ms {
        self.now
    }

    /// Moves the clock on by `dt` ms, running everything due, and returns the happenings
    /// since the last `advance`/`take_happenings` (those of commands included). One call
    /// moves at most [`MAX_ADVANCE_MS`], so a runaway step (say, after a sleeping laptop
    /// wakes) cannot freeze the page generating hours of automatic orders.
    pub fn advance(&mut self, dt: Ms) -> Vec<DirectHappening> {
        let target = self.now.saturating_add(dt.min(MAX_ADVANCE_MS));
        while let Some(t) = self.schedule.next_time().filter(|t| *t <= target) {
            self.now = self.now.max(t);
            if let Some((_, event)) = self.schedule.pop_due(t) {
                self.handle(event);
            }
        }
        self.now = target;
        let now = self.now;
        self.recent
            .retain(|h| h.end.saturating_add(RECENT_MS) > now);
        self.take_happenings()
    }

    /// Happenings produced since the last `advance`/`take_happenings`, without moving time.
    pub fn take_happenings(&mut self) -> Vec<DirectHappening> {
        std::mem::take(&mut self.pending)
    }

    /// The happenings still worth drawing: those in flight at [`now`](Self::now) and those
    /// that ended less than [`RECENT_MS`] ago. Bounded, and part of a checkpoint, so a view
    /// drawn from a restored clone shows the right dots without keeping any history itself.
    pub fn recent(&self) -> &[DirectHappening] {
        &self.recent
    }

    /// A customer places an order: it travels to Orders and is taken, queued or rejected
    /// when it arrives. Returns the order's id. Always accepted (the customer can always
    /// try); what happens to the order is the point of the scene.
    pub fn place_order(&mut self) -> Result<u64, ModelError> {
        Ok(self.new_order())
    }

    /// Customers place orders on their own, `per_sec` a second (more than 0, at most
    /// [`MAX_AUTO_PER_SEC`]), the first one interval from now; `None` stops them.
    pub fn set_auto_orders(&mut self, per_sec: Option<f64>) -> Result<(), ModelError> {
        if let Some(rate) = per_sec {
            if !(rate > 0.0 && rate <= MAX_AUTO_PER_SEC) {
                return Err(ModelError::config(
                    "orders per second",
                    // A whole number, written as one: no float formatter for the page.
                    format!("must be above 0 and at most {}", MAX_AUTO_PER_SEC as u32),
                ));
            }
        }
        self.auto_per_sec = per_sec;
        self.auto_generation += 1;
        if let Some(rate) = per_sec {
            let generation = self.auto_generation;
            self.schedule.push(
                self.now.saturating_add(auto_interval(rate)),
                Event::AutoOrder { generation },
            );
        }
        Ok(())
    }

    /// The automatic order rate, if on.
    pub fn auto_orders(&self) -> Option<f64> {
        self.auto_per_sec
    }

    /// Takes a service down or brings it back. Setting the state it already has does
    /// nothing. A service going down loses what it was doing: for Orders every order in
    /// progress or queued fails; for the others every request in hand or queued becomes a
    /// connection that will never be answered, and so will every new one until it is back.
    pub fn set_up(&mut self, service: &str, up: bool) -> Result<(), ModelError> {
        let ix = self
            .index(service)
            .ok_or_else(|| ModelError::UnknownService {
                service: service.to_string(),
            })?;
        if self.services[ix].up == up {
            return Ok(());
        }
        self.services[ix].up = up;
        let name = self.services[ix].name.clone();
        if up {
            // A restarted process has forgotten the connections its previous run held;
            // their callers only find out when their timeouts fire.
            let lost = std::mem::take(&mut self.services[ix].hanging);
            for call in lost {
                if let Some(c) = self.calls.get_mut(&call) {
                    c.state = CallState::Lost;
                }
            }
            self.emit_now(DirectKind::ServiceUp { service: name });
            return Ok(());
        }
        self.emit_now(DirectKind::ServiceDown { service: name });
        if ix == CALLER {
            let svc = &mut self.services[ix];
            let mut lost: Vec<u64> = std::mem::take(&mut svc.in_hand);
            lost.extend(std::mem::take(&mut svc.waiting));
            for order in lost {
                self.fail_order(order, CALLER, FailReason::Down);
            }
        } else {
            let svc = &mut self.services[ix];
            let mut swallowed: Vec<u64> = std::mem::take(&mut svc.in_hand);
            swallowed.extend(std::mem::take(&mut svc.waiting));
            for call in &swallowed {
                if let Some(c) = self.calls.get_mut(call) {
                    c.state = CallState::Hanging;
                }
            }
            // Calls whose caller already left are not worth keeping open.
            swallowed.retain(|c| self.calls.contains_key(c));
            self.services[ix].hanging.extend(swallowed);
        }
        Ok(())
    }

    /// Orders first, then Inventory, Payments, Notification.
    pub fn services(&self) -> impl Iterator<Item = &DirectService> {
        self.services.iter()
    }

    pub fn service(&self, name: &str) -> Option<&DirectService> {
        self.services.iter().find(|s| s.name == name)
    }

    pub fn orders(&self) -> &OrderStats {
        &self.orders
    }

    /// The service that takes customers' orders and calls the others.
    pub fn caller(&self) -> &DirectService {
        &self.services[CALLER]
    }

    /// When the next scheduled event is due, if any: the moment something next happens
    /// unless a command comes first.
    pub fn next_event_time(&self) -> Option<Ms> {
        self.schedule.next_time()
    }

    /// How many services the caller calls for each order.
    fn callees(&self) -> usize {
        self.services.len() - 1
    }

    fn index(&self, name: &str) -> Option<usize> {
        self.services.iter().position(|s| s.name == name)
    }
}
