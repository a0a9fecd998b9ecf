//! Services: small applications built on Kafka clients, as in the primer's shop — Orders,
//! Inventory, Payments, Notification (set up in [`crate::presets`]).
//!
//! A service is an ordinary consumer group named after it, with one member whose client id
//! is the service name, plus (when it produces) an ordinary producer with that client id.
//! Every record delivered to its member is queued and handled one at a time, in delivery
//! order, each taking `processing_ms` of simulated time; handling runs the service's
//! [`Reaction`]s: produce a record to another topic, write a row to an in-memory database
//! table, or send an e-mail. So a placed order sets off a chain made only of Kafka
//! happenings (fetch, deliver, produce, replicate, commit...) plus the service's own
//! instant happenings (`ServiceHandled`, `RowWritten`, `EmailSent`).
//!
//! # Commits: only what was handled
//!
//! The group runs with `enable.auto.commit=false`; the service commits each record's
//! offset + 1 as soon as it has handled it (the "process, then commit" pattern of an
//! at-least-once consumer). Records fetched but not yet handled are never committed, so a
//! stopped service loses nothing: the next member starts from the committed offset and
//! handles them then. And since the commit leaves at the instant handling completes (a
//! crash does not recall a request already sent), stopping and starting a service handles
//! every record exactly once. A record whose handling was interrupted — by a stop, or by
//! a rebalance taking its partition away — had no effect and is handled again later.
//!
//! What can still duplicate (Kafka's at-least-once): a commit refused or overtaken by a
//! rebalance (`CommitFailed`), and reactions that were done before a commit that never
//! landed. What is not covered: the produced record is committed-for when it is handed to
//! the producer, not when it is acknowledged; a produce that later fails for good
//! (delivery.timeout.ms) is lost downstream. The service's producer is a separate client
//! that keeps running while the service is stopped, so records it already holds are sent.
//!
//! The group starts at the earliest offset (`auto.offset.reset=earliest`), so a service
//! created after some orders were placed handles those too, and no order slips by while
//! its first member is still joining.
//!
//! While more records wait than one poll returns (`max.poll.records`), the member pauses
//! fetching those partitions and resumes as the queue drains (`pause()`/`resume()`), so a
//! slow service builds lag in Kafka, not records in memory.

use crate::consumer::{AutoOffsetReset, ConsumerConfig};
use crate::error::ModelError;
use crate::producer::{ProducerConfig, ProducerId};
use crate::record::Bytes;
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};
use std::collections::VecDeque;

/// The most simulated time handling one record may take (one minute).
pub const MAX_PROCESSING_MS: Ms = 60_000;

/// How a database table shows a missing key or a null value (a tombstone).
pub const NULL_TEXT: &str = "(null)";

/// What a service does with each record it handles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum Reaction {
    /// Produce a record to `topic` with the same key and value `format!("{prefix}{value}")`
    /// (the bytes of `prefix` followed by the record's value bytes). A null value (a
    /// tombstone) stays null.
    Produce { topic: String, prefix: String },
    /// Upsert row `key -> value` into the in-memory database table `table` (keys and values
    /// as lossy UTF-8 text; a missing key or null value reads [`NULL_TEXT`]).
    WriteRow { table: String },
    /// Send an e-mail (a happening only), e.g. an order confirmation.
    SendEmail,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceConfig {
    /// Topics it subscribes to; its group id is the service name.
    pub inputs: Vec<String>,
    /// What it does with each record it handles, in order.
    pub reactions: Vec<Reaction>,
    /// Simulated time to handle one record (default 300).
    pub processing_ms: Ms,
}

impl Default for ServiceConfig {
    fn default() -> Self {
        ServiceConfig {
            inputs: Vec::new(),
            reactions: Vec::new(),
            processing_ms: 300,
        }
    }
}

impl ServiceConfig {
    /// A service reading `inputs`, with no reactions yet and the default processing time.
    pub fn consuming<S: Into<String>>(inputs: impl IntoIterator<Item = S>) -> Self {
        ServiceConfig {
            inputs: inputs.into_iter().map(Into::into).collect(),
            ..Self::default()
        }
    }

    /// Adds a [`Reaction::Produce`].
    pub fn produce_to(mut self, topic: &str, prefix: &str) -> Self {
        self.reactions.push(Reaction::Produce {
            topic: topic.to_string(),
            prefix: prefix.to_string(),
        });
        self
    }

    /// Adds a [`Reaction::WriteRow`].
    pub fn write_row(mut self, table: &str) -> Self {
        self.reactions.push(Reaction::WriteRow {
            table: table.to_string(),
        });
        self
    }

    /// Adds a [`Reaction::SendEmail`].
    pub fn send_email(mut self) -> Self {
        self.reactions.push(Reaction::SendEmail);
        self
    }

    pub fn with_processing_ms(mut self, ms: Ms) -> Self {
        self.processing_ms = ms;
        self
    }

    /// Whether some reaction produces, so the service needs a producer.
    pub fn produces(&self) -> bool {
        self.reactions
            .iter()
            .any(|r| matches!(r, Reaction::Produce { .. }))
    }

    /// The topics its reactions produce to, in order, each once.
    pub fn outputs(&self) -> Vec<&str> {
        let mut out: Vec<&str> = Vec::new();
        for r in &self.reactions {
            if let Reaction::Produce { topic, .. } = r {
                if !out.contains(&topic.as_str()) {
                    out.push(topic);
                }
            }
        }
        out
    }

    /// The tables its reactions write to.
    pub fn tables(&self) -> impl Iterator<Item = &str> {
        self.reactions.iter().filter_map(|r| match r {
            Reaction::WriteRow { table } => Some(table.as_str()),
            _ => None,
        })
    }

    /// The checks that need no cluster: an input, a processing time in range, named tables.
    /// (Topics must exist and the name be free: the cluster checks those.)
    pub fn validate(&self, service: &str) -> Result<(), ModelError> {
        if self.inputs.is_empty() {
            return Err(ModelError::ServiceWithoutInput {
                service: service.to_string(),
            });
        }
        if self.processing_ms > MAX_PROCESSING_MS {
            return Err(ModelError::config(
                "processing.ms",
                format!("must be between 0 and {MAX_PROCESSING_MS} ms"),
            ));
        }
        if self.tables().any(str::is_empty) {
            return Err(ModelError::config("table", "must not be empty"));
        }
        Ok(())
    }

    /// The consumer configuration of a service's group: the playground's defaults, with
    /// commits left to the service (it commits what it handled) and reading from the
    /// earliest offset when nothing is committed yet.
    pub fn group_config() -> ConsumerConfig {
        ConsumerConfig {
            enable_auto_commit: false,
            auto_offset_reset: AutoOffsetReset::Earliest,
            ..ConsumerConfig::default()
        }
    }

    /// The configuration of a service's producer: the playground's default (acks=all).
    pub fn producer_config() -> ProducerConfig {
        ProducerConfig::default()
    }
}

/// A record delivered to a service and waiting to be (or being) handled.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct ServiceRecord {
    pub partition: TopicPartition,
    pub offset: u64,
    pub key: Option<Bytes>,
    pub value: Option<Bytes>,
}

/// A service and what it has done so far.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Service {
    pub name: String,
    pub config: ServiceConfig,
    /// Whether its process runs. A stopped service's member has crashed.
    pub running: bool,
    /// Records handled (each one's reactions done and its offset committed).
    pub handled: u64,
    /// Its producer (client id = the service name); set iff a `Produce` reaction exists.
    pub producer: Option<ProducerId>,
    /// The member id running the service's code in its group while it runs.
    pub member: Option<String>,
    pub emails_sent: u64,
    pub rows_written: u64,
    /// Records it handed to its producer.
    pub records_produced: u64,
    /// `Produce` reactions its producer refused (e.g. a record over max.message.bytes).
    pub produce_errors: u64,
    /// Delivered, not yet handled, in order.
    pub(crate) queue: VecDeque<ServiceRecord>,
    /// Being handled now; done at the scheduled `ServiceHandles` event.
    pub(crate) in_progress: Option<ServiceRecord>,
    /// Bumps whenever work in progress is abandoned, so its scheduled end does nothing.
    pub(crate) epoch: u64,
    /// Partitions whose fetch loop waits for the queue to drain, with the loop's token.
    pub(crate) paused: Vec<(TopicPartition, u64)>,
}

impl Service {
    pub(crate) fn new(name: String, config: ServiceConfig, producer: Option<ProducerId>) -> Self {
        Service {
            name,
            config,
            running: true,
            handled: 0,
            producer,
            member: None,
            emails_sent: 0,
            rows_written: 0,
            records_produced: 0,
            produce_errors: 0,
            queue: VecDeque::new(),
            in_progress: None,
            epoch: 0,
            paused: Vec::new(),
        }
    }

    /// The record being handled now, if any.
    pub fn in_progress(&self) -> Option<&ServiceRecord> {
        self.in_progress.as_ref()
    }

    /// Records delivered and waiting, oldest first (not counting the one in progress).
    pub fn queued(&self) -> impl Iterator<Item = &ServiceRecord> {
        self.queue.iter()
    }

    /// Delivered but not yet handled, counting the one in progress.
    pub fn backlog(&self) -> usize {
        self.queue.len() + usize::from(self.in_progress.is_some())
    }

    /// Its consumer group's id: the service name.
    pub fn group(&self) -> &str {
        &self.name
    }

    /// Abandons everything delivered and not handled (the process stopped).
    pub(crate) fn drop_work(&mut self) {
        self.queue.clear();
        self.in_progress = None;
        self.paused.clear();
        self.epoch = self.epoch.wrapping_add(1);
    }
}

/// Text of record bytes for tables and e-mails: lossy UTF-8, [`NULL_TEXT`] for none.
pub fn text_of(bytes: Option<&[u8]>) -> String {
    match bytes {
        Some(b) => String::from_utf8_lossy(b).into_owned(),
        None => NULL_TEXT.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_config_needs_an_input_and_a_sane_processing_time() {
        let none = ServiceConfig::default();
        assert_eq!(
            none.validate("s").unwrap_err().code(),
            "service_without_input"
        );
        let slow = ServiceConfig::consuming(["t"]).with_processing_ms(MAX_PROCESSING_MS + 1);
        assert_eq!(slow.validate("s").unwrap_err().code(), "invalid_config");
        let ok = ServiceConfig::consuming(["t"]).with_processing_ms(0);
        assert!(ok.validate("s").is_ok());
        assert!(ServiceConfig::consuming(["t"])
            .write_row("")
            .validate("s")
            .is_err());
    }

    #[test]
    fn builders_list_outputs_and_tables() {
        let c = ServiceConfig::consuming(["a"])
            .produce_to("b", "x:")
            .produce_to("b", "y:")
            .write_row("t")
            .send_email();
        assert!(c.produces());
        assert_eq!(c.outputs(), ["b"]);
        assert_eq!(c.tables().collect::<Vec<_>>(), ["t"]);
        assert_eq!(c.processing_ms, 300);
        assert_eq!(text_of(None), NULL_TEXT);
        assert_eq!(text_of(Some(b"o-1")), "o-1");
    }
}
