//! Replication: placement, follower fetching, the high watermark, failover and return.
mod scenario;
use kafka_model::*;
use scenario::*;

fn replicated_cluster() -> (Cluster, TopicPartition) {
    let mut c = cluster(3);
    c.create_topic(
        "t",
        TopicConfig::default()
            .with_partitions(3)
            .with_replication_factor(3),
    )
    .unwrap();
    (c, TopicPartition::new("t", 0))
}

#[test]
fn leaders_are_spread_over_brokers_and_the_preferred_replica_leads() {
    let (c, _) = replicated_cluster();
    let topic = c.topic("t").unwrap();
    let mut leaders: Vec<BrokerId> = topic.partitions.iter().map(|p| p.leader.unwrap()).collect();
    leaders.sort();
    assert_eq!(leaders, [1, 2, 3]);
    assert!(topic
        .partitions
        .iter()
        .all(|p| p.leader == p.preferred_leader() && p.isr == p.replicas));
}

#[test]
fn followers_copy_the_leader_and_the_high_watermark_follows_the_slowest_in_sync_replica() {
    let (mut c, tp) = replicated_cluster();
    let p = eager_producer(&mut c, Acks::One);
    for i in 0..4 {
        c.produce(p, text("t", None, &i.to_string()).to_partition(0))
            .unwrap();
    }
    // Just after the append the followers have nothing: the high watermark has not moved.
    let h = c.advance(700);
    assert!(!named(&h, "AppendedAtLeader").is_empty());
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.log_end_offset(), 4);
    assert_eq!(part.high_watermark, 0);
    let h = c.advance(5_000);
    assert!(!named(&h, "Replicated").is_empty());
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.high_watermark, 4);
    assert!(
        part.replica_states.iter().all(|r| r.log_end_offset == 4),
        "{:?}",
        part.replica_states
    );
}

#[test]
fn killing_a_leader_elects_an_in_sync_replica_and_producing_goes_on() {
    let (mut c, tp) = replicated_cluster();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "before").to_partition(0))
        .unwrap();
    c.advance(5_000);
    let old = c.partition(&tp).unwrap().leader.unwrap();
    c.kill_broker(old).unwrap();
    let h = c.take_happenings();
    let part = c.partition(&tp).unwrap();
    let new = part.leader.unwrap();
    assert_ne!(new, old);
    assert!(!part.isr.contains(&old));
    assert_eq!(part.leader_epoch, 1);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderElected {
            reason: ElectionReason::LeaderDown,
            ..
        }
    )));
    c.produce(p, text("t", None, "after").to_partition(0))
        .unwrap();
    let h = c.advance(5_000);
    assert_eq!(named(&h, "Acked").len(), 1);
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 2);
}

#[test]
fn a_revived_broker_catches_up_rejoins_the_isr_and_takes_back_preferred_leadership() {
    let (mut c, tp) = replicated_cluster();
    let preferred = c.partition(&tp).unwrap().preferred_leader().unwrap();
    c.kill_broker(preferred).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..3 {
        c.produce(p, text("t", None, &i.to_string()).to_partition(0))
            .unwrap();
    }
    c.advance(5_000);
    c.revive_broker(preferred).unwrap();
    let h = c.advance(15_000);
    assert!(h.iter().any(
        |x| matches!(&x.kind, HappeningKind::IsrExpanded { broker, .. } if *broker == preferred)
    ));
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderElected {
            reason: ElectionReason::Preferred,
            ..
        }
    )));
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.leader, Some(preferred));
    assert_eq!(part.replica(preferred).unwrap().log_end_offset, 3);
}

#[test]
fn acks_one_records_the_followers_never_got_are_lost_when_the_leader_dies() {
    let (mut c, tp) = replicated_cluster();
    let p = eager_producer(&mut c, Acks::One);
    c.produce(p, text("t", None, "safe").to_partition(0))
        .unwrap();
    c.advance(5_000);
    c.produce(p, text("t", None, "doomed").to_partition(0))
        .unwrap();
    // Appended at the leader and acked, but not yet replicated.
    let h = c.advance(600);
    assert_eq!(named(&h, "Acked").len(), 1);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    c.kill_broker(leader).unwrap();
    let h = c.take_happenings();
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LogTruncated {
            records_lost: 1,
            ..
        }
    )));
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.log_end_offset(), 1);
    assert_eq!(part.high_watermark, 1);
}

#[test]
fn consumers_follow_the_new_leader_after_a_failover() {
    let (mut c, tp) = replicated_cluster();
    c.create_group(
        "g",
        ConsumerConfig::default().with_offset_reset(AutoOffsetReset::Earliest),
    )
    .unwrap();
    c.add_member("g", "c", vec!["t".into()]).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "1").to_partition(0)).unwrap();
    c.advance(5_000);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    c.kill_broker(leader).unwrap();
    c.produce(p, text("t", None, "2").to_partition(0)).unwrap();
    let h = c.advance(10_000);
    let offsets: Vec<u64> = delivered_in_group(&h, "g")
        .into_iter()
        .filter(|(_, q, _)| *q == tp)
        .map(|(_, _, o)| o)
        .collect();
    assert_eq!(offsets, [1]);
}

/// An acks=all write waits at the leader — Kafka's `DelayedProduce` in the produce
/// purgatory — from its append until the high watermark passes it
/// (`Partition.checkEnoughReplicasReachOffset`); an acks=1 write is answered at once.
#[test]
fn an_acks_all_write_waits_at_the_leader_until_the_high_watermark_passes_it() {
    let mut c = cluster(3);
    c.create_topic("t", TopicConfig::default().with_replication_factor(3))
        .unwrap();
    let tp = TopicPartition::new("t", 0);
    let waiting = |c: &Cluster| c.partition(&tp).unwrap().pending_ack_count();
    let all = eager_producer(&mut c, Acks::All);
    assert_eq!(waiting(&c), 0);
    c.produce(all, text("t", None, "a")).unwrap();
    while !c.step().iter().any(|x| x.kind_name() == "AppendedAtLeader") {}
    assert_eq!(waiting(&c), 1, "appended, not yet on the followers");
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 0);
    while !c
        .step()
        .iter()
        .any(|x| x.kind_name() == "HighWatermarkAdvanced")
    {}
    assert_eq!(waiting(&c), 0, "answered once the HW passed it");
    let one = c
        .create_producer(
            "one",
            ProducerConfig {
                linger_ms: 0,
                ..ProducerConfig::default()
            }
            .with_acks(Acks::One),
        )
        .unwrap();
    c.produce(one, text("t", None, "b")).unwrap();
    while !c.step().iter().any(|x| x.kind_name() == "AppendedAtLeader") {}
    assert_eq!(waiting(&c), 0, "acks=1 does not wait");
}

/// A follower cut off long enough to be fenced is still a replica with a fetch waiting at
/// its leader: once the network heals, the leader answers that fetch with new records at
/// once, before the broker is even unfenced (the leader serves any assigned replica's
/// fetch, `Partition.updateFollowerFetchState`; fencing only takes it out of the ISR).
#[test]
fn a_fenced_follower_still_gets_records_as_soon_as_it_is_reachable() {
    let mut c = cluster(2);
    c.create_topic("t", TopicConfig::default().with_replication_factor(2))
        .unwrap();
    let tp = TopicPartition::new("t", 0);
    let p = eager_producer(&mut c, Acks::One);
    c.produce(p, text("t", None, "a")).unwrap();
    c.advance(5_000);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    let follower = if leader == 1 { 2 } else { 1 };
    c.cut_off_broker(follower).unwrap();
    c.advance(10_000);
    assert_eq!(
        c.partition(&tp).unwrap().isr,
        vec![leader],
        "fenced, out of the ISR"
    );
    c.heal_broker(follower).unwrap();
    c.produce(p, text("t", None, "b")).unwrap();
    // 1.2 s: the records' one flight (300–550 ms here) fits; the broker's next heartbeat
    // (every 2 s) and its answer, which would unfence it and start a new fetch, do not.
    let h = c.advance(1_200);
    assert!(
        h.iter().any(|x| matches!(&x.kind,
            HappeningKind::Replicated { follower: f, to_offset, .. } if *f == follower && *to_offset == 2)),
        "{:?}",
        h.iter().map(|x| x.kind_name()).collect::<Vec<_>>()
    );
}

/// A broker that is down sends nothing: no follower fetch leaves it while it is down, while
/// the live followers keep fetching; revived, it fetches again (its `ReplicaFetcherThread`s
/// stop with the broker and start with it).
#[test]
fn a_dead_follower_sends_no_fetch_until_it_is_revived() {
    let (mut c, tp) = replicated_cluster();
    c.advance(2_000);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    let follower = *c
        .partition(&tp)
        .unwrap()
        .replicas
        .iter()
        .find(|b| **b != leader)
        .unwrap();
    c.kill_broker(follower).unwrap();
    let p = eager_producer(&mut c, Acks::One);
    c.take_happenings();
    // Records to copy: a follower with nothing to fetch waits at the leader (long poll).
    let mut h = Vec::new();
    for i in 0..5 {
        c.produce(p, text("t", None, &i.to_string()).to_partition(0))
            .unwrap();
        h.extend(c.take_happenings());
        h.extend(c.advance(2_000));
    }
    let fetches_from = |h: &[Happening], broker: BrokerId| {
        h.iter()
            .filter(|x| {
                matches!(&x.kind, HappeningKind::ReplicaFetchSent { follower, .. } if *follower == broker)
            })
            .count()
    };
    assert_eq!(fetches_from(&h, follower), 0, "broker-{follower} is down");
    let replicated_to = |h: &[Happening], broker: BrokerId| {
        h.iter()
            .filter(|x| {
                matches!(&x.kind, HappeningKind::Replicated { follower, .. } if *follower == broker)
            })
            .count()
    };
    assert_eq!(
        replicated_to(&h, follower),
        0,
        "the leader answers no fetch of broker-{follower}, which went down while it waited"
    );
    let others = c
        .brokers()
        .map(|b| b.id)
        .filter(|b| *b != follower && *b != leader);
    assert!(
        others.map(|b| fetches_from(&h, b)).sum::<usize>() > 0,
        "the live follower fetches on"
    );
    c.revive_broker(follower).unwrap();
    let mut h = c.take_happenings();
    h.extend(c.advance(10_000));
    assert!(fetches_from(&h, follower) > 0, "revived, it fetches again");
}

/// A follower far behind catches up in fetches of bounded size (Kafka bounds a fetch
/// response by `replica.fetch.max.bytes`; the model by 200 records): each response carries
/// the next contiguous range, the full ones exactly 200 records, until it reaches the leader's
/// log end.
#[test]
fn a_follower_far_behind_catches_up_in_contiguous_fetches_of_bounded_size() {
    let mut c = cluster(2);
    let config = TopicConfig {
        retention_bytes: None,
        ..TopicConfig::default().with_replication_factor(2)
    };
    c.create_topic("t", config).unwrap();
    c.advance(2_000);
    let tp = TopicPartition::new("t", 0);
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    let follower = 3 - leader;
    c.kill_broker(follower).unwrap();
    let p = eager_producer(&mut c, Acks::One);
    for i in 0..450 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
        if i % 50 == 49 {
            c.advance(1_000);
        }
    }
    c.advance(5_000);
    assert_eq!(c.partition(&tp).unwrap().log_end_offset(), 450);
    assert_eq!(
        c.partition(&tp).unwrap().log_start_offset(),
        0,
        "nothing retired"
    );
    c.revive_broker(follower).unwrap();
    let mut h = c.take_happenings();
    h.extend(c.advance(20_000));
    let ranges: Vec<(u64, u64)> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::Replicated {
                follower: f,
                from_offset,
                to_offset,
                ..
            } if *f == follower && to_offset > from_offset => Some((*from_offset, *to_offset)),
            _ => None,
        })
        .collect();
    assert_eq!(ranges, [(0, 200), (200, 400), (400, 450)]);
    let part = c.partition(&tp).unwrap();
    assert_eq!(part.replica(follower).unwrap().log_end_offset, 450);
}
