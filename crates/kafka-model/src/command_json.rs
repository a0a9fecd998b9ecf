//! Commands read back from JSON without serde's derived `Deserialize`, for the web app's
//! links and files.
//!
//! Why by hand: the commands keep their serde derives (tests, and every writer: links and files),
//! but serde's derived reading code, monomorphised for `serde_json`, was ≈ 105 KB of the
//! app's 1.1 MB release wasm, half of it one function (the `Command` visitor with everything
//! inlined), and a quarter of what the app's share panel costs to download. Reading an
//! already parsed [`serde_json::Value`] (robust against hostile text: nesting limit, exact
//! numbers) with the small helpers here is a fraction of that.
//!
//! The format is serde's own: externally tagged enums (a unit variant is its name, any other
//! `{"Name": ...}`), structs as objects whose unknown keys are ignored, a missing `Option`
//! field as `None`, `#[serde(default = ...)]` fields filled the same way, bytes as arrays of
//! numbers. The derived `Deserialize` stays as the oracle: `tests/command_json.rs` checks
//! that this reader takes everything serde writes back to the same value, and never takes
//! anything serde would refuse or read differently. Where serde is more lenient (a struct
//! given as an array, a unit variant given as `{"Name": null}`) this reader refuses: nothing
//! we write looks like that.
//!
//! Errors say where: `setup[3].CreateTopic.config.partitions: expected an integer from 0 to
//! 4294967295, found a string`.

use crate::assignor::AssignmentStrategy;
use crate::consumer::{AutoOffsetReset, ConsumerConfig, ConsumerRef, SeekTo};
use crate::controller::ControllerMode;
use crate::direct::DirectCommand;
use crate::happening::Endpoint;
use crate::partitioner::PartitionerKind;
use crate::producer::{Acks, AutoProduce, KeyPattern, ProducerConfig};
use crate::record::{Header, ProducerRecord};
use crate::service::{Reaction, ServiceConfig};
use crate::topic::{CleanupPolicy, TopicConfig};
use crate::world::WorldCommand;
use crate::{Command, TopicPartition};
use serde_json::{Map, Value};
use std::fmt;
use std::sync::Arc;

/// What is wrong in a JSON value, and where.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct JsonError {
    /// From the innermost segment out: an error collects its path as it returns.
    path: Vec<String>,
    problem: String,
}

impl JsonError {
    // Errors are rare and their code is not: kept out of line, once.
    #[cold]
    #[inline(never)]
    pub fn new(problem: String) -> Self {
        JsonError {
            path: Vec::new(),
            problem,
        }
    }

    /// `value` is not what was expected here.
    #[cold]
    #[inline(never)]
    pub fn expected(what: &str, value: &Value) -> Self {
        let found = match value {
            Value::Null => "null",
            Value::Bool(_) => "a boolean",
            // The number itself: "-1" or "1e300" says more than its type.
            Value::Number(n) => return JsonError::new(format!("expected {what}, found {n}")),
            Value::String(_) => "a string",
            Value::Array(_) => "an array",
            Value::Object(_) => "an object",
        };
        JsonError::new(format!("expected {what}, found {found}"))
    }

    /// The same error, inside the field or variant `segment` (or `[i]` for an index).
    #[cold]
    #[inline(never)]
    pub fn at(mut self, segment: &str) -> Self {
        self.path.push(segment.to_owned());
        self
    }

    /// The same error, inside item `i` of an array.
    #[cold]
    #[inline(never)]
    pub fn at_index(mut self, i: usize) -> Self {
        self.path.push(format!("[{i}]"));
        self
    }

    /// The path from the outermost value: `setup[3].CreateTopic.config`; empty at the top.
    pub fn path(&self) -> String {
        let mut out = String::new();
        for segment in self.path.iter().rev() {
            if !out.is_empty() && !segment.starts_with('[') {
                out.push('.');
            }
            out.push_str(segment);
        }
        out
    }

    pub fn problem(&self) -> &str {
        &self.problem
    }
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.path.is_empty() {
            f.write_str(&self.problem)
        } else {
            write!(f, "{}: {}", self.path(), self.problem)
        }
    }
}

impl std::error::Error for JsonError {}

/// A type read from a JSON value the way its serde derive reads it.
pub trait FromJson: Sized {
    fn from_json(value: &Value) -> Result<Self, JsonError>;

    /// The value of a missing field, if the type has one (serde's rule: only `Option`).
    fn missing() -> Option<Self> {
        None
    }
}

/// Reads a command: `Command::from_json` under a shorter name.
pub fn command(value: &Value) -> Result<Command, JsonError> {
    Command::from_json(value)
}

/// A JSON object's fields, read by name.
pub struct Fields<'a>(&'a Map<String, Value>);

impl<'a> Fields<'a> {
    pub fn of(value: &'a Value) -> Result<Self, JsonError> {
        value
            .as_object()
            .map(Fields)
            .ok_or_else(|| JsonError::expected("an object", value))
    }

    /// The field `name`; if missing, the type's own missing value (`None`) or an error.
    pub fn get<T: FromJson>(&self, name: &str) -> Result<T, JsonError> {
        match self.0.get(name) {
            Some(value) => T::from_json(value).map_err(|e| e.at(name)),
            None => T::missing().ok_or_else(|| missing_field(name)),
        }
    }

    /// The field `name`, or `default()` if missing (`#[serde(default = ...)]`).
    pub fn get_or<T: FromJson>(&self, name: &str, default: fn() -> T) -> Result<T, JsonError> {
        match self.0.get(name) {
            Some(value) => T::from_json(value).map_err(|e| e.at(name)),
            None => Ok(default()),
        }
    }
}

#[cold]
#[inline(never)]
fn missing_field(name: &str) -> JsonError {
    JsonError::new(format!("missing field `{name}`"))
}

#[cold]
#[inline(never)]
fn unknown_variant(name: &str) -> JsonError {
    JsonError::new(format!("unknown variant `{name}`"))
}

/// An externally tagged enum's variant name, and its content unless a unit variant.
fn variant(value: &Value) -> Result<(&str, Option<&Value>), JsonError> {
    match value {
        Value::String(name) => Ok((name, None)),
        Value::Object(map) if map.len() == 1 => match map.iter().next() {
            Some((name, content)) => Ok((name, Some(content))),
            None => Err(JsonError::expected("a variant", value)),
        },
        _ => Err(JsonError::expected(
            "a variant: its name, or an object with one key",
            value,
        )),
    }
}

fn no_content(name: &str, content: Option<&Value>) -> Result<(), JsonError> {
    match content {
        None => Ok(()),
        Some(_) => Err(JsonError::new(format!("`{name}` is written as a string"))),
    }
}

fn content<'a>(name: &str, content: Option<&'a Value>) -> Result<&'a Value, JsonError> {
    content.ok_or_else(|| JsonError::new(format!("`{name}` needs its content")))
}

/// Reads an externally tagged enum: its unit variants, newtype variants (one value) and
/// struct variants (fields named as in Rust, each read with [`Fields::get`]).
macro_rules! read_enum {
    ($value:expr => $ty:ident {
        units: [$($unit:ident),* $(,)?],
        newtypes: [$($newtype:ident($inner:ty)),* $(,)?],
        structs: [$($variant:ident { $($field:ident),* $(,)? }),* $(,)?] $(,)?
    }) => {{
        let (name, body) = variant($value)?;
        $(
            if name == stringify!($unit) {
                return no_content(name, body).map(|()| $ty::$unit);
            }
        )*
        $(
            if name == stringify!($newtype) {
                return content(name, body)
                    .and_then(<$inner>::from_json)
                    .map($ty::$newtype)
                    .map_err(|e| e.at(name));
            }
        )*
        $(
            if name == stringify!($variant) {
                return content(name, body)
                    .and_then(|body| {
                        let f = Fields::of(body)?;
                        Ok($ty::$variant { $($field: f.get(stringify!($field))?),* })
                    })
                    .map_err(|e| e.at(name));
            }
        )*
        Err(unknown_variant(name))
    }};
}

impl FromJson for bool {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_bool()
            .ok_or_else(|| JsonError::expected("a boolean", value))
    }
}

impl FromJson for u64 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_u64()
            .ok_or_else(|| JsonError::expected("an integer from 0 to 2^64 - 1", value))
    }
}

impl FromJson for u32 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_u64()
            .and_then(|n| u32::try_from(n).ok())
            .ok_or_else(|| JsonError::expected("an integer from 0 to 4294967295", value))
    }
}

impl FromJson for u8 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_u64()
            .and_then(|n| u8::try_from(n).ok())
            .ok_or_else(|| JsonError::expected("a byte (an integer from 0 to 255)", value))
    }
}

impl FromJson for f64 {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_f64()
            .ok_or_else(|| JsonError::expected("a number", value))
    }
}

impl FromJson for String {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| JsonError::expected("a string", value))
    }
}

impl FromJson for Arc<str> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        value
            .as_str()
            .map(Arc::from)
            .ok_or_else(|| JsonError::expected("a string", value))
    }
}

/// Bytes (a record's key or value), written by serde as an array of numbers.
impl FromJson for Arc<[u8]> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        Vec::<u8>::from_json(value).map(Arc::from)
    }
}

impl<T: FromJson> FromJson for Vec<T> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let items = value
            .as_array()
            .ok_or_else(|| JsonError::expected("an array", value))?;
        items
            .iter()
            .enumerate()
            .map(|(i, item)| T::from_json(item).map_err(|e| e.at_index(i)))
            .collect()
    }
}

impl<T: FromJson> FromJson for Option<T> {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        match value {
            Value::Null => Ok(None),
            value => T::from_json(value).map(Some),
        }
    }

    fn missing() -> Option<Self> {
        Some(None)
    }
}

impl<A: FromJson, B: FromJson> FromJson for (A, B) {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        match value.as_array().map(Vec::as_slice) {
            Some([a, b]) => Ok((
                A::from_json(a).map_err(|e| e.at_index(0))?,
                B::from_json(b).map_err(|e| e.at_index(1))?,
            )),
            _ => Err(JsonError::expected("an array of two", value)),
        }
    }
}

/// The shop without Kafka's commands, as serde writes them.
impl FromJson for DirectCommand {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => DirectCommand {
            units: [PlaceOrder],
            newtypes: [],
            structs: [
                SetAutoOrders { per_sec },
                StopService { name },
                StartService { name },
            ],
        })
    }
}

/// A command of either world: `{"Direct": …}` for the shop without Kafka, else a cluster
/// command (`WorldCommand`'s own `Serialize`).
impl FromJson for WorldCommand {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        match value {
            Value::Object(map) if map.len() == 1 && map.contains_key("Direct") => map
                .get("Direct")
                .map_or(Err(unknown_variant("Direct")), DirectCommand::from_json)
                .map(WorldCommand::Direct)
                .map_err(|e| e.at("Direct")),
            _ => Command::from_json(value).map(WorldCommand::Kafka),
        }
    }
}

impl FromJson for Command {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => Command {
            units: [AddBroker, ElectPreferredLeaders],
            newtypes: [],
            structs: [
                CreateTopic { name, config },
                DeleteTopic { name },
                AddPartitions { topic, count },
                AlterTopicConfig { topic, config },
                KillBroker { broker },
                ReviveBroker { broker },
                RemoveBroker { broker },
                ReassignPartition { partition, replicas },
                SetAutoLeaderRebalance { enable },
                SetControllerMode { mode },
                CutOffBroker { broker },
                HealBroker { broker },
                SlowLink { a, b, extra_ms },
                DropRequest { flight },
                CreateProducer { client_id, config },
                RemoveProducer { producer },
                SetProducerConfig { producer, config },
                SetAutoProduce { producer, auto },
                Produce { producer, record },
                Flush { producer },
                CreateGroup { group, config },
                DeleteGroup { group },
                SetGroupConfig { group, config },
                AddMember { group, client_id, topics },
                RemoveMember { group, member },
                CrashMember { group, member },
                Subscribe { group, member, topics },
                Commit { group, member },
                ResetOffsets { group, topic, to },
                CreateConsumer { client_id, config },
                RemoveConsumer { consumer },
                AssignPartitions { consumer, partitions },
                SeekConsumer { consumer, partition, to },
                CreateService { name, config },
                StopService { name },
                StartService { name },
                RemoveService { name },
            ],
        })
    }
}

impl FromJson for TopicConfig {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(TopicConfig {
            partitions: f.get("partitions")?,
            replication_factor: f.get("replication_factor")?,
            min_insync_replicas: f.get("min_insync_replicas")?,
            retention_ms: f.get("retention_ms")?,
            retention_bytes: f.get("retention_bytes")?,
            segment_bytes: f.get("segment_bytes")?,
            max_message_bytes: f.get("max_message_bytes")?,
            unclean_leader_election_enable: f.get("unclean_leader_election_enable")?,
            cleanup_policy: f.get_or("cleanup_policy", CleanupPolicy::default)?,
            delete_retention_ms: f.get_or(
                "delete_retention_ms",
                crate::topic::default_delete_retention_ms,
            )?,
            segment_ms: f.get_or("segment_ms", crate::topic::default_segment_ms)?,
        })
    }
}

impl FromJson for CleanupPolicy {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => CleanupPolicy {
            units: [Delete, Compact, CompactDelete],
            newtypes: [],
            structs: [],
        })
    }
}

impl FromJson for ProducerConfig {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(ProducerConfig {
            acks: f.get("acks")?,
            linger_ms: f.get("linger_ms")?,
            batch_size: f.get("batch_size")?,
            partitioner: f.get("partitioner")?,
            retry_backoff_ms: f.get("retry_backoff_ms")?,
            delivery_timeout_ms: f.get("delivery_timeout_ms")?,
            enable_idempotence: f.get_or("enable_idempotence", crate::producer::yes)?,
            request_timeout_ms: f.get_or(
                "request_timeout_ms",
                crate::producer::default_request_timeout_ms,
            )?,
        })
    }
}

impl FromJson for Acks {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => Acks { units: [Zero, One, All], newtypes: [], structs: [] })
    }
}

impl FromJson for PartitionerKind {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => PartitionerKind { units: [Sticky, RoundRobin], newtypes: [], structs: [] })
    }
}

impl FromJson for AutoProduce {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(AutoProduce {
            topic: f.get("topic")?,
            records_per_sec: f.get("records_per_sec")?,
            keys: f.get("keys")?,
        })
    }
}

impl FromJson for KeyPattern {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => KeyPattern {
            units: [None],
            newtypes: [Fixed(String), Cycling(Vec<String>), Random(Vec<String>)],
            structs: [],
        })
    }
}

impl FromJson for ProducerRecord {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(ProducerRecord {
            topic: f.get("topic")?,
            partition: f.get("partition")?,
            key: f.get("key")?,
            value: f.get("value")?,
            headers: f.get("headers")?,
        })
    }
}

impl FromJson for Header {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(Header {
            key: f.get("key")?,
            value: f.get("value")?,
        })
    }
}

impl FromJson for ConsumerConfig {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(ConsumerConfig {
            partition_assignment_strategy: f.get("partition_assignment_strategy")?,
            enable_auto_commit: f.get("enable_auto_commit")?,
            auto_commit_interval_ms: f.get("auto_commit_interval_ms")?,
            auto_offset_reset: f.get("auto_offset_reset")?,
            session_timeout_ms: f.get("session_timeout_ms")?,
            heartbeat_interval_ms: f.get("heartbeat_interval_ms")?,
            max_poll_records: f.get("max_poll_records")?,
        })
    }
}

impl FromJson for AssignmentStrategy {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => AssignmentStrategy {
            units: [Range, RoundRobin, Sticky, CooperativeSticky],
            newtypes: [],
            structs: [],
        })
    }
}

impl FromJson for AutoOffsetReset {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => AutoOffsetReset { units: [Earliest, Latest, None], newtypes: [], structs: [] })
    }
}

impl FromJson for SeekTo {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => SeekTo { units: [Earliest, Latest], newtypes: [Offset(u64)], structs: [] })
    }
}

impl FromJson for ControllerMode {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => ControllerMode { units: [Kraft, ZooKeeper], newtypes: [], structs: [] })
    }
}

impl FromJson for Endpoint {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => Endpoint {
            units: [ZooKeeper],
            newtypes: [Producer(u32), Broker(u32), Consumer(ConsumerRef)],
            structs: [],
        })
    }
}

impl FromJson for ConsumerRef {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => ConsumerRef {
            units: [],
            newtypes: [Standalone(u32)],
            structs: [Member { group, member }],
        })
    }
}

impl FromJson for TopicPartition {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(TopicPartition {
            topic: f.get("topic")?,
            partition: f.get("partition")?,
        })
    }
}

impl FromJson for ServiceConfig {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        let f = Fields::of(value)?;
        Ok(ServiceConfig {
            inputs: f.get("inputs")?,
            reactions: f.get("reactions")?,
            processing_ms: f.get("processing_ms")?,
        })
    }
}

impl FromJson for Reaction {
    fn from_json(value: &Value) -> Result<Self, JsonError> {
        read_enum!(value => Reaction {
            units: [SendEmail],
            newtypes: [],
            structs: [Produce { topic, prefix }, WriteRow { table }],
        })
    }
}
