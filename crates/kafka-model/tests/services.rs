//! Services: the primer's shop (Inventory, Notification, Payments) as real consumers and
//! producers. A placed order sets off a chain of ordinary Kafka happenings; a stopped
//! service builds lag and, started again, handles every record it missed exactly once
//! (it commits only what it handled).
mod scenario;
use kafka_model::collections::SortedMap;
use kafka_model::presets::shop_on_kafka as primer_commands;
use kafka_model::service::NULL_TEXT;
use kafka_model::*;
use scenario::*;
use std::collections::{BTreeMap, BTreeSet};

/// The primer's shop on three brokers, a plain producer `shop` (records sent at once), and
/// the services' members settled in their groups.
fn shop(seed: u64) -> (Cluster, ProducerId, Vec<Happening>) {
    let mut c = Cluster::new(seed, 3).unwrap();
    for command in primer_commands() {
        c.apply(&command).unwrap();
    }
    let config = ProducerConfig {
        linger_ms: 0,
        ..ProducerConfig::default()
    };
    let shop = c.create_producer("shop", config).unwrap();
    let settled = c.advance(4_000);
    for s in ["inventory", "notification", "payments"] {
        assert_eq!(c.group(s).unwrap().state, GroupState::Stable, "{s}");
    }
    (c, shop, settled)
}

fn order(c: &mut Cluster, shop: ProducerId, i: usize) {
    let key = format!("order-{i}");
    c.produce(shop, text("orders", Some(&key), &format!("{i}00 VND")))
        .unwrap();
}

fn first(h: &[Happening], what: impl Fn(&HappeningKind) -> bool) -> &Happening {
    h.iter()
        .find(|x| what(&x.kind))
        .expect("the happening occurs")
}

/// (partition, offset) of every record a service handled, in order.
fn handled(h: &[Happening], service: &str) -> Vec<(TopicPartition, u64)> {
    h.iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::ServiceHandled {
                service: s,
                partition,
                offset,
                ..
            } if s == service => Some((partition.clone(), *offset)),
            _ => None,
        })
        .collect()
}

/// Keys of the rows a service wrote, in order.
fn rows(h: &[Happening], service: &str) -> Vec<String> {
    h.iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::RowWritten {
                service: s, key, ..
            } if s == service => Some(key.clone()),
            _ => None,
        })
        .collect()
}

fn records_of(c: &Cluster, topic: &str) -> Vec<Record> {
    c.topic(topic)
        .unwrap()
        .partitions
        .iter()
        .flat_map(|p| p.records().iter().cloned())
        .collect()
}

/// Every partition of the service's inputs has its high watermark committed.
fn caught_up(c: &Cluster, service: &str) -> bool {
    c.group_lag(service)
        .unwrap()
        .iter()
        .all(|l| l.committed.unwrap_or(0) == l.high_watermark)
}

#[test]
fn one_order_sets_off_the_whole_chain() {
    let (mut c, shop, _) = shop(42);
    c.produce(shop, text("orders", Some("order-1"), "42 VND"))
        .unwrap();
    let h = c.advance(15_000);

    // Inventory reserved the order: a record in `inventory` with the same key.
    let reserved = records_of(&c, "inventory");
    assert_eq!(reserved.len(), 1, "{reserved:?}");
    assert_eq!(reserved[0].key.as_deref(), Some(&b"order-1"[..]));
    assert_eq!(reserved[0].value.as_deref(), Some(&b"reserved:42 VND"[..]));
    // Notification sent the confirmation.
    let emails: Vec<_> = named(&h, "EmailSent");
    assert_eq!(emails.len(), 1);
    assert_eq!(
        emails[0].kind,
        HappeningKind::EmailSent {
            service: "notification".into(),
            key: "order-1".into(),
            value: "42 VND".into(),
        }
    );
    // Payments wrote the row, keyed by the order.
    let table = c.table("payments").unwrap();
    assert_eq!(
        table,
        &SortedMap::from([("order-1".to_string(), "reserved:42 VND".to_string())])
    );

    // Causal order: delivered to Inventory, handled, appended to `inventory`, delivered
    // to Payments, handled, row written.
    let delivered_to_inventory = first(
        &h,
        |k| matches!(k, HappeningKind::Delivered { consumer: ConsumerRef::Member { group, .. }, .. } if &**group == "inventory"),
    );
    let inventory_handled = first(&h, |k| {
        k.service() == Some("inventory") && matches!(k, HappeningKind::ServiceHandled { .. })
    });
    let appended = first(
        &h,
        |k| matches!(k, HappeningKind::AppendedAtLeader { partition, .. } if &*partition.topic == "inventory"),
    );
    let delivered_to_payments = first(
        &h,
        |k| matches!(k, HappeningKind::Delivered { consumer: ConsumerRef::Member { group, .. }, .. } if &**group == "payments"),
    );
    let payments_handled = first(&h, |k| {
        k.service() == Some("payments") && matches!(k, HappeningKind::ServiceHandled { .. })
    });
    let row = first(&h, |k| matches!(k, HappeningKind::RowWritten { .. }));
    let ids = [
        delivered_to_inventory.id,
        inventory_handled.id,
        appended.id,
        delivered_to_payments.id,
        payments_handled.id,
        row.id,
    ];
    assert!(ids.windows(2).all(|w| w[0] < w[1]), "{ids:?}");
    // Handling takes processing_ms after delivery, and service happenings are instants.
    assert_eq!(
        inventory_handled.start_ms,
        delivered_to_inventory.start_ms + 300
    );
    for x in h.iter().filter(|x| x.kind.service().is_some()) {
        assert_eq!(x.start_ms, x.end_ms, "{x:?}");
        assert_eq!(x.endpoints(), None);
    }
    assert_eq!(row.start_ms, payments_handled.start_ms);

    // Each service handled the one record and committed past it: no lag left.
    for (service, handled) in [("inventory", 1), ("notification", 1), ("payments", 1)] {
        let s = c.service(service).unwrap();
        assert_eq!(s.handled, handled, "{service}");
        assert_eq!(c.service_lag(service), Some(0), "{service}");
        assert!(caught_up(&c, service), "{service}");
    }
    let s = c.service("notification").unwrap();
    assert_eq!((s.emails_sent, s.rows_written, s.producer), (1, 0, None));
    let inventory = c.service("inventory").unwrap();
    assert_eq!(inventory.records_produced, 1);
    let producer = c.producer(inventory.producer.unwrap()).unwrap();
    assert_eq!(producer.client_id, "inventory");
    assert_eq!(c.service("payments").unwrap().rows_written, 1);
    // Every step was an ordinary Kafka happening too: the service's commit landed.
    assert!(h.iter().any(|x| matches!(&x.kind,
        HappeningKind::OffsetCommitted { group, member: Some(_), offsets, .. }
            if group == "inventory" && offsets.iter().all(|(_, o)| *o == 1))));
}

#[test]
fn creating_a_service_makes_a_group_a_member_and_a_producer() {
    let (c, _, settled) = shop(1);
    let s = c.service("inventory").unwrap();
    assert!(s.running);
    assert_eq!(s.group(), "inventory");
    let g = c.group("inventory").unwrap();
    assert_eq!(g.members.len(), 1);
    let m = g.members.values().next().unwrap();
    assert_eq!(m.client_id, "inventory");
    assert_eq!(s.member.as_deref(), Some(m.member_id.as_str()));
    assert_eq!(m.subscription, ["orders"]);
    assert_eq!(m.assigned().count(), 3);
    assert!(c.producer(s.producer.unwrap()).is_some());
    assert_eq!(c.service("payments").unwrap().producer, None);
    assert_eq!(c.table("payments").map(SortedMap::len), Some(0));
    let names: Vec<&str> = c.services().map(|s| s.name.as_str()).collect();
    assert_eq!(names, ["inventory", "notification", "payments"]);
    assert_eq!(named(&settled, "ServiceCreated").len(), 3);
}

#[test]
fn a_stopped_service_builds_lag_then_catches_up_without_loss_or_duplicates() {
    let (mut c, shop, mut all) = shop(7);
    for i in 0..5 {
        order(&mut c, shop, i);
    }
    all.extend(c.advance(10_000));
    assert_eq!(c.table("payments").unwrap().len(), 5);

    c.apply(&Command::StopService {
        name: "payments".into(),
    })
    .unwrap();
    assert!(!c.service("payments").unwrap().running);
    let mut lags = Vec::new();
    let mut while_stopped = Vec::new();
    for i in 5..15 {
        order(&mut c, shop, i);
        while_stopped.extend(c.advance(2_000));
        lags.push(c.service_lag("payments").unwrap());
    }
    while_stopped.extend(c.advance(5_000));
    lags.push(c.service_lag("payments").unwrap());
    // Orders keep flowing through Inventory, but Payments writes nothing: its lag grows.
    assert!(rows(&while_stopped, "payments").is_empty());
    assert!(handled(&while_stopped, "payments").is_empty());
    assert_eq!(c.table("payments").unwrap().len(), 5);
    assert!(lags.windows(2).all(|w| w[0] <= w[1]), "{lags:?}");
    assert_eq!(*lags.last().unwrap(), 10, "{lags:?}");
    assert_eq!(records_of(&c, "inventory").len(), 15);
    assert!(named(&while_stopped, "ServiceStopped").len() == 1);
    assert_eq!(named(&while_stopped, "MemberExpired").len(), 1);
    all.extend(while_stopped);

    c.apply(&Command::StartService {
        name: "payments".into(),
    })
    .unwrap();
    all.extend(c.advance(20_000));

    // A row for every order, each written once; every record handled once; no lag.
    let table = c.table("payments").unwrap();
    let expected: BTreeSet<String> = (0..15).map(|i| format!("order-{i}")).collect();
    assert_eq!(table.keys().cloned().collect::<BTreeSet<_>>(), expected);
    let written = rows(&all, "payments");
    assert_eq!(written.len(), 15, "{written:?}");
    assert_eq!(written.iter().collect::<BTreeSet<_>>().len(), 15);
    let done = handled(&all, "payments");
    assert_eq!(done.iter().collect::<BTreeSet<_>>().len(), done.len());
    assert_eq!(c.service("payments").unwrap().handled, 15);
    assert_eq!(c.service_lag("payments"), Some(0));
    assert!(caught_up(&c, "payments"));
    // The other services never stopped and handled every order once.
    assert_eq!(handled(&all, "inventory").len(), 15);
    assert_eq!(named(&all, "EmailSent").len(), 15);
}

#[test]
fn a_record_delivered_but_not_handled_when_the_service_stops_is_handled_after_the_restart() {
    let (mut c, shop, mut all) = shop(3);
    order(&mut c, shop, 1);
    // Run until Payments has the record but has not finished handling it.
    loop {
        let h = c.step();
        let delivered = h.iter().any(|x| {
            matches!(&x.kind, HappeningKind::Delivered { consumer: ConsumerRef::Member { group, .. }, .. } if &**group == "payments")
        });
        all.extend(h);
        if delivered {
            break;
        }
        assert!(c.now() < 20_000, "payments never got the record");
    }
    assert_eq!(c.service("payments").unwrap().backlog(), 1);
    let record = c
        .service("payments")
        .unwrap()
        .in_progress()
        .cloned()
        .unwrap();
    c.stop_service("payments").unwrap();
    assert_eq!(c.service("payments").unwrap().backlog(), 0);
    all.extend(c.advance(5_000));
    assert!(c.table("payments").unwrap().is_empty());
    assert_eq!(c.service_lag("payments"), Some(1));
    c.start_service("payments").unwrap();
    all.extend(c.advance(20_000));
    assert_eq!(
        handled(&all, "payments"),
        [(record.partition.clone(), record.offset)]
    );
    assert_eq!(rows(&all, "payments"), ["order-1"]);
    assert_eq!(c.service_lag("payments"), Some(0));
}

#[test]
fn crashing_the_member_of_a_service_stops_the_service() {
    let (mut c, _, _) = shop(5);
    let member = c.service("notification").unwrap().member.clone().unwrap();
    c.crash_member("notification", &member).unwrap();
    let s = c.service("notification").unwrap();
    assert!(!s.running && s.member.is_none());
    let h = c.take_happenings();
    assert_eq!(named(&h, "ServiceStopped").len(), 1);
    assert_eq!(named(&h, "MemberCrashed").len(), 1);
    c.start_service("notification").unwrap();
    assert!(c.service("notification").unwrap().running);
    assert!(c.check_invariants().is_ok());
}

#[test]
fn a_slow_service_pauses_fetching_and_handles_one_record_at_a_time() {
    let (mut c, shop, _) = shop(9);
    c.create_service(
        "audit",
        ServiceConfig::consuming(["orders"])
            .write_row("audit")
            .with_processing_ms(50),
    )
    .unwrap();
    c.advance(4_000);
    for i in 0..400 {
        order(&mut c, shop, i);
    }
    let mut h = Vec::new();
    let mut most = 0;
    for _ in 0..80 {
        h.extend(c.advance(500));
        most = most.max(c.service("audit").unwrap().backlog());
    }
    // Fetching pauses once a poll's worth (50) waits: at most 49 plus one fetch (50) per
    // partition (3) is delivered and not handled, never the whole burst.
    assert!(most > 50 && most < 50 * 4, "backlog reached {most}");
    let done = handled(&h, "audit");
    assert_eq!(done.len(), 400);
    assert_eq!(done.iter().collect::<BTreeSet<_>>().len(), 400);
    let times: Vec<u64> = h
        .iter()
        .filter(|x| matches!(&x.kind, HappeningKind::ServiceHandled { service, .. } if service == "audit"))
        .map(|x| x.start_ms)
        .collect();
    assert!(times.windows(2).all(|w| w[1] >= w[0] + 50), "one at a time");
    // Per partition, records are handled in offset order.
    let mut last: BTreeMap<TopicPartition, u64> = BTreeMap::new();
    for (tp, offset) in &done {
        if let Some(prev) = last.insert(tp.clone(), *offset) {
            assert!(*offset > prev, "{tp} {prev} then {offset}");
        }
    }
    assert_eq!(c.table("audit").unwrap().len(), 400);
    assert!(caught_up(&c, "audit"));
}

#[test]
fn keyless_records_and_tombstones_become_null_text() {
    let (mut c, shop, _) = shop(11);
    c.produce(shop, text("orders", None, "no key")).unwrap();
    let tombstone = ProducerRecord {
        value: None,
        ..text("orders", Some("order-9"), "")
    };
    c.produce(shop, tombstone).unwrap();
    let h = c.advance(15_000);
    let table = c.table("payments").unwrap();
    assert_eq!(
        table.get(NULL_TEXT).map(String::as_str),
        Some("reserved:no key")
    );
    // A tombstone stays a tombstone through Inventory, and reads as null in the table.
    assert_eq!(table.get("order-9").map(String::as_str), Some(NULL_TEXT));
    assert!(records_of(&c, "inventory")
        .iter()
        .any(|r| r.key.as_deref() == Some(&b"order-9"[..]) && r.value.is_none()));
    assert!(h.iter().any(|x| matches!(&x.kind,
        HappeningKind::EmailSent { key, .. } if key == NULL_TEXT)));
}

#[test]
fn removing_a_service_closes_its_clients_and_deletes_its_group_once_empty() {
    let (mut c, shop, _) = shop(13);
    order(&mut c, shop, 1);
    c.advance(10_000);
    let producer = c.service("inventory").unwrap().producer.unwrap();
    c.apply(&Command::RemoveService {
        name: "inventory".into(),
    })
    .unwrap();
    assert!(c.service("inventory").is_none());
    assert!(c.producer(producer).is_none());
    // The member's LeaveGroup is in flight: the group goes when it lands.
    assert!(c.group("inventory").is_some());
    let h = c.advance(3_000);
    assert_eq!(named(&h, "MemberLeft").len(), 1);
    assert!(c.group("inventory").is_none());
    assert_eq!(named(&h, "GroupDeleted").len(), 1);
    // The name is free again; the database keeps its rows.
    assert_eq!(c.table("payments").unwrap().len(), 1);
    c.create_service(
        "inventory",
        ServiceConfig::consuming(["orders"]).produce_to("inventory", "again:"),
    )
    .unwrap();

    // A stopped service's group goes when its crashed member's session times out.
    c.stop_service("notification").unwrap();
    c.remove_service("notification").unwrap();
    assert!(c.group("notification").is_some());
    c.advance(15_000);
    assert!(c.group("notification").is_none());
    assert!(c.check_invariants().is_ok());
}

#[test]
fn bad_commands_are_refused_and_change_nothing() {
    let (mut c, shop, _) = shop(17);
    c.create_group("audit", ConsumerConfig::default()).unwrap();
    c.stop_service("notification").unwrap();
    c.advance(100);
    let inventory = c.service("inventory").unwrap().clone();
    let member = inventory.member.clone().unwrap();
    let create = |name: &str, config: ServiceConfig| Command::CreateService {
        name: name.into(),
        config,
    };
    let orders = || ServiceConfig::consuming(["orders"]);
    let refusals: Vec<(&str, Command)> = vec![
        ("invalid_config", create("", orders().send_email())),
        ("service_name_taken", create("inventory", orders())),
        ("service_name_taken", create("audit", orders())),
        ("service_name_taken", create("shop", orders())),
        (
            "service_without_input",
            create("x", ServiceConfig::default()),
        ),
        (
            "unknown_topic",
            create("x", ServiceConfig::consuming(["nope"])),
        ),
        (
            "unknown_topic",
            create("x", orders().produce_to("nope", "")),
        ),
        (
            "invalid_config",
            create("x", orders().with_processing_ms(60_001)),
        ),
        ("invalid_config", create("x", orders().write_row(""))),
        (
            "service_loop",
            create("echo", orders().produce_to("orders", "again:")),
        ),
        (
            "service_loop",
            create(
                "restock",
                ServiceConfig::consuming(["inventory"]).produce_to("orders", ""),
            ),
        ),
        ("unknown_service", Command::StopService { name: "x".into() }),
        (
            "unknown_service",
            Command::StartService { name: "x".into() },
        ),
        (
            "unknown_service",
            Command::RemoveService { name: "x".into() },
        ),
        (
            "service_already_running",
            Command::StartService {
                name: "inventory".into(),
            },
        ),
        (
            "service_already_stopped",
            Command::StopService {
                name: "notification".into(),
            },
        ),
        (
            "used_by_service",
            Command::DeleteTopic {
                name: "inventory".into(),
            },
        ),
        (
            "used_by_service",
            Command::DeleteGroup {
                group: "notification".into(),
            },
        ),
        (
            "used_by_service",
            Command::RemoveProducer {
                producer: inventory.producer.unwrap(),
            },
        ),
        (
            "used_by_service",
            Command::RemoveMember {
                group: "inventory".into(),
                member: member.clone(),
            },
        ),
        (
            "used_by_service",
            Command::Subscribe {
                group: "inventory".into(),
                member,
                topics: vec!["inventory".into()],
            },
        ),
    ];
    let before = c.to_json().unwrap();
    for (code, command) in refusals {
        let e = c.apply(&command).expect_err(&format!("{command:?}"));
        assert_eq!(e.code(), code, "{command:?}: {e}");
        assert!(!e.to_string().is_empty());
        assert_eq!(
            c.to_json().unwrap(),
            before,
            "{command:?} changed the model"
        );
    }
    let _ = shop;
}

fn script() -> Vec<(Command, u64)> {
    let mut script: Vec<(Command, u64)> = primer_commands().into_iter().map(|c| (c, 0)).collect();
    script.push((
        Command::CreateProducer {
            client_id: "shop".into(),
            config: ProducerConfig::default(),
        },
        3_000,
    ));
    script.push((
        Command::SetAutoProduce {
            producer: 1,
            auto: Some(AutoProduce {
                topic: "orders".into(),
                records_per_sec: 4.0,
                keys: KeyPattern::Random((0..6).map(|k| format!("order-{k}")).collect()),
            }),
        },
        5_000,
    ));
    script.push((
        Command::StopService {
            name: "payments".into(),
        },
        4_000,
    ));
    script.push((Command::KillBroker { broker: 2 }, 3_000));
    script.push((
        Command::StartService {
            name: "payments".into(),
        },
        20_000,
    ));
    script
}

fn run(seed: u64) -> (Vec<Happening>, Cluster) {
    let mut c = Cluster::new(seed, 3).unwrap();
    let mut all = Vec::new();
    for (command, then) in script() {
        c.apply(&command).unwrap();
        all.extend(c.advance(then));
    }
    (all, c)
}

#[test]
fn the_same_seed_and_commands_give_the_same_happenings() {
    let (a, ca) = run(21);
    let (b, cb) = run(21);
    assert_eq!(a, b);
    assert_eq!(ca, cb);
    assert!(named(&a, "ServiceHandled").len() > 50);
    assert!(named(&a, "RowWritten").len() > 10);
    let (other, _) = run(22);
    assert_ne!(a, other);
}

#[test]
fn a_clone_is_a_checkpoint_with_the_services_in_it() {
    let (_, mut original) = run(4);
    let mut checkpoint = original.clone();
    original.stop_service("inventory").unwrap();
    checkpoint.stop_service("inventory").unwrap();
    assert_eq!(original.advance(30_000), checkpoint.advance(30_000));
    assert_eq!(original, checkpoint);
}

#[test]
fn a_snapshot_with_services_at_work_round_trips_and_runs_on_identically() {
    let (mut c, shop, _) = shop(19);
    for i in 0..20 {
        order(&mut c, shop, i);
    }
    c.advance(2_500);
    assert!(
        c.services().any(|s| s.backlog() > 1),
        "some service has work in hand"
    );
    let json = c.to_json().unwrap();
    let mut back = Cluster::from_json(&json).unwrap();
    assert_eq!(back, c);
    assert_eq!(back.advance(30_000), c.advance(30_000));
    assert_eq!(back.table("payments").unwrap().len(), 20);
    assert_eq!(back.tables(), c.tables());
}

#[test]
fn service_commands_and_happenings_round_trip_through_json() {
    let mut commands = primer_commands();
    commands.extend(["payments"].iter().flat_map(|s| {
        [
            Command::StopService {
                name: s.to_string(),
            },
            Command::StartService {
                name: s.to_string(),
            },
            Command::RemoveService {
                name: s.to_string(),
            },
        ]
    }));
    for command in &commands {
        let json = serde_json::to_string(command).unwrap();
        assert_eq!(&serde_json::from_str::<Command>(&json).unwrap(), command);
    }
    let (mut c, shop, _) = shop(31);
    order(&mut c, shop, 1);
    let h: Vec<Happening> = c
        .advance(15_000)
        .into_iter()
        .filter(|x| x.kind.service().is_some())
        .collect();
    assert_eq!(h.len(), 5, "{h:?}");
    let json = serde_json::to_string(&h).unwrap();
    assert_eq!(serde_json::from_str::<Vec<Happening>>(&json).unwrap(), h);
}

#[test]
fn a_snapshot_from_before_services_still_loads() {
    let mut c = cluster(3);
    c.create_topic("orders", TopicConfig::default()).unwrap();
    c.advance(1_000);
    let mut v: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    let map = v.as_object_mut().unwrap();
    for field in ["services", "tables", "retiring_groups"] {
        assert!(map.remove(field).is_some(), "{field}");
    }
    let old = Cluster::from_json(&v.to_string()).unwrap();
    assert_eq!(old, c);
    assert_eq!(old.services().count(), 0);
}

#[test]
fn a_snapshot_with_a_broken_service_is_refused() {
    let (c, _, _) = shop(23);
    let v: serde_json::Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    let refused = |edit: &dyn Fn(&mut serde_json::Value), field: &str| {
        let mut v = v.clone();
        edit(&mut v);
        let e = Cluster::from_json(&v.to_string()).expect_err("refused");
        assert!(e.field().is_some_and(|f| f.contains(field)), "{e}");
    };
    refused(
        &|v| v["services"]["payments"]["running"] = false.into(),
        "services.payments.member",
    );
    refused(
        &|v| v["services"]["inventory"]["producer"] = serde_json::Value::Null,
        "services.inventory.producer",
    );
    refused(
        &|v| v["services"]["payments"]["config"]["inputs"] = serde_json::json!(["gone"]),
        "services.payments.config",
    );
    refused(
        &|v| v["services"]["payments"]["config"]["processing_ms"] = 70_000.into(),
        "services.payments.config",
    );
}

// ---------------------------------------------------------------- random histories

mod random {
    use super::*;
    use proptest::prelude::*;
    use proptest::strategy::Strategy;

    const SERVICES: [&str; 3] = ["inventory", "notification", "payments"];

    #[derive(Clone, Debug)]
    pub enum Op {
        Order(u8),
        Stop(usize),
        Start(usize),
        CrashMember(usize),
        Remove(usize),
        Recreate(usize),
        AddPartitions(bool, u32),
        Kill(u32),
        Revive(u32),
        Advance(u64),
    }

    fn op() -> impl Strategy<Value = Op> {
        prop_oneof![
            8 => (0..8u8).prop_map(Op::Order),
            2 => (0..3usize).prop_map(Op::Stop),
            2 => (0..3usize).prop_map(Op::Start),
            1 => (0..3usize).prop_map(Op::CrashMember),
            1 => (0..3usize).prop_map(Op::Remove),
            1 => (0..3usize).prop_map(Op::Recreate),
            1 => (any::<bool>(), 4..6u32).prop_map(|(t, n)| Op::AddPartitions(t, n)),
            1 => (1..4u32).prop_map(Op::Kill),
            1 => (1..4u32).prop_map(Op::Revive),
            8 => (1..4_000u64).prop_map(Op::Advance),
        ]
    }

    fn primer_config(i: usize) -> ServiceConfig {
        match primer_commands().remove(2 + i) {
            Command::CreateService { config, .. } => config,
            _ => unreachable!(),
        }
    }

    /// Runs the ops; every state passes the invariants. Returns whether the history had
    /// something that may hand a record twice (a rebalance moving partitions, a lost
    /// broker, a service redeployed from scratch).
    fn run(ops: &[Op], seed: u64) -> (Cluster, Vec<Happening>, bool) {
        let (mut c, shop, mut all) = shop(seed);
        let mut disruptive = false;
        for op in ops {
            let command = match op {
                Op::Order(k) => Some(Command::Produce {
                    producer: shop,
                    record: text("orders", Some(&format!("order-{k}")), &format!("{k}")),
                }),
                Op::Stop(s) => Some(Command::StopService {
                    name: SERVICES[*s].into(),
                }),
                Op::Start(s) => Some(Command::StartService {
                    name: SERVICES[*s].into(),
                }),
                Op::CrashMember(s) => {
                    c.service(SERVICES[*s])
                        .and_then(|s| s.member.clone())
                        .map(|member| Command::CrashMember {
                            group: SERVICES[*s].into(),
                            member,
                        })
                }
                Op::Remove(s) => Some(Command::RemoveService {
                    name: SERVICES[*s].into(),
                }),
                Op::Recreate(s) => Some(Command::CreateService {
                    name: SERVICES[*s].into(),
                    config: primer_config(*s),
                }),
                Op::AddPartitions(orders, n) => Some(Command::AddPartitions {
                    topic: if *orders { "orders" } else { "inventory" }.into(),
                    count: *n,
                }),
                Op::Kill(b) => Some(Command::KillBroker { broker: *b }),
                Op::Revive(b) => Some(Command::ReviveBroker { broker: *b }),
                Op::Advance(ms) => {
                    all.extend(c.advance(*ms));
                    None
                }
            };
            if let Some(command) = command {
                let before = c.clone();
                match c.apply(&command) {
                    Ok(_) => {
                        disruptive |= matches!(
                            command,
                            Command::RemoveService { .. }
                                | Command::CreateService { .. }
                                | Command::AddPartitions { .. }
                                | Command::KillBroker { .. }
                        );
                    }
                    Err(e) => {
                        assert_eq!(c, before, "{command:?} refused ({e}) but changed the model")
                    }
                }
            }
            if let Err(e) = c.check_invariants() {
                panic!("after {op:?}: {e}");
            }
        }
        (c, all, disruptive)
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn random_histories_keep_the_invariants_and_lose_nothing(
            ops in proptest::collection::vec(op(), 1..60),
            seed in 0..1000u64,
        ) {
            let (mut c, mut all, disruptive) = run(&ops, seed);
            let back = Cluster::from_json(&c.to_json().unwrap()).expect("reloads");
            prop_assert_eq!(&back, &c);
            // Bring everything back and let the shop catch up.
            for b in 1..=3 {
                let _ = c.revive_broker(b);
            }
            for s in SERVICES {
                let _ = c.start_service(s);
            }
            all.extend(c.advance(90_000));
            prop_assert!(c.check_invariants().is_ok());
            for s in c.services() {
                // Nothing is lost: every record of its inputs was handled and committed.
                prop_assert!(caught_up(&c, &s.name), "{} lags", s.name);
                prop_assert_eq!(c.service_lag(&s.name), Some(0));
                if !disruptive {
                    // And nothing was handled twice: stopping a service drops only
                    // records it had not handled.
                    let done = handled(&all, &s.name);
                    let once: BTreeSet<_> = done.iter().collect();
                    prop_assert_eq!(once.len(), done.len(), "{} handled a record twice", s.name);
                    let inputs: u64 = s.config.inputs.iter()
                        .flat_map(|t| &c.topic(t).unwrap().partitions)
                        .map(|p| p.high_watermark)
                        .sum();
                    prop_assert_eq!(done.len() as u64, inputs);
                }
            }
        }
    }
}

// ---------------------------------------------------------------- forged snapshots

mod forged {
    use super::*;
    use proptest::prelude::*;
    use serde_json::Value;

    /// Paths to every value under `services` and `schedule` (where the services' events are).
    fn paths(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
        out.push(path.clone());
        match v {
            Value::Object(map) => {
                for (k, child) in map {
                    path.push(Value::from(k.as_str()));
                    paths(child, path, out);
                    path.pop();
                }
            }
            Value::Array(items) => {
                for (i, child) in items.iter().enumerate() {
                    path.push(Value::from(i));
                    paths(child, path, out);
                    path.pop();
                }
            }
            _ => {}
        }
    }

    fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
        path.iter().fold(v, |v, seg| match seg {
            Value::String(k) => &mut v[k.as_str()],
            Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
            _ => unreachable!(),
        })
    }

    fn busy() -> Value {
        let (mut c, shop, _) = shop(29);
        for i in 0..12 {
            order(&mut c, shop, i);
        }
        c.advance(2_500);
        c.stop_service("notification").unwrap();
        serde_json::from_str(&c.to_json().unwrap()).unwrap()
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

        #[test]
        fn edited_services_are_refused_or_run_on(
            edits in proptest::collection::vec((any::<usize>(), 0..5u8, -2..3i64), 1..4),
        ) {
            let mut v = busy();
            for (pick, kind, delta) in edits {
                let mut all = Vec::new();
                paths(&v["services"], &mut vec![Value::from("services")], &mut all);
                let path = all[pick % all.len()].clone();
                let leaf = at(&mut v, &path);
                match kind {
                    0 => if let Some(n) = leaf.as_u64() {
                        *leaf = Value::from((n as i64 + delta).max(0));
                    } else if let Some(b) = leaf.as_bool() {
                        *leaf = Value::from(!b);
                    },
                    1 => *leaf = Value::Null,
                    2 => *leaf = Value::from("orders"),
                    3 => *leaf = Value::from(u64::MAX),
                    _ => if let Some((last, parent)) = path.split_last() {
                        match (at(&mut v, parent), last) {
                            (Value::Object(map), Value::String(k)) => { map.remove(k); }
                            (Value::Array(items), Value::Number(i)) => { items.remove(i.as_u64().unwrap() as usize); }
                            _ => {}
                        }
                    },
                }
            }
            if let Ok(mut c) = Cluster::from_json(&v.to_string()) {
                for _ in 0..15 {
                    c.advance(2_000);
                }
                for s in ["inventory", "notification", "payments"] {
                    let _ = c.start_service(s);
                    let _ = c.stop_service(s);
                    let _ = c.remove_service(s);
                }
                c.advance(20_000);
                prop_assert!(c.check_invariants().is_ok());
            }
        }
    }
}
