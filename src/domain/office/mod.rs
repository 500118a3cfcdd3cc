//! The commune office's side: its dialogues, one under way and those closed
//! ([`dialogue`]), the dialogue it defines, the setup file it hands the
//! villages ([`setup`]), the register of every village's petitions it imports and works on
//! ([`register`]) and which villages have sent it ([`arrivals`]), how that register is
//! stored ([`records`]), and the import's rehearsal while the office is idle
//! ([`rehearsal`]).

pub mod arrivals;
pub mod compiled;
pub mod denunciation;
pub mod dialogue;
pub mod history;
pub mod list;
pub mod records;
pub mod register;
pub mod rehearsal;
pub mod setup;
