//! Durability properties under random schedules of produce, crash, restart and network
//! cuts: what Kafka promises with RF 3, min.insync.replicas=2, acks=all and clean
//! elections — and, with unclean elections, that every loss is reported.
//!
//! Sources: `core/src/main/scala/kafka/cluster/Partition.scala` (HW, ISR, min ISR),
//! `metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java`
//! (clean and unclean election), `server-common/.../FetchIsolation.java` (consumers read
//! below the HW), `core/src/main/scala/kafka/server/DelayedProduce.scala` (an acks=all write
//! waits at the leader until the HW passes it), `storage/.../log/ProducerStateManager.java`
//! and `ProducerAppendInfo.java` (an idempotent producer's retry is not written twice).
//!
//! Random kills rarely land in the moment these properties are about — a leader failing
//! while an acks=all write waits at it — so the ops include ones aimed at it (produce, then
//! fail that partition's leader a few hundred ms later), and each run counts the cases that
//! got there and asserts at least a third did (`reach::run_cases`).
mod reach;

use kafka_model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy;
use reach::Case;
use std::collections::BTreeMap;

#[derive(Clone, Debug)]
enum Op {
    Produce(u8, bool),
    Kill(u32),
    Revive,
    Cut(u32),
    Heal,
    Advance(u64),
    /// Produce with acks=all under key `key`, wait until the write has reached its leader
    /// (at most 3 s), `wait` ms more, then kill (or, `cut`, isolate) that leader: its
    /// followers may or may not have fetched the write yet.
    ProduceThenFailLeader {
        key: u8,
        wait: u64,
        cut: bool,
    },
    /// Kill (or isolate) whichever broker leads partition `partition` now.
    FailLeader {
        partition: u32,
        cut: bool,
    },
}

fn op() -> impl Strategy<Value = Op> {
    prop_oneof![
        6 => (0..4u8, any::<bool>()).prop_map(|(k, all)| Op::Produce(k, all)),
        1 => (1..4u32).prop_map(Op::Kill),
        2 => Just(Op::Revive),
        1 => (1..4u32).prop_map(Op::Cut),
        1 => Just(Op::Heal),
        3 => (1..6_000u64).prop_map(Op::Advance),
        // Short steps: a request's flight (300–550 ms here) fits in a few of them.
        3 => (1..500u64).prop_map(Op::Advance),
        // An acks=all write waits at the leader for about two flights (the followers fetch
        // it, then fetch again to report it): `wait` below 500 ms mostly lands inside.
        3 => (0..4u8, 0..500u64, any::<bool>())
            .prop_map(|(key, wait, cut)| Op::ProduceThenFailLeader { key, wait, cut }),
        1 => (0..2u32, any::<bool>()).prop_map(|(partition, cut)| Op::FailLeader { partition, cut }),
    ]
}

/// An acknowledged record: where the producer was told it is, and when.
#[derive(Clone, Debug)]
struct Acked {
    offset: u64,
    value: String,
    at: u64,
}

#[derive(Default)]
struct Watch {
    /// Clean elections only: the HW never drops, so deliveries stay below it.
    clean: bool,
    /// Values sent per (producer, batch id), in order.
    sent: BTreeMap<u64, Vec<String>>,
    acked: BTreeMap<TopicPartition, Vec<Acked>>,
    /// (partition, from, to, at) of every DataLost with acknowledged records.
    reported: Vec<(TopicPartition, u64, u64, u64)>,
    /// Per partition: the leader epoch and HW last seen.
    high_watermarks: BTreeMap<TopicPartition, (u32, u64)>,
}

impl Watch {
    fn see(&mut self, c: &Cluster, happenings: &[Happening]) {
        for h in happenings {
            match &h.kind {
                HappeningKind::ProduceSent {
                    batch_id,
                    records,
                    attempt: 1,
                    ..
                } => {
                    let values = records
                        .iter()
                        .map(|r| {
                            String::from_utf8_lossy(r.value.as_deref().unwrap_or(&[])).into_owned()
                        })
                        .collect();
                    self.sent.insert(*batch_id, values);
                }
                HappeningKind::Acked {
                    partition,
                    batch_id,
                    base_offset,
                    ..
                } => {
                    let values = self.sent.get(batch_id).cloned().unwrap_or_default();
                    let list = self.acked.entry(partition.clone()).or_default();
                    for (i, value) in values.into_iter().enumerate() {
                        list.push(Acked {
                            offset: base_offset + i as u64,
                            value,
                            at: h.start_ms,
                        });
                    }
                }
                HappeningKind::DataLost {
                    partition,
                    from_offset,
                    to_offset,
                    acknowledged,
                    records_lost,
                    ..
                } => {
                    assert!(acknowledged <= records_lost);
                    if *acknowledged > 0 {
                        self.reported.push((
                            partition.clone(),
                            *from_offset,
                            *to_offset,
                            h.start_ms,
                        ));
                    }
                }
                // Checked when the leader serves the fetch: records leave it only below the
                // HW. (After an unclean election the HW can drop below records a consumer
                // already has — that is the loss, reported by DataLost.)
                HappeningKind::Fetched {
                    partition,
                    to_offset,
                    ..
                } => {
                    let hw = c
                        .partition(partition)
                        .map_or(u64::MAX, |p| p.high_watermark);
                    assert!(
                        *to_offset <= hw,
                        "served {partition} up to {to_offset}, above HW {hw}"
                    );
                }
                HappeningKind::Delivered {
                    partition, offset, ..
                } if self.clean => {
                    let hw = c
                        .partition(partition)
                        .map_or(u64::MAX, |p| p.high_watermark);
                    assert!(
                        *offset < hw,
                        "delivered {partition}@{offset} at or above HW {hw}"
                    );
                }
                _ => {}
            }
        }
        for t in c.topics() {
            for p in &t.partitions {
                let tp = TopicPartition::new(&t.name, p.id);
                let now = (p.leader_epoch, p.high_watermark);
                if let Some((epoch, hw)) = self.high_watermarks.insert(tp.clone(), now) {
                    assert!(
                        epoch != now.0 || hw <= now.1,
                        "{tp}: HW went back from {hw} to {} within epoch {epoch}",
                        now.1
                    );
                }
            }
        }
    }

    /// Acknowledged records no longer where the producer was told they are.
    fn missing(&self, c: &Cluster) -> Vec<(TopicPartition, Acked)> {
        let mut out = Vec::new();
        for (tp, list) in &self.acked {
            let p = c.partition(tp).unwrap();
            for a in list {
                let there = p
                    .records()
                    .iter()
                    .find(|r| r.offset == a.offset)
                    .and_then(|r| r.value_text());
                if there.as_deref() != Some(a.value.as_str()) {
                    out.push((tp.clone(), a.clone()));
                }
            }
        }
        out
    }
}

struct Run {
    c: Cluster,
    watch: Watch,
    /// The broker down or cut off, when only one may be.
    down: Option<u32>,
    producer: ProducerId,
    sequence: u64,
}

impl Run {
    fn new(seed: u64, config: TopicConfig, one_down_at_most: bool) -> Self {
        let mut c = Cluster::new(seed, 3).unwrap();
        c.create_topic("t", config.with_partitions(2)).unwrap();
        c.create_group(
            "g",
            ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
        )
        .unwrap();
        c.add_member("g", "c", vec!["t".into()]).unwrap();
        let producer = c
            .create_producer(
                "p",
                ProducerConfig {
                    linger_ms: 50,
                    delivery_timeout_ms: 60_000,
                    ..ProducerConfig::default()
                },
            )
            .unwrap();
        Run {
            c,
            watch: Watch {
                clean: one_down_at_most,
                ..Watch::default()
            },
            down: None,
            producer,
            sequence: 0,
        }
    }

    fn advance(&mut self, ms: u64) {
        let target = self.c.now() + ms;
        while self.c.next_event_time().is_some_and(|t| t <= target) {
            let h = self.c.step();
            self.watch.see(&self.c, &h);
        }
        let h = self.c.advance(target - self.c.now());
        self.watch.see(&self.c, &h);
    }

    /// Produces one record (`acks=all` when `all`); the partition it went to, if accepted.
    fn produce(&mut self, key: u8, all: bool, case: &mut Case) -> Option<TopicPartition> {
        let c = &mut self.c;
        let acks = if all { Acks::All } else { Acks::One };
        let mut config = c.producer(self.producer).unwrap().config.clone();
        config.acks = acks;
        c.set_producer_config(self.producer, config).unwrap();
        self.sequence += 1;
        let value = format!("v{}", self.sequence);
        let sent = c.produce(
            self.producer,
            ProducerRecord::text("t", Some(&format!("k{key}")), &value),
        );
        case.outcome(&sent);
        sent.ok()
    }

    /// Kills or cuts off `b`, if the run's rule allows it; notes what the failure hit.
    fn fail(&mut self, b: u32, cut: bool, one_down_at_most: bool, case: &mut Case) {
        let c = &mut self.c;
        let reachable = c.broker(b).is_some_and(|x| x.alive) && !c.network().is_cut_off(b);
        let allowed = if cut {
            self.down.is_none() && reachable
        } else {
            self.down.is_none() || !one_down_at_most
        };
        if !allowed {
            case.refused += 1;
            return;
        }
        case.before_failing(c, b);
        let result = if cut {
            c.cut_off_broker(b)
        } else {
            c.kill_broker(b)
        };
        case.outcome(&result);
        if result.is_ok() {
            self.down = Some(b);
        }
    }

    fn apply(&mut self, op: Op, acks_all_only: bool, one_down_at_most: bool, case: &mut Case) {
        match op {
            Op::Produce(key, all) => {
                self.produce(key, all || acks_all_only, case);
            }
            Op::Kill(b) => self.fail(b, false, one_down_at_most, case),
            Op::Cut(b) => self.fail(b, true, one_down_at_most, case),
            Op::Revive | Op::Heal => {
                let c = &mut self.c;
                let down: Vec<u32> = c.brokers().filter(|b| !b.alive).map(|b| b.id).collect();
                for b in down {
                    c.revive_broker(b).unwrap();
                }
                let cut: Vec<u32> = c.network().cut_off_brokers().collect();
                for b in cut {
                    c.heal_broker(b).unwrap();
                }
                self.down = None;
                case.applied += 1;
            }
            Op::Advance(ms) => {
                self.advance(ms);
                case.applied += 1;
            }
            Op::ProduceThenFailLeader { key, wait, cut } => {
                if let Some(tp) = self.produce(key, true, case) {
                    self.advance_until_pending(&tp, 3_000);
                    self.advance(wait);
                    let leader = self.c.partition(&tp).and_then(|p| p.leader);
                    match leader {
                        Some(b) => self.fail(b, cut, one_down_at_most, case),
                        None => case.refused += 1,
                    }
                }
            }
            Op::FailLeader { partition, cut } => {
                let tp = TopicPartition::new("t", partition);
                match self.c.partition(&tp).and_then(|p| p.leader) {
                    Some(b) => self.fail(b, cut, one_down_at_most, case),
                    None => case.refused += 1,
                }
            }
        }
        let h = self.c.take_happenings();
        self.watch.see(&self.c, &h);
    }

    /// Steps events until `tp`'s leader holds an acks=all write waiting for the HW, for at
    /// most `limit` ms.
    fn advance_until_pending(&mut self, tp: &TopicPartition, limit: u64) {
        let end = self.c.now() + limit;
        while self.c.next_event_time().is_some_and(|t| t <= end) {
            if self
                .c
                .partition(tp)
                .is_some_and(|p| p.pending_ack_count() > 0)
            {
                return;
            }
            let h = self.c.step();
            self.watch.see(&self.c, &h);
        }
    }

    /// Everything back up, then time to settle.
    fn settle(&mut self) {
        self.apply(Op::Revive, true, true, &mut Case::default());
        self.advance(90_000);
    }
}

fn kept_forever() -> TopicConfig {
    TopicConfig {
        retention_bytes: None,
        retention_ms: None,
        ..TopicConfig::default()
    }
}

/// Each value is in the partition's log at most once: the producer is idempotent
/// (acks=all and `enable.idempotence`, the default), so a retry of a batch the leader — or a
/// new leader that replicated it — already has is answered with the original offsets, not
/// appended again (`ProducerStateManager`/`ProducerAppendInfo`; Kafka keeps the last five
/// batches per producer, and at most five are in flight).
fn assert_no_duplicates(c: &Cluster) -> Result<(), TestCaseError> {
    for p in &c.topic("t").unwrap().partitions {
        let mut seen = BTreeMap::new();
        for r in p.records() {
            if let Some(first) = seen.insert(r.value.clone(), r.offset) {
                prop_assert!(
                    false,
                    "partition {}: {:?} at {first} and again at {}",
                    p.id,
                    r.value_text(),
                    r.offset
                );
            }
        }
    }
    Ok(())
}

const CASES: u32 = 48;

#[test]
fn with_acks_all_min_isr_2_and_one_broker_down_no_acknowledged_record_is_lost() {
    let name = "with_acks_all_min_isr_2_and_one_broker_down_no_acknowledged_record_is_lost";
    let strategy = (proptest::collection::vec(op(), 1..80), 0..1000u64);
    let figures = reach::run_cases(name, file!(), CASES, strategy, |(ops, seed), case| {
        let config = kept_forever()
            .with_replication_factor(3)
            .with_min_insync_replicas(2);
        let mut run = Run::new(seed, config, true);
        for op in ops {
            run.apply(op, true, true, case);
        }
        run.settle();
        prop_assert!(
            run.watch.reported.is_empty(),
            "reported losses: {:?}",
            run.watch.reported
        );
        let missing = run.watch.missing(&run.c);
        prop_assert!(
            missing.is_empty(),
            "acknowledged records lost or moved: {missing:?}"
        );
        // Every replica ends with the leader's log: same offsets, same order.
        for p in &run.c.topic("t").unwrap().partitions {
            let leader: Vec<_> = p
                .records()
                .iter()
                .map(|r| (r.offset, r.value.clone()))
                .collect();
            for b in &p.replicas {
                let log: Vec<_> = p
                    .replica_log(*b)
                    .unwrap()
                    .records()
                    .iter()
                    .map(|r| (r.offset, r.value.clone()))
                    .collect();
                prop_assert_eq!(&log, &leader, "replica {} of partition {}", b, p.id);
            }
        }
        assert_no_duplicates(&run.c)
    });
    figures.assert_a_third_reached(name);
    figures.assert_applied_at_least(name, 0.6);
}

#[test]
fn with_unclean_election_every_lost_acknowledged_record_is_reported() {
    let name = "with_unclean_election_every_lost_acknowledged_record_is_reported";
    let strategy = (proptest::collection::vec(op(), 1..80), 0..1000u64);
    let figures = reach::run_cases(name, file!(), CASES, strategy, |(ops, seed), case| {
        let config = kept_forever()
            .with_replication_factor(2)
            .with_unclean_leader_election(true);
        let mut run = Run::new(seed, config, false);
        for op in ops {
            run.apply(op, false, false, case);
        }
        run.settle();
        for (tp, a) in run.watch.missing(&run.c) {
            let covered = run.watch.reported.iter().any(|(p, from, to, at)| {
                *p == tp && (*from..*to).contains(&a.offset) && *at >= a.at
            });
            prop_assert!(
                covered,
                "{tp}@{} ({}) acked at {} vanished unreported; reports: {:?}",
                a.offset,
                a.value,
                a.at,
                run.watch.reported
            );
        }
        Ok(())
    });
    figures.assert_a_third_reached(name);
    figures.assert_applied_at_least(name, 0.6);
}
