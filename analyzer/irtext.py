"""Render IR expressions as compact C text, for dumps and messages."""
from __future__ import annotations

from . import ir


def expr_text(e) -> str:
    if e is None:
        return ""
    t = type(e)
    if t is ir.Name:
        return e.id
    if t is ir.Literal:
        return e.text
    if t is ir.Member:
        return f"{expr_text(e.base)}{'->' if e.arrow else '.'}{e.field}"
    if t is ir.Index:
        return f"{expr_text(e.base)}[{expr_text(e.index)}]"
    if t is ir.Call:
        return f"{expr_text(e.callee)}({', '.join(expr_text(a) for a in e.args)})"
    if t is ir.Assign:
        return f"{expr_text(e.target)} {e.op} {expr_text(e.value)}"
    if t is ir.Unary:
        if e.op in ("++", "--"):
            return f"{expr_text(e.operand)}{e.op}"
        return f"{e.op}{expr_text(e.operand)}"
    if t is ir.Binary:
        sep = ", " if e.op == "," else f" {e.op} "
        return f"{expr_text(e.left)}{sep}{expr_text(e.right)}"
    if t is ir.Conditional:
        return f"{expr_text(e.test)} ? {expr_text(e.then)} : {expr_text(e.other)}"
    if t is ir.Cast:
        return f"({e.type}){expr_text(e.expr)}"
    if t is ir.Paren:
        return f"({expr_text(e.expr)})"
    if t is ir.InitList:
        return "{" + ", ".join(expr_text(i) for i in e.items) + "}"
    return " ".join(getattr(e, "text", "?").split())


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[: limit - 3] + "..."
