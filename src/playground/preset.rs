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
