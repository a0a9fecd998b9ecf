//! The shop without Kafka's event loop: orders arrive, calls travel, workers finish, answers
//! come back or time out. Everything here runs from [`DirectSim::advance`]; the rules and
//! their numbers are in the module documentation of [`super`].

use super::{
    DirectHappening, DirectKind, DirectSim, FailReason, CALL_TIMEOUT_MS, FLIGHT_MS, WORK_MS,
};
use crate::schedule::Ms;
use serde::{Deserialize, Serialize};

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum CallState {
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
pub(super) struct Call {
    pub(super) order: u64,
    /// Index of the called service.
    pub(super) to: usize,
    pub(super) state: CallState,
}

/// An order a worker of Orders is on: which of the three calls it is at.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) struct OpenOrder {
    pub(super) step: usize,
    pub(super) call: Option<u64>,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub(super) enum Event {
    OrderArrives { order: u64 },
    CallArrives { call: u64 },
    WorkDone { service: usize, call: u64 },
    AnswerArrives { call: u64, ok: bool },
    CallTimeout { call: u64 },
    AutoOrder { generation: u64 },
}

/// Index of the caller (Orders) in `services`; the services it calls follow, in the order
/// it calls them.
pub(super) const CALLER: usize = 0;

impl DirectSim {
    // --- happenings

    pub(super) fn emit(&mut self, start: Ms, end: Ms, kind: DirectKind) {
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

    pub(super) fn emit_now(&mut self, kind: DirectKind) {
        self.emit(self.now, self.now, kind);
    }

    pub(super) fn draw(&mut self, (lo, hi): (Ms, Ms)) -> Ms {
        lo + self.rng.below(hi - lo + 1)
    }

    // --- the event loop

    pub(super) fn handle(&mut self, event: Event) {
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

    pub(super) fn new_order(&mut self) -> u64 {
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
    pub(super) fn order_arrives(&mut self, order: u64) {
        let svc = &mut self.services[CALLER];
        svc.received += 1;
        if !svc.up {
            svc.failed += 1;
            self.orders.failed += 1;
            self.orders.waiting = self.orders.waiting.saturating_sub(1);
            self.emit_now(DirectKind::OrderFailed {
                order,
                service: self.services[CALLER].name.clone(),
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

    pub(super) fn start_order(&mut self, order: u64) {
        self.services[CALLER].in_hand.push(order);
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
    pub(super) fn send_call(&mut self, order: u64) {
        let Some(step) = self.open.get(&order).map(|o| o.step) else {
            return;
        };
        let to = 1 + step.min(self.callees().saturating_sub(1));
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
                from: self.services[CALLER].name.clone(),
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
    pub(super) fn call_arrives(&mut self, call: u64) {
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

    pub(super) fn start_work(&mut self, service: usize, call: u64) {
        self.services[service].in_hand.push(call);
        if let Some(c) = self.calls.get_mut(&call) {
            c.state = CallState::InHand;
        }
        let done = self.now.saturating_add(self.draw(WORK_MS));
        self.schedule.push(done, Event::WorkDone { service, call });
    }

    pub(super) fn work_done(&mut self, service: usize, call: u64) {
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

    pub(super) fn answer(&mut self, call: u64, ok: bool) {
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
                to: self.services[CALLER].name.clone(),
                ok,
            },
        );
        self.schedule
            .push(arrive, Event::AnswerArrives { call, ok });
    }

    /// The answer is back in time: on to the next call, or the order is complete; an error
    /// answer fails the order.
    pub(super) fn answer_arrives(&mut self, call: u64, ok: bool) {
        let Some(c) = self.calls.remove(&call) else {
            return; // too late: the caller gave up already
        };
        let callees = self.callees();
        let Some(open) = self.open.get_mut(&c.order) else {
            return;
        };
        open.call = None;
        if !ok {
            self.fail_order(c.order, c.to, FailReason::Busy);
            return;
        }
        open.step += 1;
        if open.step >= callees {
            self.complete_order(c.order);
        } else {
            self.send_call(c.order);
        }
    }

    /// Orders stops waiting: the call is abandoned and the order fails.
    pub(super) fn call_timeout(&mut self, call: u64) {
        let Some(c) = self.calls.get(&call) else {
            return; // answered in time
        };
        let (order, to) = (c.order, c.to);
        self.emit_now(DirectKind::CallTimedOut {
            order,
            call,
            from: self.services[CALLER].name.clone(),
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
    pub(super) fn abandon_call(&mut self, call: u64, blame: bool) {
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

    pub(super) fn complete_order(&mut self, order: u64) {
        self.close_order(order);
        self.services[CALLER].completed += 1;
        self.orders.completed += 1;
        self.emit_now(DirectKind::OrderCompleted { order });
        self.next_order_from_queue();
    }

    pub(super) fn fail_order(&mut self, order: u64, because: usize, reason: FailReason) {
        self.close_order(order);
        self.services[CALLER].failed += 1;
        self.orders.failed += 1;
        self.emit_now(DirectKind::OrderFailed {
            order,
            service: self.services[because].name.clone(),
            reason,
        });
        self.next_order_from_queue();
    }

    /// The order leaves its worker (and any call still open for it is abandoned).
    pub(super) fn close_order(&mut self, order: u64) {
        if let Some(open) = self.open.remove(&order) {
            if let Some(call) = open.call {
                self.abandon_call(call, false);
            }
        }
        self.services[CALLER].in_hand.retain(|o| *o != order);
        self.services[CALLER].waiting.retain(|o| *o != order);
        self.orders.waiting = self.orders.waiting.saturating_sub(1);
    }

    pub(super) fn next_order_from_queue(&mut self) {
        while self.services[CALLER].up && self.services[CALLER].has_free_worker() {
            let Some(next) = self.services[CALLER].waiting.pop_front() else {
                break;
            };
            self.start_order(next);
        }
    }
}

/// Time between two automatic orders, at least 1 ms.
pub(super) fn auto_interval(per_sec: f64) -> Ms {
    ((1000.0 / per_sec).round() as Ms).max(1)
}
