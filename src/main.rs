fn main() {
    console_error_panic_hook::set_once();
    // The analysis worker runs this same module; it only needs its exported
    // `analyseEncoded`, not the page.
    if diplomap_app::analyser::in_worker() {
        return;
    }
    leptos::mount::mount_to_body(diplomap_app::App);
}
