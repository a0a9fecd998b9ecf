//! One seed plus one list of commands gives one history, bit for bit.
mod scenario;
use kafka_model::*;
use scenario::*;

fn scenario(seed: u64) -> (Vec<Happening>, Cluster) {
    let mut c = Cluster::new(seed, 3).unwrap();
    c.create_topic(
        "orders",
        TopicConfig::default()
            .with_partitions(3)
            .with_replication_factor(2),
    )
    .unwrap();
    c.create_group(
        "g",
        ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
    )
    .unwrap();
    let p = c
        .create_producer("shop", ProducerConfig::default())
        .unwrap();
    let keys = KeyPattern::Random(vec!["a".into(), "b".into(), "c".into()]);
    c.set_auto_produce(
        p,
        Some(AutoProduce {
            topic: "orders".into(),
            records_per_sec: 5.0,
            keys,
        }),
    )
    .unwrap();
    let m1 = c.add_member("g", "c", vec!["orders".into()]).unwrap();
    let mut all = c.advance(4_000);
    c.add_member("g", "c", vec!["orders".into()]).unwrap();
    all.extend(c.advance(6_000));
    c.kill_broker(2).unwrap();
    all.extend(c.advance(5_000));
    c.crash_member("g", &m1).unwrap();
    c.revive_broker(2).unwrap();
    all.extend(c.advance(20_000));
    (all, c)
}

#[test]
fn the_same_seed_and_commands_give_the_same_happenings() {
    let (a, ca) = scenario(7);
    let (b, cb) = scenario(7);
    assert!(a.len() > 200, "a busy scenario: {}", a.len());
    assert_eq!(a, b);
    assert_eq!(ca, cb);
    assert!(
        a.windows(2).all(|w| w[1].id == w[0].id + 1),
        "ids rise by one"
    );
    assert!(a.iter().all(|h| h.end_ms >= h.start_ms));
}

#[test]
fn another_seed_gives_other_network_jitter() {
    let (a, _) = scenario(7);
    let (b, _) = scenario(8);
    assert_ne!(a, b);
}

#[test]
fn a_clone_is_a_checkpoint_that_replays_the_same_future() {
    let (_, mut original) = scenario(3);
    let mut checkpoint = original.clone();
    original.produce(1, text("orders", Some("x"), "y")).unwrap();
    checkpoint
        .produce(1, text("orders", Some("x"), "y"))
        .unwrap();
    assert_eq!(original.advance(30_000), checkpoint.advance(30_000));
}

#[test]
fn the_whole_model_round_trips_through_json_and_continues_identically() {
    let (_, mut c) = scenario(5);
    let json = serde_json::to_string(&c).unwrap();
    let mut restored: Cluster = serde_json::from_str(&json).unwrap();
    assert_eq!(restored, c);
    assert_eq!(restored.advance(10_000), c.advance(10_000));
}

#[test]
fn happenings_serialize_for_export() {
    let (h, _) = scenario(1);
    let json = serde_json::to_string(&h[..50]).unwrap();
    let back: Vec<Happening> = serde_json::from_str(&json).unwrap();
    assert_eq!(back, h[..50]);
}

#[test]
fn stepping_event_by_event_gives_the_same_history_as_advancing() {
    let build = || {
        let mut c = cluster(1);
        c.create_topic("t", TopicConfig::default()).unwrap();
        let p = eager_producer(&mut c, Acks::All);
        c.produce(p, text("t", None, "v")).unwrap();
        c
    };
    let mut stepped = build();
    let mut by_steps = Vec::new();
    while stepped.next_event_time().is_some_and(|t| t <= 10_000) {
        by_steps.extend(stepped.step());
    }
    let mut advanced = build();
    assert_eq!(by_steps, advanced.advance(10_000));
}
