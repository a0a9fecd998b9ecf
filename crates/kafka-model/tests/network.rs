//! Network faults, the controller's sessions, and the two controller modes.
//!
//! Checked against `metadata/src/main/java/org/apache/kafka/controller/BrokerHeartbeatManager.java`
//! (fencing after `broker.session.timeout.ms`), `core/src/main/scala/kafka/cluster/Partition.scala`
//! (a leader needs the controller to shrink the ISR; a fenced leader's requests fail with
//! NOT_LEADER_OR_FOLLOWER) and, for ZooKeeper mode, `core/src/main/scala/kafka/controller/KafkaController.scala`
//! and `KafkaZkClient.scala` (`/controller`, `/brokers/ids/N`, partition state znodes).
mod scenario;
use kafka_model::*;
use scenario::*;

fn rf3_min2() -> (Cluster, TopicPartition) {
    let mut c = cluster(3);
    c.create_topic(
        "t",
        TopicConfig::default()
            .with_replication_factor(3)
            .with_min_insync_replicas(2),
    )
    .unwrap();
    (c, TopicPartition::new("t", 0))
}

#[test]
fn cut_off_leader_loses_leadership() {
    let (mut c, tp) = rf3_min2();
    let old = c.partition(&tp).unwrap().leader.unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "before")).unwrap();
    c.advance(5_000);
    c.cut_off_broker(old).unwrap();
    c.produce(p, text("t", None, "stalled")).unwrap();
    let h = c.advance(1_500);
    // The leader appended it, but its followers cannot fetch: acks=all waits.
    assert_eq!(named(&h, "AppendedAtLeader").len(), 1);
    assert!(named(&h, "Acked").is_empty());
    let h = c.advance(c.timing().broker_session_timeout_ms + 3_000);
    assert!(h
        .iter()
        .any(|x| matches!(&x.kind, HappeningKind::BrokerFenced { broker } if *broker == old)));
    let part = c.partition(&tp).unwrap();
    let new = part.leader.unwrap();
    assert_ne!(new, old);
    assert!(!part.isr.contains(&old));
    // The cut-off broker has not heard: it still holds the stalled request.
    assert_eq!(c.network().fenced_leaders().len(), 1);
    assert!(named(&h, "Acked").is_empty());
    c.heal_broker(old).unwrap();
    let h = c.advance(20_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::LeaderFenced { broker, .. } if *broker == old
    )));
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ProduceFailed {
            error: KafkaError::NotLeaderOrFollower { .. },
            will_retry: true,
            ..
        }
    )));
    // The retry reaches the new leader; the old one truncates what it wrote alone.
    assert_eq!(named(&h, "Acked").len(), 1);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ReplicaTruncated { broker, .. } if *broker == old
    )));
    let part = c.partition(&tp).unwrap();
    assert!(
        part.isr.contains(&old),
        "healed, caught up, back in the ISR"
    );
    let values: Vec<String> = part
        .records()
        .iter()
        .filter_map(|r| r.value_text())
        .collect();
    assert_eq!(values, ["before", "stalled"]);
    assert_eq!(
        part.replica_log(old).unwrap().log_end_offset(),
        part.log_end_offset()
    );
}

#[test]
fn a_cut_off_follower_leaves_the_isr_and_producing_goes_on() {
    let (mut c, tp) = rf3_min2();
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    let follower = c
        .partition(&tp)
        .unwrap()
        .replicas
        .iter()
        .copied()
        .find(|b| *b != leader)
        .unwrap();
    c.cut_off_broker(follower).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    for i in 0..20 {
        c.produce(p, text("t", None, &i.to_string())).unwrap();
        c.advance(500);
    }
    c.advance(5_000);
    let part = c.partition(&tp).unwrap();
    assert!(!part.isr.contains(&follower));
    assert_eq!(part.high_watermark, 20, "the two others carry on");
}

#[test]
fn a_slow_link_delays_the_messages_on_it() {
    let mut c = cluster(1);
    c.create_topic("t", TopicConfig::default()).unwrap();
    let p = eager_producer(&mut c, Acks::All);
    c.slow_link(Endpoint::Producer(p), Endpoint::Broker(1), 5_000)
        .unwrap();
    c.produce(p, text("t", None, "slow")).unwrap();
    let h = c.advance(20_000);
    let sent = named(&h, "ProduceSent")[0];
    assert!(sent.duration_ms() >= 5_000, "{}", sent.duration_ms());
    assert!(named(&h, "LinkSlowed").len() == 1);
}

#[test]
fn a_follower_whose_fetch_answer_was_dropped_fetches_again_after_the_backoff() {
    let (mut c, tp) = rf3_min2();
    let p = eager_producer(&mut c, Acks::All);
    c.produce(p, text("t", None, "x")).unwrap();
    let fetch = loop {
        let h = c.step();
        if let Some(x) = h.into_iter().find(|x| x.kind_name() == "Replicated") {
            break x;
        }
    };
    c.drop_request(fetch.id).unwrap();
    let h = c.advance(10_000);
    assert_eq!(named(&h, "RequestDropped").len(), 1);
    assert_eq!(named(&h, "Acked").len(), 1);
    assert_eq!(c.partition(&tp).unwrap().high_watermark, 1);
    assert!(c.drop_request(fetch.id).is_err(), "no longer in flight");
}

#[test]
fn zookeeper_mode_elects_controller_through_zookeeper() {
    let mut c = cluster(3);
    c.set_controller_mode(ControllerMode::ZooKeeper).unwrap();
    let h = c.advance(5_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ZkWrite { broker: 1, path } if path == "/controller"
    )));
    let pings = named(&h, "ZkSessionPing");
    assert!(pings.len() >= 3);
    assert_eq!(
        pings[0].endpoints().unwrap().1,
        Endpoint::ZooKeeper,
        "sessions are kept with ZooKeeper"
    );
    c.cut_off_broker(1).unwrap();
    assert_eq!(
        c.controller(),
        Some(1),
        "it keeps /controller until its session expires"
    );
    let h = c.advance(c.timing().broker_session_timeout_ms + 3_000);
    let order: Vec<String> = h
        .iter()
        .filter_map(|x| match &x.kind {
            HappeningKind::ZkSessionExpired { broker } => Some(format!("expired {broker}")),
            HappeningKind::ZkWrite { broker, path } if path == "/controller" => {
                Some(format!("{broker} writes /controller"))
            }
            HappeningKind::ControllerChanged { controller } => {
                Some(format!("controller {controller:?}"))
            }
            _ => None,
        })
        .collect();
    assert_eq!(
        order,
        ["expired 1", "2 writes /controller", "controller Some(2)"]
    );
    c.heal_broker(1).unwrap();
    let h = c.advance(5_000);
    assert!(h.iter().any(|x| matches!(
        &x.kind,
        HappeningKind::ZkWrite { broker: 1, path } if path == "/brokers/ids/1"
    )));
    assert_eq!(
        c.controller(),
        Some(1),
        "broker 1 is back; the lowest live broker leads"
    );
}

#[test]
fn kraft_metadata_log_records_brokers_topics_and_leader_changes() {
    let (mut c, tp) = rf3_min2();
    let leader = c.partition(&tp).unwrap().leader.unwrap();
    c.kill_broker(leader).unwrap();
    let log = c.metadata_log();
    assert!(matches!(
        log[0].record,
        MetadataRecord::RegisterBroker { broker: 1 }
    ));
    assert!(log
        .iter()
        .any(|e| matches!(&e.record, MetadataRecord::Topic { topic, .. } if topic == "t")));
    assert!(log.iter().any(
        |e| matches!(&e.record, MetadataRecord::Partition { partition, .. } if *partition == tp)
    ));
    let last_change = log
        .iter()
        .rev()
        .find_map(|e| match &e.record {
            MetadataRecord::PartitionChange {
                leader,
                leader_epoch,
                ..
            } => Some((*leader, *leader_epoch)),
            _ => None,
        })
        .unwrap();
    assert_eq!(last_change, (c.partition(&tp).unwrap().leader, 1));
    assert!(log.windows(2).all(|w| w[1].offset == w[0].offset + 1));
    assert_eq!(c.controller_state().voters, vec![1, 2, 3]);
}
