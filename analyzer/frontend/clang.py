"""Lower a libclang AST to the IR (the same IR, and the same conventions, as
``treesitter.py``).

What clang adds over tree-sitter:

* macros are expanded: a call hidden in a macro body (``#define ALLOC(n)
  ExAllocatePoolWithTag(...)``) is a real call, located at the macro's use
  site (the expansion location);
* only the active ``#if`` branch exists;
* types are resolved (a typedef'd struct pointer is known to be a pointer).

Macro uses whose expansion contains no call of its own (``NULL``,
``STATUS_SUCCESS``, ``NT_SUCCESS(status)``) are lowered as written, exactly
as tree-sitter lowers them, so the analysis sees ``NT_SUCCESS(...)`` and not
``((NTSTATUS)(status)) >= 0``.

Headers, in order of preference: a compilation database (-p) or -I/-D given
by the user; the mingw-w64 DDK headers (Debian ``mingw-w64-x86-64-dev``);
the bundled ``wdk_shim.h``.  Any ``#include`` that resolves nowhere becomes an
empty file, so a missing header never stops the parse.  Nothing from a
compilation database is ever executed: only -I/-D/-U/-include/-std are read.
"""
from __future__ import annotations

import bisect
import dataclasses
import itertools
import json
import os
import re
import shlex
from functools import lru_cache
from pathlib import Path
from typing import Mapping, Optional, Sequence

from .. import ir
from .base import Selector
from .base import callee_names, member_callees
from .clang_native import (binary_operator, called_names, children, extent, in_main_file, integer_value, location, main_file_errors,
                           may_reach_main_file, quiet_parse, skipped_lines, span, token_spans, top_level,
                           unary_operator)
from .blanking import ARGUMENTS, COMMENT
from .includes import MAX_FILES, is_user_mode, leading_includes, reached_headers
from .pch import PchCache
from .tsparser import has_cplusplus_extension

SHIM_DIR = Path(__file__).resolve().parent
SHIM = SHIM_DIR / "wdk_shim.h"
WDF_SHIM = SHIM_DIR / "wdf_shim.h"
POOL2_API = SHIM_DIR / "pool2_api.h"
MINGW_ROOT = Path("/usr/x86_64-w64-mingw32/include")
VIRTUAL = "/__pooltrack__"          # unsaved (in-memory) files live here
VIRTUAL_INC = VIRTUAL + "/include"
PRELUDE = VIRTUAL + "/prelude.h"
KERNEL_PREFIX = VIRTUAL + "/kernel_headers.h"
# libclang's wheel ships no compiler resource headers; mingw's intrin.h wants these.
_INTRINSIC_STUBS = ("mm_malloc.h", "x86intrin.h", "cpuid.h", "mmintrin.h", "mm3dnow.h",
                    "xmmintrin.h", "emmintrin.h", "pmmintrin.h", "immintrin.h", "ammintrin.h",
                    "tmmintrin.h", "smmintrin.h", "nmmintrin.h",
                    "wmmintrin.h", "ia32intrin.h")
_WDK_NAMES = ("ntddk.h", "wdm.h", "ntifs.h", "ntstrsafe.h", "ntintsafe.h", "wdmsec.h",
              "wdf.h", "ntdef.h", "ntstatus.h", "initguid.h", "wmilib.h", "wmistr.h")
_INCLUDE = re.compile(rb'^[ \t]*#[ \t]*include[ \t]*[<"]([^>"\n]+)[>"]', re.M)
_SAL = re.compile(rb"\b(_(?:[A-Za-z][A-Za-z0-9]*_)+|__drv_\w+)(\s*\()?")
_DEFINED = re.compile(rb"^[ \t]*#[ \t]*define[ \t]+(\w+)", re.M)
_KEEP_GOING = 0x200
# mingw-w64's headers are not error-free in C++ (wdm.h redefines two
# interlocked inlines); errors in headers do not matter to the analysis.
_ALLOW_PCH_ERRORS = ["-Xclang", "-fallow-pch-with-compiler-errors"]
# Fatal errors by which clang refuses a PCH (corrupt, a header changed since).
_PCH_REFUSALS = ("AST file", "PCH", "precompiled header")
_SYSTEM_DIRS = (str(MINGW_ROOT), str(MINGW_ROOT / "ddk"))
_NULL_NAMES = frozenset({"NULL", "nullptr"})
_TS_EXPRESSIONS = frozenset({"identifier", "number_literal", "string_literal", "null", "true", "false",
                             "char_literal", "concatenated_string"})

HEADER_MODES = ("auto", "shim", "mingw")


def mingw_available() -> bool:
    return (MINGW_ROOT / "ddk" / "wdm.h").is_file()


@lru_cache(maxsize=1)
def _cindex():
    import clang.cindex as ci
    return ci


@lru_cache(maxsize=8)
def _read_db(db_path: str) -> dict[str, tuple[str, list[str]]]:
    """compile_commands.json -> {absolute file: (directory, argv)}; never run."""
    with open(db_path, encoding="utf-8") as fh:
        entries = json.load(fh)
    out = {}
    for e in entries if isinstance(entries, list) else []:
        try:
            directory = e.get("directory", ".")
            argv = e.get("arguments") or shlex.split(e.get("command", ""), posix=True)
            path = os.path.normpath(os.path.join(directory, e["file"]))
        except (KeyError, ValueError, TypeError):
            continue
        out[path] = (directory, [str(a) for a in argv])
    return out


def find_compile_db(start: str) -> Optional[str]:
    """compile_commands.json in ``start`` (a file or directory) or a parent."""
    p = Path(start).resolve()
    if p.is_file() or not p.exists():
        p = p.parent
    for d in (p, *p.parents):
        candidate = d / "compile_commands.json"
        if candidate.is_file():
            return str(candidate)
    return None


def db_flags(directory: str, argv: Sequence[str]) -> list[str]:
    """The preprocessor-relevant part of a compile command, paths made absolute."""
    flags: list[str] = []
    args = list(argv)
    i = 1
    while i < len(args):
        a = args[i]
        for opt in ("-I", "/I", "-isystem", "-include", "/FI", "-D", "/D", "-U", "/U"):
            if a == opt and i + 1 < len(args):
                value, i = args[i + 1], i + 1
            elif a.startswith(opt) and len(a) > len(opt) and not (opt == "-I" and a.startswith("-include")):
                value = a[len(opt):]
            else:
                continue
            norm = {"/I": "-I", "/FI": "-include", "/D": "-D", "/U": "-U"}.get(opt, opt)
            if norm in ("-I", "-isystem", "-include"):
                value = os.path.normpath(os.path.join(directory, value))
            flags += [norm, value] if norm in ("-isystem", "-include") else [norm + value]
            break
        else:
            if a.startswith("-std="):
                flags.append(a)
        i += 1
    return flags


class ClangFrontend:
    name = "clang"

    def __init__(self, include_dirs: Sequence[str] = (), defines: Sequence[str] = (),
                 build_dir: Optional[str] = None, headers: str = "auto", precompile: bool = True):
        if headers not in HEADER_MODES:
            raise ValueError(f"unknown header mode {headers!r}")
        self.include_dirs = list(include_dirs)
        self.defines = list(defines)
        self.build_dir = build_dir
        self.headers = headers
        self._index = None
        self._local_index = None       # for parses with a PCH: its declarations are not walked
        self._pch = PchCache() if precompile else None
        self._openings: dict[str, dict[bytes, int]] = {}    # directory -> opening includes -> files
        self._project_files: list[str] = []                 # the project headers the current file reaches
        self._last_pch = None                               # ((path, hash of source), _plan_pch's answer)

    # ------------------------------------------------------------ arguments
    def header_mode(self) -> str:
        if self.headers != "auto":
            return self.headers
        return "mingw" if mingw_available() else "shim"

    def arguments(self, path: str, src: bytes) -> tuple[list[str], list[tuple[str, bytes]], str]:
        """(clang arguments, in-memory files, header mode) for one file."""
        user: list[str] = [f"-I{d}" for d in self.include_dirs] + [f"-D{d}" for d in self.defines]
        db = None
        if self.build_dir is not None:
            db = os.path.join(self.build_dir, "compile_commands.json")
        if db and os.path.isfile(db):
            entry = _read_db(db).get(os.path.normpath(os.path.abspath(path)))
            if entry is not None:
                user = db_flags(*entry) + user
        mode = "user" if any(a.startswith(("-I", "-isystem", "-include")) for a in user) else self.header_mode()
        language = ["-x", "c++", "-std=c++17"] if has_cplusplus_extension(path) else ["-x", "c", "-std=gnu11"]
        args = language + ["-fms-extensions", "-ferror-limit=0",
                "-Wno-implicit-function-declaration", "-Wno-implicit-int", "-Wno-int-conversion",
                "-Wno-incompatible-pointer-types", "-Wno-macro-redefined",
                "-D_AMD64_", "-D_WIN64", "-DNTDDI_VERSION=0x0A000000", "-D_KERNEL_MODE"]
        unsaved: list[tuple[str, bytes]] = []
        if mode == "mingw":
            args += ["--target=x86_64-w64-mingw32", "-nostdinc",
                     "-isystem", str(MINGW_ROOT / "ddk"), "-isystem", str(MINGW_ROOT)]
            unsaved.append((f"{VIRTUAL_INC}/wdf.h", f'#include "{WDF_SHIM}"\n'.encode()))
        else:
            args += ["--target=x86_64-pc-windows-msvc", "-nostdinc"]
        args += user
        if mode == "shim":
            args += ["-include", str(SHIM)]
        args += ["-include", PRELUDE, "-idirafter", VIRTUAL_INC]
        given = {name for name, _ in unsaved}
        for name in _INTRINSIC_STUBS + (_WDK_NAMES if mode == "shim" else ()):
            if f"{VIRTUAL_INC}/{name}" not in given:
                unsaved.append((f"{VIRTUAL_INC}/{name}", b""))
                given.add(f"{VIRTUAL_INC}/{name}")
        # Whatever the source includes and no search path has: an empty file.
        for inc in set(_INCLUDE.findall(src)):
            name = f"{VIRTUAL_INC}/{inc.decode('utf-8', 'replace')}"
            if name not in given and ".." not in inc.decode("utf-8", "replace"):
                unsaved.append((name, b""))
                given.add(name)
        unsaved.append((PRELUDE, sal_prelude(src)))
        return args, unsaved, mode

    def _precompiled(self, path: str, src: bytes, args: list[str], unsaved: list[tuple[str, bytes]], mode: str,
                     headers: set[str]) -> tuple[Optional[str], int, list[str]]:
        # The recovery parse of the same file asks again: its arguments
        # differ only in the prelude, which is not in the PCH.
        key = (path, hash(src))
        if self._last_pch is None or self._last_pch[0] != key:
            self._last_pch = (key, self._plan_pch(path, src, args, unsaved, mode, headers))
        return self._last_pch[1]

    def _plan_pch(self, path: str, src: bytes, args: list[str], unsaved: list[tuple[str, bytes]], mode: str,
                  headers: set[str]) -> tuple[Optional[str], int, list[str]]:
        """A PCH for a file that is not user-mode code (it reaches a kernel
        header, or none pooltrack can find: "driver.h" written for
        "Driver.h"): the kernel prefix (kernel_prefix), plus the project
        headers the file opens with when a sibling file opens with the same
        ones (a shared precomp.h).  Returns (PCH or None, where the opening
        includes end (0 without them), extra arguments for the parse)."""
        if self._pch is None or mode != "mingw" or is_user_mode(headers):
            return None, 0, []
        i = args.index("-x")
        header_args = args[:i + 1] + [args[i + 1] + "-header"] + args[i + 2:]
        j = header_args.index(PRELUDE)
        del header_args[j - 1:j + 1]
        header_args += _ALLOW_PCH_ERRORS
        text = kernel_prefix(headers)
        directory = os.path.dirname(path)
        opening_end, opening = leading_includes(src, directory, _SYSTEM_DIRS)
        extra: list[str] = []
        # The PCH's name hashes the project headers' sizes and times: an
        # edited header makes a new one at once (clang would refuse the stale
        # one, and that file would parse without a PCH).
        project = [Path(f) for f in self._project_files]
        if opening and len(project) < MAX_FILES and self._siblings_opening_with(directory, opening) >= 2:
            text += opening
            extra = ["-iquote", directory]          # the PCH's own header is not in that directory
        else:
            opening_end = 0
        fixed = {f"{VIRTUAL_INC}/{n}" for n in ("wdf.h",) + _INTRINSIC_STUBS}
        inputs = [(n, c) for n, c in unsaved if n in fixed]
        if self._index is None:
            self._index = _cindex().Index.create()
        pch = self._pch.get(self._index, KERNEL_PREFIX, text, header_args + extra, inputs,
                            [MINGW_ROOT / "ddk" / n for n in ("ntifs.h", "ntddk.h", "wdm.h")] + [WDF_SHIM, POOL2_API]
                            + (project if extra else []))
        return pch, opening_end, extra

    def _siblings_opening_with(self, directory: str, opening: bytes) -> int:
        """How many C/C++ files of ``directory`` open with these includes."""
        counts = self._openings.get(directory)
        if counts is None:
            counts = self._openings[directory] = {}
            try:
                names = os.listdir(directory)
            except OSError:
                names = []
            for name in names:
                if name.endswith((".c", ".cpp", ".cc", ".cxx")):
                    try:
                        with open(os.path.join(directory, name), "rb") as fh:
                            head = fh.read(16384)
                    except OSError:
                        continue
                    block = leading_includes(head, directory, _SYSTEM_DIRS)[1]
                    counts[block] = counts.get(block, 0) + 1
        return counts.get(opening, 0)

    # ---------------------------------------------------------------- parse
    def _parse(self, path: str, src: bytes, extra: bytes, headers: set[str]):
        ci = _cindex()
        if self._index is None:
            self._index = ci.Index.create()
        abspath = os.path.abspath(path)
        args, unsaved, mode = self.arguments(abspath, src)
        unsaved = [(abspath, src)] + [(n, c + extra if n == PRELUDE else c) for n, c in unsaved]
        options = ci.TranslationUnit.PARSE_DETAILED_PROCESSING_RECORD | _KEEP_GOING
        pch, opening_end, extra_args = self._precompiled(abspath, src, args, unsaved, mode, headers)
        if pch is not None:
            if self._local_index is None:
                self._local_index = ci.Index.create(excludeDecls=True)
            i = args.index(PRELUDE) - 1
            # The opening includes are in the PCH: blanked here (offsets and
            # lines unchanged), or a header without a guard would come twice.
            blanked = re.sub(rb"[^\n]", b" ", src[:opening_end]) + src[opening_end:]
            try:
                tu = quiet_parse(self._local_index, abspath, args=args[:i] + _ALLOW_PCH_ERRORS + extra_args
                                 + ["-include-pch", pch] + args[i:],
                                 unsaved_files=[(abspath, blanked)] + unsaved[1:], options=options)
            except ci.TranslationUnitLoadError:
                tu = None                  # clang refused the PCH (corrupt, another libclang)
            if tu is not None and not any(d.severity >= 4 and any(w in d.spelling for w in _PCH_REFUSALS)
                                          for d in tu.diagnostics):
                return tu, abspath
            self._pch.forget(pch)
            self._last_pch = None
        if mode == "mingw" and not is_user_mode(headers):
            # What the PCH would have held, read from the headers instead.
            i = args.index(PRELUDE) - 1
            args = args[:i] + ["-include", KERNEL_PREFIX] + args[i:]
            unsaved = unsaved + [(KERNEL_PREFIX, kernel_prefix(headers))]
        return quiet_parse(self._index, abspath, args=args, unsaved_files=unsaved, options=options), abspath

    def parse_unit(self, path: str, src: bytes, select: Optional[Selector] = None,
                   constant_args: Optional[Mapping[str, tuple[int, ...]]] = None) -> ir.Unit:
        """``constant_args``: routine -> the arguments whose constant values
        the rules read (tags, flags); each call of one gets ``Call.constants``."""
        if not _BODY.search(src):
            # No function body: only declarations, #defines and role
            # declarations, which tree-sitter reads as well (precomp.h files
            # cost clang hundreds of milliseconds of headers for nothing).
            return _tree_sitter_unit(path, src, select)
        self._project_files: list[str] = []
        headers = reached_headers(path, src, self.include_dirs, self._project_files)
        if is_user_mode(headers):
            return _tree_sitter_unit(path, src, select)
        try:
            tu, abspath = self._parse(path, src, b"", headers)
            # Recovery costs a parse: only when a function the analysis wants has errors.
            unit = _Lowerer(path, abspath, src, tu, constant_args).unit(select, unless_wanted_broken=True)
            if unit is None:
                tu, abspath, declared = self._recover(path, src, headers, tu)
                # A declared stand-in (`enum { POOL_FLAG_NON_PAGED };`) is 0:
                # no constant that uses one has a value worth reading.
                unit = _Lowerer(path, abspath, src, tu, constant_args,
                                frozenset(_STAND_IN.findall(declared.decode()))).unit(select)
        except _cindex().TranslationUnitLoadError:
            # libclang gave up on the file (two WDF framework headers do):
            # tree-sitter lowers it rather than losing it.
            return _tree_sitter_unit(path, src, select)
        return unit

    def _recover(self, path: str, src: bytes, headers: set[str], tu):
        abspath = os.path.abspath(path)
        extra = b""
        # C++ reports an undeclared callee only once its arguments are
        # declared, hence a second round there.
        for _ in range(2 if has_cplusplus_extension(abspath) else 1):
            more = recovery_declarations(tu, abspath, src)
            if not more:
                break
            extra += more
            tu, abspath = self._parse(path, src, extra, headers)
        return tu, abspath, extra


def kernel_prefix(headers: set[str]) -> bytes:
    """What a file clang parses sees before its own text in the mingw-w64
    mode, from the PCH or not: ntifs.h (it includes ntddk.h and wdm.h), the
    newer pool API mingw-w64 lacks, and the KMDF shim when wdf.h is reached.
    (User-mode files never get here: tree-sitter lowers them.)"""
    wdf = any(h.rsplit("/", 1)[-1] == "wdf.h" for h in headers)
    return (b"#include <ntifs.h>\n" + f'#include "{POOL2_API}"\n'.encode()
            + (b"#include <wdf.h>\n" if wdf else b""))


# Every function body follows a `)`; a file without one has no body.
_BODY = re.compile(rb"\)\s*\{")


def _tree_sitter_unit(path: str, src: bytes, select: Optional[Selector]) -> ir.Unit:
    """Lowered by tree-sitter, as written.  For user-mode code (it reaches
    windows.h and no kernel header), which cannot hold what Pool Tracking
    checks and whose Win32/C++ headers cost clang 40 % of its time on the
    samples tree, for files without a function body, and for files libclang
    fails to parse at all."""
    from .treesitter import TreeSitterFrontend
    unit = TreeSitterFrontend().parse_unit(path, src, select)
    for fn in unit.functions:
        fn.fallback = True
    return unit


_UNDECLARED = re.compile(r"use of undeclared identifier '(\w+)'")
# "'CWidget' (aka '__pooltrack_CWidget *') is not a class": the recovery
# parse declared the name as a type; "incomplete type": only forward-declared.
_UNKNOWN_SCOPE = re.compile(r"use of undeclared identifier '(\w+)'"
                            r"|'(\w+)'(?: \(aka '[^']*'\))? is not a class, namespace, or enumeration"
                            r"|incomplete type '(\w+)' named in nested name specifier")
_UNKNOWN_TYPE = re.compile(r"unknown type name '(\w+)'")
_UNENDED = ("expected function body after function declarator", "expected ';' after top level declarator")


# A name used as a type at the start of a declaration (`NAME var;`,
# `NAME *p = ...`), and a name that is called.
_TYPE_USE = re.compile(rb"\b([A-Za-z_]\w*)[ \t]*\**[ \t]*\b[A-Za-z_]\w*[ \t]*[;=,\[)]")
_CALL_USE = re.compile(rb"\b([A-Za-z_]\w*)\s*\(")


def _names_used(pattern, src: bytes) -> set[str]:
    """One pass over the source (not one per undeclared name)."""
    return {m.decode("ascii") for m in pattern.findall(src)}


def recovery_declarations(tu, abspath: str, src: bytes = b"") -> bytes:
    idents: set[str] = set()
    types: set[str] = set()
    for _, _, message in main_file_errors(tu):
        m = _UNDECLARED.search(message)
        if m:
            idents.add(m.group(1))
        m = _UNKNOWN_TYPE.search(message)
        if m:
            types.add(m.group(1))
    # `POOL_EXTENDED_PARAMETER params;` at the start of a statement is
    # reported as an undeclared identifier: it is a type.
    if idents:
        types |= idents & _names_used(_TYPE_USE, src)
    # C++ has no implicit declarations: a name that is called becomes a
    # variadic function (C treats it as one already).
    called = (idents - types) & _names_used(_CALL_USE, src) \
        if has_cplusplus_extension(abspath) and idents - types else set()
    out = [f"typedef struct __pooltrack_{t} *{t};\n" for t in sorted(types)]
    out += [f"void *{i}(...);\n" for i in sorted(called)]
    out += [f"enum {{ {i} }};\n" for i in sorted(idents - types - called)]
    return "".join(out).encode()


_STAND_IN = re.compile(r"^enum \{ (\w+) \};$", re.M)     # recovery_declarations' constants


_EXPORT_DECORATION = re.compile(rb"^[ \t]*([A-Z][A-Z0-9_]*_(?:API|CODE_SEG))\s+(?=[A-Za-z_])", re.M)


@lru_cache(maxsize=4)           # the same source is parsed again for recovery
def sal_prelude(src: bytes) -> bytes:
    """Empty definitions for the SAL-style annotations the source uses
    (``_In_``, ``_IRQL_requires_max_(...)``, ``__drv_aliasesMem``)."""
    defined = set(_DEFINED.findall(src))
    names: dict[bytes, bool] = {}
    for name, paren in _SAL.findall(src):
        if name in defined:
            continue
        names[name] = names.get(name, False) or bool(paren)
    # Export and code-section decorations where a declaration starts
    # (`SCSIPORT_API NTSTATUS F(...)`, `INIT_CODE_SEG NTSTATUS DriverEntry`):
    # undefined, clang reads the type as a variable's name and drops the
    # definition.
    for name in _EXPORT_DECORATION.findall(src):
        if name not in defined:
            names.setdefault(name, False)
    out = []
    for name, fn in sorted(names.items()):
        n = name.decode()
        out.append(f"#ifndef {n}\n#define {n}{'(...)' if fn else ''}\n#endif\n")
    return "".join(out).encode()


# ===================================================================== lowering
class _Lowerer:
    def __init__(self, path: str, abspath: str, src: bytes, tu, constant_args: Optional[Mapping] = None,
                 stand_ins: frozenset[str] = frozenset()):
        self.ci = _cindex()
        self.constant_args = constant_args      # routine -> arguments whose values to evaluate
        self.stand_ins = stand_ins              # names the recovery parse declared
        self.K = self.ci.CursorKind
        self.path = path
        self.abspath = abspath
        self.src = src
        self.tu = tu
        self.lines = None if src.isascii() else src.split(b"\n")
        self._ts = None                  # tree-sitter lowering of the same file, lazily
        self._ts_parsed = None           # its parse (False: over budget)
        self.macro_starts: list[int] = []
        self.macro_ranges: list[tuple[int, int, str]] = []
        self.macro_choice: dict[int, bool] = {}     # range start -> lower as written?
        self.emitted: set[int] = set()
        self.cplusplus = has_cplusplus_extension(path)
        self.templated: set[tuple[str, int]] = set()
        self.unresolved = self.in_template = False

    # ------------------------------------------------------------ utilities
    def col(self, line: int, byte_col: int) -> int:
        if self.lines is None or line - 1 >= len(self.lines):
            return byte_col
        text = self.lines[line - 1]
        if text.isascii():
            return byte_col
        return len(text[:byte_col - 1].decode("utf-8", "replace")) + 1

    def loc(self, c) -> ir.Loc:
        (sl, sc, _), (el, ec, _) = extent(c)
        if self.lines is None:
            return ir.Loc(sl, sc, el, ec)
        return ir.Loc(sl, self.col(sl, sc), el, self.col(el, ec))

    def offsets(self, c) -> tuple[int, int]:
        return span(c)

    def text(self, c) -> str:
        s, e = self.offsets(c)
        return self.src[s:e].decode("utf-8", "replace")

    def in_main(self, c) -> bool:
        return in_main_file(c)

    # ------------------------------------------------------------ top level
    def unit(self, select: Optional[Selector], unless_wanted_broken: bool = False) -> Optional[ir.Unit]:
        """The file's IR; with ``unless_wanted_broken``, None instead when a
        function the selector wants has errors (the caller then declares
        the missing names and parses again)."""
        K = self.K
        unit = ir.Unit(self.path, text=self.src)
        definitions, typedefs = [], []
        functions = (K.FUNCTION_DECL, K.CXX_METHOD, K.CONSTRUCTOR, K.DESTRUCTOR)
        # C++: definitions inside namespaces, extern "C" blocks and classes.
        containers = (K.NAMESPACE, K.LINKAGE_SPEC, K.CLASS_DECL, K.STRUCT_DECL, K.UNEXPOSED_DECL)
        work, elsewhere = top_level(self.tu, frozenset(k.value for k in containers) if self.cplusplus else frozenset())
        for c in elsewhere:
            if may_reach_main_file(c):
                # A header's `extern "C" {` left open around the whole file.
                work += [x for x in children(c) if self.in_main(x)]
        while work:
            c = work.pop(0)
            kind = c.kind
            if kind == K.MACRO_INSTANTIATION:
                s, e = self.offsets(c)
                self.macro_ranges.append((s, e, c.spelling))
            elif kind == K.MACRO_DEFINITION:
                self._macro_definition(c, unit)
            elif kind in functions and c.is_definition():
                definitions.append(c)
            elif kind in (K.VAR_DECL, K.FUNCTION_DECL):
                self._global(c, unit)
            elif kind == K.TYPEDEF_DECL:
                typedefs.append(c)
            elif kind in containers and self.cplusplus:
                work[:0] = [x for x in children(c) if x.kind in functions + containers]
        unit.typedefs = self._struct_names(typedefs)
        unit.fields = self._field_types(typedefs, unit.typedefs)
        self.macro_ranges.sort()
        self.macro_starts = [r[0] for r in self.macro_ranges]
        errors = main_file_errors(self.tu)
        self.error_lines = sorted(line for line, _, _ in errors)

        functions = [self.function(c) for c in definitions]
        functions = [f for f in functions if f is not None]
        wanted = None
        if select is not None:
            wanted = select([(fn.name, body) for fn, _, body in functions])
        def is_wanted(fn):
            return wanted is None or fn.name in wanted

        if unless_wanted_broken and any(fn.has_error and is_wanted(fn) for fn, _, _ in functions):
            return None

        for fn, body_cursor, _ in functions:
            if is_wanted(fn) and not fn.has_error:
                self.emitted, self.unresolved = set(), False
                self.in_template = (fn.name, fn.loc.line) in self.templated
                fn.body = self.block(body_cursor)
                # An expression clang could not resolve (a member of a field
                # whose type is invalid in a header) reports no error here but
                # is not what was written: as broken as an error.
                fn.has_error = self.unresolved
        # C++: `NTSTATUS CWidget::Start(...) {...}` with CWidget's header
        # missing ("use of undeclared identifier 'CWidget'", or "'CWidget'
        # is not a class" once recovery declared it): clang drops the whole
        # definition.
        unknown_classes = {name for _, _, message in errors for m in [_UNKNOWN_SCOPE.search(message)] if m
                           for name in [m.group(1) or m.group(2) or m.group(3)] if (name + "::").encode() in self.src} \
            if self.cplusplus else set()
        # A header that leaves a declaration open ("expected function body
        # after function declarator") makes clang drop the rest of the file.
        unended = min((line for line, _, message in errors if message.startswith(_UNENDED)), default=None)
        fallback, lost = self._tree_sitter_fallback(
            {(fn.name, fn.loc.line) for fn, _, _ in functions if fn.has_error and is_wanted(fn)},
            unknown_classes, {fn.name for fn, _, _ in functions}, unended)
        for fn, body_cursor, _ in functions:
            if (fn.name, fn.loc.line) in fallback:
                fn = fallback[fn.name, fn.loc.line]
            elif is_wanted(fn) and fn.body is None:
                self.emitted = set()
                fn.body = self.block(body_cursor)        # has errors: kept for its summary
            unit.functions.append(fn)
        if lost:
            unit.functions = sorted(unit.functions + lost, key=lambda f: f.span[0])
            fallback.update({(f.name, f.loc.line): f for f in lost})
        # Errors inside a function tree-sitter lowered instead are not lost code.
        recovered = [(f.loc.line, f.end_line) for f in fallback.values()]
        for line, column, message in errors:
            if len(unit.errors) < 20 and not any(a <= line <= b for a, b in recovered):
                col = self.col(line, column)
                unit.errors.append((ir.Loc(line, col, line, col + 1), message))
        return unit

    def _tree_sitter_fallback(self, broken: set[tuple[str, int]], unknown_classes: set[str] = frozenset(),
                              found: set[str] = frozenset(), unended: Optional[int] = None
                              ) -> tuple[dict[tuple[str, int], ir.Function], list[ir.Function]]:
        """Functions clang could not check (a type or constant its headers
        lack), lowered by tree-sitter instead when it parses them cleanly: as
        written, without macro expansion, which is still better than skipping
        them; keyed by (name, line).  Also the definitions clang dropped (not
        among ``found``): methods of ``unknown_classes``, and whatever
        follows line ``unended`` outside inactive #if branches."""
        parsed = self._tree_sitter_parse() if broken or unknown_classes or unended else None
        if parsed is None:
            return {}, []
        from .treesitter import TreeSitterFrontend
        names = {name for name, _ in broken}
        skipped = skipped_lines(self.tu) if unended else []

        def lost(f: ir.Function) -> bool:
            if f.name in found:
                return False
            if "::" in f.name and f.name.split("::", 1)[0] in unknown_classes:
                return True
            return unended is not None and f.loc.line > unended \
                and not any(a <= f.loc.line <= b for a, b in skipped)
        unit = TreeSitterFrontend().lower(
            self.path, parsed,
            lambda index: names | {name for name, _ in index if name not in found and (unended or "::" in name)})
        usable = [dataclasses.replace(f, fallback=True) for f in unit.functions
                  if f.body is not None and not f.has_error]
        return ({(f.name, f.loc.line): f for f in usable if (f.name, f.loc.line) in broken},
                [f for f in usable if lost(f)])

    def _struct_names(self, typedefs: list) -> dict[str, str]:
        """alias -> canonical struct name, as tree-sitter's lowering gives it
        (``typedef struct _X {...} X, *PX;``: X, PX and _X all name X; the
        first non-pointer alias is the name, else the tag without leading
        underscores), but through the real types: the PX of a separate
        ``typedef X *PX;`` is known too."""
        K, TK = self.K, self.ci.TypeKind
        records: dict[tuple[int, int], list] = {}      # struct's span -> [tag, [(alias, is_pointer)]]
        for c in typedefs:
            t = c.underlying_typedef_type.get_canonical()
            is_pointer = t.kind == TK.POINTER
            record = (t.get_pointee() if is_pointer else t).get_declaration()
            if record.kind not in (K.STRUCT_DECL, K.UNION_DECL):
                continue
            tag = record.spelling if not record.is_anonymous() else ""
            if tag.startswith("__pooltrack_"):
                continue                                # a recovery declaration, not the driver's
            entry = records.setdefault(span(record), [tag, []])
            entry[1].append((c.spelling, is_pointer))
        names: dict[str, str] = {}
        for tag, aliases in records.values():
            plain = [a for a, pointer in aliases if not pointer]
            canonical = plain[0] if plain else (tag.lstrip("_") or aliases[0][0])
            for alias, _ in aliases:
                names[alias] = canonical
            if tag:
                names[tag] = canonical
        return names

    def _field_types(self, typedefs: list, names: dict[str, str]) -> dict[str, dict[str, str]]:
        """struct -> field -> the struct the field is or points to, from the
        real types (``PINNER Inner`` through any chain of typedefs)."""
        K, TK = self.K, self.ci.TypeKind
        out: dict[str, dict[str, str]] = {}
        for c in typedefs:
            aliased = c.underlying_typedef_type.get_canonical()
            record = aliased.get_declaration()
            struct = names.get(c.spelling)
            if struct is None or struct in out or aliased.kind == TK.POINTER \
                    or record.kind not in (K.STRUCT_DECL, K.UNION_DECL):
                continue
            fields = {}
            for f in children(record):
                t = f.type.get_canonical() if f.kind == K.FIELD_DECL else None
                if t is not None and t.kind == TK.POINTER:
                    t = t.get_pointee().get_canonical()
                inner = t.get_declaration() if t is not None else None
                if inner is not None and inner.kind in (K.STRUCT_DECL, K.UNION_DECL) and inner.spelling:
                    fields[f.spelling] = names.get(inner.spelling, inner.spelling.lstrip("_"))
            out[struct] = fields
        return out

    def _macro_definition(self, c, unit: ir.Unit) -> None:
        tokens = list(itertools.islice(token_spans(c), 2))
        if len(tokens) < 2:
            return
        (_, name_end), (first, first_end) = tokens[0], tokens[1]
        if self.src[first:first_end] == b"(" and first == name_end:
            return      # function-like
        unit.macros[c.spelling] = self.src[first:self.offsets(c)[1]].decode("utf-8", "replace").strip()

    def _global(self, c, unit: ir.Unit) -> None:
        texts = (self.src[a:b] for a, b in token_spans(c))
        first = list(itertools.islice(texts, 3))
        if c.kind == self.K.FUNCTION_DECL and (b"(" in first or b"(" in texts):
            return                                          # a prototype
        unit.globals.append(c.spelling)
        # `DRIVER_UNLOAD MyUnload;`: a role declaration.
        if len(first) == 2 and first[1] == c.spelling.encode() and re.fullmatch(rb"[A-Za-z_]\w*", first[0]):
            unit.role_decls[c.spelling] = first[0].decode()

    def function(self, c):
        K = self.K
        body = None
        for child in children(c):
            if child.kind == K.COMPOUND_STMT:
                body = child
        if body is None:
            return None
        name_line, name_column, _ = location(c)
        col = self.col(name_line, name_column)
        name = c.spelling
        if c.kind != K.FUNCTION_DECL and c.lexical_parent is not None \
                and c.lexical_parent.kind not in (K.CLASS_DECL, K.STRUCT_DECL):
            name = f"{c.semantic_parent.spelling}::{name}"      # written out of line: Class::Method
        if self.cplusplus and c.semantic_parent is not None and c.semantic_parent.kind in (
                K.CLASS_TEMPLATE, K.CLASS_TEMPLATE_PARTIAL_SPECIALIZATION):
            self.templated.add((name, name_line))       # dependent types are expected there
        bs, be = self.offsets(body)
        body_bytes = self.src[bs:be]
        callees = set(callee_names(body_bytes))
        fs, fe = self.offsets(c)
        i = bisect.bisect_left(self.macro_starts, bs)
        hidden = set()
        # Calls that only exist after macro expansion: the call graph and the
        # selector must see them too.
        while i < len(self.macro_ranges) and self.macro_ranges[i][0] < be:
            if b"(" in self.src[self.macro_ranges[i][0]:self.macro_ranges[i][1]]:
                hidden = {n for n in self._call_names(body)} - callees
                break
            i += 1
        callees |= hidden
        if hidden:
            body_bytes = body_bytes + b"\n" + b" ".join(n.encode() + b"()" for n in sorted(hidden))
        (start_line, _, _), (end_line, _, _) = extent(c)
        j = bisect.bisect_left(self.error_lines, start_line)
        has_error = j < len(self.error_lines) and self.error_lines[j] <= end_line
        fn = ir.Function(
            name=name,
            params=[self.param(p) for p in c.get_arguments()],
            body=None,
            loc=ir.Loc(name_line, col, name_line, col + len(name)),
            path=self.path,
            return_type=c.result_type.spelling,
            is_static=c.storage_class == self.ci.StorageClass.STATIC,
            annotations=self._annotations(fs, bs),
            callees=member_callees(name, frozenset(callees)),
            end_line=end_line,
            has_error=has_error,
            span=(fs, fe),
        )
        return fn, body, body_bytes

    def _call_names(self, c) -> set[str]:
        names = called_names(c)
        if c.kind == self.K.CALL_EXPR and c.spelling:
            names.add(c.spelling)
        return names

    def _annotations(self, start: int, body_start: int) -> list[str]:
        """The SAL annotations of a definition, with their arguments
        (``_Function_class_(KDEFERRED_ROUTINE)`` names a role), as the
        tree-sitter frontend gives them: from the end of the previous
        declaration (clang's extent starts after annotations that expand to
        nothing) to the body."""
        lookback = max(0, start - 2000)
        head = COMMENT.sub(lambda m: b" " * len(m.group()), self.src[lookback:body_start])
        if b"_" not in head:
            return []
        head = head[max(head.rfind(b";", 0, start - lookback), head.rfind(b"}", 0, start - lookback)) + 1:]
        out = []
        for m in _SAL.finditer(head):
            args = ARGUMENTS.match(head, m.end() - 1) if m.group(2) else None
            out.append(head[m.start(1):args.end() if args else m.end(1)].decode("utf-8", "replace"))
        return out

    def _type_text(self, t) -> tuple[str, bool, bool]:
        """(base type as written, is_array, is_pointer) for a declared type."""
        TK = self.ci.TypeKind
        is_array = t.kind in (TK.CONSTANTARRAY, TK.INCOMPLETEARRAY, TK.VARIABLEARRAY,
                              TK.DEPENDENTSIZEDARRAY)
        is_pointer = t.get_canonical().kind == TK.POINTER
        base = t
        while base.kind in (TK.POINTER, TK.CONSTANTARRAY, TK.INCOMPLETEARRAY, TK.VARIABLEARRAY):
            base = base.get_pointee() if base.kind == TK.POINTER else base.element_type
        spelling = base.spelling
        for q in ("const ", "volatile ", "restrict "):
            spelling = spelling.replace(q, "")
        return spelling.strip(), is_array, is_pointer

    def param(self, p) -> ir.Param:
        text, _, is_pointer = self._type_text(p.type)
        return ir.Param(p.spelling, text, is_pointer)

    # ------------------------------------------------------------ macros
    def _macro_range(self, s: int, e: int):
        i = bisect.bisect_right(self.macro_starts, s) - 1
        if i >= 0:
            r = self.macro_ranges[i]
            if r[0] <= s and e <= r[1] and r[1] > r[0]:
                return r
        return None

    def _as_written(self, c, r) -> bool:
        """Lower this macro use as written (tree-sitter style)?  Yes unless its
        expansion calls something that is not spelled in the use itself."""
        choice = self.macro_choice.get(r[0])
        if choice is None:
            spelled = set(re.findall(r"[A-Za-z_]\w*", self.src[r[0]:r[1]].decode("utf-8", "replace")))
            choice = self._call_names(c) <= spelled
            self.macro_choice[r[0]] = choice
        return choice

    def _tree_sitter_parse(self):
        """One tree-sitter parse of the file, shared by the macro uses lowered
        as written and the functions lowered by tree-sitter; None when it is
        over its parse budget."""
        if self._ts_parsed is None:
            from .tsparser import ParseBudgetExceeded, parse
            try:
                self._ts_parsed = parse(self.src, path=self.path)
            except ParseBudgetExceeded:
                self._ts_parsed = False
        return self._ts_parsed or None

    def _written_expr(self, r) -> Optional[ir.Expr]:
        if self._ts is None:
            from .treesitter import _Lowerer as TsLowerer
            parsed = self._tree_sitter_parse()
            if parsed is None:
                return None
            self._ts = (parsed.tree.root_node, TsLowerer(self.path, parsed.blanked, parsed.spans))
        root, lowerer = self._ts
        node = root.descendant_for_byte_range(r[0], r[1])
        while node is not None and node.start_byte == r[0] and node.end_byte == r[1]:
            if node.is_named and (node.type.endswith("_expression") or node.type in _TS_EXPRESSIONS):
                return lowerer.expr(node)
            node = node.parent
        return None

    def _macro_loc(self, r) -> ir.Loc:
        # A use site for everything that came out of one macro expansion.
        s = r[0]
        line = self.src.count(b"\n", 0, s) + 1
        line_start = self.src.rfind(b"\n", 0, s) + 1
        col = self.col(line, s - line_start + 1)
        return ir.Loc(line, col, line, col + len(r[2]))

    # ------------------------------------------------------------ statements
    def block(self, c) -> ir.Block:
        stmts: list = []
        for child in children(c):
            self.stmt_into(child, stmts)
        return ir.Block(stmts, self.loc(c))

    def as_stmt(self, c) -> ir.Stmt:
        if c is None:
            return ir.Block([])
        stmts: list = []
        self.stmt_into(c, stmts)
        if len(stmts) == 1:
            return stmts[0]
        return ir.Block(stmts, self.loc(c))

    def stmt_into(self, c, out: list) -> None:
        K = self.K
        kind = c.kind
        s, e = self.offsets(c)
        r = self._macro_range(s, e)
        # The choice for a macro use is made on its outermost statement (a
        # `{ ... }` expansion included), never on a call-free piece inside it.
        if r is not None and self._as_written(c, r) and kind != K.COMPOUND_STMT:
            if r[0] not in self.emitted:
                self.emitted.add(r[0])
                written = self._written_expr(r)
                if written is not None:
                    out.append(ir.ExprStmt(written, self.loc(c)))
                    return
            else:
                return
        loc = self.loc(c)
        if kind == K.COMPOUND_STMT:
            out.append(self.block(c))
        elif kind == K.DECL_STMT:
            for d in children(c):
                if d.kind == K.VAR_DECL:
                    out.append(self.decl(d))
        elif kind == K.IF_STMT:
            ch = children(c)
            out.append(ir.If(self.expr(ch[0]), self.as_stmt(ch[1] if len(ch) > 1 else None),
                             self.as_stmt(ch[2]) if len(ch) > 2 else None, loc))
        elif kind == K.WHILE_STMT:
            ch = children(c)
            out.append(ir.While(self.expr(ch[0]), self.as_stmt(ch[-1] if len(ch) > 1 else None), loc))
        elif kind == K.DO_STMT:
            ch = children(c)
            out.append(ir.DoWhile(self.as_stmt(ch[0]), self.expr(ch[-1]), loc))
        elif kind == K.FOR_STMT:
            out.append(self.for_statement(c, loc))
        elif kind == K.SWITCH_STMT:
            ch = children(c)
            out.append(ir.Switch(self.expr(ch[0]), self.switch_body(ch[-1]), loc))
        elif kind in (K.CASE_STMT, K.DEFAULT_STMT):
            self.case_into(c, out)
        elif kind == K.BREAK_STMT:
            out.append(ir.Break(loc))
        elif kind == K.CONTINUE_STMT:
            out.append(ir.Continue(loc))
        elif kind == K.RETURN_STMT:
            ch = children(c)
            out.append(ir.Return(self.expr(ch[0]) if ch else None, loc))
        elif kind == K.GOTO_STMT:
            ch = children(c)
            out.append(ir.Goto(ch[0].spelling if ch else "", loc))
        elif kind == K.LABEL_STMT:
            out.append(ir.Label(c.spelling, loc))
            for child in children(c):
                self.stmt_into(child, out)
        elif kind == K.SEH_TRY_STMT:
            out.append(self.try_statement(c, loc))
        elif kind == K.SEH_LEAVE_STMT:
            out.append(ir.Leave(loc))
        elif kind == K.NULL_STMT or kind.is_declaration():
            pass
        elif kind.is_expression():
            out.append(ir.ExprStmt(self.expr(c), loc))

    def decl(self, d) -> ir.Decl:
        line, column, name_off = location(d)
        init = None
        values = [ch for ch in children(d) if ch.kind.is_expression()]
        if values:
            last = values[-1]
            last_span = self.offsets(last)
            between = self.src[name_off:last_span[0]]
            if b"=" in between or self._macro_range(*last_span) is not None \
                    and b"=" in self.src[name_off:self.offsets(d)[1]]:
                init = self.expr(last)
            elif self.cplusplus and last.kind == self.K.CALL_EXPR \
                    and self.src[name_off + len(d.spelling):name_off + 256].lstrip().startswith((b"(", b"{")):
                init = self.expr(last)                 # FxAutoIrp irp(pIrp): constructed
        text, is_array, is_pointer = self._type_text(d.type)
        _, (end_line, end_column, _) = extent(d)
        return ir.Decl(d.spelling, text, init,
                       ir.Loc(line, self.col(line, column), end_line, self.col(end_line, end_column)),
                       d.storage_class == self.ci.StorageClass.STATIC, is_array, is_pointer)

    def for_statement(self, c, loc) -> ir.For:
        parts = children(c)
        body = parts[-1] if parts else None
        # Which of init/cond/update are present: find the two ';' of the header.
        semis = []
        depth = 0
        for start, end in token_spans(c):
            sp = self.src[start:end]
            if sp == b"(":
                depth += 1
            elif sp == b")":
                depth -= 1
                if depth == 0:
                    break
            elif sp == b";" and depth == 1:
                semis.append(start)
        init: list = []
        cond = update = None
        for ch in parts[:-1]:
            start = self.offsets(ch)[0]
            if len(semis) < 2 or start < semis[0] or (ch.kind == self.K.DECL_STMT and start <= semis[0]):
                if ch.kind == self.K.DECL_STMT:
                    self.stmt_into(ch, init)
                else:
                    init.append(ir.ExprStmt(self.expr(ch), self.loc(ch)))
            elif start < semis[1]:
                cond = self.expr(ch)
            else:
                update = self.expr(ch)
        return ir.For(init, cond, update, self.as_stmt(body), loc)

    def switch_body(self, c) -> ir.Block:
        stmts: list = []
        if c.kind == self.K.COMPOUND_STMT:
            for child in children(c):
                self.stmt_into(child, stmts)
        else:
            self.stmt_into(c, stmts)
        return ir.Block(stmts, self.loc(c))

    def case_into(self, c, out: list) -> None:
        ch = children(c)
        if c.kind == self.K.CASE_STMT:
            out.append(ir.Case(self.expr(ch[0]) if ch else None, self.loc(c)))
            rest = ch[1:] if len(ch) <= 2 else ch[2:]
        else:
            out.append(ir.Case(None, self.loc(c)))
            rest = ch
        for sub in rest:
            self.stmt_into(sub, out)

    def try_statement(self, c, loc) -> ir.Stmt:
        K = self.K
        ch = children(c)
        body = self.block(ch[0]) if ch and ch[0].kind == K.COMPOUND_STMT else ir.Block([])
        for clause in ch[1:]:
            parts = children(clause)
            if clause.kind == K.SEH_FINALLY_STMT:
                handler = parts[-1] if parts else None
                return ir.Try(body, "finally", self.block(handler) if handler is not None else ir.Block([]),
                              None, loc)
            if clause.kind == K.SEH_EXCEPT_STMT:
                handler = parts[-1] if parts else None
                filt = self.expr(parts[0]) if len(parts) > 1 else None
                return ir.Try(body, "except", self.block(handler) if handler is not None else ir.Block([]),
                              filt, loc)
        return body

    # ----------------------------------------------------------- expressions
    def expr(self, c) -> ir.Expr:
        K = self.K
        kind = c.kind
        s, e = self.offsets(c)
        r = self._macro_range(s, e)
        if r is not None and self._as_written(c, r):
            written = self._written_expr(r)
            if written is not None:
                return written
        if kind == K.UNEXPOSED_EXPR:
            if not self.in_template and c.type.kind == self.ci.TypeKind.DEPENDENT:
                self.unresolved = True          # clang's RecoveryExpr
            ch = [x for x in children(c) if x.kind.is_expression()]
            if len(ch) == 1:
                return self.expr(ch[0])
            return ir.Opaque(self.text(c), self.loc(c))
        loc = self.loc(c)
        if kind == K.DECL_REF_EXPR:
            name = c.spelling
            if name in _NULL_NAMES:
                return ir.Literal("null", name, loc)
            return ir.Name(name, self._name_loc(c, r))
        if kind == K.CALL_EXPR:
            ch = children(c)
            if not ch:
                return ir.Opaque(self.text(c), loc)
            if self.cplusplus and c.referenced is not None and c.referenced.kind == K.CONSTRUCTOR:
                # FxAutoIrp irp(pIrp): a constructor call; its children are the arguments.
                return ir.Call(ir.Name(c.spelling, loc), [self.expr(a) for a in ch], loc, loc)
            callee = self.expr(ch[0])
            if self.cplusplus and type(callee) is ir.Name:
                callee.id = self._method_name(ch[0], callee.id)
            call = ir.Call(callee, [self.expr(a) for a in ch[1:]], loc, self._name_loc(ch[0], r))
            wanted = self.constant_args.get(call.name) if self.constant_args else None
            if wanted:
                call.constants = self._constants(ch[1:], wanted)
            return call
        if kind == K.MEMBER_REF_EXPR:
            ch = [x for x in children(c) if x.kind.is_expression()]
            if not ch and self.cplusplus:
                return ir.Name(c.spelling, self._name_loc(c, r))   # m_Buffer: an implicit this->
            base = self.expr(ch[0]) if ch else ir.Opaque("")
            if not c.spelling:
                return base          # an anonymous struct/union member
            return ir.Member(base, c.spelling, self._arrow(c, ch[0] if ch else None), loc)
        if kind == K.ARRAY_SUBSCRIPT_EXPR:
            ch = children(c)
            return ir.Index(self.expr(ch[0]), self.expr(ch[1]), loc) if len(ch) == 2 else ir.Opaque(self.text(c), loc)
        if kind in (K.BINARY_OPERATOR, K.COMPOUND_ASSIGNMENT_OPERATOR):
            ch = children(c)
            if len(ch) != 2:
                return ir.Opaque(self.text(c), loc)
            op = binary_operator(c) or "?"
            left, right = self.expr(ch[0]), self.expr(ch[1])
            if op.endswith("=") and op not in ("==", "!=", "<=", ">="):
                return ir.Assign(left, op, right, loc)
            return ir.Binary(op, left, right, loc)
        if kind == K.UNARY_OPERATOR:
            ch = children(c)
            if not ch:
                return ir.Opaque(self.text(c), loc)
            return ir.Unary(unary_operator(c) or "?", self.expr(ch[0]), loc)
        if kind == K.PAREN_EXPR:
            ch = children(c)
            return ir.Paren(self.expr(ch[0]), loc) if ch else ir.Opaque(self.text(c), loc)
        if kind == K.CXX_NULL_PTR_LITERAL_EXPR:
            return ir.Literal("null", "nullptr", loc)
        if kind in (K.CXX_STATIC_CAST_EXPR, K.CXX_REINTERPRET_CAST_EXPR, K.CXX_CONST_CAST_EXPR,
                    K.CXX_FUNCTIONAL_CAST_EXPR):
            ch = [x for x in children(c) if x.kind.is_expression()]
            return ir.Cast(c.type.spelling, self.expr(ch[-1]), loc) if ch else ir.Opaque(self.text(c), loc)
        if kind == K.CSTYLE_CAST_EXPR:
            ch = [x for x in children(c) if x.kind.is_expression()]
            if not ch:
                return ir.Opaque(self.text(c), loc)
            inner = ch[-1]
            if r is not None:          # inside a macro expansion: the text is the macro use's
                return ir.Cast(c.type.spelling, self.expr(inner), loc)
            head = self.src[s:self.offsets(inner)[0]].decode("utf-8", "replace").strip()
            if head.startswith("(") and head.endswith(")"):
                head = head[1:-1].strip()
            return ir.Cast(head, self.expr(inner), loc)
        if kind == K.CONDITIONAL_OPERATOR:
            ch = children(c)
            if len(ch) == 3:
                return ir.Conditional(self.expr(ch[0]), self.expr(ch[1]), self.expr(ch[2]), loc)
            return ir.Opaque(self.text(c), loc)
        if kind in (K.INTEGER_LITERAL, K.CHARACTER_LITERAL) and r is not None:
            value = integer_value(c)           # the source text is the macro use's
            return ir.Literal("number", str(value), loc) if value is not None else ir.Opaque("", loc)
        if kind in (K.INTEGER_LITERAL, K.FLOATING_LITERAL):
            return ir.Literal("number", self.text(c), loc)
        if kind == K.STRING_LITERAL:
            return ir.Literal("string", self.text(c), loc)
        if kind == K.CHARACTER_LITERAL:
            return ir.Literal("char", self.text(c), loc)
        if kind == K.CXX_UNARY_EXPR:
            return ir.Literal("sizeof", self.text(c), loc)
        if kind == K.INIT_LIST_EXPR:
            return ir.InitList([self.expr(x) for x in children(c) if x.kind.is_expression()], loc)
        return ir.Opaque(self.text(c), loc)

    def _method_name(self, c, name: str) -> str:
        """A static method called as CPool::Grab(n) (or Grab(n) inside the
        class) has the name its out-of-line definition has: CPool::Grab."""
        while c.kind == self.K.UNEXPOSED_EXPR:
            ch = children(c)
            if len(ch) != 1:
                return name
            c = ch[0]
        if c.kind != self.K.DECL_REF_EXPR:
            return name
        ref = c.referenced
        if ref is None or ref.kind != self.K.CXX_METHOD:
            return name
        definition = ref.get_definition() or ref
        parent = definition.lexical_parent
        if parent is None or parent.kind in (self.K.CLASS_DECL, self.K.STRUCT_DECL):
            return name                      # defined inside its class: named as such
        return f"{definition.semantic_parent.spelling}::{name}"

    def _constants(self, args, wanted: tuple[int, ...]) -> Optional[dict[int, int]]:
        """Values of the wanted arguments that are integer constant
        expressions (a tag through a macro, an enum or a constexpr; flags)."""
        values = {i: integer_value(args[i]) for i in wanted if i < len(args)}
        values = {i: v for i, v in values.items() if v is not None}
        if self.stand_ins:
            values = {i: v for i, v in values.items() if not any(
                x.kind == self.K.DECL_REF_EXPR and x.spelling in self.stand_ins
                for x in args[i].walk_preorder())}
        return values or None

    def _name_loc(self, c, r) -> ir.Loc:
        """Where a name (or a call's callee) is: the macro's name when it came
        out of a macro expansion."""
        while c.kind == self.K.UNEXPOSED_EXPR:
            ch = children(c)
            if len(ch) != 1:
                break
            c = ch[0]
        s, e = self.offsets(c)
        inner = r or self._macro_range(s, e)
        if inner is not None:
            return self._macro_loc(inner)
        return self.loc(c)

    def _arrow(self, c, base) -> bool:
        j = location(c)[2]
        while j > 0 and self.src[j - 1:j] in (b" ", b"\t", b"\n", b"\r"):
            j -= 1
        tail = self.src[max(0, j - 2):j]
        if tail == b"->":
            return True
        if tail.endswith(b"."):
            return False
        return base is not None and base.type.get_canonical().kind == self.ci.TypeKind.POINTER
