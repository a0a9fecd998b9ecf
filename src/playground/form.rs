//! Small helpers for the forms: reading uncontrolled inputs and parsing what a learner typed.
//! Bad input never reaches the model; it gets an inline message in the reader's language.

use crate::i18n::Lang;
use kafka_model::ModelError;
use yew::prelude::*;

pub fn input_value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlInputElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// Gives an input its starting text once, when it mounts. (Yew's `value=` is controlled:
/// it would put the text back on every re-render, and the stage re-renders all the time.)
#[hook]
pub fn use_default_value(node: &NodeRef, text: &'static str) {
    let node = node.clone();
    use_effect_with((), move |_| {
        if let Some(input) = node.cast::<web_sys::HtmlInputElement>() {
            input.set_value(text);
        }
    });
}

pub fn select_value(node: &NodeRef) -> String {
    node.cast::<web_sys::HtmlSelectElement>()
        .map(|i| i.value())
        .unwrap_or_default()
}

/// A whole number typed by a learner, or `None` for anything else (sign, letters, overflow).
pub fn parse_count(text: &str) -> Option<u32> {
    let t = text.trim();
    if t.is_empty() || !t.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    t.parse().ok()
}

/// Broker ids typed as `1,3` (commas or spaces between them); `None` when one is not a
/// whole number. An empty list is left for the model to refuse with its own reason.
pub fn parse_broker_list(text: &str) -> Option<Vec<u32>> {
    text.split([',', ' '])
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(parse_count)
        .collect()
}

/// `a=1, b=2` as header pairs; `None` when an item has no name.
pub fn parse_headers(text: &str) -> Option<Vec<(String, String)>> {
    text.split(',')
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(|item| {
            let (k, v) = item.split_once('=').unwrap_or((item, ""));
            let k = k.trim();
            (!k.is_empty()).then(|| (k.to_string(), v.trim().to_string()))
        })
        .collect()
}

/// A refused command, in the reader's language.
pub fn error_text(e: &ModelError, lang: Lang) -> String {
    crate::i18n::errors::describe(e, lang)
}

#[derive(Properties, PartialEq)]
pub struct FieldErrorProps {
    pub message: Option<String>,
}

/// The inline message under a form; announced politely to screen readers.
#[function_component(FieldError)]
pub fn field_error(props: &FieldErrorProps) -> Html {
    html! {
        <p class="form-error" role="status" aria-live="polite">{ props.message.clone().unwrap_or_default() }</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_are_whole_non_negative_numbers_only() {
        assert_eq!(parse_count(" 12 "), Some(12));
        assert_eq!(parse_count("0"), Some(0));
        for bad in ["", "-1", "1.5", "abc", "3e2", "99999999999", "+4"] {
            assert_eq!(parse_count(bad), None, "{bad}");
        }
    }

    #[test]
    fn broker_lists_are_whole_numbers_separated_by_commas_or_spaces() {
        assert_eq!(parse_broker_list("1,3"), Some(vec![1, 3]));
        assert_eq!(parse_broker_list(" 2, 1 ,4 "), Some(vec![2, 1, 4]));
        assert_eq!(parse_broker_list("2 3"), Some(vec![2, 3]));
        assert_eq!(parse_broker_list(""), Some(vec![]));
        for bad in ["1;3", "a,b", "1,-2", "1.5"] {
            assert_eq!(parse_broker_list(bad), None, "{bad}");
        }
    }

    #[test]
    fn headers_parse_pairs_and_refuse_nameless_items() {
        assert_eq!(
            parse_headers("source=web, trace = 42"),
            Some(vec![
                ("source".into(), "web".into()),
                ("trace".into(), "42".into())
            ])
        );
        assert_eq!(parse_headers(""), Some(vec![]));
        assert_eq!(
            parse_headers("flag"),
            Some(vec![("flag".into(), "".into())])
        );
        assert_eq!(parse_headers("=x"), None);
    }
}
