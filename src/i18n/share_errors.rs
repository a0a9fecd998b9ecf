//! Why a shared link or file was refused, in the reader's language. Every refusal leaves the
//! page as it was, so each message says what happened and what to do. The `match` is
//! exhaustive: a new refusal does not compile until it has words in both languages.

use super::Lang;
use crate::share::{ShareError, SizeOf};
use kafka_model::Ms;

pub fn describe(e: &ShareError, lang: Lang) -> String {
    use ShareError as E;
    match e {
        E::Empty => tr!(
            lang,
            en: "There is nothing to open: the link or file is empty.",
            vi: "Không có gì để mở: đường link hoặc tệp đang trống.",
        ),
        E::NotOurFormat { detail } => {
            let message = tr!(
                lang,
                en: "This is not a Kafka Playground link or export file.",
                vi: "Đây không phải đường link hay tệp xuất của Kafka Playground.",
            );
            match detail {
                Some(detail) => format!("{message} ({detail})"),
                None => message,
            }
        }
        E::UnknownVersion { found } => tr!(
            lang,
            en: "This was saved in format version {found}, which this version of the playground cannot read. Open it with the playground that made it, or reload the page for the newest version.",
            vi: "Nội dung này được lưu ở định dạng phiên bản {found}, phiên bản playground này không đọc được. Hãy mở nó bằng playground đã tạo ra nó, hoặc tải lại trang để có phiên bản mới nhất.",
        ),
        E::Corrupt => tr!(
            lang,
            en: "The link or file is damaged (some characters changed). Copy it again from where it came from.",
            vi: "Đường link hoặc tệp đã bị hỏng (một vài ký tự bị thay đổi). Hãy sao chép lại từ nơi bạn nhận được.",
        ),
        E::Truncated => tr!(
            lang,
            en: "The link or file is cut short: part of it is missing. Copy the whole link or file again.",
            vi: "Đường link hoặc tệp bị cắt cụt: thiếu mất một phần. Hãy sao chép lại toàn bộ.",
        ),
        E::Unreadable { detail } => tr!(
            lang,
            en: "The browser could not read the file ({detail}). Choose it again.",
            vi: "Trình duyệt không đọc được tệp ({detail}). Hãy chọn lại tệp.",
        ),
        E::TooLarge { of, bytes, max } => {
            let what = match of {
                SizeOf::Link => tr!(lang, en: "The link", vi: "Đường link"),
                SizeOf::Unpacked => tr!(
                    lang,
                    en: "What the link unpacks to",
                    vi: "Nội dung giải nén từ đường link",
                ),
                SizeOf::File => tr!(lang, en: "The file", vi: "Tệp"),
            };
            let (size, max) = (kib(*bytes), kib(*max));
            tr!(
                lang,
                en: "{what} is too large ({size} KiB; at most {max} KiB). Large sessions can be shared as a JSON file.",
                vi: "{what} quá lớn ({size} KiB; tối đa {max} KiB). Phiên lớn có thể chia sẻ bằng tệp JSON.",
            )
        }
        E::TooManyCommands { count, max } => tr!(
            lang,
            en: "It holds {count} commands; a shared session may hold at most {max}.",
            vi: "Nội dung có {count} lệnh; một phiên chia sẻ chỉ được tối đa {max} lệnh.",
        ),
        E::Brokers { brokers, max } => tr!(
            lang,
            en: "It asks for {brokers} brokers; the playground runs between 1 and {max}.",
            vi: "Nội dung yêu cầu {brokers} broker; playground chạy từ 1 đến {max} broker.",
        ),
        E::UnknownScene { id } => tr!(
            lang,
            en: "It names a scene '{id}' that this playground does not have.",
            vi: "Nội dung nhắc tới cảnh '{id}' mà playground này không có.",
        ),
        E::TimeOutOfRange { at, max } => {
            let (at, max) = (duration(*at, lang), duration(*max, lang));
            tr!(
                lang,
                en: "It was saved at {at} of simulated time; a shared session may be at most {max} long.",
                vi: "Nội dung được lưu ở thời điểm {at} của thời gian mô phỏng; một phiên chia sẻ chỉ được dài tối đa {max}.",
            )
        }
        E::Duration { field, ms, max } => tr!(
            lang,
            en: "A command sets {field} to {ms} ms; the model allows at most {max} ms.",
            vi: "Một lệnh đặt {field} thành {ms} ms; mô hình chỉ cho phép tối đa {max} ms.",
        ),
        E::TimeOrder { index, at } => {
            let (n, at) = (index + 1, duration(*at, lang));
            tr!(
                lang,
                en: "Command {n} (at {at}) is out of order: commands must keep the order they ran in, none after the moment shared.",
                vi: "Lệnh thứ {n} (lúc {at}) sai thứ tự: các lệnh phải giữ đúng thứ tự đã chạy và không được sau thời điểm được chia sẻ.",
            )
        }
        E::Refused {
            setup,
            index,
            at,
            error,
        } => {
            let (n, reason) = (index + 1, super::errors::describe(error, lang));
            if *setup {
                tr!(
                    lang,
                    en: "The model refused setup command {n}, so this was not made by the playground: {reason}",
                    vi: "Mô hình từ chối lệnh khởi tạo thứ {n}, nên nội dung này không phải do playground tạo ra: {reason}",
                )
            } else {
                let at = duration(*at, lang);
                tr!(
                    lang,
                    en: "The model refused command {n} (at {at}), so this was not made by the playground: {reason}",
                    vi: "Mô hình từ chối lệnh thứ {n} (lúc {at}), nên nội dung này không phải do playground tạo ra: {reason}",
                )
            }
        }
        E::TooMuchWork { at } => {
            let at = duration(*at, lang);
            tr!(
                lang,
                en: "Rebuilding this session would take too long: by {at} of simulated time it had already done more than a shared session may.",
                vi: "Dựng lại phiên này sẽ mất quá lâu: mới tới {at} thời gian mô phỏng nó đã làm nhiều việc hơn mức cho phép của một phiên chia sẻ.",
            )
        }
    }
}

fn kib(bytes: usize) -> usize {
    bytes.div_ceil(1024)
}

/// `42.5 s`, `12 min`, `1 h`: long enough to tell, short enough to read.
fn duration(ms: Ms, lang: Lang) -> String {
    const MIN: Ms = 60_000;
    const HOUR: Ms = 60 * MIN;
    if ms >= HOUR && ms % HOUR == 0 {
        let hours = ms / HOUR;
        tr!(lang, en: "{hours} h", vi: "{hours} giờ")
    } else if ms >= 10 * MIN {
        let minutes = ms / MIN;
        tr!(lang, en: "{minutes} min", vi: "{minutes} phút")
    } else {
        // As the transport bar writes time, in both languages.
        let seconds = crate::numbers::fixed(ms as f64 / 1000.0, 1);
        tr!(lang, en: "{seconds} s", vi: "{seconds} s")
    }
}
