//! The flow view's messages in flight: a produce flies from its producer (or service) to the
//! end of its partition's row, where the record is appended; a fetch that brings records flies
//! from the row's first fetched cell to the member that asked. Acknowledgements fly back
//! small. Replication, heartbeats and group protocol stay on the cluster view: the flow view
//! shows where the data goes, not how the brokers agree on it.

use super::super::colors::key_color;
use super::super::flights::{Flight, FlightKind};
use super::super::layout::{Point, Rect};
use super::layout::FlowLayout;
use kafka_model::{Cluster, ConsumerRef, Happening, HappeningKind as K};

fn right_mid(r: Rect) -> Point {
    Point {
        x: r.x + r.w,
        y: r.y + r.h.min(40.0) / 2.0,
    }
}

fn left_mid(r: Rect) -> Point {
    Point {
        x: r.x,
        y: r.y + r.h / 2.0,
    }
}

/// The flight `h` draws on the flow view, if any.
pub fn flight_of(h: &Happening, layout: &FlowLayout, cluster: &Cluster) -> Option<Flight> {
    if !h.is_flight() {
        return None;
    }
    let leo = |tp| cluster.partition(tp).map_or(0, |p| p.log_end_offset());
    let (from, to, kind, color, label) = match &h.kind {
        K::ProduceSent {
            producer,
            partition,
            records,
            ..
        } => {
            let key = records.first().and_then(|r| r.key.clone());
            let from = right_mid(layout.producer(cluster, *producer)?);
            let to = layout.row(partition)?.landing(leo(partition));
            let label = key
                .as_ref()
                .map(|k| String::from_utf8_lossy(k).into_owned());
            (
                from,
                to,
                FlightKind::Records,
                key_color(key.as_deref()),
                label,
            )
        }
        K::Acked {
            producer,
            partition,
            last_offset,
            ..
        } => (
            layout.row(partition)?.cell_center(*last_offset),
            right_mid(layout.producer(cluster, *producer)?),
            FlightKind::Response,
            "#15803d".to_string(),
            None,
        ),
        K::ProduceFailed {
            producer,
            broker: Some(_),
            partition,
            ..
        } => (
            layout.row(partition)?.landing(leo(partition)),
            right_mid(layout.producer(cluster, *producer)?),
            FlightKind::Failure,
            "#b42318".to_string(),
            None,
        ),
        K::Fetched {
            consumer: ConsumerRef::Member { group, member },
            partition,
            from_offset,
            to_offset,
            ..
        } if to_offset > from_offset => (
            layout.row(partition)?.cell_center(*from_offset),
            left_mid(layout.member(group, member)?),
            FlightKind::Records,
            "#2563eb".to_string(),
            None,
        ),
        _ => return None,
    };
    Some(Flight::of(h, (from, to), kind, color, label))
}
