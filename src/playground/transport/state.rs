//! The transport as one reducer: whether time plays and how fast. Every way of driving it —
//! the bar's buttons, the keyboard, a clicker, a course page's `postMessage` — sends a
//! [`TransportAction`] through [`Controls::send`], the one place that changes it (by
//! [`Transport::reduce`], pure and tested) and also moves the session (step, seek, fork).
//!
//! The state has one home, a cell the animation loop reads on every frame. Why not Yew's
//! `use_reducer`: its handle is a snapshot of one render, so the loop would have to be
//! restarted on every change and could still run a frame on the old state after a pause —
//! time that moved after the learner stopped it.

use crate::live::Live;
use crate::session::Session;
use kafka_model::Ms;
use std::cell::Cell;
use std::rc::Rc;
use yew::prelude::*;

/// The speeds a learner can choose, slowest first.
pub const SPEEDS: [f64; 7] = [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0];

/// Whether simulated time moves, and how many simulated ms pass per real ms.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transport {
    pub playing: bool,
    pub speed: f64,
}

impl Transport {
    /// At normal speed; playing unless a course page asked to start paused.
    pub fn new(playing: bool) -> Self {
        Transport {
            playing,
            speed: 1.0,
        }
    }
}

/// What a learner (or a course page) asks of the transport.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum TransportAction {
    Play,
    Pause,
    TogglePlay,
    /// One of [`SPEEDS`]; any other value changes nothing.
    SetSpeed(f64),
    /// To the next moment anything happens; pauses.
    StepForward,
    /// To the latest moment before now at which anything happened; pauses.
    StepBack,
    /// To any moment between 0 and the recorded end; pauses.
    Seek(Ms),
    /// Discards the recorded future beyond now.
    Fork,
}

impl Transport {
    /// The transport after `action`.
    pub fn reduce(self, action: TransportAction) -> Transport {
        use TransportAction as A;
        let playing = match action {
            A::Play => true,
            A::Pause | A::StepForward | A::StepBack | A::Seek(_) => false,
            A::TogglePlay => !self.playing,
            A::SetSpeed(_) | A::Fork => self.playing,
        };
        let speed = match action {
            A::SetSpeed(v) if SPEEDS.contains(&v) => v,
            _ => self.speed,
        };
        Transport { playing, speed }
    }
}

impl TransportAction {
    /// What the action does to the session itself, if anything (time travel).
    pub fn on_session(self) -> Option<impl FnOnce(&mut Session)> {
        use TransportAction as A;
        let travel = match self {
            A::StepForward => Travel::Forward,
            A::StepBack => Travel::Back,
            A::Seek(t) => Travel::To(t),
            A::Fork => Travel::Fork,
            A::Play | A::Pause | A::TogglePlay | A::SetSpeed(_) => return None,
        };
        Some(move |s: &mut Session| match travel {
            Travel::Forward => s.step_forward(),
            Travel::Back => s.step_back(),
            Travel::To(t) => s.seek(t),
            Travel::Fork => s.fork(),
        })
    }
}

enum Travel {
    Forward,
    Back,
    To(Ms),
    Fork,
}

/// The transport as the page's views, listeners and animation loop use it: its state as of
/// this render (`state`), the state now ([`Controls::now`]), and the one way to change it.
/// Equal while the rendered state is, so the bar redraws only when needed. Handed to the bar
/// as a property (it is the transport's only view) and to the listeners (keys, a course
/// page's messages) and the loop when they start.
#[derive(Clone)]
pub struct Controls {
    pub state: Transport,
    home: Rc<Cell<Transport>>,
    redraw: UseForceUpdateHandle,
    live: Live,
}

impl PartialEq for Controls {
    fn eq(&self, other: &Self) -> bool {
        self.state == other.state
    }
}

impl Controls {
    /// The transport as it is now (the loop reads this on every frame).
    pub fn now(&self) -> Transport {
        self.home.get()
    }

    /// Moves the session if the action travels in time, then changes the transport and
    /// redraws the page. Safe to call from a listener registered long ago: it acts on the
    /// state as it is now.
    pub fn send(&self, action: TransportAction) {
        if let Some(travel) = action.on_session() {
            self.live.with_session(travel);
        }
        let next = self.home.get().reduce(action);
        if next != self.home.get() {
            self.home.set(next);
            self.redraw.force_update();
        }
    }
}

/// The transport of a playground: made once, `playing` unless a course page asked to start
/// paused; the calling component redraws when it changes.
#[hook]
pub fn use_transport(live: &Live, playing: bool) -> Controls {
    let home = use_memo((), move |_| Rc::new(Cell::new(Transport::new(playing))));
    let redraw = use_force_update();
    Controls {
        state: home.get(),
        home: (*home).clone(),
        redraw,
        live: live.clone(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use TransportAction as A;

    fn after(actions: &[TransportAction]) -> Transport {
        actions
            .iter()
            .fold(Transport::new(true), |t, a| t.reduce(*a))
    }

    #[test]
    fn toggling_plays_and_pauses_in_turn() {
        assert!(!after(&[A::TogglePlay]).playing);
        assert!(after(&[A::TogglePlay, A::TogglePlay]).playing);
        assert!(after(&[A::Pause, A::Play]).playing);
    }

    #[test]
    fn travelling_in_time_pauses_and_forking_does_not() {
        for travel in [A::StepForward, A::StepBack, A::Seek(500)] {
            assert!(!after(&[travel]).playing, "{travel:?}");
        }
        assert!(after(&[A::Fork]).playing);
        assert!(!after(&[A::Pause, A::Fork]).playing);
    }

    #[test]
    fn only_offered_speeds_are_taken() {
        assert_eq!(after(&[A::SetSpeed(2.0)]).speed, 2.0);
        assert_eq!(after(&[A::SetSpeed(2.0), A::SetSpeed(7.5)]).speed, 2.0);
        assert_eq!(after(&[A::SetSpeed(f64::NAN)]).speed, 1.0);
        assert!(
            after(&[A::SetSpeed(0.5)]).playing,
            "speed leaves play alone"
        );
    }

    #[test]
    fn only_time_travel_touches_the_session() {
        let mut session = Session::new(1, 1, &[]).unwrap();
        session.advance(3_000);
        for quiet in [A::Play, A::Pause, A::TogglePlay, A::SetSpeed(2.0)] {
            assert!(quiet.on_session().is_none(), "{quiet:?}");
        }
        (A::Seek(1_000).on_session().unwrap())(&mut session);
        assert_eq!(session.now(), 1_000);
        (A::Fork.on_session().unwrap())(&mut session);
        assert_eq!(session.end(), 1_000, "the future beyond 1 s is gone");
    }
}
