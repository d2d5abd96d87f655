"""PT001 alloc-leak: an allocation neither released nor handed off on some
path out of the function."""
from __future__ import annotations

from ..explore import Outcome
from ..findings import Finding, Related, Step
from ..ir import Function
from ..knowledge import Knowledge

RULE = "PT001"


def findings(fn: Function, outcome: Outcome, knowledge: Knowledge, severity: str = "warning") -> list[Finding]:
    out = []
    transfer = outcome.transfer
    for site_id, leak in sorted(outcome.leaks.items()):
        site = transfer.sites[site_id]
        title = knowledge.families.get(site.family, site.family)
        exit_line = leak.exit_loc.line
        how = "returns" if leak.exit_message == "returns here" else "ends"
        message = (f"{title[0].upper()}{title[1:]} from {site.routine} is neither released nor "
                   f"handed off when {fn.name} {how} at line {exit_line}")
        steps = [Step(fn.path, e.loc, e.message) for e in leak.events]
        exit_text = ("returns here without releasing it" if how == "returns"
                     else "reaches the end of the function without releasing it")
        steps.append(Step(fn.path, leak.exit_loc, exit_text))
        out.append(Finding(
            rule_id=RULE, severity=severity, message=message, path=fn.path,
            loc=site.call.name_loc, function=fn.name, key=site.key,
            related=(Related(fn.path, leak.exit_loc, exit_text),),
            steps=tuple(steps)))
    return out
