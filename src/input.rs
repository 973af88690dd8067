//! Reading the input: a file, standard input, or the bundled seed, never more than a cap.

use crate::ingest::InputError;
use crate::ingest::sanitize::scrub;
use std::io::{IsTerminal, Read};
use std::path::Path;

/// Default cap on input size: 256 MiB.
pub const DEFAULT_MAX_BYTES: u64 = 256 * 1024 * 1024;

/// The largest cap a user may ask for: 2 GiB less a byte, since the model keeps offsets and
/// lengths in 32 bits (31 for the lengths of offset-map runs) to stay small on long books.
pub const LARGEST_MAX_BYTES: u64 = (1 << 31) - 1;

/// Input bytes and a printable name for them.
#[derive(Debug, Clone)]
pub struct Source {
    /// The bytes, at most the cap.
    pub bytes: Vec<u8>,
    /// File name (sanitised), "stdin" or the seed's name.
    pub name: String,
}

/// The input the command line names: the file, standard input when it is `-` or a pipe
/// with no file named, and otherwise the bundled seed article.
pub fn choose(file: Option<&Path>, max_bytes: u64) -> anyhow::Result<Source> {
    match file {
        Some(path) => read(path, max_bytes),
        None if !std::io::stdin().is_terminal() => read(Path::new("-"), max_bytes),
        None => Ok(Source { bytes: crate::SEED.to_vec(), name: crate::SEED_NAME.to_string() }),
    }
}

/// Reads `path` (or standard input for `-`), refusing more than `max_bytes`.
///
/// Reading stops one byte past the cap, so an endless stream such as /dev/zero ends.
pub fn read(path: &Path, max_bytes: u64) -> anyhow::Result<Source> {
    let shown = scrub(&path.to_string_lossy());
    if path.as_os_str() == "-" {
        let bytes =
            read_capped(std::io::stdin().lock(), max_bytes, 0).map_err(|e| anyhow::anyhow!("stdin: {e}"))?;
        return Ok(Source { bytes, name: "stdin".to_string() });
    }
    if path.is_dir() {
        anyhow::bail!("{shown}: is a directory");
    }
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?;
    // A regular file's size says how much room to take: read in one go, never regrown.
    let size = file.metadata().ok().filter(|m| m.is_file()).map_or(0, |m| m.len());
    let bytes = read_capped(file, max_bytes, size).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let name = path.file_name().map_or(shown.clone(), |n| scrub(&n.to_string_lossy()));
    Ok(Source { bytes, name })
}

/// Reads all of `r`, or fails with [`InputError::TooLarge`] past `max_bytes`; `size` is
/// how many bytes `r` is expected to hold (0 when unknown).
pub fn read_capped(r: impl Read, max_bytes: u64, size: u64) -> anyhow::Result<Vec<u8>> {
    let max_bytes = max_bytes.min(LARGEST_MAX_BYTES);
    if size > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes }.into());
    }
    // One byte more than expected, so that reading finds the end without growing.
    let mut bytes = Vec::with_capacity(size as usize + 1);
    r.take(max_bytes.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| anyhow::anyhow!(io_reason(&e)))?;
    if bytes.len() as u64 > max_bytes {
        return Err(InputError::TooLarge { limit: max_bytes }.into());
    }
    Ok(bytes)
}

/// A short lowercase reason, without the "(os error 2)" suffix.
fn io_reason(e: &std::io::Error) -> String {
    use std::io::ErrorKind::*;
    match e.kind() {
        NotFound => "no such file".to_string(),
        PermissionDenied => "permission denied".to_string(),
        IsADirectory => "is a directory".to_string(),
        _ => {
            let s = e.to_string();
            s.split(" (os error").next().unwrap_or(&s).to_string()
        }
    }
}
