#!/usr/bin/env python3
"""Speed and memory of `folio --json` (the whole pipeline, entity extraction included).

Each run starts a fresh process per figure and reads its wall time, CPU time (user +
system) and maximum resident set size from the kernel (`os.wait4`, `/usr/bin/time`). Programs alternate
within a run, so every program sees the same load; on a shared machine read the ratios
to the baseline of the same run, not the times.

Figures (medians over --runs):
  book          `folio --json` on War and Peace (3.2 MB, 383 sections)
  one paragraph `folio --json` on the book's first 2.3 MB joined into one line (one passage
                of 400,000 words: what a text without paragraph breaks costs)
  seed          `folio --json` on the seed article, from a cold start (a new process: the
                word lists and the tagger's weights are set up in every run)
  peak memory   maximum resident set size of the book's run
  baseline      `wc` on the same input in the same run: the machine's pace at that moment
  embedded      bytes of the word lists and the tagger's weights built into the binary

`--base BIN` runs a second folio binary (e.g. the previous commit's) alternately with the
first, gives the ratio of each figure to it, and checks that both write the same JSON.

Usage: python3 scripts/bench_extract.py [--runs 7] [--folio target/release/folio] [--base BIN]
"""
import argparse
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BOOK = os.path.join(ROOT, "..", "shared", "corpus", "war-and-peace-pg2600.txt")
SEED_DIR = os.path.join(ROOT, "seeds")
ONE_PARAGRAPH_BYTES = 2_300_000


def run(cmd, tmp):
    """Runs `cmd` with its output thrown away: (wall seconds, CPU seconds, peak KiB).

    The peak comes from /usr/bin/time: a child of this script would inherit the script's own
    peak in its maximum resident set size (the kernel keeps it across fork and exec)."""
    peak = os.path.join(tmp, "peak")
    start = time.perf_counter()
    proc = subprocess.Popen(["/usr/bin/time", "-f", "%M", "-o", peak, *cmd],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(cmd)} failed")
    return wall, usage.ru_utime + usage.ru_stime, int(open(peak).read().split()[-1])


def one_paragraph(book, tmp):
    """The book's first 2.3 MB with every line break a space: one paragraph."""
    data = open(book, "rb").read()[:ONE_PARAGRAPH_BYTES]
    text = data.decode("utf-8", errors="ignore")
    text = re.sub(r"\s+", " ", text).strip() + "\n"
    path = os.path.join(tmp, "one-paragraph.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)
    return path


def embedded_bytes():
    """Bytes of the data files the binary embeds (include_str! and include_bytes!)."""
    total = 0
    for dirpath, _, files in os.walk(os.path.join(ROOT, "src")):
        for name in files:
            if not name.endswith(".rs"):
                continue
            src = open(os.path.join(dirpath, name), encoding="utf-8").read()
            for rel in re.findall(r'include_(?:str|bytes)!\("([^"]+)"\)', src):
                path = os.path.normpath(os.path.join(dirpath, rel))
                if "/data/" in path:
                    total += os.path.getsize(path)
    return total


def same_output(a, b, inputs):
    """True when both binaries write the same JSON for every input."""
    out = lambda exe, path: subprocess.run([exe, "--json", path], capture_output=True).stdout
    return all(out(a, p) == out(b, p) for p in inputs)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--folio", default=os.path.join(ROOT, "target", "release", "folio"))
    ap.add_argument("--base", help="a second folio binary to compare with")
    ap.add_argument("--book", default=BOOK)
    args = ap.parse_args()
    seed = os.path.join(SEED_DIR, sorted(os.listdir(SEED_DIR))[0])
    with tempfile.TemporaryDirectory() as tmp:
        para = one_paragraph(args.book, tmp)
        inputs = {"book": args.book, "one paragraph": para, "seed": seed}
        programs = {"folio": args.folio}
        if args.base:
            programs["base"] = args.base
        # results[input][program] = list of (wall, cpu, kib)
        results = {name: {p: [] for p in ["wc", *programs]} for name in inputs}
        for r in range(args.runs):
            for name, path in inputs.items():
                results[name]["wc"].append(run(["wc", path], tmp))
                for prog, exe in programs.items():
                    results[name][prog].append(run([exe, "--json", path], tmp))
            print(f"run {r + 1}/{args.runs} done", file=sys.stderr)
        same = same_output(args.folio, args.base, inputs.values()) if args.base else None
    load = os.getloadavg()[0]
    print(f"medians of {args.runs} runs, load average {load:.1f}")
    print(f"{'input':<14} {'program':<6} {'wall':>9} {'cpu':>9} {'peak':>10} {'wall/wc':>8}"
          + (f" {'cpu/base':>9}" if args.base else ""))
    for name, by_prog in results.items():
        wc_wall = statistics.median(w for w, _, _ in by_prog["wc"])
        base_cpu = statistics.median(c for _, c, _ in by_prog["base"]) if args.base else None
        for prog, rows in by_prog.items():
            wall = statistics.median(w for w, _, _ in rows)
            cpu = statistics.median(c for _, c, _ in rows)
            peak = statistics.median(k for _, _, k in rows) / 1024
            line = f"{name:<14} {prog:<6} {wall * 1000:7.1f}ms {cpu * 1000:7.1f}ms {peak:7.1f}MiB"
            line += f" {wall / wc_wall:7.2f}x"
            if base_cpu and prog != "wc":
                line += f" {cpu / base_cpu:8.2f}x"
            print(line)
    print(f"embedded word lists and weights: {embedded_bytes() / 1e6:.2f} MB")
    if same is not None:
        print("same JSON as base:", "yes" if same else "NO")


if __name__ == "__main__":
    main()
