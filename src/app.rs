use crate::browser;
use crate::embed::{self, Embed, HostMessage};
use crate::i18n::Lang;
use crate::playground::Playground;
use crate::scenes::{self, Scene, SceneNav};
use crate::shell::{EmbedCode, Footer, Header};
use yew::prelude::*;

/// What `?scene=` asked for: a scene, nothing (the free playground), or a name we do not
/// know — which opens the free playground with a message, never a crash.
fn scene_from_query() -> (Option<&'static Scene>, Option<String>) {
    match browser::query_param("scene") {
        None => (None, None),
        Some(id) if id.is_empty() || id == "free" => (None, None),
        Some(id) => match scenes::by_id(&id) {
            Some(scene) => (Some(scene), None),
            None => (None, Some(id)),
        },
    }
}

/// The whole page. Owns the chosen language and scene; every child reads its strings from
/// the language, so switching it re-renders every visible string and keeps the scene's
/// live state (the playground is keyed by scene and reset count, not by language).
#[function_component(App)]
pub fn app() -> Html {
    let lang = use_state(browser::initial_lang);
    {
        let lang = *lang;
        use_effect_with(lang, move |_| browser::apply_lang(lang));
    }
    let initial = use_memo((), |_| scene_from_query());
    let scene = use_state(|| initial.0);
    let unknown_scene = use_state(|| initial.1.clone());
    let resets = use_state(|| 0u32);
    let done = use_state(|| std::rc::Rc::new(browser::load_done_scenes()));
    let on_complete = {
        let done = done.clone();
        Callback::from(move |id: &'static str| {
            if !done.contains(id) {
                let mut next = (**done).clone();
                next.insert(id.to_string());
                browser::save_done_scenes(&next);
                done.set(std::rc::Rc::new(next));
            }
        })
    };
    let presenter = use_state(|| browser::query_param("presenter").as_deref() == Some("1"));
    let on_presenter = {
        let presenter = presenter.clone();
        Callback::from(move |p: bool| presenter.set(p))
    };
    let on_lang = {
        let lang = lang.clone();
        Callback::from(move |l: Lang| lang.set(l))
    };
    let on_go = {
        let (scene, unknown_scene) = (scene.clone(), unknown_scene.clone());
        Callback::from(move |target: Option<&'static Scene>| {
            browser::set_query_param("scene", target.map(|s| s.id));
            unknown_scene.set(None);
            scene.set(target);
        })
    };
    let on_reset = {
        let resets = resets.clone();
        Callback::from(move |_| resets.set(*resets + 1))
    };
    let embed = *use_memo((), |_| {
        let q = browser::query_param;
        Embed::from_params(
            q("embed").as_deref(),
            q("controls").as_deref(),
            q("autoplay").as_deref(),
        )
    });
    // A host page may reset the scene or switch the language (the rest reaches the
    // playground); and it hears that the scene is ready.
    {
        let (resets, lang, id) = (resets.clone(), lang.clone(), scene.map(|s| s.id));
        use_effect_with((), move |_| {
            let listener = embed::listen(Callback::from(move |m: HostMessage| match m {
                HostMessage::Reset => resets.set(*resets + 1),
                HostMessage::SetLang(l) => lang.set(l),
                _ => {}
            }));
            embed::notify("ready", &[("scene", id.unwrap_or("free").to_string())]);
            move || drop(listener)
        });
    }
    let s = lang.strings();
    let key = format!("{}#{}", scene.map_or("free", |s| s.id), *resets);
    if let Some(embed) = embed {
        return html! {
            <div class="app embedded">
                <main>
                    <Playground {key} lang={ *lang } scene={ *scene } { on_reset } { on_go } { on_complete } embed={ Some(embed) } />
                </main>
            </div>
        };
    }
    html! {
        <div class={ if *presenter { "app presenter" } else { "app" } }>
            <Header lang={ *lang } { on_lang } presenter={ *presenter } { on_presenter } />
            <SceneNav lang={ *lang } current={ *scene } on_go={ on_go.clone() } done={ (*done).clone() } />
            <EmbedCode lang={ *lang } scene={ *scene } />
            <main>
                if let Some(id) = (*unknown_scene).clone() {
                    <p class="form-error unknown-scene" role="alert">{ s.unknown_scene.replace("{id}", &id) }</p>
                }
                <Playground {key} lang={ *lang } scene={ *scene } { on_reset } { on_go } { on_complete } />
            </main>
            <Footer lang={ *lang } />
        </div>
    }
}
