#!/usr/bin/env bash
# Cross-validates the whole extraction by document: for each of 6 folds, trains the tagger
# without the fold's documents, runs `folio --json` with those weights on them
# (FOLIO_TAGGER_WEIGHTS), then scores all held-out predictions together.
#
#   scripts/cv_tagger.sh [--epochs N --bits B ...]   # options go to train-tagger
#
# EVAL (default ../shared/eval) holds score.py and gum-train/. Run from the repository root.
set -euo pipefail
EVAL=${EVAL:-../shared/eval}
DATA="$EVAL/gum-train"
FOLDS=6
# PRED=DIR keeps the held-out predictions there.
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
if [[ -n "${PRED:-}" ]]; then mkdir -p "$PRED" && rm -rf "$WORK/pred" && ln -s "$(realpath "$PRED")" "$WORK/pred"; fi
mkdir -p "$WORK/pred/"
cargo build --release --quiet --bin folio --bin train-tagger
for ((k = 0; k < FOLDS; k++)); do
    target/release/train-tagger --data "$DATA" --folds "$FOLDS" --holdout "$k" --out "$WORK/fold$k.bin" "$@" \
        >"$WORK/fold$k.docs"
    while read -r doc; do
        FOLIO_TAGGER_WEIGHTS="$WORK/fold$k.bin" target/release/folio --json "$DATA/$doc.txt" >"$WORK/pred/$doc.json"
    done <"$WORK/fold$k.docs"
done
python3 "$EVAL/score.py" --cases "$DATA" --pred "$WORK/pred"
