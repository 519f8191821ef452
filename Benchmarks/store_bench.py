#!/usr/bin/env python3
"""Runs the store benchmarks of docs/performance.md and prints their table.

Each figure is one step in a fresh `dayclear-bench-store` process (release build), repeated; the
baselines (Python's csv module on the same file, a plain SQLite insert loop with the same durability
settings) run in the same invocation, on the same files and the same disk.

    python3 Benchmarks/store_bench.py [--bench PATH] [--work DIR] [--events N] [--repeat N] [--only import]
    python3 Benchmarks/store_bench.py --only open --store DIR [--compare OLD-BENCH --compare-store DIR2]

The generated store and CSV are kept in --work (default /tmp/dayclear-bench) and reused while the
generator's parameters are unchanged; a store that opening has given a snapshot is copied, never
changed, by the steps that write.
"""

import argparse
import csv
import json
import os
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
DEFAULT_BENCH = os.path.join(ROOT, ".build-bench", "release", "dayclear-bench-store")


def run(bench, *arguments):
    """One bench process; its JSON line."""
    result = subprocess.run([bench, *arguments], check=True, capture_output=True, text=True)
    return json.loads(result.stdout.strip().splitlines()[-1])


def spread(samples):
    """Median and the range, as text."""
    samples = sorted(samples)
    return statistics.median(samples), samples[0], samples[-1]


def percentile(samples, fraction):
    samples = sorted(samples)
    return samples[min(len(samples) - 1, int(round((len(samples) - 1) * fraction)))]


def fresh_copy(source, target):
    if os.path.exists(target):
        shutil.rmtree(target)
    shutil.copytree(source, target)
    return target


def generate(bench, work, events, surge, csv_mb, seed):
    meta_path = os.path.join(work, "meta.json")
    wanted = {"events": events, "surge": surge, "csv_mb": csv_mb, "seed": seed}
    if os.path.exists(meta_path):
        with open(meta_path) as f:
            meta = json.load(f)
        if meta.get("parameters") == wanted:
            return meta
    if os.path.exists(work):
        shutil.rmtree(work)
    os.makedirs(work)
    print(f"generating {events:,} events and a {csv_mb} MB request CSV in {work} ...", file=sys.stderr)
    meta = run(bench, "generate", "--dir", work, "--events", str(events), "--surge", str(surge),
               "--csv-mb", str(csv_mb), "--seed", str(seed))
    meta["parameters"] = wanted
    with open(meta_path, "w") as f:
        json.dump(meta, f)
    return meta


def open_only(args):
    """The open step alone, from the snapshot, in fresh processes; with --compare, alternating with another
    build (the code before) on its own copy of the store, so both see the same machine."""
    store = args.store or os.path.join(args.work, "store")
    benches = [("this build", args.bench, store)]
    if args.compare:
        if not args.compare_store:
            sys.exit("--compare needs --compare-store: a copy of the store for the other build's snapshot format")
        benches.append(("compared", args.compare, args.compare_store))
    for _, bench, folder in benches:
        # The bench refuses to time an open that did not use the snapshot (other format, missing):
        # write one in this build's format first (a full replay; it changes only snapshot.bin).
        if subprocess.run([bench, "open", "--data", folder], capture_output=True).returncode != 0:
            print(f"writing a snapshot in {folder} for {bench} ...", file=sys.stderr)
            run(bench, "snapshot", "--data", folder)
    samples = {name: [] for name, _, _ in benches}
    loads = []
    for _ in range(args.repeat):
        for name, bench, folder in benches:
            loads.append(float(open("/proc/loadavg").read().split()[0]))
            samples[name].append(run(bench, "open", "--data", folder))
    print(f"\n{args.repeat} runs each, alternating; load average (1 min) {min(loads):.2f}–{max(loads):.2f}\n")
    print("| build | open + journal + frame | open | journal tail | first frame | CPU | peak memory |")
    print("| --- | --- | --- | --- | --- | --- | --- |")
    for name, bench, _ in benches:
        steps = samples[name]
        part = lambda key: cell([x[key] for x in steps])
        print(f"| {name} ({bench}) | {part('total_ms')} | {part('open_ms')} | {part('journal_ms')} | "
              f"{part('frame_ms')} | {part('cpu_ms')} | {cell([x['max_rss_mib'] for x in steps], lambda v: f'{v:,.0f} MiB')} |")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(samples, f, indent=1)


def python_csv_read(path):
    """Python's csv module reading every row of the file (decoded as UTF-8): wall ms, CPU ms, rows."""
    start, cpu = time.perf_counter(), time.process_time()
    rows = 0
    with open(path, newline="", encoding="utf-8") as f:
        for _ in csv.reader(f):
            rows += 1
    return (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000, rows


def sqlite_import_floor(base, imported, work):
    """The rows an import appended, inserted again by Python's sqlite3 (C SQLite, prepared once) into a
    fresh copy of the base store, in one transaction with the store's settings (WAL, synchronous=FULL,
    its append-only triggers): the floor under the import's writing, without parsing, checking,
    encoding or hashing. Wall ms, CPU ms, rows."""
    database = "dayclear.sqlite"
    with sqlite3.connect(os.path.join(base, database)) as db:
        start_seq = db.execute("SELECT COALESCE(MAX(seq), 0) FROM events").fetchone()[0]
    with sqlite3.connect(os.path.join(imported, database)) as db:
        rows = db.execute("SELECT seq, recorded_at, actor, reason, type, payload, hash FROM events WHERE seq > ? "
                          "ORDER BY seq", (start_seq,)).fetchall()
    target = fresh_copy(base, os.path.join(work, "import-floor"))
    db = sqlite3.connect(os.path.join(target, database), isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    start, cpu = time.perf_counter(), time.process_time()
    db.execute("BEGIN IMMEDIATE")
    db.executemany("INSERT INTO events (seq, recorded_at, actor, reason, type, payload, hash) VALUES (?, ?, ?, ?, ?, ?, ?)",
                   rows)
    db.execute("COMMIT")
    wall, cpu = (time.perf_counter() - start) * 1000, (time.process_time() - cpu) * 1000
    db.close()
    return wall, cpu, len(rows)


def sqlite_insert_loop(folder, count, payload_bytes=120):
    """One row per transaction into an events-shaped table, WAL and synchronous=FULL; ms per commit."""
    path = os.path.join(folder, "baseline.sqlite")
    for suffix in ("", "-wal", "-shm"):
        if os.path.exists(path + suffix):
            os.remove(path + suffix)
    db = sqlite3.connect(path, isolation_level=None)
    db.execute("PRAGMA journal_mode = WAL")
    db.execute("PRAGMA synchronous = FULL")
    assert db.execute("PRAGMA synchronous").fetchone()[0] == 2
    db.execute("""CREATE TABLE events (seq INTEGER PRIMARY KEY AUTOINCREMENT, recorded_at INTEGER NOT NULL,
                  actor TEXT NOT NULL, reason TEXT, type TEXT NOT NULL, payload TEXT NOT NULL, hash BLOB NOT NULL)""")
    payload = '{"quantities":{},"request":"R-0000001"}'.ljust(payload_bytes)
    samples = []
    for i in range(count):
        start = time.perf_counter()
        db.execute("BEGIN IMMEDIATE")
        db.execute("INSERT INTO events (recorded_at, actor, reason, type, payload, hash) VALUES (?, ?, NULL, ?, ?, ?)",
                   (i, "wang", "requestApproved", payload, os.urandom(32)))
        db.execute("COMMIT")
        samples.append((time.perf_counter() - start) * 1000)
    db.close()
    return samples


def bare_sync_loop(folder, count, block=4096):
    """The disk's floor for any durable write: 4 KiB written into a preallocated file and
    fdatasync'd, once per sample, in the same folder as the stores; ms per write."""
    path = os.path.join(folder, "sync-floor.bin")
    fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o644)
    try:
        os.write(fd, bytes(block * count))
        os.fsync(fd)
        samples = []
        for i in range(count):
            start = time.perf_counter()
            os.pwrite(fd, b"x" * block, i * block)
            os.fdatasync(fd)
            samples.append((time.perf_counter() - start) * 1000)
        return samples
    finally:
        os.close(fd)
        os.remove(path)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--bench", default=DEFAULT_BENCH)
    parser.add_argument("--work", default="/tmp/dayclear-bench")
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--surge", type=int, default=100_000)
    parser.add_argument("--csv-mb", type=int, default=100)
    parser.add_argument("--seed", type=int, default=20_260_105)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--approvals", type=int, default=200)
    parser.add_argument("--json", help="also write every sample here")
    parser.add_argument("--only", choices=["import", "open"], help="run only these steps (and their baselines)")
    parser.add_argument("--store", help="with --only open: the store to open (default WORK/store); a snapshot in "
                        "the bench's format is written there first when it has no usable one")
    parser.add_argument("--compare", metavar="BENCH", help="with --only open: another build of dayclear-bench-store "
                        "(such as the code before a change), run alternately with --bench")
    parser.add_argument("--compare-store", metavar="DIR", help="the copy of the store that --compare opens")
    args = parser.parse_args()
    bench, work, repeat = args.bench, args.work, args.repeat
    if not os.path.exists(bench):
        sys.exit(f"{bench} is missing; build it with: swift build -c release --scratch-path .build-bench "
                 "--product dayclear-bench-store")
    if args.only == "open":
        open_only(args)
        return

    meta = generate(bench, work, args.events, args.surge, args.csv_mb, args.seed)
    print(f"store: {meta['events']:,} events, {meta['requests']:,} requests ({meta['open_requests']:,} open), "
          f"{meta['lots']:,} lots, {meta['allocations']:,} allocations over {meta['days']} days; "
          f"surge day {meta['surge_day']}", file=sys.stderr)
    store = os.path.join(work, "store")
    results = {"meta": meta}

    if args.only != "import":
        # 1, 2. Open: a full replay (no snapshot), then the real path from a snapshot (which opening never writes).
        snapshot = os.path.join(store, "snapshot.bin")
        if os.path.exists(snapshot):
            os.remove(snapshot)
        results["replay"] = [run(bench, "open", "--data", store, "--snapshot", "off") for _ in range(repeat)]
        results["snapshot_write"] = run(bench, "snapshot", "--data", store)
        results["open"] = [run(bench, "open", "--data", store) for _ in range(repeat)]

    # 3. Import: parse only, parse + validate, end to end into a fresh copy of the base store; Python's csv.
    csv_path = os.path.join(work, "requests.csv")
    size = os.path.getsize(csv_path)
    results["csv_bytes"] = size
    results["load_before_import"] = open("/proc/loadavg").read().split()[:3]
    results["python_csv"] = []
    results["python_csv_cpu"] = []
    results["parse"] = []
    results["parse_cpu"] = []
    results["parse_rss"] = []
    results["table"] = []
    for _ in range(repeat):
        wall, cpu, _ = python_csv_read(csv_path)
        results["python_csv"].append(wall)
        results["python_csv_cpu"].append(cpu)
        parsed = run(bench, "import", "--file", csv_path, "--phase", "parse")
        results["parse"].append(parsed["ms"])
        results["parse_cpu"].append(parsed["cpu_ms"])
        results["parse_rss"].append(parsed["max_rss_mib"])
        results["table"].append(run(bench, "import", "--file", csv_path, "--phase", "table"))
    base = os.path.join(work, "import-base")
    results["plan"] = [run(bench, "import", "--data", base, "--file", csv_path, "--phase", "plan")
                       for _ in range(max(1, repeat // 2))]
    results["e2e"] = []
    results["insert_floor"] = []
    results["grdb_floor"] = []
    for _ in range(max(1, repeat // 2)):
        target = fresh_copy(base, os.path.join(work, "import-run"))
        results["e2e"].append(run(bench, "import", "--data", target, "--file", csv_path, "--phase", "e2e"))
        results["insert_floor"].append(sqlite_import_floor(base, target, work))
        floor_copy = fresh_copy(base, os.path.join(work, "import-floor"))
        results["grdb_floor"].append(run(bench, "import", "--data", floor_copy, "--rows-from", target,
                                         "--file", csv_path, "--phase", "floor"))

    if args.only == "import":
        if args.json:
            with open(args.json, "w") as f:
                json.dump(results, f, indent=1)
        report_import(results)
        return

    # 4. Day-end export of the surge day.
    out = os.path.join(work, "exports")
    results["export"] = [run(bench, "export", "--data", store, "--day", meta["surge_day"], "--out", out)
                         for _ in range(repeat)]

    # 5. Durable approvals on a copy of the store, beside a plain SQLite insert loop on the same disk.
    target = fresh_copy(store, os.path.join(work, "approve-run"))
    results["approve"] = run(bench, "approve", "--data", target, "--count", str(args.approvals))["samples_ms"]
    results["sqlite"] = sqlite_insert_loop(work, args.approvals)
    results["sync_floor"] = bare_sync_loop(work, args.approvals)

    if args.json:
        with open(args.json, "w") as f:
            json.dump(results, f, indent=1)
    report(results)


def ms(value):
    return f"{value:,.0f} ms" if value >= 100 else f"{value:.2f} ms" if value < 10 else f"{value:.1f} ms"


def cell(samples, unit=ms):
    median, low, high = spread(samples)
    return f"{unit(median)} ({unit(low)}–{unit(high)})"


def report(r):
    mb = r["csv_bytes"] / 1e6

    def rate(samples):
        median, low, high = spread([mb / (s / 1000) for s in samples])
        return f"{median:,.0f} MB/s ({low:,.0f}–{high:,.0f})"

    open_total = [x["total_ms"] for x in r["open"]]
    replay_total = [x["total_ms"] for x in r["replay"]]
    export = [x["ms"] for x in r["export"]]
    approve, sqlite_loop, floor = r["approve"], r["sqlite"], r["sync_floor"]
    rss = [x["max_rss_mib"] for x in r["open"]]
    rss_replay = [x["max_rss_mib"] for x in r["replay"]]
    cpu = lambda steps: cell([x["cpu_ms"] for x in steps])
    print(f"""
| what | target | measured: median (min–max) | met? |
| --- | --- | --- | --- |
| open {r['meta']['events']:,} events + first frame (snapshot) | ≤ 1 s | {cell(open_total)} | {'yes' if statistics.median(open_total) <= 1000 else 'NO'} |
| … same, full replay, no snapshot | (for comparison) | {cell(replay_total)} | |
| … snapshot written (once per {50_000:,} events) | (off the hot path) | {ms(r['snapshot_write']['ms'])}, {r['snapshot_write']['bytes'] / 1e6:.0f} MB | |
| resident memory, store open (snapshot) | ≤ 500 MB | {cell(rss, lambda v: f'{v:,.0f} MiB')} | {'yes' if max(rss) * 1.048576 <= 500 else 'NO'} |
| resident memory, full replay | ≤ 500 MB | {cell(rss_replay, lambda v: f'{v:,.0f} MiB')} | {'yes' if max(rss_replay) * 1.048576 <= 500 else 'NO'} |
| CPU time (the machine is shared): open | | {cpu(r['open'])} | |
| … day-end export | | {cpu(r['export'])} | |
| day-end CSVs, {r['export'][0]['dispatches']:,} dispatches | ≤ 1 s | {cell(export)} | {'yes' if statistics.median(export) <= 1000 else 'NO'} |
| durable approval, key to committed ({len(approve)} in a row) | ≤ 2 ms median | {ms(statistics.median(approve))} (p90 {ms(percentile(approve, 0.9))}, max {ms(max(approve))}) | {'yes' if statistics.median(approve) <= 2 else 'NO'} |
| … plain SQLite insert + commit, same settings, same run | (baseline) | {ms(statistics.median(sqlite_loop))} (p90 {ms(percentile(sqlite_loop, 0.9))}, max {ms(max(sqlite_loop))}) | |
| … the disk alone: 4 KiB pwrite + fdatasync, same folder, same run | (floor) | {ms(statistics.median(floor))} (p90 {ms(percentile(floor, 0.9))}, max {ms(max(floor))}) | |
""")
    report_import(r)
    parts = r["open"][len(r["open"]) // 2]
    print(f"load average at the end: {open('/proc/loadavg').read().split()[:3]}")
    print(f"open (median run): store {ms(parts['open_ms'])}, journal tail {ms(parts['journal_ms'])}, "
          f"first frame {ms(parts['frame_ms'])}")


def report_import(r):
    """The import's rows: each phase with its rate, CPU time and peak memory, beside the baselines."""
    mb = r["csv_bytes"] / 1e6

    def rate(samples):
        median, low, high = spread([mb / (s / 1000) for s in samples])
        return f"{median:,.0f} MB/s ({low:,.0f}–{high:,.0f})"

    def mib(samples):
        return cell(samples, lambda v: f"{v:,.0f} MiB")

    def row(name, steps):
        wall = [x["ms"] for x in steps]
        return (f"| {name} | {cell(wall)} | {rate(wall)} | {cell([x['cpu_ms'] for x in steps])} | "
                f"{mib([x['max_rss_mib'] for x in steps])} |")

    e2e = [x["ms"] for x in r["e2e"]]
    python_csv = statistics.median(r["python_csv"])
    floor = r["insert_floor"]
    met = mb / (statistics.median(e2e) / 1000) >= 100 and statistics.median(e2e) <= python_csv
    print(f"""
Import of the {mb:.0f} MB request CSV ({r['e2e'][0]['events']:,} requests); target ≥ 100 MB/s end to end and ≥ Python's csv: {'met' if met else 'NOT met'}

| step | wall: median (min–max) | rate | CPU | peak memory |
| --- | --- | --- | --- | --- |
| parse: mapped, UTF-8 checked, split into records | {cell(r['parse'])} | {rate(r['parse'])} | {cell(r['parse_cpu'])} | {mib(r['parse_rss'])} |
| Python's csv.reader, same file, same run | {cell(r['python_csv'])} | {rate(r['python_csv'])} | {cell(r['python_csv_cpu'])} | |
{row("every field as a String in one table (CSVReader.read)", r['table'])}
{row("parse + validate + fold into the ledger (plan)", r['plan'])}
{row("end to end: also encode, hash, insert, commit", r['e2e'])}
| the same rows inserted again by Python's sqlite3 in one transaction | {cell([x[0] for x in floor])} | {rate([x[0] for x in floor])} | {cell([x[1] for x in floor])} | |
{row("the same rows inserted again through GRDB, one prepared statement, one transaction (floor)", r['grdb_floor'])}
""")
    print(f"load average before the import steps: {r['load_before_import']}, after: "
          f"{open('/proc/loadavg').read().split()[:3]}")


if __name__ == "__main__":
    main()
