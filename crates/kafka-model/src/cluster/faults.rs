//! Network faults as commands: cut a broker off, slow a link, lose one request, heal.

use super::Cluster;
use crate::error::ModelError;
use crate::happening::{Endpoint, HappeningKind};
use crate::partition::BrokerId;

impl Cluster {
    fn broker_or_err(&self, broker: BrokerId) -> Result<(), ModelError> {
        self.brokers
            .get(&broker)
            .map(|_| ())
            .ok_or(ModelError::UnknownBroker { broker })
    }

    /// Cuts a broker off from the other brokers and the controller; it stays up and
    /// clients still reach it. Its followers fall out of the ISR after
    /// `replica.lag.time.max.ms`; if it leads, acks=all writes stall until the controller,
    /// no longer hearing its heartbeats, fences it and elects another leader.
    pub fn cut_off_broker(&mut self, broker: BrokerId) -> Result<(), ModelError> {
        self.broker_or_err(broker)?;
        if self.network.is_cut_off(broker) {
            return Err(ModelError::config(
                "network",
                format!("broker {broker} is already cut off; heal it first"),
            ));
        }
        let before = self.controller();
        self.network.cut(broker);
        self.emit(HappeningKind::NetworkCut { broker });
        // KRaft: the other voters elect a controller they can reach.
        self.note_controller(before);
        Ok(())
    }

    /// Reconnects a cut-off broker. Its next heartbeat unfences it; a leadership it lost
    /// meanwhile it learns now, and its log is truncated where it diverged.
    pub fn heal_broker(&mut self, broker: BrokerId) -> Result<(), ModelError> {
        self.broker_or_err(broker)?;
        if !self.network.is_cut_off(broker) {
            return Err(ModelError::config(
                "network",
                format!("broker {broker} is not cut off"),
            ));
        }
        let before = self.controller();
        self.network.heal(broker);
        self.emit(HappeningKind::NetworkHealed { broker });
        self.note_controller(before);
        if self.broker_alive(broker) {
            self.learn_fenced_leaderships(broker);
        }
        Ok(())
    }

    /// Adds `extra_ms` of one-way latency between two endpoints (0 restores the link).
    pub fn slow_link(&mut self, a: Endpoint, b: Endpoint, extra_ms: u64) -> Result<(), ModelError> {
        if a == b {
            return Err(ModelError::config("link", "needs two different endpoints"));
        }
        if extra_ms > 60_000 {
            return Err(ModelError::config("extra_ms", "must be at most 60000 ms"));
        }
        self.network.slow_down(&a, &b, extra_ms);
        self.emit(HappeningKind::LinkSlowed { a, b, extra_ms });
        Ok(())
    }

    /// Loses one message in flight, named by its happening id: a produce request, an ack,
    /// a replica fetch or its answer, or a heartbeat. The sender notices by timeout.
    pub fn drop_request(&mut self, flight: u64) -> Result<(), ModelError> {
        let in_flight = self
            .schedule
            .iter()
            .any(|(_, e)| e.flight() == Some(flight));
        if !in_flight {
            return Err(ModelError::config(
                "request",
                format!("happening {flight} is not a request in flight that can be lost"),
            ));
        }
        self.network.drop_flight(flight);
        self.emit(HappeningKind::RequestDropped { flight });
        Ok(())
    }

    /// The id of the happening just emitted (a flight's id, for events to carry).
    pub(crate) fn last_flight_id(&self) -> u64 {
        self.ids.happening.saturating_sub(1)
    }

    /// Events scheduled to reach `broker` as a follower belong to a life it no longer has.
    pub(crate) fn forget_follower_traffic(&mut self, broker: BrokerId) {
        self.schedule.retain(|e| e.follower() != Some(broker));
    }
}
