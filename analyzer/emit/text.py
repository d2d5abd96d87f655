"""The human format::

    src/read.c:12:19: warning: 'buffer' leaks when ReadConfig returns here [PT001]
        src/read.c:12:19: allocated by ExAllocatePool2
        src/read.c:15:9: returns STATUS_UNSUCCESSFUL without freeing 'buffer'
    src/broken.c: error: cannot read: Permission denied
    1 finding in 10 files (1 file could not be analyzed)

One line per finding (``path:line:col: severity: message [RULE]``), followed by
its path steps indented by four spaces, then one line per tool notification
(``path: level: message``, with ``:line:col`` after the path when the
notification has a location, and ``pooltrack`` in place of the path when it
has none), then the summary line: findings, files analyzed, files that could
not be analyzed.  Findings and notifications are sorted, so the output is
deterministic.  Paths are printed as the analyzer was given them.
"""
from __future__ import annotations

import os
from typing import TextIO

from ..findings import Result
from ..ir import Loc
from .sarif import finding_order, notification_order
from . import write_out

__all__ = ["format_text", "write_text", "summary_line"]


def _where(path: str, loc: Loc | None) -> str:
    if loc is None or loc.line < 1:
        return path
    if loc.col < 1:
        return f"{path}:{loc.line}"
    return f"{path}:{loc.line}:{loc.col}"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _one_line(text: str) -> str:
    return " ".join(text.split())


def summary_line(result: Result) -> str:
    """``N findings in M files (K files could not be analyzed)``."""
    suppressed = f", {len(result.suppressed)} suppressed" if result.suppressed else ""
    return (f"{_plural(len(result.findings), 'finding')}{suppressed} in "
            f"{_plural(result.files_analyzed, 'file')} "
            f"({_plural(result.files_failed, 'file')} could not be analyzed)")


def format_text(result: Result, show_suppressed: bool = False) -> str:
    """Suppressed findings are listed only with ``show_suppressed`` (marked
    ``[PT001, suppressed: justification]``)."""
    lines: list[str] = []
    shown = [*result.findings, *result.suppressed] if show_suppressed else result.findings
    for f in sorted(shown, key=finding_order):
        tag = f.rule_id
        if f.justification is not None:
            tag += f", suppressed: {_one_line(f.justification)}" if f.justification else ", suppressed"
        lines.append(f"{_where(f.path, f.loc)}: {f.severity}: {_one_line(f.message)} [{tag}]")
        for step in f.steps:
            lines.append(f"    {_where(step.path, step.loc)}: {_one_line(step.message)}")
    for n in sorted(result.notifications, key=notification_order):
        where = _where(n.path, n.loc) if n.path else "pooltrack"
        lines.append(f"{where}: {n.level}: {_one_line(n.message)}")
    lines.append(summary_line(result))
    return "\n".join(lines) + "\n"


def write_text(result: Result, out: str | os.PathLike | TextIO, show_suppressed: bool = False) -> None:
    text = format_text(result, show_suppressed)
    write_out(text, out)
