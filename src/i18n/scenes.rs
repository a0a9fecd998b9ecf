//! The primer's scenes in words: each scene's section, title, narration (the Vietnamese
//! quotes the course's primer; the English is ours) and "try this" tasks, then the quick
//! actions' labels and why an action cannot be taken. `crate::scenes::catalog` puts them
//! together with the presets and the checks. Kafka's terms stay in English in both languages.

use super::Text;

// --- the primer's sections
pub const SECTION_WHAT: Text = Text {
    en: "1. What Kafka is",
    vi: "1. Kafka là gì",
};
pub const SECTION_EVENTS: Text = Text {
    en: "Events",
    vi: "Events",
};
pub const SECTION_TOPIC: Text = Text {
    en: "Topic",
    vi: "Topic",
};
pub const SECTION_PARTITION: Text = Text {
    en: "Partition",
    vi: "Partition",
};
pub const SECTION_CLUSTER: Text = Text {
    en: "Cluster, Broker · ZooKeeper",
    vi: "Cluster, Broker · ZooKeeper",
};
pub const SECTION_GROUPS: Text = Text {
    en: "Consumer Groups",
    vi: "Consumer Groups",
};

/// Scene `what-is-kafka` (Realistic_example.png).
pub mod what_is_kafka {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "One order, a chain of events",
        vi: "Một đơn hàng, một chuỗi sự kiện",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "Kafka is an open-source streaming platform that carries data in real time between systems, applications and services.",
            vi: "Kafka là một nền tảng xử lý dữ liệu theo luồng (streaming platform) mã nguồn mở được dùng để truyền tải dữ liệu theo thời gian thực giữa các hệ thống, ứng dụng hoặc dịch vụ.",
        },
        Text {
            en: "Imagine an e-commerce shop with an Orders system, Payments and Inventory. Placing an order sets off a chain of events: the customer orders → the stock is updated → a confirmation e-mail goes to the customer…",
            vi: "Tưởng tượng ta đang xây dựng một ứng dụng thương mại điện tử gồm: Hệ thống đặt hàng, hệ thống thanh toán, tồn kho. Khi ta đặt hàng thì một chuỗi sự kiện sẽ xảy ra như: Người dùng đặt hàng → Kho hàng được update → email xác nhận được gửi tới khách hàng...",
        },
    ];

    // --- tasks
    pub const PLACE_AN_ORDER: Text = Text {
        en: "Place an order",
        vi: "Đặt một đơn hàng",
    };
    pub const WATCH_THE_CHAIN: Text = Text {
        en: "Watch the chain: Notification e-mails the customer, Inventory updates the stock (topic inventory), then Payments records the payment",
        vi: "Xem chuỗi sự kiện: Notification gửi email cho khách, Inventory cập nhật kho (topic inventory), rồi Payments ghi nhận thanh toán",
    };
    pub const TWO_MORE_ORDERS: Text = Text {
        en: "Place two more orders: each sets off its own chain",
        vi: "Đặt thêm hai đơn: mỗi đơn kích hoạt chuỗi của riêng nó",
    };
}

/// Scene `direct-calls` (Simple_architecture.png).
pub mod direct_calls {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "When services call each other directly",
        vi: "Khi các service gọi thẳng nhau",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "In a small web shop the services can simply call each other. That is fine until many customers arrive. If one service fails, the whole system fails with it, because the services depend on each other.",
            vi: "Với một web nhỏ, kiến trúc đơn giản thì các dịch vụ này có thể trực tiếp gọi tới nhau. Điều này sẽ hoàn toàn ổn cho tới khi có một lượng lớn khách hàng truy cập vào hệ thống đó. Giả sử có một dịch vụ gặp trục trặc thì toàn bộ hệ thống đó sẽ gặp trục trặc theo vì các dịch vụ của chúng đều phụ thuộc lẫn nhau.",
        },
        Text {
            en: "There is no Kafka here: Orders calls Inventory, then Payments, then Notification, and waits for each answer. Each service has only a few workers and a small queue.",
            vi: "Ở đây chưa có Kafka: Orders gọi Inventory, rồi Payments, rồi Notification và chờ từng câu trả lời. Mỗi service chỉ có vài worker và một hàng đợi nhỏ.",
        },
    ];

    // --- tasks
    pub const PLACE_AN_ORDER: Text = Text {
        en: "Place an order: Orders calls each service in turn",
        vi: "Đặt một đơn hàng: Orders gọi lần lượt từng service",
    };
    pub const PAYMENTS_DOWN: Text = Text {
        en: "Take Payments down",
        vi: "Tắt Payments",
    };
    pub const AUTOMATIC_ORDERS: Text = Text {
        en: "Turn on automatic orders: calls pile up, orders fail, then Orders itself turns customers away",
        vi: "Bật đơn hàng tự động: các lời gọi dồn lại, đơn hàng thất bại rồi bị từ chối ngay từ Orders",
    };
    pub const PAYMENTS_BACK: Text = Text {
        en: "Bring Payments back: orders complete again",
        vi: "Bật lại Payments: đơn hàng lại hoàn tất",
    };
}

/// Scene `kafka-in-the-middle` (How_Kafka_works.png).
pub mod kafka_in_the_middle {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Kafka in the middle",
        vi: "Kafka làm người trung gian",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "Kafka sits in the middle and hands information on to the other services. It keeps the data in topic logs, and delivers it in order within each partition.",
            vi: "Kafka như một người trung gian làm nhiệm vụ phân phối thông tin cho các dịch vụ khác. Kafka lưu trữ dữ liệu trong topic logs, và đảm bảo việc truyền tin có thứ tự trong mỗi partition.",
        },
        Text {
            en: "So Orders no longer waits for Payments, Inventory… to finish: it hands every order to Kafka and trusts Kafka to deliver it to the other three. Orders is the Producer; Payments, Inventory… are Consumers. Above: the same shop without Kafka.",
            vi: "Như vậy \"Orders\" sẽ không còn cần phải đợi Payments, Inventory,... hoàn thành xong công việc của nó rồi mới gửi lên, mà nó tin rằng Kafka sẽ phân phối hết các orders cho 3 thằng kia. \"Orders\" sẽ được gọi là Producer, còn \"Payments\", \"Inventory\",... sẽ được gọi là Consumer.",
        },
    ];

    // --- tasks
    pub const PLACE_AN_ORDER: Text = Text {
        en: "Place an order: both shops fulfil it",
        vi: "Đặt một đơn hàng: cả hai cửa hàng đều xử lý xong",
    };
    pub const PAYMENTS_DOWN: Text = Text {
        en: "Take Payments down on both sides",
        vi: "Tắt Payments ở cả hai bên",
    };
    pub const AUTOMATIC_ORDERS: Text = Text {
        en: "Turn on automatic orders: without Kafka orders fail; with Kafka, Orders goes on and the events wait in the log (payments' lag grows)",
        vi: "Bật đơn hàng tự động: không có Kafka thì đơn hàng thất bại; có Kafka thì Orders vẫn chạy, events chờ trong log (lag của payments tăng)",
    };
    pub const PAYMENTS_BACK: Text = Text {
        en: "Bring Payments back: it reads on from its committed offset, lag falls to 0, no order lost",
        vi: "Bật lại Payments: nó đọc tiếp từ offset đã commit, lag về 0, không mất đơn nào",
    };
}

/// Scene `events` (Events_structure.png).
pub mod events {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "What an event is made of",
        vi: "Một event gồm những gì",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "An event is a key-value pair with metadata: the time it was sent, which producer sent it, and any headers you add.",
            vi: "Events sẽ có giá trị là cặp Key-Value, đồng thời có cả Metadata, trong đó có thời gian được gửi đến, producer là ai...",
        },
        Text {
            en: "Compose one in the Publish panel: once sent, its card shows key, value, timestamp, producer and headers — then the topic, partition and offset once Kafka has written it.",
            vi: "Soạn một event ở khung Publish: sau khi gửi, thẻ của nó cho thấy key, value, timestamp, producer, headers — rồi đến topic, partition và offset khi Kafka đã ghi nó.",
        },
    ];

    // --- tasks
    pub const KEY_AND_VALUE: Text = Text {
        en: "Publish an event with a key and a value (e.g. key order-1)",
        vi: "Gửi một event có key và value (ví dụ key order-1)",
    };
    pub const A_HEADER: Text = Text {
        en: "Add a header (e.g. source=web) and publish",
        vi: "Thêm một header (ví dụ source=web) rồi gửi",
    };
    pub const NO_KEY: Text = Text {
        en: "Publish an event without a key",
        vi: "Gửi một event không có key",
    };
}

/// Scene `topics` (Where_to_save_events.png).
pub mod topics {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Where events are kept",
        vi: "Events được lưu ở đâu",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "Events are organised into Topics. Each Topic is an independent stream: a list of related messages, appended to in order and never changed.",
            vi: "Các events sẽ được sắp xếp theo các Topic. Mỗi Topic là một luồng dữ liệu độc lập và có thể được coi là một danh sách các tin nhắn liên quan.",
        },
    ];

    // --- tasks
    pub const PUBLISH_TO_ORDERS: Text = Text {
        en: "Publish an event to orders",
        vi: "Gửi một event vào topic orders",
    };
    pub const TWO_OTHER_TOPICS: Text = Text {
        en: "Publish to two other topics: each log grows on its own",
        vi: "Gửi vào hai topic khác: mỗi log dài ra độc lập",
    };
    pub const A_TOPIC_OF_YOUR_OWN: Text = Text {
        en: "Create a topic of your own",
        vi: "Tạo một topic của riêng bạn",
    };
}

/// Scene `subscribers` (Where_to_save_events_1.png).
pub mod subscribers {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Subscribing to a Topic",
        vi: "Subscribe vào một Topic",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "Consumers Subscribe to a Topic; whenever a Producer sends an Event to it, every Consumer subscribed to that Topic receives it from Kafka.",
            vi: "Consumer sẽ Subscribe tới Topic cụ thể và mỗi khi Producer gửi Events tới Topic thì các Consumer đã Subscribe với Topic tương ứng sẽ nhận được thông tin từ Kafka.",
        },
    ];

    // --- tasks
    pub const BOTH_RECEIVE: Text = Text {
        en: "Publish an event to orders: both of its subscribers receive it",
        vi: "Gửi một event vào orders: cả hai subscriber đều nhận được",
    };
    pub const NEW_GROUP_ON_REVIEWS: Text = Text {
        en: "Subscribe a new consumer group to reviews",
        vi: "Cho một consumer group mới subscribe vào reviews",
    };
    pub const UNSUBSCRIBE: Text = Text {
        en: "Unsubscribe one (its member leaves): it receives no more",
        vi: "Cho một subscriber rời đi (unsubscribe): nó không nhận nữa",
    };
}

/// Scene `topics-in-action` (Example_of_topics_in_action.png).
pub mod topics_in_action {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Topics connect the services",
        vi: "Các topic nối các service với nhau",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "When a new order arrives, Orders sends an event to the orders topic. Other systems subscribe to it: Notification sends a notice, Inventory updates the stock. When the stock changes, the Inventory service sends to the inventory topic; the Payments service reads the inventory topic to take the payment.",
            vi: "Khi có đơn hàng mới, hệ thống “Orders” gửi sự kiện vào Orders topic. Các hệ thống khác đăng ký (subscribe) vào topic này để nhận thông tin: Notification gửi thông báo, Inventory cập nhật kho. Khi kho thay đổi, Inventory service gửi thông tin sang Inventory topic. Payments service đọc từ Inventory topic để thực hiện thanh toán.",
        },
        Text {
            en: "What it means in practice: each system only needs to know topics, not who sends or receives the data. The systems stay independent, easy to extend, and do not depend on each other.",
            vi: "Ý nghĩa thực tế: Mỗi hệ thống chỉ cần biết topic, không cần biết cụ thể ai gửi hay nhận dữ liệu. Giúp hệ thống độc lập, mở rộng dễ dàng và không phụ thuộc lẫn nhau.",
        },
    ];

    // --- tasks
    pub const NOTIFICATION_SENDS: Text = Text {
        en: "Place an order: Notification sends a notice",
        vi: "Đặt một đơn hàng: Notification gửi thông báo",
    };
    pub const INVENTORY_UPDATES: Text = Text {
        en: "Inventory updates the stock and sends an event to the inventory topic",
        vi: "Inventory cập nhật kho và gửi sự kiện sang topic inventory",
    };
    pub const PAYMENTS_READS: Text = Text {
        en: "Payments reads the inventory topic and takes the payment",
        vi: "Payments đọc topic inventory và thực hiện thanh toán",
    };
}

/// Scene `chain-reaction` (What_is_Kafka.png).
pub mod chain_reaction {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "A chain reaction",
        vi: "Phản ứng dây chuyền",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "So Kafka lets one event set off a chain reaction of actions: producing further events, or updating a database. It is used in healthcare, logistics, marketing…",
            vi: "Như vậy ta có thể coi Kafka là một công cụ cho phép thực hiện các phản ứng dây chuyền trong đó một sự kiện kích hoạt nhiều hành động, bao gồm tạo các sự kiện khác hoặc là update cơ sở dữ liệu. Kafka được ứng dụng trong lĩnh vực y tế, logistic, marketing,...",
        },
        Text {
            en: "Kafka is the hub here, making sure every service gets the newest data, reliably and in real time. Watch the payments table fill up.",
            vi: "Kafka ở đây đóng vai trò như trung tâm liên lạc, đảm bảo mọi dịch vụ đều nhận được dữ liệu mới nhất một cách đáng tin cậy và theo thời gian thực.",
        },
    ];

    // --- tasks
    pub const THREE_ORDERS: Text = Text {
        en: "Place three orders: the payments table in the database has three rows",
        vi: "Đặt ba đơn hàng: bảng payments trong database có ba dòng",
    };
    pub const INVENTORY_DOWN: Text = Text {
        en: "Take Inventory down and keep ordering: the chain pauses, orders wait in the orders topic",
        vi: "Tắt Inventory rồi đặt thêm đơn: chuỗi dừng lại, các đơn chờ trong topic orders",
    };
    pub const INVENTORY_BACK: Text = Text {
        en: "Bring Inventory back: the chain resumes and the database catches up",
        vi: "Bật lại Inventory: chuỗi chạy tiếp và database bắt kịp",
    };
}

/// Scene `partitions` (Partition_in_Kafka.png).
pub mod partitions {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Partitions and offsets",
        vi: "Partition và offset",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "A Topic can be split into several Partitions; they spread the data and raise throughput. Each Partition lives on a Broker, and data is written and read Partition by Partition. Consumers use the offset to track what they have read.",
            vi: "Mỗi Topic có thể được chia thành nhiều phân vùng. Partition là một phần nhỏ của chủ đề và đóng vai trò quan trọng trong việc phân tán dữ liệu và tăng hiệu suất. Mỗi Partition được lưu trữ trên một Broker và dữ liệu được đọc và ghi vào từng Partition một. Consumer sử dụng offset để theo dõi dữ liệu đã đọc.",
        },
        Text {
            en: "The producer picks the partition from the key: murmur2(key) mod the partition count — the same key always lands in the same partition, so its order is kept there. Click a partition to open its log.",
            vi: "Producer chọn partition theo key: murmur2(key) mod số partition — cùng key luôn vào cùng partition, nên thứ tự được giữ trong partition đó. Bấm vào một partition để xem log của nó.",
        },
    ];

    // --- tasks
    pub const SAME_KEY_TWICE: Text = Text {
        en: "Publish key order-1 twice: both land in the same partition",
        vi: "Gửi key order-1 hai lần: cả hai vào cùng một partition",
    };
    pub const TWO_PARTITIONS_USED: Text = Text {
        en: "Change the key until two partitions hold records",
        vi: "Đổi key cho tới khi có hai partition chứa dữ liệu",
    };
    pub const ADD_A_PARTITION: Text = Text {
        en: "Add a partition to orders",
        vi: "Thêm một partition cho orders",
    };
    pub const REWIND_THE_GROUP: Text = Text {
        en: "Move group payments' offset back to the start (the group must be empty first), then let it read again",
        vi: "Dời offset của group payments về đầu (group phải trống trước), rồi cho nó đọc lại",
    };
}

/// Scene `cluster` (Kafka_cluster.png).
pub mod cluster {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Cluster, Brokers, leaders and replicas",
        vi: "Cluster, Broker, leader và replica",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "A Cluster is a set of Brokers — at least one, usually several — working together. Each Broker has its own id (broker-1, broker-2, …) and stores and serves Partitions. Each topic partition has a leader and replicas for fault tolerance.",
            vi: "Cluster: Một tập hợp các máy chủ Brokers bao gồm ít nhất 1 Broker nhưng thường là nhiều Broker hoạt động cùng nhau. Mỗi Broker có ID riêng (ví dụ: broker-1, broker-2, …). Mỗi topic partition sẽ có leader và replica để đảm bảo fault-tolerance.",
        },
        Text {
            en: "ZooKeeper (gone from recent versions) kept track of the Brokers' state in older Kafka. Today Kafka uses KRaft: a quorum of controllers keeps the metadata log itself. Switch the legacy view on to compare.",
            vi: "ZooKeeper (đã không còn xuất hiện ở các bản mới): là một hệ thống quản lý tập trung được sử dụng để quản lý và duy trì trạng thái của các Broker trong một cụm Kafka. Ngày nay Kafka dùng KRaft: một nhóm controller tự giữ metadata log.",
        },
    ];

    // --- tasks
    pub const KILL_THE_LEADER: Text = Text {
        en: "Kill the broker that leads orders-0: an in-sync replica takes over",
        vi: "Tắt broker đang làm leader của orders-0: một replica in-sync lên thay",
    };
    pub const BRING_IT_BACK: Text = Text {
        en: "Bring it back: it catches up and rejoins the ISR",
        vi: "Bật lại broker đó: nó đuổi kịp và vào lại ISR",
    };
    pub const ZOOKEEPER_MODE: Text = Text {
        en: "Switch on the legacy ZooKeeper mode to compare",
        vi: "Bật chế độ ZooKeeper cũ để so sánh",
    };
}

/// Scene `consumer-groups` (Consumer_groups.png).
pub mod consumer_groups {
    use crate::i18n::Text;

    pub const TITLE: Text = Text {
        en: "Consumer Groups share the work",
        vi: "Consumer Group chia việc",
    };
    pub const NARRATION: &[Text] = &[
        Text {
            en: "A consumer group splits one function's work among several instances: the orders of \"US Orders\" are shared between Payment 1, Payment 2, … Each partition goes to exactly one member of the group.",
            vi: "Bằng việc tạo ra một consumer group giúp chia đều khối lượng công việc của một chức năng dịch vụ cho các dịch vụ khác. Như các 10 đơn của US Orders có thể chia đều cho Payment 1, Payment 2,...",
        },
        Text {
            en: "Another group gets every event again: work is split within a group, never between groups.",
            vi: "Mỗi group khác nhận tất cả events: chia việc là trong một group, không phải giữa các group.",
        },
    ];

    // --- tasks
    pub const ADD_A_MEMBER: Text = Text {
        en: "Add a member: watch the rebalance share the partitions",
        vi: "Thêm một member: xem rebalance chia lại partition",
    };
    pub const MORE_MEMBERS_THAN_PARTITIONS: Text = Text {
        en: "Add more members than partitions: one sits idle",
        vi: "Thêm nhiều member hơn số partition: một member ngồi chơi",
    };
    pub const SECOND_GROUP: Text = Text {
        en: "Add a second group: it receives every event too",
        vi: "Thêm một group thứ hai: nó cũng nhận mọi event",
    };
}

/// The quick actions' buttons (`crate::scenes::Action::label`).
pub mod actions {
    use crate::i18n::Text;

    pub const KILL_LEADER: Text = Text {
        en: "Kill the leader of orders-0",
        vi: "Tắt broker leader của orders-0",
    };
    pub const REVIVE_ALL: Text = Text {
        en: "Bring brokers back",
        vi: "Bật lại broker",
    };
    pub const TOGGLE_ZOOKEEPER: Text = Text {
        en: "KRaft ⇄ ZooKeeper",
        vi: "KRaft ⇄ ZooKeeper",
    };
    pub const ADD_MEMBER: Text = Text {
        en: "Add a member",
        vi: "Thêm member",
    };
    pub const REMOVE_MEMBER: Text = Text {
        en: "Remove a member",
        vi: "Bớt một member",
    };
    pub const ADD_GROUP: Text = Text {
        en: "Add a consumer group",
        vi: "Thêm consumer group",
    };
    pub const ADD_PARTITION: Text = Text {
        en: "Add a partition",
        vi: "Thêm partition",
    };
    pub const REWIND_GROUP: Text = Text {
        en: "Rewind offsets to earliest",
        vi: "Dời offset về đầu",
    };
    pub const PLACE_ORDER: Text = Text {
        en: "Place an order",
        vi: "Đặt một đơn hàng",
    };
    pub const AUTO_ORDERS: Text = Text {
        en: "Automatic orders (on/off)",
        vi: "Đơn hàng tự động (bật/tắt)",
    };
    pub const TOGGLE_PAYMENTS: Text = Text {
        en: "Payments down/up",
        vi: "Tắt/bật Payments",
    };
    pub const TOGGLE_INVENTORY: Text = Text {
        en: "Inventory down/up",
        vi: "Tắt/bật Inventory",
    };
    pub const TOGGLE_NOTIFICATION: Text = Text {
        en: "Notification down/up",
        vi: "Tắt/bật Notification",
    };
    pub const TOGGLE_SERVICE: Text = Text {
        en: "Service down/up",
        vi: "Tắt/bật service",
    };
}

/// Why a quick action cannot be taken now (`crate::scenes::actions::Refusal::Says`).
pub mod refusals {
    use crate::i18n::Text;

    pub const NO_LEADER: Text = Text {
        en: "This partition has no leader right now.",
        vi: "Partition này đang không có leader.",
    };
    pub const NO_RUNNING_MEMBER: Text = Text {
        en: "This group has no running member left.",
        vi: "Group này không còn member nào đang chạy.",
    };
}
