//! A refused command, explained in the reader's language. English is the model's own
//! message; Vietnamese is written here, one arm per error, so a new error fails to compile
//! until it is translated.

use super::Lang;
use kafka_model::topic_name::TopicNameError;
use kafka_model::{ModelError, NameTakenBy, ReassignmentProblem, ServicePart};

pub fn describe(e: &ModelError, lang: Lang) -> String {
    match lang {
        Lang::En => e.to_string(),
        Lang::Vi => vietnamese(e),
    }
}

fn vietnamese(e: &ModelError) -> String {
    use ModelError as E;
    match e {
        E::InvalidTopic(t) => match t {
            TopicNameError::Empty => "Tên Topic không được để trống.".into(),
            TopicNameError::Dot | TopicNameError::DotDot => "Tên Topic không được là \".\" hoặc \"..\".".into(),
            TopicNameError::TooLong { len } => format!("Tên Topic dài {len} ký tự; tối đa là 249."),
            TopicNameError::IllegalChars { name } => {
                format!("Tên Topic \"{name}\" không hợp lệ: chỉ được dùng chữ cái ASCII, chữ số, '.', '_' và '-'.")
            }
            TopicNameError::CollidesWith { name, existing } => {
                format!("Topic '{name}' trùng với topic '{existing}': Kafka coi '.' và '_' là như nhau.")
            }
        },
        E::TopicExists { topic } => format!("Topic '{topic}' đã tồn tại; hãy chọn tên khác hoặc xoá nó trước."),
        E::TopicCollision { topic, existing } => {
            format!("Topic '{topic}' trùng với topic '{existing}': Kafka coi '.' và '_' là như nhau. Chỉ dùng một trong hai.")
        }
        E::InvalidPartitions { requested, minimum, maximum } => format!(
            "Số partition phải từ {minimum} đến {maximum}, không phải {requested}. Kafka có thể thêm partition nhưng không bao giờ bớt."
        ),
        E::InvalidReplicationFactor { requested, available_brokers } => format!(
            "Replication factor {requested} cần {requested} broker đang chạy, nhưng chỉ có {available_brokers}. Hãy giảm nó hoặc thêm/bật lại broker (tối thiểu là 1)."
        ),
        E::UnknownTopic { topic } => format!("Topic '{topic}' không tồn tại; hãy tạo nó trước."),
        E::UnknownPartition { topic, partition, partitions } => format!(
            "Topic '{topic}' có {partitions} partition, đánh số từ 0 đến {}; không có partition {partition}.",
            partitions.saturating_sub(1)
        ),
        E::UnknownGroup { group } => format!("Consumer group '{group}' không tồn tại; hãy tạo nó trước."),
        E::GroupExists { group } => format!("Consumer group '{group}' đã tồn tại."),
        E::GroupNotEmpty { group, members } => {
            format!("Consumer group '{group}' vẫn còn {members} member; hãy cho họ rời group trước.")
        }
        E::UnknownMember { group, member } => format!("Group '{group}' không có member '{member}'."),
        E::MemberNotActive { group, member } => {
            format!("Member '{member}' của group '{group}' đã sập hoặc đang rời group; nó không thể làm gì nữa.")
        }
        E::UnknownProducer { producer } => format!("Không có producer {producer}."),
        E::UnknownConsumer { consumer } => format!("Không có consumer {consumer}."),
        E::UnknownBroker { broker } => format!("Không có broker {broker}."),
        E::BrokerAlreadyDown { broker } => format!("Broker {broker} đã tắt rồi."),
        E::BrokerAlreadyUp { broker } => format!("Broker {broker} đang chạy rồi."),
        E::TooManyBrokers { maximum } => format!("Playground chạy tối đa {maximum} broker."),
        E::LastBroker { broker } => {
            format!("Broker {broker} là broker cuối cùng; cụm Kafka cần ít nhất một broker.")
        }
        E::BrokerIsVoter { broker, voters } => format!(
            "Broker {broker} cũng chạy một KRaft controller (voter {}). Gỡ một controller là thay đổi quorum (KIP-853), điều playground không làm; hãy gỡ một broker không phải voter.",
            voters.iter().map(u32::to_string).collect::<Vec<_>>().join(",")
        ),
        E::BrokerHasReplicas { broker, partition, partitions } => format!(
            "Broker {broker} vẫn giữ replica của {partition}{}. Hãy reassign các partition của nó sang broker khác trước, rồi tắt nó và gỡ nó.",
            match partitions.saturating_sub(1) {
                0 => String::new(),
                n => format!(" và của {n} partition khác"),
            }
        ),
        E::BrokerStillRunning { broker } => format!(
            "Broker {broker} vẫn đang chạy: hãy tắt nó trước rồi mới gỡ (theo quy trình của Kafka, broker được unregister sau khi đã tắt)."
        ),
        E::InvalidReassignment { partition, problem } => match problem {
            ReassignmentProblem::Empty => format!("Cần ít nhất một replica để reassign {partition}."),
            ReassignmentProblem::Duplicate { broker } => {
                format!("Kế hoạch reassign {partition} ghi broker {broker} nhiều hơn một lần.")
            }
            ReassignmentProblem::ReplicationFactor { requested, replication_factor } => format!(
                "Kế hoạch reassign {partition} có {requested} replica, nhưng replication factor của topic là {replication_factor}; playground chỉ di chuyển replica chứ không đổi số lượng."
            ),
        },
        E::ReassignmentInProgress { partition } => {
            format!("{partition} vẫn đang được reassign; hãy đợi các replica mới vào ISR.")
        }
        E::RecordTooLarge { size, maximum } => {
            format!("Record dài {size} byte, lớn hơn {maximum} byte mà topic chấp nhận (max.message.bytes).")
        }
        E::InvalidConfig { name, reason } => format!("Giá trị không hợp lệ cho {name}: {reason}."),
        E::InvalidOffset { partition, offset, log_start_offset, log_end_offset } => format!(
            "Offset {offset} nằm ngoài {partition}, nơi đang giữ các offset từ {log_start_offset} đến {log_end_offset} (log end)."
        ),
        E::NotAssigned { partition } => {
            format!("Partition {partition} không được giao cho consumer này: consumer chỉ seek được partition nó sở hữu.")
        }
        E::UnknownService { service } => format!("Không có service '{service}'."),
        E::NoShopWithoutKafka => "Phiên này không có cửa hàng không dùng Kafka để nhận lệnh đó.".into(),
        E::ServiceNameTaken { service, by } => match by {
            NameTakenBy::Service => format!("Service '{service}' đã tồn tại; hãy chọn tên khác."),
            NameTakenBy::Group => format!(
                "Consumer group '{service}' đã tồn tại, mà group id của một service chính là tên của nó; hãy chọn tên khác (hoặc xoá group khi nó không còn member)."
            ),
            NameTakenBy::Producer => format!(
                "Đã có producer tên '{service}', mà producer của một service mang tên của service; hãy chọn tên khác."
            ),
        },
        E::ServiceWithoutInput { service } => {
            format!("Service '{service}' cần ít nhất một topic đầu vào để consume.")
        }
        E::ServiceLoop { service, topic } => format!(
            "Service '{service}' sẽ produce vào '{topic}' rồi, qua các service đọc topic đó, nhận lại chính record của mình không bao giờ dứt; hãy produce vào topic khác."
        ),
        E::ServiceAlreadyStopped { service } => format!("Service '{service}' đã dừng rồi."),
        E::ServiceAlreadyRunning { service } => format!("Service '{service}' đang chạy rồi."),
        E::UsedByService { service, part } => match part {
            ServicePart::Topic(topic) => {
                format!("Service '{service}' đang dùng topic '{topic}'; hãy gỡ service trước.")
            }
            ServicePart::Group => format!(
                "Consumer group '{service}' thuộc về service '{service}'; hãy gỡ service thay vì xoá group."
            ),
            ServicePart::Producer => {
                format!("Producer này thuộc về service '{service}'; hãy gỡ service thay vì xoá producer.")
            }
            ServicePart::Member(member) => format!(
                "Member '{member}' đang chạy service '{service}'; hãy dừng hoặc gỡ service thay vào đó."
            ),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn vietnamese_differs_from_english_and_keeps_kafka_terms() {
        let e = ModelError::InvalidReplicationFactor {
            requested: 3,
            available_brokers: 2,
        };
        let (vi, en) = (describe(&e, Lang::Vi), describe(&e, Lang::En));
        assert_ne!(vi, en);
        assert!(
            vi.contains("Replication factor 3") && vi.contains("broker"),
            "{vi}"
        );
        let e = ModelError::InvalidTopic(TopicNameError::IllegalChars {
            name: "đơn hàng".into(),
        });
        assert!(describe(&e, Lang::Vi).contains("đơn hàng"));
    }

    #[test]
    fn decommission_refusals_are_translated_and_name_the_broker_or_partition() {
        let orders1 = kafka_model::TopicPartition::new("orders", 1);
        let errors = [
            ModelError::LastBroker { broker: 4 },
            ModelError::BrokerIsVoter {
                broker: 4,
                voters: vec![1, 4, 5],
            },
            ModelError::BrokerHasReplicas {
                broker: 4,
                partition: orders1.clone(),
                partitions: 3,
            },
            ModelError::BrokerStillRunning { broker: 4 },
        ];
        for e in errors {
            let (vi, en) = (describe(&e, Lang::Vi), describe(&e, Lang::En));
            assert_ne!(vi, en);
            assert!(!vi.is_ascii(), "{vi}");
            assert!(
                vi.contains("Broker 4") && en.contains("Broker 4"),
                "{vi} / {en}"
            );
        }
        let has = describe(
            &ModelError::BrokerHasReplicas {
                broker: 4,
                partition: orders1.clone(),
                partitions: 3,
            },
            Lang::Vi,
        );
        assert!(has.contains("orders-1 và của 2 partition khác"), "{has}");
        let problems = [
            ReassignmentProblem::Empty,
            ReassignmentProblem::Duplicate { broker: 2 },
            ReassignmentProblem::ReplicationFactor {
                requested: 3,
                replication_factor: 2,
            },
        ];
        for problem in problems {
            let e = ModelError::InvalidReassignment {
                partition: orders1.clone(),
                problem,
            };
            let (vi, en) = (describe(&e, Lang::Vi), describe(&e, Lang::En));
            assert_ne!(vi, en);
            assert!(vi.contains("orders-1") && vi.contains("reassign"), "{vi}");
        }
        let e = ModelError::ReassignmentInProgress { partition: orders1 };
        assert_eq!(
            describe(&e, Lang::Vi),
            "orders-1 vẫn đang được reassign; hãy đợi các replica mới vào ISR."
        );
    }

    #[test]
    fn service_refusals_are_translated_and_name_the_service() {
        let service = || "payments".to_string();
        let errors = [
            ModelError::UnknownService { service: service() },
            ModelError::ServiceNameTaken {
                service: service(),
                by: NameTakenBy::Service,
            },
            ModelError::ServiceNameTaken {
                service: service(),
                by: NameTakenBy::Group,
            },
            ModelError::ServiceNameTaken {
                service: service(),
                by: NameTakenBy::Producer,
            },
            ModelError::ServiceWithoutInput { service: service() },
            ModelError::ServiceLoop {
                service: service(),
                topic: "orders".into(),
            },
            ModelError::ServiceAlreadyStopped { service: service() },
            ModelError::ServiceAlreadyRunning { service: service() },
            ModelError::UsedByService {
                service: service(),
                part: ServicePart::Topic("orders".into()),
            },
            ModelError::UsedByService {
                service: service(),
                part: ServicePart::Group,
            },
            ModelError::UsedByService {
                service: service(),
                part: ServicePart::Producer,
            },
            ModelError::UsedByService {
                service: service(),
                part: ServicePart::Member("payments-4".into()),
            },
        ];
        for e in errors {
            let (vi, en) = (describe(&e, Lang::Vi), describe(&e, Lang::En));
            assert_ne!(vi, en);
            assert!(!vi.is_ascii(), "{vi}");
            assert!(
                vi.contains("'payments'") && en.contains("'payments'"),
                "{vi} / {en}"
            );
        }
    }
}
