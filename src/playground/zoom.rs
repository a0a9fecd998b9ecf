//! Zoom where the stage is too dense to read (many brokers and partitions, a phone): the
//! stage grows inside its box, which then scrolls — by scrollbars, touch, or dragging with
//! the mouse.

use wasm_bindgen::JsCast;
use yew::prelude::*;

/// The stage's zoom steps (1 = fit the width).
pub const ZOOMS: [f64; 5] = [1.0, 1.5, 2.0, 3.0, 4.0];

/// The zoom step `step` places from `level` (clamped to the steps there are).
pub fn next_zoom(level: f64, step: isize) -> f64 {
    let i = ZOOMS
        .iter()
        .position(|z| (*z - level).abs() < 1e-9)
        .unwrap_or(0) as isize;
    ZOOMS[(i + step).clamp(0, ZOOMS.len() as isize - 1) as usize]
}

/// The zoom level and the buttons' callbacks.
pub struct Zoom {
    pub level: f64,
    pub zoom_in: Callback<MouseEvent>,
    pub zoom_out: Callback<MouseEvent>,
    pub fit: Callback<MouseEvent>,
}

impl Zoom {
    /// The level in whole percent, as the buttons and the stage's width say it.
    pub fn percent(&self) -> u32 {
        (self.level * 100.0).round() as u32
    }

    pub fn at_least(&self) -> bool {
        self.level <= ZOOMS[0]
    }

    pub fn at_most(&self) -> bool {
        self.level >= ZOOMS[ZOOMS.len() - 1]
    }
}

#[hook]
pub fn use_zoom() -> Zoom {
    let level = use_state(|| 1.0f64);
    let by = |step: isize| {
        let level = level.clone();
        Callback::from(move |_| level.set(next_zoom(*level, step)))
    };
    let fit = {
        let level = level.clone();
        Callback::from(move |_| level.set(1.0))
    };
    Zoom {
        level: *level,
        zoom_in: by(1),
        zoom_out: by(-1),
        fit,
    }
}

/// The pointer handlers that drag a zoomed stage's box around.
pub struct Pan {
    pub start: Callback<PointerEvent>,
    pub drag: Callback<PointerEvent>,
    pub end: Callback<PointerEvent>,
}

/// Dragging pans `wrap` (the scrolling box) while zoomed in. Only the mouse drags (touch
/// scrolls natively), and never from a control or a replica chip (they click).
#[hook]
pub fn use_pan(wrap: &NodeRef, level: f64) -> Pan {
    let from = use_mut_ref(|| None::<(i32, i32, i32, i32)>);
    let start = {
        let (from, wrap) = (from.clone(), wrap.clone());
        Callback::from(move |e: PointerEvent| {
            let on_control = e
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .is_some_and(|el| el.closest("button, .replica").ok().flatten().is_some());
            if level <= 1.0 || e.pointer_type() != "mouse" || on_control {
                return;
            }
            if let Some(w) = wrap.cast::<web_sys::Element>() {
                *from.borrow_mut() =
                    Some((e.client_x(), e.client_y(), w.scroll_left(), w.scroll_top()));
            }
        })
    };
    let drag = {
        let (from, wrap) = (from.clone(), wrap.clone());
        Callback::from(move |e: PointerEvent| {
            if let (Some((x, y, left, top)), Some(w)) =
                (*from.borrow(), wrap.cast::<web_sys::Element>())
            {
                w.set_scroll_left(left - (e.client_x() - x));
                w.set_scroll_top(top - (e.client_y() - y));
            }
        })
    };
    let end = Callback::from(move |_: PointerEvent| *from.borrow_mut() = None);
    Pan { start, drag, end }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_steps_stay_within_the_offered_levels() {
        assert_eq!(next_zoom(1.0, 1), 1.5);
        assert_eq!(next_zoom(1.5, 1), 2.0);
        assert_eq!(next_zoom(4.0, 1), 4.0, "no further than the last step");
        assert_eq!(next_zoom(1.0, -1), 1.0, "no nearer than fitting the width");
        assert_eq!(next_zoom(3.0, -1), 2.0);
        assert_eq!(
            next_zoom(2.2, 1),
            1.5,
            "an unknown level counts as the first"
        );
    }
}
