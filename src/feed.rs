//! Feeds: RSS, Atom and JSON Feed, read by feed-rs, as a list of entries for `--json` and as
//! a Markdown text for the reader, one section per entry.
//!
//! The reader's text is written here and then read by the Markdown reader like any file, so
//! a feed gets the same structure, sanitising and entities as an article, and every span is
//! a byte range of the text the reader shows. Entry bodies in HTML go through the HTML
//! reader's text extraction first: no markup and no control character reaches the text.

use crate::ingest::sanitize::scrub;
use serde::Serialize;
use std::fmt::Write as _;

/// A feed: its title, its site, its entries in the feed's order.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Feed {
    /// The feed's title.
    pub title: Option<String>,
    /// The site the feed belongs to.
    pub link: Option<String>,
    /// Its entries.
    pub entries: Vec<Entry>,
}

/// One entry of a feed, its text already cleaned.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Entry {
    /// Headline.
    pub title: Option<String>,
    /// The article's address (http or https).
    pub link: Option<String>,
    /// When it was published (or last updated), RFC 3339.
    pub published: Option<String>,
    /// The summary as text.
    pub summary: Option<String>,
    /// The full content as paragraphs of text, when the feed carries it.
    #[serde(skip)]
    pub content: Vec<String>,
    /// Who wrote it, or where it comes from.
    #[serde(skip)]
    pub source: Option<String>,
}

/// File extensions that name feeds.
pub fn is_feed_extension(ext: &str) -> bool {
    matches!(ext.to_ascii_lowercase().as_str(), "rss" | "atom" | "xml" | "rdf" | "feed" | "json")
}

/// Whether the bytes start like a feed: an `<rss>`, Atom `<feed>` or RDF root element, or a
/// JSON object naming the JSON Feed version.
pub fn sniff(bytes: &[u8]) -> bool {
    let head = String::from_utf8_lossy(&bytes[..bytes.len().min(2048)]).to_ascii_lowercase();
    let lead = head.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']);
    if lead.starts_with('{') {
        return lead.contains("jsonfeed.org/version");
    }
    if !lead.starts_with('<') {
        return false;
    }
    // The first element after the prolog (declaration, comments, processing instructions).
    let mut rest = lead;
    while let Some(r) = rest.strip_prefix("<?").or_else(|| rest.strip_prefix("<!--")) {
        let close = if rest.starts_with("<?") { "?>" } else { "-->" };
        let Some(end) = r.find(close) else { return false };
        rest = r[end + close.len()..].trim_start();
    }
    ["<rss", "<feed", "<rdf:rdf"].iter().any(|root| {
        rest.strip_prefix(root).is_some_and(|after| after.starts_with([' ', '>', '\n', '\r', '\t']))
    })
}

/// Reads a feed; `base` resolves relative links (the feed's own address, when fetched).
pub fn parse(bytes: &[u8], base: Option<&str>) -> Result<Feed, String> {
    let parser = feed_rs::parser::Builder::new().base_uri(base).build();
    let feed = parser
        .parse(bytes)
        .map_err(|e| format!("not a feed that can be read ({})", scrub(&e.to_string())))?;
    let entries = feed.entries.into_iter().map(entry).collect();
    Ok(Feed { title: feed.title.map(|t| one_line(&t.content)), link: web_link(&feed.links), entries })
}

fn entry(e: feed_rs::model::Entry) -> Entry {
    let content = e.content.and_then(|c| c.body).map(|b| paragraphs(&b)).unwrap_or_default();
    let summary = e.summary.map(|s| paragraphs(&s.content).join(" ")).filter(|s| !s.is_empty());
    let author = e.authors.iter().filter_map(|a| a.name.as_deref()).map(one_line).find(|n| !n.is_empty());
    Entry {
        title: e.title.map(|t| one_line(&t.content)).filter(|t| !t.is_empty()),
        link: web_link(&e.links),
        published: e.published.or(e.updated).map(|d| d.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true)),
        summary,
        content,
        source: e.source.map(|s| one_line(&s)).filter(|s| !s.is_empty()).or(author),
    }
}

/// The first http or https link that is not an enclosure, preferring `rel="alternate"`.
fn web_link(links: &[feed_rs::model::Link]) -> Option<String> {
    let ok = |l: &&feed_rs::model::Link| {
        !matches!(l.rel.as_deref(), Some("self" | "enclosure" | "hub"))
            && url::Url::parse(&l.href).is_ok_and(|u| matches!(u.scheme(), "http" | "https"))
    };
    let alternate = links.iter().filter(ok).find(|l| l.rel.as_deref() == Some("alternate"));
    alternate.or_else(|| links.iter().find(ok)).and_then(|l| url::Url::parse(&l.href).ok()).map(String::from)
}

/// Text on one line, cleaned.
fn one_line(s: &str) -> String {
    scrub(s).split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Text or HTML as paragraphs of clean text; markup goes through the HTML reader.
fn paragraphs(body: &str) -> Vec<String> {
    let looks_like_html = body.contains('<') && body.contains('>') || body.contains('&');
    if looks_like_html && let Ok(doc) = crate::ingest::parse(body.as_bytes(), crate::Format::Html) {
        let texts: Vec<String> =
            doc.passages().map(|p| p.text.clone()).filter(|t| !t.trim().is_empty()).collect();
        if !texts.is_empty() {
            return texts;
        }
    }
    scrub(body).split("\n\n").map(one_line).filter(|p| !p.is_empty()).collect()
}

/// The entries as JSON: the feed's title and link, and each entry's title, link, published
/// date and summary.
pub fn json(feed: &Feed) -> String {
    serde_json::to_string_pretty(feed).unwrap_or_else(|e| format!("{{\"error\": \"{e}\"}}"))
}

/// Writes the feed to `out` as JSON or as plain text; a reader that stops early is no error.
pub fn write(feed: &Feed, as_json: bool, out: &mut impl std::io::Write) -> std::io::Result<()> {
    let text = if as_json { json(feed) } else { plain(feed) };
    match writeln!(out, "{text}").and_then(|()| out.flush()) {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
        r => r,
    }
}

/// The entries as plain text, one block each.
pub fn plain(feed: &Feed) -> String {
    let mut out = String::new();
    if let Some(t) = &feed.title {
        let _ = writeln!(out, "{t}\n");
    }
    for e in &feed.entries {
        let line: Vec<&str> =
            [e.title.as_deref(), e.published.as_deref(), e.link.as_deref()].into_iter().flatten().collect();
        let _ = writeln!(out, "{}", line.join(" · "));
        if let Some(s) = &e.summary {
            let _ = writeln!(out, "{s}");
        }
        out.push('\n');
    }
    out.trim_end().to_string()
}

/// The feed as a Markdown text for the reader: the feed's title, then a section per entry
/// headed by its title and date, a line with its source and a link to the article, then its
/// content (or summary).
pub fn markdown(feed: &Feed) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", escape(feed.title.as_deref().unwrap_or("Feed")));
    for (i, e) in feed.entries.iter().enumerate() {
        let title = e.title.clone().unwrap_or_else(|| format!("Entry {}", i + 1));
        let date = e.published.as_deref().map(|d| d.get(..10).unwrap_or(d));
        match date {
            Some(d) => _ = writeln!(out, "## {} · {d}\n", escape(&title)),
            None => _ = writeln!(out, "## {}\n", escape(&title)),
        }
        let host = e.link.as_deref().and_then(|l| url::Url::parse(l).ok()?.host_str().map(str::to_string));
        let about: Vec<String> =
            [e.source.as_deref().map(escape), host.as_deref().map(escape)].into_iter().flatten().collect();
        match &e.link {
            Some(link) if about.is_empty() => _ = writeln!(out, "[Read the article]({link})\n"),
            Some(link) => _ = writeln!(out, "{} · [read the article]({link})\n", about.join(" · ")),
            None if !about.is_empty() => _ = writeln!(out, "{}\n", about.join(" · ")),
            None => {}
        }
        let body: Vec<&str> = if e.content.is_empty() {
            e.summary.iter().map(String::as_str).collect()
        } else {
            e.content.iter().map(String::as_str).collect()
        };
        for p in body {
            let _ = writeln!(out, "{}\n", escape(p));
        }
    }
    out
}

/// Text that Markdown reads back as itself: every ASCII punctuation mark escaped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 8);
    for c in s.chars() {
        if c.is_ascii_punctuation() {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const RSS: &str = r#"<?xml version="1.0"?>
<rss version="2.0"><channel><title>The Courier</title><link>https://courier.example/</link>
<item><title>Quay library opens</title><link>https://courier.example/quay</link>
<pubDate>Tue, 01 Dec 2026 09:30:00 GMT</pubDate>
<description>&lt;p&gt;The library opened on the &lt;b&gt;quay&lt;/b&gt;.&lt;/p&gt;&lt;script&gt;x()&lt;/script&gt;</description></item>
<item><title>Second *story*</title><link>javascript:alert(1)</link><description>Plain words.</description></item>
</channel></rss>"#;

    #[test]
    fn rss_entries_are_read_and_cleaned() {
        assert!(sniff(RSS.as_bytes()));
        let feed = parse(RSS.as_bytes(), None).expect("feed");
        assert_eq!(feed.title.as_deref(), Some("The Courier"));
        assert_eq!(feed.entries.len(), 2);
        let first = &feed.entries[0];
        assert_eq!(first.link.as_deref(), Some("https://courier.example/quay"));
        assert_eq!(first.published.as_deref(), Some("2026-12-01T09:30:00Z"));
        assert_eq!(first.summary.as_deref(), Some("The library opened on the quay."));
        assert_eq!(feed.entries[1].link, None, "a javascript: link is dropped");
    }

    #[test]
    fn the_markdown_reads_back_as_one_section_per_entry() {
        let feed = parse(RSS.as_bytes(), None).expect("feed");
        let doc = crate::read_as(markdown(&feed).as_bytes(), crate::Format::Markdown).expect("doc");
        assert_eq!(doc.title.as_ref().map(|t| t.text.as_str()), Some("The Courier"));
        let headings: Vec<&str> =
            doc.sections.iter().filter_map(|s| s.heading.as_ref()).map(|h| h.text.as_str()).collect();
        assert_eq!(headings, ["Quay library opens · 2026-12-01", "Second *story*"]);
        assert!(doc.links.iter().any(|l| l.href == "https://courier.example/quay"));
    }

    #[test]
    fn only_feeds_sniff_as_feeds() {
        assert!(sniff(b"<?xml version='1.0'?><!-- c --><feed xmlns='http://www.w3.org/2005/Atom'>"));
        assert!(sniff(br#"{"version": "https://jsonfeed.org/version/1.1", "items": []}"#));
        assert!(!sniff(b"<!doctype html><html>"));
        assert!(!sniff(b"{\"a\": 1}"));
        assert!(!sniff(b"<feedback>"));
        assert!(!sniff(b"plain text"));
    }
}
