"""The pooltrack command as a user runs it: exit codes, formats, rules, explain."""
import json
import subprocess
import sys
from pathlib import Path

import pytest

from analyzer.cli import main

LEAK = """
NTSTATUS Leaky(PDEVICE_OBJECT Dev)
{
    PVOID p = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'kaeL');
    if (p == NULL) {
        return STATUS_INSUFFICIENT_RESOURCES;
    }
    if (Dev->Flags) {
        return STATUS_UNSUCCESSFUL;
    }
    ExFreePoolWithTag(p, 'kaeL');
    return STATUS_SUCCESS;
}
"""
CLEAN = LEAK.replace("        return STATUS_UNSUCCESSFUL;", "        ExFreePoolWithTag(p, 'kaeL');\n        return STATUS_UNSUCCESSFUL;")


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "leak.c").write_text(LEAK)
    (tmp_path / "clean.c").write_text(CLEAN)
    return tmp_path


def test_text_output_names_the_finding_and_its_path(tree, capsys):
    assert main(["check", str(tree)]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.startswith(f"{(tree / 'leak.c').as_posix()}:4:15: warning: ")
    assert first.endswith("[PT001]")
    assert "allocated by ExAllocatePoolWithTag here" in out
    assert "takes the true branch of (Dev->Flags)" in out
    assert "returns here without releasing it" in out
    assert "1 finding in 2 files" in out


def test_exit_code_zero_when_clean(tree, capsys):
    assert main(["check", str(tree / "clean.c")]) == 0
    assert "0 findings in 1 file" in capsys.readouterr().out


def test_exit_code_two_for_usage_errors_and_nothing_analyzed(tmp_path, capsys):
    assert main(["check"]) == 2
    assert main(["check", str(tmp_path / "missing.c")]) == 2
    assert "no source file could be analyzed" in capsys.readouterr().err
    assert main(["check", "--format", "xml", str(tmp_path)]) == 2
    assert main(["check", "--select", "PT999", str(tmp_path)]) == 2


def test_sarif_and_json_to_file(tree, tmp_path, capsys):
    sarif = tmp_path / "out.sarif"
    assert main(["check", str(tree), "--format", "sarif", "-o", str(sarif), "--root", str(tree)]) == 1
    log = json.loads(sarif.read_text())
    results = log["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["PT001"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "leak.c"
    assert results[0]["codeFlows"][0]["threadFlows"][0]["locations"]
    out = tmp_path / "out.json"
    assert main(["check", str(tree), "--format", "json", "-o", str(out)]) == 1
    data = json.loads(out.read_text())
    assert len(data["findings"]) == 1


def test_select_and_ignore(tree, capsys):
    assert main(["check", str(tree), "--ignore", "PT001"]) == 0
    assert main(["check", str(tree), "--select", "pt001"]) == 1


def test_rules_and_explain(capsys):
    assert main(["rules"]) == 0
    assert "PT001" in capsys.readouterr().out
    assert main(["explain", "PT001"]) == 0
    text = capsys.readouterr().out
    for section in ("What it does", "Why is this bad", "Example", "Use instead", "References"):
        assert section in text
    assert main(["explain", "alloc-leak"]) == 0
    assert main(["explain", "PT404"]) == 2


def test_console_script_runs_as_a_real_process(tree):
    proc = subprocess.run([sys.executable, "-m", "analyzer.cli", "check", str(tree)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1, proc.stderr
    assert "[PT001]" in proc.stdout
