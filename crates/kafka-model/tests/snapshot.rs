//! Loading untrusted snapshots: hand-made bad inputs are refused with the field named, and
//! random bytes or random edits of a real snapshot never panic — whatever is accepted
//! passes the invariants and runs on.
mod scripts;

use kafka_model::snapshot::{
    SnapshotError, MAX_SNAPSHOT_BYTES, MAX_SNAPSHOT_COUNTER, MAX_SNAPSHOT_MS, MAX_SNAPSHOT_NUMBER,
};
use kafka_model::*;
use proptest::prelude::*;
use proptest::strategy::Strategy;
use serde_json::{json, Value};
use std::sync::OnceLock;

/// A busy cluster: three brokers, two replicated topics, two groups, a producer with
/// batches open and events in flight.
fn busy() -> Cluster {
    let mut c = scripts::fresh(11);
    let p = 1;
    c.advance(3_000);
    for i in 0..20 {
        c.produce(
            p,
            ProducerRecord::text("orders", Some(&format!("k{i}")), "v"),
        )
        .unwrap();
    }
    c.advance(2_000);
    for i in 0..5 {
        c.produce(p, ProducerRecord::text("payments", None, &i.to_string()))
            .unwrap();
    }
    c.advance(50);
    c
}

fn busy_json() -> &'static Value {
    static JSON: OnceLock<Value> = OnceLock::new();
    JSON.get_or_init(|| serde_json::from_str(&busy().to_json().unwrap()).unwrap())
}

fn load(v: &Value) -> Result<Cluster, SnapshotError> {
    Cluster::from_json(&v.to_string())
}

/// Edits a copy of the busy snapshot and expects a refusal naming `field`.
fn refused(edit: impl FnOnce(&mut Value), field: &str) -> SnapshotError {
    let mut v = busy_json().clone();
    edit(&mut v);
    let err = load(&v).expect_err("the edited snapshot must be refused");
    assert!(
        err.field().is_some_and(|f| f.contains(field)),
        "expected a refusal naming `{field}`, got: {err}"
    );
    assert!(err.to_string().contains(field), "{err}");
    err
}

fn partition<'a>(v: &'a mut Value, topic: &str, p: usize) -> &'a mut Value {
    &mut v["topics"][topic]["partitions"][p]
}

#[test]
fn a_snapshot_of_a_busy_cluster_loads_back_equal() {
    let c = busy();
    let json = c.to_json().unwrap();
    assert_eq!(Cluster::from_json(&json).unwrap(), c);
    assert!(c.check_invariants().is_ok());
}

#[test]
fn input_that_is_not_json_is_refused_with_a_line_and_column() {
    for text in ["", "{", "{\"now\": 1,", "nul", "[1, 2", "{\"now\": 1}}"] {
        match Cluster::from_json(text) {
            Err(SnapshotError::Malformed { line, column, .. }) => {
                assert!(line >= 1 && column <= text.len() + 1, "{text:?}")
            }
            other => panic!("{text:?}: {other:?}"),
        }
    }
    let err = Cluster::from_json("{\n  \"now\": 1,\n  ").unwrap_err();
    assert_eq!(err.code(), "snapshot_malformed");
    assert!(err.to_string().contains("line 3"), "{err}");
}

#[test]
fn input_over_the_size_cap_is_refused_before_parsing() {
    let huge = " ".repeat(MAX_SNAPSHOT_BYTES + 1);
    assert_eq!(
        Cluster::from_json(&huge).unwrap_err(),
        SnapshotError::TooLarge {
            bytes: MAX_SNAPSHOT_BYTES + 1,
            maximum: MAX_SNAPSHOT_BYTES
        }
    );
}

#[test]
fn json_of_the_wrong_shape_names_the_field() {
    let err = Cluster::from_json("[]").unwrap_err();
    assert_eq!(err.code(), "snapshot_wrong_shape");
    let err = refused(|v| v["now"] = json!("soon"), "now");
    assert_eq!(err.code(), "snapshot_wrong_shape");
    refused(
        |v| v["topics"]["orders"]["partitions"][0]["leader"] = json!(-1),
        "topics.orders.partitions[0].leader",
    );
    refused(
        |v| {
            v.as_object_mut().unwrap().remove("brokers");
        },
        "brokers",
    );
}

#[test]
fn a_high_watermark_past_the_log_end_is_refused() {
    let err = refused(
        |v| {
            let p = partition(v, "orders", 0);
            let leo = p["log"]["log_end_offset"].as_u64().unwrap();
            p["high_watermark"] = json!(leo + 5);
        },
        "topics.orders.partitions[0].high_watermark",
    );
    assert_eq!(err.code(), "snapshot_invalid");
}

#[test]
fn offsets_with_a_gap_are_refused() {
    // Find a partition with at least two records and open a gap between them.
    let v = busy_json();
    let p = (0..3)
        .find(|p| {
            v["topics"]["orders"]["partitions"][*p]["log"]["records"]
                .as_array()
                .unwrap()
                .len()
                >= 2
        })
        .expect("a partition with two records");
    refused(
        |v| {
            let r = &mut partition(v, "orders", p)["log"]["records"][1]["offset"];
            *r = json!(r.as_u64().unwrap() + 1);
        },
        &format!("topics.orders.partitions[{p}].log.records[1].offset"),
    );
    refused(
        |v| {
            let records = partition(v, "orders", p)["log"]["records"]
                .as_array_mut()
                .unwrap();
            records.remove(0);
        },
        &format!("topics.orders.partitions[{p}].log.records"),
    );
}

#[test]
fn a_leader_outside_the_isr_and_an_isr_outside_the_replicas_are_refused() {
    let v = busy_json();
    let replicas: Vec<u64> =
        serde_json::from_value(v["topics"]["orders"]["partitions"][0]["replicas"].clone()).unwrap();
    let outsider = (1..=3).find(|b| !replicas.contains(b)).unwrap();
    refused(
        |v| partition(v, "orders", 0)["leader"] = json!(outsider),
        "topics.orders.partitions[0].leader",
    );
    refused(
        |v| partition(v, "orders", 0)["isr"] = json!([replicas[0], outsider]),
        "topics.orders.partitions[0].isr",
    );
    refused(
        |v| partition(v, "orders", 0)["isr"] = json!([]),
        "topics.orders.partitions[0].isr",
    );
}

#[test]
fn references_to_brokers_that_do_not_exist_are_refused() {
    refused(
        |v| partition(v, "orders", 1)["replicas"][1] = json!(7),
        "topics.orders.partitions[1].replicas",
    );
    refused(
        |v| {
            v["brokers"]["1"]["id"] = json!(2);
        },
        "brokers.1.id",
    );
}

#[test]
fn partitions_not_numbered_from_zero_are_refused() {
    refused(
        |v| partition(v, "orders", 1)["id"] = json!(5),
        "topics.orders.partitions[1].id",
    );
    refused(
        |v| {
            let ps = v["topics"]["orders"]["partitions"].as_array_mut().unwrap();
            ps.pop();
        },
        "topics.orders.config.partitions",
    );
}

#[test]
fn counts_over_the_playground_caps_are_refused() {
    refused(
        |v| {
            let brokers = v["brokers"].as_object_mut().unwrap();
            for id in 4..=10u32 {
                brokers.insert(id.to_string(), json!({ "id": id, "alive": true }));
            }
        },
        "brokers",
    );
    refused(
        |v| {
            let ps = v["topics"]["orders"]["partitions"].as_array_mut().unwrap();
            let first = ps[0].clone();
            while ps.len() <= 64 {
                ps.push(first.clone());
            }
        },
        "topics.orders.partitions",
    );
    refused(|v| v["now"] = json!(MAX_SNAPSHOT_MS + 1), "now");
    refused(
        |v| v["timing"]["client_latency_ms"] = json!(u64::MAX),
        "timing.client_latency_ms",
    );
}

#[test]
fn a_group_owning_a_partition_of_an_unknown_topic_is_refused() {
    refused(
        |v| {
            let members = v["groups"]["eager"]["members"].as_object_mut().unwrap();
            let member = members.values_mut().next().unwrap();
            member["owned"]
                .as_array_mut()
                .unwrap()
                .push(json!([{ "topic": "ghost", "partition": 0 }, { "position": 0, "token": 1 }]));
        },
        "groups.eager.members",
    );
}

#[test]
fn two_members_owning_one_partition_are_refused() {
    let mut c = busy();
    c.add_member("eager", "m", vec!["orders".into()]).unwrap();
    c.advance(5_000);
    let mut v: Value = serde_json::from_str(&c.to_json().unwrap()).unwrap();
    let members = v["groups"]["eager"]["members"].as_object_mut().unwrap();
    assert!(members.len() >= 2);
    let taken = members
        .values()
        .find_map(|m| m["owned"].as_array().unwrap().first().cloned())
        .expect("someone owns a partition");
    for m in members.values_mut() {
        let owned = m["owned"].as_array_mut().unwrap();
        if !owned.contains(&taken) {
            owned.push(taken.clone());
        }
    }
    let err = load(&v).unwrap_err();
    assert!(err.to_string().contains("another member"), "{err}");
}

#[test]
fn scheduled_events_naming_things_never_created_are_refused() {
    let queue_index = |v: &Value, kind: &str| {
        v["schedule"]["queue"]
            .as_array()
            .unwrap()
            .iter()
            .position(|e| e[1].get(kind).is_some())
    };
    let v = busy_json();
    let i = queue_index(v, "Heartbeat").expect("a heartbeat is scheduled");
    refused(
        |v| v["schedule"]["queue"][i][0][0] = json!(0),
        "schedule.queue",
    );
    refused(
        |v| {
            let next = v["schedule"]["next_seq"].as_u64().unwrap();
            v["schedule"]["queue"][i][0][1] = json!(next);
        },
        "schedule.queue",
    );
    // A replica fetch names a follower broker and a topic id.
    if let Some(i) = queue_index(v, "ReplicaFetchArrives") {
        refused(
            |v| v["schedule"]["queue"][i][1]["ReplicaFetchArrives"]["follower"] = json!(8),
            "schedule.queue",
        );
        refused(
            |v| v["schedule"]["queue"][i][1]["ReplicaFetchArrives"]["topic_id"] = json!(99),
            "schedule.queue",
        );
    }
    // A producer id the counter never reached.
    let mut v = v.clone();
    let seq = v["schedule"]["next_seq"].as_u64().unwrap();
    let now = v["now"].as_u64().unwrap();
    v["schedule"]["next_seq"] = json!(seq + 1);
    v["schedule"]["queue"]
        .as_array_mut()
        .unwrap()
        .push(json!([[now + 1, seq], { "AutoProduce": { "producer": 42, "epoch": 1 } }]));
    let err = load(&v).unwrap_err();
    assert!(err.to_string().contains("producer 42"), "{err}");
}

// ---------------------------------------------------------------- fuzzing

/// Every leaf of a JSON tree, as a path of object keys and array indexes.
fn leaves(v: &Value, path: &mut Vec<Value>, out: &mut Vec<Vec<Value>>) {
    match v {
        Value::Object(map) => {
            out.push(path.clone());
            for (k, child) in map {
                path.push(json!(k));
                leaves(child, path, out);
                path.pop();
            }
        }
        Value::Array(items) => {
            out.push(path.clone());
            for (i, child) in items.iter().enumerate() {
                path.push(json!(i));
                leaves(child, path, out);
                path.pop();
            }
        }
        _ => out.push(path.clone()),
    }
}

fn at<'a>(v: &'a mut Value, path: &[Value]) -> &'a mut Value {
    path.iter().fold(v, |v, seg| match seg {
        Value::String(k) => &mut v[k.as_str()],
        Value::Number(i) => &mut v[i.as_u64().unwrap() as usize],
        _ => unreachable!(),
    })
}

#[derive(Clone, Debug)]
enum Edit {
    /// Replace with a number near the old one, or an extreme.
    Number(usize, i64),
    Extreme(usize, u8),
    /// Remove an array element or an object field.
    Remove(usize),
    /// Duplicate an array element.
    Duplicate(usize),
    Null(usize),
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        4 => (any::<usize>(), -3..4i64).prop_map(|(i, d)| Edit::Number(i, d)),
        1 => (any::<usize>(), any::<u8>()).prop_map(|(i, k)| Edit::Extreme(i, k)),
        2 => any::<usize>().prop_map(Edit::Remove),
        1 => any::<usize>().prop_map(Edit::Duplicate),
        1 => any::<usize>().prop_map(Edit::Null),
    ]
}

fn apply(v: &mut Value, e: &Edit) {
    let mut all = Vec::new();
    leaves(v, &mut Vec::new(), &mut all);
    let pick = |i: usize| all[i % all.len()].clone();
    match *e {
        Edit::Number(i, d) => {
            let path = pick(i);
            let leaf = at(v, &path);
            if let Some(n) = leaf.as_u64() {
                *leaf = json!((n as i64).saturating_add(d).max(0));
            } else if let Some(b) = leaf.as_bool() {
                *leaf = json!(!b);
            }
        }
        Edit::Extreme(i, k) => {
            let extremes = [
                0,
                1,
                u32::MAX as u64,
                u64::MAX,
                1 << 50,
                (1 << 50) + 1,
                65,
                10,
            ];
            *at(v, &pick(i)) = json!(extremes[k as usize % extremes.len()]);
        }
        Edit::Remove(i) | Edit::Duplicate(i) => {
            let path = pick(i);
            let Some((last, parent)) = path.split_last() else {
                return;
            };
            let parent = at(v, parent);
            match (parent, last) {
                (Value::Array(items), Value::Number(n)) => {
                    let n = n.as_u64().unwrap() as usize;
                    if matches!(e, Edit::Remove(_)) {
                        items.remove(n);
                    } else {
                        let copy = items[n].clone();
                        items.insert(n, copy);
                    }
                }
                (Value::Object(map), Value::String(k)) if matches!(e, Edit::Remove(_)) => {
                    map.remove(k);
                }
                _ => {}
            }
        }
        Edit::Null(i) => *at(v, &pick(i)) = Value::Null,
    }
}

/// Whatever loads is a cluster the model can run: it passes the invariants, survives a
/// snapshot round trip, and runs on for a simulated minute without panicking.
fn runs_on(mut c: Cluster) {
    assert!(c.check_invariants().is_ok());
    let again = Cluster::from_json(&c.to_json().unwrap()).expect("reloads");
    assert_eq!(again, c);
    for _ in 0..30 {
        c.advance(2_000);
    }
    let _ = c.produce(1, ProducerRecord::text("orders", Some("k"), "v"));
    c.advance(10_000);
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn random_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let text = String::from_utf8_lossy(&bytes);
        if let Ok(c) = Cluster::from_json(&text) {
            runs_on(c);
        }
    }

    #[test]
    fn random_edits_of_a_real_snapshot_are_refused_or_run_on(edits in proptest::collection::vec(edit(), 1..4)) {
        let mut v = busy_json().clone();
        for e in &edits {
            apply(&mut v, e);
        }
        if let Ok(c) = load(&v) {
            runs_on(c);
        }
    }

    #[test]
    fn random_byte_flips_of_a_real_snapshot_never_panic(flips in proptest::collection::vec((any::<usize>(), any::<u8>()), 1..4)) {
        let mut bytes = busy_json().to_string().into_bytes();
        for (i, b) in flips {
            let n = bytes.len();
            bytes[i % n] = b;
        }
        if let Ok(c) = Cluster::from_json(&String::from_utf8_lossy(&bytes)) {
            runs_on(c);
        }
    }
}

/// The edit fuzzer is not vacuous: many single edits (a count nudged, a flag flipped) still
/// describe a possible cluster, are accepted, and run on.
#[test]
fn many_single_edits_are_accepted_and_run_on() {
    use proptest::strategy::ValueTree;
    use proptest::test_runner::{Config, TestRng, TestRunner};
    let mut runner = TestRunner::new_with_rng(
        Config::default(),
        TestRng::deterministic_rng(Config::default().rng_algorithm),
    );
    let (mut accepted, tries) = (0, 300);
    for _ in 0..tries {
        let e = edit().new_tree(&mut runner).unwrap().current();
        let mut v = busy_json().clone();
        apply(&mut v, &e);
        if let Ok(c) = load(&v) {
            accepted += 1;
            runs_on(c);
        }
    }
    assert!(
        accepted > tries / 10,
        "only {accepted} of {tries} edits were accepted"
    );
    assert!(
        accepted < tries,
        "every edit was accepted: the checks see nothing"
    );
}

/// Found by `random_edits_of_a_real_snapshot_are_refused_or_run_on`: a snapshot whose id
/// counter sits at u64::MAX loaded, then overflowed on the next id. It is refused now.
#[test]
fn id_counters_at_their_limit_are_refused() {
    let mut c = Cluster::new(1, 3).unwrap();
    c.create_topic("orders", TopicConfig::default()).unwrap();
    c.advance(1_000);
    let good = c.to_json().unwrap();
    for counter in [
        "happening",
        "batch",
        "member",
        "topic",
        "producer",
        "consumer",
    ] {
        let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
        v["ids"][counter] = serde_json::json!(u64::MAX);
        let text = v.to_string();
        assert!(
            Cluster::from_json(&text).is_err(),
            "ids.{counter} = u64::MAX must be refused"
        );
    }
    // The same for the schedule's sequence counter (found the same way, a session later).
    let mut v: serde_json::Value = serde_json::from_str(&good).unwrap();
    v["schedule"]["next_seq"] = serde_json::json!(u64::MAX);
    let refused = Cluster::from_json(&v.to_string()).unwrap_err();
    assert!(
        refused.to_string().contains("schedule.next_seq"),
        "{refused}"
    );
    assert!(Cluster::from_json(&good).is_ok());
}

/// Found by `random_edits_of_a_real_snapshot_are_refused_or_run_on` (`Extreme(…, 11)`: a
/// member's `records_delivered` set to u64::MAX): the snapshot loaded, and the next fetch
/// overflowed adding the records it delivered. It is refused now, naming the field.
#[test]
fn a_delivered_count_at_the_u64_limit_is_refused() {
    let path = "groups.eager.members.m-1.records_delivered";
    let err = refused(
        |v| v["groups"]["eager"]["members"]["m-1"]["records_delivered"] = json!(u64::MAX),
        path,
    );
    assert_eq!(err.code(), "snapshot_invalid");
    // The largest count a snapshot may hold loads, and the model counts on from it.
    let mut v = busy_json().clone();
    v["groups"]["eager"]["members"]["m-1"]["records_delivered"] = json!(MAX_SNAPSHOT_NUMBER);
    runs_on(load(&v).expect("a count at the cap loads"));
}

/// Names the field being tried when a run on panics (the panic message alone would not).
struct Trying(String);

impl Drop for Trying {
    fn drop(&mut self) {
        if std::thread::panicking() {
            eprintln!("the model panicked running on with {}", self.0);
        }
    }
}

/// [`runs_on`], plus what moves the counters a plain run leaves alone: a leader dies and
/// comes back (leader epochs), a member joins (generations), a producer retries (attempts).
fn runs_on_through_failures(mut c: Cluster) {
    runs_on(c.clone());
    let _ = c.kill_broker(1);
    let _ = c.produce(1, ProducerRecord::text("orders", Some("k"), "v"));
    c.advance(15_000);
    let _ = c.revive_broker(1);
    // A newcomer makes each group rebalance: a new generation.
    for group in ["eager", "coop"] {
        let _ = c.add_member(group, "c", vec!["orders".into()]);
    }
    c.advance(60_000);
}

/// The class behind the three overflows above, checked field by field rather than by
/// chance: every number in a busy snapshot (one of each field, array positions aside), set
/// to the edges of what a loader might let through, is refused or runs on without panicking.
#[test]
fn every_number_at_its_extremes_is_refused_or_runs_on() {
    let base = busy_json().clone();
    let mut all = Vec::new();
    leaves(&base, &mut Vec::new(), &mut all);
    let mut shapes = std::collections::BTreeSet::new();
    let mut tried = 0;
    for path in all {
        let mut v = base.clone();
        if !at(&mut v, &path).is_u64() {
            continue;
        }
        // One leaf per field: `partitions[0].high_watermark` stands for every partition's.
        let shape: Vec<String> = path
            .iter()
            .map(|s| {
                if s.is_u64() {
                    "*".into()
                } else {
                    s.to_string()
                }
            })
            .collect();
        if !shapes.insert(shape.join(".")) {
            continue;
        }
        for x in [
            MAX_SNAPSHOT_COUNTER,
            u64::from(u32::MAX),
            MAX_SNAPSHOT_NUMBER,
            MAX_SNAPSHOT_NUMBER + 1,
            u64::MAX,
        ] {
            let mut v = base.clone();
            *at(&mut v, &path) = json!(x);
            if let Ok(c) = load(&v) {
                tried += 1;
                let _trying = Trying(format!("{} = {x}", shape.join(".")));
                runs_on_through_failures(c);
            }
        }
    }
    println!(
        "{} fields, {tried} extreme values loaded and run on",
        shapes.len()
    );
    assert!(
        shapes.len() > 100,
        "the busy snapshot has few fields: {}",
        shapes.len()
    );
}
