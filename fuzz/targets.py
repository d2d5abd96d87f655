"""One fuzz target per text-taking stage, and one for the whole pipeline.

Each target takes bytes and either returns or raises; raising is a crash.
Targets also check the stage's own contract (e.g. blanking keeps every byte
offset), raising AssertionError when it is broken.
"""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from analyzer.cfg import build_cfg  # noqa: E402
from analyzer.frontend.blanking import blank  # noqa: E402
from analyzer.frontend.treesitter import TreeSitterFrontend  # noqa: E402
from analyzer.knowledge import default_knowledge  # noqa: E402
from analyzer.pipeline import analyze_source  # noqa: E402

_KNOWLEDGE = default_knowledge()
_FRONTEND = TreeSitterFrontend()


def blanking(data: bytes) -> None:
    text, spans = blank(data)
    assert len(text) == len(data), "blanking changed the length"
    assert all(a == b for a, b in zip(text, data) if a in b"\r\n" or b in b"\r\n"), \
        "blanking moved a line break"
    last = -1
    for s, e, _ in spans:
        assert last <= s < e <= len(data), f"bad span {(s, e)}"
        last = e


def lowering(data: bytes) -> None:
    # select=None: lower every function body, not only the allocating ones.
    _FRONTEND.parse_unit("fuzz.c", data, None)


def cfg(data: bytes) -> None:
    unit = _FRONTEND.parse_unit("fuzz.c", data, None)
    for fn in unit.functions:
        if fn.body is not None:
            build_cfg(fn, _KNOWLEDGE.noreturn).dump()


def config(data: bytes) -> None:
    """A project configuration file: ConfigError is the only way to fail."""
    from analyzer.config import ConfigError, load_config
    from analyzer.ruledocs import load_rules
    path = _scratch() / ".pooltrack.toml"
    path.write_bytes(data)
    try:
        project = load_config(path, set(load_rules()))
    except ConfigError as exc:
        assert str(exc).startswith(str(path)), "a configuration error must name its file"
        return
    keep = project.path_filter()
    if keep is not None:
        for name in ("src/a.c", "/abs/b.h", "x/y/z.cpp", "\u00e9.c"):
            keep(name)


def baseline(data: bytes) -> None:
    """A SARIF baseline (--baseline): BaselineError is the only way to fail."""
    from analyzer.baseline import BaselineError, load_baseline
    path = _scratch() / "baseline.sarif"
    path.write_bytes(data)
    try:
        load_baseline(str(path))
    except BaselineError:
        pass


_SCRATCH: list[Path] = []


def _scratch() -> Path:
    """One temporary directory per process (the loaders take file paths)."""
    if not _SCRATCH:
        import atexit
        import shutil
        import tempfile
        _SCRATCH.append(Path(tempfile.mkdtemp(prefix="pooltrack-fuzz-")))
        atexit.register(shutil.rmtree, _SCRATCH[0], True)
    return _SCRATCH[0]


def pipeline(data: bytes) -> None:
    report = analyze_source("fuzz.c", data, _KNOWLEDGE)
    for f in report.findings:
        assert f.loc.line >= 1, "finding without a line"


TARGETS = {"blanking": blanking, "lowering": lowering, "cfg": cfg, "pipeline": pipeline,
           "config": config, "baseline": baseline}
# Stages whose inputs are source files; the others get their own seeds (fuzz/mutate.py).
SOURCE_STAGES = ("blanking", "lowering", "cfg", "pipeline")
