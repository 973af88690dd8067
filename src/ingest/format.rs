//! Which reader an input goes to: plain text, HTML or Markdown, by the server's media type,
//! by name or by content. Every caller asks here ([`Format::detect`],
//! [`Format::detect_served`]); a format the user names outranks them all.

use std::path::Path;

/// The kind of input.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    /// Scraped or plain article text.
    #[default]
    Text,
    /// A web page.
    Html,
    /// A Markdown document.
    Markdown,
}

impl Format {
    /// The format a file extension names, if any.
    pub fn from_extension(ext: &str) -> Option<Format> {
        match ext.to_ascii_lowercase().as_str() {
            "html" | "htm" | "xhtml" | "shtml" => Some(Format::Html),
            "md" | "markdown" | "mdown" | "mkd" => Some(Format::Markdown),
            "txt" | "text" => Some(Format::Text),
            _ => None,
        }
    }

    /// The format of a file by its name, else by its content.
    pub fn detect(name: Option<&Path>, bytes: &[u8]) -> Format {
        Format::detect_served(None, name, bytes)
    }

    /// The format of an input a server sent as `media` (its `Content-Type` without
    /// parameters): HTML and Markdown types are believed; `text/plain`, or no useful type,
    /// leaves it to the name and then the content, except that a page served as plain text
    /// is never read as HTML (the server says it is to be shown as written).
    pub fn detect_served(media: Option<&str>, name: Option<&Path>, bytes: &[u8]) -> Format {
        let by_name = || name?.extension()?.to_str().and_then(Format::from_extension);
        match media {
            Some("text/html" | "application/xhtml+xml") => Format::Html,
            Some("text/markdown" | "text/x-markdown") => Format::Markdown,
            Some("text/plain") => by_name().unwrap_or(match Format::sniff(bytes) {
                Format::Html => Format::Text,
                other => other,
            }),
            _ => by_name().unwrap_or_else(|| Format::sniff(bytes)),
        }
    }

    /// The format the content itself shows: a doctype or `<html>` near the start makes HTML,
    /// Markdown headings, fences or front matter make Markdown, anything else is text.
    pub fn sniff(bytes: &[u8]) -> Format {
        let head = &bytes[..bytes.len().min(1024)];
        let text = String::from_utf8_lossy(head);
        let lead = text.trim_start_matches(['\u{feff}', ' ', '\t', '\r', '\n']).to_ascii_lowercase();
        if lead.starts_with("<!doctype html")
            || lead.starts_with("<html")
            || lead.starts_with("<?xml") && lead.contains("<html")
            || lead.starts_with("<!--") && lead.contains("<html")
            || lead.starts_with("<head")
            || lead.starts_with("<meta")
        {
            return Format::Html;
        }
        // A fragment: starts with a tag and closes a few common ones.
        let closers = ["</p>", "</div>", "</a>", "</li>", "</h1>", "</h2>", "</span>", "</section>"];
        if lead.starts_with('<') && closers.iter().map(|c| lead.matches(c).count()).sum::<usize>() >= 2 {
            return Format::Html;
        }
        if lead.starts_with("---\n") || lead.starts_with("---\r\n") {
            return Format::Markdown;
        }
        let markdown_lines = text
            .lines()
            .filter(|l| {
                let t = l.trim_start();
                (t.starts_with('#') && t.trim_start_matches('#').starts_with(' '))
                    || t.starts_with("```")
                    || t.starts_with("* ") && l.starts_with('*')
            })
            .count();
        if markdown_lines > 0 { Format::Markdown } else { Format::Text }
    }
}

impl std::str::FromStr for Format {
    type Err = String;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.to_ascii_lowercase().as_str() {
            "text" | "txt" | "plain" => Ok(Format::Text),
            "html" | "htm" => Ok(Format::Html),
            "markdown" | "md" => Ok(Format::Markdown),
            other => Err(format!("unknown format {other:?} (text, html or markdown)")),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn extension_then_content() {
        assert_eq!(Format::detect(Some(Path::new("a.HTM")), b"plain"), Format::Html);
        assert_eq!(Format::detect(Some(Path::new("notes.md")), b"plain"), Format::Markdown);
        assert_eq!(Format::detect(Some(Path::new("a.txt")), b"<!doctype html>"), Format::Text);
        assert_eq!(Format::detect(None, b"  <!DOCTYPE html><p>x"), Format::Html);
        assert_eq!(Format::detect(None, b"<html lang=en>"), Format::Html);
        assert_eq!(Format::detect(None, b"---\ntitle: x\n---\nbody"), Format::Markdown);
        assert_eq!(Format::detect(None, b"Intro\n\n## Section\n\ntext"), Format::Markdown);
        assert_eq!(Format::detect(None, b"A Headline\n\nSome text.\n"), Format::Text);
        assert_eq!(Format::detect(None, b"<p>One <a href=x>link</a>.</p>\n<p>Two.</p>"), Format::Html);
        assert_eq!(Format::detect(None, b"<3 is a heart, not a tag"), Format::Text);
        assert_eq!(Format::detect(Some(Path::new("stdin")), b"<html>"), Format::Html);
    }

    #[test]
    fn the_servers_type_then_name_then_content() {
        let served =
            |media, name: &str, bytes| Format::detect_served(Some(media), Some(Path::new(name)), bytes);
        assert_eq!(served("text/html", "/notes.md", b"# x"), Format::Html);
        assert_eq!(served("text/markdown", "/a", b"<html>"), Format::Markdown);
        assert_eq!(served("text/plain", "/notes.md", b"plain"), Format::Markdown);
        assert_eq!(served("text/plain", "/a", b"<!doctype html><p>x"), Format::Text);
        assert_eq!(served("text/plain", "/a", b"## Heading\n\ntext"), Format::Markdown);
        assert_eq!(served("application/octet-stream", "/a.htm", b"x"), Format::Html);
        assert_eq!(served("application/octet-stream", "/a", b"<html>"), Format::Html);
    }
}
