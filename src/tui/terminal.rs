//! The terminal's modes: entered once, and restored on every way out (quit, error, panic,
//! SIGTERM, SIGHUP, SIGINT) and around a Ctrl-Z suspension.
//!
//! Signals are taken on their own thread (signal-hook's `Signals`), not by a flag that the
//! event loop checks: when the terminal goes away crossterm's reader can spin on end of file
//! without returning, and the flag would never be read.

use ratatui::crossterm::cursor::Show;
use ratatui::crossterm::event::{DisableMouseCapture, EnableMouseCapture};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM, SIGTSTP};
use std::io::{Write, stdout};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, MutexGuard};
use std::time::Duration;

/// True while the terminal is in the reader's modes.
static ACTIVE: AtomicBool = AtomicBool::new(false);
/// Held while a frame is written, so a signal never restores the terminal mid-frame.
static WRITING: Mutex<()> = Mutex::new(());

/// Takes the lock that frames and restoration share.
pub fn lock() -> MutexGuard<'static, ()> {
    WRITING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Standard output a whole frame at a time: what a frame writes waits here until ratatui
/// flushes at its end, then leaves in one write (standard output alone writes 1 KiB at a
/// time), so the terminal never shows half a frame and a multiplexer relays it at once. A
/// frame cut short (a panic while drawing) is dropped with the buffer, never written after
/// the terminal has been restored.
#[derive(Debug, Default)]
pub struct FrameOut {
    frame: Vec<u8>,
}

impl Write for FrameOut {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        self.frame.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        let mut out = stdout().lock();
        let written = out.write_all(&self.frame).and_then(|()| out.flush());
        self.frame.clear();
        written
    }
}

/// Raw mode, the alternate screen and, if asked, mouse capture.
pub fn enter(mouse: bool) -> std::io::Result<()> {
    enable_raw_mode()?;
    ACTIVE.store(true, Ordering::SeqCst);
    execute!(stdout(), EnterAlternateScreen)?;
    set_mouse(mouse)
}

/// Turns mouse reporting on or off.
pub fn set_mouse(on: bool) -> std::io::Result<()> {
    if on { execute!(stdout(), EnableMouseCapture) } else { execute!(stdout(), DisableMouseCapture) }
}

/// Puts the terminal back as it was: no mouse reporting, main screen, cursor shown, cooked
/// mode. Safe to call more than once and from any thread.
pub fn restore() {
    if ACTIVE.swap(false, Ordering::SeqCst) {
        let mut out = stdout();
        let _ = execute!(out, DisableMouseCapture, LeaveAlternateScreen, Show);
        let _ = disable_raw_mode();
        let _ = out.flush();
    }
}

/// Restores the terminal when dropped, so `?` and early returns leave it clean.
#[derive(Debug)]
pub struct Guard;

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Restores the terminal before the panic message is printed, so it is readable.
pub fn install_panic_hook() {
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        restore();
        previous(info);
    }));
}

/// On SIGTERM, SIGHUP or SIGINT: run `last_words`, restore the terminal, exit 128 + signal.
pub fn handle_signals(last_words: fn()) -> std::io::Result<()> {
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new().name("signals".into()).spawn(move || {
        if let Some(sig) = signals.forever().next() {
            // Wait briefly for a frame being written; a terminal that went away may never
            // let it finish, so do not wait for ever.
            let mut guard = None;
            for _ in 0..50 {
                match WRITING.try_lock() {
                    Ok(g) => {
                        guard = Some(g);
                        break;
                    }
                    Err(std::sync::TryLockError::Poisoned(p)) => {
                        guard = Some(p.into_inner());
                        break;
                    }
                    Err(std::sync::TryLockError::WouldBlock) => std::thread::sleep(Duration::from_millis(10)),
                }
            }
            last_words();
            restore();
            // The lock is held to the end: a frame drawn between the restore and the exit
            // would hide the cursor again.
            let _held = guard;
            std::process::exit(128 + sig);
        }
    })?;
    Ok(())
}

/// Clears the whole screen (Ctrl-l), for a terminal that something else wrote over.
pub fn clear_screen() -> std::io::Result<()> {
    execute!(stdout(), ratatui::crossterm::terminal::Clear(ratatui::crossterm::terminal::ClearType::All))
}

/// `v`: leaves the reader's modes, runs `$VISUAL` (or `$EDITOR`, or `vi`) on `path` at the
/// line holding input byte `input` (`+LINE`, which vi, vim, nano, emacs and others read),
/// and enters them again; the caller redraws everything. The editor is run directly,
/// never through a shell; its words are split on spaces (`code --wait`).
pub fn edit(path: &std::path::Path, input: usize, mouse: bool) -> std::io::Result<()> {
    let line = std::fs::read(path).map_or(1, |b| b.iter().take(input).filter(|&&c| c == b'\n').count() + 1);
    let editor = ["VISUAL", "EDITOR"]
        .iter()
        .filter_map(std::env::var_os)
        .map(|v| v.to_string_lossy().into_owned())
        .find(|v| !v.trim().is_empty())
        .unwrap_or_else(|| "vi".to_string());
    let mut words = editor.split_whitespace();
    let program = words.next().unwrap_or("vi");
    restore();
    let status = std::process::Command::new(program).args(words).arg(format!("+{line}")).arg(path).status();
    enter(mouse)?;
    match status {
        Ok(s) if s.success() => Ok(()),
        Ok(s) => Err(std::io::Error::other(format!("{program} exited with {s}"))),
        Err(e) => Err(std::io::Error::new(e.kind(), format!("{program}: {e}"))),
    }
}

/// Ctrl-Z: restore the terminal, stop the process, and when the shell resumes it enter the
/// reader's modes again (the caller redraws everything).
pub fn suspend(mouse: bool) -> std::io::Result<()> {
    restore();
    signal_hook::low_level::raise(SIGTSTP)?;
    enter(mouse)
}

#[cfg(test)]
mod tests {
    use super::FrameOut;
    use std::io::Write;

    #[test]
    fn a_frame_waits_for_its_end() {
        let mut out = FrameOut::default();
        write!(out, "\x1b[1;1Hhalf a frame").expect("buffered");
        assert_eq!(out.frame.len(), 18, "nothing leaves before the flush");
    }
}
