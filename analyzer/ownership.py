"""Per-object ownership state and how statements change it.

Like Clang's MallocChecker, every allocation site of a function is an
abstract object with a state:

    ALLOC    allocated, but the allocation may have failed (NULL / failed status)
    LIVE     allocated and known to have succeeded
    NULL     the allocation failed on this path: nothing to release
    FREED    released
    ESCAPED  handed off: returned, stored outside the function, given to a
             routine that takes ownership

tagged with its family (pool, mdl, ...).  The environment maps access paths of
the function's own storage ("p", "u.Buffer", "arr[]") to values: a pointer to
an object, the success status of an allocating call, or a known constant.
Parameters get pseudo-objects (negative ids) so the same machinery tells
whether a function frees or keeps what it is given (its summary).
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from . import ir
from .facts import Facts, MismatchFact, ReleaseFact, StoreFact, TagFact
from .irtext import expr_text
from .knowledge import Knowledge
from .locations import raw_location
from .paths import access_path, field_of, is_local, pointee_path, related, root, strip

ALLOC, LIVE, NULL, FREED, ESCAPED = "allocated", "live", "null", "freed", "escaped"
# Handed to a callee that keeps it only if it succeeds, and the caller has not
# looked at the status yet: no longer reported as a leak, back to LIVE on the
# failure branch, ESCAPED on the success branch.
PENDING = "pending"
OWNED = (ALLOC, LIVE)
RETURNED = "@returned"      # env key: the status a return statement returns
RETURNS_TO_CALLER = "#ret/"  # env key prefix: objects the caller owns once we return

# Success codes: NT_SUCCESS() is true for them; other STATUS_ names are failures.
SUCCESS_CODES = frozenset({
    "STATUS_SUCCESS", "STATUS_PENDING", "STATUS_TIMEOUT", "STATUS_REPARSE", "STATUS_MORE_ENTRIES",
    "STATUS_ALERTED", "STATUS_USER_APC", "STATUS_WAIT_0", "STATUS_ABANDONED", "STATUS_WAIT_1",
    "STATUS_NOT_ALL_ASSIGNED", "STATUS_SOME_NOT_MAPPED", "STATUS_OPLOCK_BREAK_IN_PROGRESS",
    "STATUS_NOTIFY_CLEANUP", "STATUS_NOTIFY_ENUM_DIR",
})
TRUE_NAMES = frozenset({"TRUE", "true"})
# Macro and enumerator spelling (STATUS_PENDING, FLT_PREOP_COMPLETE): treated as
# distinct constants.  A wrong guess can only hide a path, never invent one.
_CONSTANT_NAME = re.compile(r"[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$")
FALSE_NAMES = frozenset({"FALSE", "false"})


@dataclass(frozen=True, slots=True)
class Summary:
    """What a function does with ownership, as seen by its callers."""
    returns: Optional[str] = None           # family of a fresh allocation it returns
    params: tuple[str, ...] = ()            # per parameter: "frees" | "keeps" | "borrows"
    stores: tuple = ()                      # (parameter index, RawLocation): kept in persistent storage
    result: Optional[str] = None            # the status constant every path returns, if one


@dataclass(frozen=True, slots=True)
class Site:
    """An allocating call inside the function being analyzed."""
    call: ir.Call
    routine: str
    family: str
    key: str                                # stable within the function: routine#n
    tag: Optional[str] = None               # the tag argument's text, when the routine takes one
    tag_value: Optional[int] = None         # its value, when the frontend evaluated it


class State:
    __slots__ = ("objs", "env", "_key")

    def __init__(self, objs: dict, env: dict):
        self.objs = objs       # site id -> (family, status)
        self.env = env         # access path -> value tuple
        self._key = None

    def copy(self) -> "State":
        return State(dict(self.objs), dict(self.env))

    def key(self):
        if self._key is None:
            # Only hashed and compared, never ordered: frozensets need no sort.
            self._key = (frozenset(self.objs.items()), frozenset(self.env.items()))
        return self._key

    def owned(self) -> list[int]:
        return [s for s, (_, status) in self.objs.items() if status in OWNED and s >= 0]

    def set_status(self, site: int, status: str, family: Optional[str] = None) -> None:
        fam, _ = self.objs[site]
        self.objs[site] = (family or fam, status)
        self._key = None


def _param_after_handoff(site: int, status: str) -> bool:
    """A parameter (site < 0) lent to an unknown routine and then released is
    still released by this function: helpers that look at an object before
    its owner frees it (``RemoveHeadList(&ctx->List)``, logging) must not make
    a deallocator's summary "keeps"."""
    return site < 0 and status == ESCAPED


def is_null_literal(e) -> bool:
    e = strip(e)
    t = type(e)
    if t is ir.Literal:
        return e.kind == "null" or (e.kind == "number" and e.text.rstrip("uUlL") in ("0", "0x0"))
    return False


def constant_of(e) -> Optional[str]:
    """The text of a constant a local can be set to (status codes, TRUE/FALSE, numbers)."""
    e = strip(e)
    t = type(e)
    if t is ir.Name and (_CONSTANT_NAME.match(e.id) or e.id in TRUE_NAMES or e.id in FALSE_NAMES):
        return e.id
    if t is ir.Literal and e.kind in ("number", "true", "false", "null"):
        return e.text
    return None


def truth_of_constant(text: str) -> Optional[bool]:
    if text in ("<true>", "<failure>"):
        return True
    if text in ("<false>",):
        return False
    if text == "<success>":
        return None
    if text in TRUE_NAMES:
        return True
    if text in FALSE_NAMES or text in ("NULL", "nullptr"):
        return False
    if text.startswith("STATUS_"):
        return text != "STATUS_SUCCESS"
    try:
        return int(text.rstrip("uUlL"), 0) != 0
    except ValueError:
        return None


def status_success(text: str) -> Optional[bool]:
    """NT_SUCCESS() of a constant."""
    if text in ("<success>", "<failure>"):
        return text == "<success>"
    if text in ("<true>", "<false>"):
        return None
    if text.startswith("STATUS_"):
        return text in SUCCESS_CODES
    try:
        value = int(text.rstrip("uUlL"), 0)
    except ValueError:
        return None
    return value < 0x80000000


class Transfer:
    """Applies statements and conditions to states for one function."""

    def __init__(self, knowledge: Knowledge, summaries: dict[str, Summary],
                 locals_: frozenset[str], arrays: frozenset[str], on_event=None,
                 condition_paths: frozenset[str] = frozenset(),
                 types: Optional[dict[str, str]] = None, statics: frozenset[str] = frozenset(),
                 function: str = ""):
        self.k = knowledge
        # For whole-driver facts: declared types of parameters and locals.
        self.types = types or {}
        self.statics = statics
        self.function = function
        # Locals that some release call is given: only their origins matter.
        self.released_names: frozenset[str] = frozenset()
        self.facts = Facts()
        # Constants are remembered only for locals that some condition tests:
        # others cannot prune a path and would only multiply states.
        self.condition_paths = condition_paths
        self.summaries = summaries
        self.locals = locals_
        self.arrays = arrays
        self.sites: list[Site] = []
        self._site_of: dict[tuple, int] = {}
        self._routine_counts: dict[str, int] = {}
        self.on_event = on_event or (lambda *a: None)

    # ------------------------------------------------------------- sites
    def site(self, call: ir.Call, routine: str, family: str, tag_arg: Optional[int] = None) -> int:
        key = (call.name_loc.line, call.name_loc.col, routine)
        if key not in self._site_of:
            n = self._routine_counts.get(routine, 0)
            self._routine_counts[routine] = n + 1
            self._site_of[key] = len(self.sites)
            tag = expr_text(call.args[tag_arg]) if tag_arg is not None and tag_arg < len(call.args) else None
            self.sites.append(Site(call, routine, family, f"{routine}#{n}", tag, call.constant(tag_arg)))
        return self._site_of[key]

    def summary_of(self, name: str) -> tuple[str, Optional[Summary]]:
        """(the callee's name, its summary); inside a method, an unqualified
        name is the class's own member first (frontend.base.member_callees)."""
        scope, sep, _ = self.function.rpartition("::")
        if sep and "::" not in name:
            member = f"{scope}::{name}"
            if member in self.summaries:
                return member, self.summaries[member]
        return name, self.summaries.get(name)

    def location(self, e):
        return raw_location(e, self.types, self.locals, self.statics, self.function)

    def record_store(self, st: State, site: int, target, store_loc, is_list: bool = False,
                     location=None) -> None:
        """An owned object lands in storage that outlives the call (PT002)."""
        location = location if location is not None else self.location(target)
        if location is None:
            return
        if site < 0:
            self.facts.param_stores.add((-site - 1, location))
            return
        s = self.sites[site]
        self.facts.stores.add(StoreFact(s.key, s.routine, st.objs[site][0], s.call.name_loc,
                                        store_loc, location, is_list))

    # -------------------------------------------------------- evaluation
    def evaluate(self, st: State, e, callvals: dict) -> Optional[tuple]:
        """Evaluate ``e`` for its effects on ``st`` (mutated); return its value."""
        t = type(e)
        if t in (ir.Paren, ir.Cast):
            return self.evaluate(st, e.expr, callvals)
        if t is ir.Name or t is ir.Member:
            if t is ir.Member:
                self._effects_only(st, e.base, callvals)
                if e.field in ("Flink", "Blink"):
                    # Walking a list by hand: with a release in the same
                    # function, it empties the list (PT002).
                    head = self.location(e.base)
                    if head is not None:
                        self.facts.list_removals.add(head)
            path = access_path(e)
            return st.env.get(path) if path is not None else None
        if t is ir.Index:
            self._effects_only(st, e.index, callvals)
            path = access_path(e)
            return st.env.get(path) if path is not None else None
        if t is ir.Call:
            value = self.call(st, e, callvals)
            callvals[id(e)] = value
            return value
        if t is ir.Assign:
            value = self.evaluate(st, e.value, callvals)
            if e.op == "=":
                if value is None:
                    value = self.constant_value(e.target, e.value)
                self.bind(st, e.target, value, e.value)
            else:
                self.forget(st, access_path(e.target))
            return value
        if t is ir.Unary:
            if e.op in ("++", "--"):
                self.forget(st, access_path(e.operand))
            elif e.op == "*":
                path = access_path(e)
                return st.env.get(path) if path is not None else None
            self._effects_only(st, e.operand, callvals)
            return None
        if t is ir.Binary:
            left = self.evaluate(st, e.left, callvals)
            right = self.evaluate(st, e.right, callvals)
            if e.op == ",":
                return right
            # p + n still points into p's object (and keeps it referenced).
            for value in (left, right):
                if value is not None and value[0] == "obj":
                    return value
            return None
        if t is ir.Conditional:
            self._effects_only(st, e.test, callvals)
            return None
        if t is ir.InitList:
            for item in e.items:
                value = self.evaluate(st, item, callvals)
                self._escape_value(st, value, "stored in an initializer")
            return None
        return None

    def constant_value(self, target, value_expr):
        const = constant_of(value_expr)
        if const is None or access_path(target) not in self.condition_paths:
            return None
        return ("const", const)

    def _effects_only(self, st: State, e, callvals: dict) -> None:
        if type(e) not in (ir.Name, ir.Literal, ir.Opaque):
            self.evaluate(st, e, callvals)

    def bind(self, st: State, target, value, source=None) -> None:
        path = access_path(target)
        if path is not None and is_local(path, self.locals, self.arrays) and "[" not in path:
            self.forget(st, path)
            if value is None and source is not None and path in self.released_names:
                # info = ext->Priv: a later ExFreePool(info) releases ext->Priv (PT002).
                origin = self.location(source)
                value = ("loc", origin) if origin is not None else None
            if value is not None:
                st.env[path] = value
                st._key = None
            return
        holder = st.env.get(root(path)) if path is not None else None
        if holder is not None and holder[0] == "obj" and holder[1] >= 0 \
                and st.objs[holder[1]][1] in OWNED and "[" not in path:
            # Into an object this function owns (irp->MdlAddress = mdl): the
            # stored object now goes wherever its holder goes.
            self.forget(st, path)
            if value is not None:
                st.env[path] = value
                if value[0] == "obj" and value[1] != holder[1]:
                    self.link(st, holder[1], value[1])
            return
        # Stored outside the function's own storage (or into an array slot,
        # whose later release we cannot pair reliably): handed off.
        if path is not None and "[" in path and is_local(path, self.locals, self.arrays):
            self.forget(st, path)
        if value is not None and value[0] == "obj" and st.objs[value[1]][1] in OWNED:
            self.record_store(st, value[1], target, getattr(target, "loc", ir.NO_LOC))
        self._escape_value(st, value, f"stored into {path or 'memory'}")
        if source is not None:      # what hangs off the stored pointer (its locked pages) goes too
            for s in self.objects_in(st, source):
                self.escape(st, s)

    def forget(self, st: State, path: Optional[str]) -> None:
        if path is None:
            return
        n = len(path)
        stale = [p for p in st.env if p.startswith(path) and (len(p) == n or p[n] in ".-[")]
        for p in stale:
            del st.env[p]
        if stale:
            st._key = None

    def _escape_value(self, st: State, value, why: str) -> None:
        if value is not None and value[0] == "obj":
            self.escape(st, value[1])

    def escape(self, st: State, site: int) -> None:
        """Hand off an object, and with it what hangs off it (an MDL's buffer,
        the pages locked through it)."""
        if st.objs[site][1] in OWNED:
            st.set_status(site, ESCAPED)
            prefix = f"#{site}/"
            for key, linked in list(st.env.items()):
                if key.startswith(prefix):
                    self.escape(st, linked[1])

    @staticmethod
    def link(st: State, owner: int, site: int) -> None:
        """``site`` goes wherever ``owner`` goes."""
        st.env[f"#{owner}/{site}"] = ("obj", site)
        st._key = None

    def objects_in(self, st: State, e) -> set[int]:
        """Objects an argument gives access to: ``p``, ``p + 8``, ``&p->Link``,
        ``&ctx`` (a local struct holding pointers).  ``p->Length`` is a value
        read from the object, not the object."""
        e = strip(e)
        t = type(e)
        if t is ir.Unary and e.op == "&":
            path = access_path(e.operand)
            return self._bound(st, path, inside=True) if path is not None else set()
        if t in (ir.Name, ir.Member, ir.Index) or (t is ir.Unary and e.op == "*"):
            path = access_path(e)
            return self._bound(st, path, inside=False) if path is not None else set()
        if t is ir.Binary and e.op not in ("==", "!=", "<", ">", "<=", ">=", "&&", "||"):
            return self.objects_in(st, e.left) | self.objects_in(st, e.right)
        if t is ir.Conditional:
            return self.objects_in(st, e.then) | self.objects_in(st, e.other)
        if t is ir.Assign:
            return self.objects_in(st, e.target)
        return set()

    @staticmethod
    def _bound(st: State, path: str, inside: bool) -> set[int]:
        """Objects bound at ``path`` or below it; with ``inside``, also the
        object that ``path`` lies inside (``&p->Link`` points into p's object)."""
        found = set()
        for q, value in st.env.items():
            if value[0] != "obj" or not related(path, q):
                continue
            if len(q) >= len(path) or inside:
                found.add(value[1])
        return found

    # -------------------------------------------------------------- calls
    def call(self, st: State, e: ir.Call, callvals: dict):
        name = e.name
        values = [self.evaluate(st, a, callvals) for a in e.args]
        k = self.k
        # A callee may write through &x: forget what we knew about x (not owned objects).
        for a in e.args:
            a = strip(a)
            if type(a) is ir.Unary and a.op == "&":
                path = access_path(a.operand)
                if path is not None:
                    for p in [p for p, v in st.env.items() if v[0] != "obj" and related(p, path)]:
                        del st.env[p]
                        st._key = None
        if name in k.completion_routines:
            irp_index, routine_index = k.completion_routines[name]
            irp = access_path(e.args[irp_index]) if irp_index < len(e.args) else None
            routine = strip(e.args[routine_index]) if routine_index < len(e.args) else None
            if irp is not None and type(routine) is ir.Name:
                st.env[f"{irp}.@completion-routine"] = ("routine", routine.id)
                st._key = None
        if name in k.allocators:
            return self.allocate(st, e, k.allocators[name], values)
        if name in k.releases:
            self.release(st, e, k.releases[name], values)
            return None
        routine, summary = self.summary_of(name) if name else (name, None)
        if summary is not None:
            return self.apply_summary(st, e, summary, values, routine)
        if name in k.handoffs:
            head = k.list_inserts.get(name)
            for i in k.handoffs[name]:
                if i < len(e.args):
                    if head is not None and head < len(e.args):
                        for s in self.objects_in(st, e.args[i]):
                            if st.objs[s][1] in OWNED:
                                self.record_store(st, s, e.args[head], e.name_loc, is_list=True)
                    kept = self._kept_by_sender(st, e.args[i], values[i])
                    self.escape_arg(st, e.args[i], values[i], keep=kept)
            return None
        if name in k.list_removals:
            index = k.list_removals[name]
            if index < len(e.args):
                location = self.location(e.args[index])
                if location is not None:
                    self.facts.list_removals.add(location)
        if name in k.borrows or name in _CONDITION_MACROS:
            return None
        # Unknown routine (or a call through a pointer): it may keep what it
        # is given.  Prefer a missed leak to a false alarm.
        for arg, value in zip(e.args, values):
            self.escape_arg(st, arg, value)
        return None

    def _kept_by_sender(self, st: State, arg, value) -> Optional[int]:
        """The IRP an IoCallDriver leaves with its sender: its completion routine
        returns STATUS_MORE_PROCESSING_REQUIRED and does not free it."""
        path = access_path(arg)
        routine = st.env.get(f"{path}.@completion-routine") if path is not None else None
        if routine is None or value is None or value[0] != "obj":
            return None
        summary = self.summaries.get(routine[1])
        if summary is None or summary.result != "STATUS_MORE_PROCESSING_REQUIRED":
            return None
        irp_param = summary.params[1] if len(summary.params) > 1 else "keeps"
        return value[1] if irp_param == "borrows" else None

    def escape_arg(self, st: State, arg, value, keep: Optional[int] = None) -> None:
        objs = self.objects_in(st, arg)
        if value is not None and value[0] == "obj":
            objs.add(value[1])
        objs.discard(keep)
        for s in objs:
            self.escape(st, s)

    def allocate(self, st: State, e: ir.Call, a, values):
        if a.when_true_arg is not None:
            value = e.constant(a.when_true_arg)
            if value is not None:
                if not value:
                    return None
            elif a.when_true_arg >= len(e.args) or constant_of(e.args[a.when_true_arg]) not in TRUE_NAMES | {"1"}:
                return None
        if a.handoff_unless_null_arg is not None and a.handoff_unless_null_arg < len(e.args):
            if not is_null_literal(e.args[a.handoff_unless_null_arg]):
                # Attached to an IRP, which owns it now (and what hangs off it).
                site = self.site(e, a.name, a.family, a.tag_arg)
                st.objs[site] = (a.family, ESCAPED)
                st._key = None
                return ("obj", site)
        site = self.site(e, a.name, a.family, a.tag_arg)
        if a.result == "return":
            st.objs[site] = (a.family, ALLOC)
            st._key = None
            if a.describes_arg is not None and a.describes_arg < len(values):
                described = values[a.describes_arg]
                if described is not None and described[0] == "obj" and described[1] >= 0:
                    self.link(st, site, described[1])
            self.on_event(st, "alloc", site)
            return ("obj", site)
        arg_index, field = a.result
        if arg_index >= len(e.args):
            return None
        target = _held_at(e.args[arg_index], field)
        if target is None:
            return None
        # "@" fields are ours (a lock on an MDL, a context on an IRP), wherever
        # the MDL or IRP lives; real fields must be the function's own storage.
        if not field.startswith("@") and not is_local(target, self.locals, self.arrays):
            # Allocated straight into storage that is not ours (an out-parameter,
            # a device extension): handed off, and noted for PT002.
            st.objs[site] = (a.family, ESCAPED)
            st._key = None
            self.record_store(st, site, ir.Member(e.args[arg_index], field, True), e.name_loc)
            return ("status", site, a.success)
        self.forget(st, target)
        st.objs[site] = (a.family, LIVE if a.success == "always" else ALLOC)
        if field.startswith("@"):
            # Hung on an object of ours: it follows that object; on one that
            # is already someone else's (an MDL attached to an IRP): theirs;
            # on the caller's (a parameter, what a parameter points to): it
            # goes back to the caller with the return, unless the function
            # disposed of the holder itself (completed the IRP).
            holder = values[arg_index]
            if holder is not None and holder[0] == "obj" and holder[1] >= 0:
                if st.objs[holder[1]][1] in OWNED:
                    self.link(st, holder[1], site)
                else:
                    st.objs[site] = (a.family, ESCAPED)
            elif not is_local(target, self.locals, self.arrays) or holder is not None:
                param = holder[1] if holder is not None and holder[0] == "obj" else None
                st.env[f"{RETURNS_TO_CALLER}{site}"] = ("obj", site, param)
        st.env[target] = ("obj", site)
        st._key = None
        self.on_event(st, "alloc", site)
        return ("status", site, a.success)

    def release(self, st: State, e: ir.Call, r, values) -> None:
        if r.arg >= len(e.args):
            return
        arg = e.args[r.arg]
        released = arg
        if r.field:
            if not r.field.startswith("@"):
                released = ir.Member(arg, r.field, True)
            holder = _held_at(arg, r.field)
            value = st.env.get(holder) if holder is not None else None
        else:
            value = values[r.arg]
        location = self.location(released)
        if location is None:
            origin = st.env.get(access_path(arg)) if access_path(arg) is not None else None
            if origin is not None and origin[0] == "loc":
                location = origin[1] if not r.field else origin[1][:-1] + (
                    f"{origin[1][-1]}.{r.field}" if origin[1][-1] else r.field,)
        if location is not None:
            self.facts.releases.add(ReleaseFact(location, e.name_loc, r.name))
        if r.hands_off_attached:
            base = access_path(arg)
            for q, v in list(st.env.items()):
                if base is not None and v[0] == "obj" and related(base, q) \
                        and any(q.endswith("." + f) for f in r.hands_off_attached):
                    self.escape(st, v[1])
        if value is None or value[0] != "obj":
            return
        site = value[1]
        family, status = st.objs[site]
        if status in (FREED, NULL):
            return
        # The family and the tag are known even after a hand-off (the pointer
        # still names the same allocation), so PT005/PT006 look at those too.
        if site >= 0 and r.families and family not in r.families:
            s = self.sites[site]
            self.facts.mismatches.add(MismatchFact(r.name, e.name_loc, s.routine, family, s.call.name_loc))
        if site >= 0 and r.tag_arg is not None and r.tag_arg < len(e.args) and family in r.families:
            s = self.sites[site]
            if s.tag is not None:
                self.facts.tags.add(TagFact(s.tag, expr_text(e.args[r.tag_arg]), s.routine,
                                            s.call.name_loc, r.name, e.name_loc,
                                            s.tag_value, e.constant(r.tag_arg)))
        if status not in OWNED and not _param_after_handoff(site, status):
            return
        if r.becomes and family in r.families:
            st.set_status(site, status, r.becomes)
        else:
            st.set_status(site, FREED)
        self.on_event(st, "release", site, e, r)

    def apply_summary(self, st: State, e: ir.Call, summary: Summary, values, routine: str):
        stores = dict(summary.stores)
        conditional = None
        for i, (arg, value) in enumerate(zip(e.args, values)):
            effect = summary.params[i] if i < len(summary.params) else "keeps"
            if effect == "frees":
                location = self.location(arg)
                if location is not None:
                    self.facts.releases.add(ReleaseFact(location, e.name_loc, routine))
                if value is not None and value[0] == "obj" and (
                        st.objs[value[1]][1] in OWNED or _param_after_handoff(*value[1:2], st.objs[value[1]][1])):
                    st.set_status(value[1], FREED)
            elif effect == "keeps-on-success" and not summary.returns:
                objs = self.objects_in(st, arg)
                if value is not None and value[0] == "obj":
                    objs.add(value[1])
                owned = sorted(s for s in objs if st.objs[s][1] in OWNED)
                if owned:
                    for s in owned:
                        st.set_status(s, PENDING)
                    conditional = ("cond", tuple(owned))
            elif effect == "keeps":
                if i in stores:
                    objs = self.objects_in(st, arg)
                    if value is not None and value[0] == "obj":
                        objs.add(value[1])
                    for s in objs:
                        if st.objs[s][1] in OWNED:
                            self.record_store(st, s, None, e.name_loc, location=stores[i])
                self.escape_arg(st, arg, value)
        if summary.returns:
            site = self.site(e, routine, summary.returns)
            st.objs[site] = (summary.returns, ALLOC)
            st._key = None
            self.on_event(st, "alloc", site)
            return ("obj", site)
        return conditional

    # --------------------------------------------------------- conditions
    def value_of(self, st: State, e, callvals: dict):
        """The value of an already evaluated expression (no effects)."""
        e = strip(e)
        t = type(e)
        if t is ir.Call:
            return callvals.get(id(e))
        if t is ir.Assign:
            value = self.value_of(st, e.target, callvals)
            return value if value is not None else callvals.get(id(strip(e.value)))
        if t in (ir.Name, ir.Member, ir.Index) or (t is ir.Unary and e.op == "*"):
            path = access_path(e)
            value = st.env.get(path) if path is not None else None
            if value is not None or t is not ir.Name:
                return value
        if t is ir.Binary and e.op == ",":
            return self.value_of(st, e.right, callvals)
        const = constant_of(e)
        return ("const", const) if const is not None else None

    def assume(self, st: State, e, truth: bool, callvals: dict) -> list[State]:
        """The states in which condition ``e`` has the given truth (none if impossible)."""
        e = strip(e)
        t = type(e)
        if t is ir.Unary and e.op == "!":
            return self.assume(st, e.operand, not truth, callvals)
        if t is ir.Binary:
            if e.op == "&&" or e.op == "||":
                decisive = e.op == "||"      # the left value that decides alone
                if truth == decisive:
                    out = self.assume(st, e.left, decisive, callvals)
                    for s in self.assume(st, e.left, not decisive, callvals):
                        out += self.assume(s, e.right, decisive, callvals)
                    return out
                out = []
                for s in self.assume(st, e.left, not decisive, callvals):
                    out += self.assume(s, e.right, not decisive, callvals)
                return out
            if e.op in ("==", "!="):
                equal = (e.op == "==") == truth
                return self._assume_equal(st, e.left, e.right, equal, callvals)
            if e.op in ("<", ">=") and constant_of(e.right) in ("0", "0L"):
                value = self.value_of(st, e.left, callvals)
                failed = (e.op == "<") == truth
                return self._refine_success(st, value, not failed)
            return [st]
        if t is ir.Call and e.name in _CONDITION_MACROS and e.args:
            value = self.value_of(st, e.args[0], callvals)
            success = truth if _CONDITION_MACROS[e.name] else not truth
            if value is None:
                return [self._learn(st, e.args[0], "<success>" if success else "<failure>")]
            return self._refine_success(st, value, success)
        value = self.value_of(st, e, callvals)
        if value is None:
            return [self._learn(st, e, "<true>" if truth else "<false>")]
        kind = value[0]
        if kind == "obj":
            return self._refine_null(st, value[1], is_null=not truth)
        if kind == "status":
            # if (status) is true for a non-zero NTSTATUS: a failure.
            success = truth if value[2] == "bool" else not truth
            return self._refine_success(st, value, success)
        if kind == "cond":
            return self._refine_success(st, value, not truth)
        if kind != "const":
            return [st]
        known = truth_of_constant(value[1])
        return [st] if known is None or known == truth else []

    def _learn(self, st: State, e, const: str) -> State:
        """Remember what a branch told us about a local nobody set to a constant."""
        path = access_path(e)
        if path is None or path not in self.condition_paths or not is_local(path, self.locals, self.arrays):
            return st
        if not st.owned():
            return st   # nothing to correlate yet; learning would only multiply states
        st = st.copy()
        st.env[path] = ("const", const)
        return st

    def _assume_equal(self, st, left, right, equal: bool, callvals) -> list[State]:
        lv = self.value_of(st, left, callvals)
        rv = self.value_of(st, right, callvals)
        if lv is None or lv[0] == "const":
            lv, rv, left, right = rv, lv, right, left
        if lv is None:
            if equal and rv is not None and rv[0] == "const":
                return [self._learn(st, left, rv[1])]
            return [st]
        if lv[0] == "obj" and is_null_literal(right):
            return self._refine_null(st, lv[1], is_null=equal)
        if lv[0] == "obj" and lv[1] >= 0 and (rv is None or (rv[0] == "obj" and rv[1] != lv[1])):
            # A fresh allocation equals no other pointer unless both are NULL.
            return self._refine_null(st, lv[1], is_null=True) if equal else [st]
        if lv[0] == "cond" and rv is not None and rv[0] == "const":
            if rv[1] in ("STATUS_SUCCESS", "0"):
                return self._refine_success(st, lv, equal)
            return self._refine_success(st, lv, False) if equal else [st]
        if lv[0] == "status" and rv is not None and rv[0] == "const":
            const = rv[1]
            if lv[2] == "bool":
                truth = truth_of_constant(const)
                if truth is None:
                    return [st]
                return self._refine_success(st, lv, truth == equal)
            if const in ("STATUS_SUCCESS", "0"):
                return self._refine_success(st, lv, equal)
            if equal:   # equal to a specific failure code: failed
                return self._refine_success(st, lv, status_success(const) is True)
            return [st]
        if lv[0] == "const" and rv is not None and rv[0] == "const":
            same = lv[1] == rv[1]
            if not same and (lv[1].startswith("<") or rv[1].startswith("<")):
                return [st]   # a learned fact says too little to compare
            return [st] if same == equal else []
        return [st]

    def _refine_null(self, st: State, site: int, is_null: bool) -> list[State]:
        status = st.objs[site][1]
        if status == ALLOC:
            st = st.copy()
            st.set_status(site, NULL if is_null else LIVE)
            return [st]
        if (status == LIVE and is_null) or (status == NULL and not is_null):
            return []
        if is_null and _param_after_handoff(site, status):
            return []    # lending a parameter did not change the pointer: still not NULL
        return [st]

    def _refine_success(self, st: State, value, success: bool) -> list[State]:
        if value is None:
            return [st]
        if value[0] == "cond":
            st = st.copy()
            for site in value[1]:
                if st.objs[site][1] == PENDING:
                    st.set_status(site, ESCAPED if success else LIVE)
            return [st]
        if value[0] == "const":
            known = status_success(value[1])
            return [st] if known is None or known == success else []
        if value[0] == "status":
            return self._refine_null(st, value[1], is_null=not success)
        if value[0] == "obj":
            return self._refine_null(st, value[1], is_null=not success)
        return [st]


# Macros testing an NTSTATUS: True when they hold for success.
_CONDITION_MACROS = {"NT_SUCCESS": True, "NT_ERROR": False, "NT_INFORMATION": True,
                     "SUCCEEDED": True, "FAILED": False}


def _held_at(arg, field: str) -> Optional[str]:
    """The path where an allocator puts (or a release finds) ``arg``'s ``field``:
    ``&u`` + Buffer -> ``u.Buffer``; ``Mdl`` + @locked -> ``Mdl.@locked``."""
    if field.startswith("@"):
        holder = access_path(arg)
        return f"{holder}.{field}" if holder is not None else None
    holder = pointee_path(arg)
    return field_of(holder, field) if holder is not None else None
