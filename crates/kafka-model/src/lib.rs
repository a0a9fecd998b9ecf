//! A deterministic, in-memory simulation of Apache Kafka.
//!
//! The model has no web dependency: it takes commands, advances a simulated clock, and
//! returns *happenings* with start and end times that the UI animates. Where Kafka has a
//! rule, the model follows it; the tests cite the Kafka source they check against.

pub mod assignor;
pub mod partitioner;
pub mod topic_name;
pub mod topic_partition;
pub mod version;

pub use topic_partition::TopicPartition;
