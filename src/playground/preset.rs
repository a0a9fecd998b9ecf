//! The free playground's starting cluster: small enough to read at a glance, rich enough to
//! show replication and a consumer group at work.

use kafka_model::{Command, ConsumerConfig, ProducerConfig, TopicConfig};

pub const SEED: u64 = 2024;
pub const BROKERS: u32 = 3;

pub fn commands() -> Vec<Command> {
    vec![
        Command::CreateTopic {
            name: "orders".into(),
            config: TopicConfig::default()
                .with_partitions(3)
                .with_replication_factor(2),
        },
        Command::CreateProducer {
            client_id: "producer-1".into(),
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
        Command::AddMember {
            group: "payments".into(),
            client_id: "payment-2".into(),
            topics: vec!["orders".into()],
        },
    ]
}

/// The browser benchmark's cluster: enough auto-producers that about `in_flight` messages
/// are under way at once (each producer at 100 records/s keeps ~100 flights going: requests,
/// acks, replication and fetches at playground latency).
pub fn bench(in_flight: u32) -> Vec<Command> {
    use kafka_model::{AutoProduce, KeyPattern};
    let producers = in_flight.div_ceil(100).clamp(1, 50);
    let mut commands = vec![Command::CreateTopic {
        name: "bench".into(),
        config: TopicConfig::default()
            .with_partitions(12)
            .with_replication_factor(3),
    }];
    for i in 1..=producers {
        // Not idempotent: an idempotent producer keeps at most five batches in flight per
        // partition (Kafka's max.in.flight.requests.per.connection), and the benchmark wants
        // `in_flight` messages in the air whatever the partitions.
        let config = ProducerConfig {
            linger_ms: 0,
            ..ProducerConfig::default()
        }
        .with_idempotence(false);
        commands.push(Command::CreateProducer {
            client_id: format!("producer-{i}"),
            config,
        });
        let keys = KeyPattern::Random((0..24).map(|k| format!("key-{k}")).collect());
        commands.push(Command::SetAutoProduce {
            producer: i,
            auto: Some(AutoProduce {
                topic: "bench".into(),
                records_per_sec: 100.0,
                keys,
            }),
        });
    }
    commands.push(Command::CreateGroup {
        group: "readers".into(),
        config: ConsumerConfig::default(),
    });
    for m in 1..=4 {
        commands.push(Command::AddMember {
            group: "readers".into(),
            client_id: format!("reader-{m}"),
            topics: vec!["bench".into()],
        });
    }
    commands
}

/// `?bench=N` (1..=5000) selects the benchmark cluster; anything else the free playground.
pub fn from_query(bench: Option<&str>) -> (u32, Vec<Command>) {
    match bench
        .and_then(|b| b.parse::<u32>().ok())
        .filter(|n| (1..=5000).contains(n))
    {
        Some(n) => (BROKERS, self::bench(n)),
        None => (BROKERS, commands()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::session::Session;

    #[test]
    fn presets_are_valid_clusters() {
        Session::new(SEED, BROKERS, &commands()).unwrap();
        for n in [1, 100, 500, 2000, 5000] {
            let mut s = Session::new(SEED, BROKERS, &bench(n)).unwrap();
            s.advance(2_000);
            assert!(s.cluster().producers().all(|p| p.auto.is_some()));
        }
    }

    #[test]
    fn bad_bench_values_fall_back_to_the_playground() {
        for q in [
            None,
            Some(""),
            Some("0"),
            Some("-5"),
            Some("9999999"),
            Some("abc"),
        ] {
            assert_eq!(from_query(q).1, commands(), "{q:?}");
        }
        assert_ne!(from_query(Some("500")).1, commands());
    }
}
