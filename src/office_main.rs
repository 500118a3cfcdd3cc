//! Entry point of the commune office's app: a second wasm module, so the village tablet's
//! download stays small. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    doithoai::ui::office::mount();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("doithoai-office is a web app: build it with scripts/build.sh (see README.md).");
}
