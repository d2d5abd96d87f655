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
    except RecursionError:
        raise BaselineError(f"baseline {path} is not JSON: nested too deeply") from None
    if not isinstance(log, dict) or not isinstance(log.get("runs"), list):
        raise BaselineError(f"baseline {path} is not a SARIF log (no 'runs')")
    out: dict[str, dict] = {}
    # Anything not shaped as SARIF is skipped, not trusted (fuzzing found
    # ``"runs": ["..."]``): a baseline is input like any other.
    for run in log["runs"]:
        if _get(_get(_get(run, "tool"), "driver"), "name") != "pooltrack":
            continue
        results = _get(run, "results")
        for r in results if isinstance(results, list) else []:
            fp = _get(_get(r, "partialFingerprints"), FINGERPRINT_KEY)
            if fp and isinstance(fp, str) and _get(r, "baselineState") != "absent":
                out[fp] = r
    return out


def _get(value, key: str):
    return value.get(key) if isinstance(value, dict) else None


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
