//! Memory per retained record, measured with a counting global allocator.
//!
//! Runs the benchmark's pipeline (`benches/pipeline/mod.rs`: 6 partitions, a group of 3,
//! retention off) for `N` records and reports the live heap growth divided by the records
//! the logs keep, next to the record's own size (`size_of::<Record>()` plus its key and
//! value). The difference is what the model keeps around a record: `Vec` growth slack in
//! the logs and, with RF 3, the followers' copies.
//!
//! `cargo run --release -p kafka-model --example memory_per_record [N]`
//! It also serves as the profiling target: `perf record -g` / `valgrind --tool=callgrind`.

#[path = "../benches/pipeline/mod.rs"]
mod pipeline;

use kafka_model::{Acks, Record};
use pipeline::{Pipeline, VALUE};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

/// The system allocator, counting the bytes currently allocated.
struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        LIVE.fetch_add(layout.size(), Relaxed);
        System.alloc(layout)
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        LIVE.fetch_sub(layout.size(), Relaxed);
        System.dealloc(ptr, layout)
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        LIVE.fetch_sub(layout.size(), Relaxed);
        LIVE.fetch_add(new_size, Relaxed);
        System.realloc(ptr, layout, new_size)
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

fn main() {
    let n: usize = std::env::args()
        .nth(1)
        .and_then(|a| a.parse().ok())
        .unwrap_or(200_000);
    let own = std::mem::size_of::<Record>() + 8 + VALUE.len();
    println!("records: {n}; size_of::<Record>() = {} B; key 8 B + value {} B on the heap → {own} B of payload and struct", std::mem::size_of::<Record>(), VALUE.len());
    for (label, rf, acks) in [
        ("RF 1, acks=1", 1, Acks::One),
        ("RF 3, acks=all", 3, Acks::All),
    ] {
        let mut pipeline = Pipeline::new(rf, acks);
        let before = LIVE.load(Relaxed);
        let started = std::time::Instant::now();
        pipeline.run(n);
        let elapsed = started.elapsed();
        pipeline.assert_done(n);
        let after = LIVE.load(Relaxed);
        let retained = pipeline.cluster.retained_record_count();
        let per = (after - before) as f64 / retained as f64;
        println!(
            "{label:<15} retained {retained:>8} records, live heap +{:>6.1} MiB → {per:>6.1} B per retained record ({:.0} records/s with the counting allocator)",
            (after - before) as f64 / (1024.0 * 1024.0),
            n as f64 / elapsed.as_secs_f64()
        );
    }
}
