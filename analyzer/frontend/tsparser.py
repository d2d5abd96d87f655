"""The one place that builds the tree-sitter C parser.

``parse(src)`` blanks annotations and dead preprocessor branches
(``blanking.blank``) and parses the result.  Offsets in the tree are offsets
in the original ``src``: blanking never moves a byte.

Microsoft extensions that tree-sitter-c 0.24 parses itself, so they are NOT
blanked and appear in the tree under these node types:

* ``__try {} __except (f) {}`` -> ``seh_try_statement`` (field ``body``) with
  ``seh_except_clause`` (fields ``filter``: parenthesized_expression, ``body``)
* ``__try {} __finally {}``   -> ``seh_try_statement`` with
  ``seh_finally_clause`` (field ``body``)
* ``__leave;``                -> ``seh_leave_statement``
* ``__stdcall`` ``__cdecl`` ``__fastcall`` ``__thiscall`` ``__vectorcall``
  ``__clrcall``              -> ``ms_call_modifier``
* ``__declspec(ident)``       -> ``ms_declspec_modifier`` (``__declspec`` with
  a more complex argument, e.g. ``code_seg("PAGE")``, is blanked)
* ``__inline`` ``__forceinline`` -> ``storage_class_specifier``
* ``__restrict`` ``__unaligned`` ``__sptr`` ``__uptr`` after ``*`` ->
  ``ms_pointer_modifier`` wrapping ``ms_restrict_modifier`` /
  ``ms_unaligned_ptr_modifier`` / ``ms_signed_ptr_modifier`` /
  ``ms_unsigned_ptr_modifier``; ``__based(p)`` -> ``ms_based_modifier``
* ``extern "C" { ... }``      -> ``linkage_specification`` (rare: the usual
  ``#ifdef __cplusplus`` wrapper is blanked as a dead branch)

``#define``/``#include``/``#undef`` lines stay (``preproc_def``,
``preproc_function_def``, ``preproc_include``, ...); ``#if`` lines and
``#pragma`` lines are blanked, their text is in ``ParsedSource.spans``.

Blanked constructs whose *blocks stay* in the tree (find the span whose
text starts with the keyword just before the block to recover them):

* excpt.h ``try {A} finally {B}`` / ``try {A} except (f) {H}`` and
  classpnp's ``TRY``/``FINALLY``: the keywords (and ``except (f)``) are
  blanked, so A, B, H become consecutive ``compound_statement`` nodes;
  ``leave;`` / ``LEAVE;`` become an empty ``expression_statement`` (``;``).
* ``do {A} WHILE (c);`` -> ``{A} ;`` and ``WHILE (c) {A}`` -> ``{A}``.
* Statement macros written without ``;`` (``DbgDoit(x)``, ``MAKE_CASE(X)``)
  and loop macros (``ForEachEntry(l, e) {``) disappear; the block stays.
* Only the first branch of an ``#if`` chain not known to be false is kept.
"""

from __future__ import annotations

import bisect
import re
import time
from dataclasses import dataclass
from functools import lru_cache

import tree_sitter
import tree_sitter_c

from .blanking import Span, blank

__all__ = ["ParsedSource", "parse", "parser", "language"]


@dataclass(frozen=True)
class ParsedSource:
    """One parsed file.  Node offsets index ``source`` and ``blanked`` alike."""

    source: bytes  # the bytes given to parse()
    blanked: bytes  # what tree-sitter saw: same length and line layout
    spans: list[Span]  # blanked (start, end, original text), sorted
    tree: tree_sitter.Tree

    @property
    def root(self) -> tree_sitter.Node:
        return self.tree.root_node

    def text(self, node: tree_sitter.Node) -> bytes:
        """Original text of ``node`` (annotations inside it included)."""
        return self.source[node.start_byte:node.end_byte]

    def spans_in(self, start: int, end: int) -> list[Span]:
        """Blanked spans inside ``[start, end)``, e.g. the annotations of one
        function: ``spans_in(fn.start_byte, fn.end_byte)``.  Annotations written
        before a function header lie before ``fn.start_byte``."""
        i = bisect.bisect_left(self.spans, (start,))
        out = []
        while i < len(self.spans) and self.spans[i][1] <= end:
            out.append(self.spans[i])
            i += 1
        return out


CPP_EXTENSIONS = frozenset({"cpp", "hpp", "cxx", "hxx", "cc", "hh"})

_COMMENTS_AND_LITERALS = re.compile(
    rb"""//[^\n]*|/\*.*?(?:\*/|\Z)|"(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?""", re.S
)
_CPP_SYNTAX = re.compile(
    rb"""^[ \t]*(?:class[ \t]+\w+|template[ \t]*<|(?:public|private|protected)[ \t]*:
               |namespace\b|using[ \t]+namespace\b)
       |\b(?:class|struct|interface)[ \t]+\w+[ \t]*:[ \t]*(?:public|private|protected)\b
       |\w::~?\w|\b(?:nullptr|constexpr|noexcept|reinterpret_cast|static_cast)\b
       |\boperator[ \t]*(?:new|delete)\b|\bextern[ \t]*"C\+\+\"""",
    re.M | re.X,
)


def _suffix(path: str) -> str:
    return path.rsplit(".", 1)[-1].lower() if "." in path else ""


def has_cplusplus_extension(path: str) -> bool:
    return _suffix(path) in CPP_EXTENSIONS


def is_cplusplus(path: str, blanked: bytes) -> bool:
    """C++ by extension, or a header using C++ syntax in live code (a .c file never is)."""
    if has_cplusplus_extension(path):
        return True
    if _suffix(path) != "h":
        return False
    return bool(_CPP_SYNTAX.search(_COMMENTS_AND_LITERALS.sub(b" ", blanked)))


@lru_cache(maxsize=2)
def language(cplusplus: bool = False) -> tree_sitter.Language:
    if cplusplus:
        import tree_sitter_cpp
        return tree_sitter.Language(tree_sitter_cpp.language())
    return tree_sitter.Language(tree_sitter_c.language())


@lru_cache(maxsize=2)
def parser(cplusplus: bool = False) -> tree_sitter.Parser:
    """The cached parsers, C and C++ (not thread-safe: one parse at a time)."""
    return tree_sitter.Parser(language(cplusplus))


class ParseBudgetExceeded(Exception):
    """tree-sitter's error recovery went super-linear (seen on fuzzed input:
    58 KB of unbalanced ``if (x)`` took 3 s) and the parse was cancelled."""


# About ten times tree-sitter's own time on real driver code, so only
# pathological input hits it.
PARSE_SECONDS_BASE = 0.5
PARSE_SECONDS_PER_MIB = 2.0


def parse_budget(size: int) -> float:
    return PARSE_SECONDS_BASE + PARSE_SECONDS_PER_MIB * size / 2**20


def _parse_within_budget(p: tree_sitter.Parser, text: bytes) -> tree_sitter.Tree:
    budget = parse_budget(len(text))
    deadline = time.monotonic() + budget
    try:
        # The progress callback is only honoured when the source is read in chunks.
        return p.parse(lambda offset, _point: text[offset:offset + (1 << 20)],
                       progress_callback=lambda *_: time.monotonic() > deadline)
    except ValueError as exc:  # "Parsing failed": the callback cancelled it
        p.reset()  # else the parser's next parse would resume this one
        raise ParseBudgetExceeded(f"parsing took over {budget:.1f} s") from exc


def parse(src: bytes | str, *, blanked: bool = True, path: str = "") -> ParsedSource:
    """Blank ``src`` and parse it; ``blanked=False`` parses the raw bytes.
    C++ sources (by ``path``'s extension, or a C++ header) get the C++ grammar,
    whose trees use the same node types for everything C has."""
    if isinstance(src, str):
        src = src.encode("utf-8")
    src = bytes(src)
    text, spans = blank(src) if blanked else (src, [])
    return ParsedSource(src, text, spans, _parse_within_budget(parser(is_cplusplus(path, text)), text))
