//! The page around the stage: header (language switch, presenter mode, PNG), footer, and
//! the stage snapshot helper.

mod embed_code;
mod footer;
mod header;
pub mod snapshot_png;

pub use embed_code::EmbedCode;
pub use footer::Footer;
pub use header::Header;
