//! Which drawing the stage shows — the cluster (brokers and replicas) or the flow (services
//! and topics as logs) — and, for the dots flying over it, where each message starts and
//! lands in that drawing.

use super::flights::{flight_of, Flight};
use super::flow::{flow_flight_of, FlowLayout};
use super::layout::Layout;
use kafka_model::{Cluster, Happening};
use std::rc::Rc;

/// The two drawings of the stage.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    /// Brokers holding partition replicas, the controller: where the data lives.
    Cluster,
    /// Producers, topics as logs, readers and their positions: where the data goes.
    Flow,
}

impl View {
    /// How it is remembered (the free playground keeps the learner's choice).
    pub fn code(self) -> &'static str {
        match self {
            View::Cluster => "cluster",
            View::Flow => "flow",
        }
    }

    pub fn from_code(code: &str) -> Option<View> {
        match code {
            "cluster" => Some(View::Cluster),
            "flow" => Some(View::Flow),
            _ => None,
        }
    }
}

/// The stage's drawing and its layout. Equal when it is the very same layout (one computed
/// per redraw), which is all the flight cache needs to know.
#[derive(Clone, Debug)]
pub enum StageMap {
    Cluster(Rc<Layout>),
    Flow(Rc<FlowLayout>),
}

impl PartialEq for StageMap {
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (StageMap::Cluster(a), StageMap::Cluster(b)) => Rc::ptr_eq(a, b),
            (StageMap::Flow(a), StageMap::Flow(b)) => Rc::ptr_eq(a, b),
            _ => false,
        }
    }
}

impl StageMap {
    /// The drawing's size in stage units (its SVG `viewBox`).
    pub fn size(&self) -> (f64, f64) {
        match self {
            StageMap::Cluster(l) => (l.width, l.height),
            StageMap::Flow(l) => (l.width, l.height),
        }
    }

    /// The flight `h` draws in this view, if any.
    pub fn flight_of(&self, h: &Happening, cluster: &Cluster) -> Option<Flight> {
        match self {
            StageMap::Cluster(l) => flight_of(h, l),
            StageMap::Flow(l) => flow_flight_of(h, l, cluster),
        }
    }
}
