//! Brokers: numbered servers that are up or down.

use crate::partition::BrokerId;
use serde::{Deserialize, Serialize};

/// The playground's ceiling on brokers, so the stage stays drawable.
pub const MAX_BROKERS: u32 = 9;

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Broker {
    pub id: BrokerId,
    pub alive: bool,
}
