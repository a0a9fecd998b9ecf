//! The ISR: followers leave it when they lag, rejoin when caught up, and with acks=all the
//! ISR's size decides whether a write is accepted and whether it becomes visible.
//!
//! Checked against `core/src/main/scala/kafka/cluster/Partition.scala` (`maybeShrinkIsr`,
//! `isFollowerOutOfSync`, `maybeExpandIsr`, `appendRecordsToLeader`'s min-ISR check and
//! `maybeIncrementLeaderHW`, which since 3.7 holds the HW while the ISR is below min).
mod scenario;
use kafka_model::*;
use scenario::*;

fn rf3(min_isr: u32) -> (Cluster, TopicPartition) {
    let mut c = cluster(3);
    c.create_topic(
        "t",
        TopicConfig::default()
            .with_replication_factor(3)
            .with_min_insync_replicas(min_isr),
    )
    .unwrap();
    (c, TopicPartition::new("t", 0))
}

fn leader_and_followers(c: &Cluster, tp: &TopicPartition) -> (BrokerId, Vec<BrokerId>) {
    let p = c.partition(tp).unwrap();
    let leader = p.leader.unwrap();
    let followers = p
        .replicas
        .iter()
        .copied()
        .filter(|b| *b != leader)
        .collect();
    (leader, followers)
}

/// Produces one record every `every` ms for `total` ms, returning the happenings.
fn produce_steadily(c: &mut Cluster, p: ProducerId, every: u64, total: u64) -> Vec<Happening> {
    let mut all = Vec::new();
    for i in 0..total / every {
        c.produce(p, text("t", None, &format!("v{i}"))).unwrap();
        all.extend(c.advance(every));
    }
    all
}

#[test]
fn follower_lagging_past_replica_lag_time_max_leaves_isr() {
    let (mut c, tp) = rf3(1);
    let (leader, followers) = leader_and_followers(&c, &tp);
    let slow = followers[0];
    c.slow_link(Endpoint::Broker(leader), Endpoint::Broker(slow), 10_000)
        .unwrap();
    let p = eager_producer(&mut c, Acks::One);
    let lag_max = c.timing().replica_lag_time_max_ms;
    let h = produce_steadily(&mut c, p, 500, lag_max + 6_000);
    let shrunk: Vec<_> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::IsrShrunk { broker, isr, .. } => {
                Some((x.start_ms, *broker, isr.clone()))
            }
            _ => None,
        })
        .collect();
    assert_eq!(shrunk.len(), 1, "{shrunk:?}");
    let (at, broker, isr) = &shrunk[0];
    assert_eq!(*broker, slow);
    assert!(!isr.contains(&slow) && isr.contains(&leader));
    // Not before it had lagged for replica.lag.time.max.ms, and at one of the leader's
    // ISR checks, which run every replica.lag.time.max.ms / 2 (`ReplicaManager`'s
    // "isr-expiration" task, `maybeShrinkIsr`).
    assert!(*at > lag_max, "shrunk at {at}");
    assert_eq!(
        at % (lag_max / 2),
        0,
        "shrunk at {at}, between two ISR checks"
    );
    // The other follower kept up and stayed.
    assert!(c.partition(&tp).unwrap().isr.contains(&followers[1]));
}

#[test]
fn lagging_follower_rejoins_isr_once_caught_up_to_the_high_watermark() {
    let (mut c, tp) = rf3(1);
    let (leader, followers) = leader_and_followers(&c, &tp);
    let slow = followers[0];
    c.slow_link(Endpoint::Broker(leader), Endpoint::Broker(slow), 10_000)
        .unwrap();
    let p = eager_producer(&mut c, Acks::One);
    produce_steadily(&mut c, p, 500, 15_000);
    assert!(!c.partition(&tp).unwrap().isr.contains(&slow));
    c.slow_link(Endpoint::Broker(leader), Endpoint::Broker(slow), 0)
        .unwrap();
    let h = c.advance(30_000);
    let part = c.partition(&tp).unwrap();
    assert!(h
        .iter()
        .any(|x| matches!(&x.kind, HappeningKind::IsrExpanded { broker, .. } if *broker == slow)));
    assert!(part.isr.contains(&slow));
    assert_eq!(
        part.replica(slow).unwrap().log_end_offset,
        part.log_end_offset()
    );
}

#[test]
fn acks_all_with_isr_below_min_insync_fails_with_not_enough_replicas() {
    let (mut c, tp) = rf3(2);
    let (_, followers) = leader_and_followers(&c, &tp);
    c.kill_broker(followers[0]).unwrap();
    c.kill_broker(followers[1]).unwrap();
    assert_eq!(c.partition(&tp).unwrap().isr.len(), 1);
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "refused")).unwrap();
    let h = c.advance(2_000);
    let failed: Vec<_> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::ProduceFailed {
                error, will_retry, ..
            } => Some((error.clone(), *will_retry)),
            _ => None,
        })
        .collect();
    assert!(
        matches!(
            failed.first(),
            Some((
                KafkaError::NotEnoughReplicas {
                    isr: 1,
                    min_insync_replicas: 2,
                    ..
                },
                true
            ))
        ),
        "{failed:?}"
    );
    // Refused before appending: nothing was written.
    assert!(named(&h, "AppendedAtLeader").is_empty());
    assert_eq!(c.partition(&tp).unwrap().log_end_offset(), 0);
}

#[test]
fn acks_all_succeeds_with_one_replica_down_when_min_insync_allows() {
    let (mut c, tp) = rf3(2);
    let (_, followers) = leader_and_followers(&c, &tp);
    c.kill_broker(followers[0]).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "fine")).unwrap();
    let h = c.advance(5_000);
    assert_eq!(named(&h, "Acked").len(), 1);
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 1);
}

#[test]
fn high_watermark_stays_put_while_isr_is_below_min_insync() {
    let (mut c, tp) = rf3(2);
    let (_, followers) = leader_and_followers(&c, &tp);
    c.kill_broker(followers[0]).unwrap();
    c.kill_broker(followers[1]).unwrap();
    let p = eager_producer(&mut c, Acks::One);
    c.produce(p, text("t", None, "invisible")).unwrap();
    let h = c.advance(5_000);
    // acks=1 is written and acknowledged, but consumers cannot see it (Kafka 3.7+).
    assert_eq!(named(&h, "Acked").len(), 1);
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.log_end_offset(), 1);
    assert_eq!(part.high_watermark, 0);
    // A follower returns: the ISR reaches min.insync.replicas and the HW moves.
    c.revive_broker(followers[0]).unwrap();
    c.advance(10_000);
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 1);
}

/// Kafka's `Replica.updateFetchStateOrThrow` (from `Partition.updateFollowerFetchState`):
/// a fetch from the leader's log end proves the follower caught up *at that fetch*, so its
/// `lastCaughtUpTimeMs` is the time the fetch reached the leader.
#[test]
fn a_follower_fetching_from_the_log_end_is_caught_up_at_that_fetch() {
    let mut c = cluster(2);
    c.create_topic("t", TopicConfig::default().with_replication_factor(2))
        .unwrap();
    let tp = TopicPartition::new("t", 0);
    let p = eager_producer(&mut c, Acks::All);
    c.advance(3_000);
    c.produce(p, text("t", None, "a")).unwrap();
    let h = c.advance(5_000);
    let part = c.partition(&tp).unwrap();
    let follower = *part
        .replicas
        .iter()
        .find(|b| Some(**b) != part.leader)
        .unwrap();
    let reached_end = h
        .iter()
        .filter(|x| {
            matches!(&x.kind,
            HappeningKind::ReplicaFetchSent { follower: f, fetch_offset: 1, .. } if *f == follower)
        })
        .map(|x| x.end_ms)
        .next_back()
        .expect("the follower fetched from the log end");
    assert_eq!(
        part.replica(follower).unwrap().last_caught_up_ms,
        reached_end
    );
}

/// A follower back from a crash rejoins the ISR only once its log reaches the high
/// watermark (and the leader epoch's start): Kafka's `Partition.isFollowerInSync`, checked
/// in `maybeExpandIsr` on each of its fetches. Fetching from behind is not enough.
#[test]
fn a_returning_follower_rejoins_the_isr_only_at_the_high_watermark() {
    let mut c = cluster(3);
    c.create_topic("t", TopicConfig::default().with_replication_factor(3))
        .unwrap();
    let tp = TopicPartition::new("t", 0);
    let p = eager_producer(&mut c, Acks::One);
    for i in 0..5 {
        c.produce(p, text("t", None, &format!("a{i}"))).unwrap();
    }
    c.advance(5_000);
    let part = c.partition(&tp).unwrap();
    let leader = part.leader.unwrap();
    let returning = *part.replicas.iter().rev().find(|b| **b != leader).unwrap();
    c.kill_broker(returning).unwrap();
    for i in 0..15 {
        c.produce(p, text("t", None, &format!("b{i}"))).unwrap();
    }
    c.advance(5_000);
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 20);
    c.revive_broker(returning).unwrap();
    let mut joined = false;
    for _ in 0..10_000 {
        let h = c.step();
        if h.iter().any(|x| {
            matches!(&x.kind, HappeningKind::IsrExpanded { broker, .. } if *broker == returning)
        }) {
            let own_end = c.partition(&tp).unwrap().replica(returning).unwrap().log_end_offset;
            assert_eq!(own_end, 20, "it joined with its log at {own_end}, below the HW 20");
            joined = true;
            break;
        }
    }
    assert!(joined, "it caught up and rejoined");
}
