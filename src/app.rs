use crate::browser;
use crate::i18n::Lang;
use crate::playground::Playground;
use crate::shell::{Footer, Header};
use yew::prelude::*;

/// The whole page. Owns the chosen language; every child reads its strings from it, so
/// switching language re-renders every visible string and nothing else changes.
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(browser::initial_lang);
    {
        let lang = *lang;
        use_effect_with(lang, move |_| browser::apply_lang(lang));
    }
    let presenter = use_state(|| browser::query_param("presenter").as_deref() == Some("1"));
    let on_presenter = {
        let presenter = presenter.clone();
        Callback::from(move |p: bool| presenter.set(p))
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    html! {
        <div class={ if *presenter { "app presenter" } else { "app" } }>
            <Header lang={ *lang } { on_lang } presenter={ *presenter } { on_presenter } />
            <main>
                <Playground lang={ *lang } />
            </main>
            <Footer lang={ *lang } />
        </div>
    }
}
