"""The README lists every rule (its generated table is current) and every
pre-commit hook id."""
from __future__ import annotations

import re
from pathlib import Path

import yaml

from analyzer.ruledocs import load_rules, render_rule_table

REPO = Path(__file__).resolve().parent.parent
README = (REPO / "README.md").read_text(encoding="utf-8")


def test_readme_rules_table_is_generated():
    m = re.search(r"<!-- rules-table:begin[^\n]*-->\n(.*?)<!-- rules-table:end -->", README, re.S)
    assert m, "README.md lacks the rules-table markers"
    assert m.group(1).strip() == render_rule_table().strip(), \
        "README rules table is stale: regenerate it with `python -m analyzer.ruledocs`"
    for rule_id in load_rules():
        assert f"[{rule_id}]" in m.group(1)


def test_readme_lists_every_pre_commit_hook():
    hooks = yaml.safe_load((REPO / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks
    for hook in hooks:
        assert re.search(rf"id: {re.escape(hook['id'])}\b", README), hook["id"]


def test_readme_documents_the_integrations():
    for heading in ("## Suppressions and baselines", "## Configuration", "## pre-commit",
                    "## GitHub code scanning"):
        assert heading in README
    for path in ("docs/github-code-scanning.md", "examples/github-workflow.yml", "action.yml",
                 "rules/suppression_map.toml"):
        assert path in README and (REPO / path).is_file(), path
