//! The shop's services as an operator sees them: running or stopped, what each handled,
//! what waits for it in Kafka, and what they did to the world — the rows of the database
//! table and the e-mails sent.

use super::form::error_text;
use crate::i18n::use_lang;
use crate::live::use_panel_live;
use kafka_model::Command;
use yew::prelude::*;

/// Rows shown per table (the last by key); the caption gives the full count.
const ROWS_SHOWN: usize = 6;

#[function_component(ServicesPanel)]
pub fn services_panel() -> Html {
    let live = use_panel_live();
    let lang = use_lang();
    let s = lang.strings();
    let error = use_state(|| None::<String>);
    let session = live.session.borrow();
    let cluster = session.cluster();
    if cluster.services().next().is_none() {
        return html! {};
    }
    let services = cluster.services().map(|svc| {
        let name = svc.name.clone();
        let lag = cluster.service_lag(&name).unwrap_or(0);
        let toggle = {
            let (live, lang, error, running) = (live.clone(), lang, error.clone(), svc.running);
            let name = name.clone();
            Callback::from(move |_| {
                let command = if running {
                    Command::StopService { name: name.clone() }
                } else {
                    Command::StartService { name: name.clone() }
                };
                error.set(live.run(command).err().map(|e| error_text(&e, lang)));
            })
        };
        let label = format!("{} {}", if svc.running { s.stop_service } else { s.start_service }, svc.name);
        html! {
            <li class={ if svc.running { "service running" } else { "service stopped" } } data-service={ name.clone() }>
                <span class="item-name">
                    <strong>{ &svc.name }</strong>
                    <span class="service-state">{ if svc.running { format!(" ✓ {}", s.service_running) } else { format!(" ✕ {}", s.service_stopped) } }</span>
                    <br />
                    <span class="muted service-stats">
                        { format!("{} {} · {} {}", s.service_handled, svc.handled, s.service_waiting, lag) }
                        if svc.emails_sent > 0 { { format!(" · {} {}", svc.emails_sent, s.emails_sent) } }
                    </span>
                </span>
                <button type="button" class="service-toggle" aria-label={ label.clone() } title={ label } onclick={toggle}>
                    { if svc.running { s.stop_service } else { s.start_service } }
                </button>
            </li>
        }
    });
    let tables = cluster.tables().iter().map(|(table, rows)| {
        html! {
            <figure class="db-table" data-table={ table.clone() }>
                <figcaption>{ format!("{} · {table} ({})", s.database_title, rows.len()) }</figcaption>
                if rows.is_empty() {
                    <p class="muted hint">{ s.table_empty }</p>
                } else {
                    <table class="describe">
                        <thead><tr><th>{ s.row_key }</th><th>{ s.row_value }</th></tr></thead>
                        <tbody>
                            { for rows.iter().rev().take(ROWS_SHOWN).map(|(k, v)| html! {
                                <tr><td>{ k }</td><td>{ v }</td></tr>
                            }) }
                        </tbody>
                    </table>
                }
            </figure>
        }
    });
    html! {
        <section class="panel services" aria-labelledby="services-title">
            <h2 id="services-title">{ s.services_title }</h2>
            <ul class="items">{ for services }</ul>
            <p class="form-error" role="status" aria-live="polite">{ (*error).clone().unwrap_or_default() }</p>
            { for tables }
        </section>
    }
}
