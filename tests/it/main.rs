//! Whole behaviours of the domain, as the village head and the office meet them: files in,
//! files out, bad files refused. One test binary (tests/it) keeps link times short.

mod backup;
mod dialogues;
mod encrypted_bundle;
mod fuzz;
mod grouping_quality;
mod migration;
mod office_import;
mod report;
mod results_file;
mod rounds;
mod session;
mod setup_file;
mod village_bundle;
