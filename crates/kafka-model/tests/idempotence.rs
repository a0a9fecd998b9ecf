//! A lost acknowledgement and the producer's retry: duplicates without idempotence, none
//! with it. Checked against `clients/.../producer/internals/Sender.java` (retry after
//! `request.timeout.ms`) and `storage/.../internals/log/ProducerStateManager.java` /
//! `ProducerAppendInfo` (a batch whose producer id and sequence the leader already has is
//! answered with its first offsets, not appended again).
mod scenario;
use kafka_model::*;
use scenario::*;

/// Produces one record, loses its ack on the way back, and lets the producer retry.
fn lose_the_ack(idempotence: bool) -> (Cluster, Vec<Happening>) {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    let config = ProducerConfig {
        linger_ms: 0,
        ..ProducerConfig::default()
    }
    .with_idempotence(idempotence);
    let p = c.create_producer("p", config).unwrap();
    c.produce(p, text("t", Some("order-1"), "paid")).unwrap();
    let mut all = Vec::new();
    let ack = loop {
        let h = c.step();
        let found = h.iter().find(|x| x.kind_name() == "Acked").cloned();
        all.extend(h);
        if let Some(ack) = found {
            break ack;
        }
    };
    c.drop_request(ack.id).unwrap();
    all.extend(c.advance(20_000));
    (c, all)
}

fn values(c: &Cluster) -> Vec<String> {
    c.partition(&TopicPartition::new("t", 0))
        .unwrap()
        .records()
        .iter()
        .filter_map(|r| r.value_text())
        .collect()
}

#[test]
fn without_idempotence_lost_ack_duplicates() {
    let (c, h) = lose_the_ack(false);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ProduceFailed {
            error: KafkaError::RequestTimedOut { .. },
            will_retry: true,
            ..
        }
    )));
    assert_eq!(values(&c), ["paid", "paid"]);
    let dup: Vec<_> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::DuplicateWritten {
                first_base_offset,
                base_offset,
                ..
            } => Some((*first_base_offset, *base_offset)),
            _ => None,
        })
        .collect();
    assert_eq!(dup, [(0, 1)]);
    assert_eq!(c.producer(1).unwrap().stats.records_acked, 1);
}

#[test]
fn with_idempotence_lost_ack_is_not_duplicated() {
    let (c, h) = lose_the_ack(true);
    assert_eq!(values(&c), ["paid"]);
    assert!(named(&h, "DuplicateWritten").is_empty());
    assert_eq!(named(&h, "DuplicateIgnored").len(), 1);
    let acks: Vec<u64> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::Acked { base_offset, .. } => Some(*base_offset),
            _ => None,
        })
        .collect();
    assert_eq!(
        acks,
        [0, 0],
        "the retry is answered with the first write's offset"
    );
}

#[test]
fn idempotence_is_off_unless_acks_is_all() {
    let config = ProducerConfig::default().with_acks(Acks::One);
    assert!(config.enable_idempotence && !config.idempotent());
    assert!(ProducerConfig::default().idempotent());
}

/// The ack is lost and the leader dies before the retry: the retry reaches a new leader,
/// which has the batch (it replicated it: the HW passed it before the ack was sent) and
/// knows it — Kafka's followers keep producer state as they append, and a new leader's
/// `ProducerStateManager` has the last five batches of each producer — so it answers with
/// the first write's offsets and does not write it again.
#[test]
fn a_retry_after_failover_is_recognised_by_the_new_leader() {
    let mut c = cluster(3);
    c.create_topic("t", TopicConfig::default().with_replication_factor(3))
        .unwrap();
    let config = ProducerConfig {
        linger_ms: 0,
        ..ProducerConfig::default()
    };
    let p = c.create_producer("p", config).unwrap();
    c.produce(p, text("t", Some("order-1"), "paid")).unwrap();
    let ack = loop {
        let h = c.step();
        if let Some(ack) = h.iter().find(|x| x.kind_name() == "Acked").cloned() {
            break ack;
        }
    };
    c.drop_request(ack.id).unwrap();
    let tp = TopicPartition::new("t", 0);
    let old_leader = c.partition(&tp).unwrap().leader.unwrap();
    c.kill_broker(old_leader).unwrap();
    let h = c.advance(30_000);
    let new_leader = c.partition(&tp).unwrap().leader.unwrap();
    assert_ne!(new_leader, old_leader);
    assert!(
        h.iter().any(|x| matches!(
            &x.kind,
            HappeningKind::DuplicateIgnored { broker, base_offset: 0, .. } if *broker == new_leader
        )),
        "the new leader recognised the retry"
    );
    assert_eq!(values(&c), ["paid"]);
}
