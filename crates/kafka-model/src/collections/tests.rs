//! Every operation checked against the standard library's `BTreeMap` / `BTreeSet`: the same
//! answers, the same contents in the same order, after any sequence of operations.

use super::*;
use proptest::prelude::*;
use std::collections::{BTreeMap, BTreeSet};

#[derive(Clone, Debug)]
enum MapOp {
    Insert(u8, u16),
    Remove(u8),
    EntryOrDefault(u8),
    EntryAndModify(u8),
    Retain(u8),
    PopFirst,
    PopLast,
    Append(Vec<(u8, u16)>),
}

fn map_op() -> impl Strategy<Value = MapOp> {
    prop_oneof![
        (0u8..24, any::<u16>()).prop_map(|(k, v)| MapOp::Insert(k, v)),
        (0u8..24).prop_map(MapOp::Remove),
        (0u8..24).prop_map(MapOp::EntryOrDefault),
        (0u8..24).prop_map(MapOp::EntryAndModify),
        (1u8..5).prop_map(MapOp::Retain),
        Just(MapOp::PopFirst),
        Just(MapOp::PopLast),
        proptest::collection::vec((0u8..24, any::<u16>()), 0..6).prop_map(MapOp::Append),
    ]
}

proptest! {
    #[test]
    fn map_behaves_as_btreemap(
        start in proptest::collection::vec((0u8..24, any::<u16>()), 0..20),
        ops in proptest::collection::vec(map_op(), 0..60),
    ) {
        let mut ours: SortedMap<u8, u16> = start.iter().copied().collect();
        let mut oracle: BTreeMap<u8, u16> = start.iter().copied().collect();
        for op in ops {
            match op {
                MapOp::Insert(k, v) => prop_assert_eq!(ours.insert(k, v), oracle.insert(k, v)),
                MapOp::Remove(k) => prop_assert_eq!(ours.remove(&k), oracle.remove(&k)),
                MapOp::EntryOrDefault(k) => {
                    let ours = ours.entry(k).or_default();
                    *ours = ours.wrapping_add(1);
                    let oracle = oracle.entry(k).or_default();
                    *oracle = oracle.wrapping_add(1);
                }
                MapOp::EntryAndModify(k) => {
                    ours.entry(k).and_modify(|v| *v = v.wrapping_mul(3)).or_insert(7);
                    oracle.entry(k).and_modify(|v| *v = v.wrapping_mul(3)).or_insert(7);
                }
                MapOp::Retain(m) => {
                    ours.retain(|k, v| (*k as u16).wrapping_add(*v) % m as u16 != 0);
                    oracle.retain(|k, v| (*k as u16).wrapping_add(*v) % m as u16 != 0);
                }
                MapOp::PopFirst => prop_assert_eq!(ours.pop_first(), oracle.pop_first()),
                MapOp::PopLast => prop_assert_eq!(ours.pop_last(), oracle.pop_last()),
                MapOp::Append(pairs) => {
                    let mut a: SortedMap<u8, u16> = pairs.iter().copied().collect();
                    let mut b: BTreeMap<u8, u16> = pairs.iter().copied().collect();
                    ours.append(&mut a);
                    oracle.append(&mut b);
                    prop_assert!(a.is_empty());
                }
            }
            prop_assert!(strictly_sorted(&ours));
            prop_assert_eq!(ours.len(), oracle.len());
            prop_assert!(ours.iter().eq(oracle.iter()));
            prop_assert_eq!(ours.first_key_value(), oracle.first_key_value());
            prop_assert_eq!(ours.last_key_value(), oracle.last_key_value());
            for k in 0u8..24 {
                prop_assert_eq!(ours.get(&k), oracle.get(&k));
                prop_assert_eq!(ours.contains_key(&k), oracle.contains_key(&k));
            }
        }
    }

    /// Duplicate keys in the input: the last value wins, as in `BTreeMap`'s `FromIterator`.
    #[test]
    fn map_from_iter_keeps_the_last_of_equal_keys(
        pairs in proptest::collection::vec((0u8..10, any::<u16>()), 0..40),
    ) {
        let ours: SortedMap<u8, u16> = pairs.iter().copied().collect();
        let oracle: BTreeMap<u8, u16> = pairs.iter().copied().collect();
        prop_assert!(ours.iter().eq(oracle.iter()));
    }

    /// The same JSON as `BTreeMap` and `BTreeSet`, both ways.
    #[test]
    fn serde_form_is_the_btree_form(
        pairs in proptest::collection::vec((0u8..30, any::<u16>()), 0..20),
    ) {
        let ours: SortedMap<String, u16> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let oracle: BTreeMap<String, u16> = pairs.iter().map(|(k, v)| (k.to_string(), *v)).collect();
        let json = serde_json::to_string(&oracle).unwrap();
        prop_assert_eq!(serde_json::to_string(&ours).unwrap(), json.clone());
        prop_assert_eq!(serde_json::from_str::<SortedMap<String, u16>>(&json).unwrap(), ours);

        let set: SortedSet<u8> = pairs.iter().map(|(k, _)| *k).collect();
        let oracle_set: BTreeSet<u8> = pairs.iter().map(|(k, _)| *k).collect();
        let json = serde_json::to_string(&oracle_set).unwrap();
        prop_assert_eq!(serde_json::to_string(&set).unwrap(), json.clone());
        prop_assert_eq!(serde_json::from_str::<SortedSet<u8>>(&json).unwrap(), set);
    }

    #[test]
    fn set_behaves_as_btreeset(
        start in proptest::collection::vec(0u8..24, 0..20),
        ops in proptest::collection::vec((0u8..3, 0u8..24), 0..60),
    ) {
        let mut ours: SortedSet<u8> = start.iter().copied().collect();
        let mut oracle: BTreeSet<u8> = start.iter().copied().collect();
        for (op, x) in ops {
            match op {
                0 => prop_assert_eq!(ours.insert(x), oracle.insert(x)),
                1 => prop_assert_eq!(ours.remove(&x), oracle.remove(&x)),
                _ => {
                    ours.retain(|v| v % (x % 5 + 1) != 0);
                    oracle.retain(|v| v % (x % 5 + 1) != 0);
                }
            }
            prop_assert!(ours.iter().eq(oracle.iter()));
            prop_assert!(ours.iter().zip(ours.iter().skip(1)).all(|(a, b)| a < b));
            prop_assert_eq!(ours.first(), oracle.first());
            prop_assert_eq!(ours.last(), oracle.last());
            let half: SortedSet<u8> = ours.iter().copied().filter(|v| v % 2 == 0).collect();
            prop_assert!(half.is_subset(&ours));
            prop_assert_eq!(ours.is_subset(&half), ours.len() == half.len());
        }
    }
}

#[test]
fn entries_of_an_unsorted_json_object_are_sorted() {
    let map: SortedMap<String, u8> = serde_json::from_str(r#"{"b": 2, "a": 1, "b": 3}"#).unwrap();
    assert_eq!(
        map.iter().collect::<Vec<_>>(),
        [(&"a".to_string(), &1), (&"b".to_string(), &3)]
    );
}
