//! The one requestAnimationFrame loop: it moves simulated time by the real time elapsed
//! times the speed, and tells the views. No timer per dot, no re-render of the whole tree:
//! the cluster redraws only when something happened, the dots every frame.
//!
//! The loop reads the transport's state where it lives ([`Controls::now`]) on every frame,
//! so a pause stops time at once and "playing" is kept in one place.

use super::transport::Controls;
use crate::live::Live;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// Real milliseconds per frame beyond which time does not jump (a background tab resumes
/// without fast-forwarding through minutes).
const MAX_FRAME_MS: f64 = 100.0;

/// The cluster, tables and timeline redraw at most this often (real ms); the dots redraw
/// every frame. Ten redraws a second reads as live, and leaves the frame budget to motion.
const REDRAW_EVERY_MS: f64 = 100.0;

/// Frame timings, kept for the browser benchmark (`window.kafkaPlaygroundFrameStats()`).
#[derive(Default)]
pub struct FrameStats {
    pub intervals_ms: Vec<f64>,
    pub work_ms: Vec<f64>,
}

const STATS_KEEP: usize = 2_000;

thread_local! {
    pub static FRAME_STATS: RefCell<FrameStats> = RefCell::new(FrameStats::default());
}

/// Frame intervals and main-thread work per frame, as `{intervals: [...], work: [...]}`.
#[wasm_bindgen(js_name = kafkaPlaygroundFrameStats)]
pub fn frame_stats() -> JsValue {
    FRAME_STATS.with(|s| {
        let s = s.borrow();
        let obj = js_sys::Object::new();
        let to_array = |v: &[f64]| {
            v.iter()
                .map(|x| JsValue::from_f64(*x))
                .collect::<js_sys::Array>()
        };
        let _ = js_sys::Reflect::set(&obj, &"intervals".into(), &to_array(&s.intervals_ms));
        let _ = js_sys::Reflect::set(&obj, &"work".into(), &to_array(&s.work_ms));
        obj.into()
    })
}

/// The frame callback, shared with itself so it can ask for the next frame.
type FrameCallback = Rc<RefCell<Option<Closure<dyn FnMut(f64)>>>>;

/// Runs the loop for as long as the calling component lives.
#[hook]
pub fn use_animation_loop(live: &Live, controls: &Controls) {
    let (live, controls) = (live.clone(), controls.clone());
    use_effect_with((), move |_| {
        let guard = start(live, controls);
        move || drop(guard)
    });
}

/// Starts the loop; dropping the returned guard stops it.
fn start(live: Live, controls: Controls) -> LoopGuard {
    let running = Rc::new(RefCell::new(true));
    let callback: FrameCallback = Rc::new(RefCell::new(None));
    let last_ts = Rc::new(RefCell::new(None::<f64>));
    let carry = Rc::new(RefCell::new(0.0f64));
    // Something happened since the last full redraw; and when that redraw was.
    let dirty = Rc::new(RefCell::new(false));
    let last_redraw = Rc::new(RefCell::new(0.0f64));
    let panels_due = Rc::new(RefCell::new(false));
    {
        let running = running.clone();
        let again = callback.clone();
        *callback.borrow_mut() = Some(Closure::new(move |ts: f64| {
            if !*running.borrow() {
                return;
            }
            let performance = web_sys::window().and_then(|w| w.performance());
            let work_start = performance.as_ref().map(|p| p.now());
            let elapsed = last_ts
                .borrow()
                .map(|last| (ts - last).clamp(0.0, MAX_FRAME_MS));
            *last_ts.borrow_mut() = Some(ts);
            let transport = controls.now();
            if let (Some(elapsed), true) = (elapsed, transport.playing) {
                let sim = elapsed * transport.speed + *carry.borrow();
                let whole = sim.floor();
                *carry.borrow_mut() = sim - whole;
                if whole >= 1.0 {
                    let (before, after) = {
                        let mut session = live.session.borrow_mut();
                        let before = session.activity();
                        session.advance(whole as u64);
                        (before, session.activity())
                    };
                    if before != after {
                        *dirty.borrow_mut() = true;
                    }
                }
            }
            if *dirty.borrow() && ts - *last_redraw.borrow() >= REDRAW_EVERY_MS {
                *dirty.borrow_mut() = false;
                *last_redraw.borrow_mut() = ts;
                *panels_due.borrow_mut() = true;
                live.stage_changed();
            } else if std::mem::take(&mut *panels_due.borrow_mut()) {
                // The panels catch up a frame after the stage, never in the same frame.
                live.panels_changed();
                live.moved();
            } else {
                live.moved();
            }
            if let (Some(p), Some(start)) = (performance, work_start) {
                FRAME_STATS.with(|s| {
                    let mut s = s.borrow_mut();
                    if s.work_ms.len() >= STATS_KEEP {
                        s.work_ms.remove(0);
                        s.intervals_ms.remove(0);
                    }
                    s.work_ms.push(p.now() - start);
                    s.intervals_ms.push(elapsed.unwrap_or(0.0));
                });
            }
            request(&again);
        }));
    }
    request(&callback);
    LoopGuard {
        running,
        _callback: callback,
    }
}

fn request(callback: &FrameCallback) {
    if let (Some(window), Some(cb)) = (web_sys::window(), callback.borrow().as_ref()) {
        let _ = window.request_animation_frame(cb.as_ref().unchecked_ref());
    }
}

pub struct LoopGuard {
    running: Rc<RefCell<bool>>,
    _callback: FrameCallback,
}

impl Drop for LoopGuard {
    fn drop(&mut self) {
        *self.running.borrow_mut() = false;
    }
}
