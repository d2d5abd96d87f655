"""Time, peak memory and clean-parse rate of the frontends over a source tree.

    python bench/frontends.py [ROOT] [--limit N] [--json]

ROOT defaults to /work/ext/wds (a checkout of microsoft/Windows-driver-samples,
never copied into this repository).  Each configuration runs in its own
process (peak RSS = that process's ru_maxrss):

    tree-sitter     analyzer/frontend/treesitter.py
    clang-shim      libclang + the bundled analyzer/frontend/wdk_shim.h
    clang-mingw     libclang + the mingw-w64 DDK headers (Debian mingw-w64-x86-64-dev)
    clang-mingw-nopch   the same, each file parsing the headers itself (not in the default set)

"clean" counts function definitions the configuration's own parser lowered
with no error; "fallback" counts those clang could not check (a type or a
constant its headers lack) and tree-sitter lowered instead, as written.  Every
function body is lowered (no selector), so the times are an upper bound of
what `pooltrack check` spends in the frontend.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

DEFAULT_ROOT = "/work/ext/wds"
CONFIGS = ("tree-sitter", "clang-shim", "clang-mingw")


def sources(root: str, limit: int, extensions: tuple[str, ...] = (".c",)) -> list[str]:
    out = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        out += [os.path.join(dirpath, n) for n in sorted(filenames) if n.endswith(extensions)]
    return out[:limit] if limit else out


def worker(config: str, files: list[str]) -> dict:
    sys.setrecursionlimit(20000)
    if config == "tree-sitter":
        from analyzer.frontend.treesitter import TreeSitterFrontend
        fe = TreeSitterFrontend()
    else:
        from analyzer.frontend.clang import ClangFrontend
        # clang-mingw-nopch: the same without the precompiled kernel headers
        fe = ClangFrontend(headers=config.split("-")[1], precompile=not config.endswith("-nopch"))
    functions = clean = fallback = failed = 0
    start = time.perf_counter()
    for path in files:
        try:
            src = Path(path).read_bytes()
            unit = fe.parse_unit(path, src)
        except Exception:            # noqa: BLE001 - count and go on
            failed += 1
            continue
        functions += len(unit.functions)
        clean += sum(1 for f in unit.functions if not f.has_error and not f.fallback)
        fallback += sum(1 for f in unit.functions if f.fallback)
    seconds = time.perf_counter() - start
    return {"config": config, "files": len(files), "failed": failed, "functions": functions,
            "clean": clean, "fallback": fallback, "seconds": round(seconds, 2),
            "peak_rss_mib": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default=DEFAULT_ROOT)
    ap.add_argument("--limit", type=int, default=0, help="only the first N files (sorted walk)")
    ap.add_argument("--ext", default="c", help="comma-separated extensions (default: c; e.g. cpp)")
    ap.add_argument("--configs", default=",".join(CONFIGS))
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--worker", help=argparse.SUPPRESS)
    args = ap.parse_args()
    files = sources(args.root, args.limit, tuple("." + e.strip().lstrip(".") for e in args.ext.split(",")))
    if args.worker:
        print(json.dumps(worker(args.worker, files)))
        return 0
    rows = []
    for config in args.configs.split(","):
        cmd = [sys.executable, __file__, args.root, "--limit", str(args.limit), "--ext", args.ext,
               "--worker", config]
        proc = subprocess.run(cmd, capture_output=True, text=True)
        if proc.returncode != 0:
            print(proc.stderr, file=sys.stderr)
            continue
        rows.append(json.loads(proc.stdout.strip().splitlines()[-1]))
    if args.json:
        print(json.dumps(rows, indent=2))
        return 0
    print(f"{len(files)} {args.ext} files under {args.root}")
    print(f"{'config':<12} {'seconds':>8} {'ms/file':>8} {'peak MiB':>9} {'functions':>10} {'clean':>7} {'clean %':>8} {'fallback':>9} {'usable %':>9}")
    for r in rows:
        pct = 100.0 * r["clean"] / r["functions"] if r["functions"] else 0.0
        usable = 100.0 * (r["clean"] + r["fallback"]) / r["functions"] if r["functions"] else 0.0
        print(f"{r['config']:<12} {r['seconds']:8.2f} {1000 * r['seconds'] / max(1, r['files']):8.1f} "
              f"{r['peak_rss_mib']:9.1f} {r['functions']:10d} {r['clean']:7d} {pct:7.1f}% "
              f"{r['fallback']:9d} {usable:8.1f}%")
    return 0


if __name__ == "__main__":
    sys.exit(main())
