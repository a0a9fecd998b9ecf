//! The stage: the live cluster drawn as SVG from the model's state, with every happening in
//! flight animated on top. `layout` (pure) says where things sit, `flights` where each
//! message is; the components only draw.

mod cluster_view;
pub mod colors;
pub mod direct_view;
mod flight_layer;
pub mod flights;
pub mod frames;
pub mod layout;

pub use cluster_view::ClusterView;
pub use flight_layer::FlightLayer;
pub use frames::{use_frames, use_frames_when, FrameBus};
