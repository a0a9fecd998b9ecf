//! End-to-end throughput of the model: records produced, batched, appended at the leader,
//! (replicated), delivered to a consumer group and committed — per second of wall time.
//!
//! What one iteration measures, for `N` records (setup excluded, checked after timing):
//! - `model/rf1_acks1`: 1 topic × 6 partitions, RF 1, one group of 3 consumers with auto
//!   commit, one producer with acks=1. Build `record(i)` for `i in 0..N`, `Cluster::produce`
//!   it, `advance(50 ms)` of simulated time after every 10 000 records (dropping the
//!   happenings), then `advance(2.5 s)` so the last records are delivered and an auto commit
//!   lands. Afterwards every record must be appended, delivered once, and committed.
//! - `model/rf3_acks_all`: the same over 3 replicas (`min.insync.replicas` 2) with
//!   acks=all: followers fetch every record and the high watermark waits for them.
//! - `bare_vec_push`: the reference — build the same `record(i)` and push it into a
//!   `Vec<ProducerRecord>`; what the model's cost per record is compared with.
//!
//! Configs that batch many records and `Timing::kafka()` (1 ms links) are used because the
//! playground's human pace (hundreds of ms per message, 256-byte batches) would measure
//! batching, not the model; see `benches/pipeline/mod.rs`.
//!
//! `cargo bench -p kafka-model` prints criterion's figures, then a summary of records/s
//! and the model ÷ bare-push ratio (median of 7 runs each).

mod pipeline;

use criterion::{criterion_group, BenchmarkId, Criterion, Throughput};
use kafka_model::{Acks, ProducerRecord};
use pipeline::{record, Pipeline};
use std::time::{Duration, Instant};

const N: usize = 200_000;

#[derive(Clone, Copy)]
enum Case {
    Rf1AcksOne,
    Rf3AcksAll,
    BareVec,
}

impl Case {
    fn name(self) -> &'static str {
        match self {
            Case::Rf1AcksOne => "model/rf1_acks1",
            Case::Rf3AcksAll => "model/rf3_acks_all",
            Case::BareVec => "bare_vec_push",
        }
    }

    /// One timed run of `n` records.
    fn run_once(self, n: usize) -> Duration {
        match self {
            Case::Rf1AcksOne | Case::Rf3AcksAll => {
                let (rf, acks) = match self {
                    Case::Rf1AcksOne => (1, Acks::One),
                    _ => (3, Acks::All),
                };
                let mut pipeline = Pipeline::new(rf, acks);
                let start = Instant::now();
                pipeline.run(n);
                let elapsed = start.elapsed();
                pipeline.assert_done(n);
                elapsed
            }
            Case::BareVec => {
                let start = Instant::now();
                let mut v: Vec<ProducerRecord> = Vec::new();
                for i in 0..n {
                    v.push(record(i));
                }
                let v = std::hint::black_box(v);
                let elapsed = start.elapsed();
                assert_eq!(v.len(), n);
                elapsed
            }
        }
    }
}

const CASES: [Case; 3] = [Case::Rf1AcksOne, Case::Rf3AcksAll, Case::BareVec];

fn end_to_end(c: &mut Criterion) {
    let mut group = c.benchmark_group("end_to_end");
    group.throughput(Throughput::Elements(N as u64));
    group.sample_size(10);
    group.measurement_time(Duration::from_secs(8));
    for case in CASES {
        group.bench_function(BenchmarkId::from_parameter(case.name()), |b| {
            b.iter_custom(|iters| (0..iters).map(|_| case.run_once(N)).sum())
        });
    }
    group.finish();
}

/// Median records/s of a few runs, and the ratio to the bare push.
fn summary() {
    let rate = |case: Case| {
        let mut secs: Vec<f64> = (0..7).map(|_| case.run_once(N).as_secs_f64()).collect();
        secs.sort_by(f64::total_cmp);
        N as f64 / secs[secs.len() / 2]
    };
    let bare = rate(Case::BareVec);
    println!("\nsummary: {N} records per run, median of 7 runs");
    println!(
        "{:<22} {:>16} {:>22}",
        "case", "records/s", "bare push ÷ model"
    );
    for case in CASES {
        let r = if matches!(case, Case::BareVec) {
            bare
        } else {
            rate(case)
        };
        println!("{:<22} {:>16.0} {:>21.1}×", case.name(), r, bare / r);
    }
}

criterion_group!(benches, end_to_end);

fn main() {
    benches();
    Criterion::default().configure_from_args().final_summary();
    // Only in a real `cargo bench` run (not `--test`, `--list`, or a filtered run).
    if std::env::args().skip(1).all(|a| a == "--bench") {
        summary();
    }
}
