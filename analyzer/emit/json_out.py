"""A plain JSON format of the findings, for scripts.

Layout (``formatVersion`` 1; new keys may be added, existing ones keep their
meaning until the version changes)::

    {
      "format": "pooltrack-findings",
      "formatVersion": 1,
      "tool": {"name": "pooltrack", "version": "0.1.0"},
      "summary": {
        "findings": 2,            # number of findings
        "filesWithFindings": 1,
        "filesAnalyzed": 10,      # Result.files_analyzed
        "filesFailed": 1,         # Result.files_failed
        "lines": 2400,            # Result.lines
        "notifications": 1
      },
      "findings": [               # sorted by path, line, column, rule
        {
          "ruleId": "PT001",
          "ruleName": "alloc-leak",     # null for an unknown rule id
          "severity": "warning",        # "error" | "warning" | "note"
          "message": "...",
          "path": "src/read.c",         # see "Paths" below
          "line": 12, "column": 5, "endLine": 12, "endColumn": 20,
          "function": "ReadConfig",
          "key": "...",                 # the finding's identity inside the function
          "fingerprint": "0123...:1",   # same as SARIF partialFingerprints["pooltrack/v1"]
          "related": [{"path", "line", "column", "endLine", "endColumn", "message"}],
          "steps":   [{"path", "line", "column", "endLine", "endColumn", "message"}]
        }
      ],
      "notifications": [          # sorted by path, line, column, kind
        {"level": "error", "kind": "read-error", "message": "...",
         "path": "src/x.c",       # null when the notification has no file
         "line": 3, "column": 1, "endLine": 3, "endColumn": 9}   # positions only with a location
      ]
    }

Lines and columns are 1-based; columns count Unicode code points and
``endColumn`` is one past the last character (as :class:`analyzer.ir.Loc`);
0 means unknown.  Position keys are left out when there is no line at all.

Paths: without ``root`` they are printed as the analyzer was given them; with
``root`` they are POSIX paths relative to it, or absolute for files outside
it.  The fingerprint always hashes the path relative to ``root`` (the current
directory when no root is given), as the SARIF output does.

The output is deterministic: same input, byte-identical text.
"""
from __future__ import annotations

import json
import os
from typing import Any, TextIO

from .. import __version__
from ..findings import Result
from ..ir import Loc
from ..ruledocs import load_rules
from .sarif import PathMapper, finding_order, notification_order, stable_fingerprint
from . import write_out

__all__ = ["FORMAT", "FORMAT_VERSION", "to_json", "json_text", "write_json"]

FORMAT = "pooltrack-findings"
FORMAT_VERSION = 1


def _position(loc: Loc | None) -> dict[str, int]:
    if loc is None or loc.line < 1:
        return {}
    return {"line": loc.line, "column": loc.col, "endLine": loc.end_line, "endColumn": loc.end_col}


def to_json(result: Result, *, root: str | None = None) -> dict[str, Any]:
    """The findings of ``result`` as plain JSON data (see the module docstring)."""
    rules = load_rules()
    mapper = PathMapper(root if root is not None else os.curdir)

    def show(path: str) -> str:
        return mapper.resolve(path)[2] if root is not None else path

    def place(path: str, loc: Loc | None, message: str) -> dict[str, Any]:
        return {"path": show(path), **_position(loc), "message": message}

    findings = sorted(result.findings, key=finding_order)
    notifications = sorted(result.notifications, key=notification_order)

    seen: dict[str, int] = {}
    out_findings = []
    for f in findings:
        digest = stable_fingerprint(f.rule_id, mapper.resolve(f.path)[2], f.function, f.key)
        seen[digest] = seen.get(digest, 0) + 1
        rule = rules.get(f.rule_id)
        out_findings.append({
            "ruleId": f.rule_id,
            "ruleName": rule.name if rule else None,
            "severity": f.severity,
            "message": f.message,
            "path": show(f.path),
            **_position(f.loc),
            "function": f.function,
            "key": f.key,
            "fingerprint": f"{digest}:{seen[digest]}",
            "related": [place(r.path, r.loc, r.message) for r in f.related],
            "steps": [place(s.path, s.loc, s.message) for s in f.steps],
        })

    out_notifications = []
    for n in notifications:
        out_notifications.append({
            "level": n.level,
            "kind": n.kind,
            "message": n.message,
            "path": show(n.path) if n.path else None,
            **_position(n.loc),
        })

    return {
        "format": FORMAT,
        "formatVersion": FORMAT_VERSION,
        "tool": {"name": "pooltrack", "version": __version__},
        "summary": {
            "findings": len(findings),
            "filesWithFindings": len({f.path for f in findings}),
            "filesAnalyzed": result.files_analyzed,
            "filesFailed": result.files_failed,
            "lines": result.lines,
            "notifications": len(notifications),
        },
        "findings": out_findings,
        "notifications": out_notifications,
    }


def json_text(result: Result, *, root: str | None = None) -> str:
    return json.dumps(to_json(result, root=root), indent=2, ensure_ascii=False) + "\n"


def write_json(result: Result, out: str | os.PathLike | TextIO, *, root: str | None = None) -> None:
    text = json_text(result, root=root)
    write_out(text, out)
