//! The model's version, shown in the app's footer so a screenshot says what produced it.

/// Version of the `kafka-model` crate, from Cargo.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn model_version_is_semver_like() {
        let parts: Vec<_> = MODEL_VERSION.split('.').collect();
        assert_eq!(parts.len(), 3, "{MODEL_VERSION}");
        assert!(parts.iter().all(|p| p.parse::<u32>().is_ok()));
    }
}
