//! Producing: choosing a partition, batching, sending, appending at the leader, acks.

use super::{Cluster, Event, ProduceAttempt, ProduceRequest};
use crate::error::{KafkaError, ModelError};
use crate::happening::HappeningKind;
use crate::partition::{PendingAck, WrittenBatch};
use crate::partitioner::{partition_for_key, PartitionerKind};
use crate::producer::{
    Acks, InFlightBatch, OpenBatch, Producer, ProducerConfig, ProducerId, SEND_WINDOW,
};
use crate::record::{PendingRecord, ProducerRecord};
use crate::TopicPartition;
use std::sync::Arc;

impl Cluster {
    pub fn create_producer(
        &mut self,
        client_id: &str,
        config: ProducerConfig,
    ) -> Result<ProducerId, ModelError> {
        config.validate()?;
        self.ids.producer += 1;
        let id = self.ids.producer;
        self.producers
            .insert(id, Producer::new(id, client_id.to_string(), config));
        self.emit(HappeningKind::ProducerCreated { producer: id });
        Ok(id)
    }

    /// Closes a producer without flushing: records still in its accumulator are dropped.
    pub fn remove_producer(&mut self, producer: ProducerId) -> Result<(), ModelError> {
        self.check_producer_unused(producer)?;
        self.producers
            .remove(&producer)
            .ok_or(ModelError::UnknownProducer { producer })?;
        self.emit(HappeningKind::ProducerRemoved { producer });
        Ok(())
    }

    pub fn set_producer_config(
        &mut self,
        producer: ProducerId,
        config: ProducerConfig,
    ) -> Result<(), ModelError> {
        config.validate()?;
        self.producer_mut(producer)?.config = config;
        Ok(())
    }

    pub(super) fn producer_mut(
        &mut self,
        producer: ProducerId,
    ) -> Result<&mut Producer, ModelError> {
        self.producers
            .get_mut(&producer)
            .ok_or(ModelError::UnknownProducer { producer })
    }

    /// Hands a record to the producer: it joins a batch for the chosen partition, which is
    /// sent when full (`batch.size`) or when `linger.ms` passes. Returns the partition.
    pub fn produce(
        &mut self,
        producer: ProducerId,
        record: ProducerRecord,
    ) -> Result<TopicPartition, ModelError> {
        if !self.producers.contains_key(&producer) {
            return Err(ModelError::UnknownProducer { producer });
        }
        let topic = self.topic_or_err(&record.topic)?;
        let count = topic.partition_count();
        if let Some(partition) = record.partition.filter(|p| *p >= count) {
            return Err(ModelError::UnknownPartition {
                topic: record.topic.clone(),
                partition,
                partitions: count,
            });
        }
        let size = record.size_bytes();
        if size > topic.config.max_message_bytes {
            return Err(ModelError::RecordTooLarge {
                size,
                maximum: topic.config.max_message_bytes,
            });
        }
        // Validated: from here on the command succeeds.
        let sticky_choice = record.partition.is_none()
            && record.key.is_none()
            && self.producers[&producer].config.partitioner == PartitionerKind::Sticky;
        let partition = match record.partition {
            Some(p) => p,
            None => self.choose_partition(producer, &record.topic, record.key.as_deref()),
        };
        let (batch_size, linger_ms) = {
            let c = &self.producers[&producer].config;
            (c.batch_size, c.linger_ms)
        };
        let mut tp = TopicPartition {
            topic: shared_topic_name(&self.producers[&producer], record.topic),
            partition,
        };
        let overflows = self.producers[&producer]
            .batches
            .get(&tp)
            .is_some_and(|b| b.size_bytes + size > batch_size);
        if overflows {
            // The record does not fit: the batch goes now, and a sticky choice moves on
            // (Kafka's abortOnNewBatch).
            self.send_batch(producer, &tp, true);
            if sticky_choice {
                tp.partition = self.choose_partition(producer, &tp.topic, None);
            }
        }
        let pending = PendingRecord {
            timestamp: self.now,
            key: record.key,
            value: record.value,
            headers: record.headers,
            size_bytes: size,
        };
        let key = pending.key.clone();
        let now = self.now;
        let p = self
            .producers
            .get_mut(&producer)
            .expect("the command checked the producer exists");
        // One look-up of the open batch (a record usually joins one).
        let (batch_id, full, new_batch) = match p.batches.get_mut(&tp) {
            Some(batch) => {
                batch.size_bytes += size;
                batch.records.push(pending);
                (batch.batch_id, batch.size_bytes >= batch_size, false)
            }
            None => {
                self.ids.batch += 1;
                let batch_id = self.ids.batch;
                p.batches.insert(
                    tp.clone(),
                    OpenBatch {
                        batch_id,
                        created_ms: now,
                        size_bytes: size,
                        records: vec![pending],
                    },
                );
                (batch_id, size >= batch_size, true)
            }
        };
        self.emit(HappeningKind::RecordQueued {
            producer,
            partition: tp.clone(),
            batch_id,
            key,
            size_bytes: size,
        });
        if full || linger_ms == 0 {
            self.send_batch(producer, &tp, full);
        } else if new_batch {
            self.schedule.push(
                now + linger_ms,
                Event::LingerExpired {
                    producer,
                    partition: tp.clone(),
                    batch_id,
                },
            );
        }
        Ok(tp)
    }

    /// Sends every open batch now (the producer's `flush()`).
    pub fn flush(&mut self, producer: ProducerId) -> Result<(), ModelError> {
        let open: Vec<TopicPartition> = self
            .producers
            .get(&producer)
            .ok_or(ModelError::UnknownProducer { producer })?
            .batches
            .keys()
            .cloned()
            .collect();
        for tp in open {
            self.send_batch(producer, &tp, false);
        }
        Ok(())
    }

    /// Kafka's built-in partitioning: murmur2 of the key, else sticky; or round robin.
    fn choose_partition(&mut self, producer: ProducerId, topic: &str, key: Option<&[u8]>) -> u32 {
        let t = &self.topics[topic];
        let count = t.partition_count();
        let p = self
            .producers
            .get_mut(&producer)
            .expect("produce checked the producer exists");
        if let (PartitionerKind::Sticky, Some(key)) = (p.config.partitioner, key) {
            // Keyed records go by hash alone, whatever partitions have a leader.
            return partition_for_key(key, count);
        }
        let available = t.available_partitions();
        let rng = &mut self.rng;
        match (p.config.partitioner, key) {
            (PartitionerKind::Sticky, Some(key)) => partition_for_key(key, count),
            (PartitionerKind::Sticky, None) => p
                .sticky
                .entry(topic.to_string())
                .or_default()
                .partition_among(&available, count, || rng.next_u64()),
            (PartitionerKind::RoundRobin, _) => {
                p.round_robin.partition_among(topic, &available, count)
            }
        }
    }

    pub(crate) fn on_linger_expired(
        &mut self,
        producer: ProducerId,
        tp: TopicPartition,
        batch_id: u64,
    ) {
        let open = self
            .producers
            .get(&producer)
            .and_then(|p| p.batches.get(&tp))
            .map(|b| b.batch_id);
        if open == Some(batch_id) {
            self.send_batch(producer, &tp, false);
        }
    }

    /// Closes the open batch of a partition and sends it to the leader. An idempotent
    /// producer's batch waits while the partition's send window is full ([`SEND_WINDOW`]):
    /// it stays open, so records keep joining it (Kafka's accumulator appends to a batch
    /// until it is drained), unless `must_close` (it is full, or a record did not fit), and
    /// then queues in `held`.
    fn send_batch(&mut self, producer: ProducerId, tp: &TopicPartition, must_close: bool) {
        let now = self.now;
        let Some(p) = self.producers.get_mut(&producer) else {
            return;
        };
        let windowed = p.config.idempotent();
        if windowed && !must_close && !window_has_room(p, tp) {
            return;
        }
        let Some(batch) = p.batches.remove(tp) else {
            return;
        };
        if let Some(sticky) = p
            .sticky
            .get_mut(&*tp.topic)
            .filter(|s| s.current() == Some(tp.partition))
        {
            sticky.on_batch_complete();
        }
        p.stats.records_sent += batch.records.len() as u64;
        let flight = InFlightBatch {
            batch_id: batch.batch_id,
            partition: tp.clone(),
            records: batch.records.into(),
            acks: p.config.acks,
            first_sent_ms: now,
            attempt: 1,
        };
        if windowed {
            // In order, and only within the send window.
            p.held.entry(tp.clone()).or_default().push(flight);
            return self.release_held(producer, tp);
        }
        self.dispatch_batch(producer, flight);
    }

    /// Sends an idempotent producer's waiting batches for `tp`, oldest first, while its
    /// send window has room: the queued ones, then an open one that is ready (its linger
    /// passed, or it is full).
    pub(super) fn release_held(&mut self, producer: ProducerId, tp: &TopicPartition) {
        let now = self.now;
        loop {
            let Some(p) = self.producers.get_mut(&producer) else {
                return;
            };
            let window = p.send_window.entry(tp.clone()).or_default();
            while window.first().is_some_and(|(_, resolved)| *resolved) {
                window.remove(0);
            }
            if window.len() >= SEND_WINDOW {
                return;
            }
            let next = match p.held.get_mut(tp) {
                Some(held) if !held.is_empty() => held.remove(0),
                _ => {
                    let (linger, size) = (p.config.linger_ms, p.config.batch_size);
                    let ready = p
                        .batches
                        .get(tp)
                        .is_some_and(|b| b.created_ms + linger <= now || b.size_bytes >= size);
                    if ready {
                        self.send_batch(producer, tp, true);
                    }
                    return;
                }
            };
            p.send_window
                .entry(tp.clone())
                .or_default()
                .push((next.batch_id, false));
            self.dispatch_batch(producer, next);
        }
    }

    /// An idempotent producer's batch is resolved (acknowledged, or failed for good): its
    /// place in the send window frees once every older batch is resolved too.
    pub(super) fn resolve_batch(&mut self, producer: ProducerId, batch: &InFlightBatch) {
        let Some(p) = self.producers.get_mut(&producer) else {
            return;
        };
        let Some(window) = p.send_window.get_mut(&batch.partition) else {
            return;
        };
        let Some(entry) = window.iter_mut().find(|(id, _)| *id == batch.batch_id) else {
            return;
        };
        entry.1 = true;
        self.release_held(producer, &batch.partition);
    }

    /// Sends a batch to the partition's current leader, or fails it if there is none.
    pub(super) fn dispatch_batch(&mut self, producer: ProducerId, batch: InFlightBatch) {
        let tp = batch.partition.clone();
        let leader = match self.partition_ref(&tp) {
            None => {
                return self.fail_batch(
                    producer,
                    None,
                    batch,
                    KafkaError::UnknownTopicOrPartition { partition: tp },
                )
            }
            Some(p) => p.leader,
        };
        let Some(leader) = leader else {
            return self.fail_batch(
                producer,
                None,
                batch,
                KafkaError::LeaderNotAvailable { partition: tp },
            );
        };
        let kind = HappeningKind::ProduceSent {
            producer,
            broker: leader,
            partition: tp,
            batch_id: batch.batch_id,
            attempt: batch.attempt,
            acks: batch.acks,
            records: batch.records.clone(),
        };
        let arrival = self.fly_client(kind);
        let flight = self.last_flight_id();
        if batch.acks != Acks::Zero {
            if let Some(p) = self.producers.get_mut(&producer) {
                p.stats.batches_in_flight += 1;
            }
        }
        let attempt = ProduceAttempt {
            producer,
            broker: leader,
            batch,
        };
        self.schedule.push(
            arrival,
            Event::ProduceArrives(ProduceRequest { attempt, flight }),
        );
    }

    pub(crate) fn on_produce_arrives(&mut self, request: ProduceRequest) {
        let ProduceRequest { attempt, flight } = request;
        if attempt.batch.acks != Acks::Zero {
            if let Some(p) = self.producers.get_mut(&attempt.producer) {
                p.stats.batches_in_flight = p.stats.batches_in_flight.saturating_sub(1);
            }
        }
        if self.network.take_dropped(flight) {
            return self.await_timeout(attempt);
        }
        let ProduceAttempt {
            producer,
            broker,
            batch,
        } = attempt;
        let tp = batch.partition.clone();
        if !self.broker_alive(broker) {
            return self.fail_batch(
                producer,
                None,
                batch,
                KafkaError::BrokerNotAvailable { broker },
            );
        }
        let Some(topic) = self.topics.get(&*tp.topic) else {
            return self.fail_batch(
                producer,
                Some(broker),
                batch,
                KafkaError::UnknownTopicOrPartition { partition: tp },
            );
        };
        let (min_isr, roll) = (topic.config.effective_min_isr(), topic.config.roll_policy());
        let compacted = topic.config.cleanup_policy.compacts();
        let idempotent = self
            .producers
            .get(&producer)
            .is_some_and(|p| p.config.idempotent());
        let Some(p) = topic.partitions.get(tp.partition as usize) else {
            return self.fail_batch(
                producer,
                Some(broker),
                batch,
                KafkaError::UnknownTopicOrPartition { partition: tp },
            );
        };
        if p.leader != Some(broker) {
            return self.fail_batch(
                producer,
                Some(broker),
                batch,
                KafkaError::NotLeaderOrFollower {
                    partition: tp,
                    broker,
                },
            );
        }
        if batch.acks == Acks::All && (p.isr.len() as u32) < min_isr {
            let error = KafkaError::NotEnoughReplicas {
                partition: tp,
                isr: p.isr.len() as u32,
                min_insync_replicas: min_isr,
            };
            return self.fail_batch(producer, Some(broker), batch, error);
        }
        if compacted && batch.records.iter().any(|r| r.key.is_none()) {
            let error = KafkaError::InvalidRecord {
                partition: tp,
                reason: "a compacted topic cannot accept a record without a key".into(),
            };
            return self.fail_batch(producer, Some(broker), batch, error);
        }
        let earlier = p.written_batch(producer, batch.batch_id);
        if let (Some(w), true) = (earlier, idempotent) {
            return self.ignore_duplicate(producer, broker, batch, w);
        }
        let p = self
            .partition_mut(&tp)
            .expect("the partition was found just above");
        let epoch = p.leader_epoch;
        let Some((base_offset, last_offset)) =
            p.log
                .append_batch(&batch.records, producer, batch.batch_id, epoch, roll)
        else {
            return;
        };
        p.remember_batch(
            producer,
            WrittenBatch {
                batch_id: batch.batch_id,
                base_offset,
                last_offset,
            },
        );
        if batch.acks == Acks::One {
            p.note_acked(base_offset, last_offset);
        }
        let log_end = p.log_end_offset();
        if let Some(r) = p.replica_mut(broker) {
            r.log_end_offset = log_end;
            r.leader_view_log_end_offset = log_end;
        }
        if batch.acks == Acks::All {
            p.pending_acks.push(PendingAck {
                producer,
                base_offset,
                last_offset,
                batch: batch.clone(),
            });
        }
        let batch_id = batch.batch_id;
        self.emit(HappeningKind::AppendedAtLeader {
            producer,
            broker,
            partition: tp.clone(),
            batch_id,
            base_offset,
            last_offset,
        });
        if let Some(w) = earlier {
            self.emit(HappeningKind::DuplicateWritten {
                producer,
                partition: tp.clone(),
                batch_id,
                first_base_offset: w.base_offset,
                base_offset,
                last_offset,
            });
        }
        if batch.acks == Acks::One {
            self.ack(producer, broker, &batch, base_offset, last_offset);
        }
        self.wake_parked_followers(&tp);
        self.update_high_watermark(&tp);
        self.apply_retention(&tp);
    }
}

/// Whether an idempotent producer may send another batch to `tp` now: none is queued before
/// it, and fewer than [`SEND_WINDOW`] were sent since the oldest unresolved one. The window
/// never starts with a resolved batch here: `resolve_batch` drops those at once (in
/// `release_held`), so its length is that span.
fn window_has_room(p: &Producer, tp: &TopicPartition) -> bool {
    let queued = p.held.get(tp).is_some_and(|h| !h.is_empty());
    let span = p.send_window.get(tp).map_or(0, Vec::len);
    !queued && span < SEND_WINDOW
}

/// The topic's name as a shared string for the record's `TopicPartition`: taken from one
/// of the producer's open batches for the topic when there is one (a record usually joins
/// one), so queuing a record does not copy the name.
fn shared_topic_name(p: &Producer, topic: String) -> Arc<str> {
    match p.batches.keys().find(|tp| *tp.topic == *topic) {
        Some(tp) => tp.topic.clone(),
        None => topic.into(),
    }
}
