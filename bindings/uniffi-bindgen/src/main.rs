//! The UniFFI bindings generator, pinned to the workspace's `uniffi` version.
//!
//! Generating from a separately installed `uniffi-bindgen` risks a version that
//! disagrees with the scaffolding compiled into the library; building it here
//! makes that impossible. Run it in library mode on the built `cdylib`.

fn main() {
    uniffi::uniffi_bindgen_main()
}
