//! The dots: every message in flight at the current simulated time, painted on a canvas laid
//! over the SVG stage. This is the only part of the page redrawn on every animation frame,
//! so it avoids the DOM: hundreds of moving SVG elements would cost the browser a style and
//! layout pass per frame, a canvas costs one paint.

use super::flights::{Flight, FlightKind};
use super::map::StageMap;
use crate::i18n::use_lang;
use crate::live::use_live;
use gloo_events::EventListener;
use kafka_model::Ms;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct FlightLayerProps {
    /// The view the dots fly over, which says where each message starts and lands.
    pub map: StageMap,
    pub reduced_motion: bool,
    /// Draw heartbeats (off by default: they would drown the records).
    #[prop_or(false)]
    pub heartbeats: bool,
}

fn radius(kind: FlightKind) -> f64 {
    match kind {
        FlightKind::Records => 7.0,
        FlightKind::Request => 4.0,
        FlightKind::Response => 4.5,
        FlightKind::Failure => 6.0,
        FlightKind::Heartbeat => 2.5,
    }
}

/// Each happening's flight, worked out once (endpoints, colour) rather than every frame;
/// emptied when the layout changes, since the endpoints move with it.
#[derive(Default)]
struct FlightCache {
    map: Option<StageMap>,
    /// Happening id → when it lands, and its flight (`None`: nothing to draw for it).
    flights: kafka_model::collections::SortedMap<u64, (Ms, Option<Flight>)>,
}

impl FlightCache {
    fn refresh(&mut self, map: &StageMap) {
        if self.map.as_ref() != Some(map) {
            self.map = Some(map.clone());
            self.flights.clear();
        }
    }

    fn learn(
        &mut self,
        h: &kafka_model::Happening,
        map: &StageMap,
        cluster: &kafka_model::Cluster,
    ) {
        self.flights
            .entry(h.id)
            .or_insert_with(|| (h.end_ms, map.flight_of(h, cluster)));
    }

    fn get(&self, id: u64) -> Option<&Flight> {
        self.flights.get(&id).and_then(|(_, f)| f.as_ref())
    }

    fn forget_landed(&mut self, now: Ms) {
        self.flights.retain(|_, (end, _)| *end > now);
    }
}

/// The canvas's CSS size, once a ResizeObserver has told it.
type CanvasSize = Rc<RefCell<Option<(f64, f64)>>>;

/// A ResizeObserver and the callback it calls, which must live as long as it.
type SizeObserver = (web_sys::ResizeObserver, Closure<dyn FnMut(js_sys::Array)>);

/// Keeps `size` equal to `canvas`'s content box; disconnect the observer to stop.
fn observe_size(canvas: &web_sys::Element, size: CanvasSize) -> Option<SizeObserver> {
    let callback = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
        if let Ok(entry) = entries.get(0).dyn_into::<web_sys::ResizeObserverEntry>() {
            let rect = entry.content_rect();
            *size.borrow_mut() = Some((rect.width(), rect.height()));
        }
    });
    let observer = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(canvas);
    Some((observer, callback))
}

/// Where the last frame's dots were, in stage units, for hover hit-testing.
type Painted = Rc<RefCell<Vec<(f64, f64, Option<String>)>>>;

#[function_component(FlightLayer)]
pub fn flight_layer(props: &FlightLayerProps) -> Html {
    // Redrawn on every animation frame.
    let (live, lang) = (use_live(), use_lang());
    super::use_frames(&live.frames);
    let picker_label = lang.strings().dot_picker;
    let now = live.session.borrow().now();
    let canvas = use_node_ref();
    let painted: Painted = use_mut_ref(Vec::new);
    let cache = use_mut_ref(FlightCache::default);
    // Dots drawn by the last paint: none then and none now means the canvas is blank already.
    let drawn = use_mut_ref(|| 0usize);
    // The canvas's size in CSS pixels, told by a ResizeObserver. Reading `clientWidth` while
    // painting, after the frame's other DOM changes, forced a layout on every frame (the
    // largest single cost of a frame with a few dots, by a CPU profile).
    let size: CanvasSize = use_mut_ref(|| None);
    {
        let (canvas, size) = (canvas.clone(), size.clone());
        use_effect_with((), move |_| {
            let observer = canvas
                .cast::<web_sys::Element>()
                .and_then(|c| observe_size(&c, size));
            move || {
                if let Some((observer, _callback)) = observer {
                    observer.disconnect();
                }
            }
        });
    }
    let tip = use_state(|| None::<(f64, f64, String)>);
    {
        let (canvas, painted, cache, drawn, size) = (
            canvas.clone(),
            painted.clone(),
            cache.clone(),
            drawn.clone(),
            size.clone(),
        );
        let session = live.session.clone();
        let (map, now, reduced, heartbeats) = (
            props.map.clone(),
            now,
            props.reduced_motion,
            props.heartbeats,
        );
        use_effect(move || {
            let mut cache = cache.borrow_mut();
            cache.refresh(&map);
            let session = session.borrow();
            for h in session.recent().in_flight(now) {
                cache.learn(h, &map, session.cluster());
            }
            let flights: Vec<&Flight> = session
                .recent()
                .in_flight(now)
                .filter_map(|h| cache.get(h.id))
                .filter(|f| heartbeats || f.kind != FlightKind::Heartbeat)
                .collect();
            // Nothing to draw on a blank canvas: no clearing and no attribute write, so the
            // browser has nothing to paint. An idle page otherwise repainted every frame.
            let was_drawn = std::mem::replace(&mut *drawn.borrow_mut(), flights.len());
            if let (Some(canvas), false) = (
                canvas.cast::<web_sys::HtmlCanvasElement>(),
                flights.is_empty() && was_drawn == 0,
            ) {
                let size = *size.borrow();
                paint(&canvas, size, map.size(), &flights, now, reduced, &painted);
                if was_drawn != flights.len() {
                    let _ = canvas.set_attribute("data-in-flight", &flights.len().to_string());
                }
            }
            cache.forget_landed(now);
        });
    }
    // The layer lets clicks through to the stage, so hovering is heard on the stage itself.
    {
        let (canvas, painted, tip, map) = (
            canvas.clone(),
            painted.clone(),
            tip.clone(),
            props.map.clone(),
        );
        use_effect_with(map.clone(), move |_| {
            let target = canvas
                .cast::<web_sys::Element>()
                .and_then(|c| c.parent_element())
                .and_then(|l| l.parent_element());
            let listeners = target.map(|stage| {
                let over = {
                    let (canvas, tip) = (canvas.clone(), tip.clone());
                    EventListener::new(&stage, "mousemove", move |e| {
                        let (Some(e), Some(c)) = (
                            e.dyn_ref::<web_sys::MouseEvent>(),
                            canvas.cast::<web_sys::Element>(),
                        ) else {
                            return;
                        };
                        let rect = c.get_bounding_client_rect();
                        let (scale, ox) = fit(map.size(), rect.width(), rect.height());
                        let (x, y) = (
                            (e.client_x() as f64 - rect.left() - ox) / scale,
                            (e.client_y() as f64 - rect.top()) / scale,
                        );
                        let hit = painted
                            .borrow()
                            .iter()
                            .find(|(px, py, key)| key.is_some() && (px - x).hypot(py - y) < 10.0)
                            .map(|(px, py, key)| {
                                (
                                    *px * scale + ox,
                                    *py * scale,
                                    key.clone().unwrap_or_default(),
                                )
                            });
                        tip.set(hit);
                    })
                };
                let out = EventListener::new(&stage, "mouseleave", move |_| tip.set(None));
                (over, out)
            });
            move || drop(listeners)
        });
    }
    // The keyboard's way to the keys: focus the picker, then ←/→ walk the keyed records in
    // flight and the tip shows (and announces) each one's key.
    let picked = use_mut_ref(|| 0usize);
    let onkeydown = {
        let (canvas, painted, tip, map) = (
            canvas.clone(),
            painted.clone(),
            tip.clone(),
            props.map.clone(),
        );
        Callback::from(move |e: KeyboardEvent| {
            let step: isize = match e.key().as_str() {
                "ArrowRight" | "ArrowDown" => 1,
                "ArrowLeft" | "ArrowUp" => -1,
                _ => return,
            };
            e.prevent_default();
            let Some(c) = canvas.cast::<web_sys::Element>() else {
                return;
            };
            let rect = c.get_bounding_client_rect();
            let (scale, ox) = fit(map.size(), rect.width(), rect.height());
            let keyed: Vec<(f64, f64, String)> = painted
                .borrow()
                .iter()
                .filter_map(|(x, y, k)| k.clone().map(|k| (*x, *y, k)))
                .collect();
            if keyed.is_empty() {
                return tip.set(None);
            }
            let mut i = picked.borrow_mut();
            *i = (*i as isize + step).rem_euclid(keyed.len() as isize) as usize;
            let (x, y, key) = keyed[*i].clone();
            tip.set(Some((x * scale + ox, y * scale, key)));
        })
    };
    let onblur = {
        let tip = tip.clone();
        Callback::from(move |_| tip.set(None))
    };
    html! {
        <div class="flight-layer">
            <canvas ref={canvas} class="flights" aria-hidden="true"></canvas>
            <button type="button" class="dot-picker" aria-label={ picker_label } title={ picker_label }
                {onkeydown} {onblur}>{ "⋯" }</button>
            if let Some((x, y, key)) = (*tip).clone() {
                <div class="dot-tip" role="status" style={format!("left:{}px;top:{}px", crate::numbers::fixed(x, 0), crate::numbers::fixed(y - 28.0, 0))}>{ key }</div>
            }
        </div>
    }
}

/// The SVG's `xMidYMin meet` fit of a stage `(w, h)` units large into a box: scale and
/// horizontal offset.
fn fit((stage_w, stage_h): (f64, f64), width: f64, height: f64) -> (f64, f64) {
    let scale = (width / stage_w).min(height / stage_h).max(0.0001);
    (scale, (width - stage_w * scale) / 2.0)
}

fn paint(
    canvas: &web_sys::HtmlCanvasElement,
    size: Option<(f64, f64)>,
    stage: (f64, f64),
    flights: &[&Flight],
    now: Ms,
    discrete: bool,
    painted: &Painted,
) {
    // Until the observer has spoken (the first frame), ask the element.
    let (w, h) =
        size.unwrap_or_else(|| (canvas.client_width() as f64, canvas.client_height() as f64));
    let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio());
    let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
    if canvas.width() != pw || canvas.height() != ph {
        canvas.set_width(pw);
        canvas.set_height(ph);
    }
    let Some(ctx) = canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok())
    else {
        return;
    };
    let (scale, ox) = fit(stage, w, h);
    let _ = ctx.set_transform(dpr * scale, 0.0, 0.0, dpr * scale, dpr * ox, 0.0);
    ctx.clear_rect(-ox / scale, 0.0, w / scale + 1.0, h / scale + 1.0);
    let mut spots = painted.borrow_mut();
    spots.clear();
    // One path per look (colour and kind), not one per dot: hundreds of dots cost a few
    // dozen canvas calls instead of thousands.
    let mut order: Vec<usize> = (0..flights.len()).collect();
    kafka_model::sorting::sort_by(&mut order, |&a, &b| {
        (&flights[a].color, flights[a].kind as u8).cmp(&(&flights[b].color, flights[b].kind as u8))
    });
    let mut i = 0;
    while i < order.len() {
        let first = &flights[order[i]];
        let r = radius(first.kind);
        ctx.begin_path();
        let mut j = i;
        while j < order.len()
            && flights[order[j]].color == first.color
            && flights[order[j]].kind == first.kind
        {
            let f = &flights[order[j]];
            let p = f.position(now, discrete);
            ctx.move_to(p.x + r, p.y);
            let _ = ctx.arc(p.x, p.y, r, 0.0, std::f64::consts::TAU);
            spots.push((p.x, p.y, f.label.clone()));
            j += 1;
        }
        ctx.set_fill_style_str(&first.color);
        ctx.set_global_alpha(match first.kind {
            FlightKind::Heartbeat => 0.5,
            FlightKind::Request => 0.8,
            _ => 1.0,
        });
        ctx.fill();
        if first.kind == FlightKind::Records || first.kind == FlightKind::Failure {
            ctx.set_stroke_style_str("#ffffff");
            ctx.set_line_width(1.5);
            ctx.stroke();
        }
        i = j;
    }
    ctx.set_global_alpha(1.0);
}
