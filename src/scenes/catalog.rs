//! The primer's scenes, in the primer's order. Each is a named preset of the live model,
//! its narration, the quick actions it offers and the "try this" items that watch the model.

use super::actions::Action;
use super::checks as c;
use super::shop;
use super::text::Text;
use crate::session::{Origin, Session};
use kafka_model::{AutoProduce, Command, ConsumerConfig, KeyPattern, ProducerConfig, TopicConfig};

/// What the stage shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum StageKind {
    /// The Kafka cluster.
    Kafka,
    /// The shop without Kafka: services calling each other directly.
    Direct,
    /// Both, side by side: the shop without Kafka and the one with it.
    Both,
}

impl StageKind {
    pub fn has_direct(self) -> bool {
        matches!(self, StageKind::Direct | StageKind::Both)
    }

    pub fn has_kafka(self) -> bool {
        matches!(self, StageKind::Kafka | StageKind::Both)
    }
}

/// Which side panels a scene offers (the free playground offers all).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Panels {
    pub publish: bool,
    pub topics: bool,
    pub brokers: bool,
    pub groups: bool,
    /// The shop's services (stop/start), its database table and its e-mails.
    pub services: bool,
}

impl Panels {
    pub const ALL: Panels = Panels {
        publish: true,
        topics: true,
        brokers: true,
        groups: true,
        services: true,
    };
    pub const NONE: Panels = Panels {
        publish: false,
        topics: false,
        brokers: false,
        groups: false,
        services: false,
    };
}

/// A "try this" item: done when the live model says so.
pub struct Task {
    pub text: Text,
    pub done: fn(&Session) -> bool,
}

pub struct Scene {
    /// For `?scene=<id>`: stable, lowercase, hyphenated.
    pub id: &'static str,
    /// The primer's illustration this scene brings to life.
    pub illustration: &'static str,
    pub section: Text,
    pub title: Text,
    pub narration: &'static [Text],
    pub stage: StageKind,
    pub brokers: u32,
    pub seed: u64,
    pub setup: fn() -> Vec<Command>,
    pub panels: Panels,
    pub actions: &'static [Action],
    pub tasks: &'static [Task],
}

impl PartialEq for Scene {
    fn eq(&self, other: &Self) -> bool {
        self.id == other.id
    }
}

impl std::fmt::Debug for Scene {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.id)
    }
}

impl Scene {
    /// What the scene's session starts from: its seed for both worlds, its cluster preset,
    /// and the shop without Kafka where the stage shows it.
    pub fn origin(&self) -> Origin {
        Origin {
            seed: self.seed,
            brokers: self.brokers,
            setup: (self.setup)(),
            without_kafka: self.stage.has_direct(),
        }
    }

    /// The scene's live session, as the preset builds it.
    pub fn session(&self) -> Result<Session, kafka_model::ModelError> {
        Session::start(self.origin())
    }

    /// 1-based place in the primer.
    pub fn number(&self) -> usize {
        SCENES
            .iter()
            .position(|s| s.id == self.id)
            .map_or(0, |i| i + 1)
    }
}

pub fn by_id(id: &str) -> Option<&'static Scene> {
    SCENES.iter().find(|s| s.id == id)
}

fn topic(name: &str, partitions: u32, rf: u32) -> Command {
    Command::CreateTopic {
        name: name.into(),
        config: TopicConfig::default()
            .with_partitions(partitions)
            .with_replication_factor(rf),
    }
}

fn producer(client_id: &str) -> Command {
    Command::CreateProducer {
        client_id: client_id.into(),
        config: ProducerConfig::default(),
    }
}

fn group(name: &str, members: &[&str], topic: &str) -> Vec<Command> {
    let mut commands = vec![Command::CreateGroup {
        group: name.into(),
        config: ConsumerConfig::default(),
    }];
    commands.extend(members.iter().map(|m| Command::AddMember {
        group: name.into(),
        client_id: (*m).into(),
        topics: vec![topic.into()],
    }));
    commands
}

fn auto_produce(producer: u32, topic: &str, per_sec: f64, keys: &[&str]) -> Command {
    Command::SetAutoProduce {
        producer,
        auto: Some(AutoProduce {
            topic: topic.into(),
            records_per_sec: per_sec,
            keys: KeyPattern::Cycling(keys.iter().map(|k| k.to_string()).collect()),
        }),
    }
}

const SHOP_PANELS: Panels = Panels {
    publish: false,
    topics: false,
    brokers: false,
    groups: false,
    services: true,
};

const SECTION_WHAT: Text = Text::new("1. Kafka là gì", "1. What Kafka is");
const SECTION_EVENTS: Text = Text::new("Events", "Events");
const SECTION_TOPIC: Text = Text::new("Topic", "Topic");
const SECTION_PARTITION: Text = Text::new("Partition", "Partition");
const SECTION_CLUSTER: Text =
    Text::new("Cluster, Broker · ZooKeeper", "Cluster, Broker · ZooKeeper");
const SECTION_GROUPS: Text = Text::new("Consumer Groups", "Consumer Groups");

pub static SCENES: &[Scene] = &[
    Scene {
        id: "what-is-kafka",
        illustration: "Realistic_example.png",
        section: SECTION_WHAT,
        title: Text::new("Một đơn hàng, một chuỗi sự kiện", "One order, a chain of events"),
        narration: &[
            Text::new(
                "Kafka là một nền tảng xử lý dữ liệu theo luồng (streaming platform) mã nguồn mở được dùng để truyền tải dữ liệu theo thời gian thực giữa các hệ thống, ứng dụng hoặc dịch vụ.",
                "Kafka is an open-source streaming platform that carries data in real time between systems, applications and services.",
            ),
            Text::new(
                "Tưởng tượng ta đang xây dựng một ứng dụng thương mại điện tử gồm: Hệ thống đặt hàng, hệ thống thanh toán, tồn kho. Khi ta đặt hàng thì một chuỗi sự kiện sẽ xảy ra như: Người dùng đặt hàng → Kho hàng được update → email xác nhận được gửi tới khách hàng...",
                "Imagine an e-commerce shop with an Orders system, Payments and Inventory. Placing an order sets off a chain of events: the customer orders → the stock is updated → a confirmation e-mail goes to the customer…",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 1,
        setup: shop::ripple,
        panels: SHOP_PANELS,
        actions: &[Action::PlaceOrder],
        tasks: &[
            Task {
                text: Text::new("Đặt một đơn hàng", "Place an order"),
                done: |s| c::record_count(s.cluster(), "orders") > 0,
            },
            Task {
                text: Text::new(
                    "Xem chuỗi sự kiện: kho được cập nhật (topic inventory), thanh toán được ghi, rồi email xác nhận được gửi",
                    "Watch the chain: stock updated (topic inventory), payment recorded, then the confirmation e-mail sent",
                ),
                done: |s| {
                    c::record_count(s.cluster(), "inventory") > 0
                        && c::rows(s, "payments") > 0
                        && c::emails(s) > 0
                },
            },
            Task {
                text: Text::new(
                    "Đặt thêm hai đơn: mỗi đơn kích hoạt chuỗi của riêng nó",
                    "Place two more orders: each sets off its own chain",
                ),
                done: |s| c::emails(s) >= 3 && c::rows(s, "payments") >= 3,
            },
        ],
    },
    Scene {
        id: "direct-calls",
        illustration: "Simple_architecture.png",
        section: SECTION_WHAT,
        title: Text::new("Khi các service gọi thẳng nhau", "When services call each other directly"),
        narration: &[
            Text::new(
                "Với một web nhỏ, kiến trúc đơn giản thì các dịch vụ này có thể trực tiếp gọi tới nhau. Điều này sẽ hoàn toàn ổn cho tới khi có một lượng lớn khách hàng truy cập vào hệ thống đó. Giả sử có một dịch vụ gặp trục trặc thì toàn bộ hệ thống đó sẽ gặp trục trặc theo vì các dịch vụ của chúng đều phụ thuộc lẫn nhau.",
                "In a small web shop the services can simply call each other. That is fine until many customers arrive. If one service fails, the whole system fails with it, because the services depend on each other.",
            ),
            Text::new(
                "Ở đây chưa có Kafka: Orders gọi Inventory, rồi Payments, rồi Notification và chờ từng câu trả lời. Mỗi service chỉ có vài worker và một hàng đợi nhỏ.",
                "There is no Kafka here: Orders calls Inventory, then Payments, then Notification, and waits for each answer. Each service has only a few workers and a small queue.",
            ),
        ],
        stage: StageKind::Direct,
        brokers: 1,
        seed: 2,
        setup: Vec::new,
        panels: Panels::NONE,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders,
            Action::ToggleService("payments"),
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Đặt một đơn hàng: Orders gọi lần lượt từng service",
                    "Place an order: Orders calls each service in turn",
                ),
                done: |s| s.facts().direct_completed > 0,
            },
            Task {
                text: Text::new("Tắt Payments", "Take Payments down"),
                done: |s| c::direct_down(s, "payments"),
            },
            Task {
                text: Text::new(
                    "Bật đơn hàng tự động: các lời gọi dồn lại, đơn hàng thất bại rồi bị từ chối ngay từ Orders",
                    "Turn on automatic orders: calls pile up, orders fail, then Orders itself turns customers away",
                ),
                done: |s| s.facts().direct_failed > 0 && s.facts().direct_rejected > 0,
            },
            Task {
                text: Text::new(
                    "Bật lại Payments: đơn hàng lại hoàn tất",
                    "Bring Payments back: orders complete again",
                ),
                done: |s| s.facts().direct_completed_after_recovery,
            },
        ],
    },
    Scene {
        id: "kafka-in-the-middle",
        illustration: "How_Kafka_works.png",
        section: SECTION_WHAT,
        title: Text::new("Kafka làm người trung gian", "Kafka in the middle"),
        narration: &[
            Text::new(
                "Kafka như một người trung gian làm nhiệm vụ phân phối thông tin cho các dịch vụ khác. Kafka lưu trữ dữ liệu trong topic logs, và đảm bảo việc truyền tin có thứ tự trong mỗi partition.",
                "Kafka sits in the middle and hands information on to the other services. It keeps the data in topic logs, and delivers it in order within each partition.",
            ),
            Text::new(
                "Như vậy \"Orders\" sẽ không còn cần phải đợi Payments, Inventory,... hoàn thành xong công việc của nó rồi mới gửi lên, mà nó tin rằng Kafka sẽ phân phối hết các orders cho 3 thằng kia. \"Orders\" sẽ được gọi là Producer, còn \"Payments\", \"Inventory\",... sẽ được gọi là Consumer.",
                "So Orders no longer waits for Payments, Inventory… to finish: it hands every order to Kafka and trusts Kafka to deliver it to the other three. Orders is the Producer; Payments, Inventory… are Consumers. Above: the same shop without Kafka.",
            ),
        ],
        stage: StageKind::Both,
        brokers: 3,
        seed: 3,
        setup: shop::hub,
        panels: SHOP_PANELS,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders,
            Action::ToggleService("payments"),
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Đặt một đơn hàng: cả hai cửa hàng đều xử lý xong",
                    "Place an order: both shops fulfil it",
                ),
                done: |s| s.facts().direct_completed > 0 && c::rows(s, "payments") > 0,
            },
            Task {
                text: Text::new("Tắt Payments ở cả hai bên", "Take Payments down on both sides"),
                done: |s| {
                    c::direct_down(s, "payments") && c::service_running(s, "payments") == Some(false)
                },
            },
            Task {
                text: Text::new(
                    "Bật đơn hàng tự động: không có Kafka thì đơn hàng thất bại; có Kafka thì Orders vẫn chạy, events chờ trong log (lag của payments tăng)",
                    "Turn on automatic orders: without Kafka orders fail; with Kafka, Orders goes on and the events wait in the log (payments' lag grows)",
                ),
                done: |s| {
                    s.facts().direct_failed + s.facts().direct_rejected > 0
                        && c::service_lag(s, "payments") >= 3
                },
            },
            Task {
                text: Text::new(
                    "Bật lại Payments: nó đọc tiếp từ offset đã commit, lag về 0, không mất đơn nào",
                    "Bring Payments back: it reads on from its committed offset, lag falls to 0, no order lost",
                ),
                done: |s| c::service_caught_up_after_restart(s, "payments"),
            },
        ],
    },
    Scene {
        id: "events",
        illustration: "Events_structure.png",
        section: SECTION_EVENTS,
        title: Text::new("Một event gồm những gì", "What an event is made of"),
        narration: &[
            Text::new(
                "Events sẽ có giá trị là cặp Key-Value, đồng thời có cả Metadata, trong đó có thời gian được gửi đến, producer là ai...",
                "An event is a key-value pair with metadata: the time it was sent, which producer sent it, and any headers you add.",
            ),
            Text::new(
                "Soạn một event ở khung Publish: sau khi gửi, thẻ của nó cho thấy key, value, timestamp, producer, headers — rồi đến topic, partition và offset khi Kafka đã ghi nó.",
                "Compose one in the Publish panel: once sent, its card shows key, value, timestamp, producer and headers — then the topic, partition and offset once Kafka has written it.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 4,
        setup: || vec![topic("orders", 3, 2), producer("producer-1")],
        panels: Panels {
            publish: true,
            topics: false,
            brokers: false,
            groups: false,
            services: false,
        },
        actions: &[],
        tasks: &[
            Task {
                text: Text::new(
                    "Gửi một event có key và value (ví dụ key order-1)",
                    "Publish an event with a key and a value (e.g. key order-1)",
                ),
                done: |s| {
                    c::records(s.cluster(), "orders").any(|(_, r)| r.key.is_some() && r.value.is_some())
                },
            },
            Task {
                text: Text::new(
                    "Thêm một header (ví dụ source=web) rồi gửi",
                    "Add a header (e.g. source=web) and publish",
                ),
                done: |s| c::records(s.cluster(), "orders").any(|(_, r)| !r.headers.is_empty()),
            },
            Task {
                text: Text::new("Gửi một event không có key", "Publish an event without a key"),
                done: |s| c::records(s.cluster(), "orders").any(|(_, r)| r.key.is_none()),
            },
        ],
    },
    Scene {
        id: "topics",
        illustration: "Where_to_save_events.png",
        section: SECTION_TOPIC,
        title: Text::new("Events được lưu ở đâu", "Where events are kept"),
        narration: &[Text::new(
            "Các events sẽ được sắp xếp theo các Topic. Mỗi Topic là một luồng dữ liệu độc lập và có thể được coi là một danh sách các tin nhắn liên quan.",
            "Events are organised into Topics. Each Topic is an independent stream: a list of related messages, appended to in order and never changed.",
        )],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 5,
        setup: || {
            vec![
                topic("orders", 1, 2),
                topic("payments", 1, 2),
                topic("shipments", 1, 2),
                producer("producer-1"),
            ]
        },
        panels: Panels {
            publish: true,
            topics: true,
            brokers: false,
            groups: false,
            services: false,
        },
        actions: &[],
        tasks: &[
            Task {
                text: Text::new("Gửi một event vào topic orders", "Publish an event to orders"),
                done: |s| c::record_count(s.cluster(), "orders") > 0,
            },
            Task {
                text: Text::new(
                    "Gửi vào hai topic khác: mỗi log dài ra độc lập",
                    "Publish to two other topics: each log grows on its own",
                ),
                done: |s| c::topics_with_records(s) >= 3,
            },
            Task {
                text: Text::new("Tạo một topic của riêng bạn", "Create a topic of your own"),
                done: |s| c::topic_count(s) >= 4,
            },
        ],
    },
    Scene {
        id: "subscribers",
        illustration: "Where_to_save_events_1.png",
        section: SECTION_TOPIC,
        title: Text::new("Subscribe vào một Topic", "Subscribing to a Topic"),
        narration: &[Text::new(
            "Consumer sẽ Subscribe tới Topic cụ thể và mỗi khi Producer gửi Events tới Topic thì các Consumer đã Subscribe với Topic tương ứng sẽ nhận được thông tin từ Kafka.",
            "Consumers Subscribe to a Topic; whenever a Producer sends an Event to it, every Consumer subscribed to that Topic receives it from Kafka.",
        )],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 6,
        setup: || {
            let mut commands = vec![topic("orders", 2, 2), topic("reviews", 1, 2), producer("producer-1")];
            commands.extend(group("notification", &["notification-1"], "orders"));
            commands.extend(group("inventory", &["inventory-1"], "orders"));
            commands.extend(group("analytics", &["analytics-1"], "reviews"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: false,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddGroup { topic: "reviews" },
            Action::RemoveMember { group: "inventory" },
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Gửi một event vào orders: cả hai subscriber đều nhận được",
                    "Publish an event to orders: both of its subscribers receive it",
                ),
                done: |s| {
                    c::every_group_got_everything(s, "orders", &["notification", "inventory"])
                        && s.facts().delivered.contains_key("notification")
                        && s.facts().delivered.contains_key("inventory")
                },
            },
            Task {
                text: Text::new(
                    "Cho một consumer group mới subscribe vào reviews",
                    "Subscribe a new consumer group to reviews",
                ),
                done: |s| {
                    s.cluster().groups().any(|g| {
                        g.group_id != "analytics"
                            && g.members
                                .values()
                                .any(|m| m.is_running() && m.subscription.iter().any(|t| t == "reviews"))
                    })
                },
            },
            Task {
                text: Text::new(
                    "Cho một subscriber rời đi (unsubscribe): nó không nhận nữa",
                    "Unsubscribe one (its member leaves): it receives no more",
                ),
                done: |s| ["notification", "inventory", "analytics"].iter().any(|g| c::members(s, g) == 0),
            },
        ],
    },
    Scene {
        id: "topics-in-action",
        illustration: "Example_of_topics_in_action.png",
        section: SECTION_TOPIC,
        title: Text::new("Các topic nối các service với nhau", "Topics connect the services"),
        narration: &[
            Text::new(
                "Khi có đơn hàng mới, hệ thống “Orders” gửi sự kiện vào Orders topic. Các hệ thống khác đăng ký (subscribe) vào topic này để nhận thông tin: Notification gửi thông báo, Inventory cập nhật kho. Khi kho thay đổi, Inventory service gửi thông tin sang Inventory topic. Payments service đọc từ Inventory topic để thực hiện thanh toán.",
                "When a new order arrives, Orders sends an event to the orders topic. Other systems subscribe to it: Notification sends a notice, Inventory updates the stock. When the stock changes, the Inventory service sends to the inventory topic; the Payments service reads the inventory topic to take the payment.",
            ),
            Text::new(
                "Ý nghĩa thực tế: Mỗi hệ thống chỉ cần biết topic, không cần biết cụ thể ai gửi hay nhận dữ liệu. Giúp hệ thống độc lập, mở rộng dễ dàng và không phụ thuộc lẫn nhau.",
                "What it means in practice: each system only needs to know topics, not who sends or receives the data. The systems stay independent, easy to extend, and do not depend on each other.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 7,
        setup: shop::chain,
        panels: SHOP_PANELS,
        actions: &[Action::PlaceOrder],
        tasks: &[
            Task {
                text: Text::new(
                    "Đặt một đơn hàng: Notification gửi thông báo",
                    "Place an order: Notification sends a notice",
                ),
                done: |s| c::emails(s) > 0,
            },
            Task {
                text: Text::new(
                    "Inventory cập nhật kho và gửi sự kiện sang topic inventory",
                    "Inventory updates the stock and sends an event to the inventory topic",
                ),
                done: |s| c::record_count(s.cluster(), "inventory") > 0,
            },
            Task {
                text: Text::new(
                    "Payments đọc topic inventory và thực hiện thanh toán",
                    "Payments reads the inventory topic and takes the payment",
                ),
                done: |s| c::rows(s, "payments") > 0,
            },
        ],
    },
    Scene {
        id: "chain-reaction",
        illustration: "What_is_Kafka.png",
        section: SECTION_TOPIC,
        title: Text::new("Phản ứng dây chuyền", "A chain reaction"),
        narration: &[
            Text::new(
                "Như vậy ta có thể coi Kafka là một công cụ cho phép thực hiện các phản ứng dây chuyền trong đó một sự kiện kích hoạt nhiều hành động, bao gồm tạo các sự kiện khác hoặc là update cơ sở dữ liệu. Kafka được ứng dụng trong lĩnh vực y tế, logistic, marketing,...",
                "So Kafka lets one event set off a chain reaction of actions: producing further events, or updating a database. It is used in healthcare, logistics, marketing…",
            ),
            Text::new(
                "Kafka ở đây đóng vai trò như trung tâm liên lạc, đảm bảo mọi dịch vụ đều nhận được dữ liệu mới nhất một cách đáng tin cậy và theo thời gian thực.",
                "Kafka is the hub here, making sure every service gets the newest data, reliably and in real time. Watch the payments table fill up.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 8,
        setup: shop::chain,
        panels: SHOP_PANELS,
        actions: &[
            Action::PlaceOrder,
            Action::AutoOrders,
            Action::ToggleService("inventory"),
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Đặt ba đơn hàng: bảng payments trong database có ba dòng",
                    "Place three orders: the payments table in the database has three rows",
                ),
                done: |s| c::rows(s, "payments") >= 3,
            },
            Task {
                text: Text::new(
                    "Tắt Inventory rồi đặt thêm đơn: chuỗi dừng lại, các đơn chờ trong topic orders",
                    "Take Inventory down and keep ordering: the chain pauses, orders wait in the orders topic",
                ),
                done: |s| {
                    c::service_running(s, "inventory") == Some(false)
                        && c::service_lag(s, "inventory") >= 2
                },
            },
            Task {
                text: Text::new(
                    "Bật lại Inventory: chuỗi chạy tiếp và database bắt kịp",
                    "Bring Inventory back: the chain resumes and the database catches up",
                ),
                done: |s| {
                    c::service_caught_up_after_restart(s, "inventory")
                        && c::service_lag(s, "payments") <= 1
                        && c::rows(s, "payments") >= 5
                },
            },
        ],
    },
    Scene {
        id: "partitions",
        illustration: "Partition_in_Kafka.png",
        section: SECTION_PARTITION,
        title: Text::new("Partition và offset", "Partitions and offsets"),
        narration: &[
            Text::new(
                "Mỗi Topic có thể được chia thành nhiều phân vùng. Partition là một phần nhỏ của chủ đề và đóng vai trò quan trọng trong việc phân tán dữ liệu và tăng hiệu suất. Mỗi Partition được lưu trữ trên một Broker và dữ liệu được đọc và ghi vào từng Partition một. Consumer sử dụng offset để theo dõi dữ liệu đã đọc.",
                "A Topic can be split into several Partitions; they spread the data and raise throughput. Each Partition lives on a Broker, and data is written and read Partition by Partition. Consumers use the offset to track what they have read.",
            ),
            Text::new(
                "Producer chọn partition theo key: murmur2(key) mod số partition — cùng key luôn vào cùng partition, nên thứ tự được giữ trong partition đó. Bấm vào một partition để xem log của nó.",
                "The producer picks the partition from the key: murmur2(key) mod the partition count — the same key always lands in the same partition, so its order is kept there. Click a partition to open its log.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 9,
        setup: || {
            let mut commands = vec![topic("orders", 3, 2), producer("producer-1")];
            commands.extend(group("payments", &["payment-1"], "orders"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: true,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddPartition { topic: "orders" },
            Action::RemoveMember { group: "payments" },
            Action::RewindGroup { group: "payments", topic: "orders" },
            Action::AddMember { group: "payments", topic: "orders" },
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Gửi key order-1 hai lần: cả hai vào cùng một partition",
                    "Publish key order-1 twice: both land in the same partition",
                ),
                done: |s| c::same_key_same_partition(s, "orders"),
            },
            Task {
                text: Text::new(
                    "Đổi key cho tới khi có hai partition chứa dữ liệu",
                    "Change the key until two partitions hold records",
                ),
                done: |s| c::partitions_used(s, "orders") >= 2,
            },
            Task {
                text: Text::new("Thêm một partition cho orders", "Add a partition to orders"),
                done: |s| c::partition_count(s, "orders") >= 4,
            },
            Task {
                text: Text::new(
                    "Dời offset của group payments về đầu (group phải trống trước), rồi cho nó đọc lại",
                    "Move group payments' offset back to the start (the group must be empty first), then let it read again",
                ),
                done: |s| s.facts().offset_resets > 0 && c::members(s, "payments") > 0,
            },
        ],
    },
    Scene {
        id: "cluster",
        illustration: "Kafka_cluster.png",
        section: SECTION_CLUSTER,
        title: Text::new("Cluster, Broker, leader và replica", "Cluster, Brokers, leaders and replicas"),
        narration: &[
            Text::new(
                "Cluster: Một tập hợp các máy chủ Brokers bao gồm ít nhất 1 Broker nhưng thường là nhiều Broker hoạt động cùng nhau. Mỗi Broker có ID riêng (ví dụ: broker-1, broker-2, …). Mỗi topic partition sẽ có leader và replica để đảm bảo fault-tolerance.",
                "A Cluster is a set of Brokers — at least one, usually several — working together. Each Broker has its own id (broker-1, broker-2, …) and stores and serves Partitions. Each topic partition has a leader and replicas for fault tolerance.",
            ),
            Text::new(
                "ZooKeeper (đã không còn xuất hiện ở các bản mới): là một hệ thống quản lý tập trung được sử dụng để quản lý và duy trì trạng thái của các Broker trong một cụm Kafka. Ngày nay Kafka dùng KRaft: một nhóm controller tự giữ metadata log.",
                "ZooKeeper (gone from recent versions) kept track of the Brokers' state in older Kafka. Today Kafka uses KRaft: a quorum of controllers keeps the metadata log itself. Switch the legacy view on to compare.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 10,
        setup: || {
            let mut commands = vec![
                Command::CreateTopic {
                    name: "orders".into(),
                    config: TopicConfig::default()
                        .with_partitions(3)
                        .with_replication_factor(3)
                        .with_min_insync_replicas(2),
                },
                producer("producer-1"),
                auto_produce(1, "orders", 1.5, &["order-1", "order-2", "order-3", "order-4", "order-5"]),
            ];
            commands.extend(group("payments", &["payment-1", "payment-2"], "orders"));
            commands
        },
        panels: Panels {
            publish: true,
            topics: false,
            brokers: true,
            groups: false,
            services: false,
        },
        actions: &[
            Action::KillLeader { topic: "orders", partition: 0 },
            Action::ReviveAll,
            Action::ToggleZooKeeper,
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Tắt broker đang làm leader của orders-0: một replica in-sync lên thay",
                    "Kill the broker that leads orders-0: an in-sync replica takes over",
                ),
                done: c::leadership_moved,
            },
            Task {
                text: Text::new(
                    "Bật lại broker đó: nó đuổi kịp và vào lại ISR",
                    "Bring it back: it catches up and rejoins the ISR",
                ),
                done: c::revived_and_in_sync,
            },
            Task {
                text: Text::new(
                    "Bật chế độ ZooKeeper cũ để so sánh",
                    "Switch on the legacy ZooKeeper mode to compare",
                ),
                done: c::zookeeper_mode,
            },
        ],
    },
    Scene {
        id: "consumer-groups",
        illustration: "Consumer_groups.png",
        section: SECTION_GROUPS,
        title: Text::new("Consumer Group chia việc", "Consumer Groups share the work"),
        narration: &[
            Text::new(
                "Bằng việc tạo ra một consumer group giúp chia đều khối lượng công việc của một chức năng dịch vụ cho các dịch vụ khác. Như các 10 đơn của US Orders có thể chia đều cho Payment 1, Payment 2,...",
                "A consumer group splits one function's work among several instances: the orders of \"US Orders\" are shared between Payment 1, Payment 2, … Each partition goes to exactly one member of the group.",
            ),
            Text::new(
                "Mỗi group khác nhận tất cả events: chia việc là trong một group, không phải giữa các group.",
                "Another group gets every event again: work is split within a group, never between groups.",
            ),
        ],
        stage: StageKind::Kafka,
        brokers: 3,
        seed: 11,
        setup: || {
            let mut commands = vec![
                topic("us-orders", 3, 2),
                producer("orders"),
                auto_produce(1, "us-orders", 2.0, &["order-1", "order-2", "order-3", "order-4", "order-5", "order-6", "order-7", "order-8", "order-9", "order-10"]),
            ];
            commands.extend(group("payments", &["payment-1", "payment-2"], "us-orders"));
            commands
        },
        panels: Panels {
            publish: false,
            topics: false,
            brokers: false,
            groups: true,
            services: false,
        },
        actions: &[
            Action::AddMember { group: "payments", topic: "us-orders" },
            Action::RemoveMember { group: "payments" },
            Action::AddGroup { topic: "us-orders" },
        ],
        tasks: &[
            Task {
                text: Text::new(
                    "Thêm một member: xem rebalance chia lại partition",
                    "Add a member: watch the rebalance share the partitions",
                ),
                done: |s| c::stable_with(s, "payments", 3),
            },
            Task {
                text: Text::new(
                    "Thêm nhiều member hơn số partition: một member ngồi chơi",
                    "Add more members than partitions: one sits idle",
                ),
                done: |s| c::has_idle_member(s, "payments"),
            },
            Task {
                text: Text::new(
                    "Thêm một group thứ hai: nó cũng nhận mọi event",
                    "Add a second group: it receives every event too",
                ),
                done: |s| c::another_group_receiving(s, "us-orders", &["payments"]),
            },
        ],
    },
];

#[cfg(test)]
mod tests;
