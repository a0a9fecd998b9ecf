//! The bridge between the session and Yew: one shared session, a version that components
//! compare to know when to redraw, and the frame bus for the views that move every frame.

use crate::session::{Session, SessionRef};
use crate::stage::FrameBus;
use kafka_model::{Command, ModelError, Outcome};
use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// Play state the animation loop reads every frame without re-creating itself.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Transport {
    pub playing: bool,
    pub speed: f64,
}

#[derive(Clone)]
pub struct Live {
    pub session: SessionRef,
    pub transport: Rc<RefCell<Transport>>,
    version: Rc<RefCell<u64>>,
    set_version: UseStateSetter<u64>,
    /// The side panels, tables and timeline follow their own version, bumped by the
    /// animation loop in a later frame than the stage's, so no single frame pays for
    /// redrawing everything at once.
    panels: SessionRef,
    panel_version: Rc<RefCell<u64>>,
    set_panel_version: UseStateSetter<u64>,
    /// The views that move every frame.
    pub frames: FrameBus,
}

impl PartialEq for Live {
    fn eq(&self, other: &Self) -> bool {
        self.session == other.session
    }
}

impl Live {
    /// Tells every view the session changed (a learner's command: everything at once).
    pub fn changed(&self) {
        self.stage_changed();
        self.panels_changed();
    }

    /// Tells the stage (and the scene card) the session changed.
    pub fn stage_changed(&self) {
        let v = *self.version.borrow() + 1;
        *self.version.borrow_mut() = v;
        self.set_version.set(v);
        self.frames.tick();
    }

    /// Tells the side panels, tables and timeline the session changed.
    pub fn panels_changed(&self) {
        let v = *self.panel_version.borrow() + 1;
        *self.panel_version.borrow_mut() = v;
        self.set_panel_version.set(v);
    }

    /// The same live session as the panels see it (their own redraw version).
    pub fn for_panels(&self) -> Live {
        Live {
            session: self.panels.clone(),
            ..self.clone()
        }
    }

    /// Tells the views that move every frame that time moved (cheap: only they redraw).
    pub fn moved(&self) {
        self.frames.tick();
    }

    /// Runs a learner's command; a refused one changes nothing and says why.
    pub fn run(&self, command: Command) -> Result<Outcome, ModelError> {
        let result = self.session.borrow_mut().apply(command);
        if result.is_ok() {
            self.changed();
        }
        result
    }

    pub fn with_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> R {
        let r = f(&mut self.session.borrow_mut());
        self.changed();
        r
    }
}

/// The hook: creates the session once (from `init`) and returns the live handle.
#[hook]
pub fn use_live(init: impl FnOnce() -> Session) -> Live {
    let base = use_mut_ref(|| None::<SessionRef>);
    if base.borrow().is_none() {
        *base.borrow_mut() = Some(SessionRef::new(init()));
    }
    let base = base.borrow().clone().expect("session created above");
    let version = use_state(|| 0u64);
    let panel_version = use_state(|| 0u64);
    // One counter shared by every `Live` copy (the animation loop keeps an old one).
    let counter = use_mut_ref(|| 0u64);
    let panel_counter = use_mut_ref(|| 0u64);
    let transport = use_mut_ref(|| Transport {
        playing: true,
        speed: 1.0,
    });
    let live = Live {
        session: base.at_version(*version),
        transport,
        version: counter,
        set_version: version.setter(),
        panels: base.at_version(*panel_version),
        panel_version: panel_counter,
        set_panel_version: panel_version.setter(),
        frames: (*use_mut_ref(FrameBus::default)).borrow().clone(),
    };
    live
}
