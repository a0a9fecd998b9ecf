//! The bridge between the session and Yew: one shared session, and its one home for
//! components — two contexts, so the stage and the panels redraw at their own pace.
//!
//! The session is shared by handle (`Rc<RefCell<Session>>`); what tells a component to redraw
//! is a version. There are two, kept once, in a reducer ([`Versions`]): the stage's (bumped
//! when anything happened, at most ten times a second) and the panels' (bumped a frame after
//! the stage's, so no single frame pays for redrawing everything at once). A component reads
//! the session through [`use_live`] (the stage's version) or [`use_panel_live`] (the
//! panels'), and re-renders only when that version moved, not on every animation frame.

use crate::session::{Session, SessionRef};
use crate::stage::FrameBus;
use kafka_model::{ModelError, Outcome, WorldCommand};
use std::rc::Rc;
use yew::prelude::*;

/// The two redraw versions: what changed, counted once.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct Versions {
    pub stage: u64,
    pub panels: u64,
}

/// Who should redraw.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Redraw {
    /// The stage and the scene card (the animation loop, when something happened).
    Stage,
    /// The side panels, tables and timeline (a frame after the stage).
    Panels,
    /// Everything at once (a learner's command).
    All,
}

impl Reducible for Versions {
    type Action = Redraw;

    fn reduce(self: Rc<Self>, redraw: Redraw) -> Rc<Self> {
        let (stage, panels) = match redraw {
            Redraw::Stage => (1, 0),
            Redraw::Panels => (0, 1),
            Redraw::All => (1, 1),
        };
        Rc::new(Versions {
            stage: self.stage.wrapping_add(stage),
            panels: self.panels.wrapping_add(panels),
        })
    }
}

/// A handle on the live session, as one render of the playground saw it. Clones share the
/// session; `session` carries the version this copy redraws at (the stage's, or the
/// panels' for [`Live::for_panels`]), so two copies are equal when a view need not redraw.
#[derive(Clone)]
pub struct Live {
    pub session: SessionRef,
    /// The same session at the panels' version.
    panels: SessionRef,
    redraw: UseReducerDispatcher<Versions>,
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
        self.redraw.dispatch(Redraw::All);
        self.frames.tick();
    }

    /// Tells the stage (and the scene card) the session changed.
    pub fn stage_changed(&self) {
        self.redraw.dispatch(Redraw::Stage);
        self.frames.tick();
    }

    /// Tells the side panels, tables and timeline the session changed.
    pub fn panels_changed(&self) {
        self.redraw.dispatch(Redraw::Panels);
    }

    /// Tells the views that move every frame that time moved (cheap: only they redraw).
    pub fn moved(&self) {
        self.frames.tick();
    }

    /// The same live session as the panels see it (their own redraw version).
    pub fn for_panels(&self) -> Live {
        Live {
            session: self.panels.clone(),
            ..self.clone()
        }
    }

    /// Runs a learner's command, for either world; a refused one changes nothing and says why.
    pub fn run(&self, command: impl Into<WorldCommand>) -> Result<Outcome, ModelError> {
        let result = self.session.borrow_mut().apply(command);
        if result.is_ok() {
            self.changed();
        }
        result
    }

    /// Changes the session some other way (time travel), then redraws everything.
    pub fn with_session<R>(&self, f: impl FnOnce(&mut Session) -> R) -> R {
        let r = f(&mut self.session.borrow_mut());
        self.changed();
        r
    }
}

/// Creates the session once (from `init`) and returns the live handle; the component calling
/// it re-renders whenever a version moves, and hands the handle down with [`provide_live`].
#[hook]
pub fn use_new_live(init: impl FnOnce() -> Session) -> Live {
    let session = use_memo((), move |_| SessionRef::new(init()));
    let versions = use_reducer(Versions::default);
    let frames = use_memo((), |_| FrameBus::default());
    Live {
        session: session.at_version(versions.stage),
        panels: session.at_version(versions.panels),
        redraw: versions.dispatcher(),
        frames: (*frames).clone(),
    }
}

/// The panels' copy of the live session, as a context of its own type.
#[derive(Clone, PartialEq)]
struct PanelLive(Live);

/// Gives every component in `children` the live session: [`use_live`] and
/// [`use_panel_live`]. (A function, not a component: one component type fewer in the wasm.)
pub fn provide_live(live: &Live, children: Html) -> Html {
    html! {
        <ContextProvider<Live> context={live.clone()}>
            <ContextProvider<PanelLive> context={PanelLive(live.for_panels())}>
                { children }
            </ContextProvider<PanelLive>>
        </ContextProvider<Live>>
    }
}

/// The live session at the stage's version: for the stage, the scene card, the announcer.
#[hook]
pub fn use_live() -> Live {
    use_context::<Live>().expect("a playground view is mounted under provide_live")
}

/// The live session at the panels' version: for the side panels, tables and timeline.
#[hook]
pub fn use_panel_live() -> Live {
    use_context::<PanelLive>()
        .expect("a playground panel is mounted under provide_live")
        .0
}
