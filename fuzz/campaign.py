"""Time-bounded fuzz campaign over every stage.

    python fuzz/campaign.py --seconds 600 [--executions N] [--workers 2] [--timeout 5] [--seed 1] [--out fuzz/out]

Each worker process runs inputs ``input_for(seed, i)`` for its own indices,
rotating through the stages (blanking, lowering, cfg, pipeline; with
``--stages`` also config and baseline loading, which get their own seeds).  The parent
watches every worker: an exception is a crash, a worker that dies is a crash,
and a worker stuck on one input for more than ``--timeout`` seconds of CPU
time (wall time where CPU time is not available) is a hang
(it is killed and restarted after that input).  Inputs are reproducible from
(seed, index), so crashing and hanging inputs are written to ``--out`` with
their stage.  Prints executions, crashes and hangs; exit status 1 if any.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import multiprocessing as mp
import os
import sys
import time
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from fuzz.mutate import input_for, seeds_for  # noqa: E402

SOURCE_STAGES = ("blanking", "lowering", "cfg", "pipeline")
ALL_STAGES = SOURCE_STAGES + ("config", "baseline")
STAGES = SOURCE_STAGES          # set by --stages


def cpu_seconds(pid: int) -> float | None:
    """User + system CPU time of a process (Linux), or None where unknown."""
    try:
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def stage_of(index: int) -> str:
    return STAGES[index % len(STAGES)]


def _worker(seed: int, start: int, step: int, current, count, crashes) -> None:
    from fuzz.targets import TARGETS
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))  # as engine workers do
    seeds = {stage: seeds_for(stage) for stage in STAGES}
    i = start
    while True:
        current.value = i
        stage = stage_of(i)
        data = input_for(seed, i, seeds[stage])
        try:
            TARGETS[stage](data)
        except Exception as exc:  # noqa: BLE001 - every exception is a finding
            crashes.put((i, stage, f"{type(exc).__name__}: {exc}"[:300],
                         traceback.format_exc()[-2000:]))
        with count.get_lock():
            count.value += 1
        i += step


def _clock(pid: int) -> float:
    """CPU time of the worker where known (a starved, niced worker is not hung), else wall time."""
    cpu = cpu_seconds(pid)
    return time.monotonic() if cpu is None else cpu


def _save(out: Path, kind: str, seed: int, index: int, stage: str, detail: str, seeds) -> str:
    data = input_for(seed, index, seeds[stage])
    digest = hashlib.sha1(data).hexdigest()[:12]
    out.mkdir(parents=True, exist_ok=True)
    name = f"{kind}-{stage}-{digest}"
    (out / f"{name}.bin").write_bytes(data)
    (out / f"{name}.json").write_text(json.dumps(
        {"kind": kind, "stage": stage, "seed": seed, "index": index, "detail": detail}, indent=1))
    return name


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--seconds", type=float, default=60)
    ap.add_argument("--executions", type=int, default=0,
                    help="stop once this many inputs ran (0: only --seconds bounds the run)")
    ap.add_argument("--workers", type=int, default=1)
    ap.add_argument("--timeout", type=float, default=5.0, help="per-input limit (hang above it)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default=str(Path(__file__).parent / "out"))
    ap.add_argument("--max-findings", type=int, default=50, help="stop saving after this many")
    ap.add_argument("--stages", default=",".join(SOURCE_STAGES),
                    help=f"comma-separated, from {', '.join(ALL_STAGES)} (default: the source stages)")
    args = ap.parse_args(argv)
    global STAGES
    STAGES = tuple(s.strip() for s in args.stages.split(",") if s.strip())
    if not STAGES or set(STAGES) - set(ALL_STAGES):
        ap.error(f"--stages: choose from {', '.join(ALL_STAGES)}")
    out = Path(args.out)
    seeds = {stage: seeds_for(stage) for stage in STAGES}
    ctx = mp.get_context("fork")
    crashes_q = ctx.Queue()
    total = ctx.Value("q", 0)
    procs: dict[int, tuple] = {}          # slot -> (process, current index value, started, last index)

    def spawn(slot: int, start: int):
        cur = ctx.Value("q", -1)        # -1 while the worker starts up
        p = ctx.Process(target=_worker, args=(args.seed, start, args.workers, cur, total, crashes_q),
                        daemon=True)
        p.start()
        procs[slot] = [p, cur, _clock(p.pid), -1]

    for slot in range(args.workers):
        spawn(slot, slot)
    crashes: dict[str, str] = {}          # signature -> saved name
    hangs: list[str] = []
    deaths = 0
    t0 = time.monotonic()
    deadline = t0 + args.seconds
    last_print = t0
    try:
        while time.monotonic() < deadline and not (args.executions and total.value >= args.executions):
            time.sleep(0.05)
            while not crashes_q.empty():
                index, stage, sig, tb = crashes_q.get()
                key = f"{stage}:{sig.split(':')[0]}:{tb.strip().splitlines()[-3] if tb else ''}"
                if key not in crashes and len(crashes) < args.max_findings:
                    crashes[key] = _save(out, "crash", args.seed, index, stage, tb, seeds)
                    print(f"CRASH {stage} #{index}: {sig} -> {crashes[key]}", flush=True)
            now = time.monotonic()
            for slot, entry in list(procs.items()):
                p, cur, since, seen = entry
                index = cur.value
                if index != seen:
                    entry[2], entry[3] = _clock(p.pid), index
                    continue
                if index < 0 and p.is_alive():
                    continue
                if not p.is_alive():
                    if index < 0:
                        raise SystemExit(f"fuzz worker failed to start (exit code {p.exitcode})")
                    deaths += 1
                    name = _save(out, "crash", args.seed, index, stage_of(index),
                                 f"worker died with exit code {p.exitcode}", seeds)
                    print(f"CRASH {stage_of(index)} #{index}: worker died ({p.exitcode}) -> {name}",
                          flush=True)
                    spawn(slot, index + args.workers)
                elif _clock(p.pid) - since > args.timeout:
                    p.kill()
                    p.join()
                    name = _save(out, "hang", args.seed, index, stage_of(index),
                                 f"over {args.timeout}s", seeds)
                    hangs.append(name)
                    print(f"HANG {stage_of(index)} #{index} -> {name}", flush=True)
                    spawn(slot, index + args.workers)
            if now - last_print > 30:
                last_print = now
                print(f"[{now - t0:.0f}s] {total.value} executions, {len(crashes) + deaths} crashes, "
                      f"{len(hangs)} hangs", flush=True)
    except KeyboardInterrupt:
        pass
    finally:
        for p, *_ in procs.values():
            p.kill()
            p.join()
    elapsed = time.monotonic() - t0
    summary = {"executions": total.value, "seconds": round(elapsed, 1),
               "executions_per_second": round(total.value / elapsed, 1),
               "crashes": len(crashes) + deaths, "hangs": len(hangs), "seed": args.seed,
               "workers": args.workers, "timeout": args.timeout,
               "saved": sorted(crashes.values()) + hangs}
    print(json.dumps(summary, indent=1))
    return 1 if summary["crashes"] or summary["hangs"] else 0


if __name__ == "__main__":
    sys.exit(main())
