"""The whole-driver round: files grouped into drivers, functions re-analyzed
with the summaries of the driver's other files, then the whole-driver checks
(PT002, PT003, PT006) attached to their files.  The engine runs the per-file
round and hands its reports here; ``run`` analyzes jobs again (in its
worker pool) and ``read`` reads a file the jobs did not carry."""
from __future__ import annotations

import dataclasses
from typing import Callable, Iterable

from .driver import (Driver, external_summaries, group_drivers, merge_rerun, quota_in_dpc, rerun_scope,
                     tag_mismatches, unload_leaks)
from .knowledge import Knowledge
from .pipeline import FileReport
from .suppressions import apply_suppressions

# Rounds of cross-file re-analysis: enough for a wrapper of a wrapper of a
# wrapper across files; deeper chains keep their first, conservative summary.
CROSS_FILE_ROUNDS = 3


def analyze_drivers(reports: list[FileReport], jobs: list, knowledge: Knowledge, driver_roots: tuple[str, ...],
                    run: Callable[[list], Iterable[FileReport]], read: Callable[[str], bytes]) -> list[FileReport]:
    """``jobs`` are the engine's (path, fs_path, text, external, only) jobs,
    one per report; returns the reports with the driver round applied."""
    by_path = {r.path: i for i, r in enumerate(reports)}
    job_of = {j.path: j for j in jobs}
    groups = group_drivers(reports, driver_roots)
    changed: set[str] = set()
    used: dict[str, dict] = {}        # path -> the external summaries its last round saw
    # A round redoes the functions that call another file's function whose
    # summary is new; a wrapper of a wrapper across files needs one more.
    for _ in range(CROSS_FILE_ROUNDS):
        reruns = []
        for directory, members in groups.items():
            driver = Driver.build(directory, members, knowledge)
            for report in members:
                external = external_summaries(driver, report)
                seen = used.get(report.path, {})
                new = {n: s for n, s in external.items() if seen.get(n) != s}
                used[report.path] = external
                scope = rerun_scope(report, new) if new else frozenset()
                if scope and report.path in job_of:
                    # The file's own summaries stand for what is not redone.
                    reruns.append(dataclasses.replace(job_of[report.path],
                                                      external={**report.summaries, **external}, only=scope))
        if not reruns:
            break
        for job, again in zip(reruns, run(reruns)):
            index = by_path[job.path]
            reports[index] = merge_rerun(reports[index], again, job.only)
        changed |= {job.path for job in reruns}
        groups = group_drivers(reports, driver_roots)

    extra: dict[str, list] = {}
    for directory, members in sorted(groups.items()):
        driver = Driver.build(directory, members, knowledge)
        for f in unload_leaks(driver) + quota_in_dpc(driver) + tag_mismatches(driver):
            extra.setdefault(f.path, []).append(f)
    for path in sorted(changed | extra.keys()):
        index = by_path[path]
        report = reports[index]
        job = job_of.get(path)
        src = job.text if job is not None and job.text is not None else read(job.fs_path if job else path)
        # Suppressions are decided once per file, over all its findings.
        everything = (report.findings + [dataclasses.replace(f, justification=None) for f in report.suppressed]
                      + extra.get(path, []))
        kept, suppressed, unused = apply_suppressions(path, src or b"", everything)
        reports[index] = dataclasses.replace(
            report, findings=kept, suppressed=suppressed,
            notifications=[n for n in report.notifications if n.kind != "unused-suppression"] + unused)
    return reports
