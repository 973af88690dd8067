//! Pages read before, kept in the XDG cache directory (`$XDG_CACHE_HOME/folio/pages`): one
//! file per address, named by a hash of it, replaced atomically; bounded in size, the least
//! recently used dropped first. A file is untrusted like any input: one that does not read
//! back whole is ignored with a warning.
//!
//! A file is a first line naming the format, a line of JSON (the address, the validators,
//! the media type and the body's length), then the body.

use super::Page;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::time::SystemTime;

/// Default bound on the cache: 100 MB.
pub const LIMIT: u64 = 100 * 1000 * 1000;

const MAGIC: &[u8] = b"folio-cache 1\n";

/// What a server gave to revalidate a page with.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Validators {
    /// `ETag`, sent back as `If-None-Match`.
    pub etag: Option<String>,
    /// `Last-Modified`, sent back as `If-Modified-Since`.
    pub last_modified: Option<String>,
}

/// A page read back from the cache.
#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    /// The page as it was fetched.
    pub page: Page,
    /// To revalidate it with.
    pub validators: Validators,
    /// When it was fetched, for people ("2026-12-01 23:40 UTC").
    pub stored: String,
}

#[derive(Serialize, Deserialize)]
struct Header {
    key: String,
    url: String,
    media_type: Option<String>,
    charset: Option<String>,
    #[serde(flatten)]
    validators: Validators,
    stored: i64,
    len: u64,
}

/// A directory of kept pages.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cache {
    dir: PathBuf,
    limit: u64,
}

impl Cache {
    /// The user's cache (`None` without a home directory).
    pub fn user() -> Option<Cache> {
        let dirs = directories::ProjectDirs::from("", "", "folio")?;
        Some(Cache::in_dir(&dirs.cache_dir().join("pages"), LIMIT))
    }

    /// A cache in `dir` holding at most about `limit` bytes.
    pub fn in_dir(dir: &Path, limit: u64) -> Cache {
        Cache { dir: dir.to_path_buf(), limit }
    }

    /// The directory.
    pub fn dir(&self) -> &Path {
        &self.dir
    }

    fn path(&self, key: &str) -> PathBuf {
        let hash = Sha256::digest(key.as_bytes());
        let name: String = hash.iter().take(16).map(|b| format!("{b:02x}")).collect();
        self.dir.join(format!("{name}.page"))
    }

    /// The copy kept for `key`: `None` when there is none, `Err` with a warning when the
    /// file is there but unreadable or corrupt.
    pub fn get(&self, key: &str) -> Option<Result<Entry, String>> {
        let path = self.path(key);
        let mut file = match std::fs::File::open(&path) {
            Ok(f) => f,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => return None,
            Err(_) => return Some(Err("a cached copy is unreadable and was ignored".into())),
        };
        let mut bytes = Vec::new();
        let corrupt = || Err("a cached copy is corrupt and was ignored".to_string());
        if file.read_to_end(&mut bytes).is_err() {
            return Some(corrupt());
        }
        let Some(rest) = bytes.strip_prefix(MAGIC) else { return Some(corrupt()) };
        let Some(nl) = rest.iter().position(|&b| b == b'\n') else { return Some(corrupt()) };
        let Ok(header) = serde_json::from_slice::<Header>(&rest[..nl]) else { return Some(corrupt()) };
        let body = &rest[nl + 1..];
        if header.key != key || header.len != body.len() as u64 {
            return Some(corrupt());
        }
        let stored = chrono::DateTime::from_timestamp(header.stored, 0)
            .map_or_else(|| "an unknown date".to_string(), |t| t.format("%Y-%m-%d %H:%M UTC").to_string());
        let page = Page {
            url: header.url,
            bytes: body.to_vec(),
            media_type: header.media_type,
            charset: header.charset,
            warnings: Vec::new(),
        };
        Some(Ok(Entry { page, validators: header.validators, stored }))
    }

    /// Keeps `page` for `key`, then drops the least recently used pages past the bound.
    /// Written to a temporary file, flushed, then renamed over the old copy.
    pub fn put(&self, key: &str, page: &Page, validators: &Validators) -> std::io::Result<()> {
        if page.bytes.len() as u64 > self.limit {
            return Ok(());
        }
        std::fs::create_dir_all(&self.dir)?;
        let stored =
            SystemTime::now().duration_since(SystemTime::UNIX_EPOCH).map_or(0, |d| d.as_secs() as i64);
        let header = Header {
            key: key.to_string(),
            url: page.url.clone(),
            media_type: page.media_type.clone(),
            charset: page.charset.clone(),
            validators: validators.clone(),
            stored,
            len: page.bytes.len() as u64,
        };
        let path = self.path(key);
        let tmp = path.with_extension(format!("tmp{}", std::process::id()));
        let written = (|| {
            let mut f = std::fs::File::create(&tmp)?;
            f.write_all(MAGIC)?;
            serde_json::to_writer(&mut f, &header)?;
            f.write_all(b"\n")?;
            f.write_all(&page.bytes)?;
            f.sync_all()?;
            std::fs::rename(&tmp, &path)
        })();
        if written.is_err() {
            let _ = std::fs::remove_file(&tmp);
        }
        written?;
        self.trim();
        Ok(())
    }

    /// Marks the copy of `key` as just used, so it is dropped last.
    pub fn touch(&self, key: &str) {
        if let Ok(f) = std::fs::File::options().append(true).open(self.path(key)) {
            let _ = f.set_modified(SystemTime::now());
        }
    }

    /// Drops the least recently used pages until the cache is within its bound.
    fn trim(&self) {
        let Ok(dir) = std::fs::read_dir(&self.dir) else { return };
        let mut files: Vec<(SystemTime, u64, PathBuf)> = dir
            .flatten()
            .filter(|e| e.path().extension().is_some_and(|x| x == "page"))
            .filter_map(|e| {
                let m = e.metadata().ok()?;
                Some((m.modified().unwrap_or(SystemTime::UNIX_EPOCH), m.len(), e.path()))
            })
            .collect();
        let mut total: u64 = files.iter().map(|f| f.1).sum();
        files.sort();
        for (_, len, path) in files {
            if total <= self.limit {
                break;
            }
            if std::fs::remove_file(&path).is_ok() {
                total -= len;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn page(body: &[u8]) -> Page {
        Page {
            url: "http://127.0.0.1/a".into(),
            bytes: body.to_vec(),
            media_type: Some("text/html".into()),
            charset: None,
            warnings: Vec::new(),
        }
    }

    fn temp(name: &str) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("folio-cache-test-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        dir
    }

    #[test]
    fn a_page_reads_back_and_corruption_is_a_warning() {
        let dir = temp("roundtrip");
        let cache = Cache::in_dir(&dir, LIMIT);
        assert!(cache.get("k").is_none());
        let v = Validators { etag: Some("\"x\"".into()), last_modified: None };
        cache.put("k", &page(b"<p>hello</p>"), &v).expect("put");
        let entry = cache.get("k").expect("kept").expect("whole");
        assert_eq!(entry.page, page(b"<p>hello</p>"));
        assert_eq!(entry.validators, v);
        // Truncated, garbage, empty: each ignored with a warning, never a panic.
        let path = cache.path("k");
        let full = std::fs::read(&path).expect("file");
        for bad in [&full[..full.len() - 3], b"garbage\n{}\n".as_slice(), b""] {
            std::fs::write(&path, bad).expect("write");
            assert!(cache.get("k").expect("there").is_err());
        }
        let _ = std::fs::remove_dir_all(&dir);
    }

    #[test]
    fn the_least_recently_used_go_first() {
        let dir = temp("trim");
        // Room for three pages of about 1150 bytes, not four.
        let cache = Cache::in_dir(&dir, 3500);
        for (i, key) in ["a", "b", "c"].iter().enumerate() {
            cache.put(key, &page(&vec![b'x'; 1000]), &Validators::default()).expect("put");
            let old = SystemTime::UNIX_EPOCH + std::time::Duration::from_secs(1000 + i as u64);
            let f = std::fs::File::options().append(true).open(cache.path(key)).expect("open");
            f.set_modified(old).expect("mtime");
        }
        cache.touch("a");
        cache.put("d", &page(&vec![b'x'; 1000]), &Validators::default()).expect("put");
        assert!(cache.get("a").is_some() && cache.get("c").is_some() && cache.get("d").is_some());
        assert!(cache.get("b").is_none(), "the least recently used is dropped");
        let _ = std::fs::remove_dir_all(&dir);
    }
}
