//! Consuming: positions, the fetch loop, seeking, and standalone consumers.
//!
//! Each owned partition has one fetch loop: fetch from the position, get records below the
//! high watermark (never at or above it), deliver them, fetch again. A fetch with nothing
//! to read waits at the leader until the high watermark moves (a long poll).

use super::{Cluster, ConsumerFetchKey, Event, FetchRequest, FetchResponse};
use crate::collections::SortedSet;
use crate::consumer::{
    AutoOffsetReset, Consumer, ConsumerConfig, ConsumerId, ConsumerRef, PartitionCursor, SeekTo,
};
use crate::error::{KafkaError, ModelError};
use crate::happening::HappeningKind;
use crate::partition::ParkedFetch;
use crate::record::Record;
use crate::service::ServiceRecord;
use crate::TopicPartition;

impl Cluster {
    pub(crate) fn cursor(&self, c: &ConsumerRef, tp: &TopicPartition) -> Option<&PartitionCursor> {
        match c {
            ConsumerRef::Member { group, member } => {
                let m = self.groups.get(&**group)?.members.get(&**member)?;
                m.is_running().then_some(())?;
                m.owned.get(tp)
            }
            ConsumerRef::Standalone(id) => self.consumers.get(id)?.assignment.get(tp),
        }
    }

    fn cursor_mut(&mut self, c: &ConsumerRef, tp: &TopicPartition) -> Option<&mut PartitionCursor> {
        match c {
            ConsumerRef::Member { group, member } => {
                let m = self.groups.get_mut(&**group)?.members.get_mut(&**member)?;
                m.is_running().then_some(())?;
                m.owned.get_mut(tp)
            }
            ConsumerRef::Standalone(id) => self.consumers.get_mut(id)?.assignment.get_mut(tp),
        }
    }

    fn consumer_config(&self, c: &ConsumerRef) -> Option<&ConsumerConfig> {
        match c {
            ConsumerRef::Member { group, .. } => self.groups.get(&**group).map(|g| &g.config),
            ConsumerRef::Standalone(id) => self.consumers.get(id).map(|c| &c.config),
        }
    }

    /// Begins reading a newly owned partition: finds a position (committed offset, else
    /// auto.offset.reset) and starts its fetch loop.
    pub(crate) fn start_consuming(&mut self, c: &ConsumerRef, tp: &TopicPartition) {
        let Some(cursor) = self.cursor_mut(c, tp) else {
            return;
        };
        cursor.token += 1;
        if cursor.position.is_none() {
            let committed = match c {
                ConsumerRef::Member { group, .. } => {
                    self.groups.get(&**group).and_then(|g| g.committed(tp))
                }
                ConsumerRef::Standalone(_) => None,
            };
            match committed {
                Some(offset) => {
                    self.cursor_mut(c, tp)
                        .expect("the cursor was found at the start")
                        .position = Some(offset)
                }
                None => {
                    if !self.reset_position(c, tp) {
                        return;
                    }
                }
            }
        }
        self.send_fetch(c, tp);
    }

    /// Applies auto.offset.reset. Returns whether a position was found.
    fn reset_position(&mut self, c: &ConsumerRef, tp: &TopicPartition) -> bool {
        let Some(policy) = self.consumer_config(c).map(|cfg| cfg.auto_offset_reset) else {
            return false;
        };
        let Some(p) = self.partition_ref(tp) else {
            return false;
        };
        let offset = match policy {
            AutoOffsetReset::Earliest => p.log_start_offset(),
            AutoOffsetReset::Latest => p.high_watermark,
            AutoOffsetReset::None => {
                if let Some(cursor) = self.cursor_mut(c, tp) {
                    cursor.position = None;
                }
                let error = KafkaError::NoOffsetForPartition {
                    partition: tp.clone(),
                };
                self.emit(HappeningKind::ConsumerError {
                    consumer: c.clone(),
                    partition: tp.clone(),
                    error,
                });
                return false;
            }
        };
        let Some(cursor) = self.cursor_mut(c, tp) else {
            return false;
        };
        cursor.position = Some(offset);
        self.emit(HappeningKind::PositionReset {
            consumer: c.clone(),
            partition: tp.clone(),
            offset,
            policy: Some(policy),
        });
        true
    }

    /// Sends a fetch from the current position to the leader; with no leader the fetch
    /// waits at the partition until one is elected.
    pub(crate) fn send_fetch(&mut self, c: &ConsumerRef, tp: &TopicPartition) {
        let Some(cursor) = self.cursor(c, tp) else {
            return;
        };
        let (Some(fetch_offset), token) = (cursor.position, cursor.token) else {
            return;
        };
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        let Some(broker) = p.leader else {
            return self.park_fetch(c, tp, token, fetch_offset);
        };
        let arrival = self.fly_client(HappeningKind::FetchSent {
            consumer: c.clone(),
            broker,
            partition: tp.clone(),
            fetch_offset,
        });
        let key = ConsumerFetchKey {
            consumer: c.clone(),
            partition: tp.clone(),
            token,
        };
        self.schedule.push(
            arrival,
            Event::FetchArrives(FetchRequest {
                key,
                broker,
                fetch_offset,
            }),
        );
    }

    fn park_fetch(&mut self, c: &ConsumerRef, tp: &TopicPartition, token: u64, fetch_offset: u64) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        p.parked_fetches.retain(|f| &f.consumer != c);
        p.parked_fetches.push(ParkedFetch {
            consumer: c.clone(),
            token,
            fetch_offset,
        });
    }

    fn token_valid(&self, c: &ConsumerRef, tp: &TopicPartition, token: u64) -> bool {
        self.cursor(c, tp).is_some_and(|cur| cur.token == token)
    }

    pub(crate) fn on_fetch_arrives(&mut self, request: FetchRequest) {
        let FetchRequest {
            key,
            broker,
            fetch_offset,
        } = request;
        if !self.token_valid(&key.consumer, &key.partition, key.token) {
            return;
        }
        let Some(p) = self.partition_ref(&key.partition) else {
            return;
        };
        if !self.broker_alive(broker) || p.leader != Some(broker) {
            let at = self.now + self.timing.fetch_backoff_ms;
            self.schedule.push(at, Event::FetchRetry(key));
            return;
        }
        let ConsumerFetchKey {
            consumer: c,
            partition: tp,
            token,
        } = key;
        if fetch_offset < p.log_start_offset() || fetch_offset > p.log_end_offset() {
            let error = KafkaError::OffsetOutOfRange {
                partition: tp.clone(),
                offset: fetch_offset,
            };
            self.emit(HappeningKind::ConsumerError {
                consumer: c.clone(),
                partition: tp.clone(),
                error,
            });
            if self.reset_position(&c, &tp) {
                self.send_fetch(&c, &tp);
            }
            return;
        }
        if fetch_offset < p.high_watermark {
            self.serve_fetch(&c, &tp, token, fetch_offset);
        } else {
            self.park_fetch(&c, &tp, token, fetch_offset);
        }
    }

    /// The leader answers with records from the fetch offset up to (not including) the
    /// high watermark. In a compacted log the records may skip offsets; the answer says
    /// where the consumer's position goes next, past any gap.
    fn serve_fetch(&mut self, c: &ConsumerRef, tp: &TopicPartition, token: u64, fetch_offset: u64) {
        let max = self
            .consumer_config(c)
            .map_or(1, |cfg| cfg.max_poll_records as usize);
        let Some(p) = self.partition_ref(tp) else {
            return;
        };
        let Some(broker) = p.leader else { return };
        let high_watermark = p.high_watermark;
        let records: Vec<Record> = p.log.read(fetch_offset, high_watermark, max).to_vec();
        if fetch_offset >= high_watermark {
            return self.park_fetch(c, tp, token, fetch_offset);
        }
        let next_offset = match records.last() {
            Some(last) if records.len() == max => last.offset + 1,
            _ => high_watermark,
        };
        let from_offset = records.first().map_or(fetch_offset, |r| r.offset);
        let kind = HappeningKind::Fetched {
            consumer: c.clone(),
            broker,
            partition: tp.clone(),
            from_offset,
            to_offset: next_offset,
        };
        let arrival = self.fly_client(kind);
        let key = ConsumerFetchKey {
            consumer: c.clone(),
            partition: tp.clone(),
            token,
        };
        self.schedule.push(
            arrival,
            Event::FetchResponse(FetchResponse {
                key,
                records,
                next_offset,
            }),
        );
    }

    pub(crate) fn on_fetch_response(&mut self, response: FetchResponse) {
        let FetchResponse {
            key:
                ConsumerFetchKey {
                    consumer: c,
                    partition: tp,
                    token,
                },
            records,
            next_offset,
        } = response;
        if !self.token_valid(&c, &tp, token) {
            return;
        }
        if let Some(cursor) = self.cursor_mut(&c, &tp) {
            cursor.position = Some(next_offset);
        }
        let count = records.len() as u64;
        let to_service = self.feeds_service(&c);
        let mut handed = Vec::new();
        for record in records {
            if to_service {
                handed.push(ServiceRecord {
                    partition: tp.clone(),
                    offset: record.offset,
                    key: record.key.clone(),
                    value: record.value.clone(),
                });
            }
            self.emit(HappeningKind::Delivered {
                consumer: c.clone(),
                partition: tp.clone(),
                offset: record.offset,
                key: record.key,
                value: record.value,
            });
        }
        match &c {
            ConsumerRef::Member { group, member } => {
                if let Some(m) = self
                    .groups
                    .get_mut(&**group)
                    .and_then(|g| g.members.get_mut(&**member))
                {
                    m.records_delivered += count;
                }
            }
            ConsumerRef::Standalone(id) => {
                if let Some(s) = self.consumers.get_mut(id) {
                    s.records_delivered += count;
                }
            }
        }
        if let (true, ConsumerRef::Member { group, .. }) = (to_service, &c) {
            // The service's code handles the records; with a poll's worth waiting, the
            // member pauses this partition until the queue drains.
            if self.enqueue_for_service(group, handed, &tp, token) {
                return;
            }
        }
        self.send_fetch(&c, &tp);
    }

    /// The leader was gone or had changed when a fetch arrived: after the backoff, the
    /// consumer fetches again, unless its loop for the partition was restarted meanwhile.
    pub(crate) fn on_fetch_retry(&mut self, key: ConsumerFetchKey) {
        if self.token_valid(&key.consumer, &key.partition, key.token) {
            self.send_fetch(&key.consumer, &key.partition);
        }
    }

    /// The high watermark moved: serve the fetches that were waiting for it.
    pub(crate) fn wake_parked_fetches(&mut self, tp: &TopicPartition) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        let hw = p.high_watermark;
        let (ready, waiting): (Vec<_>, Vec<_>) = std::mem::take(&mut p.parked_fetches)
            .into_iter()
            .partition(|f| f.fetch_offset < hw);
        p.parked_fetches = waiting;
        for f in ready {
            if self.token_valid(&f.consumer, tp, f.token) {
                self.serve_fetch(&f.consumer, tp, f.token, f.fetch_offset);
            }
        }
    }

    /// The leader changed: waiting fetches go to the new leader.
    pub(crate) fn restart_parked_fetches(&mut self, tp: &TopicPartition) {
        let Some(p) = self.partition_mut(tp) else {
            return;
        };
        let parked = std::mem::take(&mut p.parked_fetches);
        for f in parked {
            if self.token_valid(&f.consumer, tp, f.token) {
                self.send_fetch(&f.consumer, tp);
            }
        }
    }

    /// Moves a consumer's position in a partition it owns (`seek`, `seekToBeginning`,
    /// `seekToEnd`). The offset must lie within the log.
    pub fn seek(
        &mut self,
        consumer: &ConsumerRef,
        partition: &TopicPartition,
        to: SeekTo,
    ) -> Result<(), ModelError> {
        if let ConsumerRef::Member { group, member } = consumer {
            self.running_member(group, member)?;
        } else if let ConsumerRef::Standalone(id) = consumer {
            self.consumers
                .get(id)
                .ok_or(ModelError::UnknownConsumer { consumer: *id })?;
        }
        self.cursor(consumer, partition)
            .ok_or_else(|| ModelError::NotAssigned {
                partition: partition.clone(),
            })?;
        let p = self
            .partition_ref(partition)
            .ok_or_else(|| ModelError::NotAssigned {
                partition: partition.clone(),
            })?;
        let offset = match to {
            SeekTo::Earliest => p.log_start_offset(),
            SeekTo::Latest => p.high_watermark,
            SeekTo::Offset(o) if o >= p.log_start_offset() && o <= p.log_end_offset() => o,
            SeekTo::Offset(offset) => {
                return Err(ModelError::InvalidOffset {
                    partition: partition.clone(),
                    offset,
                    log_start_offset: p.log_start_offset(),
                    log_end_offset: p.log_end_offset(),
                })
            }
        };
        let cursor = self
            .cursor_mut(consumer, partition)
            .expect("the command checked the consumer owns the partition");
        cursor.position = Some(offset);
        self.emit(HappeningKind::PositionReset {
            consumer: consumer.clone(),
            partition: partition.clone(),
            offset,
            policy: None,
        });
        self.start_consuming(consumer, partition);
        Ok(())
    }

    /// A consumer outside any group (`assign()` instead of `subscribe()`).
    pub fn create_consumer(
        &mut self,
        client_id: &str,
        config: ConsumerConfig,
    ) -> Result<ConsumerId, ModelError> {
        config.validate()?;
        self.ids.consumer += 1;
        let id = self.ids.consumer;
        let consumer = Consumer {
            id,
            client_id: client_id.to_string(),
            config,
            assignment: Default::default(),
            records_delivered: 0,
        };
        self.consumers.insert(id, consumer);
        self.emit(HappeningKind::ConsumerCreated {
            consumer: ConsumerRef::Standalone(id),
        });
        Ok(id)
    }

    pub fn remove_consumer(&mut self, consumer: ConsumerId) -> Result<(), ModelError> {
        self.consumers
            .remove(&consumer)
            .ok_or(ModelError::UnknownConsumer { consumer })?;
        self.emit(HappeningKind::ConsumerRemoved {
            consumer: ConsumerRef::Standalone(consumer),
        });
        Ok(())
    }

    /// Replaces a standalone consumer's partitions. Kept partitions keep their position;
    /// new ones start per auto.offset.reset (a standalone consumer has no committed offsets).
    pub fn assign_partitions(
        &mut self,
        consumer: ConsumerId,
        partitions: Vec<TopicPartition>,
    ) -> Result<(), ModelError> {
        self.consumers
            .get(&consumer)
            .ok_or(ModelError::UnknownConsumer { consumer })?;
        for tp in &partitions {
            let topic = self.topic_or_err(&tp.topic)?;
            if tp.partition >= topic.partition_count() {
                return Err(ModelError::UnknownPartition {
                    topic: tp.topic.to_string(),
                    partition: tp.partition,
                    partitions: topic.partition_count(),
                });
            }
        }
        let wanted: SortedSet<TopicPartition> = partitions.into_iter().collect();
        let c = self
            .consumers
            .get_mut(&consumer)
            .expect("the command checked the consumer exists");
        c.assignment.retain(|tp, _| wanted.contains(tp));
        let added: Vec<TopicPartition> = wanted
            .into_iter()
            .filter(|tp| !c.assignment.contains_key(tp))
            .collect();
        for tp in &added {
            c.assignment.insert(tp.clone(), PartitionCursor::default());
        }
        let who = ConsumerRef::Standalone(consumer);
        for tp in &added {
            self.start_consuming(&who, tp);
        }
        Ok(())
    }

    /// Whether a member is still in a state to consume (used by the group code).
    pub(crate) fn member_running(&self, group: &str, member: &str) -> bool {
        self.groups
            .get(group)
            .and_then(|g| g.members.get(member))
            .is_some_and(|m| m.is_running())
    }
}
