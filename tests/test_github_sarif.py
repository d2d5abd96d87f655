"""pooltrack's SARIF against GitHub code scanning's ingestion rules.

Validated with Microsoft's SARIF multitool (``validate --rule-kind "Sarif;Gh"``,
the SARIF and GitHub rule sets), installed with ``npm ci`` from the committed
``tests/sarif-multitool/package.json`` and ``package-lock.json`` into its
git-ignored ``node_modules``.  The multitool's exit code is 0 whatever it
finds, so the test reads its output log and fails on any error-level result.
Also: the result and size limits are enforced (cut, with a message).
"""
from __future__ import annotations

import gzip
import json
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.emit import sarif as sarif_mod
from analyzer.findings import Finding, Result
from analyzer.ir import Loc

TOOL_DIR = Path(__file__).resolve().parent / "sarif-multitool"

SOURCE = """\
NTSTATUS Leaky(void)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT');
    return STATUS_SUCCESS;
}

NTSTATUS Quiet(void)
{
    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT'); // pooltrack: ignore[PT001] by design
    return STATUS_SUCCESS;
}
"""


@pytest.fixture(scope="session")
def multitool() -> str:
    if shutil.which("npm") is None or shutil.which("node") is None:
        pytest.fail("Node.js and npm are needed (see README, Quick start)")
    if not (TOOL_DIR / "node_modules" / "@microsoft" / "sarif-multitool").is_dir():
        proc = subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=TOOL_DIR,
                              capture_output=True, text=True)
        assert proc.returncode == 0, proc.stdout + proc.stderr
    # The package's bin.js runs the platform binary through a shell, which
    # splits "Sarif;Gh" at the semicolon: ask it for the binary and run that.
    binary = subprocess.run(["node", "-p", "require('@microsoft/sarif-multitool')"], cwd=TOOL_DIR,
                            capture_output=True, text=True, check=True).stdout.strip()
    mode = os.stat(binary).st_mode
    if not mode & stat.S_IXUSR:          # its postinstall chmod may not have run
        os.chmod(binary, mode | stat.S_IXUSR)
    return binary


def validate(multitool: str, log: Path, tmp_path: Path) -> list[dict]:
    out = tmp_path / "validation.sarif"
    proc = subprocess.run([multitool, "validate", "--rule-kind", "Sarif;Gh", "--output", str(out),
                           str(log)], capture_output=True, text=True, timeout=300)
    assert out.is_file(), proc.stdout + proc.stderr
    results = json.loads(out.read_text(encoding="utf-8-sig"))["runs"][0].get("results", [])
    return results


def test_sarif_passes_github_validation(multitool, tmp_path, monkeypatch, capsys):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "drv").mkdir()
    (tmp_path / "drv" / "a.c").write_text(SOURCE)
    assert main(["check", "drv", "--write-baseline", "base.sarif"]) == 1
    (tmp_path / "drv" / "a.c").write_text(SOURCE.replace("Leaky", "Renamed"))
    assert main(["check", "drv", "--format", "sarif", "-o", "out.sarif", "--category", "pooltrack/drv",
                 "--baseline", "base.sarif"]) == 1
    capsys.readouterr()
    log = json.loads((tmp_path / "out.sarif").read_text())
    states = sorted(r.get("baselineState") for r in log["runs"][0]["results"])
    assert states == ["absent", "new", "unchanged"]   # suppressed Quiet is unchanged
    results = validate(multitool, tmp_path / "out.sarif", tmp_path)
    errors = [(r["ruleId"], r.get("message")) for r in results if r.get("level", "warning") == "error"]
    assert not errors, errors


def _finding(i: int, steps: int = 0) -> Finding:
    from analyzer.findings import Step
    return Finding("PT001", "warning", f"leak {i}", "a.c", Loc(1 + i % 50, 1, 1 + i % 50, 5),
                   f"F{i}", f"k{i}", steps=tuple(Step("a.c", Loc(1, 1, 1, 2), "s") for _ in range(steps)))


def test_results_over_github_limit_are_cut_with_a_message(tmp_path, capsys):
    result = Result(findings=[_finding(i) for i in range(sarif_mod.GITHUB_MAX_RESULTS_PER_RUN + 10)])
    text = sarif_mod.sarif_text(result, root=str(tmp_path))
    assert len(json.loads(text)["runs"][0]["results"]) == sarif_mod.GITHUB_MAX_RESULTS_PER_RUN
    assert "over GitHub's limit of 25000 per run" in capsys.readouterr().err
    assert len(gzip.compress(text.encode())) <= sarif_mod.GITHUB_MAX_GZIP_BYTES


def test_gzip_size_limit(monkeypatch, tmp_path, capsys):
    monkeypatch.setattr(sarif_mod, "GITHUB_MAX_GZIP_BYTES", 20_000)
    result = Result(findings=[_finding(i, steps=20) for i in range(400)])
    text = sarif_mod.sarif_text(result, root=str(tmp_path))
    assert len(gzip.compress(text.encode(), compresslevel=6, mtime=0)) <= 20_000
    err = capsys.readouterr().err
    assert "dropped code flows" in err
    log = json.loads(text)
    assert all("codeFlows" not in r for r in log["runs"][0]["results"])
