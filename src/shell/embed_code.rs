//! "Embed this scene": the `<iframe>` snippet a course author pastes into a page, for the
//! scene and language on screen, with a sensible size and an accessible title.

use crate::i18n::{use_lang, Lang};
use crate::scenes::Scene;
use wasm_bindgen::prelude::*;
use yew::prelude::*;

#[wasm_bindgen(inline_js = r#"
export function copy_text(text) {
  if (navigator.clipboard && navigator.clipboard.writeText) {
    navigator.clipboard.writeText(text).catch(() => {});
    return true;
  }
  return false;
}
"#)]
extern "C" {
    /// Copies to the clipboard where the browser allows it; false where it has no API
    /// (the snippet stays selected in its box for a manual copy).
    fn copy_text(text: &str) -> bool;
}

/// The snippet for `page` (the playground's address without query or fragment). Attribute
/// values are escaped, so a scene title can never break out of the tag.
pub fn snippet(page: &str, scene: Option<&Scene>, lang: Lang) -> String {
    let mut src = format!("{page}?embed=1&lang={}", lang.code());
    if let Some(scene) = scene {
        src.push_str("&scene=");
        src.push_str(scene.id);
    }
    let app = lang.strings().app_name;
    let title = match scene {
        Some(scene) => format!("{app} — {}", scene.title.get(lang)),
        None => app.to_string(),
    };
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"720\" style=\"border:0;max-width:1100px\" loading=\"lazy\"></iframe>",
        escape(&src),
        escape(&title)
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// The page's own address, without query or fragment.
fn page_address() -> String {
    web_sys::window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

#[derive(Properties, PartialEq)]
pub struct EmbedCodeProps {
    pub scene: Option<&'static Scene>,
}

#[function_component(EmbedCode)]
pub fn embed_code(props: &EmbedCodeProps) -> Html {
    let lang = use_lang();
    let s = lang.strings();
    let copied = use_state(|| false);
    let code = snippet(&page_address(), props.scene, lang);
    let onclick = {
        let (code, copied) = (code.clone(), copied.clone());
        Callback::from(move |_| copied.set(copy_text(&code)))
    };
    html! {
        <details class="embed-code" ontoggle={ let c = copied.clone(); Callback::from(move |_| c.set(false)) }>
            <summary>{ s.embed_title }</summary>
            <div class="embed-code-body">
                <p class="hint muted">{ s.embed_hint }</p>
                <textarea readonly=true rows="4" aria-label={ s.embed_title } value={ code } />
                <button type="button" class="copy-embed" {onclick}>{ s.copy_embed }</button>
                if *copied { <span class="copied" role="status">{ s.copied }</span> }
            </div>
        </details>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippet_names_the_scene_and_language_and_escapes() {
        let scene = crate::scenes::by_id("partitions");
        let code = snippet("https://course.example/kafka/", scene, Lang::Vi);
        assert!(code.starts_with("<iframe src=\"https://course.example/kafka/?embed=1&amp;lang=vi&amp;scene=partitions\""));
        assert!(code.contains("title=\"Kafka Playground — Partition và offset\""));
        let hostile = snippet("https://x/\"><script>", None, Lang::En);
        assert!(!hostile.contains("<script>") && hostile.contains("&quot;&gt;&lt;script&gt;"));
    }
}
