use super::Strings;

pub static STRINGS: Strings = Strings {
    app_name: "Kafka Playground",
    tagline: "Publish events and watch them travel through a live Kafka cluster",
    language_label: "Language",
    stage_label: "Stage: the live Kafka cluster",
    stage_empty: "Producers, Brokers, Partitions and Consumer Groups will appear here.",
    footer_version: "Version",
    footer_model: "model",
    error_title: "Something went wrong",
    error_reload: "Reload the page",
};
