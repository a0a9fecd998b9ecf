use crate::browser;
use crate::embed::{self, Embed, HostMessage};
use crate::i18n::{provide_lang, strings, Lang};
use crate::playground::{Playground, SessionHandoff};
use crate::scenes::{self, Scene, SceneNav};
use crate::share::{ShareError, Shared};
use crate::shell::{EmbedCode, Footer, Header};
use std::rc::Rc;
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

/// A rebuilt shared session, and the scene it names (none: the free playground).
type Opened = (Option<&'static Scene>, SessionHandoff);

/// Rebuilds a shared session; the scene it names comes with it.
fn rebuild(shared: &Shared) -> Result<Opened, ShareError> {
    let scene = shared.validate()?;
    let session = shared.rebuild()?;
    Ok((scene, SessionHandoff::new(session)))
}

/// The session a shared link in the address's fragment describes: none without a fragment,
/// an error (shown, and nothing else changes) for one we cannot use.
fn opened_link() -> Result<Option<Opened>, Rc<ShareError>> {
    match crate::share::browser::fragment().filter(|f| !f.is_empty()) {
        None => Ok(None),
        Some(fragment) => match Shared::from_fragment(&fragment) {
            // Not a share link at all (an ordinary `#anchor`): nothing to say.
            Err(ShareError::NotOurFormat { .. }) => Ok(None),
            decoded => decoded
                .and_then(|shared| rebuild(&shared))
                .map(Some)
                .map_err(Rc::new),
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
    // After the first render: index.html's "Loading…" goes.
    use_effect_with((), |_| browser::remove_boot_message());
    let initial = use_memo((), |_| scene_from_query());
    // A shared link (`#v1.…`) wins over the query: rebuild its session once, or say why not.
    let from_link = use_memo((), |_| opened_link());
    let start = use_state(|| {
        from_link
            .as_ref()
            .as_ref()
            .ok()
            .and_then(|o| o.clone())
            .map(|(_, h)| h)
    });
    // Kept as the error (it follows a change of language), shared rather than copied.
    let share_error = use_state(|| from_link.as_ref().as_ref().err().cloned());
    let scene = use_state(|| match from_link.as_ref() {
        Ok(Some((scene, _))) => *scene,
        _ => initial.0,
    });
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
            // The address names what is on screen: a shared link no longer does.
            crate::share::browser::set_fragment("");
            browser::set_query_param("scene", target.map(|s| s.id));
            unknown_scene.set(None);
            scene.set(target);
        })
    };
    let on_reset = {
        let (resets, start) = (resets.clone(), start.clone());
        Callback::from(move |_| {
            crate::share::browser::set_fragment("");
            start.set(None);
            resets.set(*resets + 1);
        })
    };
    // An imported file: rebuild it, then remount the playground on it.
    let on_load = {
        let (resets, start, scene, share_error) = (
            resets.clone(),
            start.clone(),
            scene.clone(),
            share_error.clone(),
        );
        Callback::from(move |shared: Shared| match rebuild(&shared) {
            Ok((target, handoff)) => {
                browser::set_query_param("scene", target.map(|s| s.id));
                share_error.set(None);
                scene.set(target);
                start.set(Some(handoff));
                resets.set(*resets + 1);
            }
            Err(e) => share_error.set(Some(Rc::new(e))),
        })
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
    // A link pasted into this tab changes only the fragment (no reload): load it too.
    {
        let (on_load, share_error) = (on_load.clone(), share_error.clone());
        use_effect_with((), move |_| {
            let listener = web_sys::window().map(|w| {
                gloo_events::EventListener::new(&w, "hashchange", move |_| {
                    let Some(fragment) =
                        crate::share::browser::fragment().filter(|f| !f.is_empty())
                    else {
                        return;
                    };
                    match Shared::from_fragment(&fragment) {
                        Ok(shared) => on_load.emit(shared),
                        Err(ShareError::NotOurFormat { .. }) => {}
                        Err(e) => share_error.set(Some(Rc::new(e))),
                    }
                })
            });
            move || drop(listener)
        });
    }
    let key = format!("{}#{}", scene.map_or("free", |s| s.id), *resets);
    if let Some(embed) = embed {
        return provide_lang(
            *lang,
            html! {
                <div class="app embedded">
                    <main>
                        <Playground {key} scene={ *scene } { on_reset } { on_go } { on_complete } embed={ Some(embed) } start={ (*start).clone() } on_load={ on_load.clone() } />
                    </main>
                </div>
            },
        );
    }
    provide_lang(
        *lang,
        html! {
            <div class={ if *presenter { "app presenter" } else { "app" } }>
                <Header { on_lang } presenter={ *presenter } { on_presenter } />
                <SceneNav current={ *scene } on_go={ on_go.clone() } done={ (*done).clone() } />
                <EmbedCode scene={ *scene } />
                <main>
                    if let Some(e) = (*share_error).clone() {
                        <p class="form-error unknown-scene share-error" role="alert">{ e.describe(*lang) }</p>
                    }
                    if let Some(id) = (*unknown_scene).clone() {
                        <p class="form-error unknown-scene" role="alert">{ strings::unknown_scene(*lang, &id) }</p>
                    }
                    <Playground {key} scene={ *scene } { on_reset } { on_go } { on_complete } start={ (*start).clone() } { on_load } />
                </main>
                <Footer />
            </div>
        },
    )
}
