//! The "produce" category: producers, their batches on the way to a leader, acks, failures
//! and retries, and what idempotence does with a retried batch.

use super::kafka_error::kafka_error;
use super::phrases::{bytes_text, count, offsets_inclusive, Broker, Producer};
use crate::i18n::{Lang, Text};
use kafka_model::{Acks, BrokerId, KafkaError, ProducerId, TopicPartition};

pub(super) fn producer_created(lang: Lang, producer: ProducerId) -> String {
    let producer = Producer(producer);
    tr!(lang, en: "{producer} created", vi: "{producer} được tạo")
}

pub(super) fn producer_removed(lang: Lang, producer: ProducerId) -> String {
    let producer = Producer(producer);
    tr!(lang, en: "{producer} removed", vi: "{producer} đã bị xoá")
}

pub(super) fn record_queued(
    lang: Lang,
    producer: ProducerId,
    partition: &TopicPartition,
    batch_id: u64,
    key: Option<&[u8]>,
    size_bytes: u32,
) -> String {
    let (producer, key) = (Producer(producer), bytes_text(key));
    let size = count(lang, u64::from(size_bytes), "byte", "bytes");
    tr!(
        lang,
        en: "{producer} put a record (key {key}, {size}) in batch {batch_id} for {partition}",
        vi: "{producer} đưa một record (key {key}, {size}) vào batch {batch_id} cho {partition}",
    )
}

/// The producer's batch `batch_id` (the two together name it) on its way to `broker`.
pub(super) fn produce_sent(
    lang: Lang,
    (producer, batch_id): (ProducerId, u64),
    broker: BrokerId,
    partition: &TopicPartition,
    attempt: u32,
    acks: Acks,
    records: usize,
) -> String {
    let (producer, broker, acks) = (Producer(producer), Broker(broker), acks.kafka_name());
    let records = count(lang, records as u64, "record", "records");
    let attempt = if attempt > 1 {
        tr!(lang, en: ", attempt {attempt}", vi: ", lần thử thứ {attempt}")
    } else {
        String::new()
    };
    tr!(
        lang,
        en: "{producer} sent batch {batch_id} for {partition} ({records}, acks={acks}{attempt}) to {broker}",
        vi: "{producer} gửi batch {batch_id} của {partition} ({records}, acks={acks}{attempt}) tới {broker}",
    )
}

pub(super) fn appended_at_leader(
    lang: Lang,
    producer: ProducerId,
    broker: BrokerId,
    partition: &TopicPartition,
    batch_id: u64,
    (base_offset, last_offset): (u64, u64),
) -> String {
    let (producer, broker) = (Producer(producer), Broker(broker));
    let offsets = offsets_inclusive(lang, base_offset, last_offset);
    tr!(
        lang,
        en: "Leader {broker} wrote batch {batch_id} of {producer} to {partition} at {offsets}",
        vi: "Leader {broker} ghi batch {batch_id} của {producer} vào {partition} tại {offsets}",
    )
}

pub(super) fn acked(
    lang: Lang,
    producer: ProducerId,
    broker: BrokerId,
    partition: &TopicPartition,
    batch_id: u64,
    (base_offset, last_offset): (u64, u64),
) -> String {
    let (producer, broker) = (Producer(producer), Broker(broker));
    let offsets = offsets_inclusive(lang, base_offset, last_offset);
    tr!(
        lang,
        en: "{broker} acknowledged batch {batch_id} to {producer}: {partition} {offsets}",
        vi: "{broker} xác nhận (ack) batch {batch_id} cho {producer}: {partition} {offsets}",
    )
}

pub(super) fn produce_failed(
    lang: Lang,
    producer: ProducerId,
    partition: &TopicPartition,
    batch_id: u64,
    error: &KafkaError,
    will_retry: bool,
) -> String {
    let producer = Producer(producer);
    let error = kafka_error(lang, error);
    let next = if will_retry {
        Text {
            en: "will retry",
            vi: "sẽ thử lại",
        }
    } else {
        Text {
            en: "given up, the records are lost",
            vi: "không thử lại nữa, các record bị mất",
        }
    }
    .get(lang);
    tr!(
        lang,
        en: "{producer} could not write batch {batch_id} to {partition}: {error}; {next}",
        vi: "{producer} không ghi được batch {batch_id} vào {partition}: {error}; {next}",
    )
}

pub(super) fn auto_produce_stopped(lang: Lang, producer: ProducerId, topic: &str) -> String {
    let producer = Producer(producer);
    tr!(
        lang,
        en: "{producer} stopped producing automatically: Topic {topic} no longer exists",
        vi: "{producer} ngừng tự động gửi: Topic {topic} không còn tồn tại",
    )
}

/// The batch was first written at `first_base_offset`, and again at `base_offset..=last_offset`.
pub(super) fn duplicate_written(
    lang: Lang,
    producer: ProducerId,
    partition: &TopicPartition,
    batch_id: u64,
    first_base_offset: u64,
    (base_offset, last_offset): (u64, u64),
) -> String {
    let producer = Producer(producer);
    let first_last = first_base_offset + last_offset.saturating_sub(base_offset);
    let first = offsets_inclusive(lang, first_base_offset, first_last);
    let again = offsets_inclusive(lang, base_offset, last_offset);
    tr!(
        lang,
        en: "Duplicate: {producer} retried batch {batch_id} without idempotence, so {partition} holds it twice, at {first} and again at {again}",
        vi: "Bị ghi trùng: {producer} gửi lại batch {batch_id} khi không bật idempotence, nên {partition} chứa batch này hai lần, ở {first} và lại ở {again}",
    )
}

pub(super) fn duplicate_ignored(
    lang: Lang,
    producer: ProducerId,
    broker: BrokerId,
    partition: &TopicPartition,
    batch_id: u64,
    base_offset: u64,
) -> String {
    let (producer, broker) = (Producer(producer), Broker(broker));
    tr!(
        lang,
        en: "{broker} recognised batch {batch_id} of {producer} as a retry (producer id + sequence) and did not write it again: it is in {partition} at offset {base_offset}",
        vi: "{broker} nhận ra batch {batch_id} của {producer} là bản gửi lại (nhờ producer id + sequence) nên không ghi lần nữa: batch đã nằm trong {partition} từ offset {base_offset}",
    )
}
