//! What a course page's `postMessage` asks of the playground it embeds: publish, play,
//! pause (reset and language are the page's, see `crate::app`). Messages are validated in
//! `crate::embed`; a publish the model refuses is answered with an error message.

use super::transport::{Controls, TransportAction};
use crate::embed::HostMessage;
use crate::i18n::Lang;
use crate::live::Live;
use kafka_model::{Command, ModelError, ProducerRecord};
use yew::prelude::*;

/// Listens for as long as the calling component lives (again from each change of language,
/// in which refusals are worded).
#[hook]
pub fn use_host_messages(live: &Live, controls: &Controls, lang: Lang) {
    let (live, controls) = (live.clone(), controls.clone());
    use_effect_with(lang, move |&lang| {
        let listener = crate::embed::listen(Callback::from(move |m: HostMessage| match m {
            HostMessage::Play => controls.send(TransportAction::Play),
            HostMessage::Pause => controls.send(TransportAction::Pause),
            HostMessage::Publish { topic, key, value } => {
                let producer = live
                    .session
                    .borrow()
                    .cluster()
                    .producers()
                    .next()
                    .map(|p| p.id);
                let result = match producer {
                    Some(producer) => {
                        let record = ProducerRecord::text(topic, key.as_deref(), &value);
                        live.run(Command::Produce { producer, record }).map(|_| ())
                    }
                    None => Err(ModelError::UnknownProducer { producer: 1 }),
                };
                if let Err(e) = result {
                    crate::embed::notify(
                        "error",
                        &[("message", crate::i18n::errors::describe(&e, lang))],
                    );
                }
            }
            _ => {}
        }));
        move || drop(listener)
    });
}
