//! One component: a number and a button that increments it.

#[cfg(target_arch = "wasm32")]
mod page {
    use leptos::prelude::*;

    #[component]
    pub fn Counter() -> impl IntoView {
        let count = RwSignal::new(0u32);
        view! {
            <main>
                <p>"Count: " <span data-testid="count">{move || count.get()}</span></p>
                <button data-testid="increment" on:click=move |_| count.update(|n| *n += 1)>"+1"</button>
            </main>
        }
    }
}

#[cfg(target_arch = "wasm32")]
fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(page::Counter);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("A page: build it with `trunk build --release --offline` in bench/minimal.");
}
