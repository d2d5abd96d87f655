"""PT005 mismatched-free: an allocation released with another family's routine.

The wrong release still counts as a release (no PT001 on top of it)."""
from __future__ import annotations

from ..facts import Facts
from ..findings import Finding, Related, Step
from ..ir import Function
from ..knowledge import Knowledge
from . import default_severity

RULE = "PT005"


def expected_releases(family: str, knowledge: Knowledge) -> list[str]:
    return sorted(r.name for r in knowledge.releases.values() if family in r.families)


def findings(fn: Function, facts: Facts, knowledge: Knowledge) -> list[Finding]:
    out = []
    for m in sorted(facts.mismatches, key=lambda m: (m.release_loc.line, m.release_loc.col)):
        title = knowledge.families.get(m.family, m.family)
        right = expected_releases(m.family, knowledge)
        if m.family == "irp-threaded":
            use = "send it with IoCallDriver or complete it with IoCompleteRequest; the I/O manager frees it"
        else:
            use = f"use {' or '.join(right)}" if right else "use its own release routine"
        message = (f"{m.release} releases a {title} from {m.allocator}, which it does not own: {use}")
        out.append(Finding(
            rule_id=RULE, severity=default_severity(RULE), message=message, path=fn.path,
            loc=m.release_loc, function=fn.name, key=f"{m.release}<-{m.allocator}",
            related=(Related(fn.path, m.alloc_loc, f"allocated by {m.allocator} here"),),
            steps=(Step(fn.path, m.alloc_loc, f"allocated by {m.allocator} here"),
                   Step(fn.path, m.release_loc, f"released by {m.release} here"))))
    return out
