//! What random cases reach, counted: a property test that never reaches the failure it is
//! about passes without having checked it. `run_cases` runs a property like `proptest!`
//! does (same config, the same fixed seed from `PROPTEST_RNG_SEED` in CI, the test file's
//! `.proptest-regressions` replayed first), then prints and returns the tallies of every
//! case, so the test can assert that enough cases got where they were aimed.
use kafka_model::*;
use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseError, TestRunner};
use std::cell::RefCell;

/// What one case reached.
#[derive(Default, Debug)]
pub struct Case {
    /// A leader failed (its broker died or was cut off) while an acks=all produce waited at
    /// it for the high watermark: the moment where acknowledged data can be lost.
    pub leader_failed_with_pending_write: bool,
    /// Generated commands the model carried out, and those it refused.
    pub applied: u32,
    pub refused: u32,
}

impl Case {
    /// Counts a command's outcome.
    pub fn outcome<T, E>(&mut self, result: &Result<T, E>) {
        if result.is_ok() {
            self.applied += 1;
        } else {
            self.refused += 1;
        }
    }

    /// Call just before `broker` is killed or cut off: notes whether it leads a partition
    /// holding an acks=all produce that waits for the high watermark (Kafka's
    /// `DelayedProduce` in the produce purgatory, `Partition.scala`
    /// `checkEnoughReplicasReachOffset`).
    pub fn before_failing(&mut self, c: &Cluster, broker: u32) {
        if leads_a_pending_write(c, broker) {
            self.leader_failed_with_pending_write = true;
        }
    }
}

/// Whether `broker` (alive and reachable) leads a partition where an acks=all produce is
/// waiting for the high watermark.
pub fn leads_a_pending_write(c: &Cluster, broker: u32) -> bool {
    let reachable = c.broker(broker).is_some_and(|b| b.alive)
        && !c.network().cut_off_brokers().any(|b| b == broker);
    reachable
        && c.topics().any(|t| {
            t.partitions
                .iter()
                .any(|p| p.leader == Some(broker) && p.pending_ack_count() > 0)
        })
}

/// The tallies of one property's run.
#[derive(Default, Debug, Clone, Copy)]
pub struct Figures {
    pub cases: u32,
    pub reached: u32,
    pub applied: u64,
    pub refused: u64,
}

impl Figures {
    /// Asserts that at least a third of the cases reached a leader failure with a write
    /// pending at it.
    pub fn assert_a_third_reached(&self, name: &str) {
        assert!(
            self.reached * 3 >= self.cases,
            "{name}: only {} of {} cases failed a leader while an acks=all write waited at it",
            self.reached,
            self.cases
        );
    }

    /// Asserts that at least `share` of the generated commands were carried out.
    pub fn assert_applied_at_least(&self, name: &str, share: f64) {
        let total = (self.applied + self.refused).max(1) as f64;
        assert!(
            self.applied as f64 >= share * total,
            "{name}: only {} of {} generated commands were applied",
            self.applied,
            self.applied + self.refused
        );
    }
}

/// Runs `cases` cases of `test` over `strategy` as `proptest!` would, tallying each case.
/// Panics (with proptest's minimal failing input) when a case fails.
pub fn run_cases<S: Strategy>(
    name: &'static str,
    source_file: &'static str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value, &mut Case) -> Result<(), TestCaseError>,
) -> Figures {
    let config = Config {
        cases,
        source_file: Some(source_file),
        test_name: Some(name),
        ..Config::default()
    };
    let figures = RefCell::new(Figures::default());
    let mut runner = TestRunner::new(config);
    let result = runner.run(&strategy, |value| {
        let mut case = Case::default();
        test(value, &mut case)?;
        let mut f = figures.borrow_mut();
        f.cases += 1;
        f.reached += u32::from(case.leader_failed_with_pending_write);
        f.applied += u64::from(case.applied);
        f.refused += u64::from(case.refused);
        Ok(())
    });
    if let Err(e) = result {
        panic!("{name}: {e}\n{runner}");
    }
    let f = figures.into_inner();
    println!(
        "{name}: {} cases, {} reached a leader failure with an acks=all write pending at it; \
         {} commands applied, {} refused",
        f.cases, f.reached, f.applied, f.refused
    );
    f
}
