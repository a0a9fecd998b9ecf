//! Kafka Playground: the web app. A thin shell over `kafka_model` — it draws the model's
//! state, animates its happenings, and turns clicks into model commands. All Kafka behaviour
//! lives in the model crate; nothing here decides how Kafka behaves.

pub mod app;
pub mod browser;
pub mod embed;
pub mod export;
pub mod i18n;
pub mod live;
pub mod numbers;
pub mod panic_box;
pub mod playground;
pub mod scenes;
pub mod session;
pub mod share;
pub mod shell;
pub mod stage;

/// Test-only: what the browser component tests share (`mod browser_tests` in the views).
#[cfg(all(test, target_arch = "wasm32"))]
mod browser_test_support;

pub use app::App;

/// Version of the web app, from Cargo, shown in the footer.
pub const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
