//! Ids to where they stand in a list: the one index that validation checks
//! ids with and the look-ups find them by.

use std::hash::Hash;

use rustc_hash::FxHashMap as HashMap;

/// Each id to its first position in `ids`: the first of a duplicate wins.
pub fn positions<K: Hash + Eq>(ids: impl IntoIterator<Item = K>) -> HashMap<K, usize> {
    let ids = ids.into_iter();
    let mut map = HashMap::with_capacity_and_hasher(ids.size_hint().0, Default::default());
    for (i, id) in ids.enumerate() {
        map.entry(id).or_insert(i);
    }
    map
}

/// Where the id at `i` was first met, if that was before `i`: a duplicate.
pub fn first_before<K: Hash + Eq>(
    positions: &HashMap<K, usize>,
    id: &K,
    i: usize,
) -> Option<usize> {
    positions.get(id).copied().filter(|&first| first < i)
}
