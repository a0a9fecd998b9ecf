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

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The transport bar alone, with its controls, on a known session: what it shows and
    //! sends, against the session's own clock and time travel.
    use super::super::state::{use_transport, Transport};
    use super::*;
    use crate::browser_test_support::{bubbling, mount, settle, Mounted};
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use kafka_model::{Command, ProducerRecord};
    use std::cell::RefCell;
    use std::rc::Rc;
    use wasm_bindgen::JsCast;
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    type Kept = Rc<RefCell<Option<Controls>>>;

    #[derive(Properties)]
    struct BarProps {
        kept: Kept,
    }

    impl PartialEq for BarProps {
        fn eq(&self, other: &Self) -> bool {
            Rc::ptr_eq(&self.kept, &other.kept)
        }
    }

    /// The bar with a paused transport, as the playground makes it; the test keeps the
    /// controls to read the transport's state.
    #[function_component(Bar)]
    fn bar(props: &BarProps) -> Html {
        let live = use_live();
        let controls = use_transport(&live, false);
        *props.kept.borrow_mut() = Some(controls.clone());
        html! { <TransportBar {controls} /> }
    }

    /// The preset with records under way, `ms` into its history.
    fn session_at(ms: Ms) -> Session {
        let mut s = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
        for i in 0..6 {
            let record = ProducerRecord::text("orders", Some(&format!("order-{i}")), "v");
            s.apply(Command::Produce {
                producer: 1,
                record,
            })
            .unwrap();
        }
        s.advance(ms);
        s
    }

    async fn bar_on(session: Session, lang: Lang) -> (Mounted, Kept) {
        let kept = Kept::default();
        let m = mount(session, lang, html! { <Bar kept={kept.clone()} /> }).await;
        (m, kept)
    }

    fn transport(kept: &Kept) -> Transport {
        kept.borrow().as_ref().unwrap().now()
    }

    fn scrubber(m: &Mounted) -> web_sys::HtmlInputElement {
        m.one("input.scrubber").unchecked_into()
    }

    #[wasm_bindgen_test]
    async fn the_clock_and_scrubber_read_the_sessions_time_and_end() {
        let (m, _) = bar_on(session_at(1_234), Lang::En).await;
        assert_eq!(m.text(".clock"), "1.2 s / 1.2 s");
        assert_eq!(scrubber(&m).get_attribute("max").as_deref(), Some("1234"));
        m.advance(1_000).await;
        assert_eq!(m.text(".clock"), "2.2 s / 2.2 s");
        m.live.with_session(|s| s.seek(500));
        settle(10).await;
        assert_eq!(m.session().now(), 500);
        assert_eq!(m.text(".clock"), "0.5 s / 2.2 s");
        let input = scrubber(&m);
        assert_eq!(input.get_attribute("min").as_deref(), Some("0"));
        assert_eq!(
            input.get_attribute("max"),
            Some(m.session().end().to_string()),
            "the recorded end"
        );
        assert_eq!(input.value(), "500");
    }

    #[wasm_bindgen_test]
    async fn dragging_the_scrubber_seeks_and_pauses() {
        let (m, kept) = bar_on(session_at(3_000), Lang::En).await;
        m.click("button.play").await;
        assert!(transport(&kept).playing);
        let input = scrubber(&m);
        input.set_value("700");
        input.dispatch_event(&bubbling("input")).unwrap();
        settle(10).await;
        assert_eq!(m.session().now(), 700);
        assert_eq!(
            m.session().end(),
            3_000,
            "seeking keeps the recorded future"
        );
        assert_eq!(scrubber(&m).get_attribute("max").as_deref(), Some("3000"));
        assert_eq!(m.text(".clock"), "0.7 s / 3.0 s");
        assert!(!transport(&kept).playing, "seeking pauses");
    }

    #[wasm_bindgen_test]
    async fn stepping_moves_the_session_as_its_own_steps_do() {
        let (m, kept) = bar_on(session_at(3_000), Lang::Vi).await;
        m.click("button.play").await;
        // Where the session's own step back and forward lead, asked of copies.
        let back = {
            let mut s = m.session().clone();
            s.step_back();
            s.now()
        };
        assert!(back < 3_000);
        m.click("button.step-back").await;
        assert_eq!(m.session().now(), back);
        assert_eq!(m.text(".clock"), format!("{} / 3.0 s", format_time(back)));
        assert!(!transport(&kept).playing, "stepping pauses");
        let forward = {
            let mut s = m.session().clone();
            s.step_forward();
            s.now()
        };
        assert!(forward > back);
        m.click("button.step-forward").await;
        assert_eq!(m.session().now(), forward);
        m.live.with_session(|s| s.seek(0));
        settle(10).await;
        assert!(
            m.one("button.step-back").has_attribute("disabled"),
            "nothing before 0"
        );
        assert_eq!(
            m.one("button.step-back")
                .get_attribute("aria-label")
                .as_deref(),
            Some(m.lang.strings().step_back)
        );
    }

    #[wasm_bindgen_test]
    async fn the_speed_select_offers_the_speeds_and_sends_only_them() {
        let (m, kept) = bar_on(session_at(0), Lang::En).await;
        assert_eq!(
            m.texts(".speed option"),
            ["0.1×", "0.25×", "0.5×", "1×", "2×", "3×", "4×"],
            "the offered speeds, slowest first"
        );
        let select: web_sys::HtmlSelectElement = m.one(".speed select").unchecked_into();
        assert_eq!(select.selected_index(), 3, "1× to begin with");
        select.set_selected_index(4);
        select.dispatch_event(&bubbling("change")).unwrap();
        settle(10).await;
        assert_eq!(transport(&kept).speed, 2.0);
        assert_eq!(select.selected_index(), 4);
        // Anything else the select might carry is not sent.
        let foreign = web_sys::window()
            .unwrap()
            .document()
            .unwrap()
            .create_element("option")
            .unwrap();
        foreign.set_attribute("value", "9").unwrap();
        select.append_child(&foreign).unwrap();
        select.set_selected_index(7);
        select.dispatch_event(&bubbling("change")).unwrap();
        settle(10).await;
        assert_eq!(
            transport(&kept).speed,
            2.0,
            "a speed not offered changes nothing"
        );
        foreign.remove();
        select.set_selected_index(-1);
        select.dispatch_event(&bubbling("change")).unwrap();
        settle(10).await;
        assert_eq!(transport(&kept).speed, 2.0, "no choice changes nothing");
    }

    #[wasm_bindgen_test]
    async fn fork_is_offered_only_behind_the_end_and_drops_the_future() {
        let (m, _) = bar_on(session_at(2_000), Lang::En).await;
        let fork = |m: &Mounted| m.one("button.fork");
        assert!(
            fork(&m).has_attribute("disabled"),
            "nothing to fork at the end"
        );
        m.live.with_session(|s| s.seek(1_000));
        settle(10).await;
        assert!(!fork(&m).has_attribute("disabled"));
        m.click("button.fork").await;
        assert_eq!(m.session().end(), 1_000, "the recorded future is gone");
        assert_eq!(m.session().now(), 1_000);
        assert!(fork(&m).has_attribute("disabled"));
        assert_eq!(m.text(".clock"), "1.0 s / 1.0 s");
    }

    #[wasm_bindgen_test]
    async fn play_and_pause_say_so_in_the_readers_language() {
        for lang in Lang::ALL {
            let s = lang.strings();
            let (m, kept) = bar_on(session_at(0), lang).await;
            assert_eq!(
                m.one(".transport").get_attribute("aria-label").as_deref(),
                Some(s.time)
            );
            let play = |m: &Mounted| m.one("button.play");
            assert_eq!(
                play(&m).get_attribute("aria-pressed").as_deref(),
                Some("false")
            );
            assert_eq!(m.text("button.play span"), s.play);
            m.click("button.play").await;
            assert!(transport(&kept).playing);
            assert_eq!(
                play(&m).get_attribute("aria-pressed").as_deref(),
                Some("true")
            );
            assert_eq!(m.text("button.play span"), s.pause);
            assert_eq!(
                play(&m).get_attribute("aria-label").as_deref(),
                Some(s.pause)
            );
            assert_eq!(
                m.session().now(),
                0,
                "no loop here: playing alone moves no time"
            );
        }
    }
}
