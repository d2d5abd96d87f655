"""Entry-point roles from rules/roles.toml: which functions a driver registers
as unload/teardown routines and as DPCs, found by scanning source text (no
headers are needed), plus the role types of declarations."""
from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Iterator

from .frontend.blanking import COMMENT
from .knowledge import rules_dir

_IDENT = rb"[A-Za-z_]\w*"
_CAST = rb"(?:\(\s*[A-Za-z_][\w\s\*]*\)\s*)?"


@dataclass(frozen=True)
class RoleKnowledge:
    entry_points: frozenset[str]
    field_roles: dict[str, str]
    index_roles: tuple[tuple[str, str, str], ...]
    call_roles: dict[str, tuple[int, str]]
    initializer_roles: tuple[tuple[str, int, str], ...]
    role_types: dict[str, str]
    passive_values: frozenset[str]
    timer_inits: frozenset[str]
    teardown_cases: frozenset[str] = frozenset()
    context_handoffs: tuple[tuple[str, str, int], ...] = ()    # (callback field, context field, arg)

    @functools.cached_property
    def _field_re(self) -> re.Pattern:
        names = b"|".join(re.escape(f.encode()) for f in sorted(self.field_roles))
        return re.compile(rb"(?:->|\.)\s*(" + names + rb")\s*=\s*" + _CAST + rb"&?\s*(" + _IDENT + rb")\s*[;,}]")

    @functools.cached_property
    def _index_re(self) -> list[tuple[re.Pattern, str]]:
        return [(re.compile(rb"(?:->|\.)\s*" + re.escape(f.encode()) + rb"\s*\[\s*" + re.escape(i.encode())
                            + rb"\s*\]\s*=\s*" + _CAST + rb"(" + _IDENT + rb")"), role)
                for f, i, role in self.index_roles]

    @functools.cached_property
    def _call_re(self) -> re.Pattern:
        names = b"|".join(re.escape(n.encode()) for n in sorted(self.call_roles))
        # No leading \b (it defeats the regex engine's first-character
        # skip); registrations() checks the boundary itself.
        return re.compile(rb"(" + names + rb")\s*\(")

    @functools.cached_property
    def _init_re(self) -> re.Pattern:
        types = b"|".join(re.escape(t.encode()) for t, _, _ in self.initializer_roles)
        return re.compile(rb"\b(" + types + rb")\s+" + _IDENT + rb"\s*=\s*\{")

    @functools.cached_property
    def _handoff_re(self) -> list[re.Pattern]:
        """``g.Sub.Callback = Function;`` for each callback of ``context_handoffs``."""
        return [re.compile(rb"(?<![\w.>])(" + _IDENT + rb"(?:\s*\.\s*" + _IDENT + rb")*)\s*\.\s*"
                           + re.escape(callback.encode()) + rb"\s*=\s*" + _CAST + rb"&?\s*(" + _IDENT + rb")\s*;")
                for callback, _, _ in self.context_handoffs]

    def handoffs(self, text: bytes) -> Iterator[tuple[str, str, int, int]]:
        """(function, context storage, argument, byte offset) for every
        ``g.Callback = Function;`` whose framework hands ``g.Context`` back."""
        for (callback, context, arg), pattern in zip(self.context_handoffs, self._handoff_re):
            if callback.encode() not in text:
                continue
            for m in pattern.finditer(text):
                base = re.sub(rb"\s+", b"", m.group(1)).decode()
                yield m.group(2).decode(), f"{base}.{context}", arg, m.start(2)

    def registrations(self, text: bytes) -> Iterator[tuple[str, str, int]]:
        """(role, function name, byte offset) for every registration in ``text``."""
        for m in self._field_re.finditer(text):
            yield self.field_roles[m.group(1).decode()], m.group(2).decode(), m.start(2)
        for (pattern, role), (field_name, _, _) in zip(self._index_re, self.index_roles):
            if field_name.encode() not in text:
                continue
            for m in pattern.finditer(text):
                yield role, m.group(1).decode(), m.start(1)
        passive = any(v.encode() in text for v in self.passive_values)
        for m in self._call_re.finditer(text):
            if _ident_char(text, m.start() - 1):
                continue      # the tail of a longer name
            routine = m.group(1).decode()
            index, role = self.call_roles[routine]
            if passive and routine in self.timer_inits:
                role = "passive"    # a passive-level WDF timer: its callback is no DPC
            args = split_arguments(text, m.end())
            if index < len(args):
                name = _function_name(args[index][0])
                if name:
                    yield role, name, args[index][1]
        if any(t.encode() in text for t, _, _ in self.initializer_roles):
            for m in self._init_re.finditer(text):
                items = split_arguments(text, m.end(), close=b"}")
                for type_name, index, role in self.initializer_roles:
                    if m.group(1).decode() == type_name and index < len(items):
                        name = _function_name(items[index][0])
                        if name:
                            yield role, name, items[index][1]


def split_arguments(text: bytes, start: int, close: bytes = b")") -> list[tuple[bytes, int]]:
    """Top-level comma-separated items after an opening bracket at ``start``."""
    depth, item_start, items = 0, start, []
    i, end = start, min(len(text), start + 4000)
    while i < end:
        ch = text[i:i + 1]
        if ch in (b"(", b"{", b"["):
            depth += 1
        elif ch in (b")", b"}", b"]"):
            if depth == 0:
                items.append((text[item_start:i], item_start))
                return items
            depth -= 1
        elif ch == b"," and depth == 0:
            items.append((text[item_start:i], item_start))
            item_start = i + 1
        i += 1
    return items


def _function_name(arg: bytes) -> str:
    """``(PKDEFERRED_ROUTINE)MyDpc`` or ``&MyDpc`` -> ``MyDpc``; anything else -> ''."""
    arg = COMMENT.sub(b" ", arg)
    m = re.fullmatch(rb"\s*" + _CAST + rb"&?\s*(" + _IDENT + rb")\s*", arg)
    if not m:
        return ""
    name = m.group(1).decode()
    return "" if name in ("NULL", "TRUE", "FALSE") else name


def roles_of_function(name: str, annotations: list[str], role_decls: dict[str, str],
                      knowledge: RoleKnowledge) -> set[str]:
    """Roles a function has by declaration: ``DRIVER_UNLOAD X;`` or ``_Function_class_(T)``."""
    roles = set()
    declared = role_decls.get(name)
    if declared in knowledge.role_types:
        roles.add(knowledge.role_types[declared])
    for text in annotations:
        m = re.match(r"\s*_Function_class_\s*\(\s*(\w+)\s*\)", text)
        if m and m.group(1) in knowledge.role_types:
            roles.add(knowledge.role_types[m.group(1)])
    return roles


@functools.lru_cache(maxsize=1)
def default_roles() -> RoleKnowledge:
    with open(rules_dir() / "roles.toml", "rb") as fh:
        data = tomllib.load(fh)
    field_roles = {f: entry["role"] for entry in data.get("field_registrations", []) for f in entry["fields"]}
    call_roles = {n: (int(entry["arg"]), entry["role"])
                  for entry in data.get("call_registrations", []) for n in entry["names"]}
    passive = data.get("passive_markers", {})
    return RoleKnowledge(
        entry_points=frozenset(data.get("entry_points", [])),
        field_roles=field_roles,
        index_roles=tuple((e["field"], e["index"], e["role"]) for e in data.get("index_registrations", [])),
        call_roles=call_roles,
        initializer_roles=tuple((e["type"], int(e["index"]), e["role"])
                                for e in data.get("initializer_registrations", [])),
        role_types=dict(data.get("role_types", {})),
        passive_values=frozenset(passive.get("values", [])),
        timer_inits=frozenset(passive.get("timer_inits", [])),
        teardown_cases=frozenset(data.get("pnp", {}).get("teardown_cases", [])),
        context_handoffs=tuple((e["callback"], e["context"], int(e["arg"]))
                               for e in data.get("context_handoffs", [])),
    )


def case_segments(text: bytes, start: int, end: int, labels: frozenset[str]) -> list[tuple[int, int]]:
    """Byte ranges of the ``case LABEL:`` branches in text[start:end]: from the
    label to the next case/default label of the same switch, or its end."""
    if not labels:
        return []
    pattern = re.compile(rb"\bcase\s+\(?\s*(" + b"|".join(re.escape(l.encode()) for l in sorted(labels))
                         + rb")\s*\)?\s*:")
    out = []
    for m in pattern.finditer(text, start, end):
        depth, i = 0, m.end()
        stop = end
        label = re.compile(rb"\bcase\b|\bdefault\s*:")
        while i < end:
            ch = text[i:i + 1]
            if ch == b"{":
                depth += 1
            elif ch == b"}":
                depth -= 1
                if depth < 0:
                    stop = i
                    break
            elif depth == 0 and ch in (b"c", b"d") and label.match(text, i) and not _ident_char(text, i - 1):
                if COMMENT.sub(b"", text[m.end():i]).strip():
                    stop = i
                    break
                # Stacked labels (case REMOVE: case SURPRISE_REMOVAL: ...) share the body.
                colon = text.find(b":", i)
                i = colon if colon > 0 else i
            i += 1
        out.append((m.start(), stop))
    # if (stack->MinorFunction == IRP_MN_REMOVE_DEVICE) { ... }
    test = re.compile(rb"==\s*(?:" + b"|".join(re.escape(l.encode()) for l in sorted(labels))
                      + rb")\s*\)\s*\{")
    for m in test.finditer(text, start, end):
        depth, i = 1, m.end()
        while i < end and depth:
            ch = text[i:i + 1]
            depth += ch == b"{"
            depth -= ch == b"}"
            i += 1
        out.append((m.start(), i))
    return out


def _ident_char(text: bytes, i: int) -> bool:
    return i >= 0 and (text[i:i + 1].isalnum() or text[i:i + 1] == b"_")
