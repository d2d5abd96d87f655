"""Read the expectations written inline in tests/corpus and score findings against them.

    // expect: PT001                   a finding of PT001 must be reported on this line
    // expect-missing: PT001 reason    a real problem the analyzer is known to miss
    // expect-spurious: PT001 reason   a false alarm the analyzer is known to raise

A finding on a line with no marker fails the corpus test; so does a known
miss that is found (the gap was fixed: update the marker) and a known false
alarm that is no longer raised.
"""
from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

MARKER = re.compile(r"//\s*(expect|expect-missing|expect-spurious):\s*((?:PT\d{3}[\s,]*)+)")
SOURCE_SUFFIXES = {".c", ".cpp", ".h", ".hpp"}


@dataclass
class Expectations:
    expect: set = field(default_factory=set)      # (path, line, rule)
    missing: set = field(default_factory=set)
    spurious: set = field(default_factory=set)


def read_markers(root: Path) -> Expectations:
    exp = Expectations()
    for path in sorted(root.rglob("*")):
        if path.suffix.lower() not in SOURCE_SUFFIXES:
            continue
        text = path.read_text(encoding="utf-8", errors="replace")
        for lineno, line in enumerate(text.splitlines(), 1):
            for kind, rules in MARKER.findall(line):
                for rule in re.findall(r"PT\d{3}", rules):
                    key = (path.as_posix(), lineno, rule)
                    {"expect": exp.expect, "expect-missing": exp.missing,
                     "expect-spurious": exp.spurious}[kind].add(key)
    return exp


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0


def score(exp: Expectations, found: set) -> tuple[dict[str, Score], list[str]]:
    """Per-rule scores, and the list of disagreements with the markers."""
    scores: dict[str, Score] = defaultdict(Score)
    problems = []
    for key in sorted(found):
        rule = key[2]
        if key in exp.expect:
            scores[rule].tp += 1
        elif key in exp.spurious:
            scores[rule].fp += 1
        elif key in exp.missing:
            scores[rule].tp += 1
            problems.append(f"{key[0]}:{key[1]}: {rule} is found now: change expect-missing to expect")
        else:
            scores[rule].fp += 1
            problems.append(f"{key[0]}:{key[1]}: unexpected {rule} finding")
    for key in sorted(exp.expect - found):
        scores[key[2]].fn += 1
        problems.append(f"{key[0]}:{key[1]}: expected {key[2]} finding not reported")
    for key in sorted(exp.missing - found):
        scores[key[2]].fn += 1
    for key in sorted(exp.spurious - found):
        problems.append(f"{key[0]}:{key[1]}: known false alarm {key[2]} is gone: remove expect-spurious")
    return dict(scores), problems


def report(scores: dict[str, Score]) -> str:
    lines = ["rule    TP  FP  FN  precision  recall"]
    for rule in sorted(scores):
        s = scores[rule]
        lines.append(f"{rule}  {s.tp:3d} {s.fp:3d} {s.fn:3d}  {s.precision:9.3f}  {s.recall:6.3f}")
    return "\n".join(lines)
