//! Colours on the stage. A record's colour comes from its key, so records of one key look
//! alike wherever they travel; everything is also told apart by shape or text, never by
//! colour alone.

/// A stable hue for a key (Kafka's murmur2, so the same key always gets the same colour).
pub fn key_color(key: Option<&[u8]>) -> String {
    match key {
        None => "#7a8594".to_string(),
        Some(k) => {
            let hue = (kafka_model::murmur2(k) as u32) % 360;
            format!("hsl({hue}, 70%, 45%)")
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn same_key_same_colour_and_no_key_is_grey() {
        assert_eq!(key_color(Some(b"order-1")), key_color(Some(b"order-1")));
        assert_ne!(key_color(Some(b"order-1")), key_color(Some(b"order-2")));
        assert_eq!(key_color(None), "#7a8594");
    }
}
