//! The browser's local storage as a [`KeyValueStore`] (through gloo-storage's handle on
//! `window.localStorage`). Quota errors are told apart so the user hears "storage is full".

use gloo_storage::{LocalStorage, Storage};

use super::{KeyValueStore, StoreError};

#[derive(Clone, Copy, Default)]
pub struct BrowserStore;

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Option<String> {
        LocalStorage::raw().get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        LocalStorage::raw().set_item(key, value).map_err(|e| {
            let name = js_sys::Reflect::get(&e, &"name".into())
                .ok()
                .and_then(|n| n.as_string())
                .unwrap_or_default();
            if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" {
                StoreError::Full
            } else {
                StoreError::NotSaved
            }
        })
    }

    fn remove(&self, key: &str) {
        let _ = LocalStorage::raw().remove_item(key);
    }

    fn keys(&self) -> Vec<String> {
        let raw = LocalStorage::raw();
        let n = raw.length().unwrap_or(0);
        (0..n).filter_map(|i| raw.key(i).ok().flatten()).collect()
    }
}
