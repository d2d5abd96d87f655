"""Benchmark and finding census: pooltrack over real driver trees.

    python bench/real_world.py TREE [TREE ...] [--jobs N] [--out DIR] [--markdown]

For each TREE (a directory; the trees themselves live outside this repository,
under /work/ext, and are never committed), one after the other:

* runs ``pooltrack check TREE --format json -o DIR/NAME.json --no-progress``
  as a subprocess (start-up and report writing count in the wall time),
* samples the summed RSS of that process and all its workers from /proc every
  20 ms and keeps the peak,
* reads the JSON report and prints: files, lines, wall time, peak RSS,
  findings per rule (PT001..PT006), notifications by kind, internal errors.

Exit status is 1 when any tree had an internal error (there must be none) or
the report could not be read.  The JSON reports stay in DIR (default
bench/out/real-world/, ignored by git) for judging the findings.
"""
from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

RULES = ("PT001", "PT002", "PT003", "PT004", "PT005", "PT006")
PAGE_KIB = os.sysconf("SC_PAGE_SIZE") // 1024


def tree_rss_kib(root_pid: int) -> int:
    """Summed RSS of a process and all its descendants, from /proc."""
    children: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as fh:
                fields = fh.read().rsplit(")", 1)[1].split()
            ppid = int(fields[1])
            with open(f"/proc/{entry}/statm") as fh:
                pages = int(fh.read().split()[1])
        except (OSError, IndexError, ValueError):
            continue
        children.setdefault(ppid, []).append(int(entry))
        rss[int(entry)] = pages * PAGE_KIB
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        total += rss.get(pid, 0)
        stack.extend(children.get(pid, []))
    return total


def pooltrack_cmd() -> list[str]:
    exe = Path(sys.executable).with_name("pooltrack")
    return [str(exe)] if exe.exists() else [sys.executable, "-m", "analyzer.cli"]


def analyzer_source() -> str:
    """Where the analyzed-with code comes from (PYTHONPATH can point at a
    clean ``git archive`` of a commit: the working tree may hold others' edits)."""
    spec = importlib.util.find_spec("analyzer")
    return str(Path(spec.origin).parent) if spec and spec.origin else "?"


def run_tree(tree: Path, out: Path, jobs: int | None, frontend: str = "") -> dict:
    report = out / f"{tree.name}.json"
    cmd = pooltrack_cmd() + ["check", str(tree), "--format", "json", "-o", str(report),
                             "--no-progress", "--no-config", "--root", str(tree)]
    if jobs:
        cmd += ["-j", str(jobs)]
    if frontend:
        cmd += ["--frontend", frontend]
    t0 = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        time.sleep(0.02)
    wall = time.monotonic() - t0
    stderr = proc.stderr.read().decode(errors="replace") if proc.stderr else ""
    row: dict = {"tree": str(tree), "command": " ".join(cmd), "analyzer": analyzer_source(),
                 "exit": proc.returncode,
                 "wall_s": round(wall, 1), "peak_rss_mib": round(peak / 1024, 1)}
    try:
        data = json.loads(report.read_text())
    except (OSError, ValueError) as exc:
        row["error"] = f"no readable report ({exc}); stderr: {stderr[-500:]}"
        return row
    s = data["summary"]
    row["files"] = s["filesAnalyzed"]
    row["files_failed"] = s["filesFailed"]
    row["lines"] = s["lines"]
    rules = Counter(f["ruleId"] for f in data["findings"])
    row["findings"] = {r: rules.get(r, 0) for r in RULES} | {r: n for r, n in rules.items() if r not in RULES}
    kinds = Counter(n["kind"] for n in data["notifications"])
    row["notifications"] = dict(sorted(kinds.items()))
    row["internal_errors"] = kinds.get("internal-error", 0)
    row["report"] = str(report)
    return row


def markdown(rows: list[dict]) -> str:
    head = ("| tree | files | lines | wall (s) | peak RSS (MiB) | " + " | ".join(RULES)
            + " | notifications | internal errors |")
    lines = [head, "|" + "---|" * (head.count("|") - 1)]
    for r in rows:
        if "error" in r:
            lines.append(f"| {Path(r['tree']).name} | error: {r['error']} |")
            continue
        notes = ", ".join(f"{k} {v}" for k, v in r["notifications"].items()) or "0"
        lines.append(f"| {Path(r['tree']).name} | {r['files']} | {r['lines']:,} | {r['wall_s']} | "
                     f"{r['peak_rss_mib']} | " + " | ".join(str(r["findings"][x]) for x in RULES)
                     + f" | {notes} | {r['internal_errors']} |")
    return "\n".join(lines)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("trees", nargs="+", type=Path)
    ap.add_argument("--jobs", type=int, help="worker processes (default: pooltrack's, one per core)")
    ap.add_argument("--out", type=Path, default=Path(__file__).parent / "out" / "real-world")
    ap.add_argument("--markdown", action="store_true", help="print the table as Markdown at the end")
    ap.add_argument("--frontend", default="", help="pooltrack check --frontend (tree-sitter, clang, auto)")
    args = ap.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    rows, bad = [], False
    for tree in args.trees:          # one at a time: the machine is small
        row = run_tree(tree.resolve(), args.out, args.jobs, args.frontend)
        rows.append(row)
        bad |= "error" in row or row.get("internal_errors", 0) > 0
        print(json.dumps(row), flush=True)
    (args.out / "summary.json").write_text(json.dumps(rows, indent=2) + "\n")
    if args.markdown:
        print(markdown(rows))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
