"""Lower a tree-sitter-c syntax tree (of annotation-blanked source) to the IR."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from .. import ir
from .base import Selector, callee_names, member_callees
from .tsparser import ParseBudgetExceeded, parse

_NULL_NAMES = frozenset({"NULL", "nullptr"})
_STATEMENT_WRAPPERS = frozenset({"attributed_statement"})
#: ``Unit.errors`` message for a function body nested too deeply to lower.
TOO_DEEP = "nesting too deep to lower"
OVER_PARSE_BUDGET = "parse budget exceeded"
BOUND_HITS = (TOO_DEEP, OVER_PARSE_BUDGET)  # errors that are bounds, not bad syntax


class TreeSitterFrontend:
    name = "tree-sitter"

    def parse_unit(self, path: str, src: bytes, select: Optional[Selector] = None,
                   constant_args=None) -> ir.Unit:
        # constant_args: without a preprocessor no constant can be evaluated.
        try:
            parsed = parse(src, path=path)
        except ParseBudgetExceeded as exc:
            return ir.Unit(path, errors=[(ir.Loc(1, 1, 1, 1), f"{OVER_PARSE_BUDGET} ({exc}); file skipped")])
        return self.lower(path, parsed, select)

    def lower(self, path: str, parsed, select: Optional[Selector] = None) -> ir.Unit:
        """The IR of an already parsed file (the clang frontend's fallback
        reuses the parse it made for macro uses lowered as written)."""
        try:
            return _Lowerer(path, parsed.blanked, parsed.spans).unit(parsed.tree.root_node, select)
        except RecursionError:  # nesting outside any function body (declarations, ERROR nodes)
            return ir.Unit(path, errors=[(ir.Loc(1, 1, 1, 1), f"{TOO_DEEP}; file skipped")])


class _Lowerer:
    def __init__(self, path: str, src: bytes, annotations):
        self.path = path
        self.src = src
        self.annotations = sorted(annotations)
        self._span_starts = [a[0] for a in self.annotations]
        # Exception-handling macros (try/except/finally/leave spelled without
        # underscores) were blanked; remember them by where the code resumes.
        self._keyword_at: dict[int, tuple[str, str]] = {}
        for start, end, text in self.annotations:
            keyword = _seh_keyword(text)
            if keyword is not None:
                resume = end
                while resume < len(src) and src[resume:resume + 1] in b" \t\r\n":
                    resume += 1
                self._keyword_at[resume] = keyword
        # Columns are code points; tree-sitter counts bytes.  Only lines with
        # non-ASCII bytes need converting.
        self.lines = None if src.isascii() else src.split(b"\n")
        self.variables: set[str] = set()     # parameters and locals of the body being lowered

    # ------------------------------------------------------------ utilities
    def col(self, row: int, byte_col: int) -> int:
        if self.lines is None or row >= len(self.lines):
            return byte_col + 1
        line = self.lines[row]
        if line.isascii():
            return byte_col + 1
        return len(line[:byte_col].decode("utf-8", "replace")) + 1

    def loc(self, node) -> ir.Loc:
        (r1, c1), (r2, c2) = node.start_point, node.end_point
        return ir.Loc(r1 + 1, self.col(r1, c1), r2 + 1, self.col(r2, c2))

    def text(self, node) -> str:
        return self.src[node.start_byte:node.end_byte].decode("utf-8", "replace")

    # ------------------------------------------------------------ top level
    def unit(self, root, select: Optional[Selector]) -> ir.Unit:
        unit = ir.Unit(self.path, text=self.src)
        definitions: list = []
        self._top(root, unit, definitions)
        functions = [self.function(node) for node in definitions]
        functions = [f for f in functions if f is not None]
        wanted = None
        if select is not None:
            wanted = select([(fn.name, self._body_bytes(node)) for fn, node in functions])
        for fn, node in functions:
            if wanted is None or fn.name in wanted:
                self.variables = {p.name for p in fn.params}
                try:
                    fn.body = self.block(node.child_by_field_name("body"))
                except RecursionError:  # pathological nesting: skip this body, keep the file
                    fn.body, fn.has_error = None, True
                    unit.errors.append((fn.loc, f"{fn.name}: {TOO_DEEP}; function skipped"))
            unit.functions.append(fn)
        if root.has_error:
            self._collect_errors(root, unit)
        return unit

    def _body_bytes(self, node) -> bytes:
        body = node.child_by_field_name("body")
        return self.src[body.start_byte:body.end_byte]

    def _top(self, node, unit: ir.Unit, definitions: list) -> None:
        for child in node.named_children:
            kind = child.type
            if kind == "function_definition":
                definitions.append(child)
            elif kind == "declaration":
                self._global_declaration(child, unit)
            elif kind == "type_definition":
                self._typedef(child, unit)
            elif kind == "preproc_def":
                name = child.child_by_field_name("name")
                value = child.child_by_field_name("value")
                if name is not None and value is not None:
                    unit.macros[self.text(name)] = self.text(value).strip()
            elif kind in ("preproc_if", "preproc_ifdef", "preproc_else", "preproc_elif",
                          "preproc_elifdef", "linkage_specification", "namespace_definition",
                          "declaration_list", "ERROR"):
                self._top(child, unit, definitions)

    def _global_declaration(self, node, unit: ir.Unit) -> None:
        type_node = node.child_by_field_name("type")
        type_text = self.text(type_node) if type_node is not None else ""
        for decl in node.children_by_field_name("declarator"):
            name = _declarator_name(decl, self.src)
            if name is None or decl.type == "function_declarator":
                continue
            unit.globals.append(name)
            # `DRIVER_UNLOAD DriverUnload;` declares a function by role type.
            if decl.type == "identifier" and type_node is not None and type_node.type == "type_identifier":
                unit.role_decls[name] = type_text

    def _typedef(self, node, unit: ir.Unit) -> None:
        """``typedef struct _X {...} X, *PX;``: X, PX and _X all name struct X."""
        type_node = node.child_by_field_name("type")
        names = [_declarator_name(d, self.src) for d in node.children_by_field_name("declarator")]
        names = [n for n in names if n]
        if type_node is None or not names:
            return
        tag = type_node.child_by_field_name("name") if type_node.type in (
            "struct_specifier", "union_specifier") else None
        plain = [n for d, n in zip(node.children_by_field_name("declarator"), names)
                 if d.type == "type_identifier"]
        canonical = plain[0] if plain else (self.text(tag).lstrip("_") if tag is not None else names[0])
        for name in names:
            unit.typedefs[name] = canonical
        if tag is not None:
            unit.typedefs[self.text(tag)] = canonical
        body = type_node.child_by_field_name("body") if tag is not None or plain else None
        if body is not None:
            unit.fields[canonical] = self._field_types(body)

    def _field_types(self, body) -> dict[str, str]:
        """field -> type as written (``PINNER Inner;``, ``QUEUE Queue;``);
        arrays and anonymous members are left out."""
        out = {}
        for member in body.named_children:
            kind = member.child_by_field_name("type") if member.type == "field_declaration" else None
            if kind is None or kind.type not in ("type_identifier", "struct_specifier"):
                continue
            type_text = self.text(kind.child_by_field_name("name") or kind) if kind.type == "struct_specifier" \
                else self.text(kind)
            for declarator in member.children_by_field_name("declarator"):
                while declarator.type == "pointer_declarator":
                    declarator = declarator.child_by_field_name("declarator")
                if declarator is not None and declarator.type == "field_identifier":
                    out[self.text(declarator)] = type_text
        return out

    def _collect_errors(self, root, unit: ir.Unit) -> None:
        stack = [root]
        while stack and len(unit.errors) < 20:
            node = stack.pop()
            if node.type == "ERROR" or node.is_missing:
                unit.errors.append((self.loc(node), "syntax error" if node.type == "ERROR"
                                    else f"missing {node.type}"))
                continue
            if node.has_error:
                stack.extend(reversed(node.children))

    def function(self, node):
        """The function's signature (body not lowered yet) and its node, or None."""
        declarator = node.child_by_field_name("declarator")
        fdecl = _find_function_declarator(declarator)
        if fdecl is None:
            return None
        name_node = fdecl.child_by_field_name("declarator")
        while name_node is not None and name_node.type not in (
                "identifier", "field_identifier", "qualified_identifier", "destructor_name",
                "operator_name"):
            name_node = name_node.child_by_field_name("declarator")
        if name_node is None:
            return None
        body_node = node.child_by_field_name("body")
        if body_node is None:
            return None
        name = _qualified(self.text(name_node))
        body_bytes = self.src[body_node.start_byte:body_node.end_byte]
        type_node = node.child_by_field_name("type")
        is_static = any(c.type == "storage_class_specifier" and self.text(c) == "static"
                        for c in node.children)
        fn = ir.Function(
            name=name,
            params=self.params(fdecl.child_by_field_name("parameters")),
            body=None,
            loc=self.loc(name_node),
            path=self.path,
            return_type=self.text(type_node) if type_node is not None else "",
            is_static=is_static,
            annotations=self._annotations_before(node),
            callees=member_callees(name, callee_names(body_bytes)),
            end_line=node.end_point[0] + 1,
            has_error=node.has_error,
            span=(node.start_byte, node.end_byte),
        )
        return fn, node

    def _annotations_before(self, node) -> list[str]:
        """SAL text blanked inside the definition or just above it."""
        start, end = node.start_byte, node.end_byte
        # Annotations on the lines right above the definition belong to it.
        window = self.src.rfind(b";", 0, start)
        window = max(window, self.src.rfind(b"}", 0, start))
        return [text for (s, e, text) in self.annotations if window < s < end and s < _body_start(node)]

    def params(self, plist) -> list[ir.Param]:
        params = []
        if plist is None:
            return params
        for p in plist.named_children:
            if p.type != "parameter_declaration":
                continue
            decl = p.child_by_field_name("declarator")
            type_node = p.child_by_field_name("type")
            name = _declarator_name(decl, self.src) if decl is not None else None
            type_text = self.text(type_node) if type_node is not None else ""
            is_ptr = (decl is not None and decl.type == "pointer_declarator") or type_text.startswith("P")
            params.append(ir.Param(name or "", type_text, is_ptr))
        return params

    # ------------------------------------------------------------ statements
    def block(self, node) -> ir.Block:
        stmts: list[ir.Stmt] = []
        macros = self._macro_statements(node)
        children = node.named_children
        i = 0
        while i < len(children):
            child = children[i]
            while macros and macros[0][0] < child.start_byte:
                stmts.append(macros.pop(0)[1])
            handler = children[i + 1] if i + 1 < len(children) else None
            if (self._keyword(child) == "try" and handler is not None
                    and self._keyword(handler) in ("except", "finally")
                    and child.type == handler.type == "compound_statement"):
                kind, filter_text = self._keyword_at[handler.start_byte]
                stmts.append(ir.Try(self.block(child), kind, self.block(handler),
                                    ir.Opaque(filter_text) if filter_text else None, self.loc(child)))
                i += 2
                continue
            self.stmt_into(child, stmts)
            i += 1
        stmts.extend(m for _, m in macros)
        return ir.Block(stmts, self.loc(node))

    def _keyword(self, node):
        found = self._keyword_at.get(node.start_byte)
        return found[0] if found is not None else None

    def _macro_statements(self, node) -> list:
        """Statement macros with no semicolon (``FREE_POOL(p)``, ``TraceEvents(...)``)
        were blanked so the block parses; they are still calls, in order."""
        lo = bisect.bisect_left(self._span_starts, node.start_byte)
        found = []
        children = node.named_children
        for start, end, text in self.annotations[lo:]:
            if start >= node.end_byte:
                break
            if end > node.end_byte or not _CALL_TEXT.match(text) or _seh_keyword(text) is not None:
                continue
            if any(c.start_byte <= start < c.end_byte for c in children):
                continue
            call = self._snippet_call(text, start, end)
            if call is not None:
                found.append((start, ir.ExprStmt(call, call.loc)))
        return found

    def _snippet_call(self, text: str, start: int, end: int):
        snippet = parse(("void f(void){" + text + ";}").encode("utf-8", "replace"), blanked=False)
        node = snippet.tree.root_node
        while node is not None and node.type != "call_expression":
            node = next((c for c in node.named_children if c.start_byte < 13 + len(text.encode())
                         and c.end_byte > 13), None)
        if node is None:
            return None
        call = _Lowerer(self.path, snippet.blanked, []).expr(node)
        here = self.byte_loc(start, end)
        _relocate(call, here)
        return call

    def byte_loc(self, start: int, end: int) -> ir.Loc:
        row1 = self.src.count(b"\n", 0, start)
        row2 = row1 + self.src.count(b"\n", start, end)
        col1 = start - (self.src.rfind(b"\n", 0, start) + 1)
        col2 = end - (self.src.rfind(b"\n", 0, end) + 1)
        return ir.Loc(row1 + 1, self.col(row1, col1), row2 + 1, self.col(row2, col2))

    def as_stmt(self, node) -> ir.Stmt:
        if node is None:
            return ir.Block([])
        stmts: list[ir.Stmt] = []
        self.stmt_into(node, stmts)
        if len(stmts) == 1:
            return stmts[0]
        return ir.Block(stmts, self.loc(node))

    def stmt_into(self, node, out: list) -> None:
        kind = node.type
        loc = self.loc(node)
        if kind == "compound_statement":
            out.append(self.block(node))
        elif kind == "expression_statement":
            if node.named_child_count:
                out.append(ir.ExprStmt(self.expr(node.named_children[0]), loc))
            elif self._keyword(node) == "leave":
                out.append(ir.Leave(loc))
        elif kind == "declaration":
            self.local_declaration(node, out)
        elif kind == "if_statement":
            other = node.child_by_field_name("alternative")
            if other is not None and other.type == "else_clause":
                other = other.named_children[0] if other.named_child_count else None
            out.append(ir.If(self.condition(node.child_by_field_name("condition")),
                             self.as_stmt(node.child_by_field_name("consequence")),
                             self.as_stmt(other) if other is not None else None, loc))
        elif kind == "while_statement":
            out.append(ir.While(self.condition(node.child_by_field_name("condition")),
                                self.as_stmt(node.child_by_field_name("body")), loc))
        elif kind == "do_statement":
            out.append(ir.DoWhile(self.as_stmt(node.child_by_field_name("body")),
                                  self.condition(node.child_by_field_name("condition")), loc))
        elif kind == "for_statement":
            out.append(self.for_statement(node, loc))
        elif kind == "switch_statement":
            out.append(ir.Switch(self.condition(node.child_by_field_name("condition")),
                                 self.switch_body(node.child_by_field_name("body")), loc))
        elif kind == "case_statement":
            # A case label outside a switch body (after a preprocessor split).
            self.case_into(node, out)
        elif kind == "break_statement":
            out.append(ir.Break(loc))
        elif kind == "continue_statement":
            out.append(ir.Continue(loc))
        elif kind == "return_statement":
            value = node.named_children[0] if node.named_child_count else None
            out.append(ir.Return(self.expr(value) if value is not None else None, loc))
        elif kind == "goto_statement":
            label = node.child_by_field_name("label")
            out.append(ir.Goto(self.text(label) if label is not None else "", loc))
        elif kind == "labeled_statement":
            label = node.child_by_field_name("label")
            out.append(ir.Label(self.text(label) if label is not None else "", loc))
            for child in node.named_children[1:]:
                self.stmt_into(child, out)
        elif kind == "seh_try_statement":
            out.append(self.try_statement(node, loc))
        elif kind == "seh_leave_statement":
            out.append(ir.Leave(loc))
        elif kind in ("preproc_if", "preproc_ifdef", "preproc_elif", "preproc_else"):
            # The blanker keeps one branch of a conditional; lower what is there.
            for child in node.named_children:
                if child.type not in ("preproc_else", "preproc_elif", "preproc_elifdef",
                                      "identifier", "preproc_defined", "binary_expression",
                                      "unary_expression", "number_literal", "parenthesized_expression",
                                      "call_expression", "preproc_arg"):
                    self.stmt_into(child, out)
        elif kind in _STATEMENT_WRAPPERS or kind == "ERROR":
            for child in node.named_children:
                self.stmt_into(child, out)
        elif kind.endswith("_expression") or kind in ("identifier",):
            out.append(ir.ExprStmt(self.expr(node), loc))
        # Anything else (comments, type definitions, empty statements) has no effect.

    def local_declaration(self, node, out: list) -> None:
        type_node = node.child_by_field_name("type")
        type_text = self.text(type_node) if type_node is not None else ""
        is_static = any(c.type == "storage_class_specifier" and self.text(c) == "static"
                        for c in node.children)
        for decl in node.children_by_field_name("declarator"):
            init = None
            target = decl
            if decl.type == "init_declarator":
                target = decl.child_by_field_name("declarator")
                value = decl.child_by_field_name("value")
                if value is not None and value.type == "argument_list":    # C++: FxAutoIrp irp(pIrp, 0);
                    init = self.construction(type_text, value.named_children, value)
                else:
                    init = self.expr(value) if value is not None else None
            elif decl.type == "function_declarator" and self._constructs(decl):
                # FxAutoIrp irp(pIrp); reads as a prototype to the grammar; with a
                # variable for each "parameter type" it constructs irp from them.
                target = decl.child_by_field_name("declarator")
                params = decl.child_by_field_name("parameters")
                init = self.construction(type_text, [p.child_by_field_name("type") for p in params.named_children],
                                         params)
            name = _declarator_name(target, self.src) if target is not None else None
            if name is None:
                continue
            self.variables.add(name)
            out.append(ir.Decl(name, type_text, init, self.loc(decl), is_static,
                               is_array=_has_declarator(target, "array_declarator"),
                               is_pointer=_has_declarator(target, "pointer_declarator")
                               or type_text.startswith("P")))

    def _constructs(self, decl) -> bool:
        params = decl.child_by_field_name("parameters")
        if params is None or not params.named_children:
            return False
        names = []
        for p in params.named_children:
            kind = p.child_by_field_name("type")
            if p.type != "parameter_declaration" or p.child_by_field_name("declarator") is not None \
                    or kind is None or kind.type != "type_identifier":
                return False
            names.append(self.text(kind))
        return any(n in self.variables for n in names)     # (raw, BUF_TAG): a variable and a macro

    def construction(self, type_text: str, args, node) -> ir.Call:
        """``T x(args)``: a constructor call, which the pointers it is given escape into."""
        loc = self.loc(node)
        return ir.Call(ir.Name(type_text, loc), [
            ir.Name(self.text(a), self.loc(a)) if a.type == "type_identifier" else self.expr(a)
            for a in args if a.type != "comment"], loc, loc)

    def condition(self, node) -> ir.Expr:
        if node is None:
            return ir.Opaque("")
        if node.type == "parenthesized_expression" and node.named_child_count:
            return self.expr(node.named_children[0])
        if node.type == "condition_clause":
            value = node.child_by_field_name("value")
            return self.expr(value) if value is not None else ir.Opaque(self.text(node))
        return self.expr(node)

    def for_statement(self, node, loc) -> ir.For:
        init: list[ir.Stmt] = []
        init_node = node.child_by_field_name("initializer")
        if init_node is not None:
            if init_node.type == "declaration":
                self.local_declaration(init_node, init)
            else:
                init.append(ir.ExprStmt(self.expr(init_node), self.loc(init_node)))
        cond = node.child_by_field_name("condition")
        update = node.child_by_field_name("update")
        return ir.For(init, self.expr(cond) if cond is not None else None,
                      self.expr(update) if update is not None else None,
                      self.as_stmt(node.child_by_field_name("body")), loc)

    def switch_body(self, node) -> ir.Block:
        stmts: list[ir.Stmt] = []
        if node is not None:
            for child in node.named_children:
                if child.type == "case_statement":
                    self.case_into(child, stmts)
                else:
                    self.stmt_into(child, stmts)
        return ir.Block(stmts, self.loc(node) if node is not None else ir.NO_LOC)

    def case_into(self, node, out: list) -> None:
        value = node.child_by_field_name("value")
        out.append(ir.Case(self.expr(value) if value is not None else None, self.loc(node)))
        for child in node.named_children:
            if value is not None and child.id == value.id:
                continue
            self.stmt_into(child, out)

    def try_statement(self, node, loc) -> ir.Stmt:
        body = node.child_by_field_name("body") or _first_of(node, "compound_statement")
        body_block = self.block(body) if body is not None else ir.Block([])
        for clause in node.named_children:
            if clause.type == "seh_finally_clause":
                handler = _first_of(clause, "compound_statement")
                return ir.Try(body_block, "finally", self.block(handler) if handler else ir.Block([]),
                              None, loc)
            if clause.type == "seh_except_clause":
                filt = clause.child_by_field_name("filter") or _first_of(clause, "parenthesized_expression")
                handler = clause.child_by_field_name("body") or _first_of(clause, "compound_statement")
                return ir.Try(body_block, "except", self.block(handler) if handler else ir.Block([]),
                              self.condition(filt) if filt is not None else None, loc)
        return body_block

    # ----------------------------------------------------------- expressions
    def expr(self, node) -> ir.Expr:
        kind = node.type
        loc = self.loc(node)
        if kind == "identifier":
            name = self.text(node)
            if name in _NULL_NAMES:
                return ir.Literal("null", name, loc)
            return ir.Name(name, loc)
        if kind == "call_expression":
            fn = node.child_by_field_name("function")
            args_node = node.child_by_field_name("arguments")
            args = [self.expr(a) for a in args_node.named_children
                    if a.type != "comment"] if args_node is not None else []
            if fn is not None and fn.type == "qualified_identifier":
                # CPool::Grab(n) names the method defined as CPool::Grab;
                # ::ExFreePool(p) is ExFreePool.
                callee = ir.Name(_qualified(self.text(fn)).lstrip(":"), self.loc(fn))
            else:
                callee = self.expr(fn) if fn is not None else ir.Opaque("")
            return ir.Call(callee, args, loc, self.loc(fn) if fn is not None else loc)
        if kind == "field_expression":
            arg = node.child_by_field_name("argument")
            field = node.child_by_field_name("field")
            op = node.child_by_field_name("operator")
            arrow = op is not None and op.type == "->"
            return ir.Member(self.expr(arg) if arg is not None else ir.Opaque(""),
                             self.text(field) if field is not None else "", arrow, loc)
        if kind == "assignment_expression":
            op = node.child_by_field_name("operator")
            return ir.Assign(self.expr(node.child_by_field_name("left")),
                             op.type if op is not None else "=",
                             self.expr(node.child_by_field_name("right")), loc)
        if kind == "parenthesized_expression":
            inner = node.named_children[0] if node.named_child_count else None
            if inner is None:
                return ir.Opaque(self.text(node), loc)
            return ir.Paren(self.expr(inner), loc)
        if kind == "cast_expression":
            type_node = node.child_by_field_name("type")
            value = node.child_by_field_name("value")
            if value is None:
                return ir.Opaque(self.text(node), loc)
            return ir.Cast(self.text(type_node) if type_node is not None else "", self.expr(value), loc)
        if kind in ("unary_expression", "pointer_expression"):
            op = node.child_by_field_name("operator")
            arg = node.child_by_field_name("argument")
            if arg is None:
                return ir.Opaque(self.text(node), loc)
            return ir.Unary(op.type if op is not None else "?", self.expr(arg), loc)
        if kind == "update_expression":
            op = node.child_by_field_name("operator")
            arg = node.child_by_field_name("argument")
            if arg is None:
                return ir.Opaque(self.text(node), loc)
            return ir.Unary(op.type if op is not None else "++", self.expr(arg), loc)
        if kind == "binary_expression":
            op = node.child_by_field_name("operator")
            return ir.Binary(op.type if op is not None else "?",
                             self.expr(node.child_by_field_name("left")),
                             self.expr(node.child_by_field_name("right")), loc)
        if kind == "subscript_expression":
            arg = node.child_by_field_name("argument")
            index = node.child_by_field_name("index")
            return ir.Index(self.expr(arg) if arg is not None else ir.Opaque(""),
                            self.expr(index) if index is not None else ir.Opaque(""), loc)
        if kind == "conditional_expression":
            cond = node.child_by_field_name("condition")
            then = node.child_by_field_name("consequence")
            other = node.child_by_field_name("alternative")
            return ir.Conditional(self.expr(cond) if cond is not None else ir.Opaque(""),
                                  self.expr(then) if then is not None else ir.Opaque(""),
                                  self.expr(other) if other is not None else ir.Opaque(""), loc)
        if kind == "comma_expression":
            return ir.Binary(",", self.expr(node.child_by_field_name("left")),
                             self.expr(node.child_by_field_name("right")), loc)
        if kind == "number_literal":
            return ir.Literal("number", self.text(node), loc)
        if kind in ("string_literal", "concatenated_string"):
            return ir.Literal("string", self.text(node), loc)
        if kind == "char_literal":
            return ir.Literal("char", self.text(node), loc)
        if kind in ("true", "false", "null"):
            return ir.Literal(kind, self.text(node), loc)
        if kind == "initializer_list":
            return ir.InitList([self.expr(c) for c in node.named_children if c.type != "comment"], loc)
        if kind == "sizeof_expression":
            return ir.Literal("sizeof", self.text(node), loc)
        return ir.Opaque(self.text(node), loc)


# ---------------------------------------------------------------- helpers
def _declarator_name(node, src: bytes) -> Optional[str]:
    """The identifier a (possibly nested) declarator declares.  (Sliced from
    ``src``: the tree holds no source, so ``node.text`` would call the parse's
    read callback.)"""
    while node is not None:
        if node.type in ("identifier", "field_identifier", "type_identifier"):
            return src[node.start_byte:node.end_byte].decode("utf-8", "replace")
        inner = node.child_by_field_name("declarator")
        if inner is None:
            for child in node.named_children:
                if child.type in ("identifier", "parenthesized_declarator", "pointer_declarator",
                                  "array_declarator", "function_declarator"):
                    inner = child
                    break
        node = inner
    return None


def _has_declarator(node, kind: str) -> bool:
    while node is not None:
        if node.type == kind:
            return True
        node = node.child_by_field_name("declarator")
    return False


def _find_function_declarator(node):
    # `int (*f(void))(int)`: the innermost function declarator names the function.
    # Iterative, one walk: nested declarators may be thousands deep in bad input.
    found = None
    while node is not None:
        if node.type == "function_declarator":
            found = node
        node = node.child_by_field_name("declarator")
    return found


def _first_of(node, kind: str):
    for child in node.named_children:
        if child.type == kind:
            return child
    return None


_QUALIFIER_SPACE = re.compile(r"\s*::\s*|~\s+")


def _qualified(text: str) -> str:
    """``CDevice::\n    Initialize`` is CDevice::Initialize, as callers and clang spell it."""
    return _QUALIFIER_SPACE.sub(lambda m: m.group().strip(), text)


def _body_start(node) -> int:
    body = node.child_by_field_name("body")
    return body.start_byte if body is not None else node.end_byte


_CALL_TEXT = re.compile(r"[A-Za-z_]\w*\s*\((?s:.*)\)\s*$")


def _relocate(e, loc: ir.Loc) -> None:
    """Give a call lowered from a snippet the location of the text it came from."""
    stack = [e]
    while stack:
        x = stack.pop()
        if hasattr(x, "loc"):
            x.loc = loc
        if isinstance(x, ir.Call):
            x.name_loc = loc
        stack.extend(ir.children(x))


_SEH = re.compile(r"(?:__)?(try|except|finally|leave|TRY|EXCEPT|FINALLY|LEAVE)\b\s*(?:\((?s:(.*))\))?\s*$")


def _seh_keyword(text: str):
    """("try" | "except" | "finally" | "leave", filter text) for a blanked SEH macro."""
    m = _SEH.match(text.strip())
    if m is None:
        return None
    kind = m.group(1).lower()
    if m.group(2) is not None and kind != "except":
        return None
    return kind, (m.group(2) or "").strip()
