"""Checks: turn analysis results into findings."""
from __future__ import annotations


def default_severity(rule_id: str) -> str:
    """A rule's severity as its documentation in rules/checks declares it."""
    from ..ruledocs import load_rules
    rule = load_rules().get(rule_id)
    return rule.severity if rule is not None else "warning"
