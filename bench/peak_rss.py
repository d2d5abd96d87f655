"""Peak RSS and wall time of `pooltrack check` on the per-file-bound stress inputs.

    python bench/peak_rss.py [--out DIR] [--jobs N]

Generates, under DIR (default: a temporary directory), a 50 MB file, a file
with one 10 MB line, a function with 3000 sequential branches, deeply nested
loops with gotos, and a function whose states hold 4000 live allocations,
next to a corpus case that leaks; runs the CLI on each (one fresh process per
case, so ru_maxrss is that run's peak) and prints peak RSS, wall time, the
bound-hit notifications and whether the leaking file was still reported.
Not a test: the figures depend on the machine (docs/reliability.md has them).
"""
from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

from test_reliability import LEAK, branchy, nested_loops, wide  # noqa: E402


def cases() -> dict[str, bytes | None]:
    line = b"static const unsigned char fw[] = { 0x00, 0x01, 0x02, 0x03, 0x04, 0x05 };\n"
    return {
        "big50mb.c": line * (50 * 2**20 // len(line)),
        "oneline10mb.c": b"int x = " + b"1 + " * (10 * 2**20 // 4) + b"1;\n",
        "branchy3000.c": branchy(3000),
        "loops40.c": nested_loops(40),
        "wide4000.c": wide(4000),
    }


_CHILD = r"""
import json, resource, sys, time
from analyzer.engine import Config, analyze
t = time.monotonic()
r = analyze(sys.argv[1:-1], Config(jobs=int(sys.argv[-1])))
wall = time.monotonic() - t
rss = max(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)
print(json.dumps({"wall_s": round(wall, 2), "peak_rss_mib": round(rss / 1024, 1),
                  "bound_hits": [n.message for n in r.notifications if n.kind == "bound-hit"],
                  "leak_reported": any(f.path.endswith("leak.c") for f in r.findings)}))
"""


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--out")
    ap.add_argument("--jobs", type=int, default=1)
    args = ap.parse_args()
    base = Path(args.out or tempfile.mkdtemp(prefix="pooltrack-rss-"))
    results = {}
    for name, data in cases().items():
        d = base / name.removesuffix(".c")
        d.mkdir(parents=True, exist_ok=True)
        (d / name).write_bytes(data)
        (d / "leak.c").write_bytes(LEAK)
        proc = subprocess.run([sys.executable, "-c", _CHILD, str(d / name), str(d / "leak.c"), str(args.jobs)],
                              cwd=ROOT, capture_output=True, text=True)
        results[name] = json.loads(proc.stdout) if proc.returncode == 0 else {"error": proc.stderr[-500:]}
        print(name, json.dumps(results[name]), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
