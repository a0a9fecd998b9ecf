use crate::i18n::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct StageProps {
    pub lang: Lang,
}

/// The SVG the cluster is drawn into. Its coordinate system is fixed (`viewBox`), so drawings
/// scale with the window instead of re-laying out on every resize.
#[function_component(Stage)]
pub fn stage(props: &StageProps) -> Html {
    let s = props.lang.strings();
    html! {
        <section class="stage-wrap">
            <svg class="stage" viewBox="0 0 1200 700" role="img" aria-label={ s.stage_label }
                preserveAspectRatio="xMidYMid meet">
                <text class="stage-empty" x="600" y="350" text-anchor="middle">{ s.stage_empty }</text>
            </svg>
        </section>
    }
}
