//! The folio command as users meet it: arguments, pipes, errors and exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn folio(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .args(args)
        .stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("folio runs");
    if let Some(input) = stdin {
        let mut pipe = child.stdin.take().expect("stdin");
        pipe.write_all(input).expect("write stdin");
    }
    child.wait_with_output().expect("folio exits")
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn seed_path() -> String {
    format!("{}/seeds/000_8d917ad8edb6566b.txt", env!("CARGO_MANIFEST_DIR"))
}

#[test]
fn help_and_version() {
    let o = folio(&["--help"], None);
    assert!(o.status.success());
    let help = String::from_utf8_lossy(&o.stdout);
    for flag in ["--json", "--max-bytes", "--version"] {
        assert!(help.contains(flag), "help lacks {flag}");
    }
    let o = folio(&["--version"], None);
    assert!(String::from_utf8_lossy(&o.stdout).starts_with("folio "));
}

#[test]
fn json_of_a_file() {
    let o = folio(&["--json", &seed_path()], None);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON on stdout");
    assert!(v["title"].as_str().is_some_and(|t| t.starts_with("Will Miami")));
}

#[test]
fn plain_text_when_piped() {
    let o = folio(&[&seed_path()], None);
    assert!(o.status.success());
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(out.starts_with("Will Miami Talks"));
    assert!(out.contains("\nThe Context of the Ukraine Conflict and Recent Escalations\n"));
    assert!(!out.contains("Privacy Overview"));
    assert!(out.ends_with(".\n") && !out.ends_with("\n\n"), "ends with one line break");
}

#[test]
fn no_file_and_no_pipe_opens_the_seed_when_not_a_terminal() {
    // stdin is /dev/null (not a terminal): it is read as empty input.
    let o = folio(&["--json"], None);
    assert!(o.status.success());
}

#[test]
fn stdin_by_dash_and_by_pipe() {
    let input = b"Piped Headline\n\nA paragraph that came through a pipe into folio.\n";
    for args in [&["--json", "-"][..], &["--json"][..]] {
        let o = folio(args, Some(input));
        assert!(o.status.success(), "{}", stderr(&o));
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
        assert_eq!(v["title"], "Piped Headline");
    }
}

#[test]
fn errors_are_one_line_with_status_1() {
    let dir = env!("CARGO_MANIFEST_DIR");
    let seed = concat!(env!("CARGO_MANIFEST_DIR"), "/seeds/000_8d917ad8edb6566b.txt");
    let cases: &[(&[&str], &str)] = &[
        (&["missing-file.txt"], "no such file"),
        (&[dir], "is a directory"),
        (&["--max-bytes", "100", "/dev/zero"], "larger than 100 bytes"),
        // A regular file is refused by its size, before it is read.
        (&["--json", "--max-bytes", "100", seed], "larger than 100 bytes"),
    ];
    for (args, want) in cases {
        let o = folio(args, None);
        assert_eq!(o.status.code(), Some(1), "{args:?}");
        let err = stderr(&o);
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.starts_with("folio: ") && err.contains(want), "{err}");
        assert!(o.stdout.is_empty());
    }
}

#[test]
fn binary_input_is_refused() {
    let o = folio(&["--json", "-"], Some(b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\0\x10"));
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("binary"));
}

#[test]
fn usage_errors_exit_2() {
    let o = folio(&["--no-such-flag"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn invalid_utf8_is_a_warning_not_an_error() {
    let o = folio(&["-"], Some(b"Caf\xe9 Headline\n\nA body with one bad byte.\n"));
    assert!(o.status.success());
    assert!(stderr(&o).contains("invalid UTF-8 replaced at byte 3"));
    let o = folio(&["--json", "-"], Some(b"Caf\xe9 Headline\n\nA body with one bad byte.\n"));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("JSON");
    assert_eq!(v["warnings"][0], "invalid UTF-8 replaced at byte 3");
}

#[test]
fn a_closed_pipe_is_not_an_error() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_folio"))
        .arg(seed_path())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let o = child.wait_with_output().expect("exits");
    assert!(o.status.success() || o.status.code().is_none(), "{}", stderr(&o));
    assert!(stderr(&o).is_empty());
}

#[test]
fn completions_and_the_man_page_are_printed() {
    for (shell, want) in [("bash", "complete -F"), ("zsh", "#compdef folio"), ("fish", "complete -c folio")] {
        let o = folio(&["--completions", shell], None);
        assert!(o.status.success(), "{shell}: {}", stderr(&o));
        let out = String::from_utf8_lossy(&o.stdout);
        assert!(out.contains(want) && out.contains("json") && out.contains("config"), "{shell}: {out}");
    }
    let o = folio(&["--completions", "tcsh"], None);
    assert_eq!(o.status.code(), Some(2), "an unknown shell is a usage error");
    let o = folio(&["--man"], None);
    assert!(o.status.success());
    let man = String::from_utf8_lossy(&o.stdout);
    assert!(man.starts_with(".ie") || man.contains(".TH folio"), "{man}");
    assert!(man.contains("\\-\\-max\\-bytes") && man.contains("config.toml"), "{man}");
}
