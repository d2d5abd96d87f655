"""Inline suppressions, read from the original source bytes.

Two spellings are recognized:

* a pooltrack comment, ``// pooltrack: ignore[PT001] reason`` (or
  ``/* pooltrack: ignore[PT001, PT002] reason */``; a bare
  ``pooltrack: ignore`` names every rule).  At the end of a line of code it
  suppresses findings on that line; alone on its line it suppresses findings
  on the next line that is not itself a suppression.
* a Code Analysis pragma, ``#pragma warning(suppress: 6014)`` or
  ``#pragma prefast(suppress: 6014, "justification")``, when it names a
  warning mapped to a pooltrack rule in ``rules/suppression_map.toml``.  As for
  the compiler, it applies to the next line.

The blanker replaces ``#pragma`` lines and comments with spaces before
parsing, so this module never looks at the parsed text: it scans the bytes of
the file as read from disk.  Comment detection is lexical (strings and
character literals are skipped), which is all a suppression needs.
"""
from __future__ import annotations

import dataclasses
import functools
import re
import tomllib
from dataclasses import dataclass
from typing import Iterable, Optional

from .findings import Finding, Notification
from .ir import Loc
from .knowledge import rules_dir

_COMMENT_DIRECTIVE = re.compile(
    r"pooltrack\s*:\s*ignore(?:\s*\[\s*(?P<rules>[^\]]*)\])?(?P<reason>[^\n]*)", re.IGNORECASE)
_PRAGMA = re.compile(
    r"^[ \t]*#[ \t]*pragma[ \t]+(?P<kind>warning|prefast)[ \t]*\((?P<body>.*)\)[ \t]*(?://.*|/\*.*)?$")
_PRAGMA_SUPPRESS = re.compile(r"^\s*suppress\s*:\s*(?P<codes>[^,\"]*)(?:,\s*(?P<just>.*))?$", re.S)
_RULE_ID = re.compile(r"PT\d{3,}", re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Suppression:
    line: int                       # where the directive is written
    col: int
    end_col: int
    targets: tuple[int, ...]        # lines whose findings it suppresses
    rules: Optional[frozenset[str]]  # None: every rule
    justification: str
    text: str                       # the directive as written (for messages)


@functools.lru_cache(maxsize=1)
def suppression_map() -> dict[str, frozenset[str]]:
    """Code Analysis warning number (as text) -> pooltrack rule ids."""
    with open(rules_dir() / "suppression_map.toml", "rb") as fh:
        data = tomllib.load(fh)
    out: dict[str, frozenset[str]] = {}
    for entry in data.get("warnings", []):
        out[str(int(entry["code"]))] = frozenset(entry["rules"])
    return out


# Only files that might suppress something are scanned for comments (most
# driver files have #pragma alloc_text, which suppresses nothing).
_SUPPRESS_PRAGMA = re.compile(rb"#\s*pragma\s+(?:warning|prefast)\s*\(\s*suppress")


def _comments(text: str) -> Iterable[tuple[int, int, str, bool]]:
    """(line, column, comment text, alone-on-its-line) of every comment."""
    i, n, line, line_start = 0, len(text), 1, 0
    code_on_line = False
    while i < n:
        c = text[i]
        if c == "\n":
            line, line_start, code_on_line = line + 1, i + 1, False
            i += 1
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c and text[j] != "\n":
                j += 2 if text[j] == "\\" else 1
            i = j + 1
            code_on_line = True
        elif text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            yield line, i - line_start + 1, text[i + 2:j], not code_on_line
            i = j
        elif text.startswith("/*", i):
            j = text.find("*/", i + 2)
            j = n if j < 0 else j
            body = text[i + 2:j]
            rest = text[j + 2:text.find("\n", j) if text.find("\n", j) >= 0 else n]
            yield line, i - line_start + 1, body, not code_on_line and not rest.strip()
            line += body.count("\n")
            if "\n" in body:
                line_start = i + 2 + body.rfind("\n") + 1
            i = j + 2
        else:
            if not c.isspace():
                code_on_line = True
            i += 1


def parse_suppressions(src: bytes | str) -> list[Suppression]:
    text = src.decode("utf-8", "replace") if isinstance(src, bytes) else src
    lines = text.split("\n")
    found: list[tuple[int, int, int, Optional[frozenset[str]], str, str, bool]] = []
    for line, col, body, alone in (_comments(text) if "pooltrack" in text else ()):
        m = _COMMENT_DIRECTIVE.search(body)
        if not m or body[:m.start()].strip():
            continue
        rules = None
        if m.group("rules") is not None:
            rules = frozenset(r.upper() for r in _RULE_ID.findall(m.group("rules")))
        reason = m.group("reason").strip().rstrip("*/").strip()
        found.append((line, col, col + len(body) + 2, rules, reason, f"pooltrack: ignore{('[' + m.group('rules') + ']') if m.group('rules') is not None else ''}", alone))
    mapping = None
    for idx, raw in enumerate(lines):
        if "pragma" not in raw:
            continue
        m = _PRAGMA.match(raw.rstrip("\r"))
        if not m:
            continue
        s = _PRAGMA_SUPPRESS.match(m.group("body"))
        if not s:
            continue
        if mapping is None:
            mapping = suppression_map()
        codes = re.findall(r"\d+", s.group("codes"))
        rules = frozenset(r for code in codes for r in mapping.get(str(int(code)), ()))
        if not rules:
            continue          # a warning pooltrack has no rule for: not ours
        just = (s.group("just") or "").strip()
        if just.startswith('"'):
            just = just.strip('"')
        col = raw.index("#") + 1
        found.append((idx + 1, col, len(raw.rstrip("\r")) + 1, rules, just, raw.strip(), True))

    directive_lines = {f[0] for f in found if f[6]}
    out = []
    for line, col, end_col, rules, reason, shown, alone in found:
        if alone:
            target = line + 1
            while target in directive_lines:      # stacked directives share the next line
                target += 1
            targets = (target,)
        else:
            targets = (line,)
        out.append(Suppression(line, col, end_col, targets, rules, reason, shown))
    return sorted(out, key=lambda s: (s.line, s.col))


def apply_suppressions(path: str, src: bytes, findings: list[Finding]
                       ) -> tuple[list[Finding], list[Finding], list[Notification]]:
    """(kept findings, suppressed findings, one notification per unused suppression)."""
    if b"pooltrack" not in src and not _SUPPRESS_PRAGMA.search(src):
        return findings, [], []
    sups = parse_suppressions(src)
    if not sups:
        return findings, [], []
    by_line: dict[int, list[Suppression]] = {}
    for s in sups:
        for t in s.targets:
            by_line.setdefault(t, []).append(s)
    used: set[Suppression] = set()
    kept, suppressed = [], []
    for f in findings:
        hit = next((s for s in by_line.get(f.loc.line, ())
                    if s.rules is None or f.rule_id in s.rules), None)
        if hit is None:
            kept.append(f)
        else:
            used.add(hit)
            suppressed.append(dataclasses.replace(f, justification=hit.justification))
    unused = [Notification("warning", "unused-suppression",
                           f"suppression '{s.text}' suppresses nothing", path,
                           Loc(s.line, s.col, s.line, s.end_col))
              for s in sups if s not in used]
    return kept, suppressed, unused
