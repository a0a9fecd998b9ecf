//! A screen-reader live region that says, in words, the notable things that happen
//! ("order-1 written to orders-2 at offset 5", "broker-2 is down"), at most one every few
//! seconds so it informs instead of flooding.

use crate::i18n::happenings::describe;
use crate::i18n::use_lang;
use crate::live::use_live;
use kafka_model::HappeningKind as K;
use yew::prelude::*;

/// Real milliseconds between two announcements.
const QUIET_MS: f64 = 3_000.0;

fn notable(kind: &K) -> bool {
    matches!(
        kind,
        K::AppendedAtLeader { .. }
            | K::LeaderElected { .. }
            | K::BrokerDown { .. }
            | K::BrokerUp { .. }
            | K::BrokerRemoved { .. }
            | K::ReassignmentCompleted { .. }
            | K::DataLost { .. }
            | K::RebalanceCompleted { .. }
            | K::MemberExpired { .. }
            | K::NetworkCut { .. }
            | K::ProduceFailed { .. }
            | K::TopicCreated { .. }
    )
}

#[function_component(Announcer)]
pub fn announcer() -> Html {
    let live = use_live();
    let lang = use_lang();
    // (id of the last happening announced, when, the sentence)
    let last = use_mut_ref(|| (None::<u64>, f64::NEG_INFINITY, String::new()));
    let now = js_sys::Date::now();
    {
        let mut last = last.borrow_mut();
        if now - last.1 >= QUIET_MS {
            let newest = {
                let session = live.session.borrow();
                let found = session
                    .recent()
                    .iter()
                    .rev()
                    .find(|h| notable(&h.kind))
                    .map(|h| (h.id, describe(h, lang)));
                found
            };
            if let Some((id, sentence)) = newest.filter(|(id, _)| Some(*id) != last.0) {
                *last = (Some(id), now, sentence);
            }
        }
    }
    let text = last.borrow().2.clone();
    html! { <div class="sr-only announcer" role="status" aria-live="polite">{ text }</div> }
}
