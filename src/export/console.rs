//! Records as lines for `kafka-console-producer.sh`, and a faithful reading of those lines
//! back, so every line written is checked to come back as the record it stands for.
//!
//! The console producer reads one record per line with `LineMessageReader` (Kafka 3.2+;
//! `org.apache.kafka.tools.LineMessageReader` since 3.7), configured by `--property`:
//!
//! - `parse.key` / `key.separator` (default tab): the key is the text up to the first
//!   separator, the value all the rest;
//! - `parse.headers` / `headers.delimiter` (tab) / `headers.separator` (`,`) /
//!   `headers.key.separator` (`:`): KIP-798, "Add possibility to write kafka headers in
//!   Kafka Console Producer" — a line is `h1:v1,h2:v2<delimiter>key<separator>value`;
//!   the header list ends at the first delimiter, each header's key at its first key
//!   separator, and the list is split on `headers.separator` *as a regular expression*
//!   (`Pattern.compile`, trailing empty pieces dropped) — so only separators without
//!   regex metacharacters are used here;
//! - `null.marker`: KIP-810 (KAFKA-13595, Kafka 3.2): a key, value or header value equal to
//!   it is null — how a tombstone is written. `configure()` refuses a marker equal to any
//!   separator, and delimiter, separator and header key separator equal to each other.
//!
//! Source read: apache/kafka `tools/src/main/java/org/apache/kafka/tools/LineMessageReader.java`
//! and the KIP-798 page on cwiki.apache.org.

/// A record as the console producer can express it: UTF-8 text without line breaks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct TextRecord {
    pub key: Option<String>,
    pub value: Option<String>,
    pub headers: Vec<(String, Option<String>)>,
}

/// Why a record cannot go through the console producer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Unwritable {
    /// The reader takes one record per line (`BufferedReader.readLine`: `\n`, `\r`).
    LineBreak,
    /// The reader decodes its input as UTF-8.
    NotUtf8,
    /// bash cannot carry a NUL byte in a here-document.
    NulByte,
}

impl Unwritable {
    pub fn explain(self) -> &'static str {
        match self {
            Unwritable::LineBreak => {
                "it contains a line break, and kafka-console-producer.sh reads one record per line"
            }
            Unwritable::NotUtf8 => {
                "it is not UTF-8 text, and kafka-console-producer.sh reads UTF-8 lines"
            }
            Unwritable::NulByte => "it contains a NUL byte, which a shell script cannot carry",
        }
    }
}

fn text(bytes: &[u8]) -> Result<String, Unwritable> {
    let s = std::str::from_utf8(bytes).map_err(|_| Unwritable::NotUtf8)?;
    check(s)?;
    Ok(s.to_string())
}

fn check(s: &str) -> Result<(), Unwritable> {
    if s.contains(['\n', '\r']) {
        Err(Unwritable::LineBreak)
    } else if s.contains('\0') {
        Err(Unwritable::NulByte)
    } else {
        Ok(())
    }
}

impl TextRecord {
    pub fn from_record(record: &kafka_model::ProducerRecord) -> Result<Self, Unwritable> {
        let key = record.key.as_deref().map(text).transpose()?;
        let value = record.value.as_deref().map(text).transpose()?;
        let headers = record
            .headers
            .iter()
            .map(|h| {
                check(&h.key)?;
                Ok((h.key.clone(), h.value.as_deref().map(text).transpose()?))
            })
            .collect::<Result<Vec<_>, Unwritable>>()?;
        Ok(TextRecord {
            key,
            value,
            headers,
        })
    }

    /// Whether the line needs `parse.key` and `parse.headers`. Records with the same shape
    /// can share one console producer.
    pub fn shape(&self) -> (bool, bool) {
        (self.key.is_some(), !self.headers.is_empty())
    }

    fn needs_null_marker(&self) -> bool {
        self.value.is_none() || self.headers.iter().any(|(_, v)| v.is_none())
    }

    fn texts(&self) -> impl Iterator<Item = &str> {
        self.key
            .iter()
            .chain(&self.value)
            .map(String::as_str)
            .chain(
                self.headers
                    .iter()
                    .flat_map(|(k, v)| std::iter::once(k.as_str()).chain(v.as_deref())),
            )
    }
}

/// `LineMessageReader`'s settings. Every field holds the value in effect (the reader's
/// default unless changed); [`LineFormat::properties`] lists only what must be passed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LineFormat {
    pub parse_key: bool,
    pub key_separator: String,
    pub parse_headers: bool,
    pub headers_delimiter: String,
    pub headers_separator: String,
    pub headers_key_separator: String,
    pub null_marker: Option<String>,
}

impl Default for LineFormat {
    fn default() -> Self {
        LineFormat {
            parse_key: false,
            key_separator: "\t".into(),
            parse_headers: false,
            headers_delimiter: "\t".into(),
            headers_separator: ",".into(),
            headers_key_separator: ":".into(),
            null_marker: None,
        }
    }
}

/// Regular-expression metacharacters: `headers.separator` must contain none.
const REGEX_META: &[char] = &[
    '\\', '^', '$', '.', '|', '?', '*', '+', '(', ')', '[', ']', '{', '}',
];

/// Separators the reader could be given, most readable first, then an endless supply of
/// `<0>`, `<1>`... Each has no border (no proper prefix that is also a suffix), so a field
/// that does not contain it cannot hide the start of its first occurrence.
fn candidates(first: &'static [&'static str]) -> impl Iterator<Item = String> {
    first
        .iter()
        .map(|s| s.to_string())
        .chain((0u64..).map(|n| format!("<{n}>")))
}

impl LineFormat {
    /// The `--property` values for this format, in a fixed order.
    pub fn properties(&self) -> Vec<String> {
        let mut props = Vec::new();
        if self.parse_key {
            props.push("parse.key=true".to_string());
            props.push(format!("key.separator={}", self.key_separator));
        }
        if self.parse_headers {
            props.push("parse.headers=true".to_string());
            props.push(format!("headers.delimiter={}", self.headers_delimiter));
            props.push(format!("headers.separator={}", self.headers_separator));
            props.push(format!(
                "headers.key.separator={}",
                self.headers_key_separator
            ));
        }
        if let Some(marker) = &self.null_marker {
            props.push(format!("null.marker={marker}"));
        }
        props
    }

    /// Reads `--property key=value` settings as the console producer does (unknown ones are
    /// ignored); for tests that check what a script really passes.
    pub fn from_properties<'a>(props: impl IntoIterator<Item = &'a str>) -> Self {
        let mut f = LineFormat::default();
        for p in props {
            let Some((k, v)) = p.split_once('=') else {
                continue;
            };
            let v = v.to_string();
            match k {
                "parse.key" => f.parse_key = v.trim().eq_ignore_ascii_case("true"),
                "key.separator" => f.key_separator = v,
                "parse.headers" => f.parse_headers = v.trim().eq_ignore_ascii_case("true"),
                "headers.delimiter" => f.headers_delimiter = v,
                "headers.separator" => f.headers_separator = v,
                "headers.key.separator" => f.headers_key_separator = v,
                "null.marker" => f.null_marker = Some(v),
                _ => {}
            }
        }
        f
    }

    /// `LineMessageReader.configure`'s refusals.
    pub fn configure(&self) -> Result<(), String> {
        let (d, s, k) = (
            &self.headers_delimiter,
            &self.headers_separator,
            &self.headers_key_separator,
        );
        if d == s || d == k || s == k {
            return Err(
                "headers.delimiter, headers.separator and headers.key.separator must differ".into(),
            );
        }
        if let Some(m) = &self.null_marker {
            if [&self.key_separator, s, d, k].contains(&m) {
                return Err("null.marker may not equal a separator".into());
            }
        }
        if s.contains(REGEX_META) {
            return Err("headers.separator is a regular expression here; keep it literal".into());
        }
        Ok(())
    }

    /// One line for `record`, or `None` when it needs a null the format has no marker for.
    pub fn write(&self, record: &TextRecord) -> Option<String> {
        let or_null = |v: &Option<String>| v.clone().or_else(|| self.null_marker.clone());
        let mut line = String::new();
        if self.parse_headers {
            let pairs = record
                .headers
                .iter()
                .map(|(k, v)| Some(format!("{k}{}{}", self.headers_key_separator, or_null(v)?)))
                .collect::<Option<Vec<_>>>()?;
            line.push_str(&pairs.join(&self.headers_separator));
            line.push_str(&self.headers_delimiter);
        }
        if self.parse_key {
            line.push_str(&or_null(&record.key)?);
            line.push_str(&self.key_separator);
        }
        line.push_str(&or_null(&record.value)?);
        Some(line)
    }

    /// What `LineMessageReader` makes of one line (`ignore.error` off), as text.
    pub fn read(&self, line: &str) -> Result<TextRecord, String> {
        fn upto<'l>(line: &'l str, from: usize, sep: &str, what: &str) -> Result<&'l str, String> {
            line[from..]
                .find(sep)
                .map(|i| &line[from..from + i])
                .ok_or_else(|| format!("No {what} found on line: '{line}'"))
        }
        let marker = self.null_marker.as_deref();
        let nullable = |s: &str| (Some(s) != marker).then(|| s.to_string());
        let headers = self
            .parse_headers
            .then(|| upto(line, 0, &self.headers_delimiter, "headers delimiter"))
            .transpose()?;
        let header_offset = headers.map_or(0, |h| h.len() + self.headers_delimiter.len());
        let key = self
            .parse_key
            .then(|| upto(line, header_offset, &self.key_separator, "key separator"))
            .transpose()?;
        let key_offset = key.map_or(0, |k| k.len() + self.key_separator.len());
        let value = &line[header_offset + key_offset..];
        let mut record = TextRecord {
            key: key.and_then(nullable),
            value: nullable(value),
            headers: Vec::new(),
        };
        if let Some(h) = headers.filter(|h| Some(*h) != marker) {
            for pair in java_split(h, &self.headers_separator) {
                let i = pair
                    .find(&self.headers_key_separator)
                    .ok_or_else(|| format!("No header key separator found in pair '{pair}'"))?;
                let header_key = &pair[..i];
                if Some(header_key) == marker {
                    return Err("Header keys should not be equal to the null marker".into());
                }
                let v = &pair[i + self.headers_key_separator.len()..];
                record.headers.push((header_key.to_string(), nullable(v)));
            }
        }
        Ok(record)
    }

    /// A format for records of one shape: separators that occur in none of their text,
    /// checked by reading every line back. `None` if no candidate works (not expected).
    pub fn for_records(records: &[TextRecord]) -> Option<LineFormat> {
        let (parse_key, parse_headers) = records.first()?.shape();
        let texts: Vec<&str> = records.iter().flat_map(TextRecord::texts).collect();
        // The marker first: it then stands in the line like any text, so no separator may
        // occur in it either.
        let null_marker = match records.iter().any(TextRecord::needs_null_marker) {
            true => Some(candidates(&["NULL", "<null>"]).find(|c| !texts.contains(&c.as_str()))?),
            false => None,
        };
        let marker = null_marker.as_deref().into_iter();
        let free_in = |strings: &[&str], c: &str| !strings.iter().any(|s| s.contains(c));
        let mut f = LineFormat {
            parse_key,
            parse_headers,
            null_marker: null_marker.clone(),
            ..LineFormat::default()
        };
        if parse_key {
            let keys: Vec<&str> = records
                .iter()
                .filter_map(|r| r.key.as_deref())
                .chain(marker.clone())
                .collect();
            f.key_separator = candidates(&["|", ";", "~", "^"]).find(|c| free_in(&keys, c))?;
        }
        if parse_headers {
            let header_keys: Vec<&str> = records
                .iter()
                .flat_map(|r| r.headers.iter().map(|(k, _)| k.as_str()))
                .chain(marker.clone())
                .collect();
            let header_texts: Vec<&str> = records
                .iter()
                .flat_map(|r| r.headers.iter())
                .flat_map(|(k, v)| std::iter::once(k.as_str()).chain(v.as_deref()))
                .chain(marker.clone())
                .collect();
            f.headers_key_separator =
                candidates(&[":", "~", "^"]).find(|c| free_in(&header_keys, c))?;
            f.headers_separator = candidates(&[",", ";", "&"])
                .filter(|c| !c.contains(REGEX_META))
                .find(|c| *c != f.headers_key_separator && free_in(&header_texts, c))?;
            // The delimiter ends the header list: it must occur nowhere in it.
            let lists: Vec<String> = records
                .iter()
                .map(|r| {
                    let pair = |(k, v): &(String, Option<String>)| {
                        let v = v.as_deref().or(null_marker.as_deref()).unwrap_or_default();
                        format!("{k}{}{v}", f.headers_key_separator)
                    };
                    let pairs: Vec<String> = r.headers.iter().map(pair).collect();
                    pairs.join(&f.headers_separator)
                })
                .collect();
            let lists: Vec<&str> = lists.iter().map(String::as_str).collect();
            f.headers_delimiter = candidates(&["|", ";", "~", "^"]).find(|c| {
                *c != f.headers_separator && *c != f.headers_key_separator && free_in(&lists, c)
            })?;
        }
        let faithful = f.configure().is_ok()
            && records.iter().all(|r| {
                f.write(r)
                    .is_some_and(|line| f.read(&line).as_ref() == Ok(r))
            });
        faithful.then_some(f)
    }
}

/// `java.util.regex.Pattern.split(input)` for a literal pattern: no match gives the input
/// itself; otherwise the pieces, with trailing empty pieces removed.
fn java_split<'a>(input: &'a str, sep: &str) -> Vec<&'a str> {
    if !input.contains(sep) {
        return vec![input];
    }
    let mut pieces: Vec<&str> = input.split(sep).collect();
    while pieces.last() == Some(&"") {
        pieces.pop();
    }
    pieces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rec(key: Option<&str>, value: Option<&str>, headers: &[(&str, Option<&str>)]) -> TextRecord {
        TextRecord {
            key: key.map(str::to_string),
            value: value.map(str::to_string),
            headers: headers
                .iter()
                .map(|(k, v)| (k.to_string(), v.map(str::to_string)))
                .collect(),
        }
    }

    #[test]
    fn reads_the_kip_798_example_with_default_separators() {
        let f = LineFormat {
            parse_key: true,
            parse_headers: true,
            ..LineFormat::default()
        };
        assert_eq!(
            f.read("h0:v0,h1:v1\tkey\tvalue").unwrap(),
            rec(
                Some("key"),
                Some("value"),
                &[("h0", Some("v0")), ("h1", Some("v1"))]
            )
        );
        // The value is everything after the first key separator.
        assert_eq!(
            f.read("h:v\tk\tv\twith\ttabs").unwrap().value.as_deref(),
            Some("v\twith\ttabs")
        );
        // An empty header list is an error without a null marker, as in Kafka.
        assert!(f.read("\tk\tv").is_err());
        assert!(f.read("no delimiter").is_err());
    }

    #[test]
    fn the_null_marker_makes_tombstones_and_null_header_values() {
        let f = LineFormat {
            parse_key: true,
            key_separator: "|".into(),
            parse_headers: true,
            headers_delimiter: ";".into(),
            null_marker: Some("NULL".into()),
            ..LineFormat::default()
        };
        assert_eq!(
            f.read("trace:NULL;k|NULL").unwrap(),
            rec(Some("k"), None, &[("trace", None)])
        );
        assert_eq!(f.read("NULL;NULL|v").unwrap(), rec(None, Some("v"), &[]));
        assert!(
            f.read("NULL:x;k|v").is_err(),
            "a header key may not be null"
        );
        let clash = LineFormat {
            null_marker: Some("|".into()),
            ..f
        };
        assert!(clash.configure().is_err());
    }

    #[test]
    fn java_split_drops_trailing_empty_pieces_only() {
        assert_eq!(java_split("a,b", ","), ["a", "b"]);
        assert_eq!(java_split(",a,,", ","), ["", "a"]);
        assert_eq!(java_split("", ","), [""]);
        assert!(java_split(",,", ",").is_empty());
    }

    #[test]
    fn chosen_separators_avoid_the_records_text() {
        let records = vec![
            rec(Some("a|b;c"), Some("v|al"), &[]),
            rec(Some("~^"), Some(""), &[]),
        ];
        let f = LineFormat::for_records(&records).unwrap();
        assert_eq!(f.key_separator, "<0>");
        for r in &records {
            assert_eq!(&f.read(&f.write(r).unwrap()).unwrap(), r);
        }
        let with_headers = vec![rec(
            Some("k"),
            None,
            &[
                ("a:b=c", Some("x,y;z")),
                ("trace", None),
                ("NULL", Some("|")),
            ],
        )];
        let f = LineFormat::for_records(&with_headers).unwrap();
        assert_eq!(
            (
                f.headers_key_separator.as_str(),
                f.headers_separator.as_str()
            ),
            ("~", "&")
        );
        assert_eq!(f.null_marker.as_deref(), Some("<null>"));
        assert_eq!(f.properties().len(), 7);
    }

    #[test]
    fn records_the_console_cannot_carry_are_named() {
        use kafka_model::ProducerRecord;
        let lf = ProducerRecord::text("t", Some("k"), "line one\nline two");
        assert_eq!(TextRecord::from_record(&lf), Err(Unwritable::LineBreak));
        let cr = ProducerRecord::text("t", Some("k\r"), "v");
        assert_eq!(TextRecord::from_record(&cr), Err(Unwritable::LineBreak));
        let mut bin = ProducerRecord::text("t", None, "");
        bin.value = Some(vec![0xff, 0xfe].into());
        assert_eq!(TextRecord::from_record(&bin), Err(Unwritable::NotUtf8));
        let nul = ProducerRecord::text("t", None, "a\0b");
        assert_eq!(TextRecord::from_record(&nul), Err(Unwritable::NulByte));
    }
}
