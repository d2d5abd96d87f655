"""Analysis of one source file: parse, pick the functions that matter, build
their CFGs, compute summaries bottom-up, run the checks."""
from __future__ import annotations

import re
import time
from dataclasses import dataclass, field
from typing import Optional

from . import ir
from .cfg import build_cfg
from .checks import alloc_leak, free_mismatch
from .explore import Limits, explore
from .findings import Finding, Notification
from .frontend.base import callee_names, get_frontend, member_callees
from .knowledge import Knowledge
from .facts import ContextHandoff, FunctionInfo, Registration
from .ir import Loc
from .ownership import Summary
from .roles import case_segments, default_roles, roles_of_function, split_arguments
from .quota import quota_calls
from .scan import FileScan, LineIndex, scan_file
from .sal import declared_summaries, merge as merge_declared
from .suppressions import apply_suppressions


@dataclass
class FileReport:
    path: str
    findings: list[Finding] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    lines: int = 0
    functions: int = 0
    analyzed_functions: int = 0
    summaries: dict[str, Summary] = field(default_factory=dict)
    # For the whole-driver model (analyzer/driver.py):
    infos: list[FunctionInfo] = field(default_factory=list)
    registrations: list[Registration] = field(default_factory=list)
    handoffs: list[ContextHandoff] = field(default_factory=list)
    scan: FileScan = field(default_factory=FileScan)
    typedefs: dict[str, str] = field(default_factory=dict)
    fields: dict[str, dict[str, str]] = field(default_factory=dict)
    macros: dict[str, str] = field(default_factory=dict)
    globals: list[str] = field(default_factory=list)
    role_decls: dict[str, str] = field(default_factory=dict)    # `DRIVER_UNLOAD X;` -> {X: DRIVER_UNLOAD}
    defines_entry: bool = False
    suppressed: list[Finding] = field(default_factory=list)   # silenced inline


def _api_pattern(knowledge: Knowledge) -> re.Pattern:
    names = sorted(knowledge.api_names(), key=len, reverse=True)
    return re.compile(rb"\b(?:" + b"|".join(n.encode() for n in names) + rb")\b")


_PATTERNS: dict[int, re.Pattern] = {}


def completion_routines_set(body: bytes, knowledge: Knowledge) -> frozenset[str]:
    """Names of the completion routines ``body`` sets on IRPs (IoSetCompletionRoutine...)."""
    if b"Completion" not in body:
        return frozenset()
    found = set()
    for routine, (_, arg) in knowledge.completion_routines.items():
        for m in re.finditer(rb"\b" + re.escape(routine.encode()) + rb"\s*\(", body):
            args = split_arguments(body, m.end())
            if arg < len(args):
                name = re.fullmatch(rb"\s*(?:\(\s*\w+\s*\)\s*)?([A-Za-z_]\w*)\s*", args[arg][0])
                if name:
                    found.add(name.group(1).decode())
    return frozenset(found)


def select_functions(knowledge: Knowledge, extra: frozenset[str] = frozenset()):
    """Functions that mention an allocator or release, the functions that call
    them (they may be wrappers), and what those call in this file (for their
    summaries).  Everything else cannot change a finding."""
    pattern = _PATTERNS.get(id(knowledge))
    if pattern is None:
        pattern = _PATTERNS[id(knowledge)] = _api_pattern(knowledge)
    if extra:   # functions with SAL ownership annotations count as APIs in this file
        pattern = re.compile(pattern.pattern + rb"|\b(?:" + b"|".join(
            re.escape(n.encode()) for n in sorted(extra)) + rb")\b")

    def select(index: list[tuple[str, bytes]]) -> set[str]:
        chosen = {name for name, body in index if pattern.search(body)}
        if not chosen:
            return chosen
        callees = {name: member_callees(name, callee_names(body)) for name, body in index}
        changed = True
        while changed:
            changed = False
            for name, called in callees.items():
                if name not in chosen and called & chosen:
                    chosen.add(name)
                    changed = True
        defined = set(callees)
        bodies = dict(index)
        for name in list(chosen):
            # What they call, and the completion routines they set (whose
            # summary decides who owns the IRP after IoCallDriver).
            chosen |= (callees[name] | completion_routines_set(bodies[name], knowledge)) & defined
        return chosen
    return select


def bottom_up(functions: list[ir.Function], uses: Optional[dict[str, frozenset[str]]] = None
              ) -> list[ir.Function]:
    """Callees before callers (Tarjan's SCCs); recursion is cut arbitrarily but deterministically."""
    by_name = {f.name: f for f in functions}
    uses = uses or {f.name: f.callees for f in functions}
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    order: list[ir.Function] = []
    counter = 0
    for start in sorted(by_name):
        if start in index:
            continue
        # Iterative Tarjan to survive deep call chains.
        work = [(start, iter(sorted(uses[start] & by_name.keys())))]
        index[start] = low[start] = counter
        counter += 1
        stack.append(start)
        on_stack.add(start)
        while work:
            name, it = work[-1]
            advanced = False
            for callee in it:
                if callee not in index:
                    index[callee] = low[callee] = counter
                    counter += 1
                    stack.append(callee)
                    on_stack.add(callee)
                    work.append((callee, iter(sorted(uses[callee] & by_name.keys()))))
                    advanced = True
                    break
                if callee in on_stack:
                    low[name] = min(low[name], index[callee])
            if advanced:
                continue
            work.pop()
            if work:
                low[work[-1][0]] = min(low[work[-1][0]], low[name])
            if low[name] == index[name]:
                while True:
                    member = stack.pop()
                    on_stack.discard(member)
                    order.append(by_name[member])
                    if member == name:
                        break
    return order


def file_guard(src: bytes, limits: Limits) -> str | None:
    """Why a file is too big to analyze within the per-file bounds, or None."""
    if len(src) > limits.max_file_bytes:
        return (f"file is {len(src) / 2**20:.1f} MiB, over the "
                f"{limits.max_file_bytes / 2**20:g} MiB limit; file skipped")
    if len(src) <= limits.max_line_bytes:
        return None      # no line can be longer than the file
    pos, line = 0, 1
    while True:
        end = src.find(b"\n", pos)
        stop = len(src) if end < 0 else end
        if stop - pos > limits.max_line_bytes:
            return (f"line {line} is {(stop - pos) / 2**10:.0f} KiB long, over the "
                    f"{limits.max_line_bytes / 2**10:g} KiB limit; file skipped")
        if end < 0:
            return None
        pos, line = end + 1, line + 1


def _bound_hits(unit, path: str) -> list[Notification]:
    """What the frontend gave up on for a bound (nesting depth, parse time): bound hits, not parse errors."""
    from .frontend.treesitter import BOUND_HITS
    hits = [(loc, msg) for loc, msg in unit.errors if any(m in msg for m in BOUND_HITS)]
    unit.errors = [e for e in unit.errors if not any(m in e[1] for m in BOUND_HITS)]
    return [Notification("warning", "bound-hit", msg, path, loc) for loc, msg in hits]


def analyze_source(path: str, src: bytes, knowledge: Knowledge, limits: Limits = Limits(),
                   frontend: str = "tree-sitter",
                   external: Optional[dict[str, Summary]] = None,
                   only: Optional[frozenset[str]] = None) -> FileReport:
    """Analyze one file.  ``external`` holds summaries of functions defined in
    the driver's other files (the whole-driver model's second round); with
    ``only``, just those functions are analyzed again (``external`` then also
    carries this file's own summaries from the first round)."""
    report = FileReport(path, lines=src.count(b"\n") + (1 if src and not src.endswith(b"\n") else 0))
    guard = file_guard(src, limits)
    if guard is not None:
        report.notifications.append(Notification("warning", "bound-hit", guard, path))
        return report
    declared = declared_summaries(src)     # SAL ownership annotations win over inference
    external = external or {}
    if only is None:
        select = select_functions(knowledge, frozenset(declared) | frozenset(external))
    else:   # a rerun: no selection regex (it would hold every external name) is needed
        select = lambda index: {name for name, _ in index if name in only}  # noqa: E731
    unit = get_frontend(frontend).parse_unit(path, src, select, knowledge.constant_args)
    report.functions = len(unit.functions)
    report.notifications += _bound_hits(unit, path)
    for loc, message in unit.errors[:1]:
        more = f" (and {len(unit.errors) - 1} more)" if len(unit.errors) > 1 else ""
        report.notifications.append(Notification(
            "note", "parse-error", f"{message} at line {loc.line}{more}; the affected code was skipped",
            path, loc))
    lowered = [f for f in unit.functions if f.body is not None]
    summaries: dict[str, Summary] = dict(external)
    summaries.update({n: merge_declared(s, None, len(s.params)) for n, s in declared.items()})
    facts_of: dict[str, object] = {}
    bounded: set[str] = set()
    # Callees first; a completion routine a function sets counts as used, so
    # its summary is ready for the IoCallDriver after it.
    text = unit.text or src
    order = bottom_up(lowered, {f.name: f.callees | completion_routines_set(text[f.span[0]:f.span[1]], knowledge)
                                for f in lowered})
    file_deadline = time.monotonic() + limits.max_file_seconds if limits.max_file_seconds else None
    for i, fn in enumerate(order):
        if file_deadline is not None and time.monotonic() > file_deadline:
            report.notifications.append(Notification(
                "warning", "bound-hit",
                f"file analysis took more than {limits.max_file_seconds:g} s; "
                f"{len(order) - i} function(s) not analyzed", path))
            break
        report.analyzed_functions += 1
        try:
            cfg = build_cfg(fn, knowledge.noreturn, knowledge.raises)
            outcome = explore(cfg, knowledge, summaries, limits)
        except RecursionError:
            report.notifications.append(Notification(
                "warning", "bound-hit", f"{fn.name}: nesting too deep to analyze; function skipped",
                path, fn.loc))
            continue
        if fn.has_error:
            # Error recovery may have dropped a release or a return: reporting
            # a leak here would too often be wrong.  Summaries stay conservative.
            summaries[fn.name] = Summary(None, tuple("keeps" for _ in fn.params))
            if fn.name in declared:
                summaries[fn.name] = merge_declared(declared[fn.name], None, len(fn.params))
            continue
        summaries[fn.name] = outcome.summary
        facts_of[fn.name] = outcome.transfer.facts
        report.findings.extend(free_mismatch.findings(fn, outcome.transfer.facts, knowledge))
        if fn.name in declared:
            summaries[fn.name] = merge_declared(declared[fn.name], outcome.summary, len(fn.params))
        if outcome.bound_hit:
            bounded.add(fn.name)
            report.notifications.append(Notification(
                "note", "bound-hit",
                f"{fn.name}: analysis bound hit ({outcome.bound_hit}); some paths were not followed",
                path, fn.loc))
        report.findings.extend(alloc_leak.findings(fn, outcome, knowledge))
    # A rerun's ``external`` also carries this file's first-round summaries:
    # the functions it redid have new ones.
    report.summaries = {n: s for n, s in summaries.items()
                        if n not in external or (only is not None and n in only)}
    _describe_for_driver(report, unit, src, knowledge, facts_of, bounded, only)
    # Inline suppressions are read from the original bytes (the blanker
    # turned #pragma lines into spaces in what was parsed).
    report.findings, report.suppressed, unused = apply_suppressions(path, src, report.findings)
    report.notifications.extend(unused)
    return report


def _describe_for_driver(report: FileReport, unit: ir.Unit, src: bytes, knowledge: Knowledge,
                         facts_of: dict, bounded: set[str], only: Optional[frozenset[str]] = None) -> None:
    """Everything the whole-driver checks need from this file (analyzer/driver.py).
    In a second-round rerun (``only``), just those functions' infos: the
    file-level facts are the first round's (driver.merge_rerun)."""
    roles = default_roles()
    lines = LineIndex(unit.text)
    release_names = frozenset(knowledge.releases)
    teardown_cases = roles.teardown_cases \
        if any(label.encode() in unit.text for label in roles.teardown_cases) else frozenset()
    for fn in unit.functions:
        if only is not None and fn.name not in only:
            continue
        quota = tuple(quota_calls(fn, knowledge))
        segments = case_segments(unit.text, fn.span[0], fn.span[1], teardown_cases)
        report.infos.append(FunctionInfo(
            fn.name, report.path, fn.loc, fn.is_static, fn.callees,
            frozenset(roles_of_function(fn.name, fn.annotations, unit.role_decls, roles)),
            quota, facts_of.get(fn.name), bool(fn.callees & release_names),
            tuple((lines.position(a)[0], lines.position(b)[0]) for a, b in segments),
            frozenset().union(*(callee_names(unit.text[a:b]) for a, b in segments)),
            fn.name in bounded))
        if fn.name in roles.entry_points or fn.callees & roles.entry_points:
            report.defines_entry = True
    if only is not None:
        return
    for role, name, offset in roles.registrations(unit.text):
        line, col = lines.position(offset)
        report.registrations.append(Registration(role, name, report.path,
                                                 Loc(line, col, line, col + len(name))))
    for name, storage, arg, offset in roles.handoffs(unit.text):
        line, col = lines.position(offset)
        report.handoffs.append(ContextHandoff(name, storage, arg, report.path,
                                              Loc(line, col, line, col + len(name))))
    report.scan = scan_file(src)     # the original text: context declarations are blanked as macros
    report.typedefs = dict(unit.typedefs)
    report.fields = dict(unit.fields)
    report.macros = dict(unit.macros)
    report.globals = list(unit.globals)
    report.role_decls = dict(unit.role_decls)
