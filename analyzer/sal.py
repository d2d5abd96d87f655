"""Ownership summaries declared with SAL driver annotations.

A project's own functions can say what they do with memory:

* ``__drv_allocatesMem(Mem)`` before the function (on its return value): it
  returns a fresh allocation (the caller must release it; family ``pool``);
* ``__drv_freesMem(Mem)`` on a parameter: the function releases it;
* ``__drv_aliasesMem`` on a parameter: the function takes ownership of it
  (stores it somewhere that outlives the call), a hand-off.

These declarations take precedence over what the analysis infers from the
function's body (:func:`merge`), and they also work for functions that are
only declared in the file (a prototype in a header copied in, or above the
use).  The text is read from the original source bytes (the blanker turns
SAL into spaces before parsing): the annotation's position tells whether it
applies to the return value or to parameter *n*.
"""
from __future__ import annotations

import re
from typing import Optional

from .ownership import Summary

ALLOC_FAMILY = "pool"
_ANNOTATION = re.compile(rb"\b__drv_(allocatesMem|freesMem|aliasesMem)\b")
_IDENT = re.compile(rb"[A-Za-z_][A-Za-z0-9_]*")
_EFFECT = {b"freesMem": "frees", b"aliasesMem": "keeps"}


def _skip_parens(src: bytes, i: int) -> int:
    """``src[i]`` is '(' -> index just past its matching ')'."""
    depth = 0
    n = len(src)
    while i < n:
        c = src[i]
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
            if depth == 0:
                return i + 1
        elif c == 0x3B or c == 0x7B:          # ';' or '{': not a parameter list
            return i
        i += 1
    return n


def _after_ws(src: bytes, i: int) -> int:
    while i < len(src) and src[i] in b" \t\r\n":
        i += 1
    return i


def _function_after(src: bytes, i: int) -> Optional[tuple[str, int]]:
    """The function declared after a return annotation: (name, '(' index)."""
    n = len(src)
    while i < n:
        m = _IDENT.match(src, i)
        if m is None:
            if src[i] in b";{}":
                return None
            i += 1
            continue
        name, j = m.group(), _after_ws(src, m.end())
        if j < n and src[j] == 0x28:
            if name.startswith(b"_"):          # another annotation: skip its arguments
                i = _skip_parens(src, j)
                continue
            return name.decode(), j
        i = m.end()
    return None


def _enclosing_call(src: bytes, i: int) -> Optional[tuple[str, int, int]]:
    """For an annotation inside a parameter list: (function name, '(' index,
    parameter index)."""
    depth = 0
    commas = 0
    j = i - 1
    while j >= 0:
        c = src[j]
        if c == 0x29:
            depth += 1
        elif c == 0x28:
            if depth == 0:
                k = j - 1
                while k >= 0 and src[k] in b" \t\r\n":
                    k -= 1
                end = k + 1
                while k >= 0 and (chr(src[k]).isalnum() or src[k] == 0x5F):
                    k -= 1
                name = src[k + 1:end]
                if not name or name.startswith(b"_") or not _IDENT.fullmatch(name):
                    return None
                return name.decode(), j, commas
            depth -= 1
        elif c == 0x2C and depth == 0:
            commas += 1
        elif c in b";{}" and depth == 0:
            return None
        j -= 1
    return None


def _param_count(src: bytes, open_paren: int) -> int:
    close = _skip_parens(src, open_paren)
    inner = src[open_paren + 1:close - 1]
    if not inner.strip() or inner.strip() == b"void":
        return 0
    depth, count = 0, 1
    for c in inner:
        if c == 0x28:
            depth += 1
        elif c == 0x29:
            depth -= 1
        elif c == 0x2C and depth == 0:
            count += 1
    return count


def declared_summaries(src: bytes) -> dict[str, Summary]:
    """Function name -> the summary its SAL ownership annotations declare.

    Parameters without an annotation are ``None`` in the tuple (not declared).
    """
    if b"__drv_" not in src:
        return {}
    returns: dict[str, str] = {}
    params: dict[str, dict[int, str]] = {}
    counts: dict[str, int] = {}
    for m in _ANNOTATION.finditer(src):
        kind = m.group(1)
        end = m.end()
        j = _after_ws(src, end)
        if j < len(src) and src[j] == 0x28:
            end = _skip_parens(src, j)
        inside = _enclosing_call(src, m.start())
        if inside is not None:
            name, paren, index = inside
            if kind in _EFFECT:
                params.setdefault(name, {})[index] = _EFFECT[kind]
                counts[name] = _param_count(src, paren)
            continue
        if kind == b"allocatesMem":
            if _about_an_out_parameter(src, m.start()):
                continue    # _At_(*Out, __drv_allocatesMem(Mem)): not the return value
            found = _function_after(src, end)
            if found is not None:
                returns[found[0]] = ALLOC_FAMILY
                counts.setdefault(found[0], _param_count(src, found[1]))
    out = {}
    for name in set(returns) | set(params):
        n = max(counts.get(name, 0), max(params.get(name, {0: ""}).keys(), default=0) + 1
                if name in params else 0)
        declared = params.get(name, {})
        out[name] = Summary(returns.get(name), tuple(declared.get(i) for i in range(n)))
    return out


_AT = re.compile(rb"\b_At_\s*\(\s*([^,()]*)")


def _about_an_out_parameter(src: bytes, pos: int) -> bool:
    """True when the annotation at ``pos`` sits in an ``_At_(target, ...)`` whose
    target is not ``return`` (it then describes a parameter's pointee)."""
    window = src[max(0, pos - 200):pos]
    at = None
    for at in _AT.finditer(window):
        pass
    if at is None:
        return False
    # Still inside that _At_( ... ) if its parentheses are not closed yet.
    tail = window[at.start():]
    if tail.count(b"(") <= tail.count(b")"):
        return False
    return at.group(1).strip() != b"return"


def merge(declared: Summary, inferred: Optional[Summary], nparams: int) -> Summary:
    """Declared effects win; what is not declared comes from the inferred summary
    (or ``keeps``, the conservative default, when there is none)."""
    params = []
    for i in range(max(nparams, len(declared.params))):
        mine = declared.params[i] if i < len(declared.params) else None
        if mine is None:
            if inferred is not None and i < len(inferred.params):
                mine = inferred.params[i]
            else:
                mine = "keeps"
        params.append(mine)
    returns = declared.returns or (inferred.returns if inferred is not None else None)
    return Summary(returns, tuple(params))
