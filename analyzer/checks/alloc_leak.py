"""PT001 alloc-leak (and PT004 locked-pages-leak, the same check on the
locked-pages family): an allocation neither released nor handed off on some
path out of the function."""
from __future__ import annotations

from ..explore import Outcome
from ..findings import Finding, Related, Step
from ..ir import Function
from ..knowledge import Knowledge
from . import default_severity

RULE = "PT001"


def findings(fn: Function, outcome: Outcome, knowledge: Knowledge) -> list[Finding]:
    out = []
    transfer = outcome.transfer
    for site_id, leak in sorted(outcome.leaks.items()):
        site = transfer.sites[site_id]
        title = knowledge.families.get(site.family, site.family)
        plural, released = knowledge.family_words.get(site.family, (False, "released"))
        exit_line = leak.exit_loc.line
        how = "returns" if leak.exit_message == "returns here" else "ends"
        message = (f"{title[0].upper()}{title[1:]} {'by' if plural else 'from'} {site.routine} "
                   f"{'are' if plural else 'is'} neither {released} nor "
                   f"handed off when {fn.name} {how} at line {exit_line}")
        steps = [Step(fn.path, e.loc, e.message) for e in leak.events]
        verb = {"released": "releasing", "unlocked": "unlocking"}.get(released, released)
        it = "them" if plural else "it"
        exit_text = (f"returns here without {verb} {it}" if how == "returns"
                     else f"reaches the end of the function without {verb} {it}")
        steps.append(Step(fn.path, leak.exit_loc, exit_text))
        rule_id = knowledge.family_rules.get(site.family, RULE)
        out.append(Finding(
            rule_id=rule_id, severity=default_severity(rule_id), message=message, path=fn.path,
            loc=site.call.name_loc, function=fn.name, key=site.key,
            related=(Related(fn.path, leak.exit_loc, exit_text),),
            steps=tuple(steps)))
    return out
