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
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    html! {
        <div class="app">
            <Header lang={ *lang } { on_lang } />
            <main>
                <Playground lang={ *lang } />
            </main>
            <Footer lang={ *lang } />
        </div>
    }
}
