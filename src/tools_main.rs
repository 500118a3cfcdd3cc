//! Entry point of the tablet's second module (cong-cu.html): what a tablet does rarely,
//! kept out of what it loads every day. Everything else lives in the library.

#[cfg(target_arch = "wasm32")]
fn main() {
    doithoai::ui::mount_tools();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("doithoai is a web app: build it with `trunk build` (see README.md).");
}
