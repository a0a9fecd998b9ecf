//! `StickyAssignor` and `CooperativeStickyAssignor`: balance first, then keep as many
//! partitions as possible with the member that owns them.
//!
//! When all members subscribe to the same topics, Kafka runs the constrained algorithm
//! ported here step by step; otherwise the general one (in `sticky/general.rs`). The
//! cooperative variant then withholds every partition that another member still owns: it is
//! revoked now and assigned in the follow-up rebalance.
//!
//! Sources: `clients/src/main/java/org/apache/kafka/clients/consumer/internals/AbstractStickyAssignor.java`,
//! `clients/src/main/java/org/apache/kafka/clients/consumer/CooperativeStickyAssignor.java`,
//! `clients/src/main/java/org/apache/kafka/clients/consumer/internals/ConsumerCoordinator.java`
//! (`onJoinComplete`: revoked = owned − assigned, then rejoin).

mod general;

use super::{empty_assignment, Assignment, MemberSubscription};
use crate::collections::{SortedMap, SortedSet};
use crate::TopicPartition;
use std::collections::VecDeque;

pub(super) fn assign(
    topics: &SortedMap<String, u32>,
    members: &[MemberSubscription],
) -> Assignment {
    if members.is_empty() {
        return Assignment::new();
    }
    let (owned, claimed_by_several) = still_owned(topics, members);
    fn topic_set(m: &MemberSubscription) -> SortedSet<&str> {
        m.topics.iter().map(String::as_str).collect()
    }
    let first = topic_set(&members[0]);
    if members.iter().all(|m| topic_set(m) == first) {
        constrained(topics, members, &owned, &claimed_by_several)
    } else {
        general::assign(topics, members, owned)
    }
}

/// Each member's owned partitions that still exist. The model has one generation, so a
/// partition claimed by two members is taken from both, as Kafka does when two members of
/// the same generation claim it (`allSubscriptionsEqual`).
fn still_owned<'a>(
    topics: &SortedMap<String, u32>,
    members: &'a [MemberSubscription],
) -> (
    SortedMap<&'a str, Vec<TopicPartition>>,
    SortedSet<TopicPartition>,
) {
    let mut claims: SortedMap<&TopicPartition, SortedSet<&str>> = SortedMap::new();
    for m in members {
        for tp in &m.owned {
            if topics
                .get(&*tp.topic)
                .is_some_and(|count| tp.partition < *count)
            {
                claims.entry(tp).or_default().insert(&m.member_id);
            }
        }
    }
    let mut owned: SortedMap<&str, Vec<TopicPartition>> = members
        .iter()
        .map(|m| (m.member_id.as_str(), Vec::new()))
        .collect();
    let mut claimed_by_several = SortedSet::new();
    for (tp, claimants) in claims {
        match claimants.iter().next() {
            Some(only) if claimants.len() == 1 => owned.entry(only).or_default().push(tp.clone()),
            _ => {
                claimed_by_several.insert(tp.clone());
            }
        }
    }
    (owned, claimed_by_several)
}

/// Java's `String.hashCode`.
fn java_string_hash(s: &str) -> i32 {
    s.encode_utf16().fold(0i32, |h, unit| {
        h.wrapping_mul(31).wrapping_add(i32::from(unit))
    })
}

/// The order a Java `HashMap<String, _>` built with default settings iterates its keys:
/// by bucket (`(h ^ h >>> 16) & (capacity - 1)`), the capacity doubling from 16 whenever
/// the map is more than 3/4 full. Kafka's leader keeps subscriptions in such a map, and the
/// constrained algorithm hands out quotas in that order, so following it makes the model
/// choose the same members as a real leader. Members sharing a bucket go by member id.
fn java_hash_map_order<'a>(keys: impl IntoIterator<Item = &'a str>) -> Vec<&'a str> {
    let mut keys: Vec<&str> = keys.into_iter().collect();
    let mut capacity = 16;
    while keys.len() > capacity / 4 * 3 {
        capacity *= 2;
    }
    crate::sorting::sort_by_key(&mut keys, |k| {
        let h = java_string_hash(k) as u32;
        (((h ^ (h >> 16)) as usize) & (capacity - 1), *k)
    });
    keys
}

/// `ConstrainedAssignmentBuilder` without racks: every member gets `minQuota` or `maxQuota`
/// partitions, exactly `total % members` of them `maxQuota`. Members keep their owned
/// partitions up to their quota; the rest are dealt round-robin to members still short.
fn constrained(
    topics: &SortedMap<String, u32>,
    members: &[MemberSubscription],
    owned: &SortedMap<&str, Vec<TopicPartition>>,
    claimed_by_several: &SortedSet<TopicPartition>,
) -> Assignment {
    let num_members = members.len();
    let total: usize = topics.values().map(|n| *n as usize).sum();
    let min_quota = total / num_members;
    let max_quota = total.div_ceil(num_members);
    let expected_over_min = total % num_members;
    let mut current_over_min = 0;

    let mut assignment = empty_assignment(members);
    let mut assigned: SortedSet<TopicPartition> = SortedSet::new();
    let mut under_min: Vec<&str> = Vec::new();
    let mut exactly_min: VecDeque<&str> = VecDeque::new();

    // assignOwnedPartitions
    for member in java_hash_map_order(owned.keys().copied()) {
        let mut kept = owned[member].clone();
        kept.retain(|tp| !claimed_by_several.contains(tp));
        crate::sorting::sort_by(&mut kept, |a, b| {
            (a.partition, &a.topic).cmp(&(b.partition, &b.topic))
        });
        if kept.len() < min_quota {
            under_min.push(member);
        } else if kept.len() >= max_quota && current_over_min < expected_over_min {
            current_over_min += 1;
            if current_over_min == expected_over_min {
                exactly_min.clear();
            }
            kept.truncate(max_quota);
        } else {
            kept.truncate(min_quota);
            if current_over_min < expected_over_min {
                exactly_min.push_back(member);
            }
        }
        assigned.extend(kept.iter().cloned());
        assignment.insert(member.to_string(), kept);
    }

    let unassigned = topics
        .iter()
        .flat_map(|(topic, n)| (0..*n).map(move |p| TopicPartition::new(topic.clone(), p)))
        .filter(|tp| !assigned.contains(tp));
    crate::sorting::sort(&mut under_min);
    crate::sorting::sort(exactly_min.make_contiguous());

    // assignRoundRobin: `next` plays the Java iterator over `under_min`.
    let mut next = 0;
    for tp in unassigned {
        let (member, from_under_min) = if next < under_min.len() {
            next += 1;
            (under_min[next - 1], true)
        } else if !under_min.is_empty() {
            next = 1;
            (under_min[0], true)
        } else if let Some(member) = exactly_min.pop_front() {
            (member, false)
        } else {
            // Kafka throws here; the quotas make it unreachable. Stay valid regardless.
            match members
                .iter()
                .min_by_key(|m| (assignment[&m.member_id].len(), &m.member_id))
            {
                Some(m) => (m.member_id.as_str(), false),
                None => break,
            }
        };
        let list = assignment.entry(member.to_string()).or_default();
        list.push(tp);
        // A member reaching minQuota may still take one more; Kafka's count of members at
        // maxQuota only feeds its sanity checks, so it is not kept here.
        if list.len() == min_quota && from_under_min {
            next -= 1;
            under_min.remove(next);
            exactly_min.push_back(member);
        }
    }
    assignment
}

/// `CooperativeStickyAssignor.adjustAssignment`: a partition still owned by another member
/// is withheld, never revoked and assigned in the same round. Returns what each member must
/// revoke (owned − assigned, as `ConsumerCoordinator.onJoinComplete` computes it); a
/// non-empty list means those members rejoin and a follow-up rebalance places the partitions.
pub(super) fn withhold_partitions_still_owned_elsewhere(
    assignment: &mut Assignment,
    members: &[MemberSubscription],
) -> Vec<(String, TopicPartition)> {
    let mut owners: SortedMap<&TopicPartition, SortedSet<&str>> = SortedMap::new();
    for m in members {
        for tp in &m.owned {
            owners.entry(tp).or_default().insert(&m.member_id);
        }
    }
    for (member, partitions) in assignment.iter_mut() {
        partitions.retain(|tp| {
            owners
                .get(tp)
                .map_or(true, |o| o.iter().all(|owner| *owner == member.as_str()))
        });
    }
    let mut revoked: Vec<(String, TopicPartition)> = Vec::new();
    for m in members {
        let now = assignment.get(&m.member_id);
        for tp in m.owned.iter().collect::<SortedSet<_>>() {
            if !now.is_some_and(|list| list.contains(tp)) {
                revoked.push((m.member_id.clone(), tp.clone()));
            }
        }
    }
    crate::sorting::sort(&mut revoked);
    revoked
}

#[cfg(test)]
mod tests;
