//! Decimal numbers as the page writes them (SVG coordinates, seconds, speeds, rates), by
//! integer arithmetic. Why not `format!("{:.1}", x)` or `x.to_string()`: formatting an `f64`
//! anywhere brings Rust's float-to-decimal machinery (Grisu with a Dragon fallback, and its
//! tables) into the wasm, for numbers the page only ever shows to a tenth or a hundredth.
//! With no `f64` formatted anywhere (the model's messages included), none of it is compiled
//! in: the release wasm went from 422,686 to 414,800 bytes gzipped (`make dist`,
//! 2026-12-06). `make dist` fails if it creeps back, naming this module.
//!
//! Rounding is half away from zero on the value scaled by the power of ten, where the
//! standard library rounds an exact tie to even: `fixed(0.25, 1)` is `0.3` here and `0.2`
//! there. Nothing the page draws or says depends on that difference.

/// `v` with exactly `places` decimals: `fixed(2.0, 1)` is `"2.0"`, `fixed(-0.04, 1)` `"0.0"`.
/// Values too large for the scaled integer saturate; non-finite ones read as Rust writes them.
pub fn fixed(v: f64, places: u32) -> String {
    if v.is_nan() {
        return "NaN".into();
    }
    if v.is_infinite() {
        return if v > 0.0 { "inf".into() } else { "-inf".into() };
    }
    let scale = 10u64.pow(places.min(9));
    // `as` saturates: a huge value becomes u64::MAX, never undefined.
    let scaled = (v.abs() * scale as f64).round() as u64;
    let sign = if v < 0.0 && scaled != 0 { "-" } else { "" };
    let (whole, fraction) = (scaled / scale, scaled % scale);
    if places == 0 {
        format!("{sign}{whole}")
    } else {
        let width = places.min(9) as usize;
        format!("{sign}{whole}.{fraction:0width$}")
    }
}

/// `v` with at most `places` decimals and no trailing zeros: `short(1.0, 2)` is `"1"`,
/// `short(0.25, 2)` `"0.25"`, `short(12.345, 1)` `"12.3"`.
pub fn short(v: f64, places: u32) -> String {
    let mut text = fixed(v, places);
    if places > 0 && v.is_finite() {
        while text.ends_with('0') {
            text.pop();
        }
        if text.ends_with('.') {
            text.pop();
        }
        if text == "-0" {
            text = "0".into();
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fixed_writes_what_format_writes_away_from_ties() {
        for (v, places) in [
            (0.0, 1),
            (2.0, 1),
            (12.34, 1),
            (12.36, 1),
            (-3.21, 1),
            (0.06, 1),
            (999.96, 1),
            (1234.5678, 2),
            (0.333, 2),
            (7.49, 0),
            (7.51, 0),
            (-7.51, 0),
            (65.4321, 3),
        ] {
            assert_eq!(
                fixed(v, places),
                format!("{v:.*}", places as usize),
                "{v} to {places}"
            );
        }
    }

    #[test]
    fn ties_round_away_from_zero_and_negative_zero_loses_its_sign() {
        assert_eq!(fixed(0.25, 1), "0.3");
        assert_eq!(fixed(-0.25, 1), "-0.3");
        assert_eq!(fixed(-0.04, 1), "0.0");
        assert_eq!(fixed(2.5, 0), "3");
    }

    #[test]
    fn short_trims_trailing_zeros() {
        assert_eq!(short(1.0, 2), "1");
        assert_eq!(short(0.25, 2), "0.25");
        assert_eq!(short(0.1, 2), "0.1");
        assert_eq!(short(150.0, 1), "150");
        assert_eq!(short(12.345, 1), "12.3");
        assert_eq!(short(-0.001, 2), "0");
        assert_eq!(short(-12.5, 1), "-12.5");
        for v in [0.1, 0.25, 0.5, 1.0, 2.0, 3.0, 4.0, 1.5] {
            assert_eq!(short(v, 2), v.to_string(), "{v}");
        }
    }

    #[test]
    fn odd_values_never_panic() {
        assert_eq!(fixed(f64::NAN, 1), "NaN");
        assert_eq!(fixed(f64::INFINITY, 1), "inf");
        assert_eq!(short(f64::NEG_INFINITY, 1), "-inf");
        assert_eq!(
            fixed(1e300, 2),
            format!("{}.{:02}", u64::MAX / 100, u64::MAX % 100)
        );
        assert_eq!(fixed(1.0, 30).len(), "1.".len() + 9, "at most nine places");
    }
}
