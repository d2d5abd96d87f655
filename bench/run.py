"""Benchmark: pooltrack over a large driver tree.

    python bench/run.py [TREE] [--jobs N] [--repeat N] [--per-file] [--frontend F] [--versus F] [--json]

TREE defaults to /work/ext/wds (a checkout of microsoft/Windows-driver-samples,
never committed here).  When it is absent, a driver-like tree of about a
million lines is generated under bench/out/ and measured instead.

Runs ``pooltrack check --format sarif`` as a subprocess (so start-up and
report writing count) and samples the summed RSS of the process and its
workers every 50 ms for the peak.

``--frontend clang --versus tree-sitter`` alternates runs of the two
frontends (this VM's speed drifts by 15 % and more between minutes, so
back-to-back pairs compare better than two series) and reports the ratio of
their best and of their median wall times.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

DEFAULT_TREE = Path("/work/ext/wds")
GENERATED = Path(__file__).parent / "out" / "generated-tree"


def tree_rss_kib(root_pid: int) -> int:
    """Summed RSS of a process and all its descendants, from /proc.  Follows
    each process's children list rather than scanning all of /proc: the
    sampler shares the two cores with what it measures, so it must be cheap."""
    page_kib = os.sysconf("SC_PAGE_SIZE") // 1024
    total, stack = 0, [root_pid]
    while stack:
        pid = stack.pop()
        try:
            with open(f"/proc/{pid}/statm") as fh:
                total += int(fh.read().split()[1]) * page_kib
            for task in os.listdir(f"/proc/{pid}/task"):
                with open(f"/proc/{pid}/task/{task}/children") as fh:
                    stack.extend(int(c) for c in fh.read().split())
        except (OSError, IndexError, ValueError):
            continue      # the process ended meanwhile
    return total


def count_lines(tree: Path) -> tuple[int, int]:
    files = lines = 0
    for path in tree.rglob("*"):
        if path.suffix.lower() in (".c", ".cpp", ".h", ".hpp") and path.is_file():
            files += 1
            with open(path, "rb") as fh:
                lines += fh.read().count(b"\n")
    return files, lines


def generate_tree(target_lines: int = 1_000_000) -> Path:
    """Driver-like C: dispatch routines with allocations, error paths, loops."""
    if (GENERATED / ".done").exists():
        return GENERATED
    GENERATED.mkdir(parents=True, exist_ok=True)
    template = '''
_Use_decl_annotations_
NTSTATUS
Dispatch{n}(PDEVICE_OBJECT DeviceObject, PIRP Irp)
{{
    PDEVICE_EXTENSION devExt = DeviceObject->DeviceExtension;
    PVOID buffer = NULL;
    PMDL mdl = NULL;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i;

    PAGED_CODE();
    buffer = ExAllocatePool2(POOL_FLAG_NON_PAGED, 256 + {n}, 'nGeB');
    if (buffer == NULL) {{
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }}
    for (i = 0; i < devExt->Count; i++) {{
        if (devExt->Table[i] == {n}) {{
            break;
        }}
    }}
    mdl = IoAllocateMdl(buffer, 256, FALSE, FALSE, NULL);
    if (mdl == NULL) {{
        status = STATUS_INSUFFICIENT_RESOURCES;
        goto Exit;
    }}
    MmBuildMdlForNonPagedPool(mdl);
    switch (IoGetCurrentIrpStackLocation(Irp)->MajorFunction) {{
    case IRP_MJ_READ:
        status = ReadHelper(devExt, mdl);
        break;
    case IRP_MJ_WRITE:
        status = WriteHelper(devExt, mdl);
        break;
    default:
        status = STATUS_INVALID_DEVICE_REQUEST;
        break;
    }}
Exit:
    if (mdl != NULL) {{
        IoFreeMdl(mdl);
    }}
    if (buffer != NULL) {{
        ExFreePoolWithTag(buffer, 'nGeB');
    }}
    Irp->IoStatus.Status = status;
    IoCompleteRequest(Irp, IO_NO_INCREMENT);
    return status;
}}

static VOID
Helper{n}(PDEVICE_EXTENSION devExt, ULONG value)
{{
    if (value > devExt->Limit) {{
        devExt->Limit = value;
    }} else {{
        devExt->Count += 1;
    }}
}}
'''
    lines_per = template.count("\n")
    functions_per_file = 20
    n = 0
    file_index = 0
    while n * lines_per < target_lines:
        path = GENERATED / f"dir{file_index // 50:03d}" / f"file{file_index:04d}.c"
        path.parent.mkdir(parents=True, exist_ok=True)
        body = "#include <ntddk.h>\n" + "".join(template.format(n=n + k) for k in range(functions_per_file))
        path.write_text(body)
        n += functions_per_file
        file_index += 1
    (GENERATED / ".done").write_text("")
    return GENERATED


def run_once(tree: Path, jobs: int, per_file: bool = False, frontend: str = "") -> dict:
    out = Path(os.devnull)
    cmd = [sys.executable, "-m", "analyzer.cli", "check", str(tree), "--format", "sarif",
           "-o", str(out), "--no-progress"]
    if jobs:
        cmd += ["--jobs", str(jobs)]
    if per_file:
        cmd.append("--per-file")   # the core alone, to measure what the whole-driver model costs
    if frontend:
        cmd += ["--frontend", frontend]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
    peak = 0
    while proc.poll() is None:
        peak = max(peak, tree_rss_kib(proc.pid))
        time.sleep(0.05)
    wall = time.perf_counter() - start
    if proc.returncode not in (0, 1):
        raise SystemExit(f"pooltrack failed with exit code {proc.returncode}")
    return {"wall_s": round(wall, 2), "peak_rss_mib": round(peak / 1024, 1)}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("tree", nargs="?", type=Path, default=None)
    ap.add_argument("--jobs", type=int, default=0, help="workers (default: one per core)")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--per-file", action="store_true", help="pooltrack check --per-file (no whole-driver model)")
    ap.add_argument("--frontend", default="", help="pooltrack check --frontend (default: its own default)")
    ap.add_argument("--versus", default="", help="a second frontend, run alternately; prints the time ratio")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    tree = args.tree or (DEFAULT_TREE if DEFAULT_TREE.is_dir() else generate_tree())
    files, lines = count_lines(tree)
    if args.versus:
        compare(tree, args, files, lines)
        return
    runs = [run_once(tree, args.jobs, args.per_file, args.frontend) for _ in range(args.repeat)]
    best = min(runs, key=lambda r: r["wall_s"])
    report = {"tree": str(tree), "files": files, "lines": lines, "cores": os.cpu_count(),
              "jobs": args.jobs or os.cpu_count(), "per_file": args.per_file, "runs": runs, "best_wall_s": best["wall_s"],
              "lines_per_s": int(lines / best["wall_s"]),
              "peak_rss_mib": max(r["peak_rss_mib"] for r in runs)}
    if args.json:
        print(json.dumps(report, indent=2))
    else:
        print(f"tree        {report['tree']}")
        print(f"files       {files}")
        print(f"lines       {lines}")
        print(f"workers     {report['jobs']} on {report['cores']} cores")
        print(f"wall        {', '.join(str(r['wall_s']) for r in runs)} s (best {best['wall_s']} s)")
        print(f"throughput  {report['lines_per_s']} lines/s")
        print(f"peak RSS    {report['peak_rss_mib']} MiB (process and workers, summed)")


def compare(tree: Path, args, files: int, lines: int) -> None:
    import statistics
    series: dict[str, list[dict]] = {args.frontend: [], args.versus: []}
    for _ in range(args.repeat):
        for frontend in series:
            series[frontend].append(run_once(tree, args.jobs, args.per_file, frontend))
    walls = {f: [r["wall_s"] for r in runs] for f, runs in series.items()}
    report = {"tree": str(tree), "files": files, "lines": lines, "jobs": args.jobs or os.cpu_count(),
              "runs": series,
              "best_ratio": round(min(walls[args.frontend]) / min(walls[args.versus]), 2),
              "median_ratio": round(statistics.median(walls[args.frontend]) / statistics.median(walls[args.versus]), 2)}
    if args.json:
        print(json.dumps(report, indent=2))
        return
    print(f"tree        {tree} ({files} files, {lines} lines), {report['jobs']} workers")
    for frontend, runs in series.items():
        print(f"{frontend or 'default':<12}{', '.join(str(r['wall_s']) for r in runs)} s, "
              f"peak RSS {max(r['peak_rss_mib'] for r in runs)} MiB")
    print(f"ratio       best {report['best_ratio']}x, median {report['median_ratio']}x")


if __name__ == "__main__":
    main()
