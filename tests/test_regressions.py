"""Replay every fuzz regression input through every stage (see tests/regressions/README.md)."""
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from fuzz.targets import TARGETS  # noqa: E402

from analyzer.engine import Config, analyze  # noqa: E402

REGRESSIONS = sorted(p for p in (ROOT / "tests" / "regressions").iterdir() if p.suffix != ".md")


def test_there_are_regression_inputs():
    assert REGRESSIONS


@pytest.mark.parametrize("stage", sorted(TARGETS))
@pytest.mark.parametrize("path", REGRESSIONS, ids=lambda p: p.name)
def test_stage_survives(path, stage):
    TARGETS[stage](path.read_bytes())


SOURCES = [p for p in REGRESSIONS if p.suffix in (".c", ".h", ".cpp", ".hpp")]


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_engine_reports_no_internal_error(path):
    result = analyze([str(path)], Config(jobs=1))
    assert not [n for n in result.notifications if n.kind in ("internal-error", "read-error")]
    assert result.files_analyzed == 1


def test_deep_nesting_is_a_bound_hit_not_a_crash():
    # The regression input, with a release so that the function is lowered
    # (the pipeline only lowers functions that allocate, release or call those that do).
    src = (ROOT / "tests" / "regressions" / "lowering-deep-nested-while.c").read_bytes()
    src = src.replace(b"void f(void)\n{\n", b"void f(void *p)\n{\nExFreePool(p);\n", 1)
    leak = (ROOT / "tests" / "corpus" / "pt001" / "pool_overwritten_pointer_leak.c").read_bytes()
    result = analyze([], Config(jobs=1), buffers={"deep.c": src, "leak.c": leak})
    assert any(n.kind == "bound-hit" and n.path == "deep.c" and "nesting too deep" in n.message
               for n in result.notifications)
    assert not [n for n in result.notifications if n.kind == "internal-error"]
    assert any(f.path == "leak.c" for f in result.findings)   # the other file is still analyzed


def test_parse_over_budget_is_a_bound_hit(monkeypatch):
    # Any parse overruns a zero budget, so this does not depend on the machine's speed.
    from analyzer.frontend import tsparser
    monkeypatch.setattr(tsparser, "PARSE_SECONDS_BASE", 0.0)
    monkeypatch.setattr(tsparser, "PARSE_SECONDS_PER_MIB", 0.0)
    soup = (ROOT / "tests" / "regressions" / "parse-budget-if-soup-481e647ead65.c").read_bytes()
    result = analyze([], Config(jobs=1), buffers={"soup.c": soup})
    hits = [n for n in result.notifications if n.kind == "bound-hit" and n.path == "soup.c"]
    assert hits and "parse budget exceeded" in hits[0].message
    assert not [n for n in result.notifications if n.kind == "internal-error"]
    # A cancelled parse must not leak into the next one (tree-sitter resumes it unless reset).
    monkeypatch.undo()
    tree = tsparser.parse(b"int f(void) { return 0; }\n").tree
    assert not tree.root_node.has_error and tree.root_node.end_byte == 26


def test_parse_budget_grows_with_size():
    from analyzer.frontend.tsparser import parse_budget
    assert parse_budget(0) < parse_budget(2**20) < parse_budget(8 * 2**20)


def test_state_work_bound_stops_a_function_with_hundreds_of_allocations():
    src = (ROOT / "tests" / "regressions" / "pipeline-state-work-300-allocations.c").read_bytes()
    result = analyze([], Config(jobs=1), buffers={"many.c": src})
    assert any(n.kind == "bound-hit" and "units of state work" in n.message for n in result.notifications)


def test_atheris_harness_runs_coverage_guided(tmp_path):
    import subprocess
    seeds = tmp_path / "seeds"
    seeds.mkdir()
    for i, name in enumerate(["pt001/pool_overwritten_pointer_leak.c", "pt004/irp_not_sent_on_error_no_unlock.c"]):
        (seeds / f"s{i}").write_bytes(bytes([i]) + (ROOT / "tests" / "corpus" / name).read_bytes())
    (seeds / "s9").write_bytes(b"\x03" + (ROOT / "tests" / "regressions" / "lowering-deep-nested-while.c").read_bytes())
    proc = subprocess.run([sys.executable, str(ROOT / "fuzz" / "atheris_pipeline.py"), "-runs=300",
                           "-max_len=8192", "-seed=1", str(seeds)],
                          capture_output=True, text=True, timeout=300, cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert "Done 300 runs" in proc.stderr
    assert "cov:" in proc.stderr      # libFuzzer saw coverage: the analyzer is instrumented


def test_config_that_is_not_utf8_is_a_configuration_error(tmp_path, capsys):
    from analyzer.cli import main
    (tmp_path / ".pooltrack.toml").write_bytes(
        (ROOT / "tests" / "regressions" / "config-not-utf8-4f60c11f4ef5.toml").read_bytes())
    (tmp_path / "a.c").write_text("int f(void) { return 0; }\n")
    assert main(["check", str(tmp_path / "a.c")]) == 2
    assert "not UTF-8" in capsys.readouterr().err


def test_malformed_baseline_is_skipped_not_trusted(tmp_path):
    from analyzer.baseline import load_baseline
    odd = tmp_path / "odd.sarif"
    odd.write_text('{"runs": ["x", {"tool": "pooltrack"}, {"tool": {"driver": {"name": "pooltrack"}},'
                   ' "results": [1, {"partialFingerprints": []}, {"partialFingerprints": {"pooltrack/v1": 7}}]}]}')
    assert load_baseline(str(odd)) == {}
