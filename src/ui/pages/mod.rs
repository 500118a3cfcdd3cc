//! One file per screen. Pages compose small pieces and call [`super::state::AppState`]
//! actions; they hold no rules of their own.

pub mod backup;
pub mod export;
pub mod meeting;
pub mod petitions;
pub mod settings;
pub mod welcome;
