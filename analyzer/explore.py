"""Path-sensitive exploration of one function's CFG.

States that reach a node in a form already seen there are not explored
again, so loops converge and paths that do not differ in ownership merge.
Bounds: at most ``max_states_per_node`` distinct states per node,
``max_steps`` node visits and ``max_work`` units of state handled (the sum of
the sizes of the states taken from the work list, which bounds the time spent
hashing and copying huge states) per function, and, as a last resort that no
input can get past, ``max_seconds`` of wall-clock time per function.  The
first three are deterministic; hitting any bound is reported, never silent.
"""
from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import Optional

from . import ir
from .cfg import CFG
from .irtext import expr_text, shorten
from .knowledge import Knowledge
from .ownership import (ALLOC, ESCAPED, FREED, LIVE, NULL, OWNED, RETURNED, RETURNS_TO_CALLER, State,
                        Summary, Transfer, status_success)


@dataclass(frozen=True)
class Limits:
    max_states_per_node: int = 48
    max_steps: int = 60_000
    # Sum of len(objs) + len(env) over the states taken.  No function of the six
    # public trees in docs/real-world.md needs 1M; fuzzed input reached 20M in 25 s.
    max_work: int = 2_000_000
    max_seconds: float = 30.0          # wall clock per function (0: none)
    # Per-file bounds, applied by pipeline.analyze_source (and engine before reading).
    max_file_bytes: int = 8 * 1024 * 1024
    max_line_bytes: int = 1024 * 1024
    max_file_seconds: float = 180.0    # no new function is started after this (0: none)


@dataclass
class Event:
    """One step of a path, kept as a linked list (shared tails)."""
    loc: ir.Loc
    message: str
    site: Optional[int]            # the object this step is about (allocation), if any
    parent: Optional["Event"]


@dataclass
class Leak:
    site: int
    exit_loc: ir.Loc
    exit_message: str
    events: list[Event]


@dataclass
class Outcome:
    leaks: dict[int, Leak] = field(default_factory=dict)
    summary: Summary = Summary()
    bound_hit: Optional[str] = None
    transfer: Optional[Transfer] = None


def explore(cfg: CFG, knowledge: Knowledge, summaries: dict[str, Summary],
            limits: Limits = Limits()) -> Outcome:
    fn = cfg.function
    transfer = Transfer(knowledge, summaries, cfg.locals, cfg.arrays,
                        condition_paths=cfg.condition_paths(), types=cfg.types,
                        statics=cfg.statics, function=fn.name)
    transfer.released_names = cfg.call_arguments(frozenset(knowledge.releases))
    outcome = Outcome(transfer=transfer)
    nodes = cfg.nodes

    # Parameters start as pseudo-objects -1, -2, ... to learn the summary.
    init = State({}, {})
    for i, p in enumerate(fn.params):
        if p.name:
            init.objs[-(i + 1)] = ("param", ALLOC)
            init.env[p.name] = ("obj", -(i + 1))

    seen: list[set] = [set() for _ in nodes]
    work = deque([(cfg.entry, init, None)])
    steps = 0
    param_outcomes: list[set[str]] = [set() for _ in fn.params]
    returns: set[str] = set()
    results: set = set()            # status constants returned (None: something else)
    reached_exit = False
    work_done = pops = 0
    deadline = time.monotonic() + limits.max_seconds if limits.max_seconds else None

    while work:
        node_id, st, trace = work.popleft()
        pops += 1
        work_done += len(st.objs) + len(st.env) + 1
        if work_done > limits.max_work:
            outcome.bound_hit = f"more than {limits.max_work} units of state work"
            break
        if deadline is not None and not pops & 0xff and time.monotonic() > deadline:
            outcome.bound_hit = f"more than {limits.max_seconds:g} s"
            break
        key = st.key()
        bucket = seen[node_id]
        if key in bucket:
            continue
        if len(bucket) >= limits.max_states_per_node:
            outcome.bound_hit = outcome.bound_hit or (
                f"more than {limits.max_states_per_node} distinct states at line {nodes[node_id].loc.line}")
            continue
        bucket.add(key)
        steps += 1
        if steps > limits.max_steps:
            outcome.bound_hit = f"more than {limits.max_steps} steps"
            break
        node = nodes[node_id]
        kind = node.kind

        if kind == "exit":
            reached_exit = True
            st = st.copy()
            _back_to_caller(transfer, st)      # falling off the end returns too
            _check_exit(outcome, transfer, st, trace, node)
            returned = st.env.get(RETURNED)
            results.add(returned[1] if returned is not None and returned[0] == "const" else None)
            success = status_success(returned[1]) if returned is not None and returned[0] == "const" else None
            for i in range(len(fn.params)):
                obj = st.objs.get(-(i + 1))
                if obj is not None:
                    param_outcomes[i].add((obj[1], success))
            continue
        if kind == "sink":
            continue

        callvals: dict = {}
        if kind in ("eval", "branch", "switch", "return") and (node.expr is not None or node.decl):
            st2 = st.copy()
            events: list = []
            transfer.on_event = lambda s, what, site, *rest: events.append((what, site))
            if node.decl is not None:
                value = transfer.evaluate(st2, node.expr, callvals) if node.expr is not None else None
                target = ir.Name(node.decl)
                if value is None and node.expr is not None:
                    value = transfer.constant_value(target, node.expr)
                transfer.bind(st2, target, value, node.expr)
            else:
                value = transfer.evaluate(st2, node.expr, callvals)
            for what, site in events:
                if what == "alloc":
                    call = transfer.sites[site].call
                    trace = Event(call.name_loc, f"allocated by {transfer.sites[site].routine} here", site, trace)
        else:
            st2, value = st, None

        if kind == "return":
            if node.expr is not None:
                returned = transfer.objects_in(st2, node.expr)
                if value is not None and value[0] == "obj":
                    returned.add(value[1])
                for s in returned:
                    if st2.objs[s][1] in OWNED:
                        if s >= 0:
                            returns.add(st2.objs[s][0])
                        transfer.escape(st2, s)
            _back_to_caller(transfer, st2)
            if node.expr is not None:
                # What the function returns, when it is a known status, tells
                # success paths from failure paths for conditional summaries.
                result = transfer.value_of(st2, node.expr, callvals)
                if result is not None and result[0] == "const":
                    st2.env[RETURNED] = result
                    st2._key = None
            if st2.owned():
                trace = Event(node.loc, "returns here", None, trace)
            for _, target, _ in node.succs:
                work.append((target, st2, trace))
            continue

        if kind == "branch":
            tracking = bool(st2.owned())
            for edge, target, _ in node.succs:
                if edge == "exception":
                    work.append((target, st, trace))
                    continue
                truth = edge == "true"
                for s in transfer.assume(st2, node.expr, truth, callvals):
                    t = trace
                    if tracking and s.owned():
                        t = Event(node.loc, f"takes the {edge} branch of ({shorten(expr_text(node.expr), 50)})",
                                  None, trace)
                    work.append((target, s, t))
            continue

        if kind == "switch":
            tracking = bool(st2.owned())
            for edge, target, value_expr in node.succs:
                if edge == "exception":
                    work.append((target, st, trace))
                    continue
                t = trace
                if tracking:
                    label = f"case {expr_text(value_expr)}" if edge == "case" else "default"
                    t = Event(node.loc, f"takes {label} of switch ({shorten(expr_text(node.expr), 40)})",
                              None, trace)
                work.append((target, st2, t))
            continue

        for edge, target, _ in node.succs:
            work.append((target, st if edge == "exception" else st2, trace))

    # A function summary is only trusted when the whole function was explored.
    if outcome.bound_hit is None and reached_exit:
        params = []
        for i, outcomes in enumerate(param_outcomes):
            seen_states = {status for status, _ in outcomes}
            on_success = {status for status, ok in outcomes if ok is True}
            on_failure = {status for status, ok in outcomes if ok is False}
            unknown = {status for status, ok in outcomes if ok is None}
            if seen_states and seen_states <= {FREED, NULL} and FREED in seen_states:
                params.append("frees")
            elif (on_success and on_failure and not unknown and on_success <= {FREED, ESCAPED, NULL}
                  and on_success & {FREED, ESCAPED} and on_failure <= {ALLOC, LIVE, NULL}):
                # Takes ownership only when it succeeds: on a failure status
                # the caller still owns (and must release) what it passed.
                params.append("keeps-on-success")
            elif seen_states & {FREED, ESCAPED}:
                params.append("keeps")
            else:
                params.append("borrows")
        only = returns.pop() if len(returns) == 1 else None
        result = next(iter(results)) if len(results) == 1 else None
        outcome.summary = Summary(only, tuple(params), tuple(sorted(transfer.facts.param_stores)), result)
    else:
        outcome.summary = Summary(None, tuple("keeps" for _ in fn.params))
    return outcome


def _back_to_caller(transfer: Transfer, st: State) -> None:
    """What hangs off the caller's objects (pages locked through its MDL, a
    context on its IRP) is the caller's once the function returns, unless the
    function disposed of the holder itself."""
    for key, held in list(st.env.items()):
        if key.startswith(RETURNS_TO_CALLER):
            holder = held[2]
            if holder is None or st.objs.get(holder, ("", LIVE))[1] != FREED:
                transfer.escape(st, held[1])


def _check_exit(outcome: Outcome, transfer: Transfer, st: State, trace: Optional[Event], node) -> None:
    for site in st.owned():
        if site in outcome.leaks:
            continue
        events = []
        t = trace
        exit_loc, exit_message = node.loc, "reaches the end of the function"
        saw_return = False
        while t is not None:
            if t.message == "returns here" and not saw_return and not events:
                exit_loc, exit_message = t.loc, "returns here"
                saw_return = True
                t = t.parent
                continue
            if t.site is not None and t.site != site:
                t = t.parent
                continue
            events.append(t)
            if t.site == site:
                break
            t = t.parent
        events.reverse()
        outcome.leaks[site] = Leak(site, exit_loc, exit_message, events)
