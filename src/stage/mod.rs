//! The stage: the live model drawn as SVG from its state — as the cluster (brokers and
//! replicas, `cluster_view`) or as the flow of data (services and topics as logs, `flow`) —
//! with every happening in flight animated on top. `layout` and `flow::layout` (pure) say
//! where things sit, `flights` where each message is; the components only draw.

mod cluster_view;
pub mod colors;
pub mod direct_view;
mod flight_layer;
pub mod flights;
pub mod flow;
pub mod frames;
pub mod layout;
pub mod map;
mod svg;

pub use cluster_view::ClusterView;
pub use flight_layer::FlightLayer;
pub use flow::{FlowLayout, FlowView};
pub use frames::{use_frames, use_frames_when, FrameBus};
pub use map::{StageMap, View};
