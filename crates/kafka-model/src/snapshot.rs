//! Snapshots: the whole model as JSON, and loading one back with every field checked.
//!
//! The playground itself does not use them: a shared link or file carries the command log
//! and is rebuilt by replaying it (the app's `share` module), and the app's checkpoints are
//! clones of the [`Cluster`]. Snapshots are for tests and debugging: a state written out,
//! read, edited by hand and loaded again (as `tests/snapshot.rs` does, fuzzing the loader).
//!
//! So a snapshot is untrusted input: it may be cut short, edited by hand, or made to
//! crash whoever loads it. [`Cluster::from_json`] refuses input over [`MAX_SNAPSHOT_BYTES`],
//! JSON that is not a cluster, and a cluster whose content breaks what the model relies on
//! ([`Cluster::check_invariants`]); each refusal names the field. What it accepts is a state
//! the model itself could have reached, as far as these checks can tell, so running it on
//! does not panic.

use crate::broker::MAX_BROKERS;
use crate::cluster::{Cluster, Event, FetchRequest, ProduceRequest, ProduceResponse};
use crate::collections::SortedSet;
use crate::consumer::ConsumerRef;
use crate::log::PartitionLog;
use crate::partition::BrokerId;
use crate::topic::{CleanupPolicy, MAX_PARTITIONS};
use crate::TopicPartition;
use serde_json::Value;
use std::fmt;

/// The largest snapshot accepted, in bytes of JSON (32 MiB): far above a playground's
/// state with the default retention, small enough to parse in a browser tab.
pub const MAX_SNAPSHOT_BYTES: usize = 32 * 1024 * 1024;

/// The latest simulated time (and the longest duration) a snapshot may hold: 2^50 ms,
/// about 35 000 years. Anything larger could overflow when the model adds two of them.
pub const MAX_SNAPSHOT_MS: u64 = 1 << 50;

/// The largest 64-bit id counter a snapshot may carry.
pub const MAX_SNAPSHOT_ID: u64 = 1 << 50;

/// The largest integer a snapshot may hold in any field but a time, a 32-bit counter or the
/// random generator's state: 2^50, like [`MAX_SNAPSHOT_ID`]. The model only adds small
/// amounts to what it loads (a batch's record count, one more id), so no sum of its can
/// overflow a `u64` in any session, however long.
pub const MAX_SNAPSHOT_NUMBER: u64 = 1 << 50;

/// The largest value of a 32-bit counter the model counts up by one: leader epochs,
/// generations, a batch's attempts, batches in flight. Kafka's own epochs and generations
/// are `int32`; a session cannot count 2^31 of anything, so only a forged snapshot could.
pub const MAX_SNAPSHOT_COUNTER: u64 = i32::MAX as u64;

/// Fields (by name, wherever they appear) that hold a 32-bit counter the model adds one to.
/// A `u32` counter near `u32::MAX` passes [`MAX_SNAPSHOT_NUMBER`], so these are bounded by
/// [`MAX_SNAPSHOT_COUNTER`]; the test `every_number_at_its_extremes_is_refused_or_runs_on`
/// (tests/snapshot.rs) finds one missing from this list.
const COUNTERS_32: [&str; 4] = ["leader_epoch", "generation", "attempt", "batches_in_flight"];

/// Why a snapshot was refused. Nothing was loaded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SnapshotError {
    /// The input is larger than [`MAX_SNAPSHOT_BYTES`].
    TooLarge { bytes: usize, maximum: usize },
    /// Not JSON at all, or cut short.
    Malformed {
        line: usize,
        column: usize,
        reason: String,
    },
    /// JSON, but a field is missing or of the wrong type; `field` is its path.
    WrongShape { field: String, reason: String },
    /// A cluster, but one the model could never be in; `field` is the offending field.
    Invalid { field: String, reason: String },
}

impl SnapshotError {
    /// A stable machine code, unlike the English message: what callers and tests match on.
    pub fn code(&self) -> &'static str {
        match self {
            SnapshotError::TooLarge { .. } => "snapshot_too_large",
            SnapshotError::Malformed { .. } => "snapshot_malformed",
            SnapshotError::WrongShape { .. } => "snapshot_wrong_shape",
            SnapshotError::Invalid { .. } => "snapshot_invalid",
        }
    }

    /// The path of the field at fault, when one is known.
    pub fn field(&self) -> Option<&str> {
        match self {
            SnapshotError::WrongShape { field, .. } | SnapshotError::Invalid { field, .. } => {
                Some(field)
            }
            _ => None,
        }
    }
}

impl fmt::Display for SnapshotError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            SnapshotError::TooLarge { bytes, maximum } => write!(
                f,
                "The snapshot is {bytes} bytes; the playground loads at most {maximum}."
            ),
            SnapshotError::Malformed {
                line,
                column,
                reason,
            } => write!(
                f,
                "The snapshot is not valid JSON (line {line}, column {column}): {reason}. Was it cut short or edited?"
            ),
            SnapshotError::WrongShape { field, reason } => write!(
                f,
                "The snapshot is not a playground cluster: at `{field}`, {reason}."
            ),
            SnapshotError::Invalid { field, reason } => write!(
                f,
                "The snapshot describes an impossible cluster: `{field}` {reason}."
            ),
        }
    }
}

impl std::error::Error for SnapshotError {}

impl Cluster {
    /// The whole model as JSON; [`Cluster::from_json`] loads it back equal. Refused only
    /// if the state is larger than [`MAX_SNAPSHOT_BYTES`], which loading would refuse too.
    pub fn to_json(&self) -> Result<String, SnapshotError> {
        let json = serde_json::to_string(self).map_err(|e| SnapshotError::WrongShape {
            field: String::new(),
            reason: e.to_string(),
        })?;
        if json.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::TooLarge {
                bytes: json.len(),
                maximum: MAX_SNAPSHOT_BYTES,
            });
        }
        Ok(json)
    }

    /// Loads a snapshot from untrusted JSON: refuses oversized input, malformed JSON, the
    /// wrong shape, and a cluster that breaks the model's invariants. Never panics.
    pub fn from_json(json: &str) -> Result<Cluster, SnapshotError> {
        if json.len() > MAX_SNAPSHOT_BYTES {
            return Err(SnapshotError::TooLarge {
                bytes: json.len(),
                maximum: MAX_SNAPSHOT_BYTES,
            });
        }
        // Two passes: syntax (with a line and column), then shape (with a field path).
        let value: Value = serde_json::from_str(json).map_err(|e| SnapshotError::Malformed {
            line: e.line(),
            column: e.column(),
            reason: syntax_reason(&e),
        })?;
        check_numbers(&value, &mut String::new())?;
        check_schedule_sequence(&value)?;
        let cluster: Cluster = serde_path_to_error::deserialize(value).map_err(|e| {
            let reason = e.inner().to_string();
            let mut field = e.path().to_string();
            // serde names a missing field in the message; make it part of the path.
            let missing = reason.strip_prefix("missing field `");
            if let Some(name) = missing.and_then(|r| r.split('`').next()) {
                field = match field.as_str() {
                    "." | "" => name.to_string(),
                    parent => format!("{parent}.{name}"),
                };
            }
            SnapshotError::WrongShape { field, reason }
        })?;
        cluster.check_invariants()?;
        Ok(cluster)
    }

    /// Checks what the model relies on and a loaded snapshot could break: counts within the
    /// playground's caps, ids that refer to things that exist, ISR ⊆ replicas, leader in
    /// the ISR, HW ≤ LEO, offsets rising inside the log, one owner per partition, and
    /// scheduled events in the future. The first problem found is returned.
    pub fn check_invariants(&self) -> Result<(), SnapshotError> {
        self.timing
            .validate()
            .map_err(|e| invalid("timing", e.to_string()))?;
        if self.now > MAX_SNAPSHOT_MS {
            return Err(invalid("now", format!("is above {MAX_SNAPSHOT_MS} ms")));
        }
        // Id counters only ever count up by one; no session gets near these bounds, and a
        // counter beyond them would overflow on its next id.
        let ids = &self.ids;
        for (name, value, max) in [
            ("ids.member", ids.member, MAX_SNAPSHOT_ID),
            ("ids.batch", ids.batch, MAX_SNAPSHOT_ID),
            ("ids.topic", ids.topic, MAX_SNAPSHOT_ID),
            ("ids.happening", ids.happening, MAX_SNAPSHOT_ID),
            (
                "schedule.next_seq",
                self.schedule.next_seq(),
                MAX_SNAPSHOT_ID,
            ),
            (
                "ids.producer",
                u64::from(ids.producer),
                u64::from(u32::MAX / 2),
            ),
            (
                "ids.consumer",
                u64::from(ids.consumer),
                u64::from(u32::MAX / 2),
            ),
        ] {
            if value > max {
                return Err(invalid(name, format!("is above {max}")));
            }
        }
        self.check_brokers()?;
        let mut topic_ids = SortedSet::new();
        for (name, topic) in &self.topics {
            let at = format!("topics.{name}");
            if &topic.name != name {
                return Err(invalid(
                    format!("{at}.name"),
                    format!("is '{}' but the topic is listed as '{name}'", topic.name),
                ));
            }
            crate::topic_name::validate(name)
                .map_err(|e| invalid(format!("{at}.name"), e.to_string()))?;
            if topic.topic_id == 0 || topic.topic_id > self.ids.topic {
                return Err(invalid(
                    format!("{at}.topic_id"),
                    format!("must be between 1 and {} (ids.topic)", self.ids.topic),
                ));
            }
            if !topic_ids.insert(topic.topic_id) {
                return Err(invalid(
                    format!("{at}.topic_id"),
                    "is used by another topic",
                ));
            }
            topic
                .config
                .validate()
                .map_err(|e| invalid(format!("{at}.config"), e.to_string()))?;
            let count = topic.partitions.len();
            if count == 0 || count > MAX_PARTITIONS as usize {
                return Err(invalid(
                    format!("{at}.partitions"),
                    format!("has {count} partitions; allowed: 1 to {MAX_PARTITIONS}"),
                ));
            }
            if topic.config.partitions as usize != count {
                return Err(invalid(
                    format!("{at}.config.partitions"),
                    format!("is {} but the topic has {count}", topic.config.partitions),
                ));
            }
            for (i, p) in topic.partitions.iter().enumerate() {
                self.check_partition(&format!("{at}.partitions[{i}]"), topic, i, p)?;
            }
        }
        self.check_clients()?;
        self.check_groups()?;
        self.check_services()?;
        self.check_schedule()
    }

    fn check_brokers(&self) -> Result<(), SnapshotError> {
        let n = self.brokers.len();
        if n == 0 || n > MAX_BROKERS as usize {
            return Err(invalid(
                "brokers",
                format!("has {n} brokers; allowed: 1 to {MAX_BROKERS}"),
            ));
        }
        for (id, b) in &self.brokers {
            if b.id != *id || *id == 0 || *id > MAX_BROKERS {
                return Err(invalid(
                    format!("brokers.{id}.id"),
                    format!("is {}; a broker's id is its key, 1 to {MAX_BROKERS}", b.id),
                ));
            }
        }
        Ok(())
    }

    fn broker_exists(
        &self,
        at: impl Fn() -> String,
        broker: BrokerId,
    ) -> Result<(), SnapshotError> {
        if self.brokers.contains_key(&broker) {
            Ok(())
        } else {
            Err(invalid(
                at(),
                format!("names broker {broker}, which does not exist"),
            ))
        }
    }

    fn check_partition(
        &self,
        at: &str,
        topic: &crate::topic::Topic,
        index: usize,
        p: &crate::partition::Partition,
    ) -> Result<(), SnapshotError> {
        if p.id as usize != index {
            return Err(invalid(
                format!("{at}.id"),
                format!("is {}; partitions are numbered 0 to n-1 in order", p.id),
            ));
        }
        let rf = topic.config.replication_factor as usize;
        let replicas: SortedSet<BrokerId> = p.replicas.iter().copied().collect();
        if replicas.len() != p.replicas.len() {
            return Err(invalid(format!("{at}.replicas"), "lists a broker twice"));
        }
        self.check_reassignment(at, p, &replicas)?;
        let target = p.replicas.len() - p.removing_replicas.len();
        if target != rf {
            return Err(invalid(
                format!("{at}.replicas"),
                format!(
                    "has {target} brokers besides those being removed; the replication factor is {rf}"
                ),
            ));
        }
        for b in &p.replicas {
            self.broker_exists(|| format!("{at}.replicas"), *b)?;
        }
        let isr: SortedSet<BrokerId> = p.isr.iter().copied().collect();
        if isr.is_empty() || isr.len() != p.isr.len() {
            return Err(invalid(
                format!("{at}.isr"),
                "must list at least one broker, each once",
            ));
        }
        if !isr.is_subset(&replicas) {
            return Err(invalid(
                format!("{at}.isr"),
                "is not a subset of the replicas",
            ));
        }
        if let Some(leader) = p.leader {
            if !isr.contains(&leader) {
                return Err(invalid(
                    format!("{at}.leader"),
                    format!("is broker {leader}, which is not in the ISR {:?}", p.isr),
                ));
            }
            if !self.broker_alive(leader) {
                return Err(invalid(
                    format!("{at}.leader"),
                    format!("is broker {leader}, which is down"),
                ));
            }
        }
        if !replicas.contains(&p.log_holder) {
            return Err(invalid(
                format!("{at}.log_holder"),
                format!("is broker {}, not a replica", p.log_holder),
            ));
        }
        let states: Vec<BrokerId> = p.replica_states.iter().map(|r| r.broker).collect();
        if states != p.replicas {
            return Err(invalid(
                format!("{at}.replica_states"),
                format!(
                    "are for brokers {states:?}, not the replicas {:?}",
                    p.replicas
                ),
            ));
        }
        let contiguous = topic.config.cleanup_policy == CleanupPolicy::Delete;
        check_log(&format!("{at}.log"), &p.log, contiguous)?;
        if p.high_watermark > p.log_end_offset() {
            return Err(invalid(
                format!("{at}.high_watermark"),
                format!(
                    "is {} but the log ends at {} (HW must not pass the log end offset)",
                    p.high_watermark,
                    p.log_end_offset()
                ),
            ));
        }
        for (i, r) in p.replica_states.iter().enumerate() {
            let rat = format!("{at}.replica_states[{i}]");
            if r.broker != p.log_holder {
                check_log(&format!("{rat}.log"), &r.log, contiguous)?;
            }
            let own_end = p
                .replica_log(r.broker)
                .map_or(0, PartitionLog::log_end_offset);
            if r.log_end_offset != own_end {
                return Err(invalid(
                    format!("{rat}.log_end_offset"),
                    format!("is {} but its log ends at {own_end}", r.log_end_offset),
                ));
            }
        }
        for (i, b) in p.parked_followers.iter().enumerate() {
            if !replicas.contains(b) {
                return Err(invalid(
                    format!("{at}.parked_followers[{i}]"),
                    format!("is broker {b}, not a replica"),
                ));
            }
        }
        for (i, ack) in p.pending_acks.iter().enumerate() {
            let tp = TopicPartition::new(&topic.name, p.id);
            if ack.batch.partition != tp || ack.base_offset > ack.last_offset {
                return Err(invalid(
                    format!("{at}.pending_acks[{i}]"),
                    format!("is not a batch of {tp}"),
                ));
            }
        }
        Ok(())
    }

    /// A reassignment in progress: the brokers being added are among the target replicas
    /// (those not being removed), the ones being removed come last, each listed once.
    fn check_reassignment(
        &self,
        at: &str,
        p: &crate::partition::Partition,
        replicas: &SortedSet<BrokerId>,
    ) -> Result<(), SnapshotError> {
        let (adding, removing) = (&p.adding_replicas, &p.removing_replicas);
        let added: SortedSet<BrokerId> = adding.iter().copied().collect();
        let removed: SortedSet<BrokerId> = removing.iter().copied().collect();
        if added.len() != adding.len() || removed.len() != removing.len() {
            return Err(invalid(
                format!("{at}.adding_replicas"),
                "or removing_replicas lists a broker twice",
            ));
        }
        if !added.is_subset(replicas) || !removed.is_subset(replicas) {
            return Err(invalid(
                format!("{at}.adding_replicas"),
                "and removing_replicas must be replicas",
            ));
        }
        if !added.is_disjoint(&removed) {
            return Err(invalid(
                format!("{at}.adding_replicas"),
                "names a broker that is also being removed",
            ));
        }
        let tail = &p.replicas[p.replicas.len() - removing.len()..];
        if tail.iter().any(|b| !removed.contains(b)) || removing.len() == p.replicas.len() {
            return Err(invalid(
                format!("{at}.removing_replicas"),
                "must be the last replicas, after at least one target replica",
            ));
        }
        Ok(())
    }

    fn partition_exists(
        &self,
        at: impl Fn() -> String,
        tp: &TopicPartition,
    ) -> Result<(), SnapshotError> {
        match self.topics.get(&*tp.topic) {
            None => Err(invalid(
                at(),
                format!("names topic '{}', which does not exist", tp.topic),
            )),
            Some(t) if tp.partition >= t.partition_count() => Err(invalid(
                at(),
                format!(
                    "names partition {tp}, but '{}' has {} partitions",
                    tp.topic,
                    t.partition_count()
                ),
            )),
            Some(_) => Ok(()),
        }
    }

    fn check_clients(&self) -> Result<(), SnapshotError> {
        for (id, p) in &self.producers {
            let at = format!("producers.{id}");
            if p.id != *id || *id == 0 || *id > self.ids.producer {
                return Err(invalid(
                    format!("{at}.id"),
                    format!(
                        "is {}; must equal its key, 1 to {} (ids.producer)",
                        p.id, self.ids.producer
                    ),
                ));
            }
            p.config
                .validate()
                .map_err(|e| invalid(format!("{at}.config"), e.to_string()))?;
            if let Some(auto) = &p.auto {
                auto.validate()
                    .map_err(|e| invalid(format!("{at}.auto"), e.to_string()))?;
            }
            for (tp, batch) in &p.batches {
                self.partition_exists(|| format!("{at}.batches"), tp)?;
                if batch.records.is_empty() || batch.batch_id > self.ids.batch {
                    return Err(invalid(
                        format!("{at}.batches"),
                        format!("holds an empty or unnumbered batch for {tp}"),
                    ));
                }
            }
            for (tp, held) in &p.held {
                self.partition_exists(|| format!("{at}.held"), tp)?;
                if held.iter().any(|b| {
                    b.records.is_empty() || b.batch_id > self.ids.batch || &b.partition != tp
                }) {
                    return Err(invalid(
                        format!("{at}.held"),
                        format!("holds an empty, unnumbered or misplaced batch for {tp}"),
                    ));
                }
            }
            for (tp, window) in &p.send_window {
                if window.iter().any(|(id, _)| *id > self.ids.batch) {
                    return Err(invalid(
                        format!("{at}.send_window"),
                        format!("names a batch of {tp} never created"),
                    ));
                }
            }
        }
        for (id, c) in &self.consumers {
            let at = format!("consumers.{id}");
            if c.id != *id || *id == 0 || *id > self.ids.consumer {
                return Err(invalid(
                    format!("{at}.id"),
                    format!(
                        "is {}; must equal its key, 1 to {} (ids.consumer)",
                        c.id, self.ids.consumer
                    ),
                ));
            }
            c.config
                .validate()
                .map_err(|e| invalid(format!("{at}.config"), e.to_string()))?;
            for tp in c.assignment.keys() {
                self.partition_exists(|| format!("{at}.assignment"), tp)?;
            }
        }
        Ok(())
    }

    fn check_groups(&self) -> Result<(), SnapshotError> {
        for (name, g) in &self.groups {
            let at = format!("groups.{name}");
            if &g.group_id != name || name.is_empty() {
                return Err(invalid(
                    format!("{at}.group_id"),
                    format!("is '{}'; must equal its key and not be empty", g.group_id),
                ));
            }
            g.config
                .validate()
                .map_err(|e| invalid(format!("{at}.config"), e.to_string()))?;
            let mut owners: SortedSet<&TopicPartition> = SortedSet::new();
            for (id, m) in &g.members {
                let mat = format!("{at}.members.{id}");
                if &m.member_id != id {
                    return Err(invalid(
                        format!("{mat}.member_id"),
                        format!("is '{}' but the member is listed as '{id}'", m.member_id),
                    ));
                }
                for tp in m.owned.keys() {
                    self.partition_exists(|| format!("{mat}.owned"), tp)?;
                    if !owners.insert(tp) {
                        return Err(invalid(
                            format!("{mat}.owned"),
                            format!("includes {tp}, which another member of the group owns"),
                        ));
                    }
                }
            }
            if let Some(round) = &g.rebalance {
                if let Some(m) = round.joined.iter().find(|m| !g.members.contains_key(*m)) {
                    return Err(invalid(
                        format!("{at}.rebalance.joined"),
                        format!("names '{m}', who is not a member"),
                    ));
                }
            }
        }
        Ok(())
    }

    /// A service has its group and topics, a producer exactly when it produces, and a
    /// running member exactly when it runs; a stopped one holds no work.
    fn check_services(&self) -> Result<(), SnapshotError> {
        for (name, s) in &self.services {
            let at = format!("services.{name}");
            if &s.name != name || name.is_empty() {
                return Err(invalid(
                    format!("{at}.name"),
                    format!("is '{}'; must equal its key and not be empty", s.name),
                ));
            }
            s.config
                .validate(name)
                .map_err(|e| invalid(format!("{at}.config"), e.to_string()))?;
            let topics = s.config.inputs.iter().map(String::as_str);
            for topic in topics.chain(s.config.outputs()) {
                if !self.topics.contains_key(topic) {
                    return Err(invalid(
                        format!("{at}.config"),
                        format!("names topic '{topic}', which does not exist"),
                    ));
                }
            }
            let Some(group) = self.groups.get(name) else {
                return Err(invalid(
                    format!("{at}.name"),
                    format!("has no consumer group '{name}'"),
                ));
            };
            match (s.config.produces(), s.producer) {
                (false, None) => {}
                (true, Some(p)) if self.producers.get(&p).is_some_and(|p| &p.client_id == name) => {
                }
                _ => {
                    return Err(invalid(
                        format!("{at}.producer"),
                        "must name the service's own producer exactly when a reaction produces",
                    ))
                }
            }
            let member_runs = s
                .member
                .as_ref()
                .and_then(|m| group.members.get(m))
                .is_some_and(|m| m.is_running());
            if s.running != member_runs || (!s.running && s.member.is_some()) {
                return Err(invalid(
                    format!("{at}.member"),
                    "must be a running member of its group exactly when the service runs",
                ));
            }
            if !s.running && (s.backlog() > 0 || !s.paused.is_empty()) {
                return Err(invalid(
                    format!("{at}.queue"),
                    "holds records, but a stopped service has dropped its work",
                ));
            }
            // (A queued offset may lie past the log end: an unclean election can truncate
            // records already delivered.)
            for r in s.in_progress.iter().chain(&s.queue) {
                self.partition_exists(|| format!("{at}.queue"), &r.partition)?;
            }
            for (tp, _) in &s.paused {
                self.partition_exists(|| format!("{at}.paused"), tp)?;
            }
        }
        Ok(())
    }

    fn check_schedule(&self) -> Result<(), SnapshotError> {
        for (i, (at_ms, event)) in self.schedule.iter().enumerate() {
            let at = format!("schedule.queue[{i}]");
            if at_ms < self.now || at_ms > MAX_SNAPSHOT_MS {
                return Err(invalid(
                    at,
                    format!(
                        "is due at {at_ms} ms, before now ({} ms) or past the cap",
                        self.now
                    ),
                ));
            }
            // A removed broker's requests may still be on their way: an event may name a
            // broker that is gone, but only an id a broker could have.
            let refs = EventRefs::of(event);
            if let Some(b) = refs.brokers.iter().find(|b| **b == 0 || **b > MAX_BROKERS) {
                return Err(invalid(
                    at,
                    format!("names broker {b}; broker ids are 1 to {MAX_BROKERS}"),
                ));
            }
            if let Some(p) = refs.producer.filter(|p| *p == 0 || *p > self.ids.producer) {
                return Err(invalid(at, format!("names producer {p}, never created")));
            }
            if let Some(c) = refs.consumer.filter(|c| *c == 0 || *c > self.ids.consumer) {
                return Err(invalid(at, format!("names consumer {c}, never created")));
            }
            if let Some(t) = refs.topic_id.filter(|t| *t == 0 || *t > self.ids.topic) {
                return Err(invalid(at, format!("names topic id {t}, never created")));
            }
        }
        Ok(())
    }
}

/// What a scheduled event refers to by id. Groups, members and topics by name may be gone
/// (events of a deleted thing are dropped when they run), and so may brokers (a removed
/// broker's id may be given to a new one, as Kafka allows); producer, consumer and topic ids
/// are never reused, so one above its counter is a forgery.
#[derive(Default)]
struct EventRefs {
    brokers: Vec<BrokerId>,
    producer: Option<u32>,
    consumer: Option<u32>,
    topic_id: Option<u64>,
}

impl EventRefs {
    fn of(event: &Event) -> Self {
        let mut r = EventRefs::default();
        match event {
            Event::LingerExpired { producer, .. }
            | Event::ProduceRetry { producer, .. }
            | Event::AutoProduce { producer, .. } => r.producer = Some(*producer),
            Event::ProduceArrives(ProduceRequest { attempt, .. })
            | Event::AckArrives(ProduceResponse { attempt, .. })
            | Event::ProduceTimeout(attempt) => {
                r.producer = Some(attempt.producer);
                r.brokers.push(attempt.broker);
            }
            Event::PreferredElection { topic_id, .. } => r.topic_id = Some(*topic_id),
            Event::FetchArrives(FetchRequest { broker, .. }) => r.brokers.push(*broker),
            _ => {}
        }
        if let Some(key) = event.replica_fetch() {
            r.topic_id = Some(key.topic_id);
            r.brokers.push(key.follower);
        }
        if let Some(ConsumerRef::Standalone(id)) = event.consumer_fetch().map(|k| &k.consumer) {
            r.consumer = Some(*id);
        }
        r
    }
}

/// Offsets rise inside `[log_start_offset, log_end_offset)`, without gaps unless the topic
/// is compacted.
fn check_log(at: &str, log: &PartitionLog, contiguous: bool) -> Result<(), SnapshotError> {
    let (start, end) = (log.log_start_offset(), log.log_end_offset());
    if start > end {
        return Err(invalid(
            format!("{at}.log_start_offset"),
            format!("is {start}, past the log end offset {end}"),
        ));
    }
    let records = log.records();
    if contiguous && records.len() as u64 != end - start {
        return Err(invalid(
            format!("{at}.records"),
            format!(
                "holds {} records but offsets {start} to {end} need {} (offsets must be contiguous)",
                records.len(),
                end - start
            ),
        ));
    }
    let mut expected = start;
    for (i, r) in records.iter().enumerate() {
        let ok = if contiguous {
            r.offset == expected
        } else {
            r.offset >= expected && r.offset < end
        };
        if !ok {
            return Err(invalid(
                format!("{at}.records[{i}].offset"),
                format!(
                    "is {}; offsets must rise from {expected} and stay below {end}",
                    r.offset
                ),
            ));
        }
        expected = r.offset + 1;
    }
    let mut previous = None;
    for (i, s) in log.segments().iter().enumerate() {
        if previous.is_some_and(|p| s.base_offset <= p) || s.base_offset > end {
            return Err(invalid(
                format!("{at}.segments[{i}].base_offset"),
                format!(
                    "is {}; segments must rise and start at or below the log end {end}",
                    s.base_offset
                ),
            ));
        }
        previous = Some(s.base_offset);
    }
    Ok(())
}

/// Every number a snapshot holds is bounded before anything is loaded, so the model's
/// sums cannot overflow, whatever field an edit reached: a field named `*_ms` (or `now`) is
/// a time or a duration, at most [`MAX_SNAPSHOT_MS`]; a 32-bit counter ([`COUNTERS_32`]) is
/// at most [`MAX_SNAPSHOT_COUNTER`]; any other integer is at most [`MAX_SNAPSHOT_NUMBER`].
/// Only the random generator's state (`rng`) may use all 64 bits: nothing is added to it.
///
/// One rule over the JSON rather than a check per field: three overflows were found one
/// field at a time (`ids.*`, `schedule.next_seq`, then `records_delivered`), and a counter
/// added later is covered without anyone remembering it.
fn check_numbers(value: &Value, path: &mut String) -> Result<(), SnapshotError> {
    check_numbers_in(value, path, None)
}

fn check_numbers_in(
    value: &Value,
    path: &mut String,
    key: Option<&str>,
) -> Result<(), SnapshotError> {
    match value {
        Value::Object(map) => {
            for (k, v) in map {
                if path.is_empty() && k == "rng" {
                    continue;
                }
                let len = path.len();
                if !path.is_empty() {
                    path.push('.');
                }
                path.push_str(k);
                check_numbers_in(v, path, Some(k))?;
                path.truncate(len);
            }
        }
        Value::Array(items) => {
            for (i, v) in items.iter().enumerate() {
                let len = path.len();
                path.push_str(&format!("[{i}]"));
                check_numbers_in(v, path, key)?;
                path.truncate(len);
            }
        }
        Value::Number(n) => {
            let key = key.unwrap_or("");
            let (max, what) = if key.ends_with("_ms") || key == "now" {
                (MAX_SNAPSHOT_MS, " ms")
            } else if COUNTERS_32.contains(&key) {
                (MAX_SNAPSHOT_COUNTER, "")
            } else {
                (MAX_SNAPSHOT_NUMBER, "")
            };
            if let Some(n) = n.as_u64().filter(|n| *n > max) {
                return Err(invalid(
                    path.clone(),
                    format!("is {n}{what}; the most a snapshot may hold here is {max}"),
                ));
            }
        }
        _ => {}
    }
    Ok(())
}

/// The schedule's next sequence number must be above every scheduled one, or a new event
/// would silently replace an old one.
fn check_schedule_sequence(value: &Value) -> Result<(), SnapshotError> {
    let Some(schedule) = value.get("schedule") else {
        return Ok(()); // the shape check reports the missing field
    };
    let next = schedule.get("next_seq").and_then(Value::as_u64);
    let queue = schedule.get("queue").and_then(Value::as_array);
    let (Some(next), Some(queue)) = (next, queue) else {
        return Ok(());
    };
    for (i, entry) in queue.iter().enumerate() {
        let seq = entry
            .get(0)
            .and_then(|key| key.get(1))
            .and_then(Value::as_u64);
        if seq.is_some_and(|s| s >= next) {
            return Err(invalid(
                format!("schedule.queue[{i}]"),
                format!(
                    "has sequence number {} but schedule.next_seq is {next}",
                    seq.unwrap_or(0)
                ),
            ));
        }
    }
    Ok(())
}

fn invalid(field: impl Into<String>, reason: impl Into<String>) -> SnapshotError {
    SnapshotError::Invalid {
        field: field.into(),
        reason: reason.into(),
    }
}

fn syntax_reason(e: &serde_json::Error) -> String {
    // serde_json's message ends with " at line L column C", which we report separately.
    let text = e.to_string();
    match text.rfind(" at line ") {
        Some(i) => text[..i].to_string(),
        None => text,
    }
}
