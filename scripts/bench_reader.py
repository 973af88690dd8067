#!/usr/bin/env python3
"""Reader latency and memory of folio and less side by side, in tmux, in one run.

For each program and each run, a tmux session of 120x40 starts the program under
/usr/bin/time -v; `tmux pipe-pane` streams everything the program writes to a log, which
this script replays into a terminal emulator (pyte) to see when the screen shows what it
should. Keys go in with `tmux send-keys`, so every figure includes tmux's key relay (about a
millisecond) for both programs alike. A thread reads the log as it grows and stamps each
piece with the time it arrived; figures are taken from those stamps, so the emulator's own
parsing time (pyte reads about 1 MB/s, and a three-pane frame is several times larger than
less's plain page) is never counted against the program that wrote more.

Figures (medians over --runs):
  first frame   start until the first screen with the book's text
  whole book in (folio) start until the whole book is read and swapped in; keys are timed after it
  G             'G' until the end of the text is on screen
  G at open     'G' pressed as soon as the first screen shows, until the end is on screen
                (a fresh process: for folio, while the rest of the book is still being read)
  ]             (folio) ']' until the screen has settled on the next section
  page down     Space until the screen has settled
  resize        the window made 20 columns narrower until the screen has settled (re-wrapped)
  --json        (folio) the whole pipeline to JSON, `folio --json book > /dev/null`
  peak memory   maximum resident set size, from /usr/bin/time -v

Usage: python3 scripts/bench_reader.py [--runs 7] [--book PATH] [--folio target/release/folio]
Needs tmux, less, /usr/bin/time and the pyte package (installed with pip if missing).
"""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time

try:
    import pyte
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "pyte"], check=True)
    import pyte

W, H = 120, 40
QUIET = 0.05  # seconds without output that count as "settled"
# The log reader thread must get its turn while the main thread parses: switch often.
sys.setswitchinterval(0.0001)
TIMEOUT = 10.0


class Pane:
    """One program in a tmux session, its output replayed into a screen."""

    def __init__(self, cmd, tmp, n):
        self.name = f"folio-bench-{os.getpid()}-{n}"
        self.log = os.path.join(tmp, f"{self.name}.log")
        self.timefile = os.path.join(tmp, f"{self.name}.time")
        open(self.log, "wb").close()
        inner = f"read _; exec /usr/bin/time -v -o {self.timefile} {cmd}"
        subprocess.run(["tmux", "new-session", "-d", "-s", self.name, "-x", str(W), "-y", str(H),
                        "sh", "-c", inner], check=True)
        subprocess.run(["tmux", "pipe-pane", "-O", "-t", self.name, f"cat >> {self.log}"], check=True)
        self.screen = pyte.Screen(W, H)
        self.stream = pyte.ByteStream(self.screen)
        self.f = open(self.log, "rb")
        # (arrival time, bytes) pieces read from the log, and the arrival of the last one fed.
        self.pieces = []
        self.lock = threading.Lock()
        self.arrived = None
        self.stop = False
        self.reader = threading.Thread(target=self.follow, daemon=True)
        self.reader.start()

    def follow(self):
        while not self.stop:
            data = self.f.read()
            if data:
                with self.lock:
                    self.pieces.append((time.perf_counter(), data))
            else:
                time.sleep(0.0001)

    def keys(self, *keys):
        subprocess.run(["tmux", "send-keys", "-t", self.name, *keys], check=True)

    def resize(self, width, height):
        self.screen.resize(height, width)
        subprocess.run(["tmux", "resize-window", "-t", self.name, "-x", str(width), "-y", str(height)],
                       check=True)

    def pump(self):
        """Feeds the next piece that has arrived, if any, to the screen."""
        with self.lock:
            piece = self.pieces.pop(0) if self.pieces else None
        if piece:
            self.arrived = piece[0]
            self.stream.feed(piece[1])
        return piece is not None

    def until(self, marker, t0):
        """Seconds from t0 until the output that put `marker` on screen arrived."""
        while time.perf_counter() - t0 < TIMEOUT:
            if self.pump():
                if marker in "\n".join(self.screen.display):
                    return self.arrived - t0
            else:
                time.sleep(0.0002)
        raise TimeoutError(f"{marker!r} never appeared")

    def until_gone(self, marker, t0):
        """Seconds from t0 until the output that took `marker` off the screen arrived."""
        while time.perf_counter() - t0 < TIMEOUT:
            if self.pump():
                if marker not in "\n".join(self.screen.display):
                    return self.arrived - t0
            else:
                time.sleep(0.0002)
        raise TimeoutError(f"{marker!r} never went away")

    def settled(self, t0, drain=False):
        """Seconds from t0 until the last output of the burst the key caused arrived; with
        `drain`, just wait until the output has been quiet for a while."""
        last = t0 if drain else None
        while time.perf_counter() - t0 < TIMEOUT:
            now = time.perf_counter()
            if self.pump():
                last = self.arrived
            elif last is not None and now - last > QUIET:
                return last - t0
            else:
                time.sleep(0.0002)
        raise TimeoutError("no output after the key")

    def quit(self):
        self.keys("q")
        for _ in range(200):
            if os.path.exists(self.timefile) and os.path.getsize(self.timefile) > 0:
                break
            time.sleep(0.01)
        subprocess.run(["tmux", "kill-session", "-t", self.name], capture_output=True)
        self.stop = True
        self.reader.join()
        self.f.close()
        for line in open(self.timefile):
            if "Maximum resident set size" in line:
                return int(line.split(":")[1]) / 1024.0
        return float("nan")


def session(program, cmd, markers, tmp, n):
    p = Pane(cmd, tmp, n)
    out = {}
    t0 = time.perf_counter()
    p.keys("Enter")
    out["first frame"] = p.until(markers["first"], t0)
    if "loaded" in markers:
        # Keys are timed on the whole book: the swap-in redraw must not count as a key's.
        out["whole book in"] = p.until_gone(markers["loaded"], t0)
    p.settled(time.perf_counter(), drain=True)
    if program == "folio":
        t0 = time.perf_counter()
        p.keys("]")
        out["]"] = p.settled(t0)
    t0 = time.perf_counter()
    p.keys("Space")
    out["page down"] = p.settled(t0)
    t0 = time.perf_counter()
    p.keys("G")
    out["G"] = p.until(markers["end"], t0)
    p.settled(time.perf_counter(), drain=True)
    t0 = time.perf_counter()
    p.resize(W - 20, H)
    out["resize"] = p.settled(t0)
    out["peak memory"] = p.quit()
    return out


def early_g(cmd, markers, tmp, n):
    """'G' pressed the moment the first screen is up, timed until the end shows."""
    p = Pane(cmd, tmp, n)
    t0 = time.perf_counter()
    p.keys("Enter")
    p.until(markers["first"], t0)
    t0 = time.perf_counter()
    p.keys("G")
    out = {"G at open": p.until(markers["end"], t0)}
    p.settled(time.perf_counter(), drain=True)
    p.quit()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--book", default=os.path.join(os.path.dirname(__file__), "..", "..", "shared", "corpus",
                                                   "war-and-peace-pg2600.txt"))
    ap.add_argument("--folio", default="target/release/folio")
    ap.add_argument("--programs", default="less,folio", help="comma-separated subset of less,folio")
    args = ap.parse_args()
    book = os.path.abspath(args.book)
    folio = os.path.abspath(args.folio)
    for tool in ("tmux", "less"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is needed")
    state = tempfile.mkdtemp()
    programs = {
        "less": (f"less {book}", {"first": "The Project Gutenberg EBook", "end": "hear about new eBooks"}),
        "folio": (f"env XDG_STATE_HOME={state} {folio} {book}", {"first": "War and Peace",
                                                                  "end": "we are not conscious",
                                                                  "loaded": "loading…"}),
    }
    programs = {k: v for k, v in programs.items() if k in args.programs.split(",")}
    results = {name: {} for name in ("less", "folio")}
    with tempfile.TemporaryDirectory() as tmp:
        n = 0
        for run in range(args.runs):
            for name, (cmd, markers) in programs.items():
                n += 1
                for key, value in session(name, cmd, markers, tmp, n).items():
                    results[name].setdefault(key, []).append(value)
                n += 1
                for key, value in early_g(cmd, markers, tmp, n).items():
                    results[name].setdefault(key, []).append(value)
            if "folio" in programs:
                t0 = time.perf_counter()
                subprocess.run([folio, "--json", book], stdout=subprocess.DEVNULL, check=True)
                results["folio"].setdefault("--json", []).append(time.perf_counter() - t0)
    size = os.path.getsize(book) / (1024 * 1024)
    print(f"book: {os.path.basename(book)} ({size:.1f} MiB), {args.runs} runs, {W}x{H}, medians")
    print(f"{'figure':<14}{'less':>12}{'folio':>12}{'folio/less':>12}")
    for key in ["first frame", "whole book in", "G", "G at open", "]", "page down", "resize", "--json", "peak memory"]:
        row = []
        for name in ("less", "folio"):
            vals = results[name].get(key)
            row.append(statistics.median(vals) if vals else None)
        unit = "MiB" if key == "peak memory" else "ms"
        scale = 1 if key == "peak memory" else 1000
        cells = [f"{v * scale:10.2f}{unit[:2] if unit == 'ms' else ''}" if v is not None else f"{'n/a':>12}"
                 for v in row]
        if unit == "MiB":
            cells = [f"{v:9.1f}MiB" if v is not None else f"{'n/a':>12}" for v in row]
        ratio = f"{row[1] / row[0]:11.2f}x" if row[0] and row[1] else f"{'':>12}"
        print(f"{key:<14}{cells[0]:>12}{cells[1]:>12}{ratio}")
    memory = results["folio"].get("peak memory")
    if memory:
        print(f"folio's peak memory is {statistics.median(memory) / size:.1f}x the book's size")


if __name__ == "__main__":
    main()
