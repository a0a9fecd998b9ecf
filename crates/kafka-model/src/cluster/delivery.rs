//! Delivery: how a produce request ends — acknowledged, failed and retried, timed out —
//! and what a retry can do: write the records twice (no idempotence) or be recognised by
//! producer id and sequence (idempotence, `ProducerStateManager` in Kafka).

use super::{Cluster, Event, ProduceAttempt, ProduceResponse};
use crate::error::KafkaError;
use crate::happening::HappeningKind;
use crate::partition::{BrokerId, PendingAck, WrittenBatch};
use crate::producer::{Acks, InFlightBatch, ProducerId};

impl Cluster {
    /// An idempotent producer's retry of a batch the leader already wrote: answered with
    /// the first write's offsets, not written again (Kafka's duplicate-sequence check in
    /// `ProducerStateManager`).
    pub(super) fn ignore_duplicate(
        &mut self,
        producer: ProducerId,
        broker: BrokerId,
        batch: InFlightBatch,
        written: WrittenBatch,
    ) {
        let tp = batch.partition.clone();
        self.emit(HappeningKind::DuplicateIgnored {
            producer,
            broker,
            partition: tp.clone(),
            batch_id: batch.batch_id,
            base_offset: written.base_offset,
        });
        let (base_offset, last_offset) = (written.base_offset, written.last_offset);
        let p = self
            .partition_mut(&tp)
            .expect("the leader that found the duplicate holds the partition");
        if batch.acks == Acks::All && last_offset >= p.high_watermark {
            p.pending_acks.push(PendingAck {
                producer,
                base_offset,
                last_offset,
                batch,
            });
        } else {
            self.ack(producer, broker, &batch, base_offset, last_offset);
        }
    }

    /// The success response flies back to the producer.
    pub(crate) fn ack(
        &mut self,
        producer: ProducerId,
        broker: BrokerId,
        batch: &InFlightBatch,
        base_offset: u64,
        last_offset: u64,
    ) {
        if !self.producers.contains_key(&producer) {
            return;
        }
        let partition = batch.partition.clone();
        let arrival = self.fly_client(HappeningKind::Acked {
            producer,
            broker,
            partition,
            batch_id: batch.batch_id,
            base_offset,
            last_offset,
        });
        let flight = self.last_flight_id();
        let attempt = ProduceAttempt {
            producer,
            broker,
            batch: batch.clone(),
        };
        self.schedule.push(
            arrival,
            Event::AckArrives(ProduceResponse {
                attempt,
                base_offset,
                last_offset,
                flight,
            }),
        );
    }

    pub(crate) fn on_ack_arrives(&mut self, response: ProduceResponse) {
        let attempt = response.attempt;
        if self.network.take_dropped(response.flight) {
            return self.await_timeout(attempt);
        }
        if let Some(p) = self.producers.get_mut(&attempt.producer) {
            p.stats.records_acked += attempt.batch.records.len() as u64;
        }
        self.resolve_batch(attempt.producer, &attempt.batch);
    }

    /// A request or its answer was lost: the producer hears nothing until
    /// `request.timeout.ms` passes (acks=0 producers never wait, so never notice).
    pub(super) fn await_timeout(&mut self, attempt: ProduceAttempt) {
        let Some(p) = self.producers.get(&attempt.producer) else {
            return;
        };
        if attempt.batch.acks == Acks::Zero {
            return;
        }
        let at = self.now + p.config.request_timeout_ms;
        self.schedule.push(at, Event::ProduceTimeout(attempt));
    }

    pub(crate) fn on_produce_timeout(&mut self, attempt: ProduceAttempt) {
        let ProduceAttempt {
            producer, batch, ..
        } = attempt;
        let error = KafkaError::RequestTimedOut {
            partition: batch.partition.clone(),
        };
        self.fail_batch(producer, None, batch, error);
    }

    /// An error for a batch: retried after `retry.backoff.ms` while retriable and within
    /// `delivery.timeout.ms`, else the records are lost. With acks=0 nobody hears of it.
    pub(crate) fn fail_batch(
        &mut self,
        producer: ProducerId,
        broker: Option<BrokerId>,
        batch: InFlightBatch,
        error: KafkaError,
    ) {
        let Some(p) = self.producers.get(&producer) else {
            return;
        };
        let (backoff, timeout) = (p.config.retry_backoff_ms, p.config.delivery_timeout_ms);
        let retriable = error.is_retriable() && batch.acks != Acks::Zero;
        let will_retry = retriable && self.now + backoff < batch.first_sent_ms + timeout;
        let error = if retriable && !will_retry {
            KafkaError::DeliveryTimeout {
                partition: batch.partition.clone(),
            }
        } else {
            error
        };
        let kind = HappeningKind::ProduceFailed {
            producer,
            broker,
            partition: batch.partition.clone(),
            batch_id: batch.batch_id,
            error,
            will_retry,
        };
        let arrival = if broker.is_some() && batch.acks != Acks::Zero {
            self.fly_client(kind)
        } else {
            self.emit(kind);
            self.now
        };
        if will_retry {
            self.schedule
                .push(arrival + backoff, Event::ProduceRetry { producer, batch });
        } else {
            if let Some(p) = self.producers.get_mut(&producer) {
                p.stats.records_failed += batch.records.len() as u64;
            }
            self.resolve_batch(producer, &batch);
        }
    }

    pub(crate) fn on_produce_retry(&mut self, producer: ProducerId, mut batch: InFlightBatch) {
        if self.producers.contains_key(&producer) {
            batch.attempt += 1;
            self.dispatch_batch(producer, batch);
        }
    }
}
