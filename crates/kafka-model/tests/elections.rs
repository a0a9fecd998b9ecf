//! Elections: clean and unclean, a returning broker's truncation, preferred leaders.
//!
//! Checked against `metadata/src/main/java/org/apache/kafka/controller/PartitionChangeBuilder.java`
//! (`electLeader`, unclean election, ISR = {leader} after it) and the follower truncation of
//! `core/src/main/scala/kafka/server/AbstractFetcherThread.scala` (`truncateOnFetchResponse`
//! with the leader's `divergingEpoch`).
mod scenario;
use kafka_model::*;
use scenario::*;

fn partition_with(c: &mut Cluster, rf: u32, unclean: bool) -> TopicPartition {
    c.create_topic(
        "t",
        TopicConfig::default()
            .with_replication_factor(rf)
            .with_unclean_leader_election(unclean),
    )
    .unwrap();
    TopicPartition::new("t", 0)
}

fn roles(c: &Cluster, tp: &TopicPartition) -> (BrokerId, Vec<BrokerId>) {
    let p = c.partition(tp).unwrap();
    let leader = p.leader.unwrap();
    (
        leader,
        p.replicas
            .iter()
            .copied()
            .filter(|b| *b != leader)
            .collect(),
    )
}

fn values(c: &Cluster, tp: &TopicPartition) -> Vec<(u64, String)> {
    c.partition(tp)
        .unwrap()
        .records()
        .iter()
        .map(|r| (r.offset, r.value_text().unwrap_or_default()))
        .collect()
}

#[test]
fn unclean_election_loses_acked_records_and_says_so() {
    let mut c = cluster(2);
    let tp = partition_with(&mut c, 2, true);
    let (leader, followers) = roles(&c, &tp);
    let follower = followers[0];
    c.kill_broker(follower).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    for v in ["a", "b", "c"] {
        c.produce(p, text("t", None, v)).unwrap();
    }
    let h = c.advance(5_000);
    assert_eq!(
        named(&h, "Acked").len(),
        3,
        "acked with the ISR = the leader alone"
    );
    c.kill_broker(leader).unwrap();
    assert_eq!(
        c.partition(&tp).unwrap().leader,
        None,
        "offline: no in-sync replica"
    );
    c.revive_broker(follower).unwrap();
    let h = c.take_happenings();
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.leader, Some(follower));
    assert_eq!(part.isr, vec![follower]);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderElected {
            reason: ElectionReason::Unclean,
            ..
        }
    )));
    let lost: Vec<_> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::DataLost {
                from_offset,
                to_offset,
                acknowledged,
                unclean,
                ..
            } => Some((*from_offset, *to_offset, *acknowledged, *unclean)),
            _ => None,
        })
        .collect();
    assert_eq!(lost, [(0, 3, 3, true)]);
    assert_eq!(part.log_end_offset(), 0);
    assert_eq!(
        part.high_watermark, 0,
        "an unclean election may lower the HW"
    );
    // Producing goes on at the new leader, reusing the lost offsets.
    c.produce(p, text("t", None, "d")).unwrap();
    c.advance(5_000);
    assert_eq!(values(&c, &tp), [(0, "d".to_string())]);
}

#[test]
fn without_unclean_election_the_partition_waits_offline_for_an_in_sync_replica() {
    let mut c = cluster(2);
    let tp = partition_with(&mut c, 2, false);
    let (leader, followers) = roles(&c, &tp);
    c.kill_broker(followers[0]).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "kept")).unwrap();
    c.advance(5_000);
    c.kill_broker(leader).unwrap();
    c.revive_broker(followers[0]).unwrap();
    let h = c.advance(5_000);
    assert_eq!(c.partition(&tp).unwrap().leader, None);
    assert!(named(&h, "DataLost").is_empty());
    c.revive_broker(leader).unwrap();
    c.advance(10_000);
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.leader, Some(leader));
    assert_eq!(values(&c, &tp), [(0, "kept".to_string())]);
}

#[test]
fn restarted_broker_truncates_and_rejoins_isr() {
    let mut c = cluster(3);
    let tp = partition_with(&mut c, 3, false);
    let (old_leader, _) = roles(&c, &tp);
    let p = eager_producer(&mut c, Acks::One);
    c.produce(p, text("t", None, "safe")).unwrap();
    c.advance(5_000);
    c.produce(p, text("t", None, "doomed")).unwrap();
    c.advance(600); // appended and acked at the leader, not yet replicated
    c.kill_broker(old_leader).unwrap();
    let h = c.take_happenings();
    assert!(
        named(&h, "DataLost").len() == 1,
        "an acks=1 record the followers never got is lost, and said so"
    );
    c.produce(p, text("t", None, "after")).unwrap();
    c.advance(5_000);
    let old_log = |c: &Cluster| {
        c.partition(&tp)
            .unwrap()
            .replica_log(old_leader)
            .unwrap()
            .records()
            .iter()
            .map(|r| (r.offset, r.value_text().unwrap_or_default()))
            .collect::<Vec<_>>()
    };
    // Down, the old leader still has "doomed" on its disk.
    assert_eq!(old_log(&c)[1], (1, "doomed".to_string()));
    c.revive_broker(old_leader).unwrap();
    let h = c.advance(15_000);
    let truncated: Vec<_> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::ReplicaTruncated {
                broker,
                log_end_offset,
                records_removed,
                ..
            } => Some((*broker, *log_end_offset, *records_removed)),
            _ => None,
        })
        .collect();
    assert_eq!(truncated, [(old_leader, 1, 1)]);
    assert!(h.iter().any(
        |x| matches!(&x.kind, HappeningKind::IsrExpanded { broker, .. } if *broker == old_leader)
    ));
    assert_eq!(old_log(&c), values(&c, &tp));
    assert_eq!(values(&c, &tp)[1], (1, "after".to_string()));
}

#[test]
fn preferred_leader_election_moves_leadership_back() {
    let mut c = cluster(3);
    let tp = partition_with(&mut c, 3, false);
    c.set_auto_leader_rebalance(false).unwrap();
    let preferred = c.partition(&tp).unwrap().preferred_leader().unwrap();
    c.kill_broker(preferred).unwrap();
    c.advance(2_000);
    c.revive_broker(preferred).unwrap();
    c.advance(20_000);
    let part = c.partition(&tp).unwrap();
    assert!(
        part.isr.contains(&preferred),
        "caught up and back in the ISR"
    );
    assert_ne!(part.leader, Some(preferred), "no automatic rebalance");
    let epoch = part.leader_epoch;
    assert_eq!(c.elect_preferred_leaders().unwrap(), 1);
    let h = c.take_happenings();
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.leader, Some(preferred));
    assert_eq!(part.leader_epoch, epoch + 1);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderElected {
            reason: ElectionReason::Preferred,
            ..
        }
    )));
    assert_eq!(
        c.elect_preferred_leaders().unwrap(),
        0,
        "nothing left to move"
    );
}
