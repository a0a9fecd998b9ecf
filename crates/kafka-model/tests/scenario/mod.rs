//! Helpers shared by the scenario tests: a cluster and a producer to set a scene, and
//! filters over the happenings it produced (who got which record, who owns what).
#![allow(dead_code)]

use kafka_model::*;
use std::collections::BTreeMap;

pub fn cluster(brokers: u32) -> Cluster {
    Cluster::new(42, brokers).expect("valid cluster")
}

/// A producer that sends every record at once (linger.ms=0), so tests control batching.
pub fn eager_producer(c: &mut Cluster, acks: Acks) -> ProducerId {
    let config = ProducerConfig {
        linger_ms: 0,
        ..ProducerConfig::default()
    }
    .with_acks(acks);
    c.create_producer("p", config).unwrap()
}

pub fn text(topic: &str, key: Option<&str>, value: &str) -> ProducerRecord {
    ProducerRecord::text(topic, key, value)
}

pub fn named<'a>(h: &'a [Happening], name: &str) -> Vec<&'a Happening> {
    h.iter().filter(|x| x.kind_name() == name).collect()
}

/// (member, partition, offset) of every record delivered to a group's members.
pub fn delivered_in_group(h: &[Happening], group: &str) -> Vec<(String, TopicPartition, u64)> {
    h.iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::Delivered {
                consumer: ConsumerRef::Member { group: g, member },
                partition,
                offset,
                ..
            } if **g == *group => Some((member.to_string(), partition.clone(), *offset)),
            _ => None,
        })
        .collect()
}

pub fn delivered_to(h: &[Happening], who: &ConsumerRef) -> Vec<(TopicPartition, u64)> {
    h.iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::Delivered {
                consumer,
                partition,
                offset,
                ..
            } if consumer == who => Some((partition.clone(), *offset)),
            _ => None,
        })
        .collect()
}

/// Partition → every member that owns it (member-side view).
pub fn owners(c: &Cluster, group: &str) -> BTreeMap<TopicPartition, Vec<String>> {
    let mut out: BTreeMap<TopicPartition, Vec<String>> = BTreeMap::new();
    for m in c.group(group).unwrap().members.values() {
        for tp in m.assigned() {
            out.entry(tp.clone()).or_default().push(m.member_id.clone());
        }
    }
    out
}

pub fn owned_count(c: &Cluster, group: &str, member: &str) -> usize {
    c.group(group).unwrap().members[member].assigned().count()
}

pub fn member(group: &str, member: &str) -> ConsumerRef {
    ConsumerRef::Member {
        group: group.into(),
        member: member.into(),
    }
}
