//! A deterministic, in-memory simulation of Apache Kafka.
//!
//! The model has no web dependency: it takes commands, advances a simulated clock, and
//! returns *happenings* with start and end times that the UI animates. Where Kafka has a
//! rule, the model follows it; the tests cite the Kafka source they check against.

pub mod assignor;
pub mod broker;
pub mod cluster;
pub mod collections;
pub mod command;
pub mod command_json;
pub mod consumer;
pub mod controller;
pub mod direct;
pub mod error;
pub mod group;
pub mod happening;
pub mod log;
pub mod network;
pub mod partition;
pub mod partitioner;
pub mod presets;
pub mod producer;
pub mod record;
pub mod rng;
mod root_api;
pub mod schedule;
mod serde_pairs;
pub mod service;
pub mod snapshot;
pub mod sorting;
pub mod timing;
pub mod topic;
pub mod topic_name;
pub mod topic_partition;
pub mod version;
pub mod world;

pub use broker::Broker;
pub use cluster::Cluster;
pub use command::{Command, Outcome};
pub use consumer::{AutoOffsetReset, Consumer, ConsumerConfig, ConsumerId, ConsumerRef, SeekTo};
pub use controller::{ControllerMode, ControllerState, MetadataEntry, MetadataRecord};
pub use error::{
    KafkaError, ModelError, NameTakenBy, ReassignmentProblem, ServicePart, MAX_CONFIG_MS,
};
pub use group::{Group, GroupState, Member, MemberStatus, PartitionLag, RebalanceReason};
pub use happening::{ElectionReason, Endpoint, Happening, HappeningKind};
pub use network::Network;
pub use partition::{BrokerId, Partition};
pub use producer::{Acks, AutoProduce, KeyPattern, Producer, ProducerConfig, ProducerId};
pub use record::{Header, ProducerRecord, Record};
pub use root_api::{
    assign, murmur2, partition_for_key, validate_topic_name, Assignment, MemberSubscription,
    Strategy,
};
pub use schedule::Ms;
pub use service::{Reaction, Service, ServiceConfig, ServiceRecord};
pub use timing::Timing;
pub use topic::{CleanupPolicy, Topic, TopicConfig};
pub use topic_partition::TopicPartition;
pub use world::{World, WorldCommand, WorldHappenings};
