"""Analysis of one source file: parse, pick the functions that matter, build
their CFGs, compute summaries bottom-up, run the checks."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import ir
from .cfg import build_cfg
from .checks import alloc_leak
from .explore import Limits, explore
from .findings import Finding, Notification
from .frontend.base import get_frontend
from .knowledge import Knowledge
from .ownership import Summary
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
    suppressed: list[Finding] = field(default_factory=list)   # silenced inline


def _api_pattern(knowledge: Knowledge) -> re.Pattern:
    names = sorted(knowledge.api_names(), key=len, reverse=True)
    return re.compile(rb"\b(?:" + b"|".join(n.encode() for n in names) + rb")\b")


_PATTERNS: dict[int, re.Pattern] = {}


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
        from .frontend.treesitter import callee_names
        chosen = {name for name, body in index if pattern.search(body)}
        if not chosen:
            return chosen
        callees = {name: callee_names(body) for name, body in index}
        changed = True
        while changed:
            changed = False
            for name, called in callees.items():
                if name not in chosen and called & chosen:
                    chosen.add(name)
                    changed = True
        defined = set(callees)
        for name in list(chosen):
            chosen |= callees[name] & defined
        return chosen
    return select


def bottom_up(functions: list[ir.Function]) -> list[ir.Function]:
    """Callees before callers (Tarjan's SCCs); recursion is cut arbitrarily but deterministically."""
    by_name = {f.name: f for f in functions}
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
        work = [(start, iter(sorted(by_name[start].callees & by_name.keys())))]
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
                    work.append((callee, iter(sorted(by_name[callee].callees & by_name.keys()))))
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


def analyze_source(path: str, src: bytes, knowledge: Knowledge, limits: Limits = Limits(),
                   frontend: str = "tree-sitter") -> FileReport:
    report = FileReport(path, lines=src.count(b"\n") + (1 if src and not src.endswith(b"\n") else 0))
    declared = declared_summaries(src)     # SAL ownership annotations win over inference
    unit = get_frontend(frontend).parse_unit(path, src, select_functions(knowledge, frozenset(declared)))
    report.functions = len(unit.functions)
    for loc, message in unit.errors[:1]:
        more = f" (and {len(unit.errors) - 1} more)" if len(unit.errors) > 1 else ""
        report.notifications.append(Notification(
            "note", "parse-error", f"{message} at line {loc.line}{more}; the affected code was skipped",
            path, loc))
    lowered = [f for f in unit.functions if f.body is not None]
    summaries: dict[str, Summary] = {n: merge_declared(s, None, len(s.params)) for n, s in declared.items()}
    for fn in bottom_up(lowered):
        report.analyzed_functions += 1
        try:
            cfg = build_cfg(fn, knowledge.noreturn)
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
        if fn.name in declared:
            summaries[fn.name] = merge_declared(declared[fn.name], outcome.summary, len(fn.params))
        if outcome.bound_hit:
            report.notifications.append(Notification(
                "note", "bound-hit",
                f"{fn.name}: analysis bound hit ({outcome.bound_hit}); some paths were not followed",
                path, fn.loc))
        report.findings.extend(alloc_leak.findings(fn, outcome, knowledge))
    report.summaries = summaries
    # Inline suppressions are read from the original bytes (the blanker
    # turned #pragma lines into spaces in what was parsed).
    report.findings, report.suppressed, unused = apply_suppressions(path, src, report.findings)
    report.notifications.extend(unused)
    return report
