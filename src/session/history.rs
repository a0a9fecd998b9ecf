//! The recorded past: the command log of both worlds with the moment of each command, and
//! checkpoints — whole-world clones — so going back is "restore the nearest checkpoint,
//! replay the rest".

use kafka_model::{Ms, World, WorldCommand};

/// A checkpoint every this many ms of simulated time.
pub const CHECKPOINT_EVERY_MS: Ms = 2_000;
/// At most this many checkpoints; beyond it every other one is dropped, so memory stays
/// bounded however long the page runs, and older moments just replay a little longer.
pub const MAX_CHECKPOINTS: usize = 120;

#[derive(Clone)]
struct Checkpoint {
    world: World,
    /// How many logged commands the checkpoint already contains.
    applied: usize,
}

#[derive(Clone)]
pub struct History {
    log: Vec<(Ms, WorldCommand)>,
    /// Log entries already applied to the live world.
    applied: usize,
    checkpoints: Vec<Checkpoint>,
    end: Ms,
}

impl History {
    pub fn new(start: World) -> Self {
        let end = start.now();
        History {
            log: Vec::new(),
            applied: 0,
            checkpoints: vec![Checkpoint {
                world: start,
                applied: 0,
            }],
            end,
        }
    }

    pub fn commands(&self) -> &[(Ms, WorldCommand)] {
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

    /// Records a command just run on the live world at `at`.
    pub fn record(&mut self, at: Ms, command: WorldCommand) {
        self.log.truncate(self.applied);
        self.log.push((at, command));
        self.applied = self.log.len();
        self.end = self.end.max(at);
    }

    /// Drops every recorded command not yet applied, and every checkpoint after `now`.
    pub fn fork_at(&mut self, now: Ms) {
        self.log.truncate(self.applied);
        self.checkpoints.retain(|c| c.world.now() <= now);
        self.end = now;
    }

    /// The next recorded command due at or before `target`, if any.
    pub fn next_command_until(&self, target: Ms) -> Option<(Ms, WorldCommand)> {
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
    pub fn checkpoint_at_or_before(&self, target: Ms) -> (World, usize) {
        let c = self
            .checkpoints
            .iter()
            .rev()
            .find(|c| c.world.now() <= target)
            .unwrap_or(&self.checkpoints[0]);
        (c.world.clone(), c.applied)
    }

    /// Takes a checkpoint when the live world passed the next checkpoint moment.
    pub fn maybe_checkpoint(&mut self, world: &World) {
        self.end = self.end.max(world.now());
        let last = self.checkpoints.last().map_or(0, |c| c.world.now());
        if world.now() < last + CHECKPOINT_EVERY_MS {
            return;
        }
        self.checkpoints.push(Checkpoint {
            world: world.clone(),
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
