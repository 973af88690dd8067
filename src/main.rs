//! The folio command: arguments, I/O and exit codes; everything else is in the library.

use clap::{CommandFactory, Parser};
use folio::input::Kind;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal reader for articles: sections, people, places and events.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// The article or feed to read: a file, an http(s) address, or `-` for standard input;
    /// the bundled seed article when omitted.
    file: Option<PathBuf>,
    /// Print the document model as JSON instead of opening the reader.
    #[arg(long)]
    json: bool,
    /// Print the cleaned article as Markdown instead of opening the reader.
    #[arg(long, conflicts_with = "json")]
    markdown: bool,
    /// Read the input as text, html or markdown (default: by file extension, then content).
    #[arg(long, value_name = "FORMAT")]
    format: Option<folio::Format>,
    /// Refuse input larger than this many bytes (at most 2 GiB).
    #[arg(long, value_name = "N", default_value_t = folio::input::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Give up on a web page after this many seconds.
    #[arg(long, value_name = "SECS", default_value = "30", value_parser = folio::fetch::parse_timeout)]
    timeout: std::time::Duration,
    /// Read the reader's settings from FILE (default: $XDG_CONFIG_HOME/folio/config.toml).
    #[arg(long, value_name = "FILE")]
    config: Option<PathBuf>,
    /// Print shell completions for bash, zsh, fish, elvish or powershell, and exit.
    #[arg(long, value_name = "SHELL")]
    completions: Option<clap_complete::Shell>,
    /// Print the man page (roff), and exit.
    #[arg(long)]
    man: bool,
}

fn main() -> ExitCode {
    let Err(e) = run(&Args::parse()) else { return ExitCode::SUCCESS };
    let _ = writeln!(std::io::stderr(), "folio: {}", folio::ingest::sanitize::scrub(&format!("{e:#}")));
    ExitCode::FAILURE
}

fn run(args: &Args) -> anyhow::Result<()> {
    if let Some(shell) = args.completions {
        return Ok(folio::cli::completions(Args::command(), shell, &mut std::io::stdout())?);
    }
    if args.man {
        return Ok(folio::cli::man(Args::command(), &mut std::io::stdout())?);
    }
    let fetching =
        folio::fetch::Options { timeout: args.timeout, max_bytes: args.max_bytes, ..Default::default() };
    let path = args.file.clone().filter(|f| f.is_file());
    let mut opts = folio::tui::Options { path, config: args.config.clone(), fetching, ..Default::default() };
    // Standard output is locked only to print: the reader's signal thread writes to it.
    let reader = !args.json && !args.markdown && std::io::stdout().is_terminal();
    let output = match (args.json, args.markdown) {
        (true, _) => folio::export::Output::Json,
        (_, true) => folio::export::Output::Markdown,
        _ => folio::export::Output::Plain,
    };
    let url = args.file.as_ref().and_then(|f| f.to_str()).filter(|f| folio::fetch::is_url(f));
    if let Some(url) = url.filter(|_| reader && args.format.is_none()) {
        // The reader opens at once and says how much of the page has come.
        opts.open = Some(url.to_string());
        return folio::tui::run(Vec::new(), &folio::ingest::sanitize::scrub(url), folio::Format::Text, &opts);
    }
    let source = folio::input::choose(args.file.as_deref(), &opts.fetching)?;
    opts.url = source.web.as_ref().map(|w| w.url.clone());
    let out = || std::io::stdout().lock();
    match source.kind(args.format)? {
        Kind::Feed(feed) if reader => {
            opts.entries = Some(feed.entries.iter().map(|e| e.link.clone()).collect());
            folio::tui::run(folio::feed::markdown(&feed).into(), &source.name, folio::Format::Markdown, &opts)
        }
        Kind::Feed(feed) => Ok(folio::feed::write(&feed, args.json, &mut out())?),
        Kind::Page(format) if reader => folio::tui::run(source.bytes, &source.name, format, &opts),
        Kind::Page(format) => {
            // Only the JSON holds the entities, and it is written while they are extracted.
            let (doc, text) = if args.json {
                source.read_json(format, false)?
            } else {
                let doc = source.structure(format, false)?;
                let text = folio::export::render(&doc, output);
                (doc, text)
            };
            folio::export::write(&doc, &text, output, &mut out())?;
            // The process ends here, and its memory goes back to the system whole: a long
            // book's document is hundreds of thousands of blocks, not worth freeing one by one.
            std::mem::forget(doc);
            Ok(())
        }
    }
}
