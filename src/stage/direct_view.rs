//! The shop without Kafka (primer scene 2), drawn: the customer feeding Orders on the left,
//! Inventory, Payments and Notification on the right, a pair of lines from Orders to each
//! (calls go out on the upper line, answers come back on the lower one), and every call in
//! flight as a dot.
//!
//! **What it is given.** `sim: Rc<DirectSim>` — the caller owns the simulation and hands a
//! shared snapshot each time it changes — plus the clock `now` to draw at (normally
//! `sim.now()`, or a frame time a little after it). The component keeps *no* history of its
//! own: the dots come from [`DirectSim::recent`], the bounded window of happenings still in
//! flight or just ended, which is part of the snapshot. So a restored checkpoint (time
//! travel) draws the right dots at once, and nothing grows however long the scene runs.
//! [`in_flight`] turns that window into dots; it is pure and tested natively.
//!
//! Everything is told apart by shape or text as well as colour: a down service is grey,
//! dashed and says "✕ down"; an error answer is a red dot with a ✕; busy workers and queued
//! requests are filled slots, free ones hollow.

use crate::i18n::direct as words;
use crate::i18n::use_lang;
use crate::i18n::{Lang, Text};
use crate::stage::svg::{line, rect, text, u, Anchor};
use kafka_model::direct::{DirectHappening, DirectKind, DirectService, DirectSim, RECENT_MS};
use kafka_model::presets::{CALL_ORDER, ORDERS};
use kafka_model::Ms;
use std::rc::Rc;
use yew::prelude::*;

#[cfg(test)]
mod tests;

/// How long an instant happening (a timeout, a rejection, an order settled) stays on screen.
/// At most [`RECENT_MS`], the window the simulation keeps.
pub const FLASH_MS: Ms = 800;
const _: () = assert!(FLASH_MS <= RECENT_MS);

/// What a dot shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DotKind {
    /// A customer's order on its way to Orders (the customer's line).
    Order,
    /// Orders' call on its way to a service.
    Call,
    /// A service's good answer on its way back to Orders.
    Answer,
    /// A service's error answer (it was full) on its way back: red, with a ✕.
    ErrorAnswer,
    /// Flash at Orders' end of a service's line: Orders gave up waiting (timeout).
    TimedOut,
    /// Flash on the customer's line: Orders was overloaded and turned the order away.
    Rejected,
    /// Flash at the customer: an order completed.
    Completed,
    /// Flash at the customer: an order failed.
    Failed,
}

impl DotKind {
    /// Flashes mark an instant; the others travel.
    pub fn is_flash(self) -> bool {
        matches!(
            self,
            DotKind::TimedOut | DotKind::Rejected | DotKind::Completed | DotKind::Failed
        )
    }
}

/// One dot to draw at `now`.
#[derive(Clone, Debug, PartialEq)]
pub struct InFlight {
    /// The happening's id (a stable key for the drawing).
    pub id: u64,
    pub kind: DotKind,
    /// The called service whose lines the dot is on; `None`: the customer's side.
    pub service: Option<String>,
    /// Progress, 0.0 at the start to just under 1.0: along the line for a travelling dot,
    /// how far faded for a flash. Linear; the drawing eases it.
    pub t: f64,
}

/// The dots at `now`: every flight under way (`start <= now < end`) and every instant
/// happening less than [`FLASH_MS`] old, in happening order. Pure: same input, same dots.
pub fn in_flight(happenings: &[DirectHappening], now: Ms) -> Vec<InFlight> {
    let mut dots: Vec<InFlight> = happenings
        .iter()
        .filter_map(|h| {
            let (kind, service) = match &h.kind {
                DirectKind::OrderPlaced { .. } => (DotKind::Order, None),
                DirectKind::CallSent { to, .. } => (DotKind::Call, Some(to.clone())),
                DirectKind::Responded { from, ok: true, .. } => {
                    (DotKind::Answer, Some(from.clone()))
                }
                DirectKind::Responded {
                    from, ok: false, ..
                } => (DotKind::ErrorAnswer, Some(from.clone())),
                DirectKind::CallTimedOut { to, .. } => (DotKind::TimedOut, Some(to.clone())),
                DirectKind::OrderRejected { .. } => (DotKind::Rejected, None),
                DirectKind::OrderCompleted { .. } => (DotKind::Completed, None),
                DirectKind::OrderFailed { .. } => (DotKind::Failed, None),
                DirectKind::ServiceDown { .. } | DirectKind::ServiceUp { .. } => return None,
            };
            let (start, end) = if kind.is_flash() {
                (h.start, h.start.saturating_add(FLASH_MS))
            } else {
                (h.start, h.end)
            };
            if now < start || now >= end {
                return None;
            }
            let t = (now - start) as f64 / (end - start) as f64;
            Some(InFlight {
                id: h.id,
                kind,
                service,
                t,
            })
        })
        .collect();
    kafka_model::sorting::sort_by_key(&mut dots, |d| d.id);
    dots
}

/// `payments` → `Payments`. The shop's service names are ASCII; ASCII upper-casing keeps
/// the Unicode case tables (≈ 10 KB) out of the wasm.
fn display_name(name: &str) -> String {
    let mut name = name.to_string();
    if let Some(first) = name.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    name
}

// --- geometry, in viewBox units (the SVG scales to the width it is given)

pub const WIDTH: f64 = 510.0;
pub const HEIGHT: f64 = 400.0;
/// The customers' label is centred under the figure: room on both sides for the longer of
/// "Customers" and "Khách hàng" before the Orders box (checked in e2e, presenter mode).
const CUSTOMER_X: f64 = 40.0;
const CUSTOMER_Y: f64 = 206.0;
const CUSTOMER_RIGHT: f64 = 59.0;
const ORDERS_X: f64 = 80.0;
const ORDERS_Y: f64 = 20.0;
const BOX_W: f64 = 155.0;
const ORDERS_H: f64 = 372.0;
const SERVICE_X: f64 = 355.0;
const SERVICE_H: f64 = 116.0;
const SERVICE_STEP: f64 = 128.0;
/// Calls go out above a service's centre line, answers come back below it.
const LANE: f64 = 7.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// Top of a called service's box, by its place in [`CALL_ORDER`].
fn service_top(service: &str) -> Option<f64> {
    let i = CALL_ORDER.iter().position(|s| *s == service)?;
    Some(ORDERS_Y + SERVICE_STEP * i as f64)
}

fn service_mid(service: &str) -> Option<f64> {
    service_top(service).map(|y| y + SERVICE_H / 2.0)
}

/// Where a dot is drawn, at eased/discrete progress `t` (see [`shown`]). `None` for a
/// service the drawing has no box for.
pub fn dot_point(dot: &InFlight, t: f64) -> Option<Point> {
    let lerp = |a: Point, b: Point| Point {
        x: a.x + (b.x - a.x) * t,
        y: a.y + (b.y - a.y) * t,
    };
    let orders_right = ORDERS_X + BOX_W;
    let lane = |service: &Option<String>, dy: f64| -> Option<f64> {
        service.as_deref().and_then(service_mid).map(|y| y + dy)
    };
    Some(match dot.kind {
        DotKind::Order => lerp(
            Point {
                x: CUSTOMER_RIGHT,
                y: CUSTOMER_Y,
            },
            Point {
                x: ORDERS_X,
                y: CUSTOMER_Y,
            },
        ),
        DotKind::Call => {
            let y = lane(&dot.service, -LANE)?;
            lerp(Point { x: orders_right, y }, Point { x: SERVICE_X, y })
        }
        DotKind::Answer | DotKind::ErrorAnswer => {
            let y = lane(&dot.service, LANE)?;
            lerp(Point { x: SERVICE_X, y }, Point { x: orders_right, y })
        }
        DotKind::TimedOut => Point {
            x: orders_right + 18.0,
            y: lane(&dot.service, -LANE - 12.0)?,
        },
        DotKind::Rejected => Point {
            x: (CUSTOMER_RIGHT + ORDERS_X) / 2.0,
            y: CUSTOMER_Y - 18.0,
        },
        // Settled orders rise from the customer, like a reply landing.
        DotKind::Completed | DotKind::Failed => Point {
            x: CUSTOMER_X,
            y: CUSTOMER_Y - 48.0 - 16.0 * t,
        },
    })
}

/// Progress as drawn: eased, or — when the reader prefers reduced motion — in two steps
/// (at the start for the first half, then at the end), as on the cluster stage.
pub fn shown(t: f64, reduced_motion: bool) -> f64 {
    let t = t.clamp(0.0, 1.0);
    if reduced_motion {
        if t < 0.5 {
            0.0
        } else {
            1.0
        }
    } else {
        t * t * (3.0 - 2.0 * t)
    }
}

#[derive(Properties, PartialEq)]
pub struct DirectViewProps {
    /// The simulation as it stands (the caller owns it and advances it).
    pub sim: Rc<DirectSim>,
    /// The time to draw dots at, normally `sim.now()`.
    pub now: Ms,
    pub reduced_motion: bool,
}

/// How a row of slots is drawn: where it starts, each slot's side and the gap between them,
/// and how many fit on a row before it wraps.
struct SlotGrid {
    x: f64,
    y: f64,
    size: f64,
    gap: f64,
    per_row: u32,
}

/// `total` slots on `grid`, `filled` of them filled (with `class`), the rest free.
fn slots(grid: SlotGrid, total: u32, filled: usize, class: &'static str) -> Html {
    let SlotGrid {
        x,
        y,
        size,
        gap,
        per_row,
    } = grid;
    let per_row = per_row.max(1);
    let cells = (0..total).map(|i| {
        let (col, row) = ((i % per_row) as f64, (i / per_row) as f64);
        let class = if (i as usize) < filled {
            classes!("slot", class)
        } else {
            classes!("slot", "free")
        };
        html! {
            <rect {class} x={u(x + col * (size + gap))} y={u(y + row * (size + gap))}
                width={u(size)} height={u(size)} rx="3" />
        }
    });
    html! { <g>{ for cells }</g> }
}

fn service_box(svc: &DirectService, lang: Lang) -> Html {
    let Some(y) = service_top(svc.name()) else {
        return html! {};
    };
    let x = SERVICE_X;
    let name = display_name(svc.name());
    let status = if svc.up() { words::UP } else { words::DOWN }.get(lang);
    let title = format!(
        "{name}: {status} · {} {}/{} · {} {}/{} · {} {} · {} {}",
        words::IN_PROGRESS.get(lang),
        svc.busy(),
        svc.workers(),
        words::QUEUE.get(lang),
        svc.queued(),
        svc.queue_capacity(),
        svc.completed(),
        words::ANSWERED.get(lang),
        svc.failed(),
        words::FAILED.get(lang),
    );
    let class = if svc.up() {
        "direct-service"
    } else {
        "direct-service down"
    };
    html! {
        <g {class} data-service={svc.name().to_string()}>
            <title>{ title }</title>
            { rect("box", x, y, BOX_W, SERVICE_H, 8.0) }
            { text("direct-name", x + 10.0, y + 22.0, Anchor::Start, html! { name }) }
            { text("direct-status", x + 10.0, y + 40.0, Anchor::Start, html! { status }) }
            if svc.up() {
                { text("direct-small", x + 10.0, y + 62.0, Anchor::Start, html! { words::IN_PROGRESS.get(lang) }) }
                { slots(SlotGrid { x: x + 84.0, y: y + 51.0, size: 13.0, gap: 4.0, per_row: 8 }, svc.workers(), svc.busy(), "busy") }
                { text("direct-small", x + 10.0, y + 84.0, Anchor::Start, html! { words::QUEUE.get(lang) }) }
                { slots(SlotGrid { x: x + 84.0, y: y + 73.0, size: 13.0, gap: 4.0, per_row: 8 }, svc.queue_capacity(), svc.queued(), "queued") }
            } else {
                { text("direct-hanging", x + 10.0, y + 74.0, Anchor::Start,
                    html! { format!("… {} {}", svc.hanging(), words::UNANSWERED.get(lang)) }) }
            }
            { text("direct-counts", x + 10.0, y + 106.0, Anchor::Start,
                html! { format!("✓ {}  ✕ {}", svc.completed(), svc.failed()) }) }
        </g>
    }
}

fn orders_box(sim: &DirectSim, lang: Lang) -> Html {
    let Some(svc) = sim.service(ORDERS) else {
        return html! {};
    };
    let stats = sim.orders();
    let (x, y) = (ORDERS_X, ORDERS_Y);
    let status = if svc.up() { words::UP } else { words::DOWN }.get(lang);
    let class = if svc.up() {
        "direct-service direct-orders"
    } else {
        "direct-service direct-orders down"
    };
    let counter = |row: f64, glyph: &'static str, value: u64, what: Text, class: &'static str| {
        let cy = y + 196.0 + row * 42.0;
        html! {
            <g class={classes!("direct-counter", class)}>
                { text("glyph", x + 12.0, cy, Anchor::Start, html! { glyph }) }
                { text("value", x + 80.0, cy, Anchor::End, html! { value.to_string() }) }
                { text("what", x + 86.0, cy, Anchor::Start, html! { what.get(lang) }) }
            </g>
        }
    };
    html! {
        <g {class} data-service={ORDERS}>
            <title>{ format!("Orders: {status}") }</title>
            { rect("box", x, y, BOX_W, ORDERS_H, 8.0) }
            { text("direct-name", x + 12.0, y + 24.0, Anchor::Start, html! { "Orders" }) }
            { text("direct-status", x + BOX_W - 10.0, y + 24.0, Anchor::End, html! { status }) }
            { text("direct-small", x + 12.0, y + 50.0, Anchor::Start,
                html! { format!("{} {}/{}", words::IN_PROGRESS.get(lang), svc.busy(), svc.workers()) }) }
            { slots(SlotGrid { x: x + 12.0, y: y + 58.0, size: 14.0, gap: 3.0, per_row: 8 }, svc.workers(), svc.busy(), "busy") }
            { text("direct-small", x + 12.0, y + 112.0, Anchor::Start,
                html! { format!("{} {}/{}", words::QUEUE.get(lang), svc.queued(), svc.queue_capacity()) }) }
            { slots(SlotGrid { x: x + 12.0, y: y + 120.0, size: 13.0, gap: 4.0, per_row: 8 }, svc.queue_capacity(), svc.queued(), "queued") }
            { line("direct-rule", (x + 10.0, y + 150.0), (x + BOX_W - 10.0, y + 150.0)) }
            { counter(0.0, "✓", stats.completed, words::COMPLETED, "completed") }
            { counter(1.0, "✕", stats.failed, words::FAILED, "failed") }
            { counter(2.0, "⊘", stats.rejected, words::REJECTED, "rejected") }
            { text("direct-small", x + 12.0, y + 330.0, Anchor::Start,
                html! { format!("⋯ {} {}", stats.waiting, words::WAITING.get(lang)) }) }
        </g>
    }
}

fn customer(lang: Lang) -> Html {
    let (x, y) = (CUSTOMER_X, CUSTOMER_Y);
    html! {
        <g class="direct-customer">
            <circle cx={u(x)} cy={u(y - 22.0)} r="10" />
            <path d={format!("M{} {} Q{} {} {} {} Q{} {} {} {} Z",
                u(x - 16.0), u(y + 12.0), u(x - 16.0), u(y - 8.0), u(x), u(y - 8.0),
                u(x + 16.0), u(y - 8.0), u(x + 16.0), u(y + 12.0))} />
            { text("direct-small direct-who", x, y + 32.0, Anchor::Middle, html! { words::CUSTOMERS.get(lang) }) }
            { line("direct-line", (CUSTOMER_RIGHT, y), (ORDERS_X, y)) }
        </g>
    }
}

fn lines(sim: &DirectSim) -> Html {
    let x1 = ORDERS_X + BOX_W;
    let pairs = CALL_ORDER.iter().filter_map(|name| {
        let mid = service_mid(name)?;
        let up = sim.service(name).is_some_and(|s| s.up());
        let class = if up {
            "direct-lines"
        } else {
            "direct-lines down"
        };
        Some(html! {
            <g {class} data-service={name.to_string()}>
                { line("direct-line", (x1, mid - LANE), (SERVICE_X, mid - LANE)) }
                { line("direct-line back", (SERVICE_X, mid + LANE), (x1, mid + LANE)) }
            </g>
        })
    });
    html! { <g>{ for pairs }</g> }
}

fn dot(d: &InFlight, lang: Lang, reduced_motion: bool) -> Html {
    let p = if d.kind.is_flash() {
        dot_point(d, if reduced_motion { 0.0 } else { d.t })
    } else {
        dot_point(d, shown(d.t, reduced_motion))
    };
    let Some(p) = p else {
        return html! {};
    };
    let key = d.id.to_string();
    // Flashes fade out (or, for reduced motion, simply stay until they go).
    let opacity = if reduced_motion { 1.0 } else { 1.0 - 0.7 * d.t };
    let flash = |key: String, class: &'static str, glyph: &'static str, title: &'static str| {
        html! {
            <g key={key} class={classes!("direct-flash", class)} opacity={crate::numbers::fixed(opacity, 2)}>
                <title>{ title }</title>
                <circle cx={u(p.x)} cy={u(p.y)} r="9" />
                { text("", p.x, p.y + 4.5, Anchor::Middle, html! { glyph }) }
            </g>
        }
    };
    match d.kind {
        DotKind::Order => {
            html! { <circle key={key} class="direct-dot order" cx={u(p.x)} cy={u(p.y)} r="5" /> }
        }
        DotKind::Call => {
            html! { <circle key={key} class="direct-dot call" cx={u(p.x)} cy={u(p.y)} r="6" /> }
        }
        DotKind::Answer => {
            html! { <circle key={key} class="direct-dot answer" cx={u(p.x)} cy={u(p.y)} r="6" /> }
        }
        DotKind::ErrorAnswer => html! {
            <g key={key} class="direct-dot error">
                <title>{ words::ERROR_ANSWER.get(lang) }</title>
                <circle cx={u(p.x)} cy={u(p.y)} r="7.5" />
                { text("", p.x, p.y + 3.5, Anchor::Middle, html! { "✕" }) }
            </g>
        },
        DotKind::TimedOut => flash(key, "failed", "✕", words::TIMED_OUT.get(lang)),
        DotKind::Rejected => flash(key, "failed", "⊘", words::REJECTED.get(lang)),
        DotKind::Failed => flash(key, "failed", "✕", words::FAILED.get(lang)),
        DotKind::Completed => flash(key, "completed", "✓", words::COMPLETED.get(lang)),
    }
}

/// A sentence for screen readers: the counts and which services are down.
fn summary(sim: &DirectSim, lang: Lang) -> String {
    let o = sim.orders();
    let down: Vec<String> = sim
        .services()
        .filter(|s| !s.up())
        .map(|s| format!("{} {}", display_name(s.name()), words::DOWN.get(lang)))
        .collect();
    let mut text = format!(
        "{}. Orders: {} {}, {} {}, {} {}, {} {}.",
        words::TITLE.get(lang),
        o.completed,
        words::COMPLETED.get(lang),
        o.failed,
        words::FAILED.get(lang),
        o.rejected,
        words::REJECTED.get(lang),
        o.waiting,
        words::WAITING.get(lang),
    );
    if !down.is_empty() {
        text.push(' ');
        text.push_str(&down.join(", "));
        text.push('.');
    }
    text
}

#[function_component(DirectView)]
pub fn direct_view(props: &DirectViewProps) -> Html {
    let sim = &props.sim;
    let lang = use_lang();
    let dots = in_flight(sim.recent(), props.now);
    let services = sim
        .services()
        .filter(|s| s.name() != ORDERS)
        .map(|s| service_box(s, lang));
    html! {
        <svg class="stage direct-stage" viewBox={format!("0 0 {} {}", u(WIDTH), u(HEIGHT))}
            preserveAspectRatio="xMidYMin meet" role="img" aria-label={summary(sim, lang)}>
            { lines(sim) }
            { customer(lang) }
            { orders_box(sim, lang) }
            { for services }
            <g class="direct-dots" aria-hidden="true" data-in-flight={dots.len().to_string()}>
                { for dots.iter().map(|d| dot(d, lang, props.reduced_motion)) }
            </g>
        </svg>
    }
}
