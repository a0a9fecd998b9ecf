//! The page's language, given once to every component below the app: [`provide_lang`] holds
//! it, [`use_lang`] reads it. Components never take the language as a property, so switching
//! it re-renders every visible string without touching what the components hold.

use super::Lang;
use yew::prelude::*;

/// Makes `lang` the language of everything in `children`. (A function, not a component:
/// one component type fewer in the wasm.)
pub fn provide_lang(lang: Lang, children: Html) -> Html {
    html! {
        <ContextProvider<Lang> context={lang}>
            { children }
        </ContextProvider<Lang>>
    }
}

/// The language the reader chose.
#[hook]
pub fn use_lang() -> Lang {
    use_context::<Lang>().expect("every component is mounted under provide_lang")
}
