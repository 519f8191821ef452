#!/usr/bin/env bash
# Runs every benchmark of docs/performance.md on this machine: builds the release benchmark
# executables in their own scratch folder (not the debug .build of `swift build`/`swift test`), then
# the store suite (open, memory, import, day-end export, durable approval, with the Python csv and
# plain SQLite baselines), the planner and the TUI benchmarks. Not part of `swift test` or .ci/run.
#
#   bash Benchmarks/run-performance.sh            # everything
#   bash Benchmarks/run-performance.sh store      # only the store suite (also: planner, tui)
#
# Extra arguments after the suite name go to that suite's runner, e.g.
#   bash Benchmarks/run-performance.sh store --events 200000 --repeat 3
set -euo pipefail
cd "$(dirname "$0")/.."
suite="${1:-all}"
shift || true
scratch=.build-bench

build() { swift build -c release --scratch-path "$scratch" --product "$1" >&2; }

if [[ "$suite" == all || "$suite" == store ]]; then
    build dayclear-bench-store
    python3 Benchmarks/store_bench.py --bench "$scratch/release/dayclear-bench-store" "$@"
fi
if [[ "$suite" == all || "$suite" == planner ]]; then
    # Builds dayclear-bench-planner itself (scratch folder .build-plan) and compares with HiGHS.
    python3 Benchmarks/planner_lp.py "$@"
fi
if [[ "$suite" == all || "$suite" == tui ]]; then
    build dayclear-bench-tui
    "$scratch/release/dayclear-bench-tui" "$@"
fi
