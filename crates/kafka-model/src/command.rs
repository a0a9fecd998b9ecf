//! Commands as data: everything a learner (or a scene, or a shared link) can ask of the
//! cluster, in one serializable enum. One seed plus one command log is one history — the
//! basis of time travel (replay from a checkpoint), sharing (encode the log in a link) and
//! determinism tests. `Cluster::apply` is the only place a command turns into a method call.

use crate::cluster::Cluster;
use crate::consumer::{ConsumerConfig, ConsumerId, SeekTo};
use crate::controller::ControllerMode;
use crate::error::ModelError;
use crate::happening::Endpoint;
use crate::partition::BrokerId;
use crate::producer::{AutoProduce, ProducerConfig, ProducerId};
use crate::record::ProducerRecord;
use crate::service::ServiceConfig;
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
    /// `kafka-cluster.sh unregister --id N`, for a broker that was emptied by reassignments
    /// and shut down.
    RemoveBroker {
        broker: BrokerId,
    },
    /// One partition of a `kafka-reassign-partitions.sh --execute` plan: its new replicas,
    /// the first being the preferred leader.
    ReassignPartition {
        partition: TopicPartition,
        replicas: Vec<BrokerId>,
    },
    /// `kafka-leader-election --election-type PREFERRED --all-topic-partitions`.
    ElectPreferredLeaders,
    /// `auto.leader.rebalance.enable`: whether preferred leaders return on their own.
    SetAutoLeaderRebalance {
        enable: bool,
    },
    SetControllerMode {
        mode: ControllerMode,
    },
    CutOffBroker {
        broker: BrokerId,
    },
    HealBroker {
        broker: BrokerId,
    },
    SlowLink {
        a: Endpoint,
        b: Endpoint,
        extra_ms: u64,
    },
    /// Loses the message in flight whose happening has this id.
    DropRequest {
        flight: u64,
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
    /// Deploys a service (see `crate::service`): its group, member and producer.
    CreateService {
        name: String,
        config: ServiceConfig,
    },
    /// The service's process goes down (its member crashes).
    StopService {
        name: String,
    },
    /// The service's process comes back (a new member joins its group).
    StartService {
        name: String,
    },
    RemoveService {
        name: String,
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
    /// How many partitions a preferred leader election moved.
    Elected(u32),
    /// A customer's order in the shop without Kafka (see `crate::world`).
    Order(u64),
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
            C::RemoveBroker { broker } => done(self.remove_broker(broker)),
            C::ReassignPartition {
                partition,
                replicas,
            } => done(self.reassign_partition(&partition, replicas)),
            C::ElectPreferredLeaders => self.elect_preferred_leaders().map(Outcome::Elected),
            C::SetAutoLeaderRebalance { enable } => done(self.set_auto_leader_rebalance(enable)),
            C::SetControllerMode { mode } => done(self.set_controller_mode(mode)),
            C::CutOffBroker { broker } => done(self.cut_off_broker(broker)),
            C::HealBroker { broker } => done(self.heal_broker(broker)),
            C::SlowLink { a, b, extra_ms } => done(self.slow_link(a, b, extra_ms)),
            C::DropRequest { flight } => done(self.drop_request(flight)),
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
            C::CreateService { name, config } => done(self.create_service(&name, config)),
            C::StopService { name } => done(self.stop_service(&name)),
            C::StartService { name } => done(self.start_service(&name)),
            C::RemoveService { name } => done(self.remove_service(&name)),
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
    fn fault_and_controller_commands_round_trip_through_json_and_apply() {
        let commands = vec![
            Command::SetControllerMode {
                mode: ControllerMode::ZooKeeper,
            },
            Command::CutOffBroker { broker: 2 },
            Command::SlowLink {
                a: Endpoint::Broker(1),
                b: Endpoint::Broker(3),
                extra_ms: 500,
            },
            Command::HealBroker { broker: 2 },
            Command::SetAutoLeaderRebalance { enable: false },
            Command::ElectPreferredLeaders,
        ];
        let mut cluster = Cluster::new(7, 3).unwrap();
        for command in &commands {
            let json = serde_json::to_string(command).unwrap();
            assert_eq!(&serde_json::from_str::<Command>(&json).unwrap(), command);
            cluster.apply(command).unwrap();
        }
        assert!(cluster
            .apply(&Command::DropRequest { flight: 999_999 })
            .is_err());
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
