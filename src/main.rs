//! The folio command: arguments, I/O and exit codes; everything else is in the library.

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

/// A terminal reader for articles: sections, people, places and events.
#[derive(Parser, Debug)]
#[command(version, about)]
struct Args {
    /// The article to read (`-` for standard input); the bundled seed article when omitted.
    file: Option<PathBuf>,
    /// Print the document model as JSON instead of opening the reader.
    #[arg(long)]
    json: bool,
    /// Read the input as text, html or markdown (default: by file extension, then content).
    #[arg(long, value_name = "FORMAT")]
    format: Option<folio::Format>,
    /// Refuse input larger than this many bytes (at most 2 GiB).
    #[arg(long, value_name = "N", default_value_t = folio::input::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
}

fn main() -> ExitCode {
    let Err(e) = run(&Args::parse()) else { return ExitCode::SUCCESS };
    let _ = writeln!(std::io::stderr(), "folio: {}", folio::ingest::sanitize::scrub(&format!("{e:#}")));
    ExitCode::FAILURE
}

fn run(args: &Args) -> anyhow::Result<()> {
    let source = folio::input::choose(args.file.as_deref(), args.max_bytes)?;
    let format = args.format.unwrap_or_else(|| folio::Format::detect(args.file.as_deref(), &source.bytes));
    let mut out = std::io::stdout().lock();
    if !args.json && out.is_terminal() {
        drop(out);
        return folio::tui::run(source.bytes, &source.name, format);
    }
    let doc = folio::read_as(&source.bytes, format).map_err(|e| anyhow::anyhow!("{}: {e}", source.name))?;
    Ok(folio::export::write(&doc, args.json, &mut out)?)
}
