//! Sorting with one copy of the sort code in the whole program.
//!
//! `slice::sort_by` is generic over the element and the comparison, so every call site
//! compiles its own copy of the standard library's sort (driftsort: one to five KB of
//! WebAssembly each). Twenty call sites came to ≈ 90 KB of the release wasm, about 6% of it,
//! for lists that hold a few dozen items. Here the standard sort runs once, over indices,
//! with the comparison behind `&mut dyn`; per element type only a small permutation loop is
//! compiled. The result is the same as `sort_by`: stable, O(n log n) comparisons, plus one
//! swap per misplaced element.

use std::cmp::Ordering;

/// Sorts `items` by `compare`, stably, exactly as `items.sort_by(compare)` would.
pub fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if items.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..items.len()).collect();
    {
        let view: &[T] = items;
        sort_indices(&mut order, &mut |a, b| compare(&view[a], &view[b]));
    }
    permute(items, &mut order);
}

/// Sorts `items` by the key `key` gives, stably, as `items.sort_by_key(key)` would.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` in their natural order, stably, as `items.sort()` would.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The one instantiation of the standard sort: indices compared through a trait object.
#[inline(never)]
fn sort_indices(order: &mut [usize], compare: &mut dyn FnMut(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| compare(a, b));
}

/// Moves `items[order[i]]` to position `i` for every `i`, following each cycle of the
/// permutation with swaps. `order` is used up (each visited slot is marked with its own
/// index).
fn permute<T>(items: &mut [T], order: &mut [usize]) {
    for start in 0..order.len() {
        let mut at = start;
        while order[at] != at {
            let from = order[at];
            order[at] = at;
            if from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// The same result as the standard library's stable sort, including the order of
        /// equal keys (the second field tells equal keys apart).
        #[test]
        fn same_as_std_sort_by_key(items in proptest::collection::vec((0u8..6, any::<u16>()), 0..80)) {
            let mut ours = items.clone();
            let mut std_sorted = items;
            sort_by_key(&mut ours, |&(k, _)| k);
            std_sorted.sort_by_key(|&(k, _)| k);
            prop_assert_eq!(ours, std_sorted);
        }

        #[test]
        fn same_as_std_sort(items in proptest::collection::vec(any::<i32>(), 0..80)) {
            let mut ours = items.clone();
            let mut std_sorted = items;
            sort(&mut ours);
            std_sorted.sort();
            prop_assert_eq!(ours, std_sorted);
        }
    }

    #[test]
    fn moves_owned_values_without_cloning() {
        let mut names = vec![String::from("c"), String::from("a"), String::from("b")];
        sort(&mut names);
        assert_eq!(names, ["a", "b", "c"]);
    }
}
