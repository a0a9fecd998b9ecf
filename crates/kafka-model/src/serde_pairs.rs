//! Serializes a map as a list of `(key, value)` pairs.
//!
//! JSON object keys must be strings, but many of the model's maps are keyed by
//! `TopicPartition` or tuples; as pairs, a whole-model snapshot still round-trips through JSON.
//! For any map that iterates as `(&K, &V)` and collects from `(K, V)`: the model's
//! `SortedMap` and the event queue's `BTreeMap`.

use serde::{Deserialize, Deserializer, Serialize, Serializer};

pub fn serialize<'a, M, K, V, S>(map: &'a M, s: S) -> Result<S::Ok, S::Error>
where
    &'a M: IntoIterator<Item = (&'a K, &'a V)>,
    K: Serialize + 'a,
    V: Serialize + 'a,
    S: Serializer,
{
    s.collect_seq(map)
}

pub fn deserialize<'de, M, K, V, D>(d: D) -> Result<M, D::Error>
where
    M: FromIterator<(K, V)>,
    K: Deserialize<'de> + Ord,
    V: Deserialize<'de>,
    D: Deserializer<'de>,
{
    Ok(Vec::<(K, V)>::deserialize(d)?.into_iter().collect())
}
