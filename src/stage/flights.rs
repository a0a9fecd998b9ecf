//! Messages in flight: for each happening under way, where its dot starts, where it lands,
//! and how it looks. The stage interpolates between the two at the current simulated time.

use super::colors::key_color;
use super::layout::{Layout, Point, Rect};
use kafka_model::{ConsumerRef, Happening, HappeningKind as K, Ms};

/// What kind of message flies, which decides its look.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FlightKind {
    /// Records (a produce batch, replicated records, a fetch response with records).
    Records,
    /// A request with no records: fetch, replica fetch, join, commit.
    Request,
    /// A success response (ack, assignment).
    Response,
    /// An error response.
    Failure,
    /// The heartbeat: small and faint, it would drown everything else.
    Heartbeat,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Flight {
    pub id: u64,
    pub from: Point,
    pub to: Point,
    pub start_ms: Ms,
    pub end_ms: Ms,
    pub kind: FlightKind,
    pub color: String,
    /// Shown on hover/focus: the key of the record(s) carried, if any.
    pub label: Option<String>,
}

impl Flight {
    /// The flight of happening `h` from one point to another, over its start and end.
    pub fn of(
        h: &Happening,
        (from, to): (Point, Point),
        kind: FlightKind,
        color: String,
        label: Option<String>,
    ) -> Flight {
        Flight {
            id: h.id,
            from,
            to,
            start_ms: h.start_ms,
            end_ms: h.end_ms,
            kind,
            color,
            label,
        }
    }

    /// Where the dot is at `now`, or at its ends before/after. With `discrete` (the reader
    /// prefers reduced motion) it jumps: at the start for the first half, then at the end.
    pub fn position(&self, now: Ms, discrete: bool) -> Point {
        let span = (self.end_ms - self.start_ms).max(1) as f64;
        let t = ((now.saturating_sub(self.start_ms)) as f64 / span).clamp(0.0, 1.0);
        let t = if discrete {
            if t < 0.5 {
                0.0
            } else {
                1.0
            }
        } else {
            ease(t)
        };
        Point {
            x: self.from.x + (self.to.x - self.from.x) * t,
            y: self.from.y + (self.to.y - self.from.y) * t,
        }
    }
}

fn ease(t: f64) -> f64 {
    t * t * (3.0 - 2.0 * t)
}

fn member_rect(layout: &Layout, c: &ConsumerRef) -> Option<Rect> {
    match c {
        ConsumerRef::Member { group, member } => layout.member(group, member),
        ConsumerRef::Standalone(id) => layout.consumer(*id),
    }
}

/// The controller strip (KRaft quorum or ZooKeeper) where controller traffic lands.
fn controller_point(layout: &Layout) -> Point {
    let r = layout.controller;
    Point {
        x: r.x + r.w / 2.0,
        y: r.y + r.h,
    }
}

fn right_mid(r: Rect) -> Point {
    Point {
        x: r.x + r.w,
        y: r.y + r.h / 2.0,
    }
}

fn left_mid(r: Rect) -> Point {
    Point {
        x: r.x,
        y: r.y + r.h / 2.0,
    }
}

/// The flight a happening draws, if it is a message in flight between two things on stage.
pub fn flight_of(h: &Happening, layout: &Layout) -> Option<Flight> {
    if !h.is_flight() {
        return None;
    }
    let text = |k: &Option<kafka_model::record::Bytes>| {
        k.as_ref().map(|k| String::from_utf8_lossy(k).into_owned())
    };
    let (from, to, kind, color, label) = match &h.kind {
        K::ProduceSent {
            producer,
            broker,
            partition,
            records,
            ..
        } => {
            let key = records.first().and_then(|r| r.key.clone());
            let from = right_mid(layout.producer(*producer)?);
            let to = layout.replica(*broker, partition)?.center();
            (
                from,
                to,
                FlightKind::Records,
                key_color(key.as_deref()),
                text(&key),
            )
        }
        K::Replicated {
            partition,
            leader,
            follower,
            ..
        } => {
            let from = layout.replica(*leader, partition)?.center();
            let to = layout.replica(*follower, partition)?.center();
            (from, to, FlightKind::Records, "#0f766e".into(), None)
        }
        K::ReplicaFetchSent {
            partition,
            follower,
            leader,
            ..
        } => {
            let from = layout.replica(*follower, partition)?.center();
            let to = layout.replica(*leader, partition)?.center();
            (from, to, FlightKind::Request, "#64748b".into(), None)
        }
        K::Acked {
            producer,
            broker,
            partition,
            ..
        } => {
            let from = layout.replica(*broker, partition)?.center();
            (
                from,
                right_mid(layout.producer(*producer)?),
                FlightKind::Response,
                "#15803d".into(),
                None,
            )
        }
        K::ProduceFailed {
            producer,
            broker: Some(b),
            partition,
            ..
        } => {
            let from = layout.replica(*b, partition)?.center();
            (
                from,
                right_mid(layout.producer(*producer)?),
                FlightKind::Failure,
                "#b42318".into(),
                None,
            )
        }
        K::FetchSent {
            consumer,
            broker,
            partition,
            ..
        } => {
            let from = left_mid(member_rect(layout, consumer)?);
            (
                from,
                layout.replica(*broker, partition)?.center(),
                FlightKind::Request,
                "#64748b".into(),
                None,
            )
        }
        K::Fetched {
            consumer,
            broker,
            partition,
            from_offset,
            to_offset,
        } => {
            let from = layout.replica(*broker, partition)?.center();
            let to = left_mid(member_rect(layout, consumer)?);
            if to_offset > from_offset {
                (from, to, FlightKind::Records, "#2563eb".into(), None)
            } else {
                (from, to, FlightKind::Response, "#94a3b8".into(), None)
            }
        }
        K::CommitSent {
            group,
            member,
            broker,
            ..
        } => {
            let from = left_mid(layout.member(group, member)?);
            (
                from,
                layout.broker(*broker)?.rect.center(),
                FlightKind::Request,
                "#7c3aed".into(),
                None,
            )
        }
        K::JoinGroupSent {
            group,
            member,
            broker,
        }
        | K::LeaveGroupSent {
            group,
            member,
            broker,
        } => {
            let from = left_mid(layout.member(group, member)?);
            (
                from,
                layout.broker(*broker)?.rect.center(),
                FlightKind::Request,
                "#c2410c".into(),
                None,
            )
        }
        K::Heartbeat {
            group,
            member,
            broker,
        } => {
            let from = left_mid(layout.member(group, member)?);
            (
                from,
                layout.broker(*broker)?.rect.center(),
                FlightKind::Heartbeat,
                "#94a3b8".into(),
                None,
            )
        }
        K::AssignmentSent {
            group,
            member,
            broker,
            ..
        } => {
            let from = layout.broker(*broker)?.rect.center();
            (
                from,
                left_mid(layout.member(group, member)?),
                FlightKind::Response,
                "#c2410c".into(),
                None,
            )
        }
        K::DivergingEpoch {
            partition,
            leader,
            follower,
            ..
        } => {
            let from = layout.replica(*leader, partition)?.center();
            (
                from,
                layout.replica(*follower, partition)?.center(),
                FlightKind::Failure,
                "#c2410c".into(),
                None,
            )
        }
        K::BrokerHeartbeat { broker, .. } => (
            layout.broker(*broker)?.rect.center(),
            controller_point(layout),
            FlightKind::Heartbeat,
            "#6366f1".into(),
            None,
        ),
        K::ZkSessionPing { broker } => (
            layout.broker(*broker)?.rect.center(),
            controller_point(layout),
            FlightKind::Heartbeat,
            "#a16207".into(),
            None,
        ),
        K::ZkWrite { broker, path } => {
            let from = layout.broker(*broker)?.rect.center();
            (
                from,
                controller_point(layout),
                FlightKind::Request,
                "#a16207".into(),
                Some(path.clone()),
            )
        }
        K::CommitFailed {
            group,
            member,
            broker,
        } => {
            let from = layout.broker(*broker)?.rect.center();
            (
                from,
                left_mid(layout.member(group, member)?),
                FlightKind::Failure,
                "#b42318".into(),
                None,
            )
        }
        _ => return None,
    };
    Some(Flight::of(h, (from, to), kind, color, label))
}
