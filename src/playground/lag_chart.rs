//! A small live chart of each group's total lag over the last two minutes.

use super::live::Live;
use crate::i18n::Lang;
use yew::prelude::*;

const W: f64 = 300.0;
const H: f64 = 64.0;

#[derive(Properties, PartialEq)]
pub struct LagChartProps {
    pub live: Live,
    pub lang: Lang,
}

/// `points` for an SVG polyline: time left to right over the window, lag bottom to top.
pub fn polyline(series: &[(u64, u64)]) -> String {
    let (Some(first), Some(last)) = (series.first(), series.last()) else {
        return String::new();
    };
    let span = (last.0 - first.0).max(1) as f64;
    let max = series.iter().map(|(_, l)| *l).max().unwrap_or(0).max(1) as f64;
    series
        .iter()
        .map(|(t, l)| {
            format!(
                "{:.1},{:.1}",
                (t - first.0) as f64 / span * W,
                H - 4.0 - *l as f64 / max * (H - 8.0)
            )
        })
        .collect::<Vec<_>>()
        .join(" ")
}

#[function_component(LagChart)]
pub fn lag_chart(props: &LagChartProps) -> Html {
    let s = props.lang.strings();
    let session = props.live.session.borrow();
    let groups: Vec<String> = session
        .cluster()
        .groups()
        .map(|g| g.group_id.clone())
        .collect();
    let charts = groups.iter().map(|g| {
        let series: Vec<(u64, u64)> = session.lag_history().series(g).map(|v| v.iter().copied().collect()).unwrap_or_default();
        let now = series.last().map_or(0, |(_, l)| *l);
        let peak = series.iter().map(|(_, l)| *l).max().unwrap_or(0);
        html! {
            <figure class="lag-chart" data-group={g.clone()}>
                <figcaption>{ format!("{g} · {} {now} · max {peak}", s.lag) }</figcaption>
                <svg viewBox={format!("0 0 {W} {H}")} role="img" aria-label={ format!("{}: {g}, {} {now}", s.lag_over_time, s.lag) }>
                    <line class="axis" x1="0" y1={(H - 4.0).to_string()} x2={W.to_string()} y2={(H - 4.0).to_string()} />
                    <polyline class="lag-line" points={polyline(&series)} />
                </svg>
            </figure>
        }
    });
    html! {
        <section class="panel lag-panel" aria-labelledby="lag-title">
            <h2 id="lag-title">{ s.lag_over_time }</h2>
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
