"""The frontend interface: source bytes in, frontend-neutral IR (ir.Unit) out.

``select([(name, body_text), ...]) -> names`` lets the engine skip lowering
bodies that cannot matter (most functions of a driver never allocate); a
skipped function still appears in the Unit with ``body=None`` and its callee
names, which the call graph needs.
"""
from __future__ import annotations

import re
from typing import Callable, Mapping, Optional, Protocol

from ..ir import Unit

# C++ static calls keep their qualification (CSaveData::DestroyWorkItems), the
# name their definition has.
# `::ExFreePool(p)` (the global scope, written out) calls ExFreePool.
_CALLEE = re.compile(rb"(?<![\w:])(?:::)?((?:[A-Za-z_]\w*+::)*+~?[A-Za-z_]\w*+)\s*+\(")  # possessive: no backtracking
_NOT_CALLEES = frozenset({"if", "while", "for", "switch", "return", "sizeof", "do",
                          "__except", "case", "defined", "else"})


def callee_names(body: bytes) -> frozenset[str]:
    """Names that appear called in a body; cheap, used for the call graph."""
    return frozenset(m.decode("ascii", "replace") for m in _CALLEE.findall(body)) - _NOT_CALLEES


def member_callees(function: str, callees: frozenset[str]) -> frozenset[str]:
    """Inside a method (``CPool::Twice``), an unqualified call ``Grab(n)``
    may be the class's own ``CPool::Grab``: C++ looks in the class first.
    Both names go into the call graph; the analysis tries the member first
    (ownership.Transfer)."""
    scope, sep, _ = function.rpartition("::")
    if not sep:
        return callees
    return callees | frozenset(f"{scope}::{n}" for n in callees if "::" not in n)


Selector = Callable[[list[tuple[str, bytes]]], set[str]]


class Frontend(Protocol):
    name: str

    def parse_unit(self, path: str, src: bytes, select: Optional[Selector] = None,
                   constant_args: Optional[Mapping[str, tuple[int, ...]]] = None) -> Unit:
        """``constant_args`` (routine -> argument positions): a frontend that
        can evaluate constant expressions sets those arguments' values on
        each call's ``constants``."""
        ...


def get_frontend(name: str = "tree-sitter", **options) -> Frontend:
    """``options`` go to the clang frontend: include_dirs, defines, build_dir,
    headers ("auto" | "shim" | "mingw").  ``auto`` means clang when a
    compilation database was found (``build_dir`` set), tree-sitter otherwise."""
    if not isinstance(name, str):
        return name                 # already a frontend (engine builds clang's once)
    if name == "auto":
        name = "clang" if options.get("build_dir") else "tree-sitter"
    if name in ("tree-sitter", "treesitter"):
        from .treesitter import TreeSitterFrontend
        return TreeSitterFrontend()
    if name == "clang":
        from .clang import ClangFrontend
        return ClangFrontend(**options)
    raise ValueError(f"unknown frontend {name!r} (available: auto, tree-sitter, clang)")
