//! The domain: what the app knows about petitions, villages and the files between them.
//! Plain Rust with no knowledge of the browser, Leptos or storage; tested natively.

pub mod bundle;
pub mod deadline;
pub mod grouping;
pub mod json;
pub mod legacy;
pub mod office;
pub mod official;
pub mod passphrase;
pub mod petition;
pub mod report;
pub mod round;
pub mod search;
pub mod session;
pub mod text;
pub mod time;
pub mod village;
