//! The page's language, given once to every component below the app: [`LangProvider`] holds
//! it, [`use_lang`] reads it. Components never take the language as a property, so switching
//! it re-renders every visible string without touching what the components hold.

use super::Lang;
use yew::prelude::*;

#[derive(Properties, PartialEq)]
pub struct LangProviderProps {
    pub lang: Lang,
    #[prop_or_default]
    pub children: Html,
}

/// Makes `lang` the language of everything inside.
#[function_component(LangProvider)]
pub fn lang_provider(props: &LangProviderProps) -> Html {
    html! {
        <ContextProvider<Lang> context={props.lang}>
            { props.children.clone() }
        </ContextProvider<Lang>>
    }
}

/// The language the reader chose.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().expect("every component is mounted inside a LangProvider")
}
