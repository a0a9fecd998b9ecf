//! `AbstractStickyAssignor.GeneralAssignmentBuilder` without racks or generations: the sticky
//! algorithm for members whose subscriptions differ.
//!
//! 1. Keep every owned partition whose member still subscribes to its topic.
//! 2. Give each unassigned partition, topics with the fewest possible consumers first, to the
//!    least-loaded member that subscribes to it.
//! 3. While some partition could move to a member with two or more fewer partitions, move it
//!    to the least-loaded eligible member, preferring to undo an earlier move of the same
//!    topic (`PartitionMovements`) so partitions do not swap owners needlessly.
//! 4. If the moves did not improve the balance score, keep the assignment from before them.

use crate::assignor::{empty_assignment, Assignment, MemberSubscription};
use crate::collections::{SortedMap, SortedSet};
use crate::TopicPartition;

struct Builder<'a> {
    /// Member → the existing topics it subscribes to (`consumer2AllPotentialTopics`).
    subscribed: SortedMap<&'a str, SortedSet<&'a str>>,
    /// Topic → members subscribed to it (`topic2AllPotentialConsumers`).
    potential: SortedMap<&'a str, Vec<&'a str>>,
    partition_counts: &'a SortedMap<String, u32>,
    /// Members taking part in the balancing and their partitions (`currentAssignment`).
    current: SortedMap<&'a str, Vec<TopicPartition>>,
    owner: SortedMap<TopicPartition, &'a str>,
    movements: PartitionMovements<'a>,
}

pub(super) fn assign<'a>(
    topics: &'a SortedMap<String, u32>,
    members: &'a [MemberSubscription],
    owned: SortedMap<&'a str, Vec<TopicPartition>>,
) -> Assignment {
    let mut subscribed: SortedMap<&str, SortedSet<&str>> = SortedMap::new();
    let mut potential: SortedMap<&str, Vec<&str>> =
        topics.keys().map(|t| (t.as_str(), Vec::new())).collect();
    for m in members {
        let mine = subscribed.entry(m.member_id.as_str()).or_default();
        for topic in &m.topics {
            if let Some((name, _)) = topics.get_key_value(topic.as_str()) {
                if mine.insert(name.as_str()) {
                    potential
                        .entry(name.as_str())
                        .or_default()
                        .push(&m.member_id);
                }
            }
        }
    }
    // assignOwnedPartitions: a partition of a topic the member left must be revoked.
    let mut revocation_required = false;
    let mut current: SortedMap<&str, Vec<TopicPartition>> = SortedMap::new();
    for (member, mut partitions) in owned {
        let before = partitions.len();
        partitions.retain(|tp| subscribed[member].contains(&*tp.topic));
        revocation_required |= partitions.len() != before;
        current.insert(member, partitions);
    }
    let owner = current
        .iter()
        .flat_map(|(m, tps)| tps.iter().map(move |tp| (tp.clone(), *m)))
        .collect();

    let mut builder = Builder {
        subscribed,
        potential,
        partition_counts: topics,
        current,
        owner,
        movements: PartitionMovements::default(),
    };
    builder.balance(revocation_required);

    let mut assignment = empty_assignment(members);
    for (member, partitions) in builder.current {
        assignment.insert(member.to_string(), partitions);
    }
    assignment
}

impl<'a> Builder<'a> {
    fn size(&self, member: &str) -> usize {
        self.current.get(member).map_or(0, Vec::len)
    }

    /// `sortedCurrentSubscriptions`: fewest partitions first, then member id.
    fn least_loaded_first(&self) -> Vec<&'a str> {
        let mut members: Vec<&'a str> = self.current.keys().copied().collect();
        crate::sorting::sort_by_key(&mut members, |m| (self.size(m), *m));
        members
    }

    fn max_assignment_size(&self, member: &str) -> usize {
        self.subscribed[member]
            .iter()
            .map(|t| self.partition_counts[*t] as usize)
            .sum()
    }

    fn balance(&mut self, revocation_required: bool) {
        let initializing = self.current.values().all(Vec::is_empty);

        // Topics with the fewest potential consumers come first (`TopicComparator`).
        let mut sorted_topics: Vec<&'a str> = self.potential.keys().copied().collect();
        crate::sorting::sort_by_key(&mut sorted_topics, |t| (self.potential[t].len(), *t));
        let mut sorted_all: Vec<TopicPartition> = sorted_topics
            .iter()
            .flat_map(|t| (0..self.partition_counts[*t]).map(move |p| TopicPartition::new(*t, p)))
            .collect();
        let mut unassigned: Vec<TopicPartition> = sorted_all
            .iter()
            .filter(|tp| !self.owner.contains_key(*tp))
            .cloned()
            .collect();

        for tp in &unassigned {
            let to = self
                .least_loaded_first()
                .into_iter()
                .find(|m| self.subscribed[m].contains(&*tp.topic));
            if let Some(member) = to {
                self.current.entry(member).or_default().push(tp.clone());
                self.owner.insert(tp.clone(), member);
            }
        }

        // Only topics with two or more potential consumers can move.
        let movable = |tp: &TopicPartition, potential: &SortedMap<&str, Vec<&str>>| {
            potential
                .get(tp.topic.as_ref())
                .is_some_and(|c| c.len() >= 2)
        };
        sorted_all.retain(|tp| movable(tp, &self.potential));
        unassigned.retain(|tp| movable(tp, &self.potential));

        // Members holding all they can get, none of it movable, sit the balancing out.
        let fixed_members: Vec<&'a str> = self
            .current
            .iter()
            .filter(|(m, tps)| {
                tps.len() >= self.max_assignment_size(m)
                    && !tps.iter().any(|tp| movable(tp, &self.potential))
            })
            .map(|(m, _)| *m)
            .collect();
        let fixed: Vec<(&'a str, Vec<TopicPartition>)> = fixed_members
            .into_iter()
            .filter_map(|m| self.current.remove(m).map(|tps| (m, tps)))
            .collect();

        let before = (self.current.clone(), self.owner.clone());
        if !revocation_required {
            self.perform_reassignments(&unassigned);
        }
        let reassigned = self.perform_reassignments(&sorted_all);
        if !initializing && reassigned && balance_score(&self.current) >= balance_score(&before.0) {
            (self.current, self.owner) = before;
        }
        self.current.extend(fixed);
    }

    /// Counts differ by at most one, or no partition can move to a member holding two or
    /// more fewer partitions than its owner (`isBalanced`).
    fn is_balanced(&self) -> bool {
        let sizes = self.current.values().map(Vec::len);
        let (min, max) = (sizes.clone().min().unwrap_or(0), sizes.max().unwrap_or(0));
        if min + 1 >= max {
            return true;
        }
        self.current.keys().all(|&member| {
            let count = self.size(member);
            count == self.max_assignment_size(member)
                || self.subscribed[member].iter().all(|topic| {
                    (0..self.partition_counts[*topic]).all(|p| {
                        let tp = TopicPartition::new(*topic, p);
                        match self.owner.get(&tp) {
                            Some(other) if *other != member => count + 1 >= self.size(other),
                            _ => true,
                        }
                    })
                })
        })
    }

    fn perform_reassignments(&mut self, partitions: &[TopicPartition]) -> bool {
        let mut performed = false;
        // Kafka repeats until a pass moves nothing. A move normally lowers the imbalance; the
        // cap only guards against a cycle that swapping in an earlier move could cause.
        let mut budget = (partitions.len() + 1) * (self.current.len() + 1) * 4;
        loop {
            let mut modified = false;
            for tp in partitions {
                if self.is_balanced() || budget == 0 {
                    break;
                }
                let Some(&holder) = self.owner.get(tp) else {
                    continue;
                };
                let can_improve = self.potential[&*tp.topic].iter().any(|other| {
                    self.current.contains_key(other) && self.size(holder) > self.size(other) + 1
                });
                if can_improve {
                    self.reassign(tp);
                    budget -= 1;
                    performed = true;
                    modified = true;
                }
            }
            if !modified {
                return performed;
            }
        }
    }

    fn reassign(&mut self, tp: &TopicPartition) {
        let to = self
            .least_loaded_first()
            .into_iter()
            .find(|m| self.subscribed[m].contains(&*tp.topic));
        let (Some(to), Some(&from)) = (to, self.owner.get(tp)) else {
            return;
        };
        let moved = self.movements.partition_to_move(tp, from, to);
        let Some(&from) = self.owner.get(&moved) else {
            return;
        };
        self.movements.record(&moved, from, to);
        if let Some(list) = self.current.get_mut(from) {
            list.retain(|p| *p != moved);
        }
        self.current.entry(to).or_default().push(moved.clone());
        self.owner.insert(moved, to);
    }
}

/// Sum over member pairs of the difference in partition counts; 0 is perfectly balanced.
fn balance_score(assignment: &SortedMap<&str, Vec<TopicPartition>>) -> usize {
    let sizes: Vec<usize> = assignment.values().map(Vec::len).collect();
    let mut score = 0;
    for (i, a) in sizes.iter().enumerate() {
        for b in &sizes[i + 1..] {
            score += a.abs_diff(*b);
        }
    }
    score
}

/// `PartitionMovements`: where each partition moved from during this rebalance, so a move
/// from B to A can undo an earlier move of the same topic from A to B instead of adding one.
#[derive(Default)]
struct PartitionMovements<'a> {
    by_partition: SortedMap<TopicPartition, (&'a str, &'a str)>,
    by_topic: SortedMap<String, SortedMap<(&'a str, &'a str), SortedSet<TopicPartition>>>,
}

impl<'a> PartitionMovements<'a> {
    /// `getTheActualPartitionToBeMoved`.
    fn partition_to_move(&self, tp: &TopicPartition, from: &'a str, to: &'a str) -> TopicPartition {
        let Some(moves) = self.by_topic.get(&*tp.topic) else {
            return tp.clone();
        };
        let from = self.by_partition.get(tp).map_or(from, |(src, _)| *src);
        moves
            .get(&(to, from))
            .and_then(|set| set.first())
            .unwrap_or(tp)
            .clone()
    }

    /// `movePartition`: a partition moving back to where it started leaves no record.
    fn record(&mut self, tp: &TopicPartition, from: &'a str, to: &'a str) {
        match self.by_partition.remove(tp) {
            Some((src, dst)) => {
                self.forget(tp, (src, dst));
                if src != to {
                    self.remember(tp, (src, to));
                }
            }
            None => self.remember(tp, (from, to)),
        }
    }

    fn remember(&mut self, tp: &TopicPartition, pair: (&'a str, &'a str)) {
        self.by_partition.insert(tp.clone(), pair);
        self.by_topic
            .entry(tp.topic.to_string())
            .or_default()
            .entry(pair)
            .or_default()
            .insert(tp.clone());
    }

    fn forget(&mut self, tp: &TopicPartition, pair: (&'a str, &'a str)) {
        if let Some(moves) = self.by_topic.get_mut(&*tp.topic) {
            if let Some(set) = moves.get_mut(&pair) {
                set.remove(tp);
                if set.is_empty() {
                    moves.remove(&pair);
                }
            }
            if moves.is_empty() {
                self.by_topic.remove(&*tp.topic);
            }
        }
    }
}
