//! The simulated network's faults: brokers cut off, slow links, lost requests.
//!
//! Faults are commands, as in turmoil and RaftScope: one seed plus one command log still
//! gives one history. A broker *cut off* is alive but cannot reach the other brokers or the
//! controller (clients still reach it): its followers fall behind and leave the ISR, and
//! if it leads, the controller stops hearing its heartbeats, fences it and elects another
//! leader — which the cut-off broker learns only when the network heals.

use crate::collections::{SortedMap, SortedSet};
use crate::happening::Endpoint;
use crate::partition::{BrokerId, PendingAck};
use crate::schedule::Ms;
use crate::TopicPartition;
use serde::{Deserialize, Serialize};

/// Produce requests a leader holds while it is cut off and does not yet know it lost
/// leadership; they fail with NOT_LEADER_OR_FOLLOWER when it hears the news.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FencedLeader {
    pub partition: TopicPartition,
    pub broker: BrokerId,
    pub(crate) acks: Vec<PendingAck>,
}

#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Network {
    cut_off: SortedSet<BrokerId>,
    /// Extra one-way latency per link, the pair in sorted order.
    #[serde(with = "crate::serde_pairs")]
    slow: SortedMap<(Endpoint, Endpoint), Ms>,
    /// Flights (happening ids) that will be lost on the way.
    dropped: SortedSet<u64>,
    fenced_leaders: Vec<FencedLeader>,
}

fn link(a: &Endpoint, b: &Endpoint) -> (Endpoint, Endpoint) {
    if a <= b {
        (a.clone(), b.clone())
    } else {
        (b.clone(), a.clone())
    }
}

impl Network {
    pub fn is_cut_off(&self, broker: BrokerId) -> bool {
        self.cut_off.contains(&broker)
    }

    pub fn cut_off_brokers(&self) -> impl Iterator<Item = BrokerId> + '_ {
        self.cut_off.iter().copied()
    }

    /// Slowed links and their extra latency.
    pub fn slow_links(&self) -> impl Iterator<Item = (&(Endpoint, Endpoint), &Ms)> {
        self.slow.iter()
    }

    /// Ex-leaders still holding requests because they have not learned they were fenced.
    pub fn fenced_leaders(&self) -> &[FencedLeader] {
        &self.fenced_leaders
    }

    pub(crate) fn cut(&mut self, broker: BrokerId) -> bool {
        self.cut_off.insert(broker)
    }

    pub(crate) fn heal(&mut self, broker: BrokerId) -> bool {
        self.cut_off.remove(&broker)
    }

    pub(crate) fn extra_latency(&self, a: &Endpoint, b: &Endpoint) -> Ms {
        self.slow.get(&link(a, b)).copied().unwrap_or(0)
    }

    pub(crate) fn slow_down(&mut self, a: &Endpoint, b: &Endpoint, extra_ms: Ms) {
        if extra_ms == 0 {
            self.slow.remove(&link(a, b));
        } else {
            self.slow.insert(link(a, b), extra_ms);
        }
    }

    pub(crate) fn drop_flight(&mut self, flight: u64) {
        self.dropped.insert(flight);
    }

    /// Whether this flight was marked lost (and forgets the mark).
    pub(crate) fn take_dropped(&mut self, flight: u64) -> bool {
        self.dropped.remove(&flight)
    }

    pub(crate) fn hold_fenced(
        &mut self,
        partition: TopicPartition,
        broker: BrokerId,
        acks: Vec<PendingAck>,
    ) {
        self.fenced_leaders.push(FencedLeader {
            partition,
            broker,
            acks,
        });
    }

    /// The fenced leaderships of a broker that can hear the news now.
    /// A removed broker: it is no longer cut off, its links lose their slowness, and the
    /// produce requests it held as a fenced ex-leader are handed back.
    pub(crate) fn forget_broker(&mut self, broker: BrokerId) -> Vec<FencedLeader> {
        self.cut_off.remove(&broker);
        let gone = Endpoint::Broker(broker);
        self.slow.retain(|(a, b), _| *a != gone && *b != gone);
        self.take_fenced(broker)
    }

    pub(crate) fn take_fenced(&mut self, broker: BrokerId) -> Vec<FencedLeader> {
        let (mine, others) = std::mem::take(&mut self.fenced_leaders)
            .into_iter()
            .partition(|f| f.broker == broker);
        self.fenced_leaders = others;
        mine
    }
}
