//! The page around the stage: header with the language switch, the stage itself, the footer.

mod footer;
mod header;
pub mod snapshot_png;
mod stage;

pub use footer::Footer;
pub use header::Header;
pub use stage::Stage;
