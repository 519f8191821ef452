#!/usr/bin/env bash
# Fuzzes the CSV reader or the event decoder with libFuzzer (swiftc -sanitize=fuzzer).
#   scripts/fuzz.sh csv|events [SECONDS]     (default 60 seconds)
# The harnesses are in Benchmarks/Fuzz; each is compiled together with the sources it
# exercises, outside SwiftPM. The corpus grows in .build/fuzz/NAME/corpus; a crashing input
# is written to .build/fuzz/NAME/crash-*. Keep each crasher as a named test in
# Tests/DayClearStoreTests/HostileInputPropertyTests.swift.
set -euo pipefail
cd "$(dirname "$0")/.."
target=${1:?usage: scripts/fuzz.sh csv|events [SECONDS]}
seconds=${2:-60}
case "$target" in
csv) sources=(Sources/DayClearStore/CSV/*.swift Benchmarks/Fuzz/CSVReaderFuzz.swift) ;;
events)
    # DayClearCore is compiled as its own module; the codec and its helpers join the harness.
    sources=(Sources/DayClearStore/Store/EventCodec.swift Sources/DayClearStore/Store/StoreError.swift
        Sources/DayClearStore/Store/Milliseconds.swift Benchmarks/Fuzz/EventDecoderFuzz.swift)
    ;;
*) echo "unknown target $target: csv or events" >&2; exit 64 ;;
esac
work=.build/fuzz/$target
mkdir -p "$work/corpus"
# Seeds: the sample files, and valid payloads (the first byte picks the type in the harness's list).
if [ "$target" = csv ]; then
    cp SampleData/*.csv "$work/corpus/"
else
    printf '\000{"cutoffMinutes":960,"timeZoneIdentifier":"Asia/Shanghai"}' >"$work/corpus/seed-calendar"
    printf '\007{"line":1,"lot":"L-0001","quantity":5,"request":"R-0001"}' >"$work/corpus/seed-proposal"
    printf '\013{"request":"R-0004"}' >"$work/corpus/seed-rejection"
fi
flags=(-sanitize=fuzzer,address -parse-as-library -O -g)
if [ "$target" = events ]; then
    swiftc "${flags[@]}" -emit-library -static -emit-module -module-name DayClearCore \
        -emit-module-path "$work/DayClearCore.swiftmodule" -o "$work/libDayClearCore.a" Sources/DayClearCore/*.swift
    flags+=(-I "$work" -L "$work" -lDayClearCore)
fi
swiftc "${flags[@]}" -module-name Fuzz "${sources[@]}" -o "$work/fuzz"
cd "$work"
./fuzz -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 corpus
