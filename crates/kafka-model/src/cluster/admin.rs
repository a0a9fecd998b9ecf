//! Admin commands: topics and brokers (reassigning partitions is in `reassign.rs`).

use super::{Cluster, Event};
use crate::broker::{Broker, MAX_BROKERS};
use crate::controller::MetadataRecord;
use crate::error::{KafkaError, ModelError};
use crate::group::RebalanceReason;
use crate::happening::{ElectionReason, HappeningKind};
use crate::partition::{BrokerId, Partition};
use crate::topic::{place_replicas, Topic, TopicConfig, MAX_PARTITIONS};
use crate::topic_name;
use crate::TopicPartition;

impl Cluster {
    fn alive_brokers(&self) -> Vec<BrokerId> {
        self.brokers
            .values()
            .filter(|b| b.alive)
            .map(|b| b.id)
            .collect()
    }

    pub(crate) fn topic_or_err(&self, name: &str) -> Result<&Topic, ModelError> {
        self.topics
            .get(name)
            .ok_or_else(|| ModelError::UnknownTopic {
                topic: name.to_string(),
            })
    }

    /// Creates a topic, placing replicas over the live brokers as Kafka does; the first
    /// replica of each partition leads.
    pub fn create_topic(&mut self, name: &str, config: TopicConfig) -> Result<(), ModelError> {
        topic_name::validate(name)?;
        if self.topics.contains_key(name) {
            return Err(ModelError::TopicExists {
                topic: name.to_string(),
            });
        }
        topic_name::validate_new_topic(name, self.topics.keys().map(String::as_str))?;
        config.validate()?;
        let alive = self.alive_brokers();
        if config.replication_factor as usize > alive.len() {
            return Err(ModelError::InvalidReplicationFactor {
                requested: config.replication_factor,
                available_brokers: alive.len() as u32,
            });
        }
        self.ids.topic += 1;
        let placed = place_replicas(
            &alive,
            0,
            config.partitions,
            config.replication_factor,
            &mut self.rng,
        );
        let partitions: Vec<Partition> = placed
            .into_iter()
            .enumerate()
            .map(|(i, r)| Partition::new(i as u32, r))
            .collect();
        let (count, rf) = (config.partitions, config.replication_factor);
        self.topics.insert(
            name.to_string(),
            Topic {
                name: name.to_string(),
                topic_id: self.ids.topic,
                config,
                partitions,
            },
        );
        self.emit(HappeningKind::TopicCreated {
            topic: name.to_string(),
            partitions: count,
            replication_factor: rf,
        });
        self.record(MetadataRecord::Topic {
            topic: name.to_string(),
            topic_id: self.ids.topic,
        });
        self.start_new_partitions(name, 0);
        self.on_topic_metadata_changed(name);
        Ok(())
    }

    /// Announces leaders of fresh partitions and starts their followers fetching.
    fn start_new_partitions(&mut self, topic: &str, first: u32) {
        let Some(t) = self.topics.get(topic) else {
            return;
        };
        let fresh: Vec<(u32, Vec<BrokerId>, Option<BrokerId>)> = t.partitions[first as usize..]
            .iter()
            .map(|p| (p.id, p.replicas.clone(), p.leader))
            .collect();
        let now = self.now;
        if let Some(t) = self.topics.get_mut(topic) {
            for p in &mut t.partitions[first as usize..] {
                for r in &mut p.replica_states {
                    r.last_caught_up_ms = now;
                    r.last_fetch_ms = now;
                }
            }
        }
        for (id, replicas, leader) in fresh {
            let tp = TopicPartition::new(topic, id);
            self.record(MetadataRecord::Partition {
                partition: tp.clone(),
                replicas: replicas.clone(),
                isr: replicas.clone(),
                leader,
                leader_epoch: 0,
            });
            self.emit(HappeningKind::LeaderElected {
                partition: tp.clone(),
                leader,
                leader_epoch: 0,
                isr: replicas.clone(),
                reason: ElectionReason::Initial,
            });
            for follower in replicas.into_iter().filter(|b| Some(*b) != leader) {
                self.start_follower_fetch(&tp, follower);
            }
        }
    }

    /// Deletes a topic with its records; groups forget its committed offsets.
    pub fn delete_topic(&mut self, name: &str) -> Result<(), ModelError> {
        self.topic_or_err(name)?;
        self.check_topic_unused(name)?;
        self.topics.remove(name);
        self.schedule
            .retain(|e| e.deleted_with_topic() != Some(name));
        self.emit(HappeningKind::TopicDeleted {
            topic: name.to_string(),
        });
        self.record(MetadataRecord::RemoveTopic {
            topic: name.to_string(),
        });
        for producer in self.producers.values_mut() {
            producer.batches.retain(|tp, _| *tp.topic != *name);
            // Its requests in flight went with the topic's events: nothing will resolve them.
            producer.held.retain(|tp, _| *tp.topic != *name);
            producer.send_window.retain(|tp, _| *tp.topic != *name);
            producer.sticky.remove(name);
        }
        for consumer in self.consumers.values_mut() {
            consumer.assignment.retain(|tp, _| *tp.topic != *name);
        }
        let group_ids: Vec<String> = self.groups.keys().cloned().collect();
        for group_id in group_ids {
            let group = self
                .groups
                .get_mut(&group_id)
                .expect("the group ids were just listed");
            group.committed.retain(|tp, _| *tp.topic != *name);
            let mut lost = Vec::new();
            for member in group.members.values_mut() {
                let gone: Vec<TopicPartition> = member
                    .owned
                    .keys()
                    .filter(|tp| *tp.topic == *name)
                    .cloned()
                    .collect();
                for tp in &gone {
                    member.owned.remove(tp);
                }
                if !gone.is_empty() && member.is_running() {
                    lost.push((member.member_id.clone(), gone));
                }
            }
            for (member, partitions) in lost {
                self.emit(HappeningKind::PartitionsRevoked {
                    group: group_id.clone(),
                    member,
                    partitions,
                });
            }
        }
        self.on_topic_metadata_changed(name);
        Ok(())
    }

    /// Raises a topic's partition count (Kafka never lowers it). Keyed records may now map
    /// to other partitions: per-key order holds only within one partition count.
    pub fn add_partitions(&mut self, name: &str, new_count: u32) -> Result<(), ModelError> {
        let topic = self.topic_or_err(name)?;
        let old_count = topic.partition_count();
        if new_count <= old_count || new_count > MAX_PARTITIONS {
            return Err(ModelError::InvalidPartitions {
                requested: new_count,
                minimum: old_count + 1,
                maximum: MAX_PARTITIONS,
            });
        }
        let rf = topic.config.replication_factor;
        let alive = self.alive_brokers();
        if rf as usize > alive.len() {
            return Err(ModelError::InvalidReplicationFactor {
                requested: rf,
                available_brokers: alive.len() as u32,
            });
        }
        let placed = place_replicas(&alive, old_count, new_count - old_count, rf, &mut self.rng);
        let topic = self
            .topics
            .get_mut(name)
            .expect("the command checked the topic exists");
        for (i, replicas) in placed.into_iter().enumerate() {
            topic
                .partitions
                .push(Partition::new(old_count + i as u32, replicas));
        }
        topic.config.partitions = new_count;
        self.emit(HappeningKind::PartitionsAdded {
            topic: name.to_string(),
            old_count,
            new_count,
        });
        self.start_new_partitions(name, old_count);
        self.on_topic_metadata_changed(name);
        Ok(())
    }

    /// Changes a topic's configs. Partitions and replication factor are not configs in
    /// Kafka: use `add_partitions`; the replication factor needs a reassignment.
    pub fn alter_topic_config(
        &mut self,
        name: &str,
        config: TopicConfig,
    ) -> Result<(), ModelError> {
        let topic = self.topic_or_err(name)?;
        config.validate()?;
        if config.partitions != topic.config.partitions {
            return Err(ModelError::config(
                "partitions",
                "is not a config; use add partitions (Kafka never removes partitions)",
            ));
        }
        if config.replication_factor != topic.config.replication_factor {
            return Err(ModelError::config(
                "replication.factor",
                "is each partition's replica count; Kafka changes it only by reassigning partitions, and the playground's reassignments keep it",
            ));
        }
        self.topics
            .get_mut(name)
            .expect("the command checked the topic exists")
            .config = config;
        self.emit(HappeningKind::TopicConfigChanged {
            topic: name.to_string(),
        });
        let count = self.topics[name].partition_count();
        for p in 0..count {
            let tp = TopicPartition::new(name, p);
            self.update_high_watermark(&tp);
            self.apply_retention(&tp);
        }
        Ok(())
    }

    /// Adds a live broker with the lowest free id (the next one, unless a removed broker's
    /// id is free again: Kafka lets a new broker register a `node.id` that was
    /// unregistered). Existing partitions stay where they are (Kafka moves nothing until
    /// you reassign).
    pub fn add_broker(&mut self) -> Result<BrokerId, ModelError> {
        if self.brokers.len() as u32 >= MAX_BROKERS {
            return Err(ModelError::TooManyBrokers {
                maximum: MAX_BROKERS,
            });
        }
        let before = self.controller();
        let id = (1..=MAX_BROKERS)
            .find(|id| !self.brokers.contains_key(id))
            .expect("fewer than MAX_BROKERS brokers");
        self.brokers.insert(id, Broker { id, alive: true });
        self.emit(HappeningKind::BrokerAdded { broker: id });
        self.record(MetadataRecord::RegisterBroker { broker: id });
        self.start_heartbeats(id);
        self.note_controller(before);
        Ok(id)
    }

    /// Stops a broker. It drops out of every ISR it was in (but never leaves an ISR
    /// empty), and partitions it led elect another in-sync replica, or go offline.
    pub fn kill_broker(&mut self, broker: BrokerId) -> Result<(), ModelError> {
        let b = self
            .brokers
            .get(&broker)
            .ok_or(ModelError::UnknownBroker { broker })?;
        if !b.alive {
            return Err(ModelError::BrokerAlreadyDown { broker });
        }
        let before = self.controller();
        self.brokers
            .get_mut(&broker)
            .expect("the command checked the broker exists")
            .alive = false;
        self.emit(HappeningKind::BrokerDown { broker });
        self.record(MetadataRecord::FenceBroker { broker });
        self.note_controller(before);
        for tp in self.partitions_on(broker) {
            self.on_replica_down(&tp, broker);
        }
        Ok(())
    }

    /// Restarts a broker: offline partitions it was in sync for get it as leader; its
    /// other replicas fetch from their leaders and rejoin the ISR once caught up.
    pub fn revive_broker(&mut self, broker: BrokerId) -> Result<(), ModelError> {
        let b = self
            .brokers
            .get(&broker)
            .ok_or(ModelError::UnknownBroker { broker })?;
        if b.alive {
            return Err(ModelError::BrokerAlreadyUp { broker });
        }
        let before = self.controller();
        self.brokers
            .get_mut(&broker)
            .expect("the command checked the broker exists")
            .alive = true;
        self.controller_state.fenced.remove(&broker);
        self.forget_follower_traffic(broker);
        self.emit(HappeningKind::BrokerUp { broker });
        self.record(MetadataRecord::RegisterBroker { broker });
        self.start_heartbeats(broker);
        self.note_controller(before);
        for tp in self.partitions_on(broker) {
            self.on_replica_up(&tp, broker);
        }
        Ok(())
    }

    /// Removes a broker for good, as `kafka-cluster.sh unregister --id N` does once the
    /// broker was decommissioned. Kafka's documented order (docs/operations,
    /// *Decommissioning brokers*): reassign every partition off the broker, then "once all
    /// the reassignment is done, shutdown the broker and unregister it to remove it from the
    /// cluster". The controller appends an `UnregisterBrokerRecord`.
    ///
    /// Refused, nothing changed, when:
    /// - there is no such broker (`BROKER_ID_NOT_REGISTERED` in Kafka), or it is the last;
    /// - it is a KRaft controller voter: the playground runs the controllers combined with
    ///   its first brokers (up to 3, fixed when the cluster is made, like a static
    ///   `controller.quorum.voters`; `process.roles=broker,controller`), and removing one is a
    ///   change of the quorum (KIP-853, `kafka-metadata-quorum remove-controller`), not an
    ///   unregister. Refused in ZooKeeper mode too: the nodes keep their KRaft role for when
    ///   the cluster goes back to KRaft;
    /// - a partition still has a replica on it — reassigning is the operator's first step.
    ///   Kafka's controller would unregister it anyway (`unregisterBroker` only checks the
    ///   registration exists) and leave those partitions under-replicated for good; the
    ///   playground asks for the reassignment instead;
    /// - it is still running: Kafka's documented procedure shuts it down before
    ///   unregistering it (the controller itself does not check).
    ///
    /// In ZooKeeper mode a broker's registration is its ephemeral znode `/brokers/ids/N`,
    /// already gone when it shut down: nothing is written to ZooKeeper, the playground just
    /// forgets it (the metadata log, "the log KRaft would keep", still shows the record).
    pub fn remove_broker(&mut self, broker: BrokerId) -> Result<(), ModelError> {
        let b = self
            .brokers
            .get(&broker)
            .ok_or(ModelError::UnknownBroker { broker })?;
        if self.brokers.len() == 1 {
            return Err(ModelError::LastBroker { broker });
        }
        let voters = &self.controller_state.voters;
        if voters.contains(&broker) {
            return Err(ModelError::BrokerIsVoter {
                broker,
                voters: voters.clone(),
            });
        }
        let hosted = self.partitions_on(broker);
        if let Some(first) = hosted.first() {
            return Err(ModelError::BrokerHasReplicas {
                broker,
                partition: first.clone(),
                partitions: hosted.len(),
            });
        }
        if b.alive {
            return Err(ModelError::BrokerStillRunning { broker });
        }
        let before = self.controller();
        self.brokers.remove(&broker);
        self.controller_state.fenced.remove(&broker);
        self.controller_state.last_heartbeat.remove(&broker);
        // Its heartbeat loop and its fetches as a follower end with it. Requests already
        // on their way to it still arrive at nothing, as at a dead broker.
        let mut lost_flights = Vec::new();
        self.schedule.retain(|e| match e {
            Event::BrokerHeartbeat { broker: b } => *b != broker,
            Event::HeartbeatArrives { broker: b, flight } if *b == broker => {
                lost_flights.push(*flight);
                false
            }
            _ => true,
        });
        for flight in lost_flights {
            self.network.take_dropped(flight);
        }
        self.forget_follower_traffic(broker);
        // Produce requests it held as a cut-off ex-leader fail: the connection is gone.
        for fenced in self.network.forget_broker(broker) {
            for ack in fenced.acks {
                let error = KafkaError::BrokerNotAvailable { broker };
                self.fail_batch(ack.producer, None, ack.batch, error);
            }
        }
        self.record(MetadataRecord::UnregisterBroker { broker });
        self.emit(HappeningKind::BrokerRemoved { broker });
        self.note_controller(before);
        Ok(())
    }

    pub(crate) fn partitions_on(&self, broker: BrokerId) -> Vec<TopicPartition> {
        self.topics
            .values()
            .flat_map(|t| {
                t.partitions
                    .iter()
                    .filter(|p| p.replicas.contains(&broker))
                    .map(|p| TopicPartition::new(&t.name, p.id))
            })
            .collect()
    }

    /// Groups subscribed to a topic rebalance when it appears, disappears or grows.
    fn on_topic_metadata_changed(&mut self, topic: &str) {
        let affected: Vec<String> = self
            .groups
            .values()
            .filter(|g| !g.members.is_empty() && g.subscribed_topics().contains(topic))
            .map(|g| g.group_id.clone())
            .collect();
        for group in affected {
            self.request_rebalance(
                &group,
                RebalanceReason::MetadataChanged {
                    topic: topic.to_string(),
                },
            );
        }
    }
}
