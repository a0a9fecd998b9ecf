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
        Ok(())
    }
}
