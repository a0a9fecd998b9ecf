use super::Strings;

pub static STRINGS: Strings = Strings {
    app_name: "Kafka Playground",
    tagline: "Gửi events và xem chúng di chuyển qua một cụm Kafka đang chạy",
    language_label: "Ngôn ngữ",
    stage_label: "Sân khấu: cụm Kafka đang chạy",
    stage_empty: "Producer, Broker, Partition và Consumer Group sẽ hiện ở đây.",
    footer_version: "Phiên bản",
    footer_model: "mô hình",
    error_title: "Đã có lỗi xảy ra",
    error_reload: "Tải lại trang",
};
