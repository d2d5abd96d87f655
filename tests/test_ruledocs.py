"""Rule documents (rules/checks/PT*.md): loading, validation, rendering."""
from __future__ import annotations

import re
import shutil
import tomllib
from pathlib import Path

import pytest

from analyzer.ruledocs import (
    REQUIRED_SECTIONS, Rule, RuleDocError, load_rules, load_rules_from, parse_rule,
    render_explain, render_rule_table, rule_help_uri, rules_dir,
)

REPO_RULES = Path(__file__).resolve().parent.parent / "rules"


def _family_ids() -> set[str]:
    ids = set()
    for entry in rules_dir().joinpath("apis").iterdir():
        if entry.name.endswith(".toml"):
            data = tomllib.loads(entry.read_text(encoding="utf-8"))
            if "family" in data:
                ids.add(data["family"]["id"])
    return ids


# ------------------------------------------------------------- the real rules
def test_rules_directory_is_found():
    d = rules_dir()
    assert d.joinpath("checks").is_dir()
    assert d.joinpath("checks").joinpath("PT001.md").is_file()


def test_every_rule_file_is_loaded():
    files = sorted(p.stem for p in (REPO_RULES / "checks").glob("PT*.md"))
    rules = load_rules()
    assert list(rules) == files
    assert "PT001" in rules


@pytest.mark.parametrize("rule_id", sorted(load_rules()))
def test_rule_is_complete(rule_id):
    rule = load_rules()[rule_id]
    assert rule.id == rule_id
    assert re.fullmatch(r"[a-z][a-z0-9-]*", rule.name)
    assert rule.severity in ("error", "warning", "note")
    assert rule.summary and "\n" not in rule.summary
    assert rule.bugcheck.startswith("0x")
    assert rule.tags and rule.families
    for title in REQUIRED_SECTIONS:
        assert rule.sections[title].strip(), title
    assert "```" in rule.sections["Example"]
    assert "```" in rule.sections["Use instead"]
    assert re.search(r"\]\(https://", rule.sections["References"])
    assert set(rule.families) <= _family_ids()
    assert rule.markdown.startswith("+++")
    assert rule.body.startswith("## ")
    assert rule_help_uri(rule) == f"https://github.com/pooltrack/pooltrack/blob/main/rules/checks/{rule.id}.md"


def test_rule_names_are_unique():
    names = [r.name for r in load_rules().values()]
    assert len(names) == len(set(names))


def test_load_rules_is_cached_but_callers_cannot_corrupt_it():
    first = load_rules()
    first.clear()
    assert load_rules()
    assert load_rules()["PT001"] is load_rules()["PT001"]


@pytest.mark.parametrize("rule_id", sorted(load_rules()))
def test_explain_renders(rule_id):
    rule = load_rules()[rule_id]
    out = render_explain(rule)
    assert out.startswith(f"{rule.id} ({rule.name}): {rule.summary}\n")
    assert rule.severity in out
    assert " ".join(rule.bugcheck.split()) in " ".join(out.split())
    assert rule_help_uri(rule) in out
    for title in REQUIRED_SECTIONS:
        assert f"\n{title}\n{'-' * len(title)}\n" in out
    assert "```" not in out
    assert "](http" not in out                 # links rendered as "text <url>"
    # Code from the example is kept, indented.
    first_code = next(line for line in rule.sections["Example"].splitlines()
                      if line.strip() and not line.startswith("```"))
    assert "    " + first_code in out
    assert out.index("What it does") < out.index("Why is this bad") < out.index("Example") \
        < out.index("Use instead") < out.index("References")


def test_explain_pt001_content():
    out = render_explain(load_rules()["PT001"])
    assert "ExFreePoolWithTag(buffer, 'gfCP');" in out
    assert "Pool Tracking <https://learn.microsoft.com/" in out
    assert "0xC4" in out


def test_rule_table_lists_every_rule():
    table = render_rule_table()
    lines = table.strip().splitlines()
    assert lines[0] == "| Rule | Name | Severity | Summary | Driver Verifier bug check |"
    assert lines[1] == "| --- | --- | --- | --- | --- |"
    rules = load_rules()
    assert len(lines) == 2 + len(rules)
    for line, rule in zip(lines[2:], rules.values()):
        cells = [c.strip() for c in re.split(r"(?<!\\)\|", line)[1:-1]]
        assert cells == [f"[{rule.id}](rules/checks/{rule.id}.md)", f"`{rule.name}`",
                         rule.severity, rule.summary, rule.bugcheck]


def test_rule_table_escapes_pipes():
    rule = parse_rule(_doc(summary="a | b"), "rules/checks/PT900.md")
    table = render_rule_table({rule.id: rule})
    assert "a \\| b" in table
    assert table.splitlines()[2].count(" | ") == 4


# -------------------------------------------------------------- validation
def _doc(*, rule_id="PT900", severity="warning", summary="Something leaks",
         sections=REQUIRED_SECTIONS, extra_front="", body_extra="") -> str:
    front = (f'id = "{rule_id}"\nname = "test-rule-{rule_id.lower()}"\nseverity = "{severity}"\n'
             f'summary = "{summary}"\nbugcheck = "0xC4"\ntags = ["leak"]\nfamilies = ["pool"]\n'
             + extra_front)
    body = ""
    for title in sections:
        body += f"## {title}\nText for {title}.\n\n"
        if title == "Example":
            body += "```c\nvoid f(void) { ExAllocatePool2(0, 1, 1); }\n```\n\n"
    return f"+++\n{front}+++\n{body_extra}{body}"


def _write(tmp_path: Path, name: str, text: str) -> Path:
    checks = tmp_path / "checks"
    checks.mkdir(exist_ok=True)
    (checks / name).write_text(text, encoding="utf-8")
    return tmp_path


def test_valid_document_loads(tmp_path):
    rules = load_rules_from(_write(tmp_path, "PT900.md", _doc()))
    rule = rules["PT900"]
    assert isinstance(rule, Rule)
    assert list(rule.sections) == list(REQUIRED_SECTIONS)
    assert rule.sections["Example"].endswith("```")
    assert rule.tags == ("leak",) and rule.families == ("pool",)
    # The checks folder itself works too.
    assert load_rules_from(tmp_path / "checks") == rules


@pytest.mark.parametrize("missing", REQUIRED_SECTIONS)
def test_missing_section_names_file_and_section(tmp_path, missing):
    sections = [s for s in REQUIRED_SECTIONS if s != missing]
    _write(tmp_path, "PT900.md", _doc(sections=sections))
    with pytest.raises(RuleDocError) as e:
        load_rules_from(tmp_path)
    assert "rules/checks/PT900.md" in str(e.value)
    assert f"'## {missing}'" in str(e.value)


def test_heading_inside_a_code_block_is_not_a_section(tmp_path):
    text = _doc(sections=[s for s in REQUIRED_SECTIONS if s != "References"])
    text += "## Notes\n```c\n## References\n#define CAT(a, b) a ## b\n```\n"
    with pytest.raises(RuleDocError, match=r"PT900\.md: missing required section '## References'"):
        parse_rule(text, "rules/checks/PT900.md")


def test_extra_sections_are_kept_and_rendered(tmp_path):
    text = _doc() + "## Options\nNone yet.\n"
    rule = parse_rule(text, "rules/checks/PT900.md")
    assert rule.sections["Options"] == "None yet."
    out = render_explain(rule)
    assert out.index("References") < out.index("Options")


@pytest.mark.parametrize("text,message", [
    ("no front matter\n## What it does\n", "must start with TOML front matter"),
    ("+++\nid = \"PT900\"\n", "not closed"),
    ("+++\nid = [\n+++\n", "invalid TOML"),
    (_doc(severity="fatal"), "severity 'fatal'"),
    (_doc(rule_id="XX1"), "not of the form PT001"),
    (_doc(extra_front='owner = "me"\n'), "unknown front matter key"),
    (_doc().replace('bugcheck = "0xC4"\n', ""), "lacks 'bugcheck'"),
    (_doc().replace('tags = ["leak"]', 'tags = "leak"'), "'tags' must be a list"),
    (_doc() + "## Example\nagain\n", "'## Example' appears twice"),
    (_doc(body_extra="stray text\n"), "text before the first"),
    (_doc().replace("Text for Use instead.", ""), "'## Use instead' is empty"),
    (_doc() + "```c\nunclosed\n", "unclosed code fence"),
])
def test_malformed_documents_are_rejected(text, message):
    with pytest.raises(RuleDocError) as e:
        parse_rule(text, "rules/checks/PT900.md")
    assert str(e.value).startswith("rules/checks/PT900.md: ")
    assert message in str(e.value)


def test_id_must_match_file_name(tmp_path):
    _write(tmp_path, "PT901.md", _doc(rule_id="PT900"))
    with pytest.raises(RuleDocError, match=r"PT901\.md: id 'PT900' does not match the file name"):
        load_rules_from(tmp_path)


def test_duplicate_names_are_rejected(tmp_path):
    _write(tmp_path, "PT900.md", _doc())
    _write(tmp_path, "PT901.md", _doc(rule_id="PT901").replace("test-rule-pt901", "test-rule-pt900"))
    with pytest.raises(RuleDocError, match="already used by PT900"):
        load_rules_from(tmp_path)


def test_empty_directory_is_an_error(tmp_path):
    (tmp_path / "checks").mkdir()
    with pytest.raises(RuleDocError, match="no PT"):
        load_rules_from(tmp_path)


# ----------------------------------------------------- installed layout
def _layout(root: Path, checkout: bool) -> Path:
    """An analyzer/ package with its installed _rules/ copy, and optionally a
    source checkout's rules/ beside it."""
    package = root / "analyzer"
    shutil.copytree(REPO_RULES, package / "_rules")
    (package / "_rules" / "checks" / "PT900.md").write_text(_doc(), encoding="utf-8")
    if checkout:
        shutil.copytree(REPO_RULES, root / "rules")
    return package


def test_installed_copy_is_used_without_a_checkout(tmp_path):
    package = _layout(tmp_path, checkout=False)
    d = rules_dir(package)
    assert d == package / "_rules"
    assert "PT900" in load_rules_from(d)


def test_source_checkout_wins_over_the_installed_copy(tmp_path):
    package = _layout(tmp_path, checkout=True)
    d = rules_dir(package)
    assert d == tmp_path / "rules"
    assert "PT900" not in load_rules_from(d)


def test_this_checkout_uses_its_rules():
    assert rules_dir() == REPO_RULES
