//! An in-memory [`KeyValueStore`] for tests, with a byte capacity to play "storage full"
//! and a write counter to prove that saving one entry writes one key.

use std::cell::{Cell, RefCell};
use std::collections::BTreeMap;
use std::rc::Rc;

use super::{KeyValueStore, StoreError};

/// Clones share the same data, as two handles on the browser's storage would.
#[derive(Clone, Default)]
pub struct MemoryStore {
    data: Rc<RefCell<BTreeMap<String, String>>>,
    capacity: Rc<Cell<Option<usize>>>,
    writes: Rc<Cell<usize>>,
}

impl MemoryStore {
    /// Limits the total size (keys and values, in bytes); `None` for no limit.
    pub fn set_capacity(&self, bytes: Option<usize>) {
        self.capacity.set(bytes);
    }

    pub fn write_count(&self) -> usize {
        self.writes.get()
    }

    fn used_without(&self, key: &str) -> usize {
        self.data
            .borrow()
            .iter()
            .filter(|(k, _)| k.as_str() != key)
            .map(|(k, v)| k.len() + v.len())
            .sum()
    }
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Option<String> {
        self.data.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(cap) = self.capacity.get() {
            if self.used_without(key) + key.len() + value.len() > cap {
                return Err(StoreError::Full);
            }
        }
        self.writes.set(self.writes.get() + 1);
        self.data
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.data.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.data.borrow().keys().cloned().collect()
    }
}
