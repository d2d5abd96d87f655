"""Calls that may charge pool quota (PT003), read from a function's IR.

Whether a call charges quota may hang on an argument: the flags of
ExAllocatePool2/3, the ChargeQuota switch of IoAllocateIrp/IoAllocateMdl.
When the frontend evaluated that argument (clang does), the answer is known
here; otherwise the argument's text is kept and resolved against the whole
driver's #defines later (driver._charges_quota)."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from . import ir
from .irtext import expr_text
from .knowledge import Allocator, Knowledge


@dataclass(frozen=True)
class QuotaCall:
    """``condition``: "" (charges), "flag:NAME:<flags text>" (ExAllocatePool2/3
    flags), "true:<argument text>" (a ChargeQuota switch)."""
    routine: str
    line: int
    col: int
    condition: str


def quota_calls(fn: ir.Function, knowledge: Knowledge) -> list[QuotaCall]:
    if fn.body is None or not fn.callees & knowledge.quota_routines:
        return []          # the callees include calls hidden in macros (clang)
    out = []
    stack: list = [fn.body]
    while stack:                 # explicit: bodies can nest deeper than Python recursion
        node = stack.pop()
        if type(node) is ir.Call:
            a = knowledge.allocators.get(node.name or "")
            if a is not None:
                condition = _condition(node, a, knowledge)
                if condition is not None:
                    out.append(QuotaCall(a.name, node.name_loc.line, node.name_loc.col, condition))
        stack.extend(ir.children(node))
    return sorted(out, key=lambda q: (q.line, q.col))


def _condition(call: ir.Call, a: Allocator, knowledge: Knowledge) -> Optional[str]:
    """The call's QuotaCall condition, or None when it cannot charge quota."""
    if a.quota:
        return ""
    if a.quota_flag:
        value, bit = call.constant(0), knowledge.constants.get(a.quota_flag)
        if value is not None and bit is not None:
            return "" if value & bit else None
        return f"flag:{a.quota_flag}:{expr_text(call.args[0])}" if call.args else None
    if a.quota_arg is not None:
        value = call.constant(a.quota_arg)
        if value is not None:
            return "" if value else None
        return f"true:{expr_text(call.args[a.quota_arg])}" if a.quota_arg < len(call.args) else None
    return None
