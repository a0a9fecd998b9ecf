//! Refused commands: a typed error with a code and a message, and nothing changed.
mod scenario;
use kafka_model::*;
use scenario::*;
use std::collections::BTreeSet;

fn populated() -> (Cluster, ProducerId, String) {
    let mut c = cluster(2);
    c.create_topic("orders", TopicConfig::default().with_partitions(2))
        .unwrap();
    c.create_topic("user_events", TopicConfig::default())
        .unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.create_group("g", ConsumerConfig::default()).unwrap();
    let m = c.add_member("g", "c", vec!["orders".into()]).unwrap();
    c.produce(p, text("orders", Some("k"), "v")).unwrap();
    c.advance(5_000);
    (c, p, m)
}

type Refusal = (
    &'static str,
    Box<dyn Fn(&mut Cluster) -> Result<(), ModelError>>,
);

#[test]
fn refused_commands_leave_the_model_unchanged_and_say_why() {
    let (c, p, m) = populated();
    let tp = TopicPartition::new("orders", 0);
    let m2 = m.clone();
    let refusals: Vec<Refusal> = vec![
        (
            "invalid_topic",
            Box::new(|c| c.create_topic("bad name!", TopicConfig::default())),
        ),
        (
            "invalid_topic",
            Box::new(|c| c.create_topic("..", TopicConfig::default())),
        ),
        (
            "topic_exists",
            Box::new(|c| c.create_topic("orders", TopicConfig::default())),
        ),
        (
            "topic_collision",
            Box::new(|c| c.create_topic("user.events", TopicConfig::default())),
        ),
        (
            "invalid_partitions",
            Box::new(|c| c.create_topic("new", TopicConfig::default().with_partitions(0))),
        ),
        (
            "invalid_replication_factor",
            Box::new(|c| c.create_topic("new", TopicConfig::default().with_replication_factor(3))),
        ),
        (
            "invalid_config",
            Box::new(|c| {
                c.create_topic(
                    "new",
                    TopicConfig {
                        min_insync_replicas: 0,
                        ..TopicConfig::default()
                    },
                )
            }),
        ),
        ("unknown_topic", Box::new(|c| c.delete_topic("nope"))),
        (
            "invalid_partitions",
            Box::new(|c| c.add_partitions("orders", 1)),
        ),
        (
            "invalid_config",
            Box::new(|c| c.alter_topic_config("orders", TopicConfig::default().with_partitions(5))),
        ),
        (
            "unknown_producer",
            Box::new(|c| c.produce(99, text("orders", None, "v")).map(|_| ())),
        ),
        (
            "unknown_topic",
            Box::new(move |c| c.produce(p, text("nope", None, "v")).map(|_| ())),
        ),
        (
            "unknown_partition",
            Box::new(move |c| {
                c.produce(p, text("orders", None, "v").to_partition(2))
                    .map(|_| ())
            }),
        ),
        (
            "unknown_group",
            Box::new(|c| c.add_member("nope", "c", vec![]).map(|_| ())),
        ),
        (
            "group_exists",
            Box::new(|c| c.create_group("g", ConsumerConfig::default())),
        ),
        ("group_not_empty", Box::new(|c| c.delete_group("g"))),
        (
            "group_not_empty",
            Box::new(|c| c.reset_offsets("g", "orders", SeekTo::Earliest)),
        ),
        ("unknown_member", Box::new(|c| c.crash_member("g", "ghost"))),
        (
            "invalid_topic",
            Box::new(move |c| c.subscribe("g", &m, vec!["no way".into()])),
        ),
        (
            "invalid_offset",
            Box::new(move |c| c.seek(&member("g", &m2), &tp, SeekTo::Offset(1_000))),
        ),
        ("unknown_broker", Box::new(|c| c.kill_broker(7))),
        ("broker_already_up", Box::new(|c| c.revive_broker(1))),
        (
            "unknown_consumer",
            Box::new(|c| c.assign_partitions(5, vec![])),
        ),
        (
            "invalid_config",
            Box::new(|c| {
                c.set_auto_produce(
                    1,
                    Some(AutoProduce {
                        topic: "orders".into(),
                        records_per_sec: -1.0,
                        keys: KeyPattern::None,
                    }),
                )
            }),
        ),
        (
            "invalid_config",
            Box::new(|c| {
                c.create_group(
                    "h",
                    ConsumerConfig {
                        heartbeat_interval_ms: 0,
                        ..ConsumerConfig::default()
                    },
                )
            }),
        ),
    ];
    for (code, command) in refusals {
        let mut attempt = c.clone();
        let err = command(&mut attempt).expect_err(code);
        assert_eq!(err.code(), code, "{err}");
        assert!(
            err.to_string().len() > 20,
            "a message a learner can act on: {err}"
        );
        assert_eq!(attempt, c, "refused {code} changed the model");
    }
}

#[test]
fn a_dead_broker_cannot_be_killed_twice_and_crashed_members_cannot_act() {
    let (mut c, _, m) = populated();
    c.kill_broker(2).unwrap();
    assert_eq!(
        c.kill_broker(2).unwrap_err(),
        ModelError::BrokerAlreadyDown { broker: 2 }
    );
    c.crash_member("g", &m).unwrap();
    let before = c.clone();
    assert_eq!(c.commit("g", &m).unwrap_err().code(), "member_not_active");
    assert_eq!(c, before);
}

#[test]
fn error_codes_are_distinct() {
    let tp = TopicPartition::new("t", 0);
    let errors = [
        ModelError::TopicExists { topic: "t".into() },
        ModelError::UnknownTopic { topic: "t".into() },
        ModelError::UnknownGroup { group: "g".into() },
        ModelError::UnknownMember {
            group: "g".into(),
            member: "m".into(),
        },
        ModelError::NotAssigned {
            partition: tp.clone(),
        },
        ModelError::InvalidOffset {
            partition: tp,
            offset: 1,
            log_start_offset: 0,
            log_end_offset: 0,
        },
    ];
    let codes: BTreeSet<&str> = errors.iter().map(|e| e.code()).collect();
    assert_eq!(codes.len(), errors.len());
}

/// Durations beyond Kafka's `int` milliseconds are refused before they can overflow the
/// simulated clock (a fuzzer of shared links found `retry.backoff.ms = u64::MAX` panicking).
#[test]
fn absurd_durations_are_refused_and_change_nothing() {
    let (mut c, p, _) = populated();
    let before = c.to_json();
    let huge = ProducerConfig {
        retry_backoff_ms: u64::MAX,
        ..ProducerConfig::default()
    };
    let e = c
        .apply(&Command::SetProducerConfig {
            producer: p,
            config: huge,
        })
        .unwrap_err();
    assert_eq!(e.code(), "invalid_config");
    assert!(e.to_string().contains("retry.backoff.ms"), "{e}");
    let slow = ConsumerConfig {
        session_timeout_ms: u64::MAX,
        ..ConsumerConfig::default()
    };
    assert!(c
        .apply(&Command::SetGroupConfig {
            group: "g".into(),
            config: slow
        })
        .is_err());
    assert_eq!(c.to_json(), before);
    // The largest allowed is accepted.
    let edge = ProducerConfig {
        request_timeout_ms: MAX_CONFIG_MS,
        delivery_timeout_ms: MAX_CONFIG_MS,
        ..ProducerConfig::default()
    };
    c.apply(&Command::SetProducerConfig {
        producer: p,
        config: edge,
    })
    .unwrap();
    c.advance(10_000);
}
