//! The three-way merge every kind of sidecar record shares (notes, review marks, false-positive marks):
//! records by key, with what is needed to merge with other writers — the keys and change times last read
//! from or written to the sidecar (the merge base), and the keys deleted here since.

use std::collections::{BTreeMap, BTreeSet};

/// A record the sidecar stores and merges.
pub trait Record: Clone + PartialEq {
    /// What tells two records apart (a note's id; a mark's subject).
    fn key(&self) -> String;
    /// When the record last changed (RFC 3339, UTC): the later change wins when two copies meet.
    fn changed(&self) -> &str;
}

/// Records of one kind, by key, with their merge base and pending deletions.
#[derive(Debug, Clone, PartialEq)]
pub struct Records<T> {
    items: BTreeMap<String, T>,
    base: BTreeMap<String, String>,
    deleted: BTreeSet<String>,
}

impl<T> Default for Records<T> {
    fn default() -> Self {
        Records { items: BTreeMap::new(), base: BTreeMap::new(), deleted: BTreeSet::new() }
    }
}

impl<T: Record> Records<T> {
    /// The records, ordered by key.
    pub fn iter(&self) -> impl Iterator<Item = &T> {
        self.items.values()
    }

    /// How many records.
    pub fn len(&self) -> usize {
        self.items.len()
    }

    /// No records.
    pub fn is_empty(&self) -> bool {
        self.items.is_empty()
    }

    /// A record by key.
    pub fn get(&self, key: &str) -> Option<&T> {
        self.items.get(key)
    }

    /// Add a record or replace the one with its key.
    pub fn upsert(&mut self, record: T) {
        let key = record.key();
        self.deleted.remove(&key);
        self.items.insert(key, record);
    }

    /// Delete a record; the deletion reaches the sidecar on the next save.
    pub fn remove(&mut self, key: &str) -> Option<T> {
        let removed = self.items.remove(key);
        if removed.is_some() {
            self.deleted.insert(key.to_owned());
        }
        removed
    }

    /// Merge what another writer saved (`disk`), three-way against the merge base: records only here
    /// are kept unless they were saved before and someone deleted them since (and they were not changed
    /// here); records only on disk are taken unless deleted here; when both sides have a record, the one
    /// changed last wins. What was read becomes the new merge base; deletions made here stay pending
    /// until [`Records::mark_saved`].
    pub fn merge_saved(&mut self, disk: Vec<T>) {
        let disk: BTreeMap<String, T> = disk.into_iter().map(|r| (r.key(), r)).collect();
        let mut merged = BTreeMap::new();
        for (key, theirs) in &disk {
            // A deletion here wins over the record as it was, not over a change made elsewhere since.
            let unchanged_there = self.base.get(key).is_some_and(|seen| seen == theirs.changed());
            if self.deleted.contains(key) && unchanged_there {
                continue;
            }
            let winner = match self.items.get(key) {
                Some(mine) if mine.changed() > theirs.changed() => mine.clone(),
                _ => theirs.clone(),
            };
            merged.insert(key.clone(), winner);
        }
        for (key, mine) in &self.items {
            if disk.contains_key(key) {
                continue;
            }
            let deleted_elsewhere = self.base.get(key).is_some_and(|saved| saved == mine.changed());
            if !deleted_elsewhere {
                merged.insert(key.clone(), mine.clone());
            }
        }
        self.items = merged;
        self.base = disk.iter().map(|(key, r)| (key.clone(), r.changed().to_owned())).collect();
    }

    /// Take in records from another file (a data-directory copy, a recovered-notes file) as changes made
    /// here: each one that is new, or newer than the copy here, is added. Returns how many were.
    pub fn absorb(&mut self, extra: Vec<T>) -> usize {
        let mut taken = 0;
        for record in extra {
            if self.items.get(&record.key()).is_none_or(|mine| mine.changed() < record.changed()) {
                self.upsert(record);
                taken += 1;
            }
        }
        taken
    }

    /// Forget what was last read: every record here counts as not yet saved.
    pub fn forget_base(&mut self) {
        self.base.clear();
    }

    /// The records were written: they are now the merge base, and no deletion is pending.
    pub fn mark_saved(&mut self) {
        self.deleted.clear();
        self.base = self.items.iter().map(|(key, r)| (key.clone(), r.changed().to_owned())).collect();
    }

    /// The records as a list ordered by key.
    pub fn to_vec(&self) -> Vec<T> {
        self.items.values().cloned().collect()
    }
}
