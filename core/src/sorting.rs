//! Stable sorting with one copy of the sorting code.
//!
//! `slice::sort_by` and its kin are generic over the element and the
//! comparison, so every call with its own closure compiles another copy of
//! the standard library's sort: about 4.5 KB of machine code each, some
//! thirty times over in the mobile library. These helpers sort positions
//! instead, through one comparison type, then move the elements into that
//! order: the same stable order as the standard sorts, with the sort itself
//! compiled once. The lists sorted here are a person's log (thousands of
//! entries at most), where the indirection costs nothing noticeable.
//!
//! Every crate of the workspace sorts through here: `clippy.toml` at the
//! workspace root forbids the standard slice sorts, so a new call cannot
//! bring another copy back unnoticed. The module is public so that the
//! bindings, the CLI and the tests can follow the same rule.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`, as `slice::sort_by` does.
pub fn sort_by<T>(items: &mut [T], compare: impl Fn(&T, &T) -> Ordering) {
    let order = stable_order(items.len(), &|a, b| match (items.get(a), items.get(b)) {
        (Some(a), Some(b)) => compare(a, b),
        _ => Ordering::Equal,
    });
    permute(items, order);
}

/// Sorts `items` stably by the key `key` gives, as `slice::sort_by_key`
/// does.
pub fn sort_by_key<T, K: Ord>(items: &mut [T], key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably in their natural order, as `slice::sort` does.
pub fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The positions `0..len`, stably sorted by `compare`: the one place the
/// standard sort is compiled for.
fn stable_order(len: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..len).collect();
    #[allow(
        clippy::disallowed_methods,
        reason = "the one call the shared sort is built on"
    )]
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items so that position `k` holds the item that was at
/// `order[k]`, one cycle of the permutation at a time.
fn permute<T>(items: &mut [T], mut order: Vec<usize>) {
    const PLACED: usize = usize::MAX;
    for start in 0..order.len() {
        let mut at = start;
        while let Some(slot) = order.get_mut(at) {
            let from = std::mem::replace(slot, PLACED);
            if from == PLACED || from == start {
                break;
            }
            items.swap(at, from);
            at = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        #[test]
        #[allow(
            clippy::disallowed_methods,
            reason = "the standard sorts are the oracle the shared ones must match"
        )]
        fn sorts_like_the_standard_stable_sort(items in proptest::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|item| item.0);
            let mut sorted = items.clone();
            super::sort_by_key(&mut sorted, |item| item.0);
            prop_assert_eq!(&sorted, &expected);
            let mut natural = items;
            super::sort(&mut natural);
            expected.sort();
            prop_assert_eq!(natural, expected);
        }
    }
}
