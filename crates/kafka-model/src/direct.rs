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
//! one seed plus one list of commands gives the same history every time (all randomness
//! comes from [`SimRng`], all collections are ordered). Cloning a [`DirectSim`] is a
//! checkpoint. Like the cluster it reports [`DirectHappening`]s with a start and an end: a
//! message in flight has `start` = send time and `end` = arrival time; instant happenings
//! have `start == end`.
//!
//! ## The rules, with their numbers
//! - Every one-way network hop (customer → Orders, a call, its answer) takes
//!   [`FLIGHT_MS`] (250–400 ms, seeded jitter), and handling a request at Inventory,
//!   Payments or Notification takes [`WORK_MS`] (200–400 ms). So a healthy call costs about
//!   1 s and a healthy order about 3 s.
//! - Orders has [`ORDERS_WORKERS`] (16) workers and a queue of [`ORDERS_QUEUE`] (8) orders;
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

use crate::collections::SortedMap;
use crate::error::ModelError;
use crate::rng::SimRng;
use crate::schedule::{Ms, Schedule};
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// The caller: takes customers' orders and calls the others.
pub const ORDERS: &str = "orders";
pub const INVENTORY: &str = "inventory";
pub const PAYMENTS: &str = "payments";
pub const NOTIFICATION: &str = "notification";
/// The services Orders calls for each order, in the order it calls them.
pub const CALL_ORDER: [&str; 3] = [INVENTORY, PAYMENTS, NOTIFICATION];

/// One-way network hop, inclusive range in ms. Long enough to watch a dot travel.
pub const FLIGHT_MS: (Ms, Ms) = (250, 400);
/// Time a called service spends handling one request, inclusive range in ms.
pub const WORK_MS: (Ms, Ms) = (200, 400);
/// How long Orders waits for an answer before it gives up on a call (and so on the order).
/// Real timeouts are long next to a healthy call (here 5 s against about 1 s), which is
/// exactly why a dead dependency is so costly: each call to it waits the whole timeout.
pub const CALL_TIMEOUT_MS: Ms = 5_000;
/// Orders handled at once: one worker per order for the order's whole life.
pub const ORDERS_WORKERS: u32 = 16;
/// Orders waiting for a free worker; beyond this an arriving order is rejected.
pub const ORDERS_QUEUE: u32 = 8;
/// Requests Inventory, Payments and Notification each handle at once.
pub const SERVICE_WORKERS: u32 = 2;
/// Requests each of them keeps waiting; beyond this it answers with an error at once.
pub const SERVICE_QUEUE: u32 = 4;
/// The highest rate of automatic orders, per second.
pub const MAX_AUTO_PER_SEC: f64 = 20.0;
/// The most one [`DirectSim::advance`] moves the clock: ten simulated minutes.
pub const MAX_ADVANCE_MS: Ms = 600_000;
/// How long a happening stays in [`DirectSim::recent`] after it ended, so a view can show
/// a short flash for instant happenings (a timeout, a rejection) without keeping history.
pub const RECENT_MS: Ms = 1_000;

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

/// One service as it stands. Request ids are order ids for Orders, call ids elsewhere.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct DirectService {
    name: String,
    up: bool,
    workers: u32,
    queue_capacity: u32,
    /// Requests a worker is on now. A call whose caller already gave up stays here until
    /// the worker finishes it: the service cannot know nobody is waiting any more, so that
    /// work is wasted — one more cost of timeouts.
    in_hand: Vec<u64>,
    /// Requests waiting for a free worker, first come first served.
    waiting: VecDeque<u64>,
    /// Down only: connections it accepted and will never answer.
    hanging: Vec<u64>,
    received: u64,
    completed: u64,
    failed: u64,
}

impl DirectService {
    fn new(name: &str, workers: u32, queue_capacity: u32) -> Self {
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

    fn has_free_worker(&self) -> bool {
        self.in_hand.len() < self.workers as usize
    }

    fn has_queue_room(&self) -> bool {
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

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum CallState {
    /// Travelling to the service.
    Going,
    Queued,
    InHand,
    /// At a down service, which will never answer.
    Hanging,
    /// Swallowed by a service that has since restarted; still never answered.
    Lost,
    /// The answer is travelling back.
    Returning,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct Call {
    order: u64,
    /// Index of the called service.
    to: usize,
    state: CallState,
}

/// An order a worker of Orders is on: which of the three calls it is at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
struct OpenOrder {
    step: usize,
    call: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
enum Event {
    OrderArrives { order: u64 },
    CallArrives { call: u64 },
    WorkDone { service: usize, call: u64 },
    AnswerArrives { call: u64, ok: bool },
    CallTimeout { call: u64 },
    AutoOrder { generation: u64 },
}

/// Index of Orders in `services`; the called services follow in [`CALL_ORDER`].
const ORDERS_IX: usize = 0;

/// The shop without Kafka. See the module documentation for the rules.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DirectSim {
    now: Ms,
    rng: SimRng,
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
    /// The primer's shop: Orders (the caller), Inventory, Payments and Notification, all up.
    pub fn primer(seed: u64) -> Self {
        let mut services = vec![DirectService::new(ORDERS, ORDERS_WORKERS, ORDERS_QUEUE)];
        services.extend(
            CALL_ORDER
                .iter()
                .map(|name| DirectService::new(name, SERVICE_WORKERS, SERVICE_QUEUE)),
        );
        Self {
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
        }
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
                    format!("must be above 0 and at most {MAX_AUTO_PER_SEC}"),
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
        if ix == ORDERS_IX {
            let svc = &mut self.services[ix];
            let mut lost: Vec<u64> = std::mem::take(&mut svc.in_hand);
            lost.extend(std::mem::take(&mut svc.waiting));
            for order in lost {
                self.fail_order(order, ORDERS_IX, FailReason::Down);
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

    fn index(&self, name: &str) -> Option<usize> {
        self.services.iter().position(|s| s.name == name)
    }

    // --- happenings

    fn emit(&mut self, start: Ms, end: Ms, kind: DirectKind) {
        let h = DirectHappening {
            id: self.next_happening,
            start,
            end,
            kind,
        };
        self.next_happening += 1;
        self.recent.push(h.clone());
        self.pending.push(h);
    }

    fn emit_now(&mut self, kind: DirectKind) {
        self.emit(self.now, self.now, kind);
    }

    fn draw(&mut self, (lo, hi): (Ms, Ms)) -> Ms {
        lo + self.rng.below(hi - lo + 1)
    }

    // --- the event loop

    fn handle(&mut self, event: Event) {
        match event {
            Event::OrderArrives { order } => self.order_arrives(order),
            Event::CallArrives { call } => self.call_arrives(call),
            Event::WorkDone { service, call } => self.work_done(service, call),
            Event::AnswerArrives { call, ok } => self.answer_arrives(call, ok),
            Event::CallTimeout { call } => self.call_timeout(call),
            Event::AutoOrder { generation } => {
                if generation != self.auto_generation {
                    return; // the rate changed since this was scheduled
                }
                if let Some(rate) = self.auto_per_sec {
                    self.new_order();
                    // At the end of time (a saturated clock) the next one never comes.
                    let next = self.now.saturating_add(auto_interval(rate));
                    if next > self.now {
                        self.schedule.push(next, Event::AutoOrder { generation });
                    }
                }
            }
        }
    }

    fn new_order(&mut self) -> u64 {
        let order = self.next_order;
        self.next_order += 1;
        self.orders.placed += 1;
        self.orders.waiting += 1;
        let arrive = self.now.saturating_add(self.draw(FLIGHT_MS));
        self.emit(self.now, arrive, DirectKind::OrderPlaced { order });
        self.schedule.push(arrive, Event::OrderArrives { order });
        order
    }

    /// An order reaches Orders: a free worker takes it, else it queues, else — Orders is
    /// overloaded — it is rejected. A down Orders cannot take it at all.
    fn order_arrives(&mut self, order: u64) {
        let svc = &mut self.services[ORDERS_IX];
        svc.received += 1;
        if !svc.up {
            svc.failed += 1;
            self.orders.failed += 1;
            self.orders.waiting = self.orders.waiting.saturating_sub(1);
            self.emit_now(DirectKind::OrderFailed {
                order,
                service: ORDERS.to_string(),
                reason: FailReason::Down,
            });
        } else if svc.has_free_worker() {
            self.start_order(order);
        } else if svc.has_queue_room() {
            svc.waiting.push_back(order);
        } else {
            svc.failed += 1;
            self.orders.rejected += 1;
            self.orders.waiting = self.orders.waiting.saturating_sub(1);
            self.emit_now(DirectKind::OrderRejected { order });
        }
    }

    fn start_order(&mut self, order: u64) {
        self.services[ORDERS_IX].in_hand.push(order);
        self.open.insert(
            order,
            OpenOrder {
                step: 0,
                call: None,
            },
        );
        self.send_call(order);
    }

    /// Orders calls the next service for the order and starts the call's timeout clock.
    fn send_call(&mut self, order: u64) {
        let Some(step) = self.open.get(&order).map(|o| o.step) else {
            return;
        };
        let to = 1 + step.min(CALL_ORDER.len() - 1);
        let call = self.next_call;
        self.next_call += 1;
        self.calls.insert(
            call,
            Call {
                order,
                to,
                state: CallState::Going,
            },
        );
        if let Some(o) = self.open.get_mut(&order) {
            o.call = Some(call);
        }
        let arrive = self.now.saturating_add(self.draw(FLIGHT_MS));
        let to_name = self.services[to].name.clone();
        self.emit(
            self.now,
            arrive,
            DirectKind::CallSent {
                order,
                call,
                from: ORDERS.to_string(),
                to: to_name,
            },
        );
        self.schedule.push(arrive, Event::CallArrives { call });
        self.schedule.push(
            self.now.saturating_add(CALL_TIMEOUT_MS),
            Event::CallTimeout { call },
        );
    }

    /// A call reaches its service: down, it hangs; a free worker takes it; else it queues;
    /// else the service is full and answers with an error straight away.
    fn call_arrives(&mut self, call: u64) {
        let Some(to) = self.calls.get(&call).map(|c| c.to) else {
            return; // the caller already gave up
        };
        let svc = &mut self.services[to];
        svc.received += 1;
        let state = if !svc.up {
            svc.hanging.push(call);
            CallState::Hanging
        } else if svc.has_free_worker() {
            self.start_work(to, call);
            return;
        } else if svc.has_queue_room() {
            svc.waiting.push_back(call);
            CallState::Queued
        } else {
            svc.failed += 1;
            self.answer(call, false);
            return;
        };
        if let Some(c) = self.calls.get_mut(&call) {
            c.state = state;
        }
    }

    fn start_work(&mut self, service: usize, call: u64) {
        self.services[service].in_hand.push(call);
        if let Some(c) = self.calls.get_mut(&call) {
            c.state = CallState::InHand;
        }
        let done = self.now.saturating_add(self.draw(WORK_MS));
        self.schedule.push(done, Event::WorkDone { service, call });
    }

    fn work_done(&mut self, service: usize, call: u64) {
        let svc = &mut self.services[service];
        let Some(pos) = svc.in_hand.iter().position(|c| *c == call) else {
            return; // the service went down meanwhile and lost it
        };
        svc.in_hand.remove(pos);
        if self.calls.contains_key(&call) {
            self.services[service].completed += 1;
            self.answer(call, true);
        }
        while self.services[service].up && self.services[service].has_free_worker() {
            let Some(next) = self.services[service].waiting.pop_front() else {
                break;
            };
            self.start_work(service, next);
        }
    }

    fn answer(&mut self, call: u64, ok: bool) {
        let Some(c) = self.calls.get_mut(&call) else {
            return;
        };
        c.state = CallState::Returning;
        let (order, to) = (c.order, c.to);
        let arrive = self.now.saturating_add(self.draw(FLIGHT_MS));
        let from = self.services[to].name.clone();
        self.emit(
            self.now,
            arrive,
            DirectKind::Responded {
                order,
                call,
                from,
                to: ORDERS.to_string(),
                ok,
            },
        );
        self.schedule
            .push(arrive, Event::AnswerArrives { call, ok });
    }

    /// The answer is back in time: on to the next call, or the order is complete; an error
    /// answer fails the order.
    fn answer_arrives(&mut self, call: u64, ok: bool) {
        let Some(c) = self.calls.remove(&call) else {
            return; // too late: the caller gave up already
        };
        let Some(open) = self.open.get_mut(&c.order) else {
            return;
        };
        open.call = None;
        if !ok {
            self.fail_order(c.order, c.to, FailReason::Busy);
            return;
        }
        open.step += 1;
        if open.step >= CALL_ORDER.len() {
            self.complete_order(c.order);
        } else {
            self.send_call(c.order);
        }
    }

    /// Orders stops waiting: the call is abandoned and the order fails.
    fn call_timeout(&mut self, call: u64) {
        let Some(c) = self.calls.get(&call) else {
            return; // answered in time
        };
        let (order, to) = (c.order, c.to);
        self.emit_now(DirectKind::CallTimedOut {
            order,
            call,
            from: ORDERS.to_string(),
            to: self.services[to].name.clone(),
        });
        self.abandon_call(call, true);
        if let Some(o) = self.open.get_mut(&order) {
            o.call = None;
        }
        self.fail_order(order, to, FailReason::TimedOut);
    }

    /// The caller hangs up: the call leaves the service's queue (or its open connections).
    /// A worker already on it carries on (see [`DirectService`]). `blame`: count it as the
    /// service's failure (a timeout), unless its answer was already on the way.
    fn abandon_call(&mut self, call: u64, blame: bool) {
        let Some(c) = self.calls.remove(&call) else {
            return;
        };
        let svc = &mut self.services[c.to];
        svc.waiting.retain(|x| *x != call);
        svc.hanging.retain(|x| *x != call);
        if blame && c.state != CallState::Returning {
            svc.failed += 1;
        }
    }

    fn complete_order(&mut self, order: u64) {
        self.close_order(order);
        self.services[ORDERS_IX].completed += 1;
        self.orders.completed += 1;
        self.emit_now(DirectKind::OrderCompleted { order });
        self.next_order_from_queue();
    }

    fn fail_order(&mut self, order: u64, because: usize, reason: FailReason) {
        self.close_order(order);
        self.services[ORDERS_IX].failed += 1;
        self.orders.failed += 1;
        self.emit_now(DirectKind::OrderFailed {
            order,
            service: self.services[because].name.clone(),
            reason,
        });
        self.next_order_from_queue();
    }

    /// The order leaves its worker (and any call still open for it is abandoned).
    fn close_order(&mut self, order: u64) {
        if let Some(open) = self.open.remove(&order) {
            if let Some(call) = open.call {
                self.abandon_call(call, false);
            }
        }
        self.services[ORDERS_IX].in_hand.retain(|o| *o != order);
        self.services[ORDERS_IX].waiting.retain(|o| *o != order);
        self.orders.waiting = self.orders.waiting.saturating_sub(1);
    }

    fn next_order_from_queue(&mut self) {
        while self.services[ORDERS_IX].up && self.services[ORDERS_IX].has_free_worker() {
            let Some(next) = self.services[ORDERS_IX].waiting.pop_front() else {
                break;
            };
            self.start_order(next);
        }
    }
}

/// Time between two automatic orders, at least 1 ms.
fn auto_interval(per_sec: f64) -> Ms {
    ((1000.0 / per_sec).round() as Ms).max(1)
}
