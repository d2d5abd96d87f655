"""Offset-preserving blanking of driver-source noise before tree-sitter.

tree-sitter-c does not know SAL annotations, Windows decoration macros or
alternative ``#if`` branches, and one of them is enough to turn a whole
function into ERROR nodes.  ``blank`` overwrites such text with spaces of the
same byte length (``\\n`` and ``\\r`` are kept), so every byte offset, line and
column of the remaining code is unchanged, and reports what it removed so
later stages can still read e.g. ``_Function_class_(DRIVER_UNLOAD)``.

Blanked, always outside comments and string/char literals:

* SAL 2 (``_In_``, ``_Out_writes_bytes_(n)``, ``_IRQL_requires_max_(x)``...),
  SAL 1 (``__in``, ``__out_bcount(n)``...), ``__drv_*``, ``__RPC__*``, with
  their balanced, possibly nested, parenthesised arguments;
* ``IN``/``OUT``/``OPTIONAL`` and decoration macros (``NTAPI``, ``EXTERN_C``,
  ``FORCEINLINE``, ``DECLSPEC_*``, ``*_CODE_SEG``...), ``__declspec(...)``
  whose argument is not a plain identifier, ``__pragma(...)``;
* preprocessor conditionals: every ``#if/#ifdef/#ifndef/#elif/#else/#endif``
  line, and every branch except the first one not known to be false
  (``#if 0``, ``#ifdef __cplusplus``), as one real configuration would;
* ``#pragma`` lines (they may sit in the middle of an expression);
* keyword macros the grammar cannot see through (see ``_Scanner._alias``):
  ``try``/``except(f)``/``finally``/``leave`` and ``TRY``/``FINALLY``/
  ``LEAVE``, ``do {...} WHILE(c);``, ``WHILE(c) {``;
* statement macros written without a semicolon (``DbgDoit(x)``,
  ``MAKE_CASE(X)``) and loop macros (``ForEachEntry(l, e) {``);
* MSVC integer suffixes (``0xffffI64``) and a leading UTF-8 BOM.

Regex/bytes based; ``blank`` never raises.
"""

from __future__ import annotations

import re

Span = tuple[int, int, str]

# Roots of SAL 2 names: ``_<Root>[_word...]_``.  A root list rather than the
# bare shape, because header guards and struct tags (``_DEVICE_H_``,
# ``_ODM_RA_Info_``) have that shape too.
_SAL2_ROOTS = (
    "In", "Out", "Inout", "InOut", "Outptr", "Outref", "COM_Outptr", "Deref",
    "Pre", "Post", "Prepost", "Ret", "Field", "Struct", "Readable", "Writable",
    "IRQL", "Kernel", "Requires", "Acquires", "Releases", "Guarded",
    "Write_guarded", "Interlocked", "Lock_kind", "Create_lock_level",
    "Has_lock", "Lock_level_order", "No_competing_thread", "Benign_race",
    "Analysis", "Success", "Return_type_success", "Must_inspect_result",
    "Check_return", "Use_decl_annotations", "At", "At_buffer", "When",
    "Function_class", "Dispatch_type", "Called_from_function_class",
    "Global_critical_region", "Global_cancel_spin_lock", "Global_interlock",
    "Global_priority_region", "Null", "Notnull", "Maybenull", "Valid",
    "Notvalid", "Maybevalid", "Null_terminated", "NullNull_terminated",
    "Printf_format_string", "Scanf_format_string", "Scanf_s_format_string",
    "Reserved", "Frees_ptr", "Inexpressible", "Flt", "Wfp",
    "Strict_type_match", "Always", "On_failure", "Unreferenced_parameter",
    "Curr", "Old", "Const", "Literal", "Notliteral", "Points_to_data",
    "Satisfies", "Param", "Group", "Result_nullonfailure",
    "Result_zeroonfailure", "Translates_Win32_to_HRESULT", "Landmark",
    "Raises_SEH_exception", "Maybe_raises_SEH_exception", "Drv", "Unchanged",
    "Enum_is_bitflag", "Unsafe",
)

# SAL 1 words: ``__<word>[_suffix]`` (``__in_bcount_opt``, ``__deref_out``).
_SAL1_WORDS = (
    "in", "out", "inout", "deref", "ecount", "bcount", "xcount", "field",
    "struct", "range", "in_range", "out_range", "checkReturn", "success",
    "nullterminated", "nullnullterminated", "notnull", "maybenull",
    "reserved", "callback", "control_entrypoint", "format_string", "typefix",
    "analysis_assume", "analysis_assert", "requires_lock_held",
    "acquires_lock", "releases_lock", "fallthrough", "kernel_entry",
    "allocator", "bound", "override", "possibly_notnullterminated",
    "readableTo", "writableTo", "inexpressible_readableTo",
    "inexpressible_writableTo", "blocksOn", "refparam", "nonvolatile", "post",
    "pre", "valid", "notvalid", "null", "readonly", "internal_kernel_driver",
    "kernel_driver", "user_driver", "user_code", "kernel_code", "ANNOTATION",
    "on_failure", "encoded_pointer",
)

# Whole words that expand to nothing, a calling convention, a storage class
# or a __declspec the grammar would not accept.
_BARE_NAMES = (
    "IN", "OUT", "OPTIONAL", "CONST", "UNALIGNED", "RESTRICTED_POINTER",
    "POINTER_32", "POINTER_64", "POINTER_SIGNED", "POINTER_UNSIGNED",
    "__ptr32", "__ptr64", "NTAPI", "NTAPI_INLINE", "WINAPI", "WINAPIV",
    "APIENTRY", "CALLBACK", "STDCALL", "FASTCALL", "CDECL", "PASCAL", "FAR",
    "NEAR", "NTSYSAPI", "NTSYSCALLAPI", "NTKERNELAPI", "NTHALAPI", "WDFAPI",
    "KSDDKAPI", "PORTCLASSAPI", "STDMETHODCALLTYPE", "STDAPICALLTYPE",
    "EXTERN_C", "EXTERN_C_START", "EXTERN_C_END", "FORCEINLINE", "INLINE",
    "ETW_INLINE", "FLTAPI", "WSKAPI", "SCSIPORT_API", "BEGIN_INTERFACE",
    "END_INTERFACE", "CONST_VTBL",
    # Code-section and class decorations of the NetAdapter/KMDF C++ runtime
    # libraries (void PAGED Foo(); class KRTL_CLASS KLock {...}).
    "PAGED", "NONPAGED", "PAGEDX", "INITCODE", "KRTL_CLASS", "NONPAGEDX",
    # MSVC single-underscore spellings the grammar does not know.
    "_inline", "_cdecl", "_stdcall", "_fastcall", "_forceinline",
    # Calling conventions: tree-sitter-c reads them, tree-sitter-cpp not in
    # class members (HRESULT __stdcall QueryInterface(...)); they never matter here.
    "__stdcall", "__cdecl", "__fastcall", "__thiscall", "__vectorcall", "__clrcall",
    # COM interface declarations: STDMETHOD(Name)(THIS_ ULONG x) PURE;
    "PURE", "THIS_",
)

# Export/import decoration macros (``FSP_API NTSTATUS F(...)``,
# ``WIAMICRO_API HRESULT Scan(...)``), blanked only where a declaration
# starts: such names also occur as constants (``IRP_SYNCHRONOUS_API``).
_DECL_PREFIX = re.compile(rb"[A-Z][A-Z0-9_]*_API")

# COM method macros (objbase.h): ``STDMETHOD_(T, Name)(...)`` stands for
# ``virtual T Name(...)``.  Blanking the macro name, its parentheses and the
# comma leaves ``T  Name  (...)``, which the grammar reads.
_COM_METHOD_MACROS = (
    "STDMETHOD", "STDMETHOD_", "STDMETHODIMP_", "IFACEMETHOD", "IFACEMETHOD_",
    "IFACEMETHODIMP_", "STDAPI_",
)

# Name families that may take a balanced ``(...)`` argument list.
_CALLABLE_FAMILIES = (
    r"_(?:%s)(?:_[A-Za-z0-9]+)*_" % "|".join(sorted(_SAL2_ROOTS, key=len, reverse=True)),
    r"__(?:%s)(?:_\w*)?" % "|".join(sorted(_SAL1_WORDS, key=len, reverse=True)),
    r"__drv_\w+", r"__RPC_\w+", r"DECLSPEC_\w+", r"[A-Z]\w*_CODE_SEG", r"CODE_SEG",
    r"ALLOC_SECTION_\w+", r"__pragma", r"_Pragma",
)

# Keyword macros (excpt.h, classpnp.h; "WHILE" silences warning C4127).
_KEYWORD_ALIASES = {b"try", b"except", b"finally", b"leave", b"TRY", b"FINALLY", b"LEAVE", b"WHILE"}


def _word_alternatives(patterns) -> bytes:
    """``c(?:rest|...)\\b`` per first character ``c``, so the engine rejects a
    word by its first byte instead of trying every pattern."""
    by_first: dict[str, list[str]] = {}
    for pat in patterns:
        if pat.startswith("[A-Z]"):
            firsts, rest = "ABCDEFGHIJKLMNOPQRSTUVWXYZ", pat[5:]
        else:
            firsts, rest = pat[0], pat[1:]
        for c in firsts:
            by_first.setdefault(c, []).append(rest)
    alts = ("%s(?:%s)\\b" % (c, "|".join(rests)) for c, rests in sorted(by_first.items()))
    return ("(?:%s)" % "|".join(alts)).encode()


_WORD = _word_alternatives(
    _CALLABLE_FAMILIES
    + tuple(sorted(_BARE_NAMES, key=len, reverse=True))
    + tuple(w.decode() for w in sorted(_KEYWORD_ALIASES))
    + tuple(sorted(_COM_METHOD_MACROS, key=len, reverse=True))
    + (_DECL_PREFIX.pattern.decode(), "__declspec")
)

# MSVC integer suffix: 0xffffI64, 10ui64.
_SUFFIXED = rb"(?:0[xX][0-9a-fA-F]+|[0-9]+)[uU]?[iI](?:8|16|32|64)\b"

# A line start: a directive, or a call that may be a statement macro
# without ";" (nothing but a // comment may follow a ";" on that line).
_LINE_RE = rb"""(?:
    (?:\xef\xbb\xbf)?[ \t]*+\#
        (?:[^\n\\/"]++|\\(?:\r?\n|.)?|/\*(?>.*?(?:\*/|\Z))|//[^\n]*+|/|"(?:[^"\\\n]|\\.)*+"?)*+
  | [ \t]*+(?P<mname>[A-Za-z_]\w*+)[ \t]*+\((?=(?:[^;\n/]++|/(?!/))*+(?://[^\n]*)?$)
)"""
_LINE = re.compile(_LINE_RE, re.S | re.M | re.X)

# Everything that is not a token, consumed possessively inside the regex
# engine (so Python only sees tokens): blanks and punctuation, comments,
# string and char literals, whole words and numbers that are not tokens.
_SKIP = rb"""
      [^\n/"'A-Za-z_0-9]++
    | //(?:[^\n\\]|\\(?:\r?\n|.))*+
    | /\*(?>.*?(?:\*/|\Z))
    | /
    | "(?:[^"\\\n]|\\(?:\r?\n|.))*+"?
    | '(?:[^'\\\n]|\\.)*+'?
    | \n(?!""" + _LINE_RE.replace(b"(?P<mname>", b"(?:") + rb""")
    | (?!""" + _WORD + rb""")[A-Za-z_]\w*+
    | (?!""" + _SUFFIXED + rb""")[0-9]\w*+
"""

# A token is a line start (directive or statement-macro candidate), a
# suffixed number or a word from _WORD; the group name says which.
_TOKEN = re.compile(
    rb"(?:" + _SKIP + rb")*+(?:(?P<line>\n" + _LINE_RE + rb")|(?P<number>" + _SUFFIXED
    + rb")|(?P<word>" + _WORD + rb")|(?P<end>\Z)|(?P<other>.))",
    re.S | re.M | re.X,
)
_SUFFIX = re.compile(rb"[uU]?[iI](?:8|16|32|64)\Z")
_DO_BLOCK = re.compile(rb"(?<!\w)do\s*\{")

def _balanced(open_: bytes, close: bytes, stop: bytes, depth: int) -> re.Pattern:
    """Regex for ``open_ ... close`` nested up to ``depth`` levels, skipping
    literals and comments and failing at any byte of ``stop``.  Possessive,
    so a failing match costs one linear scan and no backtracking."""
    atom = rb"""[^%s"'/%s]++|"(?:[^"\\\n]|\\.)*+"?|'(?:[^'\\\n]|\\.)*+'?|/\*(?>.*?\*/)|//[^\n]*+|/""" % (
        re.escape(open_ + close), re.escape(stop))
    inner = rb""
    for _ in range(depth):
        inner = re.escape(open_) + rb"(?:" + atom + (rb"|" + inner if inner else rb"") + rb")*+" + re.escape(close)
    return re.compile(inner, re.S)


ARGUMENTS = _balanced(b"(", b")", b"{};", 8)  # an argument list never holds { } ;
_BLOCK = _balanced(b"{", b"}", b"", 16)
_MAX_ARGS = 4096  # SAL arguments are short; never let one swallow a file.

_DIRECTIVE_WORD = re.compile(rb"\#[ \t]*(\w*)")
COMMENT = re.compile(rb"/\*.*?(?:\*/|\Z)|//[^\n]*", re.S)
_SKIP_SPACE = re.compile(rb"(?:\s|/\*.*?\*/|//[^\n]*)*", re.S)
_WORD_BEFORE = re.compile(rb"\b(\w+)\s*\Z")
_SIMPLE_DECLSPEC = re.compile(rb"__declspec\s*\(\s*\w+\s*\)")
_CPLUSPLUS = re.compile(rb"^(!?)(?:defined\(?__cplusplus\)?|__cplusplus)(&&.*)?$", re.S)
_CONDITIONALS = {b"if", b"ifdef", b"ifndef", b"elif", b"else", b"endif"}
_C_KEYWORDS = {
    b"if", b"while", b"for", b"switch", b"return", b"sizeof", b"do", b"else",
    b"case", b"goto", b"defined", b"__try", b"__except", b"_Alignof",
    b"__alignof", b"_Generic", b"_Static_assert", b"static_assert",
    b"__declspec", b"__attribute__", b"__asm", b"asm", b"typeof", b"__typeof__",
}
_STATEMENT_END = (b";", b"{", b"}", b":")  # what precedes a statement (":": labels, case)

_BLANK_TABLE = bytes(b if b in b"\r\n" else 0x20 for b in range(256))


def blank(src: bytes) -> tuple[bytes, list[Span]]:
    """Return ``src`` with noise replaced by spaces, and the blanked spans.

    Spans are ``(start, end, original_text)`` byte offsets, sorted and
    non-overlapping; the text is decoded as UTF-8 with replacement.
    """
    try:
        src = bytes(src)
        spans = _Scanner(src).run()
        text = [(s, e, src[s:e].decode("utf-8", "replace")) for s, e in spans]
        return _apply(src, spans), text
    except Exception:  # the contract is "never raise": fall back to raw source
        return (bytes(src) if isinstance(src, (bytes, bytearray, memoryview)) else b""), []


def _apply(src: bytes, spans: list[tuple[int, int]]) -> bytes:
    out = bytearray(src)
    for s, e in spans:
        out[s:e] = src[s:e].translate(_BLANK_TABLE)
    return bytes(out)


class _Scanner:
    """One left-to-right pass collecting the byte ranges to blank."""

    def __init__(self, src: bytes) -> None:
        self.src = src
        self.spans: list[tuple[int, int]] = []
        self.cond = _Conditionals()
        self.last_break = 0  # end of the last directive or blanked statement macro
        self.do_ends: dict[int, int] = {}

    def run(self) -> list[tuple[int, int]]:
        src = self.src
        pos = 3 if src.startswith(b"\xef\xbb\xbf") else 0
        if pos:
            self.spans.append((0, 3))
        m = _LINE.match(src, pos)  # the first line has no "\n" before it
        if m:
            pos = self._line(m, pos)
        while (m := _TOKEN.match(src, pos)) is not None and m.lastgroup != "end":
            pos = max(self._token(m), m.start(m.lastgroup) + 1)
        self.cond.finish(len(src), self.spans)
        return _merge(self.spans)

    def _token(self, m: re.Match) -> int:
        """Handle one token; return where scanning resumes."""
        kind = m.lastgroup
        if kind == "line":
            return self._line(m, m.start("line") + 1)
        if not self.cond.active or kind == "other":
            return m.end()  # dead code, or a byte the skipper left
        if kind == "number":
            return self._suffix(m)
        tok = m.group("word")
        if tok in _KEYWORD_ALIASES:
            return self._alias(m)
        if tok == b"__declspec":
            return self._declspec(m)
        if tok.decode() in _COM_METHOD_MACROS:
            return self._com_method(m)
        if _DECL_PREFIX.fullmatch(tok):
            return self._decl_prefix(m)
        return self._name(m)

    def _line(self, m: re.Match, start: int) -> int:
        if m.group("mname") is None:
            return self._directive(start, m.end())
        if not self.cond.active:
            return m.end()
        return self._macro(m, start)

    def _directive(self, start: int, end: int) -> int:
        src = self.src
        m = _DIRECTIVE_WORD.match(src, src.index(b"#", start))
        word = m.group(1) if m else b""
        self.last_break = end
        if word in _CONDITIONALS:
            self.cond.directive(word, src[m.end():end], start, end, self.spans)
        elif word == b"pragma" and self.cond.active:
            self.spans.append((start, end))
        return end

    def _name(self, m: re.Match) -> int:
        end = _args_end(self.src, m.end())
        self.spans.append((m.start("word"), end))
        return end

    def _com_method(self, m: re.Match) -> int:
        """``STDMETHOD_(T, Name)`` -> ``T  Name``: keep the arguments, blank the rest."""
        src, start = self.src, m.start("word")
        end = _args_end(src, m.end())
        if end == m.end():
            return end  # not followed by (...): leave it alone
        open_ = src.index(b"(", m.end())
        comma = src.find(b",", open_, end)
        self.spans.append((start, open_ + 1))
        if comma > 0 and b"(" not in src[open_ + 1:comma]:
            self.spans.append((comma, comma + 1))
        self.spans.append((end - 1, end))
        return end

    def _decl_prefix(self, m: re.Match) -> int:
        src, start, end = self.src, m.start("word"), m.end()
        line_start = src.rfind(b"\n", 0, start) + 1
        starts_declaration = not src[line_start:start].strip() or _prev_char(src, start) in b";{}"
        if starts_declaration and _is_word_start(_next_char(src, end)):
            self.spans.append((start, end))
        return end

    def _declspec(self, m: re.Match) -> int:
        # ``__declspec(ident)`` is left to the grammar (ms_declspec_modifier).
        if _SIMPLE_DECLSPEC.match(self.src, m.start("word")):
            return m.end()
        return self._name(m)

    def _suffix(self, m: re.Match) -> int:
        s = _SUFFIX.search(m.group())
        self.spans.append((m.end() - len(s.group()), m.end()))
        return m.end()

    def _alias(self, m: re.Match) -> int:
        """Keyword macros.  Spaces cannot spell ``__try`` or ``while``, so the
        macro goes and its blocks stay: ``try {A} finally {B}`` -> ``{A} {B}``,
        ``except (f) {H}`` -> ``{H}``, ``leave;`` -> ``;``, ``do {A} WHILE(c);``
        -> ``{A};``, ``WHILE(c) {B}`` -> ``{B}``.  The spans, whose text starts
        with the keyword, tell lowering what the blocks were."""
        src, start, end = self.src, m.start("word"), m.end()
        word = m.group("word").lower()
        after = _args_end(src, end) if word in (b"except", b"while") else end
        nxt, prev = _next_char(src, after), _prev_char(src, start)
        if word == b"leave":
            ok = nxt == b";" and (prev in _STATEMENT_END or prev == b")" or _word_before(src, start) == b"else")
        elif word == b"try":
            ok = nxt == b"{"
        elif word == b"finally":
            ok = prev == b"}" and nxt == b"{"
        elif word == b"except":
            ok = prev == b"}" and nxt == b"{" and after > end
        else:  # WHILE
            ok = after > end and (nxt == b"{" or (nxt == b";" and self._blank_do(start)))
        if not ok:
            return end
        self.spans.append((start, after))
        return after

    def _blank_do(self, while_start: int) -> bool:
        """For ``do {...} WHILE(c);`` blank the ``do`` too; False if not that."""
        src = self.src
        close = _prev_index(src, while_start)
        if src[close:close + 1] != b"}":
            return False
        # The nearest "do {" whose block ends at this "}" (a few tries back).
        lo, i, tries = max(0, close - 65536), close, 16
        while tries and (i := src.rfind(b"do", lo, i)) >= 0:
            end = self._do_block_end(i)
            if end == close + 1:
                self.spans.append((i, i + 2))
                return True
            tries -= end >= 0  # only real "do {" candidates count
        return False

    def _do_block_end(self, i: int) -> int:
        """End of the block of a ``do {`` at ``i`` (-1 if none), memoised."""
        if i not in self.do_ends:
            do = _DO_BLOCK.match(self.src, i)
            self.do_ends[i] = _block_end(self.src, do.end() - 1, do.end() + 65536) if do else -1
        return self.do_ends[i]

    def _macro(self, m: re.Match, line_start: int) -> int:
        """``NAME(args)`` opening a line, as a whole statement with no ``;``."""
        src, name_start = self.src, m.start("mname")
        if m.group("mname") in _C_KEYWORDS or not self._statement_starts(line_start):
            return name_start
        end = _args_end(src, m.end() - 1)
        if end == m.end() - 1:
            return name_start
        nxt = _next_char(src, end)
        inside_function = src[line_start:line_start + 1] in (b" ", b"\t")  # indented
        if not (nxt == b"" or nxt == b"}" or nxt == b"#" or _is_word_start(nxt)
                or (nxt == b"{" and inside_function)):
            return name_start  # an ordinary call or declaration: scan inside
        self.spans.append((name_start, end))
        self.last_break = end
        return end

    def _statement_starts(self, pos: int) -> bool:
        """Whether a statement may start at ``pos`` (after ; { } : or a directive)."""
        i = _prev_index(self.src, pos)
        if self.src[i - 1:i + 1] == b"::":
            return False            # `CDevice::` then `    Initialize()`: a qualified name
        return i < self.last_break or self.src[i:i + 1] in _STATEMENT_END


# -- helpers -------------------------------------------------------------


def _args_end(src: bytes, pos: int) -> int:
    """End of a balanced ``(...)`` right after ``pos`` (blanks allowed), else ``pos``."""
    i, n = pos, len(src)
    while i < n and src[i] in b" \t\r\n":
        i += 1
    if i >= n or src[i] != 0x28:  # "("
        return pos
    m = ARGUMENTS.match(src, i, min(n, i + _MAX_ARGS))
    return m.end() if m else pos


def _block_end(src: bytes, pos: int, limit: int) -> int:
    """End of the balanced ``{...}`` starting at ``pos`` (before ``limit``), or -1."""
    m = _BLOCK.match(src, pos, limit)
    return m.end() if m else -1


def _next_char(src: bytes, pos: int) -> bytes:
    """First byte after ``pos`` that is not blank or comment (b"" at EOF)."""
    i = _SKIP_SPACE.match(src, pos).end()
    return src[i:i + 1]


def _prev_char(src: bytes, pos: int) -> bytes:
    """Last byte before ``pos`` that is not blank or comment (b";" at start of file)."""
    i = _prev_index(src, pos)
    return src[i:i + 1] if i >= 0 else b";"


def _prev_index(src: bytes, pos: int) -> int:
    """Index of the last byte before ``pos`` that is not blank or comment, or -1."""
    i = pos - 1
    while i >= 0:
        while i >= 0 and src[i] in b" \t\r\n":
            i -= 1
        if i >= 1 and src[i - 1:i + 1] == b"*/":
            i = src.rfind(b"/*", 0, i - 1) - 1
            continue
        line_start = src.rfind(b"\n", 0, i) + 1
        cut = src.find(b"//", line_start, i + 1)
        if cut < 0 or b'"' in src[line_start:cut]:
            return i
        i = cut - 1
    return -1


def _word_before(src: bytes, pos: int) -> bytes:
    m = _WORD_BEFORE.search(src, max(0, pos - 64), pos)
    return m.group(1) if m else b""


def _is_word_start(c: bytes) -> bool:
    return c.isalpha() or c == b"_"


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(spans):
        if e <= s:
            continue
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


class _Conditionals:
    """``#if`` nesting: blanks every conditional line and each dropped branch."""

    def __init__(self) -> None:
        self.stack: list[list[bool]] = []  # per #if: [parent_active, taken, active]
        self.active = True
        self.dead_from = 0  # start of the current inactive stretch

    def directive(self, word: bytes, expr: bytes, start: int, end: int, spans: list) -> None:
        if not self.active:
            spans.append((self.dead_from, start))
        spans.append((start, end))
        self._update(word, expr)
        if not self.active:
            self.dead_from = end

    def _update(self, word: bytes, expr: bytes) -> None:
        if word in (b"if", b"ifdef", b"ifndef"):
            keep = _truth(word, expr) is not False
            self.stack.append([self.active, keep, self.active and keep])
        elif not self.stack:
            return  # stray #elif/#else/#endif: nothing to pair with
        elif word == b"endif":
            self.stack.pop()
        else:
            frame = self.stack[-1]
            keep = not frame[1] and (word == b"else" or _truth(word, expr) is not False)
            frame[1] = frame[1] or keep
            frame[2] = frame[0] and keep
        self.active = self.stack[-1][2] if self.stack else True

    def finish(self, n: int, spans: list) -> None:
        if not self.active:
            spans.append((self.dead_from, n))


def _truth(word: bytes, expr: bytes) -> bool | None:
    """Known value of a condition, or None when it depends on the build."""
    text = re.sub(rb"\s+", b"", COMMENT.sub(b" ", expr))
    if word == b"ifdef":
        text = b"defined(" + text + b")"
    elif word == b"ifndef":
        text = b"!defined(" + text + b")"
    if text in (b"0", b"(0)", b"FALSE"):
        return False
    if text in (b"1", b"(1)", b"TRUE"):
        return True
    m = _CPLUSPLUS.match(text)
    if m:  # we parse C, so __cplusplus is never defined
        if m.group(1):
            return None if m.group(2) else True
        return False
    return None
