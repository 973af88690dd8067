//! The saved reading position survives a process killed while writing it: the file is
//! always the old position or the new one, never half of one (written to a temporary file,
//! synced, renamed).
//!
//! The writer is this test binary itself, started again with an environment variable that
//! makes it save positions in a loop until it is killed.

use folio::tui::state::{Position, Store};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::Duration;

const WRITER: &str = "FOLIO_TEST_STATE_WRITER";

fn store(dir: &std::path::Path) -> Store {
    Store::in_dir(dir, b"the document whose position is saved")
}

/// In the child: save position after position, numbered on from the saved one, for ever.
#[test]
#[ignore = "the writing half of killing_the_writer_mid_write_leaves_a_whole_position, started by it"]
fn writer() {
    let dir =
        std::env::var_os(WRITER).expect("started by killing_the_writer_mid_write_leaves_a_whole_position");
    let store = store(&PathBuf::from(dir));
    let from = store.load().ok().flatten().map_or(0, |p| p.section);
    for i in from + 1.. {
        let _ = store.save(Position { input: i * 1000, section: i, ..Position::default() });
    }
}

#[test]
fn killing_the_writer_mid_write_leaves_a_whole_position() {
    let dir = std::env::temp_dir().join(format!("folio-state-kill-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let store = store(&dir);
    store.save(Position::default()).expect("the first position");
    let me = std::env::current_exe().expect("test binary");
    let mut last = 0;
    for round in 0..12u64 {
        let mut child = Command::new(&me)
            .args(["--exact", "writer", "--ignored", "--nocapture", "--test-threads=1"])
            .env(WRITER, &dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("the writer starts");
        // Wait until it is writing (a loaded machine may take a while to start it), then
        // kill it a little later, at a different moment each round.
        let started = std::time::Instant::now();
        while started.elapsed() < Duration::from_secs(20) {
            match store.load() {
                Ok(Some(p)) if p.section > last => break,
                Ok(Some(_)) => {}
                other => panic!("round {round}, while writing: {other:?}"),
            }
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis(3 * round));
        child.kill().expect("SIGKILL");
        let _ = child.wait();
        let pos = store.load();
        let Ok(Some(pos)) = pos else { panic!("round {round}: {pos:?}") };
        assert_eq!(pos.input, pos.section * 1000, "round {round}: a position written whole");
        last = last.max(pos.section);
    }
    assert!(last > 0, "the writer did write");
    let _ = std::fs::remove_dir_all(&dir);
}
