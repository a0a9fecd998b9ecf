//! The primer, alive: each of its illustrations as a live scene on the playground's stage
//! and model — a preset, narration in both languages, quick actions, and "try this" items
//! that tick themselves off by watching the model.

pub mod actions;
pub mod catalog;
pub mod checks;
pub mod shop;
mod view;

pub use actions::{Action, Refusal};
pub use catalog::{by_id, Panels, Scene, StageKind, SCENES};
pub use view::{SceneCard, SceneNav};
