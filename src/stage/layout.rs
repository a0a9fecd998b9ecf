//! Where everything sits on the stage, computed from the model's state alone.
//!
//! The shape is the primer's: producers on the left, the cluster in the middle, consumer
//! groups on the right. On a phone held upright the same three bands stack top to bottom.
//! Coordinates are SVG user units; the SVG's `viewBox` is `0 0 width height`, so the
//! drawing scales to any screen and the layout never depends on pixels.

use kafka_model::collections::SortedMap;
use kafka_model::{BrokerId, Cluster, ProducerId, TopicPartition};

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn center(&self) -> Point {
        Point {
            x: self.x + self.w / 2.0,
            y: self.y + self.h / 2.0,
        }
    }
    pub fn contains(&self, other: &Rect) -> bool {
        other.x >= self.x - 0.01
            && other.y >= self.y - 0.01
            && other.x + other.w <= self.x + self.w + 0.01
            && other.y + other.h <= self.y + self.h + 0.01
    }
    pub fn overlaps(&self, other: &Rect) -> bool {
        self.x < other.x + other.w
            && other.x < self.x + self.w
            && self.y < other.y + other.h
            && other.y < self.y + self.h
    }
}

/// Landscape (laptop, projector) or portrait (phone or tablet held upright).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Orientation {
    Wide,
    Tall,
}

/// Up to this window width the page is one column (`static/style.css`), so the stage has the
/// window's whole width and may take its shape from the window.
pub const ONE_COLUMN_MAX_W: f64 = 1000.0;

impl Orientation {
    /// Portrait when the stage is taller than it is wide.
    pub fn for_size(width: f64, height: f64) -> Self {
        if height > width * 1.1 {
            Orientation::Tall
        } else {
            Orientation::Wide
        }
    }

    /// The stage's shape for a window: a page of one column takes the window's shape — a
    /// phone or a tablet held upright gets the tall stage (the wide one drawn 740 px wide on a
    /// tablet is 8 px text); two columns always the wide one.
    pub fn for_window(width: f64, height: f64) -> Self {
        if width <= ONE_COLUMN_MAX_W {
            Self::for_size(width, height)
        } else {
            Orientation::Wide
        }
    }
}

/// The narrowest replica chip: `orders-2 ★` fits it.
pub const CHIP_W: f64 = 75.0;
/// What a chip's text costs at the stage's 11 px: an average character, the padding on both
/// sides, and the room kept for a glyph (★ leader, ✕ offline, … out of sync).
pub const CHIP_CHAR_W: f64 = 6.5;
pub const CHIP_TEXT_PAD: f64 = 10.0;
pub const CHIP_GLYPH_W: f64 = 13.0;
/// Whole replica names are worth this many rows of chips in a broker box, not more.
const MAX_WHOLE_NAME_ROWS: usize = 4;
/// Two lines: the replica's name with its glyph, and under it how many records it holds.
pub const CHIP_H: f64 = 34.0;
const GAP: f64 = 6.0;
const BOX_HEAD: f64 = 30.0;
/// Group boxes carry three lines of title: the name; what it reads and how far behind it is;
/// strategy, generation and state.
const GROUP_HEAD: f64 = 58.0;
const PAD: f64 = 8.0;
const CLIENT_H: f64 = 44.0;
const MEMBER_H: f64 = 40.0;

#[derive(Clone, Debug, PartialEq)]
pub struct BrokerBox {
    pub id: BrokerId,
    pub rect: Rect,
    /// One chip per replica this broker holds, in topic then partition order.
    pub chips: Vec<(TopicPartition, Rect)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct GroupBox {
    pub group: String,
    pub rect: Rect,
    pub members: Vec<(String, Rect)>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub orientation: Orientation,
    pub controller: Rect,
    pub producers: Vec<(ProducerId, Rect)>,
    pub brokers: Vec<BrokerBox>,
    pub groups: Vec<GroupBox>,
    /// Standalone consumers, drawn below the groups.
    pub consumers: Vec<(u32, Rect)>,
}

impl Layout {
    pub fn compute(cluster: &Cluster, orientation: Orientation) -> Layout {
        match orientation {
            Orientation::Wide => wide(cluster),
            Orientation::Tall => tall(cluster),
        }
    }

    pub fn producer(&self, id: ProducerId) -> Option<Rect> {
        self.producers
            .iter()
            .find(|(p, _)| *p == id)
            .map(|(_, r)| *r)
    }

    pub fn broker(&self, id: BrokerId) -> Option<&BrokerBox> {
        self.brokers.iter().find(|b| b.id == id)
    }

    /// The chip of `tp`'s replica on `broker`, or the broker box when it holds none.
    pub fn replica(&self, broker: BrokerId, tp: &TopicPartition) -> Option<Rect> {
        let b = self.broker(broker)?;
        Some(
            b.chips
                .iter()
                .find(|(t, _)| t == tp)
                .map(|(_, r)| *r)
                .unwrap_or(b.rect),
        )
    }

    pub fn member(&self, group: &str, member: &str) -> Option<Rect> {
        let g = self.groups.iter().find(|g| g.group == group)?;
        g.members
            .iter()
            .find(|(m, _)| m == member)
            .map(|(_, r)| *r)
            .or(Some(g.rect))
    }

    pub fn consumer(&self, id: u32) -> Option<Rect> {
        self.consumers
            .iter()
            .find(|(c, _)| *c == id)
            .map(|(_, r)| *r)
    }

    /// The ownership line from a member to a replica: sideways on a wide stage, upwards on
    /// a tall one, so it leaves the member on the side facing the cluster.
    pub fn link(&self, member: Rect, chip: Rect) -> (Point, Point) {
        match self.orientation {
            Orientation::Wide => (
                Point {
                    x: member.x,
                    y: member.y + member.h / 2.0,
                },
                Point {
                    x: chip.x + chip.w,
                    y: chip.y + chip.h / 2.0,
                },
            ),
            Orientation::Tall => (
                Point {
                    x: member.x + member.w / 2.0,
                    y: member.y,
                },
                Point {
                    x: chip.x + chip.w / 2.0,
                    y: chip.y + chip.h,
                },
            ),
        }
    }

    /// Every box on the stage, for tests of the "nothing overlaps, all fits" kind.
    pub fn all_boxes(&self) -> Vec<Rect> {
        let mut v = vec![self.controller];
        v.extend(self.producers.iter().map(|(_, r)| *r));
        v.extend(self.brokers.iter().map(|b| b.rect));
        v.extend(self.groups.iter().map(|g| g.rect));
        v.extend(self.consumers.iter().map(|(_, r)| *r));
        v
    }
}

/// Every replica each broker holds, in topic then partition order.
fn replicas_by_broker(cluster: &Cluster) -> SortedMap<BrokerId, Vec<TopicPartition>> {
    let mut by: SortedMap<BrokerId, Vec<TopicPartition>> =
        cluster.brokers().map(|b| (b.id, Vec::new())).collect();
    for topic in cluster.topics() {
        for p in &topic.partitions {
            for b in &p.replicas {
                by.entry(*b)
                    .or_default()
                    .push(TopicPartition::new(topic.name.clone(), p.id));
            }
        }
    }
    by
}

/// How many chips a row of a broker box holds, and how wide they are, for a box `inner`
/// wide inside its padding. A chip is made wide enough for the longest replica name with its
/// glyph (`us-orders-11 ★`) when the box has room, so a learner reads the primer's topic names
/// whole — unless that would stack the busiest broker's chips more than
/// [`MAX_WHOLE_NAME_ROWS`] high; then the chips stay narrow and long names are shortened
/// (`us-or…-0`). The chips of a row stretch to fill it. All brokers share one chip size, and a
/// change of leader does not move anything.
fn chip_row(replicas: &SortedMap<BrokerId, Vec<TopicPartition>>, inner: f64) -> (usize, f64) {
    let fit = |chip: f64| (((inner + GAP) / (chip + GAP)).floor() as usize).max(1);
    let longest = replicas
        .values()
        .flatten()
        .map(|tp| tp.topic.chars().count() + 1 + tp.partition.to_string().len())
        .max()
        .unwrap_or(0);
    let busiest = replicas.values().map(Vec::len).max().unwrap_or(0);
    let wanted = (CHIP_TEXT_PAD + CHIP_GLYPH_W + longest as f64 * CHIP_CHAR_W)
        .max(CHIP_W)
        .min(inner.max(CHIP_W));
    let per_row = if busiest.div_ceil(fit(wanted)) <= MAX_WHOLE_NAME_ROWS {
        fit(wanted)
    } else {
        fit(CHIP_W)
    };
    // A box narrower than one chip still gets a whole chip, as it always did.
    (per_row, ((inner + GAP) / per_row as f64 - GAP).max(CHIP_W))
}

/// Broker boxes in a grid of `cols` columns inside `area`, chips wrapped inside each box.
fn broker_grid(
    cluster: &Cluster,
    x: f64,
    y: f64,
    width: f64,
    cols: usize,
) -> (Vec<BrokerBox>, f64) {
    let replicas = replicas_by_broker(cluster);
    let n = replicas.len().max(1);
    let cols = cols.min(n).max(1);
    let box_w = (width - GAP * 2.0 * (cols as f64 - 1.0)) / cols as f64;
    let (per_row, chip_w) = chip_row(&replicas, box_w - 2.0 * PAD);
    let mut boxes = Vec::new();
    let mut row_top = y;
    for row in replicas.iter().collect::<Vec<_>>().chunks(cols) {
        let rows_of_chips = row
            .iter()
            .map(|(_, v)| v.len().div_ceil(per_row).max(1))
            .max()
            .unwrap_or(1);
        let box_h = BOX_HEAD + rows_of_chips as f64 * (CHIP_H + GAP) + PAD;
        for (i, (id, tps)) in row.iter().enumerate() {
            let bx = x + i as f64 * (box_w + 2.0 * GAP);
            let chips = tps
                .iter()
                .enumerate()
                .map(|(k, tp)| {
                    let (r, c) = (k / per_row, k % per_row);
                    let rect = Rect {
                        x: bx + PAD + c as f64 * (chip_w + GAP),
                        y: row_top + BOX_HEAD + r as f64 * (CHIP_H + GAP),
                        w: chip_w,
                        h: CHIP_H,
                    };
                    (tp.clone(), rect)
                })
                .collect();
            boxes.push(BrokerBox {
                id: **id,
                rect: Rect {
                    x: bx,
                    y: row_top,
                    w: box_w,
                    h: box_h,
                },
                chips,
            });
        }
        row_top += box_h + 2.0 * GAP;
    }
    (boxes, row_top - y)
}

/// Groups, each a box with its members stacked inside; `cols` members per row.
fn group_column(
    cluster: &Cluster,
    x: f64,
    y: f64,
    width: f64,
    cols: usize,
) -> (Vec<GroupBox>, Vec<(u32, Rect)>, f64) {
    let mut top = y;
    let mut groups = Vec::new();
    let member_w = (width - 2.0 * PAD - GAP * (cols as f64 - 1.0)) / cols as f64;
    for g in cluster.groups() {
        let members: Vec<&String> = g.members.keys().collect();
        let rows = members.len().div_ceil(cols).max(1);
        let h = GROUP_HEAD + rows as f64 * (MEMBER_H + GAP) + PAD;
        let member_rects = members
            .iter()
            .enumerate()
            .map(|(k, m)| {
                let (r, c) = (k / cols, k % cols);
                let rect = Rect {
                    x: x + PAD + c as f64 * (member_w + GAP),
                    y: top + GROUP_HEAD + r as f64 * (MEMBER_H + GAP),
                    w: member_w,
                    h: MEMBER_H,
                };
                ((*m).clone(), rect)
            })
            .collect();
        groups.push(GroupBox {
            group: g.group_id.clone(),
            rect: Rect {
                x,
                y: top,
                w: width,
                h,
            },
            members: member_rects,
        });
        top += h + 2.0 * GAP;
    }
    let mut consumers = Vec::new();
    for c in cluster.consumers() {
        consumers.push((
            c.id,
            Rect {
                x,
                y: top,
                w: width,
                h: CLIENT_H,
            },
        ));
        top += CLIENT_H + GAP;
    }
    (groups, consumers, top - y)
}

fn client_column(cluster: &Cluster, x: f64, y: f64, width: f64) -> (Vec<(ProducerId, Rect)>, f64) {
    let mut top = y;
    let producers = cluster
        .producers()
        .map(|p| {
            let r = Rect {
                x,
                y: top,
                w: width,
                h: CLIENT_H,
            };
            top += CLIENT_H + GAP * 2.0;
            (p.id, r)
        })
        .collect();
    (producers, top - y)
}

const WIDE_W: f64 = 980.0;
const MARGIN: f64 = 16.0;
const CONTROLLER_H: f64 = 34.0;
/// The wide stage is at least this tall: the usual start (three brokers, a producer, a group
/// of two) fits it with a little room, so a first small change need not resize the stage; and
/// no taller, so a laptop's first screen shows the describe tables under it.
const WIDE_MIN_H: f64 = 200.0;

fn wide(cluster: &Cluster) -> Layout {
    let (left_w, right_w) = (120.0, 220.0);
    let mid_x = MARGIN + left_w + 30.0;
    let mid_w = WIDE_W - mid_x - right_w - 30.0 - MARGIN;
    let controller = Rect {
        x: mid_x,
        y: MARGIN,
        w: mid_w,
        h: CONTROLLER_H,
    };
    let top = MARGIN + CONTROLLER_H + 2.0 * GAP;
    let n = cluster.brokers().count();
    let cols = match n {
        0..=3 => n.max(1),
        4 => 2,
        _ => 3,
    };
    let (brokers, mid_h) = broker_grid(cluster, mid_x, top, mid_w, cols);
    let (producers, left_h) = client_column(cluster, MARGIN, top, left_w);
    let (groups, consumers, right_h) =
        group_column(cluster, WIDE_W - MARGIN - right_w, top, right_w, 2);
    let height = (top + mid_h.max(left_h).max(right_h) + MARGIN).max(WIDE_MIN_H);
    Layout {
        width: WIDE_W,
        height,
        orientation: Orientation::Wide,
        controller,
        producers,
        brokers,
        groups,
        consumers,
    }
}

const TALL_W: f64 = 420.0;

fn tall(cluster: &Cluster) -> Layout {
    let inner = TALL_W - 2.0 * MARGIN;
    // Producers side by side in one band.
    let count = cluster.producers().count().max(1);
    let pw = ((inner - GAP * (count as f64 - 1.0)) / count as f64).min(180.0);
    let producers: Vec<_> = cluster
        .producers()
        .enumerate()
        .map(|(i, p)| {
            (
                p.id,
                Rect {
                    x: MARGIN + i as f64 * (pw + GAP),
                    y: MARGIN,
                    w: pw,
                    h: CLIENT_H,
                },
            )
        })
        .collect();
    let mut top = MARGIN
        + if producers.is_empty() {
            0.0
        } else {
            CLIENT_H + 4.0 * GAP
        };
    let controller = Rect {
        x: MARGIN,
        y: top,
        w: inner,
        h: CONTROLLER_H,
    };
    top += CONTROLLER_H + 2.0 * GAP;
    let cols = if cluster.brokers().count() == 1 { 1 } else { 2 };
    let (brokers, mid_h) = broker_grid(cluster, MARGIN, top, inner, cols);
    top += mid_h + 2.0 * GAP;
    let (groups, consumers, right_h) = group_column(cluster, MARGIN, top, inner, 3);
    let height = (top + right_h + MARGIN).max(360.0);
    Layout {
        width: TALL_W,
        height,
        orientation: Orientation::Tall,
        controller,
        producers,
        brokers,
        groups,
        consumers,
    }
}

#[cfg(test)]
mod tests;
