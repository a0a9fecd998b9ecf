//! How a producer picks the partition of a record, as Kafka's Java client does.
//!
//! A record with a key always lands on `toPositive(murmur2(key)) % numPartitions`, so every
//! record of one key stays in one partition and keeps its order there. A record without a key
//! has no such duty, so the producer sticks to one partition until a batch is done and then
//! moves on (KIP-480), or, with `RoundRobinPartitioner`, deals records out in turn.
//!
//! Sources: `clients/src/main/java/org/apache/kafka/common/utils/Utils.java` (murmur2,
//! toPositive), `clients/.../producer/internals/BuiltInPartitioner.java` (partitionForKey),
//! `clients/.../producer/internals/StickyPartitionCache.java` (sticky choice without a key),
//! `clients/.../producer/RoundRobinPartitioner.java`.

use crate::collections::SortedMap;
use serde::{Deserialize, Serialize};

/// Kafka's 32-bit murmur2 (seed `0x9747b28c`, m `0x5bd1e995`, r 24), bit for bit.
///
/// Java's bytes are signed, but Kafka masks each with `& 0xff` before mixing, so the result
/// equals hashing the unsigned bytes; shifts are Java's unsigned `>>>`.
pub fn murmur2(data: &[u8]) -> i32 {
    const SEED: u32 = 0x9747_b28c;
    const M: u32 = 0x5bd1_e995;
    const R: u32 = 24;

    let length = data.len();
    // Java casts the length into an `int`; keys longer than 2 GiB do not exist in Kafka.
    let mut h: u32 = SEED ^ (length as u32);

    let mut blocks = data.chunks_exact(4);
    for block in &mut blocks {
        let mut k = u32::from_le_bytes([block[0], block[1], block[2], block[3]]);
        k = k.wrapping_mul(M);
        k ^= k >> R;
        k = k.wrapping_mul(M);
        h = h.wrapping_mul(M);
        h ^= k;
    }

    let tail = blocks.remainder();
    if tail.len() >= 3 {
        h ^= u32::from(tail[2]) << 16;
    }
    if tail.len() >= 2 {
        h ^= u32::from(tail[1]) << 8;
    }
    if !tail.is_empty() {
        h ^= u32::from(tail[0]);
        h = h.wrapping_mul(M);
    }

    h ^= h >> 13;
    h = h.wrapping_mul(M);
    h ^= h >> 15;
    h as i32
}

/// Kafka's `Utils.toPositive`: clears the sign bit. This is *not* `abs()`: for a negative
/// hash it gives `n + 2^31`, and that is what decides where keyed records land.
pub fn to_positive(n: i32) -> i32 {
    n & 0x7fff_ffff
}

/// The partition of a record with this key (`BuiltInPartitioner.partitionForKey`).
///
/// An empty key (zero bytes) is a key like any other and is hashed; only a record with no key
/// at all goes to [`StickyPartitioner`] or [`RoundRobinPartitioner`] instead.
///
/// # Panics
/// If `num_partitions` is zero: a topic always has at least one partition.
pub fn partition_for_key(key: &[u8], num_partitions: u32) -> u32 {
    assert!(num_partitions > 0, "a topic has at least one partition");
    // to_positive yields 0..=i32::MAX, so the cast to u32 is lossless.
    (to_positive(murmur2(key)) as u32) % num_partitions
}

/// Which partitioner a simulated producer uses (`partitioner.class`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum PartitionerKind {
    /// Kafka's default: keyed records by murmur2, records without a key stick to one
    /// partition per batch.
    Sticky,
    /// `org.apache.kafka.clients.producer.RoundRobinPartitioner`: every record, keyed or not,
    /// goes to the next partition in turn, so the key no longer decides the partition.
    RoundRobin,
}

impl PartitionerKind {
    /// Whether a record's key decides its partition under this partitioner.
    pub fn uses_key_hash(self) -> bool {
        matches!(self, PartitionerKind::Sticky)
    }
}

/// Turns a caller-provided random `u64` into Kafka's `toPositive(ThreadLocalRandom.nextInt())`.
fn random_positive(rng_next: &mut impl FnMut() -> u64) -> u32 {
    // The high half of a u64 generator is usually its best-mixed half.
    to_positive((rng_next() >> 32) as u32 as i32) as u32
}

/// The sticky choice for records without a key (KIP-480, `StickyPartitionCache`): stay on one
/// partition until its batch is complete (full, or `linger.ms` passed), then switch to a
/// different one chosen at random among the partitions that have a leader.
///
/// Deterministic: all randomness comes from the caller's generator. State for one topic.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StickyPartitioner {
    current: Option<u32>,
    switch_pending: bool,
}

impl StickyPartitioner {
    pub fn new() -> Self {
        Self::default()
    }

    /// The partition records without a key currently stick to, if one was chosen.
    pub fn current(&self) -> Option<u32> {
        self.current
    }

    /// The partition for the next record without a key, when every partition has a leader.
    pub fn partition(&mut self, num_partitions: u32, rng_next: impl FnMut() -> u64) -> u32 {
        let all: Vec<u32> = (0..num_partitions).collect();
        self.partition_among(&all, num_partitions, rng_next)
    }

    /// The partition for the next record without a key. `available` lists the partitions
    /// that have a leader (`Cluster.availablePartitionsForTopic`); when none has, Kafka still
    /// picks among all partitions and the record waits in the accumulator.
    ///
    /// # Panics
    /// If `num_partitions` is zero.
    pub fn partition_among(
        &mut self,
        available: &[u32],
        num_partitions: u32,
        mut rng_next: impl FnMut() -> u64,
    ) -> u32 {
        assert!(num_partitions > 0, "a topic has at least one partition");
        let still_valid = self.current.filter(|p| *p < num_partitions);
        if let (Some(p), false) = (still_valid, self.switch_pending) {
            return p;
        }
        let old = still_valid;
        let chosen = if available.is_empty() {
            random_positive(&mut rng_next) % num_partitions
        } else if available.len() == 1 {
            available[0]
        } else {
            // Kafka draws until it gets a partition other than the old one; drawing once
            // among the others has the same distribution and always ends.
            let others: Vec<u32> = available
                .iter()
                .copied()
                .filter(|p| Some(*p) != old)
                .collect();
            let pool = if others.is_empty() {
                available
            } else {
                &others[..]
            };
            pool[random_positive(&mut rng_next) as usize % pool.len()]
        };
        self.current = Some(chosen);
        self.switch_pending = false;
        chosen
    }

    /// The batch of the sticky partition is complete (full or lingered long enough): the
    /// next record without a key goes to another partition (`onNewBatch`).
    pub fn on_batch_complete(&mut self) {
        self.switch_pending = true;
    }
}

/// Kafka's `RoundRobinPartitioner`: one counter per topic, each record takes the next
/// partition, regardless of its key.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct RoundRobinPartitioner {
    counters: SortedMap<String, i32>,
}

impl RoundRobinPartitioner {
    pub fn new() -> Self {
        Self::default()
    }

    /// The partition for the next record of `topic` when every partition has a leader.
    pub fn partition(&mut self, topic: &str, num_partitions: u32) -> u32 {
        self.partition_among(topic, &[], num_partitions)
    }

    /// The partition for the next record of `topic`, dealt over the partitions that have a
    /// leader (`available`), or over all partitions when none has.
    ///
    /// # Panics
    /// If `num_partitions` is zero.
    pub fn partition_among(&mut self, topic: &str, available: &[u32], num_partitions: u32) -> u32 {
        assert!(num_partitions > 0, "a topic has at least one partition");
        let counter = self.counters.entry(topic.to_string()).or_insert(0);
        // AtomicInteger.getAndIncrement: wraps at i32::MAX, which toPositive absorbs.
        let next = *counter;
        *counter = counter.wrapping_add(1);
        let turn = to_positive(next) as u32;
        if available.is_empty() {
            turn % num_partitions
        } else {
            available[turn as usize % available.len()]
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Kafka's own vectors: `UtilsTest.testMurmur2`
    /// (clients/src/test/java/org/apache/kafka/common/utils/UtilsTest.java).
    #[test]
    fn murmur2_matches_kafka_utils_test_vectors() {
        let cases: [(&[u8], i32); 6] = [
            (b"21", -973_932_308),
            (b"foobar", -790_332_482),
            (b"a-little-bit-long-string", -985_981_536),
            (b"a-little-bit-longer-string", -1_486_304_829),
            (
                b"lkjh234lh9fiuh90y23oiuhsafujhadof229phr9h19h89h8",
                -58_897_971,
            ),
            (b"abc", 479_470_107),
        ];
        for (key, expected) in cases {
            assert_eq!(murmur2(key), expected, "{}", String::from_utf8_lossy(key));
        }
    }

    /// Kafka's vectors never end in exactly one spare byte nor hash zero bytes; librdkafka's
    /// `unittest_murmur2` (librdkafka src/rdmurmur2.c), checked against the Java client, does.
    #[test]
    fn murmur2_handles_one_byte_tails_and_empty_input() {
        assert_eq!(murmur2(b"kafka") as u32, 0xd067_cf64);
        assert_eq!(murmur2(b"4") as u32, 0x5a4b_5ca1);
        assert_eq!(murmur2(b"") as u32, 0x106e_08d9);
    }

    /// Bytes above 0x7f are negative in Java; `Utils.murmur2` masks them with `& 0xff`.
    /// Expected values computed with a line-by-line Python port of `Utils.murmur2`.
    #[test]
    fn murmur2_reads_high_bytes_as_unsigned_like_java_masks_them() {
        assert_eq!(murmur2("ключ".as_bytes()), 2_122_343_024);
        assert_eq!(murmur2(&[0xff, 0x80, 0x00, 0x7f, 0xfe]), 768_357_719);
    }

    #[test]
    fn to_positive_clears_the_sign_bit_not_abs() {
        assert_eq!(to_positive(-1), i32::MAX);
        assert_eq!(to_positive(i32::MIN), 0);
        assert_eq!(to_positive(-790_332_482), 1_357_151_166);
        assert_eq!(to_positive(42), 42);
    }

    /// `BuiltInPartitioner.partitionForKey` is `toPositive(murmur2(key)) % n`. For "foobar"
    /// (hash -790332482) `abs()` would pick partition 2 of 3, Kafka picks 0.
    #[test]
    fn keyed_partition_uses_to_positive_and_differs_from_abs() {
        let abs_based = |key: &[u8], n: u32| murmur2(key).unsigned_abs() % n;
        assert_eq!(partition_for_key(b"foobar", 3), 0);
        assert_eq!(abs_based(b"foobar", 3), 2);
        assert_eq!(partition_for_key(b"21", 6), 0);
        assert_eq!(abs_based(b"21", 6), 2);
    }

    #[test]
    fn keyed_partition_fixed_vectors() {
        assert_eq!(partition_for_key(b"a-little-bit-longer-string", 6), 5);
        assert_eq!(partition_for_key(b"abc", 6), 3);
        assert_eq!(partition_for_key(b"kafka", 6), 4);
        assert_eq!(partition_for_key(b"order-100", 6), 1);
        assert_eq!(partition_for_key(b"anything", 1), 0);
    }

    #[test]
    fn empty_key_is_hashed_like_any_key() {
        // 0x106e08d9 = 275646681; 275646681 % 6 = 3.
        assert_eq!(partition_for_key(b"", 6), 3);
    }

    fn counter_rng(start: u64) -> impl FnMut() -> u64 {
        let mut x = start;
        move || {
            x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
            x
        }
    }

    #[test]
    fn sticky_partitioner_stays_until_the_batch_completes() {
        let mut sticky = StickyPartitioner::new();
        let mut rng = counter_rng(7);
        let first = sticky.partition(6, &mut rng);
        for _ in 0..20 {
            assert_eq!(sticky.partition(6, &mut rng), first);
        }
        sticky.on_batch_complete();
        let second = sticky.partition(6, &mut rng);
        assert_ne!(second, first);
        assert_eq!(sticky.partition(6, &mut rng), second);
    }

    #[test]
    fn sticky_partitioner_never_repeats_a_partition_twice_in_a_row() {
        let mut sticky = StickyPartitioner::new();
        let mut rng = counter_rng(1);
        let mut previous = sticky.partition(3, &mut rng);
        let mut seen = [false; 3];
        for _ in 0..200 {
            sticky.on_batch_complete();
            let next = sticky.partition(3, &mut rng);
            assert_ne!(next, previous);
            seen[next as usize] = true;
            previous = next;
        }
        assert_eq!(seen, [true; 3], "every partition is eventually chosen");
    }

    #[test]
    fn sticky_partitioner_with_one_partition_keeps_it() {
        let mut sticky = StickyPartitioner::new();
        sticky.partition(1, || 5);
        sticky.on_batch_complete();
        assert_eq!(sticky.partition(1, || 5), 0);
    }

    #[test]
    fn sticky_partitioner_prefers_partitions_with_a_leader() {
        let mut sticky = StickyPartitioner::new();
        let mut rng = counter_rng(3);
        for _ in 0..50 {
            let p = sticky.partition_among(&[1, 4], 6, &mut rng);
            assert!(p == 1 || p == 4);
            sticky.on_batch_complete();
        }
    }

    #[test]
    fn sticky_partitioner_is_deterministic_given_the_generator() {
        let run = || {
            let mut sticky = StickyPartitioner::new();
            let mut rng = counter_rng(99);
            (0..30)
                .map(|_| {
                    sticky.on_batch_complete();
                    sticky.partition(5, &mut rng)
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(run(), run());
    }

    /// `RoundRobinPartitioner`: a counter per topic, starting at 0.
    #[test]
    fn round_robin_partitioner_deals_in_turn_per_topic() {
        let mut rr = RoundRobinPartitioner::new();
        let a: Vec<u32> = (0..7).map(|_| rr.partition("a", 3)).collect();
        assert_eq!(a, [0, 1, 2, 0, 1, 2, 0]);
        assert_eq!(rr.partition("b", 3), 0, "each topic has its own counter");
        assert_eq!(rr.partition("a", 3), 1);
    }

    #[test]
    fn round_robin_partitioner_skips_partitions_without_leader() {
        let mut rr = RoundRobinPartitioner::new();
        let picks: Vec<u32> = (0..4)
            .map(|_| rr.partition_among("t", &[0, 2], 3))
            .collect();
        assert_eq!(picks, [0, 2, 0, 2]);
    }

    #[test]
    fn round_robin_counter_wraps_like_java_atomic_integer() {
        let mut rr = RoundRobinPartitioner::new();
        rr.counters.insert("t".into(), i32::MAX);
        assert_eq!(rr.partition("t", 10), (i32::MAX as u32) % 10);
        // i32::MIN & 0x7fffffff = 0
        assert_eq!(rr.partition("t", 10), 0);
    }

    #[test]
    fn only_the_sticky_kind_hashes_keys() {
        assert!(PartitionerKind::Sticky.uses_key_hash());
        assert!(!PartitionerKind::RoundRobin.uses_key_hash());
    }
}
