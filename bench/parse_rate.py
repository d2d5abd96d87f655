"""How many function definitions tree-sitter-c parses cleanly, raw vs blanked.

    python bench/parse_rate.py [ROOT] [--ext c,h] [--json] [--worst N]

ROOT defaults to /work/ext/wds (a checkout of microsoft/Windows-driver-samples,
never copied into this repository).  A function counts as clean when its
``function_definition`` node has no ERROR/MISSING descendant (``has_error``).
Seconds are CPU seconds (process time), which a busy shared machine skews
less than wall time.

Figures are given for all files and for C only: a ``.h`` file that uses C++
syntax outside comments and strings (``class X``, ``template<``, ``a::b``,
``public:``...) is a C++ header, which tree-sitter-c cannot parse whatever
is blanked; ``.cpp``/``.hpp`` files are C++ too (``--ext cpp,hpp``).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import tree_sitter  # noqa: E402

from analyzer.frontend.blanking import blank  # noqa: E402
from analyzer.frontend.tsparser import is_cplusplus as _is_cplusplus, language, parser  # noqa: E402

DEFAULT_ROOT = "/work/ext/wds"
MODES = ("raw", "blanked")
def is_cplusplus(path: Path, blanked: bytes) -> bool:
    return _is_cplusplus(str(path), blanked)


def iter_sources(root: Path, exts: set[str]):
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if d != ".git")
        for name in sorted(filenames):
            if name.rsplit(".", 1)[-1].lower() in exts:
                yield Path(dirpath) / name


def count_functions(tree: tree_sitter.Tree, query: tree_sitter.Query) -> tuple[int, int]:
    """(function definitions, those without ERROR/MISSING nodes)."""
    nodes = tree_sitter.QueryCursor(query).captures(tree.root_node).get("f", [])
    return len(nodes), sum(1 for n in nodes if not n.has_error)


def _empty() -> dict:
    return {m: {"functions": 0, "clean": 0} for m in MODES}


def measure(root: Path, exts: set[str]) -> dict:
    # Raw: plain tree-sitter-c on every file (the baseline).  Blanked: what
    # pooltrack's frontend does (blanking, and the C++ grammar for C++ files).
    queries = {cpp: tree_sitter.Query(language(cpp), "(function_definition) @f") for cpp in (False, True)}
    totals, c_only = _empty(), _empty()
    seconds = dict.fromkeys(MODES, 0.0)
    files = lines = cpp_files = 0
    blank_seconds = 0.0
    per_file = []
    for path in iter_sources(root, exts):
        try:
            src = path.read_bytes()
        except OSError:
            continue
        files += 1
        lines += src.count(b"\n")
        row = {"file": str(path.relative_to(root))}
        for mode in MODES:
            t0 = time.process_time()
            text, cpp = src, False
            if mode == "blanked":
                text, _ = blank(src)
                blank_seconds += time.process_time() - t0
                cpp = is_cplusplus(path, text)
            row[mode] = count_functions(parser(cpp).parse(text), queries[cpp])
            seconds[mode] += time.process_time() - t0
        row["cpp"] = is_cplusplus(path, text)  # text is the blanked source here
        cpp_files += row["cpp"]
        for mode in MODES:
            for acc in (totals,) if row["cpp"] else (totals, c_only):
                acc[mode]["functions"] += row[mode][0]
                acc[mode]["clean"] += row[mode][1]
        per_file.append(row)
    for acc in (totals, c_only):
        for t in acc.values():
            t["clean_pct"] = round(100.0 * t["clean"] / t["functions"], 2) if t["functions"] else 100.0
    for mode in MODES:
        totals[mode]["seconds"] = round(seconds[mode], 2)
    return {
        "root": str(root),
        "extensions": sorted(exts),
        "files": files,
        "cpp_files": cpp_files,
        "lines": lines,
        "blank_seconds": round(blank_seconds, 2),
        **totals,
        "c_only": c_only,
        "per_file": per_file,
    }


def print_table(res: dict, worst: int) -> None:
    print(f"root {res['root']}  ext {','.join(res['extensions'])}  files {res['files']} "
          f"(C++ among them: {res['cpp_files']})  lines {res['lines']}")
    print(f"{'mode':8} {'files':8} {'functions':>10} {'clean':>8} {'clean %':>8} {'cpu s':>8}")
    for mode in MODES:
        t = res[mode]
        print(f"{mode:8} {'all':8} {t['functions']:>10} {t['clean']:>8} {t['clean_pct']:>8.2f} {t['seconds']:>8.2f}")
    for mode in MODES:
        t = res["c_only"][mode]
        print(f"{mode:8} {'C only':8} {t['functions']:>10} {t['clean']:>8} {t['clean_pct']:>8.2f}")
    print(f"(blanking alone: {res['blank_seconds']:.2f} s)")
    if worst:
        rows = sorted(res["per_file"], key=lambda r: r["blanked"][0] - r["blanked"][1], reverse=True)
        print(f"\nworst {worst} files (failing/total functions after blanking):")
        for r in rows[:worst]:
            n, ok = r["blanked"]
            if n - ok:
                print(f"{n - ok:5}/{n:<5} {'C++ ' if r['cpp'] else ''}{r['file']}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("root", nargs="?", default=DEFAULT_ROOT)
    ap.add_argument("--ext", default="c,h", help="comma-separated extensions (default: c,h)")
    ap.add_argument("--json", action="store_true", help="machine-readable output")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="list the N files with most failing functions (with --json: keep per-file rows)")
    args = ap.parse_args(argv)
    exts = {e.strip().lstrip(".").lower() for e in args.ext.split(",") if e.strip()}
    res = measure(Path(args.root), exts)
    if args.json:
        if not args.worst:
            res.pop("per_file")
        print(json.dumps(res, indent=2))
    else:
        print_table(res, args.worst)
    return 0


if __name__ == "__main__":
    sys.exit(main())
