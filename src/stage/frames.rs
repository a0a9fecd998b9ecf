//! The frame bus: the animation loop tells the few views that move every frame (the dots,
//! the clock, the shop without Kafka) to redraw, without re-rendering the page around them.

use std::cell::RefCell;
use std::rc::Rc;
use yew::prelude::*;

/// The subscribed views, each with the id its subscription removes.
type Subscribers = Rc<RefCell<Vec<(u64, Callback<()>)>>>;

/// Views to redraw on every animation frame. Shared by handle; equal when the same bus.
#[derive(Clone, Default)]
pub struct FrameBus {
    subscribers: Subscribers,
    next_id: Rc<RefCell<u64>>,
}

impl PartialEq for FrameBus {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.subscribers, &other.subscribers)
    }
}

impl FrameBus {
    /// A frame happened: every subscribed view redraws.
    pub fn tick(&self) {
        let subscribers: Vec<Callback<()>> = self
            .subscribers
            .borrow()
            .iter()
            .map(|(_, c)| c.clone())
            .collect();
        for c in subscribers {
            c.emit(());
        }
    }

    fn subscribe(&self, callback: Callback<()>) -> Subscription {
        let id = {
            let mut next = self.next_id.borrow_mut();
            *next += 1;
            *next
        };
        self.subscribers.borrow_mut().push((id, callback));
        Subscription {
            bus: self.clone(),
            id,
        }
    }
}

/// Unsubscribes when dropped (the view unmounted).
pub struct Subscription {
    bus: FrameBus,
    id: u64,
}

impl Drop for Subscription {
    fn drop(&mut self) {
        self.bus
            .subscribers
            .borrow_mut()
            .retain(|(id, _)| *id != self.id);
    }
}

/// Re-renders the calling component on every frame of `bus`.
#[hook]
pub fn use_frames(bus: &FrameBus) {
    let update = use_force_update();
    let bus = bus.clone();
    use_effect_with(bus, move |bus| {
        let subscription = bus.subscribe(Callback::from(move |_| update.force_update()));
        move || drop(subscription)
    });
}

/// Like [`use_frames`], but re-renders only when `key()` differs from the last frame's: for
/// a view whose look changes more slowly than frames come (a clock in tenths of a second).
/// Re-rendering the transport bar on every frame, only to find its text unchanged, was a
/// good part of an idle page's main-thread work on a phone (`CPU=4 QUERY='?lang=vi'
/// node tests/bench/frames.mjs 1`).
#[hook]
pub fn use_frames_when<K, F>(bus: &FrameBus, key: F)
where
    K: PartialEq + 'static,
    F: Fn() -> K + 'static,
{
    let update = use_force_update();
    let bus = bus.clone();
    use_effect_with(bus, move |bus| {
        let last: RefCell<Option<K>> = RefCell::new(None);
        let subscription = bus.subscribe(Callback::from(move |_| {
            let now = key();
            if last.borrow().as_ref() != Some(&now) {
                *last.borrow_mut() = Some(now);
                update.force_update();
            }
        }));
        move || drop(subscription)
    });
}
