"""Rule documentation as data: ``rules/checks/PT*.md``.

Each rule is one markdown file that starts with TOML front matter between two
``+++`` lines, followed by ``## `` sections::

    +++
    id = "PT001"
    name = "alloc-leak"
    severity = "warning"
    summary = "..."
    bugcheck = "0xC4 (...)"
    tags = ["memory", "leak"]
    families = ["pool", "mdl"]
    +++
    ## What it does
    ...

The same text feeds ``pooltrack explain``, the README's rule table and the
SARIF ``tool.driver.rules`` metadata, so the documentation cannot drift from
what the tool reports.

The rules directory is ``analyzer._rules`` when pooltrack is installed (see
``pyproject.toml``), else ``<repo>/rules`` next to the package in a source
checkout.
"""
from __future__ import annotations

import functools
import re
import textwrap
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from .knowledge import rules_dir

__all__ = [
    "REQUIRED_SECTIONS",
    "SEVERITIES",
    "HELP_URI_TEMPLATE",
    "Rule",
    "RuleDocError",
    "rules_dir",
    "parse_rule",
    "load_rules_from",
    "load_rules",
    "rule_help_uri",
    "markdown_to_text",
    "render_explain",
    "render_rule_table",
]

#: Sections every rule document must have, in the order they are rendered.
REQUIRED_SECTIONS: tuple[str, ...] = (
    "What it does",
    "Why is this bad",
    "Example",
    "Use instead",
    "References",
)

SEVERITIES: tuple[str, ...] = ("error", "warning", "note")

HELP_URI_TEMPLATE = "https://github.com/pooltrack/pooltrack/blob/main/rules/checks/{id}.md"

_RULE_FILE = re.compile(r"PT\d+\.md")
_RULE_ID = re.compile(r"PT\d{3,}")
_FENCE = re.compile(r"^\s{0,3}(`{3,}|~{3,})")
_HEADING = re.compile(r"^##[ \t]+(.*?)[ \t#]*$")
_ANY_HEADING = re.compile(r"^(#{1,6})[ \t]+(.*?)[ \t#]*$")
_LINK = re.compile(r"\[([^\]]+)\]\(([^)\s]+)\)")


class RuleDocError(ValueError):
    """A rule document is malformed; the message names the file and the problem."""


@dataclass(frozen=True)
class Rule:
    id: str                          # "PT001"
    name: str                        # "alloc-leak"
    severity: str                    # "error" | "warning" | "note"
    summary: str                     # one line
    bugcheck: str                    # the Driver Verifier bug check this mirrors
    tags: tuple[str, ...]
    families: tuple[str, ...]        # API family ids from rules/apis/*.toml
    sections: dict[str, str] = field(hash=False, compare=False)  # heading -> markdown body
    markdown: str = field(hash=False, compare=False, repr=False)  # the whole file
    source: str = field(default="", hash=False, compare=False)    # e.g. "rules/checks/PT001.md"

    @property
    def body(self) -> str:
        """The markdown after the front matter (what ``help.markdown`` carries)."""
        return _split_front_matter(self.markdown, self.source)[1].strip("\n") + "\n"


# ------------------------------------------------------------------ locating
# ------------------------------------------------------------------- parsing
def _split_front_matter(text: str, source: str) -> tuple[str, str]:
    lines = text.splitlines(keepends=True)
    if not lines or lines[0].strip() != "+++":
        raise RuleDocError(f"{source}: must start with TOML front matter between '+++' lines")
    for i in range(1, len(lines)):
        if lines[i].strip() == "+++":
            return "".join(lines[1:i]), "".join(lines[i + 1:])
    raise RuleDocError(f"{source}: front matter is not closed by a '+++' line")


def _str_list(meta: dict[str, Any], key: str, source: str) -> tuple[str, ...]:
    value = meta[key]
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise RuleDocError(f"{source}: front matter '{key}' must be a list of non-empty strings")
    return tuple(value)


def _sections(body: str, source: str) -> dict[str, str]:
    sections: dict[str, list[str]] = {}
    current: list[str] | None = None
    fence: str | None = None
    for lineno, line in enumerate(body.splitlines(), 1):
        m = _FENCE.match(line)
        h = _HEADING.match(line) if fence is None and not m else None
        if h:
            title = h.group(1).strip()
            if title in sections:
                raise RuleDocError(f"{source}: section '## {title}' appears twice")
            current = sections[title] = []
            continue
        if current is None and line.strip():
            raise RuleDocError(
                f"{source}: text before the first '## ' section "
                f"(body line {lineno}): {line.strip()[:60]!r}")
        if m:
            marker = m.group(1)
            if fence is None:
                fence = marker
            elif marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
        if current is not None:
            current.append(line)
    if fence is not None:
        raise RuleDocError(f"{source}: unclosed code fence {fence!r}")
    return {title: "\n".join(lines).strip("\n") for title, lines in sections.items()}


def parse_rule(text: str, source: str = "<rule>") -> Rule:
    """Parse one rule document; ``source`` names it in error messages."""
    front, body = _split_front_matter(text, source)
    try:
        meta = tomllib.loads(front)
    except tomllib.TOMLDecodeError as e:
        raise RuleDocError(f"{source}: invalid TOML front matter: {e}") from None

    for key in ("id", "name", "severity", "summary", "bugcheck", "tags", "families"):
        if key not in meta:
            raise RuleDocError(f"{source}: front matter lacks '{key}'")
    for key in ("id", "name", "severity", "summary", "bugcheck"):
        if not isinstance(meta[key], str) or not meta[key].strip():
            raise RuleDocError(f"{source}: front matter '{key}' must be a non-empty string")
    unknown = sorted(set(meta) - {"id", "name", "severity", "summary", "bugcheck", "tags", "families"})
    if unknown:
        raise RuleDocError(f"{source}: unknown front matter key(s): {', '.join(unknown)}")
    if not _RULE_ID.fullmatch(meta["id"]):
        raise RuleDocError(f"{source}: id {meta['id']!r} is not of the form PT001")
    if meta["severity"] not in SEVERITIES:
        raise RuleDocError(
            f"{source}: severity {meta['severity']!r} is not one of {', '.join(SEVERITIES)}")
    if "\n" in meta["summary"].strip():
        raise RuleDocError(f"{source}: summary must be one line")

    sections = _sections(body, source)
    for title in REQUIRED_SECTIONS:
        if title not in sections:
            raise RuleDocError(f"{source}: missing required section '## {title}'")
        if not sections[title].strip():
            raise RuleDocError(f"{source}: section '## {title}' is empty")

    return Rule(
        id=meta["id"],
        name=meta["name"],
        severity=meta["severity"],
        summary=meta["summary"].strip(),
        bugcheck=meta["bugcheck"].strip(),
        tags=_str_list(meta, "tags", source),
        families=_str_list(meta, "families", source),
        sections=sections,
        markdown=text,
        source=source,
    )


def load_rules_from(directory) -> dict[str, Rule]:
    """Load every ``checks/PT*.md`` under ``directory`` (a Path or Traversable).

    ``directory`` may also be the ``checks`` folder itself.  Uncached; the
    result is ordered by rule id.
    """
    checks = directory.joinpath("checks")
    if not checks.is_dir():
        checks = directory
    if not checks.is_dir():
        raise RuleDocError(f"{directory}: no rules directory")
    rules: dict[str, Rule] = {}
    for entry in sorted(checks.iterdir(), key=lambda e: e.name):
        if not _RULE_FILE.fullmatch(entry.name):
            continue
        source = f"rules/checks/{entry.name}"
        try:
            text = entry.read_text(encoding="utf-8")
        except UnicodeDecodeError as e:
            raise RuleDocError(f"{source}: not UTF-8: {e}") from None
        rule = parse_rule(text, source)
        if rule.id != entry.name[:-3]:
            raise RuleDocError(f"{source}: id {rule.id!r} does not match the file name")
        rules[rule.id] = rule
    if not rules:
        raise RuleDocError(f"{checks}: no PT*.md rule documents found")
    names: dict[str, str] = {}
    for rule in rules.values():
        if rule.name in names:
            raise RuleDocError(
                f"{rule.source}: name {rule.name!r} is already used by {names[rule.name]}")
        names[rule.name] = rule.id
    return dict(sorted(rules.items()))


@functools.lru_cache(maxsize=1)
def _load_cached() -> dict[str, Rule]:
    return load_rules_from(rules_dir())


def load_rules() -> dict[str, Rule]:
    """Every rule, keyed and ordered by id (loaded once; callers get a fresh dict)."""
    return dict(_load_cached())


def rule_help_uri(rule: Rule) -> str:
    return HELP_URI_TEMPLATE.format(id=rule.id)


# ----------------------------------------------------------------- rendering
def markdown_to_text(markdown: str, indent_code: str = "    ") -> str:
    """A light markdown -> plain text conversion for terminals and SARIF ``text``.

    Code fences are dropped and their contents indented; ``[text](url)`` links
    become ``text <url>``; inline backticks are removed; ``#`` headings become
    underlined titles.  Everything else
    (paragraphs, bullets) is kept as written.
    """
    out: list[str] = []
    fence: str | None = None
    for line in markdown.splitlines():
        m = _FENCE.match(line)
        if m:
            marker = m.group(1)
            if fence is None:
                fence = marker
                if out and out[-1]:
                    out.append("")
                continue
            if marker[0] == fence[0] and len(marker) >= len(fence):
                fence = None
                out.append("")
                continue
        if fence is not None:
            out.append((indent_code + line) if line.strip() else "")
            continue
        line = _LINK.sub(lambda mm: f"{mm.group(1)} <{mm.group(2)}>", line)
        line = line.replace("`", "")
        heading = _ANY_HEADING.match(line)
        if heading:
            title = heading.group(2)
            if out and out[-1]:
                out.append("")
            out += [title, ("=" if len(heading.group(1)) == 1 else "-") * len(title)]
            continue
        if line.strip() or (out and out[-1]):
            out.append(line.rstrip())
    return "\n".join(out).strip("\n")


def _ordered_sections(rule: Rule) -> Iterable[tuple[str, str]]:
    for title in REQUIRED_SECTIONS:
        yield title, rule.sections[title]
    for title, body in rule.sections.items():
        if title not in REQUIRED_SECTIONS:
            yield title, body


def render_explain(rule: Rule) -> str:
    """Terminal text for ``pooltrack explain PT001``."""
    head = f"{rule.id} ({rule.name}): {rule.summary}"
    wrap = functools.partial(textwrap.fill, width=79, subsequent_indent=" " * 17,
                             break_long_words=False, break_on_hyphens=False)
    lines = [
        head,
        "=" * min(len(head), 79),
        "",
        wrap(f"Severity:        {rule.severity}"),
        wrap(f"Driver Verifier: {rule.bugcheck}"),
        wrap(f"API families:    {', '.join(rule.families)}"),
        wrap(f"Tags:            {', '.join(rule.tags)}"),
        f"Documentation:   {rule_help_uri(rule)}",
    ]
    for title, body in _ordered_sections(rule):
        lines += ["", title, "-" * len(title), markdown_to_text(body)]
    return "\n".join(lines) + "\n"


def _cell(text: str) -> str:
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|")


def render_rule_table(rules: dict[str, Rule] | None = None) -> str:
    """The README's markdown table of rules (links are relative to the repo root)."""
    rules = load_rules() if rules is None else rules
    lines = [
        "| Rule | Name | Severity | Summary | Driver Verifier bug check |",
        "| --- | --- | --- | --- | --- |",
    ]
    for rule in sorted(rules.values(), key=lambda r: r.id):
        lines.append(
            f"| [{rule.id}](rules/checks/{rule.id}.md) | `{_cell(rule.name)}` | "
            f"{_cell(rule.severity)} | {_cell(rule.summary)} | {_cell(rule.bugcheck)} |")
    return "\n".join(lines) + "\n"


def update_readme(readme_path) -> bool:
    """Rewrite the rules table between the README's rules-table markers; True if it changed."""
    path = Path(readme_path)
    text = path.read_text(encoding="utf-8")
    begin = text.index("<!-- rules-table:begin")
    begin = text.index("\n", begin) + 1
    end = text.index("<!-- rules-table:end")
    updated = text[:begin] + render_rule_table() + "\n" + text[end:]
    if updated != text:
        path.write_text(updated, encoding="utf-8")
    return updated != text


if __name__ == "__main__":   # python -m analyzer.ruledocs [README.md]: regenerate the rules table
    import sys
    target = sys.argv[1] if len(sys.argv) > 1 else "README.md"
    print(f"{target}: {'updated' if update_readme(target) else 'already up to date'}")
