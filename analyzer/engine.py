"""analyze(paths or buffers, config) -> Result: the one entry point that the
CLI, the pre-commit hook and the language server share."""
from __future__ import annotations

import hashlib
import errno
import multiprocessing
import os
import signal
import stat
import sys
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, MutableMapping, Optional

from .explore import Limits
from .findings import Notification, Result
from .knowledge import Knowledge, default_knowledge
from .pipeline import FileReport, analyze_source

SOURCE_SUFFIXES = frozenset({".c", ".cpp", ".cc", ".cxx", ".h", ".hpp", ".hxx"})
MAX_FILE_BYTES = 64 * 1024 * 1024


@dataclass
class Config:
    jobs: int = 0                          # 0: one worker per core
    limits: Limits = field(default_factory=Limits)
    frontend: str = "tree-sitter"              # "auto" | "tree-sitter" | "clang"
    build_dir: Optional[str] = None            # clang: where compile_commands.json is (-p)
    include_dirs: tuple[str, ...] = ()         # clang: -I
    defines: tuple[str, ...] = ()              # clang: -D
    knowledge: Optional[Knowledge] = None
    select: Optional[frozenset[str]] = None    # rule ids to report (None: all)
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)     # rule id -> severity override
    path_filter: Optional[Callable[[str], bool]] = None        # include/exclude (analyzer.config)
    # Files whose findings are reported; every other analyzed file is context
    # only (None: report everything).  Compared as absolute paths.
    report_paths: Optional[frozenset[str]] = None
    report_unused_suppressions: bool = False
    # Directories that are drivers (their files are analyzed as one); by
    # default a driver is each directory with a DriverEntry and what is below it.
    driver_roots: tuple[str, ...] = ()
    # False: per-file analysis only (PT001, PT004, PT005); bench/run.py --per-file
    # uses it to measure what the whole-driver model costs.
    whole_driver: bool = True


@dataclass(frozen=True)
class _Job:
    path: str          # as reported (display path)
    fs_path: str       # where to read it
    text: Optional[bytes] = None
    external: Optional[dict] = None    # summaries from the driver's other files
    only: Optional[frozenset] = None   # second round: the functions to analyze again


def discover(paths: Iterable[str], notes: list[Notification]) -> list[tuple[str, str]]:
    """(display path, filesystem path) for every source file under the given paths."""
    found: dict[str, str] = {}
    for given in paths:
        p = Path(given)
        try:
            st = p.stat()
        except OSError as exc:
            notes.append(Notification("error", "read-error", f"cannot read: {exc.strerror or exc}", given))
            continue
        if stat.S_ISDIR(st.st_mode):
            for display, real in _walk(p, notes):
                found.setdefault(display, real)
        elif stat.S_ISREG(st.st_mode):
            found.setdefault(_display(p), str(p))
        else:
            notes.append(Notification("error", "read-error", "not a regular file or directory", given))
    return sorted(found.items())


def _walk(top: Path, notes: list[Notification]) -> Iterator[tuple[str, str]]:
    def onerror(exc: OSError) -> None:
        notes.append(Notification("warning", "read-error",
                                  f"cannot list directory: {exc.strerror or exc}", _display(Path(exc.filename or top))))
    # followlinks=False: a symlink loop cannot trap the walk.
    for dirpath, dirnames, filenames in os.walk(top, onerror=onerror):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if os.path.splitext(name)[1].lower() not in SOURCE_SUFFIXES:
                continue
            full = Path(dirpath) / name
            try:
                if not stat.S_ISREG(full.stat().st_mode):
                    continue
            except OSError as exc:   # a dangling link, a vanished file
                notes.append(Notification("warning", "read-error",
                                          f"cannot read: {exc.strerror or exc}", _display(full)))
                continue
            yield _display(full), str(full)


def _display(p: Path) -> str:
    return p.as_posix()


# The worker's knowledge and limits, set once per process.
_WORKER: dict = {}


def _init_worker(knowledge: Knowledge, limits: Limits, frontend: str) -> None:
    _WORKER.update(knowledge=knowledge, limits=limits, frontend=frontend)
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20000))


def _read_regular(path: str) -> bytes:
    """Read a regular file; never block on a FIFO or device swapped in after discovery."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_NOCTTY", 0)
                 | getattr(os, "O_BINARY", 0))
    with os.fdopen(fd, "rb") as fh:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            raise OSError(errno.EINVAL, "not a regular file")
        return fh.read()


def _init_pool_worker(knowledge: Knowledge, limits: Limits, frontend: str) -> None:
    # Ctrl-C is the parent's to handle: it stops the workers itself (see _map).
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):   # blocked by _map while forking: see there
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
    _init_worker(knowledge, limits, frontend)


def _stop_pool(pool: ProcessPoolExecutor) -> None:
    """Stop now: drop queued work and end the workers, even mid-file."""
    procs = list((getattr(pool, "_processes", None) or {}).values())
    pool.shutdown(wait=False, cancel_futures=True)
    for p in procs:
        if p.is_alive():
            p.terminate()
    for p in procs:
        p.join(2)
        if p.is_alive():
            p.kill()
            p.join()
    # Let the executor's manager thread finish closing its wakeup pipe now:
    # racing it at interpreter exit, concurrent.futures' atexit hook wrote to
    # the closed pipe and printed a traceback ("Bad file descriptor").
    manager = getattr(pool, "_executor_manager_thread", None)
    if manager is not None:
        manager.join(5)


def _run_job(job: _Job) -> FileReport:
    try:
        if job.text is not None:
            src = job.text
        else:
            size = os.path.getsize(job.fs_path)
            limit = min(MAX_FILE_BYTES, _WORKER["limits"].max_file_bytes)
            if size > limit:
                return FileReport(job.path, notifications=[Notification(
                    "warning", "bound-hit",
                    f"file is {size / 2**20:.1f} MiB, over the {limit / 2**20:g} MiB limit; file skipped",
                    job.path)])
            src = _read_regular(job.fs_path)
    except OSError as exc:
        return FileReport(job.path, notifications=[Notification(
            "error", "read-error", f"cannot read: {exc.strerror or exc}", job.path)])
    try:
        return analyze_source(job.path, src, _WORKER["knowledge"], _WORKER["limits"], _WORKER["frontend"],
                              external=job.external, only=job.only)
    except Exception as exc:  # one bad file must never cost the others their results
        return FileReport(job.path, notifications=[Notification(
            "error", "internal-error", f"internal error while analyzing: {type(exc).__name__}: {exc}",
            job.path)])


def analyze(paths: Iterable[str] = (), config: Optional[Config] = None,
            buffers: Optional[dict[str, str | bytes]] = None,
            progress: Optional[Callable[[int, int], None]] = None,
            cache: Optional[MutableMapping[tuple[str, bytes], FileReport]] = None) -> Result:
    """Analyze files and directories, and in-memory buffers (path -> text) that
    replace or add to what is on disk.

    ``cache`` (used by the language server) keeps each buffer's per-file report
    under (path, sha256 of its text), so an unchanged buffer is not analyzed
    again; it must only be reused with the same config and knowledge."""
    config = config or Config()
    paths = list(paths)
    config = _resolve_frontend(config, paths)
    knowledge = config.knowledge or default_knowledge()
    result = Result()
    files = discover(paths, result.notifications)
    if config.path_filter is not None:
        files = [f for f in files if config.path_filter(f[0])]
    buffers = {Path(p).as_posix(): (t.encode("utf-8") if isinstance(t, str) else t)
               for p, t in (buffers or {}).items()}
    jobs = [_Job(display, real, buffers.pop(display, None)) for display, real in files]
    jobs += [_Job(p, p, text) for p, text in sorted(buffers.items())]

    reports = list(_cached_map(jobs, knowledge, config, progress, cache))
    if config.whole_driver:
        from .whole_driver import analyze_drivers
        reports = analyze_drivers(reports, jobs, knowledge, config.driver_roots,
                                  run=lambda again: _map(again, knowledge, config, None), read=_read)
    for report in reports:
        result.lines += report.lines
        failed = any(n.kind in ("read-error", "internal-error") for n in report.notifications)
        result.files_failed += failed
        result.files_analyzed += not failed
        reported = config.report_paths is None or os.path.abspath(report.path) in config.report_paths
        result.notifications.extend(n for n in report.notifications if n.kind != "unused-suppression"
                                    or (reported and config.report_unused_suppressions))
        if reported:
            result.findings.extend(_adjust(f, config) for f in report.findings if _selected(f.rule_id, config))
            result.suppressed.extend(_adjust(f, config) for f in report.suppressed
                                     if _selected(f.rule_id, config))
    return result.sort()


def _cached_map(jobs: list[_Job], knowledge: Knowledge, config: Config, progress,
                cache: Optional[MutableMapping[tuple[str, bytes], FileReport]]) -> Iterator[FileReport]:
    if cache is None:
        yield from _map(jobs, knowledge, config, progress)
        return
    keys = {job: (job.path, hashlib.sha256(job.text).digest()) for job in jobs if job.text is not None}
    misses = [job for job in jobs if keys.get(job) not in cache]
    missing = set(misses)
    for job in jobs:
        if job not in missing:
            yield cache[keys[job]]
    for job, report in zip(misses, _map(misses, knowledge, config, progress)):
        if job in keys:
            cache[keys[job]] = report
        yield report


def _adjust(finding, config: Config):
    level = config.severity.get(finding.rule_id)
    if level is None or level == finding.severity:
        return finding
    import dataclasses
    return dataclasses.replace(finding, severity=level)


def _resolve_frontend(config: Config, paths: list[str]) -> Config:
    """Build the clang frontend once (auto: only when a compilation database
    is given with -p or found in an analyzed path or its parents)."""
    import dataclasses
    if config.frontend not in ("auto", "clang"):
        return config
    build_dir = config.build_dir
    if config.frontend == "auto" and build_dir is None:
        from .frontend.clang import find_compile_db
        for given in paths:
            db = find_compile_db(given)
            if db is not None:
                build_dir = os.path.dirname(db)
                break
        if build_dir is None:
            return dataclasses.replace(config, frontend="tree-sitter")
    from .frontend.clang import ClangFrontend
    return dataclasses.replace(config, frontend=ClangFrontend(
        include_dirs=config.include_dirs, defines=config.defines, build_dir=build_dir))


def _read(path: str) -> bytes:
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return b""


def _selected(rule_id: str, config: Config) -> bool:
    if rule_id in config.ignore:
        return False
    return config.select is None or rule_id in config.select


SMALL_RUN_BYTES = 2 * 1024 * 1024


def _job_bytes(job: _Job) -> int:
    if job.text is not None:
        return len(job.text)
    try:
        return os.path.getsize(job.fs_path)
    except OSError:
        return 0


def _total_bytes(jobs: list[_Job]) -> int:
    total = 0
    for job in jobs:
        total += _job_bytes(job)
        if total >= SMALL_RUN_BYTES:
            break
    return total


def _map(jobs: list[_Job], knowledge: Knowledge, config: Config, progress) -> Iterator[FileReport]:
    workers = config.jobs or os.cpu_count() or 1
    workers = min(workers, len(jobs))
    # Worker processes pay for themselves only on real work: a pre-commit run
    # on a small driver is faster in this process (unless -j asks otherwise).
    small = not config.jobs and _total_bytes(jobs) < SMALL_RUN_BYTES
    if workers <= 1 or len(jobs) < 4 or small:
        _init_worker(knowledge, config.limits, config.frontend)
        for i, job in enumerate(jobs):
            yield _run_job(job)
            if progress:
                progress(i + 1, len(jobs))
        return
    # fork: workers inherit the loaded knowledge and parser without re-importing.
    context = multiprocessing.get_context("fork")
    pool = ProcessPoolExecutor(workers, mp_context=context, initializer=_init_pool_worker,
                               initargs=(knowledge, config.limits, config.frontend))
    # SIGINT stays blocked while map() forks the workers, so that a Ctrl-C
    # cannot reach a worker before it ignores SIGINT; the parent gets it after.
    masked = hasattr(signal, "pthread_sigmask")
    if masked:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        # Largest files first, in small chunks, so that no worker is left with
        # a big file (or a directory of them) while the other idles; the
        # reports are put back in the jobs' order.
        order = sorted(range(len(jobs)), key=lambda i: -_job_bytes(jobs[i]))
        chunk = max(1, min(8, len(jobs) // (workers * 32)))
        try:
            reports = pool.map(_run_job, [jobs[i] for i in order], chunksize=chunk)
        finally:
            if masked:
                signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})
        in_order: list[Optional[FileReport]] = [None] * len(jobs)
        for done, (i, report) in enumerate(zip(order, reports), 1):
            in_order[i] = report
            if progress:
                progress(done, len(jobs))
        yield from in_order
    except BaseException:   # Ctrl-C, or the caller stopped iterating: no worker may outlive us
        _stop_pool(pool)
        raise
    pool.shutdown()
