//! The commune office's side: the dialogue it defines, the setup file it hands the
//! villages ([`setup`]), the register of every village's petitions it imports and works on
//! ([`register`]), and how that register is stored ([`records`]).

pub mod list;
pub mod records;
pub mod register;
pub mod setup;
