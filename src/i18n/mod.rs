//! Every string a person reads, in both languages, in one place.
//!
//! Each language is one `Strings` value, so the compiler refuses a string that exists in one
//! language and not the other. Kafka's own terms (Topic, Partition, offset, Broker...) stay in
//! English in both, as the primer writes them.

mod en;
pub mod errors;
pub mod happenings;
mod vi;

use serde::{Deserialize, Serialize};

/// The two first-class languages of the playground.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Lang {
    Vi,
    En,
}

impl Lang {
    pub const ALL: [Lang; 2] = [Lang::Vi, Lang::En];

    /// BCP 47 tag, for `<html lang>` and `?lang=`.
    pub fn code(self) -> &'static str {
        match self {
            Lang::Vi => "vi",
            Lang::En => "en",
        }
    }

    /// The language's own name, so a reader who knows neither label can still find theirs.
    pub fn native_name(self) -> &'static str {
        match self {
            Lang::Vi => "Tiếng Việt",
            Lang::En => "English",
        }
    }

    /// Parses `vi`, `vi-VN`, `EN-us`...; anything else is not a language we speak.
    pub fn from_tag(tag: &str) -> Option<Lang> {
        let primary = tag.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        match primary.as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }

    /// The first of the reader's preferred languages that we speak; English otherwise.
    pub fn negotiate<'a>(preferred: impl IntoIterator<Item = &'a str>) -> Lang {
        preferred
            .into_iter()
            .find_map(Lang::from_tag)
            .unwrap_or(Lang::En)
    }

    pub fn strings(self) -> &'static Strings {
        match self {
            Lang::Vi => &vi::STRINGS,
            Lang::En => &en::STRINGS,
        }
    }
}

/// All visible text of the app shell. Later screens add their fields here.
#[derive(Debug)]
pub struct Strings {
    pub app_name: &'static str,
    pub tagline: &'static str,
    pub language_label: &'static str,
    pub stage_label: &'static str,
    pub footer_version: &'static str,
    pub footer_model: &'static str,
    pub error_title: &'static str,
    pub error_reload: &'static str,
    pub play: &'static str,
    pub pause: &'static str,
    pub step_back: &'static str,
    pub step_forward: &'static str,
    pub speed: &'static str,
    pub time: &'static str,
    pub fork: &'static str,
    pub fork_hint: &'static str,
    pub scrubber: &'static str,
    pub publish_title: &'static str,
    pub topic: &'static str,
    pub key: &'static str,
    pub value: &'static str,
    pub headers: &'static str,
    pub partition_optional: &'static str,
    pub acks: &'static str,
    pub publish: &'static str,
    pub no_key: &'static str,
    pub record_card: &'static str,
    pub timestamp: &'static str,
    pub producer: &'static str,
    pub partition: &'static str,
    pub offset: &'static str,
    pub offset_pending: &'static str,
    pub auto_producer: &'static str,
    pub rate: &'static str,
    pub key_pattern: &'static str,
    pub keys_none: &'static str,
    pub keys_fixed: &'static str,
    pub keys_cycling: &'static str,
    pub keys_random: &'static str,
    pub keys_list: &'static str,
    pub start: &'static str,
    pub stop: &'static str,
    pub topics_title: &'static str,
    pub topic_name: &'static str,
    pub partitions: &'static str,
    pub replication_factor: &'static str,
    pub create_topic: &'static str,
    pub delete: &'static str,
    pub add_partitions: &'static str,
    pub brokers_title: &'static str,
    pub add_broker: &'static str,
    pub kill: &'static str,
    pub revive: &'static str,
    /// Unregister a shut-down, emptied broker (`kafka-cluster.sh unregister`).
    pub remove_broker: &'static str,
    /// Reassign one partition's replicas (`kafka-reassign-partitions.sh`).
    pub move_partition: &'static str,
    pub new_replicas: &'static str,
    pub invalid_broker_list: &'static str,
    pub alive: &'static str,
    pub down: &'static str,
    pub groups_title: &'static str,
    pub group_name: &'static str,
    pub strategy: &'static str,
    pub create_group: &'static str,
    pub add_member: &'static str,
    pub remove_member: &'static str,
    pub crash_member: &'static str,
    pub reset_offsets: &'static str,
    pub earliest: &'static str,
    pub latest: &'static str,
    pub to_offset: &'static str,
    pub idle: &'static str,
    pub describe_topics: &'static str,
    pub describe_groups: &'static str,
    /// Under a describe table (and in the lag chart) when there is nothing to show.
    pub no_topics_yet: &'static str,
    pub no_group_rows: &'static str,
    pub leader: &'static str,
    pub replicas: &'static str,
    pub isr: &'static str,
    pub member: &'static str,
    pub committed: &'static str,
    pub log_end: &'static str,
    pub lag: &'static str,
    pub none_yet: &'static str,
    pub timeline_title: &'static str,
    pub filter: &'static str,
    pub filter_all: &'static str,
    pub controller: &'static str,
    pub log_title: &'static str,
    pub log_start: &'static str,
    pub high_watermark: &'static str,
    pub log_end_offset: &'static str,
    pub close: &'static str,
    pub empty_log: &'static str,
    pub invalid_number: &'static str,
    pub required: &'static str,
    pub select_partition_hint: &'static str,
    pub lag_over_time: &'static str,
    pub presenter: &'static str,
    pub save_png: &'static str,
    pub presenter_hint: &'static str,
    /// A key a group processed out of produce order.
    pub out_of_order: &'static str,
    pub follow: &'static str,
    pub journey: &'static str,
    pub journey_partial: &'static str,
    pub cut_off: &'static str,
    pub fenced: &'static str,
    pub cut_off_action: &'static str,
    pub heal: &'static str,
    pub elect_preferred: &'static str,
    pub zookeeper_mode: &'static str,
    pub retention: &'static str,
    pub scenes_nav: &'static str,
    pub free_play: &'static str,
    pub scene_of: &'static str,
    pub try_this: &'static str,
    pub task_done: &'static str,
    pub task_todo: &'static str,
    pub scene_complete: &'static str,
    pub reset_scene: &'static str,
    pub previous: &'static str,
    pub next: &'static str,
    pub unknown_scene: &'static str,
    pub quick_actions: &'static str,
    pub illustration: &'static str,
    pub zoom: &'static str,
    pub zoom_in: &'static str,
    pub zoom_out: &'static str,
    pub zoom_fit: &'static str,
    pub dot_picker: &'static str,
    pub per_partition: &'static str,
    pub metadata_log_title: &'static str,
    pub metadata_log_zookeeper: &'static str,
    pub embed_title: &'static str,
    pub embed_hint: &'static str,
    pub copy_embed: &'static str,
    pub copied: &'static str,
    pub scenes_done: &'static str,
    pub services_title: &'static str,
    pub service_running: &'static str,
    pub service_stopped: &'static str,
    pub service_handled: &'static str,
    pub service_waiting: &'static str,
    pub database_title: &'static str,
    pub table_empty: &'static str,
    pub emails_sent: &'static str,
    pub stop_service: &'static str,
    pub start_service: &'static str,
    pub without_kafka: &'static str,
    pub with_kafka: &'static str,
    pub export_title: &'static str,
    pub export_hint: &'static str,
    pub export_script: &'static str,
    pub export_compose: &'static str,
    pub export_download_script: &'static str,
    pub export_download_compose: &'static str,
    pub share_title: &'static str,
    pub copy_link: &'static str,
    pub link_copied: &'static str,
    /// Shown above the link when the clipboard could not take it.
    pub link_copy_yourself: &'static str,
    pub link_label: &'static str,
    pub export_json: &'static str,
    pub import_json: &'static str,
    pub file_opened: &'static str,
    /// A scene with the shop without Kafka: only the Kafka side travels.
    pub share_kafka_only: &'static str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn negotiates_first_language_we_speak() {
        assert_eq!(Lang::negotiate(["fr-FR", "vi-VN", "en"]), Lang::Vi);
        assert_eq!(Lang::negotiate(["en-GB", "vi"]), Lang::En);
        assert_eq!(Lang::negotiate(["de", "ja"]), Lang::En);
        assert_eq!(Lang::negotiate([]), Lang::En);
    }

    #[test]
    fn parses_tags_case_insensitively_and_refuses_others() {
        assert_eq!(Lang::from_tag("VI"), Some(Lang::Vi));
        assert_eq!(Lang::from_tag("en_US"), Some(Lang::En));
        assert_eq!(Lang::from_tag("vie"), None);
        assert_eq!(Lang::from_tag(""), None);
        assert_eq!(Lang::from_tag("<script>"), None);
    }

    #[test]
    fn languages_differ_where_they_should_and_keep_kafka_terms() {
        let (vi, en) = (Lang::Vi.strings(), Lang::En.strings());
        assert_ne!(vi.tagline, en.tagline);
        assert_ne!(vi.select_partition_hint, en.select_partition_hint);
        // The product name is a name, the same in both.
        assert_eq!(vi.app_name, en.app_name);
        // Kafka terms stay English in the Vietnamese text.
        assert!(
            vi.groups_title.contains("Consumer") && vi.select_partition_hint.contains("partition"),
            "{}",
            vi.select_partition_hint
        );
    }
}
