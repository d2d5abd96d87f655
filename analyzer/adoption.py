"""What ``pooltrack check`` does around the analysis when a project adopts it:
configuration file, baseline, ``--changed-files`` (pre-commit), ``--fail-on``.

Precedence: command-line flags, then the configuration file, then defaults.
"""
from __future__ import annotations

import os
import sys
from dataclasses import dataclass
from typing import Optional

from .baseline import BaselineError, load_baseline, only, split_new
from .config import ConfigError, ProjectConfig, find_config, load_config
from .findings import Result

SEVERITY_RANK = {"error": 0, "warning": 1, "note": 2}
EXIT_ERROR = 2


@dataclass
class Plan:
    paths: list[str]
    fail_on: str
    root: str
    baseline: Optional[dict[str, dict]] = None
    project: Optional[ProjectConfig] = None

    def report(self, result: Result) -> tuple[Result, Optional[dict[str, dict]]]:
        """(what to report and count, the baseline for the SARIF log)."""
        if self.baseline is None:
            return result, None
        new, _ = split_new(result, self.root, self.baseline)
        return only(result, new), self.baseline


def _error(message: str) -> int:
    print(f"pooltrack: error: {message}", file=sys.stderr)
    return EXIT_ERROR


def apply_project(config, project, keep_select: bool = False, keep_ignore: bool = False) -> None:
    """Settings of a configuration file onto an engine.Config (flags win)."""
    if not keep_select and project.select is not None:
        config.select = project.select
    if not keep_ignore and project.ignore:
        config.ignore = project.ignore
    config.severity = dict(project.severity)
    config.path_filter = project.path_filter()
    if project.drivers and not config.driver_roots:   # --driver wins
        config.driver_roots = project.drivers
    if project.knowledge is not None:
        config.knowledge = project.knowledge


def prepare(args, config, known: set[str]) -> Plan | int:
    """Fill ``config`` (an engine.Config) from the configuration file and the
    flags; an int is an exit code (invalid configuration or baseline)."""
    project = None
    if not getattr(args, "no_config", False):
        try:
            found = args.config or find_config(args.paths)
            if found is not None:
                project = load_config(found, known)
        except ConfigError as exc:
            return _error(f"invalid configuration: {exc}")
    if project is not None:
        apply_project(config, project, keep_select=args.select is not None,
                      keep_ignore=args.ignore is not None)
    report_unused = args.report_unused_suppressions
    if report_unused is None:
        report_unused = bool(project and project.report_unused_suppressions)
    config.report_unused_suppressions = report_unused
    fail_on = args.fail_on or (project.fail_on if project else None) or "warning"

    paths = list(args.paths)
    if getattr(args, "changed_files", False):
        # Report only in the given files; read each one's directory tree too.
        config.report_paths = frozenset(os.path.abspath(p) for p in args.paths if os.path.isfile(p))
        context = sorted({os.path.dirname(p) or "." for p in args.paths if os.path.isfile(p)})
        paths = paths + [d for d in context if d not in paths]
        if not config.report_paths:
            config.report_paths = None

    baseline = None
    if args.baseline:
        try:
            baseline = load_baseline(args.baseline)
        except BaselineError as exc:
            return _error(str(exc))
    return Plan(paths, fail_on, args.root or os.getcwd(), baseline, project)


def outcome(reported: Result, fail_on: str) -> bool:
    """Does the run fail?  A finding at or above ``fail_on`` does; so does an
    unused suppression (reported only when asked for) unless ``fail_on`` is error."""
    limit = SEVERITY_RANK[fail_on]
    if any(SEVERITY_RANK.get(f.severity, 1) <= limit for f in reported.findings):
        return True
    return limit >= SEVERITY_RANK["warning"] and any(
        n.kind == "unused-suppression" for n in reported.notifications)
