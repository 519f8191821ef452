#!/usr/bin/env python3
"""Generates planner benchmark instances as JSON (and a CSV summary of each).

Each instance is one operational day (2026-02-11, UTC, cutoff 16:00): recipients in
four tiers, lots of 20 kinds+specs (arrived, or expected before the cutoff; some with
an expiry, a few already expired), and requests of one to three lines. Variants:
earmarks (about 10% of lots directed to one recipient), deadlines (needed-by
times spread over the day, many before some lots' ETAs) and substitutes (a quarter of
the lines of kinds with several specs allow one other spec of their kind, as a
supervisor would, and the kind's first spec is short while its others are plentiful).
Seeded, so reruns match.
"""
import argparse
import csv
import json
import os
import random
import sys
from datetime import datetime, timezone

DAY_START = datetime(2026, 2, 10, 16, 0, tzinfo=timezone.utc).timestamp()  # the window opens
DAY_END = datetime(2026, 2, 11, 16, 0, tzinfo=timezone.utc).timestamp()  # the cutoff
NOW = datetime(2026, 2, 10, 20, 0, tzinfo=timezone.utc).timestamp()
HOUR = 3600.0
ITEMS = [
    {"kind": kind, "spec": spec, "unit": unit, "pack": pack}
    for kind, spec, unit, pack in [
        ("口罩", "医用防护 N95", "个", 50), ("口罩", "医用外科", "个", 100), ("口罩", "KN95", "个", 50),
        ("防护服", "医用一次性 L", "件", 20), ("防护服", "医用一次性 XL", "件", 20), ("隔离衣", "通用", "件", 20),
        ("手套", "丁腈 M", "副", 100), ("手套", "丁腈 L", "副", 100), ("护目镜", "通用", "副", 10),
        ("面屏", "通用", "个", 10), ("消毒液", "84 500ml", "瓶", 24), ("酒精", "75% 500ml", "瓶", 24),
        ("体温计", "红外", "支", 10), ("鞋套", "一次性", "双", 100), ("帽子", "一次性", "个", 100),
        ("呼吸机", "无创", "台", 1), ("制氧机", "5L", "台", 1), ("方便面", "箱装", "箱", 1),
        ("矿泉水", "550ml", "箱", 1), ("棉被", "单人", "床", 5),
    ]
]


def generate(lots, requests, earmarks, deadlines, substitutes=False, seed=0):
    rng = random.Random(seed)
    recipient_count = max(40, requests // 5)
    tiers = [1] * (recipient_count // 10) + [2] * (recipient_count // 5) + [3] * (recipient_count // 5)
    tiers += [4] * (recipient_count - len(tiers))
    recipients = [{"id": f"U{n:06d}", "tier": tier} for n, tier in enumerate(tiers)]
    request_rows = []
    demand = [0] * len(ITEMS)
    for n in range(requests):
        chosen = rng.sample(range(len(ITEMS)), rng.choice([1, 1, 2, 2, 3]))
        lines = []
        for item in chosen:
            pack = ITEMS[item]["pack"]
            quantity = rng.randint(1, 40) * pack if rng.random() < 0.8 else rng.randint(1, 40 * pack)
            lines.append([item, quantity])
            demand[item] += quantity
        needed_by = DAY_END + 20 * HOUR
        if deadlines:
            needed_by = NOW + rng.uniform(0.5, 22) * HOUR
        request_rows.append({
            "id": f"R{n:07d}", "recipient": rng.choice(recipients)["id"],
            "submitted_at": DAY_START + rng.uniform(0, 3.9) * HOUR, "needed_by": round(needed_by),
            "lines": lines,
        })
    for row in request_rows:
        row["submitted_at"] = round(row["submitted_at"])
    lot_rows = []
    per_item = [lots // len(ITEMS)] * len(ITEMS)
    for n in range(lots - sum(per_item)):
        per_item[n] += 1
    number = 0
    for item, count in enumerate(per_item):
        # Supply is about 60% of demand, so tiers and shares matter; with substitutes, the first spec of
        # a kind that has several gets 30% and the others 120%, so that substitutes have stock to offer.
        mean = max(1, int(supply_share(item, substitutes) * demand[item] / max(1, count)))
        pack = ITEMS[item]["pack"]
        for _ in range(count):
            quantity = max(1, int(rng.uniform(0.3, 1.7) * mean))
            if rng.random() < 0.9:
                quantity = max(pack, quantity - quantity % pack)
            expected = rng.random() < 0.4
            lot = {
                "id": f"L{number:05d}", "item": item, "quantity": quantity,
                "pack_size": pack if rng.random() < 0.9 else max(1, pack // 2),
                "eta": round(NOW + rng.uniform(1, 19) * HOUR) if expected else None,
                "expiry": None, "designated": None,
            }
            roll = rng.random()
            if roll < 0.05:
                lot["expiry"] = round(NOW - 24 * HOUR)  # expired: never planned
            elif roll < 0.35:
                lot["expiry"] = round(NOW + rng.uniform(2, 300) * 24 * HOUR)
            if earmarks and rng.random() < 0.1:
                lot["designated"] = rng.choice(request_rows)["recipient"]
            lot_rows.append(lot)
            number += 1
    if substitutes:
        allow_substitutes(request_rows, random.Random(seed * 7919))
    return {
        "name": "", "day": "2026-02-11", "time_zone": "UTC", "cutoff_minutes": 960, "now": NOW,
        "arrived_at": DAY_START + HOUR, "items": [{k: v for k, v in i.items() if k != "pack"} for i in ITEMS],
        "recipients": recipients, "lots": lot_rows, "requests": request_rows,
    }


def supply_share(item, substitutes):
    if not substitutes:
        return 0.6
    kind = ITEMS[item]["kind"]
    specs = [index for index, other in enumerate(ITEMS) if other["kind"] == kind]
    if len(specs) == 1:
        return 0.6
    return 0.3 if specs[0] == item else 1.2


def allow_substitutes(request_rows, rng):
    """Gives about a quarter of the lines whose kind has other specs one allowed substitute:
    `substitutes` lists [line number, item] pairs."""
    specs = {}
    for index, item in enumerate(ITEMS):
        specs.setdefault(item["kind"], []).append(index)
    for row in request_rows:
        allowed = []
        for number, (item, _) in enumerate(row["lines"], start=1):
            others = [other for other in specs[ITEMS[item]["kind"]] if other != item]
            if others and rng.random() < 0.25:
                allowed.append([number, rng.choice(others)])
        if allowed:
            row["substitutes"] = allowed


VARIANTS = [
    (1000, 10_000, False, False), (1000, 10_000, False, True), (1000, 10_000, True, False), (1000, 10_000, True, True),
    (1000, 100_000, False, False), (1000, 100_000, False, True), (1000, 100_000, True, False),
    (1000, 100_000, True, True),
    (1000, 10_000, False, False, True), (1000, 10_000, True, True, True), (1000, 100_000, True, True, True),
]


def name(lots, requests, earmarks, deadlines, substitutes=False):
    kind = f"l{lots}-r{requests}-{'earmarks' if earmarks else 'open'}-{'deadlines' if deadlines else 'relaxed'}"
    return kind + ("-subst" if substitutes else "")


def main(folder):
    os.makedirs(folder, exist_ok=True)
    for seed, variant in enumerate(VARIANTS, start=1):
        instance = generate(*variant, seed=seed)
        instance["name"] = name(*variant)
        path = os.path.join(folder, instance["name"])
        with open(path + ".json", "w", encoding="utf-8") as out:
            json.dump(instance, out, ensure_ascii=False)
        with open(path + ".lots.csv", "w", newline="", encoding="utf-8") as out:
            writer = csv.writer(out)
            writer.writerow(["lot_id", "kind", "spec", "quantity", "pack_size", "eta", "expiry", "designated"])
            for lot in instance["lots"]:
                item = ITEMS[lot["item"]]
                writer.writerow([lot["id"], item["kind"], item["spec"], lot["quantity"], lot["pack_size"],
                                 lot["eta"] or "", lot["expiry"] or "", lot["designated"] or ""])
        print(f"wrote {path}.json", file=sys.stderr)


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description="Writes the seeded planner benchmark instances as JSON files.")
    parser.add_argument(
        "folder", nargs="?", default=os.path.join(os.path.dirname(__file__), "instances"),
        help="where to write them (default: Benchmarks/instances)")
    main(parser.parse_args().folder)
