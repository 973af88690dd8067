//! Handing a web address to the system's opener: `$BROWSER`, else `xdg-open`, else `open`.
//!
//! No shell ever sees the address: the program runs with it as one argument. The reader
//! does not wait for it (a thread reaps it, so it leaves no zombie), its standard streams
//! are closed and it runs in a process group of its own, so it never writes over the screen
//! or takes the reader's keys.

use std::process::{Command, Stdio};

/// Whether folio hands `url` on: http and https only (no `file:`, no `javascript:`, and
/// nothing that a program could read as an option).
pub fn is_web(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    (lower.starts_with("http://") || lower.starts_with("https://")) && !url.chars().any(char::is_control)
}

/// The commands to try for `url`, in order: each entry of `browser` (the `$BROWSER`
/// convention: commands separated by `:`, words by spaces, `%s` standing for the address,
/// which otherwise comes last), then `xdg-open`, then `open`.
pub fn commands(url: &str, browser: Option<&str>) -> Vec<Vec<String>> {
    let mut out: Vec<Vec<String>> = Vec::new();
    for entry in browser.unwrap_or("").split(':') {
        let mut words: Vec<String> = entry.split_whitespace().map(str::to_string).collect();
        if words.is_empty() {
            continue;
        }
        if words.iter().any(|w| w.contains("%s")) {
            for w in &mut words {
                *w = w.replace("%s", url);
            }
        } else {
            words.push(url.to_string());
        }
        out.push(words);
    }
    out.push(vec!["xdg-open".to_string(), url.to_string()]);
    out.push(vec!["open".to_string(), url.to_string()]);
    out
}

/// Opens `url` with the first of [`commands`] that starts, without waiting for it.
pub fn open(url: &str) -> Result<(), String> {
    if !is_web(url) {
        return Err(format!("only web links are opened: {url}"));
    }
    let browser = std::env::var("BROWSER").ok();
    for words in commands(url, browser.as_deref()) {
        if spawn(&words).is_ok() {
            return Ok(());
        }
    }
    Err("no program to open links with: set BROWSER".to_string())
}

/// Starts a program with its arguments, standard streams closed, and leaves a thread to
/// reap it.
pub fn spawn(words: &[String]) -> std::io::Result<()> {
    let (program, args) = words.split_first().ok_or(std::io::ErrorKind::InvalidInput)?;
    let mut command = Command::new(program);
    command.args(args).stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null());
    #[cfg(unix)]
    std::os::unix::process::CommandExt::process_group(&mut command, 0);
    let mut child = command.spawn()?;
    std::thread::Builder::new().name("opener".into()).spawn(move || child.wait())?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_web_addresses_are_handed_on() {
        assert!(is_web("https://example.org/a?b=c"));
        assert!(is_web("HTTP://example.org"));
        for bad in
            ["file:///etc/passwd", "javascript:alert(1)", "mailto:a@b.c", "-oProxyCommand=x", "http://a\nb"]
        {
            assert!(!is_web(bad), "{bad}");
        }
        assert!(open("file:///etc/passwd").is_err());
    }

    #[test]
    fn browser_follows_the_convention_and_the_address_stays_one_argument() {
        let url = "https://example.org/a b;rm -rf ~";
        assert_eq!(commands(url, None), [vec!["xdg-open", url], vec!["open", url]]);
        let got = commands(url, Some("firefox --new-tab:lynx -dump %s"));
        assert_eq!(got[0], ["firefox", "--new-tab", url]);
        assert_eq!(got[1], ["lynx", "-dump", url]);
        assert_eq!(got.len(), 4);
        assert_eq!(commands(url, Some(" : ")).len(), 2);
    }

    #[test]
    fn a_program_is_started_without_waiting_and_a_missing_one_is_an_error() {
        assert!(spawn(&["true".to_string()]).is_ok());
        assert!(spawn(&["/nonexistent/folio-opener".to_string()]).is_err());
        assert!(spawn(&[]).is_err());
    }
}
