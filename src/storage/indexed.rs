//! IndexedDB as a [`KeyValueStore`] for the commune office, whose 10,000 petitions do not
//! fit local storage's quota (about 5 million characters per site in Chromium).
//!
//! IndexedDB only answers asynchronously, while the domain's store is synchronous. So the
//! whole store is read once at start-up into memory; reads come from that copy, writes
//! change it at once and wait in `pending` until [`IdbStore::flush`] commits them all in
//! one IndexedDB transaction: an import that writes several entries lands whole or not at
//! all. If the commit fails, the copy is put back as it was, so what the screen shows is
//! what is stored.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::rc::Rc;

use js_sys::{Array, Function, Promise};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransaction, IdbTransactionMode};

use super::{KeyValueStore, StoreError};

const STORE: &str = "kv";

/// A change waiting to be committed: the value before the first change since the last
/// commit (to put back on failure) and the value to write (`None` deletes).
struct Pending {
    before: Option<String>,
    after: Option<String>,
}

struct Inner {
    db: IdbDatabase,
    copy: RefCell<BTreeMap<String, String>>,
    pending: RefCell<BTreeMap<String, Pending>>,
}

/// Clones share the same database and copy.
#[derive(Clone)]
pub struct IdbStore {
    inner: Rc<Inner>,
}

fn error_of(value: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(value, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .unwrap_or_default();
    if name == "QuotaExceededError" {
        StoreError::Full
    } else {
        StoreError::NotSaved
    }
}

/// Waits for a request's result.
async fn finished(request: &IdbRequest) -> Result<JsValue, StoreError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok_request = request.clone();
        let ok = Closure::once_into_js(move || {
            let result = ok_request.result().unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &result);
        });
        let bad_request = request.clone();
        let bad = Closure::once_into_js(move || {
            let error: JsValue = bad_request.error().ok().flatten().into();
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        request.set_onsuccess(Some(ok.unchecked_ref()));
        request.set_onerror(Some(bad.unchecked_ref()));
    });
    JsFuture::from(promise).await.map_err(|e| error_of(&e))
}

/// Waits for a transaction to commit.
async fn committed(tx: &IdbTransaction) -> Result<(), StoreError> {
    let promise = Promise::new(&mut |resolve: Function, reject: Function| {
        let ok = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed_tx = tx.clone();
        let bad = Closure::once_into_js(move || {
            let error: JsValue = failed_tx.error().into();
            let _ = reject.call1(&JsValue::NULL, &error);
        });
        tx.set_oncomplete(Some(ok.unchecked_ref()));
        tx.set_onerror(Some(bad.unchecked_ref()));
        tx.set_onabort(Some(bad.unchecked_ref()));
    });
    JsFuture::from(promise)
        .await
        .map(|_| ())
        .map_err(|e| error_of(&e))
}

impl IdbStore {
    /// Opens (or creates) the database and reads all of it.
    pub async fn open(name: &str) -> Result<Self, StoreError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or(StoreError::NotSaved)?;
        let request = factory.open_with_u32(name, 1).map_err(|e| error_of(&e))?;
        let upgrade_request = request.clone();
        let upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrade_request.result() {
                let db: IdbDatabase = db.unchecked_into();
                if !db.object_store_names().contains(STORE) {
                    let _ = db.create_object_store(STORE);
                }
            }
        });
        request.set_onupgradeneeded(Some(upgrade.unchecked_ref()));
        let db: IdbDatabase = finished(&request).await?.unchecked_into();
        let tx = db.transaction_with_str(STORE).map_err(|e| error_of(&e))?;
        let store = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        let keys = finished(&store.get_all_keys().map_err(|e| error_of(&e))?).await?;
        let values = finished(&store.get_all().map_err(|e| error_of(&e))?).await?;
        let keys: Array = keys.unchecked_into();
        let values: Array = values.unchecked_into();
        let mut copy = BTreeMap::new();
        for (k, v) in keys.iter().zip(values.iter()) {
            if let (Some(k), Some(v)) = (k.as_string(), v.as_string()) {
                copy.insert(k, v);
            }
        }
        Ok(Self {
            inner: Rc::new(Inner {
                db,
                copy: RefCell::new(copy),
                pending: RefCell::new(BTreeMap::new()),
            }),
        })
    }

    fn note(&self, key: &str, after: Option<String>) {
        let before = self.inner.copy.borrow().get(key).cloned();
        self.inner
            .pending
            .borrow_mut()
            .entry(key.to_string())
            .or_insert(Pending {
                before,
                after: None,
            })
            .after = after;
    }

    /// Commits every change made since the last commit, in one transaction.
    pub async fn flush(&self) -> Result<(), StoreError> {
        let pending = std::mem::take(&mut *self.inner.pending.borrow_mut());
        if pending.is_empty() {
            return Ok(());
        }
        let result = self.write(&pending).await;
        if result.is_err() {
            let mut copy = self.inner.copy.borrow_mut();
            for (key, p) in pending {
                match p.before {
                    Some(v) => copy.insert(key, v),
                    None => copy.remove(&key),
                };
            }
        }
        result
    }

    async fn write(&self, pending: &BTreeMap<String, Pending>) -> Result<(), StoreError> {
        let tx = self
            .inner
            .db
            .transaction_with_str_and_mode(STORE, IdbTransactionMode::Readwrite)
            .map_err(|e| error_of(&e))?;
        let store: IdbObjectStore = tx.object_store(STORE).map_err(|e| error_of(&e))?;
        for (key, p) in pending {
            let key = JsValue::from_str(key);
            let request = match &p.after {
                Some(v) => store.put_with_key(&JsValue::from_str(v), &key),
                None => store.delete(&key),
            };
            if let Err(e) = request {
                let _ = tx.abort();
                return Err(error_of(&e));
            }
        }
        committed(&tx).await
    }
}

impl KeyValueStore for IdbStore {
    fn get(&self, key: &str) -> Option<String> {
        self.inner.copy.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), StoreError> {
        self.note(key, Some(value.to_string()));
        self.inner
            .copy
            .borrow_mut()
            .insert(key.to_string(), value.to_string());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.note(key, None);
        self.inner.copy.borrow_mut().remove(key);
    }

    fn keys(&self) -> Vec<String> {
        self.inner.copy.borrow().keys().cloned().collect()
    }
}
