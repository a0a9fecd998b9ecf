use crate::i18n::{use_lang, Lang};
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct HeaderProps {
    pub on_lang: Callback<Lang>,
    pub presenter: bool,
    pub on_presenter: Callback<bool>,
}

/// Product name and the language switch. The switch is a pair of toggle buttons labelled in
/// their own language, so a reader stuck in the wrong one can still find theirs.
#[function_component(Header)]
pub fn header(props: &HeaderProps) -> Html {
    let current = use_lang();
    let s = current.strings();
    html! {
        <header class="app-header">
            <div class="brand">
                <h1>{ s.app_name }</h1>
                <p class="tagline">{ s.tagline }</p>
            </div>
            <div class="header-tools">
            <button type="button" class="presenter-toggle" aria-pressed={ props.presenter.to_string() } title={ s.presenter_hint }
                onclick={ let (on, p) = (props.on_presenter.clone(), props.presenter); Callback::from(move |_| on.emit(!p)) }>
                { s.presenter }
            </button>
            <button type="button" class="save-png" title={ s.save_png }
                onclick={ Callback::from(|_| { crate::shell::snapshot_png::save_stage_png("kafka-playground.png"); }) }>
                { s.save_png }
            </button>
            <div class="lang-switch" role="group" aria-label={ s.language_label }>
                { for Lang::ALL.iter().map(|&lang| {
                    let on_lang = props.on_lang.clone();
                    html! {
                        <button type="button" lang={ lang.code() } data-lang={ lang.code() }
                            aria-pressed={ (lang == current).to_string() }
                            onclick={ Callback::from(move |_| on_lang.emit(lang)) }>
                            { lang.native_name() }
                        </button>
                    }
                }) }
            </div>
            </div>
        </header>
    }
}
