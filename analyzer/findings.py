"""What the analysis reports: findings with their paths, and tool notifications."""
from __future__ import annotations

from dataclasses import dataclass, field

from .ir import Loc


@dataclass(frozen=True, slots=True)
class Step:
    """One step of the path that leads to a finding."""
    path: str
    loc: Loc
    message: str


@dataclass(frozen=True, slots=True)
class Related:
    path: str
    loc: Loc
    message: str


@dataclass(frozen=True, slots=True)
class Finding:
    rule_id: str
    severity: str              # "error" | "warning" | "note"
    message: str
    path: str                  # file as given to analyze(), POSIX separators
    loc: Loc                   # primary location (the allocating call's name)
    function: str              # enclosing function
    key: str                   # stable identity inside the function (no line numbers)
    related: tuple[Related, ...] = ()
    steps: tuple[Step, ...] = ()
    # Set (possibly to "") when an inline suppression silenced the finding:
    # the suppression's justification.  Suppressed findings live in
    # Result.suppressed, never in Result.findings.
    justification: str | None = None
    flows: tuple[tuple[Step, ...], ...] = ()   # alternative paths beyond ``steps``

    def sort_key(self):
        return (self.path, self.loc.line, self.loc.col, self.rule_id, self.message)


@dataclass(frozen=True, slots=True)
class Notification:
    """A tool notification: a file that could not be read or parsed, a bound hit."""
    level: str                 # "error" | "warning" | "note"
    kind: str                  # "read-error" | "parse-error" | "bound-hit" | "internal-error"
    message: str
    path: str = ""
    loc: Loc | None = None

    def sort_key(self):
        loc = self.loc or Loc(0, 0, 0, 0)
        return (self.path, loc.line, loc.col, self.kind, self.message)


@dataclass(slots=True)
class Result:
    findings: list[Finding] = field(default_factory=list)
    notifications: list[Notification] = field(default_factory=list)
    files_analyzed: int = 0
    files_failed: int = 0
    lines: int = 0
    suppressed: list[Finding] = field(default_factory=list)   # silenced by an inline suppression

    def sort(self) -> "Result":
        self.findings.sort(key=Finding.sort_key)
        self.suppressed.sort(key=Finding.sort_key)
        self.notifications.sort(key=Notification.sort_key)
        return self
