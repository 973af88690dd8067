//! URL to bytes: one page over http or https, on the user's request only.
//!
//! ureq (rustls, certificate checks always on, the webpki roots) does the talking; folio
//! follows redirects itself so that a loop is named as one and the whole chain shares one
//! deadline. Bodies come decompressed (gzip and brotli by ureq, deflate here), capped at
//! `--max-bytes`. The `Content-Type` decides whether the answer is a page at all and, with
//! its charset, how to read it. Pages are kept in a [`cache`] and revalidated.

pub mod cache;

use crate::ingest::sanitize::scrub;
use std::fmt;
use std::io::Read;
use std::time::{Duration, Instant};

/// The User-Agent folio sends.
pub const USER_AGENT: &str = concat!("folio/", env!("CARGO_PKG_VERSION"));
/// How many redirects are followed before giving up.
pub const MAX_REDIRECTS: usize = 10;
/// Default time to connect to a server.
pub const CONNECT_TIMEOUT: Duration = Duration::from_secs(10);
/// Default time for the whole exchange, redirects and body included.
pub const TIMEOUT: Duration = Duration::from_secs(30);

/// Whether an argument names a web address rather than a file.
pub fn is_url(arg: &str) -> bool {
    let lower = arg.get(..8).unwrap_or(arg).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// A `--timeout` value: seconds, more than zero (fractions allowed).
pub fn parse_timeout(s: &str) -> Result<Duration, String> {
    match s.trim().parse::<f64>() {
        Ok(secs) if secs > 0.0 && secs <= 86_400.0 => Ok(Duration::from_secs_f64(secs)),
        _ => Err(format!("{s:?} is not a number of seconds between 0 and 86400")),
    }
}

/// How to fetch.
#[derive(Debug, Clone)]
pub struct Options {
    /// Deadline for the whole exchange.
    pub timeout: Duration,
    /// Deadline for connecting.
    pub connect_timeout: Duration,
    /// Cap on the (decompressed) body.
    pub max_bytes: u64,
    /// Where fetched pages are kept; `None` keeps nothing.
    pub cache: Option<cache::Cache>,
}

impl Default for Options {
    fn default() -> Self {
        Options {
            timeout: TIMEOUT,
            connect_timeout: CONNECT_TIMEOUT,
            max_bytes: crate::input::DEFAULT_MAX_BYTES,
            cache: cache::Cache::user(),
        }
    }
}

/// A fetched page.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    /// The address the body came from, after redirects.
    pub url: String,
    /// The body, decompressed.
    pub bytes: Vec<u8>,
    /// The media type of `Content-Type`, lowercase ("text/html"), if the server sent one.
    pub media_type: Option<String>,
    /// The charset of `Content-Type`, if any.
    pub charset: Option<String>,
    /// "the network is unreachable; showing the copy read on …" and the like.
    pub warnings: Vec<String>,
}

/// Why a URL gave no page, in words for one line after the URL.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FetchError {
    /// Not an http or https address, or not an address at all.
    BadUrl(String),
    /// The server answered with an error status.
    Status(u16, String),
    /// DNS found no such host.
    Resolve,
    /// The connection was refused or failed.
    Connect(String),
    /// A deadline passed.
    Timeout(Duration),
    /// The answer is an image, a PDF, an archive…
    NotAPage(String),
    /// More than [`MAX_REDIRECTS`] redirects.
    TooManyRedirects,
    /// A redirect led back to an address already visited.
    RedirectLoop,
    /// The body is larger than the cap.
    TooLarge(u64),
    /// Certificates or the TLS handshake.
    Tls(String),
    /// Anything else the transport said.
    Other(String),
}

impl FetchError {
    /// Whether the network (not the server's answer) failed, so that a cached copy may stand in.
    pub fn is_network(&self) -> bool {
        matches!(self, FetchError::Resolve | FetchError::Connect(_) | FetchError::Timeout(_))
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FetchError::BadUrl(why) => write!(f, "not a web address ({why})"),
            FetchError::Status(code, reason) => write!(f, "HTTP {code} {reason}"),
            FetchError::Resolve => write!(f, "could not resolve host"),
            FetchError::Connect(why) => write!(f, "could not connect ({why})"),
            FetchError::Timeout(after) => write!(f, "timed out after {} s", seconds(*after)),
            FetchError::NotAPage(media) => write!(f, "not a page ({media})"),
            FetchError::TooManyRedirects => write!(f, "more than {MAX_REDIRECTS} redirects"),
            FetchError::RedirectLoop => write!(f, "redirect loop"),
            FetchError::TooLarge(limit) => {
                write!(f, "page is larger than {limit} bytes (raise the cap with --max-bytes)")
            }
            FetchError::Tls(why) => write!(f, "secure connection failed ({why})"),
            FetchError::Other(why) => write!(f, "{why}"),
        }
    }
}

impl std::error::Error for FetchError {}

fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    if s.fract() == 0.0 { format!("{s:.0}") } else { format!("{s:.1}") }
}

/// Fetches `url`, reporting the body bytes received so far to `progress`. With a cache,
/// a copy read before is revalidated, and stands in (with a warning) when the network fails.
pub fn fetch(url: &str, opts: &Options, progress: &mut dyn FnMut(u64)) -> Result<Page, FetchError> {
    let parsed = parse_url(url)?;
    let cached = opts.cache.as_ref().and_then(|c| c.get(parsed.as_str()));
    let (cached, mut warnings) = match cached {
        Some(Ok(entry)) => (Some(entry), Vec::new()),
        Some(Err(warning)) => (None, vec![warning]),
        None => (None, Vec::new()),
    };
    let result = get(parsed.clone(), opts, cached.as_ref().map(|e| &e.validators), progress);
    let page = match (result, cached) {
        (Ok(Answer::Fresh(page, validators)), _) => {
            if let Some(cache) = &opts.cache
                && let Err(e) = cache.put(parsed.as_str(), &page, &validators)
            {
                warnings.push(format!("could not keep the page in the cache: {e}"));
            }
            page
        }
        (Ok(Answer::NotModified), Some(entry)) => {
            if let Some(cache) = &opts.cache {
                cache.touch(parsed.as_str());
            }
            entry.page
        }
        (Ok(Answer::NotModified), None) => {
            return Err(FetchError::Other("HTTP 304 without a copy to reuse".into()));
        }
        (Err(e), Some(entry)) if e.is_network() => {
            let mut page = entry.page;
            page.warnings.push(format!("{e}: showing the copy kept from {}", entry.stored));
            page
        }
        (Err(e), _) => return Err(e),
    };
    let mut page = page;
    warnings.append(&mut page.warnings);
    page.warnings = warnings.iter().map(|w| scrub(w)).collect();
    Ok(page)
}

/// An http or https URL, or why not.
pub fn parse_url(url: &str) -> Result<url::Url, FetchError> {
    let parsed = url::Url::parse(url.trim()).map_err(|e| FetchError::BadUrl(e.to_string()))?;
    match parsed.scheme() {
        "http" | "https" if parsed.host().is_some() => Ok(parsed),
        "http" | "https" => Err(FetchError::BadUrl("no host".into())),
        other => Err(FetchError::BadUrl(format!("{other}: is not followed"))),
    }
}

/// What the server gave.
enum Answer {
    /// A new body, and what to revalidate it with later.
    Fresh(Page, cache::Validators),
    /// 304: the cached copy is still good.
    NotModified,
}

fn agent(opts: &Options) -> ureq::Agent {
    ureq::Agent::config_builder()
        .http_status_as_error(false)
        .max_redirects(0)
        .user_agent(USER_AGENT)
        .accept("text/html, application/xhtml+xml, application/rss+xml, application/atom+xml, application/feed+json, text/markdown, text/plain;q=0.9, */*;q=0.5")
        .accept_encoding("gzip, deflate, br")
        .timeout_connect(Some(opts.connect_timeout))
        .build()
        .into()
}

/// One GET with the redirects it leads to, all within `opts.timeout`.
fn get(
    mut url: url::Url,
    opts: &Options,
    validators: Option<&cache::Validators>,
    progress: &mut dyn FnMut(u64),
) -> Result<Answer, FetchError> {
    let agent = agent(opts);
    let deadline = Instant::now() + opts.timeout;
    let mut seen = vec![url.clone()];
    loop {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Err(FetchError::Timeout(opts.timeout));
        }
        let mut request = agent.get(url.as_str()).config().timeout_global(Some(left)).build();
        // Revalidate only the address the copy was kept for.
        if let Some(v) = validators.filter(|_| seen.len() == 1) {
            if let Some(etag) = &v.etag {
                request = request.header("If-None-Match", etag);
            }
            if let Some(date) = &v.last_modified {
                request = request.header("If-Modified-Since", date);
            }
        }
        let response = request.call().map_err(|e| transport(e, opts))?;
        let status = response.status();
        if status.is_redirection() && status.as_u16() != 304 {
            let to = header(&response, "location")
                .ok_or_else(|| FetchError::Other(format!("HTTP {status} without a Location")))?;
            let next = url.join(&to).map_err(|e| FetchError::Other(format!("bad redirect ({e})")))?;
            if !matches!(next.scheme(), "http" | "https") {
                return Err(FetchError::Other(format!("redirect to {}: is not followed", next.scheme())));
            }
            if seen.contains(&next) {
                return Err(FetchError::RedirectLoop);
            }
            if seen.len() > MAX_REDIRECTS {
                return Err(FetchError::TooManyRedirects);
            }
            seen.push(next.clone());
            url = next;
            continue;
        }
        if status.as_u16() == 304 {
            return Ok(Answer::NotModified);
        }
        if !status.is_success() {
            let reason = status.canonical_reason().unwrap_or("");
            return Err(FetchError::Status(status.as_u16(), reason.to_string()));
        }
        return read_page(response, url, opts, progress);
    }
}

fn header(response: &ureq::http::Response<ureq::Body>, name: &str) -> Option<String> {
    response.headers().get(name).and_then(|v| v.to_str().ok()).map(|s| s.trim().to_string())
}

fn read_page(
    mut response: ureq::http::Response<ureq::Body>,
    url: url::Url,
    opts: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Answer, FetchError> {
    let content_type = header(&response, "content-type");
    let (media_type, charset) = content_type.as_deref().map(media_type).unwrap_or_default();
    if let Some(m) = media_type.as_deref().filter(|m| !is_page(m)) {
        return Err(FetchError::NotAPage(scrub(m)));
    }
    let validators = cache::Validators {
        etag: header(&response, "etag"),
        last_modified: header(&response, "last-modified"),
    };
    let deflated = header(&response, "content-encoding").is_some_and(|e| e.eq_ignore_ascii_case("deflate"));
    let body = response.body_mut().with_config().reader();
    let bytes = if deflated {
        read_capped(flate2::read::ZlibDecoder::new(body), opts, progress)?
    } else {
        read_capped(body, opts, progress)?
    };
    let page = Page { url: url.to_string(), bytes, media_type, charset, warnings: Vec::new() };
    Ok(Answer::Fresh(page, validators))
}

/// Reads at most `opts.max_bytes`, telling `progress` how much has come.
fn read_capped(
    mut r: impl Read,
    opts: &Options,
    progress: &mut dyn FnMut(u64),
) -> Result<Vec<u8>, FetchError> {
    let max = opts.max_bytes.min(crate::input::LARGEST_MAX_BYTES);
    let mut bytes = Vec::new();
    let mut buf = vec![0u8; 64 * 1024];
    loop {
        let n = match r.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => n,
            Err(e) if e.kind() == std::io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(body_error(e, opts)),
        };
        if (bytes.len() + n) as u64 > max {
            return Err(FetchError::TooLarge(max));
        }
        bytes.extend_from_slice(&buf[..n]);
        progress(bytes.len() as u64);
    }
    Ok(bytes)
}

fn body_error(e: std::io::Error, opts: &Options) -> FetchError {
    match e.into_inner().map(|inner| inner.downcast::<ureq::Error>()) {
        Some(Ok(ureq_error)) => transport(*ureq_error, opts),
        Some(Err(other)) => FetchError::Other(format!("the body could not be read ({other})")),
        None => FetchError::Other("the body could not be read".into()),
    }
}

/// The media type and charset of a `Content-Type` value.
pub fn media_type(value: &str) -> (Option<String>, Option<String>) {
    let mut parts = value.split(';');
    let media = parts.next().map(|m| m.trim().to_ascii_lowercase()).filter(|m| !m.is_empty());
    let charset = parts.find_map(|p| {
        let (k, v) = p.split_once('=')?;
        k.trim().eq_ignore_ascii_case("charset").then(|| v.trim().trim_matches(['"', '\'']).to_string())
    });
    (media, charset)
}

/// Whether a media type is something folio reads: HTML, text, Markdown, a feed, XML, JSON,
/// or a type that says nothing (octet-stream, which is sniffed like a file).
pub fn is_page(media: &str) -> bool {
    let application = media.strip_prefix("application/").unwrap_or("");
    media.starts_with("text/")
        || matches!(application, "xml" | "json" | "octet-stream")
        || application.ends_with("+xml") && !application.starts_with("vnd.")
        || application.ends_with("+json") && !application.starts_with("vnd.")
}

/// Whether a media type names a feed (RSS, Atom, RDF, JSON Feed, with or without `x-`).
pub fn is_feed_type(media: &str) -> bool {
    let application = media.strip_prefix("application/").unwrap_or("");
    matches!(application.trim_start_matches("x-"), "rss+xml" | "atom+xml" | "rdf+xml" | "feed+json")
}

/// A transport error in words.
fn transport(e: ureq::Error, opts: &Options) -> FetchError {
    use ureq::Timeout;
    match e {
        ureq::Error::HostNotFound => FetchError::Resolve,
        ureq::Error::Timeout(Timeout::Connect | Timeout::Resolve) => {
            FetchError::Timeout(opts.connect_timeout)
        }
        ureq::Error::Timeout(_) => FetchError::Timeout(opts.timeout),
        ureq::Error::Io(io) => match io.kind() {
            std::io::ErrorKind::TimedOut | std::io::ErrorKind::WouldBlock => {
                FetchError::Timeout(opts.timeout)
            }
            std::io::ErrorKind::ConnectionRefused => FetchError::Connect("connection refused".into()),
            _ => FetchError::Connect(short(&io.to_string())),
        },
        ureq::Error::ConnectionFailed => FetchError::Connect("connection failed".into()),
        ureq::Error::Tls(why) => FetchError::Tls(why.to_string()),
        ureq::Error::Rustls(why) => FetchError::Tls(short(&why.to_string())),
        ureq::Error::BadUri(why) => FetchError::BadUrl(short(&why)),
        ureq::Error::BodyExceedsLimit(limit) => FetchError::TooLarge(limit),
        other => FetchError::Other(short(&other.to_string())),
    }
}

/// A message without the "(os error N)" suffix, sanitised.
fn short(s: &str) -> String {
    scrub(s.split(" (os error").next().unwrap_or(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn content_types_are_read() {
        assert_eq!(
            media_type("text/HTML; charset=\"Windows-1251\""),
            (Some("text/html".into()), Some("Windows-1251".into()))
        );
        assert_eq!(media_type("image/png"), (Some("image/png".into()), None));
        assert!(is_page("text/html") && is_page("application/atom+xml") && !is_page("image/png"));
        assert!(!is_page("application/pdf") && !is_page("application/zip"));
        assert!(is_page("application/x-rss+xml") && is_feed_type("application/x-rss+xml"));
        assert!(!is_page("image/svg+xml") && !is_feed_type("application/xhtml+xml"));
    }

    #[test]
    fn only_http_and_https_are_fetched() {
        assert!(is_url("https://example.org/") && is_url("HTTP://x") && !is_url("file.html"));
        assert!(parse_url("javascript:alert(1)").is_err());
        assert!(parse_url("file:///etc/passwd").is_err());
        assert!(parse_url("http://").is_err());
        assert_eq!(FetchError::Timeout(Duration::from_secs(30)).to_string(), "timed out after 30 s");
        assert_eq!(FetchError::Status(404, "Not Found".into()).to_string(), "HTTP 404 Not Found");
    }
}
