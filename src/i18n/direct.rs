//! The words of the shop without Kafka, as `crate::stage::direct_view` draws it. Service names
//! (Orders, Inventory, Payments, Notification) and Kafka stay in English in both languages.

use super::Text;

pub const TITLE: Text = Text {
    en: "Without Kafka: Orders calls Inventory, then Payments, then Notification, and waits for each answer",
    vi: "Không có Kafka: Orders gọi Inventory, rồi Payments, rồi Notification, và chờ từng câu trả lời",
};
pub const CUSTOMERS: Text = Text {
    en: "Customers",
    vi: "Khách hàng",
};
pub const UP: Text = Text {
    en: "✓ up",
    vi: "✓ chạy",
};
pub const DOWN: Text = Text {
    en: "✕ down",
    vi: "✕ ngừng",
};
pub const IN_PROGRESS: Text = Text {
    en: "in progress",
    vi: "đang xử lý",
};
pub const QUEUE: Text = Text {
    en: "queue",
    vi: "hàng đợi",
};
pub const COMPLETED: Text = Text {
    en: "completed",
    vi: "hoàn tất",
};
pub const FAILED: Text = Text {
    en: "failed",
    vi: "thất bại",
};
pub const REJECTED: Text = Text {
    en: "rejected",
    vi: "bị từ chối",
};
pub const WAITING: Text = Text {
    en: "awaiting answer",
    vi: "chưa có kết quả",
};
pub const UNANSWERED: Text = Text {
    en: "unanswered",
    vi: "không trả lời",
};
pub const ANSWERED: Text = Text {
    en: "answered",
    vi: "đã trả lời",
};
pub const TIMED_OUT: Text = Text {
    en: "timed out",
    vi: "hết thời gian chờ",
};
pub const ERROR_ANSWER: Text = Text {
    en: "error answer",
    vi: "trả lời lỗi",
};

/// Every text of the drawing.
pub const ALL: [Text; 14] = [
    TITLE,
    CUSTOMERS,
    UP,
    DOWN,
    IN_PROGRESS,
    QUEUE,
    COMPLETED,
    FAILED,
    REJECTED,
    WAITING,
    UNANSWERED,
    ANSWERED,
    TIMED_OUT,
    ERROR_ANSWER,
];
