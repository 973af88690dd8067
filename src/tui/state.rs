//! The reading position kept between runs: one small JSON file per document, in the XDG
//! state directory, replaced atomically. A document is named by its file's path (or, read
//! from a pipe, by its title), not by its bytes, so a page that changed by a line keeps its
//! position; the position carries the start of the paragraph it was in, so it is found
//! again even when the text before it moved.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// What is remembered about a document.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Input byte at the top of the reading pane: stable across re-wrapping and across
    /// versions of the structure recovery, unlike a row or an item number.
    pub input: usize,
    /// The section read, for people who open the file.
    pub section: usize,
    /// The start of the paragraph's text at the position, to find it again in a changed
    /// text (empty when unknown).
    #[serde(default)]
    pub lead: String,
    /// How far into that paragraph's text the position is, in bytes.
    #[serde(default)]
    pub offset: usize,
}

/// Bytes of a paragraph's start kept to find it again.
pub const LEAD_BYTES: usize = 80;

/// What names a document's position: its file's absolute path; for a pipe, its title; for
/// an untitled pipe, its first bytes.
pub fn key(path: Option<&Path>, title: Option<&str>, input: &[u8]) -> Vec<u8> {
    if let Some(p) = path.and_then(|p| std::fs::canonicalize(p).ok()) {
        return [b"path:".as_slice(), p.as_os_str().as_encoded_bytes()].concat();
    }
    if let Some(t) = title.filter(|t| !t.trim().is_empty()) {
        return [b"title:".as_slice(), t.as_bytes()].concat();
    }
    [b"bytes:".as_slice(), crate::prefix(input, 64 * 1024)].concat()
}

/// A saved position is a few dozen bytes; a file larger than this is not one.
pub const MAX_STATE_BYTES: u64 = 4096;

/// Where a document's position lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store of the document named `key` (see [`key`]), in the user's state directory
    /// (`$XDG_STATE_HOME/folio`, or `~/.local/state/folio`); `None` without a home.
    pub fn for_key(key: &[u8]) -> Option<Store> {
        Some(Store::in_dir(&state_dir()?, key))
    }

    /// The store of the document named `bytes` in `dir`.
    pub fn in_dir(dir: &Path, bytes: &[u8]) -> Store {
        let hash = Sha256::digest(bytes);
        let key: String = hash.iter().take(16).map(|b| format!("{b:02x}")).collect();
        Store { path: dir.join("positions").join(format!("{key}.json")) }
    }

    /// The file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The saved position: `Ok(None)` when there is none, `Err` with a reason when the file
    /// is unreadable or corrupt (the caller warns and carries on).
    ///
    /// The file is untrusted input like any other: it is read up to [`MAX_STATE_BYTES`], and
    /// anything but a well-formed position (garbage, truncation, wrong types, a huge file)
    /// is ignored with a warning.
    pub fn load(&self) -> Result<Option<Position>, String> {
        let file = match std::fs::File::open(&self.path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
            Err(_) => return Err("saved reading position is unreadable; starting at the top".to_string()),
        };
        let mut bytes = Vec::new();
        let read = std::io::Read::take(file, MAX_STATE_BYTES + 1).read_to_end(&mut bytes);
        if read.is_err() {
            return Err("saved reading position is unreadable; starting at the top".to_string());
        }
        if bytes.len() as u64 > MAX_STATE_BYTES {
            return Err("saved reading position is too large to be one; starting at the top".to_string());
        }
        // An object with the two numbers, and nothing else (serde would take `[1, 2]` too).
        let corrupt = || "saved reading position is corrupt; starting at the top".to_string();
        match serde_json::from_slice::<serde_json::Value>(&bytes) {
            Ok(v) if v.is_object() => serde_json::from_value(v).map(Some).map_err(|_| corrupt()),
            _ => Err(corrupt()),
        }
    }

    /// Saves a position: written to a temporary file, flushed to disk, then renamed over the
    /// old one, so a crash leaves either the old or the new file, never half of one.
    pub fn save(&self, pos: Position) -> std::io::Result<()> {
        let dir = self.path.parent().unwrap_or(Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = self.path.with_extension(format!("json.{}.tmp", std::process::id()));
        let result = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(&serde_json::to_vec(&pos).map_err(std::io::Error::other)?)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &self.path)?;
            // Make the rename itself durable; not every platform lets a directory be synced.
            if let Ok(d) = std::fs::File::open(dir) {
                let _ = d.sync_all();
            }
            Ok(())
        })();
        if result.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        result
    }
}

/// `$XDG_STATE_HOME/folio`, or `~/.local/state/folio`; `None` without a home.
pub fn state_dir() -> Option<PathBuf> {
    let dirs = directories::ProjectDirs::from("", "", "folio")?;
    Some(dirs.state_dir().unwrap_or(dirs.data_local_dir()).to_path_buf())
}

/// What the reader remembers across documents: the text width chosen with `-`, `+`, `=`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Prefs {
    /// The widest text column, in cells, when the user changed it.
    pub width: Option<u16>,
}

impl Prefs {
    fn path(dir: &Path) -> PathBuf {
        dir.join("prefs.json")
    }

    /// The preferences saved in `dir`; the defaults when there are none or they are corrupt.
    pub fn load(dir: &Path) -> Prefs {
        let bytes = std::fs::File::open(Prefs::path(dir)).and_then(|f| {
            let mut bytes = Vec::new();
            f.take(MAX_STATE_BYTES).read_to_end(&mut bytes).map(|_| bytes)
        });
        bytes.ok().and_then(|b| serde_json::from_slice(&b).ok()).unwrap_or_default()
    }

    /// Saves them in `dir`, replacing the file atomically.
    pub fn save(self, dir: &Path) -> std::io::Result<()> {
        std::fs::create_dir_all(dir)?;
        let path = Prefs::path(dir);
        let tmp = path.with_extension(format!("json.{}.tmp", std::process::id()));
        std::fs::write(&tmp, serde_json::to_vec(&self).map_err(std::io::Error::other)?)?;
        std::fs::rename(&tmp, &path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("folio-state-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_saved_position_comes_back_for_the_same_bytes_only() {
        let dir = temp_dir("roundtrip");
        let store = Store::in_dir(&dir, b"some article");
        assert_eq!(store.load(), Ok(None));
        let pos = Position { input: 1234, section: 2, lead: "It began".into(), offset: 3 };
        store.save(pos.clone()).expect("save");
        assert_eq!(store.load(), Ok(Some(pos)));
        assert_eq!(Store::in_dir(&dir, b"another article").load(), Ok(None));
        let leftovers = std::fs::read_dir(store.path().parent().expect("dir")).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn anything_but_a_position_is_ignored_with_a_warning() {
        let dir = temp_dir("untrusted");
        let store = Store::in_dir(&dir, b"y");
        std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
        let deep = "[".repeat(100_000);
        let huge = format!("{{\"input\": 1, \"section\": 0, \"pad\": \"{}\"}}", "x".repeat(1 << 20));
        let cases: [&[u8]; 11] = [
            b"",
            b"\x00\xff\xfe garbage",
            b"{\"input\": 12, \"sect",
            b"{\"input\": \"twelve\", \"section\": 0}",
            b"{\"input\": -1, \"section\": 0}",
            b"{\"input\": 1e400, \"section\": 0}",
            b"{\"input\": 99999999999999999999999, \"section\": 0}",
            b"[1, 2]",
            b"null",
            deep.as_bytes(),
            huge.as_bytes(),
        ];
        for bytes in cases {
            std::fs::write(store.path(), bytes).expect("write");
            let loaded = store.load();
            assert!(
                loaded.is_err(),
                "{:?} gave {loaded:?}",
                String::from_utf8_lossy(&bytes[..bytes.len().min(40)])
            );
        }
        // Unknown fields are tolerated (a later version may add some); the position stands.
        std::fs::write(store.path(), b"{\"input\": 7, \"section\": 1, \"later\": true}").expect("write");
        assert_eq!(store.load(), Ok(Some(Position { input: 7, section: 1, ..Position::default() })));
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_file_is_reported_not_fatal() {
        let dir = temp_dir("corrupt");
        let store = Store::in_dir(&dir, b"x");
        std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
        std::fs::write(store.path(), b"{not json").expect("write");
        assert!(store.load().is_err());
        store.save(Position { input: 1, section: 0, ..Position::default() }).expect("save over it");
        assert_eq!(store.load(), Ok(Some(Position { input: 1, section: 0, ..Position::default() })));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
