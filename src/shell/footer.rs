use crate::i18n::use_lang;
use yew::prelude::*;

/// Versions of the app and of the model, so a screenshot in a bug report says what made it.
#[function_component(Footer)]
pub fn footer() -> Html {
    let s = use_lang().strings();
    html! {
        <footer class="app-footer">
            <span class="version">
                { format!("{} {} · {} {}", s.footer_version, crate::APP_VERSION,
                    s.footer_model, kafka_model::version::MODEL_VERSION) }
            </span>
        </footer>
    }
}
