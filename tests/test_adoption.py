"""Adopting pooltrack in a project: inline suppressions, baselines, --fail-on,
configuration files, --changed-files and SAL ownership annotations."""
from __future__ import annotations

import json
import os
import textwrap
from pathlib import Path

import pytest

from analyzer.cli import main
from analyzer.engine import Config, analyze
from analyzer.ownership import Summary
from analyzer.sal import declared_summaries
from analyzer.suppressions import parse_suppressions, suppression_map

LEAK = "    PVOID p = ExAllocatePool2(POOL_FLAG_NON_PAGED, 16, 'tseT');"


def leak_fn(name: str, before: str = "", trailing: str = "") -> str:
    return (f"NTSTATUS {name}(void)\n{{\n{before}{LEAK}{trailing}\n"
            f"    return STATUS_SUCCESS;\n}}\n\n")


def write(tmp: Path, name: str, text: str) -> Path:
    p = tmp / name
    p.parent.mkdir(parents=True, exist_ok=True)
    p.write_text(text, encoding="utf-8")
    return p


def run(capsys, *argv) -> tuple[int, str, str]:
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _no_stray_config(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)


# ---------------------------------------------------------------- suppressions
SUPPRESSED = (
    leak_fn("SameLine", trailing=" // pooltrack: ignore[PT001] freed at unload")
    + leak_fn("LineAbove", before="    // pooltrack: ignore[PT001] lives as long as the device\n")
    + leak_fn("BlockComment", trailing=" /* pooltrack: ignore */")
    + leak_fn("PragmaWarning", before="#pragma warning(suppress: 6014)\n")
    + leak_fn("PragmaPrefast", before='#pragma prefast(suppress: 28197, "owned by the queue")\n')
    + leak_fn("Stacked", before="#pragma warning(suppress: 4100)\n"
                                 "    // pooltrack: ignore[PT001] stacked\n")
)
NOT_SUPPRESSED = (
    leak_fn("UnmappedPragma", before="#pragma warning(suppress: 4100)\n")
    + leak_fn("OtherRule", trailing=" // pooltrack: ignore[PT999] not this rule")
    + leak_fn("TooFar", before="    // pooltrack: ignore[PT001] two lines up\n\n")
)


def test_suppressions_silence_findings_and_keep_justifications(tmp_path):
    src = write(tmp_path, "s.c", SUPPRESSED + NOT_SUPPRESSED)
    result = analyze([str(src)], Config(jobs=1))
    assert sorted(f.function for f in result.findings) == ["OtherRule", "TooFar", "UnmappedPragma"]
    just = {f.function: f.justification for f in result.suppressed}
    assert just == {"SameLine": "freed at unload", "LineAbove": "lives as long as the device",
                    "BlockComment": "", "PragmaWarning": "", "PragmaPrefast": "owned by the queue",
                    "Stacked": "stacked"}


def test_suppression_map_is_data():
    mapping = suppression_map()
    assert mapping["6014"] == {"PT001"}
    assert mapping["28197"] == {"PT001"}
    assert "28103" not in mapping          # resources, not memory


def test_comment_inside_string_is_not_a_suppression():
    sups = parse_suppressions(b'char *s = "// pooltrack: ignore[PT001]";\n')
    assert sups == []


def test_text_hides_suppressed_unless_asked(tmp_path, capsys):
    write(tmp_path, "s.c", SUPPRESSED)
    code, out, _ = run(capsys, "check", "s.c")
    assert code == 0
    assert "SameLine" not in out and "0 findings, 6 suppressed" in out
    code, out, _ = run(capsys, "check", "s.c", "--show-suppressed")
    assert "[PT001, suppressed: freed at unload]" in out


def test_sarif_keeps_suppressed_results(tmp_path, capsys):
    write(tmp_path, "s.c", SUPPRESSED + leak_fn("Real"))
    code, out, _ = run(capsys, "check", "s.c", "--format", "sarif")
    assert code == 1
    results = json.loads(out)["runs"][0]["results"]
    assert len(results) == 7
    sup = [r for r in results if "suppressions" in r]
    assert len(sup) == 6
    assert {"kind": "inSource", "justification": "owned by the queue"} in [s["suppressions"][0] for s in sup]
    assert all(s["suppressions"][0]["kind"] == "inSource" for s in sup)


def test_unused_suppressions_reported_on_request(tmp_path, capsys):
    write(tmp_path, "u.c", "NTSTATUS F(void)\n{\n    // pooltrack: ignore[PT001] stale\n"
                           "    return STATUS_SUCCESS;\n}\n")
    code, out, _ = run(capsys, "check", "u.c")
    assert code == 0 and "suppresses nothing" not in out
    code, out, _ = run(capsys, "check", "u.c", "--report-unused-suppressions")
    assert code == 1
    assert "u.c:3:5: warning: suppression 'pooltrack: ignore[PT001]' suppresses nothing" in out
    code, out, _ = run(capsys, "check", "u.c", "--report-unused-suppressions", "--format", "sarif")
    notes = json.loads(out)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
    assert notes[0]["descriptor"]["id"] == "unused-suppression"


# -------------------------------------------------------------------- baseline
def test_baseline_reports_only_new_results(tmp_path, capsys):
    write(tmp_path, "b.c", leak_fn("Old") + leak_fn("Gone"))
    code, _, _ = run(capsys, "check", "b.c", "--write-baseline", "base.sarif")
    assert code == 1 and (tmp_path / "base.sarif").is_file()
    # Lines move (a comment above), one finding is fixed, one is new.
    write(tmp_path, "b.c", "// header\n// more\n" + leak_fn("Old") + leak_fn("New"))
    code, out, _ = run(capsys, "check", "b.c", "--baseline", "base.sarif")
    assert code == 1
    assert "New returns" in out and "Old returns" not in out and "1 finding" in out
    code, out, _ = run(capsys, "check", "b.c", "--baseline", "base.sarif", "--format", "sarif")
    states = {(r.get("locations", [{}])[0].get("logicalLocations", [{}])[0].get("name"), r["baselineState"])
              for r in json.loads(out)["runs"][0]["results"]}
    assert states == {("Old", "unchanged"), ("New", "new"), ("Gone", "absent")}
    # Nothing new: exit 0.
    write(tmp_path, "b.c", leak_fn("Old"))
    code, out, _ = run(capsys, "check", "b.c", "--baseline", "base.sarif")
    assert code == 0 and "0 findings" in out


def test_bad_baseline_is_a_usage_error(tmp_path, capsys):
    write(tmp_path, "b.c", leak_fn("Old"))
    write(tmp_path, "base.sarif", "not json")
    code, _, err = run(capsys, "check", "b.c", "--baseline", "base.sarif")
    assert code == 2 and "base.sarif" in err


# --------------------------------------------------------------------- fail-on
def test_fail_on(tmp_path, capsys):
    write(tmp_path, "f.c", leak_fn("W"))
    assert run(capsys, "check", "f.c")[0] == 1                       # default: warning
    assert run(capsys, "check", "f.c", "--fail-on", "error")[0] == 0
    assert run(capsys, "check", "f.c", "--fail-on", "note")[0] == 1


# ----------------------------------------------------------------- configuration
def test_pyproject_configuration(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", textwrap.dedent("""\
        [project]
        name = "x"

        [tool.pooltrack]
        exclude = ["vendor/**"]
        severity = { PT001 = "error" }
        fail-on = "error"

        [[tool.pooltrack.apis]]
        family = { id = "my-buffers", title = "driver buffer" }
        allocators = [{ names = ["MyAllocTagged"], result = "return" }]
        releases = [{ names = ["MyFreeTagged"], arg = 0 }]
        """))
    write(tmp_path, "src/a.c", "NTSTATUS A(void)\n{\n    PVOID p = MyAllocTagged(16);\n"
                               "    return STATUS_SUCCESS;\n}\n"
                               "VOID B(void)\n{\n    PVOID p = MyAllocTagged(16);\n    MyFreeTagged(p);\n}\n")
    write(tmp_path, "vendor/v.c", leak_fn("Vendor"))
    code, out, _ = run(capsys, "check", "src", "vendor")
    assert code == 1
    assert "src/a.c:3:15: error: Driver buffer from MyAllocTagged" in out or \
        "src/a.c:3:15: error:" in out
    assert "Vendor" not in out and "1 finding in 1 file" in out
    # CLI flags override the file.
    code, out, _ = run(capsys, "check", "src", "--fail-on", "error", "--ignore", "PT001")
    assert code == 0


def test_dotfile_found_walking_up_and_select(tmp_path, capsys):
    write(tmp_path, ".pooltrack.toml", 'select = ["PT001"]\nfail-on = "error"\n')
    write(tmp_path, "deep/er/f.c", leak_fn("W"))
    code, out, _ = run(capsys, "check", "deep/er/f.c")
    assert code == 0 and "1 finding" in out
    assert run(capsys, "check", "deep/er/f.c", "--no-config")[0] == 1


def test_api_file_path(tmp_path, capsys):
    write(tmp_path, "apis/mine.toml", '[family]\nid = "mine"\ntitle = "my buffer"\n'
                                      '[[allocators]]\nnames = ["MyAllocTagged"]\n')
    write(tmp_path, ".pooltrack.toml", 'apis = "apis/mine.toml"\n')
    write(tmp_path, "a.c", "NTSTATUS A(void)\n{\n    PVOID p = MyAllocTagged(16);\n"
                           "    return STATUS_SUCCESS;\n}\n")
    code, out, _ = run(capsys, "check", "a.c")
    assert code == 1 and "MyAllocTagged" in out


@pytest.mark.parametrize("text, key", [
    ('colour = "red"\n', "colour"),
    ('fail-on = "fatal"\n', "fail-on"),
    ('select = ["PT777"]\n', "select"),
    ('severity = { PT001 = "loud" }\n', "severity.PT001"),
    ('[[apis]]\nallocators = [{ names = ["X"] }]\n', "apis[0].family"),
    ('[[apis]]\nfamily = { id = "f" }\nreleases = [{ arg = 0 }]\n', "apis[0].releases[0].names"),
    ('apis = "missing.toml"\n', "apis[0]"),
    ('include = 3\n', "include"),
    ('fail-on = \n', ""),
])
def test_invalid_configuration_names_file_and_key(tmp_path, capsys, text, key):
    write(tmp_path, ".pooltrack.toml", text)
    write(tmp_path, "a.c", leak_fn("A"))
    code, _, err = run(capsys, "check", "a.c")
    assert code == 2
    assert ".pooltrack.toml" in err and "invalid configuration" in err
    assert key in err


def test_invalid_pyproject_names_the_table(tmp_path, capsys):
    write(tmp_path, "pyproject.toml", '[tool.pooltrack]\nexclude = [1]\n')
    write(tmp_path, "a.c", leak_fn("A"))
    code, _, err = run(capsys, "check", "a.c")
    assert code == 2 and "pyproject.toml: tool.pooltrack.exclude" in err


# --------------------------------------------------------------- changed files
def test_changed_files_report_only_given_files(tmp_path, capsys):
    write(tmp_path, "drv/a.c", leak_fn("InA"))
    write(tmp_path, "drv/b.c", leak_fn("InB"))
    code, out, _ = run(capsys, "check", "--changed-files", "drv/a.c")
    assert code == 1 and "InA" in out and "InB" not in out
    assert "in 2 files" in out            # b.c was read as context
    result = analyze([str(tmp_path / "drv")], Config(
        jobs=1, report_paths=frozenset({os.path.abspath(tmp_path / "drv/b.c")})))
    assert [f.function for f in result.findings] == ["InB"]


# ------------------------------------------------------------------------ SAL
def test_sal_declared_summaries():
    src = textwrap.dedent("""\
        __drv_allocatesMem(Mem) _When_(a, _Post_valid_) PVOID Alloc(_In_ SIZE_T n, ULONG a);
        VOID Free(_In_ ULONG Tag, _In_ __drv_freesMem(Mem) PVOID p);
        VOID Keep(_Inout_ PLIST_ENTRY h, __drv_aliasesMem PVOID p, ULONG x);
        """).encode()
    got = declared_summaries(src)
    assert got["Alloc"] == Summary("pool", (None, None))
    assert got["Free"] == Summary(None, (None, "frees"))
    assert got["Keep"] == Summary(None, (None, "keeps", None))
