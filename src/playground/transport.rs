//! Play, pause, step forward and back, speed, the scrubber over recorded time, and "fork
//! from here" — time travel is checkpoints plus deterministic replay (see `session`).

use super::live::Live;
use crate::i18n::Lang;
use kafka_model::Ms;
use yew::prelude::*;

pub const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0];

#[derive(Properties, PartialEq)]
pub struct TransportProps {
    pub live: Live,
    pub lang: Lang,
    /// Redraws the clock and scrubber every frame.
    pub frames: crate::stage::FrameBus,
    pub playing: bool,
    pub speed: f64,
    pub on_playing: Callback<bool>,
    pub on_speed: Callback<f64>,
}

// Icons as SVG paths: system fonts on many machines lack the media-control glyphs.
const ICON_PLAY: &str = "M4 2 L14 8 L4 14 Z";
const ICON_PAUSE: &str = "M3 2 H7 V14 H3 Z M9 2 H13 V14 H9 Z";
const ICON_STEP_BACK: &str = "M2 2 H4 V14 H2 Z M14 2 L5 8 L14 14 Z";
const ICON_STEP_FORWARD: &str = "M12 2 H14 V14 H12 Z M2 2 L11 8 L2 14 Z";

fn icon(path: &'static str) -> Html {
    html! {
        <svg class="icon" viewBox="0 0 16 16" width="14" height="14" aria-hidden="true"><path d={path} /></svg>
    }
}

/// `12.3 s`, simulated time as a learner reads it.
pub fn format_time(ms: Ms) -> String {
    format!("{:.1} s", ms as f64 / 1000.0)
}

#[function_component(TransportBar)]
pub fn transport_bar(props: &TransportProps) -> Html {
    {
        // What the bar shows that time moves: the clock and scrubber in tenths of a second
        // (as the clock reads), and whether stepping back (not at 0) or forking (not at the end) is possible.
        let live = props.live.clone();
        crate::stage::use_frames_when(&props.frames, move || {
            let session = live.session.borrow();
            let (now, end) = (session.now(), session.end());
            (now / 100, end / 100, now >= end, now == 0)
        });
    }
    let s = props.lang.strings();
    let (now, end) = {
        let session = props.live.session.borrow();
        (session.now(), session.end())
    };
    let toggle = {
        let (on, playing) = (props.on_playing.clone(), props.playing);
        Callback::from(move |_| on.emit(!playing))
    };
    let back = {
        let (live, on) = (props.live.clone(), props.on_playing.clone());
        Callback::from(move |_| {
            on.emit(false);
            live.with_session(|s| s.step_back());
        })
    };
    let forward = {
        let (live, on) = (props.live.clone(), props.on_playing.clone());
        Callback::from(move |_| {
            on.emit(false);
            live.with_session(|s| s.step_forward());
        })
    };
    let fork = {
        let live = props.live.clone();
        Callback::from(move |_| live.with_session(|s| s.fork()))
    };
    let scrub = {
        let (live, on) = (props.live.clone(), props.on_playing.clone());
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            // The range input's min, step and max are whole ms, so its value is too. Parsed as an
            // integer: parsing decimals would bring the float parser and its tables (≈ 15 KB).
            if let Ok(t) = input.value().parse::<Ms>() {
                on.emit(false);
                live.with_session(|s| s.seek(t));
            }
        })
    };
    let speed = {
        let on = props.on_speed.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            // The option chosen, by position in `SPEEDS` (the order they are listed in).
            let chosen = usize::try_from(select.selected_index()).ok();
            if let Some(&v) = chosen.and_then(|i| SPEEDS.get(i)) {
                on.emit(v);
            }
        })
    };
    html! {
        <div class="transport" role="toolbar" aria-label={ s.time }>
            <button type="button" class="step-back" onclick={back} disabled={ now == 0 } title={ s.step_back } aria-label={ s.step_back }>{ icon(ICON_STEP_BACK) }</button>
            <button type="button" class="play" onclick={toggle} aria-pressed={ props.playing.to_string() }
                aria-label={ if props.playing { s.pause } else { s.play } }>
                { icon(if props.playing { ICON_PAUSE } else { ICON_PLAY }) }
                <span>{ if props.playing { s.pause } else { s.play } }</span>
            </button>
            <button type="button" class="step-forward" onclick={forward} title={ s.step_forward } aria-label={ s.step_forward }>{ icon(ICON_STEP_FORWARD) }</button>
            <label class="speed">{ s.speed }
                <select onchange={speed} aria-label={ s.speed }>
                    { for SPEEDS.iter().map(|v| html! {
                        <option value={v.to_string()} selected={ (*v - props.speed).abs() < 1e-9 }>{ format!("{v}×") }</option>
                    }) }
                </select>
            </label>
            <input class="scrubber" type="range" min="0" max={ end.to_string() } value={ now.min(end).to_string() }
                step="10" oninput={scrub} aria-label={ s.scrubber } />
            <span class="clock" aria-live="off">{ format!("{} / {}", format_time(now), format_time(end)) }</span>
            <button type="button" class="fork" onclick={fork} title={ s.fork_hint } disabled={ now >= end }>{ s.fork }</button>
        </div>
    }
}
