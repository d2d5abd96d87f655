"""Project configuration: ``[tool.pooltrack]`` in ``pyproject.toml`` or a
``.pooltrack.toml`` (whose top level is the same table).

It is found by walking up from the analyzed paths (their common directory):
the first directory holding a ``.pooltrack.toml``, or a ``pyproject.toml``
with a ``[tool.pooltrack]`` table, wins.  Command-line flags override it.

Keys (all optional)::

    include = ["src/**"]            # globs, relative to the configuration's directory
    exclude = ["third_party/**"]
    select = ["PT001"]              # rules to report (default: all)
    ignore = []                     # rules not to report
    severity = { PT001 = "error" }  # per-rule severity: error | warning | note
    fail-on = "warning"             # error | warning | note (the exit code)
    report-unused-suppressions = false
    apis = "tools/apis.toml"        # a TOML file (or a list of them) in the
                                    # rules/apis/*.toml format, or inline:
    [[tool.pooltrack.apis]]         # one table per API file
    family = { id = "my-buffers", title = "driver buffer" }
    allocators = [{ names = ["MyAllocTagged"], result = "return" }]
    releases = [{ names = ["MyFreeTagged"], arg = 0 }]

Globs: ``*`` and ``?`` stay within a path segment, ``**`` crosses segments; a
pattern without ``/`` matches a file name anywhere.  Paths outside the
configuration's directory are matched by their absolute POSIX path.
"""
from __future__ import annotations

import copy
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable, Optional

from .knowledge import Knowledge, default_knowledge

CONFIG_NAMES = (".pooltrack.toml", "pyproject.toml")
SEVERITIES = ("error", "warning", "note")
_KEYS = {"include", "exclude", "select", "ignore", "severity", "fail-on",
         "report-unused-suppressions", "apis", "drivers"}
_API_KEYS = {"family", "allocators", "releases", "handoffs", "borrows", "noreturn"}


class ConfigError(Exception):
    """An invalid configuration; the message names the file and the key."""


@dataclass
class ProjectConfig:
    path: Optional[str] = None              # the file it came from
    root: Optional[str] = None              # its directory
    include: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    select: Optional[frozenset[str]] = None
    ignore: frozenset[str] = frozenset()
    severity: dict[str, str] = field(default_factory=dict)
    fail_on: Optional[str] = None
    report_unused_suppressions: Optional[bool] = None
    knowledge: Optional[Knowledge] = None   # default knowledge plus the project's APIs
    drivers: tuple[str, ...] = ()           # driver directories (absolute), overriding detection

    def path_filter(self):
        """A predicate on analyzed paths, or None when nothing is filtered."""
        if not self.include and not self.exclude:
            return None
        inc = [_glob_regex(g) for g in self.include]
        exc = [_glob_regex(g) for g in self.exclude]
        root = os.path.abspath(self.root or ".")

        def keep(path: str) -> bool:
            rel = _relative(os.path.abspath(path), root)
            name = rel.rsplit("/", 1)[-1]
            def hit(patterns):
                return any(p.fullmatch(name if simple else rel) for p, simple in patterns)
            if inc and not hit(inc):
                return False
            return not hit(exc)
        return keep


def _relative(path: str, root: str) -> str:
    rel = os.path.relpath(path, root).replace(os.sep, "/")
    if rel == ".." or rel.startswith("../"):
        return path.replace(os.sep, "/")
    return rel


def _glob_regex(glob: str) -> tuple[re.Pattern, bool]:
    simple = "/" not in glob
    out, i = [], 0
    g = glob[2:] if glob.startswith("./") else glob
    while i < len(g):
        if g.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
        elif g.startswith("**", i):
            out.append(".*")
            i += 2
        elif g[i] == "*":
            out.append("[^/]*")
            i += 1
        elif g[i] == "?":
            out.append("[^/]")
            i += 1
        else:
            out.append(re.escape(g[i]))
            i += 1
    if g.endswith("/"):
        out.append(".*")
    return re.compile("".join(out)), simple


def find_config(paths: Iterable[str]) -> Optional[Path]:
    """The configuration file that applies to ``paths``, or None."""
    absolute = [os.path.abspath(p) for p in paths] or [os.getcwd()]
    try:
        start = Path(os.path.commonpath(absolute))
    except ValueError:                     # different drives
        start = Path(absolute[0])
    if not start.is_dir():
        start = start.parent
    for directory in (start, *start.parents):
        dotfile = directory / ".pooltrack.toml"
        if dotfile.is_file():
            return dotfile
        pyproject = directory / "pyproject.toml"
        if pyproject.is_file():
            try:
                with open(pyproject, "rb") as fh:
                    data = tomllib.load(fh)
            except (OSError, tomllib.TOMLDecodeError):
                continue                   # not ours to judge unless it has our table
            if "pooltrack" in data.get("tool", {}):
                return pyproject
    return None


def load_config(path: str | os.PathLike, known_rules: Iterable[str]) -> ProjectConfig:
    path = Path(path)
    shown = str(path)
    try:
        with open(path, "rb") as fh:
            data = tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"{shown}: cannot read: {exc.strerror or exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{shown}: invalid TOML: {exc}") from None
    except UnicodeDecodeError as exc:      # found by fuzz/campaign.py --stages config
        raise ConfigError(f"{shown}: not UTF-8 (byte {exc.start}): invalid TOML") from None
    except RecursionError:                  # tomllib recurses per nested array (fuzz)
        raise ConfigError(f"{shown}: invalid TOML: nested too deeply") from None
    if path.name == "pyproject.toml":
        table, prefix = data.get("tool", {}).get("pooltrack", {}), "tool.pooltrack."
    else:
        table, prefix = data, ""
    return parse_config(table, shown, prefix, known_rules, path.parent)


def parse_config(table: dict, shown: str, prefix: str, known_rules: Iterable[str],
                 base: Path) -> ProjectConfig:
    known = set(known_rules)

    def fail(key: str, message: str):
        raise ConfigError(f"{shown}: {prefix}{key}: {message}")

    if not isinstance(table, dict):
        fail("", "must be a table")
    unknown = sorted(set(table) - _KEYS - {k.replace("-", "_") for k in _KEYS})
    if unknown:
        fail(unknown[0], f"unknown key (known keys: {', '.join(sorted(_KEYS))})")
    table = {k.replace("_", "-"): v for k, v in table.items()}
    cfg = ProjectConfig(path=shown, root=str(base.resolve()))

    def str_list(key: str) -> tuple[str, ...]:
        value = table.get(key, [])
        if isinstance(value, str):
            value = [value]
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            fail(key, "must be a string or a list of strings")
        return tuple(value)

    def rules(key: str) -> frozenset[str]:
        ids = frozenset(r.strip().upper() for r in str_list(key))
        bad = sorted(ids - known)
        if bad:
            fail(key, f"unknown rule id(s): {', '.join(bad)}")
        return ids

    cfg.drivers = tuple(str((base / d).resolve()) for d in str_list("drivers"))
    cfg.include = str_list("include")
    cfg.exclude = str_list("exclude")
    if "select" in table:
        cfg.select = rules("select")
    cfg.ignore = rules("ignore")
    severity = table.get("severity", {})
    if not isinstance(severity, dict):
        fail("severity", "must be a table of rule id = \"error\" | \"warning\" | \"note\"")
    for rule, level in severity.items():
        if rule.upper() not in known:
            fail(f"severity.{rule}", "unknown rule id")
        if level not in SEVERITIES:
            fail(f"severity.{rule}", f"{level!r} is not one of {', '.join(SEVERITIES)}")
        cfg.severity[rule.upper()] = level
    if "fail-on" in table:
        if table["fail-on"] not in SEVERITIES:
            fail("fail-on", f"{table['fail-on']!r} is not one of {', '.join(SEVERITIES)}")
        cfg.fail_on = table["fail-on"]
    if "report-unused-suppressions" in table:
        if not isinstance(table["report-unused-suppressions"], bool):
            fail("report-unused-suppressions", "must be true or false")
        cfg.report_unused_suppressions = table["report-unused-suppressions"]
    if "apis" in table:
        cfg.knowledge = _apis(table["apis"], fail, base)
    return cfg


def _apis(value: Any, fail, base: Path) -> Knowledge:
    knowledge = copy.deepcopy(default_knowledge())
    if isinstance(value, (str, dict)):
        value = [value]
    if not isinstance(value, list):
        fail("apis", "must be a path, a list of paths or an array of tables")
    for i, entry in enumerate(value):
        key = f"apis[{i}]"
        origin = key
        if isinstance(entry, str):
            file = (base / entry)
            try:
                with open(file, "rb") as fh:
                    entry = tomllib.load(fh)
            except OSError as exc:
                fail(key, f"cannot read {file}: {exc.strerror or exc}")
            except tomllib.TOMLDecodeError as exc:
                fail(key, f"{file} is not valid TOML: {exc}")
            origin = str(file)
        if not isinstance(entry, dict):
            fail(key, "must be a table in the rules/apis/*.toml format or a path to one")
        bad = sorted(set(entry) - _API_KEYS - _bundled_api_keys())
        if bad:
            fail(f"{key}.{bad[0]}", f"unknown key (known: {', '.join(sorted(_API_KEYS))})")
        if "family" in entry and not (isinstance(entry["family"], dict) and isinstance(entry["family"].get("id"), str)):
            fail(f"{key}.family", "must be a table with a string 'id'")
        for section in ("allocators", "releases", "handoffs", "borrows", "noreturn"):
            items = entry.get(section, [])
            if not isinstance(items, list):
                fail(f"{key}.{section}", "must be an array of tables")
            for j, item in enumerate(items):
                names = item.get("names") if isinstance(item, dict) else None
                if not isinstance(names, list) or not names or not all(isinstance(n, str) for n in names):
                    fail(f"{key}.{section}[{j}].names", "must be a non-empty list of routine names")
        if entry.get("allocators") and "family" not in entry:
            fail(f"{key}.family", "allocators need a [family] with an id")
        for j, item in enumerate(entry.get("releases", [])):
            if "family" not in entry and "families" not in item:
                fail(f"{key}.releases[{j}]", "needs 'families' or a [family] in the same table")
        try:
            knowledge.merge_file(entry, origin)
        except (ValueError, KeyError, TypeError) as exc:
            fail(key, f"invalid API entry: {exc}")
    return knowledge


def _bundled_api_keys() -> set[str]:
    """Top-level keys the bundled rules/apis/*.toml files use (the format may grow)."""
    from .knowledge import rules_dir
    keys: set[str] = set()
    for path in (rules_dir() / "apis").glob("*.toml"):
        try:
            with open(path, "rb") as fh:
                keys |= set(tomllib.load(fh))
        except (OSError, tomllib.TOMLDecodeError):
            continue
    return keys
