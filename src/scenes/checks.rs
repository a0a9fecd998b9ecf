//! The questions a "try this" item asks of the live model. Each reads the session — the
//! model's state plus the facts distilled from its happenings — and never the screen, so
//! a task ticks because Kafka did the thing, not because a button was pressed.

use crate::session::Session;
use kafka_model::{Cluster, ControllerMode, Record, TopicPartition};

/// Every record still in `topic`'s logs, with its partition.
pub fn records<'a>(cluster: &'a Cluster, topic: &str) -> impl Iterator<Item = (u32, &'a Record)> {
    cluster
        .topic(topic)
        .into_iter()
        .flat_map(|t| t.partitions.iter())
        .flat_map(|p| p.records().iter().map(move |r| (p.id, r)))
}

pub fn record_count(cluster: &Cluster, topic: &str) -> usize {
    records(cluster, topic).count()
}

/// Two records with the same key, and every key's records in one partition.
pub fn same_key_same_partition(s: &Session, topic: &str) -> bool {
    let mut seen = kafka_model::collections::SortedMap::<&[u8], (u32, usize)>::new();
    for (p, r) in records(s.cluster(), topic) {
        if let Some(k) = &r.key {
            let e = seen.entry(k.as_ref()).or_insert((p, 0));
            if e.0 != p {
                return false;
            }
            e.1 += 1;
        }
    }
    seen.values().any(|(_, n)| *n >= 2)
}

/// Records of `topic` sit in at least `n` different partitions.
pub fn partitions_used(s: &Session, topic: &str) -> usize {
    let mut used: Vec<u32> = records(s.cluster(), topic).map(|(p, _)| p).collect();
    kafka_model::sorting::sort(&mut used);
    used.dedup();
    used.len()
}

pub fn partition_count(s: &Session, topic: &str) -> usize {
    s.cluster()
        .topic(topic)
        .map_or(0, |t| t.partition_count() as usize)
}

/// Topics that hold at least one record.
pub fn topics_with_records(s: &Session) -> usize {
    s.cluster()
        .topics()
        .filter(|t| t.partitions.iter().any(|p| p.log_end_offset() > 0))
        .count()
}

pub fn topic_count(s: &Session) -> usize {
    s.cluster().topics().count()
}

/// Running members of `group`.
pub fn members(s: &Session, group: &str) -> usize {
    s.cluster()
        .group(group)
        .map_or(0, |g| g.members.values().filter(|m| m.is_running()).count())
}

/// The group settled (Stable) with at least `n` members that received their assignment,
/// so a rebalance gave each its share.
pub fn stable_with(s: &Session, group: &str, n: usize) -> bool {
    s.cluster().group(group).is_some_and(|g| {
        g.state == kafka_model::GroupState::Stable
            && g.members
                .values()
                .filter(|m| m.status == kafka_model::MemberStatus::Stable)
                .count()
                >= n
    })
}

/// A settled group with a member that got its assignment and owns no partition (a member
/// still joining owns none either, but is not idle: it is waiting for its share).
pub fn has_idle_member(s: &Session, group: &str) -> bool {
    s.cluster().group(group).is_some_and(|g| {
        g.state == kafka_model::GroupState::Stable
            && g.members.values().any(|m| {
                m.status == kafka_model::MemberStatus::Stable && m.assigned().next().is_none()
            })
    })
}

/// A group other than `except`, subscribed to `topic`, is receiving its records and keeping
/// up — its members' fetch positions at most two records a partition behind the high
/// watermark (committed offsets trail by up to `auto.commit.interval.ms`) — so it gets every
/// event the first group does.
pub fn another_group_receiving(s: &Session, topic: &str, except: &[&str]) -> bool {
    let cluster = s.cluster();
    let partitions = cluster
        .topic(topic)
        .map_or(0, |t| t.partitions.len() as u64);
    cluster
        .groups()
        .filter(|g| !except.contains(&g.group_id.as_str()))
        .filter(|g| g.subscribed_topics().contains(topic))
        .any(|g| {
            let lag: u64 = cluster
                .group_lag(&g.group_id)
                .map(|l| {
                    l.iter()
                        .map(|p| p.high_watermark.saturating_sub(p.position.unwrap_or(0)))
                        .sum()
                })
                .unwrap_or(u64::MAX);
            s.facts().delivered.get(&g.group_id).copied().unwrap_or(0) >= 3 && lag <= 2 * partitions
        })
}

/// Every record of `topic` delivered to each of `groups`: subscribers each get everything.
pub fn every_group_got_everything(s: &Session, topic: &str, groups: &[&str]) -> bool {
    let cluster = s.cluster();
    let Some(t) = cluster.topic(topic) else {
        return false;
    };
    let total: u64 = t.partitions.iter().map(|p| p.high_watermark).sum();
    total > 0
        && groups.iter().all(|g| {
            cluster.group(g).is_some_and(|g| {
                t.partitions.iter().all(|p| {
                    let tp = TopicPartition::new(topic, p.id);
                    g.committed(&tp).unwrap_or(0) >= p.high_watermark
                })
            })
        })
}

pub fn any_broker_down(s: &Session) -> bool {
    s.cluster().brokers().any(|b| !b.alive)
}

/// Some broker went down and a partition it led is led by another live broker now.
pub fn leadership_moved(s: &Session) -> bool {
    any_broker_down(s) && s.facts().leader_moved_off_dead_broker
}

/// A broker that was down is back and in sync again.
pub fn revived_and_in_sync(s: &Session) -> bool {
    s.facts().revived_broker_rejoined_isr
        && s.facts()
            .brokers_down
            .iter()
            .any(|b| s.cluster().broker(*b).is_some_and(|b| b.alive))
}

pub fn zookeeper_mode(s: &Session) -> bool {
    s.cluster().controller_state().mode == ControllerMode::ZooKeeper
}

/// In the shop without Kafka, `service` is down now.
pub fn direct_down(s: &Session, service: &str) -> bool {
    s.direct()
        .and_then(|d| d.service(service))
        .is_some_and(|svc| !svc.up())
}

/// Rows in the shop's database table `table`.
pub fn rows(s: &Session, table: &str) -> usize {
    s.cluster().table(table).map_or(0, |t| t.len())
}

pub fn emails(s: &Session) -> u64 {
    s.cluster().services().map(|svc| svc.emails_sent).sum()
}

pub fn service_running(s: &Session, name: &str) -> Option<bool> {
    s.cluster().service(name).map(|svc| svc.running)
}

/// Records waiting for `service` in its input topics.
pub fn service_lag(s: &Session, name: &str) -> u64 {
    s.cluster().service_lag(name).unwrap_or(0)
}

/// The service was stopped, started again, and has caught up with its input.
pub fn service_caught_up_after_restart(s: &Session, name: &str) -> bool {
    s.facts().services_restarted.contains(name)
        && service_running(s, name) == Some(true)
        && service_lag(s, name) <= 1
}
