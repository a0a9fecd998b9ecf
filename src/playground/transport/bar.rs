//! Play, pause, step forward and back, speed, the scrubber over recorded time, and "fork
//! from here" — time travel is checkpoints plus deterministic replay (see `session`).

use super::state::{Controls, TransportAction as A, SPEEDS};
use crate::i18n::use_lang;
use crate::live::use_live;
use kafka_model::Ms;
use yew::prelude::*;

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
    format!("{} s", crate::numbers::fixed(ms as f64 / 1000.0, 1))
}

#[derive(Properties, PartialEq)]
pub struct TransportBarProps {
    pub controls: Controls,
}

#[function_component(TransportBar)]
pub fn transport_bar(props: &TransportBarProps) -> Html {
    let (live, lang) = (use_live(), use_lang());
    let controls = &props.controls;
    {
        // What the bar shows that time moves: the clock and scrubber in tenths of a second
        // (as the clock reads), and whether stepping back (not at 0) or forking (not at the end) is possible.
        let live = live.clone();
        crate::stage::use_frames_when(&live.frames.clone(), move || {
            let session = live.session.borrow();
            let (now, end) = (session.now(), session.end());
            (now / 100, end / 100, now >= end, now == 0)
        });
    }
    let s = lang.strings();
    let (now, end) = {
        let session = live.session.borrow();
        (session.now(), session.end())
    };
    let playing = controls.state.playing;
    let send = |action: A| {
        let controls = controls.clone();
        Callback::from(move |_| controls.send(action))
    };
    let (toggle, back, forward, fork) = (
        send(A::TogglePlay),
        send(A::StepBack),
        send(A::StepForward),
        send(A::Fork),
    );
    let scrub = {
        let controls = controls.clone();
        Callback::from(move |e: InputEvent| {
            let input: web_sys::HtmlInputElement = e.target_unchecked_into();
            // The range input's min, step and max are whole ms, so its value is too. Parsed as an
            // integer: parsing decimals would bring the float parser and its tables (≈ 15 KB).
            if let Ok(t) = input.value().parse::<Ms>() {
                controls.send(A::Seek(t));
            }
        })
    };
    let speed = {
        let controls = controls.clone();
        Callback::from(move |e: Event| {
            let select: web_sys::HtmlSelectElement = e.target_unchecked_into();
            // The option chosen, by position in `SPEEDS` (the order they are listed in).
            let chosen = usize::try_from(select.selected_index()).ok();
            if let Some(&v) = chosen.and_then(|i| SPEEDS.get(i)) {
                controls.send(A::SetSpeed(v));
            }
        })
    };
    html! {
        <div class="transport" role="toolbar" aria-label={ s.time }>
            <button type="button" class="step-back" onclick={back} disabled={ now == 0 } title={ s.step_back } aria-label={ s.step_back }>{ icon(ICON_STEP_BACK) }</button>
            <button type="button" class="play" onclick={toggle} aria-pressed={ playing.to_string() }
                aria-label={ if playing { s.pause } else { s.play } }>
                { icon(if playing { ICON_PAUSE } else { ICON_PLAY }) }
                <span>{ if playing { s.pause } else { s.play } }</span>
            </button>
            <button type="button" class="step-forward" onclick={forward} title={ s.step_forward } aria-label={ s.step_forward }>{ icon(ICON_STEP_FORWARD) }</button>
            <label class="speed">{ s.speed }
                <select onchange={speed} aria-label={ s.speed }>
                    { for SPEEDS.iter().map(|v| html! {
                        <option value={crate::numbers::short(*v, 2)} selected={ (*v - controls.state.speed).abs() < 1e-9 }>{ format!("{}×", crate::numbers::short(*v, 2)) }</option>
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
