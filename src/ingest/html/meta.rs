//! What the page says about itself: headline, site name, breadcrumbs, base address, author
//! and date.

use super::content::Analysis;
use super::dom::{Dom, NodeId, NodeKind};
use crate::ingest::byline::iso_date;

/// Where the headline comes from.
#[derive(Debug, Clone, PartialEq)]
pub enum Title {
    /// The text of this element (an `h1`).
    Element(NodeId),
    /// The `<title>` element, of which only this text is the headline (site name cut off).
    Head(NodeId, String),
}

/// The page's own statements about itself.
#[derive(Debug, Clone, Default)]
pub struct Meta {
    /// Where the headline is.
    pub title: Option<Title>,
    /// `og:site_name` or the site part of `<title>`.
    pub source: Option<String>,
    /// The breadcrumb trail's container.
    pub breadcrumbs: Option<NodeId>,
    /// Breadcrumbs stated only in linked data (JSON-LD).
    pub linked_crumbs: Vec<String>,
    /// The page's own address (canonical link or `og:url`), for resolving relative links.
    pub base: Option<String>,
    /// The author or authors, from linked data, meta tags or a `rel=author` link.
    pub byline: Option<String>,
    /// The publication date, ISO 8601, from linked data, meta tags or a `<time>`.
    pub published: Option<String>,
}

/// Meta tags that name the author, best first.
const AUTHOR_KEYS: &[&str] =
    &["author", "article:author", "byl", "parsely-author", "sailthru.author", "dc.creator"];

/// Meta tags that give the publication date, best first.
const DATE_KEYS: &[&str] = &[
    "article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "date",
    "dc.date.issued",
    "dc.date",
    "sailthru.date",
    "parsely-pub-date",
];

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " » ", " · ", " // "];

/// Collapsed text of a subtree.
pub fn text_of(dom: &Dom, id: NodeId) -> String {
    let mut s = String::new();
    for d in dom.descendants(id) {
        if let NodeKind::Text(t) = dom.nodes[d].kind {
            s.push_str(&dom.texts[t].text);
        }
    }
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn norm(s: &str) -> String {
    s.chars().filter(|c| c.is_alphanumeric()).flat_map(char::to_lowercase).collect()
}

/// Reads the page's metadata.
pub fn read(dom: &Dom, a: &Analysis) -> Meta {
    let mut meta = Meta::default();
    let mut og_title = None;
    let mut head_title = None;
    let mut h1s = Vec::new();
    let mut app_name: Option<String> = None;
    // Candidates by the rank of their key.
    let mut authors: Vec<(usize, String)> = Vec::new();
    let mut dates: Vec<(usize, String)> = Vec::new();
    let mut rel_author = None;
    let mut time = None;
    for id in 0..dom.nodes.len() {
        let Some(e) = dom.element(id) else { continue };
        match e.name.as_str() {
            "meta" => {
                let key = e
                    .attr("property")
                    .or(e.attr("name"))
                    .or(e.attr("itemprop"))
                    .unwrap_or("")
                    .to_ascii_lowercase();
                let content = e.attr("content").map(|c| c.split_whitespace().collect::<Vec<_>>().join(" "));
                if let Some(c) = content.as_deref().filter(|c| !c.is_empty()) {
                    if let Some(rank) = AUTHOR_KEYS.iter().position(|k| *k == key)
                        && !c.contains("://")
                    {
                        authors.push((rank, c.trim_start_matches("By ").to_string()));
                    }
                    if let Some(rank) = DATE_KEYS.iter().position(|k| *k == key)
                        && let Some(d) = iso_date(c)
                    {
                        dates.push((rank, d));
                    }
                }
                match (key.as_str(), content) {
                    ("og:title" | "twitter:title", Some(c)) if !c.is_empty() && og_title.is_none() => {
                        og_title = Some(c)
                    }
                    ("og:site_name", Some(c)) if !c.is_empty() && meta.source.is_none() => {
                        meta.source = Some(c)
                    }
                    ("application-name", Some(c)) if !c.is_empty() && app_name.is_none() => {
                        app_name = Some(c)
                    }
                    ("og:url", Some(c)) if meta.base.is_none() => meta.base = Some(c),
                    _ => {}
                }
            }
            "link" if e.attr("rel").is_some_and(|r| r.eq_ignore_ascii_case("canonical")) => {
                if let Some(h) = e.attr("href") {
                    meta.base = Some(h.trim().to_string());
                }
            }
            "title" if head_title.is_none() => head_title = Some(id),
            "a" | "link"
                if rel_author.is_none()
                    && !a.dropped[id]
                    && e.attr("rel")
                        .is_some_and(|r| r.split_whitespace().any(|r| r.eq_ignore_ascii_case("author"))) =>
            {
                rel_author =
                    Some(text_of(dom, id)).filter(|t| !t.is_empty() && t.split_whitespace().count() <= 6);
            }
            "time" if time.is_none() && !a.dropped[id] => {
                time = e.attr("datetime").and_then(iso_date).or_else(|| iso_date(&text_of(dom, id)));
            }
            "script" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                let json: String = text_of_raw(dom, id);
                if let Ok(value) = serde_json::from_str::<serde_json::Value>(&json) {
                    linked_data(&value, &mut meta, 0);
                }
            }
            "h1" if !a.dropped[id] => h1s.push(id),
            _ => {}
        }
        // A trail is short; a class like "url-breadcrumb" on the whole article is not one.
        if meta.breadcrumbs.is_none() && !a.dropped[id] && a.text_len[id] < 300 && is_breadcrumb(e) {
            meta.breadcrumbs = Some(id);
        }
    }
    authors.sort_by_key(|(rank, _)| *rank);
    dates.sort_by_key(|(rank, _)| *rank);
    meta.byline = meta.byline.take().or(authors.into_iter().next().map(|(_, a)| a)).or(rel_author);
    meta.published = meta.published.take().or(dates.into_iter().next().map(|(_, d)| d)).or(time);
    let head_text = head_title.map(|id| text_of(dom, id)).unwrap_or_default();
    // Some pages put their headline in application-name: only a name unlike the title counts.
    if meta.source.is_none() {
        meta.source = app_name.filter(|n| !head_text.contains(n.as_str()) || n.len() * 2 < head_text.len());
    }
    let wanted = og_title.clone().unwrap_or_else(|| strip_site(&head_text, meta.source.as_deref()).0);
    let w = norm(&wanted);
    let h1 = h1s.iter().copied().find(|&h| {
        let t = norm(&text_of(dom, h));
        !t.is_empty()
            && !w.is_empty()
            && (t == w || w.contains(&t) && t.len() * 2 > w.len() || t.contains(&w))
    });
    if meta.source.is_none() {
        meta.source = strip_site(&head_text, None).1;
    }
    meta.title = if let Some(h) = h1 {
        Some(Title::Element(h))
    } else if let Some(id) = head_title.filter(|_| !head_text.is_empty()) {
        Some(Title::Head(id, strip_site(&head_text, meta.source.as_deref()).0))
    } else {
        h1s.iter()
            .copied()
            .find(|&h| a.furniture[h].is_none() && !text_of(dom, h).is_empty())
            .map(Title::Element)
    };
    meta
}

/// The text of an element as written (a script's content).
fn text_of_raw(dom: &Dom, id: NodeId) -> String {
    dom.nodes[id]
        .children
        .iter()
        .filter_map(|&c| match dom.nodes[c].kind {
            NodeKind::Text(t) => Some(dom.texts[t].text.as_str()),
            _ => None,
        })
        .collect()
}

/// Reads schema.org linked data: the publisher's name and a BreadcrumbList's item names.
fn linked_data(v: &serde_json::Value, meta: &mut Meta, depth: usize) {
    use serde_json::Value;
    if depth > 8 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| linked_data(i, meta, depth + 1)),
        Value::Object(o) => {
            if meta.source.is_none()
                && let Some(name) = o.get("publisher").and_then(|p| p.get("name")).and_then(Value::as_str)
                && !name.trim().is_empty()
            {
                meta.source = Some(name.split_whitespace().collect::<Vec<_>>().join(" "));
            }
            let is_article = o.get("@type").is_some_and(|t| {
                let names = |t: &str| t.ends_with("Article") || t.ends_with("Posting") || t == "Report";
                t.as_str().is_some_and(names)
                    || t.as_array().is_some_and(|a| a.iter().filter_map(Value::as_str).any(names))
            });
            if is_article {
                if meta.byline.is_none() {
                    meta.byline = o.get("author").and_then(author_names);
                }
                if meta.published.is_none() {
                    meta.published = o.get("datePublished").and_then(Value::as_str).and_then(iso_date);
                }
            }
            let is_trail = o.get("@type").and_then(Value::as_str) == Some("BreadcrumbList");
            if is_trail
                && meta.linked_crumbs.is_empty()
                && let Some(Value::Array(items)) = o.get("itemListElement")
            {
                meta.linked_crumbs = items
                    .iter()
                    .filter_map(|i| i.get("name").or_else(|| i.get("item").and_then(|it| it.get("name"))))
                    .filter_map(Value::as_str)
                    .map(|s| s.split_whitespace().collect::<Vec<_>>().join(" "))
                    .filter(|s| !s.is_empty())
                    .collect();
            }
            if let Some(g) = o.get("@graph") {
                linked_data(g, meta, depth + 1);
            }
        }
        _ => {}
    }
}

/// The names of linked data's `author`: a string, a person or organisation, or a list of them.
fn author_names(v: &serde_json::Value) -> Option<String> {
    use serde_json::Value;
    let name = |v: &Value| match v {
        Value::String(s) => Some(s.clone()),
        Value::Object(o) => o.get("name").and_then(Value::as_str).map(str::to_string),
        _ => None,
    };
    let names: Vec<String> = match v {
        Value::Array(items) => items.iter().filter_map(name).collect(),
        v => name(v).into_iter().collect(),
    };
    let names: Vec<String> = names
        .iter()
        .map(|n| n.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|n| !n.is_empty() && !n.contains("://"))
        .collect();
    (!names.is_empty()).then(|| names.join(", "))
}

fn is_breadcrumb(e: &super::dom::Element) -> bool {
    let has = |k: &str| e.attr(k).is_some_and(|v| v.to_ascii_lowercase().contains("breadcrumb"));
    has("itemtype") || has("class") || has("id") || has("aria-label") || has("typeof")
}

/// Splits "Headline | Site" into the headline and the site name, keeping the longer side
/// as the headline unless the site name is known.
pub fn strip_site(title: &str, site: Option<&str>) -> (String, Option<String>) {
    for sep in SEPARATORS {
        let Some(i) = title.rfind(sep) else { continue };
        let (left, right) = (title[..i].trim(), title[i + sep.len()..].trim());
        if left.is_empty() || right.is_empty() {
            continue;
        }
        let site_is_right = match site {
            Some(s) => norm(right) == norm(s) || norm(left) != norm(s),
            None => right.split_whitespace().count() <= left.split_whitespace().count(),
        };
        return if site_is_right {
            (left.to_string(), Some(right.to_string()))
        } else {
            (right.to_string(), Some(left.to_string()))
        };
    }
    (title.trim().to_string(), None)
}

/// The crumbs of a breadcrumb trail: its list items, else its links, else its text split at
/// the usual separators.
pub fn crumbs(dom: &Dom, id: NodeId) -> Vec<String> {
    let tidy = |s: String| s.trim_matches(|c: char| c.is_whitespace() || "›>»/|•·".contains(c)).to_string();
    for tag in ["li", "a"] {
        let items: Vec<String> = dom
            .descendants(id)
            .into_iter()
            .filter(|&d| dom.name(d) == tag)
            .map(|d| tidy(text_of(dom, d)))
            .filter(|s| !s.is_empty())
            .collect();
        if !items.is_empty() {
            return items;
        }
    }
    text_of(dom, id)
        .split(['›', '>', '»', '/', '|'])
        .map(|s| s.trim().to_string())
        .filter(|s| !s.is_empty())
        .collect()
}

/// An absolute http, https or mailto address for an href, or nothing.
pub fn resolve(href: &str, base: Option<&str>) -> Option<String> {
    let href: String = href.chars().filter(|c| !c.is_control() && !c.is_whitespace()).collect();
    let lower = href.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("mailto:") {
        return Some(href);
    }
    if href.starts_with("//") {
        return Some(format!("https:{href}"));
    }
    let base = base?;
    if href.is_empty() || href.starts_with('#') {
        return None;
    }
    // An absolute base resolves by the URL standard (`../`, `?query`); any other scheme the
    // href names (javascript:, data:, file:) is never followed.
    if let Ok(base) = url::Url::parse(base) {
        return base.join(&href).ok().filter(|u| matches!(u.scheme(), "http" | "https")).map(String::from);
    }
    let scheme_end = base.find("://")? + 3;
    let origin_end = base[scheme_end..].find('/').map_or(base.len(), |i| scheme_end + i);
    if href.starts_with('/') {
        return Some(format!("{}{href}", &base[..origin_end]));
    }
    if href.is_empty() || href.starts_with('#') || href.contains(':') {
        return None;
    }
    let dir_end = base.rfind('/').filter(|&i| i >= origin_end).map_or(base.len(), |i| i + 1);
    let dir = &base[..dir_end];
    Some(if dir.ends_with('/') { format!("{dir}{href}") } else { format!("{dir}/{href}") })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn site_names_are_cut_from_titles() {
        assert_eq!(strip_site("A Long Headline Here | Site", None).0, "A Long Headline Here");
        assert_eq!(strip_site("Site - A Long Headline Here", Some("Site")).0, "A Long Headline Here");
        assert_eq!(strip_site("Plain title", None), ("Plain title".to_string(), None));
    }

    #[test]
    fn links_resolve_or_are_refused() {
        let base = Some("https://example.org/news/story.html");
        assert_eq!(resolve("/a/b", base).as_deref(), Some("https://example.org/a/b"));
        assert_eq!(resolve("c.html", base).as_deref(), Some("https://example.org/news/c.html"));
        assert_eq!(resolve("javascript:alert(1)", base), None);
        assert_eq!(resolve("../up.html?x=1", base).as_deref(), Some("https://example.org/up.html?x=1"));
        assert_eq!(resolve("data:text/html,x", base), None);
        assert_eq!(resolve("#top", base), None);
        assert_eq!(resolve("mailto:x@y.z", None).as_deref(), Some("mailto:x@y.z"));
        assert_eq!(resolve("http://a\u{1b}b", None).as_deref(), Some("http://ab"));
    }
}
