//! Everything a session simulates on one clock: the Kafka cluster and, for the primer's
//! scenes that compare, the shop without Kafka beside it.
//!
//! The two worlds never touch: an order placed without Kafka does not reach any topic. They
//! share the clock, the seed and one command log ([`WorldCommand`]), so "one seed plus one
//! command log is one history" holds for every scene: a session checkpoints a [`World`] by
//! cloning it, travels back by replaying the log from a checkpoint, and shares the log in a
//! link. Because the worlds are independent, the order of two commands of different worlds
//! at the same moment does not matter; the log keeps the order they were given in anyway.

use crate::command::{Command, Outcome};
use crate::direct::{DirectCommand, DirectHappening, DirectOutcome, DirectSim};
use crate::error::ModelError;
use crate::happening::Happening;
use crate::schedule::Ms;
use crate::Cluster;
use serde::{Deserialize, Serialize};

/// A command to one of the worlds. Written as the command itself for the cluster (so a log
/// of cluster commands reads as it always did) and as `{"Direct": …}` for the shop without
/// Kafka; `Command` has no variant of that name, so the two never read alike.
#[derive(Clone, Debug, PartialEq)]
pub enum WorldCommand {
    Kafka(Command),
    Direct(DirectCommand),
}

impl From<Command> for WorldCommand {
    fn from(command: Command) -> Self {
        WorldCommand::Kafka(command)
    }
}

impl From<DirectCommand> for WorldCommand {
    fn from(command: DirectCommand) -> Self {
        WorldCommand::Direct(command)
    }
}

impl Serialize for WorldCommand {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        match self {
            WorldCommand::Kafka(command) => command.serialize(s),
            WorldCommand::Direct(command) => {
                s.serialize_newtype_variant("WorldCommand", 1, "Direct", command)
            }
        }
    }
}

impl<'de> Deserialize<'de> for WorldCommand {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        use serde::de::Error;
        let value = serde_json::Value::deserialize(d)?;
        match value.as_object().and_then(|map| map.get("Direct")) {
            Some(direct) if value.as_object().is_some_and(|map| map.len() == 1) => {
                DirectCommand::deserialize(direct)
                    .map(WorldCommand::Direct)
                    .map_err(D::Error::custom)
            }
            _ => Command::deserialize(value)
                .map(WorldCommand::Kafka)
                .map_err(D::Error::custom),
        }
    }
}

/// What both worlds reported, each in its order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct WorldHappenings {
    pub kafka: Vec<Happening>,
    pub direct: Vec<DirectHappening>,
}

/// The cluster, and the shop without Kafka if the session has one, on one clock.
#[derive(Clone, Debug, PartialEq)]
pub struct World {
    cluster: Cluster,
    direct: Option<DirectSim>,
}

impl World {
    pub fn new(cluster: Cluster) -> Self {
        World {
            cluster,
            direct: None,
        }
    }

    /// Adds the shop without Kafka, played on to the cluster's time (a new shop starts at 0).
    pub fn with_direct(mut self, mut direct: DirectSim) -> Self {
        while direct.now() < self.cluster.now() {
            let _ = direct.advance(self.cluster.now() - direct.now());
        }
        self.direct = Some(direct);
        self
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
    }

    pub fn direct(&self) -> Option<&DirectSim> {
        self.direct.as_ref()
    }

    pub fn now(&self) -> Ms {
        self.cluster.now()
    }

    /// When either world next has something scheduled.
    pub fn next_event_time(&self) -> Option<Ms> {
        let direct = self.direct.as_ref().and_then(DirectSim::next_event_time);
        match (self.cluster.next_event_time(), direct) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    }

    /// Runs one command in its world. A refused command changes nothing; a command for the
    /// shop without Kafka is refused when there is none. A new order's id comes back as
    /// [`Outcome::Order`].
    pub fn apply(&mut self, command: &WorldCommand) -> Result<Outcome, ModelError> {
        match command {
            WorldCommand::Kafka(command) => self.cluster.apply(command),
            WorldCommand::Direct(command) => {
                let direct = self.direct.as_mut().ok_or(ModelError::NoShopWithoutKafka)?;
                direct.apply(command).map(|outcome| match outcome {
                    DirectOutcome::Done => Outcome::Done,
                    DirectOutcome::Order(order) => Outcome::Order(order),
                })
            }
        }
    }

    /// Moves both worlds' clocks on by `dt` and returns what happened in each.
    pub fn advance(&mut self, dt: Ms) -> WorldHappenings {
        let kafka = self.cluster.advance(dt);
        let mut direct = Vec::new();
        if let Some(sim) = &mut self.direct {
            let target = self.cluster.now();
            // One call moves the shop a bounded step; a long step is several.
            while sim.now() < target {
                direct.extend(sim.advance(target - sim.now()));
            }
            direct.extend(sim.take_happenings());
        }
        WorldHappenings { kafka, direct }
    }

    /// What commands made happen since the last `advance`, without moving time.
    pub fn take_happenings(&mut self) -> WorldHappenings {
        WorldHappenings {
            kafka: self.cluster.take_happenings(),
            direct: self
                .direct
                .as_mut()
                .map(DirectSim::take_happenings)
                .unwrap_or_default(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::presets;
    use crate::record::ProducerRecord;

    #[test]
    fn world_commands_read_back_as_written() {
        let commands: Vec<WorldCommand> = vec![
            Command::AddBroker.into(),
            Command::StopService {
                name: presets::PAYMENTS.into(),
            }
            .into(),
            DirectCommand::PlaceOrder.into(),
            DirectCommand::StopService {
                name: presets::PAYMENTS.into(),
            }
            .into(),
            DirectCommand::SetAutoOrders { per_sec: Some(4.0) }.into(),
        ];
        let json = serde_json::to_string(&commands).unwrap();
        assert_eq!(
            json,
            r#"["AddBroker",{"StopService":{"name":"payments"}},{"Direct":"PlaceOrder"},{"Direct":{"StopService":{"name":"payments"}}},{"Direct":{"SetAutoOrders":{"per_sec":4.0}}}]"#
        );
        let back: Vec<WorldCommand> = serde_json::from_str(&json).unwrap();
        assert_eq!(back, commands);
        // A cluster command's JSON is what it was before there were two worlds.
        let kafka = serde_json::to_string(&Command::AddBroker).unwrap();
        assert_eq!(
            serde_json::to_string(&WorldCommand::from(Command::AddBroker)).unwrap(),
            kafka
        );
    }

    #[test]
    fn a_world_without_the_shop_refuses_its_commands() {
        let mut world = World::new(Cluster::new(1, 1).unwrap());
        let before = world.clone();
        assert_eq!(
            world.apply(&DirectCommand::PlaceOrder.into()),
            Err(ModelError::NoShopWithoutKafka)
        );
        assert_eq!(world, before);
    }

    #[test]
    fn both_worlds_run_on_one_clock_and_replay_alike() {
        let world = || {
            let mut cluster = Cluster::new(3, 3).unwrap();
            for c in presets::shop_on_kafka() {
                cluster.apply(&c).unwrap();
            }
            cluster
                .apply(&Command::CreateProducer {
                    client_id: presets::ORDERS.into(),
                    config: Default::default(),
                })
                .unwrap();
            World::new(cluster).with_direct(presets::shop_without_kafka(3))
        };
        let log: Vec<(Ms, WorldCommand)> = vec![
            (100, DirectCommand::PlaceOrder.into()),
            (
                100,
                Command::Produce {
                    producer: 1,
                    record: ProducerRecord::text(presets::ORDERS, Some("order-1"), "1× book"),
                }
                .into(),
            ),
            (
                900,
                DirectCommand::StopService {
                    name: presets::PAYMENTS.into(),
                }
                .into(),
            ),
            (
                1_500,
                DirectCommand::SetAutoOrders { per_sec: Some(4.0) }.into(),
            ),
        ];
        let run = |mut w: World, log: &[(Ms, WorldCommand)]| {
            let mut seen = WorldHappenings::default();
            for (at, command) in log {
                let h = w.advance(at - w.now());
                seen.kafka.extend(h.kafka);
                seen.direct.extend(h.direct);
                w.apply(command).unwrap();
            }
            let h = w.advance(12_000 - w.now());
            seen.kafka.extend(h.kafka);
            seen.direct.extend(h.direct);
            (w, seen)
        };
        let (a, seen_a) = run(world(), &log);
        let (b, seen_b) = run(world(), &log);
        assert_eq!(a, b);
        assert_eq!(seen_a, seen_b);
        // A checkpoint taken at 500 ms, replayed with the rest of the log, ends the same.
        let mut at_500 = world();
        for (at, command) in &log[..2] {
            at_500.advance(at - at_500.now());
            at_500.apply(command).unwrap();
        }
        at_500.advance(500 - at_500.now());
        let (c, _) = run(at_500.clone(), &log[2..]);
        assert_eq!(c, a);
        assert_eq!(a.now(), 12_000);
        assert_eq!(a.direct().map(DirectSim::now), Some(12_000));
        // Both worlds did something: the order went through Kafka and, without it, the
        // shop took orders and Payments' calls started failing.
        assert!(seen_a.kafka.len() > 10);
        let o = a.direct().unwrap().orders();
        assert!(o.placed > 30, "{o:?}");
        assert!(o.failed > 0, "{o:?}");
    }
}
