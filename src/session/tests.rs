use super::*;
use kafka_model::direct::DirectCommand;
use kafka_model::presets::PAYMENTS;
use kafka_model::{ConsumerConfig, ProducerConfig, ProducerRecord, TopicConfig};

fn preset() -> Vec<Command> {
    vec![
        Command::CreateTopic {
            name: "orders".into(),
            config: TopicConfig::default().with_partitions(3),
        },
        Command::CreateProducer {
            client_id: "shop".into(),
            config: ProducerConfig::default(),
        },
        Command::CreateGroup {
            group: "payments".into(),
            config: ConsumerConfig::default(),
        },
        Command::AddMember {
            group: "payments".into(),
            client_id: "payment-1".into(),
            topics: vec!["orders".into()],
        },
    ]
}

fn produce(key: &str) -> Command {
    Command::Produce {
        producer: 1,
        record: ProducerRecord::text("orders", Some(key), "v"),
    }
}

/// The member id of the preset's only consumer.
fn payments_member(s: &Session) -> String {
    let group = s.cluster().group("payments").unwrap();
    group.members.keys().next().unwrap().clone()
}

/// A session run straight through, with commands at 1 s, 3.5 s and 7 s.
fn straight_run() -> Session {
    let mut s = Session::new(42, 3, &preset()).unwrap();
    s.advance(1_000);
    s.apply(produce("order-1")).unwrap();
    s.advance(2_500);
    s.apply(produce("order-2")).unwrap();
    s.apply(Command::KillBroker { broker: 2 }).unwrap();
    s.advance(3_500);
    s.apply(produce("order-3")).unwrap();
    s.advance(3_000);
    s
}

#[test]
fn seeking_back_then_playing_on_reproduces_the_same_history() {
    let straight = straight_run();
    let mut travelled = straight_run();
    travelled.seek(2_000);
    assert_eq!(travelled.now(), 2_000);
    assert_eq!(
        travelled.end(),
        straight.end(),
        "the recorded future is kept"
    );
    travelled.advance(straight.now() - 2_000);
    assert_eq!(travelled.cluster(), straight.cluster());
}

#[test]
fn the_past_is_restored_exactly() {
    let mut s = straight_run();
    // What the cluster looked like at 4 s, run directly.
    let mut direct = Session::new(42, 3, &preset()).unwrap();
    direct.advance(1_000);
    direct.apply(produce("order-1")).unwrap();
    direct.advance(2_500);
    direct.apply(produce("order-2")).unwrap();
    direct.apply(Command::KillBroker { broker: 2 }).unwrap();
    direct.advance(500);
    s.seek(4_000);
    assert_eq!(s.cluster(), direct.cluster());
    assert!(
        !s.cluster().broker(2).unwrap().alive,
        "the kill at 3.5 s is part of the past at 4 s"
    );
}

#[test]
fn a_new_command_in_the_past_forks_and_discards_the_future() {
    let mut s = straight_run();
    let commands_before = s.history().commands().len();
    s.seek(2_000);
    s.apply(produce("other")).unwrap();
    assert_eq!(s.end(), 2_000);
    assert_eq!(
        s.history().commands().len(),
        commands_before - 3 + 1,
        "the three later commands are gone"
    );
    s.advance(10_000);
    assert!(
        s.cluster().broker(2).unwrap().alive,
        "the fork never killed broker 2"
    );
}

#[test]
fn explicit_fork_discards_the_recorded_future() {
    let mut s = straight_run();
    s.seek(3_000);
    s.fork();
    s.advance(10_000);
    assert!(s.cluster().broker(2).unwrap().alive);
}

#[test]
fn step_back_goes_to_an_earlier_moment_and_step_forward_returns() {
    let mut s = straight_run();
    let now = s.now();
    s.step_back();
    assert!(s.now() < now);
    let back = s.now();
    s.step_forward();
    assert!(s.now() > back);
}

#[test]
fn a_refused_command_is_not_recorded() {
    let mut s = Session::new(1, 1, &preset()).unwrap();
    let n = s.history().commands().len();
    assert!(s.apply(Command::KillBroker { broker: 7 }).is_err());
    assert_eq!(s.history().commands().len(), n);
}

#[test]
fn checkpoints_stay_bounded_over_hours() {
    let mut s = Session::new(1, 3, &preset()).unwrap();
    for _ in 0..(3 * 3600) {
        s.advance(1_000);
    }
    assert!(
        s.history().checkpoint_count() <= history::MAX_CHECKPOINTS,
        "{}",
        s.history().checkpoint_count()
    );
    assert!(s.recent().len() <= recent::RECENT_CAPACITY);
    // And the oldest moment can still be reached.
    s.seek(500);
    assert_eq!(s.now(), 500);
}

#[test]
fn flights_under_way_after_a_seek_are_known() {
    let mut s = Session::new(3, 3, &preset()).unwrap();
    s.advance(1_000);
    s.apply(produce("k")).unwrap();
    s.advance(5_000);
    // Find a moment when something was in flight, travel there from the future.
    let flying_at = {
        let mut probe = Session::new(3, 3, &preset()).unwrap();
        probe.advance(1_000);
        probe.apply(produce("k")).unwrap();
        let mut t = None;
        for _ in 0..100 {
            probe.advance(20);
            if probe
                .recent()
                .in_flight(probe.now())
                .any(|h| matches!(h.kind, kafka_model::HappeningKind::ProduceSent { .. }))
            {
                t = Some(probe.now());
                break;
            }
        }
        t.expect("the produce request flies at some point")
    };
    s.seek(flying_at);
    assert!(s
        .recent()
        .in_flight(flying_at)
        .any(|h| matches!(h.kind, kafka_model::HappeningKind::ProduceSent { .. })));
}

#[test]
fn flights_outlive_the_timeline_buffer_under_heavy_traffic() {
    let mut s = Session::new(5, 3, &crate::playground::preset::bench(2000)).unwrap();
    s.advance(3_000);
    let flying = s.recent().in_flight(s.now()).count();
    assert!(
        flying > recent::RECENT_CAPACITY / 2,
        "{flying} flights under way"
    );
    // Landed flights are forgotten, so the store stays bounded by what is in the air.
    s.advance(60_000);
    let later = s.recent().in_flight(s.now()).count();
    assert!(later < 5 * flying, "{later} vs {flying}");
}

#[test]
fn lag_is_sampled_once_a_second_and_rises_while_nobody_reads() {
    let mut s = Session::new(9, 3, &preset()).unwrap();
    // Long enough for the first auto-commit (5 s), so lag is defined.
    s.advance(7_000);
    // Stop the only consumer, then publish: lag can only grow.
    s.apply(Command::CrashMember {
        group: "payments".into(),
        member: payments_member(&s),
    })
    .unwrap();
    for i in 0..20 {
        s.apply(produce(&format!("k{i}"))).unwrap();
        s.advance(500);
    }
    let series = s.lag_history().series("payments").unwrap();
    assert!(
        series.len() >= 16 && series.len() <= 18,
        "{} samples in 17 s",
        series.len()
    );
    let (first, last) = (series.front().unwrap().1, series.back().unwrap().1);
    assert!(last > first, "lag grows from {first} to {last}");
}

#[test]
fn adding_partitions_can_break_a_keys_order_and_the_watch_says_which_key() {
    // One partition; earliest, so new partitions are read from their start.
    let setup = vec![
        Command::CreateTopic {
            name: "orders".into(),
            config: TopicConfig::default().with_partitions(1),
        },
        Command::CreateProducer {
            client_id: "shop".into(),
            config: ProducerConfig::default(),
        },
        Command::CreateGroup {
            group: "payments".into(),
            config: ConsumerConfig::default()
                .with_offset_reset(kafka_model::AutoOffsetReset::Earliest),
        },
        Command::AddMember {
            group: "payments".into(),
            client_id: "payment-1".into(),
            topics: vec!["orders".into()],
        },
    ];
    let mut s = Session::new(11, 3, &setup).unwrap();
    s.advance(3_000);
    // A backlog of order-7 on partition 0, larger than one fetch (max.poll.records)...
    for _ in 0..300 {
        s.apply(produce("order-7")).unwrap();
    }
    assert!(s.ordering().broken_keys("payments").is_empty());
    // ...then a partition more: order-7 now hashes to the new partition, whose few records
    // are read before the old backlog is done.
    let count = (2..64)
        .find(|n| kafka_model::partition_for_key(b"order-7", *n) != 0)
        .unwrap();
    s.apply(Command::AddPartitions {
        topic: "orders".into(),
        count,
    })
    .unwrap();
    for _ in 0..5 {
        s.apply(produce("order-7")).unwrap();
        s.advance(100);
    }
    s.advance(20_000);
    assert_eq!(
        s.ordering().broken_keys("payments"),
        vec!["order-7".to_string()]
    );
}

#[test]
fn lag_is_kept_per_partition_as_well_as_per_group() {
    let mut s = Session::new(42, 3, &preset()).unwrap();
    s.advance(5_000);
    // The consumer is gone; records pile up in the partitions the keys hash to.
    s.apply(Command::RemoveMember {
        group: "payments".into(),
        member: payments_member(&s),
    })
    .unwrap();
    s.advance(2_000);
    for k in 0..9 {
        s.apply(produce(&format!("order-{k}"))).unwrap();
    }
    s.advance(5_000);
    let parts = s.lag_history().partition_series("payments");
    assert_eq!(parts.len(), 3, "one series per partition");
    let last: u64 = parts.iter().map(|(_, v)| v.back().unwrap().1).sum();
    let group_last = s
        .lag_history()
        .series("payments")
        .unwrap()
        .back()
        .unwrap()
        .1;
    assert_eq!(last, group_last, "the partitions add up to the group");
    assert_eq!(group_last, 9, "nine records wait");
}

// ---- The shop without Kafka shares the history ----

/// Scene 3's two worlds: the shop on Kafka and, beside it, the shop without Kafka.
fn both_worlds() -> Session {
    Session::start(Origin {
        seed: 11,
        brokers: 3,
        setup: kafka_model::presets::shop_on_kafka(),
        without_kafka: true,
    })
    .unwrap()
}

fn stop_payments() -> DirectCommand {
    DirectCommand::StopService {
        name: PAYMENTS.into(),
    }
}

/// Orders at 0.5 s, Payments down at 2 s, automatic orders from 3 s, to 12 s.
fn shop_run() -> Session {
    let mut s = both_worlds();
    s.advance(500);
    s.apply(DirectCommand::PlaceOrder).unwrap();
    s.advance(1_500);
    s.apply(stop_payments()).unwrap();
    s.advance(1_000);
    s.apply(DirectCommand::SetAutoOrders { per_sec: Some(4.0) })
        .unwrap();
    s.advance(9_000);
    s
}

#[test]
fn the_shop_without_kafka_records_its_commands_in_the_one_log() {
    let s = shop_run();
    let logged: Vec<&WorldCommand> = s.history().commands().iter().map(|(_, c)| c).collect();
    assert_eq!(
        logged,
        [
            &DirectCommand::PlaceOrder.into(),
            &stop_payments().into(),
            &DirectCommand::SetAutoOrders { per_sec: Some(4.0) }.into(),
        ]
    );
    let o = s.direct().unwrap().orders();
    assert!(o.placed > 30 && o.failed > 0, "{o:?}");
}

#[test]
fn the_shop_without_kafka_travels_back_and_replays_exactly() {
    let straight = shop_run();
    // The shop at 2.5 s, run directly: the first order done or on its way, Payments down.
    let mut at_2500 = both_worlds();
    at_2500.advance(500);
    at_2500.apply(DirectCommand::PlaceOrder).unwrap();
    at_2500.advance(1_500);
    at_2500.apply(stop_payments()).unwrap();
    at_2500.advance(500);

    let mut travelled = shop_run();
    travelled.seek(2_500);
    assert_eq!(travelled.now(), 2_500);
    assert_eq!(
        travelled.direct(),
        at_2500.direct(),
        "the past comes back exactly"
    );
    assert!(!travelled.direct().unwrap().service(PAYMENTS).unwrap().up());
    assert_eq!(travelled.direct().unwrap().auto_orders(), None, "not yet");
    travelled.advance(straight.now() - 2_500);
    assert_eq!(
        travelled.direct(),
        straight.direct(),
        "and the future is replayed"
    );
    assert_eq!(travelled.cluster(), straight.cluster());

    // Stepping back works in a scene with only the shop without Kafka as well.
    let before = travelled.now();
    travelled.step_back();
    assert!(travelled.now() < before);
}

#[test]
fn acting_in_the_past_of_the_shop_forks_its_future() {
    let mut s = shop_run();
    s.seek(1_000);
    // The recorded "Payments down" at 2 s is discarded with the rest of the future.
    s.apply(DirectCommand::PlaceOrder).unwrap();
    assert_eq!(s.end(), 1_000);
    assert_eq!(s.history().commands().len(), 2);
    s.advance(11_000);
    let shop = s.direct().unwrap();
    assert!(shop.service(PAYMENTS).unwrap().up());
    assert_eq!(shop.orders().placed, 2);
    assert_eq!(shop.orders().completed, 2, "{:?}", shop.orders());
}

#[test]
fn a_kafka_only_session_refuses_the_shops_commands_and_records_nothing() {
    let mut s = Session::new(1, 1, &preset()).unwrap();
    assert_eq!(
        s.apply(DirectCommand::PlaceOrder),
        Err(ModelError::NoShopWithoutKafka)
    );
    assert!(s.history().commands().is_empty());
}
