#!/usr/bin/env python3
"""Prints tests/bench/run's table (Markdown) from the raw outputs in target/bench and the
criterion results in target/criterion: each operation's median and p99, its floor measured in the
same run, their ratio and the goal, then the sizes.

Medians and p99s: criterion's are over its samples (each the mean of many iterations); the
Kotlin and Swift harnesses time each call (or, for Swift's nanosecond-scale FFI floor, batches of
calls); the probe's first opens are one process each.

The Kotlin and Swift rows of the home screen and the recording take as their floor Rust's own time
of the same work, measured in the same process, alternating call by call with the public call
(`<operation>/rust-core` from the bench hooks, bindings/src/bench_hooks.rs); criterion's figure
only when a harness output predates the hooks. Binding overhead = the median of the pairs'
differences (each public call minus Rust's time of the hook call next to it, so that load that
changes during the run, or the recording's two speeds, fsync or not, cancel out), as a share of
the public call's median, with a 95% bootstrap interval that resamples the pairs; the goal of under
10% counts as met only if the whole interval is under 10%, not met only if all of it is above.
Their ratio is 1 / (1 − that share), the call over the call less its overhead.

Use: table.py <target/bench>
"""

import json
import math
import pathlib
import random
import statistics
import sys

OUT = pathlib.Path(sys.argv[1])
CRITERION = OUT.parent / "criterion"


def p99(values):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, math.ceil(len(ordered) * 0.99) - 1)]


def criterion():
    """{full_id: (median ns, p99 ns)} from criterion's saved samples."""
    found = {}
    for bench in CRITERION.glob("**/new/benchmark.json"):
        meta = json.loads(bench.read_text())
        sample = json.loads((bench.parent / "sample.json").read_text())
        per_iter = [t / i for t, i in zip(sample["times"], sample["iters"])]
        estimates = json.loads((bench.parent / "estimates.json").read_text())
        found[meta["full_id"]] = (estimates["median"]["point_estimate"], p99(per_iter))
    return found


def tsv(name):
    path = OUT / name
    if not path.exists():
        return []
    return [line.rstrip("\n").split("\t") for line in path.read_text().splitlines() if "\t" in line]


def harness(language):
    return {row[2]: (float(row[3]), float(row[4])) for row in tsv(f"{language}.tsv") if row[0] == "RESULT"}


def harness_means(language):
    """{operation: mean ns per call}, from harness outputs that print it (a 7th column)."""
    return {row[2]: float(row[6]) for row in tsv(f"{language}.tsv") if row[0] == "RESULT" and len(row) > 6}


def samples(language):
    """{(operation, "call" | "core" | "export"): [ns, ...]}, in pair order, from the interleaved
    runs."""
    return {(row[2], row[3]): [float(v) for v in row[4].split(",")]
            for row in tsv(f"{language}.tsv") if row[0] == "SAMPLES"}


def paired_share(call, core, picked):
    """The median of the picked pairs' differences (call − core) as a % of their calls' median."""
    return (100 * statistics.median(call[i] - core[i] for i in picked)
            / statistics.median(call[i] for i in picked))


def share_interval(call, core, rounds=2000):
    """The 95% bootstrap interval of `paired_share`, resampling pairs (seeded: the same outputs
    give the same table)."""
    rng = random.Random(8)
    n = len(call)
    shares = sorted(paired_share(call, core, [rng.randrange(n) for _ in range(n)]) for _ in range(rounds))
    return shares[int(0.025 * rounds)], shares[int(0.975 * rounds) - 1]


def duration(ns):
    if ns is None:
        return "—"
    if ns < 1e3:
        return f"{ns:.0f} ns"
    if ns < 1e6:
        return f"{ns / 1e3:.1f} µs"
    if ns < 1e9:
        return f"{ns / 1e6:.2f} ms"
    return f"{ns / 1e9:.2f} s"


def mb(size):
    return f"{size / 1e6:.2f} MB"


rust = criterion()
kotlin = harness("kotlin")
swift = harness("swift")
kotlin_means = harness_means("kotlin")
raw = {"kotlin": samples("kotlin"), "swift": samples("swift")}
rows = []


def row(operation, measured, floor=None, floor_name="", goal=None, extra="", ratio=None):
    """measured, floor: (median, p99) or None; goal: the largest ratio allowed, or text; ratio:
    given when it is not median / floor (the interleaved rows)."""
    median, tail = measured if measured else (None, None)
    if ratio is None and measured and floor:
        ratio = median / floor[0]
    verdict = ""
    if isinstance(goal, (int, float)):
        verdict = f"≤ {goal:g}: " + ("met" if ratio is not None and ratio <= goal else "NOT met")
    elif goal:
        verdict = goal
    floor_text = f"{floor_name}: {duration(floor[0])}" if floor else floor_name or "—"
    rows.append([operation, duration(median), duration(tail), floor_text,
                 f"{ratio:.2f}" if ratio is not None else "—", verdict, extra])


def in_process(results, operation, criterion_figure):
    """The floor of a Kotlin or Swift row: Rust's core time of the same work measured in the same
    process (the bench hooks), else criterion's figure from another run."""
    core = results.get(f"{operation}/rust-core")
    if core:
        return core, "Rust, same process"
    return criterion_figure, "Rust (criterion, another run)"


def overhead(name, results, operation, measured, floor, goal=None):
    """The notes and the verdict of a Kotlin or Swift row: the binding overhead (the median of the
    pairs' differences, public call − Rust) as a share of the public call with its 95% interval,
    and what of it the binding crate's own conversions take (Rust's export body − the core call).
    Without samples (a harness output from before the hooks): the difference of the medians."""
    if not measured or not floor:
        return "", "", None
    pairs = raw[name.lower()]
    call, core = pairs.get((operation, "call")), pairs.get((operation, "core"))
    paired = bool(call and core and len(call) == len(core))
    if paired:
        ns = statistics.median(a - b for a, b in zip(call, core))
        share = paired_share(call, core, range(len(call)))
    else:
        ns = measured[0] - floor[0]
        share = 100 * ns / measured[0]
    text = f"binding overhead {duration(ns)}, {share:.1f}% of the call"
    verdict = ""
    if paired:
        low, high = share_interval(call, core)
        text += f" (95%: {low:.1f} to {high:.1f}%)"
        if goal is not None:
            state = "met" if high < goal else "NOT met" if low >= goal else "not established"
            verdict = f"overhead < {goal}%: {state}"
    elif goal is not None:
        verdict = f"overhead < {goal}%: " + ("met" if share < goal else "NOT met")
    export = results.get(f"{operation}/rust-export")
    core_figure = results.get(f"{operation}/rust-core")
    if export and core_figure:
        text += f"; of which the binding crate's own conversions {duration(export[0] - core_figure[0])}"
    return text, verdict, share


def share_ratio(share):
    """The ratio of an interleaved row: the call over the call less its overhead, 1 / (1 − share),
    so that it agrees with the paired overhead (the medians of a call and of Rust, each taken alone,
    can fall on different sides of the recording's two speeds)."""
    return None if share is None else 1 / (1 - share / 100)


def under(limit_ns, measured, text):
    if not measured:
        return text + ": not measured"
    return text + (": met" if measured[0] < limit_ns else ": NOT met")


# Opening the ten-year store.
row("open ten-year store, warm (Rust)", rust.get("open/Store::open"), rust.get("open/floor"),
    "rusqlite open + same pragmas")
cold = {}
for kind, what, ns in tsv("cold.tsv"):
    cold.setdefault(what, []).append(float(ns))
cold_of = {what: (statistics.median(v), p99(v)) for what, v in cold.items()}
row("open ten-year store, first in a fresh process (Rust)", cold_of.get("store"), cold_of.get("floor"),
    "rusqlite, same, fresh process")
for name, results in (("Kotlin", kotlin), ("Swift", swift)):
    row(f"open ten-year store, warm ({name})", results.get("open"), rust.get("open/Store::open"), "Rust")

# The home screen.
one, ten = rust.get("today/Store::today/365"), rust.get("today/Store::today/3650")
row("home screen `today(now)`, one year (Rust)", one, goal=under(1e6, one, "< 1 ms"))
row("home screen `today(now)`, ten years (Rust)", ten, one, "one year", 1.5,
    extra=under(1e6, ten, "< 1 ms"))
for name, results in (("Kotlin", kotlin), ("Swift", swift)):
    for days, base in (("365", one), ("3650", ten)):
        label = "one year" if days == "365" else "ten years"
        measured = results.get(f"today/{days}")
        floor, floor_name = in_process(results, f"today/{days}", base)
        notes, _, share = overhead(name, results, f"today/{days}", measured, floor)
        row(f"home screen, {label} ({name})", measured, floor, floor_name, extra=notes,
            ratio=share_ratio(share))

# Recording a session.
record = rust.get("record/Store::record_session")
row("record a session (Rust)", record, rust.get("record/floor"), "bare insert, 1 tx, sync=FULL", 1.5)
for name, results in (("Kotlin", kotlin), ("Swift", swift)):
    measured = results.get("record_session")
    floor, floor_name = in_process(results, "record_session", record)
    notes, verdict, share = overhead(name, results, "record_session", measured, floor, goal=10)
    row(f"record a session ({name})", measured, floor, floor_name, verdict, extra=notes,
        ratio=share_ratio(share))

# The FFI floor.
for name, results in (("Kotlin", kotlin), ("Swift", swift)):
    extra = ""
    if name == "Kotlin" and "library_version" in kotlin_means:
        parts = [f"mean with GC {duration(kotlin_means['library_version'])}"]
        if "jna_call_without_structures" in results:
            parts.append(f"a JNA call without Structures {duration(results['jna_call_without_structures'][0])}")
        if "call_status_structure" in results:
            parts.append(f"one call-status Structure {duration(results['call_status_structure'][0])}")
        extra = "per call; " + "; ".join(parts)
    row(f"FFI floor: `library_version()` ({name})", results.get("library_version"), extra=extra)
check = rust.get("check/Store::check_session")
row("`check_session(plan, now)`, in-memory store (Rust)", check)
for name, results in (("Kotlin", kotlin), ("Swift", swift)):
    measured = results.get("check_session")
    extra = f"crossing: {duration(measured[0] - check[0])} per call" if measured and check else ""
    row(f"FFI floor: record with strings and lists, `check_session` ({name})", measured, check, "Rust",
        extra=extra)

# Exports, with peak memory.
peaks = {(r[1], r[2]): r for r in tsv("peak.tsv") if r[0] == "PEAK"}
labels = {"backup": "JSON backup export", "import": "JSON backup import (empty in-memory store)",
          "fhir": "FHIR bundle", "csv": "CSV files", "pdf": "PDF report"}
for days, years in (("365", "one year"), ("3650", "ten years")):
    floor = rust.get(f"export/floor/{days}")
    peak = peaks.get(("read-every-row", days))
    row(f"floor: read every row with rusqlite, {years}", floor,
        extra=f"peak heap {mb(int(peak[4]))}, RSS {mb(int(peak[5]))}" if peak else "")
    for name, label in labels.items():
        peak = peaks.get((name, days))
        row(f"{label}, {years} (Rust)", rust.get(f"export/{name}/{days}"), floor, "read every row",
            extra=f"peak heap {mb(int(peak[4]))}, RSS {mb(int(peak[5]))}" if peak else "")

print("| operation | median | p99 | floor | ratio | goal | notes |")
print("|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(r) + " |")

def budget_x86_64():
    """The budget the size test checks, read now (bindings/size-budget.txt)."""
    text = (OUT.parent.parent / "bindings" / "size-budget.txt").read_text()
    for line in text.splitlines():
        fields = line.split("#")[0].split()
        if len(fields) == 2 and fields[0] == "x86_64":
            return int(fields[1].replace("_", ""))
    return 0


sizes = {r[1]: int(r[2]) for r in tsv("sizes.tsv") if r[0] == "SIZE"}
if sizes:
    library, floor, budget = sizes.get("library"), sizes.get("floor"), budget_x86_64()
    print()
    print("| size, x86_64 Linux, stripped | bytes | MB |")
    print("|---|---|---|")
    print(f"| release library `librollsafe_ffi.so` | {library} | {mb(library)} |")
    print(f"| floor: UniFFI + bundled SQLite, same profile | {floor} | {mb(floor)} |")
    print(f"| RollSafe's own code and other dependencies (library − floor) | {library - floor} | {mb(library - floor)} |")
    print(f"| budget (bindings/size-budget.txt) | {budget} | {mb(budget)} |")
    print(f"| goal | 3000000 | 3.00 MB ({'met' if library < 3e6 else 'NOT met'}) |")
for name, title in (("bloat-crates.txt", "library"), ("bloat-floor.txt", "floor")):
    path = OUT / name
    if path.exists():
        print(f"\n`cargo bloat --crates`, {title} (.text only, before stripping):\n")
        print("```")
        print(path.read_text().rstrip())
        print("```")
