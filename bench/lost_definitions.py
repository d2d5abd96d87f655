"""Which function definitions tree-sitter lowers and the clang frontend does not, by cause.

    python bench/lost_definitions.py [ROOT] [--ext .cpp,.cc,.cxx] [--headers mingw] [--show N]

ROOT defaults to /work/ext/wds (microsoft/Windows-driver-samples, never
copied into this repository).  For every file, both frontends lower all
bodies; a definition tree-sitter finds whose name clang's unit lacks is
"lost", and is put down to:

    inactive branch     inside a range the preprocessor skipped (clang_getSkippedRanges):
                        by design, clang analyzes one configuration
    unended declaration after "expected function body after function declarator" or
                        "expected ';' after top level declarator": a broken header left a
                        declaration open and clang dropped the rest of the file
    other               the rest (printed, up to --show)
"""
from __future__ import annotations

import argparse
import collections
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzer.frontend.clang import _UNENDED, ClangFrontend  # noqa: E402
from analyzer.frontend.clang_native import main_file_errors, skipped_lines  # noqa: E402
from analyzer.frontend.includes import reached_headers  # noqa: E402
from analyzer.frontend.treesitter import TreeSitterFrontend  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("root", nargs="?", default="/work/ext/wds")
    ap.add_argument("--ext", default=".cpp,.cc,.cxx")
    ap.add_argument("--headers", default="mingw", choices=("mingw", "shim"))
    ap.add_argument("--show", type=int, default=20, help="print this many 'other' definitions")
    args = ap.parse_args()
    extensions = tuple(args.ext.split(","))
    clang, ts = ClangFrontend(headers=args.headers), TreeSitterFrontend()
    causes: collections.Counter = collections.Counter()
    per_file: collections.Counter = collections.Counter()
    total = shown = 0
    for directory, subdirs, names in os.walk(args.root):
        subdirs.sort()
        for name in sorted(n for n in names if n.endswith(extensions)):
            path = os.path.abspath(os.path.join(directory, name))
            src = Path(path).read_bytes()
            found = ts.parse_unit(path, src).functions
            total += len(found)
            have = {f.name for f in clang.parse_unit(path, src).functions}
            lost = [f for f in found if f.name not in have]
            if not lost:
                continue
            # The first parse again, for its diagnostics and skipped ranges.
            tu, _ = clang._parse(path, src, b"", reached_headers(path, src, clang.include_dirs))
            skipped = skipped_lines(tu)
            unended = [line for line, _, message in main_file_errors(tu) if message.startswith(_UNENDED)]
            for f in lost:
                if any(a <= f.loc.line <= b for a, b in skipped):
                    causes["inactive branch"] += 1
                    continue
                cause = "unended declaration" if any(line <= f.loc.line for line in unended) else "other"
                causes[cause] += 1
                per_file[path] += 1
                if cause == "other" and shown < args.show:
                    shown += 1
                    print(f"other: {path}:{f.loc.line} {f.name}")
    print(f"tree-sitter definitions: {total}; not in clang's unit: {sum(causes.values())}")
    for cause, count in causes.most_common():
        print(f"  {cause:20} {count}")
    for path, count in per_file.most_common(10):
        print(f"  {count:4}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
