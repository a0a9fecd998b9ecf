//! Where everything of the flow view sits, computed from the model's state alone.
//!
//! The primer's pictures are about services and topics, not brokers: who writes to which
//! topic, the topic as a log, who reads it. So the flow view is a graph laid out in ranks,
//! left to right as the data flows: producers, then the topics they write to, then the
//! groups and services that read them, then what those services write (more topics, a
//! database table, e-mails), and so on down the chain. On a phone held upright the ranks
//! stack top to bottom. Each topic is a box with one row per partition; a row holds the
//! newest records as cells numbered by offset, newest at the right end, and sums up the older
//! ones as "… n earlier".
//!
//! Coordinates are SVG user units, as in `super::super::layout`.

use super::super::layout::{Orientation, Point, Rect};
use kafka_model::collections::{SortedMap, SortedSet};
use kafka_model::{Cluster, ProducerId, TopicPartition};

/// One record's cell: wide enough for a four-digit offset at the stage's 11 px.
pub const CELL_W: f64 = 28.0;
pub const CELL_H: f64 = 22.0;
/// The row's label (`P0`) on its left.
pub const ROW_LABEL_W: f64 = 26.0;
/// Below each row, one lane per reading group for its position marker and lag bar.
pub const LANE_H: f64 = 12.0;
pub const MARGIN: f64 = 12.0;
const GAP: f64 = 14.0;
/// Between two ranks: room for the arrows.
const RANK_GAP: f64 = 26.0;
const PAD: f64 = 8.0;
const HEAD: f64 = 26.0;
/// A group's or service's title: its name, what it is, what it reads.
const GROUP_HEAD: f64 = 52.0;
const MEMBER_H: f64 = 34.0;
/// A producer's or a sink's box; a group's is wider, for the names of what it reads.
const NODE_W: f64 = 116.0;
const GROUP_W: f64 = 136.0;
const NODE_H: f64 = 40.0;
/// The narrowest topic box, and how wide the wide stage is at least.
const TOPIC_MIN_W: f64 = 200.0;
const WIDE_MIN_W: f64 = 980.0;
const TALL_W: f64 = 420.0;
/// The legend's lines under the drawing: one on the wide stage, two on the tall one.
pub const LEGEND_H: f64 = 14.0;

pub fn legend_lines(orientation: Orientation) -> f64 {
    match orientation {
        Orientation::Wide => 1.0,
        Orientation::Tall => 2.0,
    }
}

/// How far back in a partition the flow view looks for who writes to it.
const RECENT_RECORDS: usize = 64;

/// Never fewer cells in a row than this, however narrow.
const MIN_SLOTS: usize = 4;

/// What a node of the graph is.
#[derive(Clone, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub enum NodeKind {
    /// A producer that is not a service's.
    Producer(ProducerId),
    Topic(String),
    /// A consumer group; `service` when it is a service's (the service is drawn as it).
    Group {
        group: String,
        service: bool,
    },
    /// A service's database table.
    Table(String),
    /// The e-mails a service sends.
    Email(String),
}

/// A topic's box and its rows.
#[derive(Clone, Debug, PartialEq)]
pub struct TopicBox {
    pub topic: String,
    pub rect: Rect,
    pub rows: Vec<Row>,
}

/// One partition as a row of cells.
#[derive(Clone, Debug, PartialEq)]
pub struct Row {
    pub partition: TopicPartition,
    /// The whole row, label included.
    pub rect: Rect,
    /// Where the cells go: `slots` of them, the last one the next offset to be written.
    pub cells: Rect,
    pub slots: usize,
    /// The offset drawn in the first record slot: the row shows `first..` up to the next
    /// offset to be written.
    pub first: u64,
    /// Slots before the first record's: one ("… 12 earlier") when the log holds records
    /// older than the window, else none.
    pub lead: usize,
    /// Groups reading this partition, each with its lane below the row, in lane order.
    pub lanes: Vec<String>,
}

impl Row {
    /// The left edge of offset `offset`'s cell, clamped to the row (an offset older than the
    /// window sits at its start, one past the end at its end).
    pub fn x_of(&self, offset: u64) -> f64 {
        let i = (self.lead as u64 + offset.saturating_sub(self.first)).min(self.slots as u64);
        self.cells.x + i as f64 * CELL_W
    }

    /// Whether `offset` has a slot in the window.
    pub fn shows(&self, offset: u64) -> bool {
        offset >= self.first && offset < self.first + (self.slots - self.lead) as u64
    }

    /// Where a new record lands: the middle of the slot after the last one written.
    pub fn landing(&self, log_end_offset: u64) -> Point {
        Point {
            x: self.x_of(log_end_offset) + CELL_W / 2.0,
            y: self.cells.y + CELL_H / 2.0,
        }
    }

    /// Where a record at `offset` leaves from (for a consumer's fetch).
    pub fn cell_center(&self, offset: u64) -> Point {
        Point {
            x: self.x_of(offset).min(self.cells.x + self.cells.w - CELL_W) + CELL_W / 2.0,
            y: self.cells.y + CELL_H / 2.0,
        }
    }

    /// The lane of `group` under the row, if it reads this partition.
    pub fn lane_y(&self, group: &str) -> Option<f64> {
        let i = self.lanes.iter().position(|g| g == group)?;
        Some(self.cells.y + CELL_H + 2.0 + i as f64 * LANE_H)
    }
}

/// A box that is not a topic: a producer, a group or service with its members, a sink.
#[derive(Clone, Debug, PartialEq)]
pub struct NodeBox {
    pub kind: NodeKind,
    pub rect: Rect,
    /// A group's members (member id), each with its line in the box.
    pub members: Vec<(String, Rect)>,
}

/// An arrow of the flow: from a writer to a topic, from a topic to a reader, from a service
/// to what it writes.
#[derive(Clone, Debug, PartialEq)]
pub struct Edge {
    pub from: Point,
    pub to: Point,
    /// Drawn dashed: the reader is stopped or has no running member.
    pub idle: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct FlowLayout {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    pub topics: Vec<TopicBox>,
    pub nodes: Vec<NodeBox>,
    pub edges: Vec<Edge>,
}

impl FlowLayout {
    pub fn compute(cluster: &Cluster, orientation: Orientation) -> FlowLayout {
        let graph = Graph::of(cluster);
        match orientation {
            Orientation::Wide => wide(cluster, &graph),
            Orientation::Tall => tall(cluster, &graph),
        }
    }

    pub fn row(&self, tp: &TopicPartition) -> Option<&Row> {
        self.topics
            .iter()
            .find(|t| t.topic.as_str() == &*tp.topic)?
            .rows
            .iter()
            .find(|r| r.partition.partition == tp.partition)
    }

    pub fn node(&self, kind: &NodeKind) -> Option<&NodeBox> {
        self.nodes.iter().find(|n| &n.kind == kind)
    }

    /// The box that stands for producer `id`: its own, or its service's.
    pub fn producer(&self, cluster: &Cluster, id: ProducerId) -> Option<Rect> {
        if let Some(n) = self.node(&NodeKind::Producer(id)) {
            return Some(n.rect);
        }
        let service = cluster.services().find(|s| s.producer == Some(id))?;
        self.group(&service.name).map(|n| n.rect)
    }

    pub fn group(&self, group: &str) -> Option<&NodeBox> {
        self.nodes
            .iter()
            .find(|n| matches!(&n.kind, NodeKind::Group { group: g, .. } if g.as_str() == group))
    }

    /// Member `member`'s line in its group's box (a service's member: the service's box).
    pub fn member(&self, group: &str, member: &str) -> Option<Rect> {
        let node = self.group(group)?;
        node.members
            .iter()
            .find(|(m, _)| m == member)
            .map(|(_, r)| *r)
            .or(Some(node.rect))
    }

    pub fn all_boxes(&self) -> Vec<Rect> {
        self.topics
            .iter()
            .map(|t| t.rect)
            .chain(self.nodes.iter().map(|n| n.rect))
            .collect()
    }
}

/// The graph before it is placed: nodes with their rank (column), edges by node.
struct Graph {
    /// Nodes in rank order, then in a stable order within the rank.
    ranks: Vec<Vec<NodeKind>>,
    edges: Vec<(NodeKind, NodeKind)>,
}

impl Graph {
    fn of(cluster: &Cluster) -> Graph {
        let service_producers: SortedSet<ProducerId> =
            cluster.services().filter_map(|s| s.producer).collect();
        let mut edges: SortedSet<(NodeKind, NodeKind)> = SortedSet::new();
        let mut nodes: SortedSet<NodeKind> = SortedSet::new();
        for t in cluster.topics() {
            nodes.insert(NodeKind::Topic(t.name.clone()));
        }
        // Who wrote what: a producer's records in a topic's logs, and what it is set to
        // write on its own. A service's producer is the service.
        let writer = |id: ProducerId| -> Option<NodeKind> {
            if service_producers.contains(&id) {
                let s = cluster.services().find(|s| s.producer == Some(id))?;
                Some(NodeKind::Group {
                    group: s.name.clone(),
                    service: true,
                })
            } else {
                Some(NodeKind::Producer(id))
            }
        };
        for p in cluster.producers() {
            if !service_producers.contains(&p.id) {
                nodes.insert(NodeKind::Producer(p.id));
            }
            if let Some(auto) = &p.auto {
                if cluster.topic(&auto.topic).is_some() {
                    if let Some(w) = writer(p.id) {
                        edges.insert((w, NodeKind::Topic(auto.topic.clone())));
                    }
                }
            }
        }
        // Recent writers only: the newest records of each partition (scanning every record
        // held, ten times a second, cost more than the rest of a frame on a busy topic), and
        // what each producer holds in its open batches.
        for t in cluster.topics() {
            let mut written: SortedSet<ProducerId> = t
                .partitions
                .iter()
                .flat_map(|p| {
                    let records = p.records();
                    records[records.len().saturating_sub(RECENT_RECORDS)..]
                        .iter()
                        .filter_map(|r| r.producer_id)
                })
                .collect();
            written.extend(
                cluster
                    .producers()
                    .filter(|p| p.open_batches().any(|(tp, _)| *tp.topic == *t.name))
                    .map(|p| p.id),
            );
            for id in written {
                if let Some(w) = writer(id) {
                    if nodes.contains(&w) || matches!(w, NodeKind::Group { .. }) {
                        edges.insert((w, NodeKind::Topic(t.name.clone())));
                    }
                }
            }
        }
        for g in cluster.groups() {
            let service = cluster.service(&g.group_id);
            let me = NodeKind::Group {
                group: g.group_id.clone(),
                service: service.is_some(),
            };
            nodes.insert(me.clone());
            let mut reads: SortedSet<&str> = g.subscribed_topics();
            if let Some(s) = service {
                reads.extend(s.config.inputs.iter().map(String::as_str));
            }
            for topic in reads {
                if cluster.topic(topic).is_some() {
                    edges.insert((NodeKind::Topic(topic.to_string()), me.clone()));
                }
            }
            if let Some(s) = service {
                for out in s.config.outputs() {
                    if cluster.topic(out).is_some() {
                        edges.insert((me.clone(), NodeKind::Topic(out.to_string())));
                    }
                }
                for table in s.config.tables() {
                    let sink = NodeKind::Table(table.to_string());
                    nodes.insert(sink.clone());
                    edges.insert((me.clone(), sink));
                }
                if s.config
                    .reactions
                    .contains(&kafka_model::Reaction::SendEmail)
                {
                    let sink = NodeKind::Email(s.name.clone());
                    nodes.insert(sink.clone());
                    edges.insert((me.clone(), sink));
                }
            }
        }
        for (a, b) in &edges {
            nodes.insert(a.clone());
            nodes.insert(b.clone());
        }
        // Ranks: producers first; everything else one after the furthest thing feeding it.
        // The model refuses service loops, but the ranks stay bounded whatever the graph.
        let mut rank: SortedMap<NodeKind, usize> = nodes
            .iter()
            .map(|n| {
                let r = match n {
                    NodeKind::Producer(_) => 0,
                    NodeKind::Topic(_) => 1,
                    _ => 2,
                };
                (n.clone(), r)
            })
            .collect();
        for _ in 0..=nodes.len() {
            let mut changed = false;
            for (a, b) in &edges {
                let need = rank.get(a).copied().unwrap_or(0) + 1;
                let have = rank.get(b).copied().unwrap_or(0);
                if need > have && need <= nodes.len() + 2 {
                    rank.insert(b.clone(), need);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        let depth = rank.values().copied().max().unwrap_or(0);
        let mut ranks: Vec<Vec<NodeKind>> = vec![Vec::new(); depth + 1];
        for (n, r) in rank.iter() {
            ranks[*r].push(n.clone());
        }
        ranks.retain(|r| !r.is_empty());
        let edges: Vec<(NodeKind, NodeKind)> = edges.into_iter().collect();
        order_ranks(&mut ranks, &edges);
        Graph { ranks, edges }
    }
}

/// Orders each rank by where its nodes' neighbours sit (the barycenter heuristic), so arrows
/// run straight rather than cross: left to right by what feeds each node, then the first rank
/// by what it feeds. Nodes nothing feeds keep their place after the others.
fn order_ranks(ranks: &mut [Vec<NodeKind>], edges: &[(NodeKind, NodeKind)]) {
    let place = |ranks: &[Vec<NodeKind>], n: &NodeKind| -> Option<usize> {
        ranks.iter().find_map(|r| r.iter().position(|x| x == n))
    };
    // In thousandths, so the keys are integers (one sort instantiation, no float compares).
    // The mean place of a node's neighbours in `others`, in thousandths (integer keys: one
    // sort instantiation, no float compares); `upstream` looks at what feeds it, else at what
    // it feeds. Then the rank in that order, nodes with no such neighbour last, stably.
    let reorder = |rank: &mut Vec<NodeKind>, others: &[Vec<NodeKind>], upstream: bool| {
        let keys: Vec<Option<usize>> = rank
            .iter()
            .map(|n| {
                let places: Vec<usize> = edges
                    .iter()
                    .filter_map(|(a, b)| match upstream {
                        true if b == n => place(others, a),
                        false if a == n => place(others, b),
                        _ => None,
                    })
                    .collect();
                (!places.is_empty()).then(|| places.iter().sum::<usize>() * 1000 / places.len())
            })
            .collect();
        let mut order: Vec<usize> = (0..rank.len()).collect();
        kafka_model::sorting::sort_by_key(&mut order, |&i| (keys[i].is_none(), keys[i], i));
        *rank = order.iter().map(|&i| rank[i].clone()).collect();
    };
    for r in 1..ranks.len() {
        let (done, rest) = ranks.split_at_mut(r);
        reorder(&mut rest[0], done, true);
    }
    if ranks.len() > 1 {
        let (first, later) = ranks.split_at_mut(1);
        reorder(&mut first[0], later, false);
    }
}

/// The groups reading each topic, in a stable order: their lanes under its rows.
fn readers(cluster: &Cluster, topic: &str) -> Vec<String> {
    cluster
        .groups()
        .filter(|g| {
            g.subscribed_topics().contains(topic)
                || g.committed.keys().any(|tp| &*tp.topic == topic)
                || cluster
                    .service(&g.group_id)
                    .is_some_and(|s| s.config.inputs.iter().any(|i| i == topic))
        })
        .map(|g| g.group_id.clone())
        .collect()
}

fn topic_height(partitions: usize, lanes: usize) -> f64 {
    HEAD + partitions as f64 * row_pitch(lanes) + PAD
}

fn row_pitch(lanes: usize) -> f64 {
    CELL_H + 4.0 + lanes as f64 * LANE_H + 6.0
}

fn node_height(cluster: &Cluster, kind: &NodeKind) -> f64 {
    match kind {
        NodeKind::Group { group, .. } => {
            let members = cluster.group(group).map_or(0, |g| g.members.len());
            GROUP_HEAD + members as f64 * MEMBER_H + PAD
        }
        _ => NODE_H,
    }
}

/// Places a topic's box at (`x`, `y`), `w` wide.
fn topic_box(cluster: &Cluster, name: &str, x: f64, y: f64, w: f64) -> TopicBox {
    let lanes = readers(cluster, name);
    let parts = cluster.topic(name).map_or(0, |t| t.partitions.len());
    let cells_w = w - 2.0 * PAD - ROW_LABEL_W;
    let slots = ((cells_w / CELL_W).floor() as usize).max(MIN_SLOTS);
    let pitch = row_pitch(lanes.len());
    let rows = (0..parts)
        .map(|i| {
            let tp = TopicPartition::new(name, i as u32);
            let p = cluster.partition(&tp);
            // The newest records, the next offset's empty slot at the right end; when older
            // records do not fit, the first slot sums them up.
            let end = p.map_or(0, |p| p.log_end_offset());
            let start = p.map_or(0, |p| p.log_start_offset());
            let (first, lead) = if end + 1 > start + slots as u64 {
                ((end + 2).saturating_sub(slots as u64), 1)
            } else {
                (start, 0)
            };
            let ry = y + HEAD + i as f64 * pitch;
            let rect = Rect {
                x: x + PAD,
                y: ry,
                w: w - 2.0 * PAD,
                h: pitch - 6.0,
            };
            let cells = Rect {
                x: x + PAD + ROW_LABEL_W,
                y: ry,
                w: slots as f64 * CELL_W,
                h: CELL_H,
            };
            Row {
                partition: tp,
                rect,
                cells,
                slots,
                first,
                lead,
                lanes: lanes.clone(),
            }
        })
        .collect();
    TopicBox {
        topic: name.to_string(),
        rect: Rect {
            x,
            y,
            w,
            h: topic_height(parts, lanes.len()),
        },
        rows,
    }
}

fn node_box(cluster: &Cluster, kind: &NodeKind, x: f64, y: f64, w: f64) -> NodeBox {
    let h = node_height(cluster, kind);
    let members = match kind {
        NodeKind::Group { group, .. } => cluster
            .group(group)
            .map(|g| {
                g.members
                    .keys()
                    .enumerate()
                    .map(|(i, m)| {
                        (
                            m.clone(),
                            Rect {
                                x: x + PAD,
                                y: y + GROUP_HEAD + i as f64 * MEMBER_H,
                                w: w - 2.0 * PAD,
                                h: MEMBER_H - 4.0,
                            },
                        )
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => Vec::new(),
    };
    NodeBox {
        kind: kind.clone(),
        rect: Rect { x, y, w, h },
        members,
    }
}

fn is_topic(kind: &NodeKind) -> bool {
    matches!(kind, NodeKind::Topic(_))
}

/// A box's width on the wide stage (a topic's is the column's).
fn node_w(kind: &NodeKind) -> f64 {
    match kind {
        NodeKind::Group { .. } => GROUP_W,
        _ => NODE_W,
    }
}

/// A rank's column width when it holds no topic.
fn column_w(rank: &[NodeKind]) -> f64 {
    rank.iter().map(node_w).fold(0.0, f64::max)
}

/// Left to right by rank. Topic columns share what the other columns leave of the stage's
/// width, and the stage grows rather than squeeze a topic under [`TOPIC_MIN_W`].
fn wide(cluster: &Cluster, graph: &Graph) -> FlowLayout {
    let topic_cols = graph
        .ranks
        .iter()
        .filter(|r| r.iter().any(is_topic))
        .count();
    let other_w: f64 = graph
        .ranks
        .iter()
        .filter(|r| !r.iter().any(is_topic))
        .map(|r| column_w(r))
        .sum();
    let fixed = 2.0 * MARGIN + other_w + graph.ranks.len().saturating_sub(1) as f64 * RANK_GAP;
    let topic_w = if topic_cols == 0 {
        0.0
    } else {
        ((WIDE_MIN_W - fixed) / topic_cols as f64).max(TOPIC_MIN_W)
    };
    let mut x = MARGIN;
    let (mut topics, mut nodes) = (Vec::new(), Vec::new());
    let mut bottom: f64 = MARGIN;
    for rank in &graph.ranks {
        let col_w = if rank.iter().any(is_topic) {
            topic_w
        } else {
            column_w(rank)
        };
        let mut y = MARGIN;
        for kind in rank {
            match kind {
                NodeKind::Topic(name) => {
                    let t = topic_box(cluster, name, x, y, col_w);
                    y += t.rect.h + GAP;
                    topics.push(t);
                }
                _ => {
                    let n = node_box(cluster, kind, x, y, node_w(kind).min(col_w));
                    y += n.rect.h + GAP;
                    nodes.push(n);
                }
            }
        }
        bottom = bottom.max(y);
        x += col_w + RANK_GAP;
    }
    let width = (x - RANK_GAP + MARGIN).max(WIDE_MIN_W);
    finish(
        cluster,
        graph,
        topics,
        nodes,
        width,
        bottom + MARGIN,
        Orientation::Wide,
    )
}

/// Top to bottom by rank; a rank's boxes side by side, wrapping; topics as wide as the stage.
fn tall(cluster: &Cluster, graph: &Graph) -> FlowLayout {
    let inner = TALL_W - 2.0 * MARGIN;
    let (mut topics, mut nodes) = (Vec::new(), Vec::new());
    let mut y = MARGIN;
    for rank in &graph.ranks {
        let mut x = MARGIN;
        let mut line_h: f64 = 0.0;
        // Up to three boxes share a line, narrowed to fit: a rank that wraps would send the
        // arrows to its second line across the boxes of its first.
        let boxes = rank.iter().filter(|k| !is_topic(k)).count().clamp(1, 3) as f64;
        let shared = (inner - GAP * (boxes - 1.0)) / boxes;
        for kind in rank {
            let w = if is_topic(kind) {
                inner
            } else {
                node_w(kind).min(shared)
            };
            if x > MARGIN && x + w > MARGIN + inner + 0.01 {
                x = MARGIN;
                y += line_h + GAP;
                line_h = 0.0;
            }
            match kind {
                NodeKind::Topic(name) => {
                    let t = topic_box(cluster, name, x, y, w);
                    line_h = line_h.max(t.rect.h);
                    x += w + GAP;
                    topics.push(t);
                }
                _ => {
                    let n = node_box(cluster, kind, x, y, w);
                    line_h = line_h.max(n.rect.h);
                    x += w + GAP;
                    nodes.push(n);
                }
            }
        }
        y += line_h + RANK_GAP;
    }
    finish(
        cluster,
        graph,
        topics,
        nodes,
        TALL_W,
        y - RANK_GAP + MARGIN,
        Orientation::Tall,
    )
}

/// The arrows, once every box is placed.
fn finish(
    cluster: &Cluster,
    graph: &Graph,
    topics: Vec<TopicBox>,
    nodes: Vec<NodeBox>,
    width: f64,
    height: f64,
    orientation: Orientation,
) -> FlowLayout {
    let mut layout = FlowLayout {
        width,
        height: height.max(MARGIN * 2.0 + NODE_H) + LEGEND_H * legend_lines(orientation),
        orientation,
        topics,
        nodes,
        edges: Vec::new(),
    };
    let rect_of = |layout: &FlowLayout, kind: &NodeKind| -> Option<Rect> {
        match kind {
            NodeKind::Topic(name) => layout
                .topics
                .iter()
                .find(|t| &t.topic == name)
                .map(|t| t.rect),
            k => layout.node(k).map(|n| n.rect),
        }
    };
    let idle = |kind: &NodeKind| match kind {
        NodeKind::Group { group, .. } => cluster
            .group(group)
            .map_or(true, |g| !g.members.values().any(|m| m.is_running())),
        _ => false,
    };
    // On the wide stage a reader's members are tied to the partitions they own by lines of
    // their own (the primer's consumer-groups picture), so the topic's arrow to that reader
    // would say it twice; it stays for a reader that owns nothing of the topic now.
    let owns_some = |topic: &str, reader: &NodeKind| match reader {
        NodeKind::Group { group, .. } => cluster.group(group).is_some_and(|g| {
            g.members
                .values()
                .any(|m| m.owned.keys().any(|tp| &*tp.topic == topic))
        }),
        _ => false,
    };
    let edges = graph
        .edges
        .iter()
        .filter(|(a, b)| match (orientation, a) {
            (Orientation::Wide, NodeKind::Topic(t)) => !owns_some(t, b),
            _ => true,
        })
        .filter_map(|(a, b)| {
            let (ra, rb) = (rect_of(&layout, a)?, rect_of(&layout, b)?);
            let (from, to) = match orientation {
                Orientation::Wide => (
                    Point {
                        x: ra.x + ra.w,
                        y: ra.y + ra.h.min(60.0) / 2.0,
                    },
                    Point {
                        x: rb.x,
                        y: rb.y + rb.h.min(60.0) / 2.0,
                    },
                ),
                Orientation::Tall => (
                    Point {
                        x: ra.x + ra.w / 2.0,
                        y: ra.y + ra.h,
                    },
                    Point {
                        x: rb.x + rb.w / 2.0,
                        y: rb.y,
                    },
                ),
            };
            Some(Edge {
                from,
                to,
                idle: idle(a) || idle(b),
            })
        })
        .collect();
    layout.edges = edges;
    layout
}

#[cfg(test)]
mod tests;
