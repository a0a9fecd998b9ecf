//! The SVG elements the drawings repeat most (a text, a box, a line), each one function.
//! Why not `html!` at every place one is drawn: `html!` expands each element and each of its
//! attributes inline where it is written, so the three drawings' seventy-odd texts, boxes and
//! lines were seventy-odd copies of the same code in the wasm. Coordinates are written as
//! [`crate::numbers::short`] writes them, to a hundredth of a unit.

use crate::numbers::short;
use yew::prelude::*;

/// A coordinate as an attribute, to a hundredth of a unit, without the float formatter.
pub fn u(v: f64) -> String {
    short(v, 2)
}

/// Where a text sits against its `x` (`text-anchor`).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

/// `<text class x y text-anchor>body</text>`; an empty `class` writes none.
pub fn text(class: &'static str, x: f64, y: f64, anchor: Anchor, body: Html) -> Html {
    let anchor = match anchor {
        Anchor::Start => None,
        Anchor::Middle => Some("middle"),
        Anchor::End => Some("end"),
    };
    html! {
        <text class={(!class.is_empty()).then_some(class)} x={u(x)} y={u(y)} text-anchor={anchor}>{ body }</text>
    }
}

/// `<rect class x y width height rx />`; an empty `class` writes none.
pub fn rect(class: &'static str, x: f64, y: f64, w: f64, h: f64, rx: f64) -> Html {
    html! {
        <rect class={(!class.is_empty()).then_some(class)} x={u(x)} y={u(y)} width={u(w)} height={u(h)} rx={u(rx)} />
    }
}

/// `<line class x1 y1 x2 y2 />`.
pub fn line(class: &'static str, (x1, y1): (f64, f64), (x2, y2): (f64, f64)) -> Html {
    html! {
        <line {class} x1={u(x1)} y1={u(y1)} x2={u(x2)} y2={u(y2)} />
    }
}
