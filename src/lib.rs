//! doithoai: the commune Chairman's dialogue with citizens, as an offline web app.
//!
//! [`domain`] holds the rules and file formats, [`storage`] keeps them in the browser one
//! entry at a time, [`i18n`] holds every string a person reads, and `ui` (built for the
//! browser only) shows state and forwards what the user does. docs/ARCHITECTURE.md maps it.

pub mod domain;
pub mod i18n;
pub mod storage;
#[cfg(target_arch = "wasm32")]
pub mod ui;

/// The app's version, written into every exported file.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
