//! The flow view: the stage drawn as the primer draws it — services and topics, each topic a
//! log of numbered records, each reader's position in it — beside the cluster view (brokers
//! and replicas). Both are drawn from the same model state and animated by the same
//! happenings; `layout` (pure, tested) says where things sit, `flights` where messages fly.

mod flights;
pub mod layout;
mod view;

pub use flights::flight_of as flow_flight_of;
pub use layout::FlowLayout;
pub use view::FlowView;
