"""Direct libclang calls for the clang frontend's hot paths.

The Python bindings pay for generality on every node: ``get_children``
makes two extra ctypes calls per child (a null-cursor assertion) and builds
a new callback per call, and every ``SourceLocation`` property builds a File
object and four out-parameters.  Over a translation unit with the mingw-w64
headers that was more than half of the frontend's time; these helpers make
one call where the bindings make several.
"""
from __future__ import annotations

import contextlib
import ctypes
import os
from functools import lru_cache
from typing import Callable, Iterator, NamedTuple


def bind(name: str, argtypes: list, restype):
    """A private ctypes function object for a libclang entry point: setting
    argtypes on ``conf.lib.<name>`` would change it for the bindings too."""
    import clang.cindex as ci
    lib = ci.conf.lib
    f = lib._FuncPtr((name, lib))
    f.argtypes, f.restype = argtypes, restype
    return f


@lru_cache(maxsize=1)
def _lib():
    import clang.cindex as ci

    uint_p = ctypes.POINTER(ctypes.c_uint)
    visit = ctypes.CFUNCTYPE(ctypes.c_int, ci.Cursor, ci.Cursor, ctypes.py_object)

    def append(child, _parent, out):
        out.append(child)
        return 1                                   # CXChildVisit_Continue

    cursor_location = bind("clang_getCursorLocation", [ci.Cursor], ci.SourceLocation)
    from_main = bind("clang_Location_isFromMainFile", [ci.SourceLocation], ctypes.c_int)

    def sort_top_level(child, _parent, out):
        # Tens of thousands of header cursors: test them here, in one call.
        if from_main(cursor_location(child)):
            out[0].append(child)
        elif child._kind_id in out[2]:
            out[1].append(child)
        return 1

    call_kind = ci.CursorKind.CALL_EXPR.value
    spelling = bind("clang_getCursorSpelling", [ci.Cursor], ci._CXString)
    text = ci._CXString.from_result

    def note_call(child, _parent, out):
        if child._kind_id == call_kind:
            name = text(spelling(child))
            if name:
                out.add(name)
        return 2                                   # CXChildVisit_Recurse

    return {
        "note_call": visit(note_call),
        "sort_top_level": visit(sort_top_level),
        "visit": bind("clang_visitChildren", [ci.Cursor, visit, ctypes.py_object], ctypes.c_uint),
        "append": visit(append),                   # one callback object, made once
        "extent": bind("clang_getCursorExtent", [ci.Cursor], ci.SourceRange),
        "start": bind("clang_getRangeStart", [ci.SourceRange], ci.SourceLocation),
        "end": bind("clang_getRangeEnd", [ci.SourceRange], ci.SourceLocation),
        "location": bind("clang_getCursorLocation", [ci.Cursor], ci.SourceLocation),
        "expansion": bind("clang_getExpansionLocation",
                          [ci.SourceLocation, ctypes.c_void_p, uint_p, uint_p, uint_p], None),
        "in_main": bind("clang_Location_isFromMainFile", [ci.SourceLocation], ctypes.c_int),
    }


_LINE, _COL, _OFF = ctypes.c_uint(), ctypes.c_uint(), ctypes.c_uint()
_LINE_P, _COL_P, _OFF_P = ctypes.byref(_LINE), ctypes.byref(_COL), ctypes.byref(_OFF)


def children(cursor) -> list:
    """The cursor's children, each holding the translation unit (as the
    bindings' own cursors do, for ``get_tokens``)."""
    lib = _lib()
    out: list = []
    lib["visit"](cursor, lib["append"], out)
    tu = cursor._tu
    for child in out:
        child._tu = tu
    return out


def called_names(cursor) -> set[str]:
    """The names of every call below ``cursor``, macro expansions included:
    one recursive visit in libclang, no Python recursion."""
    lib = _lib()
    out: set[str] = set()
    lib["visit"](cursor, lib["note_call"], out)
    return out


def top_level(tu, container_kinds: frozenset[int] = frozenset()) -> tuple[list, list]:
    """(the translation unit's top-level cursors located in the main file,
    the others whose kind id is in ``container_kinds``)."""
    lib = _lib()
    out: list = [[], [], container_kinds]
    lib["visit"](tu.cursor, lib["sort_top_level"], out)
    for child in out[0] + out[1]:
        child._tu = tu
    return out[0], out[1]


def _expand(location) -> tuple[int, int, int]:
    _lib()["expansion"](location, None, _LINE_P, _COL_P, _OFF_P)
    return _LINE.value, _COL.value, _OFF.value


def span(cursor) -> tuple[int, int]:
    """(start offset, end offset) of the cursor's extent."""
    return _range_offsets(_lib()["extent"](cursor))


def token_spans(cursor) -> Iterator[tuple[int, int]]:
    """(start, end) offsets of the cursor's tokens, lazily.  The text is read
    from the source by the caller: the bindings decode a token's spelling as
    strict UTF-8 and raise on a Latin-1 string literal."""
    return (_range_offsets(t.extent) for t in cursor.get_tokens())


def _range_offsets(r) -> tuple[int, int]:
    lib = _lib()
    expansion = lib["expansion"]
    expansion(lib["start"](r), None, None, None, _OFF_P)
    start = _OFF.value
    expansion(lib["end"](r), None, None, None, _OFF_P)
    return start, _OFF.value


def extent(cursor) -> tuple[tuple[int, int, int], tuple[int, int, int]]:
    """((line, byte column, offset) of the start, the same of the end)."""
    lib = _lib()
    r = lib["extent"](cursor)
    return _expand(lib["start"](r)), _expand(lib["end"](r))


def location(cursor) -> tuple[int, int, int]:
    """(line, byte column, offset) of the cursor's own location (its name)."""
    return _expand(_lib()["location"](cursor))


def may_reach_main_file(cursor) -> bool:
    """A declaration from a header whose extent ends in the main file, or
    has no valid end (an `extern "C" {` a header left open)."""
    lib = _lib()
    end = lib["end"](lib["extent"](cursor))
    if lib["in_main"](end):
        return True
    file = ctypes.c_void_p()
    _diagnostic_calls().expansion(end, ctypes.byref(file), None, None, None)
    return not file.value


def in_main_file(cursor) -> bool:
    lib = _lib()
    return bool(lib["in_main"](lib["location"](cursor)))


class _DiagnosticCalls(NamedTuple):
    count: Callable
    get: Callable
    severity: Callable
    where: Callable
    expansion: Callable
    get_file: Callable
    dispose: Callable
    spelling: Callable
    text: Callable


@lru_cache(maxsize=1)
def _diagnostic_calls() -> _DiagnosticCalls:
    import clang.cindex as ci

    uint_p = ctypes.POINTER(ctypes.c_uint)
    return _DiagnosticCalls(
        bind("clang_getNumDiagnostics", [ci.TranslationUnit], ctypes.c_uint),
        bind("clang_getDiagnostic", [ci.TranslationUnit, ctypes.c_uint], ctypes.c_void_p),
        bind("clang_getDiagnosticSeverity", [ctypes.c_void_p], ctypes.c_int),
        bind("clang_getDiagnosticLocation", [ctypes.c_void_p], ci.SourceLocation),
        bind("clang_getExpansionLocation",
             [ci.SourceLocation, ctypes.POINTER(ctypes.c_void_p), uint_p, uint_p, uint_p], None),
        bind("clang_getFile", [ci.TranslationUnit, ctypes.c_char_p], ctypes.c_void_p),
        bind("clang_disposeDiagnostic", [ctypes.c_void_p], None),
        bind("clang_getDiagnosticSpelling", [ctypes.c_void_p], ci._CXString),
        ci._CXString.from_result)


def main_file_errors(tu) -> list[tuple[int, int, str]]:
    """(line, byte column, message) of the errors located (after macro
    expansion) in the main file.  With headers clang cannot fully check,
    a translation unit carries thousands of diagnostics in headers; only
    their severity and file are asked for."""
    cached = getattr(tu, "_pooltrack_errors", None)
    if cached is not None:          # the lowering and the recovery round both ask
        return cached
    count, get, severity, where, expansion, get_file, dispose, spelling, text = _diagnostic_calls()
    main = get_file(tu, tu.spelling.encode())
    out = []
    file = ctypes.c_void_p()
    for i in range(count(tu)):
        d = get(tu, i)
        if severity(d) >= 3:                       # errors and fatal errors only
            expansion(where(d), ctypes.byref(file), _LINE_P, _COL_P, None)
            if main and file.value == main:
                out.append((_LINE.value, _COL.value, text(spelling(d))))
        dispose(d)
    tu._pooltrack_errors = out
    return out


class _OperatorCalls(NamedTuple):
    binary_kind: Callable
    binary_spelling: Callable
    unary_kind: Callable
    unary_spelling: Callable
    evaluate: Callable
    result_kind: Callable
    as_long_long: Callable
    dispose: Callable
    text: Callable


@lru_cache(maxsize=1)
def _operator_calls() -> _OperatorCalls:
    import clang.cindex as ci

    return _OperatorCalls(
        bind("clang_getCursorBinaryOperatorKind", [ci.Cursor], ctypes.c_int),
        bind("clang_getBinaryOperatorKindSpelling", [ctypes.c_int], ci._CXString),
        bind("clang_getCursorUnaryOperatorKind", [ci.Cursor], ctypes.c_int),
        bind("clang_getUnaryOperatorKindSpelling", [ctypes.c_int], ci._CXString),
        bind("clang_Cursor_Evaluate", [ci.Cursor], ctypes.c_void_p),
        bind("clang_EvalResult_getKind", [ctypes.c_void_p], ctypes.c_int),
        bind("clang_EvalResult_getAsLongLong", [ctypes.c_void_p], ctypes.c_longlong),
        bind("clang_EvalResult_dispose", [ctypes.c_void_p], None),
        ci._CXString.from_result)


@lru_cache(maxsize=None)
def _spelling(unary: bool, kind: int) -> str:
    calls = _operator_calls()
    return calls.text((calls.unary_spelling if unary else calls.binary_spelling)(kind))


def binary_operator(cursor) -> str:
    """The operator of a binary or compound-assignment expression, from
    clang (the source text between the operands is not the operator inside
    a macro expansion)."""
    return _spelling(False, _operator_calls().binary_kind(cursor))


def unary_operator(cursor) -> str:
    """"++", "!", "&", "*", ... (pre and post increments spell alike)."""
    return _spelling(True, _operator_calls().unary_kind(cursor))


_CXEVAL_INT = 1


def integer_value(cursor):
    """The value of an integer constant expression, or None."""
    calls = _operator_calls()
    result = calls.evaluate(cursor)
    if not result:
        return None
    try:
        return calls.as_long_long(result) if calls.result_kind(result) == _CXEVAL_INT else None
    finally:
        calls.dispose(result)


class _Range(ctypes.Structure):
    _fields_ = [("ptr_data", ctypes.c_void_p * 2), ("begin", ctypes.c_uint), ("end", ctypes.c_uint)]


class _RangeList(ctypes.Structure):
    _fields_ = [("count", ctypes.c_uint), ("ranges", ctypes.POINTER(_Range))]


@lru_cache(maxsize=1)
def _skipped_calls():
    import clang.cindex as ci

    return (bind("clang_getSkippedRanges", [ci.TranslationUnit, ctypes.c_void_p], ctypes.POINTER(_RangeList)),
            bind("clang_getRangeStart", [_Range], ci.SourceLocation),
            bind("clang_getRangeEnd", [_Range], ci.SourceLocation),
            bind("clang_disposeSourceRangeList", [ctypes.POINTER(_RangeList)], None))


def skipped_lines(tu) -> list[tuple[int, int]]:
    """(first, last) lines of the main file's ranges the preprocessor
    skipped: inactive #if branches."""
    skipped, start, end, dispose = _skipped_calls()
    ranges = skipped(tu, _diagnostic_calls().get_file(tu, tu.spelling.encode()))
    try:
        return [(start(ranges.contents.ranges[i]).line, end(ranges.contents.ranges[i]).line)
                for i in range(ranges.contents.count)]
    finally:
        dispose(ranges)


def quiet_parse(index, path: str, **options):
    """``index.parse`` with stderr pointed at /dev/null meanwhile: when
    libclang crashes and recovers (it does on two WDF framework headers) it
    dumps its whole command line there, and the caller already turns the
    failure into a tree-sitter fallback."""
    with _stderr_to_devnull():
        return index.parse(path, **options)


@contextlib.contextmanager
def _stderr_to_devnull():
    try:
        saved = os.dup(2)
    except OSError:             # no stderr at all: nothing to keep clean
        yield
        return
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 2)
        os.close(devnull)
        yield
    finally:
        os.dup2(saved, 2)
        os.close(saved)
