//! What the command line prints about itself: shell completions (clap_complete) and the man
//! page (clap_mangen), both generated from the binary's own argument definitions.

use clap::Command;
use std::io::Write;

/// Completions of `cmd` for `shell`.
pub fn completions(
    mut cmd: Command,
    shell: clap_complete::Shell,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    let name = cmd.get_name().to_string();
    clap_complete::generate(shell, &mut cmd, name, out);
    out.flush()
}

/// The man page of `cmd`, with a section on the reader's keys and config file.
pub fn man(cmd: Command, out: &mut dyn Write) -> std::io::Result<()> {
    let cmd = cmd.after_long_help(READER);
    clap_mangen::Man::new(cmd).render(out)?;
    out.flush()
}

/// The man page's words on the reader, beyond the options.
const READER: &str = "In a terminal, folio opens the reader: a section list, the text and a sidebar of \
entities. Press ? or F1 there for every key. Settings are read from $XDG_CONFIG_HOME/folio/config.toml \
(or --config FILE): keymap = \"default\" | \"less\" | \"vim\", theme = \"dark\" | \"light\" | \"terminal\", \
width = 80, mouse = true | false, panes = [\"sections\", \"reading\", \"sidebar\"], and a [keys] table of \
per-action keys such as quit = [\"q\", \"x\"]. Reading positions are kept in $XDG_STATE_HOME/folio.";
