//! Writing the sheet without ever leaving a half-written or invalid file:
//! the text goes to a temporary file in the target's directory, that file
//! is read back and parsed with [`PriceSheet::parse`], and only then renamed
//! over the target. Also keeps `index.json` (the planner's list of sheets)
//! up to date.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::time::{SystemTime, UNIX_EPOCH};

use crate::engine::PriceSheet;

/// Name of the sheet list next to the sheets.
pub const INDEX_FILE: &str = "index.json";

/// The file name part of `path`, as text.
pub fn file_name(path: &Path) -> Result<String, String> {
    path.file_name()
        .and_then(|n| n.to_str())
        .map(str::to_string)
        .ok_or_else(|| format!("{} does not name a file", path.display()))
}

fn directory_of(path: &Path) -> PathBuf {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p.to_path_buf(),
        _ => PathBuf::from("."),
    }
}

/// Writes `text` to `target` through a temporary file in the same
/// directory, which is parsed as a price sheet before it replaces the
/// target. On any error the temporary file is removed and the target is
/// left as it was. Returns the parsed sheet.
pub fn write_sheet(target: &Path, text: &str) -> Result<PriceSheet, String> {
    let name = file_name(target)?;
    let dir = directory_of(target);
    if !dir.is_dir() {
        return Err(format!("the directory {} does not exist", dir.display()));
    }
    let temp = dir.join(format!(".{name}.{}.tmp", std::process::id()));
    let result = write_validate_rename(&temp, target, &name, text);
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result
}

fn write_validate_rename(
    temp: &Path,
    target: &Path,
    name: &str,
    text: &str,
) -> Result<PriceSheet, String> {
    write_new(temp, text)?;
    let back = fs::read_to_string(temp)
        .map_err(|e| format!("cannot read back {}: {e}", temp.display()))?;
    if back != text {
        return Err(format!("{} did not read back as written", temp.display()));
    }
    let sheet = PriceSheet::parse(name, &back)
        .map_err(|e| format!("the new sheet is not valid, nothing replaced: {e}"))?;
    fs::rename(temp, target).map_err(|e| {
        format!(
            "cannot move {} over {}: {e}",
            temp.display(),
            target.display()
        )
    })?;
    Ok(sheet)
}

fn write_new(path: &Path, text: &str) -> Result<(), String> {
    let fail = |e: std::io::Error| format!("cannot write {}: {e}", path.display());
    let mut f = fs::OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(path)
        .map_err(fail)?;
    f.write_all(text.as_bytes()).map_err(fail)?;
    f.sync_all().map_err(fail)?;
    Ok(())
}

/// What happened to `index.json`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum IndexUpdate {
    /// There is no `index.json` next to the sheet (not the pricing folder).
    NoIndex,
    AlreadyListed,
    Added(PathBuf),
}

/// Adds the sheet's file name to `index.json` in its directory, if that
/// file exists and does not list it yet. Other keys are kept. The file is
/// replaced through a temporary file, like the sheet.
pub fn update_index(sheet_path: &Path) -> Result<IndexUpdate, String> {
    let name = file_name(sheet_path)?;
    let index = directory_of(sheet_path).join(INDEX_FILE);
    if !index.is_file() {
        return Ok(IndexUpdate::NoIndex);
    }
    let text =
        fs::read_to_string(&index).map_err(|e| format!("cannot read {}: {e}", index.display()))?;
    let updated = add_to_index(&text, &name).map_err(|e| format!("{}: {e}", index.display()))?;
    let Some(updated) = updated else {
        return Ok(IndexUpdate::AlreadyListed);
    };
    let temp = directory_of(&index).join(format!(".{INDEX_FILE}.{}.tmp", std::process::id()));
    let result = write_new(&temp, &updated).and_then(|()| {
        fs::rename(&temp, &index).map_err(|e| format!("cannot replace {}: {e}", index.display()))
    });
    if result.is_err() {
        let _ = fs::remove_file(&temp);
    }
    result.map(|()| IndexUpdate::Added(index))
}

/// The index text with `name` appended to `sheets`, or `None` when it is
/// already listed. The one-key form is written on one line,
/// `{"sheets": ["a.csv", "b.csv"]}`; an index with more keys is written
/// pretty-printed.
pub fn add_to_index(text: &str, name: &str) -> Result<Option<String>, String> {
    let mut value: serde_json::Value =
        serde_json::from_str(text).map_err(|e| format!("not valid JSON ({e}); not changed"))?;
    let Some(object) = value.as_object_mut() else {
        return Err("not a JSON object; not changed".into());
    };
    let sheets = object
        .entry("sheets")
        .or_insert_with(|| serde_json::Value::Array(Vec::new()));
    let Some(list) = sheets.as_array_mut() else {
        return Err("“sheets” is not a list; not changed".into());
    };
    if list.iter().any(|v| v.as_str() == Some(name)) {
        return Ok(None);
    }
    list.push(serde_json::Value::String(name.to_string()));
    let names: Option<Vec<String>> = list
        .iter()
        .map(|v| {
            v.as_str()
                .map(|s| serde_json::Value::String(s.to_string()).to_string())
        })
        .collect();
    match names {
        Some(names) if object.len() == 1 => {
            Ok(Some(format!("{{\"sheets\": [{}]}}\n", names.join(", "))))
        }
        _ => serde_json::to_string_pretty(&value)
            .map(|s| Some(s + "\n"))
            .map_err(|e| format!("cannot write JSON: {e}")),
    }
}

/// Today's date in UTC, `YYYY-MM-DD`.
pub fn today_utc() -> String {
    let secs = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map(|d| d.as_secs())
        .unwrap_or(0);
    civil_date(secs / 86_400)
}

pub use crate::engine::format::civil_date;
