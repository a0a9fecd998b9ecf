//! A small live chart of each group's total lag over the last two minutes.
//!
//! The chart stretches to its panel's width (`preserveAspectRatio="none"`, with strokes that
//! do not scale): time runs across whatever room there is, and the panel is sometimes a third
//! of the page, sometimes all of it.

use crate::i18n::use_lang;
use crate::live::use_panel_live;
use crate::numbers::{fixed, short};
use yew::prelude::*;

const W: f64 = 300.0;
const H: f64 = 64.0;

/// `points` for an SVG polyline: time left to right over the window, lag bottom to top.
pub fn polyline(series: &[(u64, u64)]) -> String {
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return String::new();
    };
    let max = series.iter().map(|(_, l)| *l).max().unwrap_or(0);
    polyline_in(series, (first.0, last.0), max)
}

/// The same on a shared scale — the window `t0..t1` and the largest lag `max` — so several
/// partitions' lines can be compared on one chart.
pub fn polyline_in(series: &[(u64, u64)], (t0, t1): (u64, u64), max: u64) -> String {
    let span = t1.saturating_sub(t0).max(1) as f64;
    let max = max.max(1) as f64;
    series
        .iter()
        .map(|(t, l)| {
            format!(
                "{},{}",
                fixed(t.saturating_sub(t0) as f64 / span * W, 1),
                fixed(H - 4.0 - *l as f64 / max * (H - 8.0), 1)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Distinct, colour-blind-safe hues for partition lines (Okabe–Ito), with the partition
/// named in the legend so colour is never the only cue.
const PARTITION_COLOURS: [&str; 7] = [
    "#0072b2", "#e69f00", "#009e73", "#cc79a7", "#56b4e9", "#d55e00", "#000000",
];

#[function_component(LagChart)]
pub fn lag_chart() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let session = live.session.borrow();
    let groups: Vec<String> = session
        .cluster()
        .groups()
        .map(|g| g.group_id.clone())
        .collect();
    let charts = groups.iter().map(|g| {
        let series: Vec<(u64, u64)> = session.lag_history().series(g).map(|v| v.iter().copied().collect()).unwrap_or_default();
        let now = series.last().map_or(0, |(_, l)| *l);
        let peak = series.iter().map(|(_, l)| *l).max().unwrap_or(0);
        let parts = session.lag_history().partition_series(g);
        let window = parts
            .iter()
            .flat_map(|(_, v)| v.front().zip(v.back()))
            .fold(None::<(u64, u64)>, |w, (a, b)| {
                Some(w.map_or((a.0, b.0), |(x, y)| (x.min(a.0), y.max(b.0))))
            })
            .unwrap_or((0, 1));
        let part_max = parts.iter().flat_map(|(_, v)| v.iter().map(|(_, l)| *l)).max().unwrap_or(0);
        html! {
            <figure class="lag-chart" data-group={g.clone()}>
                <figcaption>{ format!("{g} · {} {now} · {} {peak}", s.lag, s.max) }</figcaption>
                <svg viewBox={format!("0 0 {} {}", short(W, 1), short(H, 1))} preserveAspectRatio="none" role="img" aria-label={ format!("{}: {g}, {} {now}", s.lag_over_time, s.lag) }>
                    <line class="axis" x1="0" y1={short(H - 4.0, 1)} x2={short(W, 1)} y2={short(H - 4.0, 1)} />
                    <polyline class="lag-line" points={polyline(&series)} />
                </svg>
                if !parts.is_empty() {
                    <details class="per-partition">
                        <summary>{ s.per_partition }</summary>
                        <svg viewBox={format!("0 0 {} {}", short(W, 1), short(H, 1))} preserveAspectRatio="none" role="img" aria-label={ format!("{}: {g}, {}", s.lag_over_time, s.per_partition) }>
                            <line class="axis" x1="0" y1={short(H - 4.0, 1)} x2={short(W, 1)} y2={short(H - 4.0, 1)} />
                            { for parts.iter().enumerate().map(|(i, (_, v))| {
                                let series: Vec<(u64, u64)> = v.iter().copied().collect();
                                html! { <polyline class="partition-line" stroke={ PARTITION_COLOURS[i % PARTITION_COLOURS.len()] } points={ polyline_in(&series, window, part_max) } /> }
                            }) }
                        </svg>
                        <ul class="legend">
                            { for parts.iter().enumerate().map(|(i, (tp, v))| html! {
                                <li data-tp={ tp.to_string() }>
                                    <span class="swatch" style={ format!("background:{}", PARTITION_COLOURS[i % PARTITION_COLOURS.len()]) }></span>
                                    { format!("{tp}: {}", v.back().map_or(0, |(_, l)| *l)) }
                                </li>
                            }) }
                        </ul>
                    </details>
                }
            </figure>
        }
    });
    html! {
        <section class="panel lag-panel" aria-labelledby="lag-title">
            <h2 id="lag-title">{ s.lag_over_time }</h2>
            if groups.is_empty() {
                <p class="muted empty-note">{ s.no_group_rows }</p>
            }
            { for charts }
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn polyline_spans_the_chart_and_puts_more_lag_higher() {
        let pts = polyline(&[(0, 0), (1000, 5), (2000, 10)]);
        let coords: Vec<(f64, f64)> = pts
            .split(' ')
            .map(|p| {
                let (x, y) = p.split_once(',').unwrap();
                (x.parse().unwrap(), y.parse().unwrap())
            })
            .collect();
        assert_eq!(coords.first().unwrap().0, 0.0);
        assert_eq!(coords.last().unwrap().0, W);
        assert!(
            coords[2].1 < coords[1].1 && coords[1].1 < coords[0].1,
            "{pts}"
        );
        assert_eq!(polyline(&[]), "");
    }
}

#[cfg(all(test, target_arch = "wasm32"))]
mod browser_tests {
    //! The lag chart alone on a known session: its figures and numbers are the lag history's.
    use super::*;
    use crate::browser_test_support::{mount, rect, Mounted};
    use crate::i18n::Lang;
    use crate::playground::preset;
    use crate::session::Session;
    use kafka_model::{Command, ProducerRecord, TopicConfig};
    use wasm_bindgen_test::*;

    wasm_bindgen_test_configure!(run_in_browser);

    /// One figure per group, in the model's order, each caption and line from the history.
    /// Returns the largest lag the captions showed.
    fn expect_figures(m: &Mounted) -> u64 {
        let s = m.lang.strings();
        let session = m.session();
        let groups: Vec<String> = session
            .cluster()
            .groups()
            .map(|g| g.group_id.clone())
            .collect();
        let figures = m.all("figure.lag-chart");
        let drawn: Vec<String> = figures
            .iter()
            .map(|f| f.get_attribute("data-group").unwrap())
            .collect();
        assert_eq!(drawn, groups, "a figure per group");
        let mut largest = 0;
        for (figure, g) in figures.iter().zip(&groups) {
            let series: Vec<(u64, u64)> = session
                .lag_history()
                .series(g)
                .map(|v| v.iter().copied().collect())
                .unwrap_or_default();
            let now = series.last().map_or(0, |(_, l)| *l);
            let peak = series.iter().map(|(_, l)| *l).max().unwrap_or(0);
            largest = largest.max(peak);
            let caption = figure.query_selector("figcaption").unwrap().unwrap();
            assert_eq!(
                caption.text_content().unwrap(),
                format!("{g} · {} {now} · {} {peak}", s.lag, s.max)
            );
            let points = figure
                .query_selector("polyline.lag-line")
                .unwrap()
                .unwrap()
                .get_attribute("points")
                .unwrap();
            let points: Vec<&str> = points.split_whitespace().collect();
            assert_eq!(points.len(), series.len(), "{g}: a point per sample");
            // The last point's height says the lag now: at the bottom for none, at the top for the peak.
            if let Some(last) = points.last() {
                let y: f64 = last.split_once(',').unwrap().1.parse().unwrap();
                if now == 0 {
                    assert_eq!(y, H - 4.0, "{g}: no lag sits on the axis");
                } else if now == peak {
                    assert_eq!(y, 4.0, "{g}: the peak touches the top");
                }
            }
            let parts = session.lag_history().partition_series(g);
            let legend: Vec<String> = figure
                .query_selector_all(".legend li")
                .map(|list| {
                    (0..list.length())
                        .map(|i| list.item(i).unwrap().text_content().unwrap())
                        .collect()
                })
                .unwrap();
            let expected: Vec<String> = parts
                .iter()
                .map(|(tp, v)| format!("{tp}: {}", v.back().map_or(0, |(_, l)| *l)))
                .collect();
            assert_eq!(legend, expected, "{g}: one legend line per partition");
        }
        largest
    }

    #[wasm_bindgen_test]
    async fn a_figure_per_group_whose_caption_and_line_are_the_lag_historys() {
        let mut session = Session::new(preset::SEED, preset::BROKERS, &preset::commands()).unwrap();
        // A second group that nobody consumes for: its lag only grows.
        session
            .apply(Command::CreateGroup {
                group: "audit".into(),
                config: Default::default(),
            })
            .unwrap();
        let m = mount(session, Lang::En, html! { <LagChart /> }).await;
        assert_eq!(m.find(".empty-note"), None);
        m.advance(3_000).await;
        expect_figures(&m);
        let mut largest = 0;
        for round in 0..4 {
            for i in 0..6 {
                let key = format!("order-{round}-{i}");
                let record = ProducerRecord::text("orders", Some(&key), "v");
                m.live
                    .run(Command::Produce {
                        producer: 1,
                        record,
                    })
                    .unwrap();
            }
            m.advance(1_000).await;
            largest = largest.max(expect_figures(&m));
        }
        m.advance(10_000).await;
        expect_figures(&m);
        assert!(largest > 0, "the chart went through some lag");
        // Stretched to its panel: the chart's box is as wide as its figure.
        let figure = m.one("figure.lag-chart");
        let svg = m.one("figure.lag-chart > svg");
        assert!(rect(&svg).width() > 0.0 && rect(&svg).width() <= rect(&figure).width() + 0.5);
    }

    #[wasm_bindgen_test]
    async fn without_a_group_the_chart_says_so_in_both_languages() {
        for lang in Lang::ALL {
            let session = Session::new(
                1,
                3,
                &[Command::CreateTopic {
                    name: "orders".into(),
                    config: TopicConfig::default(),
                }],
            )
            .unwrap();
            let m = mount(session, lang, html! { <LagChart /> }).await;
            m.advance(2_000).await;
            assert_eq!(m.count("figure"), 0);
            assert_eq!(m.text("h2"), lang.strings().lag_over_time);
            assert_eq!(m.text(".empty-note"), lang.strings().no_group_rows);
            m.run(Command::CreateGroup {
                group: "payments".into(),
                config: Default::default(),
            })
            .await;
            m.advance(1_000).await;
            assert_eq!(m.find(".empty-note"), None, "a group: no note");
            expect_figures(&m);
        }
    }
}
