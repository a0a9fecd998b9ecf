//! The recorded past: the command log with the moment of each command, and checkpoints —
//! whole-model clones — so going back is "restore the nearest checkpoint, replay the rest".

use kafka_model::{Cluster, Command, Ms};

/// A checkpoint every this many ms of simulated time.
pub const CHECKPOINT_EVERY_MS: Ms = 2_000;
/// At most this many checkpoints; beyond it every other one is dropped, so memory stays
/// bounded however long the page runs, and older moments just replay a little longer.
pub const MAX_CHECKPOINTS: usize = 120;

#[derive(Clone)]
struct Checkpoint {
    cluster: Cluster,
    /// How many logged commands the checkpoint already contains.
    applied: usize,
}

#[derive(Clone)]
pub struct History {
    log: Vec<(Ms, Command)>,
    /// Log entries already applied to the live cluster.
    applied: usize,
    checkpoints: Vec<Checkpoint>,
    end: Ms,
}

impl History {
    pub fn new(start: Cluster) -> Self {
        let end = start.now();
        History {
            log: Vec::new(),
            applied: 0,
            checkpoints: vec![Checkpoint {
                cluster: start,
                applied: 0,
            }],
            end,
        }
    }

    pub fn commands(&self) -> &[(Ms, Command)] {
        &self.log
    }

    pub fn applied(&self) -> usize {
        self.applied
    }

    pub fn end(&self) -> Ms {
        self.end
    }

    pub fn checkpoint_count(&self) -> usize {
        self.checkpoints.len()
    }

    /// Records a command just run on the live cluster at `at`.
    pub fn record(&mut self, at: Ms, command: Command) {
        self.log.truncate(self.applied);
        self.log.push((at, command));
        self.applied = self.log.len();
        self.end = self.end.max(at);
    }

    /// Drops every recorded command not yet applied, and every checkpoint after `now`.
    pub fn fork_at(&mut self, now: Ms) {
        self.log.truncate(self.applied);
        self.checkpoints.retain(|c| c.cluster.now() <= now);
        self.end = now;
    }

    /// The next recorded command due at or before `target`, if any.
    pub fn next_command_until(&self, target: Ms) -> Option<(Ms, Command)> {
        self.log
            .get(self.applied)
            .filter(|(at, _)| *at <= target)
            .cloned()
    }

    /// When the next recorded command not yet applied is due.
    pub fn next_command_time(&self) -> Option<Ms> {
        self.log.get(self.applied).map(|(at, _)| *at)
    }

    pub fn mark_applied(&mut self) {
        self.applied += 1;
    }

    pub fn rewind_to(&mut self, applied: usize) {
        self.applied = applied;
    }

    /// The latest checkpoint at or before `target`, and how many commands it contains.
    pub fn checkpoint_at_or_before(&self, target: Ms) -> (Cluster, usize) {
        let c = self
            .checkpoints
            .iter()
            .rev()
            .find(|c| c.cluster.now() <= target)
            .unwrap_or(&self.checkpoints[0]);
        (c.cluster.clone(), c.applied)
    }

    /// Takes a checkpoint when the live cluster passed the next checkpoint moment.
    pub fn maybe_checkpoint(&mut self, cluster: &Cluster) {
        self.end = self.end.max(cluster.now());
        let last = self.checkpoints.last().map_or(0, |c| c.cluster.now());
        if cluster.now() < last + CHECKPOINT_EVERY_MS {
            return;
        }
        self.checkpoints.push(Checkpoint {
            cluster: cluster.clone(),
            applied: self.applied,
        });
        if self.checkpoints.len() > MAX_CHECKPOINTS {
            // Keep the first (the preset) and every other one after it.
            let mut i = 0;
            self.checkpoints.retain(|_| {
                i += 1;
                i == 1 || i % 2 == 0
            });
        }
    }
}
