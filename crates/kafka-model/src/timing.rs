//! How long things take in the simulation, scaled so a person can watch them.
//!
//! Real Kafka moves a message between machines in about a millisecond; nobody can see that.
//! The playground slows the network to hundreds of milliseconds. Kafka's own timeouts
//! (session.timeout.ms and friends) live in the client and topic configs, each with Kafka's
//! documented default and a playground default.

use crate::error::ModelError;
use crate::schedule::Ms;
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Timing {
    /// One-way latency between a client (producer or consumer) and a broker.
    pub client_latency_ms: Ms,
    /// One-way latency between two brokers (replication).
    pub broker_latency_ms: Ms,
    /// Every message takes up to this much longer, drawn from the seeded generator.
    pub jitter_ms: Ms,
    /// A consumer's wait before fetching again after an error (Kafka's `retry.backoff.ms`, 100 ms).
    pub fetch_backoff_ms: Ms,
    /// How often retention runs (`log.retention.check.interval.ms`, 5 minutes in Kafka).
    pub retention_check_interval_ms: Ms,
    /// How long until a returning preferred replica takes leadership back
    /// (`leader.imbalance.check.interval.seconds`, 300 s in Kafka).
    pub preferred_leader_delay_ms: Ms,
    /// `replica.lag.time.max.ms` (30 s in Kafka): a follower not caught up with its leader
    /// for this long leaves the ISR. The leader checks every half of it.
    pub replica_lag_time_max_ms: Ms,
    /// `replica.fetch.backoff.ms` (1 s): a follower's wait before fetching again after its
    /// fetch got no answer (a cut network, a dropped request).
    pub replica_fetch_backoff_ms: Ms,
    /// `broker.heartbeat.interval.ms` (2 s): how often a broker tells the controller (or, in
    /// ZooKeeper mode, ZooKeeper) that it is alive.
    pub broker_heartbeat_interval_ms: Ms,
    /// `broker.session.timeout.ms` (9 s; ZooKeeper's `zookeeper.session.timeout.ms` is 18 s):
    /// a broker unheard of for this long is fenced and loses its leaderships.
    pub broker_session_timeout_ms: Ms,
}

impl Default for Timing {
    /// The playground's pace.
    fn default() -> Self {
        Timing {
            client_latency_ms: 400,
            broker_latency_ms: 300,
            jitter_ms: 150,
            fetch_backoff_ms: 1000,
            retention_check_interval_ms: 5000,
            preferred_leader_delay_ms: 5000,
            replica_lag_time_max_ms: 6000,
            replica_fetch_backoff_ms: 1000,
            broker_heartbeat_interval_ms: 2000,
            broker_session_timeout_ms: 6000,
        }
    }
}

impl Timing {
    /// Kafka's pace: a fast local network and Kafka's own background intervals.
    pub fn kafka() -> Self {
        Timing {
            client_latency_ms: 1,
            broker_latency_ms: 1,
            jitter_ms: 1,
            fetch_backoff_ms: 100,
            retention_check_interval_ms: 300_000,
            preferred_leader_delay_ms: 300_000,
            replica_lag_time_max_ms: 30_000,
            replica_fetch_backoff_ms: 1000,
            broker_heartbeat_interval_ms: 2000,
            broker_session_timeout_ms: 9000,
        }
    }

    pub fn validate(&self) -> Result<(), ModelError> {
        if self.retention_check_interval_ms == 0 {
            return Err(ModelError::config(
                "retention_check_interval_ms",
                "must be at least 1 ms",
            ));
        }
        if self.fetch_backoff_ms == 0 {
            return Err(ModelError::config(
                "fetch_backoff_ms",
                "must be at least 1 ms",
            ));
        }
        for (name, value) in [
            ("replica_lag_time_max_ms", self.replica_lag_time_max_ms),
            ("replica_fetch_backoff_ms", self.replica_fetch_backoff_ms),
            (
                "broker_heartbeat_interval_ms",
                self.broker_heartbeat_interval_ms,
            ),
        ] {
            if value < 2 {
                return Err(ModelError::config(name, "must be at least 2 ms"));
            }
        }
        if self.broker_session_timeout_ms <= self.broker_heartbeat_interval_ms {
            return Err(ModelError::config(
                "broker_session_timeout_ms",
                "must be longer than broker_heartbeat_interval_ms",
            ));
        }
        Ok(())
    }
}
