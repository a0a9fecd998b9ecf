//! Commands as data: everything a learner (or a scene, or a shared link) can ask of the
//! cluster, in one serializable enum. One seed plus one command log is one history — the
//! basis of time travel (replay from a checkpoint), sharing (encode the log in a link) and
//! determinism tests. `Cluster::apply` is the only place a command turns into a method call.

use crate::cluster::Cluster;
use crate::consumer::{ConsumerConfig, ConsumerId, SeekTo};
use crate::error::ModelError;
use crate::partition::BrokerId;
use crate::producer::{AutoProduce, ProducerConfig, ProducerId};
use crate::record::ProducerRecord;
use crate::topic::TopicConfig;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Command {
    CreateTopic {
        name: String,
        config: TopicConfig,
    },
    DeleteTopic {
        name: String,
    },
    AddPartitions {
        topic: String,
        count: u32,
    },
    AlterTopicConfig {
        topic: String,
        config: TopicConfig,
    },
    AddBroker,
    KillBroker {
        broker: BrokerId,
    },
    ReviveBroker {
        broker: BrokerId,
    },
    CreateProducer {
        client_id: String,
        config: ProducerConfig,
    },
    RemoveProducer {
        producer: ProducerId,
    },
    SetProducerConfig {
        producer: ProducerId,
        config: ProducerConfig,
    },
    SetAutoProduce {
        producer: ProducerId,
        auto: Option<AutoProduce>,
    },
    Produce {
        producer: ProducerId,
        record: ProducerRecord,
    },
    Flush {
        producer: ProducerId,
    },
    CreateGroup {
        group: String,
        config: ConsumerConfig,
    },
    DeleteGroup {
        group: String,
    },
    SetGroupConfig {
        group: String,
        config: ConsumerConfig,
    },
    AddMember {
        group: String,
        client_id: String,
        topics: Vec<String>,
    },
    RemoveMember {
        group: String,
        member: String,
    },
    CrashMember {
        group: String,
        member: String,
    },
    Subscribe {
        group: String,
        member: String,
        topics: Vec<String>,
    },
    Commit {
        group: String,
        member: String,
    },
    ResetOffsets {
        group: String,
        topic: String,
        to: SeekTo,
    },
    CreateConsumer {
        client_id: String,
        config: ConsumerConfig,
    },
    RemoveConsumer {
        consumer: ConsumerId,
    },
    AssignPartitions {
        consumer: ConsumerId,
        partitions: Vec<TopicPartition>,
    },
    SeekConsumer {
        consumer: ConsumerId,
        partition: TopicPartition,
        to: SeekTo,
    },
}

/// What a successful command created or chose, for callers that need to refer to it next.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Outcome {
    Done,
    Broker(BrokerId),
    Producer(ProducerId),
    Consumer(ConsumerId),
    /// A new group member's id.
    Member(String),
    /// Where a produced record is headed.
    Partition(TopicPartition),
}

impl Cluster {
    /// Runs one command. Like every command method, a refused command changes nothing.
    pub fn apply(&mut self, command: &Command) -> Result<Outcome, ModelError> {
        use crate::consumer::ConsumerRef;
        use Command as C;
        let done = |r: Result<(), ModelError>| r.map(|()| Outcome::Done);
        match command.clone() {
            C::CreateTopic { name, config } => done(self.create_topic(&name, config)),
            C::DeleteTopic { name } => done(self.delete_topic(&name)),
            C::AddPartitions { topic, count } => done(self.add_partitions(&topic, count)),
            C::AlterTopicConfig { topic, config } => done(self.alter_topic_config(&topic, config)),
            C::AddBroker => self.add_broker().map(Outcome::Broker),
            C::KillBroker { broker } => done(self.kill_broker(broker)),
            C::ReviveBroker { broker } => done(self.revive_broker(broker)),
            C::CreateProducer { client_id, config } => self
                .create_producer(&client_id, config)
                .map(Outcome::Producer),
            C::RemoveProducer { producer } => done(self.remove_producer(producer)),
            C::SetProducerConfig { producer, config } => {
                done(self.set_producer_config(producer, config))
            }
            C::SetAutoProduce { producer, auto } => done(self.set_auto_produce(producer, auto)),
            C::Produce { producer, record } => {
                self.produce(producer, record).map(Outcome::Partition)
            }
            C::Flush { producer } => done(self.flush(producer)),
            C::CreateGroup { group, config } => done(self.create_group(&group, config)),
            C::DeleteGroup { group } => done(self.delete_group(&group)),
            C::SetGroupConfig { group, config } => done(self.set_group_config(&group, config)),
            C::AddMember {
                group,
                client_id,
                topics,
            } => self
                .add_member(&group, &client_id, topics)
                .map(Outcome::Member),
            C::RemoveMember { group, member } => done(self.remove_member(&group, &member)),
            C::CrashMember { group, member } => done(self.crash_member(&group, &member)),
            C::Subscribe {
                group,
                member,
                topics,
            } => done(self.subscribe(&group, &member, topics)),
            C::Commit { group, member } => done(self.commit(&group, &member)),
            C::ResetOffsets { group, topic, to } => done(self.reset_offsets(&group, &topic, to)),
            C::CreateConsumer { client_id, config } => self
                .create_consumer(&client_id, config)
                .map(Outcome::Consumer),
            C::RemoveConsumer { consumer } => done(self.remove_consumer(consumer)),
            C::AssignPartitions {
                consumer,
                partitions,
            } => done(self.assign_partitions(consumer, partitions)),
            C::SeekConsumer {
                consumer,
                partition,
                to,
            } => done(self.seek(&ConsumerRef::Standalone(consumer), &partition, to)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn script() -> Vec<Command> {
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
            Command::Produce {
                producer: 1,
                record: ProducerRecord::text("orders", Some("order-1"), "42 VND"),
            },
        ]
    }

    #[test]
    fn applying_commands_equals_calling_methods() {
        let mut by_command = Cluster::new(7, 3).unwrap();
        let outcomes: Vec<Outcome> = script()
            .iter()
            .map(|c| by_command.apply(c).unwrap())
            .collect();
        let mut by_method = Cluster::new(7, 3).unwrap();
        by_method
            .create_topic("orders", TopicConfig::default().with_partitions(3))
            .unwrap();
        let producer = by_method
            .create_producer("shop", ProducerConfig::default())
            .unwrap();
        by_method
            .create_group("payments", ConsumerConfig::default())
            .unwrap();
        let member = by_method
            .add_member("payments", "payment-1", vec!["orders".into()])
            .unwrap();
        let tp = by_method
            .produce(
                producer,
                ProducerRecord::text("orders", Some("order-1"), "42 VND"),
            )
            .unwrap();
        assert_eq!(outcomes[1], Outcome::Producer(producer));
        assert_eq!(outcomes[3], Outcome::Member(member));
        assert_eq!(outcomes[4], Outcome::Partition(tp));
        assert_eq!(by_command.advance(5_000), by_method.advance(5_000));
    }

    #[test]
    fn a_refused_command_changes_nothing() {
        let mut cluster = Cluster::new(7, 1).unwrap();
        cluster.apply(&script()[0]).unwrap();
        let before = cluster.clone();
        let refused = Command::CreateTopic {
            name: "bad name!".into(),
            config: TopicConfig::default(),
        };
        assert!(cluster.apply(&refused).is_err());
        assert!(cluster.apply(&Command::KillBroker { broker: 9 }).is_err());
        assert_eq!(cluster, before);
    }

    #[test]
    fn commands_round_trip_through_json() {
        for command in script() {
            let json = serde_json::to_string(&command).unwrap();
            assert_eq!(
                serde_json::from_str::<Command>(&json).unwrap(),
                command,
                "{json}"
            );
        }
    }
}
