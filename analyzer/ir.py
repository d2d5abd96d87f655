"""Frontend-neutral intermediate representation.

Every frontend (tree-sitter today, libclang later) lowers a C translation
unit into these plain objects; everything after the frontend (CFG, dataflow,
checks) sees only this IR.  Locations are 1-based lines and 1-based columns
counted in Unicode code points; ``end_col`` is one past the last character.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional, Union


@dataclass(frozen=True, slots=True)
class Loc:
    line: int
    col: int
    end_line: int
    end_col: int

    def __str__(self) -> str:
        return f"{self.line}:{self.col}"


NO_LOC = Loc(0, 0, 0, 0)


# ---------------------------------------------------------------- expressions
@dataclass(slots=True)
class Name:
    id: str
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Member:
    """``base.field`` (arrow=False) or ``base->field`` (arrow=True)."""
    base: "Expr"
    field: str
    arrow: bool
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Index:
    base: "Expr"
    index: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Call:
    callee: "Expr"
    args: list["Expr"]
    loc: Loc = NO_LOC          # the whole call expression
    name_loc: Loc = NO_LOC     # the callee's name, where findings point
    # Values the frontend computed for constant arguments (position -> value):
    # clang evaluates the tags and flags the rules read; tree-sitter cannot.
    constants: Optional[dict[int, int]] = None

    @property
    def name(self) -> Optional[str]:
        callee = self.callee
        while isinstance(callee, Paren):
            callee = callee.expr
        return callee.id if isinstance(callee, Name) else None

    def constant(self, position: Optional[int]) -> Optional[int]:
        """The value of argument ``position`` when the frontend knows it."""
        if self.constants is None or position is None:
            return None
        return self.constants.get(position)


@dataclass(slots=True)
class Assign:
    target: "Expr"
    op: str                    # "=", "+=", ...
    value: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Unary:
    op: str                    # "!", "-", "~", "&", "*", "++", "--", "sizeof"
    operand: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Binary:
    op: str                    # "==", "!=", "&&", "||", "+", ",", ...
    left: "Expr"
    right: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Conditional:
    test: "Expr"
    then: "Expr"
    other: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Cast:
    type: str
    expr: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Paren:
    expr: "Expr"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Literal:
    kind: str                  # "number", "string", "char", "true", "false", "null"
    text: str
    loc: Loc = NO_LOC


@dataclass(slots=True)
class InitList:
    items: list["Expr"]
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Opaque:
    """An expression the frontend could not (or need not) lower."""
    text: str
    loc: Loc = NO_LOC


Expr = Union[Name, Member, Index, Call, Assign, Unary, Binary, Conditional,
             Cast, Paren, Literal, InitList, Opaque]


# ----------------------------------------------------------------- statements
@dataclass(slots=True)
class ExprStmt:
    expr: Expr
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Decl:
    """A local declaration; ``init`` is None when there is no initializer."""
    name: str
    type: str
    init: Optional[Expr]
    loc: Loc = NO_LOC
    is_static: bool = False
    is_array: bool = False
    is_pointer: bool = False


@dataclass(slots=True)
class Block:
    stmts: list["Stmt"]
    loc: Loc = NO_LOC


@dataclass(slots=True)
class If:
    cond: Expr
    then: "Stmt"
    other: Optional["Stmt"]
    loc: Loc = NO_LOC


@dataclass(slots=True)
class While:
    cond: Expr
    body: "Stmt"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class DoWhile:
    body: "Stmt"
    cond: Expr
    loc: Loc = NO_LOC


@dataclass(slots=True)
class For:
    init: list["Stmt"]
    cond: Optional[Expr]
    update: Optional[Expr]
    body: "Stmt"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Switch:
    expr: Expr
    body: "Stmt"
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Case:
    """``case value:`` (value None means ``default:``); labels the next stmt."""
    value: Optional[Expr]
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Break:
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Continue:
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Return:
    value: Optional[Expr]
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Goto:
    label: str
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Label:
    name: str
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Try:
    """``__try { body } __except (filter) { handler }`` or ``__finally``."""
    body: Block
    kind: str                  # "except" or "finally"
    handler: Block
    filter: Optional[Expr] = None
    loc: Loc = NO_LOC


@dataclass(slots=True)
class Leave:
    loc: Loc = NO_LOC


Stmt = Union[ExprStmt, Decl, Block, If, While, DoWhile, For, Switch, Case,
             Break, Continue, Return, Goto, Label, Try, Leave]


# ------------------------------------------------------------ program units
@dataclass(slots=True)
class Param:
    name: str
    type: str
    is_pointer: bool = False


@dataclass(slots=True)
class Function:
    name: str
    params: list[Param]
    body: Optional[Block]      # None when the engine did not ask for it
    loc: Loc                   # the function's name in its definition
    path: str
    return_type: str = ""
    is_static: bool = False
    annotations: list[str] = field(default_factory=list)   # blanked SAL text
    callees: frozenset[str] = frozenset()                   # names called in the body
    has_error: bool = False                                 # the frontend could not parse all of it
    fallback: bool = False                                  # clang could not check it: tree-sitter lowered it
    span: tuple[int, int] = (0, 0)                          # byte offsets of the definition
    end_line: int = 0


@dataclass(slots=True)
class Unit:
    """What a frontend knows about one file."""
    path: str
    functions: list[Function] = field(default_factory=list)
    globals: list[str] = field(default_factory=list)
    role_decls: dict[str, str] = field(default_factory=dict)   # name -> role type
    macros: dict[str, str] = field(default_factory=dict)       # object-like #defines
    typedefs: dict[str, str] = field(default_factory=dict)     # alias (X, PX, _X) -> struct name
    # struct name -> field -> the field's type (as written, or the struct name
    # clang resolved), for fields that may be structs or point to one.
    fields: dict[str, dict[str, str]] = field(default_factory=dict)
    text: bytes = b""                                          # the source as the frontend read it
    errors: list[tuple[Loc, str]] = field(default_factory=list)


def children(node):
    """The IR nodes directly inside ``node`` (expressions and statements alike)."""
    for slot in getattr(node, "__slots__", ()):
        value = getattr(node, slot)
        if isinstance(value, list):
            yield from value
        elif value is not None and not isinstance(value, (str, bool, int, Loc, frozenset, tuple, dict)):
            yield value
