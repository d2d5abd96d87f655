"""Control-flow graph of one function, built from the IR.

One node per evaluation (a statement's expression, a declaration's
initializer, a branch condition, a return).  Edges carry their kind: "next",
"true"/"false" out of a branch, "case" out of a switch, "exception" from a
call inside ``__try`` to its ``__except`` handler.  ``__finally`` blocks are
copied onto every way out of their ``__try`` (fall-through, ``__leave``,
``return``) so each path sees the cleanup it really runs.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from . import ir
from .irtext import expr_text, shorten


@dataclass(slots=True)
class Node:
    id: int
    kind: str                  # entry | exit | sink | eval | branch | switch | return | nop
    loc: ir.Loc = ir.NO_LOC
    expr: Optional[ir.Expr] = None
    decl: Optional[str] = None          # eval of a declaration: the declared name
    succs: list[tuple[str, int, object]] = field(default_factory=list)  # (kind, target, case value)


@dataclass
class CFG:
    function: ir.Function
    nodes: list[Node]
    entry: int
    exit: int
    sink: int
    locals: frozenset[str]
    arrays: frozenset[str]
    types: dict[str, str] = field(default_factory=dict)     # parameter and local -> declared type
    statics: frozenset[str] = frozenset()                   # function-static locals

    def condition_paths(self) -> frozenset[str]:
        """Access paths that some branch or switch tests."""
        from .paths import access_path
        found = set()
        for n in self.nodes:
            if n.kind in ("branch", "switch") and n.expr is not None:
                stack = [n.expr]
                while stack:
                    x = stack.pop()
                    path = access_path(x) if type(x) in (ir.Name, ir.Member, ir.Index) else None
                    if path is not None:
                        found.add(path)
                        continue
                    stack.extend(ir.children(x))
        return frozenset(found)

    def call_arguments(self, routines: frozenset[str]) -> frozenset[str]:
        """Plain variable names passed to any of ``routines`` in this function."""
        from .paths import strip
        found = set()
        for n in self.nodes:
            stack = [n.expr] if n.expr is not None else []
            while stack:
                x = stack.pop()
                if type(x) is ir.Call and x.name in routines:
                    found.update(a.id for a in map(strip, x.args) if type(a) is ir.Name)
                stack.extend(ir.children(x))
        return frozenset(found)

    def dump(self) -> str:
        """Stable text form, for tests and debugging."""
        lines = [f"cfg {self.function.name} entry=n{self.entry} exit=n{self.exit}"]
        for n in self.nodes:
            text = shorten(expr_text(n.expr), 50) if n.expr is not None else ""
            if n.decl:
                text = f"decl {n.decl}" + (f" = {text}" if text else "")
            succ = " ".join(
                f"{k}:n{t}" if v is None else f"{k}({shorten(expr_text(v), 20)}):n{t}"
                for k, t, v in n.succs)
            line = f"  n{n.id} {n.kind}"
            if n.loc.line:
                line += f" @{n.loc.line}"
            if text:
                line += f" [{text}]"
            lines.append(f"{line} -> {succ}" if succ else line)
        return "\n".join(lines)


class _Builder:
    def __init__(self, fn: ir.Function, noreturn: frozenset[str], raises: Optional[frozenset[str]]):
        self.fn = fn
        self.noreturn = noreturn
        self.raises = raises
        self.nodes: list[Node] = []
        self.labels: dict[str, int] = {}
        self.locals: set[str] = {p.name for p in fn.params if p.name}
        self.arrays: set[str] = set()
        self.types: dict[str, str] = {p.name: p.type + (" *" if p.is_pointer else "")
                                      for p in fn.params if p.name}
        self.statics: set[str] = set()
        # Context stacks while building.
        self.breaks: list[int] = []
        self.continues: list[int] = []
        self.leaves: list[int] = []
        self.finallies: list[ir.Block] = []
        self.handlers: list[int] = []   # __except handler entries
        self.exit = self.new("exit", ir.Loc(fn.end_line, 1, fn.end_line, 2)).id
        self.sink = self.new("sink").id

    def new(self, kind: str, loc: ir.Loc = ir.NO_LOC, expr=None, decl=None) -> Node:
        node = Node(len(self.nodes), kind, loc, expr, decl)
        self.nodes.append(node)
        return node

    def evaluation(self, kind: str, loc, expr, nxt: int, decl=None) -> Node:
        node = self.new(kind, loc, expr, decl)
        if kind == "eval":
            node.succs.append(("next", self.sink if _ends_in_noreturn(expr, self.noreturn) else nxt, None))
        if self.handlers and expr is not None and _may_raise(expr, self.raises):
            node.succs.append(("exception", self.handlers[-1], None))
        return node

    def label(self, name: str) -> int:
        if name not in self.labels:
            self.labels[name] = self.new("nop").id
        return self.labels[name]

    # Build backwards: each statement is given the node that follows it and
    # returns the node where it starts.
    def stmt(self, s, nxt: int) -> int:
        t = type(s)
        if t is ir.Block:
            for child in reversed(s.stmts):
                nxt = self.stmt(child, nxt)
            return nxt
        if t is ir.ExprStmt:
            return self.evaluation("eval", s.loc, s.expr, nxt).id
        if t is ir.Decl:
            if s.is_static:
                self.statics.add(s.name)
                return nxt
            self.locals.add(s.name)
            self.types[s.name] = s.type + (" *" if s.is_pointer else "")
            if s.is_array:
                self.arrays.add(s.name)
            return self.evaluation("eval", s.loc, s.init, nxt, decl=s.name).id
        if t is ir.If:
            then = self.stmt(s.then, nxt)
            other = self.stmt(s.other, nxt) if s.other is not None else nxt
            node = self.evaluation("branch", s.loc, s.cond, nxt)
            node.succs[:0] = [("true", then, None), ("false", other, None)]
            return node.id
        if t is ir.While:
            head = self.evaluation("branch", s.loc, s.cond, nxt)
            body = self.loop_body(s.body, head.id, nxt)
            head.succs[:0] = [("true", body, None), ("false", nxt, None)]
            return head.id
        if t is ir.DoWhile:
            cond = self.evaluation("branch", s.loc, s.cond, nxt)
            body = self.loop_body(s.body, cond.id, nxt)
            cond.succs[:0] = [("true", body, None), ("false", nxt, None)]
            return body
        if t is ir.For:
            head = self.new("nop", s.loc)
            update = self.evaluation("eval", s.loc, s.update, head.id).id if s.update is not None else head.id
            body = self.loop_body(s.body, update, nxt)
            if s.cond is not None:
                cond = self.evaluation("branch", s.loc, s.cond, nxt)
                cond.succs[:0] = [("true", body, None), ("false", nxt, None)]
                head.succs.append(("next", cond.id, None))
            else:
                head.succs.append(("next", body, None))
            start = head.id
            for init in reversed(s.init):
                start = self.stmt(init, start)
            return start
        if t is ir.Switch:
            return self.switch(s, nxt)
        if t is ir.Break:
            return self.breaks[-1] if self.breaks else nxt
        if t is ir.Continue:
            return self.continues[-1] if self.continues else nxt
        if t is ir.Return:
            node = self.new("return", s.loc, s.value)
            node.succs.append(("next", self.through_finallies(self.exit), None))
            return node.id
        if t is ir.Goto:
            return self.label(s.label)
        if t is ir.Label:
            node = self.nodes[self.label(s.name)]
            node.loc = s.loc
            node.succs.append(("next", nxt, None))
            return node.id
        if t is ir.Try:
            return self.try_stmt(s, nxt)
        if t is ir.Leave:
            return self.leaves[-1] if self.leaves else nxt
        return nxt   # Case outside a switch body: nothing to evaluate

    def loop_body(self, body, cont: int, brk: int) -> int:
        self.breaks.append(brk)
        self.continues.append(cont)
        try:
            return self.stmt(body, cont)
        finally:
            self.breaks.pop()
            self.continues.pop()

    def switch(self, s: ir.Switch, nxt: int) -> int:
        cases: list[tuple[object, int]] = []
        default = nxt
        self.breaks.append(nxt)
        try:
            target = nxt
            stmts = s.body.stmts if isinstance(s.body, ir.Block) else [s.body]
            for child in reversed(stmts):
                if type(child) is ir.Case:
                    if child.value is None:
                        default = target
                    else:
                        cases.append((child.value, target))
                else:
                    target = self.stmt(child, target)
        finally:
            self.breaks.pop()
        node = self.evaluation("switch", s.loc, s.expr, nxt)
        node.succs[:0] = [("case", t, v) for v, t in reversed(cases)] + [("default", default, None)]
        return node.id

    def try_stmt(self, s: ir.Try, nxt: int) -> int:
        if s.kind == "finally":
            after = self.stmt(s.handler, nxt)          # normal way out runs the cleanup
            self.leaves.append(after)
            self.finallies.append(s.handler)
            try:
                return self.stmt(s.body, after)
            finally:
                self.finallies.pop()
                self.leaves.pop()
        handler = self.stmt(s.handler, nxt)
        self.handlers.append(handler)
        self.leaves.append(nxt)
        try:
            return self.stmt(s.body, nxt)
        finally:
            self.handlers.pop()
            self.leaves.pop()

    def through_finallies(self, target: int) -> int:
        """A return inside __try runs every enclosing __finally, innermost first."""
        saved = self.finallies
        for i in range(len(saved)):
            self.finallies = saved[:i]
            target = self.stmt(saved[i], target)
        self.finallies = saved
        return target


def _may_raise(e, raises: Optional[frozenset[str]]) -> bool:
    """Whether evaluating ``e`` may raise: a call to a raising routine (any
    call when ``raises`` is None), or an explicit ``*p`` read."""
    stack = [e]
    while stack:
        x = stack.pop()
        if type(x) is ir.Call and (raises is None or x.name in raises):
            return True
        if type(x) is ir.Unary and x.op == "*" and raises is not None:
            return True
        stack.extend(ir.children(x))
    return False


def _ends_in_noreturn(e, noreturn: frozenset[str]) -> bool:
    while type(e) in (ir.Paren, ir.Cast):
        e = e.expr
    return type(e) is ir.Call and e.name in noreturn


def build_cfg(fn: ir.Function, noreturn: frozenset[str] = frozenset(),
              raises: Optional[frozenset[str]] = None) -> CFG:
    """``raises``: routines that may raise inside ``__try`` (None: any call)."""
    b = _Builder(fn, noreturn, raises)
    body_entry = b.stmt(fn.body, b.exit) if fn.body is not None else b.exit
    entry = b.new("entry", fn.loc)
    entry.succs.append(("next", body_entry, None))
    return CFG(fn, b.nodes, entry.id, b.exit, b.sink, frozenset(b.locals), frozenset(b.arrays),
               b.types, frozenset(b.statics))
