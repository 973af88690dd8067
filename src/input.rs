//! Reading the input: a file, standard input, a web page or the bundled seed, never more than
//! a cap; then what it is (a feed, or a page in some [`Format`]).

use crate::feed::Feed;
use crate::fetch::{self, FetchError};
use crate::ingest::InputError;
use crate::ingest::sanitize::scrub;
use crate::{Document, Format};
use std::io::{IsTerminal, Read, Write};
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
    /// File name (sanitised), "stdin", the seed's name or the page's address.
    pub name: String,
    /// For a web page, what its server said.
    pub web: Option<fetch::Page>,
}

/// What an input is.
#[derive(Debug)]
pub enum Kind {
    /// An RSS, Atom or JSON feed.
    Feed(Feed),
    /// An article or page, read as this format.
    Page(Format),
}

/// The input the command line names: the file or web address, standard input when it is
/// `-` or a pipe with no file named, and otherwise the bundled seed article.
pub fn choose(file: Option<&Path>, fetching: &fetch::Options) -> anyhow::Result<Source> {
    let max_bytes = fetching.max_bytes;
    match file {
        Some(url) if url.to_str().is_some_and(fetch::is_url) => {
            get(url.to_str().unwrap_or_default(), fetching)
        }
        Some(path) => read(path, max_bytes),
        None if !std::io::stdin().is_terminal() => read(Path::new("-"), max_bytes),
        None => Ok(Source { bytes: crate::SEED.to_vec(), name: crate::SEED_NAME.to_string(), web: None }),
    }
}

/// Fetches a web page, counting what has arrived on standard error when that is a terminal.
pub fn get(url: &str, fetching: &fetch::Options) -> anyhow::Result<Source> {
    let shown = scrub(url);
    let mut err = std::io::stderr();
    let counting = err.is_terminal();
    let mut progress = |n: u64| {
        if counting {
            let _ = write!(err, "\rfolio: {shown}: {} KiB", n / 1024);
        }
    };
    let page = fetch::fetch(url, fetching, &mut progress);
    if counting {
        let _ = write!(err, "\r\x1b[2K");
    }
    let mut page = page.map_err(|e: FetchError| anyhow::anyhow!("{shown}: {e}"))?;
    for w in page.warnings.drain(..) {
        eprintln!("folio: warning: {shown}: {w}");
    }
    Ok(Source { bytes: std::mem::take(&mut page.bytes), name: scrub(&page.url), web: Some(page) })
}

impl Source {
    /// What the input is: a feed by the server's media type or by its content (unless a
    /// format is forced), else a page in the forced format, the server's, by extension or
    /// by content.
    pub fn kind(&self, forced: Option<Format>) -> anyhow::Result<Kind> {
        let media = self.web.as_ref().and_then(|w| w.media_type.as_deref());
        let feed_type = media.is_some_and(fetch::is_feed_type);
        if forced.is_none() && (feed_type || crate::feed::sniff(&self.bytes)) {
            let base = self.web.as_ref().map(|w| w.url.as_str());
            let feed =
                crate::feed::parse(&self.bytes, base).map_err(|e| anyhow::anyhow!("{}: {e}", self.name))?;
            return Ok(Kind::Feed(feed));
        }
        if let Some(format) = forced {
            return Ok(Kind::Page(format));
        }
        if media == Some("application/json") {
            anyhow::bail!("{}: {}", self.name, FetchError::NotAPage("application/json".into()));
        }
        // A web page is named by its address's path.
        let path = self.web.as_ref().map_or(self.name.clone(), |w| {
            url::Url::parse(&w.url).map(|u| u.path().to_string()).unwrap_or_default()
        });
        Ok(Kind::Page(Format::detect_served(media, Some(Path::new(&path)), &self.bytes)))
    }

    /// The whole pipeline on the input read as `format`; a web page's relative links
    /// resolve against where it was fetched from when `links_from_url` (see
    /// [`crate::ingest::html::Hints`]).
    pub fn read(&self, format: Format, links_from_url: bool) -> anyhow::Result<Document> {
        self.named(crate::read_with(self.bytes.as_slice().into(), format, self.hints(links_from_url)))
    }

    /// [`Source::read`], and the document's JSON ([`crate::read_json`]).
    pub fn read_json(&self, format: Format, links_from_url: bool) -> anyhow::Result<(Document, String)> {
        self.named(crate::read_json(self.bytes.as_slice().into(), format, self.hints(links_from_url)))
    }

    /// The document as [`Source::read`] builds it, without its entities: all that the plain
    /// text and the Markdown print.
    pub fn structure(&self, format: Format, links_from_url: bool) -> anyhow::Result<Document> {
        self.named(crate::ingest::parse_with(
            self.bytes.as_slice().into(),
            format,
            self.hints(links_from_url),
        ))
    }

    /// An error of reading this input, with its name before it.
    fn named<T>(&self, read: Result<T, crate::InputError>) -> anyhow::Result<T> {
        read.map_err(|e| anyhow::anyhow!("{}: {e}", self.name))
    }

    fn hints(&self, links_from_url: bool) -> crate::ingest::html::Hints<'_> {
        crate::ingest::html::Hints {
            charset: self.web.as_ref().and_then(|w| w.charset.as_deref()),
            url: self.web.as_ref().map(|w| w.url.as_str()),
            links_from_url,
        }
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
        return Ok(Source { bytes, name: "stdin".to_string(), web: None });
    }
    if path.is_dir() {
        anyhow::bail!("{shown}: is a directory");
    }
    let file = std::fs::File::open(path).map_err(|e| anyhow::anyhow!("{shown}: {}", io_reason(&e)))?;
    // A regular file's size says how much room to take: read in one go, never regrown.
    let size = file.metadata().ok().filter(|m| m.is_file()).map_or(0, |m| m.len());
    let bytes = read_capped(file, max_bytes, size).map_err(|e| anyhow::anyhow!("{shown}: {e}"))?;
    let name = path.file_name().map_or(shown.clone(), |n| scrub(&n.to_string_lossy()));
    Ok(Source { bytes, name, web: None })
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

/// A web page or feed read whole for the reader: its document and the text it was read
/// from (for a feed, the Markdown written from it), with what the reader shows and keeps.
#[derive(Debug)]
pub struct Opened {
    /// The document, entities included.
    pub doc: Document,
    /// The text its spans point into.
    pub bytes: Vec<u8>,
    /// "host · title", for the title bar.
    pub name: String,
    /// The address it came from, after redirects.
    pub url: String,
    /// For a feed, each section's article address (a section per entry).
    pub entries: Option<Vec<Option<String>>>,
    /// Warnings to show (a copy from the cache, and the like).
    pub warnings: Vec<String>,
}

/// Why a web address gave nothing to read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Refusal {
    /// An image, a PDF, an archive: something for another program. The address and media type.
    NotAPage(String, String),
    /// Anything else, as one line naming the address.
    Failed(String),
}

/// Fetches and reads `url` whole (for the reader's background thread).
pub fn open_url(
    url: &str,
    fetching: &fetch::Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Opened, Refusal> {
    let shown = scrub(url);
    let page = match fetch::fetch(url, fetching, progress) {
        Ok(page) => page,
        Err(FetchError::NotAPage(media)) => return Err(Refusal::NotAPage(url.to_string(), media)),
        Err(e) => return Err(Refusal::Failed(format!("{shown}: {e}"))),
    };
    let warnings = page.warnings.clone();
    let source = Source { bytes: page.bytes.clone(), name: scrub(&page.url), web: Some(page) };
    let failed = |e: anyhow::Error| Refusal::Failed(scrub(&format!("{e:#}")));
    let final_url = source.web.as_ref().map(|w| w.url.clone()).unwrap_or_default();
    let (doc, bytes, entries) = match source.kind(None).map_err(failed)? {
        Kind::Feed(feed) => {
            let text = crate::feed::markdown(&feed).into_bytes();
            let doc = crate::read_as(&text, Format::Markdown)
                .map_err(|e| Refusal::Failed(format!("{shown}: {e}")))?;
            // One section per entry, as the Markdown was written.
            let entries: Vec<Option<String>> = feed.entries.iter().map(|e| e.link.clone()).collect();
            let entries = (entries.len() == doc.sections.len()).then_some(entries);
            (doc, text, entries)
        }
        Kind::Page(format) => (source.read(format, true).map_err(failed)?, source.bytes, None),
    };
    let host =
        url::Url::parse(&final_url).ok().and_then(|u| u.host_str().map(str::to_string)).unwrap_or_default();
    let name = match doc.title.as_ref().map(|t| t.text.trim()).filter(|t| !t.is_empty()) {
        Some(title) => scrub(&format!("{host} · {title}")),
        None => scrub(&final_url),
    };
    Ok(Opened { doc, bytes, name, url: final_url, entries, warnings })
}
