"""How long the pre-commit hook takes on a one-file change in a 50-file driver.

    python bench/precommit_hook.py [--files 50] [--runs 5] [--pre-commit]

Generates a driver of N source files (each ~150 lines: dispatch routines,
allocations freed on every path, one file with a leak) in a temporary
directory, then times what the hook runs for a one-file change:
``pooltrack check --changed-files --no-progress <file>`` (which reads the
file's whole directory tree as context).  "Warm" is the median of the runs
after the first (the OS file cache and Python's bytecode cache are hot).

With ``--pre-commit`` it also times ``pre-commit run pooltrack --files <file>``
from a git repository whose .pre-commit-config.yaml points at this checkout
(a ``repo: local`` hook with the same entry and args, so no hook environment
has to be installed): the figure includes pre-commit's own start-up.
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


def driver_file(i: int, leak: bool) -> str:
    parts = [f"// generated driver file {i}\n#include <ntddk.h>\n\n"]
    for j in range(6):
        release = "" if (leak and j == 0) else "    ExFreePoolWithTag(buf, 'tseT');\n"
        parts.append(textwrap.dedent(f"""\
            NTSTATUS
            Dispatch{i}_{j}(PDEVICE_OBJECT Device, PIRP Irp)
            {{
                NTSTATUS status = STATUS_SUCCESS;
                PVOID buf = ExAllocatePool2(POOL_FLAG_NON_PAGED, 128 + {j}, 'tseT');
                UNREFERENCED_PARAMETER(Device);
                if (buf == NULL) {{
                    status = STATUS_INSUFFICIENT_RESOURCES;
                    goto Done;
                }}
                RtlZeroMemory(buf, 128);
                if (Irp->IoStatus.Information > {j}) {{
                    status = STATUS_INVALID_PARAMETER;
                }}
            """) + release + textwrap.dedent("""\
            Done:
                Irp->IoStatus.Status = status;
                IoCompleteRequest(Irp, IO_NO_INCREMENT);
                return status;
            }

            static ULONG
            """) + f"Helper{i}_{j}(ULONG x)\n{{\n    return x * {j + 1} + {i};\n}}\n\n")
    return "".join(parts)


def generate(root: Path, files: int) -> list[Path]:
    out = []
    for i in range(files):
        sub = root / "driver" / ("io" if i % 2 else "pnp")
        sub.mkdir(parents=True, exist_ok=True)
        p = sub / f"file{i:02d}.c"
        p.write_text(driver_file(i, leak=(i == 7)), encoding="utf-8")
        out.append(p)
    return out


def timed(cmd: list[str], cwd: Path, env=None) -> tuple[float, int]:
    start = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    return time.perf_counter() - start, proc.returncode


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--files", type=int, default=50)
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--pre-commit", action="store_true")
    args = ap.parse_args()
    pooltrack = shutil.which("pooltrack", path=os.path.dirname(sys.executable)) or "pooltrack"
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        files = generate(root, args.files)
        changed = files[3].relative_to(root).as_posix()
        lines = sum(p.read_text().count("\n") for p in files)
        print(f"driver: {len(files)} files, {lines} lines; changed file: {changed}")
        cmd = [pooltrack, "check", "--changed-files", "--no-progress", changed]
        times = [timed(cmd, root) for _ in range(args.runs + 1)]
        warm = statistics.median(t for t, _ in times[1:])
        print(f"pooltrack check --changed-files: cold {times[0][0]:.3f} s, warm median {warm:.3f} s "
              f"(exit {times[-1][1]}), {args.runs} runs")
        result = {"warm_check_s": warm}
        if args.pre_commit:
            subprocess.run(["git", "init", "-q"], cwd=root, check=True)
            (root / ".pre-commit-config.yaml").write_text(textwrap.dedent(f"""\
                repos:
                  - repo: local
                    hooks:
                      - id: pooltrack
                        name: pooltrack
                        language: system
                        entry: {pooltrack} check
                        args: [--changed-files, --no-progress]
                        types_or: [c, c++]
                        require_serial: true
                """))
            subprocess.run(["git", "add", "-A"], cwd=root, check=True)
            pc = [sys.executable, "-m", "pre_commit", "run", "pooltrack", "--files", changed]
            env = dict(os.environ, PRE_COMMIT_HOME=str(root / ".pc-home"))
            times = [timed(pc, root, env) for _ in range(args.runs + 1)]
            warm_pc = statistics.median(t for t, _ in times[1:])
            print(f"pre-commit run pooltrack --files <1 file>: warm median {warm_pc:.3f} s "
                  f"(exit {times[-1][1]})")
            result["warm_pre_commit_s"] = warm_pc
    return 0


if __name__ == "__main__":
    sys.exit(main())
