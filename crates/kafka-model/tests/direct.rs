//! The shop without Kafka (primer scene 2): services calling each other directly, and the
//! failure of one travelling back to the customer.

use kafka_model::direct::{
    DirectHappening, DirectKind, DirectSim, FailReason, CALLER_QUEUE, CALLER_WORKERS,
    CALL_TIMEOUT_MS, MAX_ADVANCE_MS,
};
use kafka_model::presets::{shop_without_kafka, INVENTORY, NOTIFICATION, ORDERS, PAYMENTS};
use kafka_model::ModelError;
use proptest::prelude::*;

/// Runs `ms` in steps of 100 ms (as the UI would), collecting the happenings.
fn run(sim: &mut DirectSim, ms: u64, log: &mut Vec<DirectHappening>) {
    for _ in 0..ms / 100 {
        log.extend(sim.advance(100));
    }
}

/// Every service's counts stay within its limits, and every order placed is accounted for.
fn check_invariants(sim: &DirectSim) {
    for s in sim.services() {
        assert!(s.busy() <= s.workers() as usize, "{s:?}");
        assert!(s.queued() <= s.queue_capacity() as usize, "{s:?}");
        if s.up() {
            assert_eq!(s.hanging(), 0, "{s:?}");
        } else if s.name() != ORDERS {
            assert_eq!((s.busy(), s.queued()), (0, 0), "{s:?}");
        }
    }
    let o = sim.orders();
    assert_eq!(
        o.placed,
        o.completed + o.failed + o.rejected + o.waiting,
        "{o:?}"
    );
    let orders = sim.service(ORDERS).unwrap();
    assert_eq!(orders.completed(), o.completed);
    assert_eq!(orders.failed(), o.failed + o.rejected);
}

fn count(log: &[DirectHappening], pred: impl Fn(&DirectKind) -> bool) -> usize {
    log.iter().filter(|h| pred(&h.kind)).count()
}

#[test]
fn with_everything_up_every_order_completes_after_inventory_then_payments_then_notification() {
    let mut sim = shop_without_kafka(7);
    let mut log = Vec::new();
    let mut ids = Vec::new();
    for _ in 0..6 {
        ids.push(sim.place_order().unwrap());
        log.extend(sim.take_happenings());
        run(&mut sim, 300, &mut log);
    }
    run(&mut sim, 10_000, &mut log);
    check_invariants(&sim);
    let o = sim.orders();
    assert_eq!(
        (o.placed, o.completed, o.failed, o.rejected, o.waiting),
        (6, 6, 0, 0, 0)
    );

    for order in ids {
        let mine: Vec<&DirectHappening> = log
            .iter()
            .filter(|h| match &h.kind {
                DirectKind::OrderPlaced { order: o }
                | DirectKind::CallSent { order: o, .. }
                | DirectKind::Responded { order: o, .. }
                | DirectKind::OrderCompleted { order: o } => *o == order,
                _ => false,
            })
            .collect();
        // Placed, then for each service a call and its answer, then completed.
        let shape: Vec<String> = mine
            .iter()
            .map(|h| match &h.kind {
                DirectKind::OrderPlaced { .. } => "placed".to_string(),
                DirectKind::CallSent { from, to, .. } => format!("{from}->{to}"),
                DirectKind::Responded { from, to, ok, .. } => format!("{from}->{to}:{ok}"),
                DirectKind::OrderCompleted { .. } => "completed".to_string(),
                _ => unreachable!(),
            })
            .collect();
        assert_eq!(
            shape,
            [
                "placed",
                "orders->inventory",
                "inventory->orders:true",
                "orders->payments",
                "payments->orders:true",
                "orders->notification",
                "notification->orders:true",
                "completed"
            ],
            "order {order}"
        );
        // Causally ordered: each step starts no earlier than the previous one ended, and
        // a service answers only after the call reached it and it did some work.
        for pair in mine.windows(2) {
            assert!(
                pair[1].start >= pair[0].end,
                "{:?} then {:?}",
                pair[0],
                pair[1]
            );
        }
        for pair in mine[1..7].chunks(2) {
            assert!(pair[1].start >= pair[0].end + 200, "{pair:?}");
        }
    }
}

/// 4 orders a second, healthy for 30 s: Orders keeps up, nothing fails.
#[test]
fn everything_up_copes_with_four_orders_a_second() {
    for seed in [11, 12, 13, 14] {
        everything_up_copes(seed);
    }
}

fn everything_up_copes(seed: u64) {
    let mut sim = shop_without_kafka(seed);
    let mut log = Vec::new();
    sim.set_auto_orders(Some(4.0)).unwrap();
    run(&mut sim, 30_000, &mut log);
    check_invariants(&sim);
    let o = sim.orders().clone();
    assert!(o.placed >= 115, "{o:?}");
    assert_eq!((o.failed, o.rejected), (0, 0), "{o:?}");
    assert!(o.completed >= o.placed - 20, "{o:?}");
    assert!(sim.service(ORDERS).unwrap().queued() < CALLER_QUEUE as usize);
}

#[test]
fn payments_down_stalls_orders_and_the_failure_reaches_the_customer_then_drains_when_back() {
    for seed in [3, 4, 5, 6] {
        payments_down(seed);
    }
}

fn payments_down(seed: u64) {
    let mut sim = shop_without_kafka(seed);
    let mut log = Vec::new();
    sim.set_auto_orders(Some(4.0)).unwrap();
    run(&mut sim, 10_000, &mut log);
    let healthy = sim.orders().clone();
    assert!(
        healthy.completed > 20 && healthy.rejected == 0,
        "{healthy:?}"
    );

    sim.set_up(PAYMENTS, false).unwrap();
    assert!(!sim.service(PAYMENTS).unwrap().up());
    let inventory_before = sim.service(INVENTORY).unwrap().received();
    // Orders that had already passed Payments may still finish.
    run(&mut sim, 3_000, &mut log);
    let completed_after_grace = sim.orders().completed;
    let notification_before = sim.service(NOTIFICATION).unwrap().received();
    run(&mut sim, 17_000, &mut log);
    check_invariants(&sim);

    let o = sim.orders().clone();
    assert_eq!(
        o.completed, completed_after_grace,
        "completed must stop growing: {o:?}"
    );
    assert!(o.failed > 10, "{o:?}");
    assert!(o.rejected > 0, "Orders must turn customers away: {o:?}");
    // Orders' workers are all stuck waiting on Payments, and orders queue behind them.
    let orders = sim.service(ORDERS).unwrap();
    assert_eq!(orders.busy(), CALLER_WORKERS as usize, "{orders:?}");
    assert!(orders.queued() > 0, "{orders:?}");
    // The calls pile up at Payments as connections it will never answer.
    assert!(sim.service(PAYMENTS).unwrap().hanging() > 0);
    assert!(sim.service(PAYMENTS).unwrap().failed() > 10);
    // Inventory is fine and still gets called; Notification is never reached.
    assert!(sim.service(INVENTORY).unwrap().received() > inventory_before + 10);
    assert_eq!(
        sim.service(NOTIFICATION).unwrap().received(),
        notification_before
    );
    // The failures are Orders giving up on Payments after the timeout.
    assert!(log.iter().any(|h| matches!(
        &h.kind,
        DirectKind::OrderFailed { service, reason: FailReason::TimedOut, .. } if service == PAYMENTS
    )));
    let timeouts: Vec<&DirectHappening> = log
        .iter()
        .filter(|h| matches!(&h.kind, DirectKind::CallTimedOut { to, .. } if to == PAYMENTS))
        .collect();
    assert!(timeouts.len() > 10);
    for t in &timeouts {
        let DirectKind::CallTimedOut { call, .. } = &t.kind else {
            unreachable!()
        };
        let sent = log
            .iter()
            .find(|h| matches!(&h.kind, DirectKind::CallSent { call: c, .. } if c == call))
            .unwrap();
        assert_eq!(t.start, sent.start + CALL_TIMEOUT_MS);
    }
    assert!(count(&log, |k| matches!(k, DirectKind::OrderRejected { .. })) > 0);

    // Payments comes back: new orders complete again and the pile drains.
    sim.set_up(PAYMENTS, true).unwrap();
    run(&mut sim, 15_000, &mut log);
    let recovering = sim.orders().clone();
    assert!(recovering.completed > o.completed + 20, "{recovering:?}");
    run(&mut sim, 15_000, &mut log);
    check_invariants(&sim);
    let recovered = sim.orders().clone();
    assert!(
        recovered.completed >= recovering.completed + 50,
        "{recovered:?}"
    );
    assert_eq!(recovered.rejected, recovering.rejected, "{recovered:?}");
    assert_eq!(recovered.failed, recovering.failed, "{recovered:?}");
    assert_eq!(sim.service(PAYMENTS).unwrap().hanging(), 0);
}

#[test]
fn a_down_service_never_answers_a_call_and_the_order_times_out() {
    let mut sim = shop_without_kafka(5);
    sim.set_up(INVENTORY, false).unwrap();
    let order = sim.place_order().unwrap();
    let mut log = sim.take_happenings();
    run(&mut sim, 2_000, &mut log);
    assert_eq!(sim.service(INVENTORY).unwrap().hanging(), 1);
    assert_eq!(sim.service(ORDERS).unwrap().busy(), 1);
    assert_eq!(
        count(&log, |k| matches!(k, DirectKind::Responded { .. })),
        0
    );
    run(&mut sim, 5_000, &mut log);
    assert_eq!(sim.orders().failed, 1);
    assert_eq!(sim.service(INVENTORY).unwrap().hanging(), 0);
    assert_eq!(sim.service(ORDERS).unwrap().busy(), 0);
    assert!(log.iter().any(|h| h.kind
        == DirectKind::OrderFailed {
            order,
            service: INVENTORY.to_string(),
            reason: FailReason::TimedOut
        }));
    assert_eq!(
        count(
            &log,
            |k| matches!(k, DirectKind::ServiceDown { service } if service == INVENTORY)
        ),
        1
    );
    check_invariants(&sim);
}

#[test]
fn a_full_service_answers_with_an_error_at_once() {
    let mut sim = shop_without_kafka(9);
    let mut log = Vec::new();
    // A burst far beyond Inventory's 2 workers + 4 queued.
    for _ in 0..12 {
        sim.place_order().unwrap();
    }
    log.extend(sim.take_happenings());
    run(&mut sim, 10_000, &mut log);
    check_invariants(&sim);
    assert!(log.iter().any(|h| matches!(
        &h.kind,
        DirectKind::Responded { from, ok: false, .. } if from == INVENTORY
    )));
    assert!(log.iter().any(|h| matches!(
        &h.kind,
        DirectKind::OrderFailed { service, reason: FailReason::Busy, .. } if service == INVENTORY
    )));
    let o = sim.orders();
    assert_eq!(o.placed, o.completed + o.failed);
    assert!(o.completed >= 6, "{o:?}");
}

#[test]
fn orders_down_loses_its_orders_and_takes_no_new_ones() {
    let mut sim = shop_without_kafka(2);
    let mut log = Vec::new();
    for _ in 0..3 {
        sim.place_order().unwrap();
    }
    run(&mut sim, 1_000, &mut log);
    assert_eq!(sim.service(ORDERS).unwrap().busy(), 3);
    sim.set_up(ORDERS, false).unwrap();
    assert_eq!(sim.orders().failed, 3);
    sim.place_order().unwrap();
    run(&mut sim, 10_000, &mut log);
    check_invariants(&sim);
    let o = sim.orders();
    assert_eq!((o.failed, o.completed, o.waiting), (4, 0, 0));
    sim.set_up(ORDERS, true).unwrap();
    sim.place_order().unwrap();
    run(&mut sim, 10_000, &mut log);
    assert_eq!(sim.orders().completed, 1);
    check_invariants(&sim);
}

fn scripted(seed: u64) -> (DirectSim, Vec<DirectHappening>) {
    let mut sim = shop_without_kafka(seed);
    let mut log = Vec::new();
    sim.set_auto_orders(Some(5.0)).unwrap();
    run(&mut sim, 4_000, &mut log);
    sim.place_order().unwrap();
    sim.set_up(PAYMENTS, false).unwrap();
    run(&mut sim, 6_000, &mut log);
    sim.set_up(PAYMENTS, true).unwrap();
    sim.set_auto_orders(Some(2.5)).unwrap();
    run(&mut sim, 5_000, &mut log);
    log.extend(sim.advance(1_234));
    (sim, log)
}

#[test]
fn same_seed_and_commands_give_the_same_history_and_a_clone_is_a_checkpoint() {
    let (a, log_a) = scripted(42);
    let (b, log_b) = scripted(42);
    assert_eq!(log_a, log_b);
    assert_eq!(a, b);
    let (_, other) = scripted(43);
    assert_ne!(log_a, other, "the seed drives the jitter");

    // A clone goes on exactly as the original would.
    let mut original = a.clone();
    let mut checkpoint = a;
    original.set_up(NOTIFICATION, false).unwrap();
    checkpoint.set_up(NOTIFICATION, false).unwrap();
    assert_eq!(original.advance(5_000), checkpoint.advance(5_000));
    assert_eq!(original, checkpoint);

    // And survives a JSON round trip.
    let json = serde_json::to_string(&original).unwrap();
    let back: DirectSim = serde_json::from_str(&json).unwrap();
    assert_eq!(back, original);
}

#[test]
fn bad_input_is_refused_and_changes_nothing() {
    let (mut sim, _) = scripted(1);
    sim.take_happenings();
    let before = sim.clone();
    let err = sim.set_up("shipping", false).unwrap_err();
    assert_eq!(
        err,
        ModelError::UnknownService {
            service: "shipping".into()
        }
    );
    assert_eq!(err.code(), "unknown_service");
    assert!(sim.set_up("", true).is_err());
    assert!(sim.set_up("Payments", true).is_err(), "names are exact");
    for rate in [0.0, -1.0, 20.5, f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
        let err = sim.set_auto_orders(Some(rate)).unwrap_err();
        assert_eq!(err.code(), "invalid_config", "{rate}");
    }
    assert_eq!(sim, before);
    // Setting the state a service already has is accepted and does nothing.
    sim.set_up(PAYMENTS, true).unwrap();
    assert_eq!(sim, before);
    assert!(sim.take_happenings().is_empty());
    // The limits themselves are fine.
    sim.set_auto_orders(Some(20.0)).unwrap();
    sim.set_auto_orders(Some(0.1)).unwrap();
    sim.set_auto_orders(None).unwrap();
}

#[test]
fn recent_keeps_only_what_a_view_still_draws() {
    let mut sim = shop_without_kafka(4);
    sim.set_auto_orders(Some(10.0)).unwrap();
    for _ in 0..600 {
        sim.advance(100);
        let now = sim.now();
        assert!(sim
            .recent()
            .iter()
            .all(|h| h.end + kafka_model::direct::RECENT_MS > now));
        assert!(sim.recent().len() < 400, "{}", sim.recent().len());
    }
    assert!(
        sim.recent().iter().any(|h| h.end > sim.now()),
        "dots in flight"
    );
}

#[test]
fn a_huge_step_is_capped_and_does_not_panic() {
    let mut sim = shop_without_kafka(0);
    sim.set_auto_orders(Some(20.0)).unwrap();
    sim.advance(2_000);
    sim.advance(u64::MAX);
    assert_eq!(sim.now(), 2_000 + MAX_ADVANCE_MS);
    sim.place_order().unwrap();
    sim.set_up(PAYMENTS, false).unwrap();
    sim.set_auto_orders(None).unwrap();
    sim.advance(u64::MAX);
    assert_eq!(sim.now(), 2_000 + 2 * MAX_ADVANCE_MS);
    check_invariants(&sim);
}

#[derive(Clone, Debug)]
enum Op {
    Order,
    Auto(Option<f64>),
    Toggle(usize, bool),
    Advance(u64),
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        3 => Just(Op::Order),
        1 => prop_oneof![Just(None), (-5.0f64..30.0).prop_map(Some)].prop_map(Op::Auto),
        2 => (0usize..5, any::<bool>()).prop_map(|(s, u)| Op::Toggle(s, u)),
        4 => (0u64..3_000).prop_map(Op::Advance),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]
    /// Any sequence of commands: no panic, limits respected, every order accounted for, and
    /// a refused command leaves the model as it was.
    #[test]
    fn any_commands_keep_the_books_straight(ops in prop::collection::vec(op(), 1..60)) {
        let names = [ORDERS, INVENTORY, PAYMENTS, NOTIFICATION, "nope"];
        let mut sim = shop_without_kafka(99);
        for op in ops {
            let before = sim.clone();
            let refused = match op {
                Op::Order => sim.place_order().is_err(),
                Op::Auto(r) => sim.set_auto_orders(r).is_err(),
                Op::Toggle(s, up) => sim.set_up(names[s], up).is_err(),
                Op::Advance(dt) => { sim.advance(dt); false }
            };
            if refused {
                prop_assert_eq!(&sim, &before);
            }
            check_invariants(&sim);
        }
        sim.set_auto_orders(None).unwrap();
        for name in names.iter().take(4) {
            sim.set_up(name, true).unwrap();
        }
        sim.advance(20_000);
        check_invariants(&sim);
        prop_assert_eq!(sim.orders().waiting, 0);
        for s in sim.services() {
            prop_assert_eq!((s.busy(), s.queued(), s.hanging()), (0, 0, 0));
        }
    }
}
