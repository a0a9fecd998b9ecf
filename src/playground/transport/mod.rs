//! Play, pause, step forward and back, speed, the scrubber over recorded time, and "fork
//! from here" — time travel is checkpoints plus deterministic replay (see `session`). The
//! state is one reducer (`state`); the bar (`bar`) and the keyboard (`keys`) send it actions.

mod bar;
mod keys;
mod state;

pub use bar::{format_time, TransportBar};
pub use keys::use_transport_keys;
pub use state::{use_transport, Controls, Transport, TransportAction, SPEEDS};
