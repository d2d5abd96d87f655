"""Persistent storage as abstract locations (PT002).

A raw location is what one function can say about where a pointer was
stored, without knowing the rest of the driver:

    ("global", "g_Ctx.Buffer")                    a global and a field path
    ("type", "PDEVICE_EXTENSION", "Buffer")       a field reached through a typed pointer
    ("accessor", "GetDeviceContext", "Buffer")    a field of a WDF context accessor's result

The driver model (analyzer/driver.py) turns them into canonical keys
("DEVICE_EXTENSION.Buffer") once it knows the driver's typedefs, its device
extension types and its WDF context types.
"""
from __future__ import annotations

import re
from typing import Optional

from . import ir
from .paths import strip

RawLocation = tuple


def raw_location(e, types: dict[str, str], locals_: frozenset[str], statics: frozenset[str],
                 function: str) -> Optional[RawLocation]:
    """Where ``e`` (an lvalue, or the head of a list) lives, if persistent-looking."""
    fields: list[str] = []
    through_pointer = False
    e = strip(e)
    while True:
        t = type(e)
        if t is ir.Member:
            fields.append(e.field)
            through_pointer = through_pointer or e.arrow
            e = strip(e.base)
        elif t is ir.Index:
            fields.append("[]")
            e = strip(e.base)
        elif t is ir.Unary and e.op in ("*", "&"):
            through_pointer = through_pointer or e.op == "*"
            e = strip(e.operand)
        else:
            break
    path = ".".join(reversed(fields)).replace(".[]", "[]")
    t = type(e)
    if t is ir.Call and e.name:
        return ("accessor", e.name, path) if path else None
    if t is not ir.Name:
        return None
    name = e.id
    if name in statics:
        return ("global", f"{function}::{name}" + (f".{path}" if path else ""))
    if name in locals_:
        # Through a typed pointer: a field of that struct type, wherever it lives.
        if not path or not through_pointer or name not in types:
            return None
        return ("type", types[name], path)
    return ("global", name + (f".{path}" if path else ""))


_QUALIFIERS = re.compile(r"\b(?:const|volatile|struct|union|enum|CONST|__unaligned|UNALIGNED)\b|[*&]")


def base_type_name(type_text: str) -> str:
    """``struct _DEVICE_EXTENSION *`` -> ``_DEVICE_EXTENSION``; ``PDEVICE_EXTENSION`` stays."""
    words = _QUALIFIERS.sub(" ", type_text).split()
    return words[-1] if words else ""


class TypeNames:
    """Canonical struct names from the driver's typedefs, and the struct
    types of their fields."""

    def __init__(self, typedefs: dict[str, str], fields: Optional[dict[str, dict[str, str]]] = None):
        self.typedefs = typedefs          # alias (X, PX, _X) -> canonical
        self.fields = {self.canonical(s): f for s, f in (fields or {}).items()}

    def narrow(self, key: str) -> str:
        """``DEVICE_EXTENSION.Inner.Buffer`` -> ``INNER.Buffer``: the key
        named from the innermost struct the driver defines (a global's key
        stays as it is)."""
        struct, _, path = key.partition(".")
        return self.field_key(struct, path) if path else key

    def field_key(self, struct: str, path: str) -> str:
        """The key of field ``path`` of ``struct``, named from the innermost
        struct the driver defines: ``ext->Inner->Buffer`` and a helper's
        ``inner->Buffer`` are both INNER.Buffer."""
        parts = path.split(".")
        while len(parts) > 1:
            field_type = self.fields.get(struct, {}).get(parts[0])
            inner = self.canonical(field_type) if field_type else None
            if inner is None or inner not in self.fields:
                break
            struct, parts = inner, parts[1:]
        return f"{struct}.{'.'.join(parts)}"

    def canonical(self, type_text: str) -> str:
        base = base_type_name(type_text)
        if base in self.typedefs:
            return self.typedefs[base]
        # Without the header, PFOO conventionally points to FOO.
        if base.startswith("P") and base[1:] in self.typedefs:
            return self.typedefs[base[1:]]
        if base.startswith("P") and len(base) > 2 and base[1:].isupper():
            return base[1:].lstrip("_")
        return base.lstrip("_")
