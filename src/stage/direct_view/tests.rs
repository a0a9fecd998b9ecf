use super::*;
use kafka_model::direct::FailReason;
use kafka_model::presets::{shop_without_kafka, INVENTORY, PAYMENTS};

fn h(id: u64, start: Ms, end: Ms, kind: DirectKind) -> DirectHappening {
    DirectHappening {
        id,
        start,
        end,
        kind,
    }
}

fn call(id: u64, start: Ms, end: Ms, to: &str) -> DirectHappening {
    h(
        id,
        start,
        end,
        DirectKind::CallSent {
            order: 1,
            call: id,
            from: ORDERS.into(),
            to: to.into(),
        },
    )
}

#[test]
fn a_flight_is_drawn_from_its_start_until_just_before_it_lands() {
    let hs = [call(1, 1_000, 1_400, PAYMENTS)];
    assert!(in_flight(&hs, 999).is_empty());
    let at_start = in_flight(&hs, 1_000);
    assert_eq!(
        at_start,
        vec![InFlight {
            id: 1,
            kind: DotKind::Call,
            service: Some(PAYMENTS.into()),
            t: 0.0
        }]
    );
    assert_eq!(in_flight(&hs, 1_100)[0].t, 0.25);
    assert_eq!(in_flight(&hs, 1_399).len(), 1);
    assert!(in_flight(&hs, 1_400).is_empty(), "landed");
}

#[test]
fn answers_carry_the_service_they_come_from_and_errors_look_different() {
    let answer = |id, ok| {
        h(
            id,
            0,
            300,
            DirectKind::Responded {
                order: 1,
                call: id,
                from: INVENTORY.into(),
                to: ORDERS.into(),
                ok,
            },
        )
    };
    let dots = in_flight(&[answer(2, false), answer(1, true)], 150);
    let kinds: Vec<(u64, DotKind, Option<String>)> = dots
        .iter()
        .map(|d| (d.id, d.kind, d.service.clone()))
        .collect();
    assert_eq!(
        kinds,
        vec![
            (1, DotKind::Answer, Some(INVENTORY.into())),
            (2, DotKind::ErrorAnswer, Some(INVENTORY.into())),
        ],
        "sorted by happening id"
    );
}

#[test]
fn instant_happenings_flash_for_a_while_and_service_changes_draw_no_dot() {
    let hs = [
        h(
            1,
            500,
            500,
            DirectKind::CallTimedOut {
                order: 3,
                call: 9,
                from: ORDERS.into(),
                to: PAYMENTS.into(),
            },
        ),
        h(2, 500, 500, DirectKind::OrderRejected { order: 4 }),
        h(3, 500, 500, DirectKind::OrderCompleted { order: 5 }),
        h(
            4,
            500,
            500,
            DirectKind::OrderFailed {
                order: 3,
                service: PAYMENTS.into(),
                reason: FailReason::TimedOut,
            },
        ),
        h(
            5,
            500,
            500,
            DirectKind::ServiceDown {
                service: PAYMENTS.into(),
            },
        ),
    ];
    let kinds: Vec<DotKind> = in_flight(&hs, 500).iter().map(|d| d.kind).collect();
    assert_eq!(
        kinds,
        [
            DotKind::TimedOut,
            DotKind::Rejected,
            DotKind::Completed,
            DotKind::Failed
        ]
    );
    assert!(kinds.iter().all(|k| k.is_flash()));
    assert_eq!(in_flight(&hs, 500 + FLASH_MS / 2)[0].t, 0.5);
    assert_eq!(in_flight(&hs, 500 + FLASH_MS - 1).len(), 4);
    assert!(in_flight(&hs, 500 + FLASH_MS).is_empty());
}

#[test]
fn dots_travel_between_the_right_boxes() {
    let d = |kind, service: Option<&str>| InFlight {
        id: 0,
        kind,
        service: service.map(str::to_string),
        t: 0.0,
    };
    let out = d(DotKind::Call, Some(PAYMENTS));
    let back = d(DotKind::Answer, Some(PAYMENTS));
    let start = dot_point(&out, 0.0).unwrap();
    let end = dot_point(&out, 1.0).unwrap();
    assert_eq!(start.x, ORDERS_X + BOX_W, "calls leave Orders' right edge");
    assert_eq!(end.x, SERVICE_X, "and land on the service's left edge");
    assert_eq!(start.y, end.y);
    assert_eq!(dot_point(&back, 0.0).unwrap().x, SERVICE_X);
    assert_eq!(dot_point(&back, 1.0).unwrap().x, ORDERS_X + BOX_W);
    assert!(
        dot_point(&back, 0.5).unwrap().y > dot_point(&out, 0.5).unwrap().y,
        "answers use the lower lane"
    );
    // Each service has its own line, top to bottom in calling order.
    let ys: Vec<f64> = CALL_ORDER
        .iter()
        .map(|s| dot_point(&d(DotKind::Call, Some(s)), 0.5).unwrap().y)
        .collect();
    assert!(ys.windows(2).all(|w| w[0] < w[1]), "{ys:?}");
    assert!(dot_point(&d(DotKind::Call, Some("shipping")), 0.5).is_none());
    let order = dot_point(&d(DotKind::Order, None), 1.0).unwrap();
    assert_eq!(order.x, ORDERS_X);
    // Everything stays inside the drawing.
    for kind in [
        DotKind::Order,
        DotKind::Call,
        DotKind::Answer,
        DotKind::ErrorAnswer,
        DotKind::TimedOut,
        DotKind::Rejected,
        DotKind::Completed,
        DotKind::Failed,
    ] {
        for s in CALL_ORDER {
            for t in [0.0, 0.5, 1.0] {
                let p = dot_point(&d(kind, Some(s)), t).unwrap();
                assert!((0.0..=WIDTH).contains(&p.x) && (0.0..=HEIGHT).contains(&p.y));
            }
        }
    }
}

#[test]
fn reduced_motion_jumps_instead_of_gliding() {
    assert_eq!(shown(0.2, true), 0.0);
    assert_eq!(shown(0.7, true), 1.0);
    assert_eq!(shown(0.0, false), 0.0);
    assert_eq!(shown(1.0, false), 1.0);
    assert!((shown(0.5, false) - 0.5).abs() < 1e-9);
    assert_eq!(shown(7.0, false), 1.0, "clamped");
}

#[test]
fn a_running_shop_gives_dots_only_for_what_is_under_way() {
    let mut sim = shop_without_kafka(5);
    sim.set_auto_orders(Some(4.0)).unwrap();
    sim.advance(6_000);
    sim.set_up(PAYMENTS, false).unwrap();
    let down_at = sim.now();
    let mut saw_timeout = false;
    for _ in 0..100 {
        sim.advance(100);
        let now = sim.now();
        let dots = in_flight(sim.recent(), now);
        assert!(dots.iter().all(|d| (0.0..1.0).contains(&d.t)));
        assert!(dots.iter().all(|d| dot_point(d, d.t).is_some()));
        // Every call under way is drawn.
        let calls = sim
            .recent()
            .iter()
            .filter(|h| matches!(h.kind, DirectKind::CallSent { .. }))
            .filter(|h| h.start <= now && now < h.end)
            .count();
        assert_eq!(
            dots.iter().filter(|d| d.kind == DotKind::Call).count(),
            calls
        );
        // Once the answers it sent before going down have landed, Payments sends none.
        if now > down_at + 1_000 {
            assert!(!dots
                .iter()
                .any(|d| d.kind == DotKind::Answer && d.service.as_deref() == Some(PAYMENTS)));
        }
        saw_timeout |= dots
            .iter()
            .any(|d| d.kind == DotKind::TimedOut && d.service.as_deref() == Some(PAYMENTS));
    }
    assert!(saw_timeout, "Orders giving up on Payments is shown");
}

#[test]
fn every_text_exists_in_both_languages_and_vietnamese_is_vietnamese() {
    for text in words::ALL {
        let (vi, en) = (text.get(Lang::Vi), text.get(Lang::En));
        assert!(!vi.is_empty() && !en.is_empty(), "{text:?}");
        assert_ne!(vi, en, "{text:?}");
    }
    assert_eq!(words::DOWN.get(Lang::Vi), "✕ ngừng");
    assert_eq!(words::DOWN.get(Lang::En), "✕ down");
    // Service names stay in English in both.
    for lang in Lang::ALL {
        let title = words::TITLE.get(lang);
        for s in ["Orders", "Inventory", "Payments", "Notification", "Kafka"] {
            assert!(title.contains(s), "{lang:?}: {title}");
        }
    }
}

#[test]
fn the_summary_names_the_counts_and_what_is_down() {
    let mut sim = shop_without_kafka(1);
    sim.set_up(PAYMENTS, false).unwrap();
    let text = summary(&sim, Lang::En);
    assert!(text.contains("Payments ✕ down"), "{text}");
    assert!(text.contains("0 completed"), "{text}");
    let text = summary(&sim, Lang::Vi);
    assert!(text.contains("Payments ✕ ngừng"), "{text}");
    assert_eq!(display_name("notification"), "Notification");
    assert_eq!(display_name(""), "");
}
