//! The page around the stage: header (language switch, presenter mode, PNG), footer, and
//! the stage snapshot helper.

mod footer;
mod header;
pub mod snapshot_png;

pub use footer::Footer;
pub use header::Header;
