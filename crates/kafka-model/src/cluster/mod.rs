//! The whole simulated system: brokers, topics, producers, groups, consumers, and the clock.
//!
//! Commands (methods returning `Result<_, ModelError>`) validate everything before changing
//! anything, so a refused command leaves the model exactly as it was. Time moves only in
//! [`Cluster::advance`] and [`Cluster::step`], which run scheduled events in order and hand
//! back the happenings — including those the commands since the last call produced.
//!
//! ```
//! use kafka_model::*;
//!
//! let mut cluster = Cluster::new(42, 3).unwrap();
//! cluster.create_topic("orders", TopicConfig::default().with_partitions(3)).unwrap();
//! cluster.create_group("payments", ConsumerConfig::default()).unwrap();
//! let member = cluster.add_member("payments", "payment", vec!["orders".into()]).unwrap();
//! let shop = cluster.create_producer("shop", ProducerConfig::default()).unwrap();
//! cluster.advance(3_000); // the member joins and gets its partitions
//! cluster.produce(shop, ProducerRecord::text("orders", Some("order-1"), "42 VND")).unwrap();
//! let happenings = cluster.advance(5_000);
//! assert!(happenings.iter().any(|h| matches!(&h.kind,
//!     HappeningKind::Delivered { consumer: ConsumerRef::Member { member: m, .. }, .. } if **m == *member)));
//! ```

mod admin;
mod auto_produce;
mod controller;
mod delivery;
mod election;
mod event;
mod faults;
mod fetch;
mod isr;
mod log_life;
mod produce;
mod reassign;
mod replication;
mod services;
mod view;

pub(crate) use event::{
    ConsumerFetchKey, DivergingEpoch, Event, FetchRequest, FetchResponse, JoinGroupRequest,
    OffsetCommitRequest, ProduceAttempt, ProduceRequest, ProduceResponse, ReplicaFetchKey,
    ReplicaFetchRequest, ReplicaFetchResponse, SyncGroupResponse,
};

use crate::broker::{Broker, MAX_BROKERS};
use crate::collections::{SortedMap, SortedSet};
use crate::consumer::{Consumer, ConsumerId};
use crate::controller::ControllerState;
use crate::error::ModelError;
use crate::group::Group;
use crate::happening::{Endpoint, Happening, HappeningKind};
use crate::network::Network;
use crate::partition::BrokerId;
use crate::producer::{Producer, ProducerId};
use crate::rng::SimRng;
use crate::schedule::{Ms, Schedule};
use crate::service::Service;
use crate::timing::Timing;
use crate::topic::Topic;
use serde::{Deserialize, Serialize};

/// Counters for the ids the model hands out; never reused, so a stale event can never
/// be mistaken for one about a newer thing of the same number.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct IdCounters {
    pub producer: ProducerId,
    pub consumer: ConsumerId,
    pub member: u64,
    pub batch: u64,
    pub topic: u64,
    pub happening: u64,
}

/// The simulation. `Clone` is a full checkpoint: a clone run with the same commands
/// produces the same happenings.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Cluster {
    pub(crate) now: Ms,
    pub(crate) seed: u64,
    pub(crate) timing: Timing,
    pub(crate) rng: SimRng,
    pub(crate) schedule: Schedule<Event>,
    pub(crate) brokers: SortedMap<BrokerId, Broker>,
    pub(crate) topics: SortedMap<String, Topic>,
    pub(crate) producers: SortedMap<ProducerId, Producer>,
    pub(crate) groups: SortedMap<String, Group>,
    pub(crate) consumers: SortedMap<ConsumerId, Consumer>,
    /// When the last message on each link arrives: a link delivers in order, as a TCP
    /// connection does, so a later batch never overtakes an earlier one.
    #[serde(with = "crate::serde_pairs")]
    pub(crate) links: SortedMap<(Endpoint, Endpoint), Ms>,
    /// Happenings since the last `advance`/`step`/`take_happenings`.
    pub(crate) pending: Vec<Happening>,
    pub(crate) ids: IdCounters,
    /// Faults the learner injected: cut-off brokers, slow links, lost requests.
    #[serde(default)]
    pub(crate) network: Network,
    /// The controller's view: mode, fenced brokers, sessions, the metadata log.
    #[serde(default)]
    pub(crate) controller_state: ControllerState,
    /// `auto.leader.rebalance.enable` (true): a returning preferred replica takes its
    /// leadership back on its own after `preferred_leader_delay_ms`.
    #[serde(default = "yes")]
    pub(crate) auto_leader_rebalance: bool,
    /// Services by name (each one's group has the same name).
    #[serde(default)]
    pub(crate) services: SortedMap<String, Service>,
    /// The shop's database: table -> key -> value, written by services' `WriteRow`.
    #[serde(default)]
    pub(crate) tables: SortedMap<String, SortedMap<String, String>>,
    /// Groups of removed services, deleted as soon as their last member is gone.
    #[serde(default)]
    pub(crate) retiring_groups: SortedSet<String>,
}

fn yes() -> bool {
    true
}

impl Cluster {
    /// A cluster of `brokers` live brokers numbered from 1, at the playground's pace.
    pub fn new(seed: u64, brokers: u32) -> Result<Self, ModelError> {
        Self::with_timing(seed, brokers, Timing::default())
    }

    /// A cluster at another pace (`Timing::kafka()`, say). The pace is the cluster's for
    /// life: no command changes it.
    pub fn with_timing(seed: u64, brokers: u32, timing: Timing) -> Result<Self, ModelError> {
        if brokers == 0 || brokers > MAX_BROKERS {
            return Err(ModelError::config(
                "brokers",
                format!("must be between 1 and {MAX_BROKERS}"),
            ));
        }
        timing.validate()?;
        let mut cluster = Cluster {
            now: 0,
            seed,
            rng: SimRng::new(seed),
            schedule: Schedule::default(),
            brokers: (1..=brokers)
                .map(|id| (id, Broker { id, alive: true }))
                .collect(),
            topics: SortedMap::new(),
            producers: SortedMap::new(),
            groups: SortedMap::new(),
            consumers: SortedMap::new(),
            links: SortedMap::new(),
            pending: Vec::new(),
            ids: IdCounters::default(),
            network: Network::default(),
            controller_state: ControllerState::new(brokers),
            auto_leader_rebalance: true,
            services: SortedMap::new(),
            tables: SortedMap::new(),
            retiring_groups: SortedSet::new(),
            timing,
        };
        let first_check = cluster.timing.retention_check_interval_ms;
        cluster.schedule.push(first_check, Event::RetentionCheck);
        let isr_check = (cluster.timing.replica_lag_time_max_ms / 2).max(1);
        cluster.schedule.push(isr_check, Event::IsrExpirationCheck);
        let session_check = cluster.timing.broker_heartbeat_interval_ms;
        cluster
            .schedule
            .push(session_check, Event::BrokerSessionCheck);
        for broker in 1..=brokers {
            cluster.record(crate::controller::MetadataRecord::RegisterBroker { broker });
            cluster.start_heartbeats(broker);
        }
        Ok(cluster)
    }

    // ---------------------------------------------------------------- time

    /// The simulated time, in ms since the cluster was created.
    pub fn now(&self) -> Ms {
        self.now
    }

    /// When the next scheduled event is due, if any.
    pub fn next_event_time(&self) -> Option<Ms> {
        self.schedule.next_time()
    }

    /// Moves the clock forward by `dt_ms`, running every event due on the way, and returns
    /// what happened (plus what commands did since the last call), in order.
    pub fn advance(&mut self, dt_ms: Ms) -> Vec<Happening> {
        let target = self.now.saturating_add(dt_ms);
        self.run_until(target);
        self.now = target;
        self.take_happenings()
    }

    /// Jumps to the next scheduled event time and runs everything due then.
    pub fn step(&mut self) -> Vec<Happening> {
        if let Some(t) = self.schedule.next_time() {
            self.run_until(t);
        }
        self.take_happenings()
    }

    /// Happenings produced by commands since the last `advance`/`step`, without moving time.
    pub fn take_happenings(&mut self) -> Vec<Happening> {
        // The next call likely hands back about as many: room for them at once, rather than
        // growing (and copying) the list one doubling at a time.
        let next = Vec::with_capacity(self.pending.len());
        std::mem::replace(&mut self.pending, next)
    }

    fn run_until(&mut self, target: Ms) {
        while let Some(t) = self.schedule.next_time().filter(|t| *t <= target) {
            self.now = self.now.max(t);
            let (_, event) = self
                .schedule
                .pop_due(t)
                .expect("next_time found an event due at t");
            self.handle(event);
        }
    }

    fn handle(&mut self, event: Event) {
        match event {
            Event::LingerExpired {
                producer,
                partition,
                batch_id,
            } => self.on_linger_expired(producer, partition, batch_id),
            Event::ProduceArrives(request) => self.on_produce_arrives(request),
            Event::AckArrives(response) => self.on_ack_arrives(response),
            Event::ProduceTimeout(attempt) => self.on_produce_timeout(attempt),
            Event::ProduceRetry { producer, batch } => self.on_produce_retry(producer, batch),
            Event::AutoProduce { producer, epoch } => self.on_auto_produce(producer, epoch),
            Event::ReplicaFetchArrives(request) => self.on_replica_fetch_arrives(request),
            Event::ReplicaFetchResponse(response) => self.on_replica_fetch_response(response),
            Event::DivergingEpochArrives(diverging) => self.on_diverging_epoch_arrives(diverging),
            Event::ReplicaFetchRetry(key) => self.on_replica_fetch_retry(key),
            Event::IsrExpirationCheck => self.on_isr_expiration_check(),
            Event::BrokerHeartbeat { broker } => self.on_broker_heartbeat(broker),
            Event::HeartbeatArrives { broker, flight } => self.on_heartbeat_arrives(broker, flight),
            Event::BrokerSessionCheck => self.on_broker_session_check(),
            Event::PreferredElection {
                partition,
                topic_id,
            } => self.on_preferred_election(partition, topic_id),
            Event::FetchArrives(request) => self.on_fetch_arrives(request),
            Event::FetchResponse(response) => self.on_fetch_response(response),
            Event::FetchRetry(key) => self.on_fetch_retry(key),
            Event::SendJoin(join) => self.send_join(&join.group, &join.member, join.reason),
            Event::SendLeave { group, member } => self.send_leave(&group, &member),
            Event::JoinArrives(join) => self.on_join_arrives(join),
            Event::LeaveArrives { group, member } => self.on_leave_arrives(group, member),
            Event::AssignmentArrives(sync) => self.on_assignment_arrives(sync),
            Event::Heartbeat { group, member } => self.on_heartbeat(group, member),
            Event::SessionCheck { group, member } => self.on_session_check(group, member),
            Event::AutoCommit { group, member } => self.on_auto_commit(group, member),
            Event::CommitArrives(commit) => self.on_commit_arrives(commit),
            Event::RetentionCheck => self.on_retention_check(),
            Event::ServiceHandles { service, epoch } => self.on_service_handles(service, epoch),
        }
    }

    // ---------------------------------------------------------------- helpers

    /// Records a happening that starts now and ends at `end`.
    pub(crate) fn emit_until(&mut self, end: Ms, kind: HappeningKind) {
        let id = self.ids.happening;
        self.ids.happening += 1;
        self.pending.push(Happening {
            id,
            start_ms: self.now,
            end_ms: end,
            kind,
        });
    }

    pub(crate) fn emit(&mut self, kind: HappeningKind) {
        self.emit_until(self.now, kind);
    }

    /// Emits a message in flight with a jittered latency (plus any slowness the learner put
    /// on the link), never arriving before an earlier message on the same link; returns its
    /// arrival time.
    fn fly(&mut self, base: Ms, kind: HappeningKind) -> Ms {
        let mut end = self.now + base + self.rng.below(self.timing.jitter_ms + 1);
        if let Some((a, b)) = kind.endpoints() {
            end += self.network.extra_latency(&a, &b);
        }
        if let Some(link) = kind.endpoints() {
            let last = self.links.entry(link).or_insert(0);
            end = end.max(*last);
            *last = end;
        }
        self.emit_until(end, kind);
        end
    }

    /// A message between a client and a broker: emits the flight, returns its arrival time.
    pub(crate) fn fly_client(&mut self, kind: HappeningKind) -> Ms {
        self.fly(self.timing.client_latency_ms, kind)
    }

    /// A message between two brokers: emits the flight, returns its arrival time.
    pub(crate) fn fly_broker(&mut self, kind: HappeningKind) -> Ms {
        self.fly(self.timing.broker_latency_ms, kind)
    }

    /// Forgets links with nothing in flight, so churn of clients does not grow memory.
    pub(crate) fn prune_links(&mut self) {
        let now = self.now;
        self.links.retain(|_, last| *last > now);
    }

    pub(crate) fn broker_alive(&self, broker: BrokerId) -> bool {
        self.brokers.get(&broker).is_some_and(|b| b.alive)
    }

    /// The broker coordinating a group. Kafka hashes the group id onto a partition of
    /// `__consumer_offsets` and its leader coordinates; here the hash picks a live broker.
    pub fn coordinator_of(&self, group: &str) -> BrokerId {
        let hash = group
            .bytes()
            .fold(0i32, |h, b| h.wrapping_mul(31).wrapping_add(b as i32));
        let ids: Vec<BrokerId> = self.brokers.keys().copied().collect();
        let start = (hash & 0x7fff_ffff) as usize % ids.len();
        (0..ids.len())
            .map(|i| ids[(start + i) % ids.len()])
            .find(|b| self.broker_alive(*b))
            .unwrap_or(ids[start])
    }

    /// The active controller. KRaft: the lowest-numbered voter that is up, not fenced and
    /// reachable (a cut-off voter loses the quorum at once); if no voter is, the lowest such
    /// broker. ZooKeeper mode: the live broker holding `/controller` — it keeps it while
    /// cut off, until ZooKeeper expires its session (the lowest-numbered one wins the race).
    pub fn controller(&self) -> Option<BrokerId> {
        let zookeeper = self.controller_state.mode == crate::controller::ControllerMode::ZooKeeper;
        let eligible = |b: &&Broker| {
            b.alive
                && (zookeeper || !self.network.is_cut_off(b.id))
                && !self.controller_state.fenced.contains(&b.id)
        };
        let voters = &self.controller_state.voters;
        self.brokers
            .values()
            .filter(eligible)
            .find(|b| voters.contains(&b.id))
            .or_else(|| self.brokers.values().find(eligible))
            .map(|b| b.id)
    }
}
