//! The reading position kept between runs: one small JSON file per document, named by a hash
//! of the input bytes, in the XDG state directory, replaced atomically.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What is remembered about a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Position {
    /// Input byte at the top of the reading pane: stable across re-wrapping and across
    /// versions of the structure recovery, unlike a row or an item number.
    pub input: usize,
    /// The section read, for people who open the file.
    pub section: usize,
}

/// Where a document's position lives.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Store {
    path: PathBuf,
}

impl Store {
    /// The store of the document with these input bytes, in the user's state directory
    /// (`$XDG_STATE_HOME/folio`, or `~/.local/state/folio`); `None` without a home.
    pub fn for_input(bytes: &[u8]) -> Option<Store> {
        let dirs = directories::ProjectDirs::from("", "", "folio")?;
        let dir = dirs.state_dir().unwrap_or(dirs.data_local_dir());
        Some(Store::in_dir(dir, bytes))
    }

    /// The store of a document in `dir`.
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
    pub fn load(&self) -> Result<Option<Position>, String> {
        match std::fs::read(&self.path) {
            Ok(bytes) => serde_json::from_slice(&bytes)
                .map(Some)
                .map_err(|_| "saved reading position is corrupt; starting at the top".to_string()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
            Err(_) => Err("saved reading position is unreadable; starting at the top".to_string()),
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
        let pos = Position { input: 1234, section: 2 };
        store.save(pos).expect("save");
        assert_eq!(store.load(), Ok(Some(pos)));
        assert_eq!(Store::in_dir(&dir, b"another article").load(), Ok(None));
        let leftovers = std::fs::read_dir(store.path().parent().expect("dir")).expect("list").count();
        assert_eq!(leftovers, 1, "no temporary file is left behind");
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn a_corrupt_file_is_reported_not_fatal() {
        let dir = temp_dir("corrupt");
        let store = Store::in_dir(&dir, b"x");
        std::fs::create_dir_all(store.path().parent().expect("dir")).expect("mkdir");
        std::fs::write(store.path(), b"{not json").expect("write");
        assert!(store.load().is_err());
        store.save(Position { input: 1, section: 0 }).expect("save over it");
        assert_eq!(store.load(), Ok(Some(Position { input: 1, section: 0 })));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
