//! The playground's live session: the model, the history that lets a learner travel back and
//! fork, and the recent happenings the stage animates. Pure Rust with no browser in it, so
//! time travel is tested natively.

mod facts;
mod history;
mod lag_history;
mod ordering;
mod recent;
pub mod trace;

pub use facts::Facts;
pub use history::History;
pub use lag_history::LagHistory;
pub use ordering::OrderWatch;
pub use recent::Recent;

use kafka_model::direct::DirectSim;
use kafka_model::{
    Cluster, Command, ModelError, Ms, Outcome, World, WorldCommand, WorldHappenings,
};

/// Longer than any flight lasts at playground pace.
const FLIGHT_MARGIN_MS: Ms = 3_000;

/// The model as the page sees it: both worlds (the cluster, and the shop without Kafka in
/// the scenes that compare) with one history. `now()` may lie behind `end()` after the
/// learner scrubbed back: playing on then replays the recorded commands, and issuing a new
/// command there forks — the recorded future is discarded, as RaftScope does.
#[derive(Clone)]
pub struct Session {
    world: World,
    history: History,
    recent: Recent,
    lag: LagHistory,
    ordering: OrderWatch,
    facts: Facts,
    /// What the session was started from, kept so it can be shared (`crate::share`) and
    /// exported (`crate::export`). Shared, so cloning a session stays cheap.
    origin: std::rc::Rc<Origin>,
}

/// The preset a session started from: with the timed command log, it rebuilds the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    /// One seed for both worlds.
    pub seed: u64,
    pub brokers: u32,
    /// The cluster's preset commands, run at time 0.
    pub setup: Vec<Command>,
    /// The primer's shop without Kafka runs beside the cluster (scenes 2 and 3).
    pub without_kafka: bool,
}

impl Session {
    /// Starts a Kafka-only session from a preset (see [`Session::start`]).
    pub fn new(seed: u64, brokers: u32, setup: &[Command]) -> Result<Self, ModelError> {
        Session::start(Origin {
            seed,
            brokers,
            setup: setup.to_vec(),
            without_kafka: false,
        })
    }

    /// Starts from a preset: the setup commands run at time 0, and the shop without Kafka
    /// (if asked for) opens beside the cluster. They are the history's starting point, not
    /// entries of its command log (see [`Session::origin`]).
    pub fn start(origin: Origin) -> Result<Self, ModelError> {
        let mut cluster = Cluster::new(origin.seed, origin.brokers)?;
        for command in &origin.setup {
            cluster.apply(command)?;
        }
        let mut world = World::new(cluster);
        if origin.without_kafka {
            world = world.with_direct(kafka_model::presets::shop_without_kafka(origin.seed));
        }
        // The first checkpoint still holds the preset's happenings, so a trip back to the
        // start shows them again; the live world hands them to the timeline now. They are
        // nothing the learner did (no facts).
        let history = History::new(world.clone());
        let mut recent = Recent::default();
        recent.extend(world.take_happenings().kafka);
        Ok(Session {
            history,
            world,
            recent,
            lag: LagHistory::default(),
            ordering: OrderWatch::default(),
            facts: Facts::default(),
            origin: std::rc::Rc::new(origin),
        })
    }

    /// The seed, broker count and setup commands this session started from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn cluster(&self) -> &Cluster {
        self.world.cluster()
    }

    /// The shop without Kafka, in the scenes that have one.
    pub fn direct(&self) -> Option<&DirectSim> {
        self.world.direct()
    }

    pub fn recent(&self) -> &Recent {
        &self.recent
    }

    pub fn ordering(&self) -> &OrderWatch {
        &self.ordering
    }

    /// What the learner has made happen, for the scenes' "try this" items.
    pub fn facts(&self) -> &Facts {
        &self.facts
    }

    /// A mark that moves whenever anything happened in either world: the page redraws the
    /// cluster, tables and scene card only when it moved.
    pub fn activity(&self) -> (Option<u64>, u64) {
        (self.recent.last_id(), self.facts.direct_seen)
    }

    pub fn lag_history(&self) -> &LagHistory {
        &self.lag
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn now(&self) -> Ms {
        self.world.now()
    }

    /// The furthest moment this history has reached.
    pub fn end(&self) -> Ms {
        self.history.end().max(self.now())
    }

    /// Runs a command, for either world, now. Behind the recorded end, this forks: the
    /// recorded future goes. A refused command changes nothing and is not recorded.
    pub fn apply(&mut self, command: impl Into<WorldCommand>) -> Result<Outcome, ModelError> {
        let command = command.into();
        let outcome = self.world.apply(&command)?;
        self.history.fork_at(self.now());
        self.history.record(self.now(), command);
        let happenings = self.world.take_happenings();
        self.absorb(happenings);
        Ok(outcome)
    }

    /// Moves time forward, re-running recorded commands whose moment comes up.
    pub fn advance(&mut self, dt: Ms) {
        let target = self.now().saturating_add(dt);
        self.run_to(target);
    }

    /// Runs to the next moment anything happens (a recorded command or a scheduled event).
    pub fn step_forward(&mut self) {
        let next_event = self.world.next_event_time();
        let next_command = self.history.next_command_time();
        let target = match (next_event, next_command) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(self.now() + 100),
        };
        self.run_to(target.max(self.now()));
    }

    /// Goes back to the latest moment before now at which something happened, in either
    /// world.
    pub fn step_back(&mut self) {
        let now = self.now();
        let kafka = self.recent.last_start_before(now);
        let direct = self.direct().and_then(|d| {
            d.recent()
                .iter()
                .map(|h| h.start)
                .filter(|t| *t < now)
                .max()
        });
        let target = kafka.max(direct).unwrap_or(now.saturating_sub(100));
        self.seek(target);
    }

    /// Travels to any moment between 0 and `end()`: restores the closest checkpoint at or
    /// before it and replays the recorded commands up to it. Deterministic, so the past
    /// comes back exactly as it was.
    pub fn seek(&mut self, target: Ms) {
        let target = target.min(self.end());
        if target < self.now() {
            // From a little earlier, so flights already under way at `target` are known.
            let from = target.saturating_sub(FLIGHT_MARGIN_MS);
            let (world, applied) = self.history.checkpoint_at_or_before(from);
            self.world = world;
            self.history.rewind_to(applied);
            self.recent.clear();
            self.lag.clear();
            self.ordering.clear();
        }
        self.run_to(target);
    }

    /// Discards the recorded future beyond now, so play continues differently from here.
    pub fn fork(&mut self) {
        self.history.fork_at(self.now());
    }

    /// Everything the model reports passes here: the timeline and the order watch see it.
    fn absorb(&mut self, happenings: WorldHappenings) {
        let WorldHappenings { kafka, direct } = happenings;
        self.ordering.observe(&kafka, self.world.cluster());
        self.facts.observe(&kafka);
        self.facts.observe_direct(&direct);
        self.recent.extend(kafka);
    }

    fn run_to(&mut self, target: Ms) {
        while let Some((at, command)) = self.history.next_command_until(target) {
            let happenings = self.world.advance(at - self.now());
            self.absorb(happenings);
            // A recorded command succeeded when it was first run; from the same state it
            // succeeds again (the model is deterministic), so its result is not needed.
            let _ = self.world.apply(&command);
            self.history.mark_applied();
            let happenings = self.world.take_happenings();
            self.absorb(happenings);
        }
        // Lag is sampled on its own clock, however large the step.
        while self.lag.next_sample_at() <= target {
            let at = self.lag.next_sample_at().max(self.now());
            let happenings = self.world.advance(at - self.now());
            self.absorb(happenings);
            self.lag.observe(self.world.cluster());
        }
        let happenings = self.world.advance(target - self.now());
        self.absorb(happenings);
        self.recent.land(self.now());
        self.history.maybe_checkpoint(&self.world);
    }
}

#[cfg(test)]
mod tests;

/// A shared handle on the live session for components, compared by version: a component
/// holding one re-renders only when the session changed, not on every animation frame.
#[derive(Clone)]
pub struct SessionRef {
    inner: std::rc::Rc<std::cell::RefCell<Session>>,
    version: u64,
}

impl SessionRef {
    pub fn new(session: Session) -> Self {
        SessionRef {
            inner: std::rc::Rc::new(std::cell::RefCell::new(session)),
            version: 0,
        }
    }

    pub fn borrow(&self) -> std::cell::Ref<'_, Session> {
        self.inner.borrow()
    }

    pub fn borrow_mut(&self) -> std::cell::RefMut<'_, Session> {
        self.inner.borrow_mut()
    }

    /// The same session at another version (components re-render when it differs).
    pub fn at_version(&self, version: u64) -> Self {
        SessionRef {
            inner: self.inner.clone(),
            version,
        }
    }

    pub fn version(&self) -> u64 {
        self.version
    }
}

impl PartialEq for SessionRef {
    fn eq(&self, other: &Self) -> bool {
        std::rc::Rc::ptr_eq(&self.inner, &other.inner) && self.version == other.version
    }
}
