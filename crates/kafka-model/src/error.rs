//! What can go wrong, in two kinds.
//!
//! [`ModelError`] is a refused command: the model is left exactly as it was, and the message
//! says what to do instead. [`KafkaError`] is an error a Kafka broker or client reports while
//! the simulation runs (carried by happenings such as `ProduceFailed`); its codes are Kafka's
//! own error names. Both have a stable `code()` so the UI can show its own translation.

use crate::topic_name::TopicNameError;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::fmt;

/// A command the model refused. Nothing changed.
/// `Result::expect` for a call its caller has already made sure succeeds. Unlike `expect`,
/// a release build does not write the error with `Debug`: that alone brought every
/// `ModelError`'s `Debug` and Rust's string escaper into the page's wasm, for a message no one
/// would read (the page aborts on a panic and says so). Tests and debug builds still show it.
pub(crate) trait Invariant<T> {
    fn invariant(self, why: &'static str) -> T;
}

impl<T> Invariant<T> for Result<T, ModelError> {
    #[track_caller]
    fn invariant(self, why: &'static str) -> T {
        match self {
            Ok(v) => v,
            #[cfg(debug_assertions)]
            Err(e) => panic!("{why}: {e:?}"),
            #[cfg(not(debug_assertions))]
            Err(_) => panic!("{why}"),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ModelError {
    InvalidTopic(TopicNameError),
    TopicExists {
        topic: String,
    },
    TopicCollision {
        topic: String,
        existing: String,
    },
    InvalidPartitions {
        requested: u32,
        minimum: u32,
        maximum: u32,
    },
    InvalidReplicationFactor {
        requested: u32,
        available_brokers: u32,
    },
    UnknownTopic {
        topic: String,
    },
    UnknownPartition {
        topic: String,
        partition: u32,
        partitions: u32,
    },
    UnknownGroup {
        group: String,
    },
    GroupExists {
        group: String,
    },
    GroupNotEmpty {
        group: String,
        members: usize,
    },
    UnknownMember {
        group: String,
        member: String,
    },
    MemberNotActive {
        group: String,
        member: String,
    },
    UnknownProducer {
        producer: u32,
    },
    UnknownConsumer {
        consumer: u32,
    },
    UnknownBroker {
        broker: u32,
    },
    BrokerAlreadyDown {
        broker: u32,
    },
    BrokerAlreadyUp {
        broker: u32,
    },
    TooManyBrokers {
        maximum: u32,
    },
    /// Removing it would leave the cluster without brokers.
    LastBroker {
        broker: u32,
    },
    /// The broker also runs one of the KRaft controllers (a voter of the metadata quorum).
    BrokerIsVoter {
        broker: u32,
        voters: Vec<u32>,
    },
    /// Partitions still have a replica on the broker: `partition` is the first of them.
    BrokerHasReplicas {
        broker: u32,
        partition: TopicPartition,
        partitions: usize,
    },
    /// Only a broker that was shut down can be removed.
    BrokerStillRunning {
        broker: u32,
    },
    /// A partition reassignment Kafka would refuse (or the playground cannot do).
    InvalidReassignment {
        partition: TopicPartition,
        problem: ReassignmentProblem,
    },
    /// The partition is still being reassigned.
    ReassignmentInProgress {
        partition: TopicPartition,
    },
    RecordTooLarge {
        size: u32,
        maximum: u32,
    },
    InvalidConfig {
        name: String,
        reason: String,
    },
    InvalidOffset {
        partition: TopicPartition,
        offset: u64,
        log_start_offset: u64,
        log_end_offset: u64,
    },
    NotAssigned {
        partition: TopicPartition,
    },
    UnknownService {
        service: String,
    },
    /// A command for the shop without Kafka, in a session that has none.
    NoShopWithoutKafka,
    /// The name a new service asked for is already a service's, a group's or a producer's.
    ServiceNameTaken {
        service: String,
        by: NameTakenBy,
    },
    ServiceWithoutInput {
        service: String,
    },
    /// The service would (through other services, perhaps) consume what it produces.
    ServiceLoop {
        service: String,
        topic: String,
    },
    ServiceAlreadyStopped {
        service: String,
    },
    ServiceAlreadyRunning {
        service: String,
    },
    /// A command would take from under a service something it needs.
    UsedByService {
        service: String,
        part: ServicePart,
    },
}

/// What already holds a name a new service asked for (its group id and client id).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NameTakenBy {
    Service,
    Group,
    Producer,
}

/// What is wrong with the replica list of a reassignment.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ReassignmentProblem {
    /// No replicas at all.
    Empty,
    /// The list names a broker twice.
    Duplicate { broker: u32 },
    /// The list has another length than the topic's replication factor.
    ReplicationFactor {
        requested: u32,
        replication_factor: u32,
    },
}

/// What of a service a refused command was about.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ServicePart {
    /// A topic it reads or produces to.
    Topic(String),
    /// Its consumer group.
    Group,
    /// Its producer.
    Producer,
    /// The member running its code.
    Member(String),
}

/// The largest duration setting the model accepts: `i32::MAX` ms, Kafka's `int` configs.
pub const MAX_CONFIG_MS: crate::Ms = i32::MAX as crate::Ms;

impl ModelError {
    /// A stable machine code for translation; never changes once published.
    pub fn code(&self) -> &'static str {
        match self {
            ModelError::InvalidTopic(_) => "invalid_topic",
            ModelError::TopicExists { .. } => "topic_exists",
            ModelError::TopicCollision { .. } => "topic_collision",
            ModelError::InvalidPartitions { .. } => "invalid_partitions",
            ModelError::InvalidReplicationFactor { .. } => "invalid_replication_factor",
            ModelError::UnknownTopic { .. } => "unknown_topic",
            ModelError::UnknownPartition { .. } => "unknown_partition",
            ModelError::UnknownGroup { .. } => "unknown_group",
            ModelError::GroupExists { .. } => "group_exists",
            ModelError::GroupNotEmpty { .. } => "group_not_empty",
            ModelError::UnknownMember { .. } => "unknown_member",
            ModelError::MemberNotActive { .. } => "member_not_active",
            ModelError::UnknownProducer { .. } => "unknown_producer",
            ModelError::UnknownConsumer { .. } => "unknown_consumer",
            ModelError::UnknownBroker { .. } => "unknown_broker",
            ModelError::BrokerAlreadyDown { .. } => "broker_already_down",
            ModelError::BrokerAlreadyUp { .. } => "broker_already_up",
            ModelError::TooManyBrokers { .. } => "too_many_brokers",
            ModelError::LastBroker { .. } => "last_broker",
            ModelError::BrokerIsVoter { .. } => "broker_is_voter",
            ModelError::BrokerHasReplicas { .. } => "broker_has_replicas",
            ModelError::BrokerStillRunning { .. } => "broker_still_running",
            ModelError::InvalidReassignment { .. } => "invalid_reassignment",
            ModelError::ReassignmentInProgress { .. } => "reassignment_in_progress",
            ModelError::RecordTooLarge { .. } => "record_too_large",
            ModelError::InvalidConfig { .. } => "invalid_config",
            ModelError::InvalidOffset { .. } => "invalid_offset",
            ModelError::NotAssigned { .. } => "not_assigned",
            ModelError::UnknownService { .. } => "unknown_service",
            ModelError::NoShopWithoutKafka => "no_shop_without_kafka",
            ModelError::ServiceNameTaken { .. } => "service_name_taken",
            ModelError::ServiceWithoutInput { .. } => "service_without_input",
            ModelError::ServiceLoop { .. } => "service_loop",
            ModelError::ServiceAlreadyStopped { .. } => "service_already_stopped",
            ModelError::ServiceAlreadyRunning { .. } => "service_already_running",
            ModelError::UsedByService { .. } => "used_by_service",
        }
    }

    /// A duration setting above Kafka's largest (an `int` of milliseconds, about 24.8 days —
    /// `ConfigDef.Type.INT` for `request.timeout.ms`, `session.timeout.ms`...) is refused:
    /// beyond it the simulated clock's arithmetic could overflow.
    pub(crate) fn check_ms(name: &str, ms: crate::Ms) -> Result<(), ModelError> {
        if ms > MAX_CONFIG_MS {
            return Err(ModelError::config(
                name,
                format!("must be at most {MAX_CONFIG_MS} ms (Kafka's largest int)"),
            ));
        }
        Ok(())
    }

    pub(crate) fn config(name: &str, reason: impl Into<String>) -> Self {
        ModelError::InvalidConfig {
            name: name.to_string(),
            reason: reason.into(),
        }
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ModelError::InvalidTopic(e) => write!(f, "{e}"),
            ModelError::TopicExists { topic } => write!(f, "Topic '{topic}' already exists; pick another name or delete it first."),
            ModelError::TopicCollision { topic, existing } => write!(
                f,
                "Topic '{topic}' collides with existing topic '{existing}': Kafka treats '.' and '_' alike in metric names. Use either, but not both."
            ),
            ModelError::InvalidPartitions { requested, minimum, maximum } => {
                write!(f, "The number of partitions must be between {minimum} and {maximum}, not {requested}. Kafka can add partitions but never remove them.")
            }
            ModelError::InvalidReplicationFactor { requested, available_brokers } => write!(
                f,
                "Replication factor {requested} needs {requested} live brokers, but {available_brokers} are available. Lower it or add/revive brokers (it must be at least 1)."
            ),
            ModelError::UnknownTopic { topic } => write!(f, "Topic '{topic}' does not exist; create it first."),
            ModelError::UnknownPartition { topic, partition, partitions } => write!(
                f,
                "Topic '{topic}' has {partitions} partition(s), numbered 0 to {}; partition {partition} does not exist.",
                partitions.saturating_sub(1)
            ),
            ModelError::UnknownGroup { group } => write!(f, "Consumer group '{group}' does not exist; create it first."),
            ModelError::GroupExists { group } => write!(f, "Consumer group '{group}' already exists."),
            ModelError::GroupNotEmpty { group, members } => write!(
                f,
                "Consumer group '{group}' still has {members} member(s); remove them first (Kafka only changes an inactive group)."
            ),
            ModelError::UnknownMember { group, member } => write!(f, "Group '{group}' has no member '{member}'."),
            ModelError::MemberNotActive { group, member } => write!(
                f,
                "Member '{member}' of group '{group}' has crashed or is leaving; it cannot act any more."
            ),
            ModelError::UnknownProducer { producer } => write!(f, "There is no producer {producer}."),
            ModelError::UnknownConsumer { consumer } => write!(f, "There is no consumer {consumer}."),
            ModelError::UnknownBroker { broker } => write!(f, "There is no broker {broker}."),
            ModelError::BrokerAlreadyDown { broker } => write!(f, "Broker {broker} is already down."),
            ModelError::BrokerAlreadyUp { broker } => write!(f, "Broker {broker} is already running."),
            ModelError::TooManyBrokers { maximum } => write!(f, "The playground runs at most {maximum} brokers."),
            ModelError::LastBroker { broker } => write!(f, "Broker {broker} is the last broker; a cluster needs at least one."),
            ModelError::BrokerIsVoter { broker, voters } => write!(
                f,
                "Broker {broker} also runs one of the KRaft controllers (voters {}). Removing a controller is a quorum change (KIP-853), which the playground does not do; remove a broker that is not a voter.",
                join_ids(voters)
            ),
            ModelError::BrokerHasReplicas { broker, partition, partitions } => write!(
                f,
                "Broker {broker} still holds a replica of {partition}{}. Reassign its partitions to other brokers first, then shut it down and remove it.",
                match partitions.saturating_sub(1) {
                    0 => String::new(),
                    1 => " and of 1 more partition".to_string(),
                    n => format!(" and of {n} more partitions"),
                }
            ),
            ModelError::BrokerStillRunning { broker } => write!(
                f,
                "Broker {broker} is still running: shut it down first, then remove it (Kafka unregisters a broker once it is shut down)."
            ),
            ModelError::InvalidReassignment { partition, problem } => match problem {
                ReassignmentProblem::Empty => write!(f, "A reassignment of {partition} needs at least one replica."),
                ReassignmentProblem::Duplicate { broker } => write!(
                    f,
                    "The reassignment of {partition} names broker {broker} more than once."
                ),
                ReassignmentProblem::ReplicationFactor { requested, replication_factor } => write!(
                    f,
                    "The reassignment of {partition} lists {requested} replica(s), but the topic's replication factor is {replication_factor}; the playground moves replicas without changing their number."
                ),
            },
            ModelError::ReassignmentInProgress { partition } => write!(
                f,
                "{partition} is still being reassigned; wait until its new replicas are in sync."
            ),
            ModelError::RecordTooLarge { size, maximum } => write!(
                f,
                "The record is {size} bytes, larger than the {maximum} bytes the topic accepts (max.message.bytes)."
            ),
            ModelError::InvalidConfig { name, reason } => write!(f, "Invalid value for {name}: {reason}."),
            ModelError::InvalidOffset { partition, offset, log_start_offset, log_end_offset } => write!(
                f,
                "Offset {offset} is outside {partition}, which holds offsets {log_start_offset} to {log_end_offset} (the log end)."
            ),
            ModelError::NotAssigned { partition } => write!(
                f,
                "No current assignment for partition {partition}: a consumer can only seek partitions it owns."
            ),
            ModelError::UnknownService { service } => write!(f, "There is no service '{service}'."),
            ModelError::NoShopWithoutKafka => {
                f.write_str("This session has no shop without Kafka to send that to.")
            }
            ModelError::ServiceNameTaken { service, by } => match by {
                NameTakenBy::Service => write!(f, "Service '{service}' already exists; pick another name."),
                NameTakenBy::Group => write!(
                    f,
                    "Consumer group '{service}' already exists, and a service's group id is its name; pick another name (or delete the group once it is empty)."
                ),
                NameTakenBy::Producer => write!(
                    f,
                    "A producer is already called '{service}', and a service's producer takes its name; pick another name."
                ),
            },
            ModelError::ServiceWithoutInput { service } => write!(
                f,
                "Service '{service}' needs at least one input topic to consume."
            ),
            ModelError::ServiceLoop { service, topic } => write!(
                f,
                "Service '{service}' would produce to '{topic}' and so, through the services reading it, receive its own records again without end; produce to another topic."
            ),
            ModelError::ServiceAlreadyStopped { service } => write!(f, "Service '{service}' is already stopped."),
            ModelError::ServiceAlreadyRunning { service } => write!(f, "Service '{service}' is already running."),
            ModelError::UsedByService { service, part } => match part {
                ServicePart::Topic(topic) => write!(
                    f,
                    "Service '{service}' uses topic '{topic}'; remove the service first."
                ),
                ServicePart::Group => write!(
                    f,
                    "Consumer group '{service}' belongs to service '{service}'; remove the service instead."
                ),
                ServicePart::Producer => write!(
                    f,
                    "This producer belongs to service '{service}'; remove the service instead."
                ),
                ServicePart::Member(member) => write!(
                    f,
                    "Member '{member}' runs service '{service}'; stop or remove the service instead."
                ),
            },
        }
    }
}

fn join_ids(ids: &[u32]) -> String {
    ids.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
}

impl std::error::Error for ModelError {}

impl From<TopicNameError> for ModelError {
    fn from(e: TopicNameError) -> Self {
        match e {
            TopicNameError::CollidesWith { name, existing } => ModelError::TopicCollision {
                topic: name,
                existing,
            },
            other => ModelError::InvalidTopic(other),
        }
    }
}

/// An error Kafka reports at run time, named as in Kafka's `Errors` enum.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum KafkaError {
    /// The broker that got the request does not lead the partition (any more). Retriable.
    NotLeaderOrFollower {
        partition: TopicPartition,
        broker: u32,
    },
    /// No broker leads the partition right now. Retriable.
    LeaderNotAvailable { partition: TopicPartition },
    /// The broker is down; the request got no answer. Retriable.
    BrokerNotAvailable { broker: u32 },
    /// acks=all and the ISR is smaller than min.insync.replicas: refused before appending.
    NotEnoughReplicas {
        partition: TopicPartition,
        isr: u32,
        min_insync_replicas: u32,
    },
    /// The topic or partition no longer exists.
    UnknownTopicOrPartition { partition: TopicPartition },
    /// The producer gave up after delivery.timeout.ms.
    DeliveryTimeout { partition: TopicPartition },
    /// A consumer asked for an offset the log does not hold.
    OffsetOutOfRange {
        partition: TopicPartition,
        offset: u64,
    },
    /// No committed offset and auto.offset.reset=none.
    NoOffsetForPartition { partition: TopicPartition },
    /// No answer within request.timeout.ms (the request or its answer was lost). Retriable.
    RequestTimedOut { partition: TopicPartition },
    /// The broker refused the records, e.g. a record without a key on a compacted topic.
    InvalidRecord {
        partition: TopicPartition,
        reason: String,
    },
}

impl KafkaError {
    /// Kafka's error name (`Errors.name()`), a stable code.
    pub fn code(&self) -> &'static str {
        match self {
            KafkaError::NotLeaderOrFollower { .. } => "NOT_LEADER_OR_FOLLOWER",
            KafkaError::LeaderNotAvailable { .. } => "LEADER_NOT_AVAILABLE",
            KafkaError::BrokerNotAvailable { .. } => "BROKER_NOT_AVAILABLE",
            KafkaError::NotEnoughReplicas { .. } => "NOT_ENOUGH_REPLICAS",
            KafkaError::UnknownTopicOrPartition { .. } => "UNKNOWN_TOPIC_OR_PARTITION",
            KafkaError::DeliveryTimeout { .. } => "DELIVERY_TIMEOUT",
            KafkaError::OffsetOutOfRange { .. } => "OFFSET_OUT_OF_RANGE",
            KafkaError::NoOffsetForPartition { .. } => "NO_OFFSET_FOR_PARTITION",
            KafkaError::RequestTimedOut { .. } => "REQUEST_TIMED_OUT",
            KafkaError::InvalidRecord { .. } => "INVALID_RECORD",
        }
    }

    /// Whether a producer may retry: Kafka's `RetriableException` subclasses.
    pub fn is_retriable(&self) -> bool {
        matches!(
            self,
            KafkaError::NotLeaderOrFollower { .. }
                | KafkaError::LeaderNotAvailable { .. }
                | KafkaError::BrokerNotAvailable { .. }
                | KafkaError::NotEnoughReplicas { .. }
                | KafkaError::RequestTimedOut { .. }
        )
    }
}

impl fmt::Display for KafkaError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            KafkaError::NotLeaderOrFollower { partition, broker } => {
                write!(f, "Broker {broker} is not the leader of {partition}; the client refreshes metadata and retries.")
            }
            KafkaError::LeaderNotAvailable { partition } => {
                write!(f, "{partition} has no leader right now (its in-sync replicas are down); waiting for one.")
            }
            KafkaError::BrokerNotAvailable { broker } => write!(f, "Broker {broker} is down and did not answer."),
            KafkaError::NotEnoughReplicas { partition, isr, min_insync_replicas } => write!(
                f,
                "{partition} has {isr} in-sync replica(s), fewer than min.insync.replicas={min_insync_replicas}; acks=all writes are refused."
            ),
            KafkaError::UnknownTopicOrPartition { partition } => write!(f, "{partition} does not exist."),
            KafkaError::DeliveryTimeout { partition } => {
                write!(f, "Gave up sending to {partition}: delivery.timeout.ms passed. The records are lost.")
            }
            KafkaError::OffsetOutOfRange { partition, offset } => write!(
                f,
                "Offset {offset} is out of range for {partition} (deleted by retention, or past the end); auto.offset.reset decides where to go."
            ),
            KafkaError::NoOffsetForPartition { partition } => write!(
                f,
                "No committed offset for {partition} and auto.offset.reset=none: the consumer stops until you seek."
            ),
            KafkaError::RequestTimedOut { partition } => write!(
                f,
                "No answer from the leader of {partition} within request.timeout.ms; the producer retries (without idempotence, a retry may write the records twice)."
            ),
            KafkaError::InvalidRecord { partition, reason } => {
                write!(f, "The leader of {partition} refused the records: {reason}.")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_collision_from_the_name_check_becomes_topic_collision() {
        let e: ModelError = TopicNameError::CollidesWith {
            name: "a.b".into(),
            existing: "a_b".into(),
        }
        .into();
        assert_eq!(
            e,
            ModelError::TopicCollision {
                topic: "a.b".into(),
                existing: "a_b".into()
            }
        );
        assert_eq!(e.code(), "topic_collision");
        assert!(e.to_string().contains("a_b"));
    }

    #[test]
    fn only_transient_broker_errors_are_retriable() {
        let tp = TopicPartition::new("t", 0);
        assert!(KafkaError::NotLeaderOrFollower {
            partition: tp.clone(),
            broker: 1
        }
        .is_retriable());
        assert!(!KafkaError::DeliveryTimeout { partition: tp }.is_retriable());
    }
}
