"""API knowledge loaded from rules/apis/*.toml: allocators, releases, hand-offs,
borrows and no-return routines.  Adding an allocator/release pair is a data
change there, never a code change here."""
from __future__ import annotations

import functools
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union


def rules_dir(package_dir: Optional[Path] = None) -> Path:
    """The one place that finds rules/ (API families, roles, rule documents):
    a source checkout's rules/ beside the package, else the copy installed
    as analyzer._rules.  The checkout wins so that editing rules/ in an
    editable install takes effect at once."""
    package_dir = package_dir or Path(__file__).resolve().parent
    checkout = package_dir.parent / "rules"
    if (checkout / "apis").is_dir():
        return checkout
    # Installed: pyproject maps analyzer._rules to rules/, so it sits beside
    # this file.  (str() of importlib's MultiplexedPath for a namespace
    # package is not a path: without this an installed pooltrack knew no API.)
    installed = package_dir / "_rules"
    if (installed / "apis").is_dir():
        return installed
    from importlib.resources import files
    return Path(str(files("analyzer._rules")))


@dataclass(frozen=True)
class Allocator:
    name: str
    family: str
    # "return" or (argument index, field name) where the allocation is stored.
    result: Union[str, tuple[int, str]]
    success: str = "nonnull"              # "nonnull" | "ntstatus" | "bool"
    when_true_arg: Optional[int] = None   # allocates only if this argument is TRUE
    handoff_unless_null_arg: Optional[int] = None
    describes_arg: Optional[int] = None   # the new object describes this argument's buffer
    tag_arg: Optional[int] = None
    quota: bool = False
    quota_arg: Optional[int] = None
    quota_flag: Optional[str] = None      # the flags (first argument) charge quota with this bit

    def constant_args(self) -> tuple[int, ...]:
        """Arguments whose constant value a rule reads: tag, quota flags or switch."""
        args = (self.tag_arg, self.quota_arg, self.when_true_arg, 0 if self.quota_flag else None)
        return tuple(sorted({a for a in args if a is not None}))


@dataclass(frozen=True)
class Release:
    name: str
    families: tuple[str, ...]
    arg: int = 0
    field: Optional[str] = None           # releases arg->field (RtlFreeUnicodeString)
    becomes: Optional[str] = None         # partial release: the object changes family
    tag_arg: Optional[int] = None
    hands_off_attached: tuple[str, ...] = ()   # e.g. "@locked": what hangs off it goes too


@dataclass
class Knowledge:
    allocators: dict[str, Allocator] = field(default_factory=dict)
    releases: dict[str, Release] = field(default_factory=dict)
    handoffs: dict[str, tuple[int, ...]] = field(default_factory=dict)
    list_inserts: dict[str, int] = field(default_factory=dict)     # routine -> list head argument
    list_removals: dict[str, int] = field(default_factory=dict)    # routine -> list head argument
    family_rules: dict[str, str] = field(default_factory=dict)     # family -> rule reporting its leaks
    family_words: dict[str, tuple[bool, str]] = field(default_factory=dict)  # family -> (plural, "released")
    borrows: dict[str, Optional[tuple[int, ...]]] = field(default_factory=dict)  # None = all
    noreturn: frozenset[str] = frozenset()
    raises: frozenset[str] = frozenset()    # may raise inside __try (see common.toml)
    completion_routines: dict[str, tuple[int, int]] = field(default_factory=dict)  # routine -> (irp, routine) args
    families: dict[str, str] = field(default_factory=dict)   # id -> title
    constants: dict[str, int] = field(default_factory=dict)  # values of the flags rules test

    def api_names(self) -> frozenset[str]:
        """Every routine that makes a function worth analyzing."""
        return frozenset(self.allocators) | frozenset(self.releases)

    @functools.cached_property
    def quota_routines(self) -> frozenset[str]:
        """Allocators that charge pool quota, always or by an argument (PT003)."""
        return frozenset(a.name for a in self.allocators.values()
                         if a.quota or a.quota_arg is not None or a.quota_flag)

    @functools.cached_property
    def constant_args(self) -> dict[str, tuple[int, ...]]:
        """Routine -> the arguments a frontend that can evaluate constants should."""
        out = {name: a.constant_args() for name, a in self.allocators.items()}
        out.update({name: (r.tag_arg,) for name, r in self.releases.items() if r.tag_arg is not None})
        return {name: args for name, args in out.items() if args}

    def merge_file(self, data: dict, origin: str = "") -> None:
        family = data.get("family", {}).get("id")
        if family:
            self.families[family] = data["family"].get("title", family)
            self.family_rules[family] = data["family"].get("rule", "PT001")
            self.family_words[family] = (bool(data["family"].get("plural", False)),
                                         data["family"].get("released", "released"))
        for entry in data.get("allocators", []):
            for name in entry["names"]:
                self.allocators[name] = _allocator(name, family, entry, origin)
        for entry in data.get("releases", []):
            fams = tuple(entry.get("families", [family] if family else []))
            for name in entry["names"]:
                self.releases[name] = Release(
                    name, fams, int(entry.get("arg", 0)), entry.get("field"),
                    entry.get("becomes"), _per_name(entry.get("tag_arg"), name),
                    tuple(entry.get("hands_off_attached", ())))
        for entry in data.get("handoffs", []):
            for name in entry["names"]:
                self.handoffs[name] = tuple(entry.get("args", []))
                if "into_arg" in entry:
                    self.list_inserts[name] = int(entry["into_arg"])
        for entry in data.get("list_removals", []):
            for name in entry["names"]:
                self.list_removals[name] = int(entry.get("arg", 0))
        for entry in data.get("borrows", []):
            args = entry.get("args", "all")
            for name in entry["names"]:
                self.borrows[name] = None if args == "all" else tuple(args)
        self.noreturn = self.noreturn | frozenset(
            n for entry in data.get("noreturn", []) for n in entry["names"])
        self.raises = self.raises | frozenset(
            n for entry in data.get("raises", []) for n in entry["names"])
        self.constants.update({name: int(value) for name, value in data.get("constants", {}).items()})
        for entry in data.get("completion_routines", []):
            for name in entry["names"]:
                self.completion_routines[name] = (int(entry["irp_arg"]), int(entry["routine_arg"]))


def _per_name(value, name):
    """Settings may be one value or a table keyed by routine name."""
    if isinstance(value, dict):
        return value.get(name)
    return value


def _allocator(name: str, family: Optional[str], entry: dict, origin: str) -> Allocator:
    if not family:
        raise ValueError(f"{origin}: allocators need a [family] id")
    result = entry.get("result", "return")
    if isinstance(result, dict):
        result = (int(result["arg"]), str(result["field"]))
    elif result != "return":
        raise ValueError(f"{origin}: {name}: result must be \"return\" or {{arg, field}}")
    return Allocator(
        name=name, family=family, result=result,
        success=entry.get("success", "nonnull"),
        when_true_arg=entry.get("when_true_arg"),
        handoff_unless_null_arg=entry.get("handoff_unless_null_arg"),
        describes_arg=entry.get("describes_arg"),
        tag_arg=_per_name(entry.get("tag_arg"), name),
        quota=bool(entry.get("quota", False)),
        quota_arg=_per_name(entry.get("quota_arg"), name),
        quota_flag=_per_name(entry.get("quota_flag"), name),
    )


def load_files(paths: Iterable[Path]) -> Knowledge:
    knowledge = Knowledge()
    for path in sorted(paths):
        with open(path, "rb") as fh:
            knowledge.merge_file(tomllib.load(fh), str(path))
    return knowledge


@functools.lru_cache(maxsize=1)
def default_knowledge() -> Knowledge:
    return load_files((rules_dir() / "apis").glob("*.toml"))
