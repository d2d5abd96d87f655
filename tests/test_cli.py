"""The pooltrack command as a user runs it: exit codes, formats, rules, explain."""
import json
import subprocess
import sys

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


def _two_entry_driver(tmp_path):
    """A bus driver whose unload releases a buffer that a sibling directory
    (with its own DriverEntry, a test harness) allocates into a shared global."""
    (tmp_path / "core").mkdir()
    (tmp_path / "core" / "alloc.c").write_text(
        "#include <ntddk.h>\nPVOID g_Buffer;\n"
        "NTSTATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R)\n{\n"
        "    g_Buffer = ExAllocatePoolWithTag(NonPagedPoolNx, 64, 'gBuf');\n"
        "    return STATUS_SUCCESS;\n}\n")
    (tmp_path / "core" / "unload").mkdir()
    (tmp_path / "core" / "unload" / "unload.c").write_text(
        "#include <ntddk.h>\nextern PVOID g_Buffer;\nDRIVER_UNLOAD CoreUnload;\n"
        "VOID CoreUnload(PDRIVER_OBJECT D)\n{\n    ExFreePoolWithTag(g_Buffer, 'gBuf');\n}\n"
        "NTSTATUS DriverEntry(PDRIVER_OBJECT D, PUNICODE_STRING R)\n{\n"
        "    D->DriverUnload = CoreUnload;\n    return STATUS_SUCCESS;\n}\n")
    return tmp_path / "core"


def _rules_found(capsys) -> list[str]:
    return [f["ruleId"] for f in json.loads(capsys.readouterr().out)["findings"]]


def test_driver_flag_overrides_grouping(tmp_path, capsys):
    core = _two_entry_driver(tmp_path)
    # Detected grouping: two drivers; the allocating one registers no unload -> PT002.
    assert main(["check", str(core), "--no-config", "--format", "json"]) == 1
    assert _rules_found(capsys) == ["PT002"]
    # As one driver, the unload in the subdirectory releases the global.
    assert main(["check", str(core), "--no-config", "--format", "json", "--driver", str(core)]) == 0
    assert _rules_found(capsys) == []


def test_drivers_configuration_key(tmp_path, capsys):
    core = _two_entry_driver(tmp_path)
    (tmp_path / ".pooltrack.toml").write_text('drivers = ["core"]\n')
    assert main(["check", str(core), "--format", "json"]) == 0
    assert _rules_found(capsys) == []
    (tmp_path / ".pooltrack.toml").write_text('drivers = "core/unload"\n')   # a root that changes nothing
    assert main(["check", str(core), "--format", "json"]) == 1
    assert _rules_found(capsys) == ["PT002"]


def test_per_file_skips_the_whole_driver_rules(tmp_path, capsys):
    core = _two_entry_driver(tmp_path)
    assert main(["check", str(core), "--no-config", "--format", "json", "--per-file"]) == 0
    assert _rules_found(capsys) == []     # PT002 needs the driver model
