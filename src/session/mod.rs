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
use kafka_model::{Cluster, Command, ModelError, Ms, Outcome};

/// Longer than any flight lasts at playground pace.
const FLIGHT_MARGIN_MS: Ms = 3_000;

/// The model as the page sees it. `now()` may lie behind `end()` after the learner scrubbed
/// back: playing on then replays the recorded commands, and issuing a new command there
/// forks — the recorded future is discarded, as RaftScope does.
#[derive(Clone)]
pub struct Session {
    cluster: Cluster,
    history: History,
    recent: Recent,
    lag: LagHistory,
    ordering: OrderWatch,
    facts: Facts,
    /// The primer's shop without Kafka (scenes 2 and 3), on the same clock. It keeps no
    /// history, so a session holding one only moves forward.
    direct: Option<DirectSim>,
    /// What the session was started from, kept so it can be shared (`crate::share`).
    /// Shared, so cloning a session stays cheap.
    origin: std::rc::Rc<Origin>,
}

/// The preset a session started from: with the timed command log, it rebuilds the session.
#[derive(Clone, Debug, PartialEq)]
pub struct Origin {
    pub seed: u64,
    pub brokers: u32,
    pub setup: Vec<Command>,
}

impl Session {
    /// Starts from a preset: `setup` commands run at time 0. They are the history's
    /// starting point, not entries of its command log (see `origin()`).
    pub fn new(seed: u64, brokers: u32, setup: &[Command]) -> Result<Self, ModelError> {
        let mut cluster = Cluster::new(seed, brokers)?;
        for command in setup {
            cluster.apply(command)?;
        }
        let history = History::new(cluster.clone());
        let mut recent = Recent::default();
        recent.extend(cluster.take_happenings());
        Ok(Session {
            cluster,
            history,
            recent,
            lag: LagHistory::default(),
            ordering: OrderWatch::default(),
            facts: Facts::default(),
            direct: None,
            origin: std::rc::Rc::new(Origin {
                seed,
                brokers,
                setup: setup.to_vec(),
            }),
        })
    }

    /// The seed, broker count and setup commands this session started from.
    pub fn origin(&self) -> &Origin {
        &self.origin
    }

    pub fn cluster(&self) -> &Cluster {
        &self.cluster
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

    /// Adds the shop without Kafka, started at this session's time.
    pub fn with_direct(mut self, mut direct: DirectSim) -> Self {
        while direct.now() < self.now() {
            let _ = direct.advance(self.now() - direct.now());
        }
        self.direct = Some(direct);
        self
    }

    pub fn direct(&self) -> Option<&DirectSim> {
        self.direct.as_ref()
    }

    /// Runs a learner's action on the shop without Kafka (place an order, take a service
    /// down...); `None` when this session has none.
    pub fn direct_do<R>(
        &mut self,
        f: impl FnOnce(&mut DirectSim) -> Result<R, ModelError>,
    ) -> Option<Result<R, ModelError>> {
        let direct = self.direct.as_mut()?;
        let result = f(direct);
        let happenings = direct.take_happenings();
        self.facts.observe_direct(&happenings);
        Some(result)
    }

    /// Whether the learner can travel back (not with the shop without Kafka, which keeps
    /// no history).
    /// A mark that moves whenever anything happened in either world: the page redraws the
    /// cluster, tables and scene card only when it moved.
    pub fn activity(&self) -> (Option<u64>, u64) {
        (self.recent.last_id(), self.facts.direct_seen)
    }

    pub fn can_rewind(&self) -> bool {
        self.direct.is_none()
    }

    pub fn lag_history(&self) -> &LagHistory {
        &self.lag
    }

    pub fn history(&self) -> &History {
        &self.history
    }

    pub fn now(&self) -> Ms {
        self.cluster.now()
    }

    /// The furthest moment this history has reached.
    pub fn end(&self) -> Ms {
        self.history.end().max(self.now())
    }

    /// Runs a command now. Behind the recorded end, this forks: the recorded future goes.
    pub fn apply(&mut self, command: Command) -> Result<Outcome, ModelError> {
        let outcome = self.cluster.apply(&command)?;
        self.history.fork_at(self.cluster.now());
        self.history.record(self.cluster.now(), command);
        let happenings = self.cluster.take_happenings();
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
        let next_event = self.cluster.next_event_time();
        let next_command = self.history.next_command_time();
        let target = match (next_event, next_command) {
            (Some(a), Some(b)) => a.min(b),
            (a, b) => a.or(b).unwrap_or(self.now() + 100),
        };
        self.run_to(target.max(self.now()));
    }

    /// Goes back to the latest moment before now at which something happened.
    pub fn step_back(&mut self) {
        let now = self.now();
        let target = self
            .recent
            .last_start_before(now)
            .unwrap_or(now.saturating_sub(100));
        self.seek(target);
    }

    /// Travels to any moment between 0 and `end()`: restores the closest checkpoint at or
    /// before it and replays the recorded commands up to it. Deterministic, so the past
    /// comes back exactly as it was.
    pub fn seek(&mut self, target: Ms) {
        let target = target.min(self.end());
        if !self.can_rewind() && target < self.now() {
            return;
        }
        if target < self.now() {
            // From a little earlier, so flights already under way at `target` are known.
            let from = target.saturating_sub(FLIGHT_MARGIN_MS);
            let (cluster, applied) = self.history.checkpoint_at_or_before(from);
            self.cluster = cluster;
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
    fn absorb(&mut self, happenings: Vec<kafka_model::Happening>) {
        self.ordering.observe(&happenings, &self.cluster);
        self.facts.observe(&happenings);
        self.recent.extend(happenings);
    }

    fn run_to(&mut self, target: Ms) {
        while let Some((at, command)) = self.history.next_command_until(target) {
            let happenings = self.cluster.advance(at - self.now());
            self.absorb(happenings);
            // A recorded command succeeded when it was first run; from the same state it
            // succeeds again (the model is deterministic), so its result is not needed.
            let _ = self.cluster.apply(&command);
            self.history.mark_applied();
            let happenings = self.cluster.take_happenings();
            self.absorb(happenings);
        }
        // Lag is sampled on its own clock, however large the step.
        while self.lag.next_sample_at() <= target {
            let at = self.lag.next_sample_at().max(self.now());
            let happenings = self.cluster.advance(at - self.now());
            self.absorb(happenings);
            self.lag.observe(&self.cluster);
        }
        let happenings = self.cluster.advance(target - self.now());
        self.absorb(happenings);
        self.recent.land(self.now());
        self.history.maybe_checkpoint(&self.cluster);
        if let Some(direct) = &mut self.direct {
            // It moves at most a bounded step per call; a long step is several.
            while direct.now() < target {
                let happenings = direct.advance(target - direct.now());
                self.facts.observe_direct(&happenings);
            }
        }
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
