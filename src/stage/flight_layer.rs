//! The dots: every message in flight, at the current simulated time. This is the only part
//! of the page redrawn on every animation frame.

use super::flights::{flight_of, FlightKind};
use super::layout::Layout;
use crate::session::SessionRef;
use kafka_model::Ms;
use std::rc::Rc;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FlightLayerProps {
    pub session: SessionRef,
    pub layout: Rc<Layout>,
    pub now: Ms,
    pub reduced_motion: bool,
    /// Draw heartbeats (off by default: they would drown the records).
    #[prop_or(false)]
    pub heartbeats: bool,
}

#[function_component(FlightLayer)]
pub fn flight_layer(props: &FlightLayerProps) -> Html {
    let session = props.session.borrow();
    let now = props.now;
    let dots = session.recent().in_flight(now).filter_map(|h| flight_of(h, &props.layout)).filter(|f| props.heartbeats || f.kind != FlightKind::Heartbeat).map(|f| {
        let p = f.position(now, props.reduced_motion);
        let (r, class) = match f.kind {
            FlightKind::Records => (7.0, "dot records"),
            FlightKind::Request => (4.0, "dot request"),
            FlightKind::Response => (4.5, "dot response"),
            FlightKind::Failure => (6.0, "dot failure"),
            FlightKind::Heartbeat => (2.5, "dot heartbeat"),
        };
        html! {
            <circle key={f.id.to_string()} class={class} cx={format!("{:.1}", p.x)} cy={format!("{:.1}", p.y)} r={r.to_string()} fill={f.color.clone()}>
                if let Some(label) = &f.label { <title>{ label.clone() }</title> }
            </circle>
        }
    });
    html! { <g class="flights" aria-hidden="true">{ for dots }</g> }
}
