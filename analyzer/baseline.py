"""Baselines: a SARIF log of an earlier run whose results are not reported again.

A result is "the same" when its ``pooltrack/v1`` partial fingerprint is in the
baseline: the fingerprint hashes (rule, path relative to the source root,
function, the finding's key) plus an occurrence number, and no line numbers,
so edits elsewhere in the file do not turn old results into new ones.
"""
from __future__ import annotations

import json
from typing import Iterable

from .emit.sarif import FINGERPRINT_KEY, finding_fingerprints
from .findings import Finding, Result


class BaselineError(Exception):
    pass


def load_baseline(path: str) -> dict[str, dict]:
    """``pooltrack/v1`` fingerprint -> SARIF result of the baseline log (results
    marked ``absent`` in it are not part of the baseline)."""
    try:
        with open(path, encoding="utf-8") as fh:
            log = json.load(fh)
    except OSError as exc:
        raise BaselineError(f"cannot read baseline {path}: {exc.strerror or exc}") from None
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise BaselineError(f"baseline {path} is not JSON: {exc}") from None
    if not isinstance(log, dict) or not isinstance(log.get("runs"), list):
        raise BaselineError(f"baseline {path} is not a SARIF log (no 'runs')")
    out: dict[str, dict] = {}
    for run in log["runs"]:
        tool = (((run or {}).get("tool") or {}).get("driver") or {}).get("name")
        if tool != "pooltrack":
            continue
        for r in run.get("results") or []:
            fp = (r.get("partialFingerprints") or {}).get(FINGERPRINT_KEY)
            if fp and r.get("baselineState") != "absent":
                out[fp] = r
    return out


def split_new(result: Result, root: str, baseline: dict[str, dict]
              ) -> tuple[list[Finding], list[Finding]]:
    """(new findings, unchanged findings) of ``result.findings``."""
    fps = finding_fingerprints([*result.findings, *result.suppressed], root)
    new = [f for f in result.findings if fps[id(f)] not in baseline]
    unchanged = [f for f in result.findings if fps[id(f)] in baseline]
    return new, unchanged


def only(result: Result, findings: Iterable[Finding]) -> Result:
    """A copy of ``result`` that reports ``findings`` only."""
    return Result(findings=list(findings), notifications=result.notifications,
                  files_analyzed=result.files_analyzed, files_failed=result.files_failed,
                  lines=result.lines, suppressed=result.suppressed)
