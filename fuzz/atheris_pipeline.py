"""Coverage-guided fuzzing of the per-file pipeline with atheris (libFuzzer).

    pip install atheris
    python fuzz/atheris_pipeline.py [-runs=N] [-max_total_time=S] [-max_len=65536] [CORPUS_DIR ...]

Seeds are every source in tests/corpus/ and tests/regressions/ (copied into
a scratch directory that libFuzzer may grow), unless corpus directories are
given.  Each input goes through one of the four stages of fuzz/targets.py,
chosen by its first byte, so coverage feedback steers all of them.  The
analyzer's modules are instrumented for coverage; a crash is libFuzzer's
usual crash report and reproducer file (``crash-<sha1>``), which
``fuzz/minimize.py`` can shrink into tests/regressions/.

The mutation campaign (fuzz/campaign.py) stays the long-running one: it
needs no native extension and checks for hangs by CPU time.
"""
from __future__ import annotations

import atexit
import shutil
import sys
import tempfile
from pathlib import Path

import atheris

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

with atheris.instrument_imports(include=["analyzer"]):
    from fuzz.targets import TARGETS

STAGES = sorted(TARGETS)


def one_input(data: bytes) -> None:
    if not data:
        return
    TARGETS[STAGES[data[0] % len(STAGES)]](data[1:])


def seed_directory() -> str:
    scratch = Path(tempfile.mkdtemp(prefix="pooltrack-atheris-"))
    for folder in ("tests/corpus", "tests/regressions"):
        for i, path in enumerate(sorted((ROOT / folder).rglob("*"))):
            if path.suffix in (".c", ".cpp", ".h", ".hpp"):
                for stage in range(len(STAGES)):
                    (scratch / f"{path.stem}-{i}-{stage}").write_bytes(bytes([stage]) + path.read_bytes())
    return str(scratch)


def main() -> None:
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))   # as engine workers do
    argv = list(sys.argv)
    if not any(not a.startswith("-") for a in argv[1:]):
        scratch = seed_directory()
        atexit.register(shutil.rmtree, scratch, True)   # atheris.Fuzz() exits, never returns
        argv.append(scratch)
    atheris.Setup(argv, one_input)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
