//! Why a shared link or file was refused, in the reader's language. Every refusal leaves the
//! page as it was, so each message says what happened and what to do.

use crate::i18n::Lang;
use kafka_model::{ModelError, Ms};

/// What was too large.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SizeOf {
    /// The link's fragment.
    Link,
    /// What a link unpacks to.
    Unpacked,
    /// A JSON file.
    File,
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ShareError {
    /// Nothing to read.
    Empty,
    /// Not a Kafka Playground link or file (with the parser's words, when they help).
    NotOurFormat {
        detail: Option<String>,
    },
    /// Made by a version of the playground this one doesn't know.
    UnknownVersion {
        found: String,
    },
    /// Damaged: not valid base64, or the checksum fails.
    Corrupt,
    /// Cut short: part of the link or file is missing.
    Truncated,
    /// The browser could not read the chosen file.
    Unreadable {
        detail: String,
    },
    TooLarge {
        of: SizeOf,
        bytes: usize,
        max: usize,
    },
    TooManyCommands {
        count: usize,
        max: usize,
    },
    Brokers {
        brokers: u32,
        max: u32,
    },
    UnknownScene {
        id: String,
    },
    /// The moment on screen is later than a shared session may be.
    TimeOutOfRange {
        at: Ms,
        max: Ms,
    },
    /// A command sets a duration (`field`, a `*_ms` setting) longer than the model allows.
    Duration {
        field: String,
        ms: Ms,
        max: Ms,
    },
    /// A log entry comes before the one ahead of it, or after the moment on screen.
    TimeOrder {
        index: usize,
        at: Ms,
    },
    /// The model refused a command while rebuilding: `index` (from 0) in the setup or the log.
    Refused {
        setup: bool,
        index: usize,
        at: Ms,
        error: ModelError,
    },
    /// Rebuilding would take too long: the log asks for more work than a link may.
    TooMuchWork {
        at: Ms,
    },
}

impl ShareError {
    pub fn describe(&self, lang: Lang) -> String {
        match lang {
            Lang::Vi => self.vietnamese(),
            Lang::En => self.english(),
        }
    }

    fn english(&self) -> String {
        use ShareError as E;
        match self {
            E::Empty => "There is nothing to open: the link or file is empty.".into(),
            E::NotOurFormat { detail } => with_detail(
                "This is not a Kafka Playground link or export file.",
                detail,
            ),
            E::UnknownVersion { found } => format!(
                "This was saved in format version {found}, which this version of the playground cannot read. Open it with the playground that made it, or reload the page for the newest version."
            ),
            E::Corrupt => "The link or file is damaged (some characters changed). Copy it again from where it came from.".into(),
            E::Truncated => "The link or file is cut short: part of it is missing. Copy the whole link or file again.".into(),
            E::Unreadable { detail } => format!("The browser could not read the file ({detail}). Choose it again."),
            E::TooLarge { of, bytes, max } => {
                let what = match of {
                    SizeOf::Link => "The link",
                    SizeOf::Unpacked => "What the link unpacks to",
                    SizeOf::File => "The file",
                };
                format!(
                    "{what} is too large ({} KiB; at most {} KiB). Large sessions can be shared as a JSON file.",
                    kib(*bytes),
                    kib(*max)
                )
            }
            E::TooManyCommands { count, max } => {
                format!("It holds {count} commands; a shared session may hold at most {max}.")
            }
            E::Brokers { brokers, max } => {
                format!("It asks for {brokers} brokers; the playground runs between 1 and {max}.")
            }
            E::UnknownScene { id } => {
                format!("It names a scene '{id}' that this playground does not have.")
            }
            E::TimeOutOfRange { at, max } => format!(
                "It was saved at {} of simulated time; a shared session may be at most {} long.",
                duration(*at, Lang::En),
                duration(*max, Lang::En)
            ),
            E::Duration { field, ms, max } => format!(
                "A command sets {field} to {ms} ms; the model allows at most {max} ms."
            ),
            E::TimeOrder { index, at } => format!(
                "Command {} (at {}) is out of order: commands must keep the order they ran in, none after the moment shared.",
                index + 1,
                duration(*at, Lang::En)
            ),
            E::Refused {
                setup,
                index,
                at,
                error,
            } => {
                let reason = crate::i18n::errors::describe(error, Lang::En);
                if *setup {
                    format!(
                        "The model refused setup command {}, so this was not made by the playground: {reason}",
                        index + 1
                    )
                } else {
                    format!(
                        "The model refused command {} (at {}), so this was not made by the playground: {reason}",
                        index + 1,
                        duration(*at, Lang::En)
                    )
                }
            }
            E::TooMuchWork { at } => format!(
                "Rebuilding this session would take too long: by {} of simulated time it had already done more than a shared session may.",
                duration(*at, Lang::En)
            ),
        }
    }

    fn vietnamese(&self) -> String {
        use ShareError as E;
        match self {
            E::Empty => "Không có gì để mở: đường link hoặc tệp đang trống.".into(),
            E::NotOurFormat { detail } => with_detail(
                "Đây không phải đường link hay tệp xuất của Kafka Playground.",
                detail,
            ),
            E::UnknownVersion { found } => format!(
                "Nội dung này được lưu ở định dạng phiên bản {found}, phiên bản playground này không đọc được. Hãy mở nó bằng playground đã tạo ra nó, hoặc tải lại trang để có phiên bản mới nhất."
            ),
            E::Corrupt => "Đường link hoặc tệp đã bị hỏng (một vài ký tự bị thay đổi). Hãy sao chép lại từ nơi bạn nhận được.".into(),
            E::Truncated => "Đường link hoặc tệp bị cắt cụt: thiếu mất một phần. Hãy sao chép lại toàn bộ.".into(),
            E::Unreadable { detail } => format!("Trình duyệt không đọc được tệp ({detail}). Hãy chọn lại tệp."),
            E::TooLarge { of, bytes, max } => {
                let what = match of {
                    SizeOf::Link => "Đường link",
                    SizeOf::Unpacked => "Nội dung giải nén từ đường link",
                    SizeOf::File => "Tệp",
                };
                format!(
                    "{what} quá lớn ({} KiB; tối đa {} KiB). Phiên lớn có thể chia sẻ bằng tệp JSON.",
                    kib(*bytes),
                    kib(*max)
                )
            }
            E::TooManyCommands { count, max } => {
                format!("Nội dung có {count} lệnh; một phiên chia sẻ chỉ được tối đa {max} lệnh.")
            }
            E::Brokers { brokers, max } => {
                format!("Nội dung yêu cầu {brokers} broker; playground chạy từ 1 đến {max} broker.")
            }
            E::UnknownScene { id } => {
                format!("Nội dung nhắc tới cảnh '{id}' mà playground này không có.")
            }
            E::TimeOutOfRange { at, max } => format!(
                "Nội dung được lưu ở thời điểm {} của thời gian mô phỏng; một phiên chia sẻ chỉ được dài tối đa {}.",
                duration(*at, Lang::Vi),
                duration(*max, Lang::Vi)
            ),
            E::Duration { field, ms, max } => format!(
                "Một lệnh đặt {field} thành {ms} ms; mô hình chỉ cho phép tối đa {max} ms."
            ),
            E::TimeOrder { index, at } => format!(
                "Lệnh thứ {} (lúc {}) sai thứ tự: các lệnh phải giữ đúng thứ tự đã chạy và không được sau thời điểm được chia sẻ.",
                index + 1,
                duration(*at, Lang::Vi)
            ),
            E::Refused {
                setup,
                index,
                at,
                error,
            } => {
                let reason = crate::i18n::errors::describe(error, Lang::Vi);
                if *setup {
                    format!(
                        "Mô hình từ chối lệnh khởi tạo thứ {}, nên nội dung này không phải do playground tạo ra: {reason}",
                        index + 1
                    )
                } else {
                    format!(
                        "Mô hình từ chối lệnh thứ {} (lúc {}), nên nội dung này không phải do playground tạo ra: {reason}",
                        index + 1,
                        duration(*at, Lang::Vi)
                    )
                }
            }
            E::TooMuchWork { at } => format!(
                "Dựng lại phiên này sẽ mất quá lâu: mới tới {} thời gian mô phỏng nó đã làm nhiều việc hơn mức cho phép của một phiên chia sẻ.",
                duration(*at, Lang::Vi)
            ),
        }
    }
}

fn with_detail(message: &str, detail: &Option<String>) -> String {
    match detail {
        Some(d) => format!("{message} ({d})"),
        None => message.to_string(),
    }
}

fn kib(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

/// `42.5 s`, `12 min`, `1 h`: long enough to tell, short enough to read.
fn duration(ms: Ms, lang: Lang) -> String {
    const MIN: Ms = 60_000;
    const HOUR: Ms = 60 * MIN;
    let (minutes, hours) = match lang {
        Lang::Vi => ("phút", "giờ"),
        Lang::En => ("min", "h"),
    };
    if ms >= HOUR && ms % HOUR == 0 {
        format!("{} {hours}", ms / HOUR)
    } else if ms >= 10 * MIN {
        format!("{} {minutes}", ms / MIN)
    } else {
        // As the transport bar writes time, in both languages.
        format!("{:.1} s", ms as f64 / 1000.0)
    }
}
