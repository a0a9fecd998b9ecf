//! The UI's words: one list of fixed strings, each field with its English and its Vietnamese
//! side by side (`strings!`, in `mod.rs`, turns it into the `Strings` struct and its two
//! statics), then the few UI sentences with numbers or names in them, as `tr!` pairs.

use super::Lang;

strings! {
    app_name: { en: "Kafka Playground", vi: "Kafka Playground" },
    tagline: {
        en: "Publish events and watch them travel through a live Kafka cluster",
        vi: "Gửi events và xem chúng di chuyển qua một cụm Kafka đang chạy",
    },
    language_label: { en: "Language", vi: "Ngôn ngữ" },
    stage_label: { en: "Stage: the live Kafka cluster", vi: "Sân khấu: cụm Kafka đang chạy" },
    footer_version: { en: "Version", vi: "Phiên bản" },
    footer_model: { en: "model", vi: "mô hình" },
    error_title: { en: "Something went wrong", vi: "Đã có lỗi xảy ra" },
    error_reload: { en: "Reload the page", vi: "Tải lại trang" },
    play: { en: "Play", vi: "Chạy" },
    pause: { en: "Pause", vi: "Tạm dừng" },
    step_back: { en: "Step back", vi: "Lùi một bước" },
    step_forward: { en: "Step forward", vi: "Tiến một bước" },
    speed: { en: "Speed", vi: "Tốc độ" },
    time: { en: "Time", vi: "Thời gian" },
    fork: { en: "Fork from here", vi: "Rẽ nhánh từ đây" },
    fork_hint: {
        en: "Discard the recorded future and continue differently from this moment",
        vi: "Bỏ phần tương lai đã ghi và tiếp tục theo cách khác từ thời điểm này",
    },
    scrubber: { en: "Timeline position", vi: "Vị trí trên dòng thời gian" },
    publish_title: { en: "Publish an event", vi: "Gửi một event" },
    topic: { en: "Topic", vi: "Topic" },
    key: { en: "Key", vi: "Key" },
    value: { en: "Value", vi: "Value" },
    /// Examples in the publish form's empty fields.
    key_example: { en: "order-1", vi: "order-1" },
    value_example: { en: "{\"total\": 250000}", vi: "{\"total\": 250000}" },
    headers_example: { en: "source=web", vi: "source=web" },
    headers: {
        en: "Headers (name=value, comma separated)",
        vi: "Headers (tên=giá trị, cách nhau bằng dấu phẩy)",
    },
    partition_optional: {
        en: "Partition (empty: chosen by the key)",
        vi: "Partition (để trống: chọn theo key)",
    },
    acks: { en: "acks", vi: "acks" },
    publish: { en: "Publish", vi: "Gửi" },
    no_key: { en: "(no key)", vi: "(không có key)" },
    record_card: { en: "The event you published", vi: "Event bạn vừa gửi" },
    timestamp: { en: "Timestamp", vi: "Thời điểm" },
    producer: { en: "Producer", vi: "Producer" },
    partition: { en: "Partition", vi: "Partition" },
    offset: { en: "offset", vi: "offset" },
    offset_pending: { en: "waiting for the leader…", vi: "đang chờ leader…" },
    auto_producer: { en: "Auto-producer", vi: "Producer tự động" },
    rate: { en: "Events per second", vi: "Số event mỗi giây" },
    key_pattern: { en: "Keys", vi: "Key" },
    keys_none: { en: "none", vi: "không có" },
    keys_fixed: { en: "fixed", vi: "cố định" },
    keys_cycling: { en: "cycling", vi: "lần lượt" },
    keys_random: { en: "random", vi: "ngẫu nhiên" },
    keys_list: { en: "Keys (comma separated)", vi: "Các key (cách nhau bằng dấu phẩy)" },
    /// The auto-producer's keys until the learner types others.
    keys_default: { en: "order-1, order-2, order-3", vi: "order-1, order-2, order-3" },
    start: { en: "Start", vi: "Bắt đầu" },
    stop: { en: "Stop", vi: "Dừng" },
    topics_title: { en: "Topics", vi: "Topics" },
    topic_name: { en: "Topic name", vi: "Tên Topic" },
    /// An example in the empty topic-name field.
    topic_name_example: { en: "payments", vi: "payments" },
    partitions: { en: "Partitions", vi: "Partitions" },
    replication_factor: { en: "Replication factor", vi: "Replication factor" },
    create_topic: { en: "Create topic", vi: "Tạo topic" },
    delete: { en: "Delete", vi: "Xoá" },
    add_partitions: { en: "Add partitions", vi: "Thêm partitions" },
    /// A topic's button that adds one partition.
    add_one_partition: { en: "+1 Partition", vi: "+1 Partition" },
    brokers_title: { en: "Brokers", vi: "Brokers" },
    add_broker: { en: "Add broker", vi: "Thêm broker" },
    kill: { en: "Kill", vi: "Tắt" },
    revive: { en: "Revive", vi: "Bật lại" },
    /// Unregister a shut-down, emptied broker (`kafka-cluster.sh unregister`).
    remove_broker: { en: "Remove", vi: "Gỡ" },
    /// Reassign one partition's replicas (`kafka-reassign-partitions.sh`).
    move_partition: { en: "Move partition", vi: "Di chuyển partition" },
    new_replicas: {
        en: "New replicas (broker ids, leader first)",
        vi: "Replica mới (id broker, leader đứng đầu)",
    },
    invalid_broker_list: {
        en: "Enter broker ids separated by commas, e.g. 1,3.",
        vi: "Hãy nhập id broker, cách nhau bằng dấu phẩy, ví dụ 1,3.",
    },
    alive: { en: "alive", vi: "đang chạy" },
    down: { en: "down", vi: "đã tắt" },
    groups_title: { en: "Consumer groups", vi: "Consumer groups" },
    group_name: { en: "Group name", vi: "Tên group" },
    /// An example in the empty group-name field.
    group_name_example: { en: "notifications", vi: "notifications" },
    strategy: { en: "Assignment strategy", vi: "Chiến lược phân chia" },
    create_group: { en: "Create group", vi: "Tạo group" },
    add_member: { en: "Add consumer", vi: "Thêm consumer" },
    remove_member: { en: "Leave", vi: "Rời group" },
    crash_member: { en: "Crash", vi: "Làm sập" },
    reset_offsets: { en: "Reset offsets", vi: "Đặt lại offset" },
    earliest: { en: "earliest", vi: "earliest" },
    latest: { en: "latest", vi: "latest" },
    to_offset: { en: "to offset", vi: "tới offset" },
    idle: { en: "idle", vi: "rảnh" },
    /// A member's state on the stage (an idle one reads `idle`; a working one, its partitions).
    member_crashed: { en: "✕ crashed", vi: "✕ đã sập" },
    member_leaving: { en: "leaving", vi: "đang rời group" },
    member_joining: { en: "joining…", vi: "đang vào group…" },
    /// Before a partition number on a member's box: P0,P2.
    partition_short: { en: "P", vi: "P" },
    /// A member's lag on its box on the stage.
    lag_badge: { en: "lag", vi: "lag" },
    /// A group's generation on the stage.
    generation: { en: "generation", vi: "generation" },
    describe_topics: { en: "kafka-topics --describe", vi: "kafka-topics --describe" },
    describe_groups: {
        en: "kafka-consumer-groups --describe",
        vi: "kafka-consumer-groups --describe",
    },
    /// Under a describe table (and in the lag chart) when there is nothing to show.
    no_topics_yet: { en: "No topics yet.", vi: "Chưa có topic nào." },
    no_group_rows: {
        en: "No consumer group has read or been given a partition yet.",
        vi: "Chưa có consumer group nào đọc hay được giao partition.",
    },
    /// The consumer-groups table's first column (Kafka's tool prints GROUP).
    group: { en: "Group", vi: "Group" },
    leader: { en: "Leader", vi: "Leader" },
    replicas: { en: "Replicas", vi: "Replicas" },
    isr: { en: "Isr", vi: "Isr" },
    member: { en: "Member", vi: "Member" },
    committed: { en: "Committed", vi: "Committed" },
    log_end: { en: "Log end", vi: "Log end" },
    lag: { en: "Lag", vi: "Lag" },
    none_yet: { en: "none yet", vi: "chưa có" },
    timeline_title: { en: "What happened", vi: "Những gì đã xảy ra" },
    filter: { en: "Show", vi: "Hiện" },
    filter_all: { en: "everything", vi: "tất cả" },
    controller: { en: "KRaft controller", vi: "KRaft controller" },
    /// The KRaft controller's voters, on the stage.
    voters: { en: "voters", vi: "voters" },
    log_title: { en: "Partition log", vi: "Log của partition" },
    log_start: { en: "log start", vi: "log start" },
    high_watermark: { en: "HW", vi: "HW" },
    log_end_offset: { en: "LEO", vi: "LEO" },
    close: { en: "Close", vi: "Đóng" },
    empty_log: { en: "No records yet.", vi: "Chưa có record nào." },
    invalid_number: { en: "Enter a whole number.", vi: "Hãy nhập một số nguyên." },
    required: { en: "This field is required.", vi: "Trường này là bắt buộc." },
    select_partition_hint: {
        en: "Click a partition on the stage to open its log.",
        vi: "Bấm vào một partition trên sân khấu để mở log của nó.",
    },
    lag_over_time: { en: "Lag over time", vi: "Lag theo thời gian" },
    /// A group's highest lag in the chart's window.
    max: { en: "max", vi: "max" },
    presenter: { en: "Presenter mode", vi: "Chế độ trình chiếu" },
    save_png: { en: "Save stage as PNG", vi: "Lưu sân khấu thành PNG" },
    presenter_hint: {
        en: "Large type and high contrast for a projector; PageDown and . step the simulation",
        vi: "Chữ lớn, tương phản cao cho máy chiếu; PageDown và . để tiến từng bước",
    },
    /// A key a group processed out of produce order.
    out_of_order: { en: "out of order", vi: "sai thứ tự" },
    follow: { en: "Follow this record", vi: "Theo dõi record này" },
    journey: { en: "Its journey", vi: "Hành trình của nó" },
    journey_partial: {
        en: "The timeline no longer holds the start of this record's trip.",
        vi: "Dòng thời gian không còn giữ phần đầu hành trình của record này.",
    },
    cut_off: { en: "cut off", vi: "bị cô lập" },
    fenced: { en: "fenced", vi: "bị chặn (fenced)" },
    cut_off_action: { en: "Cut off", vi: "Cắt mạng" },
    heal: { en: "Heal", vi: "Nối lại mạng" },
    elect_preferred: { en: "Elect preferred leaders", vi: "Bầu lại preferred leader" },
    zookeeper_mode: { en: "ZooKeeper mode (legacy)", vi: "Chế độ ZooKeeper (cũ)" },
    retention: {
        en: "retention.ms (seconds; empty = 7 days)",
        vi: "retention.ms (giây; để trống = 7 ngày)",
    },
    scenes_nav: { en: "Primer scenes", vi: "Bài học theo primer" },
    free_play: { en: "Free playground", vi: "Sân chơi tự do" },
    try_this: { en: "Try this", vi: "Thử làm" },
    task_done: { en: "Done", vi: "Xong" },
    task_todo: { en: "Not yet", vi: "Chưa xong" },
    scene_complete: {
        en: "You have done every step of this scene.",
        vi: "Bạn đã làm hết các bước của cảnh này.",
    },
    reset_scene: { en: "Reset the scene", vi: "Bắt đầu lại cảnh" },
    previous: { en: "← Previous", vi: "← Cảnh trước" },
    next: { en: "Next →", vi: "Cảnh sau →" },
    quick_actions: { en: "Quick actions", vi: "Thao tác nhanh" },
    illustration: { en: "Primer illustration", vi: "Hình minh hoạ trong primer" },
    zoom: { en: "Stage zoom", vi: "Phóng to sân khấu" },
    zoom_in: { en: "Zoom in", vi: "Phóng to" },
    zoom_out: { en: "Zoom out", vi: "Thu nhỏ" },
    zoom_fit: { en: "Fit (100%)", vi: "Vừa khung (100%)" },
    dot_picker: {
        en: "Records in flight: press → or ← to read each record's key",
        vi: "Các record đang bay: bấm → hoặc ← để xem key của từng record",
    },
    per_partition: { en: "Per partition", vi: "Theo từng partition" },
    metadata_log_title: {
        en: "KRaft metadata log (__cluster_metadata)",
        vi: "Metadata log của KRaft (__cluster_metadata)",
    },
    metadata_log_zookeeper: {
        en: "ZooKeeper mode: the controller writes its state to ZooKeeper znodes; this is the log KRaft would keep.",
        vi: "Đang ở chế độ ZooKeeper: controller ghi trạng thái vào các znode của ZooKeeper; đây là log KRaft sẽ dùng.",
    },
    embed_title: { en: "Embed in a course page", vi: "Nhúng vào trang khoá học" },
    embed_hint: {
        en: "Paste this into your page: it opens the scene and language on screen.",
        vi: "Dán đoạn mã này vào trang của bạn: nó mở đúng cảnh và ngôn ngữ đang xem.",
    },
    copy_embed: { en: "Copy embed code", vi: "Sao chép mã nhúng" },
    copied: { en: "Copied.", vi: "Đã sao chép." },
    services_title: { en: "The shop's services", vi: "Các service của cửa hàng" },
    /// Marks a service's group and producer on the stage.
    service: { en: "service", vi: "service" },
    service_running: { en: "running", vi: "đang chạy" },
    service_stopped: { en: "stopped", vi: "đã dừng" },
    service_handled: { en: "handled", vi: "đã xử lý" },
    service_waiting: { en: "waiting in Kafka (lag)", vi: "chờ trong Kafka (lag)" },
    database_title: { en: "Database", vi: "Database" },
    /// The columns of a service's database table.
    row_key: { en: "key", vi: "key" },
    row_value: { en: "value", vi: "value" },
    table_empty: { en: "The table is empty.", vi: "Bảng còn trống." },
    emails_sent: { en: "e-mails sent", vi: "email đã gửi" },
    stop_service: { en: "Stop", vi: "Dừng" },
    start_service: { en: "Start", vi: "Chạy lại" },
    without_kafka: {
        en: "Without Kafka: services call each other",
        vi: "Không có Kafka: các service gọi thẳng nhau",
    },
    with_kafka: { en: "With Kafka in the middle", vi: "Có Kafka ở giữa" },
    export_title: { en: "Export to real Kafka", vi: "Xuất sang Kafka thật" },
    export_hint: {
        en: "The same topics, records and consumer groups on a real Kafka cluster: compose.yaml starts the cluster with Docker; the script creates the topics, publishes your records again and reads them with your consumer groups.",
        vi: "Cùng các topic, record và consumer group này trên một cluster Kafka thật: compose.yaml dựng cluster bằng Docker; script tạo các topic, publish lại các record của bạn rồi đọc chúng bằng các consumer group của bạn.",
    },
    export_script: {
        en: "Bash script (Kafka's command-line tools)",
        vi: "Script bash (các công cụ dòng lệnh của Kafka)",
    },
    export_compose: {
        en: "compose.yaml (a KRaft cluster in Docker)",
        vi: "compose.yaml (cluster KRaft chạy trong Docker)",
    },
    export_download_script: { en: "Download the script", vi: "Tải script" },
    export_download_compose: { en: "Download compose.yaml", vi: "Tải compose.yaml" },
    share_title: { en: "Share", vi: "Chia sẻ" },
    copy_link: { en: "Copy link", vi: "Sao chép link" },
    link_copied: {
        en: "Link copied. Whoever opens it sees this cluster, at this very moment.",
        vi: "Đã sao chép link. Ai mở link sẽ thấy đúng cluster này, ở đúng thời điểm này.",
    },
    /// Shown above the link when the clipboard could not take it.
    link_copy_yourself: {
        en: "The browser did not let us copy it; copy this link yourself:",
        vi: "Trình duyệt không cho sao chép tự động; hãy tự sao chép link này:",
    },
    link_label: { en: "Share link", vi: "Link chia sẻ" },
    export_json: { en: "Export JSON", vi: "Xuất tệp JSON" },
    import_json: { en: "Import JSON", vi: "Mở tệp JSON" },
    file_opened: { en: "File opened.", vi: "Đã mở tệp." },
    /// The stage's two drawings, and the switch between them.
    view_switch: { en: "Draw the stage as", vi: "Vẽ sân khấu theo" },
    view_flow: { en: "Flow", vi: "Luồng dữ liệu" },
    view_cluster: { en: "Cluster", vi: "Cluster" },
    flow_label: {
        en: "Stage: who writes to which topic, each topic as a log, and who reads it",
        vi: "Sân khấu: ai ghi vào topic nào, mỗi topic là một log, và ai đọc nó",
    },
    flow_producer: { en: "producer", vi: "producer" },
    flow_service: { en: "service", vi: "service" },
    flow_group: { en: "consumer group", vi: "consumer group" },
    /// Before the topics a group reads: "reads orders".
    flow_reads: { en: "reads", vi: "đọc" },
    flow_table: { en: "table", vi: "bảng" },
    flow_rows: { en: "rows", vi: "dòng" },
    flow_emails: { en: "e-mails sent", vi: "email đã gửi" },
    flow_email: { en: "✉ e-mail", vi: "✉ email" },
    /// The empty slot where the next record of a partition will be written.
    flow_next: { en: "next", vi: "tiếp" },
    /// The legend under the flow view.
    legend_committed: { en: "▲ committed offset", vi: "▲ offset đã commit" },
    legend_position: {
        en: "△ position, nothing committed yet",
        vi: "△ vị trí đang đọc, chưa commit",
    },
    legend_lag: { en: "▬ lag: records not read yet", vi: "▬ lag: các record chưa đọc" },
    legend_hw: {
        en: "┊ HW: consumers read up to here",
        vi: "┊ HW: consumer đọc được tới đây",
    },
}

/// The records of a partition older than its row shows (its first slot reads "…12").
pub fn flow_earlier(lang: Lang, n: u64) -> String {
    tr!(
        lang,
        en: "{n} earlier records: open the partition to read them all",
        vi: "{n} record trước đó: mở partition để xem hết",
    )
}

/// A record's cell on hover: its offset, key and value.
pub fn cell_title(lang: Lang, offset: u64, key: Option<&str>, value: &str) -> String {
    match key {
        Some(key) => {
            tr!(lang, en: "offset {offset} · key {key} · {value}", vi: "offset {offset} · key {key} · {value}")
        }
        None => {
            tr!(lang, en: "offset {offset} · no key · {value}", vi: "offset {offset} · không có key · {value}")
        }
    }
}

/// A partition's record count on its row or chip: "5 records".
pub fn record_count(lang: Lang, n: u64) -> String {
    match n {
        1 => tr!(lang, en: "1 record", vi: "1 record"),
        n => tr!(lang, en: "{n} records", vi: "{n} record"),
    }
}

/// A replica chip's record count, in a chip's width: as [`record_count`] up to 9,999, then in
/// thousands ("12k records"; a playground log that long is rare, its retention is short).
pub fn record_count_short(lang: Lang, n: u64) -> String {
    match n {
        0..=9_999 => record_count(lang, n),
        _ => {
            let k = n / 1_000;
            tr!(lang, en: "{k}k records", vi: "{k}k record")
        }
    }
}

/// A group's lag on one partition under its row, short: from the committed offset (▲), or
/// from its position (△) when it has committed nothing yet; the legend says which is which.
pub fn lag_from(lang: Lang, lag: u64, committed: bool) -> String {
    if committed {
        tr!(lang, en: "lag {lag}", vi: "lag {lag}")
    } else {
        tr!(lang, en: "lag {lag} from △", vi: "lag {lag} từ △")
    }
}

/// The same, in full, on hover.
pub fn lag_title(lang: Lang, group: &str, lag: u64, committed: bool) -> String {
    if committed {
        tr!(
            lang,
            en: "{group}: lag {lag}, counted from its committed offset",
            vi: "{group}: lag {lag}, tính từ offset đã commit",
        )
    } else {
        tr!(
            lang,
            en: "{group}: lag {lag}, counted from its position (it has committed nothing yet)",
            vi: "{group}: lag {lag}, tính từ vị trí đang đọc (chưa commit gì)",
        )
    }
}

/// "Scene 3 of 11", above a scene's title.
pub fn scene_of(lang: Lang, n: usize, total: usize) -> String {
    tr!(lang, en: "Scene {n} of {total}", vi: "Cảnh {n} / {total}")
}

/// "4 of 11 scenes done", above the index of scenes.
pub fn scenes_done(lang: Lang, n: usize, total: usize) -> String {
    tr!(lang, en: "{n} of {total} scenes done", vi: "Đã xong {n}/{total} cảnh")
}

/// `?scene=` named a scene the playground does not have.
pub fn unknown_scene(lang: Lang, id: &str) -> String {
    tr!(
        lang,
        en: "There is no scene called '{id}'. Pick one below.",
        vi: "Không có cảnh nào tên '{id}'. Hãy chọn một cảnh bên dưới.",
    )
}
