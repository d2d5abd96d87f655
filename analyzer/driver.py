"""The driver as a whole: files grouped into drivers, one call graph across
them, entry-point roles, and the checks that need all of it: PT002
unload-leak, PT003 quota-in-dpc, PT006 free-tag-mismatch.

A driver is, by default, each directory holding a file that defines
DriverEntry (or calls a framework's driver registration), with every file
below it; other files group by their own directory.
"""
from __future__ import annotations

import dataclasses
import functools
import os
import posixpath
import re
from collections import deque
from dataclasses import dataclass, field
from typing import Iterable, Optional

from .checks import default_severity
from .facts import FunctionInfo, Registration
from .findings import Finding, Related, Step
from .ir import Loc
from .knowledge import Knowledge
from .locations import TypeNames
from .ownership import Summary
from .pipeline import FileReport
from .roles import default_roles

MAX_CHAINS = 5          # codeFlows per PT003 finding


def group_drivers(reports: Iterable[FileReport], roots: Iterable[str] = ()) -> dict[str, list[FileReport]]:
    """Driver directory -> its files.  By default a driver is each directory
    with an entry point (DriverEntry and its KMDF/NDIS/minifilter kin) and
    the files below it; the nearest enclosing one wins.  ``roots`` (``--driver``,
    the ``drivers`` configuration key) override that: a file under a given
    root belongs to the nearest given root, whatever entry points lie between."""
    reports = list(reports)
    explicit = {os.path.abspath(r).rstrip(os.sep) for r in roots}
    detected = {posixpath.dirname(r.path) for r in reports if r.defines_entry}
    groups: dict[str, list[FileReport]] = {}
    for r in reports:
        d = posixpath.dirname(r.path)
        key = _nearest(os.path.dirname(os.path.abspath(r.path)), explicit) if explicit else None
        if key is None:
            key = _nearest(d, detected) or d
        groups.setdefault(key, []).append(r)
    return groups


def _nearest(directory: str, candidates: set[str]) -> Optional[str]:
    """The nearest of ``candidates`` that is ``directory`` or encloses it."""
    probe = directory
    while True:
        if probe in candidates:
            return probe
        parent = posixpath.dirname(probe)
        if parent == probe or not probe:
            return None
        probe = parent


@dataclass
class Driver:
    """One driver's files, resolved into one model."""
    directory: str
    reports: list[FileReport]
    knowledge: Knowledge
    functions: dict[str, list[FunctionInfo]] = field(default_factory=dict)
    registrations: list[Registration] = field(default_factory=list)
    handoffs: list = field(default_factory=list)      # facts.ContextHandoff
    macros: dict[str, str] = field(default_factory=dict)
    globals: set[str] = field(default_factory=set)
    types: TypeNames = field(default_factory=lambda: TypeNames({}))
    persistent_types: set[str] = field(default_factory=set)
    context_types: dict[str, str] = field(default_factory=dict)   # accessor -> canonical type
    device_accessors: set[str] = field(default_factory=set)
    role_decls: dict[str, str] = field(default_factory=dict)      # function -> declared role type
    role_types: dict[str, str] = field(default_factory=dict)      # role type -> role
    is_driver: bool = False

    @classmethod
    def build(cls, directory: str, reports: list[FileReport], knowledge: Knowledge) -> "Driver":
        d = cls(directory, sorted(reports, key=lambda r: r.path), knowledge)
        typedefs: dict[str, str] = {}
        fields: dict[str, dict[str, str]] = {}
        for r in d.reports:
            d.is_driver = d.is_driver or r.defines_entry
            for info in r.infos:
                d.functions.setdefault(info.name, []).append(info)
            d.registrations += r.registrations
            d.handoffs += r.handoffs
            for k, v in r.macros.items():
                d.macros.setdefault(k, v)
            d.globals.update(r.globals)
            for k, v in r.role_decls.items():
                d.role_decls.setdefault(k, v)
            for k, v in r.typedefs.items():
                typedefs.setdefault(k, v)
            for k, v in r.fields.items():
                fields.setdefault(k, v)
        d.types = TypeNames(typedefs, fields)
        d.role_types = default_roles().role_types
        for r in d.reports:
            d.persistent_types |= {d.types.canonical(t) for t in r.scan.extension_types}
            for accessor, t in r.scan.context_types.items():
                d.context_types[accessor] = d.types.canonical(t)
            d.device_accessors |= r.scan.device_accessor_calls
        d.persistent_types |= {t for a, t in d.context_types.items() if a in d.device_accessors}
        return d

    # ---------------------------------------------------------- call graph
    def resolve(self, name: str, caller_path: str) -> Optional[FunctionInfo]:
        """The definition a call from ``caller_path`` reaches: a static in the
        same file first, then the driver's only non-static definition."""
        infos = self.functions.get(name)
        if not infos:
            return None
        same_file = [i for i in infos if i.path == caller_path]
        if same_file:
            return same_file[0]
        public = [i for i in infos if not i.is_static]
        return public[0] if len(public) == 1 else None

    def summary_of(self, info: FunctionInfo) -> Optional[Summary]:
        source = self._report_of.get(info.path)
        return source.summaries.get(info.name) if source is not None else None

    @functools.cached_property
    def _report_of(self) -> dict[str, FileReport]:
        return {r.path: r for r in self.reports}

    def callees(self, info: FunctionInfo) -> list[FunctionInfo]:
        out = []
        for name in sorted(info.callees):
            target = self.resolve(name, info.path)
            if target is not None and target is not info:
                out.append(target)
        return out

    def with_role(self, role: str) -> list[tuple[FunctionInfo, Optional[Registration]]]:
        """Functions with a role, by registration or declaration (deterministic order).
        A WDF timer callback registered for passive execution is never a DPC."""
        found: dict[tuple, tuple] = {}
        passive = {(i.path, i.name) for reg in self.registrations if reg.role == "passive"
                   for i in [self.resolve(reg.function, reg.path)] if i is not None}
        for reg in sorted(self.registrations, key=lambda r: (r.path, r.loc.line, r.loc.col)):
            if reg.role == role:
                info = self.resolve(reg.function, reg.path)
                if info is not None:
                    found.setdefault((info.path, info.name), (info, reg))
        for infos in self.functions.values():
            for info in infos:
                declared = self.role_types.get(self.role_decls.get(info.name, ""))
                if role in info.roles or declared == role:
                    found.setdefault((info.path, info.name), (info, None))
        if role == "dpc":
            found = {k: v for k, v in found.items() if k not in passive}
        return [found[k] for k in sorted(found)]

    def reachable(self, roots: list[FunctionInfo]) -> dict[int, list[FunctionInfo]]:
        """id(function) -> a shortest call chain from one of the roots (BFS; cycles are fine)."""
        chains: dict[int, list[FunctionInfo]] = {}
        work = deque()
        for root in roots:
            if id(root) not in chains:
                chains[id(root)] = [root]
                work.append(root)
        while work:
            info = work.popleft()
            for callee in self.callees(info):
                if id(callee) not in chains:
                    chains[id(callee)] = chains[id(info)] + [callee]
                    work.append(callee)
        return chains

    # ------------------------------------------------------------ locations
    def location_key(self, raw, persistent_only: bool) -> Optional[str]:
        kind = raw[0]
        if kind == "global":
            path = raw[1]
            root = re.split(r"[.\[]", path, maxsplit=1)[0]
            if "::" not in root and root not in self.globals:
                return None
            return path
        if kind == "type":
            canonical = self.types.canonical(raw[1])
            if persistent_only and canonical not in self.persistent_types:
                return None
            return f"{canonical}.{raw[2]}"
        if kind == "accessor":
            canonical = self.context_types.get(raw[1])
            if canonical is None:
                return None
            if persistent_only and canonical not in self.persistent_types:
                return None
            return f"{canonical}.{raw[2]}"
        return None

    def resolve_macro(self, text: str, depth: int = 0) -> str:
        """Expand object-like #defines of the driver (any file) in ``text``."""
        if depth > 8:
            return text
        def expand(m):
            name = m.group(0)
            return f"({self.resolve_macro(self.macros[name], depth + 1)})" if name in self.macros else name
        return re.sub(r"\b[A-Za-z_]\w*\b", expand, text)


# ------------------------------------------------------------------- PT002
def unload_leaks(driver: Driver) -> list[Finding]:
    if not driver.is_driver:
        return []
    roots = driver.with_role("teardown")
    pnp = driver.with_role("pnp")
    starts = [info for info, _ in roots] + [info for info, _ in driver.with_role("worker")]
    released: set[str] = set()
    # A PnP dispatch routine tears down only in its IRP_MN_REMOVE_DEVICE branch.
    for info, _ in pnp:
        for fact in (info.facts.releases if info.facts is not None else ()):
            if any(a <= fact.loc.line <= b for a, b in info.teardown_lines):
                key = driver.location_key(fact.location, persistent_only=False)
                if key is not None:
                    released.add(key)
        for name in sorted(info.teardown_callees):
            target = driver.resolve(name, info.path)
            if target is not None and target is not info:
                starts.append(target)
    roots = roots + [(info, reg) for info, reg in pnp if info.teardown_lines]
    reached = driver.reachable(starts)
    for chain in reached.values():
        info = chain[-1]
        if info.facts is None:
            continue
        for fact in info.facts.releases:
            key = driver.location_key(fact.location, persistent_only=False)
            if key is not None:
                released.add(key)
        if info.releases_something or _calls_a_release_helper(driver, info):
            for raw in info.facts.list_removals:
                key = driver.location_key(raw, persistent_only=False)
                if key is not None:
                    released.add(key)
    released |= _handed_back_and_released(driver)
    is_released = _ReleasedStorage(driver.types, released)
    findings = []
    seen = set()
    for infos in driver.functions.values():
        for info in infos:
            if info.facts is None:
                continue
            for store in sorted(info.facts.stores, key=lambda s: (s.alloc_loc.line, s.alloc_loc.col, s.location)):
                key = driver.location_key(store.location, persistent_only=True)
                if key is None or is_released(key):
                    continue
                ident = (info.path, info.name, store.site_key)
                if ident in seen:
                    continue
                seen.add(ident)
                findings.append(_unload_finding(driver, info, store, key, roots))
    return findings


class _ReleasedStorage:
    """Whether teardown releases a stored key.  Exactly the same storage, or
    the same field of the innermost struct (TypeNames.narrow): a helper that
    frees ``stats->Samples`` releases ``ext->Stats->Samples``.  A release
    written through an outer struct (``ext->RxQueue.Entries``) stays specific:
    it does not release ``ext->TxQueue.Entries``."""

    def __init__(self, types, released: set[str]):
        self.types = types
        self.exact = released
        narrowed = {k: types.narrow(k) for k in released}
        self.generic = {k for k, n in narrowed.items() if n == k}
        self.narrowed = set(narrowed.values())

    def __call__(self, key: str) -> bool:
        if key in self.exact:
            return True
        narrowed = self.types.narrow(key)
        return narrowed in self.generic or (narrowed == key and key in self.narrowed)


def _handed_back_and_released(driver: Driver) -> set[str]:
    """Storage whose value the framework hands back to a teardown callback
    (rules/roles.toml ``context_handoffs``) that releases that argument."""
    released = set()
    for h in driver.handoffs:
        target = driver.resolve(h.function, h.path)
        summary = driver.summary_of(target) if target is not None else None
        if summary is not None and h.arg < len(summary.params) and summary.params[h.arg] == "frees":
            key = driver.location_key(("global", h.storage), persistent_only=False)
            if key is not None:
                released.add(key)
    return released


def _calls_a_release_helper(driver: Driver, info: FunctionInfo) -> bool:
    """Whether ``info`` calls a driver function that frees what it is given."""
    for callee in driver.callees(info):
        summary = driver.summary_of(callee)
        if summary is not None and "frees" in summary.params:
            return True
    return False


def _unload_finding(driver: Driver, info: FunctionInfo, store, key: str, roots) -> Finding:
    title = driver.knowledge.families.get(store.family, store.family)
    where = "a list at " + key if store.is_list else key
    narrowed = driver.types.narrow(key)
    released = key if narrowed == key else f"{key} or {narrowed}"
    related = [Related(info.path, store.store_loc, f"stored into {where} here")]
    if roots:
        names = ", ".join(r.name for r, _ in roots[:3]) + (" ..." if len(roots) > 3 else "")
        why = f"nothing reachable from the driver's unload/teardown routines ({names}) releases {released}"
        for root, reg in roots[:3]:
            related.append(Related(root.path, root.loc, f"{root.name} is an unload/teardown routine"
                                   + (f" (registered at line {reg.loc.line} of {posixpath.basename(reg.path)})"
                                      if reg is not None else "")))
    else:
        why = "the driver registers no unload or teardown routine"
    message = (f"{title[0].upper()}{title[1:]} from {store.routine} is kept in {where} "
               f"but never released at unload: {why}")
    steps = (Step(info.path, store.alloc_loc, f"allocated by {store.routine} here"),
             Step(info.path, store.store_loc, f"stored into {where} here"))
    return Finding("PT002", default_severity("PT002"), message, info.path, store.alloc_loc, info.name,
                   f"{store.site_key}@{key}", tuple(related), steps)


# ------------------------------------------------------------------- PT003
def quota_in_dpc(driver: Driver) -> list[Finding]:
    roots = driver.with_role("dpc")
    if not roots:
        return []
    findings = []
    # Chains per quota call: one BFS per DPC routine so each finding can name
    # every DPC that reaches it.
    per_call: dict[tuple, list[list[FunctionInfo]]] = {}
    for root, _ in roots:
        for chain in _all_chains(driver, root):
            info = chain[-1]
            for call in info.quota_calls:
                if not _charges_quota(driver, call.condition):
                    continue
                per_call.setdefault((info.path, info.name, call.line, call.col, call.routine), []).append(chain)
    for (path, name, line, col, routine), chains in sorted(per_call.items()):
        chains = sorted(chains, key=lambda c: (len(c), [i.name for i in c]))[:MAX_CHAINS]
        dpcs = sorted({c[0].name for c in chains})
        loc = Loc(line, col, line, col + len(routine))
        via = " -> ".join(i.name for i in chains[0])
        message = (f"{routine} charges pool quota but runs in DPC context: reachable from DPC routine "
                   f"{dpcs[0]}" + (f" (and {len(dpcs) - 1} more)" if len(dpcs) > 1 else "")
                   + f" ({via}); the quota is charged to whatever process is current")
        flows = [tuple(Step(i.path, i.loc, f"{i.name} runs at DISPATCH_LEVEL" if k == 0 else f"calls {i.name}")
                       for k, i in enumerate(c)) + (Step(path, loc, f"{routine} charges quota here"),)
                 for c in chains]
        related = tuple(Related(c[0].path, c[0].loc, f"{c[0].name} is a DPC routine") for c in chains[:1])
        findings.append(Finding("PT003", default_severity("PT003"), message, path, loc, name,
                                f"{routine}@{name}#{line - chains[0][-1].loc.line}", related,
                                flows[0], flows=tuple(flows[1:])))
    return findings


def _all_chains(driver: Driver, root: FunctionInfo, limit: int = 200) -> list[list[FunctionInfo]]:
    """Simple call chains from ``root`` (bounded), so each distinct chain becomes a codeFlow."""
    out = []
    stack = [[root]]
    while stack and len(out) < limit:
        chain = stack.pop()
        out.append(chain)
        for callee in reversed(driver.callees(chain[-1])):
            if callee not in chain and len(chain) < 12:
                stack.append(chain + [callee])
    return out


def _charges_quota(driver: Driver, condition: str) -> bool:
    if not condition:
        return True
    kind, _, rest = condition.partition(":")
    if kind == "flag":
        flag, _, flags = rest.partition(":")
        return re.search(rf"\b{re.escape(flag)}\b", driver.resolve_macro(flags)) is not None
    if kind == "true":
        value = driver.resolve_macro(rest).strip("() ")
        return value in ("TRUE", "1", "true")
    return False


# ------------------------------------------------------------------- PT006
def tag_mismatches(driver: Driver) -> list[Finding]:
    findings = []
    for infos in driver.functions.values():
        for info in infos:
            if info.facts is None:
                continue
            for fact in sorted(info.facts.tags, key=lambda t: (t.release_loc.line, t.release_loc.col)):
                alloc = _tag_of(driver, fact.alloc_value, fact.alloc_tag)
                freed = _tag_of(driver, fact.free_value, fact.free_tag)
                if alloc is None or freed is None or alloc == freed:
                    continue
                message = (f"{fact.release} frees with tag {fact.free_tag} ({_show(freed)}) pool that "
                           f"{fact.allocator} allocated with tag {fact.alloc_tag} ({_show(alloc)})")
                findings.append(Finding(
                    "PT006", default_severity("PT006"), message, info.path, fact.release_loc, info.name,
                    f"{fact.release}<-{fact.allocator}:{fact.free_tag}",
                    (Related(info.path, fact.alloc_loc, f"allocated with tag {fact.alloc_tag} here"),),
                    (Step(info.path, fact.alloc_loc, f"allocated with tag {fact.alloc_tag} here"),
                     Step(info.path, fact.release_loc, f"freed with tag {fact.free_tag} here"))))
    return findings


def _tag_of(driver: Driver, value: Optional[int], text: str) -> Optional[int]:
    """A tag's value: the frontend's (clang evaluated it) or read from its text
    and the driver's #defines.  Tags are ULONGs: 'abcd' is an int to clang."""
    if value is not None:
        return value & 0xFFFFFFFF
    return tag_value(driver.resolve_macro(text))


def tag_value(text: str) -> Optional[int]:
    """The value of a pool tag expression: 'abcd' (as the compiler packs it), a number, | of those."""
    text = text.strip()
    while text.startswith("(") and text.endswith(")"):
        text = text[1:-1].strip()
    m = re.fullmatch(r"\(\s*U?LONG\s*\)\s*(.+)", text)
    if m:
        return tag_value(m.group(1))
    if "|" in text:
        values = [tag_value(p) for p in text.split("|")]
        if any(v is None for v in values):
            return None
        out = 0
        for v in values:
            out |= v
        return out
    m = re.fullmatch(r"'((?:[^'\\]|\\.)+)'", text)
    if m:
        value = 0
        for ch in m.group(1).encode("latin-1", "replace").decode("unicode_escape"):
            value = (value << 8) | (ord(ch) & 0xFF)
        return value
    try:
        return int(text.rstrip("uUlL"), 0)
    except ValueError:
        return None


def _show(value: int) -> str:
    raw = value.to_bytes(4, "big", signed=False) if value < 2 ** 32 else b""
    printable = raw.decode("latin-1") if raw and all(32 <= b < 127 for b in raw) else ""
    return f"'{printable}'" if printable else hex(value)


# --------------------------------------------------------- summaries across files
def external_summaries(driver: Driver, report: FileReport) -> dict[str, Summary]:
    """Summaries from the driver's other files that ``report``'s functions call."""
    wanted: set[str] = set()
    own = {i.name for i in report.infos}
    for info in report.infos:
        wanted |= info.callees - own
    out = {}
    for name in sorted(wanted):
        defs = [i for i in driver.functions.get(name, []) if not i.is_static]
        if len(defs) != 1:
            continue
        summary = driver.summary_of(defs[0])
        if summary is not None and _informative(summary):
            out[name] = summary
    return out


def _informative(summary: Summary) -> bool:
    """Anything but "keeps every parameter", which is what an unknown callee gets anyway."""
    return bool(summary.returns or summary.stores or any(p != "keeps" for p in summary.params))


def rerun_scope(report: FileReport, external: dict[str, Summary]) -> frozenset[str]:
    """The functions of ``report`` whose results can change with ``external``
    summaries: those that call one of them, and their callers in the file."""
    # A function whose first round hit a bound would hit it again: keep that result.
    # (A function not analyzed in the first round may call a wrapper defined
    # elsewhere: it is redone too.)
    redo = [i for i in report.infos if not i.bounded]
    # A function the first round skipped owns nothing of its own: only an
    # external allocator (a wrapper in another file) can give it something,
    # and only an external release helper can make it release something.
    allocators = {n for n, s in external.items() if s.returns or "frees" in s.params}
    scope = {i.name for i in redo
             if i.callees & (external.keys() if i.facts is not None else allocators)}
    changed = True
    while changed:
        changed = False
        for info in redo:
            if info.name not in scope and info.callees & scope:
                scope.add(info.name)
                changed = True
    return frozenset(scope)


def merge_rerun(first: FileReport, again: FileReport, scope: frozenset[str]) -> FileReport:
    """The first round's report with the functions in ``scope`` replaced by
    their second-round results (a new report: the first may be cached)."""
    redone = {i.name: i for i in again.infos if i.name in scope}
    return dataclasses.replace(
        first,
        findings=[f for f in first.findings if f.function not in scope]
        + [f for f in again.findings if f.function in scope],
        suppressed=[f for f in first.suppressed if f.function not in scope]
        + [f for f in again.suppressed if f.function in scope],
        infos=[redone.get(i.name, i) for i in first.infos],
        summaries={**first.summaries, **{n: s for n, s in again.summaries.items() if n in scope}},
        notifications=first.notifications + [
            n for n in again.notifications
            if n.kind == "bound-hit" and any(n.message.startswith(f"{name}:") for name in scope)])
