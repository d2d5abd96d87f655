"""Shrink a crashing or hanging fuzz input while it keeps failing the same way.

    python fuzz/minimize.py INPUT STAGE [--timeout S] [-o OUT]

Delta debugging over lines, then over bytes: a candidate is kept when the
stage still raises the same exception type (or, for a hang, still runs over
``--timeout`` seconds; each try runs in a forked child that is killed then).
"""
from __future__ import annotations

import argparse
import multiprocessing as mp
import sys
import traceback
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))


def _run(stage: str, data: bytes, conn) -> None:
    from fuzz.targets import TARGETS
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))
    try:
        TARGETS[stage](data)
        conn.send(None)
    except Exception as exc:  # noqa: BLE001
        conn.send(type(exc).__name__ + "|" + traceback.format_exc().strip().splitlines()[-1][:80])


def outcome(stage: str, data: bytes, timeout: float) -> str | None:
    """None (ok), an exception signature, "HANG" or "DIED"."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(False)
    p = ctx.Process(target=_run, args=(stage, data, child))
    p.start()
    if not parent.poll(timeout):
        p.kill()
        p.join()
        return "HANG" if p.exitcode is not None and p.exitcode < 0 and not parent.poll(0) else "DIED"
    try:
        result = parent.recv()
    except EOFError:
        result = "DIED"
    p.join()
    return result


def minimize(stage: str, data: bytes, timeout: float) -> bytes:
    want = outcome(stage, data, timeout)
    if want is None:
        raise SystemExit("input does not fail")
    kind = want.split("|")[0]

    def fails(candidate: bytes) -> bool:
        got = outcome(stage, candidate, timeout)
        return got is not None and got.split("|")[0] == kind

    for unit in ("lines", "bytes"):
        parts = data.splitlines(keepends=True) if unit == "lines" else [bytes([b]) for b in data]
        if unit == "bytes" and len(parts) > 4096:
            break
        chunk = max(1, len(parts) // 2)
        while chunk >= 1:
            i, changed = 0, False
            while i < len(parts):
                candidate = parts[:i] + parts[i + chunk:]
                if candidate and fails(b"".join(candidate)):
                    parts, changed = candidate, True
                else:
                    i += chunk
            if not changed:
                chunk //= 2
        data = b"".join(parts)
    return data


def main(argv=None) -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("stage")
    ap.add_argument("--timeout", type=float, default=10.0)
    ap.add_argument("-o", "--output")
    args = ap.parse_args(argv)
    data = Path(args.input).read_bytes()
    small = minimize(args.stage, data, args.timeout)
    print(f"{len(data)} -> {len(small)} bytes", file=sys.stderr)
    if args.output:
        Path(args.output).write_bytes(small)
    else:
        sys.stdout.buffer.write(small)
    return 0


if __name__ == "__main__":
    sys.exit(main())
