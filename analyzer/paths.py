"""Access paths: the storage an lvalue names, as a string ("u.Buffer",
"ctx->Mdl", "arr[]"), and whether that storage belongs to the function."""
from __future__ import annotations

from typing import Optional

from . import ir


def strip(e):
    """Drop parentheses and casts, which do not change what a pointer points to."""
    while type(e) in (ir.Paren, ir.Cast):
        e = e.expr
    return e


def access_path(e) -> Optional[str]:
    """The access path an expression names, or None when it names no fixed storage."""
    e = strip(e)
    t = type(e)
    if t is ir.Name:
        return e.id
    if t is ir.Member:
        base = strip(e.base)
        # (&u)->f is u.f ; (*p).f is p->f
        if type(base) is ir.Unary and base.op == "&":
            inner = access_path(base.operand)
            return None if inner is None else f"{inner}.{e.field}"
        if type(base) is ir.Unary and base.op == "*":
            inner = access_path(base.operand)
            return None if inner is None else f"{inner}->{e.field}"
        inner = access_path(base)
        return None if inner is None else f"{inner}{'->' if e.arrow else '.'}{e.field}"
    if t is ir.Index:
        inner = access_path(e.base)
        return None if inner is None else f"{inner}[]"
    if t is ir.Unary and e.op == "*":
        inner = access_path(e.operand)
        return None if inner is None else f"*{inner}"
    return None


def pointee_path(e) -> Optional[str]:
    """For an argument like ``&u`` (or ``pu``), the path of the pointed-to object."""
    e = strip(e)
    if type(e) is ir.Unary and e.op == "&":
        return access_path(e.operand)
    inner = access_path(e)
    return None if inner is None else f"*{inner}"


def field_of(obj_path: str, field: str) -> str:
    """``u`` + Buffer -> ``u.Buffer``; ``*pu`` + Buffer -> ``pu->Buffer``."""
    if obj_path.startswith("*"):
        return f"{obj_path[1:]}->{field}"
    return f"{obj_path}.{field}"


def root(path: str) -> str:
    path = path.lstrip("*")
    for i, ch in enumerate(path):
        if ch in ".-[":
            return path[:i]
    return path


def is_local(path: str, locals_: frozenset[str], arrays: frozenset[str]) -> bool:
    """True when the storage is the function's own: a local variable, a field of a
    local struct, or an element of a local array; never through a pointer."""
    if path.startswith("*") or "->" in path:
        return False
    base = root(path)
    if base not in locals_:
        return False
    if "[" in path and base not in arrays:
        return False
    return True


def related(a: str, b: str) -> bool:
    """True when one path is the other or lies inside it (u and u.Buffer)."""
    if a == b:
        return True
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return long_.startswith(short) and long_[len(short)] in ".-["
