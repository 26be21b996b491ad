//! Share links and scenario files.
//!
//! A share link carries the whole scenario in the URL fragment, so it needs
//! no server or login and never expires: `#s=1.<payload>`, where `1` is the
//! format version and the payload is the scenario JSON, DEFLATE-compressed
//! and base64url-encoded. Every struct of the scenario has serde defaults,
//! so a link made before a field existed still opens.

use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use base64::Engine;
use serde::Serialize;

use super::scenario::Scenario;

/// The version written into new links.
pub const SHARE_VERSION: u32 = 1;

/// Largest decompressed scenario a link may carry (a real one is ~3 KB).
pub const MAX_SCENARIO_BYTES: usize = 256 * 1024;

/// Why a link or file could not be opened.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, thiserror::Error)]
pub enum ShareError {
    #[error("the link has no scenario in it")]
    Empty,
    #[error("the link was made by a newer version of the planner (format {0}); this one reads format {SHARE_VERSION}")]
    NewerVersion(u32),
    #[error("the link's format version “{0}” is not one the planner knows")]
    UnknownVersion(String),
    #[error(
        "the link is damaged (its text is not valid base64url): was it cut short when copied?"
    )]
    BadEncoding,
    #[error("the link is damaged (its data does not decompress): was it cut short when copied?")]
    BadCompression,
    #[error("the scenario is larger than {MAX_SCENARIO_BYTES} bytes")]
    TooLarge,
    #[error("the scenario cannot be read: {0}")]
    BadScenario(String),
}

/// Encodes a scenario as the part of the link after `#s=`.
///
/// Native only: the page compresses with the browser's own
/// `CompressionStream("deflate-raw")` (see `ui::io`), which writes the same
/// format, so the wasm carries no DEFLATE code. Both sides use
/// [`scenario_bytes`] and [`pack`] around the compression.
#[cfg(not(target_arch = "wasm32"))]
pub fn encode(s: &Scenario) -> String {
    pack(&miniz_oxide::deflate::compress_to_vec(
        &scenario_bytes(s),
        9,
    ))
}

/// Decodes the part of a link after `#s=` (a leading `#s=` or `s=` is
/// accepted too). Never panics, whatever the input.
///
/// Native only; the page runs [`unpack`], the browser's
/// `DecompressionStream("deflate-raw")` with the same [`MAX_SCENARIO_BYTES`]
/// limit, then [`from_json_bytes`].
#[cfg(not(target_arch = "wasm32"))]
pub fn decode(text: &str) -> Result<Scenario, ShareError> {
    use miniz_oxide::inflate::core::{decompress, inflate_flags, DecompressorOxide};
    use miniz_oxide::inflate::TINFLStatus;
    let packed = unpack(text)?;
    // One pass into a buffer of the size limit. As in the browser's
    // DecompressionStream, bytes after the end of the DEFLATE data are damage.
    let mut json = vec![0u8; MAX_SCENARIO_BYTES];
    let mut state = Box::<DecompressorOxide>::default();
    let flags = inflate_flags::TINFL_FLAG_USING_NON_WRAPPING_OUTPUT_BUF;
    match decompress(&mut state, &packed, &mut json, 0, flags) {
        (TINFLStatus::Done, read, written) if read == packed.len() => {
            json.truncate(written);
            from_json_bytes(&json)
        }
        (TINFLStatus::HasMoreOutput, _, _) => Err(ShareError::TooLarge),
        _ => Err(ShareError::BadCompression),
    }
}

/// The scenario as the compact JSON a link compresses.
pub fn scenario_bytes(s: &Scenario) -> Vec<u8> {
    serde_json::to_vec(s).unwrap_or_default()
}

/// The part of a link after `#s=`, from the raw-DEFLATE-compressed
/// [`scenario_bytes`].
pub fn pack(deflated: &[u8]) -> String {
    format!("{SHARE_VERSION}.{}", URL_SAFE_NO_PAD.encode(deflated))
}

/// The raw-DEFLATE payload of a link (a leading `#s=` or `s=` is accepted),
/// after checking its format version. Never panics, whatever the input.
pub fn unpack(text: &str) -> Result<Vec<u8>, ShareError> {
    let text = text.trim();
    let text = text.strip_prefix('#').unwrap_or(text);
    let text = text.strip_prefix("s=").unwrap_or(text);
    if text.is_empty() {
        return Err(ShareError::Empty);
    }
    let (version, payload) = text
        .split_once('.')
        .ok_or_else(|| ShareError::UnknownVersion(text.chars().take(8).collect()))?;
    match version.parse::<u32>() {
        Ok(SHARE_VERSION) => {}
        Ok(v) if v > SHARE_VERSION => return Err(ShareError::NewerVersion(v)),
        _ => {
            return Err(ShareError::UnknownVersion(
                version.chars().take(8).collect(),
            ))
        }
    }
    URL_SAFE_NO_PAD
        .decode(payload.trim_end_matches('='))
        .map_err(|_| ShareError::BadEncoding)
}

/// Reads a scenario from JSON (an exported scenario file), with a message a
/// person can act on.
pub fn from_json(text: &str) -> Result<Scenario, ShareError> {
    if text.len() > MAX_SCENARIO_BYTES {
        return Err(ShareError::TooLarge);
    }
    from_json_bytes(text.as_bytes())
}

/// Reads a scenario from JSON bytes (a decompressed link), with a message a
/// person can act on.
pub fn from_json_bytes(bytes: &[u8]) -> Result<Scenario, ShareError> {
    serde_json::from_slice::<Scenario>(bytes).map_err(|e| {
        let what = match e.classify() {
            serde_json::error::Category::Data => "a field has the wrong kind of value",
            serde_json::error::Category::Syntax => "it is not valid JSON",
            serde_json::error::Category::Eof => "it ends too early",
            serde_json::error::Category::Io => "it could not be read",
        };
        ShareError::BadScenario(format!(
            "{what} (line {}, column {}): {}",
            e.line(),
            e.column(),
            plain_words(&e.to_string())
        ))
    })
}

/// serde_json's message in words a person reads, without its own position
/// (the caller gives line and column once): `invalid type: string "abc",
/// expected f64` becomes `the text "abc" where a number belongs`.
fn plain_words(message: &str) -> String {
    let message = match message.rfind(" at line ") {
        Some(at) => &message[..at],
        None => message,
    };
    let kind = |expected: &str| -> &'static str {
        if expected.starts_with("f64")
            || expected.starts_with("u32")
            || expected.starts_with("usize")
            || expected.starts_with("i")
            || expected.starts_with("u64")
        {
            "a number"
        } else if expected.starts_with("a string") {
            "text"
        } else if expected.starts_with("a boolean") {
            "true or false"
        } else if expected.starts_with("a sequence") {
            "a list"
        } else {
            "another kind of value"
        }
    };
    if let Some(rest) = message.strip_prefix("invalid type: ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let found = found
                .strip_prefix("string ")
                .map(|t| format!("the text {t}"))
                .or_else(|| {
                    found
                        .strip_prefix("floating point ")
                        .map(|n| format!("the number {n}"))
                })
                .or_else(|| {
                    found
                        .strip_prefix("integer ")
                        .map(|n| format!("the number {n}"))
                })
                .unwrap_or_else(|| found.to_string());
            return format!("{found} where {} belongs", kind(expected));
        }
    }
    if let Some(rest) = message.strip_prefix("unknown variant ") {
        if let Some((found, expected)) = rest.split_once(", expected ") {
            let options = expected.trim_start_matches("one of ").replace('`', "");
            return format!("“{}” is not one of: {options}", found.trim_matches('`'));
        }
    }
    message.to_string()
}

/// The scenario as pretty JSON, for export.
pub fn to_json(s: &Scenario) -> String {
    // Compact JSON (the share links' serializer) re-indented: the same
    // output as serde_json's pretty printer without a second copy of the
    // whole scenario serializer in the wasm.
    let compact = scenario_bytes(s);
    indent(&String::from_utf8_lossy(&compact))
}

/// Re-indents compact JSON with two spaces, as `to_string_pretty` does.
fn indent(compact: &str) -> String {
    let mut out = String::with_capacity(compact.len() * 2);
    let mut depth = 0usize;
    let mut in_string = false;
    let mut escaped = false;
    let mut chars = compact.chars().peekable();
    let newline = |out: &mut String, depth: usize| {
        out.push('\n');
        for _ in 0..depth {
            out.push_str("  ");
        }
    };
    while let Some(c) = chars.next() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
            continue;
        }
        match c {
            '"' => {
                in_string = true;
                out.push(c);
            }
            '{' | '[' => {
                out.push(c);
                let close = if c == '{' { '}' } else { ']' };
                if chars.peek() == Some(&close) {
                    // Empty object or array stays on one line.
                    if let Some(n) = chars.next() {
                        out.push(n);
                    }
                } else {
                    depth += 1;
                    newline(&mut out, depth);
                }
            }
            '}' | ']' => {
                depth = depth.saturating_sub(1);
                newline(&mut out, depth);
                out.push(c);
            }
            ',' => {
                out.push(c);
                newline(&mut out, depth);
            }
            ':' => out.push_str(": "),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    #[allow(clippy::unwrap_used)]
    fn exported_json_is_exactly_serde_jsons_pretty_output() {
        for (id, _, _) in super::super::presets::PRESETS {
            let mut s = super::super::presets::preset(id).unwrap();
            s.name = "Quotes \" and \\ backslashes, {braces} [brackets]: ok".into();
            assert_eq!(
                to_json(&s),
                serde_json::to_string_pretty(&s).unwrap(),
                "{id}"
            );
            assert_eq!(from_json(&to_json(&s)).unwrap(), s);
        }
    }
}
