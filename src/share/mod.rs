//! Sharing what a learner built: a link (the state in the URL's fragment) and a file (the
//! same state as pretty JSON). Pure Rust, tested natively; the browser glue is in `browser`.
//!
//! The model is deterministic, so a session is fully described by where it started (seed,
//! broker count, the preset's setup commands), the learner's timed command log, and the
//! moment on screen. Rebuilding replays the log at its times, then plays on to that moment.
//!
//! Both worlds are shared: in a scene whose stage also holds the shop without Kafka
//! (`StageKind::has_direct`), the log holds its commands too (`{"Direct": …}` entries, see
//! `kafka_model::world`), and the scene named in the link says that the shop is there.
//!
//! Everything decoded here may be hostile (a link is typed by anyone): sizes, counts and
//! times are bounded before any work is done, decompression stops at a ceiling, and
//! rebuilding has a work budget, so no input can panic, exhaust memory or spin for long.

pub mod browser;
mod error;

// Natively: proptest does not build for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests;

pub use error::{ShareError, SizeOf};

use crate::scenes::Scene;
use crate::session::Session;
use base64::engine::general_purpose::{GeneralPurpose, GeneralPurposeConfig};
use base64::engine::DecodePaddingMode;
use base64::Engine as _;
use kafka_model::command_json::{Fields, JsonError};
use kafka_model::{Command, Ms, WorldCommand};
use miniz_oxide::inflate::TINFLStatus;
use serde::Serialize;
use serde_json::Value;

/// The format's version: in the JSON (`"v": 1`) and in the link's prefix (`v1.`).
pub const VERSION: u32 = 1;
/// A link's fragment at most (64 KiB): far above a typical session's (1.6 KB for 50
/// commands; about 2,000 commands fit), far below what browsers accept in a URL.
pub const MAX_FRAGMENT_BYTES: usize = 64 * 1024;
/// The JSON at most, whether unpacked from a link or read from a file (1 MiB). Unpacking
/// stops there: a small link that inflates to gigabytes (a "zip bomb") allocates no more.
pub const MAX_JSON_BYTES: usize = 1024 * 1024;
/// A JSON file at most (2 MiB): its lines are one command each, ≈ 170 bytes for a typical
/// command, so the most commands a session may share (5,000) fit with room to spare.
pub const MAX_FILE_BYTES: usize = 2 * 1024 * 1024;
/// Setup commands plus log entries at most.
pub const MAX_COMMANDS: usize = 5_000;
/// The longest duration a command may set (a `*_ms` field): the model's bound for its
/// snapshots, 2^50 ms, under which its sums of times cannot overflow.
pub const MAX_DURATION_MS: Ms = kafka_model::snapshot::MAX_SNAPSHOT_MS;
/// The latest moment a shared session may be at: one hour of simulated time.
pub const MAX_AT_MS: Ms = 60 * 60 * 1_000;
/// The most work a rebuild may do before it gives up, in happenings' worth (each happening
/// counts one; each checkpoint the session takes counts the records it copies, divided by
/// `RECORDS_PER_WORK`). Happenings are what the model's work is made of (every message,
/// election, rebalance...), so this bounds a rebuild's cost whatever the log asks for:
/// thousands of auto-producers are refused after a fraction of a second, not after an hour.
///
/// Measured (`share_rebuild_cost`, an ignored test, release build with the app's opt-level
/// "z", on a machine busy with other builds), native / in headless Chromium:
/// - the free playground left for an hour: ≈ 11 k happenings, 12–22 ms / 30–50 ms (140 ms
///   on a cold page, before the wasm is optimised);
/// - one auto-producer at 10 records/s for an hour: ≈ 178 k, 0.17–0.19 s / 0.38 s;
/// - three at 10/s for an hour: ≈ 403 k, 0.31–0.6 s / 0.44–0.69 s;
/// - one at 100/s (the model's ceiling): refused at ≈ 46 min after 0.6 s / 0.5 s;
/// - three at 100/s: refused at ≈ 21 min after 0.9 s / 0.64 s.
///
/// So a rebuild stays within about a second in the browser, and every session a learner is
/// likely to share (minutes long, a producer or two) rebuilds in a small part of that.
pub const MAX_REPLAY_WORK: u64 = 800_000;
/// A rebuild's steps of time: from 50 ms (after each command) up to a minute while quiet.
const MIN_STEP_MS: Ms = 50;
const MAX_STEP_MS: Ms = 60_000;
/// The work a step should stay under (it grows while 4× less happened, halves above).
const STEP_WORK: u64 = 20_000;
/// Records copied per unit of work when a checkpoint is taken: copying a record costs about
/// a tenth of a happening (≈ 70 ns against ≈ 0.7–4 µs, measured natively).
const RECORDS_PER_WORK: u64 = 10;
/// The link's prefix: the version, then the packed JSON.
const FRAGMENT_PREFIX: &str = "v1.";

/// base64url, written without padding; read leniently (padding or not, and whatever the
/// unused bits of the last character), so a cut link reaches the unpacker, which can tell
/// "cut short" from "damaged". The zlib checksum is what guards the content.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &base64::alphabet::URL_SAFE,
    GeneralPurposeConfig::new()
        .with_encode_padding(false)
        .with_decode_allow_trailing_bits(true)
        .with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Everything needed to rebuild a session. Versioned.
#[derive(Clone, Debug, PartialEq, Serialize)]
pub struct Shared {
    /// The format's version, [`VERSION`].
    pub v: u32,
    /// The primer scene the session was playing, by id; `None` for the free playground.
    pub scene: Option<String>,
    pub seed: u64,
    pub brokers: u32,
    /// The preset's commands, run at time 0 before anything the learner did.
    pub setup: Vec<Command>,
    /// The learner's commands to either world, each with the simulated moment it ran at.
    pub log: Vec<(Ms, WorldCommand)>,
    /// The moment on screen: the rebuilt session plays on to it.
    pub at: Ms,
}

/// Where the text being decoded came from: a link's errors and a file's read differently.
#[derive(Clone, Copy)]
enum Source {
    Link,
    File,
}

impl Shared {
    /// What is on screen now: the preset, the commands up to now, and now. When the learner
    /// travelled back, the recorded future beyond now is not shared — the recipient sees
    /// what the sharer saw.
    pub fn capture(session: &Session, scene: Option<&str>) -> Shared {
        let origin = session.origin();
        let history = session.history();
        let commands = history.commands();
        let log = commands
            .get(..history.applied())
            .unwrap_or(commands)
            .to_vec();
        Shared {
            v: VERSION,
            scene: scene.map(str::to_string),
            seed: origin.seed,
            brokers: origin.brokers,
            setup: origin.setup.clone(),
            log,
            at: session.now(),
        }
    }

    /// Checks everything that can be checked without running the model: version, broker
    /// count, command count, times, durations and scene. Returns the scene, if one is named.
    pub fn validate(&self) -> Result<Option<&'static Scene>, ShareError> {
        if self.v != VERSION {
            return Err(ShareError::UnknownVersion {
                found: self.v.to_string(),
            });
        }
        let max_brokers = kafka_model::broker::MAX_BROKERS;
        if self.brokers == 0 || self.brokers > max_brokers {
            return Err(ShareError::Brokers {
                brokers: self.brokers,
                max: max_brokers,
            });
        }
        let count = self.setup.len().saturating_add(self.log.len());
        if count > MAX_COMMANDS {
            return Err(ShareError::TooManyCommands {
                count,
                max: MAX_COMMANDS,
            });
        }
        if self.at > MAX_AT_MS {
            return Err(ShareError::TimeOutOfRange {
                at: self.at,
                max: MAX_AT_MS,
            });
        }
        // Every field named `*_ms` is a duration or a time: at most what the model's own
        // snapshots may hold, so the model's sums of times cannot overflow.
        // Through text rather than `to_value`: the code for both ways is in the bundle already
        // (links and files), where `to_value` would add a copy of every Serialize impl.
        let commands: serde_json::Value = serde_json::to_string(&(&self.setup, &self.log))
            .ok()
            .and_then(|text| serde_json::from_str(&text).ok())
            .ok_or(ShareError::NotOurFormat { detail: None })?;
        if let Some((field, ms)) = oversized_ms(&commands) {
            return Err(ShareError::Duration {
                field,
                ms,
                max: MAX_DURATION_MS,
            });
        }
        let mut previous = 0;
        for (index, (t, _)) in self.log.iter().enumerate() {
            if *t < previous || *t > self.at {
                return Err(ShareError::TimeOrder { index, at: *t });
            }
            previous = *t;
        }
        match &self.scene {
            None => Ok(None),
            Some(id) => crate::scenes::by_id(id)
                .map(Some)
                .ok_or_else(|| ShareError::UnknownScene { id: id.clone() }),
        }
    }

    /// Rebuilds the session: validates everything first, runs the setup, replays each log
    /// entry at its moment (advance to it, apply), then plays on to `at`. A command the model
    /// refuses means the link was not made by us (a recorded command succeeded once, and the
    /// model is deterministic), and so does a replay that overruns the work budget.
    pub fn rebuild(&self) -> Result<Session, ShareError> {
        let scene = self.validate()?;
        let origin = crate::session::Origin {
            seed: self.seed,
            brokers: self.brokers,
            setup: self.setup.clone(),
            without_kafka: scene.is_some_and(|s| s.stage.has_direct()),
        };
        let mut session = match Session::start(origin) {
            Ok(session) => session,
            Err(error) => return Err(self.setup_refusal(error)),
        };
        let mut replay = Replay::new();
        for (index, (t, command)) in self.log.iter().enumerate() {
            replay.play_to(&mut session, *t)?;
            let mut result = Ok(());
            replay.run(&mut session, |s| {
                result = s.apply(command.clone()).map(|_| ())
            })?;
            if let Err(error) = result {
                return Err(ShareError::Refused {
                    setup: false,
                    index,
                    at: *t,
                    error,
                });
            }
            // What the command started may be busy: look again soon.
            replay.step = MIN_STEP_MS;
        }
        replay.play_to(&mut session, self.at)?;
        Ok(session)
    }

    /// Which setup command the model refused (run again on a scratch cluster to find it).
    fn setup_refusal(&self, error: kafka_model::ModelError) -> ShareError {
        let index = kafka_model::Cluster::new(self.seed, self.brokers)
            .ok()
            .and_then(|mut cluster| self.setup.iter().position(|c| cluster.apply(c).is_err()))
            .unwrap_or(0);
        ShareError::Refused {
            setup: true,
            index,
            at: 0,
            error,
        }
    }

    /// The link's fragment: `v1.` then base64url (no padding) of the zlib-deflated compact
    /// JSON.
    ///
    /// Why this format: the JSON is the file export's own (one representation, read by one
    /// parser, `serde_json`), and it is self-describing, so later versions can add fields. Commands repeat the same keys and
    /// configs again and again, which deflate removes: the free playground plus a typical
    /// 50 learner commands is 8,400 bytes of JSON, 1,237 bytes deflated, a fragment of
    /// 1,653 characters (base64 of the bare JSON would be 11,200; measured in
    /// `tests::share_sizes_of_a_typical_session`). A hand-made binary encoding would need its
    /// own code for every command and config, and be about as small once deflated. zlib rather
    /// than raw deflate: 6 bytes more buy an Adler-32 checksum, so a damaged link is refused
    /// as damaged instead of decoding to something else. base64url without padding uses only
    /// `A–Z a–z 0–9 - _`, which a fragment carries unescaped, and the `v1.` prefix tells a
    /// future format from garbage before anything is unpacked.
    pub fn to_fragment(&self) -> String {
        let json = serde_json::to_vec(self).unwrap_or_default();
        let packed = miniz_oxide::deflate::compress_to_vec_zlib(&json, 9);
        format!("{FRAGMENT_PREFIX}{}", BASE64.encode(packed))
    }

    /// Decodes a link's fragment (a leading `#` and surrounding spaces are allowed). Checks
    /// the version but not the content: `rebuild` does that.
    pub fn from_fragment(s: &str) -> Result<Shared, ShareError> {
        let s = s.trim();
        let s = s.strip_prefix('#').unwrap_or(s);
        if s.is_empty() {
            return Err(ShareError::Empty);
        }
        if s.len() > MAX_FRAGMENT_BYTES {
            return Err(ShareError::TooLarge {
                of: SizeOf::Link,
                bytes: s.len(),
                max: MAX_FRAGMENT_BYTES,
            });
        }
        let Some((tag, body)) = s.split_once('.') else {
            return Err(if format!("{s}.") == FRAGMENT_PREFIX {
                ShareError::Truncated
            } else {
                version_or_foreign(s)
            });
        };
        if format!("{tag}.") != FRAGMENT_PREFIX {
            return Err(version_or_foreign(tag));
        }
        let packed = BASE64.decode(body).map_err(|e| match e {
            base64::DecodeError::InvalidLength(_) => ShareError::Truncated,
            _ => ShareError::Corrupt,
        })?;
        if packed.is_empty() {
            return Err(ShareError::Truncated);
        }
        let json = miniz_oxide::inflate::decompress_to_vec_zlib_with_limit(&packed, MAX_JSON_BYTES)
            .map_err(|e| match e.status {
                TINFLStatus::HasMoreOutput => ShareError::TooLarge {
                    of: SizeOf::Unpacked,
                    bytes: MAX_JSON_BYTES,
                    max: MAX_JSON_BYTES,
                },
                TINFLStatus::FailedCannotMakeProgress | TINFLStatus::NeedsMoreInput => {
                    ShareError::Truncated
                }
                _ => ShareError::Corrupt,
            })?;
        let text = String::from_utf8(json).map_err(|_| ShareError::Corrupt)?;
        parse(&text, Source::Link)
    }

    /// Pretty JSON, for the file export: a field per line and a command per line, which
    /// reads (and diffs) well and stays a third the size of fully indented JSON, where each
    /// command's config would take a dozen lines.
    pub fn to_json(&self) -> String {
        fn compact<T: Serialize + ?Sized>(value: &T) -> String {
            serde_json::to_string(value).unwrap_or_else(|_| "null".into())
        }
        fn list<T: Serialize>(items: &[T]) -> String {
            if items.is_empty() {
                return "[]".into();
            }
            let lines: Vec<String> = items
                .iter()
                .map(|i| format!("    {}", compact(i)))
                .collect();
            format!("[\n{}\n  ]", lines.join(",\n"))
        }
        format!(
            "{{\n  \"v\": {},\n  \"scene\": {},\n  \"seed\": {},\n  \"brokers\": {},\n  \"setup\": {},\n  \"log\": {},\n  \"at\": {}\n}}\n",
            self.v,
            compact(&self.scene),
            self.seed,
            self.brokers,
            list(&self.setup),
            list(&self.log),
            self.at
        )
    }

    /// Reads a file export. Checks the version but not the content: `rebuild` does that.
    pub fn from_json(s: &str) -> Result<Shared, ShareError> {
        if s.len() > MAX_FILE_BYTES {
            return Err(ShareError::TooLarge {
                of: SizeOf::File,
                bytes: s.len(),
                max: MAX_FILE_BYTES,
            });
        }
        if s.trim().is_empty() {
            return Err(ShareError::Empty);
        }
        parse(s, Source::File)
    }
}

/// The first field named `*_ms` above [`MAX_DURATION_MS`], if any.
fn oversized_ms(value: &serde_json::Value) -> Option<(String, u64)> {
    use serde_json::Value;
    match value {
        Value::Object(map) => map.iter().find_map(|(key, v)| {
            let too_long = key.ends_with("_ms")
                && match v {
                    Value::Number(n) => !matches!(n.as_u64(), Some(ms) if ms <= MAX_DURATION_MS),
                    _ => false,
                };
            if too_long {
                let ms = v.as_u64().unwrap_or(u64::MAX);
                Some((key.clone(), ms))
            } else {
                oversized_ms(v)
            }
        }),
        Value::Array(items) => items.iter().find_map(oversized_ms),
        _ => None,
    }
}

/// `v2`, `v10`... is a version we don't know; anything else is not ours.
fn version_or_foreign(tag: &str) -> ShareError {
    let digits = tag.strip_prefix('v').unwrap_or("");
    if !digits.is_empty() && digits.len() <= 9 && digits.bytes().all(|b| b.is_ascii_digit()) {
        ShareError::UnknownVersion {
            found: digits.to_string(),
        }
    } else {
        ShareError::NotOurFormat { detail: None }
    }
}

fn parse(text: &str, source: Source) -> Result<Shared, ShareError> {
    let value: Value = serde_json::from_str(text).map_err(|e| match e.classify() {
        serde_json::error::Category::Eof => ShareError::Truncated,
        _ => match source {
            // A link's checksum held, so its JSON is as its maker wrote it: not ours.
            Source::Link => ShareError::NotOurFormat { detail: None },
            Source::File => ShareError::NotOurFormat {
                detail: Some(e.to_string()),
            },
        },
    })?;
    // The version first: a newer format's other fields may not read as ours.
    match value.get("v") {
        Some(Value::Number(n)) if n.as_u64() == Some(VERSION.into()) => {}
        Some(v @ Value::Number(_)) => {
            return Err(ShareError::UnknownVersion {
                found: v.to_string(),
            })
        }
        _ => return Err(ShareError::NotOurFormat { detail: None }),
    }
    // Read by hand (`kafka_model::command_json`), not by serde's derived `Deserialize`,
    // whose code was a quarter of what sharing adds to the wasm. Its errors name the path:
    // `log[3][1].CreateTopic.config: missing field `partitions``.
    read_shared(&value).map_err(|e| ShareError::NotOurFormat {
        detail: Some(e.to_string()),
    })
}

/// `Shared` from its JSON, field by field as serde would read it.
fn read_shared(value: &Value) -> Result<Shared, JsonError> {
    let f = Fields::of(value)?;
    Ok(Shared {
        v: f.get("v")?,
        scene: f.get("scene")?,
        seed: f.get("seed")?,
        brokers: f.get("brokers")?,
        setup: f.get("setup")?,
        log: f.get("log")?,
        at: f.get("at")?,
    })
}

/// The work a rebuild has done so far, and how far it plays between two looks at it.
struct Replay {
    /// In happenings' worth: every happening counts one, a checkpoint the records it copies.
    work: u64,
    step: Ms,
}

impl Replay {
    fn new() -> Self {
        Replay {
            work: 0,
            step: MIN_STEP_MS,
        }
    }

    /// Runs `f` (a command, a step of time) and counts what it cost.
    fn run(
        &mut self,
        session: &mut Session,
        f: impl FnOnce(&mut Session),
    ) -> Result<u64, ShareError> {
        let happened = happened(session);
        let checkpoints = session.history().checkpoint_count();
        f(session);
        let new = happened_since(session, happened);
        self.work = self.work.saturating_add(new);
        if session.history().checkpoint_count() != checkpoints {
            self.work = self
                .work
                .saturating_add(records_held(session.cluster()) / RECORDS_PER_WORK);
        }
        if self.work > MAX_REPLAY_WORK {
            return Err(ShareError::TooMuchWork { at: session.now() });
        }
        Ok(new)
    }

    /// Plays on to `target` in steps that grow while little happens (fewer, larger steps
    /// take fewer checkpoints, the costly part) and shrink when much does, so no step
    /// overshoots the budget by much.
    fn play_to(&mut self, session: &mut Session, target: Ms) -> Result<(), ShareError> {
        while session.now() < target {
            let dt = (target - session.now()).min(self.step);
            let new = self.run(session, |s| s.advance(dt))?;
            self.step = if new.saturating_mul(4) < STEP_WORK {
                (self.step * 2).min(MAX_STEP_MS)
            } else if new > STEP_WORK {
                (self.step / 2).max(MIN_STEP_MS)
            } else {
                self.step
            };
        }
        Ok(())
    }
}

/// How many happenings the session has seen (their ids count up from 0).
fn happened(session: &Session) -> u64 {
    session
        .recent()
        .last_id()
        .map_or(0, |id| id.saturating_add(1))
}

fn happened_since(session: &Session, before: u64) -> u64 {
    happened(session).saturating_sub(before)
}

/// Records held in every replica's log: what a checkpoint copies.
fn records_held(cluster: &kafka_model::Cluster) -> u64 {
    cluster
        .topics()
        .flat_map(|t| &t.partitions)
        .flat_map(|p| p.replicas.iter().filter_map(|b| p.replica_log(*b)))
        .map(|log| log.records().len() as u64)
        .sum()
}
